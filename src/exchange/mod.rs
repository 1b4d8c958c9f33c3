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

#[cfg(test)]
mod tests {
    use super::*;

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
