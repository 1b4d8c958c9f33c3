//! The annual review (`#/review`, KAM-SPEC §2.3.6): closing a year, the closed years,
//! and two years (or a closed year and today) compared — tier counts, the flow between
//! tiers as a chart and a from/to table, each movement with its causes, score changes,
//! accounts entering and leaving the target list, results, and the models' differences.
//! Printable. The rules are `domain::review`.

use chrono::Datelike;
use leptos::prelude::*;

use crate::charts::flow::{FlowCategory, FlowRequest};
use crate::domain::doc::UnreadableDoc;
use crate::domain::review::{
    compare_years, snapshot_of, CloseError, Review, Snapshots, SnapshotsDoc, YearSnapshot,
};
use crate::domain::{Account, Tier, Workspace};
use crate::i18n::{fill, Strings};

use super::engagement::now_local;
use super::router::{navigate, Route};
use super::state::{use_app, Notice};
use super::tools_module;
use super::whatif::{cause_text, change_text, move_row, moves_table};
use super::widgets::{tr, ShowMore, TierBadge, PAGE_SIZE};

/// The relationship level an account was last assessed at.
fn relationship_of(account: &Account) -> Option<crate::domain::plan::RelationshipLevel> {
    crate::domain::development::relationship_of(account)
}

/// The workspace's closed years; an unreadable document is an error, never empty.
fn read_snapshots(ws: &Workspace) -> Result<Snapshots, UnreadableDoc> {
    SnapshotsDoc::read_or_empty(ws.snapshots.as_ref())
}

/// One side of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Point {
    Year(i32),
    Today,
}

impl Point {
    fn slug(self) -> String {
        match self {
            Point::Year(y) => y.to_string(),
            Point::Today => "today".into(),
        }
    }

    fn parse(slug: &str) -> Option<Point> {
        match slug {
            "today" => Some(Point::Today),
            y => y.parse().ok().map(Point::Year),
        }
    }

    fn title(self, t: &Strings) -> String {
        match self {
            Point::Year(y) => y.to_string(),
            Point::Today => t.review_today.to_owned(),
        }
    }
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let app = use_app();
    let snapshots = Memo::new(move |_| app.workspace.with(read_snapshots));
    view! {
        <section class="page review-page">
            <div class="page-head">
                <h1>{tr(|t| t.review_title)}</h1>
            </div>
            <p class="hint screen-only">{tr(|t| t.review_intro)}</p>
            {move || snapshots.with(|s| s.as_ref().err().map(|e| view! {
                <p class="notice error" role="alert">{fill(app.t().review_unreadable, &[&e.0])}</p>
            }))}
            <CloseYear snapshots=snapshots/>
            <ClosedYears snapshots=snapshots/>
            <Comparison snapshots=snapshots/>
        </section>
    }
}

#[component]
fn CloseYear(snapshots: Memo<Result<Snapshots, UnreadableDoc>>) -> impl IntoView {
    let app = use_app();
    let today = now_local().date();
    let suggested =
        snapshots.with_untracked(|s| s.as_ref().map_or(today.year(), |s| s.suggested_year(today)));
    let year_text = RwSignal::new(suggested.to_string());
    let confirming = RwSignal::new(false);
    let year = move || {
        year_text
            .get()
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
    };
    let readable = move || snapshots.with(|s| s.is_ok());
    let close = move |_| {
        let Some(year) = year() else {
            return;
        };
        let now = now_local();
        let t = app.t();
        let Ok(mut list) = snapshots.get_untracked() else {
            return;
        };
        let snapshot = app
            .workspace
            .with_untracked(|ws| snapshot_of(ws, year, now.date(), now, relationship_of));
        match list.close(snapshot) {
            Ok(()) => match SnapshotsDoc::write(&list) {
                Ok(doc) => {
                    app.edit(|ws| ws.snapshots = doc);
                    confirming.set(false);
                    app.notify(Notice::Info(fill(t.review_closed_notice, &[&year])));
                }
                Err(e) => app.notify(Notice::Error(e.0)),
            },
            Err(CloseError::AlreadyClosed(y)) => {
                app.notify(Notice::Error(fill(t.review_already_closed, &[&y])))
            }
            Err(CloseError::NotBegun(y)) => {
                app.notify(Notice::Error(fill(t.review_not_begun, &[&y])))
            }
        }
    };
    let accounts = move || app.workspace.with(|ws| ws.accounts.len());
    view! {
        <section class="card screen-only" data-testid="close-year">
            <h2>{tr(|t| t.review_close_heading)}</h2>
            <div class="inline-form">
                <label class="field">
                    <span>{tr(|t| t.review_year)}</span>
                    <input type="text" inputmode="numeric" data-testid="close-year-input"
                        aria-invalid=move || year().is_none().to_string()
                        prop:value=move || year_text.get()
                        on:input=move |ev| {
                            year_text.set(event_target_value(&ev));
                            confirming.set(false);
                        }/>
                </label>
                <button type="button" data-testid="close-year-button"
                    disabled=move || year().is_none() || !readable()
                    on:click=move |_| confirming.set(true)>
                    {move || fill(app.t().review_close, &[&year().unwrap_or_default()])}
                </button>
            </div>
            <Show when=move || year().is_none()>
                <p class="field-error" role="alert">{tr(|t| t.review_year_invalid)}</p>
            </Show>
            <Show when=move || confirming.get() && year().is_some()>
                <div class="confirm" role="alertdialog" aria-labelledby="close-year-confirm">
                    <p id="close-year-confirm">{move || fill(app.t().review_close_confirm, &[&year().unwrap_or_default(), &accounts()])}</p>
                    <div class="actions">
                        <button type="button" class="primary" data-testid="close-year-confirm" on:click=close>
                            {move || fill(app.t().review_close_do, &[&year().unwrap_or_default()])}
                        </button>
                        <button type="button" on:click=move |_| confirming.set(false)>{tr(|t| t.cancel)}</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn ClosedYears(snapshots: Memo<Result<Snapshots, UnreadableDoc>>) -> impl IntoView {
    let app = use_app();
    let lines = move || {
        let t = app.t();
        snapshots.with(|s| {
            let years = s.as_ref().map(|s| s.years.as_slice()).unwrap_or(&[]);
            if years.is_empty() {
                return view! { <p class="hint">{t.review_no_years}</p> }.into_any();
            }
            view! {
                <ul data-testid="closed-years">
                    {years.iter().map(|y| view! {
                        <li>{fill(t.review_year_line, &[&y.year, &y.closed_on, &y.accounts.len()])}</li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <section class="card screen-only">
            <h2>{tr(|t| t.review_years_heading)}</h2>
            {lines}
        </section>
    }
}

/// Builds the side of a comparison: a closed year's snapshot, or today's portfolio.
fn side(ws: &Workspace, snapshots: &Snapshots, point: Point) -> Option<YearSnapshot> {
    match point {
        Point::Year(y) => snapshots.year(y).cloned(),
        Point::Today => {
            let now = now_local();
            Some(snapshot_of(
                ws,
                now.year(),
                now.date(),
                now,
                relationship_of,
            ))
        }
    }
}

#[component]
fn Comparison(snapshots: Memo<Result<Snapshots, UnreadableDoc>>) -> impl IntoView {
    let app = use_app();
    let years = Memo::new(move |_| {
        snapshots.with(|s| {
            s.as_ref()
                .map(|s| s.years.iter().map(|y| y.year).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // By default the latest closed year against today.
    let from = RwSignal::new(None::<Point>);
    let to = RwSignal::new(Point::Today);
    let chosen_from = move || {
        from.get()
            .or_else(|| years.with(|y| y.last().copied().map(Point::Year)))
    };
    let review = Memo::new(move |_| {
        let (a, b) = (chosen_from()?, to.get());
        if a == b {
            return None;
        }
        snapshots.with(|s| {
            let s = s.as_ref().ok()?;
            app.workspace.with(|ws| {
                let (a, b) = (side(ws, s, a)?, side(ws, s, b)?);
                Some(compare_years(&a, &b))
            })
        })
    });
    let options = move |selected: Box<dyn Fn() -> Option<Point> + Send + Sync>| {
        let selected = std::sync::Arc::new(selected);
        move || {
            let t = app.t();
            let mut points: Vec<Point> = years.get().into_iter().map(Point::Year).collect();
            points.push(Point::Today);
            points
                .into_iter()
                .map(|p| {
                    let selected = selected.clone();
                    view! { <option value=p.slug() prop:selected=move || selected() == Some(p)>{p.title(t)}</option> }
                })
                .collect_view()
        }
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            // The dialog is the browser's; nothing to do if it is refused.
            let _ = window.print();
        }
    };
    let start_next = move |_| {
        app.edit(|ws| ws.edit_draft(|_| {}));
        navigate(Route::Model);
    };
    view! {
        <section class="card review-compare" data-testid="review-compare">
            <h2 class="screen-only">{tr(|t| t.review_compare_heading)}</h2>
            <Show when=move || !years.with(Vec::is_empty) fallback=move || view! {
                <p class="hint" data-testid="review-need-year">{tr(|t| t.review_need_year)}</p>
            }>
                <div class="inline-form screen-only">
                    <label class="field">
                        <span>{tr(|t| t.review_from)}</span>
                        <select data-testid="review-from" on:change=move |ev| from.set(Point::parse(&event_target_value(&ev)))>
                            {options(Box::new(chosen_from))}
                        </select>
                    </label>
                    <label class="field">
                        <span>{tr(|t| t.review_to)}</span>
                        <select data-testid="review-to" on:change=move |ev| {
                            if let Some(p) = Point::parse(&event_target_value(&ev)) {
                                to.set(p);
                            }
                        }>
                            {options(Box::new(move || Some(to.get())))}
                        </select>
                    </label>
                    <button type="button" data-testid="review-print" on:click=print>{tr(|t| t.plan_print)}</button>
                </div>
                <h2 class="print-only">{move || {
                    let t = app.t();
                    fill(t.review_printed, &[&chosen_from().map(|p| p.title(t)).unwrap_or_default(), &to.get().title(t)])
                }}</h2>
                {move || match review.get() {
                    None => view! { <p class="hint" data-testid="review-same">{tr(|t| t.review_same)}</p> }.into_any(),
                    Some(r) => {
                        let titles = (chosen_from().unwrap_or(Point::Today), to.get());
                        view! { <ReviewBody review=r titles=titles/> }.into_any()
                    }
                }}
            </Show>
            <div class="actions">
                <button type="button" data-testid="start-next-model" on:click=start_next>{tr(|t| t.review_next_model)}</button>
            </div>
            <p class="hint screen-only">{tr(|t| t.review_next_model_hint)}</p>
        </section>
    }
}

const CATEGORIES: [Option<Tier>; 5] = [
    Some(Tier::Tier1),
    Some(Tier::Tier2),
    Some(Tier::Tier3),
    Some(Tier::NotPursued),
    None,
];

#[component]
fn ReviewBody(review: Review, titles: (Point, Point)) -> impl IntoView {
    let app = use_app();
    let review = std::sync::Arc::new(review);
    let (from_title, to_title) = {
        let t = app.t();
        (titles.0.title(t), titles.1.title(t))
    };

    // Tier counts: accounts in each year's register per tier.
    let counts = {
        let r = review.clone();
        move || {
            CATEGORIES
                .iter()
                .map(|tier| {
                    let (a, b) = (r.count(0, *tier), r.count(1, *tier));
                    let delta = b as i64 - a as i64;
                    view! {
                        <tr data-tier=tier.map_or("none", |t| t.slug())>
                            <th scope="row"><TierBadge tier=*tier/></th>
                            <td class="num">{a}</td>
                            <td class="num">{b}</td>
                            <td class="num" data-testid="review-delta">{if delta > 0 { format!("+{delta}") } else { delta.to_string() }}</td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };

    // The flow chart, drawn by the chart module.
    let chart = {
        let r = review.clone();
        let (from_title, to_title) = (from_title.clone(), to_title.clone());
        move || {
            app.ensure_charts();
            let t = app.t();
            let state = app.charts.get();
            let mut flows: Vec<(FlowCategory, FlowCategory, u32)> = r
                .flows
                .iter()
                .map(|((a, b), n)| (FlowCategory::of(*a), FlowCategory::of(*b), *n as u32))
                .collect();
            flows.extend(
                r.arrivals
                    .iter()
                    .map(|(tier, n)| (FlowCategory::Absent, FlowCategory::of(*tier), *n as u32)),
            );
            flows.extend(
                r.departures
                    .iter()
                    .map(|(tier, n)| (FlowCategory::of(*tier), FlowCategory::Absent, *n as u32)),
            );
            let request = FlowRequest {
                from_title: from_title.clone(),
                to_title: to_title.clone(),
                names: FlowCategory::ALL
                    .iter()
                    .map(|c| match c {
                        FlowCategory::Tier(tier) => t.tier(*tier).to_owned(),
                        FlowCategory::Untiered => t.untiered.to_owned(),
                        FlowCategory::Absent => t.review_absent.to_owned(),
                    })
                    .collect(),
                flows,
                width: 760,
                height: 420,
            };
            let drawn = if state == tools_module::ChartsState::Ready {
                tools_module::draw_flow(&request)
            } else {
                Err(String::new())
            };
            match tools_module::chart_ready(&state, drawn, t) {
                // Only plotters writes this SVG, and it escapes every text it draws.
                Ok(svg) => view! {
                    <div class="chart-frame flow-frame" role="img" data-testid="review-flow"
                        aria-label=fill(t.review_flow_label, &[&from_title, &to_title])>
                        <div class="chart-svg" inner_html=svg></div>
                    </div>
                }
                .into_any(),
                Err(placeholder) => placeholder,
            }
        }
    };

    // The from/to table over the accounts in both registers.
    let from_to = {
        let r = review.clone();
        move || {
            let t = app.t();
            view! {
                <div class="table-wrap">
                    <table class="data-table from-to" data-testid="review-from-to">
                        <thead><tr>
                            <th scope="col"></th>
                            {CATEGORIES.iter().map(|c| view! { <th scope="col">{t.tier_or_untiered(*c)}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {CATEGORIES.iter().map(|a| view! {
                                <tr data-from=a.map_or("none", |t| t.slug())>
                                    <th scope="row">{t.tier_or_untiered(*a)}</th>
                                    {CATEGORIES.iter().map(|b| {
                                        let n = r.flow(*a, *b);
                                        let class = if a != b && n > 0 { "num moved" } else { "num" };
                                        view! { <td class=class data-to=b.map_or("none", |t| t.slug())>{n}</td> }
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        }
    };

    let moved_shown = RwSignal::new(PAGE_SIZE);
    let rescored_shown = RwSignal::new(PAGE_SIZE);
    let movement_rows = {
        let r = review.clone();
        move |which: bool, limit: usize| {
            let t = app.t();
            let language = app.language.get();
            let list = if which { &r.movements } else { &r.rescored };
            // Criteria are named from the later model, or the earlier if it was removed.
            list.iter()
                .take(limit)
                .map(|m| {
                    let why: Vec<String> = m
                        .causes
                        .iter()
                        .map(|c| {
                            cause_text(
                                c,
                                |id| {
                                    r.criteria
                                        .get(&id)
                                        .map(|n| n.get(language).trim().to_owned())
                                        .filter(|n| !n.is_empty())
                                        .unwrap_or_else(|| t.unnamed_criterion.to_owned())
                                },
                                t,
                            )
                        })
                        .collect();
                    move_row(
                        if which {
                            "review-move"
                        } else {
                            "review-rescored"
                        },
                        m.account,
                        m.name.clone(),
                        m.before,
                        m.after,
                        why.join("; "),
                    )
                })
                .collect_view()
        }
    };
    let table = |rows: AnyView, testid: &'static str| moves_table(rows, testid);
    let moves_total = review.movements.len();
    let rescored_total = review.rescored.len();
    let movements = {
        let rows = movement_rows.clone();
        move || {
            if moves_total == 0 {
                return view! { <p data-testid="review-no-moves">{tr(|t| t.review_no_movements)}</p> }.into_any();
            }
            table(rows(true, moved_shown.get()).into_any(), "review-moves").into_any()
        }
    };
    let rescored = {
        let rows = movement_rows.clone();
        move || {
            (rescored_total > 0).then(|| {
                view! {
                    <h3>{tr(|t| t.review_rescored_heading)}</h3>
                    {table(rows(false, rescored_shown.get()).into_any(), "review-rescored-table")}
                    <ShowMore shown=rescored_shown total=Signal::derive(move || rescored_total)/>
                }
            })
        }
    };

    let crossings = {
        let r = review.clone();
        move |entered: bool| {
            let t = app.t();
            let list = if entered { &r.entered } else { &r.left };
            if list.is_empty() {
                return view! { <p>{t.review_none}</p> }.into_any();
            }
            view! {
                <ul data-testid=if entered { "review-entered" } else { "review-left" }>
                    {list.iter().map(|c| {
                        let note = if c.in_register {
                            t.tier_or_untiered(c.other_tier).to_owned()
                        } else if entered {
                            t.review_new_account.to_owned()
                        } else {
                            t.review_removed_account.to_owned()
                        };
                        view! {
                            <li><a href=Route::Account(c.account).href()>{c.name.clone()}</a>" (" {note} ")"</li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };

    let results = {
        let r = review.clone();
        let (from_title, to_title) = (from_title.clone(), to_title.clone());
        move || {
            let t = app.t();
            let column = |i: usize, title: &str| {
                let (met, set) = r.objectives[i];
                let contacts =
                    r.contacts[i].map_or_else(|| t.review_not_logged.to_owned(), |n| n.to_string());
                let inquiries = r.inquiries[i].map_or_else(
                    || fill(t.review_inquiries, &[&t.review_not_logged, &"—", &"—"]),
                    |q| {
                        let met = q
                            .met_percent()
                            .map_or_else(|| "—".to_owned(), |p| format!("{p}%"));
                        fill(t.review_inquiries, &[&q.received, &met, &q.made_targets])
                    },
                );
                view! {
                    <div class="review-results-year" data-testid="review-results">
                        <h3>{title.to_owned()}</h3>
                        <p>{fill(t.review_objectives, &[&set, &met])}</p>
                        <p>{fill(t.review_contacts, &[&contacts])}</p>
                        <p>{inquiries}</p>
                    </div>
                }
            };
            view! {
                <div class="review-results">
                    {column(0, &from_title)}
                    {column(1, &to_title)}
                </div>
            }
        }
    };

    let changes = {
        let r = review.clone();
        move || {
            let t = app.t();
            let language = app.language.get();
            if r.model_changes.is_empty() {
                return view! { <p data-testid="review-model-same">{t.review_model_same}</p> }
                    .into_any();
            }
            view! {
                <ul data-testid="review-model-changes">
                    {r.model_changes.iter().map(|c| view! { <li>{change_text(c, language, t)}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };

    let crossings_entered = crossings.clone();
    let crossings_left = crossings;
    let from_to_caption = {
        let (a, b) = (from_title.clone(), to_title.clone());
        move || fill(app.t().review_fromto_caption, &[&a, &b])
    };
    view! {
        <h3>{tr(|t| t.review_counts_heading)}</h3>
        <div class="table-wrap">
        <table class="data-table review-counts" data-testid="review-counts">
            <thead><tr>
                <th scope="col">{tr(|t| t.col_tier)}</th>
                <th scope="col" class="num">{from_title.clone()}</th>
                <th scope="col" class="num">{to_title.clone()}</th>
                <th scope="col" class="num">{tr(|t| t.col_change)}</th>
            </tr></thead>
            <tbody>{counts}</tbody>
        </table>
        </div>
        <h3>{tr(|t| t.review_flow_heading)}</h3>
        {chart}
        <p class="hint">{from_to_caption}</p>
        {from_to}
        <h3>{tr(|t| t.review_movements_heading)}</h3>
        {movements}
        <ShowMore shown=moved_shown total=Signal::derive(move || moves_total)/>
        {rescored}
        <div class="review-crossings">
            <div>
                <h3>{tr(|t| t.review_entered_heading)}</h3>
                {move || crossings_entered(true)}
            </div>
            <div>
                <h3>{tr(|t| t.review_left_heading)}</h3>
                {move || crossings_left(false)}
            </div>
        </div>
        <h3>{tr(|t| t.review_results_heading)}</h3>
        {results}
        <h3>{tr(|t| t.review_model_heading)}</h3>
        {changes}
    }
}
