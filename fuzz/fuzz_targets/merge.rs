//! The merge planner on two workspaces built from structured input: accounts whose
//! numbers and names collide in every way the identity rule knows (case, spaces, one
//! without a number), scores on criteria matched by name in either language, screening,
//! overrides and plans, and ids of any size.
//!
//! Checks, besides no panic:
//! - every incoming account is accounted for once: new, in conflict, unchanged or a
//!   repeat; each of my accounts is matched at most once; every field a conflict lists
//!   differs;
//! - keeping mine everywhere leaves each of my accounts exactly as it was, and adds the
//!   new accounts with fresh ids (above every existing id, all distinct), never touching
//!   the model or the tier settings;
//! - with choices made field by field, each field taken now equals theirs and every
//!   other field of mine is unchanged; the summary adds up.
#![no_main]

use arbitrary::Arbitrary;
use kam::domain::account::Field as BasicField;
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
    Workspace {
        accounts: spec.accounts.iter().map(AccountSpec::account).collect(),
        model,
        next_account_id: spec.next_account_id.get(),
        ..Workspace::default()
    }
}

/// Every field a merge can change for my criteria, and for ids no criterion has.
fn all_fields(ws: &Workspace) -> Vec<Field> {
    let ids: Vec<u32> = ws.model.criteria.iter().map(|c| c.id).chain(0..12).collect();
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
        plan.new_accounts.len() + plan.conflicts.len() + plan.unchanged.len() + plan.repeats.len(),
        theirs.accounts.len(),
        "an incoming account is not accounted for once"
    );
    let mut matched: Vec<u64> = plan
        .conflicts
        .iter()
        .map(|c| c.mine.id)
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
    assert_eq!(
        &kept.accounts[..mine.accounts.len()],
        &mine.accounts[..],
        "keeping mine changed mine"
    );
    assert_eq!(
        kept.accounts.len(),
        mine.accounts.len() + plan.new_accounts.len()
    );
    assert_eq!(kept.model, mine.model);
    assert_eq!(kept.tiers, mine.tiers);
    assert_eq!(summary.added, plan.new_accounts.len());
    assert_eq!(summary.updated, 0);
    assert_eq!(summary.kept_mine, plan.conflicts.len());
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
                _ => assert!(
                    !field.differs(after, before),
                    "{field:?} not taken but changed"
                ),
            }
        }
    }
});
