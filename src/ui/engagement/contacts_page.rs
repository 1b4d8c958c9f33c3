//! `#/contacts`: the target accounts due soon or overdue against their contact cadence,
//! most overdue first, with owner and last contact; one click logs a contact made today.

use leptos::prelude::*;

use crate::domain::engagement::activity::{self, Activity, ActivityKind};
use crate::domain::engagement::cadence::CadenceState;
use crate::domain::engagement::team::ColleagueId;
use crate::domain::{AccountId, Tier};
use crate::i18n::fill;

use super::super::plan::today;
use super::super::router::Route;
use super::super::state::{use_app, AppState, Notice};
use super::super::widgets::{choice_field, tr, ShowMore, TierBadge, PAGE_SIZE};
use super::account::log_contact;
use super::{
    account_cadence, cadence_class, cadence_text, engagement_of, is_target, now_local,
    owner_filter, person_name, refused, tabs, team_memo, when, Me, OwnerFilter,
};

#[derive(Clone, PartialEq)]
struct Due {
    id: AccountId,
    name: String,
    tier: Option<Tier>,
    owner: Option<ColleagueId>,
    overall: Option<ColleagueId>,
    last: Option<chrono::NaiveDateTime>,
    state: CadenceState,
}

#[component]
pub fn ContactsPage() -> impl IntoView {
    let app = use_app();
    let team = team_memo(app);
    let me = Me::new(app);
    let owner = RwSignal::new(OwnerFilter::All);
    let tier = RwSignal::new(None::<Tier>);
    let shown = RwSignal::new(PAGE_SIZE);
    let today = today();
    let due = Memo::new(move |_| {
        let filter = owner.get();
        let mine = me.get();
        let wanted_tier = tier.get();
        app.ranking.with(|r| {
            app.workspace.with(|ws| {
                let mut list: Vec<Due> = ws
                    .accounts
                    .iter()
                    .filter_map(|a| {
                        let tier = r.row(a.id).and_then(|row| row.assessment.effective);
                        if !is_target(tier) || wanted_tier.is_some_and(|w| Some(w) != tier) {
                            return None;
                        }
                        if !filter.passes(mine, [a.overall_owner, a.daily_owner]) {
                            return None;
                        }
                        // An account whose record cannot be read is listed on its own page.
                        let e = engagement_of(a).ok()?;
                        let state = account_cadence(ws, &e, tier, today);
                        state.needs_contact().then(|| Due {
                            id: a.id,
                            name: a.name.clone(),
                            tier,
                            owner: a.daily_owner,
                            overall: a.overall_owner,
                            last: activity::last_contact(&e.activities),
                            state,
                        })
                    })
                    .collect();
                list.sort_by_key(|d| std::cmp::Reverse(d.state.urgency()));
                list
            })
        })
    });
    let count = move || due.with(Vec::len);
    let rows = move || {
        let t = app.t();
        let team = team.with(|t| t.clone().unwrap_or_default());
        let limit = shown.get();
        due.with(|list| {
            list.iter()
                .take(limit)
                .map(|d| {
                    let id = d.id;
                    let name = d.name.clone();
                    let tier = d.tier;
                    let owner = d.owner.or(d.overall);
                    view! {
                        <tr data-account-id=id.to_string()>
                            <td><a href=Route::Account(id).href()>{d.name.clone()}</a></td>
                            <td><TierBadge tier=Signal::derive(move || tier) overridden=Signal::derive(|| false)/></td>
                            <td>{person_name(&team, owner, t)}</td>
                            <td>{d.last.map_or_else(|| t.eng_never.to_owned(), |at| when(t, at))}</td>
                            <td class=cadence_class(d.state) data-testid="cadence-state">{cadence_text(t, d.state)}</td>
                            <td>
                                <button type="button" data-testid="log-now"
                                    on:click=move |_| log_now(app, me.get_untracked(), id, &name)>
                                    {t.contacts_log_now}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="page contacts-page">
            <div class="page-head"><h1>{tr(|t| t.contacts_title)}</h1></div>
            {tabs(Route::Contacts)}
            <p class="hint">{tr(|t| t.contacts_hint)} " "
                <a href=Route::Pyramid.href() data-testid="tier-cadence-link">{tr(|t| t.contacts_tier_cadence)}</a></p>
            <div class="filters">
                {owner_filter(app, team, me, owner, "contacts.owner")}
                {choice_field("contacts.tier", |t| t.filter_tier, Some(|t| t.filter_tier_all),
                    Signal::derive(move || tier.get()), move |v: Option<Tier>| tier.set(v))}
            </div>
            <Show when=move || { count() > 0 } fallback=|| view! {
                <p class="empty-state" data-testid="no-contacts-due">{tr(|t| t.contacts_none)}</p>
            }>
                <p class="count" data-testid="contacts-total">{move || fill(app.t().contacts_count, &[&count()])}</p>
                <div class="table-wrap">
                    <table class="data-table contacts-table" data-testid="contacts-due">
                        <thead><tr>
                            <th scope="col">{tr(|t| t.contacts_account)}</th>
                            <th scope="col">{tr(|t| t.col_tier)}</th>
                            <th scope="col">{tr(|t| t.owner_filter)}</th>
                            <th scope="col">{tr(|t| t.eng_last_contact)}</th>
                            <th scope="col">{tr(|t| t.contacts_state)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(|t| t.contacts_log_now)}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <ShowMore shown=shown total=Signal::derive(count)/>
            </Show>
        </section>
    }
}

/// Logs a routine contact made now, with "me" taking part when chosen.
fn log_now(app: AppState, me: Option<ColleagueId>, id: AccountId, name: &str) {
    let activity = Activity {
        id: 0,
        at: now_local(),
        kind: ActivityKind::RoutineVisit,
        ours: me.into_iter().collect(),
        theirs: Vec::new(),
        tenths_of_hours: 0,
        notes: String::new(),
        next_step: String::new(),
        next_step_on: None,
    };
    if !log_contact(app, id, activity) {
        return refused(app);
    }
    app.notify(Notice::Info(fill(app.t().contacts_logged, &[&name])));
}
