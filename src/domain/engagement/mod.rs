//! Engagement with target accounts (KAM-SPEC §2.3.3, §2.3.5, §5): our people and who
//! owns each account, the development pipeline, contacts against each tier's cadence,
//! the contact log, inbound inquiries with their service deadlines, and the calendar
//! file of planned items. Every rule takes its clock as a parameter (a local date or
//! date and time), so each is tested on a fixed clock.

pub mod activity;
pub mod cadence;
pub mod combine;
pub mod ics;
pub mod inquiry;
pub mod pipeline;
pub mod promotion;
pub mod team;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::doc::{Document, JsonDoc};
use activity::{Activity, ActivityId};
use inquiry::{Inquiry, InquiryId};
use pipeline::{Pipeline, StuckLimits};
use promotion::Promotion;
use team::Team;

/// What an account keeps of its engagement, as a document (`domain::doc`): read by the
/// pages that show it, never by the first screen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountEngagement {
    /// The date the relationship began (建立关系日期).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    #[serde(skip_serializing_if = "pipeline_is_empty")]
    pub pipeline: Pipeline,
    /// Contacts a year for this account, instead of its tier's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts_per_year: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub promotions: Vec<Promotion>,
    /// The next id for an activity or a promotion plan: ids are never reused.
    #[serde(skip_serializing_if = "is_zero")]
    pub next_id: u32,
}

fn pipeline_is_empty(p: &Pipeline) -> bool {
    p.changes.is_empty()
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Document for AccountEngagement {
    fn is_empty(&self) -> bool {
        *self == AccountEngagement::default()
    }
}

impl AccountEngagement {
    /// A fresh id, above every id in use.
    pub fn take_id(&mut self) -> u32 {
        let used = self
            .activities
            .iter()
            .map(|a| a.id)
            .chain(self.promotions.iter().map(|p| p.id));
        super::fresh_id(&mut self.next_id, used)
    }

    /// Logs a contact under a fresh id and returns the id.
    pub fn log(&mut self, mut activity: Activity) -> ActivityId {
        activity.id = self.take_id();
        let id = activity.id;
        self.activities.push(activity);
        id
    }
}

pub type EngagementDoc = JsonDoc<AccountEngagement>;

/// The workspace's inquiry log, as a document (`domain::doc`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InquiryLog {
    pub inquiries: Vec<Inquiry>,
    #[serde(skip_serializing_if = "is_zero")]
    pub next_id: InquiryId,
}

impl Document for InquiryLog {
    fn is_empty(&self) -> bool {
        *self == InquiryLog::default()
    }
}

impl InquiryLog {
    /// Adds an inquiry under a fresh id (never reused) and returns the id.
    pub fn add(&mut self, mut inquiry: Inquiry) -> InquiryId {
        inquiry.id = super::fresh_id(&mut self.next_id, self.inquiries.iter().map(|i| i.id));
        let id = inquiry.id;
        self.inquiries.push(inquiry);
        id
    }
}

pub type InquiryDoc = JsonDoc<InquiryLog>;

/// The workspace's engagement settings, as a document (`domain::doc`): our people and
/// the pipeline's stuck limits. Read where they are shown or used, never by the first
/// screen's loading.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngagementSettings {
    #[serde(skip_serializing_if = "Team::is_empty")]
    pub team: Team,
    #[serde(skip_serializing_if = "StuckLimits::is_default")]
    pub stuck_limits: StuckLimits,
}

impl Document for EngagementSettings {
    fn is_empty(&self) -> bool {
        *self == EngagementSettings::default()
    }
}

pub type SettingsDoc = JsonDoc<EngagementSettings>;

/// Dates and times written as in the tests: a fixed clock, never today's.
#[cfg(test)]
pub(crate) mod test_clock {
    use chrono::{NaiveDate, NaiveDateTime};

    /// `2026-03-02 09:30`, local time.
    pub fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a test time")
    }

    /// `2026-03-02`.
    pub fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_without_engagement_stores_no_document() {
        assert_eq!(
            EngagementDoc::write(&AccountEngagement::default()),
            Ok(None)
        );
        let mut e = AccountEngagement {
            since: NaiveDate::from_ymd_opt(2025, 4, 1),
            ..AccountEngagement::default()
        };
        let doc = EngagementDoc::write(&e)
            .expect("writes")
            .expect("not empty");
        assert_eq!(doc.text(), r#"{"since":"2025-04-01"}"#);
        assert_eq!(doc.read(), Ok(e.clone()));
        e.since = None;
        assert_eq!(EngagementDoc::write(&e), Ok(None));
    }

    #[test]
    fn activity_and_inquiry_ids_are_never_reused() {
        let mut e = AccountEngagement::default();
        let at = chrono::NaiveDateTime::default();
        let visit = Activity {
            id: 0,
            at,
            kind: activity::ActivityKind::RoutineVisit,
            ours: vec![],
            theirs: vec![],
            tenths_of_hours: 0,
            notes: String::new(),
            next_step: String::new(),
            next_step_on: None,
        };
        assert_eq!(e.log(visit.clone()), 1);
        assert_eq!(e.log(visit.clone()), 2);
        e.activities.clear();
        assert_eq!(e.log(visit), 3);
        let mut log = InquiryLog::default();
        assert_eq!(log.add(Inquiry::default()), 1);
        log.inquiries.clear();
        assert_eq!(log.add(Inquiry::default()), 2);
    }
}
