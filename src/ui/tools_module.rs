//! The tools module (`src/bin/kam-tools.rs`, built to `tools/` beside the app: charts
//! and spreadsheet exports) is imported the first time a chart or an export is used, so
//! plotters and the csv crate are not in the first load. This file loads it and converts
//! between the app's types and its flat arguments.

use std::cell::RefCell;

use js_sys::{
    Array, Float64Array, Function, Int32Array, Object, Promise, Reflect, Uint32Array, Uint8Array,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::charts::matrix::{
    unpack_hotspots, Markers, MatrixDrawing, MatrixLabels, MatrixPoint, MatrixRequest, MatrixSize,
    Shifts, NAMED_POINTS,
};
use crate::charts::pyramid::{BandArea, BandText, PyramidDrawing};
use crate::domain::{Thresholds, Tier};

use super::dom::js_error;

/// Whether the module is there (for charts: the pages show a placeholder until it is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartsState {
    NotLoaded,
    Loading,
    Ready,
    Failed(String),
}

#[wasm_bindgen(inline_js = "export function import_module(url) { return import(url); }")]
extern "C" {
    /// The browser's dynamic `import()`, which Rust cannot spell.
    fn import_module(url: &str) -> Promise;
}

thread_local! {
    static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// The URL of a file of the tools module, relative to the page (works from sub-paths).
fn module_url(file: &str) -> Result<String, String> {
    super::dom::asset_url(&format!("tools/{file}"))
}

pub fn is_loaded() -> bool {
    MODULE.with(|m| m.borrow().is_some())
}

/// Imports and initialises the chart module, once.
pub async fn load() -> Result<(), String> {
    if is_loaded() {
        return Ok(());
    }
    let module = JsFuture::from(import_module(&module_url("kam_tools.js")?))
        .await
        .map_err(js_error)?;
    let init: Function = Reflect::get(&module, &JsValue::from_str("default"))
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "the chart module has no initialiser".to_string())?;
    let options = Object::new();
    Reflect::set(
        &options,
        &JsValue::from_str("module_or_path"),
        &JsValue::from_str(&module_url("kam_tools_bg.wasm")?),
    )
    .map_err(js_error)?;
    let started: Promise = init
        .call1(&JsValue::NULL, &options)
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "the chart module did not start".to_string())?;
    JsFuture::from(started).await.map_err(js_error)?;
    MODULE.with(|m| *m.borrow_mut() = Some(module));
    Ok(())
}

/// Calls the module's exported function `name`; its errors come back as text.
fn call_raw(name: &str, args: &Array) -> Result<JsValue, String> {
    let module = MODULE
        .with(|m| m.borrow().clone())
        .ok_or("the tools module is not loaded")?;
    let function: Function = Reflect::get(&module, &JsValue::from_str(name))
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| format!("the tools module has no {name}"))?;
    function.apply(&JsValue::NULL, args).map_err(js_error)
}

/// Has the tools module panic (test builds only), for the error screen's tests.
#[cfg(feature = "fault-hooks")]
pub fn fault() {
    let _ = call_raw("fault", &Array::new());
}

/// [`call_raw`] for functions that return an array of results.
fn call(name: &str, args: &Array) -> Result<Array, String> {
    call_raw(name, args)?
        .dyn_into()
        .map_err(|_| format!("{name} returned something unexpected"))
}

fn tier_code(tier: Tier) -> u8 {
    match tier {
        Tier::Tier1 => 0,
        Tier::Tier2 => 1,
        Tier::Tier3 => 2,
        Tier::NotPursued => 3,
    }
}

/// The points as the chart module takes them: four parallel number arrays.
fn point_columns(points: &[MatrixPoint]) -> [JsValue; 4] {
    let column = |f: fn(&MatrixPoint) -> u32| {
        JsValue::from(Uint32Array::from(
            points.iter().map(f).collect::<Vec<_>>().as_slice(),
        ))
    };
    let bytes = |f: fn(&MatrixPoint) -> u8| {
        JsValue::from(Uint8Array::from(
            points.iter().map(f).collect::<Vec<_>>().as_slice(),
        ))
    };
    [
        column(|p| p.attractiveness.0),
        column(|p| p.feasibility.0),
        bytes(|p| tier_code(p.tier)),
        bytes(|p| u8::from(p.overridden)),
    ]
}

/// Draws the matrix in the chart module; hotspots name the points' accounts.
pub fn draw_matrix(
    points: &[MatrixPoint],
    thresholds: &Thresholds,
    labels: &MatrixLabels,
    size: MatrixSize,
    markers: Markers,
) -> Result<MatrixDrawing, String> {
    draw_matrix_over(points, thresholds, labels, size, markers, Shifts::default())
}

/// [`draw_matrix`] over what-if [`Shifts`] (former thresholds, arrows).
pub fn draw_matrix_over(
    points: &[MatrixPoint],
    thresholds: &Thresholds,
    labels: &MatrixLabels,
    size: MatrixSize,
    markers: Markers,
    shifts: Shifts,
) -> Result<MatrixDrawing, String> {
    let request = MatrixRequest {
        shifts,
        thresholds: *thresholds,
        labels: labels.clone(),
        size,
        names: points
            .iter()
            .take(NAMED_POINTS)
            .map(|p| p.name.clone())
            .collect(),
        markers,
    };
    let request = serde_json::to_string(&request).map_err(|e| e.to_string())?;
    let args = Array::new();
    args.push(&JsValue::from_str(&request));
    for column in point_columns(points) {
        args.push(&column);
    }
    let out = call("draw_matrix_chart", &args)?;

    let account = |index: u64| {
        points
            .get(index as usize)
            .map(|p| p.account)
            .ok_or("a point index is out of range")
    };
    let svg = out.get(0).as_string().ok_or("no SVG")?;
    let packed: Vec<i64> = Float64Array::new(&out.get(1))
        .to_vec()
        .into_iter()
        .map(|v| v as i64)
        .collect();
    let mut hotspots = unpack_hotspots(&packed).ok_or("hotspots are cut short")?;
    for h in &mut hotspots {
        for a in &mut h.accounts {
            *a = account(*a)?;
        }
    }
    let labelled = Float64Array::new(&out.get(2))
        .to_vec()
        .into_iter()
        .map(|v| account(v as u64))
        .collect::<Result<Vec<_>, _>>()?;
    let area = Int32Array::new(&out.get(3)).to_vec();
    let plot_area = match area.as_slice() {
        [l, t, r, b] => (*l, *t, *r, *b),
        _ => return Err("no plot area".into()),
    };
    Ok(MatrixDrawing {
        svg,
        hotspots,
        labelled,
        plot_area,
    })
}

/// Draws the markers of `points` on `canvas` (the chart's size), over an SVG drawn with
/// [`Markers::Separate`].
pub fn draw_matrix_markers(
    canvas: &web_sys::HtmlCanvasElement,
    points: &[MatrixPoint],
    thresholds: &Thresholds,
) -> Result<(), String> {
    let names: Vec<&str> = points
        .iter()
        .take(NAMED_POINTS)
        .map(|p| p.name.as_str())
        .collect();
    let names = serde_json::to_string(&names).map_err(|e| e.to_string())?;
    let args = Array::new();
    args.push(canvas);
    args.push(&JsValue::from_str(&names));
    let thresholds = serde_json::to_string(thresholds).map_err(|e| e.to_string())?;
    args.push(&JsValue::from_str(&thresholds));
    for column in point_columns(points) {
        args.push(&column);
    }
    let module = MODULE
        .with(|m| m.borrow().clone())
        .ok_or("the tools module is not loaded")?;
    let function: Function = Reflect::get(&module, &JsValue::from_str("draw_matrix_markers"))
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "the chart module has no draw_matrix_markers".to_string())?;
    function.apply(&JsValue::NULL, &args).map_err(js_error)?;
    Ok(())
}

/// The trainers' demo workspace, built by the tools module (loaded first if need be).
pub async fn demo_workspace(
    language: crate::domain::Language,
    now: i64,
) -> Result<crate::domain::Workspace, String> {
    load().await?;
    let args = Array::of2(
        &JsValue::from_str(language.tag()),
        &JsValue::from(now as f64),
    );
    let json = call_raw("demo_workspace_file", &args)?
        .as_string()
        .ok_or("the demo is not text")?;
    crate::storage::envelope::decode(&json).map_err(|e| e.to_string())
}

/// A table as CSV bytes (UTF-8 with BOM, formulas neutralised), written by the tools
/// module.
pub fn csv_file(table: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let json = serde_json::to_string(table).map_err(|e| e.to_string())?;
    let args = Array::of1(&JsValue::from_str(&json));
    let bytes = call_raw("csv_file", &args)?;
    Ok(Uint8Array::new(&bytes).to_vec())
}

/// Draws the pyramid in the chart module.
pub fn draw_pyramid(bands: &[BandText], width: u32, height: u32) -> Result<PyramidDrawing, String> {
    let json = serde_json::to_string(bands).map_err(|e| e.to_string())?;
    let args = Array::of3(
        &JsValue::from_str(&json),
        &JsValue::from(width),
        &JsValue::from(height),
    );
    let out = call("draw_pyramid_chart", &args)?;
    let svg = out.get(0).as_string().ok_or("no SVG")?;
    let areas = Int32Array::new(&out.get(1)).to_vec();
    let bands = bands
        .iter()
        .zip(areas.chunks_exact(2))
        .map(|(band, area)| BandArea {
            level: band.level,
            top: area[0],
            bottom: area[1],
        })
        .collect();
    Ok(PyramidDrawing {
        svg,
        bands,
        width,
        height,
    })
}

/// Draws the annual review's flow chart in the chart module.
pub fn draw_flow(request: &crate::charts::flow::FlowRequest) -> Result<String, String> {
    let json = serde_json::to_string(request).map_err(|e| e.to_string())?;
    call_raw("draw_flow_chart", &Array::of1(&JsValue::from_str(&json)))?
        .as_string()
        .ok_or_else(|| "draw_flow_chart returned no SVG".to_owned())
}

/// A chart page's drawing once it can be shown; otherwise what to show instead:
/// progress while the tools module loads, why it failed, or why drawing failed.
pub fn chart_ready<T>(
    state: &ChartsState,
    drawing: Result<T, String>,
    t: &crate::i18n::Strings,
) -> Result<T, leptos::prelude::AnyView> {
    use crate::i18n::fill;
    use leptos::prelude::*;
    match (state, drawing) {
        (ChartsState::Ready, Ok(drawing)) => Ok(drawing),
        (ChartsState::Ready, Err(reason)) => {
            Err(view! { <p class="notice error">{fill(t.chart_failed, &[&reason])}</p> }.into_any())
        }
        (ChartsState::Failed(reason), _) => Err(view! {
            <p class="notice error" role="alert">{fill(t.chart_load_failed, &[reason])}</p>
        }
        .into_any()),
        (ChartsState::NotLoaded | ChartsState::Loading, _) => {
            Err(view! { <p class="chart-loading" role="status">{t.chart_loading}</p> }.into_any())
        }
    }
}
