//! The tools module: a second WebAssembly file that the app loads only when a chart or an
//! export is first used, so plotters and the csv crate are not part of the first load.
//! It exposes `kam::charts` and `kam::exchange` to the app through small, flat
//! arguments (JSON for settings, texts and workspaces, number arrays for points).

#[cfg(target_arch = "wasm32")]
mod exports {
    use kam::charts::flow::{draw_flow, FlowRequest};
    use kam::charts::matrix::{
        draw_markers_on, draw_matrix_request, pack_hotspots, MatrixPoint, MatrixRequest,
    };
    use kam::charts::pyramid::{draw_pyramid, BandText};
    use kam::domain::{Tenths, Thresholds, Tier};
    use plotters::prelude::IntoDrawingArea;
    use plotters_canvas::CanvasBackend;
    use wasm_bindgen::prelude::*;

    /// Names written over a crowded chart: only the very top, the rest show on hover.
    const CROWDED_LABELS: usize = 15;

    fn tier_from_code(code: u8) -> Tier {
        match code {
            0 => Tier::Tier1,
            1 => Tier::Tier2,
            2 => Tier::Tier3,
            _ => Tier::NotPursued,
        }
    }

    /// Draws the matrix. Point `i` has `attractiveness[i]`, `feasibility[i]` (tenths),
    /// `tiers[i]` (0–3 for Tier 1, 2, 3, not pursued) and `overridden[i]` (0/1); hotspot
    /// members are point indexes. Returns `[svg, hotspots, labelled, plot_area]`.
    #[wasm_bindgen]
    pub fn draw_matrix_chart(
        request: &str,
        attractiveness: Vec<u32>,
        feasibility: Vec<u32>,
        tiers: Vec<u8>,
        overridden: Vec<u8>,
    ) -> Result<js_sys::Array, JsError> {
        let request: MatrixRequest = serde_json::from_str(request)?;
        let points = points(
            &request.names,
            &attractiveness,
            &feasibility,
            &tiers,
            &overridden,
        );
        let drawing = draw_matrix_request(&points, &request).map_err(|e| JsError::new(&e))?;
        let hotspots: Vec<f64> = pack_hotspots(&drawing.hotspots)
            .into_iter()
            .map(|v| v as f64)
            .collect();
        let labelled: Vec<f64> = drawing.labelled.iter().map(|v| *v as f64).collect();
        let (l, t, r, b) = drawing.plot_area;
        let out = js_sys::Array::new();
        out.push(&JsValue::from_str(&drawing.svg));
        out.push(&js_sys::Float64Array::from(hotspots.as_slice()));
        out.push(&js_sys::Float64Array::from(labelled.as_slice()));
        out.push(&js_sys::Int32Array::from([l, t, r, b].as_slice()));
        Ok(out)
    }

    /// Draws the markers of the points (same arrays as [`draw_matrix_chart`], `names` a
    /// JSON list of the first points' names, `thresholds` a JSON `Thresholds`, which
    /// the names keep off) and the top names on a canvas the size of the chart, laid
    /// over an SVG drawn without markers.
    #[wasm_bindgen]
    pub fn draw_matrix_markers(
        canvas: web_sys::HtmlCanvasElement,
        names: &str,
        thresholds: &str,
        attractiveness: Vec<u32>,
        feasibility: Vec<u32>,
        tiers: Vec<u8>,
        overridden: Vec<u8>,
    ) -> Result<(), JsError> {
        let names: Vec<String> = serde_json::from_str(names)?;
        let thresholds: Thresholds = serde_json::from_str(thresholds)?;
        let points = points(&names, &attractiveness, &feasibility, &tiers, &overridden);
        let backend = CanvasBackend::with_canvas_object(canvas)
            .ok_or_else(|| JsError::new("no 2D canvas"))?;
        let root = backend.into_drawing_area();
        // The canvas takes font sizes in pixels.
        draw_markers_on(&root, &points, &thresholds, CROWDED_LABELS, 1.0)
            .map(|_| ())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    fn points(
        names: &[String],
        attractiveness: &[u32],
        feasibility: &[u32],
        tiers: &[u8],
        overridden: &[u8],
    ) -> Vec<MatrixPoint> {
        attractiveness
            .iter()
            .zip(feasibility)
            .zip(tiers.iter().zip(overridden))
            .enumerate()
            .map(|(i, ((a, f), (tier, over)))| MatrixPoint {
                account: i as u64,
                name: names.get(i).cloned().unwrap_or_default(),
                attractiveness: Tenths(*a),
                feasibility: Tenths(*f),
                tier: tier_from_code(*tier),
                overridden: *over != 0,
            })
            .collect()
    }

    /// The trainers' demo workspace in `language` ("zh-CN" or "en"), dated from `now`
    /// (ms since the epoch), as the JSON of a workspace file. Its texts are data of this
    /// module, so the app's first load does not carry them.
    #[wasm_bindgen]
    pub fn demo_workspace_file(language: &str, now: f64) -> Result<String, JsError> {
        let language = kam::domain::Language::from_tag(language)
            .ok_or_else(|| JsError::new("unknown language"))?;
        let workspace = kam::domain::demo::demo_workspace(language, now as i64);
        kam::storage::envelope::encode_for_storage(&workspace).map_err(|e| JsError::new(&e))
    }

    /// A table (JSON list of rows of cells) as CSV bytes for Excel (see
    /// `kam::exchange::ranking_csv::write_csv`).
    #[wasm_bindgen]
    pub fn csv_file(table: &str) -> Result<Vec<u8>, JsError> {
        let table: Vec<Vec<String>> = serde_json::from_str(table)?;
        kam::exchange::ranking_csv::write_csv(&table).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Draws the annual review's flow chart from its request (JSON); returns the SVG.
    #[wasm_bindgen]
    pub fn draw_flow_chart(request: &str) -> Result<String, JsError> {
        let request: FlowRequest = serde_json::from_str(request)?;
        draw_flow(&request).map_err(|e| JsError::new(&e))
    }

    /// Draws the pyramid from its band texts (JSON). Returns `[svg, bands]` where bands
    /// is `top, bottom` per band in order.
    #[wasm_bindgen]
    pub fn draw_pyramid_chart(
        bands: &str,
        width: u32,
        height: u32,
    ) -> Result<js_sys::Array, JsError> {
        let bands: Vec<BandText> = serde_json::from_str(bands)?;
        let drawing = draw_pyramid(&bands, width, height).map_err(|e| JsError::new(&e))?;
        let areas: Vec<i32> = drawing
            .bands
            .iter()
            .flat_map(|b| [b.top, b.bottom])
            .collect();
        let out = js_sys::Array::new();
        out.push(&JsValue::from_str(&drawing.svg));
        out.push(&js_sys::Int32Array::from(areas.as_slice()));
        Ok(out)
    }

    /// A panic on request, for the browser tests of the page's error screen (test
    /// builds only: the feature is never on in a release).
    #[cfg(feature = "fault-hooks")]
    #[wasm_bindgen]
    pub fn fault() {
        panic!("a test fault in the tools module");
    }
}

/// Runs when the module is instantiated: its panics reach the page's error screen.
fn main() {
    #[cfg(target_arch = "wasm32")]
    kam::panics::forward_panics();
}
