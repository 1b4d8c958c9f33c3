//! `#/people`: our own people (name, role, team), "who am I" in this browser, and how
//! many accounts each owns. Removing a colleague leaves their accounts without that
//! owner, and can be undone.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::engagement::team::{ColleagueId, Role, TeamError};
use crate::i18n::Strings;

use super::super::router::Route;
use super::super::state::{use_app, AppState, Notice, Undo};
use super::super::widgets::{choice_field, keyed_rows, select_field, tr};
use super::{
    edit_settings, refused, settings_of, tabs, team_memo, team_options, unreadable_notice, Me,
};

fn team_error(t: &Strings, error: TeamError) -> &'static str {
    match error {
        TeamError::NameMissing => t.people_error_name_missing,
        TeamError::NameTaken => t.people_error_name_taken,
    }
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    let app = use_app();
    let team = team_memo(app);
    let me = Me::new(app);
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::AccountManager);
    let group = RwSignal::new(String::new());
    let error = RwSignal::new(None::<TeamError>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut outcome = Ok(0);
        let written = edit_settings(app, |s| {
            outcome = s.team.add(
                &name.get_untracked(),
                role.get_untracked(),
                &group.get_untracked(),
            );
        });
        if !written {
            return refused(app);
        }
        match outcome {
            Ok(_) => {
                error.set(None);
                name.set(String::new());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let me_options = team_options(app, team, |t| t.people_me_none, false);
    let me_select = select_field(
        |t| t.people_me,
        "me".into(),
        me_options,
        Signal::derive(move || {
            let chosen = me.get();
            // A colleague since removed counts as no choice.
            team.with(|t| {
                chosen
                    .filter(|id| t.as_ref().is_ok_and(|t| t.get(*id).is_some()))
                    .map(|id| id.to_string())
                    .unwrap_or_default()
            })
        }),
        Arc::new(move |v: String| me.set(app, v.parse().ok())),
    );
    let keys = Signal::derive(move || {
        team.with(|t| {
            t.as_ref()
                .map(|t| t.people.iter().map(|p| u64::from(p.id)).collect())
                .unwrap_or_default()
        })
    });
    let rows = keyed_rows(
        keys,
        Arc::new(move |key| person_row(app, key as ColleagueId)),
    );
    view! {
        <section class="page people-page">
            <div class="page-head"><h1>{tr(|t| t.people_title)}</h1></div>
            {tabs(Route::People)}
            <p class="hint">{tr(|t| t.team_hint)}</p>
            {move || team.with(|t| t.as_ref().err().map(|e| unreadable_notice(app, e)))}
            <div class="filters">{me_select}</div>
            <form class="card inline-form" on:submit=add novalidate=true data-testid="add-colleague">
                <label class="field">
                    <span>{tr(|t| t.people_name)}</span>
                    <input type="text" data-field="person-name" prop:value=move || name.get()
                        aria-invalid=move || error.get().is_some().to_string()
                        on:input=move |ev| name.set(event_target_value(&ev))/>
                    {move || error.get().map(|e| view! {
                        <span class="field-error" role="alert">{team_error(app.t(), e)}</span>
                    })}
                </label>
                {choice_field("person-role", |t| t.people_role, None,
                    Signal::derive(move || Some(role.get())),
                    move |r: Option<Role>| if let Some(r) = r { role.set(r) })}
                <label class="field">
                    <span>{tr(|t| t.people_team)}</span>
                    <input type="text" data-field="person-team" prop:value=move || group.get()
                        on:input=move |ev| group.set(event_target_value(&ev))/>
                </label>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="add-colleague-button">{tr(|t| t.team_add)}</button>
                </div>
            </form>
            <Show when=move || team.with(|t| t.as_ref().is_ok_and(|t| t.people.is_empty()))>
                <p class="empty-state" data-testid="no-people">{tr(|t| t.people_none)}</p>
            </Show>
            <div class="table-wrap" hidden=move || team.with(|t| t.as_ref().map_or(true, |t| t.people.is_empty()))>
                <table class="data-table people-table" data-testid="people">
                    <thead><tr>
                        <th scope="col">{tr(|t| t.people_name)}</th>
                        <th scope="col">{tr(|t| t.people_role)}</th>
                        <th scope="col">{tr(|t| t.people_team)}</th>
                        <th scope="col" class="num">{tr(|t| t.people_accounts)}</th>
                        <th scope="col"><span class="visually-hidden">{tr(|t| t.people_remove)}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

fn person_row(app: AppState, id: ColleagueId) -> AnyView {
    let person = Memo::new(move |_| {
        app.workspace.with(|ws| {
            settings_of(ws)
                .ok()
                .and_then(|s| s.team.get(id).cloned())
                .unwrap_or_default()
        })
    });
    let owned = Memo::new(move |_| {
        app.workspace.with(|ws| {
            ws.accounts
                .iter()
                .filter(|a| a.overall_owner == Some(id) || a.daily_owner == Some(id))
                .count()
        })
    });
    let name_text = RwSignal::new(person.get_untracked().name);
    let error = RwSignal::new(None::<TeamError>);
    let rename = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        name_text.set(typed.clone());
        let mut outcome = Ok(());
        if !edit_settings(app, |s| outcome = s.team.rename(id, &typed)) {
            return refused(app);
        }
        error.set(outcome.err());
    };
    let label = Signal::derive(move || person.with(|p| p.name.clone()));
    view! {
        <tr data-person-id=id.to_string()>
            <td>
                <input type="text" data-field="name" aria-label=tr(|t| t.people_name)
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || name_text.get() on:input=rename/>
                {move || error.get().map(|e| view! {
                    <span class="field-error" role="alert">{team_error(app.t(), e)}</span>
                })}
            </td>
            <td>
                <select data-field="role" aria-label=move || format!("{} · {}", app.t().people_role, label.get())
                    on:change=move |ev| {
                        if let Some(role) = Role::from_slug(&event_target_value(&ev)) {
                            if !edit_settings(app, |s| {
                                if let Some(p) = s.team.people.iter_mut().find(|p| p.id == id) {
                                    p.role = role;
                                }
                            }) {
                                refused(app);
                            }
                        }
                    }>
                    {Role::ALL.iter().map(|&r| view! {
                        <option value=r.slug() prop:selected=move || person.with(|p| p.role == r)>
                            {move || app.t().role(r)}
                        </option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <input type="text" data-field="team" aria-label=move || format!("{} · {}", app.t().people_team, label.get())
                    prop:value=move || person.with(|p| p.team.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        if !edit_settings(app, |s| {
                            if let Some(p) = s.team.people.iter_mut().find(|p| p.id == id) {
                                p.team = v.trim().to_owned();
                            }
                        }) {
                            refused(app);
                        }
                    }/>
            </td>
            <td class="num" data-testid="owned">{move || owned.get()}</td>
            <td>
                <button type="button" class="danger" data-testid="remove-person"
                    aria-label=move || format!("{} · {}", app.t().people_remove, label.get())
                    on:click=move |_| remove(app, id)>{tr(|t| t.people_remove)}</button>
            </td>
        </tr>
    }
    .into_any()
}

/// Removes a colleague and their ownership of accounts, with "undo".
fn remove(app: AppState, id: ColleagueId) {
    let Some(Ok(settings)) = Some(app.workspace.with_untracked(settings_of)) else {
        return;
    };
    let Some(colleague) = settings.team.get(id).cloned() else {
        return;
    };
    let owned: Vec<_> = app.workspace.with_untracked(|ws| {
        ws.accounts
            .iter()
            .filter(|a| a.overall_owner == Some(id) || a.daily_owner == Some(id))
            .map(|a| (a.id, a.overall_owner == Some(id), a.daily_owner == Some(id)))
            .collect()
    });
    if !edit_settings(app, |s| {
        s.team.remove(id);
    }) {
        return refused(app);
    }
    let now = app.now();
    app.edit(|ws| {
        for (account, _, _) in &owned {
            ws.update_account(*account, now, |a| {
                if a.overall_owner == Some(id) {
                    a.overall_owner = None;
                }
                if a.daily_owner == Some(id) {
                    a.daily_owner = None;
                }
            });
        }
    });
    let label = colleague.name.clone();
    let undo = Undo::new(move |ws, now| {
        let Ok(mut settings) = super::settings_of(ws) else {
            return;
        };
        if settings.team.get(colleague.id).is_none() {
            settings.team.people.push(colleague.clone());
            settings.team.people.sort_by_key(|p| p.id);
        }
        if let Ok(doc) = crate::domain::engagement::SettingsDoc::write(&settings) {
            ws.engagement = doc;
        }
        for &(account, overall, daily) in &owned {
            ws.update_account(account, now, |a| {
                if overall && a.overall_owner.is_none() {
                    a.overall_owner = Some(colleague.id);
                }
                if daily && a.daily_owner.is_none() {
                    a.daily_owner = Some(colleague.id);
                }
            });
        }
    });
    let text = crate::i18n::fill(app.t().removed_item, &[&label]);
    app.notify(Notice::Removed { text, undo });
}
