//! The key-account portfolio page (`#/portfolio`): the category rules and the accounts
//! in each category with why (KAM-SPEC §6), the classification grid of attractiveness
//! against relationship state with each class's strategy (§3), and the preliminary list
//! plan per year with what has been collected against it (§2.3.2).

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::development::categories::{
    categories, group_facts, Category, CategorySettings, CategorySettingsDoc, Reason,
    SettingsProblem,
};
use crate::domain::development::list_plan::{
    collected, totals, ListPlan, ListPlanDoc, ListPlanProblem, SegmentPlan, YearListPlan,
};
use crate::domain::development::relationship::{
    attractiveness_class, strategy, Attractiveness3, RelationshipState,
};
use crate::domain::development::{AccountDevelopment, DevelopmentDoc};
use crate::domain::plan::Amount;
use crate::domain::{AccountId, Axis, SizeBand, Workspace};
use crate::i18n::{fill, Strings};

use super::super::plan::today;
use super::super::router::Route;
use super::super::state::{use_app, AppState, Notice};
use super::super::widgets::{tr, ShowMore, PAGE_SIZE};
use super::account::reason_text;
use super::category_settings;

/// Every account in a category, with its categories and why, in the register's order:
/// one reading of every development record, which the counts, the lists and the
/// account list's filter all derive from.
pub fn categorised(ws: &Workspace) -> Vec<(AccountId, Vec<(Category, Reason)>)> {
    let settings = category_settings(ws);
    let groups = group_facts(ws.accounts.iter().map(|a| (a.id, a.parent)));
    let empty = AccountDevelopment::default();
    ws.accounts
        .iter()
        .filter_map(|a| {
            let record = a.development.as_ref().and_then(|d| d.read().ok());
            let group = groups.get(&a.id).copied().unwrap_or_default();
            let found = categories(record.as_ref().unwrap_or(&empty), group, &settings);
            (!found.is_empty()).then_some((a.id, found))
        })
        .collect()
}

/// The accounts in `category` (of [`categorised`]), each with why.
fn accounts_in(
    ws: &Workspace,
    all: &[(AccountId, Vec<(Category, Reason)>)],
    category: Category,
    t: &Strings,
) -> Vec<(AccountId, String, String)> {
    let settings = category_settings(ws);
    let by_id = ws.accounts_by_id();
    all.iter()
        .filter_map(|(id, found)| {
            let why: Vec<String> = found
                .iter()
                .filter(|(c, _)| *c == category)
                .map(|(_, r)| reason_text(r, ws, &settings, t))
                .collect();
            let name = by_id.get(id)?.name.clone();
            (!why.is_empty()).then(|| (*id, name, why.join("; ")))
        })
        .collect()
}

/// How many accounts (of [`categorised`]) are in each category.
fn category_counts(all: &[(AccountId, Vec<(Category, Reason)>)]) -> BTreeMap<Category, usize> {
    let mut counts = BTreeMap::new();
    for (_, found) in all {
        let mut held: Vec<Category> = found.iter().map(|(c, _)| *c).collect();
        held.dedup();
        for c in held {
            *counts.entry(c).or_insert(0) += 1;
        }
    }
    counts
}

#[component]
pub fn PortfolioPage() -> impl IntoView {
    view! {
        <section class="page portfolio-page">
            <h1>{tr(|t| t.portfolio_title)}</h1>
            <p class="hint">{tr(|t| t.portfolio_intro)}</p>
            <CategorySettingsForm/>
            <CategoryLists/>
            <ClassificationGrid/>
            <ListPlanEditor/>
        </section>
    }
}

#[component]
fn CategorySettingsForm() -> impl IntoView {
    let app = use_app();
    let settings = Memo::new(move |_| app.workspace.with(category_settings));
    let error = RwSignal::new(false);
    let save = move |next: CategorySettings| {
        if !next.problems().is_empty() {
            error.set(true);
            return;
        }
        error.set(false);
        let doc = if next.is_default() {
            Ok(None)
        } else {
            CategorySettingsDoc::write(&next)
        };
        match doc {
            Ok(doc) => app.edit(|ws| ws.categories = doc),
            Err(e) => app.notify(Notice::Error(e.0)),
        }
    };
    let amount_field = move |label: fn(&Strings) -> &'static str,
                             key: &'static str,
                             get: fn(&CategorySettings) -> Amount,
                             set: fn(&mut CategorySettings, Amount)| {
        view! {
            <label class="field">
                <span>{tr(label)}</span>
                <input type="text" inputmode="decimal" data-setting=key
                    prop:value=move || settings.with(|s| get(s).to_string())
                    on:change=move |ev| {
                        let mut next = settings.get_untracked();
                        match Amount::parse(&event_target_value(&ev)) {
                            Some(a) => {
                                set(&mut next, a);
                                save(next);
                            }
                            None => error.set(true),
                        }
                    }/>
            </label>
        }
    };
    view! {
        <section class="card" data-testid="category-settings">
            <h2>{tr(|t| t.cat_settings_heading)}</h2>
            <div class="inline-form">
                {amount_field(|t| t.cat_quality_volume, "quality_volume", |s| s.quality_volume, |s, a| s.quality_volume = a)}
                <label class="field">
                    <span>{tr(|t| t.cat_volume_unit)}</span>
                    <input type="text" data-setting="volume_unit" maxlength="16"
                        prop:value=move || settings.with(|s| s.volume_unit.clone())
                        on:change=move |ev| {
                            let mut next = settings.get_untracked();
                            next.volume_unit = event_target_value(&ev).trim().chars().take(16).collect();
                            save(next);
                        }/>
                </label>
                {amount_field(|t| t.cat_high_value_threshold, "high_value", |s| s.high_value, |s, a| s.high_value = a)}
                <label class="field">
                    <span>{tr(|t| t.cat_potential_percent)}</span>
                    <input type="number" min="1" max="100" data-setting="potential_percent"
                        prop:value=move || settings.with(|s| s.potential_percent.to_string())
                        on:change=move |ev| {
                            let mut next = settings.get_untracked();
                            match event_target_value(&ev).trim().parse::<u32>() {
                                Ok(p) => {
                                    next.potential_percent = p;
                                    save(next);
                                }
                                Err(_) => error.set(true),
                            }
                        }/>
                </label>
            </div>
            <Show when=move || error.get() || settings.with(|s| s.problems().iter().any(|p| matches!(p,
                SettingsProblem::QualityVolumeNotPositive | SettingsProblem::HighValueNotPositive | SettingsProblem::PotentialPercentOutOfRange)))>
                <p class="field-error" role="alert">{tr(|t| t.cat_settings_invalid)}</p>
            </Show>
        </section>
    }
}

#[component]
fn CategoryLists() -> impl IntoView {
    let app = use_app();
    let all = Memo::new(move |_| app.workspace.with(categorised));
    let counts = Memo::new(move |_| all.with(|all| category_counts(all)));
    let chosen = RwSignal::new(Category::Quality);
    let shown = RwSignal::new(PAGE_SIZE);
    let list = Memo::new(move |_| {
        let category = chosen.get();
        let t = app.t();
        all.with(|all| app.workspace.with(|ws| accounts_in(ws, all, category, t)))
    });
    let total = Signal::derive(move || list.with(Vec::len));
    view! {
        <section class="card" data-testid="category-lists">
            <h2>{tr(|t| t.cat_counts_heading)}</h2>
            <label class="field">
                <span>{tr(|t| t.filter_category)}</span>
                <select data-testid="portfolio-category" on:change=move |ev| {
                    if let Some(c) = Category::from_slug(&event_target_value(&ev)) {
                        chosen.set(c);
                        shown.set(PAGE_SIZE);
                    }
                }>
                    {Category::ALL.into_iter().map(|c| view! {
                        <option value=c.slug() prop:selected=move || chosen.get() == c>
                            {move || fill(app.t().cat_count, &[&app.t().category(c), &counts.with(|n| n.get(&c).copied().unwrap_or(0))])}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            {move || {
                let limit = shown.get();
                list.with(|list| {
                    if list.is_empty() {
                        return view! { <p class="hint">{tr(|t| t.cat_none_in)}</p> }.into_any();
                    }
                    view! {
                        <ul class="category-list" data-testid="category-accounts">
                            {list.iter().take(limit).map(|(id, name, why)| view! {
                                <li data-account=id.to_string()><a href=Route::Account(*id).href()>{name.clone()}</a>" — "{why.clone()}</li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                })
            }}
            <ShowMore shown=shown total=total/>
        </section>
    }
}

/// Names shown in a cell of the grid; the rest are counted.
const CELL_NAMES: usize = 5;

#[component]
fn ClassificationGrid() -> impl IntoView {
    let app = use_app();
    let grid = Memo::new(move |_| {
        let threshold = app.workspace.with(|ws| ws.tiers.thresholds.attractiveness);
        let mut cells: BTreeMap<(Attractiveness3, RelationshipState), Vec<(AccountId, String)>> =
            BTreeMap::new();
        let mut unplaced = 0usize;
        app.ranking.with(|ranking| {
            app.workspace.with(|ws| {
                let by_id = ws.accounts_by_id();
                for row in &ranking.rows {
                    let Some(account) = by_id.get(&row.account) else {
                        continue;
                    };
                    let state = account
                        .development
                        .as_ref()
                        .and_then(|d: &DevelopmentDoc| d.read().ok())
                        .and_then(|d| d.relationship_state);
                    match (row.assessment.score(Axis::Attractiveness), state) {
                        (Some(score), Some(state)) => cells
                            .entry((attractiveness_class(score, threshold), state))
                            .or_default()
                            .push((account.id, account.name.clone())),
                        _ => unplaced += 1,
                    }
                }
            })
        });
        (cells, unplaced)
    });
    let table = move || {
        let t = app.t();
        grid.with(|(cells, unplaced)| {
            view! {
                <div class="table-wrap">
                    <table class="data-table class-grid" data-testid="class-grid">
                        <thead><tr>
                            <th scope="col"></th>
                            {RelationshipState::ALL.into_iter().map(|s| view! { <th scope="col">{t.relationship_state(Some(s))}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {Attractiveness3::ALL.into_iter().map(|class| view! {
                                <tr data-class=class.slug()>
                                    <th scope="row">{t.attractiveness_class(class)}</th>
                                    {RelationshipState::ALL.iter().map(|state| {
                                        let members = cells.get(&(class, *state)).cloned().unwrap_or_default();
                                        let count = members.len();
                                        let more = count.saturating_sub(CELL_NAMES);
                                        let advice = t.strategy(strategy(class, *state));
                                        view! {
                                            <td data-state=state.slug() data-count=count.to_string() title=advice>
                                                <strong class="cell-count">{count}</strong>
                                                <ul>
                                                    {members.into_iter().take(CELL_NAMES).map(|(id, name)| view! {
                                                        <li><a href=Route::Account(id).href()>{name}</a></li>
                                                    }).collect_view()}
                                                </ul>
                                                {(more > 0).then(|| view! { <p class="hint">{fill(t.grid_more, &[&more])}</p> })}
                                                <p class="cell-strategy">{advice.split(['：', ':']).next().unwrap_or(advice).to_owned()}</p>
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {(*unplaced > 0).then(|| view! { <p class="hint" data-testid="grid-unplaced">{fill(t.grid_unplaced, &[unplaced])}</p> })}
            }
        })
    };
    view! {
        <section class="card" data-testid="classification-grid">
            <h2>{tr(|t| t.grid_heading)}</h2>
            <p class="hint">{tr(|t| t.grid_hint)}</p>
            {table}
        </section>
    }
}

fn list_problem_text(problem: &ListPlanProblem, plan: &YearListPlan, t: &Strings) -> String {
    match problem {
        ListPlanProblem::DuplicateYear { year } | ListPlanProblem::NoSegments { year } => {
            fill(t.list_problem_no_segments, &[year])
        }
        ListPlanProblem::TooManySegments { year, .. } => fill(t.list_problem_too_many, &[year]),
        ListPlanProblem::SegmentNameMissing { year, index } => {
            fill(t.list_problem_name, &[year, &(index + 1)])
        }
        ListPlanProblem::DuplicateSegment { year, index, .. } => {
            let name = plan
                .segments
                .get(*index)
                .map(|s| s.segment.clone())
                .unwrap_or_default();
            fill(t.list_problem_duplicate, &[year, &name])
        }
    }
}

fn read_list_plan(ws: &Workspace) -> Option<ListPlan> {
    ListPlanDoc::read_or_empty(ws.list_plan.as_ref()).ok()
}

/// Writes the plan of one year (replacing it), keeping the others.
fn write_year(app: AppState, plan: YearListPlan) {
    let Some(mut all) = app.workspace.with_untracked(read_list_plan) else {
        return;
    };
    all.years.retain(|y| y.year != plan.year);
    all.years.push(plan);
    all.years.sort_by_key(|y| y.year);
    match ListPlanDoc::write(&all) {
        Ok(doc) => app.edit(|ws| ws.list_plan = doc),
        Err(e) => app.notify(Notice::Error(e.0)),
    }
}

/// How the year's list stands: each planned segment's tally.
pub fn list_progress(
    ws: &Workspace,
    plan: &YearListPlan,
) -> Vec<crate::domain::development::list_plan::SegmentProgress> {
    collected(
        plan,
        ws.accounts.iter().map(|a| {
            let year =
                chrono::DateTime::from_timestamp_millis(a.created_at).map_or(0, |d| d.year());
            (a.segment.as_str(), a.size_band, year)
        }),
    )
}

#[component]
fn ListPlanEditor() -> impl IntoView {
    let app = use_app();
    let year = RwSignal::new(today().year());
    let plan = Memo::new(move |_| {
        let y = year.get();
        app.workspace
            .with(|ws| read_list_plan(ws).and_then(|p| p.year(y).cloned()))
    });
    let team = super::super::engagement::team_memo(app);
    let edit = move |f: Arc<dyn Fn(&mut YearListPlan) + Send + Sync>| {
        let mut current = plan.get_untracked().unwrap_or(YearListPlan {
            year: year.get_untracked(),
            segments: Vec::new(),
        });
        f(&mut current);
        write_year(app, current);
    };
    let segment_row = move |index: usize, s: SegmentPlan| {
        let number = move |band: SizeBand, value: u32| {
            view! {
                <td class="num"><input type="number" min="0" step="1" class="count-input" data-band=band.slug()
                    aria-label=move || format!("{} — {}", app.t().size_band(band), index + 1)
                    prop:value=value.to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                            edit(Arc::new(move |p: &mut YearListPlan| {
                                if let Some(s) = p.segments.get_mut(index) {
                                    match band {
                                        SizeBand::Large => s.large = n,
                                        SizeBand::Medium => s.medium = n,
                                        SizeBand::Small => s.small = n,
                                    }
                                }
                            }));
                        }
                    }/></td>
            }
        };
        let collector = s.collector;
        view! {
            <tr data-testid="list-segment">
                <td><input type="text" data-field="list_segment" aria-label=tr(|t| t.list_plan_segment)
                    prop:value=s.segment.clone()
                    on:change=move |ev| {
                        let name = event_target_value(&ev).trim().to_owned();
                        edit(Arc::new(move |p: &mut YearListPlan| {
                            if let Some(s) = p.segments.get_mut(index) {
                                s.segment = name.clone();
                            }
                        }));
                    }/></td>
                {number(SizeBand::Large, s.large)}
                {number(SizeBand::Medium, s.medium)}
                {number(SizeBand::Small, s.small)}
                <td><select data-field="list_collector" aria-label=tr(|t| t.list_plan_collector) on:change=move |ev| {
                    let picked = event_target_value(&ev).parse::<u32>().ok();
                    edit(Arc::new(move |p: &mut YearListPlan| {
                        if let Some(s) = p.segments.get_mut(index) {
                            s.collector = picked;
                        }
                    }));
                }>
                    <option value="" prop:selected=collector.is_none()>{tr(|t| t.list_plan_nobody)}</option>
                    {move || team.with(|team| team.as_ref().map(|team| team.people.iter().map(|p| {
                        let pid = p.id;
                        view! { <option value=pid.to_string() prop:selected=collector == Some(pid)>{p.name.clone()}</option> }
                    }).collect_view()).ok())}
                </select></td>
                <td><button type="button" class="icon danger" aria-label=tr(|t| t.remove)
                    on:click=move |_| edit(Arc::new(move |p: &mut YearListPlan| {
                        if index < p.segments.len() {
                            p.segments.remove(index);
                        }
                    }))>"×"</button></td>
            </tr>
        }
    };
    let editor = move || {
        let t = app.t();
        match plan.get() {
            None => view! {
                <p class="hint">{fill(t.list_plan_empty, &[&year.get()])}</p>
                <button type="button" data-testid="list-plan-start"
                    on:click=move |_| edit(Arc::new(|p: &mut YearListPlan| p.segments.push(SegmentPlan::default())))>
                    {fill(t.list_plan_start, &[&year.get()])}
                </button>
            }
            .into_any(),
            Some(p) => {
                let problems: Vec<String> = p.problems().iter().map(|pr| list_problem_text(pr, &p, t)).collect();
                let progress = app.workspace.with(|ws| list_progress(ws, &p));
                let all = totals(&progress);
                let can_add = p.segments.len() < crate::domain::development::list_plan::MAX_SEGMENTS;
                view! {
                    <div class="table-wrap">
                        <table class="data-table list-plan" data-testid="list-plan">
                            <thead><tr>
                                <th scope="col">{t.list_plan_segment}</th>
                                {SizeBand::ALL.into_iter().map(|b| view! { <th scope="col" class="num">{t.size_band(b)}</th> }).collect_view()}
                                <th scope="col">{t.list_plan_collector}</th>
                                <th scope="col"><span class="visually-hidden">{t.remove}</span></th>
                            </tr></thead>
                            <tbody>{p.segments.iter().cloned().enumerate().map(|(i, s)| segment_row(i, s)).collect_view()}</tbody>
                        </table>
                    </div>
                    {can_add.then(|| view! {
                        <button type="button" data-testid="list-plan-add"
                            on:click=move |_| edit(Arc::new(|p: &mut YearListPlan| p.segments.push(SegmentPlan::default())))>
                            {tr(|t| t.list_plan_add_segment)}
                        </button>
                    })}
                    {(!problems.is_empty()).then(|| view! {
                        <ul class="field-error" role="alert">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    })}
                    <h3>{fill(t.list_plan_progress, &[&p.year])}</h3>
                    <div class="table-wrap">
                        <table class="data-table" data-testid="list-progress">
                            <thead><tr>
                                <th scope="col">{t.col_segment}</th>
                                {SizeBand::ALL.into_iter().map(|b| view! { <th scope="col" class="num">{t.size_band(b)}</th> }).collect_view()}
                                <th scope="col" class="num">{t.col_unsized}</th>
                                <th scope="col" class="num">{t.list_total}</th>
                            </tr></thead>
                            <tbody>
                                {progress.iter().map(|s| (s.segment.clone(), s.tally)).chain(std::iter::once((t.list_total.to_owned(), all))).map(|(name, tally)| { let label = name.clone(); view! {
                                    <tr data-segment=name>
                                        <th scope="row">{label}</th>
                                        {SizeBand::ALL.into_iter().map(|b| view! {
                                            <td class="num">{format!("{} / {}", tally.collected.get(b), tally.planned.get(b))}</td>
                                        }).collect_view()}
                                        <td class="num">{tally.without_band}</td>
                                        <td class="num" data-testid="list-total">{format!("{} / {}", tally.collected_total(), tally.planned.total())}</td>
                                    </tr>
                                }}).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="card" data-testid="list-plan-card">
            <h2>{tr(|t| t.list_plan_heading)}</h2>
            <p class="hint">{tr(|t| t.list_plan_hint)}</p>
            <label class="field">
                <span>{tr(|t| t.list_plan_year)}</span>
                <input type="number" min="2000" max="2100" data-testid="list-plan-year" prop:value=move || year.get().to_string()
                    on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).trim().parse::<i32>() {
                            if (2000..=2100).contains(&y) {
                                year.set(y);
                            }
                        }
                    }/>
            </label>
            {editor}
        </section>
    }
}
