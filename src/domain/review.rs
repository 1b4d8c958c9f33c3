//! The annual review (KAM-SPEC §2.3.6): closing a year keeps a snapshot of the model,
//! the thresholds and every account's scores, tier, pyramid level, relationship level
//! and objectives, with the year's contact and inquiry figures where they were logged;
//! two years (or a closed year and today) are then compared — tier movements with what
//! caused each, score changes, accounts that entered or left the target list,
//! objectives met, deadline compliance — and the two years' models are listed side by
//! side. Snapshots are never edited: a year is closed once.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::account::{Account, AccountId};
use super::doc::{Document, JsonDoc};
use super::engagement::inquiry::{month_summary, Inquiry};
use super::engagement::{EngagementDoc, InquiryDoc};
use super::model::{Axis, CriterionId, ScoringModel};
use super::plan::{ObjectiveStatus, PlanDoc, RelationshipLevel};
use super::pyramid::{level_of, Level};
use super::scoring::{Score, Tenths};
use super::text::LocalizedText;
use super::tiering::{assess, PlannedSizes, Thresholds, Tier, TierSettings};
use super::whatif::{explain, Cause, Position, Scenario};
use super::workspace::Workspace;

/// One account as it stood when its year was closed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountSnapshot {
    pub id: AccountId,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub number: String,
    pub name: String,
    /// Criterion → score (1–10), the scores given.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<CriterionId, u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attractiveness: Option<Tenths>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feasibility: Option<Tenths>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    #[serde(skip_serializing_if = "is_false")]
    pub overridden: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<RelationshipLevel>,
    /// The plan's objectives: (text, status).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<(String, ObjectiveStatus)>,
    /// Contacts logged with the account in the year.
    #[serde(skip_serializing_if = "is_zero")]
    pub contacts: u32,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl AccountSnapshot {
    pub fn position(&self) -> Position {
        Position {
            attractiveness: self.attractiveness,
            feasibility: self.feasibility,
            tier: self.tier,
        }
    }

    /// A target: in one of the three tiers that are pursued.
    pub fn is_target(&self) -> bool {
        is_target(self.tier)
    }

    fn scores_as_given(&self) -> BTreeMap<CriterionId, Score> {
        self.scores
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
}

fn is_target(tier: Option<Tier>) -> bool {
    matches!(tier, Some(Tier::Tier1 | Tier::Tier2 | Tier::Tier3))
}

/// The year's inbound inquiries: how many came, how many of each step met its
/// deadline of those that could be judged, and how many became targets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InquiryYear {
    pub received: u32,
    /// Per step (log, report, answer, follow-up): (met on time, judged).
    pub met: [(u32, u32); 4],
    pub made_targets: u32,
}

impl InquiryYear {
    /// All steps together: the share met on time, in whole percent, when any was judged.
    pub fn met_percent(&self) -> Option<u32> {
        let (on_time, judged) = self
            .met
            .iter()
            .fold((0u32, 0u32), |(a, b), (x, y)| (a + x, b + y));
        (judged > 0).then(|| on_time * 100 / judged)
    }
}

/// A closed year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearSnapshot {
    pub year: i32,
    pub closed_on: NaiveDate,
    pub model: ScoringModel,
    pub thresholds: Thresholds,
    pub planned: PlannedSizes,
    pub accounts: Vec<AccountSnapshot>,
    /// Contacts logged in the year, all accounts; none when nothing was ever logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inquiries: Option<InquiryYear>,
}

impl YearSnapshot {
    /// Objectives achieved and objectives set, over every account's plan.
    pub fn objectives_met(&self) -> (usize, usize) {
        self.accounts.iter().flat_map(|a| a.objectives.iter()).fold(
            (0, 0),
            |(met, all), (_, status)| {
                (
                    met + usize::from(*status == ObjectiveStatus::Achieved),
                    all + 1,
                )
            },
        )
    }

    pub fn tier_count(&self, tier: Option<Tier>) -> usize {
        self.accounts.iter().filter(|a| a.tier == tier).count()
    }
}

/// The workspace's closed years, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshots {
    pub years: Vec<YearSnapshot>,
}

impl Document for Snapshots {
    fn is_empty(&self) -> bool {
        self.years.is_empty()
    }
}

pub type SnapshotsDoc = JsonDoc<Snapshots>;

/// Why a year cannot be closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloseError {
    /// The year is closed already: a snapshot is never replaced.
    AlreadyClosed(i32),
    /// The year has not begun on the closing date.
    NotBegun(i32),
}

impl Snapshots {
    pub fn year(&self, year: i32) -> Option<&YearSnapshot> {
        self.years.iter().find(|s| s.year == year)
    }

    /// Keeps a closed year, in year order; a year already closed stays as it was.
    pub fn close(&mut self, snapshot: YearSnapshot) -> Result<(), CloseError> {
        if snapshot.closed_on.year() < snapshot.year {
            return Err(CloseError::NotBegun(snapshot.year));
        }
        if self.year(snapshot.year).is_some() {
            return Err(CloseError::AlreadyClosed(snapshot.year));
        }
        let at = self.years.partition_point(|s| s.year < snapshot.year);
        self.years.insert(at, snapshot);
        Ok(())
    }

    /// The year a user would close on `today`: the last year not yet closed, up to this
    /// one (early in a year the one just ended is the usual choice, and the form lets
    /// the user pick).
    pub fn suggested_year(&self, today: NaiveDate) -> i32 {
        let this = today.year();
        if today.month() <= 3 && self.year(this - 1).is_none() {
            this - 1
        } else {
            this
        }
    }
}

/// A closed year's model and thresholds, read without its accounts.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ClosedModel {
    pub year: i32,
    pub model: ScoringModel,
    pub thresholds: Thresholds,
}

/// The models of the closed years, for comparing them with the draft; reading skips
/// the accounts, so it stays quick with thousands of them. None when the document
/// cannot be read.
pub fn closed_models(doc: &SnapshotsDoc) -> Option<Vec<ClosedModel>> {
    #[derive(Deserialize)]
    struct Models {
        #[serde(default)]
        years: Vec<ClosedModel>,
    }
    serde_json::from_str::<Models>(doc.text())
        .ok()
        .map(|m| m.years)
}

/// What the workspace says of `year` on `today`: the portfolio as it stands, with the
/// year's contacts and inquiries. `relationship_of` gives an account's assessed
/// relationship level (kept in its development record). Documents that cannot be read
/// count as empty.
pub fn snapshot_of(
    ws: &Workspace,
    year: i32,
    today: NaiveDate,
    now: NaiveDateTime,
    relationship_of: impl Fn(&Account) -> Option<RelationshipLevel>,
) -> YearSnapshot {
    let settings = TierSettings {
        thresholds: ws.tiers.thresholds,
        ..TierSettings::default()
    };
    let mut any_engagement = false;
    let mut year_contacts = 0u32;
    let accounts = ws
        .accounts
        .iter()
        .map(|account| {
            let assessment = assess(account, &ws.model, &settings);
            let objectives = account
                .plan
                .as_ref()
                .and_then(|doc: &PlanDoc| doc.read().ok())
                .map(|plan| {
                    plan.objectives
                        .into_iter()
                        .map(|o| (o.text, o.status))
                        .collect()
                })
                .unwrap_or_default();
            let contacts = account
                .engagement
                .as_ref()
                .and_then(|doc: &EngagementDoc| doc.read().ok())
                .map(|e| {
                    any_engagement |= !e.activities.is_empty();
                    e.activities.iter().filter(|a| a.at.year() == year).count() as u32
                })
                .unwrap_or(0);
            year_contacts += contacts;
            AccountSnapshot {
                id: account.id,
                number: account.number.clone(),
                name: account.name.clone(),
                scores: account
                    .scores
                    .iter()
                    .filter_map(|(id, s)| Some((*id, s.value?)))
                    .collect(),
                attractiveness: assessment.attractiveness.value(),
                feasibility: assessment.feasibility.value(),
                tier: assessment.effective,
                overridden: assessment.overridden,
                level: level_of(account, assessment.effective),
                relationship: relationship_of(account),
                objectives,
                contacts,
            }
        })
        .collect();
    let inquiries = ws
        .inquiries
        .as_ref()
        .and_then(|doc: &InquiryDoc| doc.read().ok())
        .filter(|log| !log.inquiries.is_empty())
        .map(|log| inquiry_year(&log.inquiries, year, now));
    YearSnapshot {
        year,
        closed_on: today,
        model: ws.model.clone(),
        thresholds: ws.tiers.thresholds,
        planned: ws.tiers.planned,
        accounts,
        contacts: any_engagement.then_some(year_contacts),
        inquiries,
    }
}

/// The year's inquiries, month by month summed.
pub fn inquiry_year(inquiries: &[Inquiry], year: i32, now: NaiveDateTime) -> InquiryYear {
    let mut out = InquiryYear::default();
    for month in 1..=12 {
        let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
            continue;
        };
        let summary = month_summary(inquiries, first, now);
        out.received += summary.received as u32;
        out.made_targets += summary.made_targets as u32;
        for (total, (on_time, judged)) in out.met.iter_mut().zip(summary.met) {
            total.0 += on_time as u32;
            total.1 += judged as u32;
        }
    }
    out
}

/// One account whose tier differs between the two years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Movement {
    pub account: AccountId,
    pub name: String,
    pub before: Position,
    pub after: Position,
    /// What changed: thresholds, weights, criteria, scores (`whatif::explain`).
    pub causes: Vec<Cause>,
}

/// An account in one year's target list and not in the other's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crossing {
    pub account: AccountId,
    pub name: String,
    /// Its tier in the other year; none when it was not in the register then.
    pub other_tier: Option<Tier>,
    pub in_register: bool,
}

/// A change between two years' models.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelChange {
    Added {
        axis: Axis,
        name: LocalizedText,
        weight: u32,
    },
    Removed {
        axis: Axis,
        name: LocalizedText,
        weight: u32,
    },
    Renamed {
        from: LocalizedText,
        to: LocalizedText,
    },
    Weight {
        name: LocalizedText,
        from: u32,
        to: u32,
    },
    Threshold {
        axis: Axis,
        from: Tenths,
        to: Tenths,
    },
}

/// What changed between two years' models and thresholds, criterion by criterion (the
/// same criterion keeps its id from year to year).
pub fn model_changes(
    a: &ScoringModel,
    a_thresholds: &Thresholds,
    b: &ScoringModel,
    b_thresholds: &Thresholds,
) -> Vec<ModelChange> {
    let mut changes = Vec::new();
    for axis in Axis::ALL {
        if a_thresholds.on(axis) != b_thresholds.on(axis) {
            changes.push(ModelChange::Threshold {
                axis,
                from: a_thresholds.on(axis),
                to: b_thresholds.on(axis),
            });
        }
    }
    for old in &a.criteria {
        match b.criterion(old.id) {
            None => changes.push(ModelChange::Removed {
                axis: old.axis,
                name: old.name.clone(),
                weight: old.weight,
            }),
            Some(new) => {
                if new.name != old.name {
                    changes.push(ModelChange::Renamed {
                        from: old.name.clone(),
                        to: new.name.clone(),
                    });
                }
                if new.weight != old.weight {
                    changes.push(ModelChange::Weight {
                        name: new.name.clone(),
                        from: old.weight,
                        to: new.weight,
                    });
                }
            }
        }
    }
    for new in &b.criteria {
        if a.criterion(new.id).is_none() {
            changes.push(ModelChange::Added {
                axis: new.axis,
                name: new.name.clone(),
                weight: new.weight,
            });
        }
    }
    changes
}

/// Two years compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub from_year: i32,
    pub to_year: i32,
    /// (tier before, tier after) → accounts, over the accounts in both years' registers.
    pub flows: BTreeMap<(Option<Tier>, Option<Tier>), usize>,
    /// Accounts whose tier changed, best (new) tier first, then by name.
    pub movements: Vec<Movement>,
    /// Accounts in both years whose tier stayed but whose scores changed.
    pub rescored: Vec<Movement>,
    /// Targets in the later year that were not in the earlier one.
    pub entered: Vec<Crossing>,
    /// Targets in the earlier year that are not in the later one.
    pub left: Vec<Crossing>,
    /// (achieved, set) per year.
    pub objectives: [(usize, usize); 2],
    pub contacts: [Option<u32>; 2],
    pub inquiries: [Option<InquiryYear>; 2],
    pub model_changes: Vec<ModelChange>,
    /// Accounts per tier in each year's register.
    pub counts: [BTreeMap<Option<Tier>, usize>; 2],
    /// Accounts new to the register in the later year, by their tier then.
    pub arrivals: BTreeMap<Option<Tier>, usize>,
    /// Accounts of the earlier year no longer in the register, by their tier then.
    pub departures: BTreeMap<Option<Tier>, usize>,
    /// Every criterion of either model by id, named as in the later one where it is.
    pub criteria: BTreeMap<CriterionId, LocalizedText>,
}

fn tier_order(tier: Option<Tier>) -> usize {
    match tier {
        Some(Tier::Tier1) => 0,
        Some(Tier::Tier2) => 1,
        Some(Tier::Tier3) => 2,
        Some(Tier::NotPursued) => 3,
        None => 4,
    }
}

/// Compares an earlier year `a` with a later one `b` (or with today's portfolio).
/// Accounts are the same account when their ids are.
pub fn compare_years(a: &YearSnapshot, b: &YearSnapshot) -> Review {
    let before: BTreeMap<AccountId, &AccountSnapshot> =
        a.accounts.iter().map(|s| (s.id, s)).collect();
    let after: BTreeMap<AccountId, &AccountSnapshot> =
        b.accounts.iter().map(|s| (s.id, s)).collect();
    let scenario_a = Scenario {
        model: &a.model,
        thresholds: &a.thresholds,
    };
    let scenario_b = Scenario {
        model: &b.model,
        thresholds: &b.thresholds,
    };
    let mut flows = BTreeMap::new();
    let mut movements = Vec::new();
    let mut rescored = Vec::new();
    let mut entered = Vec::new();
    let mut left = Vec::new();
    let mut arrivals = BTreeMap::new();
    let mut departures = BTreeMap::new();
    for then in &a.accounts {
        if !after.contains_key(&then.id) {
            *departures.entry(then.tier).or_insert(0) += 1;
        }
        match after.get(&then.id) {
            Some(now) => {
                *flows.entry((then.tier, now.tier)).or_insert(0) += 1;
                let (p, q) = (then.position(), now.position());
                if p == q {
                    continue;
                }
                let movement = Movement {
                    account: now.id,
                    name: now.name.clone(),
                    before: p,
                    after: q,
                    causes: explain(
                        &then.scores_as_given(),
                        &now.scores_as_given(),
                        scenario_a,
                        scenario_b,
                    ),
                };
                if p.tier != q.tier {
                    movements.push(movement);
                } else {
                    rescored.push(movement);
                }
                if then.is_target() && !now.is_target() {
                    left.push(Crossing {
                        account: now.id,
                        name: now.name.clone(),
                        other_tier: now.tier,
                        in_register: true,
                    });
                }
            }
            None if then.is_target() => left.push(Crossing {
                account: then.id,
                name: then.name.clone(),
                other_tier: None,
                in_register: false,
            }),
            None => {}
        }
    }
    for now in &b.accounts {
        let then = before.get(&now.id);
        if then.is_none() {
            *arrivals.entry(now.tier).or_insert(0) += 1;
        }
        if now.is_target() && !then.is_some_and(|t| t.is_target()) {
            entered.push(Crossing {
                account: now.id,
                name: now.name.clone(),
                other_tier: then.and_then(|t| t.tier),
                in_register: then.is_some(),
            });
        }
    }
    movements.sort_by(|x, y| {
        tier_order(x.after.tier)
            .cmp(&tier_order(y.after.tier))
            .then_with(|| x.name.cmp(&y.name))
    });
    Review {
        from_year: a.year,
        to_year: b.year,
        flows,
        movements,
        rescored,
        entered,
        left,
        objectives: [a.objectives_met(), b.objectives_met()],
        contacts: [a.contacts, b.contacts],
        inquiries: [a.inquiries, b.inquiries],
        model_changes: model_changes(&a.model, &a.thresholds, &b.model, &b.thresholds),
        counts: [tier_counts(a), tier_counts(b)],
        arrivals,
        departures,
        criteria: a
            .model
            .criteria
            .iter()
            .chain(&b.model.criteria)
            .map(|c| (c.id, c.name.clone()))
            .collect(),
    }
}

fn tier_counts(year: &YearSnapshot) -> BTreeMap<Option<Tier>, usize> {
    let mut counts = BTreeMap::new();
    for account in &year.accounts {
        *counts.entry(account.tier).or_insert(0) += 1;
    }
    counts
}

impl Review {
    /// Accounts that went from `from` to `to`.
    pub fn flow(&self, from: Option<Tier>, to: Option<Tier>) -> usize {
        self.flows.get(&(from, to)).copied().unwrap_or(0)
    }

    /// Accounts in `tier` in the earlier (`side` 0) or later (1) year's register.
    pub fn count(&self, side: usize, tier: Option<Tier>) -> usize {
        self.counts
            .get(side)
            .and_then(|c| c.get(&tier))
            .copied()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{AccountPlan, Objective};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
    }

    fn noon(text: &str) -> NaiveDateTime {
        day(text).and_hms_opt(12, 0, 0).expect("a time")
    }

    /// An account scored `a` on every attractiveness criterion and `f` on every
    /// feasibility criterion of the default model.
    fn scored(ws: &mut Workspace, name: &str, a: u8, f: u8) -> AccountId {
        let id = ws.add_account(
            Account {
                name: name.into(),
                ..Account::default()
            },
            0,
        );
        rescore(ws, id, a, f);
        id
    }

    fn rescore(ws: &mut Workspace, id: AccountId, a: u8, f: u8) {
        let criteria: Vec<(CriterionId, Axis)> =
            ws.model.criteria.iter().map(|c| (c.id, c.axis)).collect();
        for (criterion, axis) in criteria {
            let value = if axis == Axis::Attractiveness { a } else { f };
            ws.set_score_value(id, criterion, Some(value), 0);
        }
    }

    fn close(ws: &Workspace, year: i32) -> YearSnapshot {
        snapshot_of(
            ws,
            year,
            day(&format!("{year}-12-20")),
            noon(&format!("{year}-12-20")),
            |_| None,
        )
    }

    #[test]
    fn a_snapshot_keeps_scores_tiers_levels_and_objectives_as_they_stood() {
        let mut ws = Workspace::default();
        let id = scored(&mut ws, "Alpha", 7, 7);
        let mut plan = AccountPlan::default();
        plan.objectives.push(Objective {
            text: "Pilot in Q3".into(),
            status: ObjectiveStatus::Achieved,
            ..Objective::default()
        });
        plan.objectives.push(Objective {
            text: "Second plant".into(),
            ..Objective::default()
        });
        ws.update_account(id, 0, |a| {
            a.plan = PlanDoc::write(&plan).expect("writes");
        });
        let snap = snapshot_of(&ws, 2025, day("2025-12-20"), noon("2025-12-20"), |_| {
            Some(RelationshipLevel::Strategic)
        });
        let alpha = &snap.accounts[0];
        assert_eq!(alpha.tier, Some(Tier::Tier1));
        assert_eq!(alpha.attractiveness, Some(Tenths(70)));
        assert_eq!(alpha.scores.len(), ws.model.criteria.len());
        assert_eq!(alpha.level, level_of(&ws.accounts[0], Some(Tier::Tier1)));
        assert_eq!(alpha.relationship, Some(RelationshipLevel::Strategic));
        assert_eq!(snap.objectives_met(), (1, 2));
        assert_eq!(snap.contacts, None, "nothing logged: no contact figure");
        assert_eq!(snap.inquiries, None);
        // The snapshot survives its file.
        let text = serde_json::to_string(&Snapshots {
            years: vec![snap.clone()],
        })
        .expect("writes");
        let back: Snapshots = serde_json::from_str(&text).expect("reads");
        assert_eq!(back.years, vec![snap.clone()]);
        let doc = SnapshotsDoc::write(&back)
            .expect("writes")
            .expect("not empty");
        let models = closed_models(&doc).expect("reads");
        assert_eq!(models.len(), 1);
        assert_eq!((models[0].year, &models[0].model), (2025, &ws.model));
    }

    #[test]
    fn a_year_is_closed_once_and_years_stay_in_order() {
        let ws = Workspace::default();
        let mut snapshots = Snapshots::default();
        assert_eq!(snapshots.close(close(&ws, 2025)), Ok(()));
        assert_eq!(snapshots.close(close(&ws, 2023)), Ok(()));
        assert_eq!(
            snapshots.close(close(&ws, 2025)),
            Err(CloseError::AlreadyClosed(2025))
        );
        let mut early = close(&ws, 2027);
        early.closed_on = day("2026-12-31");
        assert_eq!(snapshots.close(early), Err(CloseError::NotBegun(2027)));
        let years: Vec<i32> = snapshots.years.iter().map(|s| s.year).collect();
        assert_eq!(years, vec![2023, 2025]);
    }

    #[test]
    fn the_suggested_year_is_last_year_early_in_the_year_until_it_is_closed() {
        let mut snapshots = Snapshots::default();
        assert_eq!(snapshots.suggested_year(day("2026-01-15")), 2025);
        assert_eq!(snapshots.suggested_year(day("2026-03-31")), 2025);
        assert_eq!(snapshots.suggested_year(day("2026-04-01")), 2026);
        assert_eq!(snapshots.suggested_year(day("2026-12-20")), 2026);
        snapshots
            .close(close(&Workspace::default(), 2025))
            .expect("closes");
        assert_eq!(snapshots.suggested_year(day("2026-01-15")), 2026);
    }

    #[test]
    fn comparing_two_years_counts_flows_and_explains_each_movement_by_its_scores() {
        let mut ws = Workspace::default();
        let up = scored(&mut ws, "Up", 4, 8);
        let down = scored(&mut ws, "Down", 8, 8);
        let same = scored(&mut ws, "Same", 8, 8);
        let gone = scored(&mut ws, "Gone", 8, 3);
        let last_year = close(&ws, 2025);
        rescore(&mut ws, up, 8, 8);
        rescore(&mut ws, down, 3, 8);
        rescore(&mut ws, same, 9, 9);
        ws.delete_account(gone);
        let newcomer = scored(&mut ws, "New", 8, 8);
        let this_year = close(&ws, 2026);
        let review = compare_years(&last_year, &this_year);

        assert_eq!(review.flow(Some(Tier::Tier2), Some(Tier::Tier1)), 1);
        assert_eq!(review.flow(Some(Tier::Tier1), Some(Tier::Tier2)), 1);
        assert_eq!(review.flow(Some(Tier::Tier1), Some(Tier::Tier1)), 1);
        let moved: Vec<(&str, Option<Tier>, Option<Tier>)> = review
            .movements
            .iter()
            .map(|m| (m.name.as_str(), m.before.tier, m.after.tier))
            .collect();
        assert_eq!(
            moved,
            vec![
                ("Up", Some(Tier::Tier2), Some(Tier::Tier1)),
                ("Down", Some(Tier::Tier1), Some(Tier::Tier2)),
            ]
        );
        // Up moved because its attractiveness scores rose; the model did not change.
        assert!(review.movements[0].causes.iter().all(|c| matches!(
            c,
            Cause::Score {
                from: Some(4),
                to: Some(8),
                ..
            }
        )));
        assert_eq!(review.rescored.len(), 1);
        assert_eq!(review.rescored[0].account, same);
        // "Gone" left the register; "New" entered; "Down" stayed a target (Tier 2).
        assert_eq!(
            review.left,
            vec![Crossing {
                account: gone,
                name: "Gone".into(),
                other_tier: None,
                in_register: false
            }]
        );
        assert_eq!(review.count(0, Some(Tier::Tier1)), 2);
        assert_eq!(review.count(0, Some(Tier::Tier3)), 1);
        assert_eq!(review.count(1, Some(Tier::Tier1)), 3);
        assert_eq!(review.arrivals.get(&Some(Tier::Tier1)), Some(&1));
        assert_eq!(review.departures.get(&Some(Tier::Tier3)), Some(&1));
        assert_eq!(review.entered.len(), 1);
        assert_eq!(review.entered[0].account, newcomer);
        assert!(!review.entered[0].in_register);
        assert!(review.model_changes.is_empty());
        let _ = down;
    }

    #[test]
    fn a_model_whose_criteria_changed_between_years_is_listed_and_explains_the_moves() {
        let mut ws = Workspace::default();
        let id = scored(&mut ws, "Alpha", 6, 6);
        let last_year = close(&ws, 2025);
        // Next year's model: "Geographic location" goes, a new criterion comes with its
        // weight, the attractiveness threshold rises and one criterion is renamed.
        let geo = ws
            .model
            .criteria_on(Axis::Attractiveness)
            .map(|c| (c.id, c.weight))
            .last()
            .expect("a criterion");
        let mut next = ws.model.clone();
        next.remove_criterion(geo.0);
        let added = next.add_criterion(Axis::Attractiveness);
        if let Some(c) = next.criterion_mut(added) {
            c.weight = geo.1;
            c.name = LocalizedText::new("数字化程度", "Digital maturity");
        }
        let first = next.criteria[0].id;
        if let Some(c) = next.criterion_mut(first) {
            c.name.en = "Financial results".into();
        }
        assert!(next.problems().is_empty());
        ws.model = next;
        ws.tiers.thresholds.attractiveness = Tenths(65);
        ws.set_score_value(id, added, Some(9), 0);
        let this_year = close(&ws, 2026);
        let review = compare_years(&last_year, &this_year);

        let kinds: Vec<&str> = review
            .model_changes
            .iter()
            .map(|c| match c {
                ModelChange::Threshold { .. } => "threshold",
                ModelChange::Removed { .. } => "removed",
                ModelChange::Renamed { .. } => "renamed",
                ModelChange::Weight { .. } => "weight",
                ModelChange::Added { .. } => "added",
            })
            .collect();
        assert_eq!(kinds, vec!["threshold", "renamed", "removed", "added"]);
        // 6.0 → 6.3 (the new criterion scored 9 instead of 6) but the threshold rose to
        // 6.5: Tier 1 → Tier 2, explained by the threshold and the criteria.
        let m = &review.movements[0];
        assert_eq!(m.before.attractiveness, Some(Tenths(60)));
        assert_eq!(m.after.attractiveness, Some(Tenths(63)));
        assert_eq!(m.after.tier, Some(Tier::Tier2));
        assert!(m.causes.contains(&Cause::Threshold {
            axis: Axis::Attractiveness,
            from: Tenths(55),
            to: Tenths(65)
        }));
        assert!(m
            .causes
            .contains(&Cause::CriterionRemoved { criterion: geo.0 }));
        assert!(m
            .causes
            .contains(&Cause::CriterionAdded { criterion: added }));
    }

    #[test]
    fn contacts_and_inquiries_count_only_within_the_year() {
        use crate::domain::engagement::activity::Activity;
        use crate::domain::engagement::{AccountEngagement, InquiryLog};
        let mut ws = Workspace::default();
        let id = scored(&mut ws, "Alpha", 7, 7);
        let mut engagement = AccountEngagement::default();
        for at in ["2025-03-02", "2025-11-30", "2026-01-05"] {
            engagement.log(Activity {
                id: 0,
                at: noon(at),
                kind: Default::default(),
                ours: Vec::new(),
                theirs: Vec::new(),
                tenths_of_hours: 10,
                notes: String::new(),
                next_step: String::new(),
                next_step_on: None,
            });
        }
        ws.update_account(id, 0, |a| {
            a.engagement = EngagementDoc::write(&engagement).expect("writes");
        });
        let mut log = InquiryLog::default();
        log.inquiries.push(Inquiry {
            id: 1,
            company: "Caller".into(),
            received_at: Some(noon("2025-06-01")),
            ..Inquiry::default()
        });
        log.inquiries.push(Inquiry {
            id: 2,
            company: "Later caller".into(),
            received_at: Some(noon("2026-02-01")),
            ..Inquiry::default()
        });
        ws.inquiries = InquiryDoc::write(&log).expect("writes");
        let snap = close(&ws, 2025);
        assert_eq!(snap.contacts, Some(2));
        assert_eq!(snap.accounts[0].contacts, 2);
        let inquiries = snap.inquiries.expect("logged");
        assert_eq!(inquiries.received, 1);
        // Nothing was done for it: every deadline ran out.
        assert_eq!(inquiries.met_percent(), Some(0));
    }
}
