//! The what-if view beside the model editor: what applying the draft (or any other
//! model of the workspace) would change — the accounts that change tier with their
//! scores before and after and why, the tier counts against the planned sizes, and a
//! matrix with an arrow per move. The comparison itself is `domain::whatif`.

use leptos::prelude::*;

use crate::charts::matrix::{Arrow, MatrixPoint, MatrixSize, Shifts, MAX_ARROWS};
use crate::domain::review::{closed_models, model_changes, ClosedModel, ModelChange};
use crate::domain::whatif::{compare, Cause, Position, Scenario, WhatIf};
use crate::domain::{
    AccountId, Axis, CriterionId, Language, ScoringModel, Thresholds, Tier, Workspace,
};
use crate::i18n::{fill, Strings};

use super::router::Route;
use super::state::{use_app, AppState};
use super::tools_module::{self, ChartsState};
use super::widgets::{score_text, tr, ShowMore, TierBadge, PAGE_SIZE};

/// A model the view can compare: the one in force, the draft, or a closed year's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    InForce,
    Draft,
    Year(i32),
}

impl Source {
    fn slug(self) -> String {
        match self {
            Source::InForce => "in-force".into(),
            Source::Draft => "draft".into(),
            Source::Year(y) => y.to_string(),
        }
    }

    fn parse(slug: &str) -> Option<Source> {
        match slug {
            "in-force" => Some(Source::InForce),
            "draft" => Some(Source::Draft),
            y => y.parse().ok().map(Source::Year),
        }
    }

    fn label(self, t: &Strings) -> String {
        match self {
            Source::InForce => t.source_in_force.to_owned(),
            Source::Draft => t.source_draft.to_owned(),
            Source::Year(y) => fill(t.source_year, &[&y]),
        }
    }

    /// The source's model and thresholds; none for a year not closed (any more).
    fn of<'a>(
        self,
        ws: &'a Workspace,
        years: &'a [ClosedModel],
    ) -> Option<(&'a ScoringModel, Thresholds)> {
        match self {
            Source::InForce => Some((&ws.model, ws.tiers.thresholds)),
            Source::Draft => Some((ws.editable_model(), ws.editable_thresholds())),
            Source::Year(y) => years
                .iter()
                .find(|m| m.year == y)
                .map(|m| (&m.model, m.thresholds)),
        }
    }
}

/// What the view shows: nothing to compare, or the comparison.
fn what_if(ws: &Workspace, years: &[ClosedModel], from: Source, to: Source) -> Option<WhatIf> {
    let (model_a, thresholds_a) = from.of(ws, years)?;
    let (model_b, thresholds_b) = to.of(ws, years)?;
    if model_a == model_b && thresholds_a == thresholds_b {
        return None;
    }
    Some(compare(
        &ws.accounts,
        Scenario {
            model: model_a,
            thresholds: &thresholds_a,
        },
        Scenario {
            model: model_b,
            thresholds: &thresholds_b,
        },
    ))
}

/// What applying the draft would change: computed once for the model page's bar and
/// the panel's default comparison.
pub fn draft_memo(app: AppState) -> Memo<Option<WhatIf>> {
    Memo::new(move |_| {
        app.workspace
            .with(|ws| what_if(ws, &[], Source::InForce, Source::Draft))
    })
}

/// A model change in words.
pub fn change_text(change: &ModelChange, language: Language, t: &Strings) -> String {
    match change {
        ModelChange::Added { axis, name, weight } => fill(
            t.change_added,
            &[&name.get(language), &t.axis_short(*axis), weight],
        ),
        ModelChange::Removed { axis, name, weight } => fill(
            t.change_removed,
            &[&name.get(language), &t.axis_short(*axis), weight],
        ),
        ModelChange::Renamed { from, to } => {
            fill(t.change_renamed, &[&from.get(language), &to.get(language)])
        }
        ModelChange::Weight { name, from, to } => {
            fill(t.cause_weight, &[&name.get(language), from, to])
        }
        ModelChange::Threshold { axis, from, to } => {
            fill(t.cause_threshold, &[&t.axis_short(*axis), from, to])
        }
    }
}

fn criterion_name(
    ws: &Workspace,
    years: &[ClosedModel],
    sources: (Source, Source),
    id: CriterionId,
    language: Language,
    t: &Strings,
) -> String {
    // The newer model's name first: a criterion renamed since reads as it is called now.
    let model = |source: Source| source.of(ws, years).map(|(m, _)| m);
    let criterion = model(sources.1)
        .and_then(|m| m.criterion(id))
        .or_else(|| model(sources.0).and_then(|m| m.criterion(id)));
    match criterion.map(|c| c.name.get(language).trim().to_owned()) {
        Some(name) if !name.is_empty() => name,
        _ => t.unnamed_criterion.to_owned(),
    }
}

/// One account's move: its name, the tiers, both scores before and after, and why.
pub fn move_row(
    testid: &'static str,
    account: AccountId,
    name: String,
    before: Position,
    after: Position,
    why: String,
) -> impl IntoView {
    let scores = move |axis: Axis| {
        format!(
            "{} → {}",
            score_text(before.score(axis)),
            score_text(after.score(axis))
        )
    };
    view! {
        <tr data-testid=testid data-account=account.to_string()>
            <th scope="row"><a href=Route::Account(account).href()>{name}</a></th>
            <td class="tier-change"><TierBadge tier=before.tier/>" → "<TierBadge tier=after.tier/></td>
            <td class="num">{scores(Axis::Attractiveness)}</td>
            <td class="num">{scores(Axis::Feasibility)}</td>
            <td class="why">{why}</td>
        </tr>
    }
}

/// The table of [`move_row`]s.
pub fn moves_table(rows: AnyView, testid: &'static str) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="data-table whatif-moves" data-testid=testid>
                <thead><tr>
                    <th scope="col">{tr(|t| t.field_name)}</th>
                    <th scope="col">{tr(|t| t.col_tier_change)}</th>
                    <th scope="col" class="num">{tr(|t| t.col_attractiveness)}</th>
                    <th scope="col" class="num">{tr(|t| t.col_feasibility)}</th>
                    <th scope="col">{tr(|t| t.col_why)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One cause in words.
pub fn cause_text(cause: &Cause, name: impl Fn(CriterionId) -> String, t: &Strings) -> String {
    let value = |v: Option<u8>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
    match cause {
        Cause::Threshold { axis, from, to } => {
            fill(t.cause_threshold, &[&t.axis_short(*axis), from, to])
        }
        Cause::Weight {
            criterion,
            from,
            to,
        } => fill(t.cause_weight, &[&name(*criterion), from, to]),
        Cause::CriterionAdded { criterion } => fill(t.cause_added, &[&name(*criterion)]),
        Cause::CriterionRemoved { criterion } => fill(t.cause_removed, &[&name(*criterion)]),
        Cause::Score {
            criterion,
            from,
            to,
        } => fill(
            t.cause_score,
            &[&name(*criterion), &value(*from), &value(*to)],
        ),
    }
}

fn source_select(
    label: fn(&Strings) -> &'static str,
    testid: &'static str,
    value: RwSignal<Source>,
    years: Memo<Vec<ClosedModel>>,
) -> impl IntoView {
    let app = use_app();
    let options = move || {
        let t = app.t();
        let mut sources = vec![Source::InForce, Source::Draft];
        sources.extend(years.with(|y| y.iter().map(|m| Source::Year(m.year)).collect::<Vec<_>>()));
        sources
            .into_iter()
            .map(|s| view! { <option value=s.slug() prop:selected=move || value.get() == s>{s.label(t)}</option> })
            .collect_view()
    };
    view! {
        <label class="field">
            <span>{tr(label)}</span>
            <select data-testid=testid on:change=move |ev| {
                if let Some(source) = Source::parse(&event_target_value(&ev)) {
                    value.set(source);
                }
            }>
                {options}
            </select>
        </label>
    }
}

#[component]
pub fn WhatIfPanel(
    /// The draft against the model in force ([`draft_memo`]), shared with the page.
    draft: Memo<Option<WhatIf>>,
) -> impl IntoView {
    let app = use_app();
    let from = RwSignal::new(Source::InForce);
    let to = RwSignal::new(Source::Draft);
    // The closed years' models, read again only when the closed years change.
    let snapshots = Memo::new(move |_| app.workspace.with(|ws| ws.snapshots.clone()));
    let years = Memo::new(move |_| {
        snapshots.with(|doc| doc.as_ref().and_then(closed_models).unwrap_or_default())
    });
    let result = Memo::new(move |_| {
        let (from, to) = (from.get(), to.get());
        if (from, to) == (Source::InForce, Source::Draft) {
            return draft.get();
        }
        years.with(|years| app.workspace.with(|ws| what_if(ws, years, from, to)))
    });
    let differences = Memo::new(move |_| {
        let (from, to) = (from.get(), to.get());
        years.with(|years| {
            app.workspace.with(|ws| {
                let (a, ta) = from.of(ws, years)?;
                let (b, tb) = to.of(ws, years)?;
                Some(model_changes(a, &ta, b, &tb))
            })
        })
    });
    let shown = RwSignal::new(PAGE_SIZE);
    let total = Signal::derive(move || result.with(|r| r.as_ref().map_or(0, |w| w.moves.len())));

    let summary = move || {
        let t = app.t();
        result.with(|r| match r {
            None => vec![t.whatif_same.to_owned()],
            Some(w) => {
                let mut lines = vec![if w.moves.is_empty() {
                    t.whatif_none.to_owned()
                } else {
                    fill(t.whatif_moves, &[&w.moves.len()])
                }];
                if w.rescored > 0 {
                    lines.push(fill(t.whatif_rescored, &[&w.rescored]));
                }
                if w.held_by_override > 0 {
                    lines.push(fill(t.whatif_held, &[&w.held_by_override]));
                }
                lines
            }
        })
    };

    let counts = move || {
        result.with(|r| {
            r.as_ref().map(|w| {
                let planned = app.workspace.with(|ws| ws.tiers.planned);
                let rows = Tier::ALL.into_iter().map(|tier| {
                    let (now, after) = (w.counts_before.count(tier), w.counts_after.count(tier));
                    let delta = i64::from(after) - i64::from(now);
                    let delta = match delta {
                        0 => String::new(),
                        d if d > 0 => format!(" (+{d})"),
                        d => format!(" ({d})"),
                    };
                    let planned_text = match tier {
                        Tier::NotPursued => "—".to_owned(),
                        _ => planned.planned(tier, 0).to_string(),
                    };
                    view! {
                        <tr data-tier=tier.slug()>
                            <th scope="row"><TierBadge tier=Some(tier)/></th>
                            <td class="num">{planned_text}</td>
                            <td class="num">{now}</td>
                            <td class="num" data-testid="whatif-after">{format!("{after}{delta}")}</td>
                        </tr>
                    }
                });
                view! {
                    <table class="data-table whatif-counts" data-testid="whatif-counts">
                        <thead><tr>
                            <th scope="col">{tr(|t| t.col_tier)}</th>
                            <th scope="col" class="num">{tr(|t| t.col_planned)}</th>
                            <th scope="col" class="num">{tr(|t| t.col_now)}</th>
                            <th scope="col" class="num">{tr(|t| t.col_after)}</th>
                        </tr></thead>
                        <tbody>{rows.collect_view()}</tbody>
                    </table>
                }
            })
        })
    };

    let moves = move || {
        let t = app.t();
        let language = app.language.get();
        let limit = shown.get();
        result.with(|r| {
            let w = r.as_ref()?;
            if w.moves.is_empty() {
                return None;
            }
            let rows = app.workspace.with(|ws| {
                let by_id = ws.accounts_by_id();
                let (f, to_source) = (from.get_untracked(), to.get_untracked());
                let years = years.get_untracked();
                w.moves
                    .iter()
                    .take(limit)
                    .map(|m| {
                        let name = by_id
                            .get(&m.account)
                            .map(|a| a.name.clone())
                            .unwrap_or_default();
                        let why: Vec<String> = m
                            .causes
                            .iter()
                            .map(|c| {
                                cause_text(
                                    c,
                                    |id| {
                                        criterion_name(ws, &years, (f, to_source), id, language, t)
                                    },
                                    t,
                                )
                            })
                            .collect();
                        move_row(
                            "whatif-move",
                            m.account,
                            name,
                            m.before,
                            m.after,
                            why.join("; "),
                        )
                    })
                    .collect_view()
            });
            Some(moves_table(rows.into_any(), "whatif-moves"))
        })
    };

    // The matrix of the moves, drawn by the chart module once it is loaded; only the
    // moving accounts are on it (the table names them all).
    let drawing = Memo::new(move |_| {
        let state = app.charts.get();
        let t = app.t();
        result.with(|r| {
            let w = r.as_ref()?;
            if w.moves.is_empty() {
                return None;
            }
            if state != ChartsState::Ready {
                return Some(Err(String::new()));
            }
            let years = years.get_untracked();
            let (thresholds_before, thresholds_after, points) = app.workspace.with(|ws| {
                let by_id = ws.accounts_by_id();
                let points: Vec<MatrixPoint> = w
                    .moves
                    .iter()
                    .take(MAX_ARROWS)
                    .filter_map(|m| {
                        Some(MatrixPoint {
                            account: m.account,
                            name: by_id.get(&m.account)?.name.clone(),
                            attractiveness: m.after.attractiveness?,
                            feasibility: m.after.feasibility?,
                            tier: m.after.tier?,
                            overridden: false,
                        })
                    })
                    .collect();
                let thresholds = |s: Source| s.of(ws, &years).map(|(_, t)| t).unwrap_or_default();
                (
                    thresholds(from.get_untracked()),
                    thresholds(to.get_untracked()),
                    points,
                )
            });
            let arrows = w
                .moves
                .iter()
                .take(MAX_ARROWS)
                .filter_map(|m| {
                    let from = (m.before.feasibility?, m.before.attractiveness?);
                    let to = (
                        m.after.feasibility.unwrap_or(from.0),
                        m.after.attractiveness.unwrap_or(from.1),
                    );
                    Some(Arrow {
                        from,
                        to,
                        from_tier: m.before.tier,
                    })
                })
                .collect();
            let shifts = Shifts {
                former_thresholds: Some(thresholds_before),
                arrows,
            };
            Some(
                tools_module::draw_matrix_over(
                    &points,
                    &thresholds_after,
                    &super::matrix_page::matrix_labels(t),
                    MatrixSize::default(),
                    crate::charts::matrix::Markers::InSvg,
                    shifts,
                )
                .map(|d| d.svg),
            )
        })
    });
    let matrix =
        move || {
            let drawn = drawing.get()?;
            app.ensure_charts();
            let t = app.t();
            Some(match tools_module::chart_ready(&app.charts.get(), drawn, t) {
            // Only plotters writes this SVG, and it escapes every text it draws.
            Ok(svg) => view! {
                <figure class="whatif-matrix">
                    <div class="chart-frame" role="img" aria-label=tr(|t| t.whatif_matrix_label)
                        data-testid="whatif-matrix">
                        <div class="chart-svg" inner_html=svg></div>
                    </div>
                    <figcaption class="hint">{tr(|t| t.whatif_matrix_caption)}</figcaption>
                </figure>
            }
            .into_any(),
            Err(placeholder) => placeholder,
        })
        };

    view! {
        <section class="card whatif" id="whatif" data-testid="whatif" aria-labelledby="whatif-heading">
            <h2 id="whatif-heading">{tr(|t| t.whatif_heading)}</h2>
            <div class="inline-form whatif-sources">
                {source_select(|t| t.whatif_from, "whatif-from", from, years)}
                {source_select(|t| t.whatif_to, "whatif-to", to, years)}
            </div>
            <div role="status" data-testid="whatif-summary">
                {move || summary().into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
            </div>
            {move || differences.with(|d| d.as_ref().filter(|d| !d.is_empty()).map(|d| {
                let t = app.t();
                let language = app.language.get();
                view! {
                    <h3>{t.whatif_model_changes}</h3>
                    <ul data-testid="whatif-model-changes">
                        {d.iter().map(|c| view! { <li>{change_text(c, language, t)}</li> }).collect_view()}
                    </ul>
                }
            }))}
            {counts}
            {matrix}
            {moves}
            <ShowMore shown=shown total=total/>
        </section>
    }
}
