//! The import pipeline the import page runs, with its invariants checked; shared by the
//! import targets.

use kam::domain::{Account, Language, Workspace};
use kam::exchange::import::{
    apply_import, guess_mapping, mapping_problems, problem_table, suggest_criteria, Checked,
    Checker, DuplicatePolicy, MappingProblem, Target,
};
use kam::exchange::sheet::SheetRow;
use kam::i18n::strings;

/// A workspace with accounts a file's rows can duplicate: by number, by name without a
/// number, and one numbered account another row names alike.
pub fn existing() -> Workspace {
    let mut ws = Workspace::default();
    for (number, name) in [
        ("K-101", "华东汽车零部件有限公司"),
        ("", "Alpha"),
        ("C-001", "Beta"),
        ("", ""),
    ] {
        ws.add_account(
            Account {
                number: number.into(),
                name: name.into(),
                ..Account::default()
            },
            1,
        );
    }
    ws
}

/// Runs the import of `rows` under `header` into `workspace`. `edits` change the guessed
/// mapping as a user would (column, target); `take_suggestions` applies the suggested
/// criteria first.
pub fn run(
    workspace: &Workspace,
    header: &[String],
    rows: &[SheetRow],
    take_suggestions: bool,
    edits: &[(usize, Target)],
    policy: DuplicatePolicy,
    now: i64,
) {
    let model = &workspace.model;
    let guessed = guess_mapping(header, model);
    assert_eq!(guessed.len(), header.len());
    assert!(
        !mapping_problems(&guessed)
            .iter()
            .any(|p| matches!(p, MappingProblem::TargetTwice(_))),
        "the guess gives one target to two columns: {guessed:?}"
    );
    let suggested = suggest_criteria(header, &guessed, model);
    assert_eq!(suggested.len(), header.len());
    let mut mapping = guessed.clone();
    for (column, criterion) in suggested.iter().enumerate() {
        let Some(criterion) = criterion else { continue };
        assert_eq!(
            guessed[column],
            Target::Ignore,
            "a mapped column got a suggestion"
        );
        assert!(
            !guessed.contains(&Target::Score(*criterion)),
            "a mapped criterion was suggested"
        );
        assert_eq!(
            suggested.iter().filter(|s| **s == Some(*criterion)).count(),
            1,
            "a criterion suggested twice"
        );
        assert!(model.criterion(*criterion).is_some());
        if take_suggestions {
            mapping[column] = Target::Score(*criterion);
        }
    }
    if take_suggestions {
        assert!(!mapping_problems(&mapping)
            .iter()
            .any(|p| matches!(p, MappingProblem::TargetTwice(_))));
    }
    for (column, target) in edits {
        if let Some(slot) = mapping.get_mut(*column) {
            *slot = *target;
        }
    }
    let _ = mapping_problems(&mapping);

    let mut checker = Checker::new(workspace, &mapping);
    let mut ready = Vec::new();
    let mut bad = Vec::new();
    for row in rows {
        let blank = row.cells.iter().all(|c| c.trim().is_empty());
        match checker.check(row) {
            Checked::Blank => assert!(blank, "a row with text taken as blank"),
            Checked::Ready(r) => {
                assert!(!blank);
                assert_eq!(r.row, row.number);
                assert!(!r.account.name.is_empty(), "a row without a name is ready");
                assert!(r
                    .account
                    .scores
                    .values()
                    .all(|s| s.value.is_some_and(|v| (1..=10).contains(&v))));
                if let Some(id) = r.duplicate_of {
                    assert!(workspace.account(id).is_some(), "a duplicate of no account");
                }
                for field in &r.filled {
                    assert!(mapping.contains(&Target::Field(*field)));
                }
                ready.push(*r);
            }
            Checked::Bad(problems) => {
                assert!(!blank);
                assert_eq!(problems.row, row.number);
                assert!(!problems.problems.is_empty());
                bad.push(problems);
            }
        }
    }

    let header_row = SheetRow {
        number: 1,
        cells: header.to_vec(),
        typed: Vec::new(),
    };
    let row_refs: Vec<&SheetRow> = rows.iter().collect();
    for language in Language::ALL {
        let table = problem_table(
            &header_row,
            &row_refs,
            &bad,
            strings(language),
            model,
            language,
        );
        assert!(!table.is_empty());
        let width = table[0].len();
        assert!(
            table.iter().all(|r| r.len() == width),
            "a ragged problem table"
        );
        for problems in &bad {
            for problem in &problems.problems {
                let _ = problem.describe(strings(language), model, language);
            }
        }
    }

    let mut imported = workspace.clone();
    let count = ready.len();
    let duplicates: Vec<_> = ready.iter().filter_map(|r| r.duplicate_of).collect();
    let summary = apply_import(&mut imported, ready, policy, now);
    assert_eq!(summary.added + summary.updated + summary.skipped, count);
    assert_eq!(
        imported.accounts.len(),
        workspace.accounts.len() + summary.added
    );
    let old = workspace.accounts.len();
    let max_id = workspace.accounts.iter().map(|a| a.id).max().unwrap_or(0);
    let mut ids: Vec<u64> = imported.accounts[old..].iter().map(|a| a.id).collect();
    assert!(
        ids.iter().all(|id| *id > max_id),
        "an imported account got an id in use"
    );
    assert!(imported.accounts[..old]
        .iter()
        .all(|a| !ids.contains(&a.id)));
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), summary.added, "two imported accounts got one id");
    for (before, after) in workspace.accounts.iter().zip(&imported.accounts) {
        if policy != DuplicatePolicy::Update || !duplicates.contains(&before.id) {
            assert_eq!(
                before, after,
                "an account the file does not duplicate changed"
            );
        } else {
            // Updating fills fields; it never empties the name.
            assert!(!(after.name.is_empty() && !before.name.is_empty()));
        }
    }
}
