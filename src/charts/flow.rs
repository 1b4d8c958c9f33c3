//! The annual review's flow chart: the tiers of one year on the left, of the other on
//! the right, and a band between them for each movement, as wide as the accounts that
//! made it. Categories beyond the four tiers ("not tiered", "not in the register") let
//! every account of both years be drawn.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::{Deserialize, Serialize};

use super::{estimate_width, fit, font_size, tier_color, DrawError};
use crate::domain::Tier;

/// A column's category: a tier, no tier, or not in that year's register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FlowCategory {
    Tier(Tier),
    Untiered,
    Absent,
}

impl FlowCategory {
    /// Top to bottom.
    pub const ALL: [FlowCategory; 6] = [
        FlowCategory::Tier(Tier::Tier1),
        FlowCategory::Tier(Tier::Tier2),
        FlowCategory::Tier(Tier::Tier3),
        FlowCategory::Tier(Tier::NotPursued),
        FlowCategory::Untiered,
        FlowCategory::Absent,
    ];

    pub fn of(tier: Option<Tier>) -> FlowCategory {
        tier.map_or(FlowCategory::Untiered, FlowCategory::Tier)
    }

    fn color(self) -> RGBColor {
        match self {
            FlowCategory::Tier(tier) => tier_color(tier),
            FlowCategory::Untiered => RGBColor(0xa0, 0xa0, 0xa0),
            FlowCategory::Absent => RGBColor(0xc8, 0xc8, 0xc8),
        }
    }

    fn index(self) -> usize {
        FlowCategory::ALL
            .iter()
            .position(|c| *c == self)
            .unwrap_or(FlowCategory::ALL.len() - 1)
    }
}

/// What to draw, with every text already in the user's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlowRequest {
    /// Column titles (e.g. "2025", "2026").
    pub from_title: String,
    pub to_title: String,
    /// One name per category of [`FlowCategory::ALL`].
    pub names: Vec<String>,
    /// (from, to, accounts).
    pub flows: Vec<(FlowCategory, FlowCategory, u32)>,
    pub width: u32,
    pub height: u32,
}

const TITLE_PX: f64 = 14.0;
const NAME_PX: f64 = 12.0;
const BAR_WIDTH: f64 = 14.0;
const GAP: f64 = 10.0;

/// Draws the flow chart as an SVG string. Categories with no account on a side take no
/// room there; a band's colour is the tier it comes from.
pub fn draw_flow(request: &FlowRequest) -> Result<String, DrawError> {
    let (width, height) = (f64::from(request.width), f64::from(request.height));
    let mut out_of = [0u32; 6];
    let mut into = [0u32; 6];
    for (from, to, n) in &request.flows {
        out_of[from.index()] += n;
        into[to.index()] += n;
    }
    let total = out_of.iter().sum::<u32>().max(1);
    let label_room = (width * 0.26).clamp(90.0, 200.0);
    let (left_x, right_x) = (label_room, width - label_room - BAR_WIDTH);
    let top = 16.0 + TITLE_PX * 1.6;
    let bottom = height - 12.0;
    let used = |sizes: &[u32; 6]| sizes.iter().filter(|n| **n > 0).count();
    let gaps = used(&out_of).max(used(&into)).saturating_sub(1) as f64 * GAP;
    let scale = ((bottom - top - gaps) / f64::from(total)).max(0.0);
    // Each side's segments: (top, bottom) per category.
    let layout = |sizes: &[u32; 6]| {
        let mut y = top;
        let mut spans = [(0.0, 0.0); 6];
        for (i, n) in sizes.iter().enumerate() {
            if *n == 0 {
                spans[i] = (y, y);
                continue;
            }
            let h = f64::from(*n) * scale;
            spans[i] = (y, y + h);
            y += h + GAP;
        }
        spans
    };
    let (left, right) = (layout(&out_of), layout(&into));

    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (request.width, request.height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let draw = |e: Result<(), DrawingAreaErrorKind<_>>| e.map_err(|e| e.to_string());

        // Bands first, under the bars: each leaves its source below the bands drawn
        // before it and arrives at its target the same way, so none cross inside a bar.
        let mut left_fill = left.map(|(t, _)| t);
        let mut right_fill = right.map(|(t, _)| t);
        let mut flows = request.flows.clone();
        flows.sort_by_key(|(from, to, _)| (from.index(), to.index()));
        for (from, to, n) in flows.iter().filter(|(_, _, n)| *n > 0) {
            let h = f64::from(*n) * scale;
            let (a0, b0) = (left_fill[from.index()], right_fill[to.index()]);
            left_fill[from.index()] += h;
            right_fill[to.index()] += h;
            let (x0, x1) = (left_x + BAR_WIDTH, right_x);
            // A smooth S between the two sides: the edges follow a cosine ease.
            let steps = 24;
            let edge = |y_from: f64, y_to: f64| -> Vec<(i32, i32)> {
                (0..=steps)
                    .map(|s| {
                        let t = f64::from(s) / f64::from(steps);
                        let ease = (1.0 - (t * std::f64::consts::PI).cos()) / 2.0;
                        (
                            (x0 + (x1 - x0) * t).round() as i32,
                            (y_from + (y_to - y_from) * ease).round() as i32,
                        )
                    })
                    .collect()
            };
            let mut polygon = edge(a0, b0);
            let mut lower = edge(a0 + h, b0 + h);
            lower.reverse();
            polygon.extend(lower);
            draw(root.draw(&Polygon::new(polygon, from.color().mix(0.35).filled())))?;
        }

        let title = |text: &str, x: f64, anchor: HPos| {
            Text::new(
                text.to_owned(),
                (x.round() as i32, 12),
                TextStyle::from(("sans-serif", font_size(TITLE_PX)).into_font())
                    .color(&RGBColor(0x22, 0x22, 0x22))
                    .pos(Pos::new(anchor, VPos::Top)),
            )
        };
        draw(root.draw(&title(&request.from_title, left_x + BAR_WIDTH, HPos::Right)))?;
        draw(root.draw(&title(&request.to_title, right_x, HPos::Left)))?;

        for (side, spans, sizes) in [(0, &left, &out_of), (1, &right, &into)] {
            for (i, category) in FlowCategory::ALL.iter().enumerate() {
                let (y0, y1) = spans[i];
                if sizes[i] == 0 {
                    continue;
                }
                let x = if side == 0 { left_x } else { right_x };
                draw(root.draw(&Rectangle::new(
                    [
                        (x.round() as i32, y0.round() as i32),
                        (
                            (x + BAR_WIDTH).round() as i32,
                            y1.round().max(y0.round() + 2.0) as i32,
                        ),
                    ],
                    category.color().filled(),
                )))?;
                let name = request.names.get(i).map(String::as_str).unwrap_or("");
                let text = fit(
                    &format!("{name} · {}", sizes[i]),
                    NAME_PX,
                    label_room - 12.0,
                );
                let (tx, anchor) = if side == 0 {
                    (x - 6.0, HPos::Right)
                } else {
                    (x + BAR_WIDTH + 6.0, HPos::Left)
                };
                let mid = (y0 + y1) / 2.0;
                debug_assert!(estimate_width(&text, NAME_PX) <= label_room);
                draw(
                    root.draw(&Text::new(
                        text,
                        (tx.round() as i32, mid.round() as i32),
                        TextStyle::from(("sans-serif", font_size(NAME_PX)).into_font())
                            .color(&RGBColor(0x22, 0x22, 0x22))
                            .pos(Pos::new(anchor, VPos::Center)),
                    )),
                )?;
            }
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(flows: Vec<(FlowCategory, FlowCategory, u32)>) -> FlowRequest {
        FlowRequest {
            from_title: "2025".into(),
            to_title: "2026".into(),
            names: vec![
                "Tier 1".into(),
                "Tier 2".into(),
                "Tier 3".into(),
                "Not pursued".into(),
                "Not tiered".into(),
                "<b>Gone</b>".into(),
            ],
            flows,
            width: 760,
            height: 420,
        }
    }

    #[test]
    fn the_flow_chart_draws_a_band_per_movement_and_labels_each_side_with_its_count() {
        let t = FlowCategory::Tier;
        let svg = draw_flow(&request(vec![
            (t(Tier::Tier1), t(Tier::Tier1), 8),
            (t(Tier::Tier2), t(Tier::Tier1), 2),
            (t(Tier::Tier1), t(Tier::Tier2), 1),
            (FlowCategory::Absent, t(Tier::Tier3), 3),
        ]))
        .expect("draws");
        assert_eq!(svg.matches("<polygon").count(), 4, "one band per movement");
        // Left: Tier 1 · 9, Tier 2 · 2, new accounts · 3; right: Tier 1 · 10, Tier 2 · 1, Tier 3 · 3.
        for label in [
            "Tier 1 · 9",
            "Tier 2 · 2",
            "Tier 1 · 10",
            "Tier 2 · 1",
            "Tier 3 · 3",
        ] {
            assert!(svg.contains(label), "{label}");
        }
        assert!(svg.contains("&lt;b&gt;Gone&lt;/b&gt; · 3"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("2025") && svg.contains("2026"));
    }

    #[test]
    fn an_empty_review_draws_titles_only() {
        let svg = draw_flow(&request(Vec::new())).expect("draws");
        assert_eq!(svg.matches("<polygon").count(), 0);
        assert!(svg.contains("2025"));
    }
}
