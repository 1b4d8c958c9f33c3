//! Files exchanged with other programs (spreadsheets). Plain Rust, tested natively.

pub mod import;
pub mod ranking_csv;
pub mod sheet;

/// Makes a cell safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return could run as a formula, so it gets a leading apostrophe
/// (OWASP, "CSV injection").
pub fn neutralise_formula(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// The most a spreadsheet cell holds in Excel: 32,767 UTF-16 code units.
pub const EXCEL_CELL_MAX: usize = 32_767;

/// `cell` as Excel can hold it: whole when it fits in [`EXCEL_CELL_MAX`], else cut at a
/// character boundary and marked with "…" (the CSV export keeps it whole).
pub fn fit_excel_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.len() <= EXCEL_CELL_MAX || cell.encode_utf16().count() <= EXCEL_CELL_MAX {
        return std::borrow::Cow::Borrowed(cell);
    }
    let (mut units, mut end) = (0, 0);
    for (at, c) in cell.char_indices() {
        // One unit is left for the "…".
        if units + c.len_utf16() > EXCEL_CELL_MAX - 1 {
            break;
        }
        units += c.len_utf16();
        end = at + c.len_utf8();
    }
    std::borrow::Cow::Owned(format!("{}…", &cell[..end]))
}

/// How many cells of `table` are too long for Excel and so cut in an XLSX file.
pub fn cells_cut_for_excel(table: &[Vec<String>]) -> usize {
    table
        .iter()
        .flatten()
        .filter(|cell| matches!(fit_excel_cell(cell), std::borrow::Cow::Owned(_)))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_longer_than_excel_holds_is_cut_with_a_mark() {
        assert_eq!(fit_excel_cell("上汽"), "上汽");
        let exact = "长".repeat(EXCEL_CELL_MAX);
        assert_eq!(fit_excel_cell(&exact), exact.as_str());
        let long = format!("{}{}", "长".repeat(50_000), "x".repeat(50_000));
        let cut = fit_excel_cell(&long);
        assert_eq!(cut.encode_utf16().count(), EXCEL_CELL_MAX);
        assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')));
        // An emoji is two units: never split in half.
        let emoji = "😀".repeat(20_000);
        let cut = fit_excel_cell(&emoji);
        assert!(cut.encode_utf16().count() <= EXCEL_CELL_MAX);
        assert_eq!(
            cut.chars().filter(|c| *c == '😀').count(),
            (EXCEL_CELL_MAX - 1) / 2
        );
        let table = vec![
            vec!["a".to_owned(), long.clone()],
            vec![emoji, "b".to_owned()],
        ];
        assert_eq!(cells_cut_for_excel(&table), 2);
    }

    #[test]
    fn cells_that_could_run_as_formulas_are_neutralised() {
        for cell in ["=1+2", "+86 21 5555", "-3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise_formula(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["上海汽车", "6.3", "", "a=b"] {
            assert_eq!(neutralise_formula(cell), cell);
        }
    }
}
