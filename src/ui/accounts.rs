//! The account register (客户档案): search, filters, sortable columns.

use std::cmp::Ordering;

use leptos::prelude::*;

use crate::domain::{Account, Axis, SizeBand, Tier};
use crate::i18n::{fill, Strings};

use super::router::Route;
use super::state::{use_app, Ranking};
use super::widgets::{score_text, segment_select, tr, ShowMore, TierBadge, PAGE_SIZE};
use super::workspaces_page::start_demo;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Number,
    Name,
    Segment,
    SizeBand,
    Relationship,
    Attractiveness,
    Feasibility,
    Tier,
    Plan,
}

impl Column {
    const ALL: [Column; 9] = [
        Column::Number,
        Column::Name,
        Column::Segment,
        Column::SizeBand,
        Column::Relationship,
        Column::Attractiveness,
        Column::Feasibility,
        Column::Tier,
        Column::Plan,
    ];

    fn label(self, t: &Strings) -> &'static str {
        match self {
            Column::Number => t.field_number,
            Column::Name => t.field_name,
            Column::Segment => t.field_segment,
            Column::SizeBand => t.field_size_band,
            Column::Relationship => t.field_relationship,
            Column::Attractiveness => t.col_attractiveness,
            Column::Feasibility => t.col_feasibility,
            Column::Tier => t.col_tier,
            Column::Plan => t.plan_column,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Column::Number => "number",
            Column::Name => "name",
            Column::Segment => "segment",
            Column::SizeBand => "size",
            Column::Relationship => "status",
            Column::Attractiveness => "attractiveness",
            Column::Feasibility => "feasibility",
            Column::Tier => "tier",
            Column::Plan => "plan",
        }
    }
}

/// Whether the account has no value in this column; such rows sort last in both
/// directions, so they never crowd the top.
fn missing(column: Column, a: &Account, ranking: &Ranking) -> bool {
    let row = ranking.row(a.id);
    match column {
        Column::Number => a.number.trim().is_empty(),
        Column::Name => a.name.trim().is_empty(),
        Column::Segment => a.segment.trim().is_empty(),
        Column::SizeBand => a.size_band.is_none(),
        Column::Relationship => false,
        Column::Attractiveness => row
            .and_then(|r| r.assessment.score(Axis::Attractiveness))
            .is_none(),
        Column::Feasibility => row
            .and_then(|r| r.assessment.score(Axis::Feasibility))
            .is_none(),
        Column::Tier => row.and_then(|r| r.assessment.effective).is_none(),
        Column::Plan => a.plan.is_none(),
    }
}

/// Orders two accounts that both have a value in `column`.
fn compare(column: Column, a: &Account, b: &Account, ranking: &Ranking) -> Ordering {
    let score = |acc: &Account, axis| ranking.row(acc.id).and_then(|r| r.assessment.score(axis));
    let tier = |acc: &Account| ranking.row(acc.id).and_then(|r| r.assessment.effective);
    match column {
        Column::Number => a.number.trim().cmp(b.number.trim()),
        Column::Name => a.name.trim().cmp(b.name.trim()),
        Column::Segment => a.segment.trim().cmp(b.segment.trim()),
        Column::SizeBand => a.size_band.cmp(&b.size_band),
        Column::Relationship => a.relationship.cmp(&b.relationship),
        Column::Attractiveness => {
            score(a, Axis::Attractiveness).cmp(&score(b, Axis::Attractiveness))
        }
        Column::Feasibility => score(a, Axis::Feasibility).cmp(&score(b, Axis::Feasibility)),
        Column::Tier => tier(a).cmp(&tier(b)),
        Column::Plan => {
            let complete = |acc: &Account| acc.plan.as_ref().map(|p| p.completeness());
            complete(a).cmp(&complete(b))
        }
    }
}

/// How complete the account's plan is, marked when its information is due for refresh.
fn plan_cell(account: &Account, t: &'static Strings, today: chrono::NaiveDate) -> AnyView {
    match account.plan.as_deref() {
        None => view! { <span class="muted">"—"</span> }.into_any(),
        Some(plan) => {
            let stale = plan.facts_needing_refresh(today) > 0;
            view! {
                <a href=Route::Plan(account.id, crate::domain::plan::Section::Summary).href()
                    data-plan-complete=plan.completeness().to_string()>
                    {format!("{}%", plan.completeness())}
                </a>
                {stale.then(|| view! {
                    <span class="stale-mark" title=t.plan_stale_info data-testid="stale-mark">
                        " ⚠"<span class="visually-hidden">{t.plan_stale_info}</span>
                    </span>
                })}
            }
            .into_any()
        }
    }
}

/// The tier filter: a tier, or "not tiered".
#[derive(Clone, Copy, PartialEq, Eq)]
enum TierFilter {
    All,
    Tier(Tier),
    Untiered,
}

#[component]
pub fn AccountList() -> impl IntoView {
    let app = use_app();
    let search = RwSignal::new(String::new());
    let segment = RwSignal::new(String::new());
    let tier_filter = RwSignal::new(TierFilter::All);
    let size = RwSignal::new(None::<SizeBand>);
    let sort = RwSignal::new((Column::Name, true));
    let shown = RwSignal::new(PAGE_SIZE);

    let visible_ids = Memo::new(move |_| {
        let query = search.get();
        let segment = segment.get();
        let tier_filter = tier_filter.get();
        let size = size.get();
        let (column, ascending) = sort.get();
        app.ranking.with(|ranking| {
            app.workspace.with(|ws| {
                let mut rows: Vec<&Account> = ws
                    .accounts
                    .iter()
                    .filter(|a| a.matches_search(&query))
                    .filter(|a| segment.is_empty() || a.segment.trim() == segment)
                    .filter(|a| size.is_none() || a.size_band == size)
                    .filter(|a| {
                        let tier = ranking.row(a.id).and_then(|r| r.assessment.effective);
                        match tier_filter {
                            TierFilter::All => true,
                            TierFilter::Tier(t) => tier == Some(t),
                            TierFilter::Untiered => tier.is_none(),
                        }
                    })
                    .collect();
                rows.sort_by(|a, b| {
                    let by_value = || {
                        let order = compare(column, a, b, ranking);
                        if ascending {
                            order
                        } else {
                            order.reverse()
                        }
                    };
                    missing(column, a, ranking)
                        .cmp(&missing(column, b, ranking))
                        .then_with(by_value)
                        .then_with(|| a.id.cmp(&b.id))
                });
                rows.into_iter().map(|a| a.id).collect::<Vec<_>>()
            })
        })
    });

    let total = move || app.workspace.with(|ws| ws.accounts.len());
    let filters_active = move || {
        !search.get().trim().is_empty()
            || !segment.get().is_empty()
            || tier_filter.get() != TierFilter::All
            || size.get().is_some()
    };
    let clear = move |_| {
        search.set(String::new());
        segment.set(String::new());
        tier_filter.set(TierFilter::All);
        size.set(None);
    };

    let header = move |column: Column| {
        let aria_sort = move || {
            let (c, asc) = sort.get();
            if c == column {
                if asc {
                    "ascending"
                } else {
                    "descending"
                }
            } else {
                "none"
            }
        };
        let arrow = move || {
            let (c, asc) = sort.get();
            if c == column {
                if asc {
                    " ▲"
                } else {
                    " ▼"
                }
            } else {
                ""
            }
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort" data-sort=column.key()
                    title=tr(|t| t.sort_by)
                    on:click=move |_| sort.update(|(c, asc)| {
                        if *c == column { *asc = !*asc } else { *c = column; *asc = true }
                    })>
                    {move || column.label(app.t())}{arrow}
                </button>
            </th>
        }
    };

    let rows = move || {
        let today = super::plan::today();
        let limit = shown.get();
        let ids = visible_ids.get();
        app.ranking.with(|ranking| {
            app.workspace.with(|ws| {
                let t = app.t();
                ids.iter()
                    .take(limit)
                    .filter_map(|id| ws.account(*id))
                    .map(|a| {
                        let row = ranking.row(a.id);
                        let tier = row.and_then(|r| r.assessment.effective);
                        let overridden = row.is_some_and(|r| r.assessment.overridden);
                        let att = score_text(row.and_then(|r| r.assessment.score(Axis::Attractiveness)));
                        let fea = score_text(row.and_then(|r| r.assessment.score(Axis::Feasibility)));
                        view! {
                            <tr data-account-id=a.id.to_string()>
                                <td>{a.number.clone()}</td>
                                <td><a href=Route::Account(a.id).href() class="account-link">{a.name.clone()}</a></td>
                                <td>{a.segment.clone()}</td>
                                <td>{a.size_band.map(|s| t.size_band(s)).unwrap_or("")}</td>
                                <td>{t.relationship(a.relationship)}</td>
                                <td class="num">{att}</td>
                                <td class="num">{fea}</td>
                                <td><TierBadge tier=tier overridden=overridden/></td>
                                <td class="num plan-cell">{plan_cell(a, t, today)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };

    view! {
        <section class="page accounts-page">
            <div class="page-head">
                <h1>{tr(|t| t.accounts_title)}</h1>
                <a class="button" href=Route::Import.href() data-testid="import-sheet">
                    {tr(|t| t.import_sheet_open)}
                </a>
                <a class="button primary" href=Route::NewAccount.href() data-testid="add-account">
                    {tr(|t| t.add_account)}
                </a>
            </div>
            <Show when=move || { total() > 0 } fallback=move || view! {
                <div class="empty-state first-run" data-testid="first-run">
                    <h2>{tr(|t| t.first_run_title)}</h2>
                    <p>{tr(|t| t.accounts_empty)}</p>
                    <p>{tr(|t| t.first_run_intro)}</p>
                    <ol class="method-steps">
                        <li>{tr(|t| t.first_run_step1)}</li>
                        <li>{tr(|t| t.first_run_step2)}</li>
                        <li>{tr(|t| t.first_run_step3)}</li>
                        <li>{tr(|t| t.first_run_step4)}</li>
                        <li>{tr(|t| t.first_run_step5)}</li>
                    </ol>
                    <div class="actions centered">
                        <button type="button" class="primary" data-testid="start-demo" on:click=move |_| start_demo(app, None)>
                            {tr(|t| t.start_demo)}
                        </button>
                        <a class="button" href=Route::Import.href() data-testid="first-run-import">{tr(|t| t.first_run_import)}</a>
                        <a class="button" href=Route::NewAccount.href()>{tr(|t| t.start_empty)}</a>
                    </div>
                </div>
            }>
                <div class="filters" role="search">
                    <label>
                        <span>{tr(|t| t.search_label)}</span>
                        <input type="search" data-testid="search"
                            placeholder=tr(|t| t.search_placeholder)
                            prop:value=move || search.get()
                            on:input=move |ev| { search.set(event_target_value(&ev)); shown.set(PAGE_SIZE); }/>
                    </label>
                    {segment_select("filter-segment", segment)}
                    <label>
                        <span>{tr(|t| t.filter_tier)}</span>
                        <select data-testid="filter-tier"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                tier_filter.set(match v.as_str() {
                                    "" => TierFilter::All,
                                    "none" => TierFilter::Untiered,
                                    slug => Tier::from_slug(slug).map_or(TierFilter::All, TierFilter::Tier),
                                });
                            }>
                            <option value="" selected=move || tier_filter.get() == TierFilter::All>{tr(|t| t.filter_all)}</option>
                            {Tier::ALL.into_iter().map(|tier| view! {
                                <option value=tier.slug() selected=move || tier_filter.get() == TierFilter::Tier(tier)>
                                    {move || app.t().tier(tier)}
                                </option>
                            }).collect_view()}
                            <option value="none" selected=move || tier_filter.get() == TierFilter::Untiered>{tr(|t| t.untiered)}</option>
                        </select>
                    </label>
                    <label>
                        <span>{tr(|t| t.filter_size)}</span>
                        <select data-testid="filter-size"
                            on:change=move |ev| size.set(SizeBand::from_slug(&event_target_value(&ev)))>
                            <option value="" selected=move || size.get().is_none()>{tr(|t| t.filter_all)}</option>
                            {SizeBand::ALL.into_iter().map(|band| view! {
                                <option value=band.slug() selected=move || size.get() == Some(band)>
                                    {move || app.t().size_band(band)}
                                </option>
                            }).collect_view()}
                        </select>
                    </label>
                    <Show when=filters_active>
                        <button type="button" on:click=clear>{tr(|t| t.clear_filters)}</button>
                    </Show>
                </div>
                <p class="count" data-testid="account-count">
                    {move || fill(app.t().count_shown, &[&visible_ids.with(|v| v.len()), &total()])}
                </p>
                <Show when=move || visible_ids.with(|v| !v.is_empty()) fallback=move || view! {
                    <p class="empty-state">{tr(|t| t.no_match)}</p>
                }>
                    <div class="table-wrap">
                        <table class="data-table accounts-table" data-testid="accounts-table">
                            <thead><tr>{Column::ALL.into_iter().map(header).collect_view()}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <ShowMore shown=shown total=Signal::derive(move || visible_ids.with(|v| v.len()))/>
                </Show>
            </Show>
        </section>
    }
}
