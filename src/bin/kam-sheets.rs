//! The sheets module: reads CSV and XLSX files and writes XLSX, with calamine and
//! rust_xlsxwriter (several hundred KB of wasm). It runs in a web worker
//! (`src/ui/sheets_worker.js`), fetched the first time a spreadsheet is imported or
//! exported, so neither the first load nor the page's responsiveness pays for it.
//!
//! Errors that the page translates start with `kam:` (see `src/ui/sheets.rs`).

#[cfg(target_arch = "wasm32")]
mod exports {
    use kam::exchange::sheet::{
        detect_encoding, looks_like_xlsx, read_csv, read_xlsx, write_xlsx, CsvReadError, SheetRow,
        XlsxReadError, ENCODINGS,
    };
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    /// Rows between two progress reports while reading a CSV file.
    const PROGRESS_EVERY: usize = 2_000;

    #[derive(Serialize)]
    struct ReadResult {
        kind: &'static str,
        /// The encoding used (CSV), and the one detected.
        encoding: Option<&'static str>,
        detected: Option<&'static str>,
        sheets: Vec<String>,
        sheet: usize,
        rows: Vec<SheetRow>,
    }

    /// Reads a spreadsheet file given as bytes: an XLSX workbook (sheet `sheet`) or a
    /// CSV file in `encoding` (empty: detected). `progress(rows)` is called while
    /// reading. Returns the rows as JSON.
    #[wasm_bindgen]
    pub fn read_sheet(
        bytes: &[u8],
        encoding: &str,
        sheet: usize,
        progress: &js_sys::Function,
    ) -> Result<String, JsError> {
        if bytes.is_empty() {
            return Err(JsError::new("kam:empty"));
        }
        // The old binary Excel format (an OLE compound file).
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(JsError::new("kam:xls"));
        }
        let result = if looks_like_xlsx(bytes) {
            let (sheets, sheet, rows) = read_xlsx(bytes, sheet).map_err(|e| match e {
                XlsxReadError::TooLarge => JsError::new("kam:too-large"),
                other => JsError::new(&other.to_string()),
            })?;
            ReadResult {
                kind: "xlsx",
                encoding: None,
                detected: None,
                sheets,
                sheet,
                rows,
            }
        } else {
            let detected = detect_encoding(bytes);
            let encoding = ENCODINGS
                .iter()
                .copied()
                .find(|e| *e == encoding)
                .unwrap_or(detected);
            // Text never holds NUL bytes except in UTF-16: this is some other file.
            if encoding != "utf-16le" && bytes.contains(&0) {
                return Err(JsError::new("kam:not-a-sheet"));
            }
            let text = decode(bytes, encoding)?;
            let rows = read_csv(&text, PROGRESS_EVERY, |n| {
                let _ = progress.call1(&JsValue::NULL, &JsValue::from(n as u32));
            })
            .map_err(|e| match e {
                CsvReadError::TooLarge => JsError::new("kam:too-large"),
                other => JsError::new(&other.to_string()),
            })?;
            ReadResult {
                kind: "csv",
                encoding: Some(encoding),
                detected: Some(detected),
                sheets: Vec::new(),
                sheet: 0,
                rows,
            }
        };
        serde_json::to_string(&result).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Decodes with the browser's own decoder (WHATWG Encoding: GB18030, Big5, UTF-16),
    /// so no encoding tables ship in the module.
    fn decode(bytes: &[u8], label: &str) -> Result<String, JsError> {
        let decoder = web_sys::TextDecoder::new_with_label(label)
            .map_err(|_| JsError::new(&format!("no decoder for {label}")))?;
        decoder
            .decode_with_u8_array(bytes)
            .map_err(|_| JsError::new(&format!("not {label} text")))
    }

    /// Writes a table (JSON list of rows of cells) as an XLSX workbook; cells of
    /// `numeric_columns` holding numbers are written as numbers.
    #[wasm_bindgen]
    pub fn xlsx_file(
        table: &str,
        sheet_name: &str,
        numeric_columns: Vec<u32>,
    ) -> Result<Vec<u8>, JsError> {
        let table: Vec<Vec<String>> = serde_json::from_str(table)?;
        let numeric: Vec<usize> = numeric_columns.iter().map(|c| *c as usize).collect();
        write_xlsx(&table, sheet_name, &numeric).map_err(|e| JsError::new(&e.to_string()))
    }

    /// A panic on request, for the browser tests of the page's error screen (test
    /// builds only: the feature is never on in a release).
    #[cfg(feature = "fault-hooks")]
    #[wasm_bindgen]
    pub fn fault() {
        panic!("a test fault in the sheets module");
    }
}

/// Runs when the module is instantiated: its panics reach the page's error screen.
fn main() {
    #[cfg(target_arch = "wasm32")]
    kam::panics::forward_panics();
}
