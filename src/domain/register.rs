//! The account register as a list (客户档案): search, filters and sort order.
//!
//! [`Register::new`] works out once what every account is sorted and filtered by (its
//! scores and tier); the first search adds every account's text, lower-cased, so
//! opening the list does not pay for it. [`Register::list`] then answers a search, a
//! filter or a sort by comparing only, so a keystroke in the search box costs no
//! allocation per account even with 10,000 of them.

use super::engagement::team::ColleagueId;
use std::cmp::Ordering;
use std::sync::OnceLock;

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
    /// A colleague who owns the account (overall or daily), or none for all.
    pub owner: Option<ColleagueId>,
    /// Only these accounts (those of a key-account category), sorted, or none for all.
    pub within: Option<std::sync::Arc<[AccountId]>>,
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
            owner: None,
            within: None,
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
    attractiveness: Option<Tenths>,
    feasibility: Option<Tenths>,
    tier: Option<Tier>,
}

/// The register prepared for listing. Built from the accounts and their ranking; it
/// refers to the accounts by position, so [`Register::list`] takes the same slice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Register {
    entries: Vec<Entry>,
    /// Each entry's searchable text ([`search_text`]), made by the first search.
    texts: OnceLock<Vec<String>>,
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

/// An account's searchable fields, lower-cased into one string (one allocation),
/// separated by a character no one types.
pub fn search_text(account: &Account) -> String {
    let fields = searchable(account);
    let mut text = String::with_capacity(fields.iter().map(|f| f.len() + 1).sum());
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            text.push('\u{1f}');
        }
        if field.is_ascii() {
            let start = text.len();
            text.push_str(field);
            if let Some(added) = text.get_mut(start..) {
                added.make_ascii_lowercase();
            }
            continue;
        }
        for c in field.chars() {
            if c.is_ascii() {
                text.push(c.to_ascii_lowercase());
            } else if ('\u{2e80}'..='\u{9fff}').contains(&c) {
                // CJK characters and kana have no case: most of a Chinese register's
                // text skips the case tables.
                text.push(c);
            } else {
                text.extend(c.to_lowercase());
            }
        }
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
                    attractiveness: assessment.and_then(|a| a.score(Axis::Attractiveness)),
                    feasibility: assessment.and_then(|a| a.score(Axis::Feasibility)),
                    tier: assessment.and_then(|a| a.effective),
                }
            })
            .collect();
        Register {
            entries,
            texts: OnceLock::new(),
        }
    }

    /// The accounts that match `query`, as positions in `accounts`, in the query's
    /// order: by the chosen column, accounts without a value last in either direction
    /// (so they never crowd the top), ties in register order. `plan` gives an account's
    /// plan completeness, if known. The same as [`Register::filter`] over
    /// [`Register::order`].
    pub fn list(
        &self,
        accounts: &[Account],
        query: &Query,
        plan: impl Fn(AccountId) -> Option<u32>,
    ) -> Vec<usize> {
        let order = self.order(accounts, query.sort, query.ascending, plan, None);
        self.filter(accounts, &order, query)
    }

    /// Every account in the order of `column` (see [`Register::list`]), as the register's
    /// own positions. Kept while only the search or the filters change, so a keystroke
    /// filters an order already sorted instead of sorting again. Texts compare by their
    /// `places` (one per entry, from [`Register::sort_texts`]) when given, by their
    /// characters' numbers otherwise.
    pub fn order(
        &self,
        accounts: &[Account],
        column: Column,
        ascending: bool,
        plan: impl Fn(AccountId) -> Option<u32>,
        places: Option<&[u32]>,
    ) -> Vec<usize> {
        fn key<'a>(
            column: Column,
            e: &Entry,
            a: &'a Account,
            plan: &impl Fn(AccountId) -> Option<u32>,
            place: Option<u32>,
        ) -> Key<'a> {
            match column {
                Column::Number | Column::Name | Column::Segment => {
                    let text = Key::text(sort_text(column).map_or("", |text| text(a)));
                    match (text, place) {
                        (Key::Text(_), Some(place)) => Key::Number(place),
                        (text, _) => text,
                    }
                }
                Column::SizeBand => Key::from(a.size_band.map(|s| s as u32)),
                Column::Relationship => Key::Number(a.relationship as u32),
                Column::Attractiveness => Key::from(e.attractiveness.map(|t| t.0)),
                Column::Feasibility => Key::from(e.feasibility.map(|t| t.0)),
                Column::Tier => Key::from(e.tier.map(|t| t as u32)),
                Column::Plan => Key::from(plan(e.id)),
            }
        }
        let mut keyed: Vec<(Key, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let place = places.and_then(|p| p.get(i).copied());
                accounts
                    .get(e.index)
                    .map(|a| (key(column, e, a, &plan, place), i))
            })
            .collect();
        keyed.sort_unstable_by(|(ka, ia), (kb, ib)| {
            ka.is_missing()
                .cmp(&kb.is_missing())
                .then_with(|| {
                    let order = ka.cmp_value(kb);
                    if ascending {
                        order
                    } else {
                        order.reverse()
                    }
                })
                .then(ia.cmp(ib))
        });
        keyed.into_iter().map(|(_, i)| i).collect()
    }

    /// The text every account sorts by in `column`, trimmed, in the register's own order
    /// (what [`Register::order`]'s `places` are given for), or `None` for a column of
    /// numbers. The app has the browser's collator place them, so texts sort as the
    /// user's language orders them: pinyin order for Chinese, as spreadsheets sort.
    pub fn sort_texts<'a>(&self, accounts: &'a [Account], column: Column) -> Option<Vec<&'a str>> {
        let text = sort_text(column)?;
        Some(
            self.entries
                .iter()
                .map(|e| accounts.get(e.index).map_or("", |a| text(a).trim()))
                .collect(),
        )
    }

    /// Makes every account's search text now (the first search would otherwise), so a
    /// page can do it while the user reads instead of in the first keystroke.
    pub fn prepare_search(&self, accounts: &[Account]) {
        self.texts(accounts);
    }

    fn texts(&self, accounts: &[Account]) -> &[String] {
        self.texts.get_or_init(|| {
            self.entries
                .iter()
                .map(|e| accounts.get(e.index).map(search_text).unwrap_or_default())
                .collect()
        })
    }

    /// The accounts of `order` (from [`Register::order`]) that match the search and the
    /// filters of `query`, in that order, as positions in `accounts`.
    pub fn filter(&self, accounts: &[Account], order: &[usize], query: &Query) -> Vec<usize> {
        let words: Vec<String> = query
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let segment = query.segment.trim();
        let texts: &[String] = if words.is_empty() {
            &[]
        } else {
            self.texts(accounts)
        };
        order
            .iter()
            .filter(|i| {
                words.is_empty() || texts.get(**i).is_some_and(|t| matches_words(t, &words))
            })
            .filter_map(|i| self.entries.get(*i))
            .filter_map(|e| accounts.get(e.index).map(|a| (e, a)))
            .filter(|(_, a)| segment.is_empty() || a.segment.trim() == segment)
            .filter(|(_, a)| query.size.is_none() || a.size_band == query.size)
            .filter(|(_, a)| query.owner.is_none_or(|o| a.is_owned_by(o)))
            .filter(|(_, a)| {
                query
                    .within
                    .as_ref()
                    .is_none_or(|ids| ids.binary_search(&a.id).is_ok())
            })
            .filter(|(e, _)| match query.tier {
                TierFilter::All => true,
                TierFilter::Tier(t) => e.tier == Some(t),
                TierFilter::Untiered => e.tier.is_none(),
            })
            .map(|(e, _)| e.index)
            .collect()
    }
}

/// The text `column` sorts an account by, for the columns of texts.
fn sort_text(column: Column) -> Option<fn(&Account) -> &str> {
    match column {
        Column::Number => Some(|a| &a.number),
        Column::Name => Some(|a| &a.name),
        Column::Segment => Some(|a| &a.segment),
        _ => None,
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
        a.address = "上海市ＡＢ路".into();
        let text = search_text(&a);
        assert!(text.contains("äbc motors") && text.contains("ünited") && text.contains("n-1"));
        // Chinese stays as it is; full-width Latin letters are lower-cased too.
        assert!(text.contains("上海市ａｂ路"), "{text}");
        assert_eq!(text.split('\u{1f}').count(), 9);
    }

    #[test]
    fn search_texts_prepared_ahead_find_what_a_first_search_finds() {
        let mut a = account(1, "Shanghai Auto Parts", "SH-01", None);
        a.contact_person = "李明".into();
        let accounts = vec![a, account(2, "Beijing Bank", "BJ-02", None)];
        let query = Query {
            text: "李明 auto".into(),
            ..Query::default()
        };
        let lazy = Register::new(&accounts, |_| None);
        let prepared = Register::new(&accounts, |_| None);
        prepared.prepare_search(&accounts);
        assert!(prepared.texts.get().is_some() && lazy.texts.get().is_none());
        let order = lazy.order(&accounts, Column::Name, true, |_| None, None);
        assert_eq!(lazy.filter(&accounts, &order, &query), vec![0]);
        assert_eq!(prepared.filter(&accounts, &order, &query), vec![0]);
    }

    #[test]
    fn names_sort_in_the_places_a_collator_gives_them_with_equal_places_in_register_order() {
        // 北 (běi), 东 (dōng), 中 (zhōng) in pinyin order, unlike their code points
        // (东 U+4E1C < 中 U+4E2D < 北 U+5317); "Beta" and "beta" share a place.
        let names = ["中信", "东方", " 北方 ", "beta", "", "Beta"];
        let accounts: Vec<Account> = names
            .iter()
            .enumerate()
            .map(|(i, n)| account(i as u64 + 1, n, "", None))
            .collect();
        let register = Register::new(&accounts, |_| None);
        let texts = register.sort_texts(&accounts, Column::Name);
        assert_eq!(
            texts,
            Some(vec!["中信", "东方", "北方", "beta", "", "Beta"])
        );
        let places = [3, 2, 1, 0, 0, 0];
        let up = register.order(&accounts, Column::Name, true, |_| None, Some(&places));
        assert_eq!(up, vec![3, 5, 2, 1, 0, 4]);
        let down = register.order(&accounts, Column::Name, false, |_| None, Some(&places));
        assert_eq!(
            down,
            vec![0, 1, 2, 3, 5, 4],
            "reversed; the nameless account stays last"
        );
        let by_code = register.order(&accounts, Column::Name, true, |_| None, None);
        assert_eq!(by_code, vec![5, 3, 1, 0, 2, 4]);
        assert_eq!(register.sort_texts(&accounts, Column::Tier), None);
    }

    #[test]
    fn a_search_filters_the_sorted_order_kept_from_before_it() {
        let names = ["Beta 2", "alpha", "Gamma", "beta 1", "", "Alpha"];
        let accounts: Vec<Account> = names
            .iter()
            .enumerate()
            .map(|(i, n)| account(i as u64 + 1, n, &format!("N-{}", 9 - i), None))
            .collect();
        let register = Register::new(&accounts, |_| None);
        let ascending = register.order(&accounts, Column::Name, true, |_| None, None);
        let descending = register.order(&accounts, Column::Name, false, |_| None, None);
        let search = |order: &[usize], text: &str| {
            let query = Query {
                text: text.into(),
                ..Query::default()
            };
            register.filter(&accounts, order, &query)
        };
        // By name, as text; the account without a name last either way.
        assert_eq!(search(&ascending, ""), vec![5, 0, 2, 1, 3, 4]);
        assert_eq!(search(&descending, ""), vec![3, 1, 2, 0, 5, 4]);
        assert_eq!(search(&ascending, "a"), vec![5, 0, 2, 1, 3]);
        assert_eq!(search(&ascending, "BETA"), vec![0, 3]);
        assert_eq!(search(&descending, "beta"), vec![3, 0]);
        assert_eq!(search(&ascending, "n-9"), vec![0]);
        assert_eq!(search(&ascending, "n-5"), vec![4]);
        assert!(search(&ascending, "zzz").is_empty());
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
    fn the_owner_filter_keeps_accounts_a_colleague_owns_overall_or_day_to_day() {
        let mut a = account(1, "A", "", Some(8));
        a.overall_owner = Some(7);
        let mut b = account(2, "B", "", Some(2));
        b.daily_owner = Some(7);
        b.overall_owner = Some(3);
        let c = account(3, "C", "", None);
        let accounts = vec![a, b, c];
        let q = |owner| Query {
            owner,
            ..Query::default()
        };
        assert_eq!(list(&accounts, &q(Some(7))), vec![1, 2]);
        assert_eq!(list(&accounts, &q(Some(3))), vec![2]);
        assert_eq!(list(&accounts, &q(None)), vec![1, 2, 3]);
    }

    #[test]
    fn a_category_filter_keeps_only_the_accounts_it_names() {
        let accounts = vec![
            account(1, "A", "", Some(8)),
            account(2, "B", "", Some(2)),
            account(3, "C", "", None),
        ];
        let q = |ids: &[AccountId]| Query {
            within: Some({
                let mut ids = ids.to_vec();
                ids.sort_unstable();
                ids.into()
            }),
            ..Query::default()
        };
        assert_eq!(list(&accounts, &q(&[3, 1])), vec![1, 3]);
        assert_eq!(list(&accounts, &q(&[])), Vec::<AccountId>::new());
        assert_eq!(list(&accounts, &Query::default()), vec![1, 2, 3]);
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
