//! Loads each language's table of texts (written into the build by `kam-strings`, named
//! by the page's start-up script in `window.kamStrings`): the one in use before the app
//! starts, the other one in the background so a switch is instant. The start-up script
//! begins fetching the likely table while the app's WebAssembly is still loading.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::Language;
use crate::i18n;

/// Bumped whenever a table is installed, so views can tell a language became available.
pub fn installed() -> RwSignal<u32> {
    // One signal for the page, created with the app (see `super::mount`).
    expect_context::<Installed>().0
}

#[derive(Clone, Copy)]
pub struct Installed(pub RwSignal<u32>);

/// Loads `language`'s table unless it is loaded already.
pub async fn load(language: Language) -> Result<(), String> {
    if i18n::loaded(language).is_some() {
        return Ok(());
    }
    let text = fetch_table(language).await?;
    i18n::install(language, &text)?;
    if let Some(Installed(signal)) = use_context::<Installed>() {
        signal.update(|n| *n += 1);
    }
    Ok(())
}

fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

async fn fetch_table(language: Language) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let config = property(&window, "kamStrings").ok_or("the page names no text tables")?;
    let tag = language.tag();
    // The fetch the start-up script began for its guess of the language, used once.
    if let Some(early) = property(&config, "early") {
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
    let url = property(&config, "urls")
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
