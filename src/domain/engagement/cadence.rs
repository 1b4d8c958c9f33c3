//! Contacts against cadence (KAM-SPEC §2.3.3, §5): each tier has a contact cadence —
//! by default tier 1 monthly, tier 2 quarterly, tier 3 every six months — editable per
//! tier and per account; from the last contact (or, before any, the date the
//! relationship began) it gives the date the next contact is due and whether the account
//! is on time, due soon or overdue.
//!
//! The cadence is a number of contacts a year, the same figure the pyramid plans selling
//! time from (`pyramid::ContactPlan`): 12, 6, 4, 3, 2 and 1 are whole months apart, and
//! fall on the same day of the month (or the month's last day when it has no such day);
//! other counts are spread evenly over 365 days.

use chrono::{Days, Months, NaiveDate};

/// How far apart contacts are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interval {
    Months(u32),
    Days(u32),
}

impl Interval {
    /// The interval of `contacts_per_year`, none for 0 (no contact planned).
    pub fn from_contacts_per_year(contacts_per_year: u32) -> Option<Self> {
        match contacts_per_year {
            0 => None,
            n if 12 % n == 0 => Some(Interval::Months(12 / n)),
            n => Some(Interval::Days(365_u32.div_ceil(n).max(1))),
        }
    }

    /// `from` plus the interval; a month end stays within its month (31 January plus a
    /// month is the last day of February).
    pub fn after(self, from: NaiveDate) -> NaiveDate {
        let next = match self {
            Interval::Months(m) => from.checked_add_months(Months::new(m)),
            Interval::Days(d) => from.checked_add_days(Days::new(u64::from(d))),
        };
        next.unwrap_or(NaiveDate::MAX)
    }

    /// Roughly how many days the interval spans (for the "due soon" window).
    pub fn approximate_days(self) -> u32 {
        match self {
            Interval::Months(m) => m.saturating_mul(30),
            Interval::Days(d) => d,
        }
    }

    /// How many days before the due date an account counts as due soon: a quarter of
    /// the interval, at most two weeks (a week for a monthly cadence).
    pub fn due_soon_days(self) -> i64 {
        i64::from((self.approximate_days() / 4).clamp(1, 14))
    }
}

/// Where an account stands against its cadence on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CadenceState {
    /// No contact planned (a cadence of 0 a year, or no tier).
    NotPlanned,
    /// No contact logged and no date the relationship began: due now.
    NeverContacted,
    OnTime {
        due: NaiveDate,
        days_left: i64,
    },
    DueSoon {
        due: NaiveDate,
        days_left: i64,
    },
    Overdue {
        due: NaiveDate,
        days_over: i64,
    },
}

impl CadenceState {
    pub fn due(self) -> Option<NaiveDate> {
        match self {
            Self::OnTime { due, .. } | Self::DueSoon { due, .. } | Self::Overdue { due, .. } => {
                Some(due)
            }
            Self::NotPlanned | Self::NeverContacted => None,
        }
    }

    /// Whether the account belongs on the list of contacts to make.
    pub fn needs_contact(self) -> bool {
        matches!(
            self,
            Self::NeverContacted | Self::DueSoon { .. } | Self::Overdue { .. }
        )
    }

    /// Days past the due date (negative: days left); never-contacted accounts come
    /// before every dated one.
    pub fn urgency(self) -> i64 {
        match self {
            Self::NeverContacted => i64::MAX,
            Self::Overdue { days_over, .. } => days_over,
            Self::DueSoon { days_left, .. } | Self::OnTime { days_left, .. } => -days_left,
            Self::NotPlanned => i64::MIN,
        }
    }
}

/// The state of an account contacted last on `last_contact` (or, before any, whose
/// relationship began on `since`), `contacts_per_year` apart, on `today`.
pub fn cadence_state(
    contacts_per_year: u32,
    last_contact: Option<NaiveDate>,
    since: Option<NaiveDate>,
    today: NaiveDate,
) -> CadenceState {
    let Some(interval) = Interval::from_contacts_per_year(contacts_per_year) else {
        return CadenceState::NotPlanned;
    };
    let Some(from) = last_contact.or(since) else {
        return CadenceState::NeverContacted;
    };
    let due = interval.after(from);
    let days_left = (due - today).num_days();
    if days_left < 0 {
        CadenceState::Overdue {
            due,
            days_over: -days_left,
        }
    } else if days_left <= interval.due_soon_days() {
        CadenceState::DueSoon { due, days_left }
    } else {
        CadenceState::OnTime { due, days_left }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::engagement::test_clock::day;

    #[test]
    fn contacts_a_year_that_divide_twelve_are_whole_months_apart() {
        assert_eq!(
            Interval::from_contacts_per_year(12),
            Some(Interval::Months(1))
        );
        assert_eq!(
            Interval::from_contacts_per_year(4),
            Some(Interval::Months(3))
        );
        assert_eq!(
            Interval::from_contacts_per_year(2),
            Some(Interval::Months(6))
        );
        assert_eq!(
            Interval::from_contacts_per_year(5),
            Some(Interval::Days(73))
        );
        assert_eq!(
            Interval::from_contacts_per_year(500),
            Some(Interval::Days(1))
        );
        assert_eq!(Interval::from_contacts_per_year(0), None);
    }

    #[test]
    fn a_monthly_cadence_from_a_month_end_falls_on_the_next_months_last_day() {
        let monthly = Interval::Months(1);
        assert_eq!(monthly.after(day("2026-01-31")), day("2026-02-28"));
        assert_eq!(
            monthly.after(day("2028-01-31")),
            day("2028-02-29"),
            "leap year"
        );
        assert_eq!(monthly.after(day("2026-03-31")), day("2026-04-30"));
        assert_eq!(
            Interval::Months(6).after(day("2027-08-31")),
            day("2028-02-29")
        );
        assert_eq!(
            Interval::Months(3).after(day("2026-11-15")),
            day("2027-02-15"),
            "across a year end"
        );
    }

    #[test]
    fn an_account_is_due_soon_in_the_last_quarter_of_its_interval_and_overdue_after_the_due_date() {
        let last = Some(day("2026-03-01"));
        // Monthly: due 1 April, due soon from 25 March (a week).
        assert!(matches!(
            cadence_state(12, last, None, day("2026-03-24")),
            CadenceState::OnTime { days_left: 8, .. }
        ));
        assert!(matches!(
            cadence_state(12, last, None, day("2026-03-25")),
            CadenceState::DueSoon { days_left: 7, .. }
        ));
        assert!(matches!(
            cadence_state(12, last, None, day("2026-04-01")),
            CadenceState::DueSoon { days_left: 0, .. }
        ));
        assert_eq!(
            cadence_state(12, last, None, day("2026-04-03")),
            CadenceState::Overdue {
                due: day("2026-04-01"),
                days_over: 2
            }
        );
        // Quarterly: due 1 June, due soon two weeks before.
        assert!(matches!(
            cadence_state(4, last, None, day("2026-05-18")),
            CadenceState::DueSoon { days_left: 14, .. }
        ));
        assert!(matches!(
            cadence_state(4, last, None, day("2026-05-17")),
            CadenceState::OnTime { .. }
        ));
    }

    #[test]
    fn before_any_contact_the_cadence_runs_from_the_relationships_start() {
        let since = Some(day("2026-01-15"));
        assert_eq!(
            cadence_state(2, None, since, day("2026-08-01")).due(),
            Some(day("2026-07-15"))
        );
        assert_eq!(
            cadence_state(2, None, None, day("2026-08-01")),
            CadenceState::NeverContacted
        );
        assert_eq!(
            cadence_state(0, None, since, day("2026-08-01")),
            CadenceState::NotPlanned
        );
        assert_eq!(
            cadence_state(2, Some(day("2026-07-01")), since, day("2026-08-01")).due(),
            Some(day("2027-01-01")),
            "a logged contact counts, not the start"
        );
    }

    #[test]
    fn the_most_overdue_come_first_and_never_contacted_before_all() {
        let today = day("2026-06-30");
        let mut states = [
            cadence_state(12, Some(day("2026-06-20")), None, today),
            cadence_state(12, Some(day("2026-04-01")), None, today),
            cadence_state(12, None, None, today),
            cadence_state(4, Some(day("2026-03-10")), None, today),
        ];
        states.sort_by_key(|s| std::cmp::Reverse(s.urgency()));
        assert_eq!(states[0], CadenceState::NeverContacted);
        assert_eq!(states[1].due(), Some(day("2026-05-01")));
        assert_eq!(states[2].due(), Some(day("2026-06-10")));
        assert!(!states[3].needs_contact());
    }
}
