//! The app shell: header with navigation, save status, workspace file menu and language
//! switch; the notices; the page for the current address; the import confirmation.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::{Language, Workspace};
use crate::i18n::fill;
use crate::storage::envelope;
use crate::storage::local::SaveError;

use super::dom;
use super::merge_page::{provide_merge_context, use_merge_context};
use super::pages::CurrentPage;
use super::router::{use_hash_route, Route};
use super::state::{provide_app_state, use_app, AppState, Notice, SaveProblem, SaveStatus};
use super::widgets::tr;
use super::workspaces_page::{display_name, start_demo};

/// A workspace file read and checked, waiting for the user to confirm the replacement.
#[derive(Clone, PartialEq)]
pub struct PendingImport {
    file_name: String,
    workspace: Workspace,
}

#[component]
pub fn App() -> impl IntoView {
    let app = provide_app_state();
    let route = use_hash_route();
    let pending_import = RwSignal::new(None::<PendingImport>);
    provide_merge_context();
    // The rest of the texts of the language in use, once the first screen is painted.
    leptos::task::spawn_local(async move {
        super::dom::after_paint().await;
        if let Err(reason) = app.whole_texts().await {
            app.notify(Notice::Error(fill(app.t().texts_load_failed, &[&reason])));
        }
    });
    // The folded header menu (phones) closes when a page opens.
    let menu_open = RwSignal::new(false);
    Effect::new(move |_| {
        route.track();
        menu_open.set(false);
    });
    let demo_in_other_language = move || {
        app.catalogue.with(|c| {
            c.active_entry()
                .is_some_and(|e| e.demo_in_other_language(app.language.get()))
        })
    };

    // The document title follows the page, for tabs, history and bookmarks.
    Effect::new(move |_| {
        let t = app.t();
        let page = match route.get() {
            Route::Accounts | Route::Unknown | Route::Account(_) => t.nav_accounts,
            Route::NewAccount => t.new_account_title,
            Route::Model => t.nav_model,
            Route::Ranking => t.nav_ranking,
            Route::Matrix => t.matrix_title,
            Route::Pyramid => t.pyramid_title,
            Route::Workspaces => t.workspaces_title,
            Route::Import => t.import_title,
            Route::Plan(..) | Route::PlanPrint(_) => t.plan_link,
            Route::Actions => t.actions_title,
            Route::Merge => t.merge_page_title,
            Route::People => t.people_title,
            Route::Contacts => t.contacts_title,
            Route::Pipeline => t.pipeline_title,
            Route::Calendar => t.calendar_title,
            Route::Inquiries => t.inq_title,
            Route::Review => t.review_title,
            Route::Portfolio => t.portfolio_title,
            Route::Join => t.join_title,
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&format!("{page} · {}", t.app_title));
        }
    });

    view! {
        // Moves focus to the page's content without touching the address: the router reads
        // "#main" as an address of its own.
        <a class="skip-link" href="#main" data-testid="skip-link" on:click=move |ev| {
            ev.prevent_default();
            if let Some(main) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("main"))
                .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
            }
        }>{tr(|t| t.nav_label)}</a>
        <header class="app-header" class:menu-open=move || menu_open.get()>
            <div class="brand">{tr(|t| t.app_title)}</div>
            // On a phone the navigation and the tools fold behind this button, so the
            // page starts near the top of the screen; the save status stays in view.
            <button type="button" class="menu-toggle" data-testid="menu-toggle"
                aria-controls="header-menu" aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu_open.update(|open| *open = !*open)>
                {tr(|t| t.menu)}
            </button>
            <SaveIndicator/>
            {super::pages::sync_status(app)}
            <div class="header-menu" id="header-menu">
            <Nav route=route/>
            <div class="header-tools">
                <a class="workspace-link" href=Route::Workspaces.href() data-testid="workspace-link"
                    title=tr(|t| t.workspaces_title)>
                    {move || app.catalogue.with(|c| c.active_entry().map(|e| display_name(e, app.t()))).unwrap_or_default()}
                    <Show when=move || app.catalogue.with(|c| c.active_entry().is_some_and(|e| e.demo))>
                        " " <span class="badge demo-badge">{tr(|t| t.demo_badge)}</span>
                    </Show>
                </a>
                <WorkspaceMenu pending_import=pending_import/>
                <LanguageSwitch/>
            </div>
            </div>
        </header>
        <Notices/>
        <Show when=move || app.catalogue.with(|c| c.active_entry().is_some_and(|e| e.demo))>
            <div class="notices">
                <div class="notice demo" data-testid="demo-banner">
                    <span>{tr(|t| t.demo_banner)}</span>
                    // Built in the other language (the user switched since): resetting builds
                    // it in this one, so the reset button becomes the offer.
                    <Show when=demo_in_other_language>
                        <strong data-testid="demo-other-language">{tr(|t| t.demo_other_language)}</strong>
                    </Show>
                    <button type="button" data-testid="reset-demo" on:click=move |_| {
                        let t = app.t();
                        start_demo(app, Some(if demo_in_other_language() { t.demo_rebuilt } else { t.demo_reset_done }));
                    }>{move || if demo_in_other_language() { app.t().demo_rebuild } else { app.t().reset_demo }}</button>
                </div>
            </div>
        </Show>
        <ImportConfirm pending_import=pending_import/>
        <main id="main" tabindex="-1"><CurrentPage route=route/></main>
    }
}

#[component]
fn Nav(route: RwSignal<Route>) -> impl IntoView {
    let app = use_app();
    let item = move |target: Route, label: fn(&crate::i18n::Strings) -> &'static str| {
        let current = move || {
            let r = route.get();
            let active = match target {
                Route::Accounts => {
                    matches!(
                        r,
                        Route::Accounts | Route::Account(_) | Route::NewAccount | Route::Unknown
                    )
                }
                // One entry for the engagement pages, which have tabs of their own.
                Route::Contacts => matches!(
                    r,
                    Route::Contacts
                        | Route::Pipeline
                        | Route::Calendar
                        | Route::Inquiries
                        | Route::People
                ),
                other => r == other,
            };
            active.then_some("page")
        };
        view! {
            <a href=target.href() aria-current=current>{move || label(app.t())}</a>
        }
    };
    view! {
        <nav class="main-nav" aria-label=tr(|t| t.nav_label)>
            {item(Route::Accounts, |t| t.nav_accounts)}
            {item(Route::Model, |t| t.nav_model)}
            {item(Route::Ranking, |t| t.nav_ranking)}
            {item(Route::Matrix, |t| t.nav_matrix)}
            {item(Route::Pyramid, |t| t.nav_pyramid)}
            {item(Route::Actions, |t| t.nav_actions)}
            {item(Route::Contacts, |t| t.nav_engagement)}
            {item(Route::Portfolio, |t| t.nav_portfolio)}
            {item(Route::Review, |t| t.nav_review)}
            {item(Route::Workspaces, |t| t.nav_workspaces)}
        </nav>
    }
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let app = use_app();
    let text = move || {
        let t = app.t();
        match app.save_status.get() {
            SaveStatus::Saved => t.save_saved.to_owned(),
            SaveStatus::Saving => t.save_saving.to_owned(),
            SaveStatus::NothingYet => t.save_nothing_yet.to_owned(),
            SaveStatus::NotSaved(_) => t.save_not_saved.to_owned(),
        }
    };
    let class = move || match app.save_status.get() {
        SaveStatus::Saved => "save-status saved",
        SaveStatus::Saving => "save-status saving",
        SaveStatus::NothingYet => "save-status nothing-yet",
        SaveStatus::NotSaved(_) => "save-status not-saved",
    };
    view! {
        <span class=class role="status" aria-label=tr(|t| t.save_status_label) data-testid="save-status">
            {text}
        </span>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let app = use_app();
    let other_of = |language| match language {
        Language::Zh => Language::En,
        Language::En => Language::Zh,
    };
    let other = move || other_of(app.language.get());
    // The other language's texts load in the background once the first screen is painted;
    // the switch waits for them (a moment), so switching never shows a page half
    // translated.
    let installed = super::texts::installed();
    let failed = RwSignal::new(None::<String>);
    let fetch = move |then_switch: bool| {
        let language = other_of(app.language.get_untracked());
        leptos::task::spawn_local(async move {
            if !then_switch {
                super::dom::after_paint().await;
            }
            match super::texts::load(language).await {
                Ok(()) => {
                    failed.set(None);
                    if then_switch {
                        app.language.set(language);
                    }
                }
                Err(reason) => {
                    if then_switch {
                        let text = fill(app.t().language_load_failed, &[&reason]);
                        app.notify(Notice::Error(text));
                    }
                    failed.set(Some(reason));
                }
            }
        });
    };
    fetch(false);
    let ready = move || {
        installed.track();
        crate::i18n::loaded(other()).is_some()
    };
    let toggle = move |_| {
        if ready() {
            app.language.set(other());
        } else {
            // The background load failed: try again, and switch if it works now.
            fetch(true);
        }
    };
    view! {
        <button type="button" class="language-switch" on:click=toggle
            disabled=move || !ready() && failed.with(Option::is_none)
            title=tr(|t| t.language_switch_label)
            lang=move || match app.language.get() {
                crate::domain::Language::Zh => "en",
                crate::domain::Language::En => "zh-CN",
            }
            data-testid="language-switch">
            {tr(|t| t.language_switch_to)}
        </button>
    }
}

#[component]
fn WorkspaceMenu(pending_import: RwSignal<Option<PendingImport>>) -> impl IntoView {
    let app = use_app();
    let file_input = NodeRef::<leptos::html::Input>::new();

    // Writing the file is the import dialog's code too (not the first screen's).
    let export = move |_| {
        leptos::task::spawn_local(async move {
            if super::pages::export_workspace(app).await.is_err() {
                app.notify(Notice::Error(app.t().page_unavailable.to_owned()));
            }
        });
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Let the same file be chosen again after a failed attempt.
        input.set_value("");
        leptos::task::spawn_local(async move {
            // Reading it is the import dialog's code, fetched now.
            match super::pages::workspace_file(app, file, pending_import).await {
                Ok(read) => read.await,
                Err(_) => app.notify(Notice::Error(app.t().page_unavailable.to_owned())),
            }
        });
    };

    view! {
        <div class="workspace-menu" role="group" aria-label=tr(|t| t.workspace_menu)>
            <button type="button" on:click=export data-testid="export-workspace">
                {tr(|t| t.export_workspace)}
            </button>
            <button type="button" data-testid="import-workspace"
                on:click=move |_| {
                    if let Some(input) = file_input.get() {
                        input.click();
                    }
                }>
                {tr(|t| t.import_workspace)}
            </button>
            <input type="file" accept=".json,application/json" class="visually-hidden"
                node_ref=file_input on:change=on_file tabindex="-1"
                aria-label=tr(|t| t.import_workspace) data-testid="import-file"/>
        </div>
    }
}

/// The dialog confirming a workspace file's import, drawn by [`import_dialog`] from a
/// chunk of its own, loaded once a file has been read (before the dialog is asked for).
#[component]
fn ImportConfirm(pending_import: RwSignal<Option<PendingImport>>) -> impl IntoView {
    // Asked for only with a file waiting: asking starts fetching the dialog's code.
    move || {
        pending_import
            .with(Option::is_some)
            .then(|| super::pages::import_dialog_now(pending_import))
            .flatten()
    }
}

/// Downloads the open workspace as a workspace file (the header's "Export workspace
/// file"; part of the import dialog's chunk).
pub fn export_workspace(app: AppState) {
    let t = app.t();
    let result = app
        .workspace
        .with_untracked(|ws| envelope::encode_for_file(ws, &dom::now_iso()))
        .and_then(|text| {
            dom::download_text(&dom::workspace_file_name(), "application/json", &text)
        });
    if let Err(reason) = result {
        app.notify(Notice::Error(fill(t.export_failed, &[&reason])));
    }
}

/// Reads a workspace file chosen with the header's "Import workspace file": checked
/// and decoded, it waits in `pending_import` for the dialog's choice; anything else is
/// said in a notice. (Part of the import dialog's chunk.)
pub async fn read_workspace_file(
    app: AppState,
    file: web_sys::File,
    pending_import: RwSignal<Option<PendingImport>>,
) {
    let file_name = file.name();
    let t = app.t();
    // Refused before it is read into the page's memory.
    let outcome = if file.size() > envelope::MAX_FILE_BYTES as f64 {
        Err(t.load_error(&envelope::LoadError::TooLarge))
    } else {
        dom::read_file_text(&file)
            .await
            .map_err(|_| t.file_read_failed.to_owned())
            .and_then(|text| envelope::decode(&text).map_err(|e| t.load_error(&e)))
    };
    match outcome {
        Ok(mut workspace) => {
            // The dialog's own loader too, so that it draws at once (`import_dialog_now`).
            if super::pages::import_dialog(pending_import).await.is_err() {
                app.notify(Notice::Error(t.page_unavailable.to_owned()));
                return;
            }
            if workspace.repair_on_open() {
                app.notify(Notice::ModelDrafted);
            }
            pending_import.set(Some(PendingImport {
                file_name,
                workspace,
            }))
        }
        Err(reason) => app.notify(Notice::Error(fill(t.import_failed, &[&file_name, &reason]))),
    }
}

/// The import dialog for the file waiting in `pending_import`, if any.
pub fn import_dialog(pending_import: RwSignal<Option<PendingImport>>) -> Option<AnyView> {
    // Called without a file (and outside any view) only to load this code.
    if pending_import.with_untracked(Option::is_none) {
        return None;
    }
    let app = use_app();
    let confirm = move |_| {
        if let Some(pending) = pending_import.get_untracked() {
            let count = pending.workspace.accounts.len();
            app.replace_workspace(pending.workspace);
            app.notify(Notice::Info(fill(
                app.t().import_done,
                &[&pending.file_name, &count],
            )));
        }
        pending_import.set(None);
    };
    let merge_context = use_merge_context();
    let merge = move |_| {
        if let Some(pending) = pending_import.get_untracked() {
            merge_context.start(app, pending.file_name, pending.workspace);
        }
        pending_import.set(None);
    };
    pending_import.get_untracked().map(|pending| {
        let t = app.t();
        let current = app.workspace.with_untracked(|ws| ws.accounts.len());
        view! {
            <div class="dialog-backdrop">
                <div class="dialog" role="alertdialog" aria-modal="true"
                    aria-labelledby="import-title" data-testid="import-confirm">
                    <h2 id="import-title">{t.import_confirm_title}</h2>
                    <p>{fill(t.import_confirm_body, &[&pending.file_name, &pending.workspace.accounts.len(), &current])}</p>
                    <p>{t.merge_offer}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=merge data-testid="merge-import">{t.merge_into}</button>
                        <button type="button" class="danger" on:click=confirm data-testid="confirm-import">{t.import_replace}</button>
                        <button type="button" on:click=move |_| pending_import.set(None)>{t.cancel}</button>
                    </div>
                </div>
            </div>
        }
        .into_any()
    })
}

#[component]
fn Notices() -> impl IntoView {
    let app = use_app();
    let save_problem = move || {
        let t = app.t();
        match app.save_status.get() {
            SaveStatus::NotSaved(SaveProblem::Failed(SaveError::Blocked)) => {
                Some(t.storage_blocked.to_owned())
            }
            SaveStatus::NotSaved(SaveProblem::Failed(SaveError::QuotaExceeded)) => {
                Some(t.save_failed_quota.to_owned())
            }
            SaveStatus::NotSaved(SaveProblem::Failed(SaveError::Other(reason))) => {
                Some(fill(t.save_failed_other, &[&reason]))
            }
            _ => None,
        }
    };
    // The notices' code is fetched the first time there is a notice to show (the first
    // screen rarely has one); meanwhile the plain-text ones show.
    let notice_code = RwSignal::new(false);
    let fetching = StoredValue::new(false);
    let fetch_notice_code = move || {
        if fetching.get_value() {
            return;
        }
        fetching.set_value(true);
        leptos::task::spawn_local(async move {
            match super::pages::load_notices(app).await {
                Ok(()) => notice_code.set(true),
                // Tried again with the next notice.
                Err(_) => fetching.set_value(false),
            }
        });
    };
    // Said before a save fails for want of room, whatever page is open.
    let nearly_full = move || {
        app.storage_usage
            .get()
            .filter(|u| u.nearly_full())
            .map(|u| fill(app.t().storage_nearly_full, &[&u.percent()]))
    };
    view! {
        <div class="notices" aria-live="polite">
            {move || save_problem().map(|text| view! {
                <div class="notice error persistent" role="alert" data-testid="save-problem">{text}</div>
            })}
            <super::update::UpdateNotice/>
            {move || nearly_full().map(|text| view! {
                <div class="notice warning persistent" role="alert" data-testid="storage-nearly-full">
                    {text} " " <a href=Route::Workspaces.href()>{tr(|t| t.workspaces_title)}</a>
                </div>
            })}
            // The list of notices is a chunk of its own, fetched once the first screen
            // is painted; until then (or should it not load) their texts alone show.
            {move || if notice_code.get() {
                super::pages::notices_now(app)
            } else {
                if app.notices.with(|n| !n.is_empty()) || app.tab_conflict().is_some() {
                    fetch_notice_code();
                }
                Some(plain_notices(app))
            }}
        </div>
    }
}

/// The errors among the notices, said plainly for the moment before the notices' own
/// code is loaded (or if it cannot be: a part of the app that could not be fetched).
fn plain_notices(app: AppState) -> AnyView {
    app.notices
        .get()
        .into_iter()
        .filter_map(|entry| match entry.notice {
            Notice::Error(text) => Some(view! {
                <div class="notice error" data-testid="notice"><span role="alert">{text}</span></div>
            }),
            _ => None,
        })
        .collect_view()
        .into_any()
}
