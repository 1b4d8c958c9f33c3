// The sheets worker: loads the sheets module (src/bin/kam-sheets.rs) and answers the
// page's requests (src/ui/sheets.rs), so reading or writing a large spreadsheet never
// blocks the page. Copied to sheets/worker.js by scripts/build-tools.sh.
import * as sheets from './kam_sheets.js';

const ready = sheets.default({ module_or_path: new URL('./kam_sheets_bg.wasm', import.meta.url) });

function message(error) {
  return String((error && error.message) || error);
}

self.onmessage = async (event) => {
  const request = event.data;
  const id = request.id;
  try {
    await ready;
  } catch (error) {
    self.postMessage({ id, error: 'kam:load:' + message(error) });
    return;
  }
  try {
    if (request.op === 'read') {
      const json = sheets.read_sheet(request.bytes, request.encoding, request.sheet, (rows) =>
        self.postMessage({ id, progress: rows }),
      );
      self.postMessage({ id, ok: json });
    } else if (request.op === 'xlsx') {
      const bytes = sheets.xlsx_file(request.table, request.sheetName, request.numeric);
      self.postMessage({ id, ok: bytes }, [bytes.buffer]);
    } else if (request.op === 'fault' && typeof sheets.fault === 'function') {
      // Test builds only (the `fault-hooks` feature): a panic, for the error screen's tests.
      sheets.fault();
    } else {
      self.postMessage({ id, error: 'unknown request ' + request.op });
    }
  } catch (error) {
    // A panic stops the module for good (src/panics.rs left its message here): the page
    // shows its error screen, and this worker closes.
    if (self.kamPanic !== undefined) {
      self.postMessage({ id, panic: String(self.kamPanic) });
      self.close();
      return;
    }
    self.postMessage({ id, error: message(error) });
  }
};
