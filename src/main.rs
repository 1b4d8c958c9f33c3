//! Entry point: installs the panic hook (the error screen, `ui::crash`) and mounts the
//! app. The app's pages and components (`ui`) live in this binary; the method, files and
//! texts come from the library, shared with the on-demand modules.

#[cfg(target_arch = "wasm32")]
mod ui;

// The library's modules under the names the app's code uses (`crate::domain`, …).
#[cfg(target_arch = "wasm32")]
use kam::{charts, domain, exchange, i18n, storage};

#[cfg(target_arch = "wasm32")]
fn main() {
    ui::crash::install();
    ui::mount();
}

// The binary only makes sense in the browser; natively the crate is a library for tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("kam-workbench runs in the browser: build it with `trunk build` (see README.md).");
}
