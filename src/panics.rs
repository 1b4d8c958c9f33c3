//! Panics of the on-demand modules (the tools module in the page, the sheets module in
//! its worker) reported to the page, which replaces itself with its error screen
//! (`src/ui/crash.rs` in the app). A module that panicked is stopped (panics abort), so
//! the report is made from its panic hook, before it stops.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The page's entry for panics elsewhere (`window.kamCrash(message)`).
const PAGE_ENTRY: &str = "kamCrash";
/// Where a worker, which has no such entry, leaves its panic's message for its script to
/// send on to the page (`self.kamPanic`, read by `src/ui/sheets_worker.js`).
pub const WORKER_MARK: &str = "kamPanic";

/// Installs the panic hook of an on-demand module: the message goes to the browser's
/// console and to the page's error screen (or, in a worker, to the worker's script).
pub fn forward_panics() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let message = JsValue::from_str(&info.to_string());
        let global = js_sys::global();
        let entry = Reflect::get(&global, &JsValue::from_str(PAGE_ENTRY))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        match entry {
            Some(report) => {
                let _ = report.call1(&JsValue::NULL, &message);
            }
            None => {
                let _ = Reflect::set(&global, &JsValue::from_str(WORKER_MARK), &message);
            }
        }
    }));
}
