//! The account register as a list (客户档案): search, filters and sort order.
//!
//! [`Register::new`] works out once what every account is searched and sorted by (its
//! text lower-cased, its scores and tier); [`Register::list`] then answers a search, a
//! filter or a sort by comparing only, so a keystroke in the search box costs no
//! allocation per account even with 10,000 of them.

use std::cmp::Ordering;

use super::account::{Account, AccountId, SizeBand};
use super::model::Axis;
use super::ranking::RankedRow;
use super::scoring::Tenths;
use super::tiering::Tier;

/// A column of the register, each sortable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Number,
    Name,
    Segment,
    SizeBand,
    Relationship,
    Attractiveness,
    Feasibility,
    Tier,
    Plan,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Number,
        Column::Name,
        Column::Segment,
        Column::SizeBand,
        Column::Relationship,
        Column::Attractiveness,
        Column::Feasibility,
        Column::Tier,
        Column::Plan,
    ];
}

/// The tier filter: one tier, or the accounts with none yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TierFilter {
    #[default]
    All,
    Tier(Tier),
    Untiered,
}

/// What the user asked the list for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Words that must all occur, in any case, in the account's searchable text.
    pub text: String,
    /// A segment, or empty for all.
    pub segment: String,
    pub tier: TierFilter,
    pub size: Option<SizeBand>,
    pub sort: Column,
    pub ascending: bool,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            text: String::new(),
            segment: String::new(),
            tier: TierFilter::All,
            size: None,
            sort: Column::Name,
            ascending: true,
        }
    }
}

/// What one account is searched and sorted by.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    /// Its position in the workspace's list of accounts.
    index: usize,
    id: AccountId,
    /// The searchable fields, lower-cased, separated by a character no one types.
    text: String,
    attractiveness: Option<Tenths>,
    feasibility: Option<Tenths>,
    tier: Option<Tier>,
}

/// The register prepared for listing. Built from the accounts and their ranking; it
/// refers to the accounts by position, so [`Register::list`] takes the same slice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Register {
    entries: Vec<Entry>,
}

/// The fields the search box looks in.
fn searchable(account: &Account) -> [&str; 9] {
    [
        &account.number,
        &account.name,
        &account.industry,
        &account.segment,
        &account.company_type,
        &account.address,
        &account.contact_person,
        &account.main_products,
        &account.main_partners,
    ]
}

/// An account's searchable text, lower-cased into one string (one allocation).
pub fn search_text(account: &Account) -> String {
    let fields = searchable(account);
    let mut text = String::with_capacity(fields.iter().map(|f| f.len() + 1).sum());
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            text.push('\u{1f}');
        }
        text.extend(field.chars().flat_map(char::to_lowercase));
    }
    text
}

/// Whether every word of `words` (already lower-cased) occurs in `text`.
fn matches_words(text: &str, words: &[String]) -> bool {
    words.iter().all(|w| text.contains(w.as_str()))
}

impl Register {
    /// `ranked` gives each account's assessment, found by id (the ranking's rows).
    pub fn new<'a>(
        accounts: &[Account],
        ranked: impl Fn(AccountId) -> Option<&'a RankedRow>,
    ) -> Register {
        let entries = accounts
            .iter()
            .enumerate()
            .map(|(index, account)| {
                let assessment = ranked(account.id).map(|r| &r.assessment);
                Entry {
                    index,
                    id: account.id,
                    text: search_text(account),
                    attractiveness: assessment.and_then(|a| a.score(Axis::Attractiveness)),
                    feasibility: assessment.and_then(|a| a.score(Axis::Feasibility)),
                    tier: assessment.and_then(|a| a.effective),
                }
            })
            .collect();
        Register { entries }
    }

    /// The accounts that match `query`, as positions in `accounts`, in the query's
    /// order: by the chosen column, accounts without a value last in either direction
    /// (so they never crowd the top), ties in register order. `plan` gives an account's
    /// plan completeness, if known.
    pub fn list(
        &self,
        accounts: &[Account],
        query: &Query,
        plan: impl Fn(AccountId) -> Option<u32>,
    ) -> Vec<usize> {
        let words: Vec<String> = query
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let segment = query.segment.trim();
        let mut rows: Vec<(&Entry, &Account)> = self
            .entries
            .iter()
            .filter_map(|e| accounts.get(e.index).map(|a| (e, a)))
            .filter(|(e, _)| matches_words(&e.text, &words))
            .filter(|(_, a)| segment.is_empty() || a.segment.trim() == segment)
            .filter(|(_, a)| query.size.is_none() || a.size_band == query.size)
            .filter(|(e, _)| match query.tier {
                TierFilter::All => true,
                TierFilter::Tier(t) => e.tier == Some(t),
                TierFilter::Untiered => e.tier.is_none(),
            })
            .collect();
        let column = query.sort;
        fn key<'a>(
            column: Column,
            e: &Entry,
            a: &'a Account,
            plan: &impl Fn(AccountId) -> Option<u32>,
        ) -> Key<'a> {
            match column {
                Column::Number => Key::text(&a.number),
                Column::Name => Key::text(&a.name),
                Column::Segment => Key::text(&a.segment),
                Column::SizeBand => Key::from(a.size_band.map(|s| s as u32)),
                Column::Relationship => Key::Number(a.relationship as u32),
                Column::Attractiveness => Key::from(e.attractiveness.map(|t| t.0)),
                Column::Feasibility => Key::from(e.feasibility.map(|t| t.0)),
                Column::Tier => Key::from(e.tier.map(|t| t as u32)),
                Column::Plan => Key::from(plan(e.id)),
            }
        }
        let mut keyed: Vec<(Key, usize)> = rows
            .drain(..)
            .map(|(e, a)| (key(column, e, a, &plan), e.index))
            .collect();
        keyed.sort_unstable_by(|(ka, ia), (kb, ib)| {
            ka.is_missing()
                .cmp(&kb.is_missing())
                .then_with(|| {
                    let order = ka.cmp_value(kb);
                    if query.ascending {
                        order
                    } else {
                        order.reverse()
                    }
                })
                .then(ia.cmp(ib))
        });
        keyed.into_iter().map(|(_, index)| index).collect()
    }
}

/// What an account is sorted by in one column.
enum Key<'a> {
    Missing,
    Text(&'a str),
    Number(u32),
}

impl<'a> Key<'a> {
    fn text(text: &'a str) -> Key<'a> {
        match text.trim() {
            "" => Key::Missing,
            t => Key::Text(t),
        }
    }

    fn is_missing(&self) -> bool {
        matches!(self, Key::Missing)
    }

    fn cmp_value(&self, other: &Key) -> Ordering {
        match (self, other) {
            (Key::Text(a), Key::Text(b)) => a.cmp(b),
            (Key::Number(a), Key::Number(b)) => a.cmp(b),
            _ => Ordering::Equal,
        }
    }
}

impl From<Option<u32>> for Key<'_> {
    fn from(value: Option<u32>) -> Self {
        value.map_or(Key::Missing, Key::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ranking::rank_accounts;
    use crate::domain::{Score, ScoringModel, TierSettings};

    fn account(id: AccountId, name: &str, number: &str, score: Option<u8>) -> Account {
        let mut a = Account {
            id,
            name: name.into(),
            number: number.into(),
            ..Account::default()
        };
        if let Some(v) = score {
            for c in 1..=8 {
                a.scores.insert(
                    c,
                    Score {
                        value: Some(v),
                        note: String::new(),
                    },
                );
            }
        }
        a
    }

    fn list(accounts: &[Account], query: &Query) -> Vec<AccountId> {
        let rows = rank_accounts(
            accounts,
            &ScoringModel::default_model(),
            &TierSettings::default(),
        );
        let register = Register::new(accounts, |id| rows.iter().find(|r| r.account == id));
        ids(accounts, register.list(accounts, query, |_| None))
    }

    fn ids(accounts: &[Account], positions: Vec<usize>) -> Vec<AccountId> {
        positions.into_iter().map(|i| accounts[i].id).collect()
    }

    #[test]
    fn search_matches_every_word_in_any_case_across_fields() {
        let mut a = account(1, "Shanghai Auto Parts", "SH-01", None);
        a.segment = "汽车".into();
        let mut b = account(2, "Beijing Bank", "BJ-02", None);
        b.address = "Chaoyang, AUTO street".into();
        let accounts = vec![a, b];
        let query = |text: &str| Query {
            text: text.into(),
            ..Query::default()
        };
        assert_eq!(list(&accounts, &query("auto 汽车")), vec![1]);
        assert_eq!(list(&accounts, &query("AUTO")), vec![2, 1]);
        assert_eq!(list(&accounts, &query("  sh-01 ")), vec![1]);
        assert_eq!(list(&accounts, &query("auto bank")), vec![2]);
        assert!(list(&accounts, &query("nothing")).is_empty());
        // Words never match across two fields.
        assert!(list(&accounts, &query("01shanghai")).is_empty());
    }

    #[test]
    fn search_text_lower_cases_every_searchable_field_once() {
        let mut a = account(1, "ÄBC Motors", "N-1", None);
        a.main_partners = "Ünited".into();
        let text = search_text(&a);
        assert!(text.contains("äbc motors") && text.contains("ünited") && text.contains("n-1"));
    }

    #[test]
    fn filters_by_segment_size_and_tier_combine() {
        let mut a = account(1, "A", "", Some(8));
        a.segment = " 汽车 ".into();
        a.size_band = Some(SizeBand::Large);
        let mut b = account(2, "B", "", Some(2));
        b.segment = "汽车".into();
        let c = account(3, "C", "", None);
        let accounts = vec![a, b, c];
        let q = |segment: &str, size, tier| Query {
            segment: segment.into(),
            size,
            tier,
            ..Query::default()
        };
        assert_eq!(
            list(&accounts, &q("汽车", None, TierFilter::All)),
            vec![1, 2]
        );
        assert_eq!(
            list(
                &accounts,
                &q("汽车", Some(SizeBand::Large), TierFilter::All)
            ),
            vec![1]
        );
        assert_eq!(
            list(&accounts, &q("", None, TierFilter::Tier(Tier::Tier1))),
            vec![1]
        );
        assert_eq!(
            list(&accounts, &q("", None, TierFilter::Tier(Tier::NotPursued))),
            vec![2]
        );
        assert_eq!(list(&accounts, &q("", None, TierFilter::Untiered)), vec![3]);
    }

    #[test]
    fn sorting_puts_accounts_without_a_value_last_in_both_directions() {
        let accounts = vec![
            account(1, "Beta", "", Some(5)),
            account(2, "", "", Some(9)),
            account(3, "Alpha", "", None),
            account(4, "Gamma", "", Some(2)),
        ];
        let q = |sort, ascending| Query {
            sort,
            ascending,
            ..Query::default()
        };
        assert_eq!(list(&accounts, &q(Column::Name, true)), vec![3, 1, 4, 2]);
        assert_eq!(list(&accounts, &q(Column::Name, false)), vec![4, 1, 3, 2]);
        assert_eq!(
            list(&accounts, &q(Column::Attractiveness, true)),
            vec![4, 1, 2, 3]
        );
        assert_eq!(
            list(&accounts, &q(Column::Attractiveness, false)),
            vec![2, 1, 4, 3]
        );
    }

    #[test]
    fn equal_values_keep_register_order_and_plans_sort_by_completeness() {
        let accounts = vec![
            account(1, "Same", "", None),
            account(2, "Same", "", None),
            account(3, "Same", "", None),
        ];
        let rows = rank_accounts(
            &accounts,
            &ScoringModel::default_model(),
            &TierSettings::default(),
        );
        let register = Register::new(&accounts, |id| rows.iter().find(|r| r.account == id));
        let by_plan = Query {
            sort: Column::Plan,
            ascending: false,
            ..Query::default()
        };
        let plan = |id| match id {
            1 => Some(40),
            3 => Some(90),
            _ => None,
        };
        assert_eq!(
            ids(&accounts, register.list(&accounts, &by_plan, plan)),
            vec![3, 1, 2]
        );
        assert_eq!(
            ids(&accounts, register.list(&accounts, &Query::default(), plan)),
            vec![1, 2, 3]
        );
    }
}
