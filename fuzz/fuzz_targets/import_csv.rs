//! A CSV file's bytes as the import reads them: encoding guessed, text decoded (here
//! without the browser's decoder: UTF-8 and UTF-16LE by hand, anything else lossily),
//! separator detected, rows read with the numbers Excel shows, then the whole import
//! (mapping, suggestions, row checks, applying) as in `import_rows`.
//!
//! Checks: the encoding guessed is one the app offers; reading never panics; progress is
//! reported with growing counts; row numbers start at 1 or later and only grow; and the
//! import's invariants (see `common/import_check.rs`).
#![no_main]

#[path = "../common/import_check.rs"]
mod import_check;

use std::sync::OnceLock;

use kam::domain::Workspace;
use kam::exchange::import::DuplicatePolicy;
use kam::exchange::sheet::{detect_encoding, looks_like_xlsx, read_csv, ENCODINGS};
use libfuzzer_sys::fuzz_target;

fn workspace() -> &'static Workspace {
    static WORKSPACE: OnceLock<Workspace> = OnceLock::new();
    WORKSPACE.get_or_init(import_check::existing)
}

fuzz_target!(|data: &[u8]| {
    let encoding = detect_encoding(data);
    assert!(ENCODINGS.contains(&encoding));
    let _ = looks_like_xlsx(data);
    let text = match encoding {
        "utf-16le" => {
            let units: Vec<u16> = data[2..]
                .chunks_exact(2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => String::from_utf8_lossy(data).into_owned(),
    };
    let mut reported = 0;
    let Ok(rows) = read_csv(&text, 3, |n| {
        assert!(n > reported, "progress went back");
        reported = n;
    }) else {
        return;
    };
    let mut last = 0;
    for row in &rows {
        assert!(row.number >= 1, "row number 0");
        assert!(row.number > last, "row {} after row {last}", row.number);
        last = row.number;
    }
    let Some((header, rest)) = rows.split_first() else {
        return;
    };
    let policy = [
        DuplicatePolicy::Skip,
        DuplicatePolicy::Update,
        DuplicatePolicy::AddNew,
    ][data.len() % 3];
    import_check::run(
        workspace(),
        &header.cells,
        rest,
        data.len() % 2 == 0,
        &[],
        policy,
        1,
    );
});
