//! The evaluation matrix page: the plotters drawing, made interactive by one overlay
//! that hit-tests the pointer against the drawing's hotspots and lets the keyboard step
//! through them; filters; SVG and PNG export.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::matrix::{Markers, MatrixDrawing, MatrixLabels, MatrixPoint, MatrixSize};
use crate::domain::{AccountId, Axis, SizeBand, Tier};
use crate::i18n::{fill, Strings};

use super::dom;
use super::router::{navigate, Route};
use super::state::{use_app, ChartsState, Notice};
use super::tools_module;
use super::widgets::{choice_field, segment_select, tr, NextStep, TierBadge};

/// Above this many points the markers go on a canvas layer instead of into the SVG
/// (see `Markers::Separate`): measured, 1,000 points in SVG mount in about 45 ms.
const CANVAS_ABOVE: usize = 2_000;

fn markers_for(points: &[MatrixPoint]) -> Markers {
    if points.len() > CANVAS_ABOVE {
        Markers::Separate
    } else {
        Markers::InSvg
    }
}

/// How close (in drawing pixels) the pointer must be to a point to pick it.
const PICK_RADIUS: f64 = 12.0;
/// Names listed in a tooltip before "and N more".
const TOOLTIP_NAMES: usize = 8;

pub fn matrix_labels(t: &Strings) -> MatrixLabels {
    MatrixLabels {
        x_axis: t.axis_feasibility.to_owned(),
        y_axis: t.axis_attractiveness.to_owned(),
        zones: Tier::ALL.map(|tier| (tier, t.zone(tier).to_owned())),
    }
}

fn point_summary(t: &Strings, p: &MatrixPoint) -> String {
    let mut tier = t.tier(p.tier).to_owned();
    if p.overridden {
        tier = format!("{tier} ({})", t.overridden_badge);
    }
    fill(
        t.point_summary,
        &[&p.name, &p.attractiveness, &p.feasibility, &tier],
    )
}

/// What the current hotspot holds: where it is (percent of the drawing) and who.
struct Details {
    left: f64,
    top: f64,
    lines: Vec<(AccountId, String)>,
    more: usize,
}

#[component]
pub fn MatrixPage() -> impl IntoView {
    let app = use_app();
    let segment = RwSignal::new(String::new());
    let size = RwSignal::new(None::<SizeBand>);
    let size_spec = MatrixSize::default();

    // Filtered accounts that can be placed: both axis scores and a tier in force.
    let placed = Memo::new(move |_| {
        let segment = segment.get();
        let size = size.get();
        app.ranking.with(|ranking| {
            app.workspace.with(|ws| {
                let mut points = Vec::new();
                let mut not_shown = 0usize;
                let accounts = ws.accounts_by_id();
                for row in &ranking.rows {
                    let Some(account) = accounts.get(&row.account) else {
                        continue;
                    };
                    if (!segment.is_empty() && account.segment.trim() != segment)
                        || (size.is_some() && account.size_band != size)
                    {
                        continue;
                    }
                    let a = &row.assessment;
                    match (
                        a.score(Axis::Attractiveness),
                        a.score(Axis::Feasibility),
                        a.effective,
                    ) {
                        (Some(att), Some(fea), Some(tier)) => points.push(MatrixPoint {
                            account: account.id,
                            name: account.name.clone(),
                            attractiveness: att,
                            feasibility: fea,
                            tier,
                            overridden: a.overridden,
                        }),
                        _ => not_shown += 1,
                    }
                }
                (points, not_shown)
            })
        })
    });
    let drawing = Memo::new(move |_| {
        let t = app.t();
        let thresholds = app.workspace.with(|ws| ws.tiers.thresholds);
        // Drawn by the chart module, once it is loaded (the page shows progress till then).
        if app.charts.get() != ChartsState::Ready {
            return Err(String::new());
        }
        placed.with(|(points, _)| {
            tools_module::draw_matrix(
                points,
                &thresholds,
                &matrix_labels(t),
                size_spec,
                markers_for(points),
            )
        })
    });
    let current = RwSignal::new(None::<usize>);
    let pinned = RwSignal::new(false);

    // Clear the selection whenever the drawing changes: indexes refer to one drawing.
    Effect::new(move |_| {
        drawing.track();
        current.set(None);
        pinned.set(false);
    });

    let hotspot_count = move || drawing.with(|d| d.as_ref().map_or(0, |d| d.hotspots.len()));
    let open_or_pin = move |index: usize| {
        let ids = drawing.with_untracked(|d| {
            d.as_ref()
                .ok()
                .and_then(|d| d.hotspots.get(index))
                .map(|h| h.accounts.clone())
                .unwrap_or_default()
        });
        match ids.as_slice() {
            [one] => navigate(Route::Account(*one)),
            [] => {}
            _ => {
                current.set(Some(index));
                pinned.set(true);
            }
        }
    };
    let pick = move |ev: &web_sys::MouseEvent| -> Option<usize> {
        let target = ev
            .current_target()?
            .dyn_into::<web_sys::HtmlElement>()
            .ok()?;
        let shown_width = f64::from(target.client_width()).max(1.0);
        let scale = f64::from(size_spec.width) / shown_width;
        let (x, y) = (
            f64::from(ev.offset_x()) * scale,
            f64::from(ev.offset_y()) * scale,
        );
        drawing.with_untracked(|d| {
            let d = d.as_ref().ok()?;
            d.hotspots
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    (
                        i,
                        (f64::from(h.x) - x).powi(2) + (f64::from(h.y) - y).powi(2),
                    )
                })
                .filter(|(_, dist)| *dist <= PICK_RADIUS * PICK_RADIUS)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i)
        })
    };
    let on_move = move |ev: web_sys::MouseEvent| {
        if !pinned.get_untracked() {
            current.set(pick(&ev));
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| match pick(&ev) {
        Some(i) => open_or_pin(i),
        None => {
            pinned.set(false);
            current.set(None);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let count = hotspot_count();
        if count == 0 {
            return;
        }
        let now = current.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(now.map_or(0, |i| (i + 1) % count)),
            "ArrowLeft" | "ArrowUp" => Some(now.map_or(count - 1, |i| (i + count - 1) % count)),
            "Home" => Some(0),
            "End" => Some(count - 1),
            "Enter" | " " => {
                if let Some(i) = now {
                    ev.prevent_default();
                    open_or_pin(i);
                }
                None
            }
            "Escape" => {
                pinned.set(false);
                current.set(None);
                None
            }
            _ => return,
        };
        if let Some(i) = next {
            ev.prevent_default();
            pinned.set(false);
            current.set(Some(i));
        }
    };

    // What the current hotspot holds, for the tooltip and the live region.
    let details = move || -> Option<Details> {
        let index = current.get()?;
        let t = app.t();
        drawing.with(|d| {
            let d = d.as_ref().ok()?;
            let h = d.hotspots.get(index)?;
            placed.with(|(points, _)| {
                let lines = h
                    .accounts
                    .iter()
                    .take(TOOLTIP_NAMES)
                    .filter_map(|id| points.iter().find(|p| p.account == *id))
                    .map(|p| (p.account, point_summary(t, p)))
                    .collect();
                Some(Details {
                    left: f64::from(h.x) / f64::from(size_spec.width) * 100.0,
                    top: f64::from(h.y) / f64::from(size_spec.height) * 100.0,
                    lines,
                    more: h.accounts.len().saturating_sub(TOOLTIP_NAMES),
                })
            })
        })
    };

    // Exports always carry the markers in the SVG, even when the page draws them on a
    // canvas layer.
    let full_svg = move || -> Result<String, String> {
        let thresholds = app.workspace.with_untracked(|ws| ws.tiers.thresholds);
        let labels = matrix_labels(app.t());
        placed.with_untracked(|(points, _)| match markers_for(points) {
            Markers::InSvg => {
                drawing.with_untracked(|d| d.as_ref().map(|d| d.svg.clone()).map_err(|e| e.clone()))
            }
            Markers::Separate => {
                tools_module::draw_matrix(points, &thresholds, &labels, size_spec, Markers::InSvg)
                    .map(|d| d.svg)
            }
        })
    };
    let export_svg = move |_| {
        let result = full_svg().and_then(|svg| {
            dom::download_text(
                &format!("kam-matrix-{}.svg", dom::today_stamp()),
                "image/svg+xml",
                &format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}"),
            )
        });
        if let Err(reason) = result {
            app.notify(Notice::Error(fill(app.t().export_failed, &[&reason])));
        }
    };
    let export_png = move |_| {
        let svg = match full_svg() {
            Ok(svg) => svg,
            Err(reason) => {
                app.notify(Notice::Error(fill(app.t().export_failed, &[&reason])));
                return;
            }
        };
        leptos::task::spawn_local(async move {
            let result = match dom::svg_to_png(&svg, size_spec.width, size_spec.height, 2.0).await {
                Ok(blob) => {
                    dom::download_blob(&format!("kam-matrix-{}.png", dom::today_stamp()), &blob)
                }
                Err(e) => Err(e),
            };
            if let Err(reason) = result {
                app.notify(Notice::Error(fill(app.t().export_failed, &[&reason])));
            }
        });
    };

    // The marker layer of crowded charts, drawn once its canvas is in the page.
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    Effect::new(move |_| {
        drawing.track();
        let Some(canvas) = canvas.get() else { return };
        let result =
            placed.with_untracked(|(points, _)| tools_module::draw_matrix_markers(&canvas, points));
        if let Err(reason) = result {
            app.notify(Notice::Error(fill(app.t().chart_failed, &[&reason])));
        }
    });

    app.ensure_charts();
    let chart = move || -> AnyView {
        let t = app.t();
        let MatrixDrawing { svg, .. } =
            match tools_module::chart_ready(&app.charts.get(), drawing.get(), t) {
                Ok(drawing) => drawing,
                Err(placeholder) => return placeholder,
            };
        let separate =
            placed.with_untracked(|(points, _)| markers_for(points)) == Markers::Separate;
        view! {
                <div class="chart-frame matrix-frame" data-testid="matrix">
                    <div class="chart-svg" inner_html=svg></div>
                    {separate.then(|| view! {
                        <canvas class="chart-markers" node_ref=canvas width=size_spec.width height=size_spec.height
                            aria-hidden="true"></canvas>
                    })}
                    <div class="chart-overlay" tabindex="0" role="application"
                        aria-label=tr(|t| t.matrix_label) aria-describedby="matrix-live"
                        data-testid="matrix-overlay"
                        on:mousemove=on_move
                        on:mouseleave=move |_| if !pinned.get_untracked() { current.set(None) }
                        on:click=on_click
                        on:keydown=on_key>
                        {move || details().map(|Details { left: x, top: y, lines, more }| {
                            let is_pinned = pinned.get();
                            view! {
                                <div class="point-focus" style=format!("left:{x:.3}%;top:{y:.3}%")></div>
                                <div class=if is_pinned { "chart-tooltip pinned" } else { "chart-tooltip" }
                                    data-testid="matrix-tooltip"
                                    style=format!("left:{x:.3}%;top:{y:.3}%")>
                                    <ul>
                                        {lines.into_iter().map(|(id, text)| view! {
                                            <li><a href=Route::Account(id).href() tabindex=if is_pinned { "0" } else { "-1" }>{text}</a></li>
                                        }).collect_view()}
                                    </ul>
                                    {(more > 0).then(|| view! { <p>{fill(app.t().more_accounts, &[&more])}</p> })}
                                </div>
                            }
                        })}
                    </div>
                </div>
            }
            .into_any()
    };

    view! {
        <section class="page matrix-page">
            <div class="page-head">
                <h1>{tr(|t| t.matrix_title)}</h1>
                <div class="actions">
                    <button type="button" on:click=export_svg data-testid="export-svg">{tr(|t| t.export_svg)}</button>
                    <button type="button" on:click=export_png data-testid="export-png">{tr(|t| t.export_png)}</button>
                </div>
            </div>
            <div class="filters">
                {segment_select("matrix-segment", segment)}
                {choice_field("matrix_size", |t| t.filter_size, Some(|t| t.filter_all),
                    Signal::derive(move || size.get()), move |s: Option<SizeBand>| size.set(s))}
            </div>
            <Show when=move || placed.with(|(p, _)| !p.is_empty()) fallback=move || view! {
                <div class="empty-state" data-testid="matrix-empty">
                    <p>{tr(|t| t.matrix_empty)}</p>
                    <NextStep here=Route::Matrix/>
                </div>
            }>
                <p class="hint screen-only">{tr(|t| t.matrix_help)}</p>
                {chart}
                <p id="matrix-live" class="visually-hidden" aria-live="polite">
                    {move || details().map(|d| d.lines.into_iter().map(|(_, l)| l).collect::<Vec<_>>().join("; "))}
                </p>
            </Show>
            <div class="chart-legend">
                {Tier::ALL.into_iter().map(|tier| view! { <TierBadge tier=Some(tier)/> }).collect_view()}
                <span>"◯ " {tr(|t| t.legend_override)}</span>
                <span>{move || {
                    let th = app.workspace.with(|ws| ws.tiers.thresholds);
                    fill(app.t().legend_thresholds, &[&th.attractiveness, &th.feasibility])
                }}</span>
            </div>
            <p class="count" data-testid="matrix-count">
                {move || fill(app.t().matrix_shown, &[&placed.with(|(p, _)| p.len())])}
                " "
                {move || {
                    let n = placed.with(|(_, n)| *n);
                    (n > 0).then(|| fill(app.t().matrix_not_shown, &[&n]))
                }}
            </p>
        </section>
    }
}
