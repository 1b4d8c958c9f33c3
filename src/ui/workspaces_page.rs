//! Named workspaces: open, rename, duplicate, delete (asking first, with an export
//! offered), a new empty one, and the trainers' demo loaded or reset in one click.

use leptos::prelude::*;

use crate::domain::catalogue::WorkspaceEntry;
use crate::domain::Workspace;
use crate::i18n::{fill, Strings};
use crate::storage::envelope;

use super::dom;
use super::router::{navigate, Route};
use super::state::{use_app, AppState, Notice, WorkspaceError};
use super::widgets::tr;

/// A workspace's name as shown: the first one is "My accounts" until renamed.
pub fn display_name(entry: &WorkspaceEntry, t: &Strings) -> String {
    if entry.name.trim().is_empty() {
        t.workspace_default_name.to_owned()
    } else {
        entry.name.clone()
    }
}

/// Loads (or resets) the demo workspace and shows its accounts; `done` (a notice) is
/// shown once it is in place. The demo is built by the tools module, loaded the first
/// time.
pub fn start_demo(app: AppState, done: Option<&'static str>) {
    start_demo_then(app, done, Route::Accounts);
}

/// Loads the demo as [`start_demo`] does, then opens `then`. Its code is a part of its
/// own, fetched the first time (most visits never load the demo).
pub fn start_demo_then(app: AppState, done: Option<&'static str>, then: Route) {
    leptos::task::spawn_local(async move {
        match super::pages::demo_loader(app, done, then).await {
            Ok(load) => load.await,
            Err(_) => app.report(Err(WorkspaceError::PartUnavailable)),
        }
    });
}

/// What [`start_demo_then`] runs once its code is there.
pub async fn load_demo(app: AppState, done: Option<&'static str>, then: Route) {
    let t = app.t();
    let language = app.language.get_untracked();
    let result = super::tools_module::demo_workspace(language, app.now())
        .await
        .map_err(WorkspaceError::Module)
        .and_then(|demo| app.load_demo(t.demo_name, &demo, language));
    match result {
        Ok(()) => {
            navigate(then);
            if let Some(text) = done {
                app.notify(Notice::Info(text.to_owned()));
            }
        }
        Err(error) => app.report(Err(error)),
    }
}

#[component]
pub fn WorkspacesPage() -> impl IntoView {
    let app = use_app();
    let new_name = RwSignal::new(String::new());
    let name_error = RwSignal::new(false);
    let report = move |result: Result<(), WorkspaceError>| app.report(result);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            name_error.set(true);
            return;
        }
        name_error.set(false);
        new_name.set(String::new());
        let result = app.create_workspace(&name, &Workspace::default(), false);
        if result.is_ok() {
            navigate(Route::Accounts);
        }
        report(result);
    };
    let ids = Memo::new(move |_| {
        app.catalogue
            .with(|c| c.entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>())
    });
    // Other tabs may have written since the last save here.
    app.storage_usage.set(crate::storage::local::usage());
    let usage = move || {
        app.storage_usage.get().map(|u| {
            let t = app.t();
            let millions = |n: u64| format!("{:.2}", n as f64 / 1_000_000.0);
            view! {
                <p>{fill(t.storage_usage, &[&u.percent(), &millions(u.used), &millions(u.quota)])}</p>
                <meter min="0" max="100" low="60" high="80" optimum="0" value=u.percent().to_string()
                    aria-label=t.storage_usage_label></meter>
            }
        })
    };
    view! {
        <section class="page workspaces-page">
            <h1>{tr(|t| t.workspaces_title)}</h1>
            <p class="hint">{tr(|t| t.workspaces_intro)}</p>
            <ul class="workspace-list" data-testid="workspace-list">
                {move || ids.get().into_iter().map(|id| view! { <WorkspaceRow id=id/> }).collect_view()}
            </ul>
            <super::sync_page::SharePanel/>
            <section class="card storage-usage" data-testid="storage-usage">{usage}</section>
            <section class="card">
                <form class="inline-form" on:submit=create novalidate=true data-testid="new-workspace-form">
                    <label class="field grow">
                        <span>{tr(|t| t.workspace_name)}</span>
                        <input type="text" data-field="new_workspace_name" prop:value=move || new_name.get()
                            on:input=move |ev| new_name.set(event_target_value(&ev))/>
                    </label>
                    <button type="submit" data-testid="new-workspace">{tr(|t| t.new_workspace)}</button>
                </form>
                <Show when=move || name_error.get()>
                    <p class="field-error" role="alert">{tr(|t| t.workspace_name_required)}</p>
                </Show>
            </section>
            <section class="card">
                <p>{tr(|t| t.demo_banner)}</p>
                <button type="button" class="primary" data-testid="load-demo" on:click=move |_| start_demo(app, None)>
                    {move || if app.catalogue.with(|c| c.demo().is_some()) { app.t().reset_demo } else { app.t().load_demo }}
                </button>
            </section>
        </section>
    }
}

#[component]
fn WorkspaceRow(id: String) -> impl IntoView {
    let app = use_app();
    let row_id = StoredValue::new(id);
    let entry = move || row_id.with_value(|id| app.catalogue.with(|c| c.entry(id).cloned()));
    let is_open = move || row_id.with_value(|id| app.catalogue.with(|c| &c.active == id));
    let renaming = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let report = move |result: Result<(), WorkspaceError>| app.report(result);
    let accounts = move || {
        if is_open() {
            app.workspace.with(|ws| ws.accounts.len())
        } else {
            row_id
                .with_value(|id| app.read_workspace(id))
                .map_or(0, |ws| ws.accounts.len())
        }
    };
    let export = move |_| {
        let name = entry()
            .map(|e| display_name(&e, app.t()))
            .unwrap_or_default();
        let result = row_id
            .with_value(|id| app.read_workspace(id))
            .and_then(|ws| {
                let file = envelope::encode_for_file(&ws, &dom::now_iso())
                    .map_err(WorkspaceError::Other)?;
                dom::download_text(
                    &format!("kam-workspace-{name}-{}.json", dom::today_stamp()),
                    "application/json",
                    &file,
                )
                .map_err(WorkspaceError::Other)
            });
        report(result);
    };
    view! {
        <li class="card workspace-row" data-workspace=move || row_id.get_value()>
            <div class="workspace-head">
                <strong class="workspace-name">{move || entry().map(|e| display_name(&e, app.t())).unwrap_or_default()}</strong>
                <Show when=move || entry().is_some_and(|e| e.demo)>
                    <span class="badge demo-badge">{tr(|t| t.demo_badge)}</span>
                </Show>
                <Show when=move || entry().is_some_and(|e| e.is_shared())>
                    <span class="badge" data-testid="shared-badge">{tr(|t| t.share_title)}</span>
                </Show>
                <Show when=is_open>
                    <span class="badge">{tr(|t| t.current_workspace)}</span>
                </Show>
                <span class="muted" data-testid="workspace-count">{move || fill(app.t().workspace_accounts, &[&accounts()])}</span>
            </div>
            <div class="actions">
                <Show when=move || !is_open()>
                    <button type="button" class="primary" data-testid="open-workspace"
                        on:click=move |_| { row_id.with_value(|id| app.open_workspace(id)); navigate(Route::Accounts); }>
                        {tr(|t| t.open_workspace)}
                    </button>
                </Show>
                <button type="button" data-testid="rename-workspace"
                    on:click=move |_| renaming.set(entry().map(|e| display_name(&e, app.t())))>
                    {tr(|t| t.rename_workspace)}
                </button>
                <button type="button" data-testid="duplicate-workspace" on:click=move |_| {
                    let t = app.t();
                    let name = entry().map(|e| fill(t.copy_of, &[&display_name(&e, t)])).unwrap_or_default();
                    let result = row_id
                        .with_value(|id| app.read_workspace(id))
                        .and_then(|ws| app.create_workspace(&name, &ws, false));
                    if result.is_ok() {
                        navigate(Route::Accounts);
                    }
                    report(result);
                }>{tr(|t| t.duplicate_workspace)}</button>
                <button type="button" data-testid="export-workspace-file" on:click=export>{tr(|t| t.export_workspace)}</button>
                <Show when=move || !is_open()>
                    <button type="button" class="danger" data-testid="delete-workspace" on:click=move |_| confirming.set(true)>
                        {tr(|t| t.delete_workspace)}
                    </button>
                </Show>
            </div>
            {move || renaming.get().map(|current| {
                let text = RwSignal::new(current);
                view! {
                    <form class="inline-form" novalidate=true data-testid="rename-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        let result = row_id.with_value(|id| app.rename_workspace(id, &text.get_untracked()));
                        if result.is_ok() { renaming.set(None); }
                        report(result);
                    }>
                        <label class="field grow">
                            <span>{tr(|t| t.workspace_name)}</span>
                            <input type="text" data-field="workspace_name" prop:value=move || text.get()
                                on:input=move |ev| text.set(event_target_value(&ev))/>
                        </label>
                        <button type="submit">{tr(|t| t.save_name)}</button>
                        <button type="button" on:click=move |_| renaming.set(None)>{tr(|t| t.cancel)}</button>
                    </form>
                }
            })}
            <Show when=move || confirming.get()>
                <div class="confirm" role="alert" data-testid="delete-workspace-confirm">
                    <p>{move || fill(app.t().delete_workspace_confirm, &[&entry().map(|e| display_name(&e, app.t())).unwrap_or_default()])}</p>
                    <div class="actions">
                        <button type="button" on:click=export>{tr(|t| t.export_first)}</button>
                        <button type="button" class="danger" data-testid="confirm-delete-workspace"
                            on:click=move |_| {
                                confirming.set(false);
                                let shared = entry().and_then(|e| e.shared());
                                let result = row_id.with_value(|id| app.delete_workspace(id));
                                // Its copy of the shared document goes too.
                                if let (Ok(()), Some(link)) = (&result, shared) {
                                    row_id.with_value(|id| crate::storage::local::remove(
                                        &format!("{}{id}", crate::storage::local::SYNC_HEADS_PREFIX)));
                                    super::sync::control(app, super::sync::Control::Forget(link.document));
                                }
                                report(result);
                            }>
                            {tr(|t| t.delete_workspace)}
                        </button>
                        <button type="button" on:click=move |_| confirming.set(false)>{tr(|t| t.cancel)}</button>
                    </div>
                </div>
            </Show>
        </li>
    }
}
