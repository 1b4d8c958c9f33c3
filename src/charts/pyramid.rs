//! The customer pyramid: three stacked bands (key on top), each with its accounts and
//! planned selling time beside the recommended shares.

use plotters::prelude::*;
use serde::{Deserialize, Serialize};

use super::DrawError;
use crate::domain::pyramid::Level;

/// What is written beside one band, already in the user's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BandText {
    pub level: Level,
    pub title: String,
    /// e.g. "12 accounts · 8% (recommended 10%)"
    pub accounts: String,
    /// e.g. "selling time 35% (recommended 60%)"
    pub time: String,
    /// Whether the actual shape deviates from the recommendation on this level.
    pub deviates: bool,
}

/// Where a band is, in SVG pixels, for the page to make it clickable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BandArea {
    pub level: Level,
    pub top: i32,
    pub bottom: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PyramidDrawing {
    pub svg: String,
    pub bands: Vec<BandArea>,
    pub width: u32,
    pub height: u32,
}

fn band_color(level: Level) -> RGBColor {
    match level {
        Level::Key => RGBColor(0x1f, 0x4e, 0x79),
        Level::Ordinary => RGBColor(0x4f, 0x86, 0xb8),
        Level::SuperPotential => RGBColor(0xa9, 0xc8, 0xe6),
    }
}

/// Draws the pyramid; `bands` must hold the three levels, top first.
pub fn draw_pyramid(
    bands: &[BandText],
    width: u32,
    height: u32,
) -> Result<PyramidDrawing, DrawError> {
    let mut svg = String::new();
    let mut areas = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let margin = 16.0;
        let apex_x = f64::from(width) * 0.25;
        let half_base = f64::from(width) * 0.22;
        let top = margin;
        let bottom = f64::from(height) - margin;
        let band_height = (bottom - top) / bands.len().max(1) as f64;
        // Width of the triangle at height y, measured from the apex.
        let half_at = |y: f64| half_base * (y - top) / (bottom - top);
        for (i, band) in bands.iter().enumerate() {
            let y0 = top + band_height * i as f64;
            let y1 = y0 + band_height;
            let gap = 3.0;
            let polygon = vec![
                ((apex_x - half_at(y0 + gap)) as i32, (y0 + gap) as i32),
                ((apex_x + half_at(y0 + gap)) as i32, (y0 + gap) as i32),
                ((apex_x + half_at(y1)) as i32, y1 as i32),
                ((apex_x - half_at(y1)) as i32, y1 as i32),
            ];
            let color = band_color(band.level);
            root.draw(&Polygon::new(polygon, color.filled()))
                .map_err(|e| e.to_string())?;
            let text_x = (apex_x + half_base + 24.0) as i32;
            let mid = ((y0 + y1) / 2.0) as i32;
            let ink = RGBColor(0x1d, 0x24, 0x30);
            let alert = RGBColor(0xb4, 0x23, 0x18);
            root.draw(&Text::new(
                band.title.clone(),
                (text_x, mid - 26),
                ("sans-serif", 16)
                    .into_font()
                    .style(FontStyle::Bold)
                    .color(&ink),
            ))
            .map_err(|e| e.to_string())?;
            root.draw(&Text::new(
                band.accounts.clone(),
                (text_x, mid - 4),
                ("sans-serif", 13).into_font().color(&ink),
            ))
            .map_err(|e| e.to_string())?;
            let time_color = if band.deviates { alert } else { ink };
            root.draw(&Text::new(
                band.time.clone(),
                (text_x, mid + 14),
                ("sans-serif", 13).into_font().color(&time_color),
            ))
            .map_err(|e| e.to_string())?;
            areas.push(BandArea {
                level: band.level,
                top: y0 as i32,
                bottom: y1 as i32,
            });
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(PyramidDrawing {
        svg,
        bands: areas,
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(level: Level, title: &str) -> BandText {
        BandText {
            level,
            title: title.into(),
            accounts: "3 accounts · 30%".into(),
            time: "time 20% (recommended 60%)".into(),
            deviates: level == Level::Key,
        }
    }

    #[test]
    fn pyramid_draws_three_bands_top_down() {
        let bands = [
            band(Level::Key, "Key"),
            band(Level::Ordinary, "Ordinary"),
            band(Level::SuperPotential, "Super-potential"),
        ];
        let d = draw_pyramid(&bands, 700, 420).expect("draws");
        assert_eq!(d.bands.len(), 3);
        assert_eq!(d.bands[0].level, Level::Key);
        assert!(d.bands[0].bottom <= d.bands[1].top + 1);
        assert!(d.bands[2].bottom <= 420);
        assert_eq!(d.svg.matches("<polygon").count(), 3);
        for title in ["Key", "Ordinary", "Super-potential"] {
            assert!(d.svg.contains(title));
        }
    }

    #[test]
    fn pyramid_escapes_text() {
        let bands = [band(Level::Key, "<script>x</script>")];
        let d = draw_pyramid(&bands, 700, 200).expect("draws");
        assert!(!d.svg.contains("<script>"));
    }
}
