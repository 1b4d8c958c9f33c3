//! The account register (客户档案): search, filters, sortable columns. The rules of
//! searching, filtering and sorting are `crate::domain::register`'s; this page keeps
//! the register prepared (once per change of the data) and draws the rows shown.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::plan::{PlanSummary, Section};
use crate::domain::register::{Column, Query, Register, TierFilter};
use crate::domain::{AccountId, Axis, Relationship, SizeBand, Tier};
use crate::i18n::{fill, Strings};

use super::router::Route;
use super::state::use_app;
use super::widgets::{keyed_rows, score_text, segment_select, tr, ShowMore, TierBadge, PAGE_SIZE};
use super::workspaces_page::start_demo;

fn label(column: Column, t: &Strings) -> &'static str {
    match column {
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

/// The column's name in test hooks and form controls.
fn key(column: Column) -> &'static str {
    match column {
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

/// A plan's state in the list: none, its summary, or one still being worked out (the
/// plan's code loads after the list is on screen).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum PlanCell {
    None,
    Pending,
    Summary { completeness: u32, stale: bool },
}

/// Everything one row shows.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    id: AccountId,
    number: String,
    name: String,
    segment: String,
    size: Option<SizeBand>,
    relationship: Relationship,
    attractiveness: String,
    feasibility: String,
    tier: Option<Tier>,
    overridden: bool,
    plan: PlanCell,
}

/// The `slot`th row of the list. Rows are places, not accounts: a search or a sort
/// writes the new values into the rows already in the page, and each cell changes only
/// if its own value did, which costs far less than drawing new rows.
fn slot_view(rows: Memo<Vec<Row>>, slot: usize) -> AnyView {
    let app = use_app();
    let row = Memo::new(move |_| rows.with(|r| r.get(slot).cloned()));
    let text =
        move |f: fn(&Row) -> String| move || row.with(|r| r.as_ref().map(f).unwrap_or_default());
    let id = Memo::new(move |_| row.with(|r| r.as_ref().map_or(0, |r| r.id)));
    let tier = Memo::new(move |_| row.with(|r| r.as_ref().and_then(|r| r.tier)));
    let overridden = Memo::new(move |_| row.with(|r| r.as_ref().is_some_and(|r| r.overridden)));
    let plan = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| (r.id, r.plan))));
    view! {
        <tr data-account-id=move || id.get().to_string()>
            <td>{text(|r| r.number.clone())}</td>
            <td><a href=move || Route::Account(id.get()).href() class="account-link">{text(|r| r.name.clone())}</a></td>
            <td>{text(|r| r.segment.clone())}</td>
            <td>{move || row.with(|r| r.as_ref().and_then(|r| r.size).map(|s| app.t().size_band(s)).unwrap_or(""))}</td>
            <td>{move || row.with(|r| r.as_ref().map(|r| app.t().relationship(r.relationship)).unwrap_or(""))}</td>
            <td class="num">{text(|r| r.attractiveness.clone())}</td>
            <td class="num">{text(|r| r.feasibility.clone())}</td>
            <td><TierBadge tier=tier overridden=overridden/></td>
            <td class="num plan-cell">{move || plan.get().map(|(id, p)| plan_cell(id, p, app.t()))}</td>
        </tr>
    }
    .into_any()
}

/// How complete the account's plan is, marked when its information is due for refresh.
fn plan_cell(id: AccountId, plan: PlanCell, t: &'static Strings) -> AnyView {
    let href = Route::Plan(id, Section::Summary).href();
    match plan {
        PlanCell::None => view! { <span class="muted">"—"</span> }.into_any(),
        PlanCell::Pending => view! { <a href=href>"…"</a> }.into_any(),
        PlanCell::Summary { completeness, stale } => view! {
            <a href=href data-plan-complete=completeness.to_string()>{format!("{completeness}%")}</a>
            {stale.then(|| view! {
                <span class="stale-mark" title=t.plan_stale_info data-testid="stale-mark">
                    " ⚠"<span class="visually-hidden">{t.plan_stale_info}</span>
                </span>
            })}
        }
        .into_any(),
    }
}

#[component]
pub fn AccountList() -> impl IntoView {
    let app = use_app();
    let search = RwSignal::new(String::new());
    let segment = RwSignal::new(String::new());
    let tier_filter = RwSignal::new(TierFilter::All);
    let size = RwSignal::new(None::<SizeBand>);
    let owner = RwSignal::new(None::<crate::domain::engagement::team::ColleagueId>);
    let within: super::pages::Within = RwSignal::new(None);
    let sort = RwSignal::new((Column::Name, true));
    let shown = RwSignal::new(PAGE_SIZE);

    // Prepared once per change of the accounts or their ranking, not per keystroke.
    let register = Memo::new(move |_| {
        app.ranking.with(|r| {
            app.workspace
                .with(|ws| Register::new(&ws.accounts, |id| r.row(id)))
        })
    });

    // Every account's search text is made once the list is on screen, while the user
    // reads, instead of in the first keystroke (tens of milliseconds at 10,000 accounts).
    Effect::new(move |_| {
        register.track();
        leptos::task::spawn_local(async move {
            super::dom::after_paint().await;
            let _ = register.try_with_untracked(|r| {
                app.workspace
                    .with_untracked(|ws| r.prepare_search(&ws.accounts))
            });
        });
    });

    // Plan summaries are worked out by the plan's code, loaded with them; until then a
    // plan's cell says "…".
    let plan_docs = Memo::new(move |_| {
        app.workspace.with(|ws| {
            ws.accounts
                .iter()
                .filter_map(|a| a.plan.clone().map(|d| (a.id, d)))
                .collect::<Vec<_>>()
        })
    });
    let summaries = RwSignal::new(None::<HashMap<AccountId, Option<PlanSummary>>>);
    let asked = StoredValue::new(0u32);
    Effect::new(move |_| {
        let docs = plan_docs.get();
        asked.update_value(|n| *n += 1);
        let this = asked.get_value();
        if docs.is_empty() {
            summaries.set(Some(HashMap::new()));
            return;
        }
        leptos::task::spawn_local(async move {
            let found = super::pages::plan_summaries(docs, super::plan::today()).await;
            // An older answer arriving after a newer question is not shown.
            if let (Ok(list), true) = (found, asked.try_get_value() == Some(this)) {
                summaries.set(Some(list.into_iter().collect()));
            }
        });
    });
    let plan_of = move |id: AccountId, has_plan: bool| -> PlanCell {
        if !has_plan {
            return PlanCell::None;
        }
        summaries.with(|s| match s.as_ref().and_then(|s| s.get(&id)) {
            Some(Some(p)) => PlanCell::Summary {
                completeness: p.completeness,
                stale: p.stale,
            },
            _ => PlanCell::Pending,
        })
    };

    let query = Memo::new(move |_| {
        let (column, ascending) = sort.get();
        Query {
            text: search.get(),
            segment: segment.get(),
            tier: tier_filter.get(),
            size: size.get(),
            owner: owner.get(),
            within: within.get(),
            sort: column,
            ascending,
        }
    });
    // Texts sort as the user's language orders them (pinyin order for Chinese). Placed
    // once per change of the accounts, the language or the column sorted by (not of the
    // direction: reversing reuses the places). The first screen shows only the top of
    // the list: until it is painted only those rows are placed, a fraction of the work
    // at 10,000 accounts; the whole order follows while the user reads.
    let painted = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        super::dom::after_paint().await;
        let _ = painted.try_set(true);
    });
    let sort_column = Memo::new(move |_| sort.get().0);
    let places = Memo::new(move |_| {
        let column = sort_column.get();
        let language = app.language.get();
        let head = if painted.get() { 0 } else { PAGE_SIZE as u32 };
        register.with(|r| {
            app.workspace.with(|ws| {
                r.sort_texts(&ws.accounts, column).map(|texts| {
                    super::dom::collation_remembered(&texts, language, head, key(column))
                })
            })
        })
    });
    // Sorted once per change of the order asked for or of the accounts; a keystroke in
    // the search box or a filter then only filters it.
    let order = Memo::new(move |_| {
        let (column, ascending) = sort.get();
        // Plan completeness matters only to the plan column's order.
        let plans = (column == Column::Plan).then(|| summaries.get()).flatten();
        places.with(|places| {
            register.with(|r| {
                app.workspace.with(|ws| {
                    r.order(
                        &ws.accounts,
                        column,
                        ascending,
                        |id| {
                            plans
                                .as_ref()?
                                .get(&id)
                                .copied()
                                .flatten()
                                .map(|p| p.completeness)
                        },
                        places.as_deref(),
                    )
                })
            })
        })
    });
    let visible = Memo::new(move |_| {
        query.with(|q| {
            order.with(|o| register.with(|r| app.workspace.with(|ws| r.filter(&ws.accounts, o, q))))
        })
    });

    let total = move || app.workspace.with(|ws| ws.accounts.len());
    let filters_active = move || {
        !search.get().trim().is_empty()
            || !segment.get().is_empty()
            || tier_filter.get() != TierFilter::All
            || size.get().is_some()
            || owner.get().is_some()
            || within.with(Option::is_some)
    };
    let clear = move |_| {
        search.set(String::new());
        segment.set(String::new());
        tier_filter.set(TierFilter::All);
        size.set(None);
        owner.set(None);
        within.set(None);
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
                <button type="button" class="sort" data-sort=key(column)
                    title=tr(|t| t.sort_by)
                    on:click=move |_| sort.update(|(c, asc)| {
                        if *c == column { *asc = !*asc } else { *c = column; *asc = true }
                    })>
                    {move || label(column, app.t())}{arrow}
                </button>
            </th>
        }
    };

    // The rows shown, in order; drawn into as many row places (see `slot_view`).
    let shown_rows = Memo::new(move |_| {
        let limit = shown.get();
        visible.with(|positions| {
            app.ranking.with(|ranking| {
                app.workspace.with(|ws| {
                    positions
                        .iter()
                        .take(limit)
                        .filter_map(|i| ws.accounts.get(*i))
                        .map(|a| {
                            let assessment = ranking.row(a.id).map(|r| &r.assessment);
                            Row {
                                id: a.id,
                                number: a.number.clone(),
                                name: a.name.clone(),
                                segment: a.segment.clone(),
                                size: a.size_band,
                                relationship: a.relationship,
                                attractiveness: score_text(
                                    assessment.and_then(|x| x.score(Axis::Attractiveness)),
                                ),
                                feasibility: score_text(
                                    assessment.and_then(|x| x.score(Axis::Feasibility)),
                                ),
                                tier: assessment.and_then(|x| x.effective),
                                overridden: assessment.is_some_and(|x| x.overridden),
                                plan: plan_of(a.id, a.plan.is_some()),
                            }
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let slots = Memo::new(move |_| shown_rows.with(|r| (0..r.len() as u64).collect::<Vec<_>>()));
    let rows = move || {
        keyed_rows(
            slots.into(),
            Arc::new(move |slot| slot_view(shown_rows, slot as usize)),
        )
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
                    {super::pages::owner_filter(app, owner, "filter-owner")}
                    {super::pages::list_extras(app, within)}
                    <Show when=filters_active>
                        <button type="button" on:click=clear>{tr(|t| t.clear_filters)}</button>
                    </Show>
                </div>
                <p class="count" data-testid="account-count">
                    {move || fill(app.t().count_shown, &[&visible.with(|v| v.len()), &total()])}
                </p>
                <Show when=move || visible.with(|v| !v.is_empty()) fallback=move || view! {
                    <p class="empty-state">{tr(|t| t.no_match)}</p>
                }>
                    <div class="table-wrap">
                        <table class="data-table accounts-table" data-testid="accounts-table">
                            <thead><tr>{Column::ALL.into_iter().map(header).collect_view()}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <ShowMore shown=shown total=Signal::derive(move || visible.with(|v| v.len()))/>
                </Show>
            </Show>
        </section>
    }
}
