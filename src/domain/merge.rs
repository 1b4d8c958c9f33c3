//! Merging a colleague's workspace file into the open workspace (合并同事的工作区). Owns
//! the rules of a merge:
//! - which incoming account is which of mine: the same customer number first, otherwise
//!   the same name (both compared trimmed, spaces collapsed, in any case), the same rule
//!   as the spreadsheet import's duplicates. Account ids are per workspace and never
//!   decide anything;
//! - criteria: incoming scores are moved onto my criteria by criterion name in either
//!   language, since criterion ids differ between workspaces; scores on criteria I do
//!   not have are not imported, and their names are reported;
//! - what differs between a matched pair, field by field: the basic sheet, the screening
//!   answers and note, each score's value and note, the tier and level overrides, the
//!   group parent, the account plan (as a whole), the owners, the development record (as
//!   a whole), the engagement record (contacts, promotion plans and a further pipeline
//!   only theirs has are added; the rest is a whole);
//! - account ids inside their accounts (the group parent, the account a referral names)
//!   are theirs: each is placed on the account it names here, one of mine it matched or
//!   a new one once added with its fresh id. A parent that does not come over (neither
//!   matched nor added) leaves mine; a referral naming an account that does not come
//!   over keeps its name and loses the link. New accounts bring their parent and their
//!   development record, placed the same way;
//! - group links never make a loop: a parent taken or brought that would make one is not
//!   set, and the summary counts it;
//! - closed years of the annual review: a year only their file closed is added whole; a
//!   year both closed keeps mine (and is reported when theirs differs), since a closed
//!   year is never edited. The review matches accounts by id, so the accounts of an
//!   added year are put on my ids: an account matched or added here takes that
//!   account's id, any other one an id above every id of mine and of the new accounts
//!   (the same id in every added year), and the workspace's next id moves past them, so
//!   they count as not in the register and no later account takes one. A year keeps its
//!   own model, so its scores stay on the criteria of that model;
//! - the preliminary list plan: a year only theirs planned is added, with its collectors
//!   as my people; a year both planned keeps mine (reported when theirs differs);
//! - our people: theirs are matched to mine by name, and those I lack are added, so an
//!   owner, a participant or a collector of theirs stays the same person here;
//! - inquiries: those only they logged are added; one logged by both but differently is
//!   shown side by side;
//! - applying the user's choices in one step: every field keeps mine unless the user
//!   took theirs, so nothing is overwritten silently; new accounts get fresh ids.
//!
//! My scoring model, thresholds (and the thresholds being tried), tier settings and the
//! key-account categories' settings are never touched by a merge: they are the rules I
//! rank and classify by, not data about customers.

use std::collections::{BTreeSet, HashMap};

use super::account::{identity_key, Account, AccountId, Field as BasicField};
use super::development::categories::link_problem;
use super::development::list_plan::{ListPlanDoc, YearListPlan};
use super::development::DevelopmentDoc;
use super::engagement::combine::{self, inquiry_key, same_inquiry};
use super::engagement::inquiry::{Inquiry, InquiryId, TargetDecision};
use super::engagement::team::{Colleague, ColleagueId, Team};
use super::engagement::{EngagementDoc, EngagementSettings, InquiryDoc, SettingsDoc};
use super::model::{CriterionId, ScoringModel};
use super::plan::same_plan;
use super::review::{SnapshotsDoc, YearSnapshot};
use super::screening::Gate;
use super::text::LocalizedText;
use super::workspace::Workspace;

/// One thing about an account that can differ between two workspaces, and that the user
/// keeps or takes as a unit. Scores use my criterion ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// A field of the basic information sheet.
    Basic(BasicField),
    Gate(Gate),
    ScreeningNote,
    ScoreValue(CriterionId),
    ScoreNote(CriterionId),
    TierOverride,
    LevelOverride,
    /// The group parent. Between two workspaces it is compared and taken as the account
    /// it names here ([`Conflict::parent`]).
    Parent,
    /// The account plan is taken or kept whole: its parts refer to each other by ids.
    Plan,
    OverallOwner,
    DailyOwner,
    /// Contracts, payment record, referrals, strategic flag, forecast and relationship,
    /// taken or kept whole like the plan; its referrals' accounts are placed here.
    Development,
    /// Contacts, promotion plans, pipeline, start date and cadence that both recorded
    /// differently (what only theirs has is added whatever the side).
    Engagement,
}

impl Field {
    /// The field a path in a stored account leads to (its keys as the saved data names
    /// them: `["scores", "3", "note"]`), and how many of the path's steps it takes; the
    /// rest lies inside the field (a plan's parts). `None` for what no form edits (the
    /// account's id and time stamps).
    pub fn at_path(path: &[&str]) -> Option<(Field, usize)> {
        use super::Gate;
        let (first, rest) = path.split_first()?;
        let whole = |field| Some((field, 1));
        match *first {
            "screening" => match rest.first().copied() {
                Some("note") => Some((Field::ScreeningNote, 2)),
                Some(gate) => [
                    Gate::Reachable,
                    Gate::Profitable,
                    Gate::Implementable,
                    Gate::Sustainable,
                ]
                .into_iter()
                .find(|g| {
                    serde_json::to_value(g)
                        .ok()
                        .as_ref()
                        .and_then(|v| v.as_str())
                        == Some(gate)
                })
                .map(|g| (Field::Gate(g), 2)),
                None => None,
            },
            "scores" => {
                let criterion = rest.first()?.parse::<CriterionId>().ok()?;
                match rest.get(1).copied() {
                    Some("note") => Some((Field::ScoreNote(criterion), 3)),
                    Some("value") => Some((Field::ScoreValue(criterion), 3)),
                    _ => Some((Field::ScoreValue(criterion), 2)),
                }
            }
            "tier_override" => whole(Field::TierOverride),
            "level_override" => whole(Field::LevelOverride),
            "parent" => whole(Field::Parent),
            "plan" => whole(Field::Plan),
            "overall_owner" => whole(Field::OverallOwner),
            "daily_owner" => whole(Field::DailyOwner),
            "development" => whole(Field::Development),
            "engagement" => whole(Field::Engagement),
            key => BasicField::ALL
                .into_iter()
                .find(|f| f.slug() == key)
                .map(|f| (Field::Basic(f), 1)),
        }
    }

    /// The field's text, for the text fields.
    pub fn text(self, account: &Account) -> Option<&str> {
        match self {
            Field::Basic(field) => field.text(account),
            Field::ScreeningNote => Some(&account.screening.note),
            Field::ScoreNote(c) => Some(account.scores.get(&c).map_or("", |s| &s.note)),
            _ => None,
        }
    }

    /// Whether the two accounts differ in this field. Text differing only in leading or
    /// trailing spaces is the same; an override's time stamp alone is no difference.
    pub fn differs(self, mine: &Account, theirs: &Account) -> bool {
        if let (Some(a), Some(b)) = (self.text(mine), self.text(theirs)) {
            return a.trim() != b.trim();
        }
        match self {
            Field::Basic(field) => field.differs(mine, theirs),
            Field::Gate(gate) => mine.screening.answer(gate) != theirs.screening.answer(gate),
            Field::ScoreValue(c) => {
                mine.scores.get(&c).and_then(|s| s.value)
                    != theirs.scores.get(&c).and_then(|s| s.value)
            }
            Field::TierOverride => {
                let key = |a: &Account| {
                    a.tier_override
                        .as_ref()
                        .map(|o| (o.tier, o.reason.trim().to_owned()))
                };
                key(mine) != key(theirs)
            }
            Field::LevelOverride => {
                let key = |a: &Account| {
                    a.level_override
                        .as_ref()
                        .map(|o| (o.level, o.reason.trim().to_owned()))
                };
                key(mine) != key(theirs)
            }
            // Ids of one workspace; `plan_merge` compares their parent as placed here.
            Field::Parent => mine.parent != theirs.parent,
            Field::Plan => !same_plan(mine.plan.as_ref(), theirs.plan.as_ref()),
            // `plan_merge` compares their record with its referrals placed here.
            Field::Development => {
                !DevelopmentDoc::same(mine.development.as_ref(), theirs.development.as_ref())
            }
            Field::OverallOwner => mine.overall_owner != theirs.overall_owner,
            Field::DailyOwner => mine.daily_owner != theirs.daily_owner,
            Field::Engagement => engagement_comparison(mine, theirs).differs,
            // Text fields were answered above.
            Field::ScreeningNote | Field::ScoreNote(_) => false,
        }
    }

    /// Every field a merge compares, in page order, with the scores of `criteria`.
    pub fn every(criteria: &[CriterionId]) -> impl Iterator<Item = Field> + '_ {
        BasicField::ALL
            .into_iter()
            .map(Field::Basic)
            .chain(Gate::ALL.into_iter().map(Field::Gate))
            .chain([Field::ScreeningNote])
            .chain(
                criteria
                    .iter()
                    .flat_map(|c| [Field::ScoreValue(*c), Field::ScoreNote(*c)]),
            )
            .chain([
                Field::TierOverride,
                Field::LevelOverride,
                Field::Parent,
                Field::Plan,
                Field::OverallOwner,
                Field::DailyOwner,
                Field::Development,
                Field::Engagement,
            ])
    }

    /// Copies this field from `from` into `account`.
    fn take(self, account: &mut Account, from: &Account) {
        match self {
            Field::Basic(field) => field.copy(account, from),
            Field::Gate(gate) => account.screening.set(gate, from.screening.answer(gate)),
            Field::ScreeningNote => account.screening.note.clone_from(&from.screening.note),
            Field::ScoreValue(c) => {
                account.scores.entry(c).or_default().value =
                    from.scores.get(&c).and_then(|s| s.value);
                account.prune_empty_score(c);
            }
            Field::ScoreNote(c) => {
                account.scores.entry(c).or_default().note = from
                    .scores
                    .get(&c)
                    .map(|s| s.note.clone())
                    .unwrap_or_default();
                account.prune_empty_score(c);
            }
            Field::TierOverride => account.tier_override.clone_from(&from.tier_override),
            Field::LevelOverride => account.level_override.clone_from(&from.level_override),
            Field::Plan => account.plan.clone_from(&from.plan),
            Field::OverallOwner => account.overall_owner = from.overall_owner,
            Field::DailyOwner => account.daily_owner = from.daily_owner,
            // Combined in `apply_merge`, which also adds what only theirs has.
            Field::Engagement => {}
            // Placed in `apply_merge`, once the new accounts they may name have ids.
            Field::Parent | Field::Development => {}
        }
    }
}

/// How two accounts' engagement records compare. A record that cannot be read is
/// compared as a whole: the same text or a difference.
fn engagement_comparison(mine: &Account, theirs: &Account) -> combine::Comparison {
    let (a, b) = (mine.engagement.as_ref(), theirs.engagement.as_ref());
    match (
        EngagementDoc::read_or_empty(a),
        EngagementDoc::read_or_empty(b),
    ) {
        (Ok(a), Ok(b)) => combine::compare(&a, &b),
        _ => combine::Comparison {
            adds: 0,
            differs: !EngagementDoc::same(a, b),
        },
    }
}

/// `mine`'s engagement record with what `theirs` adds and, where they differ, theirs
/// when `prefer_theirs`. An unreadable record is kept or taken whole.
fn combined_engagement(
    mine: &Account,
    theirs: &Account,
    prefer_theirs: bool,
) -> Option<EngagementDoc> {
    let (a, b) = (mine.engagement.as_ref(), theirs.engagement.as_ref());
    match (
        EngagementDoc::read_or_empty(a),
        EngagementDoc::read_or_empty(b),
    ) {
        (Ok(a), Ok(b)) => EngagementDoc::write(&combine::combine(&a, &b, prefer_theirs))
            .unwrap_or_else(|_| mine.engagement.clone()),
        _ if prefer_theirs => theirs.engagement.clone(),
        _ => mine.engagement.clone(),
    }
}

/// A workspace's engagement settings; unreadable ones count as none (nothing of them
/// can be matched).
fn settings(workspace: &Workspace) -> EngagementSettings {
    SettingsDoc::read_or_empty(workspace.engagement.as_ref()).unwrap_or_default()
}

/// How their people land on mine: the same name (trimmed, in any case) is the same
/// person; those I lack are added under ids above every id of mine.
struct PeopleMap {
    to_mine: HashMap<ColleagueId, ColleagueId>,
    added: Vec<Colleague>,
}

impl PeopleMap {
    fn new(mine: &Team, theirs: &Team) -> Self {
        let mut team = mine.clone();
        let mut to_mine = HashMap::new();
        let mut added = Vec::new();
        for colleague in &theirs.people {
            let id = match team.find_by_name(&colleague.name) {
                Some(id) => id,
                None => match team.add(&colleague.name, colleague.role, &colleague.team) {
                    Ok(id) => {
                        if let Some(new) = team.get(id) {
                            added.push(new.clone());
                        }
                        id
                    }
                    // A nameless colleague of theirs: whom they meant cannot be known.
                    Err(_) => continue,
                },
            };
            to_mine.insert(colleague.id, id);
        }
        PeopleMap { to_mine, added }
    }

    fn id(&self, theirs: Option<ColleagueId>) -> Option<ColleagueId> {
        theirs.and_then(|id| self.to_mine.get(&id).copied())
    }

    fn ids(&self, theirs: &[ColleagueId]) -> Vec<ColleagueId> {
        theirs
            .iter()
            .filter_map(|id| self.to_mine.get(id).copied())
            .collect()
    }

    /// The account with its owners and the participants of its contacts as my people.
    fn onto_mine(&self, account: &mut Account) {
        account.overall_owner = self.id(account.overall_owner);
        account.daily_owner = self.id(account.daily_owner);
        if let Some(Ok(mut record)) = account.engagement.as_ref().map(EngagementDoc::read) {
            for activity in &mut record.activities {
                activity.ours = self.ids(&activity.ours);
            }
            if let Ok(doc) = EngagementDoc::write(&record) {
                account.engagement = doc;
            }
        }
    }
}

/// A criterion name reduced for comparison: letters and digits only, lower case, so
/// "Spend on our category" and "spend on our  category." are the same criterion.
fn criterion_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Accounts by identity: the number if there is one, otherwise the name. The first
/// account with an identity keeps it, so lookups are deterministic.
struct Identities<T> {
    by_number: HashMap<String, T>,
    by_name: HashMap<String, T>,
    /// Accounts without a number, by name: a numbered account may be one of them.
    unnumbered_by_name: HashMap<String, T>,
}

impl<T: Copy> Identities<T> {
    fn new() -> Self {
        Identities {
            by_number: HashMap::new(),
            by_name: HashMap::new(),
            unnumbered_by_name: HashMap::new(),
        }
    }

    fn insert(&mut self, account: &Account, value: T) {
        let number = identity_key(&account.number);
        let name = identity_key(&account.name);
        if number.is_empty() {
            if !name.is_empty() {
                self.unnumbered_by_name.entry(name.clone()).or_insert(value);
            }
        } else {
            self.by_number.entry(number).or_insert(value);
        }
        if !name.is_empty() {
            self.by_name.entry(name).or_insert(value);
        }
    }

    /// The account that is the same customer as `account`: the same number; or, where
    /// either has no number, the same name. Two different numbers are two customers
    /// even when named alike (branches of one group, say).
    fn find(&self, account: &Account) -> Option<T> {
        let number = identity_key(&account.number);
        let name = identity_key(&account.name);
        let by_name = |names: &HashMap<String, T>| {
            (!name.is_empty())
                .then(|| names.get(&name).copied())
                .flatten()
        };
        if number.is_empty() {
            by_name(&self.by_name)
        } else {
            self.by_number
                .get(&number)
                .copied()
                .or_else(|| by_name(&self.unnumbered_by_name))
        }
    }
}

/// How the incoming model's criteria land on mine.
struct CriteriaMap {
    /// Their criterion id → my criterion id.
    to_mine: HashMap<CriterionId, CriterionId>,
    /// My criteria that have a counterpart in theirs, in my model's order: only these
    /// are compared (a criterion they lack says nothing about my score on it).
    compared: Vec<CriterionId>,
}

impl CriteriaMap {
    /// Matches by name in either language. Each of my criteria takes at most one of
    /// theirs, the first in their model's order.
    fn new(mine: &ScoringModel, theirs: &ScoringModel) -> Self {
        let mut by_name: HashMap<String, CriterionId> = HashMap::new();
        for criterion in &mine.criteria {
            for name in [&criterion.name.zh, &criterion.name.en] {
                let key = criterion_key(name);
                if !key.is_empty() {
                    by_name.entry(key).or_insert(criterion.id);
                }
            }
        }
        let mut to_mine = HashMap::new();
        let mut taken = BTreeSet::new();
        for criterion in &theirs.criteria {
            let found = [&criterion.name.zh, &criterion.name.en]
                .into_iter()
                .filter_map(|name| by_name.get(&criterion_key(name)).copied())
                .find(|id| !taken.contains(id));
            if let Some(id) = found {
                taken.insert(id);
                to_mine.insert(criterion.id, id);
            }
        }
        let compared = mine
            .criteria
            .iter()
            .map(|c| c.id)
            .filter(|id| taken.contains(id))
            .collect();
        CriteriaMap { to_mine, compared }
    }

    /// The account with its scores moved onto my criteria. Scores on criteria I do not
    /// have are left out (and reported by the plan); scores on ids their own model no
    /// longer has were invisible there and are dropped too.
    fn onto_mine(&self, account: &Account, people: &PeopleMap) -> Account {
        let mut mapped = account.clone();
        people.onto_mine(&mut mapped);
        mapped.scores = account
            .scores
            .iter()
            .filter_map(|(id, score)| self.to_mine.get(id).map(|mine| (*mine, score.clone())))
            .collect();
        mapped
    }
}

/// Where one of their accounts is in my workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Here {
    /// The account of mine it matched.
    Mine(AccountId),
    /// An account new to me, by its position in the file: here once it is added, under
    /// the id it gets then.
    New(usize),
}

/// Their group parent of an account, as it lands here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomingParent {
    pub here: Here,
    /// The parent's name in the file.
    pub name: String,
}

/// Where their account `incoming` has its group parent here: none when they have none,
/// when it names the account itself (a link edited by hand, which makes no group), or
/// when the parent does not come over (an id their file lacks, or an account that
/// repeats an earlier one and is not merged).
fn parent_here(
    incoming: &Account,
    places: &HashMap<AccountId, Here>,
    theirs: &HashMap<AccountId, &Account>,
) -> Option<IncomingParent> {
    let parent = incoming.parent.filter(|p| *p != incoming.id)?;
    Some(IncomingParent {
        here: *places.get(&parent)?,
        name: theirs
            .get(&parent)
            .map(|a| a.name.clone())
            .unwrap_or_default(),
    })
}

/// Whether their group parent, placed here, differs from mine. A parent that does not
/// come over is no difference (taking it could only leave mine); one that is new to me
/// always is.
fn parent_differs(mine: &Account, theirs: &Account, parent: Option<&IncomingParent>) -> bool {
    match (theirs.parent.filter(|p| *p != theirs.id), parent) {
        (None, _) => mine.parent.is_some(),
        (Some(_), None) => false,
        (Some(_), Some(p)) => match p.here {
            Here::Mine(id) => mine.parent != Some(id),
            Here::New(_) => true,
        },
    }
}

/// Whether their development record, its referrals placed here, says something else
/// than mine. A referral naming an account new to me is always a difference (mine
/// cannot name it yet); one naming an account that does not come over is compared
/// without its account. A record that cannot be read is compared as its text.
fn development_differs(
    mine: &Account,
    theirs: &Account,
    places: &HashMap<AccountId, Here>,
) -> bool {
    let (a, b) = (mine.development.as_ref(), theirs.development.as_ref());
    let Some(Ok(mut record)) = b.map(DevelopmentDoc::read) else {
        return !DevelopmentDoc::same(a, b);
    };
    for referral in &mut record.referrals {
        referral.account = match referral.account.and_then(|id| places.get(&id)) {
            Some(Here::Mine(id)) => Some(*id),
            Some(Here::New(_)) => return true,
            None => None,
        };
    }
    match DevelopmentDoc::write(&record) {
        Ok(doc) => !DevelopmentDoc::same(a, doc.as_ref()),
        Err(_) => true,
    }
}

/// Their development record with each referral's account placed here (`ids`: their
/// account id → mine, for the accounts matched or added): a referral naming an account
/// that does not come over keeps its name and loses the link. A record whose links
/// stay as they are is taken as its text (what a later version wrote that this one
/// cannot read is kept), and so is a record that cannot be read.
fn development_here(
    doc: Option<&DevelopmentDoc>,
    ids: &HashMap<AccountId, AccountId>,
) -> Option<DevelopmentDoc> {
    let Some(Ok(mut record)) = doc.map(DevelopmentDoc::read) else {
        return doc.cloned();
    };
    let mut changed = false;
    for referral in &mut record.referrals {
        let placed = referral.account.and_then(|id| ids.get(&id).copied());
        changed |= placed != referral.account;
        referral.account = placed;
    }
    if !changed {
        return doc.cloned();
    }
    DevelopmentDoc::write(&record).unwrap_or_else(|_| doc.cloned())
}

/// What a merge does with a document kept year by year (the closed years, the list
/// plan): the years only theirs has are added, a year both have keeps mine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearsPlan<T> {
    /// Years only theirs has, added whole, in year order.
    pub years_added: Vec<i32>,
    /// Years both have where theirs differs: mine is kept, in year order. (A year both
    /// have alike needs no word.)
    pub years_kept_mine: Vec<i32>,
    /// My document cannot be read: nothing is merged into it.
    pub mine_unreadable: bool,
    /// Their years to add, in year order.
    add: Vec<T>,
}

impl<T> Default for YearsPlan<T> {
    fn default() -> Self {
        YearsPlan {
            years_added: Vec::new(),
            years_kept_mine: Vec::new(),
            mine_unreadable: false,
            add: Vec::new(),
        }
    }
}

impl<T: PartialEq> YearsPlan<T> {
    /// Sorts their years against mine; a year their document holds twice (edited by
    /// hand) counts by its first.
    fn of(mine: &[T], theirs: Vec<T>, year: impl Fn(&T) -> i32) -> Self {
        let mut plan = YearsPlan::default();
        let mut seen = BTreeSet::new();
        for item in theirs {
            let y = year(&item);
            if !seen.insert(y) {
                continue;
            }
            match mine.iter().find(|m| year(m) == y) {
                Some(m) if *m == item => {}
                Some(_) => plan.years_kept_mine.push(y),
                None => {
                    plan.years_added.push(y);
                    plan.add.push(item);
                }
            }
        }
        plan.years_added.sort_unstable();
        plan.years_kept_mine.sort_unstable();
        plan.add.sort_by_key(|item| year(item));
        plan
    }
}

/// Which of their closed years are added and which keep mine. A year of theirs is
/// compared as it is, their account ids and all: the same file merged twice, or
/// another tab's version, says nothing of years it holds alike.
fn plan_closed_years(
    mine: Option<&SnapshotsDoc>,
    theirs: Option<&SnapshotsDoc>,
) -> YearsPlan<YearSnapshot> {
    let Ok(mine) = SnapshotsDoc::read_or_empty(mine) else {
        return YearsPlan {
            mine_unreadable: true,
            ..YearsPlan::default()
        };
    };
    // Their document cannot be read: there is nothing of it to merge.
    let theirs = SnapshotsDoc::read_or_empty(theirs).unwrap_or_default();
    YearsPlan::of(&mine.years, theirs.years, |y| y.year)
}

/// Which of their list plan's years are added and which keep mine, their collectors as
/// my people.
fn plan_list_years(
    mine: Option<&ListPlanDoc>,
    theirs: Option<&ListPlanDoc>,
    people: &PeopleMap,
) -> YearsPlan<YearListPlan> {
    let Ok(mine) = ListPlanDoc::read_or_empty(mine) else {
        return YearsPlan {
            mine_unreadable: true,
            ..YearsPlan::default()
        };
    };
    let mut theirs = ListPlanDoc::read_or_empty(theirs).unwrap_or_default();
    for segment in theirs.years.iter_mut().flat_map(|y| y.segments.iter_mut()) {
        segment.collector = people.id(segment.collector);
    }
    YearsPlan::of(&mine.years, theirs.years, |y| y.year)
}

/// An incoming account no account of mine matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAccount {
    /// Its position in the file, which identifies it in [`MergeChoices`].
    pub index: usize,
    /// As in the file, with its scores on my criteria and its owners as my people. Its
    /// group parent is in `parent`; its referrals still name their accounts, placed
    /// when the merge is applied.
    pub account: Account,
    /// Its group parent, as it lands here.
    pub parent: Option<IncomingParent>,
}

/// An account in both workspaces whose data differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// My account as it is now.
    pub mine: Account,
    /// Theirs, with its scores on my criteria and its owners as my people. Its group
    /// parent is in `parent`; its referrals still name their accounts, placed when the
    /// merge is applied.
    pub theirs: Account,
    /// Their group parent, as it lands here; none when they have none (taking theirs
    /// then clears mine) or when it does not come over (then it is no difference).
    pub parent: Option<IncomingParent>,
    /// What differs, in the account page's order; never empty.
    pub fields: Vec<Field>,
    /// Contacts, promotion plans and the like that only theirs has: added in any case.
    pub engagement_adds: usize,
}

/// An account in both whose only difference is what theirs adds to its engagement
/// record (contacts, promotion plans, a further pipeline): added without a choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addition {
    pub mine: AccountId,
    pub theirs: Account,
    pub adds: usize,
}

/// An inquiry both logged, differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InquiryConflict {
    pub mine: Inquiry,
    /// Theirs, with its handler as my colleague.
    pub theirs: Inquiry,
}

/// What a merge does with the inquiry logs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InquiryPlan {
    /// Only theirs has these (handler as my colleague; the account made from one is
    /// still theirs, placed when the merge is applied).
    pub new: Vec<Inquiry>,
    pub conflicts: Vec<InquiryConflict>,
    pub unchanged: usize,
    /// My log cannot be read: nothing is merged into it.
    pub mine_unreadable: bool,
}

/// An incoming account that is the same customer as an earlier account of the file
/// (or matches the same account of mine): only the first is merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repeat {
    /// Its position in the file.
    pub index: usize,
    pub name: String,
    /// The position of the earlier account of the file it repeats.
    pub first: usize,
    pub first_name: String,
}

/// What a merge would do, before the user chooses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergePlan {
    /// Incoming accounts that are new to me, in file order.
    pub new_accounts: Vec<NewAccount>,
    /// Accounts in both with differences, in file order.
    pub conflicts: Vec<Conflict>,
    /// My accounts that the file holds identically.
    pub unchanged: Vec<AccountId>,
    /// Incoming accounts not merged because an earlier one is the same customer.
    pub repeats: Vec<Repeat>,
    /// Their criteria I have no criterion of the same name for, which carry scores in
    /// the file: those scores are not imported.
    pub unmapped_criteria: Vec<LocalizedText>,
    /// Accounts that only gain contacts, promotion plans or pipeline stages.
    pub additions: Vec<Addition>,
    /// Their people I lack, with the ids they get here.
    pub new_people: Vec<Colleague>,
    pub inquiries: InquiryPlan,
    /// The annual review's closed years.
    pub closed_years: YearsPlan<YearSnapshot>,
    /// The preliminary list plan's years.
    pub list_plan: YearsPlan<YearListPlan>,
    /// Their account id → where it is here, for the accounts merged (not the repeats):
    /// what places a parent, a referral, an inquiry made a target and a closed year's
    /// account.
    places: HashMap<AccountId, Here>,
}

/// Works out what merging `theirs` into `mine` would do.
pub fn plan_merge(mine: &Workspace, theirs: &Workspace) -> MergePlan {
    let criteria = CriteriaMap::new(&mine.model, &theirs.model);
    let people = PeopleMap::new(&settings(mine).team, &settings(theirs).team);
    let mut my_identities = Identities::new();
    for account in &mine.accounts {
        my_identities.insert(account, account.id);
    }
    let my_accounts = mine.accounts_by_id();
    // Incoming accounts already taken, by identity, and the file position of the one
    // that claimed each account of mine.
    let mut seen = Identities::new();
    let mut claimed: HashMap<AccountId, usize> = HashMap::new();
    let mut plan = MergePlan::default();
    // Where every incoming account lands is settled first, so a parent or a referral
    // further down the file is placed too.
    let mut places: HashMap<AccountId, Here> = HashMap::new();
    let mut merged: Vec<(usize, &Account, Option<&Account>)> = Vec::new();
    for (index, incoming) in theirs.accounts.iter().enumerate() {
        let matched = my_identities.find(incoming);
        let earlier = seen
            .find(incoming)
            .or_else(|| matched.and_then(|id| claimed.get(&id).copied()));
        if let Some(first) = earlier {
            plan.repeats.push(Repeat {
                index,
                name: incoming.name.clone(),
                first,
                first_name: theirs
                    .accounts
                    .get(first)
                    .map(|a| a.name.clone())
                    .unwrap_or_default(),
            });
            continue;
        }
        seen.insert(incoming, index);
        let my = matched.and_then(|id| my_accounts.get(&id).copied());
        let here = match my {
            Some(my) => {
                claimed.insert(my.id, index);
                Here::Mine(my.id)
            }
            None => Here::New(index),
        };
        // An id their file repeats (edited by hand) names its first account.
        places.entry(incoming.id).or_insert(here);
        merged.push((index, incoming, my));
    }
    let their_accounts = theirs.accounts_by_id();
    for (index, incoming, my) in merged {
        let mut mapped = criteria.onto_mine(incoming, &people);
        // Their id means nothing here: `parent` says where it lands.
        mapped.parent = None;
        let parent = parent_here(incoming, &places, &their_accounts);
        let Some(my) = my else {
            plan.new_accounts.push(NewAccount {
                index,
                account: mapped,
                parent,
            });
            continue;
        };
        // The engagement records are read once, for what differs and what adds.
        let engagement = engagement_comparison(my, &mapped);
        let fields: Vec<Field> = Field::every(&criteria.compared)
            .filter(|f| match f {
                Field::Parent => parent_differs(my, incoming, parent.as_ref()),
                Field::Development => development_differs(my, &mapped, &places),
                Field::Engagement => engagement.differs,
                _ => f.differs(my, &mapped),
            })
            .collect();
        let adds = engagement.adds;
        if !fields.is_empty() {
            plan.conflicts.push(Conflict {
                mine: my.clone(),
                theirs: mapped,
                parent,
                fields,
                engagement_adds: adds,
            });
        } else if adds > 0 {
            plan.additions.push(Addition {
                mine: my.id,
                theirs: mapped,
                adds,
            });
        } else {
            plan.unchanged.push(my.id);
        }
    }
    plan.places = places;
    plan.unmapped_criteria = theirs
        .model
        .criteria
        .iter()
        .filter(|c| !criteria.to_mine.contains_key(&c.id))
        .filter(|c| {
            theirs.accounts.iter().any(|a| {
                a.scores
                    .get(&c.id)
                    .is_some_and(|s| s.value.is_some() || !s.note.trim().is_empty())
            })
        })
        .map(|c| c.name.clone())
        .collect();
    plan.new_people = people.added.clone();
    plan.inquiries = plan_inquiries(mine.inquiries.as_ref(), theirs.inquiries.as_ref(), &people);
    plan.closed_years = plan_closed_years(mine.snapshots.as_ref(), theirs.snapshots.as_ref());
    plan.list_plan = plan_list_years(mine.list_plan.as_ref(), theirs.list_plan.as_ref(), &people);
    plan
}

/// Which of their inquiries are new to me, the same, or logged differently.
fn plan_inquiries(
    mine: Option<&InquiryDoc>,
    theirs: Option<&InquiryDoc>,
    people: &PeopleMap,
) -> InquiryPlan {
    let mut plan = InquiryPlan::default();
    let Ok(mine) = InquiryDoc::read_or_empty(mine) else {
        plan.mine_unreadable = true;
        return plan;
    };
    // Their log cannot be read: there is nothing of it to merge.
    let theirs = InquiryDoc::read_or_empty(theirs).unwrap_or_default();
    let by_key: HashMap<_, &Inquiry> = mine.inquiries.iter().map(|i| (inquiry_key(i), i)).collect();
    let mut seen = BTreeSet::new();
    for inquiry in &theirs.inquiries {
        let key = inquiry_key(inquiry);
        if !seen.insert(key.clone()) {
            continue;
        }
        let mut mapped = inquiry.clone();
        mapped.handler = people.id(inquiry.handler);
        match by_key.get(&key) {
            Some(my) if same_inquiry(my, &mapped) => plan.unchanged += 1,
            Some(my) => plan.conflicts.push(InquiryConflict {
                mine: (*my).clone(),
                theirs: mapped,
            }),
            None => plan.new.push(mapped),
        }
    }
    plan
}

/// Whose value a field gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// The user's choices. The default keeps every field of mine and adds every new
/// account: nothing of mine changes unless the user says so.
///
/// Keyed by my account's id rather than by position, so choices survive the plan being
/// worked out again (another tab saved, say); a choice for a field that no longer
/// differs is simply not used.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeChoices {
    theirs: BTreeSet<(AccountId, Field)>,
    /// My inquiries (by id) to take their version of.
    inquiries_theirs: BTreeSet<InquiryId>,
    /// New accounts (by position in the file) the user chose not to add.
    left_out: BTreeSet<usize>,
}

impl MergeChoices {
    pub fn side(&self, account: AccountId, field: Field) -> Side {
        if self.theirs.contains(&(account, field)) {
            Side::Theirs
        } else {
            Side::Mine
        }
    }

    pub fn choose(&mut self, account: AccountId, field: Field, side: Side) {
        match side {
            Side::Theirs => self.theirs.insert((account, field)),
            Side::Mine => self.theirs.remove(&(account, field)),
        };
    }

    /// One side for every differing field of one account.
    pub fn choose_account(&mut self, conflict: &Conflict, side: Side) {
        for field in &conflict.fields {
            self.choose(conflict.mine.id, *field, side);
        }
    }

    /// One side for every differing field of every account.
    pub fn choose_everywhere(&mut self, plan: &MergePlan, side: Side) {
        for conflict in &plan.conflicts {
            self.choose_account(conflict, side);
        }
    }

    /// How many of the conflict's fields take theirs.
    pub fn taken(&self, conflict: &Conflict) -> usize {
        conflict
            .fields
            .iter()
            .filter(|f| self.side(conflict.mine.id, **f) == Side::Theirs)
            .count()
    }

    pub fn inquiry_side(&self, mine: InquiryId) -> Side {
        if self.inquiries_theirs.contains(&mine) {
            Side::Theirs
        } else {
            Side::Mine
        }
    }

    pub fn choose_inquiry(&mut self, mine: InquiryId, side: Side) {
        match side {
            Side::Theirs => self.inquiries_theirs.insert(mine),
            Side::Mine => self.inquiries_theirs.remove(&mine),
        };
    }

    pub fn adds(&self, index: usize) -> bool {
        !self.left_out.contains(&index)
    }

    pub fn set_adds(&mut self, index: usize, add: bool) {
        if add {
            self.left_out.remove(&index);
        } else {
            self.left_out.insert(index);
        }
    }
}

/// What a merge did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// New accounts added.
    pub added: usize,
    /// Accounts of mine where at least one field was taken from theirs.
    pub updated: usize,
    /// Accounts that differ where the user kept every one of their own values (or that
    /// were deleted meanwhile, so nothing could be taken).
    pub kept_mine: usize,
    /// New accounts of the file the user chose not to add.
    pub left_out: usize,
    /// Accounts of the file that repeat an earlier one of the file, so were not merged.
    pub repeats: usize,
    /// Accounts the file holds exactly as I do.
    pub unchanged: usize,
    /// Accounts of mine whose engagement record gained contacts, promotion plans or
    /// pipeline stages.
    pub engagement_added: usize,
    pub people_added: usize,
    pub inquiries_added: usize,
    /// Inquiries logged differently where the user took theirs.
    pub inquiries_updated: usize,
    /// Accounts of mine whose development record was taken from theirs.
    pub development_taken: usize,
    /// Group parents set from theirs: taken on accounts of mine (a parent cleared
    /// included) and brought by new accounts.
    pub parents_set: usize,
    /// Group links taken or brought that were not set because they would make a loop.
    pub links_refused: usize,
    pub closed_years_added: usize,
    pub list_plan_years_added: usize,
}

/// Applies the plan with the user's choices in one step: the fields taken from theirs
/// are copied and the account stamped `now`; the chosen new accounts are added with
/// fresh ids; ids of their accounts (parents, referrals, inquiries made targets, closed
/// years' accounts) are placed on mine. The rules of the workspace (model, thresholds
/// and their draft, tier settings, category settings) never change.
pub fn apply_merge(
    workspace: &mut Workspace,
    plan: &MergePlan,
    choices: &MergeChoices,
    now: i64,
) -> MergeSummary {
    let mut summary = MergeSummary {
        unchanged: plan.unchanged.len(),
        repeats: plan.repeats.len(),
        ..MergeSummary::default()
    };
    let positions: HashMap<AccountId, usize> = workspace
        .accounts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    summary.people_added = plan.new_people.len();
    if !plan.new_people.is_empty() {
        // Unreadable settings of mine are left as they are: the new people's ids are
        // still none of mine (see `settings`), and the owners naming them show as unknown.
        if let Ok(mut mine) = SettingsDoc::read_or_empty(workspace.engagement.as_ref()) {
            for colleague in &plan.new_people {
                if mine.team.get(colleague.id).is_none() {
                    mine.team.next_id = mine.team.next_id.max(colleague.id.saturating_add(1));
                    mine.team.people.push(colleague.clone());
                }
            }
            if let Ok(doc) = SettingsDoc::write(&mine) {
                workspace.engagement = doc;
            }
        }
    }
    for conflict in &plan.conflicts {
        let id = conflict.mine.id;
        let taken: Vec<Field> = conflict
            .fields
            .iter()
            .copied()
            .filter(|f| choices.side(id, *f) == Side::Theirs)
            .collect();
        let account = positions
            .get(&id)
            .and_then(|i| workspace.accounts.get_mut(*i));
        let Some(account) = account else {
            summary.kept_mine += 1;
            continue;
        };
        let take_engagement = taken.contains(&Field::Engagement);
        if conflict.engagement_adds > 0 || take_engagement {
            account.engagement = combined_engagement(account, &conflict.theirs, take_engagement);
            summary.engagement_added += usize::from(conflict.engagement_adds > 0);
        }
        if taken.is_empty() {
            summary.kept_mine += 1;
        } else {
            for field in &taken {
                field.take(account, &conflict.theirs);
            }
            summary.updated += 1;
        }
        if conflict.engagement_adds > 0 || !taken.is_empty() {
            account.updated_at = now;
        }
    }
    for addition in &plan.additions {
        let account = positions
            .get(&addition.mine)
            .and_then(|i| workspace.accounts.get_mut(*i));
        if let Some(account) = account {
            account.engagement = combined_engagement(account, &addition.theirs, false);
            account.updated_at = now;
            summary.engagement_added += 1;
        }
    }
    let added: Vec<&NewAccount> = plan
        .new_accounts
        .iter()
        .filter(|n| choices.adds(n.index))
        .collect();
    summary.added = added.len();
    summary.left_out = plan.new_accounts.len() - added.len();
    let first_new = workspace.accounts.len();
    workspace.add_accounts(added.iter().map(|n| n.account.clone()).collect(), now);
    let new_ids: HashMap<usize, AccountId> = added
        .iter()
        .zip(workspace.accounts.get(first_new..).unwrap_or_default())
        .map(|(new, account)| (new.index, account.id))
        .collect();
    // Where each of their accounts is here now: an account of mine deleted meanwhile
    // and a new account left out do not come over.
    let place = |here: Here| match here {
        Here::Mine(id) => positions.contains_key(&id).then_some(id),
        Here::New(index) => new_ids.get(&index).copied(),
    };
    // Their account ids → mine.
    let account_ids: HashMap<AccountId, AccountId> = plan
        .places
        .iter()
        .filter_map(|(theirs, here)| Some((*theirs, place(*here)?)))
        .collect();
    let mut links = Vec::new();
    for conflict in &plan.conflicts {
        let id = conflict.mine.id;
        let takes =
            |field| conflict.fields.contains(&field) && choices.side(id, field) == Side::Theirs;
        let Some(account) = positions
            .get(&id)
            .and_then(|i| workspace.accounts.get_mut(*i))
        else {
            continue;
        };
        if takes(Field::Development) {
            account.development =
                development_here(conflict.theirs.development.as_ref(), &account_ids);
            summary.development_taken += 1;
        }
        if takes(Field::Parent) {
            match &conflict.parent {
                None => links.push((id, None)),
                // A parent that does not come over leaves mine.
                Some(parent) => links.extend(place(parent.here).map(|p| (id, Some(p)))),
            }
        }
    }
    let new_accounts = workspace.accounts.get_mut(first_new..).unwrap_or_default();
    for (new, account) in added.iter().zip(new_accounts) {
        account.development = development_here(new.account.development.as_ref(), &account_ids);
        if let Some(parent) = new.parent.as_ref().and_then(|p| place(p.here)) {
            links.push((account.id, Some(parent)));
        }
    }
    set_parents(workspace, links, &mut summary);
    apply_inquiries(
        workspace,
        &plan.inquiries,
        choices,
        &account_ids,
        &mut summary,
    );
    apply_closed_years(workspace, &plan.closed_years, &account_ids, &mut summary);
    apply_list_plan(workspace, &plan.list_plan, &mut summary);
    summary
}

/// Sets the group links a merge brings (`Some` a parent, `None` none), never making a
/// loop. Links are cleared first, which can only end a loop; then each link is set
/// once it makes no loop with the links of the moment, round after round until a
/// round sets none, so the order of the file does not decide which links are set.
/// Those left would make a loop and are refused.
fn set_parents(
    workspace: &mut Workspace,
    links: Vec<(AccountId, Option<AccountId>)>,
    summary: &mut MergeSummary,
) {
    if links.is_empty() {
        return;
    }
    let positions: HashMap<AccountId, usize> = workspace
        .accounts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let mut parent_of: HashMap<AccountId, AccountId> = workspace
        .accounts
        .iter()
        .filter_map(|a| Some((a.id, a.parent?)))
        .collect();
    let accounts = &mut workspace.accounts;
    let mut pending = Vec::new();
    for (child, parent) in links {
        match (positions.get(&child).copied(), parent) {
            (None, _) => {}
            (Some(at), None) => {
                if let Some(a) = accounts.get_mut(at) {
                    a.parent = None;
                }
                parent_of.remove(&child);
                summary.parents_set += 1;
            }
            (Some(at), Some(parent)) => pending.push((at, child, parent)),
        }
    }
    loop {
        let before = pending.len();
        pending.retain(|&(at, child, parent)| {
            if link_problem(child, parent, |id| parent_of.get(&id).copied()).is_some() {
                return true;
            }
            parent_of.insert(child, parent);
            if let Some(a) = accounts.get_mut(at) {
                a.parent = Some(parent);
            }
            summary.parents_set += 1;
            false
        });
        if pending.is_empty() || pending.len() == before {
            break;
        }
    }
    summary.links_refused = pending.len();
}

/// Adds their closed years that I lack, their accounts put on my ids (see the module's
/// rules): the review matches accounts by id.
fn apply_closed_years(
    workspace: &mut Workspace,
    plan: &YearsPlan<YearSnapshot>,
    account_ids: &HashMap<AccountId, AccountId>,
    summary: &mut MergeSummary,
) {
    if plan.mine_unreadable || plan.add.is_empty() {
        return;
    }
    let Ok(mut snapshots) = SnapshotsDoc::read_or_empty(workspace.snapshots.as_ref()) else {
        return;
    };
    // Above every id of mine, in the register (new accounts included) and in my closed
    // years, and every id handed out before.
    let mut next = workspace
        .accounts
        .iter()
        .map(|a| a.id)
        .chain(
            snapshots
                .years
                .iter()
                .flat_map(|y| y.accounts.iter().map(|a| a.id)),
        )
        .max()
        .map_or(1, |m| m.saturating_add(1))
        .max(workspace.next_account_id);
    let mut not_here: HashMap<AccountId, AccountId> = HashMap::new();
    let mut added = 0;
    for year in &plan.add {
        let mut year = year.clone();
        for account in &mut year.accounts {
            account.id = match account_ids.get(&account.id) {
                Some(mine) => *mine,
                None => *not_here.entry(account.id).or_insert_with(|| {
                    let id = next;
                    next = next.saturating_add(1);
                    id
                }),
            };
        }
        // A year of theirs closed before it began (edited by hand) is refused as it
        // would be here.
        if snapshots.close(year).is_ok() {
            added += 1;
        }
    }
    if added == 0 {
        return;
    }
    if let Ok(doc) = SnapshotsDoc::write(&snapshots) {
        workspace.snapshots = doc;
        // The ids given to accounts not in the register are never handed out again.
        workspace.next_account_id = workspace.next_account_id.max(next);
        summary.closed_years_added = added;
    }
}

/// Adds their list plan's years that I lack, in year order.
fn apply_list_plan(
    workspace: &mut Workspace,
    plan: &YearsPlan<YearListPlan>,
    summary: &mut MergeSummary,
) {
    if plan.mine_unreadable || plan.add.is_empty() {
        return;
    }
    let Ok(mut list) = ListPlanDoc::read_or_empty(workspace.list_plan.as_ref()) else {
        return;
    };
    let mut added = 0;
    for year in &plan.add {
        if list.year(year.year).is_none() {
            let at = list.years.partition_point(|y| y.year < year.year);
            list.years.insert(at, year.clone());
            added += 1;
        }
    }
    if let Ok(doc) = ListPlanDoc::write(&list) {
        workspace.list_plan = doc;
        summary.list_plan_years_added = added;
    }
}

fn apply_inquiries(
    workspace: &mut Workspace,
    plan: &InquiryPlan,
    choices: &MergeChoices,
    account_ids: &HashMap<AccountId, AccountId>,
    summary: &mut MergeSummary,
) {
    if plan.mine_unreadable || (plan.new.is_empty() && plan.conflicts.is_empty()) {
        return;
    }
    let Ok(mut log) = InquiryDoc::read_or_empty(workspace.inquiries.as_ref()) else {
        return;
    };
    let onto_mine = |inquiry: &Inquiry| {
        let mut inquiry = inquiry.clone();
        if let TargetDecision::Target { account } = inquiry.decision {
            inquiry.decision = match account_ids.get(&account) {
                Some(mine) => TargetDecision::Target { account: *mine },
                // The account was left out of the merge: the decision is open here.
                None => TargetDecision::Open,
            };
        }
        inquiry
    };
    for conflict in &plan.conflicts {
        if choices.inquiry_side(conflict.mine.id) != Side::Theirs {
            continue;
        }
        if let Some(mine) = log.inquiries.iter_mut().find(|i| i.id == conflict.mine.id) {
            *mine = Inquiry {
                id: mine.id,
                ..onto_mine(&conflict.theirs)
            };
            summary.inquiries_updated += 1;
        }
    }
    for inquiry in &plan.new {
        log.add(onto_mine(inquiry));
        summary.inquiries_added += 1;
    }
    if let Ok(doc) = InquiryDoc::write(&log) {
        workspace.inquiries = doc;
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_path_in_the_stored_account_names_the_field_its_form_edits() {
        use crate::domain::Gate;
        assert_eq!(
            Field::at_path(&["name"]),
            Some((Field::Basic(BasicField::Name), 1))
        );
        assert_eq!(
            Field::at_path(&["size_band"]),
            Some((Field::Basic(BasicField::SizeBand), 1))
        );
        assert_eq!(
            Field::at_path(&["screening", "profitable"]),
            Some((Field::Gate(Gate::Profitable), 2))
        );
        assert_eq!(
            Field::at_path(&["screening", "note"]),
            Some((Field::ScreeningNote, 2))
        );
        assert_eq!(
            Field::at_path(&["scores", "3", "value"]),
            Some((Field::ScoreValue(3), 3))
        );
        assert_eq!(
            Field::at_path(&["scores", "3", "note"]),
            Some((Field::ScoreNote(3), 3))
        );
        assert_eq!(
            Field::at_path(&["scores", "3"]),
            Some((Field::ScoreValue(3), 2))
        );
        assert_eq!(
            Field::at_path(&["plan", "objectives", "0", "text"]),
            Some((Field::Plan, 1))
        );
        assert_eq!(Field::at_path(&["updated_at"]), None);
        assert_eq!(Field::at_path(&["scores", "x"]), None);
        assert_eq!(Field::at_path(&[]), None);
        // Every field of the basic sheet by the key the saved data gives it.
        let account = serde_json::to_value(Account {
            number: "n".into(),
            name: "n".into(),
            industry: "n".into(),
            segment: "n".into(),
            ownership: Some(crate::domain::Ownership::Private),
            size_band: Some(crate::domain::SizeBand::Large),
            company_type: "n".into(),
            address: "n".into(),
            contact_person: "n".into(),
            position: "n".into(),
            phone: "n".into(),
            email: "n".into(),
            employees: Some(3),
            main_products: "n".into(),
            main_partners: "n".into(),
            ..Account::default()
        })
        .expect("as JSON");
        for field in BasicField::ALL {
            assert!(
                account.get(field.slug()).is_some(),
                "{field:?} saved as its slug"
            );
        }
    }

    use super::*;
    use crate::domain::model::Axis;
    use crate::domain::pyramid::{Level, LevelOverride};
    use crate::domain::screening::Answer;
    use crate::domain::tiering::{Tier, TierOverride};
    use crate::domain::Score;

    fn account(id: AccountId, number: &str, name: &str) -> Account {
        Account {
            id,
            number: number.into(),
            name: name.into(),
            ..Account::default()
        }
    }

    fn workspace(accounts: Vec<Account>) -> Workspace {
        let next = accounts.iter().map(|a| a.id).max().unwrap_or(0) + 1;
        Workspace {
            accounts,
            next_account_id: next,
            ..Workspace::default()
        }
    }

    fn scored(mut a: Account, criterion: CriterionId, value: u8, note: &str) -> Account {
        a.scores.insert(
            criterion,
            Score {
                value: Some(value),
                note: note.into(),
            },
        );
        a
    }

    fn conflict_of(plan: &MergePlan, mine: AccountId) -> &Conflict {
        plan.conflicts
            .iter()
            .find(|c| c.mine.id == mine)
            .expect("a conflict for this account")
    }

    fn new_names(plan: &MergePlan) -> Vec<&str> {
        plan.new_accounts
            .iter()
            .map(|n| n.account.name.as_str())
            .collect()
    }

    #[test]
    fn accounts_match_by_number_first_trimmed_and_in_any_case() {
        let mine = workspace(vec![account(1, "C-001", "Alpha"), account(2, "", "Beta")]);
        // Same number, another name: still the same customer, and the name differs.
        let theirs = workspace(vec![account(9, " c-001 ", "Alpha Group")]);
        let plan = plan_merge(&mine, &theirs);
        // Matched; the number as written and the name are differences to choose from.
        assert_eq!(
            conflict_of(&plan, 1).fields,
            vec![
                Field::Basic(BasicField::Number),
                Field::Basic(BasicField::Name)
            ]
        );
        assert!(plan.new_accounts.is_empty());
    }

    #[test]
    fn accounts_without_a_number_match_by_normalised_name() {
        let mine = workspace(vec![
            account(1, "C-001", "Shanghai  Auto Parts"),
            account(2, "", "Beta"),
        ]);
        let theirs = workspace(vec![
            account(5, "", " shanghai auto   PARTS "),
            account(6, "B-7", "beta"),
        ]);
        let plan = plan_merge(&mine, &theirs);
        // Theirs has no number: the name finds mine.
        assert_eq!(
            conflict_of(&plan, 1).fields,
            vec![
                Field::Basic(BasicField::Number),
                Field::Basic(BasicField::Name)
            ]
        );
        // Mine has no number: the name finds it.
        assert_eq!(
            conflict_of(&plan, 2).fields,
            vec![
                Field::Basic(BasicField::Number),
                Field::Basic(BasicField::Name)
            ]
        );
        assert!(plan.new_accounts.is_empty());
    }

    #[test]
    fn accounts_with_different_numbers_are_different_customers_even_if_named_alike() {
        let mine = workspace(vec![account(1, "C-001", "Alpha")]);
        let theirs = workspace(vec![account(1, "C-002", "Alpha")]);
        let plan = plan_merge(&mine, &theirs);
        assert_eq!(new_names(&plan), vec!["Alpha"]);
        assert!(plan.conflicts.is_empty());
    }

    #[test]
    fn account_ids_are_never_used_for_matching() {
        let mine = workspace(vec![account(1, "", "Alpha")]);
        let theirs = workspace(vec![account(1, "", "Gamma"), account(7, "", " alpha ")]);
        let plan = plan_merge(&mine, &theirs);
        assert_eq!(new_names(&plan), vec!["Gamma"]);
        assert_eq!(conflict_of(&plan, 1).theirs.name, " alpha ");
    }

    #[test]
    fn identical_accounts_are_unchanged_whatever_their_ids_and_times() {
        let mut a = scored(account(1, "C-1", "Alpha"), 1, 7, "growing");
        a.created_at = 100;
        let mut b = a.clone();
        b.id = 42;
        b.created_at = 999;
        b.updated_at = 999;
        b.address = "  ".into();
        let plan = plan_merge(&workspace(vec![a]), &workspace(vec![b]));
        assert_eq!(plan.unchanged, vec![1]);
        assert!(plan.conflicts.is_empty() && plan.new_accounts.is_empty());
    }

    #[test]
    fn scores_are_mapped_to_my_criteria_by_name_in_either_language() {
        let mine_model = ScoringModel::default_model();
        let mut their_model = ScoringModel::default_model();
        // Their "Financial performance" is criterion 20, named in English only and
        // spelt differently; their "地理位置" is 21, named in Chinese only.
        for c in &mut their_model.criteria {
            if c.id == 1 {
                c.id = 20;
                c.name = LocalizedText::new("", "financial  performance.");
            } else if c.id == 4 {
                c.id = 21;
                c.name = LocalizedText::new("地理位置", "");
            }
        }
        let mut theirs = workspace(vec![scored(
            scored(account(3, "C-1", "Alpha"), 20, 9, ""),
            21,
            4,
            "far",
        )]);
        theirs.model = their_model;
        let mut mine = workspace(vec![scored(account(1, "C-1", "Alpha"), 1, 5, "")]);
        mine.model = mine_model;
        let plan = plan_merge(&mine, &theirs);
        let conflict = conflict_of(&plan, 1);
        assert_eq!(
            conflict.fields,
            vec![
                Field::ScoreValue(1),
                Field::ScoreValue(4),
                Field::ScoreNote(4)
            ]
        );
        assert_eq!(
            conflict.theirs.scores.get(&1).and_then(|s| s.value),
            Some(9)
        );
        assert_eq!(
            conflict.theirs.scores.get(&4).map(|s| s.note.as_str()),
            Some("far")
        );
        assert!(plan.unmapped_criteria.is_empty());
    }

    #[test]
    fn scores_on_criteria_i_do_not_have_are_not_imported_and_are_reported() {
        let mut their_model = ScoringModel::default_model();
        let extra = their_model.add_criterion(Axis::Attractiveness);
        let unused = their_model.add_criterion(Axis::Feasibility);
        if let Some(c) = their_model.criterion_mut(extra) {
            c.name = LocalizedText::new("品牌知名度", "Brand awareness");
        }
        if let Some(c) = their_model.criterion_mut(unused) {
            c.name = LocalizedText::new("未使用", "Unused");
        }
        let mut theirs = workspace(vec![
            scored(account(1, "C-1", "Alpha"), extra, 8, ""),
            scored(account(2, "C-2", "New Co"), extra, 6, ""),
        ]);
        theirs.model = their_model;
        let mine = workspace(vec![account(1, "C-1", "Alpha")]);
        let plan = plan_merge(&mine, &theirs);
        assert_eq!(
            plan.unmapped_criteria,
            vec![LocalizedText::new("品牌知名度", "Brand awareness")],
            "only criteria that carry scores are listed"
        );
        // The only difference was on the unknown criterion: nothing to choose.
        assert_eq!(plan.unchanged, vec![1]);
        assert!(plan.new_accounts[0].account.scores.is_empty());
    }

    #[test]
    fn a_criterion_they_lack_is_not_a_difference() {
        let mut their_model = ScoringModel::default_model();
        their_model.remove_criterion(8);
        let mut theirs = workspace(vec![account(1, "C-1", "Alpha")]);
        theirs.model = their_model;
        let mine = workspace(vec![scored(account(1, "C-1", "Alpha"), 8, 6, "fits")]);
        let plan = plan_merge(&mine, &theirs);
        assert_eq!(plan.unchanged, vec![1]);
    }

    #[test]
    fn every_kind_of_field_is_compared() {
        let mut mine = scored(account(1, "C-1", "Alpha"), 2, 5, "same");
        mine.industry = "Auto".into();
        let mut theirs = mine.clone();
        theirs.industry = "Automotive".into();
        theirs.ownership = Some(crate::domain::Ownership::Private);
        theirs.employees = Some(120);
        theirs.screening.set(Gate::Profitable, Answer::Yes);
        theirs.screening.note = "checked".into();
        theirs.scores.insert(
            2,
            Score {
                value: Some(5),
                note: "other".into(),
            },
        );
        theirs.tier_override = TierOverride::new(Tier::Tier1, "strategic", 5).ok();
        theirs.level_override = LevelOverride::new(Some(Level::Key), "board", 5).ok();
        theirs.plan = crate::domain::plan::PlanDoc::write(&crate::domain::plan::AccountPlan {
            summary: "theirs".into(),
            ..Default::default()
        })
        .expect("writes");
        let plan = plan_merge(&workspace(vec![mine]), &workspace(vec![theirs]));
        assert_eq!(
            conflict_of(&plan, 1).fields,
            vec![
                Field::Basic(BasicField::Industry),
                Field::Basic(BasicField::Ownership),
                Field::Basic(BasicField::Employees),
                Field::Gate(Gate::Profitable),
                Field::ScreeningNote,
                Field::ScoreNote(2),
                Field::TierOverride,
                Field::LevelOverride,
                Field::Plan,
            ]
        );
    }

    #[test]
    fn an_overrides_time_alone_is_not_a_difference() {
        let mut mine = account(1, "C-1", "Alpha");
        mine.tier_override = TierOverride::new(Tier::Tier2, "budget", 10).ok();
        let mut theirs = mine.clone();
        theirs.tier_override = TierOverride::new(Tier::Tier2, " budget ", 99).ok();
        let plan = plan_merge(&workspace(vec![mine]), &workspace(vec![theirs]));
        assert_eq!(plan.unchanged, vec![1]);
    }

    fn a_b_and_colleague() -> (Workspace, Workspace) {
        let mut a = scored(account(1, "A-1", "Alpha"), 1, 5, "");
        a.address = "Old Road 1".into();
        a.phone = "021-1".into();
        let b = account(2, "B-1", "Beta");
        let mine = workspace(vec![a.clone(), b.clone()]);
        let mut their_a = a.clone();
        their_a.id = 30;
        their_a.address = "New Road 9".into();
        their_a.phone = "021-2".into();
        their_a = scored(their_a, 1, 8, "new budget");
        let mut their_b = b;
        their_b.id = 31;
        let c = account(32, "C-1", "Gamma");
        (mine, workspace(vec![their_b, their_a, c]))
    }

    #[test]
    fn by_default_every_field_keeps_mine_and_new_accounts_are_added() {
        let (mut mine, theirs) = a_b_and_colleague();
        let before = mine.clone();
        let plan = plan_merge(&mine, &theirs);
        let summary = apply_merge(&mut mine, &plan, &MergeChoices::default(), 500);
        assert_eq!(
            summary,
            MergeSummary {
                added: 1,
                updated: 0,
                kept_mine: 1,
                left_out: 0,
                repeats: 0,
                unchanged: 1,
                ..MergeSummary::default()
            }
        );
        assert_eq!(mine.accounts[..2], before.accounts[..]);
        assert_eq!(mine.model, before.model);
        assert_eq!(mine.tiers, before.tiers);
    }

    #[test]
    fn taking_theirs_for_one_field_changes_only_that_field() {
        let (mut mine, theirs) = a_b_and_colleague();
        let before = mine.account(1).cloned().expect("A");
        let plan = plan_merge(&mine, &theirs);
        assert_eq!(
            conflict_of(&plan, 1).fields,
            vec![
                Field::Basic(BasicField::Address),
                Field::Basic(BasicField::Phone),
                Field::ScoreValue(1),
                Field::ScoreNote(1)
            ]
        );
        let mut choices = MergeChoices::default();
        choices.choose(1, Field::Basic(BasicField::Address), Side::Theirs);
        choices.choose(1, Field::ScoreValue(1), Side::Theirs);
        let summary = apply_merge(&mut mine, &plan, &choices, 500);
        assert_eq!(summary.updated, 1);
        let after = mine.account(1).cloned().expect("A");
        let mut expected = before.clone();
        expected.address = "New Road 9".into();
        expected.scores.insert(
            1,
            Score {
                value: Some(8),
                note: String::new(),
            },
        );
        expected.updated_at = 500;
        assert_eq!(after, expected, "phone and the score's note stay mine");
    }

    #[test]
    fn choosing_mine_again_undoes_a_choice_and_account_buttons_cover_every_field() {
        let (mine, theirs) = a_b_and_colleague();
        let plan = plan_merge(&mine, &theirs);
        let conflict = conflict_of(&plan, 1);
        let mut choices = MergeChoices::default();
        choices.choose_account(conflict, Side::Theirs);
        assert_eq!(choices.taken(conflict), 4);
        choices.choose(1, Field::Basic(BasicField::Phone), Side::Mine);
        assert_eq!(choices.taken(conflict), 3);
        choices.choose_everywhere(&plan, Side::Mine);
        assert_eq!(choices, MergeChoices::default());
    }

    #[test]
    fn new_accounts_get_fresh_ids_and_keep_their_mapped_data() {
        let (mut mine, mut theirs) = a_b_and_colleague();
        // Their Gamma carries the id of my Alpha: ids are per workspace.
        theirs.accounts[2].id = 1;
        theirs.accounts[2] = scored(theirs.accounts[2].clone(), 3, 7, "");
        let plan = plan_merge(&mine, &theirs);
        apply_merge(&mut mine, &plan, &MergeChoices::default(), 700);
        let gamma = mine
            .accounts
            .iter()
            .find(|a| a.name == "Gamma")
            .expect("added");
        assert_eq!(gamma.id, 3);
        assert_eq!((gamma.created_at, gamma.updated_at), (700, 700));
        assert_eq!(gamma.scores.get(&3).and_then(|s| s.value), Some(7));
        assert_eq!(mine.next_account_id, 4);
        assert_eq!(mine.account(1).map(|a| a.name.as_str()), Some("Alpha"));
    }

    #[test]
    fn summary_counts_added_updated_kept_mine_left_out_repeats_and_unchanged() {
        let mine = workspace(vec![
            account(1, "1", "One"),
            account(2, "2", "Two"),
            account(3, "3", "Three"),
            account(4, "4", "Four"),
        ]);
        let mut theirs = mine.clone();
        for a in &mut theirs.accounts[..3] {
            a.industry = "changed".into();
        }
        theirs.accounts.push(account(8, "8", "Eight"));
        theirs.accounts.push(account(9, "9", "Nine"));
        let plan = plan_merge(&mine, &theirs);
        let mut choices = MergeChoices::default();
        choices.choose(1, Field::Basic(BasicField::Industry), Side::Theirs);
        choices.choose(2, Field::Basic(BasicField::Industry), Side::Theirs);
        choices.set_adds(plan.new_accounts[1].index, false);
        let mut merged = mine.clone();
        let summary = apply_merge(&mut merged, &plan, &choices, 1);
        assert_eq!(
            summary,
            MergeSummary {
                added: 1,
                updated: 2,
                kept_mine: 1,
                left_out: 1,
                repeats: 0,
                unchanged: 1,
                ..MergeSummary::default()
            }
        );
        assert_eq!(merged.accounts.len(), 5);
        assert!(!merged.accounts.iter().any(|a| a.name == "Nine"));
    }

    #[test]
    fn a_file_repeating_a_number_merges_only_its_first_account() {
        let mine = workspace(vec![account(1, "C-1", "Alpha")]);
        let theirs = workspace(vec![
            account(1, "C-1", "Alpha Renamed"),
            account(2, "c-1", "Alpha Again"),
            account(3, "N-9", "Newco"),
            account(4, "n-9 ", "Newco Copy"),
        ]);
        let plan = plan_merge(&mine, &theirs);
        assert_eq!(conflict_of(&plan, 1).theirs.name, "Alpha Renamed");
        assert_eq!(new_names(&plan), vec!["Newco"]);
        let repeats: Vec<(usize, usize)> =
            plan.repeats.iter().map(|r| (r.index, r.first)).collect();
        assert_eq!(repeats, vec![(1, 0), (3, 2)]);
        assert_eq!(plan.repeats[0].first_name, "Alpha Renamed");
        let mut merged = mine.clone();
        let summary = apply_merge(&mut merged, &plan, &MergeChoices::default(), 1);
        assert_eq!((summary.kept_mine, summary.repeats), (1, 2));
        assert_eq!(summary.added, 1);
    }

    #[test]
    fn two_incoming_accounts_matching_one_of_mine_merge_only_the_first() {
        let mine = workspace(vec![account(1, "C-1", "Alpha")]);
        // The first matches by number, the second (no number) by name.
        let theirs = workspace(vec![
            account(5, "C-1", "Alpha Ltd"),
            account(6, "", "alpha"),
        ]);
        let plan = plan_merge(&mine, &theirs);
        assert_eq!(plan.conflicts.len(), 1);
        assert_eq!(conflict_of(&plan, 1).theirs.name, "Alpha Ltd");
        assert_eq!(plan.repeats.len(), 1);
        assert_eq!((plan.repeats[0].index, plan.repeats[0].first), (1, 0));
        // And the same the other way round: the first in the file wins.
        let theirs = workspace(vec![
            account(6, "", "alpha"),
            account(5, "C-1", "Alpha Ltd"),
        ]);
        let plan = plan_merge(&mine, &theirs);
        assert_eq!(plan.unchanged.len() + plan.conflicts.len(), 1);
        assert_eq!(plan.repeats[0].name, "Alpha Ltd");
    }

    #[test]
    fn my_own_repeated_number_matches_my_first_account() {
        let mine = workspace(vec![
            account(1, "C-1", "Alpha"),
            account(2, "C-1", "Alpha bis"),
        ]);
        let theirs = workspace(vec![account(9, "C-1", "Alpha bis")]);
        let plan = plan_merge(&mine, &theirs);
        assert_eq!(
            conflict_of(&plan, 1).fields,
            vec![Field::Basic(BasicField::Name)]
        );
    }

    #[test]
    fn a_choice_for_an_account_deleted_meanwhile_changes_nothing() {
        let (mut mine, theirs) = a_b_and_colleague();
        let plan = plan_merge(&mine, &theirs);
        let mut choices = MergeChoices::default();
        choices.choose_account(conflict_of(&plan, 1), Side::Theirs);
        mine.delete_account(1);
        let summary = apply_merge(&mut mine, &plan, &choices, 1);
        assert_eq!((summary.updated, summary.kept_mine), (0, 1));
        assert!(mine.account(1).is_none());
    }

    #[test]
    fn taking_an_empty_score_of_theirs_removes_mine() {
        let mine = workspace(vec![scored(account(1, "C-1", "Alpha"), 1, 5, "")]);
        let theirs = workspace(vec![account(1, "C-1", "Alpha")]);
        let plan = plan_merge(&mine, &theirs);
        let mut choices = MergeChoices::default();
        choices.choose(1, Field::ScoreValue(1), Side::Theirs);
        let mut merged = mine.clone();
        apply_merge(&mut merged, &plan, &choices, 1);
        assert!(merged.account(1).is_some_and(|a| a.scores.is_empty()));
    }

    mod engagement {
        use super::*;
        use crate::domain::engagement::activity::{Activity, ActivityKind};
        use crate::domain::engagement::team::Role;
        use crate::domain::engagement::AccountEngagement;

        use crate::domain::engagement::test_clock::at;

        fn contact(when: &str, ours: Vec<ColleagueId>, notes: &str) -> Activity {
            Activity {
                id: 0,
                at: at(when),
                kind: ActivityKind::RoutineVisit,
                ours,
                theirs: vec![],
                tenths_of_hours: 10,
                notes: notes.into(),
                next_step: String::new(),
                next_step_on: None,
            }
        }

        fn with_contacts(mut a: Account, contacts: Vec<Activity>) -> Account {
            let mut record = AccountEngagement::default();
            for c in contacts {
                record.log(c);
            }
            a.engagement = EngagementDoc::write(&record).expect("writes");
            a
        }

        fn contacts(a: &Account) -> Vec<Activity> {
            EngagementDoc::read_or_empty(a.engagement.as_ref())
                .expect("reads")
                .activities
        }

        pub(super) fn team(names: &[(&str, ColleagueId)]) -> Option<SettingsDoc> {
            let mut settings = EngagementSettings::default();
            for (name, id) in names {
                settings.team.next_id = *id;
                settings
                    .team
                    .add(name, Role::AccountManager, "")
                    .expect("added");
            }
            SettingsDoc::write(&settings).expect("writes")
        }

        #[test]
        fn their_people_are_mine_by_name_and_the_others_are_added() {
            let mut mine = workspace(vec![account(1, "C-1", "Alpha")]);
            mine.engagement = team(&[("王伟", 1), ("Li Na", 2)]);
            let mut a = account(8, "C-1", "Alpha");
            a.overall_owner = Some(5);
            a.daily_owner = Some(6);
            let mut theirs = workspace(vec![a]);
            theirs.engagement = team(&[("王伟", 5), ("Ana Silva", 6)]);
            let plan = plan_merge(&mine, &theirs);
            assert_eq!(plan.new_people.len(), 1);
            assert_eq!(
                (plan.new_people[0].name.as_str(), plan.new_people[0].id),
                ("Ana Silva", 3)
            );
            let conflict = conflict_of(&plan, 1);
            assert_eq!(
                conflict.fields,
                vec![Field::OverallOwner, Field::DailyOwner]
            );
            assert_eq!(
                (conflict.theirs.overall_owner, conflict.theirs.daily_owner),
                (Some(1), Some(3))
            );
            let mut choices = MergeChoices::default();
            choices.choose_account(conflict, Side::Theirs);
            let summary = apply_merge(&mut mine, &plan, &choices, 9);
            assert_eq!(summary.people_added, 1);
            let mut team = settings(&mine).team;
            assert_eq!(team.name(3), Some("Ana Silva"));
            assert_eq!(mine.accounts[0].daily_owner, Some(3));
            assert_eq!(team.add("Next", Role::Researcher, "").expect("added"), 4);
        }

        #[test]
        fn contacts_only_they_logged_are_added_without_a_choice() {
            let mut mine = workspace(vec![with_contacts(
                account(1, "C-1", "Alpha"),
                vec![contact("2026-05-01 09:00", vec![1], "Kick-off")],
            )]);
            mine.engagement = team(&[("王伟", 1)]);
            let mut theirs = workspace(vec![with_contacts(
                account(4, "C-1", "Alpha"),
                vec![
                    contact("2026-05-01 09:00", vec![7], "Kick-off"),
                    contact("2026-05-20 15:00", vec![7], "Pilot review"),
                ],
            )]);
            theirs.engagement = team(&[("王伟", 7)]);
            let plan = plan_merge(&mine, &theirs);
            assert!(
                plan.conflicts.is_empty(),
                "their participant is my 王伟: the same contact"
            );
            assert_eq!(plan.additions.len(), 1);
            let summary = apply_merge(&mut mine, &plan, &MergeChoices::default(), 9);
            assert_eq!(summary.engagement_added, 1);
            let logged = contacts(&mine.accounts[0]);
            assert_eq!(logged.len(), 2);
            assert_eq!(
                (logged[1].notes.as_str(), logged[1].ours.clone()),
                ("Pilot review", vec![1])
            );
            assert!(
                plan_merge(&mine, &theirs).additions.is_empty(),
                "merging again adds nothing"
            );
        }

        #[test]
        fn a_contact_both_logged_differently_is_chosen_and_additions_come_either_way() {
            let mut mine = workspace(vec![with_contacts(
                account(1, "C-1", "Alpha"),
                vec![contact("2026-05-01 09:00", vec![], "Kick-off")],
            )]);
            let theirs = workspace(vec![with_contacts(
                account(1, "C-1", "Alpha"),
                vec![
                    contact("2026-05-01 09:00", vec![], "Kick-off with the CIO"),
                    contact("2026-06-01 09:00", vec![], "Follow-up"),
                ],
            )]);
            let plan = plan_merge(&mine, &theirs);
            let conflict = conflict_of(&plan, 1);
            assert_eq!(
                (conflict.fields.clone(), conflict.engagement_adds),
                (vec![Field::Engagement], 1)
            );
            let mut kept = mine.clone();
            apply_merge(&mut kept, &plan, &MergeChoices::default(), 9);
            let notes: Vec<_> = contacts(&kept.accounts[0])
                .into_iter()
                .map(|a| a.notes)
                .collect();
            assert_eq!(notes, vec!["Kick-off", "Follow-up"]);
            let mut choices = MergeChoices::default();
            choices.choose(1, Field::Engagement, Side::Theirs);
            apply_merge(&mut mine, &plan, &choices, 9);
            let notes: Vec<_> = contacts(&mine.accounts[0])
                .into_iter()
                .map(|a| a.notes)
                .collect();
            assert_eq!(notes, vec!["Kick-off with the CIO", "Follow-up"]);
        }

        fn inquiry(id: InquiryId, when: &str, company: &str, request: &str) -> Inquiry {
            Inquiry {
                id,
                received_at: Some(at(when)),
                company: company.into(),
                request: request.into(),
                ..Inquiry::default()
            }
        }

        fn log(inquiries: Vec<Inquiry>) -> Option<InquiryDoc> {
            let mut log = InquiryLog::default();
            for i in inquiries {
                log.add(i);
            }
            InquiryDoc::write(&log).expect("writes")
        }

        fn requests(ws: &Workspace) -> Vec<(InquiryId, String, TargetDecision)> {
            InquiryDoc::read_or_empty(ws.inquiries.as_ref())
                .expect("reads")
                .inquiries
                .into_iter()
                .map(|i| (i.id, i.request, i.decision))
                .collect()
        }

        use crate::domain::engagement::InquiryLog;

        #[test]
        fn inquiries_only_they_logged_are_added_and_differing_ones_are_chosen() {
            let mut mine = workspace(vec![account(1, "C-1", "Alpha")]);
            mine.inquiries = log(vec![inquiry(
                0,
                "2026-11-30 09:00",
                "Ningbo Moulds",
                "Price list",
            )]);
            let mut made = inquiry(0, "2026-12-01 10:00", "Beta Bank", "Branch network");
            made.decision = TargetDecision::Target { account: 6 };
            let mut theirs = workspace(vec![
                account(5, "C-1", "Alpha"),
                account(6, "B-2", "Beta Bank"),
            ]);
            theirs.inquiries = log(vec![
                inquiry(
                    0,
                    "2026-11-30 09:00",
                    " ningbo moulds ",
                    "Price list and lead times",
                ),
                made,
            ]);
            let plan = plan_merge(&mine, &theirs);
            assert_eq!(
                (plan.inquiries.new.len(), plan.inquiries.conflicts.len()),
                (1, 1)
            );
            let mut choices = MergeChoices::default();
            choices.choose_inquiry(1, Side::Theirs);
            let summary = apply_merge(&mut mine, &plan, &choices, 9);
            assert_eq!((summary.inquiries_added, summary.inquiries_updated), (1, 1));
            let beta = mine
                .accounts
                .iter()
                .find(|a| a.name == "Beta Bank")
                .expect("added")
                .id;
            assert_eq!(
                requests(&mine),
                vec![
                    (
                        1,
                        "Price list and lead times".to_owned(),
                        TargetDecision::Open
                    ),
                    (
                        2,
                        "Branch network".to_owned(),
                        TargetDecision::Target { account: beta }
                    ),
                ]
            );
        }

        #[test]
        fn an_inquiry_made_a_target_of_an_account_left_out_is_open_again() {
            let mut mine = workspace(vec![]);
            let mut made = inquiry(0, "2026-12-01 10:00", "Beta Bank", "Branch network");
            made.decision = TargetDecision::Target { account: 6 };
            let mut theirs = workspace(vec![account(6, "B-2", "Beta Bank")]);
            theirs.inquiries = log(vec![made]);
            let plan = plan_merge(&mine, &theirs);
            let mut choices = MergeChoices::default();
            choices.set_adds(0, false);
            apply_merge(&mut mine, &plan, &choices, 9);
            assert_eq!(requests(&mine)[0].2, TargetDecision::Open);
        }
    }

    fn by_name<'a>(ws: &'a Workspace, name: &str) -> &'a Account {
        ws.accounts
            .iter()
            .find(|a| a.name == name)
            .expect("an account of that name")
    }

    fn child_of(mut a: Account, parent: AccountId) -> Account {
        a.parent = Some(parent);
        a
    }

    mod development {
        use super::*;
        use crate::domain::development::{AccountDevelopment, PaymentRecord, Referral};

        fn with_record(
            mut a: Account,
            payment: Option<PaymentRecord>,
            referrals: &[(&str, Option<AccountId>)],
        ) -> Account {
            let record = AccountDevelopment {
                payment,
                referrals: referrals
                    .iter()
                    .zip(1..)
                    .map(|((name, account), id)| Referral {
                        id,
                        name: (*name).into(),
                        account: *account,
                        ..Referral::default()
                    })
                    .collect(),
                ..AccountDevelopment::default()
            };
            a.development = DevelopmentDoc::write(&record).expect("writes");
            a
        }

        fn record(a: &Account) -> AccountDevelopment {
            DevelopmentDoc::read_or_empty(a.development.as_ref()).expect("reads")
        }

        fn referred(a: &Account) -> Vec<(String, Option<AccountId>)> {
            record(a)
                .referrals
                .into_iter()
                .map(|r| (r.name, r.account))
                .collect()
        }

        #[test]
        fn a_development_record_is_kept_or_taken_whole() {
            let mine = workspace(vec![with_record(
                account(1, "C-1", "Alpha"),
                Some(PaymentRecord::Good),
                &[("Gamma Motors", None)],
            )]);
            let theirs = workspace(vec![with_record(
                account(7, "C-1", "Alpha"),
                Some(PaymentRecord::Late),
                &[],
            )]);
            let plan = plan_merge(&mine, &theirs);
            assert_eq!(conflict_of(&plan, 1).fields, vec![Field::Development]);
            let mut kept = mine.clone();
            let summary = apply_merge(&mut kept, &plan, &MergeChoices::default(), 9);
            assert_eq!((summary.development_taken, summary.kept_mine), (0, 1));
            assert_eq!(kept.accounts, mine.accounts);
            let mut choices = MergeChoices::default();
            choices.choose(1, Field::Development, Side::Theirs);
            let mut taken = mine.clone();
            let summary = apply_merge(&mut taken, &plan, &choices, 9);
            assert_eq!((summary.development_taken, summary.updated), (1, 1));
            let after = record(&taken.accounts[0]);
            assert_eq!(after.payment, Some(PaymentRecord::Late));
            assert!(after.referrals.is_empty(), "nothing of mine is mixed in");
            assert_eq!(taken.accounts[0].updated_at, 9);
        }

        #[test]
        fn a_referral_naming_the_same_customer_under_another_id_is_no_difference() {
            let mine = workspace(vec![
                with_record(account(1, "C-1", "Alpha"), None, &[("Beta", Some(2))]),
                account(2, "B-1", "Beta"),
            ]);
            let theirs = workspace(vec![
                account(8, "B-1", "Beta"),
                with_record(account(7, "C-1", "Alpha"), None, &[("Beta", Some(8))]),
            ]);
            let plan = plan_merge(&mine, &theirs);
            assert!(plan.conflicts.is_empty());
            assert_eq!(plan.unchanged, vec![2, 1]);
        }

        #[test]
        fn taking_their_development_record_places_referrals_on_my_accounts_or_clears_them() {
            let mut mine = workspace(vec![account(1, "C-1", "Alpha"), account(2, "B-1", "Beta")]);
            let theirs = workspace(vec![
                with_record(
                    account(10, "C-1", "Alpha"),
                    None,
                    &[
                        ("Beta", Some(11)),
                        ("Gamma", Some(12)),
                        ("Delta", Some(13)),
                        ("Ghost", Some(99)),
                    ],
                ),
                account(11, "B-1", "Beta"),
                account(12, "G-1", "Gamma"),
                account(13, "D-1", "Delta"),
            ]);
            let plan = plan_merge(&mine, &theirs);
            assert_eq!(conflict_of(&plan, 1).fields, vec![Field::Development]);
            let mut choices = MergeChoices::default();
            choices.choose(1, Field::Development, Side::Theirs);
            choices.set_adds(3, false);
            apply_merge(&mut mine, &plan, &choices, 9);
            assert_eq!(by_name(&mine, "Gamma").id, 3);
            assert_eq!(
                referred(&mine.accounts[0]),
                vec![
                    ("Beta".to_owned(), Some(2)),
                    ("Gamma".to_owned(), Some(3)),
                    ("Delta".to_owned(), None),
                    ("Ghost".to_owned(), None),
                ]
            );
        }

        #[test]
        fn a_referral_naming_an_account_new_to_me_is_a_difference() {
            let mine = workspace(vec![with_record(
                account(1, "C-1", "Alpha"),
                None,
                &[("Gamma", None)],
            )]);
            let theirs = workspace(vec![
                with_record(account(1, "C-1", "Alpha"), None, &[("Gamma", Some(2))]),
                account(2, "G-1", "Gamma"),
            ]);
            let plan = plan_merge(&mine, &theirs);
            assert_eq!(conflict_of(&plan, 1).fields, vec![Field::Development]);
        }

        #[test]
        fn a_new_account_brings_its_development_record_with_referrals_placed() {
            let mut mine = workspace(vec![account(5, "B-1", "Beta")]);
            let theirs = workspace(vec![
                account(1, "B-1", "Beta"),
                with_record(
                    account(2, "N-1", "Newco"),
                    Some(PaymentRecord::Good),
                    &[("Beta", Some(1)), ("Elsewhere", Some(40))],
                ),
            ]);
            let plan = plan_merge(&mine, &theirs);
            let summary = apply_merge(&mut mine, &plan, &MergeChoices::default(), 9);
            assert_eq!((summary.added, summary.development_taken), (1, 0));
            let newco = by_name(&mine, "Newco");
            assert_eq!(newco.id, 6);
            assert_eq!(record(newco).payment, Some(PaymentRecord::Good));
            assert_eq!(
                referred(newco),
                vec![("Beta".to_owned(), Some(5)), ("Elsewhere".to_owned(), None)]
            );
        }
    }

    mod groups {
        use super::*;

        #[test]
        fn their_group_parent_is_compared_and_taken_as_the_account_it_names_here() {
            let mine = workspace(vec![
                account(1, "G-1", "Group"),
                child_of(account(2, "A-1", "Alpha"), 1),
                account(3, "B-1", "Beta"),
                account(4, "O-1", "Other"),
            ]);
            let theirs = workspace(vec![
                account(11, "G-1", "Group"),
                child_of(account(12, "A-1", "Alpha"), 11),
                child_of(account(13, "B-1", "Beta"), 14),
                account(14, "O-1", "Other"),
            ]);
            let plan = plan_merge(&mine, &theirs);
            assert_eq!(plan.unchanged, vec![1, 2, 4], "Alpha's parent is the same");
            let beta = conflict_of(&plan, 3);
            assert_eq!(beta.fields, vec![Field::Parent]);
            assert_eq!(
                beta.parent,
                Some(IncomingParent {
                    here: Here::Mine(4),
                    name: "Other".into()
                })
            );
            assert_eq!(beta.theirs.parent, None, "their id means nothing here");
            let mut kept = mine.clone();
            let summary = apply_merge(&mut kept, &plan, &MergeChoices::default(), 9);
            assert_eq!(summary.parents_set, 0);
            assert_eq!(kept.account(3).and_then(|a| a.parent), None);
            let mut choices = MergeChoices::default();
            choices.choose(3, Field::Parent, Side::Theirs);
            let mut taken = mine.clone();
            let summary = apply_merge(&mut taken, &plan, &choices, 9);
            assert_eq!((summary.parents_set, summary.updated), (1, 1));
            assert_eq!(taken.account(3).and_then(|a| a.parent), Some(4));
        }

        #[test]
        fn a_new_account_brings_its_parent_placed_here() {
            let mut mine = workspace(vec![account(1, "G-1", "Group"), account(2, "A-1", "Alpha")]);
            let theirs = workspace(vec![
                account(20, "G-1", "Group"),
                child_of(account(21, "B-1", "Branch"), 20),
                // A parent further down the file, itself new.
                child_of(account(22, "S-1", "Subsidiary"), 23),
                account(23, "H-1", "Holding"),
                child_of(account(24, "A-1", "Alpha"), 23),
            ]);
            let plan = plan_merge(&mine, &theirs);
            let alpha = conflict_of(&plan, 2);
            assert_eq!(alpha.fields, vec![Field::Parent]);
            assert_eq!(alpha.parent.as_ref().map(|p| p.here), Some(Here::New(3)));
            assert!(plan.new_accounts.iter().all(|n| n.account.parent.is_none()));
            let mut choices = MergeChoices::default();
            choices.choose(2, Field::Parent, Side::Theirs);
            let summary = apply_merge(&mut mine, &plan, &choices, 9);
            let holding = by_name(&mine, "Holding").id;
            assert_eq!(by_name(&mine, "Branch").parent, Some(1));
            assert_eq!(by_name(&mine, "Subsidiary").parent, Some(holding));
            assert_eq!(by_name(&mine, "Holding").parent, None);
            assert_eq!(mine.account(2).and_then(|a| a.parent), Some(holding));
            assert_eq!((summary.parents_set, summary.links_refused), (3, 0));
        }

        #[test]
        fn a_parent_that_does_not_come_over_leaves_mine() {
            let mut mine = workspace(vec![
                account(1, "G-1", "Group"),
                child_of(account(2, "A-1", "Alpha"), 1),
                child_of(account(3, "C-1", "Gamma"), 1),
            ]);
            let theirs = workspace(vec![
                // A parent their file does not hold: no difference.
                child_of(account(12, "A-1", "Alpha"), 99),
                // A parent new to me that the user leaves out.
                child_of(account(13, "C-1", "Gamma"), 14),
                account(14, "H-1", "Holding"),
                child_of(account(15, "N-1", "Newco"), 14),
            ]);
            let plan = plan_merge(&mine, &theirs);
            assert_eq!(plan.unchanged, vec![2]);
            assert_eq!(conflict_of(&plan, 3).fields, vec![Field::Parent]);
            let mut choices = MergeChoices::default();
            choices.choose(3, Field::Parent, Side::Theirs);
            choices.set_adds(2, false);
            let summary = apply_merge(&mut mine, &plan, &choices, 9);
            assert_eq!(mine.account(3).and_then(|a| a.parent), Some(1));
            assert_eq!(by_name(&mine, "Newco").parent, None);
            assert_eq!((summary.parents_set, summary.links_refused), (0, 0));
        }

        #[test]
        fn taking_no_parent_from_theirs_clears_mine() {
            let mut mine = workspace(vec![
                account(1, "G-1", "Group"),
                child_of(account(2, "A-1", "Alpha"), 1),
            ]);
            let theirs = workspace(vec![account(1, "G-1", "Group"), account(2, "A-1", "Alpha")]);
            let plan = plan_merge(&mine, &theirs);
            let alpha = conflict_of(&plan, 2);
            assert_eq!(
                (alpha.fields.clone(), alpha.parent.clone()),
                (vec![Field::Parent], None)
            );
            let mut choices = MergeChoices::default();
            choices.choose_everywhere(&plan, Side::Theirs);
            let summary = apply_merge(&mut mine, &plan, &choices, 9);
            assert_eq!(summary.parents_set, 1);
            assert_eq!(mine.account(2).and_then(|a| a.parent), None);
        }

        #[test]
        fn a_link_that_would_make_a_loop_is_not_set_and_is_counted() {
            let mut mine = workspace(vec![
                child_of(account(1, "A-1", "A"), 2),
                account(2, "B-1", "B"),
            ]);
            let theirs = workspace(vec![
                child_of(account(11, "A-1", "A"), 12),
                child_of(account(12, "B-1", "B"), 11),
                child_of(account(13, "X-1", "X"), 14),
                child_of(account(14, "Y-1", "Y"), 13),
                // A link to itself makes no group: nothing to set or refuse.
                child_of(account(15, "Z-1", "Z"), 15),
            ]);
            let plan = plan_merge(&mine, &theirs);
            assert_eq!(conflict_of(&plan, 2).fields, vec![Field::Parent]);
            let mut choices = MergeChoices::default();
            choices.choose(2, Field::Parent, Side::Theirs);
            let summary = apply_merge(&mut mine, &plan, &choices, 9);
            assert_eq!((summary.parents_set, summary.links_refused), (1, 2));
            assert_eq!(mine.account(2).and_then(|a| a.parent), None);
            assert_eq!(mine.account(1).and_then(|a| a.parent), Some(2));
            let (x, y) = (by_name(&mine, "X"), by_name(&mine, "Y"));
            assert_eq!((x.parent, y.parent), (Some(y.id), None));
            assert_eq!(by_name(&mine, "Z").parent, None);
        }

        #[test]
        fn links_are_set_in_whatever_order_avoids_a_loop() {
            let mut mine = workspace(vec![
                child_of(account(1, "A-1", "A"), 2),
                account(2, "B-1", "B"),
                account(3, "C-1", "C"),
            ]);
            // They moved A under C and then B under A; B comes first in the file.
            let theirs = workspace(vec![
                child_of(account(12, "B-1", "B"), 11),
                child_of(account(11, "A-1", "A"), 13),
                account(13, "C-1", "C"),
            ]);
            let plan = plan_merge(&mine, &theirs);
            let mut choices = MergeChoices::default();
            choices.choose_everywhere(&plan, Side::Theirs);
            let summary = apply_merge(&mut mine, &plan, &choices, 9);
            assert_eq!((summary.parents_set, summary.links_refused), (2, 0));
            assert_eq!(mine.account(1).and_then(|a| a.parent), Some(3));
            assert_eq!(mine.account(2).and_then(|a| a.parent), Some(1));
        }
    }

    mod years {
        use super::engagement::team;
        use super::*;
        use crate::domain::development::categories::{CategorySettings, CategorySettingsDoc};
        use crate::domain::development::list_plan::{ListPlan, SegmentPlan};
        use crate::domain::engagement::test_clock::day;
        use crate::domain::review::{AccountSnapshot, Snapshots};
        use crate::domain::tiering::{PlannedSizes, Thresholds};
        use crate::domain::Tenths;

        fn year(y: i32, accounts: &[(AccountId, &str)]) -> YearSnapshot {
            YearSnapshot {
                year: y,
                closed_on: day(&format!("{y}-12-31")),
                model: ScoringModel::default_model(),
                thresholds: Thresholds::default(),
                planned: PlannedSizes::default(),
                accounts: accounts
                    .iter()
                    .map(|(id, name)| AccountSnapshot {
                        id: *id,
                        name: (*name).into(),
                        ..AccountSnapshot::default()
                    })
                    .collect(),
                contacts: None,
                inquiries: None,
            }
        }

        fn closed(years: Vec<YearSnapshot>) -> Option<SnapshotsDoc> {
            SnapshotsDoc::write(&Snapshots { years }).expect("writes")
        }

        /// Each closed year with its accounts' ids and names.
        fn closed_years(ws: &Workspace) -> Vec<(i32, Vec<(AccountId, String)>)> {
            SnapshotsDoc::read_or_empty(ws.snapshots.as_ref())
                .expect("reads")
                .years
                .into_iter()
                .map(|y| {
                    let accounts = y.accounts.into_iter().map(|a| (a.id, a.name)).collect();
                    (y.year, accounts)
                })
                .collect()
        }

        fn names(accounts: &[(AccountId, &str)]) -> Vec<(AccountId, String)> {
            accounts
                .iter()
                .map(|(id, name)| (*id, (*name).to_owned()))
                .collect()
        }

        #[test]
        fn closed_years_only_theirs_has_are_added_with_their_accounts_on_my_ids() {
            let mut mine = workspace(vec![account(1, "A-1", "Alpha"), account(2, "B-1", "Beta")]);
            // Ids 3 and 4 were given to accounts deleted since.
            mine.next_account_id = 5;
            mine.snapshots = closed(vec![year(2025, &[(1, "Alpha")])]);
            let mut theirs = workspace(vec![
                account(10, "A-1", "Alpha"),
                account(12, "G-1", "Gamma"),
                account(13, "D-1", "Delta"),
            ]);
            theirs.snapshots = closed(vec![
                year(
                    2023,
                    &[(10, "Alpha"), (12, "Gamma"), (13, "Delta"), (30, "Old Co")],
                ),
                year(2024, &[(10, "Alpha"), (30, "Old Co"), (31, "Gone Co")]),
                year(2025, &[(10, "Alpha")]),
            ]);
            let plan = plan_merge(&mine, &theirs);
            assert_eq!(plan.closed_years.years_added, vec![2023, 2024]);
            assert_eq!(plan.closed_years.years_kept_mine, vec![2025]);
            let mut choices = MergeChoices::default();
            choices.set_adds(2, false);
            let summary = apply_merge(&mut mine, &plan, &choices, 9);
            assert_eq!(summary.closed_years_added, 2);
            assert_eq!(by_name(&mine, "Gamma").id, 5);
            // Delta was left out: like Old Co, it is not in my register, under an id
            // above every id of mine, the same in every year.
            assert_eq!(
                closed_years(&mine),
                vec![
                    (
                        2023,
                        names(&[(1, "Alpha"), (5, "Gamma"), (6, "Delta"), (7, "Old Co")])
                    ),
                    (2024, names(&[(1, "Alpha"), (7, "Old Co"), (8, "Gone Co")])),
                    (2025, names(&[(1, "Alpha")])),
                ]
            );
            assert_eq!(mine.next_account_id, 9);
            assert_eq!(mine.add_account(account(0, "", "Later"), 10), 9);
        }

        #[test]
        fn a_closed_year_both_have_keeps_mine_and_is_reported_only_when_theirs_differs() {
            let mut mine = workspace(vec![account(1, "A-1", "Alpha")]);
            mine.snapshots = closed(vec![year(2025, &[(1, "Alpha")])]);
            let plan = plan_merge(&mine, &mine.clone());
            assert_eq!(plan.closed_years, YearsPlan::default());
            let mut theirs = mine.clone();
            theirs.snapshots = closed(vec![year(2025, &[(1, "Alpha Renamed")])]);
            let plan = plan_merge(&mine, &theirs);
            assert_eq!(plan.closed_years.years_kept_mine, vec![2025]);
            let before = mine.clone();
            let summary = apply_merge(&mut mine, &plan, &MergeChoices::default(), 9);
            assert_eq!(summary.closed_years_added, 0);
            assert_eq!(mine.snapshots, before.snapshots);
            assert_eq!(mine.next_account_id, before.next_account_id);
        }

        fn segment(name: &str, large: u32, collector: Option<ColleagueId>) -> SegmentPlan {
            SegmentPlan {
                segment: name.into(),
                large,
                collector,
                ..SegmentPlan::default()
            }
        }

        fn list(years: Vec<(i32, SegmentPlan)>) -> Option<ListPlanDoc> {
            let years = years
                .into_iter()
                .map(|(year, segment)| YearListPlan {
                    year,
                    segments: vec![segment],
                })
                .collect();
            ListPlanDoc::write(&ListPlan { years }).expect("writes")
        }

        #[test]
        fn list_plan_years_only_theirs_has_are_added_with_collectors_as_my_people() {
            let mut mine = workspace(vec![]);
            mine.engagement = team(&[("王伟", 1)]);
            mine.list_plan = list(vec![(2026, segment("Auto", 30, Some(1)))]);
            let mut theirs = workspace(vec![]);
            theirs.engagement = team(&[("Ana Silva", 4), ("王伟", 5)]);
            theirs.list_plan = list(vec![
                (2027, segment("Energy", 5, Some(5))),
                (2026, segment("Auto", 99, Some(5))),
                (2025, segment("Banks", 10, Some(4))),
            ]);
            let plan = plan_merge(&mine, &theirs);
            assert_eq!(plan.list_plan.years_added, vec![2025, 2027]);
            assert_eq!(plan.list_plan.years_kept_mine, vec![2026]);
            let summary = apply_merge(&mut mine, &plan, &MergeChoices::default(), 9);
            assert_eq!(summary.list_plan_years_added, 2);
            let ana = settings(&mine).team.find_by_name("Ana Silva");
            assert_eq!(ana, Some(2));
            let years: Vec<(i32, String, u32, Option<ColleagueId>)> =
                ListPlanDoc::read_or_empty(mine.list_plan.as_ref())
                    .expect("reads")
                    .years
                    .into_iter()
                    .map(|y| {
                        let s = &y.segments[0];
                        (y.year, s.segment.clone(), s.large, s.collector)
                    })
                    .collect();
            assert_eq!(
                years,
                vec![
                    (2025, "Banks".to_owned(), 10, ana),
                    (2026, "Auto".to_owned(), 30, Some(1)),
                    (2027, "Energy".to_owned(), 5, Some(1)),
                ]
            );
            // The same plan merged again says nothing.
            assert_eq!(
                plan_merge(&mine, &mine.clone()).list_plan,
                YearsPlan::default()
            );
        }

        #[test]
        fn category_settings_and_the_thresholds_draft_are_never_touched() {
            let mut mine = workspace(vec![account(1, "A-1", "Alpha")]);
            assert!(mine.set_draft_threshold(crate::domain::Axis::Feasibility, Tenths(60)));
            let mut theirs = workspace(vec![account(1, "A-1", "Alpha")]);
            theirs.categories = CategorySettingsDoc::write(&CategorySettings {
                potential_percent: 30,
                ..CategorySettings::default()
            })
            .expect("writes");
            assert!(theirs.set_draft_threshold(crate::domain::Axis::Attractiveness, Tenths(80)));
            let before = mine.clone();
            let plan = plan_merge(&mine, &theirs);
            apply_merge(&mut mine, &plan, &MergeChoices::default(), 9);
            assert_eq!(mine, before);
        }

        #[test]
        fn documents_of_mine_that_cannot_be_read_are_never_merged_into() {
            let mut mine = workspace(vec![]);
            mine.snapshots = serde_json::from_str(r#"{"years":7}"#).expect("json");
            mine.list_plan = serde_json::from_str(r#"{"years":"2026"}"#).expect("json");
            let mut theirs = workspace(vec![account(1, "A-1", "Alpha")]);
            theirs.snapshots = closed(vec![year(2024, &[(1, "Alpha"), (5, "Old")])]);
            theirs.list_plan = list(vec![(2026, segment("Auto", 30, None))]);
            let plan = plan_merge(&mine, &theirs);
            assert!(plan.closed_years.mine_unreadable && plan.list_plan.mine_unreadable);
            assert!(plan.closed_years.years_added.is_empty());
            let before = mine.clone();
            let summary = apply_merge(&mut mine, &plan, &MergeChoices::default(), 9);
            assert_eq!(
                (summary.closed_years_added, summary.list_plan_years_added),
                (0, 0)
            );
            assert_eq!(
                (&mine.snapshots, &mine.list_plan),
                (&before.snapshots, &before.list_plan)
            );
            assert_eq!(mine.next_account_id, 2, "no id is set aside");
        }
    }
}
