//! Saved files of every format version must keep loading. Each version's fixture under
//! `tests/fixtures/` is a file as that version wrote it; when the format changes, the
//! old fixture stays and a test here checks that it migrates to the same meaning.

use chrono::NaiveDate;
use kam::domain::catalogue::Catalogue;
use kam::domain::engagement::activity::{last_contact, ActivityKind};
use kam::domain::engagement::cadence::{cadence_state, CadenceState};
use kam::domain::engagement::inquiry::{DeadlineState, TargetDecision};
use kam::domain::engagement::pipeline::{Stage, StuckLimits};
use kam::domain::engagement::promotion::Effect;
use kam::domain::engagement::team::Role;
use kam::domain::plan::finance::{year_growth, FinanceFigure};
use kam::domain::plan::{BuyingRole, InfoLevel, Ladder, ObjectiveStatus, Section};
use kam::domain::pyramid::ContactPlan;
use kam::domain::ranking::rank_accounts;
use kam::domain::tiering::TierBasis;
use kam::domain::{Answer, Axis, Gate, Language, Ownership, Relationship, SizeBand, Tenths, Tier};
use kam::storage::envelope::{decode, encode_for_storage, LoadError, VERSION};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

#[test]
fn format_v1_fixture_loads_with_every_field() {
    let ws = decode(&fixture("workspace-v1.json")).expect("version 1 loads");
    assert_eq!(ws.accounts.len(), 2);
    let a = &ws.accounts[0];
    assert_eq!(a.name, "上海汽车零部件有限公司");
    assert_eq!(a.ownership, Some(Ownership::StateOwned));
    assert_eq!(a.size_band, Some(SizeBand::Large));
    assert_eq!(a.relationship, Relationship::Customer);
    assert_eq!(a.employees, Some(5200));
    assert_eq!(a.screening.answer(Gate::Reachable), Answer::Yes);
    assert_eq!(
        a.scores.get(&1).map(|s| s.note.as_str()),
        Some("营收连续三年增长")
    );
    let b = &ws.accounts[1];
    assert_eq!(b.name, "<img src=x onerror=alert(1)>");
    assert_eq!(b.scores.get(&1).map(|s| s.value), Some(None));
    assert_eq!(b.tier_override.as_ref().map(|o| o.tier), Some(Tier::Tier3));
    // Fields absent from the file load as defaults.
    assert_eq!(b.email, "");
    assert_eq!(b.employees, None);

    assert_eq!(ws.model.weight_total(Axis::Feasibility), 100);
    assert_eq!(
        ws.model.criterion(9).map(|c| c.name.get(Language::En)),
        Some("付款记录")
    );
    assert!(ws.model_draft.is_some());
    assert_eq!(ws.tiers.thresholds.attractiveness, Tenths(60));
    assert_eq!(ws.tiers.planned.tier1, 5);
    assert_eq!(ws.next_account_id, 5);
    // Added after the fixture was written: loads as its default.
    assert_eq!(ws.tiers.contact_plan, ContactPlan::default());
    assert!(ws.accounts.iter().all(|a| a.level_override.is_none()));
}

#[test]
fn format_v1_fixture_assesses_as_its_users_saw_it() {
    let ws = decode(&fixture("workspace-v1.json")).expect("version 1 loads");
    let rows = rank_accounts(&ws.accounts, &ws.model, &ws.tiers);
    let first = rows.iter().find(|r| r.account == 1).expect("account 1");
    // 8×40 + 7×30 + 6×20 + 5×10 = 700 → 7.0; 6×30×3 + 9×10 = 630 → 6.3
    assert_eq!(
        first.assessment.score(Axis::Attractiveness),
        Some(Tenths(70))
    );
    assert_eq!(first.assessment.score(Axis::Feasibility), Some(Tenths(63)));
    assert_eq!(first.assessment.effective, Some(Tier::Tier1));
    let second = rows.iter().find(|r| r.account == 4).expect("account 4");
    assert_eq!(
        second.assessment.basis,
        TierBasis::FailedScreening([Gate::Profitable].into_iter().collect())
    );
    assert_eq!(second.assessment.computed, Some(Tier::NotPursued));
    assert_eq!(second.assessment.effective, Some(Tier::Tier3));
}

#[test]
fn saving_a_loaded_fixture_loads_back_identically() {
    let ws = decode(&fixture("workspace-v1.json")).expect("loads");
    let again = decode(&encode_for_storage(&ws).expect("encodes")).expect("reloads");
    assert_eq!(again, ws);
}

#[test]
fn format_v1_migrates_to_v2_without_plans() {
    let ws = decode(&fixture("workspace-v1.json")).expect("version 1 loads");
    assert!(ws.accounts.iter().all(|a| a.plan.is_none()));
    // Saved again, it is a file of this version that loads the same.
    let saved = encode_for_storage(&ws).expect("encodes");
    assert!(saved.contains(&format!("\"version\":{VERSION}")));
    assert_eq!(decode(&saved).expect("reloads"), ws);
}

#[test]
fn format_v2_fixture_loads_the_account_plan() {
    let ws = decode(&fixture("workspace-v2.json")).expect("version 2 loads");
    let plan = ws.accounts[0]
        .plan
        .as_ref()
        .expect("a plan")
        .read()
        .expect("the plan reads");
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    assert_eq!(plan.profile.goals.level, Some(InfoLevel::PublicFree));
    assert_eq!(
        year_growth(&plan.profile.finance, 2024, FinanceFigure::Revenue),
        Some(120)
    );
    assert_eq!(plan.position.share_of_wallet(), Some(250));
    assert_eq!(plan.position.ladder, Some(Ladder::PreferredSupplier));
    assert_eq!(plan.people[1].name, "<img src=x onerror=alert(1)>");
    assert_eq!(plan.people[1].reports_to, Some(3));
    assert_eq!(plan.people[1].role, Some(BuyingRole::User));
    // The engineer is a key person never contacted.
    assert_eq!(plan.power_map_warnings(today).len(), 1);
    assert!(plan.actions[0].is_overdue(today));
    assert_eq!(plan.objectives[0].status, ObjectiveStatus::OnTrack);
    assert_eq!(plan.revenue[0].profit.variance_tenths_percent(), Some(-750));
    assert!(plan.six_steps[0].done);
    assert_eq!(plan.progress(Section::SixSteps).done, 1);
    assert!(plan.completeness() > 0);
    assert!(ws.accounts[1].plan.is_none());
    let again = decode(&encode_for_storage(&ws).expect("encodes")).expect("reloads");
    assert_eq!(again, ws);
}

#[test]
fn format_v2_migrates_to_v3_without_people_owners_or_engagement() {
    let ws = decode(&fixture("workspace-v2.json")).expect("version 2 loads");
    assert!(ws.engagement.is_none() && ws.inquiries.is_none());
    assert!(ws
        .accounts
        .iter()
        .all(|a| a.overall_owner.is_none() && a.daily_owner.is_none() && a.engagement.is_none()));
    assert!(ws.accounts[0].plan.is_some(), "the plan stays");
}

#[test]
fn format_v3_fixture_loads_people_owners_engagement_and_inquiries() {
    let ws = decode(&fixture("workspace-v3.json")).expect("version 3 loads");
    let settings = ws
        .engagement
        .as_ref()
        .expect("settings")
        .read()
        .expect("reads");
    assert_eq!(settings.team.people.len(), 3);
    assert_eq!(settings.team.name(2), Some("<img src=x onerror=alert(1)>"));
    let mut team = settings.team.clone();
    assert_eq!(
        team.add("New", Role::Researcher, "").expect("added"),
        5,
        "ids go on"
    );
    assert_eq!(settings.stuck_limits.first_contact, 45);
    let a = &ws.accounts[0];
    assert_eq!((a.overall_owner, a.daily_owner), (Some(1), Some(2)));
    let e = a
        .engagement
        .as_ref()
        .expect("engagement")
        .read()
        .expect("reads");
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    assert_eq!(e.since, Some(day(2024, 3, 1)));
    assert_eq!(e.pipeline.stage(), Some(Stage::DraftingProposal));
    assert!(StuckLimits::default().is_stuck(&e.pipeline, day(2026, 11, 20)));
    assert_eq!(e.activities.len(), 2);
    assert_eq!(e.activities[0].kind, ActivityKind::TechnicalExchange);
    assert_eq!(e.activities[0].tenths_of_hours, 35);
    assert_eq!(
        cadence_state(
            e.contacts_per_year.expect("six a year"),
            last_contact(&e.activities).map(|at| at.date()),
            e.since,
            day(2027, 1, 20),
        ),
        CadenceState::Overdue {
            due: day(2027, 1, 18),
            days_over: 2
        }
    );
    assert_eq!(e.promotions[0].effect, Effect::Success);
    let mut fresh = e.clone();
    assert_eq!(fresh.take_id(), 4);
    let log = ws
        .inquiries
        .as_ref()
        .expect("inquiries")
        .read()
        .expect("reads");
    assert_eq!(log.inquiries.len(), 2);
    let now = NaiveDate::from_ymd_opt(2026, 12, 3)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("time");
    assert_eq!(
        log.inquiries[0].overall(now),
        DeadlineState::Open,
        "the follow-up runs"
    );
    assert_eq!(
        log.inquiries[0].decision,
        TargetDecision::Target { account: 2 }
    );
    assert_eq!(log.inquiries[1].company, "<script>alert(2)</script>");
    assert_eq!(
        log.inquiries[1].overall(now),
        DeadlineState::Overdue,
        "never logged"
    );
    let again = decode(&encode_for_storage(&ws).expect("encodes")).expect("reloads");
    assert_eq!(again, ws);
}

#[test]
fn format_v3_migrates_to_v4_without_snapshots_categories_or_development() {
    let ws = decode(&fixture("workspace-v3.json")).expect("version 3 loads");
    assert!(ws.snapshots.is_none() && ws.categories.is_none() && ws.list_plan.is_none());
    assert!(ws.thresholds_draft.is_none());
    assert!(ws
        .accounts
        .iter()
        .all(|a| a.parent.is_none() && a.development.is_none()));
    assert!(ws.engagement.is_some(), "the engagement settings stay");
}

#[test]
fn format_v4_fixture_loads_snapshots_categories_groups_and_development() {
    use kam::domain::development::categories::{categories, group_of, Category};
    use kam::domain::development::relationship::current_level;
    use kam::domain::development::DevelopmentDoc;
    use kam::domain::plan::RelationshipLevel;
    use kam::domain::review::SnapshotsDoc;

    let ws = decode(&fixture("workspace-v4.json")).expect("version 4 loads");
    assert_eq!(
        ws.thresholds_draft.map(|t| t.attractiveness),
        Some(kam::domain::Tenths(65))
    );
    assert!(ws.has_pending_draft());
    let snapshots = SnapshotsDoc::read_or_empty(ws.snapshots.as_ref()).expect("readable");
    let year = snapshots.year(2025).expect("2025 is closed");
    assert_eq!(year.accounts.len(), 2);
    assert_eq!(year.contacts, Some(3));
    let (parent, member) = (&ws.accounts[0], &ws.accounts[1]);
    assert_eq!(member.parent, Some(parent.id));
    let development = DevelopmentDoc::read_or_empty(parent.development.as_ref()).expect("readable");
    assert_eq!(development.contracts.len(), 2);
    assert_eq!(
        current_level(&development.assessments),
        Some(RelationshipLevel::Strategic)
    );
    let settings = kam::domain::development::categories::CategorySettingsDoc::read_or_empty(
        ws.categories.as_ref(),
    )
    .expect("readable");
    let links = ws.accounts.iter().map(|a| (a.id, a.parent));
    let found: Vec<Category> = categories(&development, group_of(parent.id, links), &settings)
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    for category in [
        Category::Quality,
        Category::HighValue,
        Category::Group,
        Category::Strategic,
    ] {
        assert!(found.contains(&category), "{category:?}");
    }
    let again = decode(&encode_for_storage(&ws).expect("encodes")).expect("reloads");
    assert_eq!(again, ws);
}

#[test]
fn this_build_writes_the_newest_fixture_version() {
    // When VERSION is raised, add `workspace-v{VERSION}.json` and a migration test.
    let newest = format!("workspace-v{VERSION}.json");
    let text = fixture(&newest);
    assert!(text.contains(&format!("\"version\": {VERSION}")));
}

#[test]
fn a_truncated_file_is_refused_not_loaded_as_empty() {
    let text = fixture("workspace-v1.json");
    let cut = &text[..text.len() / 2];
    assert!(matches!(decode(cut), Err(LoadError::NotJson(_))));
}

#[test]
fn a_workspace_stored_packed_loads_the_same_as_its_json() {
    use kam::storage::packed::{pack, unpack};
    // Written by another LZ4 implementation (Python's lz4, 15 bits a character), so the
    // stored form is pinned, not only this code's own round trip.
    let stored = fixture("stored-v2-packed.txt");
    let json = fixture("workspace-v2.json");
    let unpacked = unpack(stored.trim_end()).expect("unpacks");
    assert_eq!(unpacked, json);
    assert_eq!(
        decode(&unpacked).expect("loads"),
        decode(&json).expect("loads")
    );
    // Plain JSON, as earlier versions stored it, still reads as it is.
    assert_eq!(unpack(&json).expect("as it is"), json);
    assert_eq!(unpack(&pack(&json)).expect("round trip"), json);
}

/// A file whose model's attractiveness weights total 90% (edited by hand): it loads, but
/// that model is not put in force; it waits as the draft, and the default model rules.
#[test]
fn a_saved_model_that_breaks_the_rules_loads_as_the_draft() {
    let mut ws = decode(&fixture("workspace-model-90.json")).expect("the file loads");
    assert_eq!(ws.model.weight_total(Axis::Attractiveness), 90);
    assert!(ws.keep_invalid_model_as_draft());
    assert_eq!(ws.model.weight_total(Axis::Attractiveness), 100);
    assert!(ws.model.problems().is_empty());
    let draft = ws
        .model_draft
        .as_ref()
        .expect("the file's model, as the draft");
    assert_eq!(draft.weight_total(Axis::Attractiveness), 90);
    assert_eq!(draft.criterion(9).map(|c| c.weight), Some(10));
    assert_eq!(ws.accounts.len(), 1);
}

/// A workspace list stored before the demo's language was recorded: it loads whole
/// (losing it would hide every named workspace), the demo's language is unknown, and
/// no rebuild in another language is offered until the demo is loaded again.
#[test]
fn a_catalogue_stored_before_the_demo_language_loads_whole() {
    let catalogue: Catalogue =
        serde_json::from_str(&fixture("catalogue-before-demo-language.json")).expect("loads");
    let catalogue = catalogue.repaired();
    assert_eq!(catalogue.active, "w1");
    assert_eq!(catalogue.entries.len(), 3);
    assert_eq!(catalogue.next_id, 3);
    let demo = catalogue.demo().expect("the demo entry");
    assert_eq!(demo.name, "培训演示（虚构数据）");
    assert_eq!(demo.demo_language(), None);
    assert!(Language::ALL
        .iter()
        .all(|l| !demo.demo_in_other_language(*l)));
    // Written again, it carries the language once the demo is rebuilt.
    let mut catalogue = catalogue;
    catalogue.set_demo_language(Language::Zh);
    let again: Catalogue =
        serde_json::from_str(&serde_json::to_string(&catalogue).expect("saves")).expect("loads");
    assert!(again
        .demo()
        .is_some_and(|d| d.demo_in_other_language(Language::En)));
}
