//! The relationship with an account (KAM-SPEC §5, documents 001 and 004): dated
//! assessments on four dimensions scored 1–5, the four-stage level they give (初始, 一般,
//! 战略, 伙伴合作) and how it changed; and the classification grid of §3, attractiveness
//! (very, medium, low) against the relationship state, with the strategy for each cell.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::DevelopmentId;
use crate::domain::account::slugs;
use crate::domain::engagement::team::ColleagueId;
use crate::domain::scoring::Tenths;

/// The four stages of the relationship (KAM-SPEC §5), the same scale a person of the
/// decision-making unit is placed on.
pub use crate::domain::plan::people::RelationshipLevel;

/// What an assessment scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    /// 沟通: how openly and often the two sides talk, at how many levels.
    Communication,
    /// 契合: how well our offer fits their needs and strategy.
    Fit,
    /// 共同工作: planning and projects done together.
    JointWork,
    /// 认可: how much they value us and say so.
    Recognition,
}

impl Dimension {
    /// In the order of an assessment's scores.
    pub const ALL: [Dimension; 4] = [
        Dimension::Communication,
        Dimension::Fit,
        Dimension::JointWork,
        Dimension::Recognition,
    ];

    fn index(self) -> usize {
        match self {
            Dimension::Communication => 0,
            Dimension::Fit => 1,
            Dimension::JointWork => 2,
            Dimension::Recognition => 3,
        }
    }
}

slugs!(Dimension {
    Communication => "communication",
    Fit => "fit",
    JointWork => "joint_work",
    Recognition => "recognition",
});

/// The lowest and highest score of a dimension.
pub const SCORE_RANGE: std::ops::RangeInclusive<u8> = 1..=5;

/// One dated assessment of the relationship, scored by a colleague.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationshipAssessment {
    #[serde(default)]
    pub id: DevelopmentId,
    pub on: NaiveDate,
    /// 1–5 per dimension, in the order of [`Dimension::ALL`].
    pub scores: [u8; 4],
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who assessed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<ColleagueId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssessmentProblem {
    ScoreOutOfRange {
        dimension: Dimension,
        score: u8,
    },
    /// An assessment records what was seen, so it cannot be dated after today.
    InTheFuture,
}

impl RelationshipAssessment {
    /// An assessment on `on` with `scores`, checked against `today`; its id is given
    /// when it is added to the account (`AccountDevelopment::add_assessment`).
    pub fn new(
        on: NaiveDate,
        scores: [u8; 4],
        today: NaiveDate,
    ) -> Result<Self, Vec<AssessmentProblem>> {
        let assessment = RelationshipAssessment {
            id: 0,
            on,
            scores,
            note: String::new(),
            by: None,
        };
        let problems = assessment.problems(today);
        if problems.is_empty() {
            Ok(assessment)
        } else {
            Err(problems)
        }
    }

    pub fn problems(&self, today: NaiveDate) -> Vec<AssessmentProblem> {
        let mut problems: Vec<AssessmentProblem> = Dimension::ALL
            .into_iter()
            .filter_map(|dimension| {
                let score = self.scores[dimension.index()];
                (!SCORE_RANGE.contains(&score))
                    .then_some(AssessmentProblem::ScoreOutOfRange { dimension, score })
            })
            .collect();
        if self.on > today {
            problems.push(AssessmentProblem::InTheFuture);
        }
        problems
    }

    /// The score of one dimension, brought into 1–5 (a stored score outside it, edited
    /// by hand, counts as the nearest valid one rather than making the level unknown).
    pub fn score(&self, dimension: Dimension) -> u8 {
        self.scores[dimension.index()].clamp(*SCORE_RANGE.start(), *SCORE_RANGE.end())
    }

    /// The four scores added up: 4–20.
    pub fn total(&self) -> u8 {
        Dimension::ALL.into_iter().map(|d| self.score(d)).sum()
    }

    pub fn level(&self) -> RelationshipLevel {
        let weakest = Dimension::ALL
            .into_iter()
            .map(|d| self.score(d))
            .min()
            .unwrap_or(*SCORE_RANGE.start());
        level_of(self.total(), weakest)
    }
}

/// The level of a relationship whose four scores add up to `total` (4–20) and whose
/// weakest score is `weakest`:
///
/// | total | level |
/// |---|---|
/// | 4–8 | initial (初始) |
/// | 9–12 | ordinary (一般) |
/// | 13–16 | strategic (战略) |
/// | 17–20 | partner (伙伴合作) |
///
/// The bands are equal steps of about a point per dimension: an average below 2¼ is a
/// start, up to 3 an ordinary supplier relationship, up to 4 a strategic one, above 4 a
/// partnership. And no relationship with a dimension at 1 rises above ordinary, however
/// high the others: a dimension at 1 means that part is missing (no real communication,
/// no joint work, no recognition), and a strategic relationship or a partnership that
/// lacks one of them is not one — a weak dimension caps the relationship.
pub fn level_of(total: u8, weakest: u8) -> RelationshipLevel {
    let by_total = match total {
        0..=8 => RelationshipLevel::Initial,
        9..=12 => RelationshipLevel::Ordinary,
        13..=16 => RelationshipLevel::Strategic,
        _ => RelationshipLevel::Partner,
    };
    if weakest <= 1 {
        by_total.min(RelationshipLevel::Ordinary)
    } else {
        by_total
    }
}

/// The assessments in order: by date, and of one day in the order they were added.
pub fn history(list: &[RelationshipAssessment]) -> Vec<&RelationshipAssessment> {
    let mut ordered: Vec<&RelationshipAssessment> = list.iter().collect();
    ordered.sort_by_key(|a| (a.on, a.id));
    ordered
}

/// The level of the latest assessment.
pub fn current_level(list: &[RelationshipAssessment]) -> Option<RelationshipLevel> {
    history(list).last().map(|a| a.level())
}

/// The level before the latest assessment and the latest one; none with fewer than two
/// assessments. The two may be equal.
pub fn change(list: &[RelationshipAssessment]) -> Option<(RelationshipLevel, RelationshipLevel)> {
    match history(list).as_slice() {
        [.., previous, latest] => Some((previous.level(), latest.level())),
        _ => None,
    }
}

/// How attractive an account is, in three classes (很有吸引力, 中等程度吸引力,
/// 不太具有吸引力).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Attractiveness3 {
    Very,
    Medium,
    Low,
}

impl Attractiveness3 {
    pub const ALL: [Attractiveness3; 3] = [
        Attractiveness3::Very,
        Attractiveness3::Medium,
        Attractiveness3::Low,
    ];
}

slugs!(Attractiveness3 {
    Very => "very",
    Medium => "medium",
    Low => "low",
});

/// How far above the attractiveness threshold an account is very attractive.
pub const VERY_ATTRACTIVE_MARGIN: Tenths = Tenths(20);

/// The top of the 1–10 scale.
const SCALE_TOP: Tenths = Tenths(100);

/// The class of an attractiveness axis score against the tier threshold on that axis:
/// low below the threshold (the tier rule's "lower attractiveness"), very attractive at
/// or above the threshold plus [`VERY_ATTRACTIVE_MARGIN`] (2.0), medium in between. With
/// a threshold above 8.0 the very-attractive line would fall off the scale, so it stops
/// at 10.0: only a full score is very attractive then. Compared exactly in tenths, like
/// the tier rule.
pub fn attractiveness_class(score: Tenths, threshold: Tenths) -> Attractiveness3 {
    let very_from = Tenths(
        threshold
            .0
            .saturating_add(VERY_ATTRACTIVE_MARGIN.0)
            .min(SCALE_TOP.0),
    );
    if score < threshold {
        Attractiveness3::Low
    } else if score >= very_from {
        Attractiveness3::Very
    } else {
        Attractiveness3::Medium
    }
}

/// The state of the relationship, as the user judges it (KAM-SPEC §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipState {
    /// 发展中的关系
    Developing,
    /// 目前关系良好
    Good,
    /// 目前关系非常牢固
    VeryStrong,
    /// 目前关系相当有限
    Limited,
    /// 防守阶段: a competitor is attacking our position.
    Defensive,
    /// 倒退中的关系
    Declining,
}

impl RelationshipState {
    pub const ALL: [RelationshipState; 6] = [
        RelationshipState::Developing,
        RelationshipState::Good,
        RelationshipState::VeryStrong,
        RelationshipState::Limited,
        RelationshipState::Defensive,
        RelationshipState::Declining,
    ];
}

slugs!(RelationshipState {
    Developing => "developing",
    Good => "good",
    VeryStrong => "very_strong",
    Limited => "limited",
    Defensive => "defensive",
    Declining => "declining",
});

/// The state the assessments suggest, for the user to accept or change; none without
/// an assessment. The latest level against the one before decides:
/// - rising → developing; falling → declining;
/// - otherwise (unchanged, or a single assessment) by the latest level: partner → very
///   strong, strategic → good, ordinary or initial → limited (a relationship that stays
///   transactional carries no more than today's business).
///
/// Defensive is never suggested: it says a competitor is attacking, which the
/// assessments do not measure.
pub fn suggested_state(list: &[RelationshipAssessment]) -> Option<RelationshipState> {
    let latest = current_level(list)?;
    match change(list) {
        Some((previous, latest)) if latest > previous => Some(RelationshipState::Developing),
        Some((previous, latest)) if latest < previous => Some(RelationshipState::Declining),
        _ => Some(match latest {
            RelationshipLevel::Partner => RelationshipState::VeryStrong,
            RelationshipLevel::Strategic => RelationshipState::Good,
            RelationshipLevel::Ordinary | RelationshipLevel::Initial => RelationshipState::Limited,
        }),
    }
}

/// What to do with an account of a class (各类客户的对策).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Strategy {
    /// 积极投资，谋求发展: invest ahead and build the relationship step by step; for a
    /// very attractive account we barely sell to, win the first deal.
    InvestToBuild,
    /// 重点维护，扩大份额: keep the relationship at every level, grow our share, aim
    /// for partnership or alliance.
    MaintainAndGrow,
    /// 稳住阵地，抵御竞争: defend our position against the competitor attacking it.
    Defend,
    /// 查明原因，挽回关系: find out why it is slipping and win it back, it is too
    /// attractive to lose.
    Recover,
    /// 有选择地发展: develop where it pays, without over-investing.
    DevelopSelectively,
    /// 利用现有资源有效服务: serve at low cost with existing resources, avoid discounts.
    ServeEfficiently,
    /// 勇于说“不”: no further resources go there.
    SayNo,
}

impl Strategy {
    pub const ALL: [Strategy; 7] = [
        Strategy::InvestToBuild,
        Strategy::MaintainAndGrow,
        Strategy::Defend,
        Strategy::Recover,
        Strategy::DevelopSelectively,
        Strategy::ServeEfficiently,
        Strategy::SayNo,
    ];
}

slugs!(Strategy {
    InvestToBuild => "invest_to_build",
    MaintainAndGrow => "maintain_and_grow",
    Defend => "defend",
    Recover => "recover",
    DevelopSelectively => "develop_selectively",
    ServeEfficiently => "serve_efficiently",
    SayNo => "say_no",
});

/// The strategy for each cell of the classification grid:
///
/// | | developing | good | very strong | limited | defensive | declining |
/// |---|---|---|---|---|---|---|
/// | very | invest | maintain and grow | maintain and grow | invest | defend | recover |
/// | medium | selectively | serve efficiently | serve efficiently | selectively | defend | serve efficiently |
/// | low | say no | serve efficiently | serve efficiently | say no | say no | say no |
///
/// A very attractive account with a limited relationship is the super-potential
/// customer of the pyramid (it buys from a competitor): invest to win the first deal. A
/// medium account gets no more than it returns, so a declining one is served at low
/// cost rather than won back. A low one is kept only while the relationship already
/// carries it; spending to build or defend it is what saying no refuses.
pub fn strategy(attractiveness: Attractiveness3, state: RelationshipState) -> Strategy {
    use Attractiveness3 as A;
    use RelationshipState as S;
    match (attractiveness, state) {
        (A::Very, S::Developing | S::Limited) => Strategy::InvestToBuild,
        (A::Very, S::Good | S::VeryStrong) => Strategy::MaintainAndGrow,
        (A::Very | A::Medium, S::Defensive) => Strategy::Defend,
        (A::Very, S::Declining) => Strategy::Recover,
        (A::Medium, S::Developing | S::Limited) => Strategy::DevelopSelectively,
        (A::Medium, S::Good | S::VeryStrong | S::Declining) | (A::Low, S::Good | S::VeryStrong) => {
            Strategy::ServeEfficiently
        }
        (A::Low, S::Developing | S::Limited | S::Defensive | S::Declining) => Strategy::SayNo,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::development::test_data::day;

    fn assessment(id: DevelopmentId, on: &str, scores: [u8; 4]) -> RelationshipAssessment {
        RelationshipAssessment {
            id,
            on: day(on),
            scores,
            note: String::new(),
            by: None,
        }
    }

    fn level(scores: [u8; 4]) -> RelationshipLevel {
        assessment(1, "2026-01-01", scores).level()
    }

    #[test]
    fn an_assessment_scores_each_dimension_1_to_5_and_is_not_dated_after_today() {
        let today = day("2026-03-02");
        let ok = RelationshipAssessment::new(today, [1, 5, 3, 2], today).expect("valid");
        assert_eq!(ok.score(Dimension::Fit), 5);
        assert_eq!(
            RelationshipAssessment::new(day("2026-03-03"), [0, 5, 6, 2], today),
            Err(vec![
                AssessmentProblem::ScoreOutOfRange {
                    dimension: Dimension::Communication,
                    score: 0
                },
                AssessmentProblem::ScoreOutOfRange {
                    dimension: Dimension::JointWork,
                    score: 6
                },
                AssessmentProblem::InTheFuture,
            ])
        );
    }

    #[test]
    fn the_level_follows_the_total_in_bands_of_4_8_9_12_13_16_17_20() {
        for (scores, total, expected) in [
            ([2, 2, 2, 2], 8, RelationshipLevel::Initial),
            ([3, 2, 2, 2], 9, RelationshipLevel::Ordinary),
            ([3, 3, 3, 3], 12, RelationshipLevel::Ordinary),
            ([4, 3, 3, 3], 13, RelationshipLevel::Strategic),
            ([4, 4, 4, 4], 16, RelationshipLevel::Strategic),
            ([5, 4, 4, 4], 17, RelationshipLevel::Partner),
            ([5, 5, 5, 5], 20, RelationshipLevel::Partner),
        ] {
            assert_eq!(assessment(1, "2026-01-01", scores).total(), total);
            assert_eq!(level(scores), expected, "{scores:?}");
        }
        assert_eq!(level([1, 1, 1, 1]), RelationshipLevel::Initial);
    }

    #[test]
    fn a_dimension_at_1_caps_the_relationship_at_ordinary() {
        assert_eq!(level([1, 5, 5, 5]), RelationshipLevel::Ordinary);
        assert_eq!(level([4, 4, 4, 1]), RelationshipLevel::Ordinary);
        assert_eq!(level([2, 5, 5, 5]), RelationshipLevel::Partner);
        // The cap never raises a level.
        assert_eq!(level([1, 2, 2, 2]), RelationshipLevel::Initial);
        assert_eq!(level_of(20, 1), RelationshipLevel::Ordinary);
    }

    #[test]
    fn a_stored_score_outside_1_to_5_counts_as_the_nearest() {
        let hand_edited = assessment(1, "2026-01-01", [9, 5, 5, 0]);
        assert_eq!(hand_edited.score(Dimension::Communication), 5);
        assert_eq!(hand_edited.score(Dimension::Recognition), 1);
        assert_eq!(hand_edited.total(), 16);
        assert_eq!(hand_edited.level(), RelationshipLevel::Ordinary);
    }

    #[test]
    fn history_runs_by_date_then_by_order_added() {
        let list = vec![
            assessment(3, "2026-02-01", [3, 3, 3, 3]),
            assessment(1, "2025-06-01", [2, 2, 2, 2]),
            assessment(4, "2026-02-01", [4, 4, 4, 4]),
            assessment(2, "2025-11-01", [3, 3, 3, 3]),
        ];
        let ids: Vec<_> = history(&list).iter().map(|a| a.id).collect();
        assert_eq!(ids, vec![1, 2, 3, 4]);
        assert_eq!(current_level(&list), Some(RelationshipLevel::Strategic));
        assert_eq!(
            change(&list),
            Some((RelationshipLevel::Ordinary, RelationshipLevel::Strategic))
        );
    }

    #[test]
    fn the_current_level_and_its_change_need_assessments() {
        assert_eq!(current_level(&[]), None);
        assert_eq!(change(&[]), None);
        let one = [assessment(1, "2026-01-01", [2, 2, 2, 2])];
        assert_eq!(current_level(&one), Some(RelationshipLevel::Initial));
        assert_eq!(change(&one), None);
    }

    #[test]
    fn the_suggested_state_follows_the_levels_trend_then_the_latest_level() {
        let with = |first: [u8; 4], second: [u8; 4]| {
            suggested_state(&[
                assessment(1, "2025-06-01", first),
                assessment(2, "2026-01-01", second),
            ])
        };
        assert_eq!(suggested_state(&[]), None);
        assert_eq!(
            with([2, 2, 2, 2], [3, 3, 3, 3]),
            Some(RelationshipState::Developing)
        );
        assert_eq!(
            with([5, 5, 5, 5], [4, 4, 4, 4]),
            Some(RelationshipState::Declining)
        );
        assert_eq!(
            with([5, 5, 5, 5], [5, 4, 4, 4]),
            Some(RelationshipState::VeryStrong)
        );
        assert_eq!(
            with([4, 4, 4, 4], [4, 3, 3, 3]),
            Some(RelationshipState::Good)
        );
        assert_eq!(
            with([3, 3, 3, 3], [3, 3, 3, 3]),
            Some(RelationshipState::Limited)
        );
        assert_eq!(
            with([2, 2, 2, 2], [1, 2, 2, 2]),
            Some(RelationshipState::Limited)
        );
        // A single assessment has no trend: its level decides.
        assert_eq!(
            suggested_state(&[assessment(1, "2026-01-01", [4, 4, 4, 4])]),
            Some(RelationshipState::Good)
        );
        // A weak dimension dropping a partnership to ordinary is a decline.
        assert_eq!(
            with([5, 5, 5, 5], [5, 5, 5, 1]),
            Some(RelationshipState::Declining)
        );
    }

    #[test]
    fn attractiveness_is_low_below_the_threshold_and_very_from_2_points_above() {
        let threshold = Tenths(55);
        for (score, expected) in [
            (10, Attractiveness3::Low),
            (54, Attractiveness3::Low),
            (55, Attractiveness3::Medium),
            (74, Attractiveness3::Medium),
            (75, Attractiveness3::Very),
            (100, Attractiveness3::Very),
        ] {
            assert_eq!(
                attractiveness_class(Tenths(score), threshold),
                expected,
                "{score}"
            );
        }
    }

    #[test]
    fn the_very_attractive_line_stops_at_the_top_of_the_scale() {
        assert_eq!(
            attractiveness_class(Tenths(99), Tenths(85)),
            Attractiveness3::Medium
        );
        assert_eq!(
            attractiveness_class(Tenths(100), Tenths(85)),
            Attractiveness3::Very
        );
        assert_eq!(
            attractiveness_class(Tenths(80), Tenths(80)),
            Attractiveness3::Medium
        );
        assert_eq!(
            attractiveness_class(Tenths(100), Tenths(80)),
            Attractiveness3::Very
        );
        assert_eq!(
            attractiveness_class(Tenths(100), Tenths(100)),
            Attractiveness3::Very
        );
        assert_eq!(
            attractiveness_class(Tenths(99), Tenths(100)),
            Attractiveness3::Low
        );
    }

    #[test]
    fn every_cell_of_the_classification_grid_has_its_strategy() {
        use Attractiveness3 as A;
        use RelationshipState as S;
        use Strategy::*;
        let grid = [
            (
                A::Very,
                [
                    InvestToBuild,
                    MaintainAndGrow,
                    MaintainAndGrow,
                    InvestToBuild,
                    Defend,
                    Recover,
                ],
            ),
            (
                A::Medium,
                [
                    DevelopSelectively,
                    ServeEfficiently,
                    ServeEfficiently,
                    DevelopSelectively,
                    Defend,
                    ServeEfficiently,
                ],
            ),
            (
                A::Low,
                [
                    SayNo,
                    ServeEfficiently,
                    ServeEfficiently,
                    SayNo,
                    SayNo,
                    SayNo,
                ],
            ),
        ];
        let mut used = std::collections::BTreeSet::new();
        for (attractiveness, row) in grid {
            for (state, expected) in S::ALL.into_iter().zip(row) {
                assert_eq!(
                    strategy(attractiveness, state),
                    expected,
                    "{attractiveness:?} {state:?}"
                );
                used.insert(expected);
            }
        }
        // Every strategy is the answer for some cell.
        assert_eq!(used.len(), Strategy::ALL.len());
    }

    #[test]
    fn slugs_read_back() {
        for d in Dimension::ALL {
            assert_eq!(Dimension::from_slug(d.slug()), Some(d));
        }
        for a in Attractiveness3::ALL {
            assert_eq!(Attractiveness3::from_slug(a.slug()), Some(a));
        }
        for s in RelationshipState::ALL {
            assert_eq!(RelationshipState::from_slug(s.slug()), Some(s));
        }
        for s in Strategy::ALL {
            assert_eq!(Strategy::from_slug(s.slug()), Some(s));
        }
    }
}
