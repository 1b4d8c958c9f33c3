//! The account plan laid out for printing on A4 (or saving as PDF from the print dialog):
//! every section read-only, in the current language, with the account's position on the
//! matrix and the power map. Page breaks are left to the browser, told by the print
//! styles not to cut table rows, fact blocks or org-chart boxes.

use leptos::prelude::*;

use crate::charts::matrix::{Markers, MatrixPoint, MatrixSize};
use crate::domain::plan::facts::tenths_percent_text;
use crate::domain::plan::finance::{three_years, year_growth, FinanceFigure};
use crate::domain::plan::{
    AccountPlan, Fact, ForceKind, Freshness, ProfileFact, Section, SixStep, Swot, HEALTH_QUESTIONS,
};
use crate::domain::{Account, AccountId, Axis};
use crate::i18n::{fill, Strings};
use crate::ui::matrix_page::matrix_labels;
use crate::ui::router::Route;
use crate::ui::state::use_app;
use crate::ui::tools_module::{self, ChartsState};
use crate::ui::widgets::{score_text, tr};

use super::people;
use super::strategy::{ActionsTable, ObjectivesTable, RevenueTable};
use super::{today, PlanCtx};

/// The drawing size of the matrix on paper (CSS scales it to the column).
const MATRIX_SIZE: MatrixSize = MatrixSize {
    width: 520,
    height: 400,
    max_labels: 1,
};

/// A table of captions and their text, one row each: the printed form of a card of
/// fields.
fn print_table(rows: impl IntoIterator<Item = (&'static str, String)>) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|(caption, text)| view! { <tr><th scope="row">{caption}</th><td class="prose">{text}</td></tr> })
        .collect_view();
    view! { <table class="print-table"><tbody>{rows}</tbody></table> }
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

/// A block of the user's text, line breaks kept.
fn prose(text: &str) -> impl IntoView {
    view! { <p class="prose">{or_dash(text)}</p> }
}

fn fact_meta(t: &Strings, fact: &Fact) -> String {
    let mut parts = Vec::new();
    if let Some(level) = fact.level {
        parts.push(t.info_level(level).to_owned());
    }
    if !fact.source.trim().is_empty() {
        parts.push(format!(
            "{}{}{}",
            t.fact_source,
            t.colon,
            fact.source.trim()
        ));
    }
    if let Some(date) = fact.date {
        parts.push(t.day(date));
    }
    match fact.freshness(today()) {
        Freshness::DueForRefresh => parts.push(format!("⚠ {}", t.fact_due)),
        Freshness::Undated => parts.push(format!("⚠ {}", t.fact_undated)),
        Freshness::Empty | Freshness::Current => {}
    }
    parts.join(" · ")
}

fn fact_block(t: &Strings, caption: &str, fact: &Fact) -> impl IntoView {
    let meta = fact_meta(t, fact);
    view! {
        <div class="print-fact">
            <h3>{caption.to_owned()}</h3>
            {prose(&fact.text)}
            {(!meta.is_empty()).then(|| view! { <p class="fact-source">{meta}</p> })}
        </div>
    }
}

fn swot_table(t: &Strings, swot: &Swot) -> impl IntoView {
    view! {
        <table class="print-table swot-table">
            <tbody>
                <tr>
                    <td><strong>{t.swot_strengths}</strong>{prose(&swot.strengths)}</td>
                    <td><strong>{t.swot_weaknesses}</strong>{prose(&swot.weaknesses)}</td>
                </tr>
                <tr>
                    <td><strong>{t.swot_opportunities}</strong>{prose(&swot.opportunities)}</td>
                    <td><strong>{t.swot_threats}</strong>{prose(&swot.threats)}</td>
                </tr>
            </tbody>
        </table>
    }
}

fn profile(t: &'static Strings, plan: &AccountPlan) -> impl IntoView {
    let p = &plan.profile;
    let last_year = {
        use chrono::Datelike;
        today().year() - 1
    };
    let figures = [
        (FinanceFigure::Revenue, t.profile_revenue),
        (FinanceFigure::Profit, t.profile_profit),
        (FinanceFigure::CategoryBudget, t.profile_budget),
    ];
    let rows = three_years(&p.finance, last_year)
        .into_iter()
        .map(|year| {
            let cells = figures
                .iter()
                .map(|(figure, _)| {
                    let value = year.figure(*figure).map(|a| a.to_string());
                    let growth = year_growth(&p.finance, year.year, *figure)
                        .map(|g| format!("{}%", tenths_percent_text(g)));
                    view! {
                        <td class="num">{value.unwrap_or_else(|| "—".into())}</td>
                        <td class="num">{growth.unwrap_or_else(|| "—".into())}</td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{year.year}</th>{cells}</tr> }
        })
        .collect_view();
    let heads = figures
        .iter()
        .map(|(_, caption)| view! { <th scope="col">{*caption}</th><th scope="col">{t.profile_growth}</th> })
        .collect_view();
    let fact = |which: ProfileFact, caption: &str| fact_block(t, caption, p.fact(which));
    view! {
        {fact(ProfileFact::Goals, t.profile_goals)}
        <h3>{t.profile_finance}</h3>
        <table class="print-table">
            <thead><tr><th scope="col">{t.profile_year}</th>{heads}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {fact(ProfileFact::FinanceSource, t.profile_finance_source)}
        {fact(ProfileFact::MarketPosition, t.profile_market_position)}
        {fact(ProfileFact::MainCompetitors, t.profile_main_competitors)}
        {fact(ProfileFact::News, t.profile_news)}
        {fact(ProfileFact::CategoryUse, t.profile_category_use)}
        {fact(ProfileFact::Vendors, t.profile_vendors)}
    }
}

fn analysis(t: &'static Strings, plan: &AccountPlan) -> impl IntoView {
    let forces = ForceKind::ALL
        .iter()
        .map(|kind| {
            let force = plan.forces.force(*kind);
            view! {
                <tr>
                    <th scope="row">{t.force(*kind)}</th>
                    <td class="num">{force.rating.map_or_else(|| "—".to_owned(), |r| format!("{r} / 5"))}</td>
                    <td>{or_dash(&force.note)}</td>
                </tr>
            }
        })
        .collect_view();
    let needs = plan
        .needs
        .iter()
        .filter(|n| !n.text.trim().is_empty())
        .map(|n| {
            view! {
                <tr>
                    <td>{n.text.clone()}</td>
                    <td>{t.need_horizon(n.horizon)}</td>
                    <td>{if n.implicit { t.need_implicit } else { t.need_explicit }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{t.analysis_swot}</h3>
        {swot_table(t, &plan.swot)}
        <h3>{t.analysis_forces}</h3>
        <table class="print-table">
            <thead><tr><th scope="col"></th><th scope="col">{t.force_rating}</th><th scope="col">{t.force_note}</th></tr></thead>
            <tbody>{forces}</tbody>
        </table>
        <h3>{t.analysis_needs}</h3>
        <table class="print-table">
            <thead><tr><th scope="col">{t.need_text}</th><th scope="col">{t.need_horizon}</th><th scope="col"></th></tr></thead>
            <tbody>{needs}</tbody>
        </table>
    }
}

fn competitors(t: &'static Strings, plan: &AccountPlan) -> impl IntoView {
    let named: Vec<_> = plan
        .competitors
        .iter()
        .filter(|c| !c.name.trim().is_empty())
        .collect();
    if named.is_empty() {
        return view! { <p class="prose">"—"</p> }.into_any();
    }
    named
        .into_iter()
        .map(|c| {
            let rows = [
                (t.competitor_business, &c.business),
                (t.competitor_capability, &c.capability),
                (t.competitor_strategy, &c.strategy),
                (t.competitor_strengths, &c.strengths),
                (t.competitor_weaknesses, &c.weaknesses),
                (t.competitor_view, &c.customer_view),
            ]
            .into_iter()
            .map(|(caption, text)| (caption, or_dash(text)));
            let preference = c.preference.map_or(t.preference_none, |p| t.preference(p));
            view! {
                <h3>{c.name.clone()}</h3>
                {print_table(rows.chain([(t.competitor_preference, preference.to_owned())]))}
            }
        })
        .collect_view()
        .into_any()
}

fn position(t: &'static Strings, plan: &AccountPlan) -> impl IntoView {
    let p = &plan.position;
    let share = p
        .share_of_wallet()
        .map(|s| format!("{}%", tenths_percent_text(s)))
        .unwrap_or_else(|| "—".into());
    let amount = |a: Option<crate::domain::plan::Amount>| {
        a.map_or_else(|| "—".to_owned(), |a| a.to_string())
    };
    let rows = [
        (t.position_history, or_dash(&p.history)),
        (t.position_supply, or_dash(&p.supply)),
        (
            t.position_switching,
            format!(
                "{}{}",
                p.switching_cost.map_or(t.grade_none, |g| t.grade(g)),
                if p.switching_note.trim().is_empty() {
                    String::new()
                } else {
                    format!(" — {}", p.switching_note.trim())
                }
            ),
        ),
        (t.position_our_sales, amount(p.our_sales)),
        (t.position_total_spend, amount(p.total_spend)),
        (t.position_share, share),
        (t.position_who_favours, or_dash(&p.who_favours)),
        (
            t.position_ladder,
            p.ladder.map_or(t.ladder_none, |l| t.ladder(l)).to_owned(),
        ),
        (
            t.position_lifecycle,
            p.lifecycle
                .map_or(t.lifecycle_none, |l| t.lifecycle(l))
                .to_owned(),
        ),
    ];
    let health = (0..HEALTH_QUESTIONS).map(|i| (t.health_question(i), or_dash(&p.health[i])));
    view! {
        {print_table(rows)}
        <h3>{t.position_swot}</h3>
        {swot_table(t, &p.swot)}
        <h3>{t.position_health}</h3>
        {print_table(health)}
    }
}

fn six_steps(t: &'static Strings, plan: &AccountPlan) -> impl IntoView {
    let rows = SixStep::ALL
        .iter()
        .map(|step| {
            let note = plan.step(*step);
            view! {
                <tr>
                    <th scope="row">{t.six_step_heading(*step)}</th>
                    <td class="prose">{match step.worked_in() {
                        Some(section) if note.note.trim().is_empty() => {
                            fill(t.step_see_section, &[&t.plan_section(section)])
                        }
                        _ => or_dash(&note.note),
                    }}</td>
                    <td>{if note.done { format!("✓ {}", t.step_done) } else { t.step_open.to_owned() }}</td>
                </tr>
            }
        })
        .collect_view();
    view! { <table class="print-table"><tbody>{rows}</tbody></table> }
}

/// The account's point on the matrix, drawn by the tools module.
fn matrix_position(account: AccountId) -> impl IntoView {
    let app = use_app();
    app.ensure_charts();
    move || {
        let t = app.t();
        let point = app.ranking.with(|r| {
            r.row(account).and_then(|row| {
                let a = &row.assessment;
                match (
                    a.score(Axis::Attractiveness),
                    a.score(Axis::Feasibility),
                    a.effective,
                ) {
                    (Some(attractiveness), Some(feasibility), Some(tier)) => Some(MatrixPoint {
                        account,
                        name: app
                            .workspace
                            .with(|ws| ws.account(account).map(|acc| acc.name.clone()))
                            .unwrap_or_default(),
                        attractiveness,
                        feasibility,
                        tier,
                        overridden: a.overridden,
                    }),
                    _ => None,
                }
            })
        });
        let Some(point) = point else {
            return view! { <p class="prose">{t.plan_not_on_matrix}</p> }.into_any();
        };
        let drawing = if app.charts.get() == ChartsState::Ready {
            let thresholds = app.workspace.with(|ws| ws.tiers.thresholds);
            tools_module::draw_matrix(
                &[point],
                &thresholds,
                &matrix_labels(t),
                MATRIX_SIZE,
                Markers::InSvg,
            )
        } else {
            Err(String::new())
        };
        match tools_module::chart_ready(&app.charts.get(), drawing, t) {
            Ok(drawing) => view! {
                <div class="print-matrix chart-svg" data-testid="print-matrix" inner_html=drawing.svg></div>
            }
            .into_any(),
            Err(placeholder) => placeholder,
        }
    }
}

fn header(
    t: &'static Strings,
    account: &Account,
    plan: &AccountPlan,
    ranking: (Option<String>, String, String),
    unit: String,
) -> impl IntoView {
    let (tier, attractiveness, feasibility) = ranking;
    let facts = [
        (t.field_number, or_dash(&account.number)),
        (t.field_segment, or_dash(&account.segment)),
        (
            t.field_relationship,
            t.relationship(account.relationship).to_owned(),
        ),
        (t.col_tier, tier.unwrap_or_else(|| t.untiered.to_owned())),
        (t.col_attractiveness, attractiveness),
        (t.col_feasibility, feasibility),
    ]
    .into_iter()
    .map(|(caption, value)| view! { <div><dt>{caption}</dt><dd>{value}</dd></div> })
    .collect_view();
    view! {
        <header class="print-header">
            <h1 data-testid="print-title">{fill(t.plan_title, &[&account.name])}</h1>
            <p class="print-meta">
                {fill(t.plan_complete, &[&plan.completeness()])} " · " {fill(t.plan_printed_on, &[&t.day(today())])}
                {(!unit.is_empty()).then(|| format!(" · {}", fill(t.amount_unit_line, &[&unit])))}
            </p>
            <dl class="print-facts">{facts}</dl>
        </header>
    }
}

#[component]
pub fn PlanPrint(id: AccountId) -> impl IntoView {
    let app = use_app();
    let ctx = PlanCtx::new(app, id);
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            // The dialog is the browser's; nothing to do if it is refused.
            let _ = window.print();
        }
    };
    let document = move || {
        let t = app.t();
        let Some(account) = app.workspace.with(|ws| ws.account(id).cloned()) else {
            return view! {
                <p class="empty-state" data-testid="account-not-found">{fill(t.account_not_found, &[&id])}</p>
            }
            .into_any();
        };
        if let Some(reason) = ctx.unreadable.get() {
            return super::unreadable_plan(app, &reason).into_any();
        }
        let plan = ctx.plan.get();
        let ranking = app.ranking.with(|r| {
            r.row(id)
                .map_or((None, "—".to_owned(), "—".to_owned()), |row| {
                    let a = &row.assessment;
                    (
                        a.effective.map(|tier| t.tier(tier).to_owned()),
                        score_text(a.score(Axis::Attractiveness)),
                        score_text(a.score(Axis::Feasibility)),
                    )
                })
        });
        let section = |s: Section, body: AnyView| {
            let number = Section::ALL.iter().position(|x| *x == s).unwrap_or(0) + 1;
            view! {
                <section class="print-section" data-section=s.slug()>
                    <h2>{format!("{number} {}", t.plan_section(s))}</h2>
                    {body}
                </section>
            }
        };
        view! {
            <article class="print-document" data-testid="print-document">
                {header(t, &account, &plan, ranking, app.workspace.with(|ws| ws.amount_unit.clone()))}
                <section class="print-section print-matrix-section">
                    <h2>{t.plan_matrix_position}</h2>
                    {matrix_position(id)}
                </section>
                {section(Section::Summary, prose(&plan.summary).into_any())}
                {section(Section::Profile, profile(t, &plan).into_any())}
                {section(Section::Analysis, analysis(t, &plan).into_any())}
                {section(Section::PowerMap, view! {
                    {people::warnings(ctx)}
                    <h3>{t.org_chart}</h3>
                    <people::OrgChart plan=ctx.plan/>
                    <h3>{t.people_table}</h3>
                    <people::PeopleTable plan=ctx.plan/>
                }.into_any())}
                {section(Section::Competitors, competitors(t, &plan).into_any())}
                {section(Section::Position, position(t, &plan).into_any())}
                {section(Section::SixSteps, six_steps(t, &plan).into_any())}
                {section(Section::Strategy, view! {
                    <h3>{t.strategy_vision}</h3>
                    {prose(&plan.vision)}
                    <h3>{t.objectives}</h3>
                    <ObjectivesTable plan=ctx.plan/>
                }.into_any())}
                {section(Section::Actions, view! { <ActionsTable plan=ctx.plan/> }.into_any())}
                {section(Section::Revenue, view! { <RevenueTable plan=ctx.plan/> }.into_any())}
            </article>
        }
        .into_any()
    };
    view! {
        <section class="page plan-print-page">
            <div class="print-toolbar screen-only">
                <a href=Route::Plan(id, Section::Summary).href()>{tr(|t| t.plan_back)}</a>
                <button type="button" class="primary" on:click=print data-testid="print-now">{tr(|t| t.plan_print_now)}</button>
                <span class="hint">{tr(|t| t.plan_print_hint)}</span>
            </div>
            {document}
        </section>
    }
}
