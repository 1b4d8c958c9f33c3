//! The evaluation matrix page: the plotters drawing, made interactive by one overlay
//! that hit-tests the pointer against the drawing's hotspots and lets the keyboard step
//! through them; filters; SVG and PNG export. On a phone the chart is drawn at the
//! screen's width, a tap reads a point, and a list below names every account.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::matrix::{
    nearest_hotspot, Markers, MatrixDrawing, MatrixLabels, MatrixPoint, MatrixSize, PHONE_WIDTH,
};
use crate::domain::{AccountId, Axis, SizeBand, Tier};
use crate::i18n::{fill, Strings};

use super::dom;
use super::router::{navigate, Route};
use super::state::{use_app, Notice};
use super::tools_module::{self, ChartsState};
use super::widgets::{choice_field, segment_select, tr, NextStep, ShowMore, TierBadge, PAGE_SIZE};

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
/// How close (in CSS pixels) a finger must land: a fingertip covers more than a pointer.
const TAP_RADIUS: f64 = 22.0;
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

/// The page's width in CSS pixels (without a scroll bar); none outside a browser.
fn screen_width() -> Option<f64> {
    let root = web_sys::window()?.document()?.document_element()?;
    Some(f64::from(root.client_width()))
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
    let owner = RwSignal::new(None::<crate::domain::engagement::team::ColleagueId>);
    let within: super::pages::Within = RwSignal::new(None);
    // The drawing's size follows the screen (see `MatrixSize::for_screen`); resizing
    // redraws only when that size changes.
    let screen = RwSignal::new(screen_width().unwrap_or(0.0));
    let resize = window_event_listener_untyped("resize", move |_| {
        if let Some(width) = screen_width() {
            screen.set(width);
        }
    });
    on_cleanup(move || resize.remove());
    let size_memo = Memo::new(move |_| MatrixSize::for_screen(screen.get()));
    let narrow = Memo::new(move |_| screen.get() > 0.0 && screen.get() <= PHONE_WIDTH);

    // Filtered accounts that can be placed: both axis scores and a tier in force.
    let placed = Memo::new(move |_| {
        let segment = segment.get();
        let size = size.get();
        let owner = owner.get();
        let within = within.get();
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
                        || owner.is_some_and(|o| !account.is_owned_by(o))
                        || within
                            .as_ref()
                            .is_some_and(|w| w.binary_search(&account.id).is_err())
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
        let size = size_memo.get();
        placed.with(|(points, _)| {
            tools_module::draw_matrix(
                points,
                &thresholds,
                &matrix_labels(t),
                size,
                markers_for(points),
            )
            .map(|d| (d, size))
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

    let hotspot_count = move || drawing.with(|d| d.as_ref().map_or(0, |(d, _)| d.hotspots.len()));
    // A tap only reads a point (its tooltip stays, with links); a click on a point
    // with one account opens it, as hovering has already shown what it is.
    let touch = RwSignal::new(false);
    // `read_first`: a point with one account is read (pinned), not opened.
    let open_or_pin = move |index: usize, read_first: bool| {
        let ids = drawing.with_untracked(|d| {
            d.as_ref()
                .ok()
                .and_then(|(d, _)| d.hotspots.get(index))
                .map(|h| h.accounts.clone())
                .unwrap_or_default()
        });
        match ids.as_slice() {
            [one] if !read_first => navigate(Route::Account(*one)),
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
        drawing.with_untracked(|d| {
            let (d, size) = d.as_ref().ok()?;
            let scale = f64::from(size.width) / shown_width;
            let (x, y) = (
                f64::from(ev.offset_x()) * scale,
                f64::from(ev.offset_y()) * scale,
            );
            let radius = if touch.get_untracked() {
                PICK_RADIUS.max(TAP_RADIUS * scale)
            } else {
                PICK_RADIUS
            };
            nearest_hotspot(&d.hotspots, (x, y), radius)
        })
    };
    let on_move = move |ev: web_sys::MouseEvent| {
        if !pinned.get_untracked() {
            current.set(pick(&ev));
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| match pick(&ev) {
        Some(i) => open_or_pin(i, touch.get_untracked()),
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
                    open_or_pin(i, false);
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
            let (d, size) = d.as_ref().ok()?;
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
                    left: f64::from(h.x) / f64::from(size.width) * 100.0,
                    top: f64::from(h.y) / f64::from(size.height) * 100.0,
                    lines,
                    more: h.accounts.len().saturating_sub(TOOLTIP_NAMES),
                })
            })
        })
    };

    // Exports are always the full-size drawing with the markers in the SVG, whatever
    // the screen, and even when the page draws them on a canvas layer.
    let export_size = MatrixSize::default();
    let full_svg = move || -> Result<String, String> {
        let thresholds = app.workspace.with_untracked(|ws| ws.tiers.thresholds);
        let labels = matrix_labels(app.t());
        let shown = drawing.with_untracked(|d| match d {
            Ok((d, size)) if *size == export_size => Some(d.svg.clone()),
            _ => None,
        });
        placed.with_untracked(|(points, _)| match (markers_for(points), shown) {
            (Markers::InSvg, Some(svg)) => Ok(svg),
            _ => {
                tools_module::draw_matrix(points, &thresholds, &labels, export_size, Markers::InSvg)
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
            let result =
                match dom::svg_to_png(&svg, export_size.width, export_size.height, 2.0).await {
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
        let thresholds = app.workspace.with_untracked(|ws| ws.tiers.thresholds);
        let result = placed.with_untracked(|(points, _)| {
            tools_module::draw_matrix_markers(&canvas, points, &thresholds)
        });
        if let Err(reason) = result {
            app.notify(Notice::Error(fill(app.t().chart_failed, &[&reason])));
        }
    });

    app.ensure_charts();
    let chart = move || -> AnyView {
        let t = app.t();
        let (MatrixDrawing { svg, .. }, size) =
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
                        <canvas class="chart-markers" node_ref=canvas width=size.width height=size.height
                            aria-hidden="true"></canvas>
                    })}
                    <div class="chart-overlay" tabindex="0" role="application"
                        aria-label=tr(|t| t.matrix_label) aria-describedby="matrix-live"
                        data-testid="matrix-overlay"
                        on:pointerdown=move |ev: web_sys::PointerEvent| touch.set(ev.pointer_type() != "mouse")
                        on:mousemove=on_move
                        on:mouseleave=move |_| if !pinned.get_untracked() { current.set(None) }
                        on:click=on_click
                        on:keydown=on_key>
                        {move || details().map(|Details { left: x, top: y, lines, more }| {
                            let is_pinned = pinned.get();
                            // Placed through style properties, never a `style` attribute,
                            // which the page's content-security policy refuses.
                            view! {
                                <div class="point-focus" style:left=format!("{x:.3}%") style:top=format!("{y:.3}%")></div>
                                <div class=if is_pinned { "chart-tooltip pinned" } else { "chart-tooltip" }
                                    data-testid="matrix-tooltip"
                                    style:left=format!("{x:.3}%") style:top=format!("{y:.3}%")>
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
                {super::pages::owner_filter(app, owner, "matrix-owner")}
                {super::pages::category_filter(app, within, "matrix-category")}
            </div>
            <Show when=move || placed.with(|(p, _)| !p.is_empty()) fallback=move || view! {
                <div class="empty-state" data-testid="matrix-empty">
                    <p>{tr(|t| t.matrix_empty)}</p>
                    <NextStep here=Route::Matrix/>
                </div>
            }>
                <p class="hint screen-only" data-testid="matrix-help">
                    {move || if narrow.get() { app.t().matrix_help_touch } else { app.t().matrix_help }}
                </p>
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
            <Show when=move || narrow.get() && placed.with(|(p, _)| !p.is_empty())>
                <MatrixList placed=placed/>
            </Show>
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

/// The accounts on the matrix as a list, best ranked first, for screens too small to
/// point at markers: each entry says where the account sits and opens it. Names are
/// text nodes, so any name stays text.
#[component]
fn MatrixList(placed: Memo<(Vec<MatrixPoint>, usize)>) -> impl IntoView {
    let app = use_app();
    let shown = RwSignal::new(PAGE_SIZE);
    let total = Signal::derive(move || placed.with(|(p, _)| p.len()));
    let entries = move || {
        let t = app.t();
        placed.with(|(points, _)| {
            points
                .iter()
                .take(shown.get())
                .map(|p| {
                    let scores = fill(t.matrix_list_scores, &[&p.attractiveness, &p.feasibility]);
                    let (tier, overridden) = (p.tier, p.overridden);
                    view! {
                        <li>
                            <a class="matrix-entry" href=Route::Account(p.account).href()>
                                <span class="matrix-entry-name">{p.name.clone()}</span>
                                <span class="matrix-entry-facts">
                                    <TierBadge tier=Some(tier) overridden=overridden/>
                                    <span>{scores}</span>
                                </span>
                            </a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="matrix-list" data-testid="matrix-list" aria-labelledby="matrix-list-title">
            <h2 id="matrix-list-title">{tr(|t| t.matrix_list_title)}</h2>
            <ol>{entries}</ol>
            <ShowMore shown=shown total=total/>
        </section>
    }
}
