//! Strategy and action (KAM-SPEC §4.7–4.8): SMART objectives with a measure, a target
//! and a due date, the check that flags objectives missing a measure or a date, and the
//! action plan with owners, due dates, status and overdue actions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::account::slugs;
use crate::domain::AccountId;

pub type ObjectiveId = u32;
pub type ActionId = u32;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveStatus {
    #[default]
    Open,
    OnTrack,
    AtRisk,
    Achieved,
    Missed,
}

impl ObjectiveStatus {
    pub const ALL: [ObjectiveStatus; 5] = [
        ObjectiveStatus::Open,
        ObjectiveStatus::OnTrack,
        ObjectiveStatus::AtRisk,
        ObjectiveStatus::Achieved,
        ObjectiveStatus::Missed,
    ];
}

slugs!(ObjectiveStatus {
    Open => "open",
    OnTrack => "on_track",
    AtRisk => "at_risk",
    Achieved => "achieved",
    Missed => "missed",
});

/// A SMART objective: specific (the text), measurable (measure and target value),
/// achievable and appropriate (the user's judgement), timely (the due date).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Objective {
    pub id: ObjectiveId,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// How it is measured ("share of wallet", "units ordered").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub measure: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub target: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub status: ObjectiveStatus,
}

/// What keeps an objective from being SMART, as far as the app can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectiveGap {
    NoMeasure,
    NoTarget,
    NoDueDate,
}

impl Objective {
    pub fn gaps(&self) -> Vec<ObjectiveGap> {
        let mut gaps = Vec::new();
        if self.measure.trim().is_empty() {
            gaps.push(ObjectiveGap::NoMeasure);
        }
        if self.target.trim().is_empty() {
            gaps.push(ObjectiveGap::NoTarget);
        }
        if self.due.is_none() {
            gaps.push(ObjectiveGap::NoDueDate);
        }
        gaps
    }

    pub fn is_smart(&self) -> bool {
        !self.text.trim().is_empty() && self.gaps().is_empty()
    }
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Blocked,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Blocked,
    ];
}

slugs!(ActionStatus {
    NotStarted => "not_started",
    InProgress => "in_progress",
    Done => "done",
    Blocked => "blocked",
});

/// One step of the action plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    pub id: ActionId,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub task: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// The objective it serves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objective: Option<ObjectiveId>,
}

impl Action {
    /// Past its due date and not done. Due today is not overdue.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status != ActionStatus::Done && self.due.is_some_and(|due| due < today)
    }
}

/// An overdue action of some account, for the cross-account list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverdueAction {
    pub account: AccountId,
    pub action: ActionId,
    pub due: NaiveDate,
}

impl OverdueAction {
    /// Whole days past the due date: due yesterday is one day overdue.
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        (today - self.due).num_days()
    }
}

/// Owner names compared as a person would: trimmed, any case.
pub fn same_owner(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Overdue actions across accounts, oldest first (then by account and action), those
/// of `owner` only when given (names compared by [`same_owner`]).
pub fn overdue_actions<'a>(
    plans: impl IntoIterator<Item = (AccountId, &'a [Action])>,
    owner: Option<&str>,
    today: NaiveDate,
) -> Vec<OverdueAction> {
    let mut overdue: Vec<OverdueAction> = plans
        .into_iter()
        .flat_map(|(account, actions)| {
            actions
                .iter()
                .filter(move |a| a.is_overdue(today))
                .filter(move |a| owner.is_none_or(|o| same_owner(o, &a.owner)))
                .filter_map(move |a| {
                    a.due.map(|due| OverdueAction {
                        account,
                        action: a.id,
                        due,
                    })
                })
        })
        .collect();
    overdue.sort_by_key(|o| (o.due, o.account, o.action));
    overdue
}

/// The owners named in `actions`, each once however it is spelt (by [`same_owner`], the
/// first spelling kept, trimmed), in alphabetical order; blank owners are left out.
pub fn action_owners<'a>(actions: impl IntoIterator<Item = &'a Action>) -> Vec<String> {
    let mut owners: Vec<String> = Vec::new();
    for action in actions {
        let owner = action.owner.trim();
        if !owner.is_empty() && !owners.iter().any(|o| same_owner(o, owner)) {
            owners.push(owner.to_owned());
        }
    }
    // Names are unique by now; unstable sorting is the smaller code in the wasm file.
    owners.sort_unstable_by_key(|o| o.to_lowercase());
    owners
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn objectives_missing_a_measure_a_target_or_a_date_are_flagged() {
        let full = Objective {
            id: 1,
            text: "Become preferred supplier for seating".into(),
            measure: "Share of wallet".into(),
            target: "40%".into(),
            due: Some(day(2027, 6, 30)),
            ..Objective::default()
        };
        assert!(full.gaps().is_empty());
        assert!(full.is_smart());
        let vague = Objective {
            id: 2,
            text: "Grow the account".into(),
            ..Objective::default()
        };
        assert_eq!(
            vague.gaps(),
            vec![
                ObjectiveGap::NoMeasure,
                ObjectiveGap::NoTarget,
                ObjectiveGap::NoDueDate
            ]
        );
        assert!(!vague.is_smart());
        let untitled = Objective {
            text: " ".into(),
            ..full
        };
        assert!(!untitled.is_smart());
    }

    #[test]
    fn an_action_past_its_due_date_and_not_done_is_overdue() {
        let today = day(2026, 11, 22);
        let action = |due, status| Action {
            due,
            status,
            ..Action::default()
        };
        assert!(action(Some(day(2026, 11, 21)), ActionStatus::InProgress).is_overdue(today));
        assert!(action(Some(day(2026, 11, 21)), ActionStatus::Blocked).is_overdue(today));
        assert!(!action(Some(day(2026, 11, 22)), ActionStatus::NotStarted).is_overdue(today));
        assert!(!action(Some(day(2026, 1, 1)), ActionStatus::Done).is_overdue(today));
        assert!(!action(None, ActionStatus::NotStarted).is_overdue(today));
    }

    #[test]
    fn overdue_actions_across_accounts_are_listed_oldest_first_and_by_owner() {
        let today = day(2026, 11, 22);
        let action = |id, owner: &str, due| Action {
            id,
            owner: owner.into(),
            due: Some(due),
            ..Action::default()
        };
        let first = vec![
            action(1, "Wang Fang", day(2026, 11, 1)),
            action(2, "Li Lei", day(2026, 10, 1)),
            action(3, "Wang Fang", day(2026, 12, 1)),
        ];
        let second = vec![action(1, " wang fang ", day(2026, 9, 1))];
        let plans = [(7, first.as_slice()), (9, second.as_slice())];
        let all = overdue_actions(plans, None, today);
        let keys: Vec<(AccountId, ActionId)> = all.iter().map(|o| (o.account, o.action)).collect();
        assert_eq!(keys, vec![(9, 1), (7, 2), (7, 1)]);
        let mine = overdue_actions(plans, Some("Wang Fang"), today);
        let keys: Vec<(AccountId, ActionId)> = mine.iter().map(|o| (o.account, o.action)).collect();
        assert_eq!(keys, vec![(9, 1), (7, 1)]);
    }

    #[test]
    fn days_overdue_count_from_the_due_date() {
        let overdue = OverdueAction {
            account: 1,
            action: 1,
            due: day(2026, 11, 1),
        };
        assert_eq!(overdue.days_overdue(day(2026, 11, 2)), 1);
        assert_eq!(overdue.days_overdue(day(2026, 12, 1)), 30);
    }

    #[test]
    fn action_owners_are_listed_once_however_they_are_spelt() {
        let action = |owner: &str| Action {
            owner: owner.into(),
            ..Action::default()
        };
        let actions = [
            action("Wang Fang"),
            action("li lei"),
            action(" wang fang "),
            action(""),
            action("  "),
            action("Chen Jing"),
            action("LI LEI"),
        ];
        assert_eq!(
            action_owners(&actions),
            vec!["Chen Jing", "li lei", "Wang Fang"]
        );
        assert!(action_owners(&[]).is_empty());
    }
}
