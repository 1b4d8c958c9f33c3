//! The ranked list as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads
//! Chinese correctly), headers in the user's language, both axis scores, the tier and
//! every criterion score, every cell neutralised against formula injection.
//!
//! Split in two so the app can build the table (small code) and leave writing it to
//! the on-demand tools module (the csv crate): [`ranking_table`] then [`write_csv`].

use crate::domain::engagement::team::{ColleagueId, Team};
use crate::domain::ranking::RankedRow;
use crate::domain::{Account, AccountId, Axis, Language, ScoringModel};
use crate::i18n::Strings;

use super::neutralise_formula;

const BOM: &str = "\u{feff}";

/// Writes the CSV file's bytes for the ranked list (see [`ranking_table`]).
pub fn ranking_csv<'a>(
    rows: &[RankedRow],
    account: impl Fn(AccountId) -> Option<&'a Account>,
    model: &ScoringModel,
    team: &Team,
    t: &Strings,
    language: Language,
) -> Result<Vec<u8>, csv::Error> {
    write_csv(&ranking_table(rows, account, model, team, t, language))
}

/// Writes a table as CSV: a byte-order mark, then every cell neutralised.
pub fn write_csv(table: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(BOM.as_bytes().to_vec());
    for record in table {
        writer.write_record(record.iter().map(|cell| neutralise_formula(cell)))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// The columns of [`ranking_table`] that hold numbers (rank, both axis scores and their
/// sum, the criterion scores), so a workbook can store them as numbers.
pub fn ranking_numeric_columns(model: &ScoringModel) -> Vec<u32> {
    let criteria = model.criteria.len() as u32;
    [0, 8, 9, 10]
        .into_iter()
        .chain(FIXED_COLUMNS..FIXED_COLUMNS + criteria)
        .collect()
}

/// The headers of the columns of [`ranking_table`] that the app computes (rank, both
/// axis scores and their sum, tier, override, screening): never read back as data.
pub fn computed_columns(t: &Strings) -> [&'static str; 7] {
    [
        t.col_rank,
        t.col_attractiveness,
        t.col_feasibility,
        t.col_combined,
        t.col_tier,
        t.overridden_badge,
        t.col_screening,
    ]
}

/// Columns before the criterion scores in [`ranking_table`].
const FIXED_COLUMNS: u32 = 14;

/// The ranked list as a table: a header row in `language`, then one row per account in
/// the order given (the ranking). `account` looks an account up by id; `team` names
/// the owners (their columns read back as owners on import).
pub fn ranking_table<'a>(
    rows: &[RankedRow],
    account: impl Fn(AccountId) -> Option<&'a Account>,
    model: &ScoringModel,
    team: &Team,
    t: &Strings,
    language: Language,
) -> Vec<Vec<String>> {
    let mut header: Vec<String> = [
        t.col_rank,
        t.field_number,
        t.field_name,
        t.field_segment,
        t.field_size_band,
        t.field_relationship,
        t.eng_overall_owner,
        t.eng_daily_owner,
    ]
    .iter()
    // The rank leads; the other computed columns follow the account's own.
    .chain(computed_columns(t)[1..].iter())
    .map(|s| (*s).to_owned())
    .collect();
    let criteria: Vec<_> = Axis::ALL
        .iter()
        .flat_map(|axis| model.criteria_on(*axis))
        .collect();
    header.extend(
        criteria
            .iter()
            .map(|c| format!("{} ({}%)", c.name.get(language), c.weight)),
    );

    let mut table = vec![header];
    for row in rows {
        let Some(a) = account(row.account) else {
            continue;
        };
        let assessment = &row.assessment;
        let owner = |id: Option<ColleagueId>| {
            id.and_then(|id| team.name(id))
                .unwrap_or_default()
                .to_owned()
        };
        let score = |axis| {
            assessment
                .score(axis)
                .map(|s| s.to_string())
                .unwrap_or_default()
        };
        let screening = match &assessment.screening {
            crate::domain::ScreeningStatus::Failed(gates) => {
                crate::i18n::fill(t.screening_failed, &[&t.gates_failed(*gates)])
            }
            crate::domain::ScreeningStatus::Passed => t.screening_passed.to_owned(),
            crate::domain::ScreeningStatus::Pending(_) => String::new(),
        };
        let mut record = vec![
            row.rank.map(|r| r.to_string()).unwrap_or_default(),
            a.number.clone(),
            a.name.clone(),
            a.segment.clone(),
            a.size_band
                .map(|s| t.size_band(s).to_owned())
                .unwrap_or_default(),
            t.relationship(a.relationship).to_owned(),
            owner(a.overall_owner),
            owner(a.daily_owner),
            score(Axis::Attractiveness),
            score(Axis::Feasibility),
            assessment
                .combined()
                .map(|s| s.to_string())
                .unwrap_or_default(),
            t.tier_or_untiered(assessment.effective).to_owned(),
            if assessment.overridden {
                t.answer_yes.to_owned()
            } else {
                String::new()
            },
            screening,
        ];
        record.extend(criteria.iter().map(|c| {
            a.scores
                .get(&c.id)
                .and_then(|s| s.value)
                .map(|v| v.to_string())
                .unwrap_or_default()
        }));
        table.push(record);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ranking::rank_accounts;
    use crate::domain::{Score, TierSettings, Workspace};
    use crate::i18n::strings;

    fn workspace() -> Workspace {
        let mut ws = Workspace::default();
        let mut good = Account {
            name: "上海汽车零部件".into(),
            number: "=HYPERLINK(\"x\")".into(),
            segment: "汽车".into(),
            ..Account::default()
        };
        for c in 1..=8 {
            good.scores.insert(
                c,
                Score {
                    value: Some(7),
                    note: String::new(),
                },
            );
        }
        ws.add_account(good, 0);
        ws.add_account(
            Account {
                name: "@risk".into(),
                ..Account::default()
            },
            0,
        );
        ws
    }

    fn export(language: Language) -> String {
        let ws = workspace();
        let rows = rank_accounts(&ws.accounts, &ws.model, &TierSettings::default());
        let bytes = ranking_csv(
            &rows,
            |id| ws.account(id),
            &ws.model,
            &Team::default(),
            strings(language),
            language,
        )
        .expect("writes");
        String::from_utf8(bytes).expect("utf-8")
    }

    #[test]
    fn ranking_csv_starts_with_a_bom_and_has_headers_in_the_language() {
        let zh = export(Language::Zh);
        assert!(zh.starts_with('\u{feff}'));
        let first = zh
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or_default();
        assert!(
            first.starts_with("排名,客户编号,客户名称,细分市场"),
            "{first}"
        );
        assert!(first.contains("财务业绩 (40%)"));
        let en = export(Language::En);
        assert!(en.contains("Rank,Customer no.,Name,Segment"));
        assert!(en.contains("Financial performance (40%)"));
    }

    #[test]
    fn ranking_csv_has_scores_tier_and_every_criterion() {
        let text = export(Language::En);
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<csv::StringRecord> =
            reader.records().collect::<Result<_, _>>().expect("parses");
        assert_eq!(rows.len(), 2);
        let first = &rows[0];
        assert_eq!(&first[0], "1");
        assert_eq!(&first[2], "上海汽车零部件");
        assert_eq!(
            (&first[8], &first[9], &first[10], &first[11]),
            ("7.0", "7.0", "14.0", "Tier 1")
        );
        assert_eq!(first.len(), 14 + 8);
        assert!(first.iter().skip(14).all(|v| v == "7"));
        // The unscored account: no rank, no scores, not tiered — never zero.
        let second = &rows[1];
        assert_eq!(
            (&second[0], &second[8], &second[10], &second[11]),
            ("", "", "", "Not tiered")
        );
    }

    #[test]
    fn ranking_csv_neutralises_formulas_in_user_text() {
        let text = export(Language::En);
        assert!(text.contains("'=HYPERLINK"));
        assert!(text.contains("'@risk"));
        assert!(!text.contains(",=HYPERLINK") && !text.contains(",@risk"));
    }

    #[test]
    fn the_numeric_columns_are_rank_the_axis_and_combined_scores_and_every_criterion_score() {
        let ws = workspace();
        let t = strings(Language::En);
        let table = ranking_table(
            &[],
            |id| ws.account(id),
            &ws.model,
            &Team::default(),
            t,
            Language::En,
        );
        let numeric = ranking_numeric_columns(&ws.model);
        let header = &table[0];
        let named: Vec<&str> = numeric
            .iter()
            .map(|c| header[*c as usize].as_str())
            .collect();
        assert_eq!(
            &named[..4],
            &[
                t.col_rank,
                t.col_attractiveness,
                t.col_feasibility,
                t.col_combined
            ]
        );
        assert_eq!(numeric.len(), 4 + ws.model.criteria.len());
        assert_eq!(*numeric.last().expect("columns") as usize, header.len() - 1);
    }
}
