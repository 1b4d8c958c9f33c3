//! The evaluation matrix (客户评估矩阵, KAM-SPEC §2.3.3): feasibility on x, attractiveness
//! on y, both 1–10; the thresholds split it into four shaded, named zones; one marker per
//! tiered account, coloured and shaped by tier, overrides ringed.

use std::collections::BTreeMap;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

use super::{estimate_width, fit, font_size, tier_color, DrawError};
use crate::domain::{AccountId, Axis, Tenths, Thresholds, Tier};
use plotters::style::text_anchor::{HPos, Pos, VPos};

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

/// Screens up to this wide (CSS pixels) are phones: the chart is drawn as wide as the
/// screen, so its text shows at its own size (the same width as the stylesheet's
/// narrow layout).
pub const PHONE_WIDTH: f64 = 640.0;

impl MatrixSize {
    /// The drawing for a screen `width` CSS pixels wide. Wider than a phone: the usual
    /// 760 × 560, shown at up to 900 px. A phone: as wide as the screen (in whole tens,
    /// so a few pixels' change does not redraw; at least 320), a little taller than
    /// wide, with fewer names, since the list below the chart names everyone.
    pub fn for_screen(width: f64) -> Self {
        if width.is_nan() || width <= 0.0 || width > PHONE_WIDTH {
            return Self::default();
        }
        let width = (width.max(320.0) / 10.0).floor() * 10.0;
        Self {
            width: width as u32,
            height: (width * 1.05).round() as u32,
            max_labels: 20,
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
    /// What-if: where the accounts that change tier came from, and the thresholds
    /// before; nothing on the ordinary matrix.
    #[serde(default)]
    pub shifts: Shifts,
}

/// The "before" drawn under a what-if matrix: the former thresholds as dashed lines and
/// an arrow from each moving account's former position to its new one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shifts {
    pub former_thresholds: Option<Thresholds>,
    pub arrows: Vec<Arrow>,
}

/// One account's move on the matrix: positions as (feasibility, attractiveness).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Arrow {
    pub from: (Tenths, Tenths),
    pub to: (Tenths, Tenths),
    /// The tier it leaves, drawn as a hollow ring at the former position.
    pub from_tier: Option<Tier>,
}

/// At most this many arrows are drawn: past it the chart is a blur, and the list beside
/// it names every move.
pub const MAX_ARROWS: usize = 300;

/// Names sent with a request: more than enough candidates for the labels.
pub const NAMED_POINTS: usize = 200;

/// The hotspot nearest to `at` (drawing pixels), if one lies within `radius` of it; of
/// two at the same distance, the first (the better ranked).
pub fn nearest_hotspot(hotspots: &[Hotspot], at: (f64, f64), radius: f64) -> Option<usize> {
    hotspots
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let (dx, dy) = (f64::from(h.x) - at.0, f64::from(h.y) - at.1);
            (i, dx * dx + dy * dy)
        })
        .filter(|(_, distance)| *distance <= radius * radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

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
/// Text sizes in pixels of the drawing, which the page shows at (about) its own size on
/// screens of every width and on paper: 12 px is 9 pt.
const LABEL_PX: f64 = 12.0;
const TICK_PX: f64 = 12.0;
const AXIS_PX: f64 = 14.0;
const ZONE_PX: f64 = 13.0;
const COUNT_PX: f64 = 11.0;
/// A marker's half size, and an override ring's radius (see [`draw_marker`]).
const MARKER_RADIUS: f64 = 6.0;
const RING_RADIUS: f64 = 9.0;
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

/// The matrix a request asks for (the tools module's entry).
pub fn draw_matrix_request(
    points: &[MatrixPoint],
    request: &MatrixRequest,
) -> Result<MatrixDrawing, DrawError> {
    draw_svg(
        points,
        &request.thresholds,
        &request.labels,
        request.size,
        request.markers,
        &request.shifts,
    )
}

/// The what-if matrix: the points where the second scenario puts them, over `shifts`.
pub fn draw_matrix_shifts(
    points: &[MatrixPoint],
    thresholds: &Thresholds,
    labels: &MatrixLabels,
    size: MatrixSize,
    shifts: &Shifts,
) -> Result<MatrixDrawing, DrawError> {
    draw_svg(points, thresholds, labels, size, Markers::InSvg, shifts)
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
    draw_svg(
        points,
        thresholds,
        labels,
        size,
        markers,
        &Shifts::default(),
    )
}

fn draw_svg(
    points: &[MatrixPoint],
    thresholds: &Thresholds,
    labels: &MatrixLabels,
    size: MatrixSize,
    markers: Markers,
    shifts: &Shifts,
) -> Result<MatrixDrawing, DrawError> {
    let mut svg = String::new();
    let (hotspots, labelled, plot_area) = {
        let root = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        let out = draw_on(&root, points, thresholds, labels, size, markers, shifts)
            .map_err(|e| e.to_string())?;
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

type Groups<'a> = BTreeMap<(u32, u32), (usize, Vec<&'a MatrixPoint>)>;

/// Points sharing a position, keyed by position (feasibility, attractiveness); each
/// group keeps the index of its best-ranked member, for ordering hotspots.
fn group_points(points: &[MatrixPoint]) -> Groups<'_> {
    let mut groups: Groups<'_> = BTreeMap::new();
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
/// drawn with [`Markers::Separate`]. Returns the accounts named. `font_scale` is the
/// backend's font size for text one pixel high (1.0 for plotters' canvas, which takes
/// pixels; [`font_size`] of 1.0 for its SVG).
pub fn draw_markers_on<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[MatrixPoint],
    thresholds: &Thresholds,
    max_labels: usize,
    font_scale: f64,
) -> Result<Vec<AccountId>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut chart = chart_on(root)?;
    let groups = group_points(points);
    for ((f, a), (_, members)) in &groups {
        let at = (f64::from(*f) / 10.0, f64::from(*a) / 10.0);
        let overridden = members.iter().any(|m| m.overridden);
        draw_marker(&mut chart, at, members[0].tier, overridden)?;
    }
    let mut field = label_field(&chart, thresholds, &groups);
    let ink = TextInk {
        scale: font_scale,
        halo: true,
    };
    let labelled = draw_labels(root, &chart, &mut field, &groups, max_labels, ink)?;
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
    shifts: &Shifts,
) -> Result<Drawn, DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let mut chart = chart_on(root)?;
    // The major grid only, at whole scores: a minor grid between them added lines to
    // read past without helping to place a point.
    chart
        .configure_mesh()
        .x_labels(10)
        .y_labels(10)
        .max_light_lines(0)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .x_desc(labels.x_axis.as_str())
        .y_desc(labels.y_axis.as_str())
        // The mesh cuts its font sizes to whole numbers: rounded up, they stay as large.
        .axis_desc_style(("sans-serif", font_size(AXIS_PX).ceil()))
        .label_style(("sans-serif", font_size(TICK_PX).ceil()))
        .bold_line_style(RGBColor(0xe2, 0xe2, 0xe2))
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
    let groups = group_points(points);
    // Names keep off the zone names, the threshold lines, the markers and each other.
    let mut field = label_field(&chart, thresholds, &groups);
    for (tier, name) in &labels.zones {
        let ((x0, x1), (y0, y1)) = zone(*tier);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x0, y0), (x1, y1)],
            tier_color(*tier).mix(0.09).filled(),
        )))?;
        // The name sits in the zone's top-left corner, on two lines if one is too short.
        let (px0, py0) = chart.backend_coord(&(x0, y1));
        let (px1, py1) = chart.backend_coord(&(x1, y0));
        let room = f64::from(px1 - px0) - 10.0;
        if room > 20.0 && f64::from(py1 - py0) > 2.0 * ZONE_PX {
            for (line, text) in zone_name_lines(name, ZONE_PX, room).into_iter().enumerate() {
                let (x, top) = (
                    f64::from(px0) + 6.0,
                    f64::from(py0) + 5.0 + line as f64 * ZONE_PX * 1.2,
                );
                field.obstacles.push(text_box(
                    x,
                    top,
                    Align::Start,
                    estimate_width(&text, ZONE_PX),
                    ZONE_PX,
                ));
                root.draw(&Text::new(
                    text,
                    (x.round() as i32, top.round() as i32),
                    text_style(ZONE_PX, font_size(1.0), Align::Start, &tier_color(*tier)),
                ))?;
            }
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
    draw_shifts(&mut chart, thresholds, shifts)?;

    // Group points that share a position: one hotspot each, all accounts reachable.
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
        // Members keep the order of `points` (best ranked first).
        let accounts: Vec<AccountId> = members.iter().map(|m| m.account).collect();
        hotspots.push(Hotspot { x, y, accounts });
    }

    let (left, top) = chart.backend_coord(&(LOW, HIGH));
    let (right, bottom) = chart.backend_coord(&(HIGH, LOW));
    // With markers on a layer above, names go on that layer too, or markers would hide them.
    let labelled = match markers {
        Markers::InSvg => {
            let ink = TextInk {
                scale: font_size(1.0),
                halo: false,
            };
            draw_labels(root, &chart, &mut field, &groups, size.max_labels, ink)?
        }
        Markers::Separate => Vec::new(),
    };
    // "×3" beside shared positions that carry no name, where it has room and the chart
    // is sparse enough to read it; the tooltip always lists everyone there.
    if markers == Markers::InSvg && groups.len() <= CROWDED {
        for (position, (_, members)) in &groups {
            if members.len() < 2 || labelled.contains(&members[0].account) {
                continue;
            }
            let (x, y) =
                chart.backend_coord(&(f64::from(position.0) / 10.0, f64::from(position.1) / 10.0));
            let text = format!("×{}", members.len());
            let (x, top) = (f64::from(x) + MARKER_RADIUS + 1.0, f64::from(y) + 1.0);
            let bounds = text_box(
                x,
                top,
                Align::Start,
                estimate_width(&text, COUNT_PX),
                COUNT_PX,
            );
            if field.is_free(&bounds) {
                field.obstacles.push(bounds);
                root.draw(&Text::new(
                    text,
                    (x.round() as i32, top.round() as i32),
                    text_style(
                        COUNT_PX,
                        font_size(1.0),
                        Align::Start,
                        &RGBColor(0x33, 0x33, 0x33),
                    ),
                ))?;
            }
        }
    }
    // Best-ranked first, so keyboard browsing starts with the accounts that matter most.
    let mut ordered: Vec<(usize, Hotspot)> = first_index.into_iter().zip(hotspots).collect();
    ordered.sort_by_key(|(first, _)| *first);
    let hotspots = ordered.into_iter().map(|(_, h)| h).collect();
    Ok((hotspots, labelled, (left, top, right, bottom)))
}

/// A box on the drawing: (left, top, right, bottom) in pixels.
pub type Box2 = (f64, f64, f64, f64);

/// The height of a line of text drawn from a top anchor `y` (plotters' `VPos::Top` puts
/// the baseline 0.76 em lower): from `y - 0.2 em` to `y + 1.02 em`, which holds the
/// glyphs of Latin and CJK fonts and the whole line box of DejaVu Sans.
const TEXT_ABOVE: f64 = 0.2;
const TEXT_BELOW: f64 = 1.02;
/// Space kept clear around a label.
const CLEARANCE: f64 = 2.0;

/// Which end of a label its anchor x is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// A name as laid out beside its marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    /// The anchor: x at the `align` end of the text, y at its top.
    pub x: f64,
    pub top: f64,
    pub align: Align,
    /// The room the text takes, at most.
    pub bounds: Box2,
}

/// The room names can take: the plot area, less what they must keep off (threshold
/// lines, zone names, markers, names placed before).
#[derive(Clone, Debug, PartialEq)]
pub struct LabelField {
    pub area: Box2,
    pub obstacles: Vec<Box2>,
}

impl LabelField {
    /// Places `name` (then `suffix`, such as "×3") beside a marker at `at` whose half
    /// size is `radius`, at `px` pixels: whole at the nearest spot that holds it
    /// whole, shortened only if no spot does, nowhere if not even a short form fits.
    /// The placed label becomes an obstacle for the next.
    pub fn place(
        &mut self,
        name: &str,
        suffix: &str,
        at: (f64, f64),
        radius: f64,
        px: f64,
    ) -> Option<Label> {
        for text in label_forms(name, suffix, px) {
            let width = estimate_width(&text, px);
            for (x, top, align) in label_spots(at, radius, px) {
                let bounds = text_box(x, top, align, width, px);
                if self.is_free(&bounds) {
                    self.obstacles.push(bounds);
                    return Some(Label {
                        text,
                        x,
                        top,
                        align,
                        bounds,
                    });
                }
            }
        }
        None
    }

    /// Whether `b` lies inside the area and, with its clearance, off every obstacle.
    pub fn is_free(&self, b: &Box2) -> bool {
        let grown = (
            b.0 - CLEARANCE,
            b.1 - CLEARANCE,
            b.2 + CLEARANCE,
            b.3 + CLEARANCE,
        );
        b.0 >= self.area.0
            && b.2 <= self.area.2
            && b.1 >= self.area.1
            && b.3 <= self.area.3
            && !self.obstacles.iter().any(|o| overlaps(&grown, o))
    }
}

/// The box a text `width` wide takes when anchored at (`x`, `top`).
fn text_box(x: f64, top: f64, align: Align, width: f64, px: f64) -> Box2 {
    let left = match align {
        Align::Start => x,
        Align::Middle => x - width / 2.0,
        Align::End => x - width,
    };
    (
        left,
        top - TEXT_ABOVE * px,
        left + width,
        top + TEXT_BELOW * px,
    )
}

/// The spots for a name beside a marker, nearest first: right of it and left of it
/// (level with it), above and below it (centred), then the four corners. The anchor
/// is the text's end nearest the marker, so however wide the text really is, it
/// starts right at its marker.
fn label_spots(at: (f64, f64), radius: f64, px: f64) -> [(f64, f64, Align); 8] {
    let (x, y) = at;
    let gap = radius + CLEARANCE + 1.0;
    // The glyphs' middle is about 0.4 em below the top anchor.
    let level = y - 0.4 * px;
    let above = y - gap - TEXT_BELOW * px;
    let below = y + gap + TEXT_ABOVE * px;
    // Corners start clear of lines through the marker (a point on a threshold).
    let side = 1.0 + CLEARANCE + 1.0;
    [
        (x + gap, level, Align::Start),
        (x - gap, level, Align::End),
        (x, above, Align::Middle),
        (x, below, Align::Middle),
        (x + side, above, Align::Start),
        (x - side, above, Align::End),
        (x + side, below, Align::Start),
        (x - side, below, Align::End),
    ]
}

/// The forms of a name to try, longest first: whole, then cut with "…" to narrower
/// widths, never to fewer than five characters.
fn label_forms(name: &str, suffix: &str, px: f64) -> Vec<String> {
    let name = name.trim();
    let whole = estimate_width(name, px);
    let mut forms = vec![format!("{name}{suffix}")];
    for ems in [20.0, 15.0, 10.0, 7.0] {
        if ems * px < whole {
            let cut = fit(name, px, ems * px);
            let form = format!("{cut}{suffix}");
            if cut.chars().count() >= 5 && !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

/// A zone's name in lines that fit `width` at `px`: one line if it fits, else two,
/// broken after the tier ("Tier 2 ·" / "develop with …") or between words, each
/// shortened with "…" only if it still does not fit.
fn zone_name_lines(name: &str, px: f64, width: f64) -> Vec<String> {
    let name = name.trim();
    if estimate_width(name, px) <= width {
        return vec![name.to_owned()];
    }
    let split = name
        .find('·')
        .map(|at| (name[..at].trim(), name[at + '·'.len_utf8()..].trim()))
        .or_else(|| name.rsplit_once(' '));
    match split {
        Some((head, tail)) if !head.is_empty() && !tail.is_empty() => {
            vec![fit(head, px, width), fit(tail, px, width)]
        }
        _ => vec![fit(name, px, width)],
    }
}

/// The field for names on `chart`: its plot area, with the threshold lines, every
/// marker (while the chart is not crowded) as obstacles.
fn label_field<DB: DrawingBackend>(
    chart: &Chart<'_, DB>,
    thresholds: &Thresholds,
    groups: &Groups<'_>,
) -> LabelField {
    let (left, top) = chart.backend_coord(&(LOW, HIGH));
    let (right, bottom) = chart.backend_coord(&(HIGH, LOW));
    let (left, top, right, bottom) = (
        f64::from(left),
        f64::from(top),
        f64::from(right),
        f64::from(bottom),
    );
    let (tx, ty) = chart.backend_coord(&(
        value(thresholds.feasibility),
        value(thresholds.attractiveness),
    ));
    let (tx, ty) = (f64::from(tx), f64::from(ty));
    let mut obstacles = vec![
        (tx - 1.0, top, tx + 1.0, bottom),
        (left, ty - 1.0, right, ty + 1.0),
    ];
    if groups.len() <= CROWDED {
        obstacles.extend(groups.iter().map(|((f, a), (_, members))| {
            let (x, y) = chart.backend_coord(&(f64::from(*f) / 10.0, f64::from(*a) / 10.0));
            let r = marker_radius(members);
            let (x, y) = (f64::from(x), f64::from(y));
            (x - r, y - r, x + r, y + r)
        }));
    }
    LabelField {
        area: (left + 1.0, top + 1.0, right - 1.0, bottom - 1.0),
        obstacles,
    }
}

/// How far a position's marker reaches: its ring, if any member's tier is overridden.
fn marker_radius(members: &[&MatrixPoint]) -> f64 {
    if members.iter().any(|m| m.overridden) {
        RING_RADIUS
    } else {
        MARKER_RADIUS
    }
}

/// How names are drawn on a backend: its font size for one pixel, and whether each
/// name gets a white backing so it reads over dense markers.
#[derive(Clone, Copy)]
struct TextInk {
    scale: f64,
    halo: bool,
}

fn text_style(px: f64, scale: f64, align: Align, color: &RGBColor) -> TextStyle<'static> {
    let h = match align {
        Align::Start => HPos::Left,
        Align::Middle => HPos::Center,
        Align::End => HPos::Right,
    };
    ("sans-serif", px * scale)
        .into_font()
        .color(color)
        .pos(Pos::new(h, VPos::Top))
}

/// Writes the names of the best-ranked positions (up to `max_labels`) beside their
/// markers where `field` has room (see [`LabelField::place`]); a shared position
/// carries its count ("Name ×3"). Returns the accounts named.
fn draw_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &Chart<'_, DB>,
    field: &mut LabelField,
    groups: &Groups<'_>,
    max_labels: usize,
    ink: TextInk,
) -> Result<Vec<AccountId>, DrawingAreaErrorKind<DB::ErrorType>> {
    // Best-ranked positions first.
    let mut order: Vec<_> = groups.iter().collect();
    order.sort_by_key(|(_, (first, _))| *first);
    let mut labelled = Vec::new();
    for ((f, a), (_, members)) in order {
        if labelled.len() >= max_labels {
            break;
        }
        let best = members[0];
        if best.name.trim().is_empty() {
            continue;
        }
        let (x, y) = chart.backend_coord(&(f64::from(*f) / 10.0, f64::from(*a) / 10.0));
        let suffix = if members.len() > 1 {
            format!(" ×{}", members.len())
        } else {
            String::new()
        };
        let Some(label) = field.place(
            &best.name,
            &suffix,
            (f64::from(x), f64::from(y)),
            marker_radius(members),
            LABEL_PX,
        ) else {
            continue;
        };
        if ink.halo {
            let b = label.bounds;
            root.draw(&Rectangle::new(
                [
                    (b.0.floor() as i32 - 1, b.1.floor() as i32),
                    (b.2.ceil() as i32 + 1, b.3.ceil() as i32),
                ],
                WHITE.mix(0.85).filled(),
            ))?;
        }
        root.draw(&Text::new(
            label.text,
            (label.x.round() as i32, label.top.round() as i32),
            text_style(
                LABEL_PX,
                ink.scale,
                label.align,
                &RGBColor(0x1d, 0x24, 0x30),
            ),
        ))?;
        labelled.push(best.account);
    }
    Ok(labelled)
}

fn overlaps(a: &Box2, b: &Box2) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The former thresholds (dashed, where they differ) and the arrows of [`Shifts`].
fn draw_shifts<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    thresholds: &Thresholds,
    shifts: &Shifts,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let grey = ShapeStyle::from(&RGBColor(0x55, 0x55, 0x55)).stroke_width(1);
    if let Some(former) = shifts.former_thresholds {
        for axis in Axis::ALL {
            if former.on(axis) == thresholds.on(axis) {
                continue;
            }
            let at = value(former.on(axis));
            // Feasibility is x, attractiveness y.
            let line = match axis {
                Axis::Feasibility => vec![(at, LOW), (at, HIGH)],
                Axis::Attractiveness => vec![(LOW, at), (HIGH, at)],
            };
            chart.draw_series(std::iter::once(DashedPathElement::new(line, 6, 4, grey)))?;
        }
    }
    for arrow in shifts.arrows.iter().take(MAX_ARROWS) {
        let from = (value(arrow.from.0), value(arrow.from.1));
        let to = (value(arrow.to.0), value(arrow.to.1));
        if let Some(tier) = arrow.from_tier {
            chart.plotting_area().draw(&Circle::new(
                from,
                5,
                ShapeStyle::from(&tier_color(tier)).stroke_width(1),
            ))?;
        }
        if from == to {
            continue;
        }
        chart.draw_series(std::iter::once(PathElement::new(vec![from, to], grey)))?;
        // The head: two short strokes back from the new position, drawn in pixels so
        // it keeps its shape whatever the axes' scale.
        let (fx, fy) = chart.backend_coord(&from);
        let (tx, ty) = chart.backend_coord(&to);
        let (dx, dy) = (f64::from(tx - fx), f64::from(ty - fy));
        let length = (dx * dx + dy * dy).sqrt();
        if length >= 8.0 {
            let (ux, uy) = (dx / length, dy / length);
            // Stop short of the marker, then open 7 px back at ±30°.
            let tip = (f64::from(tx) - ux * 7.0, f64::from(ty) - uy * 7.0);
            let (cos, sin) = (0.866, 0.5);
            let wing = |s: f64| {
                let (bx, by) = (-ux * 7.0, -uy * 7.0);
                (
                    (tip.0 + bx * cos - by * sin * s).round() as i32,
                    (tip.1 + bx * sin * s + by * cos).round() as i32,
                )
            };
            let tip = (tip.0.round() as i32, tip.1.round() as i32);
            let area = chart.plotting_area();
            let (ox, oy) = area.get_base_pixel();
            let local = |(x, y): (i32, i32)| (x - ox, y - oy);
            let root = area.strip_coord_spec();
            for end in [wing(1.0), wing(-1.0)] {
                root.draw(&PathElement::new(vec![local(end), local(tip)], grey))?;
            }
        }
    }
    Ok(())
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

    #[test]
    fn the_nearest_hotspot_within_reach_is_picked() {
        let spot = |x, y, account| Hotspot {
            x,
            y,
            accounts: vec![account],
        };
        let hotspots = [spot(100, 100, 1), spot(110, 100, 2), spot(300, 300, 3)];
        assert_eq!(nearest_hotspot(&hotspots, (108.0, 101.0), 12.0), Some(1));
        assert_eq!(nearest_hotspot(&hotspots, (101.0, 99.0), 12.0), Some(0));
        // Equally near: the better ranked (first) one.
        assert_eq!(nearest_hotspot(&hotspots, (105.0, 100.0), 12.0), Some(0));
        // Out of reach, or nothing there.
        assert_eq!(nearest_hotspot(&hotspots, (200.0, 200.0), 12.0), None);
        assert_eq!(nearest_hotspot(&hotspots, (300.0, 313.0), 12.0), None);
        assert_eq!(nearest_hotspot(&hotspots, (300.0, 312.0), 12.0), Some(2));
        assert_eq!(nearest_hotspot(&[], (0.0, 0.0), 12.0), None);
    }

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
    fn a_what_if_matrix_draws_former_thresholds_dashed_and_an_arrow_per_move() {
        let now = Thresholds {
            attractiveness: Tenths(65),
            ..Thresholds::default()
        };
        let moved = point(1, "<b>Moved</b>", 60, 70, Tier::Tier2);
        let plain = draw_matrix_shifts(
            std::slice::from_ref(&moved),
            &now,
            &labels(),
            MatrixSize::default(),
            &Shifts::default(),
        )
        .expect("draws");
        let shifts = Shifts {
            former_thresholds: Some(Thresholds::default()),
            arrows: vec![Arrow {
                from: (Tenths(50), Tenths(60)),
                to: (Tenths(70), Tenths(60)),
                from_tier: Some(Tier::Tier3),
            }],
        };
        let shifted = draw_matrix_shifts(&[moved], &now, &labels(), MatrixSize::default(), &shifts)
            .expect("draws");
        let count = |svg: &str, what: &str| svg.matches(what).count();
        // One dashed line (attractiveness moved; feasibility did not): plotters draws a
        // dash as a short polyline of its own, so there are many more paths.
        assert!(count(&shifted.svg, "<polyline") > count(&plain.svg, "<polyline") + 3);
        // The former position's ring in the tier it leaves.
        let tier3 = tier_color(Tier::Tier3);
        let ring = format!("#{:02X}{:02X}{:02X}", tier3.0, tier3.1, tier3.2);
        assert!(count(&shifted.svg, &ring) > count(&plain.svg, &ring));
        assert!(!shifted.svg.contains("<b>"));
        assert_eq!(shifted.hotspots, plain.hotspots, "arrows are not points");
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
            bare.labelled.is_empty() && !bare.svg.contains(">\nA\n<"),
            "names go on the layer"
        );
        // The marker layer draws the same markers at the same places.
        let mut layer = String::new();
        {
            let root = SVGBackend::with_string(&mut layer, (760, 560)).into_drawing_area();
            let named =
                draw_markers_on(&root, &points, &th, 5, font_size(1.0)).expect("draws markers");
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

    /// A field 600 × 400 with a vertical threshold line at x = 300 and a horizontal one
    /// at y = 200.
    fn field() -> LabelField {
        LabelField {
            area: (0.0, 0.0, 600.0, 400.0),
            obstacles: vec![(299.0, 0.0, 301.0, 400.0), (0.0, 199.0, 600.0, 201.0)],
        }
    }

    fn crosses(b: &Box2, o: &Box2) -> bool {
        overlaps(b, o)
    }

    #[test]
    fn a_whole_name_is_shown_when_there_is_room() {
        let names = [
            "Northern Star Logistics Group Holdings",
            "上海华东精密汽车零部件制造有限公司",
            "Blue Ocean Trading Company",
        ];
        let d = draw(&[
            point(1, names[0], 80, 80, Tier::Tier1),
            point(2, names[1], 30, 90, Tier::Tier2),
            point(3, names[2], 85, 25, Tier::Tier3),
        ]);
        assert_eq!(d.labelled, vec![1, 2, 3]);
        for name in names {
            assert!(d.svg.contains(&format!(">\n{name}\n<")), "{name} whole");
        }
        assert!(!d.svg.contains('…'), "nothing cut");
    }

    #[test]
    fn a_label_never_crosses_a_threshold_line() {
        let lines = field().obstacles;
        // Markers just beside the lines, on either side, with long names.
        for at in [
            (305.0, 150.0),
            (295.0, 150.0),
            (305.0, 205.0),
            (295.0, 195.0),
        ] {
            let mut f = field();
            let label = f
                .place("A rather long account name Ltd.", "", at, 6.0, 12.0)
                .expect("room on one side");
            for line in &lines {
                assert!(!crosses(&label.bounds, line), "{at:?}: {label:?}");
            }
        }
    }

    #[test]
    fn a_point_on_a_threshold_line_still_gets_its_name_off_the_lines() {
        let mut f = field();
        let label = f
            .place("On the line", "", (300.0, 200.0), 6.0, 12.0)
            .expect("a corner is free");
        assert_eq!(label.text, "On the line");
        for line in &field().obstacles {
            assert!(!crosses(&label.bounds, line), "{label:?}");
        }
    }

    #[test]
    fn a_label_starts_right_beside_its_marker() {
        let mut f = field();
        let at = (100.0, 100.0);
        let label = f.place("Alpha Motors", "", at, 6.0, 12.0).expect("room");
        // Preferred: to the right, level with the marker, its start anchored there.
        assert_eq!(label.align, Align::Start);
        assert_eq!(label.x, 109.0);
        let middle = (label.bounds.1 + label.bounds.3) / 2.0;
        assert!(
            (middle - at.1).abs() <= 4.0,
            "level with the marker: {label:?}"
        );
        // With the right taken, it goes left, its end anchored by the marker.
        let mut f = field();
        f.obstacles.push((108.0, 80.0, 200.0, 120.0));
        let label = f.place("Alpha Motors", "", at, 6.0, 12.0).expect("room");
        assert_eq!((label.align, label.x), (Align::End, 91.0));
    }

    #[test]
    fn labels_never_overlap_markers_or_each_other() {
        let mut f = field();
        let markers: Vec<(f64, f64)> = (0..60)
            .map(|i| {
                (
                    20.0 + f64::from((i * 37) % 560),
                    20.0 + f64::from((i * 53) % 360),
                )
            })
            .collect();
        f.obstacles.extend(
            markers
                .iter()
                .map(|(x, y)| (x - 6.0, y - 6.0, x + 6.0, y + 6.0)),
        );
        let mut placed = Vec::new();
        for (i, at) in markers.iter().enumerate() {
            if let Some(label) = f.place(&format!("Account {i}"), "", *at, 6.0, 12.0) {
                placed.push(label.bounds);
            }
        }
        assert!(placed.len() > 20, "most get a name: {}", placed.len());
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!overlaps(a, b));
            }
            for (x, y) in &markers {
                assert!(!overlaps(a, &(x - 6.0, y - 6.0, x + 6.0, y + 6.0)));
            }
        }
    }

    #[test]
    fn a_name_is_shortened_only_when_no_spot_holds_it_whole() {
        // 150 px between the marker and the line on the right, 50 px to the left edge.
        let mut f = LabelField {
            area: (0.0, 0.0, 200.0, 30.0),
            obstacles: vec![],
        };
        let long = "Zhejiang Provincial Machinery Import and Export Corporation";
        let label = f
            .place(long, " ×2", (50.0, 15.0), 6.0, 12.0)
            .expect("a short form");
        assert!(label.text.ends_with("… ×2"), "{}", label.text);
        assert!(label.bounds.2 <= 200.0);
        let mut f = LabelField {
            area: (0.0, 0.0, 600.0, 30.0),
            obstacles: vec![],
        };
        assert_eq!(
            f.place(long, " ×2", (50.0, 15.0), 6.0, 12.0)
                .expect("room")
                .text,
            format!("{long} ×2")
        );
    }

    #[test]
    fn the_matrix_has_a_major_grid_only() {
        let d = draw(&[point(1, "P", 70, 70, Tier::Tier1)]);
        let grid = d.svg.matches("stroke=\"#E2E2E2\"").count();
        // One line per whole score on each axis, nothing in between.
        assert!(grid > 0 && grid <= 22, "{grid} grid lines");
        assert!(!d.svg.contains("opacity=\"0.1\""), "no minor grid");
    }

    #[test]
    fn matrix_text_is_drawn_at_readable_pixel_sizes() {
        let d = draw(&[point(1, "Alpha Motors", 70, 70, Tier::Tier1)]);
        let label = d
            .svg
            .split("<text")
            .find(|t| t.contains(">\nAlpha Motors\n<"))
            .expect("the label");
        assert!(label.contains("font-size=\"12\""), "{label}");
        for t in d.svg.split("<text").skip(1) {
            let size: f64 = t
                .split("font-size=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .and_then(|v| v.parse().ok())
                .expect("a size");
            assert!(size >= 11.0, "{t}");
        }
    }

    #[test]
    fn a_zone_name_too_long_for_one_line_takes_two() {
        assert_eq!(
            zone_name_lines("Tier 1 · focus", 13.0, 300.0),
            vec!["Tier 1 · focus"]
        );
        assert_eq!(
            zone_name_lines("Tier 2 · develop with existing resources", 13.0, 260.0),
            vec!["Tier 2", "develop with existing resources"]
        );
        let cut = zone_name_lines("二级客户 · 利用资源有效发展", 13.0, 80.0);
        assert_eq!(cut[0], "二级客户");
        assert!(cut[1].ends_with('…'));
    }

    #[test]
    fn a_phone_gets_a_drawing_as_wide_as_its_screen() {
        assert_eq!(MatrixSize::for_screen(1280.0), MatrixSize::default());
        assert_eq!(MatrixSize::for_screen(f64::NAN), MatrixSize::default());
        let phone = MatrixSize::for_screen(393.0);
        assert_eq!((phone.width, phone.height), (390, 410));
        assert_eq!(MatrixSize::for_screen(300.0).width, 320);
        // Drawn at the screen's size, the names stay readable there.
        let d = draw_matrix(
            &[point(1, "Alpha Motors", 80, 70, Tier::Tier1)],
            &Thresholds::default(),
            &labels(),
            phone,
        )
        .expect("draws");
        assert_eq!(d.labelled, vec![1]);
        assert!(d.plot_area.2 <= 390);
    }
}
