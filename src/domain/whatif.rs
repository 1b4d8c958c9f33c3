//! What-if: what a different scoring model or different thresholds would do to the
//! portfolio (KAM-SPEC §2.3.1, §2.3.6). Two scenarios are compared account by account:
//! which accounts change tier (from → to, both scores before and after), the tier
//! counts of each, and why each account moved (which thresholds, weights, criteria or
//! scores changed). The same comparison serves the model editor (the model in force
//! against the draft) and the annual review (last year's model against this year's).

use std::collections::BTreeMap;

use super::account::{Account, AccountId};
use super::model::{Axis, CriterionId, ScoringModel};
use super::ranking::{count_tiers, TierCounts};
use super::scoring::{axis_score, Score, Tenths};
use super::tiering::{assess, Assessment, Thresholds, Tier, TierSettings};

/// A model and the thresholds it is tiered with.
#[derive(Clone, Copy, Debug)]
pub struct Scenario<'a> {
    pub model: &'a ScoringModel,
    pub thresholds: &'a Thresholds,
}

/// Where one account stands in a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub attractiveness: Option<Tenths>,
    pub feasibility: Option<Tenths>,
    /// The tier in force (an override holds in every scenario).
    pub tier: Option<Tier>,
}

impl Position {
    fn of(assessment: &Assessment) -> Position {
        Position {
            attractiveness: assessment.attractiveness.value(),
            feasibility: assessment.feasibility.value(),
            tier: assessment.effective,
        }
    }

    pub fn score(&self, axis: Axis) -> Option<Tenths> {
        match axis {
            Axis::Attractiveness => self.attractiveness,
            Axis::Feasibility => self.feasibility,
        }
    }
}

/// One account that would change tier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub account: AccountId,
    pub before: Position,
    pub after: Position,
    pub causes: Vec<Cause>,
}

/// Why an account's tier or scores differ between two scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    /// The threshold of an axis moved across the account's score.
    Threshold {
        axis: Axis,
        from: Tenths,
        to: Tenths,
    },
    /// A criterion the account is scored on weighs differently (percent).
    Weight {
        criterion: CriterionId,
        from: u32,
        to: u32,
    },
    /// A criterion is in the second model only.
    CriterionAdded { criterion: CriterionId },
    /// A criterion is in the first model only.
    CriterionRemoved { criterion: CriterionId },
    /// The account's score on a criterion changed (between two years' records).
    Score {
        criterion: CriterionId,
        from: Option<u8>,
        to: Option<u8>,
    },
}

/// What the second scenario would change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIf {
    /// Accounts whose tier in force changes, in the order of the list given.
    pub moves: Vec<Move>,
    /// Accounts whose scores change but whose tier does not.
    pub rescored: usize,
    /// Accounts whose tier by rule would change but whose override holds them.
    pub held_by_override: usize,
    pub counts_before: TierCounts,
    pub counts_after: TierCounts,
}

impl WhatIf {
    /// How many accounts would go from `from` to `to` (None: no tier).
    pub fn flow(&self, from: Option<Tier>, to: Option<Tier>) -> usize {
        self.moves
            .iter()
            .filter(|m| m.before.tier == from && m.after.tier == to)
            .count()
    }
}

/// Compares two scenarios over the same accounts (their scores as they are now).
pub fn compare(accounts: &[Account], before: Scenario, after: Scenario) -> WhatIf {
    let settings = |s: Scenario| TierSettings {
        thresholds: *s.thresholds,
        ..TierSettings::default()
    };
    let (settings_before, settings_after) = (settings(before), settings(after));
    let mut moves = Vec::new();
    let mut rescored = 0;
    let mut held_by_override = 0;
    let mut assessed_before = Vec::with_capacity(accounts.len());
    let mut assessed_after = Vec::with_capacity(accounts.len());
    for account in accounts {
        let a = assess(account, before.model, &settings_before);
        let b = assess(account, after.model, &settings_after);
        let (from, to) = (Position::of(&a), Position::of(&b));
        if from.tier != to.tier {
            moves.push(Move {
                account: account.id,
                before: from,
                after: to,
                causes: explain(&account.scores, &account.scores, before, after),
            });
        } else if from != to {
            rescored += 1;
        }
        if a.overridden && a.computed != b.computed {
            held_by_override += 1;
        }
        assessed_before.push(a);
        assessed_after.push(b);
    }
    WhatIf {
        moves,
        rescored,
        held_by_override,
        counts_before: count_tiers(&assessed_before),
        counts_after: count_tiers(&assessed_after),
    }
}

/// Why an account scored with `scores_before` under `before` stands differently when
/// scored with `scores_after` under `after`: the thresholds that moved across its
/// scores, and on each axis whose score changed, the criteria whose weight changed,
/// that came or went, or whose score changed. Criteria are the same criterion in both
/// models when their ids are (ids are never reused).
pub fn explain(
    scores_before: &BTreeMap<CriterionId, Score>,
    scores_after: &BTreeMap<CriterionId, Score>,
    before: Scenario,
    after: Scenario,
) -> Vec<Cause> {
    let mut causes = Vec::new();
    for axis in Axis::ALL {
        let score_before = axis_score(before.model, axis, scores_before).value();
        let score_after = axis_score(after.model, axis, scores_after).value();
        let (t_before, t_after) = (before.thresholds.on(axis), after.thresholds.on(axis));
        if t_before != t_after {
            let high = |score: Option<Tenths>, t: &Thresholds| score.map(|s| t.is_high(axis, s));
            let side_before = high(score_before, before.thresholds);
            let side_after_old_score = high(score_before, after.thresholds);
            // The threshold is a cause when, the score left as it was, it alone would
            // put the account on the other side.
            if side_before.is_some() && side_before != side_after_old_score
                || high(score_after, before.thresholds) != high(score_after, after.thresholds)
            {
                causes.push(Cause::Threshold {
                    axis,
                    from: t_before,
                    to: t_after,
                });
            }
        }
        if score_before == score_after {
            continue;
        }
        for criterion in before.model.criteria_on(axis) {
            match after.model.criterion(criterion.id) {
                Some(now) if now.axis == axis => {
                    let scored = scores_before.contains_key(&criterion.id)
                        || scores_after.contains_key(&criterion.id);
                    if now.weight != criterion.weight && scored {
                        causes.push(Cause::Weight {
                            criterion: criterion.id,
                            from: criterion.weight,
                            to: now.weight,
                        });
                    }
                }
                _ => causes.push(Cause::CriterionRemoved {
                    criterion: criterion.id,
                }),
            }
        }
        for criterion in after.model.criteria_on(axis) {
            if before
                .model
                .criterion(criterion.id)
                .is_none_or(|c| c.axis != axis)
            {
                causes.push(Cause::CriterionAdded {
                    criterion: criterion.id,
                });
            }
            let value = |scores: &BTreeMap<CriterionId, Score>| {
                scores.get(&criterion.id).and_then(|s| s.value)
            };
            let (from, to) = (value(scores_before), value(scores_after));
            if from != to {
                causes.push(Cause::Score {
                    criterion: criterion.id,
                    from,
                    to,
                });
            }
        }
    }
    causes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tiering::TierOverride;

    fn model() -> ScoringModel {
        ScoringModel::default_model()
    }

    /// An account scored `a` on every attractiveness criterion and `f` on every
    /// feasibility criterion of the default model.
    fn account(id: AccountId, a: u8, f: u8) -> Account {
        let mut account = Account {
            id,
            ..Account::default()
        };
        let m = model();
        for c in &m.criteria {
            let value = if c.axis == Axis::Attractiveness { a } else { f };
            account.scores.insert(
                c.id,
                Score {
                    value: Some(value),
                    note: String::new(),
                },
            );
        }
        account
    }

    fn scenario<'a>(model: &'a ScoringModel, thresholds: &'a Thresholds) -> Scenario<'a> {
        Scenario { model, thresholds }
    }

    #[test]
    fn the_same_scenario_changes_nothing() {
        let accounts = vec![account(1, 7, 7), account(2, 3, 8)];
        let (m, t) = (model(), Thresholds::default());
        let w = compare(&accounts, scenario(&m, &t), scenario(&m, &t));
        assert!(w.moves.is_empty());
        assert_eq!(w.rescored, 0);
        assert_eq!(w.counts_before, w.counts_after);
        assert_eq!(w.counts_before.tier1, 1);
        assert_eq!(w.counts_before.tier2, 1);
    }

    #[test]
    fn raising_a_threshold_to_a_score_keeps_the_account_high_and_above_it_drops_it() {
        // Scores exactly 6.0 on attractiveness: "high" means at or above the threshold.
        let accounts = vec![account(1, 6, 7)];
        let m = model();
        let t = Thresholds::default();
        let at = Thresholds {
            attractiveness: Tenths(60),
            ..t
        };
        let above = Thresholds {
            attractiveness: Tenths(61),
            ..t
        };
        assert!(compare(&accounts, scenario(&m, &t), scenario(&m, &at))
            .moves
            .is_empty());
        let w = compare(&accounts, scenario(&m, &t), scenario(&m, &above));
        assert_eq!(w.moves.len(), 1);
        let mv = &w.moves[0];
        assert_eq!(mv.before.tier, Some(Tier::Tier1));
        assert_eq!(mv.after.tier, Some(Tier::Tier2));
        assert_eq!(mv.before.attractiveness, Some(Tenths(60)));
        assert_eq!(mv.after.attractiveness, Some(Tenths(60)));
        assert_eq!(
            mv.causes,
            vec![Cause::Threshold {
                axis: Axis::Attractiveness,
                from: t.attractiveness,
                to: Tenths(61)
            }]
        );
        assert_eq!(w.counts_before.tier1, 1);
        assert_eq!(w.counts_after.tier1, 0);
        assert_eq!(w.counts_after.tier2, 1);
        assert_eq!(w.flow(Some(Tier::Tier1), Some(Tier::Tier2)), 1);
    }

    #[test]
    fn a_weight_change_moves_only_accounts_whose_axis_score_crosses_the_threshold() {
        let m = model();
        let mut draft = m.clone();
        let attractiveness: Vec<CriterionId> =
            m.criteria_on(Axis::Attractiveness).map(|c| c.id).collect();
        // Everything on the first criterion: the account strong there rises, the one
        // weak there falls; one scored evenly is rescored by nothing.
        for c in draft.criteria.iter_mut() {
            if c.axis == Axis::Attractiveness {
                c.weight = if c.id == attractiveness[0] { 100 } else { 0 };
            }
        }
        let mut strong_first = account(1, 3, 8);
        strong_first
            .scores
            .get_mut(&attractiveness[0])
            .expect("scored")
            .value = Some(9);
        let mut weak_first = account(2, 8, 8);
        weak_first
            .scores
            .get_mut(&attractiveness[0])
            .expect("scored")
            .value = Some(2);
        let even = account(3, 7, 8);
        let t = Thresholds::default();
        let w = compare(
            &[strong_first, weak_first, even],
            scenario(&m, &t),
            scenario(&draft, &t),
        );
        let moved: Vec<(AccountId, Option<Tier>, Option<Tier>)> = w
            .moves
            .iter()
            .map(|m| (m.account, m.before.tier, m.after.tier))
            .collect();
        assert_eq!(
            moved,
            vec![
                (1, Some(Tier::Tier2), Some(Tier::Tier1)),
                (2, Some(Tier::Tier1), Some(Tier::Tier2)),
            ]
        );
        assert_eq!(w.rescored, 0, "the evenly scored account keeps its score");
        assert!(w.moves[0]
            .causes
            .iter()
            .all(|c| matches!(c, Cause::Weight { .. })));
        assert_eq!(w.moves[0].causes.len(), attractiveness.len());
    }

    #[test]
    fn an_override_holds_its_tier_in_every_scenario_and_is_counted_as_held() {
        let mut held = account(1, 6, 7);
        held.tier_override =
            Some(TierOverride::new(Tier::Tier1, "board decision", 0).expect("valid"));
        let m = model();
        let t = Thresholds::default();
        let raised = Thresholds {
            attractiveness: Tenths(90),
            ..t
        };
        let w = compare(&[held], scenario(&m, &t), scenario(&m, &raised));
        assert!(w.moves.is_empty());
        assert_eq!(w.held_by_override, 1);
    }

    #[test]
    fn a_new_unscored_criterion_leaves_accounts_without_a_tier() {
        let m = model();
        let mut draft = m.clone();
        let new = draft.add_criterion(Axis::Feasibility);
        let t = Thresholds::default();
        let w = compare(&[account(1, 7, 7)], scenario(&m, &t), scenario(&draft, &t));
        assert_eq!(w.moves.len(), 1);
        assert_eq!(w.moves[0].after.tier, None);
        assert_eq!(w.moves[0].after.feasibility, None);
        assert!(w.moves[0]
            .causes
            .contains(&Cause::CriterionAdded { criterion: new }));
        assert_eq!(w.counts_after.untiered, 1);
    }

    #[test]
    fn a_model_whose_criteria_changed_explains_scores_added_and_criteria_removed() {
        let m = model();
        let mut next = m.clone();
        let gone = next
            .criteria_on(Axis::Feasibility)
            .map(|c| c.id)
            .last()
            .expect("a feasibility criterion");
        next.remove_criterion(gone);
        let added = next.add_criterion(Axis::Feasibility);
        // Weights of the new model: the removed criterion's weight goes to the new one.
        let removed_weight = m.criterion(gone).map(|c| c.weight).unwrap_or_default();
        if let Some(c) = next.criterion_mut(added) {
            c.weight = removed_weight;
        }
        let last_year = account(1, 7, 6);
        let mut this_year = last_year.clone();
        this_year.scores.remove(&gone);
        this_year.scores.insert(
            added,
            Score {
                value: Some(1),
                note: String::new(),
            },
        );
        let t = Thresholds::default();
        let causes = explain(
            &last_year.scores,
            &this_year.scores,
            scenario(&m, &t),
            scenario(&next, &t),
        );
        assert!(causes.contains(&Cause::CriterionRemoved { criterion: gone }));
        assert!(causes.contains(&Cause::CriterionAdded { criterion: added }));
        assert!(causes.contains(&Cause::Score {
            criterion: added,
            from: None,
            to: Some(1)
        }));
        // Attractiveness did not change: nothing is said about it.
        assert!(causes.iter().all(|c| !matches!(c, Cause::Threshold { .. })));
    }
}
