//! The contact log of an account (KAM-SPEC §5, the communication mechanisms of document
//! 001): each contact's date and time, kind, who took part on both sides, hours spent,
//! notes and the next step with its date; the last contact it gives an account and a
//! person of the decision-making unit; selling time logged in a period.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::account::slugs;
use crate::domain::plan::people::PersonId;

use super::team::ColleagueId;

pub type ActivityId = u32;

/// The kinds of contact document 001 schedules on the key business-behaviour calendar.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// 高层会晤 / 战略会议
    ExecutiveMeeting,
    /// 技术交流与服务支持
    TechnicalExchange,
    /// 季度/月度计划会
    PlanningMeeting,
    /// 业务互动与团队活动
    BusinessEvent,
    /// 管理培训与考察
    Training,
    /// 例行拜访
    #[default]
    RoutineVisit,
    /// 招待
    Hospitality,
    /// 电话或电子邮件
    PhoneOrEmail,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 8] = [
        ActivityKind::ExecutiveMeeting,
        ActivityKind::TechnicalExchange,
        ActivityKind::PlanningMeeting,
        ActivityKind::BusinessEvent,
        ActivityKind::Training,
        ActivityKind::RoutineVisit,
        ActivityKind::Hospitality,
        ActivityKind::PhoneOrEmail,
    ];
}

slugs!(ActivityKind {
    ExecutiveMeeting => "executive_meeting",
    TechnicalExchange => "technical_exchange",
    PlanningMeeting => "planning_meeting",
    BusinessEvent => "business_event",
    Training => "training",
    RoutineVisit => "routine_visit",
    Hospitality => "hospitality",
    PhoneOrEmail => "phone_or_email",
});

/// One contact with the account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: ActivityId,
    pub at: NaiveDateTime,
    #[serde(default)]
    pub kind: ActivityKind,
    /// Our people who took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ours: Vec<ColleagueId>,
    /// The account's people who took part (its decision-making unit).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub theirs: Vec<PersonId>,
    /// Selling time spent, in tenths of an hour (preparation, travel, meeting).
    #[serde(default)]
    pub tenths_of_hours: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_step: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_step_on: Option<NaiveDate>,
}

/// The date of the latest contact in `log`.
pub fn last_contact(log: &[Activity]) -> Option<NaiveDateTime> {
    log.iter().map(|a| a.at).max()
}

/// The latest contact in `log` in which `person` took part.
pub fn last_contact_with(log: &[Activity], person: PersonId) -> Option<NaiveDateTime> {
    log.iter()
        .filter(|a| a.theirs.contains(&person))
        .map(|a| a.at)
        .max()
}

/// The next step planned by the latest contact that planned one.
pub fn next_step(log: &[Activity]) -> Option<&Activity> {
    log.iter()
        .filter(|a| !a.next_step.trim().is_empty() || a.next_step_on.is_some())
        .max_by_key(|a| a.at)
}

/// Selling time logged from `from` to `to` (both days included), in tenths of an hour.
pub fn logged_tenths(log: &[Activity], from: NaiveDate, to: NaiveDate) -> u64 {
    log.iter()
        .filter(|a| (from..=to).contains(&a.at.date()))
        .map(|a| u64::from(a.tenths_of_hours))
        .sum()
}

/// Reads hours as typed ("1.5", "2", "0,5") into tenths; none for text that is no
/// number of hours (negative, more than a day's 24 hours, or more than one decimal).
pub fn parse_hours(text: &str) -> Option<u32> {
    let text = text.trim().replace(',', ".");
    let (whole, tenth) = match text.split_once('.') {
        Some((w, t)) if t.len() == 1 => (w, t),
        Some((w, "")) => (w, "0"),
        Some(_) => return None,
        None => (text.as_str(), "0"),
    };
    if whole.is_empty() && tenth == "0" {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let tenth: u32 = tenth.parse().ok()?;
    let tenths = whole.checked_mul(10)?.checked_add(tenth)?;
    (tenths <= 240 && !text.starts_with(['+', '-'])).then_some(tenths)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::engagement::test_clock::at;

    fn activity(id: ActivityId, when: &str, theirs: Vec<PersonId>, tenths: u32) -> Activity {
        Activity {
            id,
            at: at(when),
            kind: ActivityKind::RoutineVisit,
            ours: vec![1],
            theirs,
            tenths_of_hours: tenths,
            notes: String::new(),
            next_step: String::new(),
            next_step_on: None,
        }
    }

    #[test]
    fn the_last_contact_is_the_latest_logged_whatever_the_order_of_logging() {
        let log = [
            activity(1, "2026-05-02 10:00", vec![3], 20),
            activity(2, "2026-04-30 09:00", vec![4], 10),
        ];
        assert_eq!(last_contact(&log), Some(at("2026-05-02 10:00")));
        assert_eq!(last_contact(&[]), None);
    }

    #[test]
    fn a_contact_with_a_person_updates_that_persons_last_contact() {
        let log = [
            activity(1, "2026-05-02 10:00", vec![3], 20),
            activity(2, "2026-05-09 09:00", vec![3, 4], 10),
        ];
        assert_eq!(last_contact_with(&log, 3), Some(at("2026-05-09 09:00")));
        assert_eq!(last_contact_with(&log, 5), None);
    }

    #[test]
    fn the_next_step_is_the_one_the_latest_contact_planned() {
        let mut a = activity(1, "2026-05-02 10:00", vec![], 0);
        a.next_step = "Send the pilot proposal".into();
        a.next_step_on = NaiveDate::from_ymd_opt(2026, 5, 20);
        let b = activity(2, "2026-05-09 09:00", vec![], 0);
        let log = [a, b];
        assert_eq!(
            next_step(&log).map(|a| a.id),
            Some(1),
            "a contact planning nothing leaves it"
        );
    }

    #[test]
    fn selling_time_in_a_period_counts_both_end_days() {
        let log = [
            activity(1, "2026-01-01 00:00", vec![], 15),
            activity(2, "2026-03-31 23:59", vec![], 20),
            activity(3, "2026-04-01 00:00", vec![], 40),
        ];
        let (from, to) = (
            NaiveDate::from_ymd_opt(2026, 1, 1),
            NaiveDate::from_ymd_opt(2026, 3, 31),
        );
        assert_eq!(
            logged_tenths(&log, from.expect("date"), to.expect("date")),
            35
        );
    }

    #[test]
    fn hours_are_read_to_a_tenth_and_within_a_day() {
        assert_eq!(parse_hours("1.5"), Some(15));
        assert_eq!(parse_hours(" 2 "), Some(20));
        assert_eq!(parse_hours("0,5"), Some(5));
        assert_eq!(parse_hours(".5"), Some(5));
        assert_eq!(parse_hours("24"), Some(240));
        for bad in ["", ".", "-1", "+1", "24.1", "1.25", "abc", "4294967296"] {
            assert_eq!(parse_hours(bad), None, "{bad:?}");
        }
    }
}
