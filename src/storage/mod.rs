//! Saved data. [`envelope`] is the file format (shared by localStorage and exported
//! workspace files) and is plain Rust; `local` (browser only) is the only code that
//! touches localStorage.

pub mod envelope;

#[cfg(target_arch = "wasm32")]
pub mod local;
