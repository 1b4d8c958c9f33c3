//! Inputs the fuzz targets (fuzz/, see FUZZING.md) found to crash, kept as native tests
//! so the fixes stay. Each names its target.

use kam::domain::plan::facts::{growth_tenths_percent, tenths_percent_text, Amount};
use kam::domain::plan::finance::{share_of_wallet, year_growth, FinanceFigure, FinanceYear};

/// `parse`: a share of wallet of amounts a user can type overflowed (`ours * 2000`).
#[test]
fn share_of_wallet_of_huge_amounts_does_not_overflow() {
    let huge = Amount::parse("92,233,720,368,547,758").expect("an amount");
    assert_eq!(share_of_wallet(Some(huge), Some(Amount(1))), None);
    assert_eq!(
        share_of_wallet(Some(Amount(i64::MAX)), Some(Amount(i64::MAX))),
        Some(1000)
    );
    assert_eq!(
        share_of_wallet(Some(Amount(250)), Some(Amount(1000))),
        Some(250)
    );
}

/// `parse`: growth between amounts far apart overflowed (`(after - before) * 1000`).
#[test]
fn growth_of_huge_amounts_does_not_overflow() {
    let huge = Amount::parse("92233720368547758").expect("an amount");
    assert_eq!(growth_tenths_percent(Some(Amount(1)), Some(huge)), None);
    assert_eq!(
        growth_tenths_percent(Some(Amount(i64::MAX)), Some(Amount(i64::MIN))),
        Some(-2000)
    );
    assert_eq!(
        growth_tenths_percent(Some(Amount(1000)), Some(Amount(1125))),
        Some(125)
    );
}

/// `parse`: the text of the lowest tenths overflowed (`tenths.abs()`).
#[test]
fn tenths_percent_text_of_the_lowest_value() {
    assert_eq!(tenths_percent_text(i64::MIN), "-922337203685477580.8");
    assert_eq!(tenths_percent_text(-30), "-3.0");
}

/// Found beside the growth overflow: the year before the lowest year overflowed.
#[test]
fn growth_in_the_lowest_year_has_no_year_before() {
    let years = [FinanceYear {
        year: i32::MIN,
        revenue: Some(Amount(100)),
        ..FinanceYear::default()
    }];
    assert_eq!(year_growth(&years, i32::MIN, FinanceFigure::Revenue), None);
}

/// `merge`: adding accounts to a workspace whose ids reach the largest id overflowed
/// (`max_existing + 1`), and in a release build wrapped to ids already in use.
#[test]
fn accounts_added_beside_the_largest_id_get_ids_no_account_has() {
    use kam::domain::{Account, Workspace};
    let account = |id| Account {
        id,
        name: format!("A{id}"),
        ..Account::default()
    };
    let mut ws = Workspace {
        accounts: vec![account(u64::MAX), account(1)],
        next_account_id: 7,
        ..Workspace::default()
    };
    ws.add_accounts(vec![account(0), account(0)], 1);
    let id = ws.add_account(account(0), 1);
    let mut ids: Vec<u64> = ws.accounts.iter().map(|a| a.id).collect();
    assert_eq!(ids, [u64::MAX, 1, 2, 3, 4]);
    assert_eq!(id, 4);
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 5);

    // No room for two above the next id: the lowest free ones.
    let mut ws = Workspace {
        next_account_id: u64::MAX,
        ..Workspace::default()
    };
    ws.add_accounts(vec![account(0), account(0)], 1);
    let ids: Vec<u64> = ws.accounts.iter().map(|a| a.id).collect();
    assert_eq!(ids, [1, 2]);
}

/// `workspace` in an envelope of the current version read in one pass, the same with the
/// workspace first, and in a version-1 envelope (read through the migrations).
fn envelopes(workspace: &str) -> [String; 3] {
    use kam::storage::envelope::{FORMAT, VERSION};
    [
        format!(r#"{{"format":"{FORMAT}","version":{VERSION},"workspace":{workspace}}}"#),
        format!(r#"{{"workspace":{workspace},"format":"{FORMAT}","version":{VERSION}}}"#),
        format!(r#"{{"format":"{FORMAT}","version":1,"workspace":{workspace}}}"#),
    ]
}

/// `workspace_migrate`: a current workspace with `{}` for a choice was refused as "not
/// JSON" when read in the envelope's one pass, and as the wrong shape otherwise.
#[test]
fn a_wrong_shape_read_in_one_pass_is_not_called_broken_json() {
    use kam::storage::envelope::{decode, LoadError, FORMAT, VERSION};
    for text in envelopes(r#"{"accounts":[{"relationship":{}}]}"#) {
        assert!(
            matches!(decode(&text), Err(LoadError::Invalid(_))),
            "{text}"
        );
    }
    // Broken JSON inside the workspace is still broken JSON.
    let broken = format!(
        r#"{{"format":"{FORMAT}","version":{VERSION},"workspace":{{"accounts":[{{"relationship":}}]}}}}"#
    );
    assert!(matches!(decode(&broken), Err(LoadError::NotJson(_))));
}

/// `workspace_migrate`: a choice whose text holds the marker of the account limit
/// (`kam:too-many-accounts`) was refused as too large when read in the envelope's one
/// pass, and as the wrong shape otherwise: only the limit's own error is the limit.
#[test]
fn text_holding_the_account_limits_marker_is_not_the_limit() {
    use kam::storage::envelope::{decode, LoadError};
    for text in envelopes(r#"{"accounts":[{"relationship":"kam:too-many-accounts"}]}"#) {
        assert!(
            matches!(decode(&text), Err(LoadError::Invalid(_))),
            "{text}: {:?}",
            decode(&text)
        );
    }
}

/// `import_csv`: rows of a CSV file with lone carriage returns between them (Excel for
/// Mac's "CSV (Macintosh)") were all numbered as the first row's line.
#[test]
fn rows_split_by_lone_carriage_returns_are_numbered_as_excel_shows_them() {
    use kam::exchange::sheet::read_csv;
    let numbers = |text: &str| -> Vec<u32> {
        read_csv(text, 0, |_| {})
            .expect("reads")
            .iter()
            .map(|r| r.number)
            .collect()
    };
    assert_eq!(numbers("a,b\rc,d\re,f\r"), [1, 2, 3]);
    assert_eq!(numbers("a,b\r\rc,d\r\"e\rE\",f\rg,h"), [1, 3, 4, 5]);
    assert_eq!(numbers("a,b\r\nc,d\r\n\r\ne,f\r\n"), [1, 2, 4]);
    assert_eq!(numbers("a,b\n\"c\nC\",d\ne,f\n"), [1, 2, 3]);
}

/// `xlsx_read`: suggesting criteria for a workbook with a cell far to the right (16,384
/// columns) took seconds, looking up the mapping for every column and criterion.
#[test]
fn suggestions_for_thousands_of_columns_are_still_found() {
    use kam::domain::ScoringModel;
    use kam::exchange::import::{guess_mapping, suggest_criteria};
    let model = ScoringModel::default_model();
    let mut header = vec![String::new(); 16_384];
    header[16_000] = "IT支出".to_owned();
    let mapping = guess_mapping(&header, &model);
    let started = std::time::Instant::now();
    let suggested = suggest_criteria(&header, &mapping, &model);
    assert!(suggested[16_000].is_some());
    assert_eq!(suggested.iter().flatten().count(), 1);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}
