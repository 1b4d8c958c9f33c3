//! Scoring (评分): whole-number scores 1–10 per criterion and the weighted axis score.
//!
//! Axis scores are kept in tenths (an integer), the precision shown to users, so the
//! tier rule compares exactly what the user sees and never trips over float rounding.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Axis, CriterionId, ScoringModel};

pub const MIN_SCORE: u8 = 1;
pub const MAX_SCORE: u8 = 10;

/// A score given on one criterion, with an optional note saying why. The value may be
/// absent while the note is already written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Score {
    pub value: Option<u8>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A score on the 1–10 scale in tenths: `Tenths(55)` is 5.5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tenths(pub u32);

impl Tenths {
    /// Parses a user-typed value with at most one decimal ("5.5", "5,5", "6").
    pub fn parse(input: &str) -> Option<Tenths> {
        let input = input.trim().replace(',', ".");
        let (whole, frac) = match input.split_once('.') {
            Some((w, f)) => (w, f),
            None => (input.as_str(), "0"),
        };
        if whole.is_empty() || frac.len() != 1 {
            return None;
        }
        let whole: u32 = whole.parse().ok()?;
        let frac: u32 = frac.parse().ok()?;
        whole.checked_mul(10)?.checked_add(frac).map(Tenths)
    }
}

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.0 / 10, self.0 % 10)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    #[error("not a whole number")]
    NotAWholeNumber,
    #[error("{0} is outside 1–10")]
    OutOfRange(i64),
}

/// Reads a score typed by the user: a whole number from 1 to 10.
pub fn parse_score(input: &str) -> Result<u8, ScoreError> {
    let value: i64 = input
        .trim()
        .parse()
        .map_err(|_| ScoreError::NotAWholeNumber)?;
    if (i64::from(MIN_SCORE)..=i64::from(MAX_SCORE)).contains(&value) {
        Ok(value as u8)
    } else {
        Err(ScoreError::OutOfRange(value))
    }
}

/// The score on one axis. Missing scores are never counted as zero: an account with any
/// criterion unscored on an axis has no score on that axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AxisScore {
    Complete(Tenths),
    Incomplete { missing: Vec<CriterionId> },
}

impl AxisScore {
    pub fn value(&self) -> Option<Tenths> {
        match self {
            AxisScore::Complete(t) => Some(*t),
            AxisScore::Incomplete { .. } => None,
        }
    }
}

/// One criterion's share of an axis score, for "why this tier".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contribution {
    pub criterion: CriterionId,
    pub weight: u32,
    pub score: Option<u8>,
    /// score × weight, in hundredths of a point (score 7 × 40% = 280 → 2.80 points).
    pub points_hundredths: Option<u32>,
}

/// Each criterion's score × weight on one axis, in model order.
pub fn contributions(
    model: &ScoringModel,
    axis: Axis,
    scores: &BTreeMap<CriterionId, Score>,
) -> Vec<Contribution> {
    model
        .criteria_on(axis)
        .map(|c| {
            let score = scores
                .get(&c.id)
                .and_then(|s| s.value)
                .filter(|v| valid(*v));
            Contribution {
                criterion: c.id,
                weight: c.weight,
                score,
                points_hundredths: score.map(|s| u32::from(s) * c.weight),
            }
        })
        .collect()
}

fn valid(value: u8) -> bool {
    (MIN_SCORE..=MAX_SCORE).contains(&value)
}

/// The weighted average of the axis's scores (1–10), rounded half up to one decimal.
pub fn axis_score(
    model: &ScoringModel,
    axis: Axis,
    scores: &BTreeMap<CriterionId, Score>,
) -> AxisScore {
    // Summed in place: ranking 10,000 accounts allocates only for the incomplete ones'
    // list of what is missing.
    let score_of = |id: CriterionId| scores.get(&id).and_then(|s| s.value).filter(|v| valid(*v));
    let mut weighted = 0u32;
    let mut weight_total = 0u32;
    let mut complete = true;
    for criterion in model.criteria_on(axis) {
        weight_total += criterion.weight;
        match score_of(criterion.id) {
            Some(score) => weighted += u32::from(score) * criterion.weight,
            None => complete = false,
        }
    }
    if !complete || weight_total == 0 {
        let missing = model
            .criteria_on(axis)
            .filter(|c| score_of(c.id).is_none())
            .map(|c| c.id)
            .collect();
        return AxisScore::Incomplete { missing };
    }
    // tenths = round(10 × weighted / weight_total), half up, in integers.
    let tenths = (20 * weighted + weight_total) / (2 * weight_total);
    AxisScore::Complete(Tenths(tenths))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(pairs: &[(CriterionId, u8)]) -> BTreeMap<CriterionId, Score> {
        pairs
            .iter()
            .map(|(id, v)| {
                (
                    *id,
                    Score {
                        value: Some(*v),
                        note: String::new(),
                    },
                )
            })
            .collect()
    }

    #[test]
    fn axis_score_is_the_weighted_average() {
        let m = ScoringModel::default_model();
        // 8×40 + 6×30 + 5×20 + 3×10 = 320+180+100+30 = 630 → 6.3
        let s = scores(&[(1, 8), (2, 6), (3, 5), (4, 3)]);
        assert_eq!(
            axis_score(&m, Axis::Attractiveness, &s),
            AxisScore::Complete(Tenths(63))
        );
        let all_tens = scores(&[(5, 10), (6, 10), (7, 10), (8, 10)]);
        assert_eq!(
            axis_score(&m, Axis::Feasibility, &all_tens),
            AxisScore::Complete(Tenths(100))
        );
    }

    #[test]
    fn axis_score_rounds_half_up_to_one_decimal() {
        let m = ScoringModel::default_model();
        // 7×30 + 4×30 + 6×30 + 2×10 = 210+120+180+20 = 530 → 5.3 exactly
        let s = scores(&[(5, 7), (6, 4), (7, 6), (8, 2)]);
        assert_eq!(
            axis_score(&m, Axis::Feasibility, &s).value(),
            Some(Tenths(53))
        );
        // 5×30 + 5×30 + 6×30 + 0.5 step: 5×30+5×30+5×30+10×10 = 550 → 5.5
        let s = scores(&[(5, 5), (6, 5), (7, 5), (8, 10)]);
        assert_eq!(
            axis_score(&m, Axis::Feasibility, &s).value(),
            Some(Tenths(55))
        );
        // A model whose weights give hundredths: 33/33/34 with 6,5,5 → 533/100 = 5.33 → 5.3;
        // with 6,6,5 → 566 → 5.66 → 5.7 (half up).
        let mut m = ScoringModel::default_model();
        m.criteria
            .retain(|c| c.axis == Axis::Attractiveness && c.id <= 3);
        for (id, w) in [(1, 33), (2, 33), (3, 34)] {
            if let Some(c) = m.criterion_mut(id) {
                c.weight = w;
            }
        }
        let s = scores(&[(1, 6), (2, 5), (3, 5)]);
        assert_eq!(
            axis_score(&m, Axis::Attractiveness, &s).value(),
            Some(Tenths(53))
        );
        let s = scores(&[(1, 6), (2, 6), (3, 5)]);
        assert_eq!(
            axis_score(&m, Axis::Attractiveness, &s).value(),
            Some(Tenths(57))
        );
    }

    #[test]
    fn missing_scores_make_the_axis_incomplete_not_zero() {
        let m = ScoringModel::default_model();
        let s = scores(&[(1, 8), (2, 6), (4, 3)]);
        assert_eq!(
            axis_score(&m, Axis::Attractiveness, &s),
            AxisScore::Incomplete { missing: vec![3] }
        );
        // Scores under criteria no longer in the model are ignored, not counted.
        let s = scores(&[(1, 8), (2, 6), (3, 5), (4, 3), (99, 1)]);
        assert_eq!(
            axis_score(&m, Axis::Attractiveness, &s).value(),
            Some(Tenths(63))
        );
    }

    #[test]
    fn stored_scores_outside_the_scale_count_as_missing() {
        let m = ScoringModel::default_model();
        let s = scores(&[(1, 0), (2, 6), (3, 5), (4, 11)]);
        assert_eq!(
            axis_score(&m, Axis::Attractiveness, &s),
            AxisScore::Incomplete {
                missing: vec![1, 4]
            }
        );
    }

    #[test]
    fn contributions_are_score_times_weight() {
        let m = ScoringModel::default_model();
        let s = scores(&[(1, 7), (3, 5)]);
        let parts = contributions(&m, Axis::Attractiveness, &s);
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0].points_hundredths, Some(280));
        assert_eq!(parts[1].points_hundredths, None);
        assert_eq!(parts[2].points_hundredths, Some(100));
    }

    #[test]
    fn scores_are_whole_numbers_from_1_to_10() {
        assert_eq!(parse_score(" 7 "), Ok(7));
        assert_eq!(parse_score("10"), Ok(10));
        assert_eq!(parse_score("11"), Err(ScoreError::OutOfRange(11)));
        assert_eq!(parse_score("0"), Err(ScoreError::OutOfRange(0)));
        assert_eq!(parse_score("6.5"), Err(ScoreError::NotAWholeNumber));
        assert_eq!(parse_score("seven"), Err(ScoreError::NotAWholeNumber));
    }

    #[test]
    fn tenths_parse_and_display_with_one_decimal() {
        assert_eq!(Tenths::parse("5.5"), Some(Tenths(55)));
        assert_eq!(Tenths::parse("6"), Some(Tenths(60)));
        assert_eq!(Tenths::parse("6,2"), Some(Tenths(62)));
        assert_eq!(Tenths::parse("5.55"), None);
        assert_eq!(Tenths::parse("x"), None);
        assert_eq!(Tenths(63).to_string(), "6.3");
        assert_eq!(Tenths(100).to_string(), "10.0");
    }
}
