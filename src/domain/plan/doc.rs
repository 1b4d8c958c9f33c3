//! An account's plan as the account keeps it: the plan's JSON text.
//!
//! A plan is a document of its own inside the account — dozens of nested types —, and
//! only a few places look into it: the plan pages, the merge, the overdue actions, the
//! account page and the account list's summary. Keeping it as text means that loading,
//! saving and copying a workspace never needs to know a plan's shape, so that code
//! (most of the app's data code) loads with the pages that read plans, not with the
//! first screen. The saved format is unchanged: the text is the plan object itself.
//!
//! A plan's text that this version cannot read (damaged, edited by hand) is kept as it
//! is: [`PlanDoc::read`] says why, and nothing writes over it unless the user starts
//! again.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::AccountPlan;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlanDoc(Box<RawValue>);

/// Two documents are the same when their texts are: plans written here are always
/// written the same way. (Whether a colleague's plan says the same in other words is a
/// question for [`same_plan`].)
impl PartialEq for PlanDoc {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

impl Eq for PlanDoc {}

/// Why a stored plan cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UnreadablePlan(pub String);

impl PlanDoc {
    /// The plan, read from its text.
    pub fn read(&self) -> Result<AccountPlan, UnreadablePlan> {
        serde_json::from_str(self.0.get()).map_err(|e| UnreadablePlan(e.to_string()))
    }

    /// The document of `plan`; none for an empty plan, so an account without a plan
    /// stores nothing.
    pub fn write(plan: &AccountPlan) -> Result<Option<PlanDoc>, UnreadablePlan> {
        if plan.is_empty() {
            return Ok(None);
        }
        serde_json::value::to_raw_value(plan)
            .map(|raw| Some(PlanDoc(raw)))
            .map_err(|e| UnreadablePlan(e.to_string()))
    }

    /// The stored text.
    pub fn text(&self) -> &str {
        self.0.get()
    }
}

/// The plan of an account that may have none: no document is the empty plan.
pub fn read_plan(doc: Option<&PlanDoc>) -> Result<AccountPlan, UnreadablePlan> {
    doc.map_or_else(|| Ok(AccountPlan::default()), PlanDoc::read)
}

/// Whether two accounts' plans say the same: the same text, or texts that read as the
/// same plan (a file written elsewhere may space or order its JSON differently). A plan
/// that cannot be read is the same only as the identical text.
pub fn same_plan(a: Option<&PlanDoc>, b: Option<&PlanDoc>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) if a == b => true,
        (Some(a), Some(b)) => matches!((a.read(), b.read()), (Ok(x), Ok(y)) if x == y),
        _ => false,
    }
}

/// What the account list shows of a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanSummary {
    /// [`AccountPlan::completeness`], in percent.
    pub completeness: u32,
    /// Some fact of the profile is due for refresh.
    pub stale: bool,
}

impl PlanSummary {
    pub fn of(doc: &PlanDoc, today: NaiveDate) -> Result<PlanSummary, UnreadablePlan> {
        let plan = doc.read()?;
        Ok(PlanSummary {
            completeness: plan.completeness(),
            stale: plan.facts_needing_refresh(today) > 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_with_summary(text: &str) -> AccountPlan {
        AccountPlan {
            summary: text.into(),
            ..AccountPlan::default()
        }
    }

    #[test]
    fn a_plan_written_as_a_document_reads_back_the_same() {
        let plan = plan_with_summary("<img src=x onerror=alert(1)> 成为首选合作伙伴");
        let doc = PlanDoc::write(&plan).expect("writes").expect("not empty");
        assert_eq!(doc.read(), Ok(plan));
        assert!(doc.text().starts_with('{'));
    }

    #[test]
    fn an_empty_plan_is_no_document() {
        assert_eq!(PlanDoc::write(&AccountPlan::default()), Ok(None));
        assert_eq!(read_plan(None), Ok(AccountPlan::default()));
    }

    #[test]
    fn a_plan_that_cannot_be_read_says_why_and_keeps_its_text() {
        let doc: PlanDoc = serde_json::from_str(r#"{"summary": 42}"#).expect("any JSON");
        assert!(doc.read().is_err());
        assert_eq!(doc.text(), r#"{"summary": 42}"#);
        assert!(PlanSummary::of(&doc, NaiveDate::MIN).is_err());
    }

    #[test]
    fn plans_are_the_same_when_they_read_the_same_whatever_their_spacing() {
        let doc = PlanDoc::write(&plan_with_summary("a")).expect("writes");
        let spaced: PlanDoc = serde_json::from_str(r#"{ "summary" : "a" }"#).expect("JSON");
        let other = PlanDoc::write(&plan_with_summary("b")).expect("writes");
        assert!(same_plan(doc.as_ref(), Some(&spaced)));
        assert!(!same_plan(doc.as_ref(), other.as_ref()));
        assert!(!same_plan(doc.as_ref(), None));
        assert!(same_plan(None, None));
        let broken: PlanDoc = serde_json::from_str(r#"{"summary": 1}"#).expect("JSON");
        assert!(same_plan(Some(&broken), Some(&broken.clone())));
        assert!(!same_plan(Some(&broken), doc.as_ref()));
    }

    #[test]
    fn the_summary_gives_completeness_and_whether_facts_need_refreshing() {
        let mut plan = plan_with_summary("Grow the account");
        plan.profile.goals.text = "Lead in EV seating".into();
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        let doc = PlanDoc::write(&plan).expect("writes").expect("not empty");
        let summary = PlanSummary::of(&doc, today).expect("reads");
        assert_eq!(summary.completeness, plan.completeness());
        assert!(summary.stale, "an undated fact is due for refresh");
        plan.profile.goals.date = Some(today);
        let doc = PlanDoc::write(&plan).expect("writes").expect("not empty");
        assert!(!PlanSummary::of(&doc, today).expect("reads").stale);
    }
}
