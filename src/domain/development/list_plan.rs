//! The preliminary list plan (KAM-SPEC §2.3.2): each January, one to three target
//! segments and how many prospects of each size band to collect in each, with the
//! colleague who owns the collection; and how far the accounts created that year have
//! come against it.

use serde::{Deserialize, Serialize};

use crate::domain::account::{identity_key, SizeBand};
use crate::domain::doc::{Document, JsonDoc};
use crate::domain::engagement::team::ColleagueId;

/// The most segments a year's list aims at.
pub const MAX_SEGMENTS: usize = 3;

/// Every year's plan, as a workspace document (`domain::doc`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListPlan {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<YearListPlan>,
}

impl Document for ListPlan {
    fn is_empty(&self) -> bool {
        *self == ListPlan::default()
    }
}

pub type ListPlanDoc = JsonDoc<ListPlan>;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct YearListPlan {
    pub year: i32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<SegmentPlan>,
}

/// How many prospects to collect in one segment (e.g. automotive: large 30, medium 50,
/// small 20).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SegmentPlan {
    pub segment: String,
    pub large: u32,
    pub medium: u32,
    pub small: u32,
    /// The colleague who owns collecting and updating them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collector: Option<ColleagueId>,
}

impl SegmentPlan {
    pub fn planned(&self) -> BandCounts {
        BandCounts {
            large: self.large,
            medium: self.medium,
            small: self.small,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListPlanProblem {
    /// Two plans for one year.
    DuplicateYear {
        year: i32,
    },
    NoSegments {
        year: i32,
    },
    TooManySegments {
        year: i32,
        count: usize,
    },
    /// The segment at `index` has no name.
    SegmentNameMissing {
        year: i32,
        index: usize,
    },
    /// The segment at `index` has the name of the one at `first` (compared trimmed,
    /// spaces collapsed, in any case).
    DuplicateSegment {
        year: i32,
        index: usize,
        first: usize,
    },
}

impl YearListPlan {
    pub fn problems(&self) -> Vec<ListPlanProblem> {
        let year = self.year;
        let mut problems = Vec::new();
        match self.segments.len() {
            0 => problems.push(ListPlanProblem::NoSegments { year }),
            count if count > MAX_SEGMENTS => {
                problems.push(ListPlanProblem::TooManySegments { year, count })
            }
            _ => {}
        }
        let keys: Vec<String> = self
            .segments
            .iter()
            .map(|s| identity_key(&s.segment))
            .collect();
        for (index, key) in keys.iter().enumerate() {
            if key.is_empty() {
                problems.push(ListPlanProblem::SegmentNameMissing { year, index });
            } else if let Some(first) = keys[..index].iter().position(|k| k == key) {
                problems.push(ListPlanProblem::DuplicateSegment { year, index, first });
            }
        }
        problems
    }
}

impl ListPlan {
    pub fn year(&self, year: i32) -> Option<&YearListPlan> {
        self.years.iter().find(|y| y.year == year)
    }

    /// Every year's problems, and a year planned twice.
    pub fn problems(&self) -> Vec<ListPlanProblem> {
        let mut problems = Vec::new();
        for (i, plan) in self.years.iter().enumerate() {
            if self.years[..i].iter().any(|y| y.year == plan.year) {
                problems.push(ListPlanProblem::DuplicateYear { year: plan.year });
            }
            problems.extend(plan.problems());
        }
        problems
    }
}

/// A count per size band.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BandCounts {
    pub large: u32,
    pub medium: u32,
    pub small: u32,
}

impl BandCounts {
    pub fn get(&self, band: SizeBand) -> u32 {
        match band {
            SizeBand::Large => self.large,
            SizeBand::Medium => self.medium,
            SizeBand::Small => self.small,
        }
    }

    fn count(&mut self, band: SizeBand) {
        let n = match band {
            SizeBand::Large => &mut self.large,
            SizeBand::Medium => &mut self.medium,
            SizeBand::Small => &mut self.small,
        };
        *n = n.saturating_add(1);
    }

    pub fn total(&self) -> u32 {
        self.large
            .saturating_add(self.medium)
            .saturating_add(self.small)
    }

    fn add(&self, other: &BandCounts) -> BandCounts {
        BandCounts {
            large: self.large.saturating_add(other.large),
            medium: self.medium.saturating_add(other.medium),
            small: self.small.saturating_add(other.small),
        }
    }
}

/// Planned against collected, per size band.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub planned: BandCounts,
    pub collected: BandCounts,
    /// Collected prospects without a size band: they count toward the total but no band.
    pub without_band: u32,
}

impl Tally {
    /// Everything collected, sized or not.
    pub fn collected_total(&self) -> u32 {
        self.collected.total().saturating_add(self.without_band)
    }

    /// How many of a band are still to collect (none once the plan is met or passed).
    pub fn remaining(&self, band: SizeBand) -> u32 {
        self.planned
            .get(band)
            .saturating_sub(self.collected.get(band))
    }
}

/// One segment of the plan with its tally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentProgress {
    /// The segment's name as planned.
    pub segment: String,
    pub tally: Tally,
}

/// How far the year's list has come: for each planned segment, the accounts created in
/// the plan's year (`accounts` gives each account's segment, size band and year
/// created) counted by size band against the plan. An account's segment matches a
/// plan's when they read the same trimmed, with spaces collapsed, in any case;
/// accounts of other segments or other years are not counted, and a segment planned
/// twice (a problem) collects under its first entry.
pub fn collected<'a>(
    plan: &YearListPlan,
    accounts: impl Iterator<Item = (&'a str, Option<SizeBand>, i32)>,
) -> Vec<SegmentProgress> {
    let mut progress: Vec<SegmentProgress> = plan
        .segments
        .iter()
        .map(|s| SegmentProgress {
            segment: s.segment.clone(),
            tally: Tally {
                planned: s.planned(),
                ..Tally::default()
            },
        })
        .collect();
    let keys: Vec<String> = plan
        .segments
        .iter()
        .map(|s| identity_key(&s.segment))
        .collect();
    for (segment, band, year) in accounts {
        if year != plan.year {
            continue;
        }
        let key = identity_key(segment);
        if key.is_empty() {
            continue;
        }
        let Some(tally) = keys
            .iter()
            .position(|k| *k == key)
            .and_then(|i| progress.get_mut(i))
            .map(|p| &mut p.tally)
        else {
            continue;
        };
        match band {
            Some(band) => tally.collected.count(band),
            None => tally.without_band = tally.without_band.saturating_add(1),
        }
    }
    progress
}

/// The segments' tallies added up.
pub fn totals(progress: &[SegmentProgress]) -> Tally {
    progress.iter().fold(Tally::default(), |sum, p| Tally {
        planned: sum.planned.add(&p.tally.planned),
        collected: sum.collected.add(&p.tally.collected),
        without_band: sum.without_band.saturating_add(p.tally.without_band),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(name: &str, large: u32, medium: u32, small: u32) -> SegmentPlan {
        SegmentPlan {
            segment: name.into(),
            large,
            medium,
            small,
            collector: None,
        }
    }

    fn year(year: i32, segments: Vec<SegmentPlan>) -> YearListPlan {
        YearListPlan { year, segments }
    }

    #[test]
    fn a_year_aims_at_one_to_three_segments() {
        assert_eq!(
            year(2026, vec![]).problems(),
            vec![ListPlanProblem::NoSegments { year: 2026 }]
        );
        for n in 1..=3 {
            let segments = (0..n).map(|i| segment(&format!("S{i}"), 1, 1, 1)).collect();
            assert_eq!(year(2026, segments).problems(), vec![]);
        }
        let four = (0..4).map(|i| segment(&format!("S{i}"), 1, 1, 1)).collect();
        assert_eq!(
            year(2026, four).problems(),
            vec![ListPlanProblem::TooManySegments {
                year: 2026,
                count: 4
            }]
        );
    }

    #[test]
    fn segment_names_are_required_and_distinct_in_any_case() {
        let plan = year(
            2026,
            vec![
                segment("Automotive  parts", 30, 50, 20),
                segment("  ", 1, 1, 1),
                segment(" automotive parts", 1, 1, 1),
            ],
        );
        assert_eq!(
            plan.problems(),
            vec![
                ListPlanProblem::SegmentNameMissing {
                    year: 2026,
                    index: 1
                },
                ListPlanProblem::DuplicateSegment {
                    year: 2026,
                    index: 2,
                    first: 0
                },
            ]
        );
    }

    #[test]
    fn a_year_is_planned_once() {
        let plan = ListPlan {
            years: vec![
                year(2025, vec![segment("Logistics", 5, 5, 5)]),
                year(2026, vec![]),
                year(2025, vec![segment("Logistics", 5, 5, 5)]),
            ],
        };
        assert_eq!(
            plan.problems(),
            vec![
                ListPlanProblem::NoSegments { year: 2026 },
                ListPlanProblem::DuplicateYear { year: 2025 },
            ]
        );
        assert_eq!(plan.year(2026).map(|y| y.segments.len()), Some(0));
        assert_eq!(plan.year(2024), None);
    }

    #[test]
    fn collected_prospects_count_per_segment_and_band_against_the_plan() {
        let plan = year(
            2026,
            vec![
                segment("Automotive", 30, 50, 20),
                segment("Logistics", 2, 0, 1),
            ],
        );
        let accounts = [
            ("automotive ", Some(SizeBand::Large), 2026),
            ("AUTOMOTIVE", Some(SizeBand::Large), 2026),
            ("Automotive", Some(SizeBand::Small), 2026),
            ("Automotive", None, 2026),
            // Another year, another segment, no segment: not this plan's.
            ("Automotive", Some(SizeBand::Medium), 2025),
            ("Retail", Some(SizeBand::Large), 2026),
            ("", Some(SizeBand::Large), 2026),
            ("Logistics", Some(SizeBand::Small), 2026),
            ("Logistics", Some(SizeBand::Small), 2026),
        ];
        let progress = collected(&plan, accounts.into_iter());
        assert_eq!(progress.len(), 2);
        let auto = &progress[0];
        assert_eq!(auto.segment, "Automotive");
        assert_eq!(
            auto.tally.collected,
            BandCounts {
                large: 2,
                medium: 0,
                small: 1
            }
        );
        assert_eq!(auto.tally.without_band, 1);
        assert_eq!(auto.tally.collected_total(), 4);
        assert_eq!(auto.tally.planned.total(), 100);
        assert_eq!(auto.tally.remaining(SizeBand::Large), 28);
        let logistics = &progress[1].tally;
        // Collecting more than planned leaves nothing remaining, never less than zero.
        assert_eq!(logistics.collected.small, 2);
        assert_eq!(logistics.remaining(SizeBand::Small), 0);
        assert_eq!(logistics.remaining(SizeBand::Large), 2);

        let all = totals(&progress);
        assert_eq!(
            all.planned,
            BandCounts {
                large: 32,
                medium: 50,
                small: 21
            }
        );
        assert_eq!(
            all.collected,
            BandCounts {
                large: 2,
                medium: 0,
                small: 3
            }
        );
        assert_eq!(all.without_band, 1);
        assert_eq!(all.collected_total(), 6);
    }

    #[test]
    fn a_segment_planned_twice_collects_under_its_first_entry() {
        let plan = year(
            2026,
            vec![segment("Energy", 1, 1, 1), segment("energy", 9, 9, 9)],
        );
        let progress = collected(
            &plan,
            [("Energy", Some(SizeBand::Medium), 2026)].into_iter(),
        );
        assert_eq!(progress[0].tally.collected.medium, 1);
        assert_eq!(progress[1].tally.collected.medium, 0);
        assert_eq!(totals(&[]), Tally::default());
    }

    #[test]
    fn a_list_plan_reads_back_as_written_and_an_empty_one_stores_nothing() {
        assert_eq!(ListPlanDoc::write(&ListPlan::default()), Ok(None));
        let plan = ListPlan {
            years: vec![year(
                2026,
                vec![SegmentPlan {
                    collector: Some(3),
                    ..segment("汽车", 30, 50, 20)
                }],
            )],
        };
        let doc = ListPlanDoc::write(&plan)
            .expect("writes")
            .expect("not empty");
        assert_eq!(doc.read(), Ok(plan));
    }
}
