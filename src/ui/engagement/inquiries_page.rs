//! `#/inquiries`: inbound inquiries (一般客户电话业务查询) — the log form, each inquiry's
//! deadlines with their state on the clock (which ticks while the page is open), each
//! step ticked with its time, the decision to make the caller a target account, and the
//! monthly summary.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use leptos::prelude::*;

use crate::domain::engagement::inquiry::{
    month_summary, DeadlineState, Importance, Inquiry, InquiryId, InquiryProblem, Step,
    TargetDecision,
};
use crate::domain::{Account, Relationship};
use crate::i18n::{fill, Strings};

use super::super::router::{navigate, Route};
use super::super::state::{use_app, AppState, Notice};
use super::super::widgets::{keyed_rows, select_field, tr};
use super::{
    datetime_value, edit_inquiries, inquiries_of, now_local, parse_datetime, person_name, refused,
    tabs, team_memo, team_options, unreadable_notice, when,
};

/// The class marking a deadline state.
fn state_class(state: DeadlineState) -> &'static str {
    match state {
        DeadlineState::Overdue => "state overdue",
        DeadlineState::DueSoon => "state due-soon",
        DeadlineState::MetLate => "state met-late",
        DeadlineState::MetOnTime => "state met",
        DeadlineState::Open => "state on-time",
        DeadlineState::NotStarted => "state not-started",
    }
}

fn problem_text(t: &Strings, p: InquiryProblem) -> String {
    match p {
        InquiryProblem::CompanyMissing => t.inq_error_company.to_owned(),
        InquiryProblem::ReceivedMissing => t.inq_error_received.to_owned(),
        InquiryProblem::DoneBeforeStart(step) => fill(t.inq_error_order, &[&t.step(step)]),
    }
}

/// A clock that moves on while the page is open, so states change as deadlines pass.
fn ticking_clock() -> RwSignal<NaiveDateTime> {
    let now = RwSignal::new(now_local());
    let handle = set_interval_with_handle(
        move || now.set(now_local()),
        std::time::Duration::from_secs(30),
    );
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
    now
}

#[component]
pub fn InquiriesPage() -> impl IntoView {
    let app = use_app();
    let now = ticking_clock();
    let log = Memo::new(move |_| app.workspace.with(inquiries_of));
    let open_only = RwSignal::new(false);
    let keys = Signal::derive(move || {
        let at = now.get();
        let open = open_only.get();
        log.with(|l| {
            let Ok(l) = l else { return Vec::new() };
            let mut list: Vec<&Inquiry> = l
                .inquiries
                .iter()
                .filter(|i| !open || i.overall(at).is_open())
                .collect();
            list.sort_by(|a, b| b.received_at.cmp(&a.received_at).then(b.id.cmp(&a.id)));
            list.into_iter().map(|i| u64::from(i.id)).collect()
        })
    });
    let rows = keyed_rows(
        keys,
        Arc::new(move |key| inquiry_card(app, key as InquiryId, now)),
    );
    view! {
        <section class="page inquiries-page">
            <div class="page-head"><h1>{tr(|t| t.inq_title)}</h1></div>
            {tabs(Route::Inquiries)}
            <p class="hint">{tr(|t| t.inq_hint)}</p>
            {move || log.with(|l| l.as_ref().err().map(|e| unreadable_notice(app, e)))}
            <InquiryForm/>
            <MonthSummaryView now=now/>
            <h2>{tr(|t| t.inq_list)}</h2>
            <label class="check">
                <input type="checkbox" data-testid="open-only" prop:checked=move || open_only.get()
                    on:change=move |ev| open_only.set(event_target_checked(&ev))/>
                " " {tr(|t| t.inq_filter_open)}
            </label>
            <Show when=move || log.with(|l| l.as_ref().is_ok_and(|l| l.inquiries.is_empty()))>
                <p class="empty-state" data-testid="no-inquiries">{tr(|t| t.inq_none)}</p>
            </Show>
            <ol class="inquiry-list" data-testid="inquiries">{rows}</ol>
        </section>
    }
}

#[component]
fn InquiryForm() -> impl IntoView {
    let app = use_app();
    let team = team_memo(app);
    let draft = RwSignal::new(Inquiry {
        received_at: Some(now_local()),
        ..Inquiry::default()
    });
    let tried = RwSignal::new(false);
    let field = move |key: &'static str,
                      label: fn(&Strings) -> &'static str,
                      get: fn(&Inquiry) -> &String,
                      put: fn(&mut Inquiry, String)| {
        view! {
            <label class="field">
                <span>{tr(label)}</span>
                <input type="text" data-field=key prop:value=move || draft.with(|d| get(d).clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| put(d, v));
                    }/>
            </label>
        }
    };
    let handlers = team_options(app, team, |t| t.eng_nobody, false);
    let handler = select_field(
        |t| t.inq_handler,
        "handler".into(),
        handlers,
        Signal::derive(move || {
            draft.with(|d| d.handler.map(|h| h.to_string()).unwrap_or_default())
        }),
        Arc::new(move |v: String| draft.update(|d| d.handler = v.parse().ok())),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let mut inquiry = draft.get_untracked();
        inquiry.company = inquiry.company.trim().to_owned();
        inquiry.logged_at = Some(now_local());
        if !inquiry.problems().is_empty() {
            return;
        }
        let company = inquiry.company.clone();
        if !edit_inquiries(app, |log, _| {
            log.add(inquiry);
        }) {
            return refused(app);
        }
        tried.set(false);
        draft.set(Inquiry {
            received_at: Some(now_local()),
            importance: draft.with_untracked(|d| d.importance),
            handler: draft.with_untracked(|d| d.handler),
            ..Inquiry::default()
        });
        app.notify(Notice::Info(fill(app.t().inq_logged, &[&company])));
    };
    let problems = move || {
        let t = app.t();
        tried.get().then(|| {
            draft.with(|d| {
                d.problems()
                    .into_iter()
                    .map(|p| view! { <p class="field-error" role="alert">{problem_text(t, p)}</p> })
                    .collect_view()
            })
        })
    };
    view! {
        <details class="card" open=true>
            <summary><h2 class="inline">{tr(|t| t.inq_new)}</h2></summary>
            <form class="inline-form" on:submit=submit novalidate=true data-testid="inquiry-form">
                <label class="field">
                    <span>{tr(|t| t.inq_received_at)}</span>
                    <input type="datetime-local" data-field="received-at"
                        prop:value=move || draft.with(|d| datetime_value(d.received_at))
                        on:change=move |ev| {
                            let at = parse_datetime(&event_target_value(&ev));
                            draft.update(|d| d.received_at = at);
                        }/>
                </label>
                <label class="field">
                    <span>{tr(|t| t.inq_company)} " " <small>"(" {tr(|t| t.required_hint)} ")"</small></span>
                    <input type="text" data-field="company" prop:value=move || draft.with(|d| d.company.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.company = v);
                        }/>
                </label>
                {field("industry", |t| t.inq_industry, |d| &d.industry, |d, v| d.industry = v)}
                {field("category", |t| t.inq_category, |d| &d.category, |d, v| d.category = v)}
                {field("contact", |t| t.inq_contact, |d| &d.contact, |d, v| d.contact = v)}
                {field("position", |t| t.inq_position, |d| &d.position, |d, v| d.position = v)}
                {field("phone", |t| t.inq_phone, |d| &d.phone, |d, v| d.phone = v)}
                {field("email", |t| t.inq_email, |d| &d.email, |d, v| d.email = v)}
                <label class="field">
                    <span>{tr(|t| t.inq_importance)}</span>
                    <select data-field="importance" on:change=move |ev| {
                        if let Some(i) = Importance::from_slug(&event_target_value(&ev)) {
                            draft.update(|d| d.importance = i);
                        }
                    }>
                        {Importance::ALL.iter().map(|&i| view! {
                            <option value=i.slug() prop:selected=move || draft.with(|d| d.importance == i)>
                                {move || app.t().importance(i)}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
                {handler}
                <label class="field wide">
                    <span>{tr(|t| t.inq_request)}</span>
                    <textarea rows="2" data-field="request" prop:value=move || draft.with(|d| d.request.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.request = v);
                        }></textarea>
                </label>
                {problems}
                <div class="actions">
                    <button type="submit" class="primary" data-testid="log-inquiry">{tr(|t| t.inq_add)}</button>
                </div>
            </form>
        </details>
    }
}

/// Changes one inquiry.
fn edit_one(app: AppState, id: InquiryId, f: impl FnOnce(&mut Inquiry)) {
    let written = edit_inquiries(app, |log, _| {
        if let Some(i) = log.inquiries.iter_mut().find(|i| i.id == id) {
            f(i);
        }
    });
    if !written {
        refused(app);
    }
}

fn inquiry_card(app: AppState, id: InquiryId, now: RwSignal<NaiveDateTime>) -> AnyView {
    let team = team_memo(app);
    let inquiry = Memo::new(move |_| {
        app.workspace.with(|ws| {
            inquiries_of(ws)
                .ok()
                .and_then(|l| l.inquiries.into_iter().find(|i| i.id == id))
                .unwrap_or_default()
        })
    });
    let reason = RwSignal::new(String::new());
    let head = move || {
        let t = app.t();
        let team = team.with(|t| t.clone().unwrap_or_default());
        inquiry.with(|i| {
            let state = i.overall(now.get());
            let received = i.received_at.map(|at| when(t, at)).unwrap_or_default();
            let details: Vec<String> = [&i.industry, &i.category, &i.contact, &i.position, &i.phone, &i.email]
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .cloned()
                .collect();
            view! {
                <div class="inquiry-head">
                    <h3>{i.company.clone()}</h3>
                    <span class=state_class(state) data-testid="inquiry-state">{t.deadline_state(state)}</span>
                </div>
                <p class="meta">{received} " · " {t.importance(i.importance)} " · "
                    {t.inq_handler} ": " {person_name(&team, i.handler, t)}</p>
                <p class="meta">{details.join(" · ")}</p>
                <p class="request">{i.request.clone()}</p>
            }
        })
    };
    let steps = move || {
        let t = app.t();
        let at = now.get();
        inquiry.with(|i| {
            i.deadlines(at)
                .into_iter()
                .map(|d| {
                    let step = d.step;
                    let due = match d.due {
                        Some(due) => fill(t.inq_due_at, &[&when(t, due)]),
                        None => t.inq_waits_materials.to_owned(),
                    };
                    let done = d.done_at;
                    let materials = (step == Step::FollowedUp).then(|| {
                        let sent = i.materials_sent_at;
                        view! {
                            <label class="field compact">
                                <span>{t.inq_materials_sent}</span>
                                <input type="datetime-local" data-field="materials-sent"
                                    prop:value=datetime_value(sent)
                                    on:change=move |ev| {
                                        let v = parse_datetime(&event_target_value(&ev));
                                        edit_one(app, id, |i| i.materials_sent_at = v);
                                    }/>
                            </label>
                            {sent.is_none().then(|| view! {
                                <button type="button" data-testid="materials-now"
                                    on:click=move |_| edit_one(app, id, |i| i.materials_sent_at = Some(now_local()))>
                                    {t.inq_tick}
                                </button>
                            })}
                        }
                    });
                    view! {
                        <tr data-step=step.slug()>
                            <th scope="row">{t.step(step)}</th>
                            <td class=state_class(d.state) data-testid="step-state">{t.deadline_state(d.state)}</td>
                            <td>{due}</td>
                            <td>
                                <input type="datetime-local" data-field="done-at"
                                    aria-label=format!("{} · {}", t.step(step), t.inq_tick)
                                    prop:value=datetime_value(done)
                                    on:change=move |ev| {
                                        let v = parse_datetime(&event_target_value(&ev));
                                        edit_one(app, id, |i| i.set_done(step, v));
                                    }/>
                                {if done.is_none() {
                                    view! {
                                        <button type="button" data-testid="tick"
                                            on:click=move |_| edit_one(app, id, |i| i.set_done(step, Some(now_local())))>
                                            {t.inq_tick}
                                        </button>
                                    }.into_any()
                                } else {
                                    view! {
                                        <button type="button" class="link-button" data-testid="untick"
                                            on:click=move |_| edit_one(app, id, |i| i.set_done(step, None))>
                                            {t.inq_untick}
                                        </button>
                                    }.into_any()
                                }}
                                {materials}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let problems = move || {
        let t = app.t();
        inquiry.with(|i| {
            i.problems()
                .into_iter()
                .map(|p| view! { <p class="field-error" role="alert">{problem_text(t, p)}</p> })
                .collect_view()
        })
    };
    let decision = move || {
        let t = app.t();
        match inquiry.with(|i| i.decision.clone()) {
            TargetDecision::Open => view! {
                <div class="actions decision">
                    <button type="button" class="primary" data-testid="make-target"
                        on:click=move |_| make_target(app, id)>{t.inq_make_target}</button>
                    <label class="field grow">
                        <span>{t.inq_not_target_reason}</span>
                        <input type="text" data-field="not-target-reason" prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev))/>
                    </label>
                    <button type="button" data-testid="not-target" disabled=move || reason.with(|r| r.trim().is_empty())
                        on:click=move |_| {
                            let why = reason.get_untracked().trim().to_owned();
                            edit_one(app, id, |i| i.decision = TargetDecision::NotTarget { reason: why });
                        }>{t.inq_not_target}</button>
                </div>
            }
            .into_any(),
            TargetDecision::Target { account } => {
                let name = app
                    .workspace
                    .with(|ws| ws.account(account).map(|a| a.name.clone()))
                    .unwrap_or_default();
                view! {
                    <p class="decision" data-testid="decision">{t.inq_decided_target}
                        <a href=Route::Account(account).href()>{name}</a></p>
                }
                .into_any()
            }
            TargetDecision::NotTarget { reason: why } => view! {
                <p class="decision" data-testid="decision">{fill(t.inq_decided_not, &[&why])} " "
                    <button type="button" class="link-button" on:click=move |_| edit_one(app, id, |i| i.decision = TargetDecision::Open)>
                        {t.inq_reopen}
                    </button>
                </p>
            }
            .into_any(),
        }
    };
    view! {
        <li class="card inquiry" data-inquiry-id=id.to_string()>
            {head}
            <div class="table-wrap">
                <table class="data-table deadlines" data-testid="deadlines">
                    <tbody>{steps}</tbody>
                </table>
            </div>
            {problems}
            {decision}
        </li>
    }
    .into_any()
}

/// Creates the caller's account, prefilled and ready to screen and score, and records
/// the decision; opens the new account.
fn make_target(app: AppState, id: InquiryId) {
    let mut created = None;
    let now = app.now();
    let written = edit_inquiries(app, |log, ws| {
        let Some(inquiry) = log.inquiries.iter_mut().find(|i| i.id == id) else {
            return;
        };
        let account = Account {
            name: inquiry.company.clone(),
            industry: inquiry.industry.clone(),
            contact_person: inquiry.contact.clone(),
            position: inquiry.position.clone(),
            phone: inquiry.phone.clone(),
            email: inquiry.email.clone(),
            relationship: Relationship::Prospect,
            ..Account::default()
        };
        let account_id = ws.add_account(account, now);
        inquiry.decision = TargetDecision::Target {
            account: account_id,
        };
        created = Some((account_id, inquiry.company.clone()));
    });
    if !written {
        return refused(app);
    }
    if let Some((account, name)) = created {
        app.notify(Notice::Info(fill(app.t().inq_target_created, &[&name])));
        navigate(Route::Account(account));
    }
}

#[component]
fn MonthSummaryView(now: RwSignal<NaiveDateTime>) -> impl IntoView {
    let app = use_app();
    let month = RwSignal::new(now.get_untracked().date().with_day(1).unwrap_or_default());
    let summary = Memo::new(move |_| {
        let at = now.get();
        let m = month.get();
        app.workspace.with(|ws| {
            inquiries_of(ws)
                .map(|l| (month_summary(&l.inquiries, m, at), l.inquiries))
                .unwrap_or_default()
        })
    });
    let counts = |t: &'static Strings, list: &[(String, usize)]| {
        if list.is_empty() {
            return t.inq_summary_none.to_owned();
        }
        list.iter()
            .map(|(name, n)| {
                let name = if name.is_empty() {
                    t.inq_unspecified
                } else {
                    name.as_str()
                };
                format!("{name} {n}")
            })
            .collect::<Vec<_>>()
            .join(t.list_separator)
    };
    let body = move || {
        let t = app.t();
        summary.with(|(s, all)| {
            let overdue: Vec<String> = s
                .overdue
                .iter()
                .filter_map(|id| all.iter().find(|i| i.id == *id).map(|i| i.company.clone()))
                .collect();
            view! {
                <p data-testid="summary-received">{fill(t.inq_summary_received, &[&s.received])}
                    " · " {fill(t.inq_summary_targets, &[&s.made_targets])}</p>
                <dl class="summary-list">
                    <dt>{t.inq_summary_by_industry}</dt><dd data-testid="summary-industry">{counts(t, &s.by_industry)}</dd>
                    <dt>{t.inq_summary_by_category}</dt><dd>{counts(t, &s.by_category)}</dd>
                    <dt>{t.inq_summary_met}</dt>
                    <dd data-testid="summary-met">{Step::ALL.iter().map(|&step| {
                        let share = s.met_percent(step).map_or_else(|| "—".to_owned(), |p| format!("{p}%"));
                        format!("{} {share}", t.step(step))
                    }).collect::<Vec<_>>().join(t.list_separator)}</dd>
                    <dt>{t.inq_summary_overdue}</dt>
                    <dd data-testid="summary-overdue">{if overdue.is_empty() { t.inq_summary_none.to_owned() } else { overdue.join(t.list_separator) }}</dd>
                </dl>
            }
        })
    };
    view! {
        <section class="card inquiry-summary" data-testid="inquiry-summary">
            <h2>{tr(|t| t.inq_summary)}</h2>
            <label class="field">
                <span>{tr(|t| t.inq_summary_month)}</span>
                <input type="month" data-field="summary-month"
                    prop:value=move || month.get().format("%Y-%m").to_string()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Ok(d) = NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d") {
                            month.set(d);
                        }
                    }/>
            </label>
            {body}
        </section>
    }
}
