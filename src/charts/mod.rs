//! The charts, drawn with plotters to SVG strings: the attractiveness × feasibility
//! matrix and the customer pyramid. Each `draw_*` takes plain data and labels (already
//! translated) and returns the SVG plus the pixel positions the page needs to make the
//! picture interactive. No web dependency: tested natively.
//!
//! plotters escapes `< > & " '` in every text it writes, so account names are safe in
//! the SVG; the page inserts only these strings as markup.

pub mod flow;
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
    let trimmed = text.trim();
    let count = trimmed.chars().count();
    if count <= 1 || estimate_width(trimmed, size) <= max_width {
        return trimmed.to_owned();
    }
    // The longest start that fits with "…" after it, found in one pass: a name can be
    // 100,000 characters long, and measuring every shorter form in turn took minutes.
    let ellipsis = char_em('…') * size;
    let (mut width, mut end) = (0.0, 0);
    for (at, c) in trimmed.char_indices().take(count - 2) {
        width += char_em(c) * size;
        if width + ellipsis > max_width {
            break;
        }
        end = at + c.len_utf8();
    }
    let mut out = trimmed[..end].to_owned();
    out.push('…');
    out
}

/// How wide `text` is at most, in pixels, at a font size of `size` CSS pixels. Each
/// character counts as wide as it is in DejaVu Sans (the widest common sans-serif, and
/// the one Linux falls back to); CJK and other full-width characters are one em. Other
/// fonts draw narrower, so a box made from this holds the text wherever it is read.
pub fn estimate_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| char_em(c) * size).sum()
}

/// A character's advance width in em, rounded up (see [`estimate_width`]).
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | 'I' | 'J' | '\'' | '.' | ',' | ':' | ';' | '|' | ' ' | '·' => 0.35,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' | '!' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' | '%' | '&' => 1.0,
        'A'..='Z' => 0.79,
        'a'..='z' | '0'..='9' => 0.64,
        c if (c as u32) < 0x80 => 0.84,
        c if (c as u32) < 0x2e80 && c != '…' && c != '×' => 0.8,
        _ => 1.0,
    }
}

/// Plotters' font size for text `px` CSS pixels high: its SVG backend writes
/// `font-size` as the size divided by 1.24 (the height of a line, not of the em).
pub fn font_size(px: f64) -> f64 {
    px * 1.24
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

    /// `fit` as defined: the longest of `shorten`'s forms that fits, one character at
    /// the least.
    fn fit_by_definition(text: &str, size: f64, max_width: f64) -> String {
        let mut chars = text.trim().chars().count();
        loop {
            let candidate = shorten(text, chars);
            if chars <= 1 || estimate_width(&candidate, size) <= max_width {
                return candidate;
            }
            chars -= 1;
        }
    }

    #[test]
    fn fit_gives_the_longest_shortened_form_that_fits() {
        for text in [
            "",
            "W",
            "Wi",
            " Northern Star Logistics ",
            "上海汽车零部件有限公司",
            "iiiiiiW",
            "a…b…c",
        ] {
            for max in [0.0, 5.0, 9.0, 12.0, 30.0, 64.0, 100.0, 1000.0] {
                assert_eq!(
                    fit(text, 10.0, max),
                    fit_by_definition(text, 10.0, max),
                    "{text:?} in {max}"
                );
            }
        }
    }

    #[test]
    fn fit_cuts_a_hundred_thousand_character_name_at_once() {
        let name = format!("{}{}", "长".repeat(50_000), "x".repeat(50_000));
        let fitted = fit(&name, 10.0, 200.0);
        assert_eq!(fitted, format!("{}…", "长".repeat(19)));
        assert!(estimate_width(&fitted, 10.0) <= 200.0);
    }

    #[test]
    fn cjk_text_is_estimated_wider_than_latin() {
        assert!(estimate_width("上海汽车", 10.0) > estimate_width("Abcd", 10.0));
        assert_eq!(estimate_width("上海汽车", 10.0), 40.0);
        assert_eq!(estimate_width("", 10.0), 0.0);
    }

    #[test]
    fn text_width_is_never_underestimated_for_the_fallback_font() {
        // Advance widths of DejaVu Sans in em (from its metrics): the estimate holds them.
        for (text, em) in [
            ("Alpha Motors", 6.57),
            ("WWW", 2.97),
            ("illicit", 2.33),
            ("Northern Star Logistics Group", 14.87),
            ("Tier 2 · develop with existing resources", 19.71),
        ] {
            assert!(estimate_width(text, 1.0) >= em, "{text}");
            assert!(
                estimate_width(text, 1.0) <= em * 1.25,
                "{text} not wildly wide"
            );
        }
    }
}
