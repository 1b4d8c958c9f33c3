//! Reading an XLSX workbook as the sheets module does (calamine under
//! `kam::exchange::sheet::read_xlsx`): arbitrary bytes, and well-formed workbooks whose
//! sheet XML, shared strings, styles and sheet list come from the input, so the reader's
//! XML and cell handling is reached (mutated zip bytes mostly fail their checksums).
//!
//! Checks: no panic, no hang, no unbounded allocation (libFuzzer's limits report those);
//! the sheet returned is one of the names; every row number is at least 1 and grows;
//! typed cells lie within their row; the rows go through the import (see
//! `common/import_check.rs`) like a read file does.
#![no_main]

#[path = "../common/import_check.rs"]
mod import_check;

use std::io::{Cursor, Write};
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use kam::domain::Workspace;
use kam::exchange::import::DuplicatePolicy;
use kam::exchange::sheet::read_xlsx;
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

fn workspace() -> &'static Workspace {
    static WORKSPACE: OnceLock<Workspace> = OnceLock::new();
    WORKSPACE.get_or_init(import_check::existing)
}

const CELL_TYPES: &[&str] = &["s", "str", "n", "b", "e", "d", "inlineStr"];

#[derive(Arbitrary, Debug)]
enum Reference {
    Cell { column: u16, row: u32 },
    Text(String),
    None,
}

impl Reference {
    fn attribute(&self) -> String {
        match self {
            Reference::Cell { column, row } => {
                format!(r#" r="{}{}""#, column_name(*column % 300), row % 3000)
            }
            Reference::Text(t) => format!(r#" r="{}""#, escape(&within_bounds(t))),
            Reference::None => String::new(),
        }
    }
}

/// A known finding, left to the reader (see FUZZING.md): calamine gives a sheet's cells as
/// one rectangle, so a workbook with a cell far from the others (even within Excel's
/// limits, A1 and XFD1048576) asks for terabytes and aborts. Cell references are kept
/// to a few thousand rows and columns so that the rest of the reader is explored; longer
/// references overflow calamine's parser (a panic with these builds' overflow checks).
fn within_bounds(reference: &str) -> String {
    let (mut digits, mut letters) = (0, 0);
    reference
        .chars()
        .filter(|c| {
            if c.is_ascii_digit() {
                digits += 1;
                digits <= 3
            } else if c.is_ascii_alphabetic() {
                letters += 1;
                letters <= 3
            } else {
                true
            }
        })
        .take(12)
        .collect()
}

fn column_name(mut column: u16) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[derive(Arbitrary, Debug)]
struct CellSpec {
    at: Reference,
    kind: Option<u8>,
    style: Option<u8>,
    value: String,
    escaped: bool,
}

#[derive(Arbitrary, Debug)]
struct RowSpec {
    at: Option<u32>,
    cells: Vec<CellSpec>,
}

#[derive(Arbitrary, Debug)]
struct Workbook {
    dimension: Option<String>,
    rows: Vec<RowSpec>,
    /// Raw XML inside the sheet data, after the rows.
    extra: String,
    shared: Vec<String>,
    shared_raw: Option<String>,
    /// Number formats of styles (14 and 22 are dates).
    formats: Vec<u16>,
    sheets: Vec<String>,
    sheet: u8,
}

#[derive(Arbitrary, Debug)]
enum Input {
    Bytes(Vec<u8>),
    Workbook(Workbook),
}

fn sheet_xml(w: &Workbook) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    if let Some(d) = &w.dimension {
        // Bounded too: calamine's reference parser overflows on long numbers (a panic
        // with the overflow checks of these builds; wraps in a release build).
        xml.push_str(&format!(
            r#"<dimension ref="{}"/>"#,
            escape(&within_bounds(d))
        ));
    }
    xml.push_str("<sheetData>");
    for row in &w.rows {
        match row.at {
            Some(r) => xml.push_str(&format!(r#"<row r="{}">"#, r % 3000)),
            None => xml.push_str("<row>"),
        }
        for cell in &row.cells {
            xml.push_str(&format!("<c{}", cell.at.attribute()));
            if let Some(k) = cell.kind {
                xml.push_str(&format!(
                    r#" t="{}""#,
                    CELL_TYPES[k as usize % CELL_TYPES.len()]
                ));
            }
            if let Some(s) = cell.style {
                xml.push_str(&format!(r#" s="{s}""#));
            }
            let value = if cell.escaped {
                escape(&cell.value)
            } else {
                cell.value.clone()
            };
            if cell
                .kind
                .is_some_and(|k| CELL_TYPES[k as usize % CELL_TYPES.len()] == "inlineStr")
            {
                xml.push_str(&format!("><is><t>{value}</t></is></c>"));
            } else {
                xml.push_str(&format!("><v>{value}</v></c>"));
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str(&w.extra);
    xml.push_str("</sheetData></worksheet>");
    xml
}

fn workbook_bytes(w: &Workbook) -> Vec<u8> {
    let sheets = if w.sheets.is_empty() {
        vec!["Sheet1".to_owned()]
    } else {
        w.sheets.clone()
    };
    let mut workbook = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, name) in sheets.iter().enumerate() {
        workbook.push_str(&format!(
            r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#,
            escape(name),
            i + 1,
            i + 1
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
            i + 1
        ));
    }
    workbook.push_str("</sheets></workbook>");
    rels.push_str(r#"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#);
    let shared = w.shared_raw.clone().unwrap_or_else(|| {
        let items: String = w.shared.iter().map(|s| format!("<si><t>{}</t></si>", escape(s))).collect();
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{items}</sst>"#,
            w.shared.len()
        )
    });
    let xfs: String = w
        .formats
        .iter()
        .map(|f| format!(r#"<xf numFmtId="{f}"/>"#))
        .collect();
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="{}">{xfs}</cellXfs></styleSheet>"#,
        w.formats.len()
    );
    let files = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned(),
        ),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", rels),
        ("xl/worksheets/sheet1.xml", sheet_xml(w)),
        ("xl/sharedStrings.xml", shared),
        ("xl/styles.xml", styles),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in files {
        zip.start_file(name, options).expect("a zip entry starts");
        zip.write_all(content.as_bytes())
            .expect("a zip entry is written");
    }
    zip.finish().expect("a zip is finished").into_inner()
}

fuzz_target!(|input: Input| {
    let (bytes, sheet) = match &input {
        Input::Bytes(b) => (b.clone(), 0),
        Input::Workbook(w) => (workbook_bytes(w), usize::from(w.sheet)),
    };
    let Ok((names, chosen, rows)) = read_xlsx(&bytes, sheet) else {
        return;
    };
    assert!(chosen < names.len());
    let mut last = 0;
    for row in &rows {
        assert!(row.number >= 1, "row number 0");
        assert!(row.number > last, "row {} after row {last}", row.number);
        last = row.number;
        for typed in &row.typed {
            assert!(
                (typed.column as usize) < row.cells.len(),
                "a typed cell outside its row"
            );
        }
    }
    if let Some((header, rest)) = rows.split_first() {
        import_check::run(
            workspace(),
            &header.cells,
            rest,
            true,
            &[],
            DuplicatePolicy::Update,
            1,
        );
    }
});
