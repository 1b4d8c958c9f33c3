//! The scoring model (评估标准): criteria with weights on the two axes of KAM-SPEC §2.3.1,
//! and the rule that a model can only be applied when each axis totals 100%.

use serde::{Deserialize, Serialize};

use super::text::LocalizedText;

pub type CriterionId = u32;

/// The two axes of the evaluation matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Axis {
    /// How attractive the customer is to us (客户的吸引力).
    Attractiveness,
    /// How feasible it is for us to serve the customer (服务客户的可行性).
    Feasibility,
}

impl Axis {
    pub const ALL: [Axis; 2] = [Axis::Attractiveness, Axis::Feasibility];

    /// The axis's name in files and in the page's markup (as serde writes it).
    pub fn slug(self) -> &'static str {
        match self {
            Axis::Attractiveness => "attractiveness",
            Axis::Feasibility => "feasibility",
        }
    }
}

/// What a score of 1, 5 and 10 means for one criterion, shown beside the score input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoringGuide {
    pub low: LocalizedText,
    pub mid: LocalizedText,
    pub high: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: CriterionId,
    pub axis: Axis,
    #[serde(default)]
    pub name: LocalizedText,
    /// Whole percent of the axis (1–100).
    pub weight: u32,
    #[serde(default)]
    pub guide: ScoringGuide,
}

/// Why a model cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("weights on {axis:?} total {total}%, not 100%")]
    WeightsDoNotTotal { axis: Axis, total: u32 },
    #[error("{axis:?} has no criteria")]
    NoCriteria { axis: Axis },
    #[error("criterion {id} has no name")]
    NameMissing { id: CriterionId },
    #[error("criterion {id} has weight {weight}%, outside 1–100%")]
    WeightOutOfRange { id: CriterionId, weight: u32 },
}

/// Weights on one axis must add up to exactly this many percent.
pub const AXIS_WEIGHT_TOTAL: u32 = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoringModel {
    pub criteria: Vec<Criterion>,
    /// Ids are never reused, so scores given under a removed criterion can never be
    /// mistaken for scores of a new one.
    pub next_id: CriterionId,
}

impl Default for ScoringModel {
    fn default() -> Self {
        Self::default_model()
    }
}

fn text(zh: &str, en: &str) -> LocalizedText {
    LocalizedText::new(zh, en)
}

fn criterion(
    id: CriterionId,
    axis: Axis,
    name: (&str, &str),
    weight: u32,
    guide: [(&str, &str); 3],
) -> Criterion {
    Criterion {
        id,
        axis,
        name: text(name.0, name.1),
        weight,
        guide: ScoringGuide {
            low: text(guide[0].0, guide[0].1),
            mid: text(guide[1].0, guide[1].1),
            high: text(guide[2].0, guide[2].1),
        },
    }
}

impl ScoringModel {
    /// The template of KAM-SPEC §2.3.1: attractiveness 40/30/20/10, feasibility 30/30/30/10.
    pub fn default_model() -> Self {
        use Axis::*;
        let criteria = vec![
            criterion(
                1,
                Attractiveness,
                ("财务业绩", "Financial performance"),
                40,
                [
                    ("营收和利润低或下滑", "Low or falling revenue and profit"),
                    (
                        "营收和利润中等、基本稳定",
                        "Moderate, stable revenue and profit",
                    ),
                    (
                        "营收和利润高且持续增长",
                        "High revenue and profit, sustained growth",
                    ),
                ],
            ),
            criterion(
                2,
                Attractiveness,
                ("年度IT产品/服务预算或实际支出", "Spend on our category"),
                30,
                [
                    (
                        "在我们的品类上几乎没有预算",
                        "Almost no budget for what we sell",
                    ),
                    ("有一定预算或实际支出", "Some budget or actual spend"),
                    ("预算或支出大且在增长", "Large and growing budget or spend"),
                ],
            ),
            criterion(
                3,
                Attractiveness,
                ("声誉和内部管理", "Reputation and internal management"),
                20,
                [
                    ("品牌弱，管理团队薄弱", "Weak brand, weak management team"),
                    ("行业内口碑一般", "Average standing in its industry"),
                    (
                        "行业领先品牌，管理团队优秀",
                        "Leading brand, excellent management team",
                    ),
                ],
            ),
            criterion(
                4,
                Attractiveness,
                ("地理位置", "Geographic location"),
                10,
                [
                    (
                        "远离我们的办公室，交通不便",
                        "Far from our offices, hard to reach",
                    ),
                    ("当日可往返", "Reachable and back within a day"),
                    ("就在我们办公室附近", "Close to one of our offices"),
                ],
            ),
            criterion(
                5,
                Feasibility,
                ("与我们现有业务的关系", "Existing relationship with us"),
                30,
                [
                    ("没有往来", "No history with us"),
                    ("买过我们的部分产品", "Has bought some of our products"),
                    (
                        "长期合作，购买我们多种产品",
                        "Long history, buys many of our products",
                    ),
                ],
            ),
            criterion(
                6,
                Feasibility,
                ("客户与竞争对手的关系", "Relationship with competitors"),
                30,
                [
                    (
                        "强势竞争对手长期独占，并与决策者关系密切",
                        "A strong incumbent, long tenure, close to decision makers",
                    ),
                    (
                        "竞争对手有部分业务",
                        "Competitors hold part of the business",
                    ),
                    ("几乎没有竞争对手介入", "Hardly any competitor present"),
                ],
            ),
            criterion(
                7,
                Feasibility,
                ("对我们服务的态度", "Attitude toward our services"),
                30,
                [
                    (
                        "管理层对我们封闭或反感",
                        "Management closed or hostile to us",
                    ),
                    ("管理层态度中立", "Management neutral"),
                    ("管理层主动欢迎我们", "Management actively open to us"),
                ],
            ),
            criterion(
                8,
                Feasibility,
                ("自身执行能力", "Our execution capability"),
                10,
                [
                    (
                        "客户需求超出我们的能力",
                        "Their needs are beyond our competence",
                    ),
                    ("能满足大部分需求", "We can meet most of their needs"),
                    (
                        "需求与我们的核心能力完全匹配",
                        "Their needs fit our core competence exactly",
                    ),
                ],
            ),
        ];
        Self {
            criteria,
            next_id: 9,
        }
    }

    pub fn criteria_on(&self, axis: Axis) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter().filter(move |c| c.axis == axis)
    }

    pub fn criterion(&self, id: CriterionId) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn criterion_mut(&mut self, id: CriterionId) -> Option<&mut Criterion> {
        self.criteria.iter_mut().find(|c| c.id == id)
    }

    /// The running total of weights on an axis, in percent.
    pub fn weight_total(&self, axis: Axis) -> u32 {
        self.criteria_on(axis).map(|c| c.weight).sum()
    }

    /// Every reason the model cannot be applied; empty when it can.
    pub fn problems(&self) -> Vec<ModelError> {
        let mut problems = Vec::new();
        for axis in Axis::ALL {
            if self.criteria_on(axis).next().is_none() {
                problems.push(ModelError::NoCriteria { axis });
                continue;
            }
            let total = self.weight_total(axis);
            if total != AXIS_WEIGHT_TOTAL {
                problems.push(ModelError::WeightsDoNotTotal { axis, total });
            }
        }
        for c in &self.criteria {
            if c.name.is_blank() {
                problems.push(ModelError::NameMissing { id: c.id });
            }
            if c.weight == 0 || c.weight > AXIS_WEIGHT_TOTAL {
                problems.push(ModelError::WeightOutOfRange {
                    id: c.id,
                    weight: c.weight,
                });
            }
        }
        problems
    }

    pub fn is_valid(&self) -> bool {
        self.problems().is_empty()
    }

    /// Adds a criterion with an empty name and no weight; the user fills both in.
    pub fn add_criterion(&mut self, axis: Axis) -> CriterionId {
        let id = self.next_id.max(self.max_id() + 1);
        self.next_id = id + 1;
        self.criteria.push(Criterion {
            id,
            axis,
            name: LocalizedText::default(),
            weight: 0,
            guide: ScoringGuide::default(),
        });
        id
    }

    pub fn remove_criterion(&mut self, id: CriterionId) {
        self.criteria.retain(|c| c.id != id);
    }

    fn max_id(&self) -> CriterionId {
        self.criteria.iter().map(|c| c.id).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_model_matches_the_method_template() {
        let m = ScoringModel::default_model();
        let weights = |axis| m.criteria_on(axis).map(|c| c.weight).collect::<Vec<_>>();
        assert_eq!(weights(Axis::Attractiveness), vec![40, 30, 20, 10]);
        assert_eq!(weights(Axis::Feasibility), vec![30, 30, 30, 10]);
        assert_eq!(m.criterion(1).map(|c| c.name.zh.as_str()), Some("财务业绩"));
        assert!(m
            .criteria
            .iter()
            .all(|c| !c.name.zh.is_empty() && !c.name.en.is_empty()));
        assert!(m
            .criteria
            .iter()
            .all(|c| !c.guide.low.en.is_empty() && !c.guide.high.zh.is_empty()));
        assert!(m.is_valid());
    }

    #[test]
    fn weights_on_each_axis_must_total_100() {
        let mut m = ScoringModel::default_model();
        if let Some(c) = m.criterion_mut(1) {
            c.weight = 35;
        }
        assert_eq!(m.weight_total(Axis::Attractiveness), 95);
        assert_eq!(
            m.problems(),
            vec![ModelError::WeightsDoNotTotal {
                axis: Axis::Attractiveness,
                total: 95
            }]
        );
        if let Some(c) = m.criterion_mut(4) {
            c.weight = 15;
        }
        assert!(m.is_valid());
    }

    #[test]
    fn an_axis_without_criteria_is_refused() {
        let mut m = ScoringModel::default_model();
        for id in [5, 6, 7, 8] {
            m.remove_criterion(id);
        }
        assert_eq!(
            m.problems(),
            vec![ModelError::NoCriteria {
                axis: Axis::Feasibility
            }]
        );
    }

    #[test]
    fn new_criterion_needs_a_name_and_a_weight() {
        let mut m = ScoringModel::default_model();
        let id = m.add_criterion(Axis::Feasibility);
        let problems = m.problems();
        assert!(problems.contains(&ModelError::NameMissing { id }));
        assert!(problems.contains(&ModelError::WeightOutOfRange { id, weight: 0 }));
    }

    #[test]
    fn criterion_ids_are_never_reused() {
        let mut m = ScoringModel::default_model();
        let first = m.add_criterion(Axis::Attractiveness);
        m.remove_criterion(first);
        let second = m.add_criterion(Axis::Attractiveness);
        assert_ne!(first, second);
        assert!(second > 8);
    }
}
