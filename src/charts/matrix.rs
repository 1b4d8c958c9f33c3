//! The evaluation matrix (客户评估矩阵, KAM-SPEC §2.3.3): feasibility on x, attractiveness
//! on y, both 1–10; the thresholds split it into four shaded, named zones; one marker per
//! tiered account, coloured and shaped by tier, overrides ringed.

use std::collections::BTreeMap;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

use super::{estimate_width, fit, shorten, tier_color, DrawError};
use crate::domain::{AccountId, Tenths, Thresholds, Tier};

/// One account on the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixPoint {
    pub account: AccountId,
    pub name: String,
    pub attractiveness: Tenths,
    pub feasibility: Tenths,
    pub tier: Tier,
    pub overridden: bool,
}

/// Texts drawn on the chart, in the user's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixLabels {
    pub x_axis: String,
    pub y_axis: String,
    /// Zone names, one per tier (the zone a tier's rule lands in).
    pub zones: [(Tier, String); 4],
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixSize {
    pub width: u32,
    pub height: u32,
    /// At most this many points get a name beside them; the rest show on hover.
    pub max_labels: usize,
}

impl Default for MatrixSize {
    fn default() -> Self {
        Self {
            width: 760,
            height: 560,
            max_labels: 40,
        }
    }
}

/// A place on the chart where one or more accounts sit, in SVG pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hotspot {
    pub x: i32,
    pub y: i32,
    /// In the order the points were given (best ranked first).
    pub accounts: Vec<AccountId>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatrixDrawing {
    pub svg: String,
    pub hotspots: Vec<Hotspot>,
    /// Accounts whose name is written on the chart.
    pub labelled: Vec<AccountId>,
    /// The rectangle of the plotting area, in SVG pixels: (left, top, right, bottom).
    pub plot_area: (i32, i32, i32, i32),
}

/// Everything but the points, sent to the chart module as JSON (see [`super::module`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixRequest {
    pub thresholds: Thresholds,
    pub labels: MatrixLabels,
    pub size: MatrixSize,
    /// Names of the first points, in order; only these can be written on the chart.
    pub names: Vec<String>,
    pub markers: Markers,
}

/// Names sent with a request: more than enough candidates for the labels.
pub const NAMED_POINTS: usize = 200;

/// Hotspots flattened for crossing into JavaScript: `x, y, n, member × n` each.
pub fn pack_hotspots(hotspots: &[Hotspot]) -> Vec<i64> {
    let mut out = Vec::new();
    for h in hotspots {
        out.extend([i64::from(h.x), i64::from(h.y), h.accounts.len() as i64]);
        out.extend(h.accounts.iter().map(|a| *a as i64));
    }
    out
}

/// The inverse of [`pack_hotspots`]; `None` if the data is cut short.
pub fn unpack_hotspots(packed: &[i64]) -> Option<Vec<Hotspot>> {
    let mut out = Vec::new();
    let mut rest = packed;
    while let [x, y, n, tail @ ..] = rest {
        let n = usize::try_from(*n).ok()?;
        let members = tail.get(..n)?;
        out.push(Hotspot {
            x: i32::try_from(*x).ok()?,
            y: i32::try_from(*y).ok()?,
            accounts: members.iter().map(|m| *m as AccountId).collect(),
        });
        rest = &tail[n..];
    }
    rest.is_empty().then_some(out)
}

const LOW: f64 = 0.5;
const HIGH: f64 = 10.5;
const LABEL_SIZE: f64 = 12.0;
/// Past this many positions the chart is crowded: no counts beside markers, and labels
/// stop checking for overlap with every marker.
const CROWDED: usize = 400;

fn value(t: Tenths) -> f64 {
    f64::from(t.0) / 10.0
}

/// Draws the matrix. `points` should come best ranked first: labels go to the first
/// points that have room.
pub fn draw_matrix(
    points: &[MatrixPoint],
    thresholds: &Thresholds,
    labels: &MatrixLabels,
    size: MatrixSize,
) -> Result<MatrixDrawing, DrawError> {
    draw_matrix_with(points, thresholds, labels, size, Markers::InSvg)
}

/// Where the point markers go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Markers {
    /// In the SVG with everything else.
    InSvg,
    /// Left out of the SVG, to be drawn on a canvas layer by [`draw_markers_on`]: with
    /// thousands of positions, thousands of SVG elements take longer to lay out than
    /// the page can afford (measured: 10,000 accounts 123 ms with SVG markers).
    Separate,
}

/// [`draw_matrix`] with the choice of where markers go.
pub fn draw_matrix_with(
    points: &[MatrixPoint],
    thresholds: &Thresholds,
    labels: &MatrixLabels,
    size: MatrixSize,
    markers: Markers,
) -> Result<MatrixDrawing, DrawError> {
    let mut svg = String::new();
    let (hotspots, labelled, plot_area) = {
        let root = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        let out =
            draw_on(&root, points, thresholds, labels, size, markers).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
        out
    };
    Ok(MatrixDrawing {
        svg,
        hotspots,
        labelled,
        plot_area,
    })
}

type Drawn = (Vec<Hotspot>, Vec<AccountId>, (i32, i32, i32, i32));

type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The chart's coordinate system on `root`: the same on every backend, so a canvas
/// layer of markers lines up with the SVG beneath it.
fn chart_on<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
) -> Result<Chart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    ChartBuilder::on(root)
        .margin(14)
        .x_label_area_size(46)
        .y_label_area_size(54)
        .build_cartesian_2d(LOW..HIGH, LOW..HIGH)
}

/// Points sharing a position, keyed by position (feasibility, attractiveness); each
/// group keeps the index of its best-ranked member, for ordering hotspots.
fn group_points(points: &[MatrixPoint]) -> BTreeMap<(u32, u32), (usize, Vec<&MatrixPoint>)> {
    let mut groups: BTreeMap<(u32, u32), (usize, Vec<&MatrixPoint>)> = BTreeMap::new();
    for (index, p) in points.iter().enumerate() {
        groups
            .entry((p.feasibility.0, p.attractiveness.0))
            .or_insert_with(|| (index, Vec::new()))
            .1
            .push(p);
    }
    groups
}

/// Draws only the markers, then the names of up to `max_labels` best-ranked points on a
/// white backing, on a transparent `root` of the chart's size: the layer over an SVG
/// drawn with [`Markers::Separate`]. Returns the accounts named.
pub fn draw_markers_on<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[MatrixPoint],
    max_labels: usize,
) -> Result<Vec<AccountId>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut chart = chart_on(root)?;
    for ((f, a), (_, members)) in &group_points(points) {
        let at = (f64::from(*f) / 10.0, f64::from(*a) / 10.0);
        let overridden = members.iter().any(|m| m.overridden);
        draw_marker(&mut chart, at, members[0].tier, overridden)?;
    }
    let labelled = place_labels(root, &chart, points, Vec::new(), max_labels, true)?;
    root.present()?;
    Ok(labelled)
}

fn draw_on<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[MatrixPoint],
    thresholds: &Thresholds,
    labels: &MatrixLabels,
    size: MatrixSize,
    markers: Markers,
) -> Result<Drawn, DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let mut chart = chart_on(root)?;
    chart
        .configure_mesh()
        .x_labels(10)
        .y_labels(10)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .x_desc(labels.x_axis.as_str())
        .y_desc(labels.y_axis.as_str())
        .axis_desc_style(("sans-serif", 15))
        .label_style(("sans-serif", 12))
        .light_line_style(RGBColor(0xee, 0xee, 0xee))
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
        .draw()?;

    let (ta, tf) = (
        value(thresholds.attractiveness),
        value(thresholds.feasibility),
    );
    // The zone each tier's rule lands in: (x range, y range).
    let zone = |tier: Tier| match tier {
        Tier::Tier1 => ((tf, HIGH), (ta, HIGH)),
        Tier::Tier3 => ((LOW, tf), (ta, HIGH)),
        Tier::Tier2 => ((tf, HIGH), (LOW, ta)),
        Tier::NotPursued => ((LOW, tf), (LOW, ta)),
    };
    // Zone names, then point labels, are kept apart: each placed text's box is kept.
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    for (tier, name) in &labels.zones {
        let ((x0, x1), (y0, y1)) = zone(*tier);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x0, y0), (x1, y1)],
            tier_color(*tier).mix(0.09).filled(),
        )))?;
        // The name sits in the zone's top-left corner, if the zone is wide enough.
        let (px0, py0) = chart.backend_coord(&(x0, y1));
        let (px1, _) = chart.backend_coord(&(x1, y1));
        if f64::from(px1 - px0) > 30.0 {
            let text = fit(name, 13.0, f64::from(px1 - px0) - 10.0);
            placed.push((
                f64::from(px0 + 6),
                f64::from(py0 + 4),
                f64::from(px0 + 6) + estimate_width(&text, 13.0),
                f64::from(py0 + 4) + 15.0,
            ));
            root.draw(&Text::new(
                text,
                (px0 + 6, py0 + 4),
                ("sans-serif", 13).into_font().color(&tier_color(*tier)),
            ))?;
        }
    }
    let threshold_style = ShapeStyle::from(&RGBColor(0x33, 0x33, 0x33)).stroke_width(2);
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(tf, LOW), (tf, HIGH)],
        threshold_style,
    )))?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(LOW, ta), (HIGH, ta)],
        threshold_style,
    )))?;

    // Group points that share a position: one hotspot each, all accounts reachable.
    let groups = group_points(points);
    let mut hotspots = Vec::with_capacity(groups.len());
    let mut first_index = Vec::with_capacity(groups.len());
    for ((f, a), (first_at, members)) in &groups {
        first_index.push(*first_at);
        let at = (f64::from(*f) / 10.0, f64::from(*a) / 10.0);
        let (x, y) = chart.backend_coord(&at);
        // The best-ranked member decides the marker; later ones under it are the same
        // position, so drawing each would only add bytes.
        if markers == Markers::InSvg {
            let overridden = members.iter().any(|m| m.overridden);
            draw_marker(&mut chart, at, members[0].tier, overridden)?;
        }
        // "×3" beside shared positions, while the chart is sparse enough to read it (and
        // to keep large charts light); the tooltip always lists everyone there.
        if members.len() > 1 && groups.len() <= CROWDED {
            root.draw(&Text::new(
                format!("×{}", members.len()),
                (x + 6, y + 2),
                ("sans-serif", 10)
                    .into_font()
                    .color(&RGBColor(0x33, 0x33, 0x33)),
            ))?;
        }
        // Members keep the order of `points` (best ranked first).
        let accounts: Vec<AccountId> = members.iter().map(|m| m.account).collect();
        hotspots.push(Hotspot { x, y, accounts });
    }

    let (left, top) = chart.backend_coord(&(LOW, HIGH));
    let (right, bottom) = chart.backend_coord(&(HIGH, LOW));
    // Labels also keep off the markers, while there are few enough to check.
    if hotspots.len() <= CROWDED {
        placed.extend(hotspots.iter().map(|h| {
            let (x, y) = (f64::from(h.x), f64::from(h.y));
            (x - 6.0, y - 6.0, x + 6.0, y + 6.0)
        }));
    }
    // With markers on a layer above, names go on that layer too, or markers would hide them.
    let labelled = match markers {
        Markers::InSvg => place_labels(root, &chart, points, placed, size.max_labels, false)?,
        Markers::Separate => Vec::new(),
    };
    // Best-ranked first, so keyboard browsing starts with the accounts that matter most.
    let mut ordered: Vec<(usize, Hotspot)> = first_index.into_iter().zip(hotspots).collect();
    ordered.sort_by_key(|(first, _)| *first);
    let hotspots = ordered.into_iter().map(|(_, h)| h).collect();
    Ok((hotspots, labelled, (left, top, right, bottom)))
}

type Box2 = (f64, f64, f64, f64);

/// Writes the names of the best-ranked points beside them, skipping any name that would
/// overlap one already placed (or a box in `placed`) or leave the plot. With `halo`,
/// each name gets a white backing so it reads over dense markers.
fn place_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    points: &[MatrixPoint],
    mut placed: Vec<Box2>,
    max_labels: usize,
    halo: bool,
) -> Result<Vec<AccountId>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (left, top) = chart.backend_coord(&(LOW, HIGH));
    let (right, bottom) = chart.backend_coord(&(HIGH, LOW));
    let mut labelled = Vec::new();
    let mut seen_positions = std::collections::HashSet::new();
    for p in points {
        if labelled.len() >= max_labels {
            break;
        }
        if p.name.trim().is_empty() || !seen_positions.insert((p.feasibility.0, p.attractiveness.0))
        {
            continue;
        }
        let text = shorten(&p.name, 12);
        let (x, y) = chart.backend_coord(&(value(p.feasibility), value(p.attractiveness)));
        let (x, y) = (f64::from(x), f64::from(y));
        let width = estimate_width(&text, LABEL_SIZE);
        let candidates = [
            (x + 8.0, y - 16.0),
            (x - 8.0 - width, y - 16.0),
            (x + 8.0, y + 4.0),
            (x - 8.0 - width, y + 4.0),
        ];
        let spot = candidates
            .into_iter()
            .map(|(bx, by)| (bx, by, bx + width, by + LABEL_SIZE + 2.0))
            .find(|b| {
                b.0 >= f64::from(left)
                    && b.2 <= f64::from(right)
                    && b.1 >= f64::from(top)
                    && b.3 <= f64::from(bottom)
                    && !placed.iter().any(|o| overlaps(b, o))
            });
        if let Some(b) = spot {
            if halo {
                root.draw(&Rectangle::new(
                    [
                        (b.0 as i32 - 2, b.1 as i32 - 1),
                        (b.2 as i32 + 2, b.3 as i32),
                    ],
                    WHITE.mix(0.85).filled(),
                ))?;
            }
            root.draw(&Text::new(
                text,
                (b.0 as i32, b.1 as i32),
                ("sans-serif", LABEL_SIZE)
                    .into_font()
                    .color(&RGBColor(0x1d, 0x24, 0x30)),
            ))?;
            placed.push(b);
            labelled.push(p.account);
        }
    }
    Ok(labelled)
}

fn overlaps(a: &Box2, b: &Box2) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Tier 1 ●, Tier 2 ■, Tier 3 ▲, not pursued ✕: the shape tells the tier without colour.
fn draw_marker<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    at: (f64, f64),
    tier: Tier,
    overridden: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let color = tier_color(tier);
    let style = color.filled();
    match tier {
        Tier::Tier1 => chart.plotting_area().draw(&Circle::new(at, 5, style))?,
        Tier::Tier2 => chart
            .plotting_area()
            .draw(&(EmptyElement::at(at) + Rectangle::new([(-4, -4), (4, 4)], style)))?,
        Tier::Tier3 => chart
            .plotting_area()
            .draw(&TriangleMarker::new(at, 6, style))?,
        Tier::NotPursued => chart.plotting_area().draw(&Cross::new(
            at,
            4,
            ShapeStyle::from(&color).stroke_width(2),
        ))?,
    }
    if overridden {
        chart.plotting_area().draw(&Circle::new(
            at,
            9,
            ShapeStyle::from(&BLACK).stroke_width(1),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> MatrixLabels {
        MatrixLabels {
            x_axis: "Feasibility".into(),
            y_axis: "Attractiveness".into(),
            zones: [
                (Tier::Tier1, "Tier 1 · focus".into()),
                (Tier::Tier2, "Tier 2 · efficient".into()),
                (Tier::Tier3, "Tier 3 · invest".into()),
                (Tier::NotPursued, "Not pursued · say no".into()),
            ],
        }
    }

    fn point(id: AccountId, name: &str, a: u32, f: u32, tier: Tier) -> MatrixPoint {
        MatrixPoint {
            account: id,
            name: name.into(),
            attractiveness: Tenths(a),
            feasibility: Tenths(f),
            tier,
            overridden: false,
        }
    }

    fn draw(points: &[MatrixPoint]) -> MatrixDrawing {
        draw_matrix(
            points,
            &Thresholds::default(),
            &labels(),
            MatrixSize::default(),
        )
        .expect("draws")
    }

    #[test]
    fn matrix_draws_one_hotspot_per_position_and_every_account() {
        let points = vec![
            point(1, "Alpha", 70, 60, Tier::Tier1),
            point(2, "Beta", 40, 80, Tier::Tier2),
            point(3, "Gamma", 80, 30, Tier::Tier3),
            point(4, "Delta", 70, 60, Tier::Tier1),
        ];
        let d = draw(&points);
        assert_eq!(d.hotspots.len(), 3);
        let shared = d
            .hotspots
            .iter()
            .find(|h| h.accounts.len() == 2)
            .expect("coinciding points grouped");
        assert_eq!(shared.accounts, vec![1, 4]);
        assert!(d.svg.contains("×2"));
        let all: usize = d.hotspots.iter().map(|h| h.accounts.len()).sum();
        assert_eq!(all, 4);
    }

    #[test]
    fn matrix_places_points_by_score_with_attractiveness_up() {
        let d = draw(&[
            point(1, "High", 90, 90, Tier::Tier1),
            point(2, "Low", 20, 20, Tier::NotPursued),
        ]);
        let high = d
            .hotspots
            .iter()
            .find(|h| h.accounts == vec![1])
            .expect("high");
        let low = d
            .hotspots
            .iter()
            .find(|h| h.accounts == vec![2])
            .expect("low");
        assert!(high.x > low.x, "more feasible is further right");
        assert!(high.y < low.y, "more attractive is higher up");
        let (left, top, right, bottom) = d.plot_area;
        for h in &d.hotspots {
            assert!(h.x > left && h.x < right && h.y > top && h.y < bottom);
        }
    }

    #[test]
    fn matrix_zones_follow_the_thresholds() {
        let at = |th: Thresholds| {
            draw_matrix(
                &[point(1, "P", 60, 60, Tier::Tier1)],
                &th,
                &labels(),
                MatrixSize::default(),
            )
            .expect("draws")
        };
        let d1 = at(Thresholds {
            attractiveness: Tenths(55),
            feasibility: Tenths(55),
        });
        let d2 = at(Thresholds {
            attractiveness: Tenths(80),
            feasibility: Tenths(30),
        });
        // The threshold lines are drawn where the thresholds are, so the pictures differ
        // while the point stays put.
        assert_ne!(d1.svg, d2.svg);
        assert_eq!(d1.hotspots, d2.hotspots);
        for name in ["Tier 1 · focus", "Tier 2 · efficient", "Tier 3 · invest"] {
            assert!(d1.svg.contains(name), "{name}");
        }
    }

    #[test]
    fn matrix_escapes_hostile_names() {
        let d = draw(&[point(
            1,
            "<img src=x onerror=alert(1)>",
            70,
            70,
            Tier::Tier1,
        )]);
        assert_eq!(d.labelled, vec![1]);
        assert!(!d.svg.contains("<img"));
        assert!(d.svg.contains("&lt;img"));
    }

    #[test]
    fn matrix_handles_no_points_and_one_point() {
        let empty = draw(&[]);
        assert!(empty.hotspots.is_empty());
        assert!(empty.svg.starts_with("<svg"));
        let one = draw(&[point(1, "Solo", 55, 55, Tier::Tier1)]);
        assert_eq!(one.hotspots.len(), 1);
        assert_eq!(one.labelled, vec![1]);
    }

    #[test]
    fn matrix_labels_only_some_when_points_crowd() {
        let points: Vec<_> = (0..300)
            .map(|i| {
                point(
                    i,
                    &format!("Account number {i}"),
                    10 + (i as u32 * 7) % 90,
                    10 + (i as u32 * 13) % 90,
                    Tier::Tier1,
                )
            })
            .collect();
        let d = draw(&points);
        assert!(!d.labelled.is_empty());
        assert!(d.labelled.len() <= MatrixSize::default().max_labels);
        // The best ranked point always gets its label.
        assert_eq!(d.labelled[0], 0);
    }

    #[test]
    fn matrix_can_leave_markers_to_another_layer() {
        let points = [
            point(1, "A", 70, 60, Tier::Tier1),
            point(2, "B", 40, 80, Tier::Tier2),
        ];
        let th = Thresholds::default();
        let full = draw_matrix(&points, &th, &labels(), MatrixSize::default()).expect("draws");
        let bare = draw_matrix_with(
            &points,
            &th,
            &labels(),
            MatrixSize::default(),
            Markers::Separate,
        )
        .expect("draws");
        assert_eq!(
            full.hotspots, bare.hotspots,
            "interaction is the same either way"
        );
        assert_eq!(bare.svg.matches("<circle").count(), 0);
        assert_eq!(full.svg.matches("<circle").count(), 1);
        assert!(
            bare.labelled.is_empty() && !bare.svg.contains(">A<"),
            "names go on the layer"
        );
        // The marker layer draws the same markers at the same places.
        let mut layer = String::new();
        {
            let root = SVGBackend::with_string(&mut layer, (760, 560)).into_drawing_area();
            let named = draw_markers_on(&root, &points, 5).expect("draws markers");
            assert_eq!(named, vec![1, 2]);
        }
        let (x, y) = (full.hotspots[0].x, full.hotspots[0].y);
        assert!(layer.contains(&format!("cx=\"{x}\" cy=\"{y}\"")), "{layer}");
    }

    #[test]
    fn hotspots_survive_packing() {
        let hotspots = vec![
            Hotspot {
                x: 10,
                y: 20,
                accounts: vec![3],
            },
            Hotspot {
                x: 30,
                y: 40,
                accounts: vec![1, 2, 9],
            },
        ];
        assert_eq!(unpack_hotspots(&pack_hotspots(&hotspots)), Some(hotspots));
        assert_eq!(unpack_hotspots(&[1, 2, 3, 4]), None, "cut short");
        assert_eq!(unpack_hotspots(&[]), Some(vec![]));
    }

    #[test]
    fn matrix_marks_overrides() {
        let mut p = point(1, "P", 70, 70, Tier::Tier1);
        let plain = draw(&[p.clone()]).svg;
        p.overridden = true;
        let marked = draw(&[p]).svg;
        assert_eq!(
            marked.matches("<circle").count(),
            plain.matches("<circle").count() + 1
        );
    }
}
