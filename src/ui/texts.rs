//! Loads each language's table of texts (written into the build by `kam-strings`, named
//! by the page's start-up script in `window.kamStrings`): the start table of the one in
//! use (the first screen's texts) before the app starts, its whole table once the first
//! screen is painted, and the other language's in the background so a switch is
//! instant. The start-up script begins fetching the likely start table while the app's
//! WebAssembly is still loading.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::dom::property;
use crate::domain::Language;
use crate::i18n;

/// Bumped whenever a table is installed, so views can tell a language became available.
pub fn installed() -> RwSignal<u32> {
    // One signal for the page, created with the app (see `super::mount`).
    expect_context::<Installed>().0
}

#[derive(Clone, Copy)]
pub struct Installed(pub RwSignal<u32>);

/// Loads `language`'s start table: the texts of the first screen.
pub async fn load_start(language: Language) -> Result<(), String> {
    let text = fetch_table(language, Part::Start).await?;
    i18n::install_start(language, &text)
}

thread_local! {
    /// The whole tables being fetched, by language: a second caller (a page opened
    /// while the first screen's task fetches the rest) waits for the same request.
    static FETCHING: std::cell::RefCell<[Option<js_sys::Promise>; 2]> =
        const { std::cell::RefCell::new([None, None]) };
}

/// Loads `language`'s whole table unless it is loaded already.
pub async fn load(language: Language) -> Result<(), String> {
    if i18n::loaded(language).is_some() {
        return Ok(());
    }
    let slot = match language {
        Language::Zh => 0,
        Language::En => 1,
    };
    let promise = FETCHING.with(|f| {
        f.borrow_mut()[slot]
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async move {
                    fetch_table(language, Part::Whole)
                        .await
                        .map(JsValue::from)
                        .map_err(JsValue::from)
                })
            })
            .clone()
    });
    let fetched = JsFuture::from(promise).await;
    // Done either way: a failed fetch is tried afresh by the next caller.
    FETCHING.with(|f| f.borrow_mut()[slot] = None);
    let text = fetched
        .map_err(|e| e.as_string().unwrap_or_else(|| describe(e)))?
        .as_string()
        .ok_or("the text table is not text")?;
    if i18n::loaded(language).is_none() {
        i18n::install(language, &text)?;
        if let Some(Installed(signal)) = use_context::<Installed>() {
            signal.update(|n| *n += 1);
        }
    }
    Ok(())
}

/// Which table of a language.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Start,
    Whole,
}

async fn fetch_table(language: Language, part: Part) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let config = property(&window, "kamStrings").ok_or("the page names no text tables")?;
    let tag = language.tag();
    // The fetch of a start table the start-up script began for its guess of the
    // language, used once.
    if let Some(early) = property(&config, "early").filter(|_| part == Part::Start) {
        if property(&early, "tag")
            .and_then(|t| t.as_string())
            .as_deref()
            == Some(tag)
        {
            let _ = js_sys::Reflect::delete_property(
                config.unchecked_ref::<js_sys::Object>(),
                &"early".into(),
            );
            if let Some(promise) =
                property(&early, "text").and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
            {
                if let Ok(text) = JsFuture::from(promise).await {
                    if let Some(text) = text.as_string() {
                        return Ok(text);
                    }
                }
            }
        }
    }
    let list = match part {
        Part::Start => "starts",
        Part::Whole => "urls",
    };
    let url = property(&config, list)
        .and_then(|urls| property(&urls, tag))
        .and_then(|u| u.as_string())
        .ok_or("the page names no text table for this language")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(describe)?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?
        .as_string()
        .ok_or_else(|| "the text table is not text".into())
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the request failed".into())
}
