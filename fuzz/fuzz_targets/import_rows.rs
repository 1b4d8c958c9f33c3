//! The spreadsheet import's mapping and row checks on structured input: headers and
//! cells drawn from the names and values the rules know (field labels in both languages,
//! criterion names, choices, scores in and out of range, formula-guarded text) mixed
//! with arbitrary text; workbook cells typed as numbers or dates; the user's edits to
//! the mapping; each duplicate policy.
//!
//! Checks (see `common/import_check.rs`): the guess never gives one target to two
//! columns; suggestions only go to unmapped columns and unmapped criteria, each once;
//! a row is blank exactly when every cell is; a ready row has a name, valid scores and
//! a duplicate that exists; the problem table is rectangular; applying adds, updates
//! or skips every ready row once, new accounts get fresh distinct ids, and accounts the
//! file does not duplicate are untouched.
#![no_main]

#[path = "../common/import_check.rs"]
mod import_check;

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use kam::domain::account::Field;
use kam::domain::{Language, Ownership, Relationship, ScoringModel, SizeBand, Workspace};
use kam::exchange::import::{DuplicatePolicy, Target};
use kam::exchange::sheet::{CellKind, SheetRow, TypedCell};
use kam::i18n::strings;
use libfuzzer_sys::fuzz_target;

struct Words {
    headers: Vec<String>,
    values: Vec<String>,
    workspace: Workspace,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let model = ScoringModel::default_model();
        let mut headers = vec![
            "客户编号".to_owned(),
            "Customer No.".to_owned(),
            "公司名称".to_owned(),
            "Rank".to_owned(),
            "排名".to_owned(),
            "IT支出".to_owned(),
            "Relationship to competitors".to_owned(),
        ];
        let mut values: Vec<String> = [
            "1",
            "10",
            "0",
            "11",
            "5.5",
            " 7 ",
            "-3",
            "+4",
            "99999999999999999999",
            "1,200",
            "1 200",
            "12'000",
            "１２",
            "'=1+2",
            "'-5",
            "=HYPERLINK(\"x\")",
            "大",
            "中",
            "小",
            "客户",
            "潜客",
            "K-101",
            " k-101 ",
            "C-001",
            "Alpha",
            " ALPHA ",
            "Beta",
            "华东汽车零部件有限公司",
            "2026-01-05",
            "\u{a0}",
            "\t",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for language in Language::ALL {
            let t = strings(language);
            for field in Field::ALL {
                headers.push(t.field(field).to_owned());
            }
            for c in &model.criteria {
                headers.push(c.name.get(language).to_owned());
                headers.push(format!("{} ({}%)", c.name.get(language), c.weight));
            }
            values.extend(Ownership::ALL.iter().map(|o| t.ownership(*o).to_owned()));
            values.extend(SizeBand::ALL.iter().map(|s| t.size_band(*s).to_owned()));
            values.extend(
                Relationship::ALL
                    .iter()
                    .map(|r| t.relationship(*r).to_owned()),
            );
        }
        Words {
            headers,
            values,
            workspace: import_check::existing(),
        }
    })
}

#[derive(Arbitrary, Debug)]
enum Cell {
    Known(u8),
    Other(String),
}

impl Cell {
    fn text(&self, list: &[String]) -> String {
        match self {
            Cell::Known(i) => list[*i as usize % list.len()].clone(),
            Cell::Other(s) => s.clone(),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Row {
    number: u32,
    cells: Vec<Cell>,
    typed: Vec<(u8, bool)>,
}

#[derive(Arbitrary, Debug)]
enum TargetSpec {
    Ignore,
    Field(u8),
    Score(u32),
    OverallOwner,
    DailyOwner,
}

#[derive(Arbitrary, Debug)]
struct Input {
    header: Vec<Cell>,
    rows: Vec<Row>,
    take_suggestions: bool,
    edits: Vec<(u8, TargetSpec)>,
    policy: u8,
    now: i64,
}

fuzz_target!(|input: Input| {
    let w = words();
    let header: Vec<String> = input.header.iter().map(|c| c.text(&w.headers)).collect();
    let rows: Vec<SheetRow> = input
        .rows
        .iter()
        .map(|r| SheetRow {
            number: r.number,
            cells: r.cells.iter().map(|c| c.text(&w.values)).collect(),
            typed: r
                .typed
                .iter()
                .map(|(column, date)| TypedCell {
                    column: u32::from(*column),
                    kind: if *date {
                        CellKind::Date
                    } else {
                        CellKind::Number
                    },
                })
                .collect(),
        })
        .collect();
    let edits: Vec<(usize, Target)> = input
        .edits
        .iter()
        .map(|(column, t)| {
            let target = match t {
                TargetSpec::Ignore => Target::Ignore,
                TargetSpec::Field(i) => Target::Field(Field::ALL[*i as usize % Field::ALL.len()]),
                TargetSpec::Score(id) => Target::Score(*id),
                TargetSpec::OverallOwner => Target::OverallOwner,
                TargetSpec::DailyOwner => Target::DailyOwner,
            };
            (usize::from(*column), target)
        })
        .collect();
    let policy = [
        DuplicatePolicy::Skip,
        DuplicatePolicy::Update,
        DuplicatePolicy::AddNew,
    ][input.policy as usize % 3];
    import_check::run(
        &w.workspace,
        &header,
        &rows,
        input.take_suggestions,
        &edits,
        policy,
        input.now,
    );
});
