//! Key-account workbench: score business customers on weighted criteria along two axes
//! (attractiveness and feasibility), screen, rank and tier them, in the browser.
//!
//! - [`domain`]: the method as plain Rust (no web dependency), unit-tested natively.
//! - [`charts`]: the matrix and pyramid drawn with plotters (SVG), natively testable.
//! - [`exchange`]: files for other programs (CSV for Excel).
//! - [`storage`]: the saved-data format (envelope, versions, migrations) and, in the
//!   browser only, the code that touches localStorage.
//! - [`i18n`]: every user-facing string, in Simplified Chinese and English.
//! - `panics` (browser only): the on-demand modules' panics reported to the page.
//!
//! The Leptos application (`src/ui/`) belongs to the app's binary (`src/main.rs`), not to
//! this library: the on-demand modules link the library too, and must not carry the app.

pub mod charts;
pub mod domain;
pub mod exchange;
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod panics;
pub mod storage;
pub mod sync;
