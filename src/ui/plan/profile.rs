//! The customer profile section: goals, the last three years' finance with growth
//! computed, market position, competitors, news, their use of our category and their
//! vendors — each fact with its information level, source and date.

use std::sync::Arc;

use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::plan::facts::tenths_percent_text;
use crate::domain::plan::finance::{set_figure, three_years, year_growth, FinanceFigure};
use crate::domain::plan::{Amount, ProfileFact};
use crate::i18n::Strings;

use super::{amount_field, amount_unit_field, fact_editor, label, today, Getter, PlanCtx, Setter};
use crate::ui::widgets::tr;

fn fact_label(which: ProfileFact) -> fn(&Strings) -> &'static str {
    match which {
        ProfileFact::Goals => |t| t.profile_goals,
        ProfileFact::FinanceSource => |t| t.profile_finance_source,
        ProfileFact::MarketPosition => |t| t.profile_market_position,
        ProfileFact::MainCompetitors => |t| t.profile_main_competitors,
        ProfileFact::News => |t| t.profile_news,
        ProfileFact::CategoryUse => |t| t.profile_category_use,
        ProfileFact::Vendors => |t| t.profile_vendors,
    }
}

fn fact(ctx: PlanCtx, which: ProfileFact) -> AnyView {
    fact_editor(
        ctx,
        label(fact_label(which)),
        which.slug(),
        Arc::new(move |p| p.profile.fact(which).clone()),
        Arc::new(move |p| p.profile.fact_mut(which)),
    )
}

const FIGURES: [FinanceFigure; 3] = [
    FinanceFigure::Revenue,
    FinanceFigure::Profit,
    FinanceFigure::CategoryBudget,
];

fn figure_label(figure: FinanceFigure) -> fn(&Strings) -> &'static str {
    match figure {
        FinanceFigure::Revenue => |t| t.profile_revenue,
        FinanceFigure::Profit => |t| t.profile_profit,
        FinanceFigure::CategoryBudget => |t| t.profile_budget,
    }
}

fn figure_key(figure: FinanceFigure) -> &'static str {
    match figure {
        FinanceFigure::Revenue => "revenue",
        FinanceFigure::Profit => "profit",
        FinanceFigure::CategoryBudget => "category_budget",
    }
}

/// The finance table: the three completed years before this one.
fn finance_table(ctx: PlanCtx) -> impl IntoView {
    let last_year = today().year() - 1;
    let rows = three_years(&[], last_year)
        .iter()
        .map(|entry| {
            let year = entry.year;
            let cells = FIGURES
                .iter()
                .map(|&figure| {
                    let get: Getter<Option<Amount>> = Arc::new(move |p| {
                        three_years(&p.profile.finance, last_year)
                            .iter()
                            .find(|y| y.year == year)
                            .and_then(|y| y.figure(figure))
                    });
                    let put: Setter<Option<Amount>> =
                        Arc::new(move |p, v| set_figure(&mut p.profile.finance, year, figure, v));
                    let growth = move || {
                        ctx.plan
                            .with(|p| year_growth(&p.profile.finance, year, figure))
                            .map(|g| format!("{}%", tenths_percent_text(g)))
                            .unwrap_or_else(|| "—".to_owned())
                    };
                    view! {
                        <td>{amount_field(ctx, label(figure_label(figure)), format!("finance.{year}.{}", figure_key(figure)), get, put)}</td>
                        <td class="num growth" data-growth=format!("{year}.{}", figure_key(figure))>{growth}</td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{year}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let heads = FIGURES
        .iter()
        .map(|&figure| {
            view! {
                <th scope="col">{tr(figure_label(figure))}</th>
                <th scope="col" class="num">{tr(|t| t.profile_growth)}</th>
            }
        })
        .collect_view();
    view! {
        <h3>{tr(|t| t.profile_finance)}</h3>
        <p class="hint">{tr(|t| t.profile_finance_hint)}</p>
        {amount_unit_field(ctx)}
        <div class="table-wrap">
            <table class="data-table finance-table" data-testid="finance-table">
                <thead>
                    <tr>
                        <th scope="col">{tr(|t| t.profile_year)}</th>
                        {heads}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ProfileSection(ctx: PlanCtx) -> impl IntoView {
    let stale = move || {
        let count = ctx.plan.with(|p| p.facts_needing_refresh(today()));
        (count > 0).then(|| {
            view! {
                <p class="notice-inline" role="status" data-testid="stale-facts">
                    "⚠ " {move || crate::i18n::fill(ctx.t().plan_stale_count, &[&count])}
                </p>
            }
        })
    };
    view! {
        {stale}
        {fact(ctx, ProfileFact::Goals)}
        {finance_table(ctx)}
        {fact(ctx, ProfileFact::FinanceSource)}
        {fact(ctx, ProfileFact::MarketPosition)}
        {fact(ctx, ProfileFact::MainCompetitors)}
        {fact(ctx, ProfileFact::News)}
        {fact(ctx, ProfileFact::CategoryUse)}
        {fact(ctx, ProfileFact::Vendors)}
    }
}
