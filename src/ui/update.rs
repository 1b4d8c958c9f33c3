//! A new build on the server. The offline cache's worker installs it in the background
//! and the page's start-up script (index.html) announces it (`window.kamUpdate`, the
//! `kam-update-ready` event); the app says so, with a reload that writes pending edits
//! first and has the new build take over (`window.kamActivateUpdate`). When the new build
//! has taken over — asked by this tab or by another one (`kam-update-activated`) — this
//! page's on-demand parts are no longer served, so it saves and reloads into it.
//!
//! The notice is not part of the first screen: a new build is looked for once the page
//! has loaded, and the notice waits for the whole table of texts. It stays in the main
//! module: once a new build is on the server, this build's parts may no longer be.

use leptos::prelude::*;

use super::dom;
use super::state::use_app;
use super::widgets::tr;

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let app = use_app();
    let ready = RwSignal::new(dom::window_has("kamUpdate"));
    let handle = window_event_listener_untyped("kam-update-ready", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    let handle = window_event_listener_untyped("kam-update-activated", move |_| {
        app.save_now();
        dom::reload();
    });
    on_cleanup(move || handle.remove());
    let reload = move |_| {
        app.save_now();
        // The page reloads once the new build has taken over (above); if it already has,
        // a plain reload opens it.
        if !dom::call_window_function("kamActivateUpdate") {
            dom::reload();
        }
    };
    move || {
        (ready.get() && app.has_whole_texts()).then(|| {
            view! {
                <div class="notice info persistent" role="status" data-testid="update-ready">
                    {tr(|t| t.update_ready)} " "
                    <button type="button" data-testid="update-reload" on:click=reload>
                        {tr(|t| t.update_reload)}
                    </button>
                </div>
            }
        })
    }
}
