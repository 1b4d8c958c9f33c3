//! The account page's engagement: the summary header it opens with (tier, scores,
//! pyramid level, owners, status, last contact, next step, cadence), the owners and the
//! pipeline, and the contact log.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::doc::UnreadableDoc;
use crate::domain::engagement::activity::{self, parse_hours, Activity, ActivityKind};
use crate::domain::engagement::pipeline::{PipelineError, Stage, StageChange};
use crate::domain::engagement::team::ColleagueId;
use crate::domain::engagement::AccountEngagement;
use crate::domain::plan::{read_plan, PlanDoc};
use crate::domain::pyramid::level_of;
use crate::domain::AccountId;
use crate::i18n::{fill, Strings};

use super::super::plan::{date_value, parse_date, today};
use super::super::router::Route;
use super::super::state::{use_app, AppState, Notice, Undo};
use super::super::widgets::{score_text, select_field, tr, SelectOptions};
use super::{
    account_cadence, cadence_class, cadence_text, contacts_per_year, datetime_value,
    edit_engagement, engagement_memo, engagement_of, now_local, parse_datetime, person_name,
    plan_people, refused, team_memo, team_options, unreadable_notice, when,
};

/// The stage in words, with the count of seminars.
pub fn stage_text(t: &Strings, change: &StageChange) -> String {
    if change.stage == Stage::Seminars && change.seminars > 0 {
        fill(t.stage_seminar_count, &[&change.seminars])
    } else {
        t.stage(change.stage).to_owned()
    }
}

/// What the account page opens with.
#[component]
pub fn EngagementSummary(id: AccountId) -> impl IntoView {
    let app = use_app();
    let engagement = engagement_memo(app, id);
    let team = team_memo(app);
    let today = today();
    let summary = move || {
        let t = app.t();
        let team = team.with(|t| t.clone().unwrap_or_default());
        let engagement = engagement.with(|e| e.clone().unwrap_or_default());
        let (a, f, tier) = app.ranking.with(|r| {
            r.row(id).map_or((None, None, None), |row| {
                (
                    row.assessment.attractiveness.value(),
                    row.assessment.feasibility.value(),
                    row.assessment.effective,
                )
            })
        });
        let (level, owners, cadence) = app.workspace.with(|ws| {
            let account = ws.account(id);
            (
                account.and_then(|a| level_of(a, tier)),
                account.map_or((None, None), |a| (a.overall_owner, a.daily_owner)),
                account_cadence(ws, &engagement, tier, today),
            )
        });
        let stage = engagement.pipeline.current().map_or_else(
            || t.eng_stage_none.to_owned(),
            |c| {
                let days = engagement.pipeline.days_in_stage(today).unwrap_or(0);
                format!("{} · {}", stage_text(t, c), fill(t.pipeline_days, &[&days]))
            },
        );
        let last = activity::last_contact(&engagement.activities)
            .map_or_else(|| t.eng_never.to_owned(), |at| when(t, at));
        let next = activity::next_step(&engagement.activities).map(|a| {
            let text = a.next_step.trim().to_owned();
            match a.next_step_on {
                Some(on) if text.is_empty() => t.day(on),
                Some(on) => format!("{text} · {}", t.day(on)),
                None => text,
            }
        });
        let entry = |label: &'static str, key: &'static str, value: String, class: &'static str| {
            view! {
                <div class="summary-entry" data-summary=key>
                    <dt>{label}</dt>
                    <dd class=class>{value}</dd>
                </div>
            }
        };
        view! {
            {entry(t.eng_scores_label, "scores", fill(t.eng_scores, &[&score_text(a), &score_text(f)]), "")}
            {entry(t.eng_level, "level", t.level(level).to_owned(), "")}
            {entry(t.eng_overall_owner, "overall-owner", person_name(&team, owners.0, t), "")}
            {entry(t.eng_daily_owner, "daily-owner", person_name(&team, owners.1, t), "")}
            {entry(t.eng_stage, "stage", stage, "")}
            {entry(t.eng_last_contact, "last-contact", last, "")}
            {entry(t.eng_next_step, "next-step", next.unwrap_or_else(|| "—".to_owned()), "")}
            {entry(t.eng_cadence_due, "cadence", cadence_text(t, cadence), cadence_class(cadence))}
        }
    };
    view! {
        <dl class="summary-header" aria-label=tr(|t| t.eng_summary_label) data-testid="account-summary">
            {summary}
        </dl>
    }
}

/// Owners, the date the relationship began, the account's own cadence, and the pipeline.
#[component]
pub fn EngagementSection(id: AccountId) -> impl IntoView {
    let app = use_app();
    let engagement = engagement_memo(app, id);
    let team = team_memo(app);
    let options = team_options(app, team, |t| t.eng_nobody, true);
    let owner = |overall: bool| {
        select_field(
            if overall {
                |t| t.eng_overall_owner
            } else {
                |t| t.eng_daily_owner
            },
            if overall {
                "overall-owner"
            } else {
                "daily-owner"
            }
            .into(),
            options,
            Signal::derive(move || {
                app.workspace.with(|ws| {
                    ws.account(id)
                        .and_then(|a| {
                            if overall {
                                a.overall_owner
                            } else {
                                a.daily_owner
                            }
                        })
                        .map(|o| o.to_string())
                        .unwrap_or_default()
                })
            }),
            Arc::new(move |v: String| {
                let chosen: Option<ColleagueId> = v.parse().ok();
                let now = app.now();
                app.edit(|ws| {
                    ws.update_account(id, now, |a| {
                        if overall {
                            a.overall_owner = chosen;
                        } else {
                            a.daily_owner = chosen;
                        }
                    });
                });
            }),
        )
    };
    let tier = Signal::derive(move || {
        app.ranking
            .with(|r| r.row(id).and_then(|row| row.assessment.effective))
    });
    let tier_cadence = move || {
        app.workspace
            .with(|ws| contacts_per_year(ws, &AccountEngagement::default(), tier.get()))
    };
    let cadence_options: Signal<SelectOptions> = Signal::derive(move || {
        let t = app.t();
        let mut options = vec![(
            String::new(),
            fill(t.eng_cadence_tier_default, &[&tier_cadence()]),
        )];
        options.extend(
            [12u32, 6, 4, 3, 2, 1, 0]
                .iter()
                .map(|n| (n.to_string(), n.to_string())),
        );
        options
    });
    let cadence = select_field(
        |t| t.eng_cadence_override,
        "contacts-per-year".into(),
        cadence_options,
        Signal::derive(move || {
            engagement.with(|e| {
                e.as_ref()
                    .ok()
                    .and_then(|e| e.contacts_per_year)
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            })
        }),
        Arc::new(move |v: String| {
            let n = v.parse().ok();
            if !edit_engagement(app, id, |e| e.contacts_per_year = n) {
                refused(app);
            }
        }),
    );
    view! {
        <section class="card engagement-section" data-testid="engagement-section">
            <h2>{tr(|t| t.eng_section_title)}</h2>
            {move || engagement.with(|e| e.as_ref().err().map(|e| unreadable_notice(app, e)))}
            <Show when=move || team.with(|t| t.as_ref().is_ok_and(|t| t.people.is_empty()))>
                <p class="hint">{tr(|t| t.eng_no_people_hint)} " "
                    <a href=Route::People.href()>{tr(|t| t.people_title)}</a></p>
            </Show>
            <div class="form-grid">
                {owner(true)}
                {owner(false)}
                <label class="field">
                    <span>{tr(|t| t.eng_since)}</span>
                    <input type="date" data-field="since"
                        prop:value=move || engagement.with(|e| date_value(e.as_ref().ok().and_then(|e| e.since)))
                        on:change=move |ev| {
                            let since = parse_date(&event_target_value(&ev));
                            if !edit_engagement(app, id, |e| e.since = since) {
                                refused(app);
                            }
                        }/>
                </label>
                {cadence}
            </div>
            <PipelineEditor id=id engagement=engagement/>
        </section>
    }
}

fn pipeline_error(t: &Strings, e: PipelineError) -> &'static str {
    match e {
        PipelineError::BeforeLastChange => t.pipeline_error_before,
        PipelineError::SeminarsMissing => t.pipeline_error_seminars,
        PipelineError::ReasonMissing => t.pipeline_error_reason,
    }
}

#[component]
fn PipelineEditor(
    id: AccountId,
    engagement: Memo<Result<AccountEngagement, UnreadableDoc>>,
) -> impl IntoView {
    let app = use_app();
    let today = today();
    let stage = RwSignal::new(Stage::FirstContact);
    let on = RwSignal::new(date_value(Some(today)));
    let seminars = RwSignal::new(String::from("1"));
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<PipelineError>);
    // The form proposes the stage after the current one (another seminar while in the
    // seminars stage).
    Effect::new(move |_| {
        let current =
            engagement.with(|e| e.as_ref().ok().and_then(|e| e.pipeline.current().cloned()));
        let (next, count) = match current {
            None => (Stage::FirstContact, 1),
            Some(c) => match c.stage {
                Stage::FirstContact => (Stage::Seminars, 1),
                Stage::Seminars => (Stage::Seminars, c.seminars + 1),
                Stage::DraftingProposal => (Stage::Negotiating, 1),
                Stage::Negotiating | Stage::Won | Stage::Lost => (c.stage, 1),
            },
        };
        stage.set(next);
        seminars.set(count.to_string());
    });
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(date) = parse_date(&on.get_untracked()) else {
            return;
        };
        let change = StageChange {
            stage: stage.get_untracked(),
            on: date,
            seminars: seminars.get_untracked().trim().parse().unwrap_or(0),
            reason: reason.get_untracked(),
        };
        let mut outcome = Ok(());
        if !edit_engagement(app, id, |e| outcome = e.pipeline.advance(change)) {
            return refused(app);
        }
        error.set(outcome.err());
        if outcome.is_ok() {
            reason.set(String::new());
        }
    };
    let history = move || {
        let t = app.t();
        engagement.with(|e| {
            e.as_ref()
                .map(|e| {
                    e.pipeline
                        .changes
                        .iter()
                        .rev()
                        .map(|c| {
                            let reason = (!c.reason.is_empty()).then(|| format!(" · {}", c.reason));
                            view! { <li>{t.day(c.on)} " · " {stage_text(t, c)} {reason}</li> }
                        })
                        .collect_view()
                })
                .ok()
        })
    };
    view! {
        <h3>{tr(|t| t.pipeline_move)}</h3>
        <form class="inline-form" on:submit=record novalidate=true data-testid="pipeline-form">
            <label class="field">
                <span>{tr(|t| t.pipeline_new_stage)}</span>
                <select data-field="stage" on:change=move |ev| {
                    if let Some(s) = Stage::from_slug(&event_target_value(&ev)) { stage.set(s) }
                }>
                    {Stage::ALL.iter().map(|&s| view! {
                        <option value=s.slug() prop:selected=move || stage.get() == s>{move || app.t().stage(s)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{tr(|t| t.pipeline_on)}</span>
                <input type="date" data-field="stage-on" prop:value=move || on.get()
                    on:change=move |ev| on.set(event_target_value(&ev))/>
            </label>
            <Show when=move || stage.get() == Stage::Seminars>
                <label class="field">
                    <span>{tr(|t| t.pipeline_seminars)}</span>
                    <input type="number" min="1" data-field="seminars" prop:value=move || seminars.get()
                        on:input=move |ev| seminars.set(event_target_value(&ev))/>
                </label>
            </Show>
            <Show when=move || stage.get() == Stage::Lost>
                <label class="field grow">
                    <span>{tr(|t| t.pipeline_reason)}</span>
                    <input type="text" data-field="lost-reason" prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))/>
                </label>
            </Show>
            <div class="actions">
                <button type="submit" class="primary" data-testid="record-stage">{tr(|t| t.pipeline_move)}</button>
            </div>
            {move || error.get().map(|e| view! {
                <p class="field-error" role="alert" data-testid="pipeline-error">{pipeline_error(app.t(), e)}</p>
            })}
        </form>
        <h3>{tr(|t| t.pipeline_history)}</h3>
        <ul class="pipeline-history" data-testid="pipeline-history">{history}</ul>
    }
}

/// The contact log: a form to log a contact, and the contacts, newest first.
#[component]
pub fn ContactLog(id: AccountId) -> impl IntoView {
    let app = use_app();
    let engagement = engagement_memo(app, id);
    let team = team_memo(app);
    // The account's decision-making unit, from its plan.
    let plan_people = plan_people(app, id);
    let at = RwSignal::new(datetime_value(Some(now_local())));
    let kind = RwSignal::new(ActivityKind::RoutineVisit);
    let ours = RwSignal::new(Vec::<ColleagueId>::new());
    let theirs = RwSignal::new(Vec::<u32>::new());
    let hours = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let next_step = RwSignal::new(String::new());
    let next_on = RwSignal::new(String::new());
    let at_error = RwSignal::new(false);
    let hours_error = RwSignal::new(false);
    let log = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let when = parse_datetime(&at.get_untracked());
        let typed = hours.get_untracked();
        let tenths = if typed.trim().is_empty() {
            Some(0)
        } else {
            parse_hours(&typed)
        };
        at_error.set(when.is_none());
        hours_error.set(tenths.is_none());
        let (Some(when), Some(tenths)) = (when, tenths) else {
            return;
        };
        let activity = Activity {
            id: 0,
            at: when,
            kind: kind.get_untracked(),
            ours: ours.get_untracked(),
            theirs: theirs.get_untracked(),
            tenths_of_hours: tenths,
            notes: notes.get_untracked().trim().to_owned(),
            next_step: next_step.get_untracked().trim().to_owned(),
            next_step_on: parse_date(&next_on.get_untracked()),
        };
        if !log_contact(app, id, activity) {
            return refused(app);
        }
        theirs.set(Vec::new());
        hours.set(String::new());
        notes.set(String::new());
        next_step.set(String::new());
        next_on.set(String::new());
        at.set(datetime_value(Some(now_local())));
    };
    let toggle = |list: RwSignal<Vec<u32>>, id: u32, on: bool| {
        list.update(|l| {
            l.retain(|x| *x != id);
            if on {
                l.push(id);
            }
        });
    };
    let entries = move || {
        let t = app.t();
        let team = team.with(|t| t.clone().unwrap_or_default());
        let names = plan_people.get();
        engagement.with(|e| {
            let Ok(e) = e else { return None };
            let mut list: Vec<&Activity> = e.activities.iter().collect();
            list.sort_by_key(|a| std::cmp::Reverse(a.at));
            Some(
                list.into_iter()
                    .map(|a| {
                        let ours: Vec<String> =
                            a.ours.iter().map(|o| person_name(&team, Some(*o), t)).collect();
                        let theirs: Vec<String> = a
                            .theirs
                            .iter()
                            .filter_map(|p| names.iter().find(|(id, _)| id == p).map(|(_, n)| n.clone()))
                            .collect();
                        let people = [ours.join(t.list_separator), theirs.join(t.list_separator)]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" ↔ ");
                        let hours = (a.tenths_of_hours > 0).then(|| {
                            format!(" · {}.{} h", a.tenths_of_hours / 10, a.tenths_of_hours % 10)
                        });
                        let next = (!a.next_step.is_empty() || a.next_step_on.is_some()).then(|| {
                            let on = a.next_step_on.map(|d| format!(" ({})", t.day(d))).unwrap_or_default();
                            view! { <p class="next"><strong>{t.log_next_step}</strong> " " {a.next_step.clone()} {on}</p> }
                        });
                        let activity = a.clone();
                        view! {
                            <li class="log-entry" data-activity=a.id.to_string()>
                                <p><strong>{when(t, a.at)}</strong> " · " {t.activity_kind(a.kind)} {hours}</p>
                                <p class="people">{people}</p>
                                <p class="notes">{a.notes.clone()}</p>
                                {next}
                                <button type="button" class="link-button danger" data-testid="remove-activity"
                                    on:click=move |_| remove_activity(app, id, activity.clone())>{t.log_remove}</button>
                            </li>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    let checkboxes =
        move |list: RwSignal<Vec<u32>>, people: Vec<(u32, String)>, key: &'static str| {
            people
                .into_iter()
                .map(|(pid, name)| {
                    view! {
                        <label class="check">
                            <input type="checkbox" data-field=key data-person=pid.to_string()
                                prop:checked=move || list.with(|l| l.contains(&pid))
                                on:change=move |ev| toggle(list, pid, event_target_checked(&ev))/>
                            " " {name}
                        </label>
                    }
                })
                .collect_view()
        };
    view! {
        <section class="card contact-log" data-testid="contact-log">
            <h2>{tr(|t| t.log_title)}</h2>
            <form class="inline-form" on:submit=log novalidate=true data-testid="log-form">
                <label class="field">
                    <span>{tr(|t| t.log_at)}</span>
                    <input type="datetime-local" data-field="at" prop:value=move || at.get()
                        aria-invalid=move || at_error.get().to_string()
                        on:change=move |ev| at.set(event_target_value(&ev))/>
                    <Show when=move || at_error.get()>
                        <span class="field-error" role="alert">{tr(|t| t.log_error_at)}</span>
                    </Show>
                </label>
                <label class="field">
                    <span>{tr(|t| t.log_kind)}</span>
                    <select data-field="kind" on:change=move |ev| {
                        if let Some(k) = ActivityKind::from_slug(&event_target_value(&ev)) { kind.set(k) }
                    }>
                        {ActivityKind::ALL.iter().map(|&k| view! {
                            <option value=k.slug() prop:selected=move || kind.get() == k>{move || app.t().activity_kind(k)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{tr(|t| t.log_hours)}</span>
                    <input type="text" inputmode="decimal" data-field="hours" prop:value=move || hours.get()
                        aria-invalid=move || hours_error.get().to_string()
                        on:input=move |ev| hours.set(event_target_value(&ev))/>
                    <Show when=move || hours_error.get()>
                        <span class="field-error" role="alert">{tr(|t| t.log_error_hours)}</span>
                    </Show>
                </label>
                <fieldset class="field wide">
                    <legend>{tr(|t| t.log_ours)}</legend>
                    {move || checkboxes(ours, team.with(|t| t.as_ref().map(|t| t.people.iter().map(|p| (p.id, p.name.clone())).collect()).unwrap_or_default()), "ours")}
                </fieldset>
                <fieldset class="field wide">
                    <legend>{tr(|t| t.log_theirs)}</legend>
                    {move || checkboxes(theirs, plan_people.get(), "theirs")}
                    <Show when=move || plan_people.with(Vec::is_empty)>
                        <span class="hint">{tr(|t| t.log_theirs_hint)}</span>
                    </Show>
                </fieldset>
                <label class="field wide">
                    <span>{tr(|t| t.log_notes)}</span>
                    <textarea rows="2" data-field="notes" prop:value=move || notes.get()
                        on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                </label>
                <label class="field grow">
                    <span>{tr(|t| t.log_next_step)}</span>
                    <input type="text" data-field="next-step" prop:value=move || next_step.get()
                        on:input=move |ev| next_step.set(event_target_value(&ev))/>
                </label>
                <label class="field">
                    <span>{tr(|t| t.log_next_step_on)}</span>
                    <input type="date" data-field="next-step-on" prop:value=move || next_on.get()
                        on:change=move |ev| next_on.set(event_target_value(&ev))/>
                </label>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="log-contact">{tr(|t| t.log_add)}</button>
                </div>
            </form>
            <Show when=move || engagement.with(|e| e.as_ref().is_ok_and(|e| e.activities.is_empty()))>
                <p class="empty-state" data-testid="no-contacts">{tr(|t| t.log_none)}</p>
            </Show>
            <ol class="contact-entries" data-testid="contact-entries">{entries}</ol>
        </section>
    }
}

/// Logs a contact, and moves the "last contact" of the account's people who took part.
pub fn log_contact(app: AppState, id: AccountId, activity: Activity) -> bool {
    let people = activity.theirs.clone();
    let on: NaiveDate = activity.at.date();
    if !edit_engagement(app, id, |e| {
        e.log(activity);
    }) {
        return false;
    }
    if !people.is_empty() {
        let now = app.now();
        app.edit(|ws| {
            ws.update_account(id, now, |a| {
                // A plan that cannot be read is left as it is (its page says why).
                if let Ok(mut plan) = read_plan(a.plan.as_ref()) {
                    if plan.note_contact(&people, on) {
                        if let Ok(doc) = PlanDoc::write(&plan) {
                            a.plan = doc;
                        }
                    }
                }
            });
        });
    }
    true
}

fn remove_activity(app: AppState, id: AccountId, activity: Activity) {
    let activity_id = activity.id;
    if !edit_engagement(app, id, |e| e.activities.retain(|a| a.id != activity_id)) {
        return refused(app);
    }
    let label = format!("{} · {}", app.t().log_removed, when(app.t(), activity.at));
    let undo = Undo::new(move |ws, now| {
        ws.update_account(id, now, |a| {
            if let Ok(mut e) = engagement_of(a) {
                if !e.activities.iter().any(|x| x.id == activity.id) {
                    e.activities.push(activity.clone());
                }
                if let Ok(doc) = crate::domain::engagement::EngagementDoc::write(&e) {
                    a.engagement = doc;
                }
            }
        });
    });
    let text = fill(app.t().removed_item, &[&label]);
    app.notify(Notice::Removed { text, undo });
}
