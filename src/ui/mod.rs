//! The Leptos application: shell, pages and components. Components stay thin: they read
//! the app state, call `crate::domain` for every rule, and write the result back.

mod account_page;
mod accounts;
mod actions_page;
mod dom;
mod import_page;
mod matrix_page;
mod merge_page;
mod model_page;
mod pages;
mod plan;
mod pyramid_page;
mod ranking_page;
mod router;
mod sheets;
mod shell;
mod state;
mod tools_module;
mod widgets;
mod workspaces_page;

use leptos::prelude::*;

/// Mounts the app on `<body>`, replacing the loading message of `index.html`.
pub fn mount() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    mount_to_body(shell::App);
}
