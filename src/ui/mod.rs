//! The Leptos application: shell, pages and components. Components stay thin: they read
//! the app state, call `crate::domain` for every rule, and write the result back.

mod account_page;
mod accounts;
mod actions_page;
pub mod crash;
mod development;
mod dom;
mod engagement;
mod import_page;
mod matrix_page;
mod merge_page;
mod model_page;
mod notices;
mod pages;
mod plan;
mod pyramid_page;
mod ranking_page;
mod review_page;
mod router;
mod sheets;
mod shell;
mod state;
mod sync;
mod sync_page;
mod tab_conflict;
mod texts;
mod tools_module;
mod update;
mod whatif;
mod widgets;
mod workspaces_page;

use leptos::prelude::*;

/// Loads the first screen's texts of the language in use, then mounts the app on `<body>`, replacing
/// the loading message of `index.html`; if the texts cannot be loaded, that message says
/// so in both languages (no table of texts is there to say it in one).
pub fn mount() {
    // Leptos's executor is set up by the mount itself, so the wait before it runs on
    // wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async {
        let boot = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("boot"));
        // The first screen's texts; should the start table be missing, the whole one.
        let language = state::initial_language();
        let loaded = match texts::load_start(language).await {
            Ok(()) => Ok(()),
            Err(_) => texts::load(language).await,
        };
        match loaded {
            Ok(()) => {
                if let Some(boot) = boot {
                    boot.remove();
                }
                mount_to_body(shell::App);
            }
            Err(reason) => {
                if let Some(boot) = boot {
                    boot.set_class_name("boot-error");
                    boot.set_text_content(Some(&format!(
                        "无法加载界面文字（{reason}）。请检查与服务器的连接后刷新页面。\n\
                         The interface texts could not be loaded ({reason}). Check the \
                         connection to the server and reload the page."
                    )));
                }
            }
        }
    });
}
