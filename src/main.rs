//! Entry point: installs the panic hook and mounts the app; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    kam::ui::mount();
}

// The binary only makes sense in the browser; natively the crate is a library for tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("kam-workbench runs in the browser: build it with `trunk build` (see README.md).");
}
