//! The account plan (客户计划): one page per account with a tab per section, each tab
//! showing how complete its section is, and the shared pieces every section edits with.
//! Sections live in `profile.rs`, `analysis.rs`, `people.rs` and `strategy.rs`; the
//! printable layout in `print.rs`. The rules are in `crate::domain::plan`.

pub mod analysis;
pub mod people;
pub mod print;
pub mod profile;
pub mod strategy;

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::plan::{
    read_plan, AccountPlan, Amount, Fact, PlanDoc, PlanItem, Section, SixStep, UnreadablePlan,
};
use crate::domain::workspace::AMOUNT_UNIT_MAX;
use crate::domain::AccountId;
use crate::i18n::{fill, strings, Strings};

use super::dom;
use super::router::Route;
use super::state::{use_app, AppState, Notice, Undo};
use super::widgets::{account_not_found, choice_field, tr, Choice};

/// Reads a value from the plan.
pub type Getter<T> = Arc<dyn Fn(&AccountPlan) -> T + Send + Sync>;
/// Writes a value into the plan.
pub type Setter<T> = Arc<dyn Fn(&mut AccountPlan, T) + Send + Sync>;
/// A label in the current language.
pub type Label = Arc<dyn Fn(&Strings) -> &'static str + Send + Sync>;

/// A getter and a setter for a field of the plan: `lens!(position.history)`.
macro_rules! lens {
    ($($path:ident).+) => {
        (
            std::sync::Arc::new(|p: &crate::domain::plan::AccountPlan| p.$($path).+.clone())
                as $crate::ui::plan::Getter<_>,
            std::sync::Arc::new(|p: &mut crate::domain::plan::AccountPlan, v| p.$($path).+ = v)
                as $crate::ui::plan::Setter<_>,
        )
    };
}
pub(crate) use lens;

/// A getter and a setter for a field of one item of a list of the plan, found by id:
/// `item_lens!(needs, id, text)`. A missing item reads as the default and is not written.
macro_rules! item_lens {
    ($list:ident, $id:expr, $($path:ident).+) => {{
        let id = $id;
        (
            std::sync::Arc::new(move |p: &crate::domain::plan::AccountPlan| {
                p.$list
                    .iter()
                    .find(|x| x.id == id)
                    .map(|x| x.$($path).+.clone())
                    .unwrap_or_default()
            }) as $crate::ui::plan::Getter<_>,
            std::sync::Arc::new(move |p: &mut crate::domain::plan::AccountPlan, v| {
                if let Some(x) = p.$list.iter_mut().find(|x| x.id == id) {
                    x.$($path).+ = v;
                }
            }) as $crate::ui::plan::Setter<_>,
        )
    }};
}
pub(crate) use item_lens;

/// A label from the string table.
pub fn label(pick: fn(&Strings) -> &'static str) -> Label {
    Arc::new(pick)
}

/// The plan of one account as the sections see it: read through a memo (so a section
/// redraws only when the plan changes), written through [`PlanCtx::edit`].
#[derive(Clone, Copy)]
pub struct PlanCtx {
    pub app: AppState,
    pub id: AccountId,
    pub plan: Memo<AccountPlan>,
    /// Why the stored plan cannot be read, when it cannot: the page then says so and
    /// writes nothing over it.
    pub unreadable: Memo<Option<UnreadablePlan>>,
}

impl PlanCtx {
    pub fn new(app: AppState, id: AccountId) -> PlanCtx {
        // The document first, so the plan is read again only when its text changes, not
        // on every edit of the workspace.
        let doc = Memo::new(move |_| {
            app.workspace
                .with(|ws| ws.account(id).and_then(|a| a.plan.clone()))
        });
        let read = Memo::new(move |_| doc.with(|d| read_plan(d.as_ref())));
        let plan = Memo::new(move |_| read.with(|r| r.clone().unwrap_or_default()));
        let unreadable = Memo::new(move |_| read.with(|r| r.clone().err()));
        PlanCtx {
            app,
            id,
            plan,
            unreadable,
        }
    }

    /// Changes the plan (starting it if the account has none; an emptied plan is
    /// dropped, so it costs nothing in storage). A plan that could not be read is
    /// never written over.
    pub fn edit(&self, f: impl FnOnce(&mut AccountPlan)) {
        if self.unreadable.with_untracked(Option::is_some) {
            return;
        }
        let mut plan = self.plan.get_untracked();
        f(&mut plan);
        let Ok(doc) = PlanDoc::write(&plan) else {
            return;
        };
        let now = self.app.now();
        let id = self.id;
        self.app.edit(|ws| {
            ws.update_account(id, now, |account| account.plan = doc);
        });
    }

    pub fn t(&self) -> &'static Strings {
        self.app.t()
    }

    /// Removes an item of a list and offers to put it back (a notice with "undo").
    pub fn remove(&self, item: PlanItem) {
        let before = self.plan.get_untracked();
        let label = item_label(self.t(), &before, item);
        self.edit(|p| p.remove(item));
        let account = self.id;
        let undo = Undo::new(move |ws, now| {
            ws.update_account(account, now, |a| {
                let Ok(mut plan) = read_plan(a.plan.as_ref()) else {
                    return;
                };
                plan.restore(&before, item);
                if let Ok(doc) = PlanDoc::write(&plan) {
                    a.plan = doc;
                }
            });
        });
        let text = fill(self.t().plan_removed, &[&label]);
        self.app.notify(Notice::Removed { text, undo });
    }
}

/// What a removed item is called in the "removed … undo" notice.
fn item_label(t: &Strings, plan: &AccountPlan, item: PlanItem) -> String {
    let named = |text: Option<&str>, unnamed: &str| {
        text.map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(unnamed)
            .to_owned()
    };
    match item {
        PlanItem::Person(id) => named(
            plan.people
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.as_str()),
            t.person_unnamed,
        ),
        PlanItem::Need(id) => named(
            plan.needs
                .iter()
                .find(|n| n.id == id)
                .map(|n| n.text.as_str()),
            t.need_text,
        ),
        PlanItem::Competitor(id) => named(
            plan.competitors
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.as_str()),
            t.competitor_unnamed,
        ),
        PlanItem::Objective(id) => named(
            plan.objectives
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.text.as_str()),
            t.objective_unnamed,
        ),
        PlanItem::Action(id) => named(
            plan.actions
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.task.as_str()),
            t.action_task,
        ),
        PlanItem::Revenue {
            year,
            quarter: None,
        } => fill(t.revenue_year_label, &[&year]),
        PlanItem::Revenue {
            year,
            quarter: Some(q),
        } => fill(t.revenue_quarter_label, &[&year, &q]),
    }
}

/// Today in the browser's time zone.
pub fn today() -> NaiveDate {
    chrono::DateTime::from_timestamp_millis(dom::local_millis(dom::now_millis()))
        .map(|d| d.date_naive())
        .unwrap_or_default()
}

/// A date as the `<input type="date">` value.
pub fn date_value(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The date an `<input type="date">` holds (empty or unreadable: none).
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// A labelled text field (one line, or several with `multiline`).
pub fn text_field(
    ctx: PlanCtx,
    label: Label,
    key: String,
    get: Getter<String>,
    put: Setter<String>,
    multiline: bool,
) -> AnyView {
    let language = ctx.app.language;
    let caption = move || label(strings(language.get()));
    let value = move || ctx.plan.with(|p| get(p));
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        ctx.edit(|p| put(p, text));
    };
    if multiline {
        view! {
            <label class="field wide">
                <span>{caption}</span>
                <textarea rows="3" data-field=key prop:value=value on:input=on_input></textarea>
            </label>
        }
        .into_any()
    } else {
        view! {
            <label class="field">
                <span>{caption}</span>
                <input type="text" data-field=key prop:value=value on:input=on_input/>
            </label>
        }
        .into_any()
    }
}

/// A labelled date field.
pub fn date_field(
    ctx: PlanCtx,
    label: Label,
    key: String,
    get: Getter<Option<NaiveDate>>,
    put: Setter<Option<NaiveDate>>,
) -> AnyView {
    let language = ctx.app.language;
    view! {
        <label class="field">
            <span>{move || label(strings(language.get()))}</span>
            <input type="date" data-field=key
                prop:value=move || ctx.plan.with(|p| date_value(get(p)))
                on:change=move |ev| {
                    let date = parse_date(&event_target_value(&ev));
                    ctx.edit(|p| put(p, date));
                }/>
        </label>
    }
    .into_any()
}

/// A labelled select over the choices of `T`; the first entry (`unset`) is "no value".
pub fn choice_select<T: Choice>(
    ctx: PlanCtx,
    label: Label,
    key: String,
    unset: fn(&Strings) -> &'static str,
    get: Getter<Option<T>>,
    put: Setter<Option<T>>,
) -> AnyView {
    let current = Memo::new(move |_| ctx.plan.with(|p| get(p)));
    choice_field(
        key,
        move |t: &Strings| label(t),
        Some(unset),
        current.into(),
        move |value| ctx.edit(|p| put(p, value)),
    )
    .into_any()
}

/// Units people write amounts in, offered as the unit is chosen (any other can be typed).
const AMOUNT_UNITS: [&str; 9] = [
    "万元",
    "元",
    "千元",
    "百万元",
    "亿元",
    "CNY",
    "k CNY",
    "USD",
    "EUR",
];

/// The workspace's unit for plan amounts, editable wherever amounts are entered; every
/// plan of the workspace uses it.
pub fn amount_unit_field(ctx: PlanCtx) -> AnyView {
    let app = ctx.app;
    let unit = move || app.workspace.with(|ws| ws.amount_unit.clone());
    let options = AMOUNT_UNITS
        .iter()
        .map(|u| view! { <option value=*u></option> })
        .collect_view();
    view! {
        <div class="amount-unit">
            <label class="field">
                <span>{tr(|t| t.amount_unit_label)}</span>
                <input type="text" list="amount-units" data-field="amount_unit"
                    maxlength=AMOUNT_UNIT_MAX.to_string()
                    placeholder=tr(|t| t.amount_unit_placeholder)
                    prop:value=unit
                    on:change=move |ev| {
                        let entered = event_target_value(&ev);
                        app.edit(|ws| ws.set_amount_unit(&entered));
                    }/>
            </label>
            <datalist id="amount-units">{options}</datalist>
            <p class="hint">{tr(|t| t.amount_unit_hint)}</p>
        </div>
    }
    .into_any()
}

/// A labelled amount field: accepts "1,234.5"; a value it cannot read is not stored and
/// is explained under the field.
pub fn amount_field(
    ctx: PlanCtx,
    label: Label,
    key: String,
    get: Getter<Option<Amount>>,
    put: Setter<Option<Amount>>,
) -> AnyView {
    let language = ctx.app.language;
    let stored = {
        let get = get.clone();
        move || ctx.plan.with(|p| get(p))
    };
    let text = RwSignal::new(stored().map(|a| a.to_string()).unwrap_or_default());
    let invalid = RwSignal::new(false);
    // Another tab or an undo may change the value: follow it unless the field holds an
    // unreadable entry the user is still fixing.
    Effect::new(move |_| {
        let value = stored();
        if !invalid.get_untracked() {
            let shown = text.get_untracked();
            if Amount::parse(&shown) != value {
                text.set(value.map(|a| a.to_string()).unwrap_or_default());
            }
        }
    });
    let app = ctx.app;
    // The unit belongs to the workspace; it is part of each field's name.
    let caption = move || {
        let t = strings(language.get());
        let unit = app.workspace.with(|ws| ws.amount_unit.clone());
        if unit.is_empty() {
            label(t).to_owned()
        } else {
            fill(t.amount_with_unit, &[&label(t), &unit])
        }
    };
    view! {
        <label class="field amount">
            <span>{caption}</span>
            <input type="text" inputmode="decimal" data-field=key
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:change=move |ev| {
                    let entered = event_target_value(&ev);
                    if entered.trim().is_empty() {
                        invalid.set(false);
                        ctx.edit(|p| put(p, None));
                    } else if let Some(amount) = Amount::parse(&entered) {
                        invalid.set(false);
                        ctx.edit(|p| put(p, Some(amount)));
                    } else {
                        invalid.set(true);
                    }
                }/>
            <Show when=move || invalid.get()>
                <span class="field-error" role="alert">{tr(|t| t.plan_invalid_amount)}</span>
            </Show>
        </label>
    }
    .into_any()
}

/// A fact with its provenance: the text, the information level, the source, the date,
/// and a note when it is due for refresh.
pub fn fact_editor(
    ctx: PlanCtx,
    label: Label,
    key: &'static str,
    get: Getter<Fact>,
    put: Arc<dyn Fn(&mut AccountPlan) -> &mut Fact + Send + Sync>,
) -> AnyView {
    let g = get.clone();
    let p = put.clone();
    let text = text_field(
        ctx,
        label,
        key.to_owned(),
        Arc::new(move |plan| g(plan).text),
        Arc::new(move |plan, v| p(plan).text = v),
        true,
    );
    let (g, p) = (get.clone(), put.clone());
    let level = choice_select(
        ctx,
        self::label(|t| t.fact_level),
        format!("{key}.level"),
        |t| t.fact_level_none,
        Arc::new(move |plan| g(plan).level),
        Arc::new(move |plan, v| p(plan).level = v),
    );
    let (g, p) = (get.clone(), put.clone());
    let source = text_field(
        ctx,
        self::label(|t| t.fact_source),
        format!("{key}.source"),
        Arc::new(move |plan| g(plan).source),
        Arc::new(move |plan, v| p(plan).source = v),
        false,
    );
    let (g, p) = (get.clone(), put);
    let date = date_field(
        ctx,
        self::label(|t| t.fact_date),
        format!("{key}.date"),
        Arc::new(move |plan| g(plan).date),
        Arc::new(move |plan, v| p(plan).date = v),
    );
    let freshness = move || {
        let t = ctx.t();
        match ctx.plan.with(|p| get(p).freshness(today())) {
            crate::domain::plan::Freshness::DueForRefresh => Some(t.fact_due),
            crate::domain::plan::Freshness::Undated => Some(t.fact_undated),
            _ => None,
        }
        .map(|text| view! { <p class="fact-due" data-testid="fact-due">"⚠ " {text}</p> })
    };
    view! {
        <div class="fact" data-fact=key>
            {text}
            <div class="fact-meta">{level}{source}{date}</div>
            {freshness}
        </div>
    }
    .into_any()
}

/// How complete a section or plan is, as a small badge.
pub fn percent_badge(percent: u32) -> impl IntoView {
    let class = match percent {
        100 => "percent-badge done",
        0 => "percent-badge empty",
        _ => "percent-badge",
    };
    view! { <span class=class>{format!("{percent}%")}</span> }
}

#[component]
pub fn PlanPage(id: AccountId, section: Section) -> impl IntoView {
    let app = use_app();
    let exists = Memo::new(move |_| app.workspace.with(|ws| ws.account(id).is_some()));
    move || {
        if !exists.get() {
            return account_not_found(id);
        }
        let ctx = PlanCtx::new(app, id);
        let name = move || {
            app.workspace
                .with(|ws| ws.account(id).map(|a| a.name.clone()))
                .unwrap_or_default()
        };
        let tabs = Section::ALL
            .iter()
            .map(|&s| {
                let current = (s == section).then_some("page");
                view! {
                    <a href=Route::Plan(id, s).href() aria-current=current data-section=s.slug()>
                        <span>{move || app.t().plan_section(s)}</span>
                        {move || percent_badge(ctx.plan.with(|p| p.progress(s).percent()))}
                    </a>
                }
            })
            .collect_view();
        let body = match section {
            Section::Summary => view! { <SummarySection ctx=ctx/> }.into_any(),
            Section::Profile => view! { <profile::ProfileSection ctx=ctx/> }.into_any(),
            Section::Analysis => view! { <analysis::AnalysisSection ctx=ctx/> }.into_any(),
            Section::Competitors => view! { <analysis::CompetitorsSection ctx=ctx/> }.into_any(),
            Section::Position => view! { <analysis::PositionSection ctx=ctx/> }.into_any(),
            Section::SixSteps => view! { <SixStepsSection ctx=ctx/> }.into_any(),
            Section::Strategy => view! { <strategy::StrategySection ctx=ctx/> }.into_any(),
            Section::Actions => view! { <strategy::ActionsSection ctx=ctx/> }.into_any(),
            Section::Revenue => view! { <strategy::RevenueSection ctx=ctx/> }.into_any(),
            Section::PowerMap => view! { <people::PowerMapSection ctx=ctx/> }.into_any(),
        };
        view! {
            <section class="page plan-page" data-account-id=id.to_string()>
                <p><a href=Route::Account(id).href()>{tr(|t| t.plan_back)}</a></p>
                <div class="page-head">
                    <h1 data-testid="plan-title">{move || fill(app.t().plan_title, &[&name()])}</h1>
                    <span class="plan-complete" data-testid="plan-complete">
                        {move || fill(app.t().plan_complete, &[&ctx.plan.with(|p| p.completeness())])}
                    </span>
                    <a class="button" href=Route::PlanPrint(id).href() data-testid="plan-print">{tr(|t| t.plan_print)}</a>
                </div>
                {move || ctx.unreadable.get().map(|reason| unreadable_plan(app, &reason))}
                <nav class="plan-tabs" aria-label=tr(|t| t.plan_sections)>{tabs}</nav>
                <section class="card plan-section" data-testid="plan-section" data-section=section.slug()
                    hidden=move || ctx.unreadable.with(Option::is_some)>
                    <h2>{move || app.t().plan_section(section)}</h2>
                    {move || {
                        let t = app.t();
                        let missing = ctx.plan.with(|p| p.missing(section));
                        (!missing.is_empty()).then(|| {
                            let list: Vec<String> = missing.into_iter().map(|item| t.plan_item(item)).collect();
                            view! {
                                <p class="plan-missing" data-testid="plan-missing">
                                    {fill(t.plan_missing, &[&list.join(t.list_separator)])}
                                </p>
                            }
                        })
                    }}
                    {body}
                </section>
            </section>
        }
        .into_any()
    }
}

/// The stored plan cannot be read: said plainly, and it is kept as it is.
pub fn unreadable_plan(app: AppState, reason: &UnreadablePlan) -> impl IntoView {
    view! {
        <p class="notice error" role="alert" data-testid="plan-unreadable">
            {fill(app.t().plan_unreadable, &[reason])}
        </p>
    }
}

#[component]
fn SummarySection(ctx: PlanCtx) -> impl IntoView {
    view! {
        <p class="hint">{tr(|t| t.summary_hint)}</p>
        {
            let (get, put) = lens!(summary);
            text_field(ctx, label(|t| t.summary_label), "summary".into(), get, put, true)
        }
    }
}

#[component]
fn SixStepsSection(ctx: PlanCtx) -> impl IntoView {
    let steps = SixStep::ALL
        .iter()
        .map(|&step| {
            let i = step.index();
            let done = move || ctx.plan.with(|p| p.step(step).done);
            let note = move || {
                text_field(
                    ctx,
                    label(|t| t.step_conclusion),
                    format!("six_steps.{i}"),
                    Arc::new(move |p| p.six_steps[i].note.clone()),
                    Arc::new(move |p, v| p.six_steps[i].note = v),
                    true,
                )
            };
            // A step worked out in a section of its own links there instead of asking
            // for the same analysis again; a note written before is still shown.
            let body = match step.worked_in() {
                None => note().into_any(),
                Some(section) => {
                    let has_note =
                        Memo::new(move |_| ctx.plan.with(|p| !p.step(step).note.trim().is_empty()));
                    let progress = move || ctx.plan.with(|p| p.progress(section).percent());
                    view! {
                        <p class="step-link" data-testid="step-link">
                            {tr(|t| t.step_worked_in)} " "
                            <a href=Route::Plan(ctx.id, section).href()>
                                {move || ctx.app.t().plan_section(section)}
                                " · " {move || format!("{}%", progress())}
                            </a>
                        </p>
                        <Show when=move || has_note.get()>{note()}</Show>
                    }
                    .into_any()
                }
            };
            view! {
                <div class="six-step" data-step=i.to_string()>
                    <h3>{move || ctx.app.t().six_step_heading(step)}</h3>
                    {body}
                    <label class="check">
                        <input type="checkbox" data-field=format!("six_steps.{i}.done")
                            prop:checked=done
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                ctx.edit(|p| p.six_steps[i].done = checked);
                            }/>
                        <span>{tr(|t| t.step_done)}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <p class="hint">{tr(|t| t.six_steps_hint)}</p>
        {steps}
    }
}
