//! Combining two colleagues' engagement records of one account, and their inquiry logs,
//! for the merge (`domain::merge`): what only one side has is added — contacts,
//! promotion plans, a pipeline that went further, inquiries —, and what both have but
//! differently is a difference the user settles, one side for the whole record.
//!
//! A contact is the same contact when it happened at the same time and is of the same
//! kind; a promotion plan is the same when its purpose reads the same; an inquiry is the
//! same when it was received at the same time from the same company. Ids are per
//! workspace and never decide anything: added items get fresh ids.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use chrono::NaiveDateTime;

use crate::domain::account::identity_key;

use super::activity::{Activity, ActivityKind};
use super::inquiry::Inquiry;
use super::pipeline::Pipeline;
use super::promotion::Promotion;
use super::AccountEngagement;

fn activity_key(a: &Activity) -> (NaiveDateTime, ActivityKind) {
    (a.at, a.kind)
}

fn promotion_key(p: &Promotion) -> String {
    identity_key(&p.purpose)
}

/// The same item apart from its id.
fn same_activity(a: &Activity, b: &Activity) -> bool {
    Activity { id: 0, ..a.clone() } == Activity { id: 0, ..b.clone() }
}

fn same_promotion(a: &Promotion, b: &Promotion) -> bool {
    Promotion { id: 0, ..a.clone() } == Promotion { id: 0, ..b.clone() }
}

/// One pipeline continues the other: the shorter is where the longer began.
fn continues(longer: &Pipeline, shorter: &Pipeline) -> bool {
    longer.changes.starts_with(&shorter.changes)
}

/// How two records of one account compare.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Items theirs adds: contacts, promotion plans, later pipeline stages, a start date
    /// or a cadence mine lacks.
    pub adds: usize,
    /// Both have something, differently: the user chooses a side.
    pub differs: bool,
}

pub fn compare(mine: &AccountEngagement, theirs: &AccountEngagement) -> Comparison {
    let mut c = Comparison::default();
    let scalar = |c: &mut Comparison, differ: bool, adds: bool| {
        c.differs |= differ;
        c.adds += usize::from(adds);
    };
    scalar(
        &mut c,
        mine.since.is_some() && theirs.since.is_some() && mine.since != theirs.since,
        mine.since.is_none() && theirs.since.is_some(),
    );
    scalar(
        &mut c,
        mine.contacts_per_year.is_some()
            && theirs.contacts_per_year.is_some()
            && mine.contacts_per_year != theirs.contacts_per_year,
        mine.contacts_per_year.is_none() && theirs.contacts_per_year.is_some(),
    );
    if continues(&theirs.pipeline, &mine.pipeline) {
        c.adds += theirs.pipeline.changes.len() - mine.pipeline.changes.len();
    } else if !continues(&mine.pipeline, &theirs.pipeline) {
        c.differs = true;
    }
    compare_items(
        &mine.activities,
        &theirs.activities,
        activity_key,
        same_activity,
        &mut c,
    );
    compare_items(
        &mine.promotions,
        &theirs.promotions,
        promotion_key,
        same_promotion,
        &mut c,
    );
    c
}

/// The value only one side has, or the preferred side's when both have one.
fn pick<T>(mine: Option<T>, theirs: Option<T>, prefer_theirs: bool) -> Option<T> {
    match (mine, theirs) {
        (Some(m), Some(t)) => Some(if prefer_theirs { t } else { m }),
        (m, t) => m.or(t),
    }
}

/// Counts the items only theirs has (once each) and whether any both have differs; the
/// first of mine with a key is the one compared, as `take_items` takes.
fn compare_items<T, K: Hash + Eq>(
    mine: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
    same: impl Fn(&T, &T) -> bool,
    c: &mut Comparison,
) {
    let mut by_key: HashMap<K, &T> = HashMap::new();
    for m in mine {
        by_key.entry(key(m)).or_insert(m);
    }
    // Of theirs too, only the first with a key counts, as `take_items` takes it.
    let mut seen = HashSet::new();
    for t in theirs {
        let k = key(t);
        if seen.contains(&k) {
            continue;
        }
        match by_key.get(&k) {
            Some(m) => c.differs |= !same(m, t),
            None => c.adds += 1,
        }
        seen.insert(k);
    }
}

/// Mine with what theirs adds; where both differ, `prefer_theirs` decides whose holds.
pub fn combine(
    mine: &AccountEngagement,
    theirs: &AccountEngagement,
    prefer_theirs: bool,
) -> AccountEngagement {
    let mut out = mine.clone();
    out.since = pick(mine.since, theirs.since, prefer_theirs);
    out.contacts_per_year = pick(
        mine.contacts_per_year,
        theirs.contacts_per_year,
        prefer_theirs,
    );
    if continues(&theirs.pipeline, &mine.pipeline)
        || (prefer_theirs && !continues(&mine.pipeline, &theirs.pipeline))
    {
        out.pipeline = theirs.pipeline.clone();
    }
    let new_activities = take_items(
        &mut out.activities,
        &theirs.activities,
        activity_key,
        prefer_theirs,
        |a| &mut a.id,
    );
    let new_promotions = take_items(
        &mut out.promotions,
        &theirs.promotions,
        promotion_key,
        prefer_theirs,
        |p| &mut p.id,
    );
    for mut a in new_activities {
        a.id = out.take_id();
        out.activities.push(a);
    }
    for mut p in new_promotions {
        p.id = out.take_id();
        out.promotions.push(p);
    }
    out
}

/// Puts theirs of the items both have into `mine` when `prefer_theirs` (each keeping my
/// id), and returns the items only theirs has, to be given fresh ids. Of several items
/// with one key on either side, the first is the one compared and taken.
fn take_items<T: Clone, K: PartialEq>(
    mine: &mut [T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
    prefer_theirs: bool,
    id: impl Fn(&mut T) -> &mut u32,
) -> Vec<T> {
    let mut new: Vec<T> = Vec::new();
    let mut seen: Vec<K> = Vec::new();
    for item in theirs {
        let k = key(item);
        if seen.contains(&k) {
            continue;
        }
        match mine.iter_mut().find(|m| key(m) == k) {
            Some(m) if prefer_theirs => {
                let kept = *id(m);
                *m = item.clone();
                *id(m) = kept;
            }
            Some(_) => {}
            None => new.push(item.clone()),
        }
        seen.push(k);
    }
    new
}

/// The identity of an inquiry across workspaces.
pub fn inquiry_key(i: &Inquiry) -> (Option<NaiveDateTime>, String) {
    (i.received_at, identity_key(&i.company))
}

/// The same inquiry apart from its id.
pub fn same_inquiry(a: &Inquiry, b: &Inquiry) -> bool {
    Inquiry { id: 0, ..a.clone() } == Inquiry { id: 0, ..b.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::engagement::pipeline::{Stage, StageChange};
    use chrono::NaiveDate;

    use crate::domain::engagement::test_clock::at;

    fn visit(id: u32, when: &str, notes: &str) -> Activity {
        Activity {
            id,
            at: at(when),
            kind: ActivityKind::RoutineVisit,
            ours: vec![1],
            theirs: vec![],
            tenths_of_hours: 10,
            notes: notes.into(),
            next_step: String::new(),
            next_step_on: None,
        }
    }

    fn stage(stage: Stage, on: &str) -> StageChange {
        StageChange {
            stage,
            on: NaiveDate::parse_from_str(on, "%Y-%m-%d").expect("date"),
            seminars: 0,
            reason: String::new(),
        }
    }

    fn record(activities: Vec<Activity>) -> AccountEngagement {
        let mut e = AccountEngagement {
            activities,
            ..AccountEngagement::default()
        };
        // An id was given and its item removed: the counter is above every id.
        e.take_id();
        e
    }

    #[test]
    fn contacts_only_a_colleague_logged_are_added_with_fresh_ids() {
        let mine = record(vec![visit(1, "2026-05-01 09:00", "Kick-off")]);
        // Their ids collide with mine: ids decide nothing.
        let theirs = record(vec![
            visit(1, "2026-05-01 09:00", "Kick-off"),
            visit(2, "2026-05-08 14:00", "Demo"),
        ]);
        assert_eq!(
            compare(&mine, &theirs),
            Comparison {
                adds: 1,
                differs: false
            }
        );
        let both = combine(&mine, &theirs, false);
        assert_eq!(both.activities.len(), 2);
        assert_eq!(both.activities[1].notes, "Demo");
        assert_eq!(
            both.activities[1].id, 3,
            "a fresh id above mine and my counter"
        );
        assert_eq!(
            compare(&both, &theirs),
            Comparison::default(),
            "nothing left to add"
        );
    }

    #[test]
    fn the_same_contact_written_differently_is_a_difference_settled_by_a_side() {
        let mine = record(vec![visit(1, "2026-05-01 09:00", "Kick-off")]);
        let theirs = record(vec![visit(7, "2026-05-01 09:00", "Kick-off with the CIO")]);
        assert_eq!(
            compare(&mine, &theirs),
            Comparison {
                adds: 0,
                differs: true
            }
        );
        assert_eq!(combine(&mine, &theirs, false), mine);
        let taken = combine(&mine, &theirs, true);
        assert_eq!(taken.activities[0].notes, "Kick-off with the CIO");
        assert_eq!(taken.activities[0].id, 1, "my id stays");
    }

    #[test]
    fn of_contacts_repeated_in_one_record_the_first_is_compared_and_taken() {
        let mine = record(vec![visit(1, "2026-05-01 09:00", "Kick-off")]);
        let theirs = record(vec![
            visit(1, "2026-05-01 09:00", "Kick-off with the CIO"),
            visit(2, "2026-05-01 09:00", "Kick-off, again"),
        ]);
        let taken = combine(&mine, &theirs, true);
        assert_eq!(taken.activities.len(), 1);
        assert_eq!(taken.activities[0].notes, "Kick-off with the CIO");
        assert_eq!(
            compare(&taken, &theirs),
            Comparison::default(),
            "nothing differs once taken"
        );
    }

    #[test]
    fn a_pipeline_that_went_further_is_added_and_one_that_forked_differs() {
        let mut mine = AccountEngagement::default();
        mine.pipeline.changes = vec![stage(Stage::FirstContact, "2026-01-05")];
        let mut further = mine.clone();
        further
            .pipeline
            .changes
            .push(stage(Stage::DraftingProposal, "2026-02-01"));
        assert_eq!(
            compare(&mine, &further),
            Comparison {
                adds: 1,
                differs: false
            }
        );
        assert_eq!(combine(&mine, &further, false).pipeline, further.pipeline);
        assert_eq!(
            compare(&further, &mine),
            Comparison::default(),
            "mine went further: nothing to add"
        );
        let mut forked = mine.clone();
        forked
            .pipeline
            .changes
            .push(stage(Stage::Negotiating, "2026-02-03"));
        assert!(compare(&further, &forked).differs);
        assert_eq!(combine(&further, &forked, false).pipeline, further.pipeline);
        assert_eq!(combine(&further, &forked, true).pipeline, forked.pipeline);
    }

    #[test]
    fn a_start_date_or_cadence_only_one_side_has_is_added() {
        let mine = AccountEngagement::default();
        let theirs = AccountEngagement {
            since: NaiveDate::from_ymd_opt(2024, 3, 1),
            contacts_per_year: Some(6),
            ..AccountEngagement::default()
        };
        assert_eq!(
            compare(&mine, &theirs),
            Comparison {
                adds: 2,
                differs: false
            }
        );
        assert_eq!(combine(&mine, &theirs, false), theirs);
        let other = AccountEngagement {
            contacts_per_year: Some(4),
            ..theirs.clone()
        };
        assert!(compare(&theirs, &other).differs);
    }

    #[test]
    fn an_inquiry_is_the_same_when_received_at_the_same_time_from_the_same_company() {
        let a = Inquiry {
            id: 1,
            received_at: Some(at("2026-11-30 09:00")),
            company: "Ningbo  Moulds".into(),
            ..Inquiry::default()
        };
        let b = Inquiry {
            id: 9,
            company: "ningbo moulds".into(),
            ..a.clone()
        };
        assert_eq!(inquiry_key(&a), inquiry_key(&b));
        assert!(!same_inquiry(&a, &b), "the company is written differently");
        assert!(same_inquiry(&a, &Inquiry { id: 4, ..a.clone() }));
    }
}
