//! The workspace: everything a user keeps — the register, the scoring model in force,
//! the draft being edited, the tier settings, our people and the inquiry log — with the
//! operations the UI calls.

use serde::{Deserialize, Serialize};

use super::account::{Account, AccountId};
use super::development::categories::CategorySettingsDoc;
use super::development::list_plan::ListPlanDoc;
use super::engagement::{InquiryDoc, SettingsDoc};
use super::model::{Axis, CriterionId, ModelError, ScoringModel};
use super::review::SnapshotsDoc;
use super::scoring::Tenths;
use super::tiering::{Thresholds, TierOverride, TierSettings};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    #[serde(deserialize_with = "bounded_accounts")]
    pub accounts: Vec<Account>,
    /// The model in force: always one that passed validation.
    pub model: ScoringModel,
    /// Edits to the model not yet applied; kept so nothing typed is lost on reload.
    pub model_draft: Option<ScoringModel>,
    pub tiers: TierSettings,
    /// Thresholds being tried, not yet applied: applied with the model's draft.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thresholds_draft: Option<Thresholds>,
    pub next_account_id: AccountId,
    /// The unit the amounts of account plans are written in (e.g. 万元, CNY), as the
    /// user names it; empty until chosen. One per workspace, so a team's plans compare.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub amount_unit: String,
    /// Our people, who own accounts, take part in contacts and handle inquiries, and
    /// the pipeline's limits, as their document; none until set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engagement: Option<SettingsDoc>,
    /// Inbound inquiries, as their document; none until the first is logged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inquiries: Option<InquiryDoc>,
    /// The closed years of the annual review, as their document; none until a year is
    /// closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snapshots: Option<SnapshotsDoc>,
    /// The key-account categories' thresholds (document 002), as their document; none
    /// while the defaults hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub categories: Option<CategorySettingsDoc>,
    /// The preliminary list plan per year (KAM-SPEC §2.3.2), as its document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_plan: Option<ListPlanDoc>,
}

impl Default for Workspace {
    fn default() -> Self {
        Self {
            accounts: Vec::new(),
            model: ScoringModel::default_model(),
            model_draft: None,
            tiers: TierSettings::default(),
            thresholds_draft: None,
            next_account_id: 1,
            amount_unit: String::new(),
            engagement: None,
            inquiries: None,
            snapshots: None,
            categories: None,
            list_plan: None,
        }
    }
}

/// The most accounts a workspace reads: ten times the largest register measured
/// (BENCHMARKS.md), and more than twice what localStorage can keep. A file with more is
/// refused while it is read, before its accounts take the page's memory.
pub const MAX_ACCOUNTS: usize = 100_000;
/// Marks the error of a list of accounts longer than [`MAX_ACCOUNTS`].
pub const TOO_MANY_ACCOUNTS: &str = "kam:too-many-accounts";

fn bounded_accounts<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Account>, D::Error> {
    struct Bounded;
    impl<'de> serde::de::Visitor<'de> for Bounded {
        type Value = Vec<Account>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a sequence of at most {MAX_ACCOUNTS} accounts")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<Account>, A::Error> {
            let mut accounts = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
            while let Some(account) = seq.next_element()? {
                if accounts.len() == MAX_ACCOUNTS {
                    return Err(serde::de::Error::custom(TOO_MANY_ACCOUNTS));
                }
                accounts.push(account);
            }
            Ok(accounts)
        }
    }
    deserializer.deserialize_seq(Bounded)
}

/// The longest amount unit kept: a unit is a word or two, not a note.
pub const AMOUNT_UNIT_MAX: usize = 16;

impl Workspace {
    /// Names the unit of plan amounts: trimmed, at most [`AMOUNT_UNIT_MAX`] characters.
    pub fn set_amount_unit(&mut self, unit: &str) {
        self.amount_unit = unit.trim().chars().take(AMOUNT_UNIT_MAX).collect();
    }

    pub fn account(&self, id: AccountId) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// Every account by id, for code that looks many up (`account` searches the list).
    pub fn accounts_by_id(&self) -> std::collections::HashMap<AccountId, &Account> {
        self.accounts.iter().map(|a| (a.id, a)).collect()
    }

    /// Adds an account, giving it a fresh id, and returns that id.
    pub fn add_account(&mut self, mut account: Account, now: i64) -> AccountId {
        let id = self.fresh_ids(1).first().copied().unwrap_or_default();
        self.next_account_id = id.saturating_add(1);
        account.id = id;
        account.created_at = now;
        account.updated_at = now;
        self.accounts.push(account);
        id
    }

    /// Adds many accounts at once (an import), each with a fresh id; the ids are worked
    /// out once rather than per account, so 10,000 rows stay fast.
    pub fn add_accounts(&mut self, accounts: Vec<Account>, now: i64) {
        let ids = self.fresh_ids(accounts.len());
        self.accounts.reserve(accounts.len());
        for (mut account, id) in accounts.into_iter().zip(ids) {
            account.id = id;
            account.created_at = now;
            account.updated_at = now;
            self.accounts.push(account);
            self.next_account_id = id.saturating_add(1);
        }
    }

    /// `count` ids no account has: the next ones above every id in use, or, where a
    /// workspace (a file edited by hand) uses ids up to the largest, the lowest free ones.
    fn fresh_ids(&self, count: usize) -> Vec<AccountId> {
        let max_existing = self.accounts.iter().map(|a| a.id).max();
        let start = self
            .next_account_id
            .max(max_existing.unwrap_or(0).saturating_add(1));
        let above = max_existing.is_none_or(|m| start > m);
        let fit = u64::try_from(count).is_ok_and(|n| n == 0 || start.checked_add(n - 1).is_some());
        if above && fit {
            return (0..count as u64).map(|i| start + i).collect();
        }
        let used: std::collections::HashSet<AccountId> =
            self.accounts.iter().map(|a| a.id).collect();
        (1..=AccountId::MAX)
            .filter(|id| !used.contains(id))
            .take(count)
            .collect()
    }

    /// Applies `edit` to one account and stamps it; false when the id is unknown.
    pub fn update_account(
        &mut self,
        id: AccountId,
        now: i64,
        edit: impl FnOnce(&mut Account),
    ) -> bool {
        match self.accounts.iter_mut().find(|a| a.id == id) {
            Some(account) => {
                edit(account);
                account.updated_at = now;
                true
            }
            None => false,
        }
    }

    pub fn delete_account(&mut self, id: AccountId) -> Option<Account> {
        let index = self.accounts.iter().position(|a| a.id == id)?;
        Some(self.accounts.remove(index))
    }

    /// Sets or clears (None) one score value, keeping its note.
    pub fn set_score_value(
        &mut self,
        id: AccountId,
        criterion: CriterionId,
        value: Option<u8>,
        now: i64,
    ) -> bool {
        self.update_account(id, now, |a| {
            a.scores.entry(criterion).or_default().value = value;
            a.prune_empty_score(criterion);
        })
    }

    /// Sets one score's note, keeping its value.
    pub fn set_score_note(
        &mut self,
        id: AccountId,
        criterion: CriterionId,
        note: &str,
        now: i64,
    ) -> bool {
        self.update_account(id, now, |a| {
            a.scores.entry(criterion).or_default().note = note.to_owned();
            a.prune_empty_score(criterion);
        })
    }

    pub fn set_override(
        &mut self,
        id: AccountId,
        tier_override: Option<TierOverride>,
        now: i64,
    ) -> bool {
        self.update_account(id, now, |a| a.tier_override = tier_override)
    }

    /// The model the editor shows: the draft if one is open, else the model in force.
    pub fn editable_model(&self) -> &ScoringModel {
        self.model_draft.as_ref().unwrap_or(&self.model)
    }

    /// Edits the draft, opening one from the model in force if needed.
    pub fn edit_draft(&mut self, edit: impl FnOnce(&mut ScoringModel)) {
        let draft = self.model_draft.get_or_insert_with(|| self.model.clone());
        edit(draft);
    }

    /// The thresholds being edited: the draft's if there is one, else those in force.
    pub fn editable_thresholds(&self) -> Thresholds {
        self.thresholds_draft.unwrap_or(self.tiers.thresholds)
    }

    /// Sets one threshold of the draft (opening one from those in force if needed).
    /// A value off the 1–10 scale is refused and nothing changes.
    pub fn set_draft_threshold(&mut self, axis: Axis, value: Tenths) -> bool {
        if !Thresholds::is_valid_value(value) {
            return false;
        }
        let draft = self.thresholds_draft.get_or_insert(self.tiers.thresholds);
        match axis {
            Axis::Attractiveness => draft.attractiveness = value,
            Axis::Feasibility => draft.feasibility = value,
        }
        true
    }

    /// Puts the draft (model and thresholds) in force if the model is valid. An invalid
    /// draft is refused whole and what is in force stays as it was.
    pub fn apply_draft(&mut self) -> Result<(), Vec<ModelError>> {
        if let Some(draft) = self.model_draft.as_ref() {
            let problems = draft.problems();
            if !problems.is_empty() {
                return Err(problems);
            }
            self.model = draft.clone();
            self.model_draft = None;
        }
        if let Some(thresholds) = self.thresholds_draft.take() {
            self.tiers.thresholds = thresholds;
        }
        Ok(())
    }

    /// A model that breaks the rules (a file edited by hand, or from a tool that did not
    /// check it) is never in force: it becomes the draft for the user to fix and apply,
    /// and the default model is in force meanwhile. A draft already open is the user's
    /// newer work and is kept; the invalid model then gives way to it. Returns whether
    /// the model was taken out of force.
    pub fn keep_invalid_model_as_draft(&mut self) -> bool {
        if self.model.problems().is_empty() {
            return false;
        }
        let invalid = std::mem::take(&mut self.model);
        self.model_draft.get_or_insert(invalid);
        true
    }

    /// What opening stored data or a file does before the user sees it: a model that
    /// breaks the rules is set aside as the draft. Returns whether it was (the user is
    /// told). (A tier principle still holding an earlier version's default text reads as
    /// today's: `TierSettings::guidance`.)
    pub fn repair_on_open(&mut self) -> bool {
        self.keep_invalid_model_as_draft()
    }

    pub fn discard_draft(&mut self) {
        self.model_draft = None;
        self.thresholds_draft = None;
    }

    /// Whether the draft (model or thresholds) differs from what is in force.
    pub fn has_pending_draft(&self) -> bool {
        self.model_draft
            .as_ref()
            .is_some_and(|draft| draft != &self.model)
            || self
                .thresholds_draft
                .is_some_and(|draft| draft != self.tiers.thresholds)
    }

    /// Distinct non-empty segments, sorted, for filters.
    pub fn segments(&self) -> Vec<String> {
        let mut segments: Vec<String> = self
            .accounts
            .iter()
            .map(|a| a.segment.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        segments.sort();
        segments.dedup();
        segments
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_amount_unit_is_trimmed_and_kept_short() {
        let mut ws = Workspace::default();
        assert_eq!(ws.amount_unit, "");
        ws.set_amount_unit("  万元 ");
        assert_eq!(ws.amount_unit, "万元");
        ws.set_amount_unit(&"x".repeat(100));
        assert_eq!(ws.amount_unit.chars().count(), AMOUNT_UNIT_MAX);
        // A workspace without a unit stores nothing for it, and one with a unit keeps it.
        let plain = serde_json::to_string(&Workspace::default()).expect("json");
        assert!(!plain.contains("amount_unit"));
        ws.set_amount_unit("CNY");
        let back: Workspace =
            serde_json::from_str(&serde_json::to_string(&ws).expect("json")).expect("read");
        assert_eq!(back.amount_unit, "CNY");
    }
    use crate::domain::model::Axis;
    use crate::domain::scoring::Score;
    use crate::domain::tiering::Tier;

    fn named(name: &str) -> Account {
        Account {
            name: name.into(),
            ..Account::default()
        }
    }

    #[test]
    fn new_accounts_get_unique_ids_even_after_deletion() {
        let mut ws = Workspace::default();
        let a = ws.add_account(named("A"), 10);
        let b = ws.add_account(named("B"), 11);
        ws.delete_account(b);
        let c = ws.add_account(named("C"), 12);
        assert_ne!(a, b);
        assert_ne!(b, c);
        assert_eq!(ws.account(c).map(|x| x.created_at), Some(12));
    }

    #[test]
    fn invalid_draft_is_refused_and_model_in_force_is_kept() {
        let mut ws = Workspace::default();
        ws.edit_draft(|m| {
            if let Some(c) = m.criterion_mut(1) {
                c.weight = 50;
            }
        });
        assert!(ws.has_pending_draft());
        let err = ws.apply_draft().expect_err("110% must be refused");
        assert_eq!(
            err,
            vec![ModelError::WeightsDoNotTotal {
                axis: Axis::Attractiveness,
                total: 110
            }]
        );
        assert_eq!(ws.model, ScoringModel::default_model());
        assert!(
            ws.model_draft.is_some(),
            "the user's draft is kept for fixing"
        );
    }

    #[test]
    fn an_invalid_model_loaded_becomes_the_draft_and_the_default_is_in_force() {
        let mut ws = Workspace::default();
        ws.model.criteria[0].weight -= 10;
        let invalid = ws.model.clone();
        assert!(ws.keep_invalid_model_as_draft());
        assert_eq!(ws.model, ScoringModel::default_model());
        assert_eq!(ws.model_draft.as_ref(), Some(&invalid));
        assert!(ws.has_pending_draft());
        // Valid now: nothing more changes.
        assert!(!ws.keep_invalid_model_as_draft());
        assert_eq!(ws.model_draft.as_ref(), Some(&invalid));
    }

    #[test]
    fn valid_draft_is_applied() {
        let mut ws = Workspace::default();
        ws.edit_draft(|m| {
            if let Some(c) = m.criterion_mut(1) {
                c.weight = 30;
            }
            if let Some(c) = m.criterion_mut(2) {
                c.weight = 40;
            }
        });
        assert_eq!(ws.apply_draft(), Ok(()));
        assert_eq!(ws.model.criterion(2).map(|c| c.weight), Some(40));
        assert!(ws.model_draft.is_none());
    }

    #[test]
    fn draft_thresholds_wait_for_apply_and_go_in_force_with_the_model() {
        let mut ws = Workspace::default();
        let in_force = ws.tiers.thresholds;
        assert!(ws.set_draft_threshold(Axis::Attractiveness, Tenths(70)));
        assert!(ws.has_pending_draft());
        assert_eq!(
            ws.tiers.thresholds, in_force,
            "nothing in force before apply"
        );
        assert_eq!(ws.editable_thresholds().attractiveness, Tenths(70));
        assert_eq!(ws.apply_draft(), Ok(()));
        assert_eq!(ws.tiers.thresholds.attractiveness, Tenths(70));
        assert!(!ws.has_pending_draft());
        assert!(ws.thresholds_draft.is_none());
    }

    #[test]
    fn a_threshold_off_the_scale_is_refused_and_a_refused_model_keeps_the_thresholds_draft() {
        let mut ws = Workspace::default();
        assert!(!ws.set_draft_threshold(Axis::Feasibility, Tenths(101)));
        assert!(!ws.set_draft_threshold(Axis::Feasibility, Tenths(9)));
        assert!(ws.thresholds_draft.is_none());
        assert!(ws.set_draft_threshold(Axis::Feasibility, Tenths(100)));
        ws.edit_draft(|m| {
            if let Some(c) = m.criterion_mut(1) {
                c.weight = 1;
            }
        });
        assert!(ws.apply_draft().is_err());
        assert_eq!(ws.tiers.thresholds, Thresholds::default());
        assert_eq!(
            ws.thresholds_draft.map(|t| t.feasibility),
            Some(Tenths(100))
        );
        ws.discard_draft();
        assert!(!ws.has_pending_draft());
        assert!(ws.thresholds_draft.is_none());
    }

    #[test]
    fn setting_and_clearing_scores_and_overrides() {
        let mut ws = Workspace::default();
        let id = ws.add_account(named("A"), 0);
        assert!(ws.set_score_value(id, 1, Some(7), 5));
        assert!(ws.set_score_note(id, 1, "growing", 5));
        let score = |ws: &Workspace| ws.account(id).and_then(|a| a.scores.get(&1).cloned());
        assert_eq!(
            score(&ws),
            Some(Score {
                value: Some(7),
                note: "growing".into()
            })
        );
        assert_eq!(ws.account(id).map(|a| a.updated_at), Some(5));
        // Clearing the value keeps the note; clearing both drops the entry.
        assert!(ws.set_score_value(id, 1, None, 6));
        assert_eq!(
            score(&ws),
            Some(Score {
                value: None,
                note: "growing".into()
            })
        );
        assert!(ws.set_score_note(id, 1, " ", 6));
        assert!(ws.account(id).is_some_and(|a| a.scores.is_empty()));
        let o = TierOverride::new(Tier::Tier2, "reason", 7).ok();
        assert!(ws.set_override(id, o.clone(), 7));
        assert_eq!(ws.account(id).and_then(|a| a.tier_override.clone()), o);
        assert!(!ws.set_score_value(999, 1, None, 8));
    }

    #[test]
    fn accounts_by_id_finds_every_account() {
        let mut ws = Workspace::default();
        let a = ws.add_account(named("A"), 0);
        let b = ws.add_account(named("B"), 0);
        let index = ws.accounts_by_id();
        assert_eq!(index.len(), 2);
        assert_eq!(index.get(&b).map(|x| x.name.as_str()), Some("B"));
        assert_eq!(index.get(&a).map(|x| x.name.as_str()), Some("A"));
    }

    #[test]
    fn segments_are_distinct_and_sorted() {
        let mut ws = Workspace::default();
        for (name, seg) in [("A", "汽车"), ("B", " 金融 "), ("C", "汽车"), ("D", "")] {
            let mut a = named(name);
            a.segment = seg.into();
            ws.add_account(a, 0);
        }
        assert_eq!(ws.segments(), vec!["汽车".to_string(), "金融".to_string()]);
    }
}
