//! Spreadsheet files as rows of text: reading CSV and XLSX, writing XLSX, and guessing a
//! CSV file's encoding. Plain Rust, tested natively; the app itself never links the
//! spreadsheet crates — the sheets module (`src/bin/kam-sheets.rs`) does, in a web worker.
//!
//! Every row keeps the number the user sees in Excel, so problems can be reported as
//! "row 17: …".

use serde::{Deserialize, Serialize};

/// One row of a sheet: its number as shown in Excel (1-based) and its cells as text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetRow {
    pub number: u32,
    pub cells: Vec<String>,
    /// The cells a workbook stores as dates or numbers rather than text (CSV has none),
    /// so that a date where a name belongs — a shifted column — can be flagged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub typed: Vec<TypedCell>,
}

/// A cell of a workbook that is not text: its column (0-based) and what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypedCell {
    pub column: u32,
    pub kind: CellKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CellKind {
    Number,
    Date,
}

impl SheetRow {
    /// What the cell in `column` holds when it is not text.
    pub fn kind(&self, column: usize) -> Option<CellKind> {
        self.typed
            .iter()
            .find(|t| t.column as usize == column)
            .map(|t| t.kind)
    }
}

/// The text encodings a CSV file can be read in (WHATWG labels, which the browser's
/// `TextDecoder` understands). Chinese Excel saves "CSV" in GB18030/GBK by default.
pub const ENCODINGS: [&str; 4] = ["utf-8", "gb18030", "big5", "utf-16le"];

/// Guesses the encoding of a CSV file: a byte-order mark decides; otherwise text that is
/// valid UTF-8 is UTF-8, and anything else is taken as GB18030 (a superset of GBK and
/// GB2312), since that is what Chinese Excel writes.
pub fn detect_encoding(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        "utf-8"
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        "utf-16le"
    } else if std::str::from_utf8(bytes).is_ok() {
        "utf-8"
    } else {
        "gb18030"
    }
}

/// True when the file is an XLSX workbook (a zip archive), whatever its name says.
pub fn looks_like_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Picks the separator of a CSV file from its first line: comma, semicolon (Excel in
/// some regions) or tab (Excel's "Unicode text"), whichever occurs most; comma on a tie.
pub fn detect_delimiter(text: &str) -> u8 {
    let first_line = text.lines().next().unwrap_or_default();
    let count = |c: char| first_line.chars().filter(|x| *x == c).count();
    let (comma, semicolon, tab) = (count(','), count(';'), count('\t'));
    if tab > comma && tab >= semicolon {
        b'\t'
    } else if semicolon > comma {
        b';'
    } else {
        b','
    }
}

/// Reads decoded CSV text into rows. `progress` is called every `every` rows with the
/// number read so far (for a progress bar on large files).
pub fn read_csv(
    text: &str,
    every: usize,
    mut progress: impl FnMut(usize),
) -> Result<Vec<SheetRow>, CsvReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(detect_delimiter(text))
        .from_reader(text.as_bytes());
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    // Excel shows a quoted cell with line breaks in one row, so those extra lines must
    // not count when numbering the rows after it.
    let mut extra_lines = 0u64;
    // Line breaks ("\r\n", "\n" or a lone "\r", as Excel for Mac writes) before `counted`.
    let (mut breaks, mut counted) = (0u64, 0usize);
    let mut values = 0usize;
    for record in reader.records() {
        let record = record?;
        // The same bounds as a workbook's: a file exported whole from another system
        // is refused while it is read, before its rows take the worker's memory.
        values += record.iter().filter(|c| !c.is_empty()).count();
        if record.len() > XLSX_LIMITS.columns as usize || values > XLSX_LIMITS.cells {
            return Err(CsvReadError::TooLarge);
        }
        // A record's position can point at the blank lines before it, which Excel
        // shows as empty rows: step over them.
        let mut start = record.position().map_or(counted, |p| {
            usize::try_from(p.byte()).map_or(bytes.len(), |b| b.min(bytes.len()))
        });
        while bytes.get(start).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
            start += 1;
        }
        breaks += line_breaks(bytes.get(counted..start).unwrap_or_default());
        counted = counted.max(start);
        let line = breaks + 1;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        let number = line.saturating_sub(extra_lines);
        extra_lines += cells.iter().map(|c| line_breaks(c.as_bytes())).sum::<u64>();
        rows.push(SheetRow {
            number: u32::try_from(number).unwrap_or(u32::MAX),
            cells,
            typed: Vec::new(),
        });
        if every > 0 && rows.len() % every == 0 {
            progress(rows.len());
        }
    }
    Ok(rows)
}

/// The line breaks in `bytes`: "\r\n", "\n" or a lone "\r".
fn line_breaks(bytes: &[u8]) -> u64 {
    let lone_returns = bytes
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count();
    (bytes.iter().filter(|b| **b == b'\n').count() + lone_returns) as u64
}

/// Why a CSV file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CsvReadError {
    #[error("{0}")]
    Csv(#[from] csv::Error),
    /// Beyond the columns or cells of [`XLSX_LIMITS`].
    #[error("the file is too large to read")]
    TooLarge,
}

/// Why a workbook could not be read.
#[derive(Debug, thiserror::Error)]
pub enum XlsxReadError {
    #[error("{0}")]
    Workbook(#[from] calamine::XlsxError),
    #[error("the workbook has no sheets")]
    NoSheets,
    /// Beyond [`XLSX_LIMITS`]: refused before it could exhaust memory.
    #[error("the workbook is too large to read")]
    TooLarge,
}

/// What a workbook (and, but for the unpacked bytes, a CSV file) read for import may
/// hold: columns (Excel's own limit is 16,384, and a
/// sheet to import has a few dozen), cells with a value, and bytes once unpacked (as its
/// zip directory declares them). A far-away cell no longer costs a rectangle of empty
/// cells (cells are read one by one), and a file that unpacks to gigabytes is refused
/// before anything is unpacked.
pub struct XlsxLimits {
    pub columns: u32,
    pub cells: usize,
    pub unpacked_bytes: u64,
}

pub const XLSX_LIMITS: XlsxLimits = XlsxLimits {
    columns: 1_024,
    cells: 2_000_000,
    unpacked_bytes: 256 * 1024 * 1024,
};

/// The size of a zip file's contents once unpacked, as its directory declares it.
fn unpacked_size(bytes: &[u8]) -> Result<u64, XlsxReadError> {
    let to_error = |e: zip::result::ZipError| XlsxReadError::Workbook(calamine::XlsxError::Zip(e));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(to_error)?;
    let mut total = 0u64;
    for index in 0..archive.len() {
        total = total.saturating_add(archive.by_index_raw(index).map_err(to_error)?.size());
    }
    Ok(total)
}

/// The names of a workbook's sheets and the rows of sheet `sheet` (its index; the first
/// sheet when out of range).
pub fn read_xlsx(
    bytes: &[u8],
    sheet: usize,
) -> Result<(Vec<String>, usize, Vec<SheetRow>), XlsxReadError> {
    use calamine::Reader;
    use std::collections::BTreeMap;
    if unpacked_size(bytes)? > XLSX_LIMITS.unpacked_bytes {
        return Err(XlsxReadError::TooLarge);
    }
    let mut workbook = calamine::Xlsx::new(std::io::Cursor::new(bytes))?;
    let names = workbook.sheet_names();
    if names.is_empty() {
        return Err(XlsxReadError::NoSheets);
    }
    let sheet = if sheet < names.len() { sheet } else { 0 };
    // Cells one by one, by row: memory follows the cells that hold something, however
    // far apart they are.
    // Rows and columns in order; a cell given twice keeps its last value.
    let mut by_row: BTreeMap<u32, BTreeMap<u32, calamine::Data>> = BTreeMap::new();
    let mut count = 0usize;
    let mut reader = workbook.worksheet_cells_reader(&names[sheet])?;
    while let Some(cell) = reader.next_cell()? {
        let value = calamine::Data::from(cell.get_value().clone());
        if matches!(value, calamine::Data::Empty) {
            continue;
        }
        let (row, column) = cell.get_position();
        count += 1;
        if column >= XLSX_LIMITS.columns || count > XLSX_LIMITS.cells {
            return Err(XlsxReadError::TooLarge);
        }
        by_row.entry(row).or_default().insert(column, value);
    }
    drop(reader);
    let rows = by_row
        .into_iter()
        .map(|(row, cells)| {
            // Columns left of the first value are empty in Excel too: kept, so the column
            // letters match what the user sees.
            let width = cells
                .last_key_value()
                .map_or(0, |(column, _)| *column as usize + 1);
            let mut texts = vec![String::new(); width];
            let mut typed = Vec::new();
            for (column, value) in &cells {
                texts[*column as usize] = cell_text(value);
                if let Some(kind) = cell_kind(value) {
                    typed.push(TypedCell {
                        column: *column,
                        kind,
                    });
                }
            }
            SheetRow {
                number: row.saturating_add(1),
                cells: texts,
                typed,
            }
        })
        .filter(|row| row.cells.iter().any(|c| !c.is_empty()))
        .collect();
    Ok((names, sheet, rows))
}

/// A cell as the user reads it: whole numbers without ".0" (phone numbers and customer
/// numbers are often stored as numbers), dates as YYYY-MM-DD.
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(dt) if dt.time() == chrono::NaiveTime::MIN => dt.format("%Y-%m-%d").to_string(),
            Some(dt) => dt.format("%Y-%m-%d %H:%M").to_string(),
            None => number_text(d.as_f64()),
        },
    }
}

/// Whether a cell holds a date or a number rather than text.
fn cell_kind(cell: &calamine::Data) -> Option<CellKind> {
    use calamine::Data;
    match cell {
        Data::Int(_) | Data::Float(_) => Some(CellKind::Number),
        Data::DateTime(_) | Data::DateTimeIso(_) => Some(CellKind::Date),
        _ => None,
    }
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// Writes a table as an XLSX workbook with one sheet named `sheet_name`: the first row
/// is a bold, frozen header with filters; cells of `numeric_columns` that hold numbers
/// are written as numbers, everything else as text — never as a formula, so no cell can
/// run when the file is opened. Text longer than Excel holds is cut (`fit_excel_cell`).
pub fn write_xlsx(
    table: &[Vec<String>],
    sheet_name: &str,
    numeric_columns: &[usize],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name_for_excel(sheet_name))?;
    let header = Format::new().set_bold().set_background_color("#E8EEF4");
    for (r, record) in table.iter().enumerate() {
        let row = u32::try_from(r).unwrap_or(u32::MAX);
        for (c, cell) in record.iter().enumerate() {
            let column = u16::try_from(c).unwrap_or(u16::MAX);
            let cell = &*super::fit_excel_cell(cell);
            if r == 0 {
                sheet.write_string_with_format(row, column, cell, &header)?;
            } else if let (true, Ok(number)) =
                (numeric_columns.contains(&c), cell.trim().parse::<f64>())
            {
                sheet.write_number(row, column, number)?;
            } else if !cell.is_empty() {
                sheet.write_string(row, column, cell)?;
            }
        }
    }
    if let Some(first) = table.first() {
        sheet.set_freeze_panes(1, 0)?;
        let last_row = u32::try_from(table.len().saturating_sub(1)).unwrap_or(u32::MAX);
        let last_column = u16::try_from(first.len().saturating_sub(1)).unwrap_or(u16::MAX);
        if !first.is_empty() {
            sheet.autofilter(0, 0, last_row, last_column)?;
        }
        sheet.autofit();
    }
    workbook.save_to_buffer()
}

/// Excel sheet names: at most 31 characters, none of `[]:*?/\`.
fn sheet_name_for_excel(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if cleaned.trim().is_empty() {
        "Sheet1".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[SheetRow]) -> Vec<Vec<&str>> {
        rows.iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn a_byte_order_mark_decides_the_encoding() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFname"), "utf-8");
        assert_eq!(detect_encoding(b"\xFF\xFEn\0"), "utf-16le");
    }

    #[test]
    fn valid_utf8_is_read_as_utf8_and_anything_else_as_gb18030() {
        assert_eq!(detect_encoding("客户名称,行业".as_bytes()), "utf-8");
        // "客户名称" in GB18030/GBK.
        assert_eq!(
            detect_encoding(b"\xBF\xCD\xBB\xA7\xC3\xFB\xB3\xC6"),
            "gb18030"
        );
        assert_eq!(detect_encoding(b"plain ascii"), "utf-8");
    }

    #[test]
    fn xlsx_files_are_recognised_by_their_content() {
        assert!(looks_like_xlsx(b"PK\x03\x04rest"));
        assert!(!looks_like_xlsx("客户名称,行业".as_bytes()));
    }

    #[test]
    fn the_separator_is_the_most_frequent_of_comma_semicolon_and_tab() {
        assert_eq!(detect_delimiter("a,b,c\n1;2"), b',');
        assert_eq!(detect_delimiter("a;b;c\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter("name"), b',');
    }

    #[test]
    fn csv_rows_keep_excel_row_numbers_across_blank_lines_and_multiline_cells() {
        let text = "\u{feff}名称,行业\n\nA,\"line one\nline two\"\nB,汽车\n";
        let rows = read_csv(text, 0, |_| {}).expect("reads");
        assert_eq!(
            cells(&rows),
            vec![
                vec!["名称", "行业"],
                vec!["A", "line one\nline two"],
                vec!["B", "汽车"]
            ]
        );
        let numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![1, 3, 4]);
    }

    #[test]
    fn csv_reading_reports_progress() {
        let text: String = (0..10).map(|i| format!("row{i}\n")).collect();
        let mut seen = Vec::new();
        read_csv(&text, 4, |n| seen.push(n)).expect("reads");
        assert_eq!(seen, vec![4, 8]);
    }

    #[test]
    fn semicolon_files_read_into_columns() {
        let rows = read_csv("name;score\nA;7\n", 0, |_| {}).expect("reads");
        assert_eq!(cells(&rows), vec![vec!["name", "score"], vec!["A", "7"]]);
    }

    #[test]
    fn an_xlsx_written_here_reads_back_with_numbers_as_numbers_and_no_formulas() {
        let table = vec![
            vec!["排名".to_owned(), "名称".to_owned(), "吸引力".to_owned()],
            vec![
                "1".to_owned(),
                "=HYPERLINK(\"x\")".to_owned(),
                "7.5".to_owned(),
            ],
            vec!["2".to_owned(), "上海汽车".to_owned(), String::new()],
        ];
        let bytes = write_xlsx(&table, "排序: 名单", &[0, 2]).expect("writes");
        assert!(looks_like_xlsx(&bytes));
        let (names, sheet, rows) = read_xlsx(&bytes, 0).expect("reads");
        assert_eq!(names, vec!["排序 名单".to_owned()]);
        assert_eq!(sheet, 0);
        assert_eq!(
            cells(&rows),
            vec![
                vec!["排名", "名称", "吸引力"],
                vec!["1", "=HYPERLINK(\"x\")", "7.5"],
                // A row ends at its last value, as CSV rows may.
                vec!["2", "上海汽车"],
            ]
        );
        assert_eq!(rows[2].number, 3);
        // The text is stored as a shared string, never as a formula.
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
        let mut sheet_xml = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name("xl/worksheets/sheet1.xml").expect("sheet1"),
            &mut sheet_xml,
        )
        .expect("utf-8");
        assert!(!sheet_xml.contains("<f>"), "{sheet_xml}");
    }

    #[test]
    fn xlsx_cells_read_as_the_user_sees_them() {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(2, 1, "电话").expect("write");
        sheet.write_number(3, 1, 13_800_138_000.0).expect("write");
        sheet.write_number(4, 1, 6.5).expect("write");
        let date = ExcelDateTime::from_ymd(2026, 5, 17).expect("date");
        let format = Format::new().set_num_format("yyyy-mm-dd");
        sheet
            .write_datetime_with_format(5, 1, &date, &format)
            .expect("write");
        sheet.write_boolean(6, 1, true).expect("write");
        let bytes = workbook.save_to_buffer().expect("save");
        let (_, _, rows) = read_xlsx(&bytes, 0).expect("reads");
        assert_eq!(
            cells(&rows),
            vec![
                vec!["", "电话"],
                vec!["", "13800138000"],
                vec!["", "6.5"],
                vec!["", "2026-05-17"],
                vec!["", "true"],
            ]
        );
        let numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![3, 4, 5, 6, 7]);
        let kinds: Vec<Option<CellKind>> = rows.iter().map(|r| r.kind(1)).collect();
        assert_eq!(
            kinds,
            vec![
                None,
                Some(CellKind::Number),
                Some(CellKind::Number),
                Some(CellKind::Date),
                None
            ]
        );
        assert_eq!(rows[1].kind(0), None);
    }

    #[test]
    fn far_apart_cells_are_read_one_by_one_not_as_a_rectangle() {
        use rust_xlsxwriter::Workbook;
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "客户名称").expect("write");
        // Near Excel's last row, in the last column read: as one rectangle this would be
        // about a billion cells.
        sheet.write_string(1_048_000, 1_000, "远处").expect("write");
        let bytes = workbook.save_to_buffer().expect("save");
        let (_, _, rows) = read_xlsx(&bytes, 0).expect("reads");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells, vec!["客户名称"]);
        assert_eq!(rows[1].number, 1_048_001);
        assert_eq!(rows[1].cells.len(), 1_001);
        assert_eq!(rows[1].cells[1_000], "远处");
    }

    #[test]
    fn a_sheet_wider_than_the_limit_is_refused() {
        use rust_xlsxwriter::Workbook;
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "客户名称").expect("write");
        let last = u16::try_from(XLSX_LIMITS.columns).expect("fits");
        sheet.write_string(5, last, "too far").expect("write");
        let bytes = workbook.save_to_buffer().expect("save");
        assert!(matches!(read_xlsx(&bytes, 0), Err(XlsxReadError::TooLarge)));
    }

    #[test]
    fn a_workbook_that_unpacks_to_more_than_the_limit_is_refused_before_unpacking() {
        use rust_xlsxwriter::Workbook;
        let mut workbook = Workbook::new();
        workbook
            .add_worksheet()
            .write_string(0, 0, "客户名称")
            .expect("write");
        let mut bytes = workbook.save_to_buffer().expect("save");
        // The zip directory claims 3 GB for its first entry, as a zip bomb's does.
        let directory = bytes
            .windows(4)
            .position(|w| w == [0x50, 0x4b, 0x01, 0x02])
            .expect("a central directory");
        bytes[directory + 24..directory + 28].copy_from_slice(&3_000_000_000u32.to_le_bytes());
        assert!(matches!(read_xlsx(&bytes, 0), Err(XlsxReadError::TooLarge)));
    }

    #[test]
    fn a_csv_file_beyond_the_cells_or_columns_of_a_workbook_is_refused_while_read() {
        let wide = format!(
            "{}\n",
            vec!["x"; XLSX_LIMITS.columns as usize + 1].join(",")
        );
        assert!(matches!(
            read_csv(&wide, 0, |_| {}),
            Err(CsvReadError::TooLarge)
        ));
        let rows = XLSX_LIMITS.cells / 4 + 1;
        let long = "a,b,c,d\n".repeat(rows);
        assert!(matches!(
            read_csv(&long, 0, |_| {}),
            Err(CsvReadError::TooLarge)
        ));
        // Empty cells do not count, as in a workbook.
        let sparse = "a,,,\n".repeat(rows);
        assert_eq!(read_csv(&sparse, 0, |_| {}).expect("reads").len(), rows);
    }

    #[test]
    fn a_file_that_is_not_a_workbook_is_an_error_not_a_panic() {
        assert!(read_xlsx(b"PK\x03\x04 but broken", 0).is_err());
        assert!(read_xlsx(b"name,industry", 0).is_err());
    }

    #[test]
    fn sheet_names_are_made_acceptable_to_excel() {
        assert_eq!(sheet_name_for_excel("a/b:c"), "abc");
        assert_eq!(sheet_name_for_excel("[]"), "Sheet1");
        assert_eq!(sheet_name_for_excel(&"x".repeat(40)).len(), 31);
    }
}
