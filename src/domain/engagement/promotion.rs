//! Promotion plans (业务推广计划, KAM-SPEC §2.3.3): per target account, any number of
//! plans, each with its objective (purpose, products, how a pilot's success is
//! measured), the person it aims at (from the account's decision-making unit), its form,
//! the internal support it needs (who, what duty, by when), whether it was done, and its
//! effect (success, failure or still open) with the reason.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::account::slugs;
use crate::domain::plan::people::PersonId;

pub type PromotionId = u32;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PromotionForm {
    /// 研讨会
    #[default]
    Seminar,
    /// 拜访
    Visit,
    /// 产品发布会
    ProductLaunch,
    /// 资料
    Materials,
}

impl PromotionForm {
    pub const ALL: [PromotionForm; 4] = [
        PromotionForm::Seminar,
        PromotionForm::Visit,
        PromotionForm::ProductLaunch,
        PromotionForm::Materials,
    ];
}

slugs!(PromotionForm {
    Seminar => "seminar",
    Visit => "visit",
    ProductLaunch => "product_launch",
    Materials => "materials",
});

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    #[default]
    Open,
    Success,
    Failure,
}

impl Effect {
    pub const ALL: [Effect; 3] = [Effect::Open, Effect::Success, Effect::Failure];
}

slugs!(Effect {
    Open => "open",
    Success => "success",
    Failure => "failure",
});

/// Internal support a plan needs: a department or person, their duty, and when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Support {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub who: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub duty: String,
    pub by: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Promotion {
    pub id: PromotionId,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub products: String,
    /// How the success of a pilot is measured.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub success_measure: String,
    /// The person of the account's decision-making unit it aims at.
    pub target_person: Option<PersonId>,
    pub form: PromotionForm,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<Support>,
    pub done: bool,
    pub effect: Effect,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub effect_reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromotionProblem {
    PurposeMissing,
    /// Success or failure is judged only once the plan was carried out.
    EffectBeforeDone,
    /// A success or a failure says why.
    EffectReasonMissing,
    /// The target person is no longer in the decision-making unit.
    TargetGone,
}

impl Promotion {
    /// What the plan still lacks or gets wrong; `people` are the ids of the account's
    /// decision-making unit.
    pub fn problems(&self, people: &[PersonId]) -> Vec<PromotionProblem> {
        let mut problems = Vec::new();
        if self.purpose.trim().is_empty() {
            problems.push(PromotionProblem::PurposeMissing);
        }
        if self.effect != Effect::Open {
            if !self.done {
                problems.push(PromotionProblem::EffectBeforeDone);
            }
            if self.effect_reason.trim().is_empty() {
                problems.push(PromotionProblem::EffectReasonMissing);
            }
        }
        if self.target_person.is_some_and(|p| !people.contains(&p)) {
            problems.push(PromotionProblem::TargetGone);
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_promotion_plans_effect_is_judged_once_done_and_with_a_reason() {
        let mut p = Promotion {
            purpose: "Pilot the fleet telematics in one plant".into(),
            target_person: Some(4),
            ..Promotion::default()
        };
        assert_eq!(p.problems(&[4]), vec![]);
        p.effect = Effect::Success;
        assert_eq!(
            p.problems(&[4]),
            vec![
                PromotionProblem::EffectBeforeDone,
                PromotionProblem::EffectReasonMissing
            ]
        );
        p.done = true;
        p.effect_reason = "Pilot cut downtime by 12%".into();
        assert_eq!(p.problems(&[4]), vec![]);
    }

    #[test]
    fn a_promotion_plan_aims_at_a_person_still_in_the_decision_making_unit() {
        let p = Promotion {
            purpose: "Seminar".into(),
            target_person: Some(9),
            ..Promotion::default()
        };
        assert_eq!(p.problems(&[1, 2]), vec![PromotionProblem::TargetGone]);
        let empty = Promotion::default();
        assert_eq!(empty.problems(&[]), vec![PromotionProblem::PurposeMissing]);
    }
}
