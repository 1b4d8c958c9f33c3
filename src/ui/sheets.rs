//! The sheets worker (`sheets/worker.js` beside the app, running the sheets module
//! `src/bin/kam-sheets.rs`): started the first time a spreadsheet is imported or the
//! ranked list is exported as XLSX, so calamine and rust_xlsxwriter are not in the first
//! load and a 10,000-row file is read off the page's thread. This file starts it, sends
//! requests and turns its answers and errors into the app's types.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect, Uint32Array, Uint8Array};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::exchange::sheet::SheetRow;

use super::dom::{asset_url, js_error};

/// A spreadsheet file as read by the worker.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct SheetFile {
    /// "csv" or "xlsx".
    pub kind: String,
    /// The encoding used and the one detected (CSV only).
    pub encoding: Option<String>,
    pub detected: Option<String>,
    /// The workbook's sheets and the one read (XLSX only).
    pub sheets: Vec<String>,
    pub sheet: usize,
    pub rows: Vec<SheetRow>,
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    Empty,
    /// The old binary .xls format, which is not read.
    OldExcel,
    NotASheet,
    /// A workbook beyond `exchange::sheet::XLSX_LIMITS`.
    TooLarge,
    /// The file looked like a spreadsheet but could not be read (the reason, in English
    /// from the reader).
    Unreadable(String),
    /// The worker or its module could not be loaded.
    ToolsFailed(String),
}

impl SheetError {
    fn from_worker(text: String) -> SheetError {
        match text.as_str() {
            "kam:empty" => SheetError::Empty,
            "kam:xls" => SheetError::OldExcel,
            "kam:not-a-sheet" => SheetError::NotASheet,
            "kam:too-large" => SheetError::TooLarge,
            _ => match text.strip_prefix("kam:load:") {
                Some(reason) => SheetError::ToolsFailed(reason.to_owned()),
                None => SheetError::Unreadable(text),
            },
        }
    }
}

struct Pending {
    resolve: Function,
    reject: Function,
    progress: Option<Rc<dyn Fn(u32)>>,
}

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    static PENDING: RefCell<HashMap<u32, Pending>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Prefix of the rejection a request gets when the worker itself failed.
const LOAD_FAILED: &str = "kam:load:";

fn field(data: &JsValue, name: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn on_message(event: web_sys::MessageEvent) {
    let data = event.data();
    let Some(id) = field(&data, "id").as_f64().map(|id| id as u32) else {
        return;
    };
    let progress = field(&data, "progress");
    if let Some(rows) = progress.as_f64() {
        let callback = PENDING.with(|p| p.borrow().get(&id).and_then(|p| p.progress.clone()));
        if let Some(callback) = callback {
            callback(rows as u32);
        }
        return;
    }
    let panic = field(&data, "panic");
    if let Some(message) = panic.as_string() {
        // The sheets module panicked: the worker has closed, and the page shows its
        // error screen with the user's data to download.
        WORKER.with(|w| w.borrow_mut().take());
        super::crash::report(&message);
    }
    let Some(pending) = PENDING.with(|p| p.borrow_mut().remove(&id)) else {
        return;
    };
    let error = if panic.is_undefined() {
        field(&data, "error")
    } else {
        panic
    };
    if error.is_undefined() {
        let _ = pending.resolve.call1(&JsValue::NULL, &field(&data, "ok"));
    } else {
        let _ = pending.reject.call1(&JsValue::NULL, &error);
    }
}

/// The worker failed to start (its script or module did not load): every waiting request
/// fails, and the next request starts a new worker.
fn on_error(event: web_sys::Event) {
    event.prevent_default();
    WORKER.with(|w| {
        if let Some(worker) = w.borrow_mut().take() {
            worker.terminate();
        }
    });
    let detail = Reflect::get(&event, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "sheets/worker.js".to_owned());
    let pending: Vec<Pending> = PENDING.with(|p| p.borrow_mut().drain().map(|(_, p)| p).collect());
    for request in pending {
        let _ = request.reject.call1(
            &JsValue::NULL,
            &JsValue::from_str(&format!("{LOAD_FAILED}{detail}")),
        );
    }
}

fn worker() -> Result<web_sys::Worker, String> {
    if let Some(worker) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(worker);
    }
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&asset_url("sheets/worker.js")?, &options)
        .map_err(js_error)?;
    // One worker serves the page for its whole life, so its handlers are never dropped.
    let message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
    message.forget();
    let error = Closure::<dyn Fn(web_sys::Event)>::new(on_error);
    worker.set_onerror(Some(error.as_ref().unchecked_ref()));
    error.forget();
    WORKER.with(|w| *w.borrow_mut() = Some(worker.clone()));
    Ok(worker)
}

/// Sends `request` (an object; its `id` is set here) and waits for the answer.
async fn ask(request: Object, progress: Option<Rc<dyn Fn(u32)>>) -> Result<JsValue, SheetError> {
    let worker = worker().map_err(SheetError::ToolsFailed)?;
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    Reflect::set(&request, &JsValue::from_str("id"), &JsValue::from(id))
        .map_err(|e| SheetError::ToolsFailed(js_error(e)))?;
    let answer = Promise::new(&mut |resolve, reject| {
        PENDING.with(|p| {
            p.borrow_mut().insert(
                id,
                Pending {
                    resolve,
                    reject,
                    progress: progress.clone(),
                },
            )
        });
    });
    if let Err(e) = worker.post_message(&request) {
        PENDING.with(|p| p.borrow_mut().remove(&id));
        return Err(SheetError::ToolsFailed(js_error(e)));
    }
    JsFuture::from(answer)
        .await
        .map_err(|e| SheetError::from_worker(js_error(e)))
}

fn set(object: &Object, key: &str, value: &JsValue) -> Result<(), SheetError> {
    Reflect::set(object, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|e| SheetError::ToolsFailed(js_error(e)))
}

/// Has the sheets module panic (test builds only), for the error screen's tests.
#[cfg(feature = "fault-hooks")]
pub async fn fault() {
    let request = Object::new();
    if set(&request, "op", &JsValue::from_str("fault")).is_ok() {
        let _ = ask(request, None).await;
    }
}

/// Reads a CSV or XLSX file: `encoding` a label of `exchange::sheet::ENCODINGS` or empty
/// to detect it; `sheet` the workbook sheet's index. `progress(rows)` reports rows read.
pub async fn read_sheet(
    bytes: &Uint8Array,
    encoding: &str,
    sheet: usize,
    progress: impl Fn(u32) + 'static,
) -> Result<SheetFile, SheetError> {
    let request = Object::new();
    set(&request, "op", &JsValue::from_str("read"))?;
    set(&request, "bytes", bytes)?;
    set(&request, "encoding", &JsValue::from_str(encoding))?;
    set(&request, "sheet", &JsValue::from(sheet as u32))?;
    let json = ask(request, Some(Rc::new(progress)))
        .await?
        .as_string()
        .ok_or_else(|| SheetError::Unreadable("no rows".to_owned()))?;
    serde_json::from_str(&json).map_err(|e| SheetError::Unreadable(e.to_string()))
}

/// A table as an XLSX workbook's bytes; cells of `numeric_columns` holding numbers are
/// written as numbers.
pub async fn xlsx_file(
    table: &[Vec<String>],
    sheet_name: &str,
    numeric_columns: &[u32],
) -> Result<Vec<u8>, SheetError> {
    let json = serde_json::to_string(table).map_err(|e| SheetError::Unreadable(e.to_string()))?;
    let request = Object::new();
    set(&request, "op", &JsValue::from_str("xlsx"))?;
    set(&request, "table", &JsValue::from_str(&json))?;
    set(&request, "sheetName", &JsValue::from_str(sheet_name))?;
    set(&request, "numeric", &Uint32Array::from(numeric_columns))?;
    let bytes = ask(request, None).await?;
    Ok(Uint8Array::new(&bytes).to_vec())
}
