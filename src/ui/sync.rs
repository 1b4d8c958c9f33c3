//! Team sync, the page's side: starts the sync worker (`sync/worker.js` beside the app,
//! running the sync module `src/bin/kam-sync.rs`) for the open workspace when it is
//! shared, hands it the workspace after each save, and takes back the workspace when
//! other people's changes arrive, with the sync's status and open conflicts
//! (`AppState::sync`, `AppState::sync_conflicts`). In its own chunk: a workspace that is
//! not shared loads nothing of this.
//!
//! The stored workspace is "the document as of its heads, plus this page's edits": the
//! heads are kept beside it (`kam.sync.heads.<workspace id>`), written only once the
//! workspace they go with is written, and sent with every edit, so the worker writes only
//! the page's own edits into the document however far it has moved on
//! (`Replica::edit_on`). A page with edits waiting takes no incoming workspace until the
//! worker has answered them (the answer carries the merged workspace).

use std::cell::{Cell, RefCell};

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::domain::catalogue::SharedLink;
use crate::storage::{envelope, local};

use super::dom::{asset_url, js_error};
use super::state::{AppState, SyncConflicts, SyncState};

/// What the page asks of the sync.
#[derive(Clone, Debug)]
pub enum Control {
    /// Sync the open workspace, which is shared through `link` (stopping any other).
    Run(SharedLink),
    /// Share the open workspace through the server at this address.
    Share(String),
    /// Stop syncing (another workspace opened, or this one is no longer shared).
    Stop,
    /// Stop sharing the open workspace: the local copy stays, the browser's copy of the
    /// document goes.
    Leave,
    /// Share the open workspace again under a new link; the old one gets no more changes.
    Move,
    /// Keep `value` (JSON) for the field at `path` (JSON).
    Resolve { path: String, value: String },
    /// The name this browser's user gives colleagues (blank: none): kept in this
    /// browser, and with every change written from now on.
    Author(String),
    /// Delete this browser's copy of a document no longer synced (its workspace was
    /// deleted).
    Forget(String),
}

struct Running {
    worker: web_sys::Worker,
    /// The workspace (catalogue id) and the document it syncs.
    workspace: String,
    link: SharedLink,
    /// Heads of the document the page's workspace is as of; none until it has taken the
    /// document once (a join waiting for its first copy sends no edits).
    heads: Option<String>,
    /// The last edit sent and the last answered.
    sent: u32,
    answered: u32,
    /// The status the worker last reported (see [`shown`]).
    reported: Option<SyncState>,
    /// A share in progress: the link is recorded once the worker has the document.
    sharing: bool,
    /// Set while the page writes a workspace the worker sent, which it need not hear of.
    taking: bool,
    /// Writes a field's edit as soon as the field is left (see [`start`]).
    on_change: Option<leptos::leptos_dom::helpers::WindowListenerHandle>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(handle) = self.on_change.take() {
            handle.remove();
        }
    }
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    static APP: Cell<Option<AppState>> = const { Cell::new(None) };
}

fn heads_key(workspace: &str) -> String {
    format!("{}{workspace}", local::SYNC_HEADS_PREFIX)
}

fn field(data: &JsValue, name: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn post(worker: &web_sys::Worker, pairs: &[(&str, JsValue)]) {
    let request = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&request, &JsValue::from_str(key), value);
    }
    if let Err(error) = worker.post_message(&request) {
        if let Some(app) = APP.get() {
            app.sync.set(Some(SyncState::Failed(js_error(error))));
        }
    }
}

/// A new peer id for the server's handshake: this browser tab's connection.
fn peer_id() -> String {
    let random = js_sys::Math::random();
    format!("kam-{:016x}", (random * 2f64.powi(53)) as u64)
}

/// Does what `control` asks.
pub fn control(app: AppState, control: Control) {
    APP.set(Some(app));
    match control {
        Control::Run(link) => {
            let active = app.catalogue.with_untracked(|c| c.active.clone());
            let same = RUNNING.with(|r| {
                r.borrow()
                    .as_ref()
                    .is_some_and(|r| r.workspace == active && r.link == link)
            });
            if !same {
                stop();
                start(app, active, link, false);
            }
        }
        Control::Share(server) => {
            stop();
            let active = app.catalogue.with_untracked(|c| c.active.clone());
            let link = SharedLink {
                server,
                document: String::new(),
            };
            start(app, active, link, true);
        }
        Control::Stop => stop(),
        Control::Leave => {
            let running = RUNNING.with(|r| r.borrow_mut().take());
            app.set_on_saved(None);
            if let Some(running) = running {
                // The worker deletes its copy of the document, then closes.
                post(
                    &running.worker,
                    &[
                        ("op", "forget".into()),
                        ("doc", running.link.document.as_str().into()),
                    ],
                );
                local::remove(&heads_key(&running.workspace));
            }
            let active = app.catalogue.with_untracked(|c| c.active.clone());
            app.catalogue.update(|c| {
                let _ = c.set_shared(&active, None);
            });
            let _ = app.catalogue.with_untracked(local::save_catalogue);
            app.sync.set(None);
            app.sync_conflicts.set(SyncConflicts::default());
        }
        Control::Move => {
            let server = RUNNING.with(|r| r.borrow().as_ref().map(|r| r.link.server.clone()));
            if let Some(server) = server {
                let old = RUNNING.with(|r| r.borrow().as_ref().map(|r| r.link.document.clone()));
                stop();
                let active = app.catalogue.with_untracked(|c| c.active.clone());
                start(
                    app,
                    active,
                    SharedLink {
                        server,
                        document: String::new(),
                    },
                    true,
                );
                // The old document's copy in this browser is of no more use.
                if let Some(old) = old {
                    forget_later(old);
                }
            }
        }
        Control::Forget(document) => forget_later(document),
        Control::Resolve { path, value } => RUNNING.with(|r| {
            if let Some(running) = r.borrow().as_ref() {
                post(
                    &running.worker,
                    &[
                        ("op", "resolve".into()),
                        ("path", path.into()),
                        ("value", value.into()),
                    ],
                );
            }
        }),
        Control::Author(name) => {
            let name = name.trim().to_owned();
            if name.is_empty() {
                local::remove(local::SYNC_AUTHOR_KEY);
            } else {
                // Not kept (storage full or blocked): still used until the page closes.
                let _ = local::save(local::SYNC_AUTHOR_KEY, &name);
            }
            RUNNING.with(|r| {
                if let Some(running) = r.borrow().as_ref() {
                    post(
                        &running.worker,
                        &[("op", "author".into()), ("name", name.as_str().into())],
                    );
                }
            });
        }
    }
}

/// Whether a share (or a move to a new link) waits for the worker's document.
fn sharing() -> bool {
    RUNNING.with(|r| r.borrow().as_ref().is_some_and(|r| r.sharing))
}

/// Deletes the browser's copy of a document no longer synced, through a worker of its own.
fn forget_later(document: String) {
    if let Ok(worker) = new_worker() {
        post(
            &worker,
            &[("op", "forget".into()), ("doc", document.into())],
        );
    }
}

fn new_worker() -> Result<web_sys::Worker, String> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    web_sys::Worker::new_with_options(&asset_url("sync/worker.js")?, &options).map_err(js_error)
}

fn stop() {
    if let Some(running) = RUNNING.with(|r| r.borrow_mut().take()) {
        running.worker.terminate();
    }
    if let Some(app) = APP.get() {
        app.set_on_saved(None);
        app.sync.set(None);
        app.sync_conflicts.set(SyncConflicts::default());
    }
}

fn start(app: AppState, workspace: String, link: SharedLink, share: bool) {
    app.sync.set(Some(SyncState::Starting));
    let worker = match new_worker() {
        Ok(worker) => worker,
        Err(reason) => {
            app.sync.set(Some(SyncState::Failed(reason)));
            return;
        }
    };
    // The worker lives as long as this sync; its handlers are dropped with the page.
    let message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
    message.forget();
    let error = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        event.prevent_default();
        let detail = Reflect::get(&event, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "sync/worker.js".to_owned());
        if let Some(app) = APP.get() {
            app.sync.set(Some(SyncState::Failed(detail)));
        }
    });
    worker.set_onerror(Some(error.as_ref().unchecked_ref()));
    error.forget();

    let heads = if share {
        None
    } else {
        local::read(&heads_key(&workspace))
    };
    // The page's stored workspace, as it is now (pending edits written first).
    app.save_now();
    let text = app.workspace.with_untracked(envelope::encode_for_storage);
    let mode = if share {
        "share"
    } else if heads.is_some() {
        "resume"
    } else {
        // Never synced in this browser (a join waiting for its first copy): the
        // document's workspace replaces the empty one when it comes.
        "join"
    };
    let mut request: Vec<(&str, JsValue)> = vec![
        ("op", "start".into()),
        ("mode", mode.into()),
        ("server", link.server.as_str().into()),
        ("doc", link.document.as_str().into()),
        ("me", peer_id().into()),
        (
            "author",
            local::read(local::SYNC_AUTHOR_KEY)
                .unwrap_or_default()
                .into(),
        ),
    ];
    if mode != "join" {
        match text {
            Ok(text) => request.push(("workspace", text.into())),
            Err(reason) => {
                app.sync.set(Some(SyncState::Failed(reason)));
                worker.terminate();
                return;
            }
        }
    }
    if let Some(heads) = &heads {
        request.push(("heads", heads.as_str().into()));
    }
    post(&worker, &request);
    // A field edited and left (its `change`) is written at once rather than after the
    // pause that gathers keystrokes, so colleagues see it that much sooner; after the
    // handlers' effects have run (an edit marks the workspace changed in one).
    let on_change = window_event_listener_untyped("change", move |_| {
        set_timeout(move || app.save_now(), std::time::Duration::ZERO);
    });
    RUNNING.with(|r| {
        *r.borrow_mut() = Some(Running {
            worker,
            workspace,
            link,
            heads,
            sent: 0,
            answered: 0,
            reported: None,
            sharing: share,
            taking: false,
            on_change: Some(on_change),
        })
    });
    app.set_on_saved(Some(saved));
}

/// The page wrote the workspace: the worker mirrors it into the document.
fn saved(text: &str) {
    let sent = RUNNING.with(|r| {
        let mut running = r.borrow_mut();
        let running = running.as_mut()?;
        let heads = running.heads.clone()?;
        if running.taking {
            return None;
        }
        running.sent = running.sent.wrapping_add(1);
        post(
            &running.worker,
            &[
                ("op", "edit".into()),
                ("workspace", text.into()),
                ("heads", heads.into()),
                ("id", running.sent.into()),
            ],
        );
        Some(())
    });
    if let (Some(app), Some(())) = (APP.get(), sent) {
        show_status(app);
    }
}

/// Puts the running sync's status (see [`shown`]) in the header.
fn show_status(app: AppState) {
    if let Some(status) = RUNNING.with(|r| r.borrow().as_ref().and_then(shown)) {
        app.sync.set(Some(status));
    }
}

/// The status the header shows: the worker's, except that a sync the worker last found
/// up to date is syncing again while it has an edit of this page to answer. The header
/// never says "up to date" of an edit that has not reached the worker yet.
fn shown(running: &Running) -> Option<SyncState> {
    match &running.reported {
        Some(SyncState::UpToDate) if running.sent != running.answered => {
            Some(SyncState::Syncing { waiting: 0 })
        }
        reported => reported.clone(),
    }
}

/// Records the heads the stored workspace is as of.
fn set_heads(heads: String) {
    RUNNING.with(|r| {
        if let Some(running) = r.borrow_mut().as_mut() {
            let _ = local::save(&heads_key(&running.workspace), &heads);
            running.heads = Some(heads);
        }
    });
}

/// Takes the workspace the document holds, unless the page has edits the worker has not
/// answered yet (their answer brings it again).
fn take(app: AppState, json: &str, heads: String) {
    // Edits not written yet go first: written, they go to the worker as an edit (whose
    // answer brings this workspace again, merged with them); found unchanged, nothing
    // stands in the way.
    if app.has_unsaved_edits() {
        app.save_now();
    }
    let busy = app.has_unsaved_edits()
        || RUNNING.with(|r| r.borrow().as_ref().is_some_and(|r| r.sent != r.answered));
    if busy {
        return;
    }
    let workspace = match envelope::decode(json) {
        Ok(ws) => ws,
        Err(error) => {
            app.sync.set(Some(SyncState::Failed(format!("{error:?}"))));
            return;
        }
    };
    RUNNING.with(|r| {
        if let Some(running) = r.borrow_mut().as_mut() {
            running.taking = true;
        }
    });
    let written = app.take_synced(workspace, json.to_owned());
    RUNNING.with(|r| {
        if let Some(running) = r.borrow_mut().as_mut() {
            running.taking = false;
        }
    });
    if written {
        set_heads(heads);
    }
}

fn status_of(status: &str, waiting: u32) -> SyncState {
    match status {
        "up-to-date" => SyncState::UpToDate,
        "syncing" => SyncState::Syncing { waiting },
        "offline" => SyncState::Offline { waiting },
        "unavailable" => SyncState::Unavailable,
        "other-tab" => SyncState::OtherTab,
        "bad-address" => SyncState::Failed("bad-address".to_owned()),
        other => match other.strip_prefix("refused:") {
            Some(reason) => SyncState::Refused(reason.to_owned()),
            None => SyncState::Failed(other.to_owned()),
        },
    }
}

fn on_message(event: web_sys::MessageEvent) {
    let Some(app) = APP.get() else {
        return;
    };
    let data = event.data();
    let text = |name: &str| field(&data, name).as_string();
    match text("ev").as_deref() {
        Some("started") => {
            let doc = text("doc").unwrap_or_default();
            let sharing = RUNNING.with(|r| {
                let mut running = r.borrow_mut();
                let running = running.as_mut()?;
                running.link.document = doc.clone();
                std::mem::take(&mut running.sharing).then(|| running.link.clone())
            });
            if let Some(link) = sharing {
                // Shared: the workspace as stored is the document as of its first heads.
                if let Some(heads) = text("heads") {
                    set_heads(heads);
                }
                let active = app.catalogue.with_untracked(|c| c.active.clone());
                let _ = local::save(local::SYNC_SERVER_KEY, &link.server);
                app.catalogue.update(|c| {
                    let _ = c.set_shared(&active, Some(link));
                });
                let _ = app.catalogue.with_untracked(local::save_catalogue);
            }
        }
        Some("workspace") => {
            if let (Some(json), Some(heads)) = (text("json"), text("heads")) {
                take(app, &json, heads);
            }
        }
        Some("edited") => {
            let id = field(&data, "id").as_f64().unwrap_or(0.0) as u32;
            RUNNING.with(|r| {
                if let Some(running) = r.borrow_mut().as_mut() {
                    if id != 0 {
                        running.answered = id;
                    }
                }
            });
            show_status(app);
            let Some(heads) = text("heads") else {
                return;
            };
            match text("json") {
                Some(json) => take(app, &json, heads),
                None => set_heads(heads),
            }
        }
        Some("status") => {
            let waiting = field(&data, "waiting").as_f64().unwrap_or(0.0) as u32;
            let status = status_of(&text("status").unwrap_or_default(), waiting);
            RUNNING.with(|r| {
                if let Some(running) = r.borrow_mut().as_mut() {
                    running.reported = Some(status);
                }
            });
            show_status(app);
        }
        Some("conflicts") => {
            let json = text("list").unwrap_or_else(|| "[]".to_owned());
            let count = serde_json::from_str::<Vec<serde_json::Value>>(&json)
                .map(|l| l.len())
                .unwrap_or(0);
            app.sync_conflicts.set(SyncConflicts {
                json,
                count,
                mine: text("actors")
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect(),
            });
        }
        Some("storage") => {
            app.sync.set(Some(SyncState::Failed(format!(
                "IndexedDB: {}",
                text("error").unwrap_or_default()
            ))));
        }
        Some("panic") => {
            RUNNING.with(|r| r.borrow_mut().take());
            super::crash::report(&text("message").unwrap_or_default());
        }
        Some("error") => {
            app.sync
                .set(Some(SyncState::Failed(text("message").unwrap_or_default())));
        }
        _ => {}
    }
}

/// How the open workspace's sync stands, in words (tracked).
pub fn status_text(app: AppState) -> String {
    use crate::i18n::fill;
    let t = app.t();
    let waiting = |text: &str, n: u32| {
        if n == 0 {
            text.to_owned()
        } else {
            format!("{text} · {}", fill(t.sync_waiting, &[&n]))
        }
    };
    match app.sync.get() {
        None => String::new(),
        Some(SyncState::Starting) => t.sync_starting.to_owned(),
        Some(SyncState::OtherTab) => t.sync_other_tab.to_owned(),
        Some(SyncState::Offline { waiting: n }) => waiting(t.sync_offline, n),
        Some(SyncState::Syncing { waiting: n }) => waiting(t.sync_syncing, n),
        Some(SyncState::UpToDate) => t.sync_up_to_date.to_owned(),
        Some(SyncState::Unavailable) => t.sync_unavailable.to_owned(),
        Some(SyncState::Refused(reason)) => fill(t.sync_refused, &[&reason]),
        Some(SyncState::Failed(reason)) => fill(t.sync_failed, &[&reason]),
    }
}

/// The status in the header: how the open workspace's sync stands and how many fields
/// are in conflict; it leads to the workspaces page, where the sharing is managed.
pub fn status_view(app: AppState) -> AnyView {
    use crate::i18n::fill;
    // The sync runs while the open workspace is shared: this view is drawn from then
    // until it has stopped.
    Effect::new(move |_| {
        let link = app
            .catalogue
            .with(|c| c.active_entry().and_then(|e| e.shared()));
        match link {
            Some(link) => control(app, Control::Run(link)),
            None if !sharing() => control(app, Control::Stop),
            None => {}
        }
    });
    let text = move || status_text(app);
    let class = move || match app.sync.get() {
        Some(SyncState::UpToDate) => "sync-status up-to-date",
        Some(SyncState::Syncing { .. } | SyncState::Starting | SyncState::OtherTab) => {
            "sync-status syncing"
        }
        Some(SyncState::Offline { .. }) => "sync-status offline",
        _ => "sync-status problem",
    };
    let conflicts = move || app.sync_conflicts.with(|c| c.count);
    view! {
        <a class=class href=super::router::Route::Workspaces.href() data-testid="sync-status"
            role="status" aria-label=move || app.t().sync_status_label>
            {text}
            {move || (conflicts() > 0).then(|| view! {
                " · " <strong class="sync-conflicts" data-testid="sync-conflict-count">
                    {fill(app.t().sync_conflicts_badge, &[&conflicts()])}
                </strong>
            })}
        </a>
    }
    .into_any()
}
