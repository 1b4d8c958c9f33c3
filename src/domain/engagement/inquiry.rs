//! Inbound inquiries (一般客户电话业务查询, KAM-SPEC §2.3.5): the record of a call or
//! message from a company that is not yet a target, and the service deadlines it starts —
//! logged within 30 minutes of receipt, reported to the segment manager within 24 hours,
//! answered within 24 hours (important) or 48 hours (minor), and followed up within 7
//! days after materials were sent — each with its state on a given clock.
//!
//! Times are the user's local wall-clock time (`NaiveDateTime`), as typed and as shown:
//! a deadline "within 24 hours" is the same time the next day on the office clock.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::domain::account::slugs;
use crate::domain::AccountId;

use super::team::ColleagueId;

pub type InquiryId = u32;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    Important,
    #[default]
    Minor,
}

impl Importance {
    pub const ALL: [Importance; 2] = [Importance::Important, Importance::Minor];
}

slugs!(Importance {
    Important => "important",
    Minor => "minor",
});

/// The service steps of an inquiry, in the order they fall due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Logged, with the first handling, within 30 minutes of receipt.
    Logged,
    /// Reported to the segment manager within 24 hours of receipt.
    Reported,
    /// Answered within 24 hours (important) or 48 hours (minor) of receipt.
    Answered,
    /// Followed up within 7 days after materials were sent.
    FollowedUp,
}

impl Step {
    pub const ALL: [Step; 4] = [
        Step::Logged,
        Step::Reported,
        Step::Answered,
        Step::FollowedUp,
    ];
}

slugs!(Step {
    Logged => "logged",
    Reported => "reported",
    Answered => "answered",
    FollowedUp => "followed_up",
});

/// Whether the caller becomes a target account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "decision")]
pub enum TargetDecision {
    #[default]
    Open,
    /// Made a target: the account created from the inquiry.
    Target {
        account: AccountId,
    },
    NotTarget {
        reason: String,
    },
}

/// One inquiry as logged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Inquiry {
    pub id: InquiryId,
    pub received_at: Option<NaiveDateTime>,
    /// When it was written down (the first step); set when the inquiry is logged.
    pub logged_at: Option<NaiveDateTime>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub company: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub industry: String,
    /// The customer category as the caller's company is classed (free text, as on the
    /// paper form: enterprise, government, school…).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub category: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub position: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub request: String,
    pub importance: Importance,
    pub handler: Option<ColleagueId>,
    pub reported_at: Option<NaiveDateTime>,
    pub answered_at: Option<NaiveDateTime>,
    /// When materials were sent: the 7-day follow-up runs from here.
    pub materials_sent_at: Option<NaiveDateTime>,
    pub followed_up_at: Option<NaiveDateTime>,
    pub decision: TargetDecision,
}

/// How long each step may take.
pub fn allowed(step: Step, importance: Importance) -> TimeDelta {
    match (step, importance) {
        (Step::Logged, _) => TimeDelta::minutes(30),
        (Step::Reported, _) | (Step::Answered, Importance::Important) => TimeDelta::hours(24),
        (Step::Answered, Importance::Minor) => TimeDelta::hours(48),
        (Step::FollowedUp, _) => TimeDelta::days(7),
    }
}

/// A step's state on a given clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineState {
    /// Not started: its clock has not begun (no receipt time, or no materials sent).
    NotStarted,
    /// Open, with more than a quarter of its time left.
    Open,
    /// Open, with a quarter of its time or less left.
    DueSoon,
    /// Open and past its deadline.
    Overdue,
    MetOnTime,
    MetLate,
}

impl DeadlineState {
    pub fn is_open(self) -> bool {
        matches!(self, Self::Open | Self::DueSoon | Self::Overdue)
    }
    pub fn is_met(self) -> bool {
        matches!(self, Self::MetOnTime | Self::MetLate)
    }
}

/// One step's deadline and state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub step: Step,
    /// When its clock started and when it is due (none when not started).
    pub start: Option<NaiveDateTime>,
    pub due: Option<NaiveDateTime>,
    pub done_at: Option<NaiveDateTime>,
    pub state: DeadlineState,
}

/// The state of a step whose clock runs from `start` for `allowed`, done at `done`, at `now`.
pub fn deadline_state(
    start: Option<NaiveDateTime>,
    allowed: TimeDelta,
    done: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> DeadlineState {
    let Some(start) = start else {
        return DeadlineState::NotStarted;
    };
    let due = start + allowed;
    match done {
        Some(done) if done <= due => DeadlineState::MetOnTime,
        Some(_) => DeadlineState::MetLate,
        None if now > due => DeadlineState::Overdue,
        None if (due - now) * 4 <= allowed => DeadlineState::DueSoon,
        None => DeadlineState::Open,
    }
}

impl Inquiry {
    pub fn done_at(&self, step: Step) -> Option<NaiveDateTime> {
        match step {
            Step::Logged => self.logged_at,
            Step::Reported => self.reported_at,
            Step::Answered => self.answered_at,
            Step::FollowedUp => self.followed_up_at,
        }
    }

    /// Ticks a step done at `at` (or unticks it with `None`).
    pub fn set_done(&mut self, step: Step, at: Option<NaiveDateTime>) {
        match step {
            Step::Logged => self.logged_at = at,
            Step::Reported => self.reported_at = at,
            Step::Answered => self.answered_at = at,
            Step::FollowedUp => self.followed_up_at = at,
        }
    }

    fn clock_start(&self, step: Step) -> Option<NaiveDateTime> {
        match step {
            Step::FollowedUp => self.materials_sent_at,
            _ => self.received_at,
        }
    }

    pub fn deadline(&self, step: Step, now: NaiveDateTime) -> Deadline {
        let start = self.clock_start(step);
        let allowed = allowed(step, self.importance);
        Deadline {
            step,
            start,
            due: start.map(|s| s + allowed),
            done_at: self.done_at(step),
            state: deadline_state(start, allowed, self.done_at(step), now),
        }
    }

    pub fn deadlines(&self, now: NaiveDateTime) -> [Deadline; 4] {
        Step::ALL.map(|step| self.deadline(step, now))
    }

    /// The inquiry's state as a whole: its most pressing open step, else how its steps
    /// were met (late if any was).
    pub fn overall(&self, now: NaiveDateTime) -> DeadlineState {
        let states = self.deadlines(now).map(|d| d.state);
        for pressing in [
            DeadlineState::Overdue,
            DeadlineState::DueSoon,
            DeadlineState::Open,
            DeadlineState::MetLate,
        ] {
            if states.contains(&pressing) {
                return pressing;
            }
        }
        if states.contains(&DeadlineState::MetOnTime) {
            DeadlineState::MetOnTime
        } else {
            DeadlineState::NotStarted
        }
    }

    /// What is wrong with the record as typed: a receipt time is needed, and no step can
    /// be done before its clock started.
    pub fn problems(&self) -> Vec<InquiryProblem> {
        let mut problems = Vec::new();
        if self.company.trim().is_empty() {
            problems.push(InquiryProblem::CompanyMissing);
        }
        match self.received_at {
            None => problems.push(InquiryProblem::ReceivedMissing),
            Some(_) => {
                for step in Step::ALL {
                    if let (Some(start), Some(done)) = (self.clock_start(step), self.done_at(step))
                    {
                        if done < start {
                            problems.push(InquiryProblem::DoneBeforeStart(step));
                        }
                    }
                }
            }
        }
        problems
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InquiryProblem {
    CompanyMissing,
    ReceivedMissing,
    DoneBeforeStart(Step),
}

/// The monthly summary to the BU head: inquiries received in a month, counted by
/// industry and category, the share of each step met on time, and those still open past
/// a deadline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthSummary {
    pub received: usize,
    /// (industry, count), most first, then by name; an empty industry counts as "".
    pub by_industry: Vec<(String, usize)>,
    pub by_category: Vec<(String, usize)>,
    /// Per step: (met on time, whose clock has run out or that were met). The share met
    /// counts only steps that could be judged.
    pub met: [(usize, usize); 4],
    pub overdue: Vec<InquiryId>,
    pub made_targets: usize,
}

impl MonthSummary {
    /// The share of a step met on time, in whole percent, when any could be judged.
    pub fn met_percent(&self, step: Step) -> Option<u32> {
        let (on_time, judged) = self.met[step as usize];
        (judged > 0).then(|| u32::try_from(on_time * 100 / judged).unwrap_or(100))
    }
}

/// The summary of the inquiries received in the month of `month` (any day of it).
pub fn month_summary(inquiries: &[Inquiry], month: NaiveDate, now: NaiveDateTime) -> MonthSummary {
    use chrono::Datelike;
    use std::collections::BTreeMap;
    let in_month = |i: &&Inquiry| {
        i.received_at
            .is_some_and(|r| r.year() == month.year() && r.month() == month.month())
    };
    let mut summary = MonthSummary::default();
    let mut industries: BTreeMap<String, usize> = BTreeMap::new();
    let mut categories: BTreeMap<String, usize> = BTreeMap::new();
    for inquiry in inquiries.iter().filter(in_month) {
        summary.received += 1;
        *industries
            .entry(inquiry.industry.trim().to_owned())
            .or_default() += 1;
        *categories
            .entry(inquiry.category.trim().to_owned())
            .or_default() += 1;
        for d in inquiry.deadlines(now) {
            let (on_time, judged) = &mut summary.met[d.step as usize];
            match d.state {
                DeadlineState::MetOnTime => {
                    *on_time += 1;
                    *judged += 1;
                }
                DeadlineState::MetLate | DeadlineState::Overdue => *judged += 1,
                _ => {}
            }
        }
        if inquiry.overall(now) == DeadlineState::Overdue {
            summary.overdue.push(inquiry.id);
        }
        if matches!(inquiry.decision, TargetDecision::Target { .. }) {
            summary.made_targets += 1;
        }
    }
    let ranked = |counts: BTreeMap<String, usize>| {
        let mut list: Vec<_> = counts.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        list
    };
    summary.by_industry = ranked(industries);
    summary.by_category = ranked(categories);
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::engagement::test_clock::at;

    fn received(text: &str, importance: Importance) -> Inquiry {
        Inquiry {
            id: 1,
            company: "Pudong Logistics".into(),
            received_at: Some(at(text)),
            importance,
            ..Inquiry::default()
        }
    }

    #[test]
    fn an_inquiry_is_logged_within_30_minutes_of_receipt() {
        let mut i = received("2026-03-02 09:00", Importance::Minor);
        assert_eq!(
            i.deadline(Step::Logged, at("2026-03-02 09:10")).state,
            DeadlineState::Open
        );
        assert_eq!(
            i.deadline(Step::Logged, at("2026-03-02 09:23")).state,
            DeadlineState::DueSoon
        );
        assert_eq!(
            i.deadline(Step::Logged, at("2026-03-02 09:30")).state,
            DeadlineState::DueSoon
        );
        assert_eq!(
            i.deadline(Step::Logged, at("2026-03-02 09:31")).state,
            DeadlineState::Overdue
        );
        i.logged_at = Some(at("2026-03-02 09:30"));
        assert_eq!(
            i.deadline(Step::Logged, at("2026-03-05 00:00")).state,
            DeadlineState::MetOnTime
        );
        i.logged_at = Some(at("2026-03-02 09:31"));
        assert_eq!(
            i.deadline(Step::Logged, at("2026-03-05 00:00")).state,
            DeadlineState::MetLate
        );
    }

    #[test]
    fn an_inquiry_is_reported_to_the_segment_manager_within_24_hours() {
        let i = received("2026-02-28 17:45", Importance::Minor);
        let d = i.deadline(Step::Reported, at("2026-03-01 08:00"));
        assert_eq!(d.due, Some(at("2026-03-01 17:45")), "across a month end");
        assert_eq!(d.state, DeadlineState::Open);
        assert_eq!(
            i.deadline(Step::Reported, at("2026-03-01 11:45")).state,
            DeadlineState::DueSoon
        );
        assert_eq!(
            i.deadline(Step::Reported, at("2026-03-01 17:46")).state,
            DeadlineState::Overdue
        );
    }

    #[test]
    fn important_inquiries_are_answered_within_24_hours_and_minor_ones_within_48() {
        let important = received("2028-02-28 10:00", Importance::Important);
        let minor = received("2028-02-28 10:00", Importance::Minor);
        // 2028 is a leap year: 28 February + 48 hours is 1 March.
        assert_eq!(
            important
                .deadline(Step::Answered, at("2028-02-28 10:00"))
                .due,
            Some(at("2028-02-29 10:00"))
        );
        assert_eq!(
            minor.deadline(Step::Answered, at("2028-02-28 10:00")).due,
            Some(at("2028-03-01 10:00"))
        );
        let now = at("2028-02-29 12:00");
        assert_eq!(
            important.deadline(Step::Answered, now).state,
            DeadlineState::Overdue
        );
        assert_eq!(
            minor.deadline(Step::Answered, now).state,
            DeadlineState::Open
        );
    }

    #[test]
    fn the_follow_up_is_due_7_days_after_materials_were_sent_and_not_before() {
        let mut i = received("2026-12-28 09:00", Importance::Minor);
        let now = at("2027-01-10 09:00");
        assert_eq!(
            i.deadline(Step::FollowedUp, now).state,
            DeadlineState::NotStarted
        );
        i.materials_sent_at = Some(at("2026-12-30 15:00"));
        assert_eq!(
            i.deadline(Step::FollowedUp, now).due,
            Some(at("2027-01-06 15:00")),
            "across a year end"
        );
        assert_eq!(
            i.deadline(Step::FollowedUp, now).state,
            DeadlineState::Overdue
        );
        i.followed_up_at = Some(at("2027-01-05 10:00"));
        assert_eq!(
            i.deadline(Step::FollowedUp, now).state,
            DeadlineState::MetOnTime
        );
    }

    #[test]
    fn without_a_receipt_time_no_clock_runs_and_the_record_says_so() {
        let i = Inquiry {
            company: "X".into(),
            ..Inquiry::default()
        };
        assert!(i
            .deadlines(at("2026-01-01 00:00"))
            .iter()
            .all(|d| d.state == DeadlineState::NotStarted));
        assert_eq!(i.problems(), vec![InquiryProblem::ReceivedMissing]);
        let mut j = received("2026-03-02 09:00", Importance::Minor);
        j.answered_at = Some(at("2026-03-02 08:00"));
        assert_eq!(
            j.problems(),
            vec![InquiryProblem::DoneBeforeStart(Step::Answered)]
        );
    }

    #[test]
    fn an_inquirys_overall_state_is_its_most_pressing_step() {
        let mut i = received("2026-03-02 09:00", Importance::Important);
        i.logged_at = Some(at("2026-03-02 09:05"));
        assert_eq!(i.overall(at("2026-03-02 10:00")), DeadlineState::Open);
        assert_eq!(i.overall(at("2026-03-03 08:00")), DeadlineState::DueSoon);
        assert_eq!(i.overall(at("2026-03-03 09:01")), DeadlineState::Overdue);
        i.reported_at = Some(at("2026-03-03 10:00"));
        i.answered_at = Some(at("2026-03-03 08:59"));
        assert_eq!(i.overall(at("2026-03-04 09:01")), DeadlineState::MetLate);
        i.reported_at = Some(at("2026-03-02 12:00"));
        assert_eq!(i.overall(at("2026-03-04 09:01")), DeadlineState::MetOnTime);
    }

    #[test]
    fn the_month_summary_counts_by_industry_and_category_and_the_share_met() {
        let mut a = received("2026-03-02 09:00", Importance::Important);
        a.industry = "Automotive".into();
        a.logged_at = Some(at("2026-03-02 09:10"));
        let mut b = received("2026-03-31 23:50", Importance::Minor);
        b.id = 2;
        b.industry = "Automotive".into();
        b.category = "Enterprise".into();
        b.logged_at = Some(at("2026-04-01 01:00"));
        b.decision = TargetDecision::Target { account: 9 };
        let mut c = received("2026-04-01 00:10", Importance::Minor);
        c.id = 3;
        c.industry = "Banking".into();
        let s = month_summary(
            &[a, b, c],
            NaiveDate::from_ymd_opt(2026, 3, 15).expect("date"),
            at("2026-04-10 00:00"),
        );
        assert_eq!(s.received, 2, "the 1 April inquiry belongs to April");
        assert_eq!(s.by_industry, vec![("Automotive".to_owned(), 2)]);
        assert_eq!(
            s.by_category,
            vec![("".to_owned(), 1), ("Enterprise".to_owned(), 1)]
        );
        assert_eq!(s.met_percent(Step::Logged), Some(50));
        assert_eq!(s.met_percent(Step::FollowedUp), None);
        assert_eq!(s.overdue, vec![1, 2]);
        assert_eq!(s.made_targets, 1);
    }
}
