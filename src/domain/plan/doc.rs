//! An account's plan as the account keeps it: the plan's JSON text (`domain::doc`), read
//! only by the plan's code (in its chunk); and the summary the account list shows.

use chrono::NaiveDate;

use super::AccountPlan;
use crate::domain::doc::{Document, JsonDoc, UnreadableDoc};

pub type PlanDoc = JsonDoc<AccountPlan>;

/// Why a stored plan cannot be read.
pub type UnreadablePlan = UnreadableDoc;

impl Document for AccountPlan {
    fn is_empty(&self) -> bool {
        AccountPlan::is_empty(self)
    }
}

/// The plan of an account that may have none: no document is the empty plan.
pub fn read_plan(doc: Option<&PlanDoc>) -> Result<AccountPlan, UnreadablePlan> {
    PlanDoc::read_or_empty(doc)
}

/// Whether two accounts' plans say the same (see [`JsonDoc::same`]).
pub fn same_plan(a: Option<&PlanDoc>, b: Option<&PlanDoc>) -> bool {
    PlanDoc::same(a, b)
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
