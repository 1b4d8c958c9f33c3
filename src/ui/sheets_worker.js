// The sheets worker: loads the sheets module (src/bin/kam-sheets.rs) and answers the
// page's requests (src/ui/sheets.rs), so reading or writing a large spreadsheet never
// blocks the page. Copied to sheets/worker.js by scripts/build-tools.sh.
import init, { read_sheet, xlsx_file } from './kam_sheets.js';

const ready = init({ module_or_path: new URL('./kam_sheets_bg.wasm', import.meta.url) });

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
      const json = read_sheet(request.bytes, request.encoding, request.sheet, (rows) =>
        self.postMessage({ id, progress: rows }),
      );
      self.postMessage({ id, ok: json });
    } else if (request.op === 'xlsx') {
      const bytes = xlsx_file(request.table, request.sheetName, request.numeric);
      self.postMessage({ id, ok: bytes }, [bytes.buffer]);
    } else {
      self.postMessage({ id, error: 'unknown request ' + request.op });
    }
  } catch (error) {
    self.postMessage({ id, error: message(error) });
  }
};
