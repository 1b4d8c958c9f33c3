//! Tiering (客户分级, KAM-SPEC §2.3.3): thresholds on both axes put each complete,
//! screened account in one of four tiers; a manager may override with a reason.

use serde::{Deserialize, Serialize};

use super::doc::{Document, JsonDoc};

use super::account::Account;
use super::model::{Axis, ScoringModel};
use super::pyramid::ContactPlan;
use super::scoring::{axis_score, AxisScore, Tenths};
use super::screening::{GateSet, ScreeningStatus};
use super::text::LocalizedText;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// 一级客户: high attractiveness, high feasibility.
    Tier1,
    /// 二级客户: lower attractiveness, high feasibility.
    Tier2,
    /// 三级客户: high attractiveness, lower feasibility.
    Tier3,
    /// 不考虑发展: low on both, or failed screening.
    NotPursued,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Tier1, Tier::Tier2, Tier::Tier3, Tier::NotPursued];
}

super::account::slugs!(Tier {
    Tier1 => "tier1",
    Tier2 => "tier2",
    Tier3 => "tier3",
    NotPursued => "not_pursued",
});

/// A score at or above the threshold counts as high.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    pub attractiveness: Tenths,
    pub feasibility: Tenths,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            attractiveness: Tenths(55),
            feasibility: Tenths(55),
        }
    }
}

impl Thresholds {
    pub fn on(&self, axis: Axis) -> Tenths {
        match axis {
            Axis::Attractiveness => self.attractiveness,
            Axis::Feasibility => self.feasibility,
        }
    }

    /// Whether `score` counts as high on `axis`: at or above the threshold. The tier
    /// rule and every explanation of it ask this, so they cannot disagree.
    pub fn is_high(&self, axis: Axis, score: Tenths) -> bool {
        score >= self.on(axis)
    }

    /// Thresholds must lie on the 1–10 scale.
    pub fn is_valid_value(value: Tenths) -> bool {
        (10..=100).contains(&value.0)
    }
}

/// How many accounts the manager plans per tier (the rest are not pursued).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedSizes {
    pub tier1: u32,
    pub tier2: u32,
    pub tier3: u32,
}

impl Default for PlannedSizes {
    fn default() -> Self {
        Self {
            tier1: 10,
            tier2: 25,
            tier3: 15,
        }
    }
}

impl PlannedSizes {
    /// The planned count for a tier, given how many accounts are tiered in all;
    /// "not pursued" is the rest.
    pub fn planned(&self, tier: Tier, tiered_total: u32) -> u32 {
        match tier {
            Tier::Tier1 => self.tier1,
            Tier::Tier2 => self.tier2,
            Tier::Tier3 => self.tier3,
            Tier::NotPursued => tiered_total.saturating_sub(self.sum()),
        }
    }

    /// The planned tier-1, tier-2 and tier-3 sizes together.
    pub fn sum(&self) -> u32 {
        self.tier1
            .saturating_add(self.tier2)
            .saturating_add(self.tier3)
    }

    /// Whether the plan can be met with the accounts tiered: it cannot when it plans
    /// more tier-1 to tier-3 accounts than there are.
    pub fn fits(&self, tiered_total: u32) -> bool {
        self.sum() <= tiered_total
    }

    /// The plan shrunk to `tiered_total` accounts, keeping its proportions (largest
    /// remainders get the places rounding leaves over; ties to the higher tier). A plan
    /// that fits is returned as it is.
    pub fn scaled_to(&self, tiered_total: u32) -> PlannedSizes {
        let sum = u64::from(self.sum());
        if self.fits(tiered_total) || sum == 0 {
            return *self;
        }
        let total = u64::from(tiered_total);
        let sizes = [self.tier1, self.tier2, self.tier3].map(u64::from);
        let mut scaled = sizes.map(|n| n * total / sum);
        let mut left = total - scaled.iter().sum::<u64>();
        let mut by_remainder = [0usize, 1, 2];
        by_remainder.sort_by_key(|&i| std::cmp::Reverse(sizes[i] * total % sum));
        for i in by_remainder {
            if left == 0 {
                break;
            }
            scaled[i] += 1;
            left -= 1;
        }
        let [tier1, tier2, tier3] = scaled.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        PlannedSizes {
            tier1,
            tier2,
            tier3,
        }
    }
}

/// How a tier's actual size compares with its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filling {
    AsPlanned,
    /// More accounts than planned, by this many.
    Over(u32),
    /// Fewer accounts than planned, by this many.
    Under(u32),
}

impl Filling {
    pub fn of(planned: u32, actual: u32) -> Filling {
        match actual.cmp(&planned) {
            std::cmp::Ordering::Equal => Filling::AsPlanned,
            std::cmp::Ordering::Greater => Filling::Over(actual - planned),
            std::cmp::Ordering::Less => Filling::Under(planned - actual),
        }
    }
}

/// The service principle and default contact cadence of a tier (editable text).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TierGuidance {
    pub principle: LocalizedText,
    pub cadence: LocalizedText,
}

/// A tier's guidance as the workspace keeps it: its text as a document (`domain::doc`),
/// none while it is the default. The texts are read only by the pages that show them,
/// so neither they nor the defaults weigh on the first load.
pub type GuidanceDoc = JsonDoc<TierGuidance>;

impl Document for TierGuidance {
    /// Text the user emptied is still theirs: only the default is stored as none
    /// (`TierSettings::set_guidance`).
    fn is_empty(&self) -> bool {
        false
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TierSettings {
    pub thresholds: Thresholds,
    pub planned: PlannedSizes,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier1: Option<GuidanceDoc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier2: Option<GuidanceDoc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier3: Option<GuidanceDoc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_pursued: Option<GuidanceDoc>,
    /// Contact cadence in numbers, from which selling time is planned.
    pub contact_plan: ContactPlan,
}

fn guidance(principle: (&str, &str), cadence: (&str, &str)) -> TierGuidance {
    TierGuidance {
        principle: LocalizedText::new(principle.0, principle.1),
        cadence: LocalizedText::new(cadence.0, cadence.1),
    }
}

/// A tier's service principle and contact cadence as the method gives them (KAM-SPEC
/// §2.3.3).
pub fn default_guidance(tier: Tier) -> TierGuidance {
    match tier {
        Tier::Tier1 => guidance(
            ("着重发展，重点维护：集中投入预算，主动规划解决方案",
             "Focus and maintain: commit budget, plan solutions actively"),
            ("每月与各层级关键决策者接触（小型会议、研讨会）；体验介绍会；每月招待",
             "Monthly contact with key decision makers at every level (small meetings, seminars); experience briefings; monthly hospitality"),
        ),
        Tier::Tier2 => guidance(
            ("利用资源有效发展：用现有资源低成本服务，避免折扣，缩短销售周期，不过度投入",
             "Develop efficiently with existing resources: low-cost service, avoid discounts, shorten the sales cycle, don't over-invest"),
            ("每季度与关键决策者接触；每季度更新资料；每季度招待",
             "Quarterly contact with key decision makers; materials refreshed quarterly; quarterly hospitality"),
        ),
        Tier::Tier3 => guidance(
            ("积极投资，谋求发展：提前投入，逐步建立关系，可考虑折扣，引入外部专家",
             "Invest to develop: invest ahead, build relationships step by step, consider discounts, bring in outside expertise"),
            ("主动推送产品信息和成功案例，介绍参考客户；每半年或每季度接触；每半年一次小型研讨会",
             "Proactive news of products and success cases, introductions to reference customers; contact every half-year or quarter; a small seminar every half-year"),
        ),
        Tier::NotPursued => guidance(
            ("勇于说“不”：不投入资源", "Dare to say no: no resources go there"),
            ("不主动接触", "No proactive contact"),
        ),
    }
}

/// Default Chinese texts of earlier versions that were corrected since (著重 is the
/// traditional form; simplified Chinese writes 着重), with the tier they belong to.
const FORMER_DEFAULT_PRINCIPLES: [(Tier, &str); 1] = [(
    Tier::Tier1,
    "著重发展，重点维护：集中投入预算，主动规划解决方案",
)];

impl TierSettings {
    fn doc(&self, tier: Tier) -> Option<&GuidanceDoc> {
        match tier {
            Tier::Tier1 => self.tier1.as_ref(),
            Tier::Tier2 => self.tier2.as_ref(),
            Tier::Tier3 => self.tier3.as_ref(),
            Tier::NotPursued => self.not_pursued.as_ref(),
        }
    }

    /// A tier's guidance: the user's text, or the default. A principle that is still an
    /// earlier version's default text reads as today's default; text the user wrote is
    /// never touched. Text this version cannot read shows the default and is kept until
    /// the user edits the guidance.
    pub fn guidance(&self, tier: Tier) -> TierGuidance {
        let Some(Ok(mut g)) = self.doc(tier).map(GuidanceDoc::read) else {
            return default_guidance(tier);
        };
        for (of, former) in FORMER_DEFAULT_PRINCIPLES {
            if of == tier && g.principle.zh == former {
                g.principle.zh = default_guidance(tier).principle.zh;
            }
        }
        g
    }

    /// Sets a tier's guidance; the default is stored as none.
    pub fn set_guidance(&mut self, tier: Tier, guidance: &TierGuidance) {
        let doc = if *guidance == default_guidance(tier) {
            None
        } else {
            GuidanceDoc::write(guidance).ok().flatten()
        };
        match tier {
            Tier::Tier1 => self.tier1 = doc,
            Tier::Tier2 => self.tier2 = doc,
            Tier::Tier3 => self.tier3 = doc,
            Tier::NotPursued => self.not_pursued = doc,
        }
    }
}

/// A manager's decision to place an account in another tier than the rule gives.
/// It is kept through re-scoring until removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierOverride {
    pub tier: Tier,
    pub reason: String,
    /// Milliseconds since the Unix epoch.
    #[serde(default)]
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OverrideError {
    #[error("an override needs a reason")]
    ReasonMissing,
}

impl TierOverride {
    pub fn new(tier: Tier, reason: &str, at: i64) -> Result<Self, OverrideError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(OverrideError::ReasonMissing);
        }
        Ok(Self {
            tier,
            reason: reason.to_owned(),
            at,
        })
    }
}

/// The tier rule on two complete axis scores: high means at or above the threshold.
pub fn classify(attractiveness: Tenths, feasibility: Tenths, thresholds: &Thresholds) -> Tier {
    let high_a = thresholds.is_high(Axis::Attractiveness, attractiveness);
    let high_f = thresholds.is_high(Axis::Feasibility, feasibility);
    match (high_a, high_f) {
        (true, true) => Tier::Tier1,
        (false, true) => Tier::Tier2,
        (true, false) => Tier::Tier3,
        (false, false) => Tier::NotPursued,
    }
}

/// Where the rule's tier came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TierBasis {
    /// Both axes complete; the thresholds decided.
    Scores,
    /// A screening gate answered "no": not pursued whatever the scores.
    FailedScreening(GateSet),
    /// Not every criterion is scored, so there is no tier by rule.
    Incomplete,
}

/// Everything the method says about one account under the current model and settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub attractiveness: AxisScore,
    pub feasibility: AxisScore,
    pub screening: ScreeningStatus,
    pub basis: TierBasis,
    /// The tier by rule, if any.
    pub computed: Option<Tier>,
    /// The tier in force: the override if there is one, else the rule's tier.
    pub effective: Option<Tier>,
    pub overridden: bool,
}

impl Assessment {
    pub fn is_complete(&self) -> bool {
        self.attractiveness.value().is_some() && self.feasibility.value().is_some()
    }

    /// Attractiveness plus feasibility, the figure the ranking orders by.
    pub fn combined(&self) -> Option<Tenths> {
        Some(Tenths(
            self.attractiveness.value()?.0 + self.feasibility.value()?.0,
        ))
    }

    pub fn score(&self, axis: Axis) -> Option<Tenths> {
        match axis {
            Axis::Attractiveness => self.attractiveness.value(),
            Axis::Feasibility => self.feasibility.value(),
        }
    }
}

/// Scores, screens and tiers one account.
pub fn assess(account: &Account, model: &ScoringModel, settings: &TierSettings) -> Assessment {
    let attractiveness = axis_score(model, Axis::Attractiveness, &account.scores);
    let feasibility = axis_score(model, Axis::Feasibility, &account.scores);
    let screening = account.screening.status();
    let (basis, computed) = match (&screening, attractiveness.value(), feasibility.value()) {
        (ScreeningStatus::Failed(gates), _, _) => {
            (TierBasis::FailedScreening(*gates), Some(Tier::NotPursued))
        }
        (_, Some(a), Some(f)) => (
            TierBasis::Scores,
            Some(classify(a, f, &settings.thresholds)),
        ),
        _ => (TierBasis::Incomplete, None),
    };
    let effective = account.tier_override.as_ref().map(|o| o.tier).or(computed);
    Assessment {
        attractiveness,
        feasibility,
        screening,
        basis,
        computed,
        effective,
        overridden: account.tier_override.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_default_tier_principle_is_brought_up_to_date_but_user_text_is_kept() {
        let mut settings = TierSettings::default();
        let mut former = default_guidance(Tier::Tier1);
        former.principle.zh = FORMER_DEFAULT_PRINCIPLES[0].1.to_owned();
        settings.tier1 = GuidanceDoc::write(&former).expect("writes");
        assert_eq!(
            settings.guidance(Tier::Tier1),
            default_guidance(Tier::Tier1)
        );
        assert!(settings
            .guidance(Tier::Tier1)
            .principle
            .zh
            .starts_with("着重"));
        let mut own = default_guidance(Tier::Tier1);
        own.principle.zh = "我们自己的原则".to_owned();
        settings.set_guidance(Tier::Tier1, &own);
        assert_eq!(
            settings.guidance(Tier::Tier1).principle.zh,
            "我们自己的原则"
        );
    }

    #[test]
    fn default_tier_guidance_is_stored_as_none_and_emptied_text_is_kept() {
        let mut settings = TierSettings::default();
        settings.set_guidance(Tier::Tier2, &default_guidance(Tier::Tier2));
        assert_eq!(settings, TierSettings::default());
        let empty = TierGuidance::default();
        settings.set_guidance(Tier::Tier2, &empty);
        assert_eq!(settings.guidance(Tier::Tier2), empty);
        // Text this version cannot read shows the default, and stays stored.
        settings.tier3 = serde_json::from_str(r#"{"principle": 5}"#).expect("JSON");
        assert_eq!(
            settings.guidance(Tier::Tier3),
            default_guidance(Tier::Tier3)
        );
        assert!(settings.tier3.is_some());
    }

    #[test]
    fn a_score_equal_to_the_threshold_counts_as_high() {
        let t = Thresholds {
            attractiveness: Tenths(60),
            feasibility: Tenths(55),
        };
        assert!(t.is_high(Axis::Attractiveness, Tenths(60)));
        assert!(!t.is_high(Axis::Attractiveness, Tenths(59)));
        assert!(t.is_high(Axis::Feasibility, Tenths(55)));
        assert!(!t.is_high(Axis::Feasibility, Tenths(54)));
        assert_eq!(classify(Tenths(60), Tenths(55), &t), Tier::Tier1);
        assert_eq!(classify(Tenths(59), Tenths(54), &t), Tier::NotPursued);
    }
    use crate::domain::scoring::Score;
    use crate::domain::screening::Answer;
    use crate::domain::screening::Gate;

    fn t(v: u32) -> Tenths {
        Tenths(v)
    }

    fn scored(a: [u8; 4], f: [u8; 4]) -> Account {
        let mut account = Account::default();
        for (i, v) in a.iter().chain(f.iter()).enumerate() {
            account.scores.insert(
                i as u32 + 1,
                Score {
                    value: Some(*v),
                    note: String::new(),
                },
            );
        }
        account
    }

    #[test]
    fn tier_rule_follows_the_method_table() {
        let th = Thresholds::default();
        assert_eq!(classify(t(70), t(70), &th), Tier::Tier1);
        assert_eq!(classify(t(40), t(70), &th), Tier::Tier2);
        assert_eq!(classify(t(70), t(40), &th), Tier::Tier3);
        assert_eq!(classify(t(40), t(40), &th), Tier::NotPursued);
    }

    #[test]
    fn score_equal_to_threshold_counts_as_high() {
        let th = Thresholds::default();
        assert_eq!(classify(t(55), t(55), &th), Tier::Tier1);
        assert_eq!(classify(t(54), t(55), &th), Tier::Tier2);
    }

    #[test]
    fn thresholds_are_editable_per_axis() {
        let th = Thresholds {
            attractiveness: t(70),
            feasibility: t(30),
        };
        assert_eq!(classify(t(65), t(35), &th), Tier::Tier2);
        assert_eq!(classify(t(75), t(35), &th), Tier::Tier1);
        assert!(Thresholds::is_valid_value(t(10)) && Thresholds::is_valid_value(t(100)));
        assert!(!Thresholds::is_valid_value(t(5)) && !Thresholds::is_valid_value(t(101)));
    }

    #[test]
    fn incomplete_account_is_not_tiered() {
        let mut account = scored([8, 8, 8, 8], [8, 8, 8, 8]);
        account.scores.remove(&7);
        let a = assess(&account, &ScoringModel::default(), &TierSettings::default());
        assert_eq!(a.basis, TierBasis::Incomplete);
        assert_eq!(a.computed, None);
        assert_eq!(a.effective, None);
        assert_eq!(a.attractiveness.value(), Some(t(80)));
        assert!(!a.is_complete());
    }

    #[test]
    fn failed_screening_means_not_pursued_whatever_the_scores() {
        let mut account = scored([9, 9, 9, 9], [9, 9, 9, 9]);
        account.screening.set(Gate::Profitable, Answer::No);
        let a = assess(&account, &ScoringModel::default(), &TierSettings::default());
        assert_eq!(a.computed, Some(Tier::NotPursued));
        assert_eq!(
            a.basis,
            TierBasis::FailedScreening([Gate::Profitable].into_iter().collect())
        );
        // Even before it is scored.
        account.scores.clear();
        let a = assess(&account, &ScoringModel::default(), &TierSettings::default());
        assert_eq!(a.effective, Some(Tier::NotPursued));
    }

    #[test]
    fn override_needs_a_reason_and_survives_rescoring() {
        assert_eq!(
            TierOverride::new(Tier::Tier1, "  ", 0),
            Err(OverrideError::ReasonMissing)
        );
        let mut account = scored([3, 3, 3, 3], [3, 3, 3, 3]);
        account.tier_override = TierOverride::new(Tier::Tier1, "集团战略客户", 1).ok();
        let model = ScoringModel::default();
        let settings = TierSettings::default();
        let a = assess(&account, &model, &settings);
        assert_eq!(a.computed, Some(Tier::NotPursued));
        assert_eq!(a.effective, Some(Tier::Tier1));
        assert!(a.overridden);
        // Re-scoring changes the rule's tier but not the override.
        account = Account {
            tier_override: account.tier_override.clone(),
            ..scored([8, 8, 8, 8], [3, 3, 3, 3])
        };
        let a = assess(&account, &model, &settings);
        assert_eq!(a.computed, Some(Tier::Tier3));
        assert_eq!(a.effective, Some(Tier::Tier1));
    }

    #[test]
    fn planned_not_pursued_is_the_rest() {
        let p = PlannedSizes::default();
        assert_eq!(p.planned(Tier::Tier1, 100), 10);
        assert_eq!(p.planned(Tier::NotPursued, 100), 50);
        assert_eq!(p.planned(Tier::NotPursued, 30), 0);
    }

    #[test]
    fn planned_sizes_larger_than_the_workspace_do_not_fit() {
        let p = PlannedSizes::default();
        assert!(!p.fits(3));
        assert!(p.fits(50));
        assert!(p.fits(51));
    }

    #[test]
    fn scaling_planned_sizes_keeps_their_proportions_within_the_accounts_tiered() {
        let p = PlannedSizes::default();
        // 10/25/15 of 50 → of 3: 0.6, 1.5, 0.9 → 0, 1, 0 and two left over, to the
        // largest remainders (0.9 and 0.6).
        assert_eq!(
            p.scaled_to(3),
            PlannedSizes {
                tier1: 1,
                tier2: 1,
                tier3: 1
            }
        );
        let s = p.scaled_to(20);
        assert_eq!((s.tier1, s.tier2, s.tier3), (4, 10, 6));
        assert_eq!(s.sum(), 20);
        // A plan that fits stays as it is.
        assert_eq!(p.scaled_to(80), p);
        assert_eq!(p.scaled_to(0).sum(), 0);
    }

    #[test]
    fn a_tier_is_over_or_under_filled_by_its_difference_from_the_plan() {
        assert_eq!(Filling::of(10, 10), Filling::AsPlanned);
        assert_eq!(Filling::of(10, 13), Filling::Over(3));
        assert_eq!(Filling::of(10, 4), Filling::Under(6));
    }

    #[test]
    fn every_tier_has_default_guidance_in_both_languages() {
        let s = TierSettings::default();
        for tier in Tier::ALL {
            let g = s.guidance(tier);
            assert!(!g.principle.zh.is_empty() && !g.principle.en.is_empty());
            assert!(!g.cadence.zh.is_empty() && !g.cadence.en.is_empty());
        }
    }
}
