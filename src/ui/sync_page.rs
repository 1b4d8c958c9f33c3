//! Team sync on the workspaces page (in the data chunk): sharing the open workspace
//! through a sync server, its share link, moving it to a new link, leaving, the fields in
//! conflict with a choice for each; joining a shared workspace from a link, pasted there
//! or opened as `#/join?server=…&doc=…`.

use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::domain::account::Field as BasicField;
use crate::domain::catalogue::SharedLink;
use crate::domain::merge::Field as MergeField;
use crate::domain::{AccountId, Language, Workspace};
use crate::i18n::{fill, Strings};
use crate::storage::local;
use kam::sync::mirror;

use super::router::{navigate, Route};
use super::state::{use_app, AppState, SyncState, WorkspaceError};
use super::sync::Control;
use super::widgets::tr;

/// Whether `server` is a websocket address.
fn server_ok(server: &str) -> bool {
    let server = server.trim();
    (server.starts_with("wss://") || server.starts_with("ws://")) && server.len() > 6
}

/// The link that opens this app and joins `link`'s workspace.
pub fn share_link(link: &SharedLink) -> String {
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let page = page.split('#').next().unwrap_or_default();
    format!(
        "{page}#/join?server={}&doc={}",
        String::from(js_sys::encode_uri_component(&link.server)),
        String::from(js_sys::encode_uri_component(&link.document)),
    )
}

/// The server and document a share link names, if it is one.
pub fn parse_link(text: &str) -> Option<SharedLink> {
    let query = text.trim().split_once('?')?.1;
    let mut server = None;
    let mut document = None;
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=')?;
        let value = js_sys::decode_uri_component(value).ok().map(String::from)?;
        match key {
            "server" => server = Some(value),
            "doc" => document = Some(value),
            _ => {}
        }
    }
    let (server, document) = (server?, document?);
    let valid = server_ok(&server) && kam::sync::doc_id::DocumentId::parse(&document).is_ok();
    valid.then(|| SharedLink {
        server: server.trim().to_owned(),
        document,
    })
}

/// Creates a workspace that syncs through `link`, named `name`, and opens it: the
/// document's workspace fills it once the server sends it.
fn join(app: AppState, name: &str, link: SharedLink) -> Result<(), WorkspaceError> {
    app.create_workspace(name, &Workspace::default(), false)?;
    let active = app.catalogue.with_untracked(|c| c.active.clone());
    app.catalogue.update(|c| {
        let _ = c.set_shared(&active, Some(link));
    });
    let _ = app.catalogue.with_untracked(local::save_catalogue);
    Ok(())
}

fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| f.call1(&clipboard, &text.into()).is_ok())
}

/// The open workspace's team sync: share it, or its link, status and conflicts.
#[component]
pub fn SharePanel() -> impl IntoView {
    let app = use_app();
    let shared = Memo::new(move |_| {
        app.catalogue
            .with(|c| c.active_entry().and_then(|e| e.shared()))
    });
    view! {
        // Not printed: the share link is the key to the workspace.
        <section class="card share-panel screen-only" data-testid="share-panel">
            <h2>{tr(|t| t.share_title)}</h2>
            {move || match shared.get() {
                Some(link) => view! { <Shared link=link/> }.into_any(),
                None => view! { <ShareForm/> }.into_any(),
            }}
        </section>
        <JoinForm/>
    }
}

#[component]
fn ShareForm() -> impl IntoView {
    let app = use_app();
    let server = RwSignal::new(local::read(local::SYNC_SERVER_KEY).unwrap_or_default());
    let invalid = RwSignal::new(false);
    let starting = move || app.sync.with(|s| matches!(s, Some(SyncState::Starting)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let address = server.get_untracked().trim().to_owned();
        if !server_ok(&address) {
            invalid.set(true);
            return;
        }
        invalid.set(false);
        super::sync::control(app, Control::Share(address));
    };
    view! {
        <p class="hint">{tr(|t| t.share_intro)}</p>
        <p class="hint warning">{tr(|t| t.share_warning)}</p>
        <AuthorField/>
        <form class="inline-form" novalidate=true on:submit=submit data-testid="share-form">
            <label class="field grow">
                <span>{tr(|t| t.share_server)}</span>
                <input type="url" data-field="sync_server" placeholder="wss://sync.example.com"
                    prop:value=move || server.get() on:input=move |ev| server.set(event_target_value(&ev))
                    aria-describedby="sync-server-hint"/>
                <small id="sync-server-hint" class="hint">{tr(|t| t.share_server_hint)}</small>
            </label>
            <button type="submit" class="primary" data-testid="share-workspace" disabled=starting>
                {tr(|t| t.share_button)}
            </button>
        </form>
        <Show when=move || invalid.get()>
            <p class="field-error" role="alert">{tr(|t| t.share_server_invalid)}</p>
        </Show>
        {move || match app.sync.get() {
            Some(SyncState::Failed(reason)) => Some(view! {
                <p class="field-error" role="alert">{fill(app.t().sync_failed, &[&reason])}</p>
            }),
            _ => None,
        }}
    }
}

/// The name this browser's user gives colleagues: kept with each change written here,
/// and shown beside their values when colleagues meet a conflict. One per browser (a
/// person's name, whatever the workspace).
#[component]
fn AuthorField() -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(local::read(local::SYNC_AUTHOR_KEY).unwrap_or_default());
    view! {
        <label class="field">
            <span>{tr(|t| t.sync_author)}</span>
            <input type="text" data-field="sync_author" autocomplete="name"
                maxlength=mirror::AUTHOR_LIMIT.to_string()
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev))
                on:change=move |ev| super::sync::control(app, Control::Author(event_target_value(&ev)))
                aria-describedby="sync-author-hint"/>
            <small id="sync-author-hint" class="hint">{tr(|t| t.sync_author_hint)}</small>
        </label>
    }
}

#[component]
fn Shared(link: SharedLink) -> impl IntoView {
    let app = use_app();
    let url = share_link(&link);
    let copied = RwSignal::new(false);
    let confirming = RwSignal::new(None::<&'static str>);
    let copy_url = url.clone();
    view! {
        <p data-testid="share-state">{move || super::sync::status_text(app)}</p>
        <label class="field">
            <span>{tr(|t| t.share_link_label)}</span>
            <input type="text" readonly=true data-testid="share-link" prop:value=url.clone()
                on:focus=move |ev| {
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                }/>
        </label>
        <p class="hint warning">{tr(|t| t.share_warning)}</p>
        <AuthorField/>
        <div class="actions">
            <button type="button" data-testid="copy-share-link"
                on:click=move |_| copied.set(copy_text(&copy_url))>
                {move || if copied.get() { app.t().share_copied } else { app.t().share_copy }}
            </button>
            <button type="button" data-testid="move-share" on:click=move |_| confirming.set(Some("move"))>
                {tr(|t| t.share_move)}
            </button>
            <button type="button" class="danger" data-testid="leave-share" on:click=move |_| confirming.set(Some("leave"))>
                {tr(|t| t.share_leave)}
            </button>
        </div>
        {move || confirming.get().map(|what| {
            let t = app.t();
            let (text, action) = if what == "move" {
                (t.share_move_confirm, t.share_move)
            } else {
                (t.share_leave_confirm, t.share_leave)
            };
            view! {
                <div class="confirm" role="alert" data-testid="share-confirm">
                    <p>{text}</p>
                    <div class="actions">
                        <button type="button" class="danger" data-testid="share-confirm-yes" on:click=move |_| {
                            confirming.set(None);
                            super::sync::control(app, if what == "move" { Control::Move } else { Control::Leave });
                        }>{action}</button>
                        <button type="button" on:click=move |_| confirming.set(None)>{tr(|t| t.cancel)}</button>
                    </div>
                </div>
            }
        })}
        <Conflicts/>
    }
}

/// One field in conflict as the worker lists it.
struct Conflict {
    path: Vec<Value>,
    values: Vec<Side>,
}

/// One value of a field in conflict: who wrote it (their browser's actor and, when they
/// gave one, their name) and when (seconds since 1970), as far as it is known.
struct Side {
    value: Value,
    actor: String,
    author: Option<String>,
    time: Option<i64>,
}

impl Side {
    /// Who wrote the value and when, for people: "(you, 5 Dec 2026 10:32)",
    /// "(Li Na, …)", "(a colleague, 3f2a…)".
    fn written(&self, mine: &[String], t: &Strings) -> String {
        let me = mine.contains(&self.actor);
        let who = match (&self.author, me) {
            (Some(name), true) => fill(t.conflict_you_named, &[name]),
            (Some(name), false) => name.clone(),
            (None, true) => t.conflict_you.to_owned(),
            (None, false) => fill(
                t.conflict_colleague,
                &[&self.actor.chars().take(8).collect::<String>()],
            ),
        };
        match self.time.and_then(|secs| secs.checked_mul(1000)) {
            Some(millis) => fill(
                t.conflict_side_when,
                &[&who, &t.date_time(super::dom::local_millis(millis))],
            ),
            None => fill(t.conflict_side, &[&who]),
        }
    }
}

fn conflicts_of(json: &str) -> Vec<Conflict> {
    let list: Vec<Value> = serde_json::from_str(json).unwrap_or_default();
    list.into_iter()
        .filter_map(|c| {
            let path = c.get("path")?.as_array()?.clone();
            let values = c
                .get("values")?
                .as_array()?
                .iter()
                .map(|v| Side {
                    value: v.get("value").cloned().unwrap_or(Value::Null),
                    actor: v
                        .get("actor")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    author: v.get("author").and_then(Value::as_str).map(str::to_owned),
                    time: v.get("time").and_then(Value::as_i64),
                })
                .collect();
            Some(Conflict { path, values })
        })
        .collect()
}

/// A step of a path inside a field, for people: keys as they are, list places from 1.
fn step_text(step: &Value) -> String {
    match step {
        Value::String(s) => s.clone(),
        Value::Number(n) => n
            .as_u64()
            .map_or_else(|| n.to_string(), |i| format!("#{}", i + 1)),
        other => other.to_string(),
    }
}

/// Where a field is, for people: the account's name and the field's label as its form
/// shows it (scores by the criterion's name), then the keys inside it (a plan's parts);
/// outside the accounts, the page that edits it.
fn place(path: &[Value], ws: &Workspace, t: &Strings, language: Language) -> String {
    let keys: Vec<&str> = path.iter().map(|v| v.as_str().unwrap_or("")).collect();
    let mut parts: Vec<String> = Vec::new();
    let rest = match keys.as_slice() {
        ["accounts", id, inside @ ..] => {
            let name = id
                .parse::<AccountId>()
                .ok()
                .and_then(|id| ws.accounts.iter().find(|a| a.id == id))
                .map_or_else(|| (*id).to_owned(), |a| a.name.clone());
            parts.push(name);
            match MergeField::at_path(inside) {
                Some((field, taken)) => {
                    parts.push(match field {
                        MergeField::Plan => t.conflict_in_plan.to_owned(),
                        MergeField::Engagement => t.conflict_in_engagement.to_owned(),
                        field => super::merge_page::field_label(field, t, &ws.model, language),
                    });
                    &path[2 + taken..]
                }
                None => &path[2..],
            }
        }
        [first, ..] => {
            parts.push(
                match *first {
                    "model" | "model_draft" => t.nav_model,
                    "tiers" | "thresholds_draft" => t.nav_ranking,
                    "engagement" => t.people_title,
                    "inquiries" => t.inq_title,
                    "snapshots" => t.nav_review,
                    "categories" | "list_plan" => t.portfolio_title,
                    "amount_unit" => t.amount_unit_label,
                    _ => t.conflict_in_settings,
                }
                .to_owned(),
            );
            &path[1..]
        }
        [] => path,
    };
    parts.extend(rest.iter().map(step_text));
    parts.join(" › ")
}

fn shown(value: &Value, field: Option<MergeField>, t: &Strings) -> String {
    use crate::domain::{Answer, Ownership, Relationship, SizeBand};
    // Choices as the form words them.
    let choice = |value: &Value| -> Option<&'static str> {
        let value = value.clone();
        match field? {
            MergeField::Basic(BasicField::Ownership) => serde_json::from_value::<Ownership>(value)
                .ok()
                .map(|o| t.ownership(o)),
            MergeField::Basic(BasicField::SizeBand) => serde_json::from_value::<SizeBand>(value)
                .ok()
                .map(|s| t.size_band(s)),
            MergeField::Basic(BasicField::Relationship) => {
                serde_json::from_value::<Relationship>(value)
                    .ok()
                    .map(|r| t.relationship(r))
            }
            MergeField::Gate(_) => serde_json::from_value::<Answer>(value)
                .ok()
                .map(|a| t.answer(a)),
            _ => None,
        }
    };
    if let Some(text) = choice(value) {
        return text.to_owned();
    }
    match value {
        Value::Null => t.conflict_empty.to_owned(),
        Value::String(s) if s.is_empty() => t.conflict_empty.to_owned(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The field of an account a conflict's path leads to, when it ends there.
fn field_at(path: &[Value]) -> Option<MergeField> {
    let keys: Vec<&str> = path.iter().map(|v| v.as_str().unwrap_or("")).collect();
    match keys.as_slice() {
        ["accounts", _, inside @ ..] => MergeField::at_path(inside)
            .filter(|(_, taken)| *taken == inside.len())
            .map(|(field, _)| field),
        _ => None,
    }
}

#[component]
fn Conflicts() -> impl IntoView {
    let app = use_app();
    let list = Memo::new(move |_| app.sync_conflicts.with(|c| c.json.clone()));
    move || {
        let conflicts = conflicts_of(&list.get());
        if conflicts.is_empty() {
            return None;
        }
        let mine = app.sync_conflicts.with_untracked(|c| c.mine.clone());
        let rows = conflicts
            .into_iter()
            .map(|conflict| {
                let t = app.t();
                let path = serde_json::to_string(&conflict.path).unwrap_or_default();
                let where_ = app
                    .workspace
                    .with_untracked(|ws| place(&conflict.path, ws, t, app.language.get_untracked()));
                let field = field_at(&conflict.path);
                let texts = conflict
                    .values
                    .iter()
                    .all(|s| s.value.is_string() || s.value.is_null());
                let typed = RwSignal::new(String::new());
                let choices = conflict
                    .values
                    .into_iter()
                    .map(|side| {
                        let who = side.written(&mine, t);
                        let value = side.value;
                        let json = value.to_string();
                        let path = path.clone();
                        view! {
                            <li>
                                <span class="conflict-value">{shown(&value, field, t)}</span>
                                " " <span class="muted">{who}</span> " "
                                <button type="button" data-testid="keep-value" on:click=move |_| {
                                    super::sync::control(app, Control::Resolve { path: path.clone(), value: json.clone() });
                                }>{tr(|t| t.conflict_keep)}</button>
                            </li>
                        }
                    })
                    .collect_view();
                let typed_path = path.clone();
                view! {
                    <li class="conflict" data-testid="conflict">
                        <strong>{where_}</strong>
                        <ul class="conflict-values">{choices}</ul>
                        <Show when=move || texts>
                            <form class="inline-form" novalidate=true on:submit={
                                let path = typed_path.clone();
                                move |ev: leptos::ev::SubmitEvent| {
                                    ev.prevent_default();
                                    let value = Value::String(typed.get_untracked()).to_string();
                                    super::sync::control(app, Control::Resolve { path: path.clone(), value });
                                }
                            }>
                                <label class="field grow">
                                    <span>{tr(|t| t.conflict_type_new)}</span>
                                    <input type="text" prop:value=move || typed.get()
                                        on:input=move |ev| typed.set(event_target_value(&ev))/>
                                </label>
                                <button type="submit">{tr(|t| t.conflict_keep)}</button>
                            </form>
                        </Show>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="conflicts" data-testid="conflicts">
                <h3>{tr(|t| t.conflicts_title)}</h3>
                <p class="hint">{tr(|t| t.conflicts_intro)}</p>
                <ul>{rows}</ul>
            </section>
        })
    }
}

/// Joining from a pasted share link.
#[component]
fn JoinForm() -> impl IntoView {
    let app = use_app();
    let link = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(parsed) = parse_link(&link.get_untracked()) else {
            invalid.set(true);
            return;
        };
        invalid.set(false);
        let mut chosen = name.get_untracked();
        if chosen.trim().is_empty() {
            chosen = app.t().join_default_name.to_owned();
        }
        let result = join(app, &chosen, parsed);
        if result.is_ok() {
            navigate(Route::Accounts);
        }
        app.report(result);
    };
    view! {
        <section class="card join-panel screen-only">
            <h2>{tr(|t| t.join_title)}</h2>
            <p class="hint">{tr(|t| t.join_intro)}</p>
            <form class="inline-form" novalidate=true on:submit=submit data-testid="join-form">
                <label class="field grow">
                    <span>{tr(|t| t.join_link)}</span>
                    <input type="text" data-field="join_link" prop:value=move || link.get()
                        on:input=move |ev| link.set(event_target_value(&ev))/>
                </label>
                <label class="field">
                    <span>{tr(|t| t.workspace_name)}</span>
                    <input type="text" data-field="join_name" prop:value=move || name.get()
                        placeholder=move || app.t().join_default_name
                        on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
                <button type="submit" data-testid="join-workspace">{tr(|t| t.join_button)}</button>
            </form>
            <Show when=move || invalid.get()>
                <p class="field-error" role="alert">{tr(|t| t.join_link_invalid)}</p>
            </Show>
        </section>
    }
}

/// `#/join?server=…&doc=…`: the page a share link opens.
#[component]
pub fn JoinPage() -> impl IntoView {
    let app = use_app();
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let link = parse_link(&hash);
    let existing = link.as_ref().and_then(|l| {
        app.catalogue.with_untracked(|c| {
            c.entries
                .iter()
                .find(|e| e.shared().is_some_and(|s| s.document == l.document))
                .map(|e| e.id.clone())
        })
    });
    let name = RwSignal::new(app.t().join_default_name.to_owned());
    view! {
        <section class="page join-page">
            <h1 tabindex="-1">{tr(|t| t.join_title)}</h1>
            {match (link, existing) {
                (None, _) => view! {
                    <p class="notice error" role="alert" data-testid="join-invalid">{tr(|t| t.join_link_invalid)}</p>
                    <p><a href=Route::Workspaces.href()>{tr(|t| t.workspaces_title)}</a></p>
                }.into_any(),
                (Some(_), Some(id)) => view! {
                    <p>{tr(|t| t.join_already)}</p>
                    <button type="button" class="primary" data-testid="join-open" on:click=move |_| {
                        app.open_workspace(&id);
                        navigate(Route::Accounts);
                    }>{tr(|t| t.open_workspace)}</button>
                }.into_any(),
                (Some(link), None) => {
                    let server = link.server.clone();
                    let stored = StoredValue::new(link);
                    view! {
                        <p class="hint">{tr(|t| t.join_intro)}</p>
                        <p>{move || fill(app.t().join_from, &[&server])}</p>
                        <p class="hint warning">{tr(|t| t.share_warning)}</p>
                        <form class="inline-form" novalidate=true data-testid="join-page-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            let mut chosen = name.get_untracked();
                            if chosen.trim().is_empty() {
                                chosen = app.t().join_default_name.to_owned();
                            }
                            let result = join(app, &chosen, stored.get_value());
                            if result.is_ok() {
                                navigate(Route::Accounts);
                            }
                            app.report(result);
                        }>
                            <label class="field grow">
                                <span>{tr(|t| t.workspace_name)}</span>
                                <input type="text" data-field="join_name" prop:value=move || name.get()
                                    on:input=move |ev| name.set(event_target_value(&ev))/>
                            </label>
                            <button type="submit" class="primary" data-testid="join-workspace">{tr(|t| t.join_button)}</button>
                        </form>
                    }.into_any()
                }
            }}
        </section>
    }
}
