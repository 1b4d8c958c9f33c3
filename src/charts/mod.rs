//! The charts, drawn with plotters to SVG strings: the attractiveness × feasibility
//! matrix and the customer pyramid. Each `draw_*` takes plain data and labels (already
//! translated) and returns the SVG plus the pixel positions the page needs to make the
//! picture interactive. No web dependency: tested natively.
//!
//! plotters escapes `< > & " '` in every text it writes, so account names are safe in
//! the SVG; the page inserts only these strings as markup.

pub mod matrix;
pub mod pyramid;

use plotters::style::RGBColor;

use crate::domain::Tier;

/// Tier colours (Okabe–Ito), the same as in `style/main.css`.
pub fn tier_color(tier: Tier) -> RGBColor {
    match tier {
        Tier::Tier1 => RGBColor(0x00, 0x72, 0xb2),
        Tier::Tier2 => RGBColor(0x00, 0x9e, 0x73),
        Tier::Tier3 => RGBColor(0xd5, 0x5e, 0x00),
        Tier::NotPursued => RGBColor(0x6b, 0x6b, 0x6b),
    }
}

/// A drawing error in words (plotters' error types differ per backend).
pub type DrawError = String;

/// Shortens `text` to at most `max` characters, marking the cut with "…".
pub fn shorten(text: &str, max: usize) -> String {
    let trimmed = text.trim();
    if trimmed.chars().count() <= max {
        trimmed.to_owned()
    } else {
        let mut out: String = trimmed.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// `text`, shortened with "…" as needed to be at most `max_width` pixels wide at `size`.
pub fn fit(text: &str, size: f64, max_width: f64) -> String {
    let mut chars = text.trim().chars().count();
    loop {
        let candidate = shorten(text, chars);
        if chars <= 1 || estimate_width(&candidate, size) <= max_width {
            return candidate;
        }
        chars -= 1;
    }
}

/// Roughly how wide `text` is in pixels at `size`: CJK characters are square, others
/// about 0.6 em. Used to keep labels from overlapping, where a close guess is enough.
pub fn estimate_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c as u32 >= 0x2e80 { size } else { size * 0.6 })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_keeps_short_text_and_marks_cuts() {
        assert_eq!(shorten(" 上汽 ", 10), "上汽");
        assert_eq!(shorten("Shanghai Motor Parts", 10), "Shanghai …");
        assert_eq!(shorten("上海汽车零部件有限公司", 6), "上海汽车零…");
    }

    #[test]
    fn fit_shortens_only_as_much_as_needed() {
        assert_eq!(fit("Tier 1 · focus", 10.0, 1000.0), "Tier 1 · focus");
        let fitted = fit("一级客户 · 着重发展", 10.0, 50.0);
        assert!(estimate_width(&fitted, 10.0) <= 50.0);
        assert!(fitted.ends_with('…'));
    }

    #[test]
    fn cjk_text_is_estimated_wider_than_latin() {
        assert!(estimate_width("上海汽车", 10.0) > estimate_width("Abcd", 10.0));
        assert_eq!(estimate_width("", 10.0), 0.0);
    }
}
