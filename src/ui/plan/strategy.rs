//! The strategy (vision, SMART objectives and the check that flags those not SMART
//! yet), the action plan (owner, due date, status, the objective served; overdue actions
//! marked) and the revenue plan (targets and actuals per year or quarter, with variance).
//! The same content read-only, for the printed plan: [`ObjectivesTable`],
//! [`ActionsTable`] and [`RevenueTable`].

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::domain::plan::facts::tenths_percent_text;
use crate::domain::plan::finance::{add_revenue_line, parse_revenue_year, revenue_line_index};
use crate::domain::plan::{
    AccountPlan, Action, ActionStatus, Amount, Metric, Objective, ObjectiveStatus, RevenueLine,
    TargetActual,
};
use crate::i18n::{fill, Strings};
use crate::ui::state::use_app;
use crate::ui::widgets::{keyed_rows, redraw, select_field, tr, SelectOptions};

use super::{
    amount_field, amount_unit_field, date_field, item_lens, label, lens, text_field, today, Getter,
    PlanCtx, Setter,
};

fn objective_of(plan: &AccountPlan, id: u32) -> Option<&Objective> {
    plan.objectives.iter().find(|o| o.id == id)
}

fn action_of(plan: &AccountPlan, id: u32) -> Option<&Action> {
    plan.actions.iter().find(|a| a.id == id)
}

/// An objective's text, or a stand-in while it has none.
fn objective_name(t: &Strings, objective: &Objective) -> String {
    let text = objective.text.trim();
    if text.is_empty() {
        t.objective_unnamed.to_owned()
    } else {
        text.to_owned()
    }
}

/// What keeps an objective from being SMART, in words ("no measure, no due date").
fn gaps_text(t: &Strings, objective: &Objective) -> Option<String> {
    let gaps = objective.gaps();
    (!gaps.is_empty()).then(|| {
        gaps.iter()
            .map(|g| t.objective_gap(*g))
            .collect::<Vec<_>>()
            .join(t.list_separator)
    })
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

fn day_or_dash(t: &Strings, date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "—".to_owned(), |d| t.day(d))
}

/// Choices that follow the language only (statuses, quarters), made once per section.
fn language_options(build: fn(&Strings) -> SelectOptions) -> Signal<SelectOptions> {
    let app = use_app();
    Memo::new(move |_| build(app.t())).into()
}

/// The section's empty state in a printed table's place.
fn nothing_yet(t: &Strings) -> AnyView {
    view! { <p class="prose">{t.plan_empty_list}</p> }.into_any()
}

#[component]
pub fn StrategySection(ctx: PlanCtx) -> impl IntoView {
    let keys = Signal::derive(move || {
        ctx.plan
            .with(|p| p.objectives.iter().map(|o| u64::from(o.id)).collect())
    });
    let add = move |_| {
        ctx.edit(|p| {
            let id = p.take_id();
            p.objectives.push(Objective {
                id,
                ..Objective::default()
            });
        })
    };
    let statuses = language_options(|t| {
        ObjectiveStatus::ALL
            .iter()
            .map(|s| (s.slug().to_owned(), t.objective_status(*s).to_owned()))
            .collect()
    });
    // Every objective that is not SMART yet, summarised where the section starts.
    let not_smart = redraw(Arc::new(move || {
        let t = ctx.t();
        let lines: Vec<String> = ctx.plan.with(|p| {
            p.objectives
                .iter()
                .filter_map(|o| {
                    gaps_text(t, o)
                        .map(|gaps| fill(t.objective_not_smart, &[&objective_name(t, o), &gaps]))
                })
                .collect()
        });
        (!lines.is_empty())
            .then(|| {
                view! {
                    <div class="notice-inline" role="status" data-testid="objective-gaps">
                        <ul>{lines.into_iter().map(|line| view! { <li>"⚠ " {line}</li> }).collect_view()}</ul>
                    </div>
                }
            })
            .into_any()
    }));
    view! {
        <p class="hint">{tr(|t| t.strategy_hint)}</p>
        {
            let (get, put) = lens!(vision);
            text_field(ctx, label(|t| t.strategy_vision), "vision".into(), get, put, true)
        }
        <h3>{tr(|t| t.objectives)}</h3>
        {not_smart}
        <div class="item-list" data-testid="objectives">
            {keyed_rows(keys, Arc::new(move |key| objective_row(ctx, key as u32, statuses)))}
        </div>
        <button type="button" on:click=add data-testid="add-objective">{tr(|t| t.objective_add)}</button>
    }
}

fn objective_row(ctx: PlanCtx, id: u32, statuses: Signal<SelectOptions>) -> AnyView {
    let key = move |field: &str| format!("objectives.{id}.{field}");
    let (get, put) = item_lens!(objectives, id, text);
    let text = text_field(
        ctx,
        label(|t| t.objective_text),
        key("text"),
        get,
        put,
        false,
    );
    let (get, put) = item_lens!(objectives, id, measure);
    let measure = text_field(
        ctx,
        label(|t| t.objective_measure),
        key("measure"),
        get,
        put,
        false,
    );
    let (get, put) = item_lens!(objectives, id, target);
    let target = text_field(
        ctx,
        label(|t| t.objective_target),
        key("target"),
        get,
        put,
        false,
    );
    let (get, put) = item_lens!(objectives, id, due);
    let due = date_field(ctx, label(|t| t.objective_due), key("due"), get, put);
    let (get, put): (Getter<ObjectiveStatus>, Setter<ObjectiveStatus>) =
        item_lens!(objectives, id, status);
    let status = select_field(
        |t| t.objective_status,
        key("status"),
        statuses,
        Signal::derive(move || ctx.plan.with(|p| get(p).slug().to_owned())),
        Arc::new(move |value: String| {
            if let Some(status) = ObjectiveStatus::from_slug(&value) {
                ctx.edit(|p| put(p, status));
            }
        }),
    );
    let flag = redraw(Arc::new(move || {
        let t = ctx.t();
        ctx.plan
            .with(|p| objective_of(p, id).and_then(|o| gaps_text(t, o)))
            .map(|gaps| view! { <p class="objective-flag" data-testid="objective-flag">"⚠ " {gaps}</p> })
            .into_any()
    }));
    view! {
        <div class="item-row objective" data-objective=id.to_string()>
            {text}{measure}{target}{due}{status}
            <button type="button" class="link-button"
                on:click=move |_| ctx.remove(crate::domain::plan::PlanItem::Objective(id))>
                {tr(|t| t.plan_remove)}
            </button>
            {flag}
        </div>
    }
    .into_any()
}

#[component]
pub fn ActionsSection(ctx: PlanCtx) -> impl IntoView {
    let today = today();
    let keys = Signal::derive(move || {
        ctx.plan
            .with(|p| p.actions.iter().map(|a| u64::from(a.id)).collect())
    });
    let add = move |_| {
        ctx.edit(|p| {
            let id = p.take_id();
            p.actions.push(Action {
                id,
                ..Action::default()
            });
        })
    };
    let statuses = language_options(|t| {
        ActionStatus::ALL
            .iter()
            .map(|s| (s.slug().to_owned(), t.action_status(*s).to_owned()))
            .collect()
    });
    // A memo, so typing in a task does not redraw every row's list of objectives.
    let objectives: Signal<SelectOptions> = Memo::new(move |_| {
        let t = ctx.t();
        let mut options = vec![(String::new(), t.action_objective_none.to_owned())];
        ctx.plan.with(|p| {
            options.extend(
                p.objectives
                    .iter()
                    .map(|o| (o.id.to_string(), objective_name(t, o))),
            )
        });
        options
    })
    .into();
    let overdue_count = redraw(Arc::new(move || {
        let count = ctx
            .plan
            .with(|p| p.actions.iter().filter(|a| a.is_overdue(today)).count());
        (count > 0)
            .then(|| {
                view! {
                    <p class="notice-inline" role="status" data-testid="overdue-count">
                        "⚠ " {fill(ctx.t().actions_overdue_count, &[&count])}
                    </p>
                }
            })
            .into_any()
    }));
    view! {
        <p class="hint">{tr(|t| t.actions_hint)}</p>
        {overdue_count}
        <div class="item-list" data-testid="actions">
            {keyed_rows(keys, Arc::new(move |key| action_row(ctx, key as u32, today, statuses, objectives)))}
        </div>
        <button type="button" on:click=add data-testid="add-action">{tr(|t| t.action_add)}</button>
    }
}

fn action_row(
    ctx: PlanCtx,
    id: u32,
    today: NaiveDate,
    statuses: Signal<SelectOptions>,
    objectives: Signal<SelectOptions>,
) -> AnyView {
    let key = move |field: &str| format!("actions.{id}.{field}");
    let (get, put) = item_lens!(actions, id, task);
    let task = text_field(ctx, label(|t| t.action_task), key("task"), get, put, false);
    let (get, put) = item_lens!(actions, id, owner);
    let owner = text_field(
        ctx,
        label(|t| t.action_owner),
        key("owner"),
        get,
        put,
        false,
    );
    let (get, put) = item_lens!(actions, id, due);
    let due = date_field(ctx, label(|t| t.action_due), key("due"), get, put);
    let (get, put): (Getter<ActionStatus>, Setter<ActionStatus>) = item_lens!(actions, id, status);
    let status = select_field(
        |t| t.action_status,
        key("status"),
        statuses,
        Signal::derive(move || ctx.plan.with(|p| get(p).slug().to_owned())),
        Arc::new(move |value: String| {
            if let Some(status) = ActionStatus::from_slug(&value) {
                ctx.edit(|p| put(p, status));
            }
        }),
    );
    let (get, put): (Getter<Option<u32>>, Setter<Option<u32>>) = item_lens!(actions, id, objective);
    let objective = select_field(
        |t| t.action_objective,
        key("objective"),
        objectives,
        Signal::derive(move || {
            ctx.plan
                .with(|p| get(p).map(|o| o.to_string()).unwrap_or_default())
        }),
        Arc::new(move |value: String| {
            let objective = value.parse().ok();
            ctx.edit(|p| put(p, objective));
        }),
    );
    let overdue = Signal::derive(move || {
        ctx.plan
            .with(|p| action_of(p, id).is_some_and(|a| a.is_overdue(today)))
    });
    // Marked in words too, not by colour alone.
    let mark = redraw(Arc::new(move || {
        overdue
            .get()
            .then(|| view! { <span class="overdue-mark" data-testid="action-overdue">"⚠ " {tr(|t| t.action_overdue)}</span> })
            .into_any()
    }));
    view! {
        <div class=move || if overdue.get() { "item-row action overdue" } else { "item-row action" }
            data-action=id.to_string()>
            {task}{owner}{due}{status}{objective}
            {mark}
            <button type="button" class="link-button"
                on:click=move |_| ctx.remove(crate::domain::plan::PlanItem::Action(id))>
                {tr(|t| t.plan_remove)}
            </button>
        </div>
    }
    .into_any()
}

/// A revenue period in form names and test hooks: `2027`, `2027-q1`.
fn period_key(year: i32, quarter: Option<u8>) -> String {
    match quarter {
        Some(q) => format!("{year}-q{q}"),
        None => year.to_string(),
    }
}

fn period_label(t: &Strings, year: i32, quarter: Option<u8>) -> String {
    match quarter {
        Some(q) => fill(t.revenue_quarter_label, &[&year, &q]),
        None => fill(t.revenue_year_label, &[&year]),
    }
}

/// A revenue period as one number, for keyed rows: the year above the low byte, the
/// quarter (0 for the whole year) in it.
fn period_id(year: i32, quarter: Option<u8>) -> u64 {
    ((i64::from(year) << 8) | i64::from(quarter.unwrap_or(0))) as u64
}

fn period_of(id: u64) -> (i32, Option<u8>) {
    let year = (id as i64 >> 8) as i32;
    let quarter = (id & 0xff) as u8;
    (year, (quarter > 0).then_some(quarter))
}

fn metric_label(metric: Metric) -> fn(&Strings) -> &'static str {
    match metric {
        Metric::Sales => |t| t.metric_sales,
        Metric::Revenue => |t| t.metric_revenue,
        Metric::Margin => |t| t.metric_margin,
        Metric::Profit => |t| t.metric_profit,
    }
}

fn metric_key(metric: Metric) -> &'static str {
    match metric {
        Metric::Sales => "sales",
        Metric::Revenue => "revenue",
        Metric::Margin => "margin",
        Metric::Profit => "profit",
    }
}

fn line_of(plan: &AccountPlan, year: i32, quarter: Option<u8>) -> Option<&RevenueLine> {
    revenue_line_index(&plan.revenue, year, quarter).and_then(|i| plan.revenue.get(i))
}

fn line_mut(plan: &mut AccountPlan, year: i32, quarter: Option<u8>) -> Option<&mut RevenueLine> {
    revenue_line_index(&plan.revenue, year, quarter).and_then(|i| plan.revenue.get_mut(i))
}

/// A figure with its sign, also when positive: "+50", "-50", "0".
fn signed(value: i64, text: String) -> String {
    if value > 0 {
        format!("+{text}")
    } else {
        text
    }
}

/// The variance of one figure as two cells, amount and percent of the target, each with
/// its sign; below plan is marked (class `negative`, besides the minus sign).
fn variance_cells(figure: &TargetActual, key: String) -> AnyView {
    let variance = figure.variance();
    let amount = variance.map_or_else(|| "—".to_owned(), |v: Amount| signed(v.0, v.to_string()));
    let percent = figure.variance_tenths_percent().map_or_else(
        || "—".to_owned(),
        |p| format!("{}%", signed(p, tenths_percent_text(p))),
    );
    let class = if variance.is_some_and(|v| v.0 < 0) {
        "num variance negative"
    } else {
        "num variance"
    };
    view! {
        <td class=class data-variance=key.clone()>{amount}</td>
        <td class=class data-variance-percent=key>{percent}</td>
    }
    .into_any()
}

/// Why a period could not be added.
#[derive(Clone, Copy, PartialEq)]
enum AddProblem {
    Year,
    Exists(i32, Option<u8>),
}

#[component]
pub fn RevenueSection(ctx: PlanCtx) -> impl IntoView {
    let keys = Signal::derive(move || {
        ctx.plan.with(|p| {
            p.revenue
                .iter()
                .map(|l| period_id(l.year, l.quarter))
                .collect()
        })
    });
    let year = RwSignal::new(today().year().to_string());
    let quarter = RwSignal::new(1u8);
    let problem = RwSignal::new(None::<AddProblem>);
    let add = move |q: Option<u8>| {
        let Some(y) = parse_revenue_year(&year.get_untracked()) else {
            problem.set(Some(AddProblem::Year));
            return;
        };
        // Checked first, so a refused period does not count as an edit of the account.
        if ctx
            .plan
            .with_untracked(|p| revenue_line_index(&p.revenue, y, q).is_some())
        {
            problem.set(Some(AddProblem::Exists(y, q)));
        } else {
            problem.set(None);
            ctx.edit(|p| {
                add_revenue_line(&mut p.revenue, y, q);
            });
        }
    };
    let problem_text = redraw(Arc::new(move || {
        problem
            .get()
            .map(|problem| {
                let t = ctx.t();
                let text = match problem {
                    AddProblem::Year => t.plan_invalid_year.to_owned(),
                    AddProblem::Exists(y, q) => {
                        fill(t.revenue_line_exists, &[&period_label(t, y, q)])
                    }
                };
                view! { <p class="field-error" role="alert" data-testid="revenue-problem">{text}</p> }
            })
            .into_any()
    }));
    let quarters = language_options(|t| {
        (1..=4u8)
            .map(|q| (q.to_string(), fill(t.revenue_quarter_option, &[&q])))
            .collect()
    });
    let quarter_select = select_field(
        |t| t.revenue_quarter,
        "revenue.new.quarter".into(),
        quarters,
        Signal::derive(move || quarter.get().to_string()),
        Arc::new(move |value: String| quarter.set(value.parse().unwrap_or(1))),
    );
    view! {
        <p class="hint">{tr(|t| t.revenue_hint)}</p>
        {amount_unit_field(ctx)}
        <div class="revenue-add">
            <label class="field">
                <span>{tr(|t| t.profile_year)}</span>
                <input type="text" inputmode="numeric" data-field="revenue.new.year"
                    prop:value=move || year.get()
                    on:input=move |ev| { year.set(event_target_value(&ev)); problem.set(None); }/>
            </label>
            <button type="button" data-testid="add-revenue-year" on:click=move |_| add(None)>
                {tr(|t| t.revenue_add_year)}
            </button>
            {quarter_select}
            <button type="button" data-testid="add-revenue-quarter" on:click=move |_| add(Some(quarter.get_untracked()))>
                {tr(|t| t.revenue_add_quarter)}
            </button>
            {problem_text}
        </div>
        <div class="revenue-lines" data-testid="revenue-lines">
            {keyed_rows(keys, Arc::new(move |key| {
                let (year, quarter) = period_of(key);
                revenue_line(ctx, year, quarter)
            }))}
        </div>
    }
}

fn revenue_line(ctx: PlanCtx, year: i32, quarter: Option<u8>) -> AnyView {
    let key = period_key(year, quarter);
    let rows = Metric::ALL
        .iter()
        .map(|&metric| {
            let field = format!("{key}.{}", metric_key(metric));
            let target = amount_field(
                ctx,
                label(|t| t.revenue_target),
                format!("revenue.{field}.target"),
                Arc::new(move |p| line_of(p, year, quarter).and_then(|l| l.metric(metric).target)),
                Arc::new(move |p, value| {
                    if let Some(line) = line_mut(p, year, quarter) {
                        line.metric_mut(metric).target = value;
                    }
                }),
            );
            let actual = amount_field(
                ctx,
                label(|t| t.revenue_actual),
                format!("revenue.{field}.actual"),
                Arc::new(move |p| line_of(p, year, quarter).and_then(|l| l.metric(metric).actual)),
                Arc::new(move |p, value| {
                    if let Some(line) = line_mut(p, year, quarter) {
                        line.metric_mut(metric).actual = value;
                    }
                }),
            );
            let variance = redraw(Arc::new(move || {
                ctx.plan.with(|p| {
                    let figure = line_of(p, year, quarter)
                        .map(|l| *l.metric(metric))
                        .unwrap_or_default();
                    variance_cells(&figure, field.clone())
                })
            }));
            view! {
                <tr>
                    <th scope="row">{tr(metric_label(metric))}</th>
                    <td>{target}</td>
                    <td>{actual}</td>
                    {variance}
                </tr>
            }
        })
        .collect_view();
    let remove = move |_| ctx.remove(crate::domain::plan::PlanItem::Revenue { year, quarter });
    view! {
        <div class="revenue-line" data-revenue-line=key>
            <div class="table-wrap">
                <table class="data-table revenue-table">
                    <caption>{Signal::derive(move || period_label(ctx.t(), year, quarter))}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.revenue_metric)}</th>
                            <th scope="col">{tr(|t| t.revenue_target)}</th>
                            <th scope="col">{tr(|t| t.revenue_actual)}</th>
                            <th scope="col" colspan="2" class="num">{tr(|t| t.revenue_variance)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <button type="button" class="link-button" data-testid="remove-revenue-line" on:click=remove>
                {tr(|t| t.plan_remove)}
            </button>
        </div>
    }
    .into_any()
}

/// The SMART objectives read-only, for the printed plan: each with its measure, target
/// value, due date and status, and what keeps it from being SMART.
#[component]
pub fn ObjectivesTable(
    /// The plan whose objectives are shown.
    #[prop(into)]
    plan: Signal<AccountPlan>,
) -> impl IntoView {
    let app = use_app();
    redraw(Arc::new(move || {
        let t = app.t();
        plan.with(|p| {
            if p.objectives.is_empty() {
                return nothing_yet(t);
            }
            let rows = p
                .objectives
                .iter()
                .map(|o| {
                    view! {
                        <tr data-objective=o.id.to_string()>
                            <td>
                                {objective_name(t, o)}
                                {gaps_text(t, o).map(|gaps| view! { <span class="objective-flag">"⚠ " {gaps}</span> })}
                            </td>
                            <td>{or_dash(&o.measure)}</td>
                            <td>{or_dash(&o.target)}</td>
                            <td>{day_or_dash(t, o.due)}</td>
                            <td>{t.objective_status(o.status)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="print-table objectives-table" data-testid="objectives-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.objective_text}</th>
                            <th scope="col">{t.objective_measure}</th>
                            <th scope="col">{t.objective_target}</th>
                            <th scope="col">{t.objective_due}</th>
                            <th scope="col">{t.objective_status}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        })
    }))
}

/// The action plan read-only, for the printed plan: task, owner, due date, status (overdue
/// actions marked in words) and the objective each serves.
#[component]
pub fn ActionsTable(
    /// The plan whose actions are shown.
    #[prop(into)]
    plan: Signal<AccountPlan>,
) -> impl IntoView {
    let app = use_app();
    let today = today();
    redraw(Arc::new(move || {
        let t = app.t();
        plan.with(|p| {
            if p.actions.is_empty() {
                return nothing_yet(t);
            }
            let rows = p
                .actions
                .iter()
                .map(|a| {
                    let overdue = a.is_overdue(today);
                    let objective = a
                        .objective
                        .and_then(|id| objective_of(p, id))
                        .map_or_else(|| "—".to_owned(), |o| objective_name(t, o));
                    view! {
                        <tr class=overdue.then_some("overdue") data-action=a.id.to_string()>
                            <td>{or_dash(&a.task)}</td>
                            <td>{or_dash(&a.owner)}</td>
                            <td>{day_or_dash(t, a.due)}</td>
                            <td>
                                {t.action_status(a.status)}
                                {overdue.then(|| view! { <span class="overdue-mark">" · ⚠ " {t.action_overdue}</span> })}
                            </td>
                            <td>{objective}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="print-table actions-table" data-testid="actions-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.action_task}</th>
                            <th scope="col">{t.action_owner}</th>
                            <th scope="col">{t.action_due}</th>
                            <th scope="col">{t.action_status}</th>
                            <th scope="col">{t.action_objective}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        })
    }))
}

/// The revenue plan read-only, for the printed plan: per year or quarter, in order, the
/// four figures with target, actual and variance (amount and percent, signed).
#[component]
pub fn RevenueTable(
    /// The plan whose revenue lines are shown.
    #[prop(into)]
    plan: Signal<AccountPlan>,
) -> impl IntoView {
    let app = use_app();
    redraw(Arc::new(move || {
        let t = app.t();
        plan.with(|p| {
            if p.revenue.is_empty() {
                return nothing_yet(t);
            }
            let amount = |a: Option<Amount>| a.map_or_else(|| "—".to_owned(), |a| a.to_string());
            let groups = p
                .revenue
                .iter()
                .map(|line| {
                    let key = period_key(line.year, line.quarter);
                    let rows = Metric::ALL
                        .iter()
                        .map(|&metric| {
                            let figure = line.metric(metric);
                            view! {
                                <tr>
                                    <th scope="row">{t.metric(metric)}</th>
                                    <td class="num">{amount(figure.target)}</td>
                                    <td class="num">{amount(figure.actual)}</td>
                                    {variance_cells(figure, format!("{key}.{}", metric_key(metric)))}
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <tbody data-revenue-line=key>
                            <tr class="period-row">
                                <th scope="rowgroup" colspan="5">{period_label(t, line.year, line.quarter)}</th>
                            </tr>
                            {rows}
                        </tbody>
                    }
                })
                .collect_view();
            view! {
                <table class="print-table revenue-print-table" data-testid="revenue-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.revenue_metric}</th>
                            <th scope="col" class="num">{t.revenue_target}</th>
                            <th scope="col" class="num">{t.revenue_actual}</th>
                            <th scope="col" class="num" colspan="2">{t.revenue_variance}</th>
                        </tr>
                    </thead>
                    {groups}
                </table>
            }
            .into_any()
        })
    }))
}
