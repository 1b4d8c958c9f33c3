//! `#/calendar`: the key business-behaviour calendar (关键业务行为日历) — a month of
//! planned next steps, cadence due dates, action-plan due dates and contacts made,
//! navigable by month and filterable by owner; the planned items from the month shown
//! onwards download as an iCalendar file.

use chrono::{Datelike, Days, Months, NaiveDate};
use leptos::prelude::*;

use crate::domain::engagement::ics::{calendar, CalendarEvent};
use crate::domain::plan::{read_plan, ActionStatus};
use crate::domain::AccountId;
use crate::i18n::{fill, Strings};

use super::super::dom;
use super::super::plan::today;
use super::super::router::Route;
use super::super::state::{use_app, AppState, Notice};
use super::super::widgets::tr;
use super::{
    account_cadence, engagement_of, is_target, owner_filter, tabs, team_memo, Me, OwnerFilter,
};

/// What an item on the calendar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// A contact made (done).
    Done,
    /// A next step planned by a contact.
    NextStep,
    /// The date the next contact is due by the cadence.
    CadenceDue,
    /// An action of the account plan falling due.
    ActionDue,
}

impl Kind {
    fn slug(self) -> &'static str {
        match self {
            Kind::Done => "done",
            Kind::NextStep => "next-step",
            Kind::CadenceDue => "cadence-due",
            Kind::ActionDue => "action-due",
        }
    }

    fn label(self, t: &Strings) -> &'static str {
        match self {
            Kind::Done => t.calendar_item_done,
            Kind::NextStep => t.calendar_item_next_step,
            Kind::CadenceDue => t.calendar_item_due,
            Kind::ActionDue => t.calendar_item_action,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Item {
    on: NaiveDate,
    kind: Kind,
    account: AccountId,
    name: String,
    text: String,
    /// Stable across exports, so importing again updates the event.
    uid: String,
}

/// Items a day shows before its "more" button.
const DAY_SIZE: usize = 4;

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// Every item of the accounts passing `filter`, from `from` to `to` (both included).
fn items(
    app: AppState,
    filter: OwnerFilter,
    me: Option<u32>,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Vec<Item> {
    let t = app.t();
    let mut out = Vec::new();
    let within = |d: NaiveDate| (from..=to).contains(&d);
    app.ranking.with(|r| {
        app.workspace.with(|ws| {
            for a in &ws.accounts {
                if !filter.passes(me, [a.overall_owner, a.daily_owner]) {
                    continue;
                }
                let tier = r.row(a.id).and_then(|row| row.assessment.effective);
                if let Ok(e) = engagement_of(a) {
                    for act in &e.activities {
                        if within(act.at.date()) {
                            out.push(Item {
                                on: act.at.date(),
                                kind: Kind::Done,
                                account: a.id,
                                name: a.name.clone(),
                                text: t.activity_kind(act.kind).to_owned(),
                                uid: format!("done-{}-{}@kam-workbench", a.id, act.id),
                            });
                        }
                        if let Some(on) = act.next_step_on.filter(|d| within(*d)) {
                            out.push(Item {
                                on,
                                kind: Kind::NextStep,
                                account: a.id,
                                name: a.name.clone(),
                                text: act.next_step.clone(),
                                uid: format!("next-{}-{}@kam-workbench", a.id, act.id),
                            });
                        }
                    }
                    if is_target(tier) {
                        if let Some(due) = account_cadence(ws, &e, tier, today)
                            .due()
                            .filter(|d| within(*d))
                        {
                            out.push(Item {
                                on: due,
                                kind: Kind::CadenceDue,
                                account: a.id,
                                name: a.name.clone(),
                                text: String::new(),
                                uid: format!("cadence-{}@kam-workbench", a.id),
                            });
                        }
                    }
                }
                if let Some(Ok(plan)) = a.plan.as_ref().map(|p| read_plan(Some(p))) {
                    for action in &plan.actions {
                        if let Some(due) = action.due.filter(|d| within(*d)) {
                            if action.status != ActionStatus::Done {
                                out.push(Item {
                                    on: due,
                                    kind: Kind::ActionDue,
                                    account: a.id,
                                    name: a.name.clone(),
                                    text: action.task.clone(),
                                    uid: format!("action-{}-{}@kam-workbench", a.id, action.id),
                                });
                            }
                        }
                    }
                }
            }
        })
    });
    out.sort_by(|a, b| (a.on, a.kind, &a.name).cmp(&(b.on, b.kind, &b.name)));
    out
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let app = use_app();
    let team = team_memo(app);
    let me = Me::new(app);
    let owner = RwSignal::new(OwnerFilter::All);
    let today = today();
    let month = RwSignal::new(first_of_month(today));
    let last_day = move || {
        month
            .get()
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(month.get())
    };
    let shown =
        Memo::new(move |_| items(app, owner.get(), me.get(), month.get(), last_day(), today));
    // Days whose every item is shown: a busy day shows its first few and a button for
    // the rest, so a month of a large workspace paints at once.
    let opened_days = RwSignal::new(Vec::<NaiveDate>::new());
    let title = move || {
        let m = month.get();
        let t = app.t();
        let name = t
            .month_names
            .split('|')
            .nth(m.month0() as usize)
            .unwrap_or_default();
        fill(t.calendar_month, &[&m.year(), &name])
    };
    let grid = move || {
        let t = app.t();
        let first = month.get();
        let lead = u64::from(first.weekday().num_days_from_monday());
        let start = first.checked_sub_days(Days::new(lead)).unwrap_or(first);
        let end = last_day();
        let trail = 6 - u64::from(end.weekday().num_days_from_monday());
        let stop = end.checked_add_days(Days::new(trail)).unwrap_or(end);
        let all = shown.get();
        start
            .iter_days()
            .take_while(|d| *d <= stop)
            .map(|day| {
                let inside = day.month() == first.month();
                let mut here: Vec<Item> = all.iter().filter(|i| i.on == day).cloned().collect();
                let empty = here.is_empty();
                let more = if opened_days.with(|d| d.contains(&day)) {
                    0
                } else {
                    here.len().saturating_sub(DAY_SIZE)
                };
                if more > 0 {
                    here.truncate(DAY_SIZE);
                }
                view! {
                    <li class="calendar-day" class:outside=!inside class:today=day == today class:empty=empty
                        data-date=day.format("%Y-%m-%d").to_string()>
                        <span class="day-number">
                            <span class="day-full">{t.day(day)}</span>
                            <span class="day-short" aria-hidden="true">{day.day()}</span>
                        </span>
                        <ul>
                            {here.into_iter().map(|i| view! {
                                <li class=format!("calendar-item {}", i.kind.slug()) data-kind=i.kind.slug()>
                                    <span class="kind">{i.kind.label(t)}</span> " "
                                    <a href=Route::Account(i.account).href()>{i.name.clone()}</a>
                                    {(!i.text.is_empty()).then(|| format!(" · {}", i.text))}
                                </li>
                            }).collect_view()}
                            {(more > 0).then(|| view! {
                                <li>
                                    <button type="button" class="link-button" data-testid="day-more"
                                        on:click=move |_| opened_days.update(|d| d.push(day))>
                                        {fill(t.show_more_count, &[&more])}
                                    </button>
                                </li>
                            })}
                        </ul>
                    </li>
                }
            })
            .collect_view()
    };
    let download = move |_| {
        let t = app.t();
        let from = month.get_untracked();
        let until = NaiveDate::MAX;
        let planned: Vec<CalendarEvent> =
            items(app, owner.get_untracked(), me.get(), from, until, today)
                .into_iter()
                .filter(|i| i.kind != Kind::Done)
                .map(|i| CalendarEvent {
                    uid: i.uid,
                    on: i.on,
                    summary: format!("{} · {}", i.kind.label(t), i.name),
                    description: i.text,
                })
                .collect();
        let stamp = chrono::DateTime::from_timestamp_millis(dom::now_millis())
            .map(|d| d.naive_utc())
            .unwrap_or_default();
        let text = calendar(t.calendar_file_name, &planned, stamp);
        let file = format!("kam-calendar-{}.ics", dom::today_stamp());
        match dom::download_text(&file, "text/calendar", &text) {
            Ok(()) => app.notify(Notice::Info(fill(t.calendar_exported, &[&planned.len()]))),
            Err(reason) => app.notify(Notice::Error(fill(t.export_failed, &[&reason]))),
        }
    };
    let weekdays = move || {
        app.t()
            .calendar_weekdays
            .split('|')
            .map(|d| view! { <li aria-hidden="true">{d.to_owned()}</li> })
            .collect_view()
    };
    view! {
        <section class="page calendar-page">
            <div class="page-head"><h1>{tr(|t| t.calendar_title)}</h1></div>
            {tabs(Route::Calendar)}
            <p class="hint">{tr(|t| t.calendar_hint)}</p>
            <div class="filters">
                {owner_filter(app, team, me, owner, "calendar.owner")}
            </div>
            <div class="calendar-nav actions">
                <button type="button" data-testid="previous-month"
                    on:click=move |_| month.update(|m| *m = m.checked_sub_months(Months::new(1)).unwrap_or(*m))>
                    "‹ " {tr(|t| t.calendar_previous)}
                </button>
                <h2 data-testid="calendar-month" aria-live="polite">{title}</h2>
                <button type="button" data-testid="next-month"
                    on:click=move |_| month.update(|m| *m = m.checked_add_months(Months::new(1)).unwrap_or(*m))>
                    {tr(|t| t.calendar_next)} " ›"
                </button>
                <button type="button" data-testid="this-month" on:click=move |_| month.set(first_of_month(today))>
                    {tr(|t| t.calendar_this_month)}
                </button>
                <button type="button" class="primary" data-testid="download-ics" on:click=download>
                    {tr(|t| t.calendar_download)}
                </button>
            </div>
            <Show when=move || shown.with(Vec::is_empty)>
                <p class="empty-state" data-testid="calendar-empty">{tr(|t| t.calendar_nothing)}</p>
            </Show>
            <ol class="calendar-weekdays">{weekdays}</ol>
            <ol class="calendar-grid" data-testid="calendar-grid">{grid}</ol>
        </section>
    }
}
