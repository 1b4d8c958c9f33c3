//! Small browser helpers: the clock, file download and file reading.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Milliseconds since the Unix epoch.
pub fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}

/// `millis` shifted into the browser's time zone, for formatting local dates.
pub fn local_millis(millis: i64) -> i64 {
    let offset_minutes = js_sys::Date::new(&JsValue::from_f64(millis as f64)).get_timezone_offset();
    millis - (offset_minutes as i64) * 60_000
}

/// The current time as an ISO 8601 string in UTC.
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// The name of a workspace file exported today (the header's export, the error screen).
pub fn workspace_file_name() -> String {
    format!("kam-workspace-{}.json", today_stamp())
}

/// Today's local date as YYYY-MM-DD, for file names.
pub fn today_stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The absolute URL of a file of the build, relative to the page (works from sub-paths).
pub fn asset_url(path: &str) -> Result<String, String> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .ok_or("no document")?;
    web_sys::Url::new_with_base(path, &base)
        .map(|u| u.href())
        .map_err(js_error)
}

/// Waits for the browser's next turn, so the page can paint during long work.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits for the browser's next frame (just before it is drawn).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let asked = web_sys::window().map(|w| w.request_animation_frame(&resolve));
        if !matches!(asked, Some(Ok(_))) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits until the browser has painted what is on the page now (the next frame, then the
/// turn after it), so work that can wait does not delay what the user sees first.
pub async fn after_paint() {
    next_frame().await;
    next_turn().await;
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function collation_places(joined, locale, head) {
  const texts = joined.split('\u0000');
  const collator = new Intl.Collator(locale);
  const compare = (a, b) => collator.compare(texts[a], texts[b]) || a - b;
  let order;
  if (head > 0 && texts.length > 4 * head) {
    // Only the first `head` texts in order, kept sorted while the rest pass by once.
    order = [];
    for (let i = 0; i < texts.length; i++) {
      if (order.length === head && compare(i, order[head - 1]) > 0) continue;
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compare(order[mid], i) < 0) lo = mid + 1; else hi = mid;
      }
      order.splice(lo, 0, i);
      if (order.length > head) order.pop();
    }
  } else {
    order = texts.map((_, i) => i);
    order.sort(compare);
  }
  const places = new Uint32Array(texts.length);
  let place = 0;
  order.forEach((i, k) => {
    if (k > 0 && collator.compare(texts[order[k - 1]], texts[i]) !== 0) place += 1;
    places[i] = place;
  });
  if (order.length < texts.length) {
    const placed = new Uint8Array(texts.length);
    order.forEach((i) => { placed[i] = 1; });
    places.forEach((_, i) => { if (!placed[i]) places[i] = place + 1; });
  }
  return places;
}
"#)]
extern "C" {
    /// Each text's place when the texts (`joined` by NUL) are sorted as `locale` orders
    /// them (texts that compare equal share a place), by the browser's `Intl.Collator`.
    /// With `head` > 0 and many texts, only the first `head` are placed; the others share
    /// the place after them.
    fn collation_places(joined: &str, locale: &str, head: u32) -> Vec<u32>;
}

/// Each text's place in the order of the user's language (texts that compare equal share
/// a place), for sorting lists: the browser's collator, so Chinese sorts in pinyin order
/// as spreadsheets do. One call places every text.
pub fn collation(texts: &[&str], language: crate::domain::Language) -> Vec<u32> {
    collation_head(texts, language, 0)
}

/// As [`collation`], but when `head` > 0 only the `head` first texts in order get their
/// own places and the others share the last one: a fraction of the work, for a first
/// screen that shows only the top of a long list. Texts are handed over as one string,
/// which crosses into JavaScript in one piece rather than one per text.
pub fn collation_head(texts: &[&str], language: crate::domain::Language, head: u32) -> Vec<u32> {
    if texts.is_empty() {
        return Vec::new();
    }
    let mut joined = String::with_capacity(texts.iter().map(|t| t.len() + 1).sum());
    for (k, text) in texts.iter().enumerate() {
        if k > 0 {
            joined.push('\0');
        }
        if text.contains('\0') {
            // The separator inside a text would split it in two.
            joined.push_str(&text.replace('\0', "\u{fffd}"));
        } else {
            joined.push_str(text);
        }
    }
    collation_places(&joined, language.tag(), head)
}

/// As [`collation_head`], for a long list shown at every start (the account list): the
/// places are remembered between visits under `list` (`crate::storage::collation`), and
/// used again while the texts, the language and the browser are the same — most starts
/// then place nothing. Places worked out for every text are remembered; a head is not.
pub fn collation_remembered(
    texts: &[&str],
    language: crate::domain::Language,
    head: u32,
    list: &str,
) -> Vec<u32> {
    use crate::storage::{collation, local};
    if texts.len() < collation::REMEMBER_FROM {
        return collation_head(texts, language, head);
    }
    let browser = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let stamp = collation::fingerprint(texts, language.tag(), &browser);
    if let Some(places) =
        local::load_collation(list).and_then(|s| collation::decode(&s, &stamp, texts.len()))
    {
        return places;
    }
    let places = collation_head(texts, language, head);
    let whole = head == 0 || texts.len() <= 4 * head as usize;
    if let Some(stored) = whole.then(|| collation::encode(&stamp, &places)).flatten() {
        local::save_collation(list, &stored);
    }
    places
}

/// `target[name]`, if it is there (neither undefined nor null).
pub fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Whether the page's scripts set `window[name]` to something (a flag they leave).
pub fn window_has(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| property(&w, name))
        .is_some_and(|v| v.is_truthy())
}

/// Calls the page script's function `window[name]()`; false when there is none (or it
/// said no by returning false).
pub fn call_window_function(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| property(&w, name))
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .is_some_and(|answer| answer.as_bool() != Some(false))
}

/// Moves focus to the heading of the page just shown, so that keyboard and screen-reader
/// users go on from the new page's top, as after a full page load (the link they used
/// is gone with the old page). The heading takes focus without entering the tab order.
pub fn focus_page_heading() {
    let Some(heading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    // Where the page scrolls is the router's to say (back returns to the same place).
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = heading.focus_with_options(&options);
}

/// Reloads the page.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// A file's bytes.
pub async fn read_file_bytes(file: &web_sys::File) -> Result<js_sys::Uint8Array, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(js_error)?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// A JavaScript error or rejection as text.
pub fn js_error(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

fn text_blob(mime: &str, text: &str) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)
}

/// A blob of raw bytes (a file made by the tools module).
pub fn bytes_blob(mime: &str, bytes: &[u8]) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(js_error)
}

/// Offers `text` as a file download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    download_blob(filename, &text_blob(mime, text)?)
}

/// Offers `blob` as a file download named `filename`.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let err = js_error;
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(err)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&anchor).map_err(err)?;
    anchor.click();
    anchor.remove();
    // Revoking at once can cancel the download in some browsers; a short delay is safe.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    Ok(())
}

/// Reads a file chosen by the user as text (UTF-8).
pub async fn read_file_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// Renders an SVG document to a PNG image at `scale` times its size, through an
/// off-screen canvas (the browser's own SVG renderer and PNG encoder).
pub async fn svg_to_png(
    svg: &str,
    width: u32,
    height: u32,
    scale: f64,
) -> Result<web_sys::Blob, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(&text_blob("image/svg+xml", svg)?)
        .map_err(js_error)?;
    let image = web_sys::HtmlImageElement::new().map_err(js_error)?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&url);
    let outcome = JsFuture::from(loaded).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    outcome.map_err(|_| "the SVG could not be rendered".to_string())?;

    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "not a canvas".to_string())?;
    canvas.set_width((f64::from(width) * scale) as u32);
    canvas.set_height((f64::from(height) * scale) as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js_error)?
        .ok_or("no 2d context")?
        .dyn_into()
        .map_err(|_| "not a 2d context".to_string())?;
    context.scale(scale, scale).map_err(js_error)?;
    context
        .draw_image_with_html_image_element(&image, 0.0, 0.0)
        .map_err(js_error)?;
    let blob = js_sys::Promise::new(&mut |resolve, reject| {
        let on_failure = reject.clone();
        let callback = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
            if blob.is_null() {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("no PNG"));
            } else {
                let _ = resolve.call1(&JsValue::NULL, &blob);
            }
        });
        if let Err(e) = canvas.to_blob_with_type(callback.unchecked_ref(), "image/png") {
            let _ = on_failure.call1(&JsValue::NULL, &e);
        }
    });
    JsFuture::from(blob)
        .await
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "not a blob".to_string())
}
