//! The development pipeline of a target account (KAM-SPEC §2.3.3): first contact →
//! seminars held (with their count) → drafting a proposal → proposal sent, negotiating →
//! closed won or closed lost (with the reason). Every change is dated; how long an
//! account has been in its stage, and whether that is longer than the stage's limit.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::account::slugs;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 初次接触
    #[default]
    FirstContact,
    /// 已举办X次研讨会
    Seminars,
    /// 正起草项目建议
    DraftingProposal,
    /// 项目建议已发出，谈判中
    Negotiating,
    /// 项目结束：成交
    Won,
    /// 项目结束：未成交
    Lost,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::FirstContact,
        Stage::Seminars,
        Stage::DraftingProposal,
        Stage::Negotiating,
        Stage::Won,
        Stage::Lost,
    ];
    /// The stages an account can be stuck in.
    pub const OPEN: [Stage; 4] = [
        Stage::FirstContact,
        Stage::Seminars,
        Stage::DraftingProposal,
        Stage::Negotiating,
    ];

    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Won | Stage::Lost)
    }
}

slugs!(Stage {
    FirstContact => "first_contact",
    Seminars => "seminars",
    DraftingProposal => "drafting_proposal",
    Negotiating => "negotiating",
    Won => "won",
    Lost => "lost",
});

/// One dated change of stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub stage: Stage,
    pub on: NaiveDate,
    /// Seminars held so far (the seminars stage only).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub seminars: u32,
    /// Why the account was lost (the lost stage only).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PipelineError {
    /// A change dated before the one in force.
    BeforeLastChange,
    /// The seminars stage needs at least one seminar.
    SeminarsMissing,
    /// Closed lost needs a reason.
    ReasonMissing,
}

/// An account's stages, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pipeline {
    pub changes: Vec<StageChange>,
}

impl Pipeline {
    pub fn current(&self) -> Option<&StageChange> {
        self.changes.last()
    }

    pub fn stage(&self) -> Option<Stage> {
        self.current().map(|c| c.stage)
    }

    /// Moves the account to a stage on a date. Another seminar held is a change too
    /// (seminars stage again with a higher count).
    pub fn advance(&mut self, change: StageChange) -> Result<(), PipelineError> {
        if self.current().is_some_and(|c| change.on < c.on) {
            return Err(PipelineError::BeforeLastChange);
        }
        if change.stage == Stage::Seminars && change.seminars == 0 {
            return Err(PipelineError::SeminarsMissing);
        }
        if change.stage == Stage::Lost && change.reason.trim().is_empty() {
            return Err(PipelineError::ReasonMissing);
        }
        let change = StageChange {
            seminars: if change.stage == Stage::Seminars {
                change.seminars
            } else {
                0
            },
            reason: if change.stage == Stage::Lost {
                change.reason.trim().to_owned()
            } else {
                String::new()
            },
            ..change
        };
        self.changes.push(change);
        Ok(())
    }

    /// When the account entered its current stage: a count of seminars going up keeps
    /// the date the seminars stage began.
    pub fn stage_since(&self) -> Option<NaiveDate> {
        let stage = self.stage()?;
        self.changes
            .iter()
            .rev()
            .take_while(|c| c.stage == stage)
            .last()
            .map(|c| c.on)
    }

    /// Whole days in the current stage on `today` (0 on the day it began).
    pub fn days_in_stage(&self, today: NaiveDate) -> Option<i64> {
        self.stage_since()
            .map(|since| (today - since).num_days().max(0))
    }
}

/// How many days an account may stay in each open stage before it is flagged as stuck.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StuckLimits {
    pub first_contact: u32,
    pub seminars: u32,
    pub drafting_proposal: u32,
    pub negotiating: u32,
}

impl Default for StuckLimits {
    fn default() -> Self {
        Self {
            first_contact: 60,
            seminars: 90,
            drafting_proposal: 30,
            negotiating: 60,
        }
    }
}

impl StuckLimits {
    pub fn is_default(&self) -> bool {
        *self == StuckLimits::default()
    }

    /// The limit of an open stage (closed stages have none).
    pub fn for_stage(&self, stage: Stage) -> Option<u32> {
        match stage {
            Stage::FirstContact => Some(self.first_contact),
            Stage::Seminars => Some(self.seminars),
            Stage::DraftingProposal => Some(self.drafting_proposal),
            Stage::Negotiating => Some(self.negotiating),
            Stage::Won | Stage::Lost => None,
        }
    }

    pub fn set(&mut self, stage: Stage, days: u32) {
        match stage {
            Stage::FirstContact => self.first_contact = days,
            Stage::Seminars => self.seminars = days,
            Stage::DraftingProposal => self.drafting_proposal = days,
            Stage::Negotiating => self.negotiating = days,
            Stage::Won | Stage::Lost => {}
        }
    }

    /// Whether an account has stayed in its open stage longer than the limit.
    pub fn is_stuck(&self, pipeline: &Pipeline, today: NaiveDate) -> bool {
        match (
            pipeline.stage().and_then(|s| self.for_stage(s)),
            pipeline.days_in_stage(today),
        ) {
            (Some(limit), Some(days)) => days > i64::from(limit),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::engagement::test_clock::day;

    fn change(stage: Stage, on: &str) -> StageChange {
        StageChange {
            stage,
            on: day(on),
            seminars: 0,
            reason: String::new(),
        }
    }

    #[test]
    fn every_stage_change_is_dated_and_never_before_the_last() {
        let mut p = Pipeline::default();
        p.advance(change(Stage::FirstContact, "2026-01-10"))
            .expect("first");
        assert_eq!(
            p.advance(change(Stage::DraftingProposal, "2026-01-09")),
            Err(PipelineError::BeforeLastChange)
        );
        p.advance(change(Stage::DraftingProposal, "2026-01-10"))
            .expect("same day is fine");
        assert_eq!(p.stage(), Some(Stage::DraftingProposal));
    }

    #[test]
    fn seminars_need_a_count_and_a_loss_needs_a_reason() {
        let mut p = Pipeline::default();
        assert_eq!(
            p.advance(change(Stage::Seminars, "2026-02-01")),
            Err(PipelineError::SeminarsMissing)
        );
        p.advance(StageChange {
            seminars: 2,
            ..change(Stage::Seminars, "2026-02-01")
        })
        .expect("two seminars");
        assert_eq!(
            p.advance(change(Stage::Lost, "2026-03-01")),
            Err(PipelineError::ReasonMissing)
        );
        p.advance(StageChange {
            reason: " budget frozen ".into(),
            seminars: 4,
            ..change(Stage::Lost, "2026-03-01")
        })
        .expect("lost");
        let lost = p.current().expect("a stage");
        assert_eq!((lost.reason.as_str(), lost.seminars), ("budget frozen", 0));
        assert!(lost.stage.is_closed());
    }

    #[test]
    fn days_in_stage_count_from_the_stage_start_across_month_ends_and_leap_days() {
        let mut p = Pipeline::default();
        p.advance(change(Stage::FirstContact, "2027-12-20"))
            .expect("first");
        p.advance(StageChange {
            seminars: 1,
            ..change(Stage::Seminars, "2028-01-31")
        })
        .expect("one");
        p.advance(StageChange {
            seminars: 2,
            ..change(Stage::Seminars, "2028-02-28")
        })
        .expect("two");
        assert_eq!(
            p.stage_since(),
            Some(day("2028-01-31")),
            "another seminar keeps the stage's start"
        );
        assert_eq!(
            p.days_in_stage(day("2028-03-01")),
            Some(30),
            "29 February counts"
        );
        assert_eq!(p.days_in_stage(day("2028-01-31")), Some(0));
    }

    #[test]
    fn an_account_is_stuck_only_past_its_open_stages_limit() {
        let limits = StuckLimits::default();
        let mut p = Pipeline::default();
        assert!(
            !limits.is_stuck(&p, day("2030-01-01")),
            "no stage, not stuck"
        );
        p.advance(change(Stage::DraftingProposal, "2026-05-01"))
            .expect("drafting");
        assert!(
            !limits.is_stuck(&p, day("2026-05-31")),
            "30 days is the limit"
        );
        assert!(limits.is_stuck(&p, day("2026-06-01")));
        p.advance(change(Stage::Won, "2026-06-02")).expect("won");
        assert!(
            !limits.is_stuck(&p, day("2030-01-01")),
            "a closed stage is never stuck"
        );
    }
}
