//! Ranking and tiers (排序与分级): the ranked list with both axis scores and the tier,
//! the thresholds, planned against actual tier sizes, and each tier's service principle.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::tiering::Filling;
use crate::domain::{AccountId, Axis, Language, ScreeningStatus, Tenths, Tier};
use crate::exchange::ranking_csv::{ranking_numeric_columns, ranking_table};
use crate::i18n::{fill, strings};

use super::dom;
use super::router::Route;
use super::sheets::{self, SheetError};
use super::state::{use_app, Notice};
use super::tools_module;
use super::widgets::{keyed_rows, score_text, tr, ShowMore, TierBadge, PAGE_SIZE};

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[component]
pub fn RankingPage() -> impl IntoView {
    let app = use_app();
    let total = move || app.workspace.with(|ws| ws.accounts.len());
    // The ranked list as a table, for either file format.
    let table = move || {
        let language = app.language.get_untracked();
        let t = strings(language);
        app.ranking.with_untracked(|ranking| {
            app.workspace.with_untracked(|ws| {
                let accounts = ws.accounts_by_id();
                // Owners are named when the list of our people can be read.
                let team = super::engagement::settings_of(ws)
                    .map(|s| s.team)
                    .unwrap_or_default();
                ranking_table(
                    &ranking.rows,
                    |id| accounts.get(&id).copied(),
                    &ws.model,
                    &team,
                    t,
                    language,
                )
            })
        })
    };
    let report = move |result: Result<(), String>| {
        if let Err(reason) = result {
            let t = strings(app.language.get_untracked());
            app.notify(Notice::Error(fill(t.export_failed, &[&reason])));
        }
    };
    // The CSV writer lives in the tools module, loaded on first use.
    let export_csv = move |_| {
        leptos::task::spawn_local(async move {
            let result = async {
                tools_module::load().await?;
                let bytes = tools_module::csv_file(&table())?;
                let blob = dom::bytes_blob("text/csv;charset=utf-8", &bytes)?;
                dom::download_blob(&format!("kam-ranking-{}.csv", dom::today_stamp()), &blob)
            }
            .await;
            report(result);
        });
    };
    // The XLSX writer lives in the sheets worker, started on first use.
    let export_xlsx = move |_| {
        leptos::task::spawn_local(async move {
            let t = strings(app.language.get_untracked());
            let numeric = app
                .workspace
                .with_untracked(|ws| ranking_numeric_columns(&ws.model));
            let table = table();
            let cut = crate::exchange::cells_cut_for_excel(&table);
            let result = match sheets::xlsx_file(&table, t.nav_ranking, &numeric).await {
                Ok(bytes) => dom::bytes_blob(XLSX_MIME, &bytes).and_then(|blob| {
                    dom::download_blob(&format!("kam-ranking-{}.xlsx", dom::today_stamp()), &blob)
                }),
                Err(SheetError::ToolsFailed(reason)) => Err(fill(t.sheets_failed, &[&reason])),
                Err(other) => Err(format!("{other:?}")),
            };
            if result.is_ok() && cut > 0 {
                app.notify(Notice::Info(fill(t.export_cells_cut, &[&cut])));
            }
            report(result);
        });
    };
    view! {
        <section class="page ranking-page">
            <div class="page-head">
                <h1>{tr(|t| t.ranking_title)}</h1>
                <div class="export-buttons">
                    <button type="button" on:click=export_csv data-testid="export-csv">{tr(|t| t.export_csv)}</button>
                    <button type="button" on:click=export_xlsx data-testid="export-xlsx">{tr(|t| t.export_xlsx)}</button>
                </div>
            </div>
            <div class="ranking-settings">
                <ThresholdEditor/>
                <TierSizes/>
            </div>
            <Show when=move || { total() > 0 } fallback=move || view! {
                <div class="empty-state">
                    <p>{tr(|t| t.ranking_empty)}</p>
                    <a class="button primary" href=Route::NewAccount.href()>{tr(|t| t.add_account)}</a>
                </div>
            }>
                <RankedTable/>
            </Show>
            <TierGuidanceEditor/>
        </section>
    }
}

/// What one row of the ranked list shows.
#[derive(Clone, Debug, PartialEq)]
struct RowFacts {
    rank: Option<usize>,
    name: String,
    attractiveness: Option<Tenths>,
    feasibility: Option<Tenths>,
    combined: Option<Tenths>,
    tier: Option<Tier>,
    overridden: bool,
    screening: ScreeningStatus,
}

#[component]
fn RankedTable() -> impl IntoView {
    let app = use_app();
    let shown = RwSignal::new(PAGE_SIZE);
    let owner = RwSignal::new(None::<crate::domain::engagement::team::ColleagueId>);
    let within: super::pages::Within = RwSignal::new(None);
    // The accounts listed, in rank order: all, or those the chosen colleague owns and
    // of the chosen key-account category.
    let listed = Memo::new(move |_| {
        let owner = owner.get();
        let owned: Option<std::collections::HashSet<AccountId>> = owner.map(|o| {
            app.workspace.with(|ws| {
                ws.accounts
                    .iter()
                    .filter(|a| a.is_owned_by(o))
                    .map(|a| a.id)
                    .collect()
            })
        });
        within.with(|within| {
            app.ranking.with(|r| {
                r.rows
                    .iter()
                    .map(|row| row.account)
                    .filter(|id| owned.as_ref().is_none_or(|o| o.contains(id)))
                    .filter(|id| within.as_ref().is_none_or(|w| w.binary_search(id).is_ok()))
                    .collect::<Vec<_>>()
            })
        })
    });
    // The rows shown, in rank order, with what each shows. Rows are keyed by account
    // and each cell follows its own value, so a threshold edit moves no row and redraws
    // only the tiers that changed, even at 10,000 accounts.
    let facts = Memo::new(move |_| {
        let limit = shown.get();
        let ids = listed.get();
        app.ranking.with(|ranking| {
            let top: Vec<&crate::domain::ranking::RankedRow> = ids
                .iter()
                .take(limit)
                .filter_map(|id| ranking.row(*id))
                .collect();
            let wanted: HashMap<AccountId, usize> = top
                .iter()
                .enumerate()
                .map(|(i, r)| (r.account, i))
                .collect();
            let mut names = vec![String::new(); top.len()];
            app.workspace.with(|ws| {
                for account in &ws.accounts {
                    if let Some(i) = wanted.get(&account.id) {
                        names[*i] = account.name.clone();
                    }
                }
            });
            // By account, so each row finds its own facts at once however many are shown.
            top.iter()
                .zip(names)
                .map(|(row, name)| {
                    let a = &row.assessment;
                    (
                        row.account,
                        RowFacts {
                            rank: row.rank,
                            name,
                            attractiveness: a.score(Axis::Attractiveness),
                            feasibility: a.score(Axis::Feasibility),
                            combined: a.combined(),
                            tier: a.effective,
                            overridden: a.overridden,
                            screening: a.screening,
                        },
                    )
                })
                .collect::<HashMap<_, _>>()
        })
    });
    let keys = Memo::new(move |_| {
        let limit = shown.get();
        listed.with(|ids| ids.iter().take(limit).copied().collect::<Vec<_>>())
    });
    let row = move |id: AccountId| {
        let fact = Memo::new(move |_| facts.with(|f| f.get(&id).cloned()));
        let get = move |f: fn(&RowFacts) -> String| {
            move || fact.with(|r| r.as_ref().map(f).unwrap_or_default())
        };
        let tier = Signal::derive(move || fact.with(|r| r.as_ref().and_then(|r| r.tier)));
        let overridden =
            Signal::derive(move || fact.with(|r| r.as_ref().is_some_and(|r| r.overridden)));
        let screening = move || {
            let t = app.t();
            fact.with(|r| match r.as_ref().map(|r| r.screening) {
                Some(ScreeningStatus::Passed) => t.screening_passed.to_owned(),
                Some(ScreeningStatus::Failed(gates)) => {
                    fill(t.screening_failed, &[&t.gates_failed(gates)])
                }
                _ => "—".to_owned(),
            })
        };
        view! {
            <tr data-account-id=id.to_string()>
                <td class="num">{get(|r| r.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()))}</td>
                <td><a href=Route::Account(id).href()>{get(|r| r.name.clone())}</a></td>
                <td class="num" data-col="attractiveness">{get(|r| score_text(r.attractiveness))}</td>
                <td class="num" data-col="feasibility">{get(|r| score_text(r.feasibility))}</td>
                <td class="num" data-col="combined">{get(|r| score_text(r.combined))}</td>
                <td data-col="tier"><TierBadge tier=tier overridden=overridden/></td>
                <td>{screening}</td>
            </tr>
        }
        .into_any()
    };
    view! {
        <div class="filters">
            {super::pages::owner_filter(app, owner, "ranking-owner")}
            {super::pages::category_filter(app, within, "ranking-category")}
        </div>
        <div class="table-wrap">
            <table class="data-table ranking-table" data-testid="ranking-table">
                <thead><tr>
                    <th scope="col" class="num">{tr(|t| t.col_rank)}</th>
                    <th scope="col">{tr(|t| t.field_name)}</th>
                    <th scope="col" class="num">{tr(|t| t.col_attractiveness)}</th>
                    <th scope="col" class="num">{tr(|t| t.col_feasibility)}</th>
                    <th scope="col" class="num">{tr(|t| t.col_combined)}</th>
                    <th scope="col">{tr(|t| t.col_tier)}</th>
                    <th scope="col">{tr(|t| t.col_screening)}</th>
                </tr></thead>
                <tbody>{keyed_rows(keys.into(), Arc::new(row))}</tbody>
            </table>
            <ShowMore shown=shown total=Signal::derive(move || listed.with(Vec::len))/>
        </div>
    }
}

/// The thresholds in force: changed on the model page, where what they would move is
/// shown before they are applied.
#[component]
fn ThresholdEditor() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="card">
            <h2>{tr(|t| t.thresholds_heading)}</h2>
            <p data-testid="thresholds-in-force">{move || {
                let th = app.workspace.with(|ws| ws.tiers.thresholds);
                fill(app.t().thresholds_in_force, &[&th.attractiveness, &th.feasibility])
            }}</p>
            <p><a href=Route::Model.href() data-testid="change-thresholds">{tr(|t| t.thresholds_change)}</a></p>
        </section>
    }
}

#[component]
fn TierSizes() -> impl IntoView {
    let app = use_app();
    let row = move |tier: Tier| {
        let error = RwSignal::new(false);
        let actual = move || app.ranking.with(|r| r.counts.count(tier));
        let planned_cell = match tier {
            Tier::NotPursued => view! {
                <td class="num" data-planned="not_pursued">{move || {
                    let tiered = app.ranking.with(|r| r.counts.tiered_total());
                    let rest = app.workspace.with(|ws| ws.tiers.planned.planned(Tier::NotPursued, tiered));
                    fill(app.t().planned_rest, &[&rest])
                }}</td>
            }
            .into_any(),
            _ => view! {
                <td class="num">
                    <input type="number" min="0" step="1" class="planned-input" data-planned=tier.slug()
                        aria-label=move || format!("{} — {}", app.t().tier(tier), app.t().col_planned)
                        aria-invalid=move || error.get().to_string()
                        prop:value=move || app.workspace.with(|ws| ws.tiers.planned.planned(tier, 0)).to_string()
                        on:input=move |ev| {
                            match event_target_value(&ev).trim().parse::<u32>() {
                                Ok(n) => {
                                    error.set(false);
                                    app.edit(|ws| match tier {
                                        Tier::Tier1 => ws.tiers.planned.tier1 = n,
                                        Tier::Tier2 => ws.tiers.planned.tier2 = n,
                                        Tier::Tier3 => ws.tiers.planned.tier3 = n,
                                        Tier::NotPursued => {}
                                    });
                                }
                                Err(_) => error.set(true),
                            }
                        }/>
                    <Show when=move || error.get()>
                        <span class="field-error" role="alert">{tr(|t| t.planned_invalid)}</span>
                    </Show>
                </td>
            }
            .into_any(),
        };
        // Over- or under-filled against the plan, said in words beside the count.
        let filling = move || {
            let tiered = app.ranking.with(|r| r.counts.tiered_total());
            let planned = app
                .workspace
                .with(|ws| ws.tiers.planned.planned(tier, tiered));
            Filling::of(planned, actual())
        };
        let filling_text = move || {
            let t = app.t();
            match filling() {
                Filling::AsPlanned => String::new(),
                Filling::Over(n) => fill(t.filling_over, &[&n]),
                Filling::Under(n) => fill(t.filling_under, &[&n]),
            }
        };
        let filling_class = move || match filling() {
            Filling::AsPlanned => "num",
            Filling::Over(_) => "num filling over",
            Filling::Under(_) => "num filling under",
        };
        view! {
            <tr data-tier=tier.slug()>
                <th scope="row"><TierBadge tier=Some(tier)/></th>
                {planned_cell}
                <td class=filling_class>
                    <span data-testid="tier-actual">{actual}</span>
                    <span class="filling-note" data-testid="tier-filling">{filling_text}</span>
                </td>
            </tr>
        }
    };
    let tiered = move || app.ranking.with(|r| r.counts.tiered_total());
    let fits = move || app.workspace.with(|ws| ws.tiers.planned.fits(tiered()));
    let scale = move |_| {
        let total = tiered();
        app.edit(|ws| ws.tiers.planned = ws.tiers.planned.scaled_to(total));
    };
    view! {
        <section class="card">
            <h2>{tr(|t| t.tier_sizes_heading)}</h2>
            <table class="data-table tier-sizes" data-testid="tier-sizes">
                <thead><tr>
                    <th scope="col">{tr(|t| t.col_tier)}</th>
                    <th scope="col" class="num">{tr(|t| t.col_planned)}</th>
                    <th scope="col" class="num">{tr(|t| t.col_actual)}</th>
                </tr></thead>
                <tbody>{Tier::ALL.into_iter().map(row).collect_view()}</tbody>
            </table>
            <Show when=move || { !fits() && tiered() > 0 }>
                <div class="notice warning planned-misfit" role="status" data-testid="planned-misfit">
                    <p>{move || {
                        let planned = app.workspace.with(|ws| ws.tiers.planned.sum());
                        fill(app.t().planned_too_many, &[&planned, &tiered()])
                    }}</p>
                    <button type="button" on:click=scale data-testid="planned-scale">
                        {move || fill(app.t().planned_scale, &[&tiered()])}
                    </button>
                </div>
            </Show>
            <p class="hint" data-testid="planned-rest-hint">
                {move || fill(app.t().planned_rest_hint, &[&app.t().tier(Tier::NotPursued)])}
            </p>
            <Show when=move || app.ranking.with(|r| r.counts.untiered > 0)>
                <p class="hint" data-testid="untiered-count">
                    {move || fill(app.t().untiered_count, &[&app.ranking.with(|r| r.counts.untiered)])}
                </p>
            </Show>
        </section>
    }
}

#[component]
fn TierGuidanceEditor() -> impl IntoView {
    let app = use_app();
    let block = move |tier: Tier| {
        let text = move |cadence: bool| {
            move || {
                let lang = app.language.get();
                app.workspace.with(|ws| {
                    let g = ws.tiers.guidance(tier);
                    let t = if cadence { &g.cadence } else { &g.principle };
                    match lang {
                        Language::Zh => t.zh.clone(),
                        Language::En => t.en.clone(),
                    }
                })
            }
        };
        let set = move |cadence: bool, value: String| {
            let lang = app.language.get_untracked();
            app.edit(|ws| {
                let mut g = ws.tiers.guidance(tier);
                let t = if cadence {
                    &mut g.cadence
                } else {
                    &mut g.principle
                };
                *t.side_mut(lang) = value;
                ws.tiers.set_guidance(tier, &g);
            });
        };
        view! {
            <div class="guidance-block" data-tier=tier.slug()>
                <h3><TierBadge tier=Some(tier)/></h3>
                <label class="field wide">
                    <span>{tr(|t| t.guidance_principle)}</span>
                    <textarea rows="2" data-field="principle" prop:value=text(false)
                        on:input=move |ev| set(false, event_target_value(&ev))></textarea>
                </label>
                <label class="field wide">
                    <span>{tr(|t| t.guidance_cadence)}</span>
                    <textarea rows="2" data-field="cadence" prop:value=text(true)
                        on:input=move |ev| set(true, event_target_value(&ev))></textarea>
                </label>
            </div>
        }
    };
    view! {
        <section class="card">
            <h2>{tr(|t| t.tier_guidance_heading)}</h2>
            <p class="hint">{tr(|t| t.guidance_edit_hint)}</p>
            <div class="guidance-grid">{Tier::ALL.into_iter().map(block).collect_view()}</div>
        </section>
    }
}
