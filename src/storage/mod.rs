//! Saved data. [`envelope`] is the file format (shared by localStorage and exported
//! workspace files) and [`packed`] the compressed form it takes in localStorage, both
//! plain Rust; `local` (browser only) is the only code that touches localStorage.
//! [`collation`] keeps the order of long lists between visits.

pub mod collation;
pub mod envelope;
pub mod packed;

#[cfg(target_arch = "wasm32")]
pub mod local;
