//! The merge planner on two workspaces built from structured input: accounts whose
//! numbers and names collide in every way the identity rule knows (case, spaces, one
//! without a number), scores on criteria matched by name in either language, screening,
//! overrides and plans, and ids of any size; our people with names that collide, owners,
//! contact logs whose contacts collide by time and kind, and inquiry logs whose
//! inquiries collide by time and company.
//!
//! Checks, besides no panic:
//! - every incoming account is accounted for once: new, in conflict, unchanged or a
//!   repeat; each of my accounts is matched at most once; every field a conflict lists
//!   differs;
//! - keeping mine everywhere leaves each of my accounts exactly as it was, and adds the
//!   new accounts with fresh ids (above every existing id, all distinct), never touching
//!   the model or the tier settings;
//! - with choices made field by field, each field taken now equals theirs and every
//!   other field of mine is unchanged; the summary adds up;
//! - engagement: no contact of mine is lost, and after a merge theirs adds nothing more;
//!   every owner and participant names one of my people (ids distinct); every inquiry of
//!   mine stays (its id too) and theirs that were new are added under fresh ids.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{DateTime, NaiveDateTime};
use kam::domain::account::Field as BasicField;
use kam::domain::engagement::activity::{Activity, ActivityKind};
use kam::domain::engagement::inquiry::{Inquiry, TargetDecision};
use kam::domain::engagement::team::Role;
use kam::domain::engagement::{
    AccountEngagement, EngagementDoc, EngagementSettings, InquiryDoc, InquiryLog, SettingsDoc,
};
use kam::domain::merge::{apply_merge, plan_merge, Field, MergeChoices, Side};
use kam::domain::plan::PlanDoc;
use kam::domain::pyramid::{Level, LevelOverride};
use kam::domain::{
    Account, Answer, Gate, LocalizedText, Ownership, Relationship, Score, ScoringModel, SizeBand,
    Tier, TierOverride, Workspace,
};
use libfuzzer_sys::fuzz_target;

const NUMBERS: &[&str] = &["", "C-001", " c-001 ", "C-002", "K 101", "k  101", "  "];
const NAMES: &[&str] = &[
    "",
    "Alpha",
    " alpha ",
    "ALPHA",
    "Beta",
    "上海汽车",
    "上海  汽车",
    "Alpha Group",
];

#[derive(Arbitrary, Debug)]
enum Pick {
    Known(u8),
    Other(String),
}

impl Pick {
    fn get(&self, list: &[&str]) -> String {
        match self {
            Pick::Known(i) => list[*i as usize % list.len()].to_owned(),
            Pick::Other(s) => s.clone(),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Id {
    Small(u8),
    Any(u64),
}

impl Id {
    fn get(&self) -> u64 {
        match self {
            Id::Small(n) => u64::from(*n),
            Id::Any(n) => *n,
        }
    }
}

#[derive(Arbitrary, Debug)]
enum PlanSpec {
    Empty,
    Strengths(String),
    /// The same plan written with other spacing and key order.
    Respaced(String, String),
    Raw(String),
}

impl PlanSpec {
    fn doc(&self) -> Option<PlanDoc> {
        let text = match self {
            PlanSpec::Empty => "{}".to_owned(),
            PlanSpec::Strengths(s) => {
                format!(
                    r#"{{"swot":{{"strengths":{}}}}}"#,
                    serde_json::Value::from(s.as_str())
                )
            }
            PlanSpec::Respaced(s, summary) => format!(
                r#"{{ "summary" : {} , "swot" : {{ "strengths" : {} }} }}"#,
                serde_json::Value::from(summary.as_str()),
                serde_json::Value::from(s.as_str())
            ),
            PlanSpec::Raw(s) => s.clone(),
        };
        serde_json::from_str(&text).ok()
    }
}

const PEOPLE: &[&str] = &["王伟", " 王伟 ", "Ana Silva", "ana  silva", "Li Na", ""];

/// A time among a few, so contacts and inquiries of two workspaces collide.
fn time(at: u8) -> NaiveDateTime {
    DateTime::from_timestamp(1_780_000_000 + i64::from(at % 6) * 3_600, 0)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

#[derive(Arbitrary, Debug)]
struct ContactSpec {
    at: u8,
    kind: u8,
    ours: Vec<u8>,
    notes: Pick,
    tenths: u8,
}

impl ContactSpec {
    fn activity(&self) -> Activity {
        Activity {
            id: 0,
            at: time(self.at),
            kind: ActivityKind::ALL[self.kind as usize % ActivityKind::ALL.len()],
            ours: self.ours.iter().map(|p| u32::from(*p % 8)).collect(),
            theirs: vec![],
            tenths_of_hours: u32::from(self.tenths),
            notes: self.notes.get(NAMES),
            next_step: String::new(),
            next_step_on: None,
        }
    }
}

#[derive(Arbitrary, Debug)]
enum EngagementSpec {
    Contacts(Vec<ContactSpec>, Option<u8>),
    Raw(String),
}

impl EngagementSpec {
    fn doc(&self) -> Option<EngagementDoc> {
        match self {
            EngagementSpec::Contacts(contacts, per_year) => {
                let mut record = AccountEngagement {
                    contacts_per_year: per_year.map(|n| u32::from(n % 13)),
                    ..AccountEngagement::default()
                };
                for c in contacts {
                    record.log(c.activity());
                }
                EngagementDoc::write(&record).ok().flatten()
            }
            EngagementSpec::Raw(text) => serde_json::from_str(text).ok(),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct InquirySpec {
    at: Option<u8>,
    company: Pick,
    request: Pick,
    handler: Option<u8>,
    target: Option<u8>,
}

impl InquirySpec {
    fn inquiry(&self) -> Inquiry {
        Inquiry {
            received_at: self.at.map(time),
            company: self.company.get(NAMES),
            request: self.request.get(NAMES),
            handler: self.handler.map(|p| u32::from(p % 8)),
            decision: self
                .target
                .map_or(TargetDecision::Open, |a| TargetDecision::Target {
                    account: u64::from(a % 8),
                }),
            ..Inquiry::default()
        }
    }
}

#[derive(Arbitrary, Debug)]
struct AccountSpec {
    id: Id,
    number: Pick,
    name: Pick,
    texts: Vec<(u8, String)>,
    ownership: Option<u8>,
    size_band: Option<u8>,
    employees: Option<u32>,
    prospect: bool,
    gates: [u8; 4],
    screening_note: String,
    scores: Vec<(u8, Option<u8>, String)>,
    tier_override: Option<(u8, String, i64)>,
    level_override: Option<(Option<u8>, String, i64)>,
    plan: Option<PlanSpec>,
    owners: (Option<u8>, Option<u8>),
    engagement: Option<EngagementSpec>,
}

impl AccountSpec {
    fn account(&self) -> Account {
        let mut a = Account {
            id: self.id.get(),
            number: self.number.get(NUMBERS),
            name: self.name.get(NAMES),
            ownership: self
                .ownership
                .map(|i| Ownership::ALL[i as usize % Ownership::ALL.len()]),
            size_band: self
                .size_band
                .map(|i| SizeBand::ALL[i as usize % SizeBand::ALL.len()]),
            employees: self.employees,
            relationship: if self.prospect {
                Relationship::Prospect
            } else {
                Relationship::Customer
            },
            ..Account::default()
        };
        for (field, text) in &self.texts {
            let field = BasicField::ALL[*field as usize % BasicField::ALL.len()];
            if let Some(slot) = field.text_mut(&mut a) {
                slot.clone_from(text);
            }
        }
        for (gate, answer) in Gate::ALL.into_iter().zip(self.gates) {
            let answer = [Answer::Unknown, Answer::Yes, Answer::No][answer as usize % 3];
            a.screening.set(gate, answer);
        }
        a.screening.note.clone_from(&self.screening_note);
        for (criterion, value, note) in &self.scores {
            a.scores.insert(
                u32::from(*criterion % 12),
                Score {
                    value: *value,
                    note: note.clone(),
                },
            );
        }
        a.tier_override = self
            .tier_override
            .as_ref()
            .map(|(t, reason, at)| TierOverride {
                tier: Tier::ALL[*t as usize % Tier::ALL.len()],
                reason: reason.clone(),
                at: *at,
            });
        a.level_override = self
            .level_override
            .as_ref()
            .map(|(l, reason, at)| LevelOverride {
                level: l.map(|l| Level::ALL[l as usize % Level::ALL.len()]),
                reason: reason.clone(),
                at: *at,
            });
        a.plan = self.plan.as_ref().and_then(PlanSpec::doc);
        a.overall_owner = self.owners.0.map(|p| u32::from(p % 8));
        a.daily_owner = self.owners.1.map(|p| u32::from(p % 8));
        a.engagement = self.engagement.as_ref().and_then(EngagementSpec::doc);
        a
    }
}

/// Criteria of the default model, renamed, renumbered or dropped.
#[derive(Arbitrary, Debug)]
struct CriterionSpec {
    from_default: u8,
    id: u8,
    zh: Option<Pick>,
    en: Option<Pick>,
}

#[derive(Arbitrary, Debug)]
struct WorkspaceSpec {
    accounts: Vec<AccountSpec>,
    criteria: Option<Vec<CriterionSpec>>,
    next_account_id: Id,
    /// Our people: (id below 8, name, role).
    people: Vec<(u8, Pick, u8)>,
    inquiries: Vec<InquirySpec>,
}

fn workspace(spec: &WorkspaceSpec) -> Workspace {
    let mut model = ScoringModel::default_model();
    if let Some(criteria) = &spec.criteria {
        let defaults = model.criteria.clone();
        let names: Vec<&str> = defaults
            .iter()
            .flat_map(|c| [c.name.zh.as_str(), c.name.en.as_str()])
            .collect();
        model.criteria = criteria
            .iter()
            .map(|c| {
                let mut criterion = defaults[c.from_default as usize % defaults.len()].clone();
                criterion.id = u32::from(c.id % 12);
                let zh =
                    c.zh.as_ref()
                        .map_or(criterion.name.zh.clone(), |p| p.get(&names));
                let en =
                    c.en.as_ref()
                        .map_or(criterion.name.en.clone(), |p| p.get(&names));
                criterion.name = LocalizedText::new(&zh, &en);
                criterion
            })
            .collect();
    }
    let mut settings = EngagementSettings::default();
    for (id, name, role) in &spec.people {
        settings.team.next_id = u32::from(id % 8);
        let role = Role::ALL[*role as usize % Role::ALL.len()];
        // Names taken or missing are refused, as the app refuses them.
        let _ = settings.team.add(&name.get(PEOPLE), role, "");
    }
    let mut log = InquiryLog::default();
    for inquiry in &spec.inquiries {
        log.add(inquiry.inquiry());
    }
    Workspace {
        accounts: spec.accounts.iter().map(AccountSpec::account).collect(),
        model,
        next_account_id: spec.next_account_id.get(),
        engagement: SettingsDoc::write(&settings).ok().flatten(),
        inquiries: InquiryDoc::write(&log).ok().flatten(),
        ..Workspace::default()
    }
}

fn contacts(account: &Account) -> Option<Vec<Activity>> {
    EngagementDoc::read_or_empty(account.engagement.as_ref())
        .ok()
        .map(|e| e.activities)
}

fn inquiries(ws: &Workspace) -> Vec<Inquiry> {
    InquiryDoc::read_or_empty(ws.inquiries.as_ref())
        .map(|l| l.inquiries)
        .unwrap_or_default()
}

/// After a merge: no contact of `before` is lost from `after` (readable records only).
fn keeps_contacts(before: &Account, after: &Account) {
    if let (Some(b), Some(a)) = (contacts(before), contacts(after)) {
        for contact in &b {
            assert!(
                a.iter()
                    .any(|c| c.at == contact.at && c.kind == contact.kind),
                "a contact of mine was lost"
            );
        }
        let mut ids: Vec<u32> = a.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "two contacts share an id");
    }
}

/// Every owner and participant of the merged workspace names one of my people.
fn owners_are_mine(merged: &Workspace, mine: &Workspace, plan_new: usize) {
    let team = SettingsDoc::read_or_empty(merged.engagement.as_ref()).map(|s| s.team);
    let Ok(team) = team else { return };
    let mut ids: Vec<u32> = team.people.iter().map(|p| p.id).collect();
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "two people share an id");
    let before = SettingsDoc::read_or_empty(mine.engagement.as_ref())
        .map(|s| s.team.people.len())
        .unwrap_or(0);
    assert_eq!(team.people.len(), before + plan_new);
    // Accounts added from theirs: their owners were moved onto my people.
    for account in &merged.accounts[mine.accounts.len()..] {
        for owner in [account.overall_owner, account.daily_owner]
            .into_iter()
            .flatten()
        {
            assert!(team.get(owner).is_some(), "an owner names nobody of mine");
        }
        for contact in contacts(account).unwrap_or_default() {
            for p in contact.ours {
                assert!(team.get(p).is_some(), "a participant names nobody of mine");
            }
        }
    }
}

/// Every field a merge can change for my criteria, and for ids no criterion has.
fn all_fields(ws: &Workspace) -> Vec<Field> {
    let ids: Vec<u32> = ws
        .model
        .criteria
        .iter()
        .map(|c| c.id)
        .chain(0..12)
        .collect();
    Field::every(&ids).collect()
}

#[derive(Arbitrary, Debug)]
struct Input {
    mine: WorkspaceSpec,
    theirs: WorkspaceSpec,
    /// Per conflict and field: take theirs?
    take: Vec<bool>,
    leave_out: Vec<bool>,
    now: i64,
}

fuzz_target!(|input: Input| {
    let mine = workspace(&input.mine);
    let theirs = workspace(&input.theirs);
    let plan = plan_merge(&mine, &theirs);

    assert_eq!(
        plan.new_accounts.len()
            + plan.conflicts.len()
            + plan.additions.len()
            + plan.unchanged.len()
            + plan.repeats.len(),
        theirs.accounts.len(),
        "an incoming account is not accounted for once"
    );
    let mut matched: Vec<u64> = plan
        .conflicts
        .iter()
        .map(|c| c.mine.id)
        .chain(plan.additions.iter().map(|a| a.mine))
        .chain(plan.unchanged.iter().copied())
        .collect();
    matched.sort_unstable();
    let before = matched.len();
    matched.dedup();
    assert_eq!(matched.len(), before, "an account of mine is matched twice");
    for conflict in &plan.conflicts {
        assert!(!conflict.fields.is_empty());
        for field in &conflict.fields {
            assert!(
                field.differs(&conflict.mine, &conflict.theirs),
                "{field:?} listed but the same"
            );
        }
    }
    let max_id = mine.accounts.iter().map(|a| a.id).max();

    // Keeping mine everywhere.
    let mut kept = mine.clone();
    let summary = apply_merge(&mut kept, &plan, &MergeChoices::default(), input.now);
    for (before, after) in mine.accounts.iter().zip(&kept.accounts) {
        // Contacts, promotion plans and stages only theirs has are added whatever the
        // choices; everything else of mine stays.
        let strip = |a: &Account| Account {
            engagement: None,
            updated_at: 0,
            ..a.clone()
        };
        assert_eq!(strip(after), strip(before), "keeping mine changed mine");
        keeps_contacts(before, after);
    }
    owners_are_mine(&kept, &mine, plan.new_people.len());
    let mine_inquiries = inquiries(&mine);
    let kept_inquiries = inquiries(&kept);
    if !plan.inquiries.mine_unreadable {
        assert_eq!(
            &kept_inquiries[..mine_inquiries.len().min(kept_inquiries.len())],
            &mine_inquiries[..],
            "keeping mine changed my inquiries"
        );
        assert_eq!(
            kept_inquiries.len(),
            mine_inquiries.len() + plan.inquiries.new.len()
        );
    }
    // Merging the same file again adds nothing more to any account (where my ids are
    // distinct: with repeated ids the merge works on the last account with the id; and
    // where the file repeats no customer: a repeat is left out the first time, but once
    // the accounts it repeats are added it may match another of them).
    let mut ids: Vec<u64> = mine.accounts.iter().map(|a| a.id).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() == mine.accounts.len() && plan.repeats.is_empty() {
        let again = plan_merge(&kept, &theirs);
        let adding: Vec<String> = again
            .additions
            .iter()
            .map(|a| (a.mine, &a.theirs))
            .chain(
                again
                    .conflicts
                    .iter()
                    .filter(|c| c.engagement_adds > 0)
                    .map(|c| (c.mine.id, &c.theirs)),
            )
            .map(|(id, theirs)| {
                let mine = kept.accounts.iter().find(|a| a.id == id);
                format!(
                    "{id}: mine {:?} theirs {:?}",
                    mine.and_then(|a| a.engagement.as_ref()).map(|d| d.text()),
                    theirs.engagement.as_ref().map(|d| d.text())
                )
            })
            .collect();
        assert!(
            adding.is_empty(),
            "a second merge adds contacts again: {adding:#?}"
        );
    }
    assert_eq!(
        kept.accounts.len(),
        mine.accounts.len() + plan.new_accounts.len()
    );
    assert_eq!(kept.model, mine.model);
    assert_eq!(kept.tiers, mine.tiers);
    assert_eq!(summary.added, plan.new_accounts.len());
    assert_eq!(summary.updated, 0);
    assert_eq!(summary.kept_mine, plan.conflicts.len());
    assert_eq!(summary.inquiries_updated, 0);
    let mut new_ids: Vec<u64> = kept.accounts[mine.accounts.len()..]
        .iter()
        .map(|a| a.id)
        .collect();
    // Above every id in use, or, with no room up there, the lowest free ones.
    let room = max_id.is_none_or(|m| m < u64::MAX / 2) && mine.next_account_id < u64::MAX / 2;
    for id in &new_ids {
        assert!(
            mine.accounts.iter().all(|a| a.id != *id),
            "a new account got an id in use"
        );
        assert!(
            !room || max_id.is_none_or(|m| *id > m),
            "a new account got a low id though there was room above"
        );
    }
    new_ids.sort_unstable();
    let count = new_ids.len();
    new_ids.dedup();
    assert_eq!(new_ids.len(), count, "two new accounts got one id");

    // Choices made field by field.
    let mut choices = MergeChoices::default();
    let mut take = input.take.iter().cycle();
    let mut taken = Vec::new();
    for conflict in &plan.conflicts {
        for field in &conflict.fields {
            if !input.take.is_empty() && *take.next().unwrap_or(&false) {
                choices.choose(conflict.mine.id, *field, Side::Theirs);
                taken.push((conflict.mine.id, *field));
            }
        }
    }
    for (new, leave) in plan.new_accounts.iter().zip(&input.leave_out) {
        choices.set_adds(new.index, !leave);
    }
    let mut merged = mine.clone();
    let summary = apply_merge(&mut merged, &plan, &choices, input.now);
    assert_eq!(summary.added + summary.left_out, plan.new_accounts.len());
    assert_eq!(summary.updated + summary.kept_mine, plan.conflicts.len());
    assert_eq!(merged.accounts.len(), mine.accounts.len() + summary.added);
    let fields = all_fields(&mine);
    // Where ids repeat (a file edited by hand), the merge works on the last account with
    // the id; the others stay as they are.
    let last: std::collections::HashMap<u64, usize> = mine
        .accounts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    for (i, (before, after)) in mine.accounts.iter().zip(&merged.accounts).enumerate() {
        let conflict = plan
            .conflicts
            .iter()
            .find(|c| c.mine.id == after.id)
            .filter(|_| last.get(&after.id) == Some(&i));
        for field in &fields {
            match conflict {
                Some(c) if taken.contains(&(after.id, *field)) => assert!(
                    !field.differs(after, &c.theirs),
                    "{field:?} taken but not theirs"
                ),
                // Added contacts aside, the record of mine differs only where taken.
                _ if *field == Field::Engagement => keeps_contacts(before, after),
                _ => assert!(
                    !field.differs(after, before),
                    "{field:?} not taken but changed"
                ),
            }
        }
    }
    owners_are_mine(&merged, &mine, plan.new_people.len());
});
