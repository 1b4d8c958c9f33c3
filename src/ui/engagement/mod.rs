//! The engagement pages (KAM-SPEC §2.3.3, §2.3.5, §5): our people, contacts against
//! each tier's cadence, the development pipeline, the key business-behaviour calendar
//! and inbound inquiries, plus the account page's engagement parts. What they share is
//! here: reading and writing the engagement documents, "who am I", the owner filter,
//! the pages' tabs and the local clock. The rules are in `crate::domain::engagement`.

pub mod account;
pub mod calendar_page;
pub mod contacts_page;
pub mod inquiries_page;
pub mod people_page;
pub mod pipeline_page;
pub mod promotions;

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;

use crate::domain::doc::UnreadableDoc;
use crate::domain::engagement::cadence::{cadence_state, CadenceState};
use crate::domain::engagement::team::{ColleagueId, Team};
use crate::domain::engagement::{
    activity, AccountEngagement, EngagementDoc, EngagementSettings, InquiryDoc, InquiryLog,
    SettingsDoc,
};
use crate::domain::{Account, AccountId, Tier, Workspace};
use crate::i18n::{fill, Strings};
use crate::storage::local;

use super::dom;
use super::router::Route;
use super::state::{AppState, Notice};
use super::widgets::{select_field, tr, SelectOptions};

/// Now, in the browser's time zone.
pub fn now_local() -> NaiveDateTime {
    chrono::DateTime::from_timestamp_millis(dom::local_millis(dom::now_millis()))
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}

/// Whether an account in `tier` is a target (tiers 1–3).
pub fn is_target(tier: Option<Tier>) -> bool {
    matches!(tier, Some(Tier::Tier1 | Tier::Tier2 | Tier::Tier3))
}

/// An account's engagement document, read (none is the empty one).
pub fn engagement_of(account: &Account) -> Result<AccountEngagement, UnreadableDoc> {
    EngagementDoc::read_or_empty(account.engagement.as_ref())
}

/// Changes an account's engagement; one that cannot be read is never written over
/// (false then, and the page says why).
pub fn edit_engagement(
    app: AppState,
    id: AccountId,
    f: impl FnOnce(&mut AccountEngagement),
) -> bool {
    let Some(Ok(mut engagement)) = app
        .workspace
        .with_untracked(|ws| ws.account(id).map(engagement_of))
    else {
        return false;
    };
    f(&mut engagement);
    let Ok(doc) = EngagementDoc::write(&engagement) else {
        return false;
    };
    let now = app.now();
    app.edit(|ws| {
        ws.update_account(id, now, |a| a.engagement = doc);
    });
    true
}

/// The workspace's engagement settings (our people, the stuck limits).
pub fn settings_of(ws: &Workspace) -> Result<EngagementSettings, UnreadableDoc> {
    SettingsDoc::read_or_empty(ws.engagement.as_ref())
}

/// Changes the engagement settings; unreadable ones are never written over.
pub fn edit_settings(app: AppState, f: impl FnOnce(&mut EngagementSettings)) -> bool {
    let Ok(mut settings) = app.workspace.with_untracked(settings_of) else {
        return false;
    };
    f(&mut settings);
    let Ok(doc) = SettingsDoc::write(&settings) else {
        return false;
    };
    app.edit(|ws| ws.engagement = doc);
    true
}

/// The inquiry log.
pub fn inquiries_of(ws: &Workspace) -> Result<InquiryLog, UnreadableDoc> {
    InquiryDoc::read_or_empty(ws.inquiries.as_ref())
}

/// Changes the inquiry log (and, in the same edit, the workspace: making an inquiry a
/// target adds its account); an unreadable log is never written over.
pub fn edit_inquiries(app: AppState, f: impl FnOnce(&mut InquiryLog, &mut Workspace)) -> bool {
    let Ok(mut log) = app.workspace.with_untracked(inquiries_of) else {
        return false;
    };
    let mut written = false;
    app.edit(|ws| {
        f(&mut log, ws);
        if let Ok(doc) = InquiryDoc::write(&log) {
            ws.inquiries = doc;
            written = true;
        }
    });
    written
}

/// The team, read reactively (an unreadable settings document reads as nobody; the
/// people page says why).
pub fn team_memo(app: AppState) -> Memo<Result<Team, UnreadableDoc>> {
    let doc = Memo::new(move |_| app.workspace.with(|ws| ws.engagement.clone()));
    Memo::new(move |_| doc.with(|d| SettingsDoc::read_or_empty(d.as_ref()).map(|s| s.team)))
}

/// The options of a select of our people: `none` first (its text), then each colleague
/// (with their role, for choosing owners).
pub fn team_options(
    app: AppState,
    team: Memo<Result<Team, UnreadableDoc>>,
    none: fn(&Strings) -> &'static str,
    with_role: bool,
) -> Signal<SelectOptions> {
    Signal::derive(move || {
        let t = app.t();
        let mut options = vec![(String::new(), none(t).to_owned())];
        team.with(|team| {
            if let Ok(team) = team {
                options.extend(team.people.iter().map(|p| {
                    let text = if with_role {
                        format!("{} · {}", p.name, t.role(p.role))
                    } else {
                        p.name.clone()
                    };
                    (p.id.to_string(), text)
                }));
            }
        });
        options
    })
}

/// The account's engagement, read reactively.
pub fn engagement_memo(
    app: AppState,
    id: AccountId,
) -> Memo<Result<AccountEngagement, UnreadableDoc>> {
    let doc = Memo::new(move |_| {
        app.workspace
            .with(|ws| ws.account(id).and_then(|a| a.engagement.clone()))
    });
    Memo::new(move |_| doc.with(|d| EngagementDoc::read_or_empty(d.as_ref())))
}

/// The account's decision-making unit, from its plan: (id, name).
pub fn plan_people(app: AppState, account: AccountId) -> Memo<Vec<(u32, String)>> {
    Memo::new(move |_| {
        app.workspace.with(|ws| {
            ws.account(account)
                .and_then(|a| crate::domain::plan::read_plan(a.plan.as_ref()).ok())
                .map(|p| p.people.iter().map(|p| (p.id, p.name.clone())).collect())
                .unwrap_or_default()
        })
    })
}

/// A colleague's name, or a mark for one who left the list.
pub fn person_name(team: &Team, id: Option<ColleagueId>, t: &Strings) -> String {
    match id {
        None => t.eng_nobody.to_owned(),
        Some(id) => team
            .name(id)
            .map_or_else(|| t.eng_person_gone.to_owned(), str::to_owned),
    }
}

/// Where "who am I" is remembered: per browser and per workspace (colleague ids are the
/// workspace's own).
fn me_key(app: AppState) -> Option<String> {
    app.catalogue
        .with_untracked(|c| c.active_entry().map(|e| format!("kam.me.{}", e.id)))
}

/// "Who am I" in this browser, for the open workspace: a signal the pages share.
#[derive(Clone, Copy)]
pub struct Me(RwSignal<Option<ColleagueId>>);

impl Me {
    /// Read from this browser's storage once per page.
    pub fn new(app: AppState) -> Me {
        let read = me_key(app)
            .and_then(|key| local::read(&key))
            .and_then(|text| text.parse().ok());
        Me(RwSignal::new(read))
    }

    pub fn get(self) -> Option<ColleagueId> {
        self.0.get()
    }

    pub fn get_untracked(self) -> Option<ColleagueId> {
        self.0.get_untracked()
    }

    /// Remembers the choice (storage blocked or full only costs a re-pick).
    pub fn set(self, app: AppState, id: Option<ColleagueId>) {
        if let Some(key) = me_key(app) {
            match id {
                Some(id) => {
                    let _ = local::save(&key, &id.to_string());
                }
                None => local::remove(&key),
            }
        }
        self.0.set(id);
    }
}

/// Whom a list is filtered to: everyone, "mine", or one colleague.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnerFilter {
    All,
    Mine,
    Person(ColleagueId),
}

impl OwnerFilter {
    fn value(self) -> String {
        match self {
            OwnerFilter::All => String::new(),
            OwnerFilter::Mine => "mine".into(),
            OwnerFilter::Person(id) => id.to_string(),
        }
    }

    fn parse(value: &str) -> OwnerFilter {
        match value {
            "mine" => OwnerFilter::Mine,
            v => v.parse().map_or(OwnerFilter::All, OwnerFilter::Person),
        }
    }

    /// The colleague the filter stands for (none: everyone, or "mine" unchosen, which
    /// shows everyone rather than an empty list nobody can explain).
    pub fn person(self, me: Option<ColleagueId>) -> Option<ColleagueId> {
        match self {
            OwnerFilter::All => None,
            OwnerFilter::Mine => me,
            OwnerFilter::Person(id) => Some(id),
        }
    }

    /// Whether an account with these owners passes.
    pub fn passes(self, me: Option<ColleagueId>, owners: [Option<ColleagueId>; 2]) -> bool {
        match self.person(me) {
            None => true,
            Some(id) => owners.contains(&Some(id)),
        }
    }
}

/// The owner filter's select: everyone, mine, then each colleague.
pub fn owner_filter(
    app: AppState,
    team: Memo<Result<Team, UnreadableDoc>>,
    me: Me,
    filter: RwSignal<OwnerFilter>,
    key: &'static str,
) -> AnyView {
    let people = team_options(app, team, |t| t.owner_filter_all, false);
    let options: Signal<SelectOptions> = Signal::derive(move || {
        let mut options = people.get();
        options.insert(1, ("mine".to_owned(), app.t().owner_filter_mine.to_owned()));
        options
    });
    let select = select_field(
        |t| t.owner_filter,
        key.into(),
        options,
        Signal::derive(move || filter.get().value()),
        Arc::new(move |v: String| filter.set(OwnerFilter::parse(&v))),
    );
    view! {
        {select}
        <Show when=move || filter.get() == OwnerFilter::Mine && me.get().is_none()>
            <p class="hint" data-testid="mine-unset">
                {tr(|t| t.owner_filter_mine_unset)} " "
                <a href=Route::People.href()>{tr(|t| t.people_title)}</a>
            </p>
        </Show>
    }
    .into_any()
}

/// The owner filter of the account list, the ranking and the matrix: `owner` is the
/// colleague chosen ("mine" is this browser's "who am I"), none for everyone. Shown once
/// the workspace lists people.
pub fn list_owner_filter(
    app: AppState,
    owner: RwSignal<Option<ColleagueId>>,
    key: &'static str,
) -> AnyView {
    let team = team_memo(app);
    let me = Me::new(app);
    let filter = RwSignal::new(
        owner
            .get_untracked()
            .map_or(OwnerFilter::All, OwnerFilter::Person),
    );
    Effect::new(move |_| {
        let person = filter.get().person(me.get());
        if owner.get_untracked() != person {
            owner.set(person);
        }
    });
    // Filters cleared elsewhere ("clear filters") clear this one too.
    Effect::new(move |_| {
        if owner.get().is_none() && filter.get_untracked().person(me.get_untracked()).is_some() {
            filter.set(OwnerFilter::All);
        }
    });
    let listed = move || team.with(|t| t.as_ref().is_ok_and(|t| !t.people.is_empty()));
    (move || listed().then(|| owner_filter(app, team, me, filter, key))).into_any()
}

/// The tabs of the engagement pages.
pub fn tabs(current: Route) -> impl IntoView {
    let tab = move |route: Route, label: fn(&Strings) -> &'static str, key: &'static str| {
        view! {
            <a href=route.href() data-tab=key
                aria-current=move || (route == current).then_some("page")>{tr(label)}</a>
        }
    };
    view! {
        <nav class="plan-tabs engagement-tabs" aria-label=tr(|t| t.eng_tabs_label)>
            {tab(Route::Contacts, |t| t.eng_tab_contacts, "contacts")}
            {tab(Route::Pipeline, |t| t.eng_tab_pipeline, "pipeline")}
            {tab(Route::Calendar, |t| t.eng_tab_calendar, "calendar")}
            {tab(Route::Inquiries, |t| t.eng_tab_inquiries, "inquiries")}
            {tab(Route::People, |t| t.eng_tab_people, "people")}
        </nav>
    }
}

/// Contacts a year for an account: its own figure, else its tier's.
pub fn contacts_per_year(
    ws: &Workspace,
    engagement: &AccountEngagement,
    tier: Option<Tier>,
) -> u32 {
    engagement.contacts_per_year.unwrap_or_else(|| {
        tier.map_or(0, |tier| {
            ws.tiers.contact_plan.for_tier(tier).contacts_per_year
        })
    })
}

/// An account's state against its cadence on `today`.
pub fn account_cadence(
    ws: &Workspace,
    engagement: &AccountEngagement,
    tier: Option<Tier>,
    today: NaiveDate,
) -> CadenceState {
    if !is_target(tier) {
        return CadenceState::NotPlanned;
    }
    cadence_state(
        contacts_per_year(ws, engagement, tier),
        activity::last_contact(&engagement.activities).map(|at| at.date()),
        engagement.since,
        today,
    )
}

/// A cadence state in words.
pub fn cadence_text(t: &Strings, state: CadenceState) -> String {
    match state {
        CadenceState::NotPlanned => t.eng_not_planned.to_owned(),
        CadenceState::NeverContacted => t.eng_due_now.to_owned(),
        CadenceState::OnTime { due, days_left } | CadenceState::DueSoon { due, days_left } => {
            if days_left == 0 {
                fill(t.eng_due_today, &[&t.day(due)])
            } else {
                fill(t.eng_due_in, &[&days_left, &t.day(due)])
            }
        }
        CadenceState::Overdue { due, days_over } => {
            fill(t.eng_overdue_by, &[&days_over, &t.day(due)])
        }
    }
}

/// The class marking a cadence state.
pub fn cadence_class(state: CadenceState) -> &'static str {
    match state {
        CadenceState::Overdue { .. } | CadenceState::NeverContacted => "state overdue",
        CadenceState::DueSoon { .. } => "state due-soon",
        _ => "state on-time",
    }
}

/// A date and time as `<input type="datetime-local">` holds it.
pub fn datetime_value(at: Option<NaiveDateTime>) -> String {
    at.map(|at| at.format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

/// The date and time an `<input type="datetime-local">` holds.
pub fn parse_datetime(value: &str) -> Option<NaiveDateTime> {
    let value = value.trim();
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()
}

/// A date and time in the language's style.
pub fn when(t: &Strings, at: NaiveDateTime) -> String {
    format!("{} {}", t.day(at.date()), at.format("%H:%M"))
}

/// Says that a document cannot be read (and is kept).
pub fn unreadable_notice(app: AppState, reason: &UnreadableDoc) -> AnyView {
    let text = fill(app.t().eng_unreadable, &[&reason.0]);
    view! { <div class="notice error" role="alert" data-testid="engagement-unreadable">{text}</div> }
        .into_any()
}

/// Says that an edit was not saved because the document cannot be read.
pub fn refused(app: AppState) {
    app.notify(Notice::Error(fill(app.t().eng_unreadable, &[&"—"])));
}
