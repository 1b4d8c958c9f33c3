//! The only code that touches localStorage. Every access is guarded: storage may be
//! blocked (private modes, disabled site data), full, or hold data this version cannot
//! read. Unreadable data is never overwritten: it is copied aside under its own key
//! before anything is saved, and if that copy fails nothing is saved at all. Workspaces
//! are stored packed (`super::packed`); plain JSON stored by earlier versions still loads.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::envelope::{self, LoadError};
use super::packed;
use crate::domain::catalogue::{Catalogue, MAIN_ID};
use crate::domain::{Language, Workspace};

/// The workspace in force.
pub const WORKSPACE_KEY: &str = "kam.workspace";
/// The interface language chosen by the user.
pub const LANGUAGE_KEY: &str = "kam.language";
/// Prefix of copies of unreadable data: `kam.workspace.unreadable.<millis>`.
pub const UNREADABLE_PREFIX: &str = "kam.workspace.unreadable.";
/// The list of named workspaces and which one is open.
pub const CATALOGUE_KEY: &str = "kam.catalogue";
/// The owner chosen in the overdue-actions list ("my overdue actions").
pub const ACTIONS_OWNER_KEY: &str = "kam.actions.owner";
/// Prefix of remembered orders of long lists (`super::collation`): `kam.collation.<list>`.
pub const COLLATION_PREFIX: &str = "kam.collation.";
/// A shared workspace's place in its document's history (`kam.sync.heads.<workspace
/// id>`): the heads of the document the stored workspace is as of (team sync).
pub const SYNC_HEADS_PREFIX: &str = "kam.sync.heads.";
/// The sync server last shared through, offered for the next share.
pub const SYNC_SERVER_KEY: &str = "kam.sync.server";
/// The name this browser's user gives colleagues in shared workspaces (team sync):
/// kept with each change written here, shown beside the values of a conflict.
pub const SYNC_AUTHOR_KEY: &str = "kam.sync.author";

/// Where a named workspace's data lives. The first workspace keeps the original key, so
/// data saved before workspaces had names is simply the first workspace.
pub fn workspace_key(id: &str) -> String {
    if id == MAIN_ID {
        WORKSPACE_KEY.to_owned()
    } else {
        format!("kam.ws.{id}")
    }
}

/// Whether localStorage can be used at all. gloo-storage panics when it cannot, so this
/// is asked before every gloo call.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// What loading found.
pub enum Loaded {
    /// Nothing saved yet (first run).
    Empty,
    /// The workspace, its envelope's JSON as stored (what saving it unchanged would
    /// write, so nothing is written until it changes), and the stored value's stamp.
    Workspace(Box<Workspace>, String, Stamp),
    /// Saved data that could not be read; it is still in place under its key
    /// and, when `kept_as` is `Some`, also copied under that key.
    Unreadable {
        error: LoadError,
        raw: String,
        kept_as: Option<String>,
        stamp: Stamp,
    },
    Blocked,
}

/// What tells one stored value from another: a hash of the text. A tab remembers the
/// stamp of what it last read or wrote under its workspace's key; a different stamp
/// there means another tab wrote meanwhile. (Only compared within one page's life.)
pub type Stamp = u64;

/// The stamp of a stored value.
pub fn stamp(stored: &str) -> Stamp {
    let mut hash = super::Fnv::new();
    hash.write(stored.as_bytes());
    hash.finish()
}

/// Reads the workspace saved under `key`.
pub fn load(key: &str, now: i64) -> Loaded {
    if !available() {
        return Loaded::Blocked;
    }
    let raw = match LocalStorage::raw().get_item(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Empty,
        Err(_) => return Loaded::Blocked,
    };
    let stamp = stamp(&raw);
    match decode_stored(&raw) {
        Ok((ws, json)) => Loaded::Workspace(Box::new(ws), json, stamp),
        Err((error, readable)) => {
            let key = format!("{UNREADABLE_PREFIX}{now}");
            let kept_as = LocalStorage::raw().set_item(&key, &raw).ok().map(|_| key);
            Loaded::Unreadable {
                error,
                // Offered for download: the JSON if it could be unpacked, else as stored.
                raw: readable.unwrap_or(raw),
                kept_as,
                stamp,
            }
        }
    }
}

/// Reads a stored workspace value (packed, or plain JSON from earlier versions): the
/// workspace and its JSON, or why not (with the JSON if unpacking got that far).
pub fn decode_stored(stored: &str) -> Result<(Workspace, String), (LoadError, Option<String>)> {
    let json = packed::unpack(stored)
        .map_err(|e| (LoadError::NotJson(e.to_string()), None))?
        .into_owned();
    match envelope::decode(&json) {
        Ok(ws) => Ok((ws, json)),
        Err(error) => Err((error, Some(json))),
    }
}

/// Why a save failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Blocked,
    QuotaExceeded,
    Other(String),
}

/// Writes a workspace (its encoded envelope, `json`) under `key`, packed, and gives the
/// stamp of what was written. When storage is full, the remembered orders of lists (a
/// cache) make room and the save is tried again.
pub fn save_workspace(key: &str, json: &str) -> Result<Stamp, SaveError> {
    let packed = packed::pack(json);
    match save(key, &packed) {
        Err(SaveError::QuotaExceeded) if forget_collations() > 0 => save(key, &packed),
        done => done,
    }
    .map(|()| stamp(&packed))
}

/// The remembered order of the list `list`, as stored.
pub fn load_collation(list: &str) -> Option<String> {
    read(&format!("{COLLATION_PREFIX}{list}"))
}

/// Remembers the order of the list `list` (a cache: a failure is of no consequence,
/// and nothing is remembered when storage is nearly full).
pub fn save_collation(list: &str, stored: &str) {
    if usage().is_none_or(|u| u.nearly_full()) {
        return;
    }
    let _ = save(&format!("{COLLATION_PREFIX}{list}"), stored);
}

/// Removes every remembered order; how many there were.
fn forget_collations() -> usize {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return 0;
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(COLLATION_PREFIX))
        .collect();
    for key in &keys {
        let _ = storage.remove_item(key);
    }
    keys.len()
}

/// Writes `text` under `key` as it is.
pub fn save(key: &str, text: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Blocked);
    }
    LocalStorage::raw()
        .set_item(key, text)
        .map_err(|e| classify_error(&e))
}

/// The raw text stored under `key`, if any.
pub fn read(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Deletes what is stored under `key` (a deleted workspace).
pub fn remove(key: &str) {
    if available() {
        let _ = LocalStorage::raw().remove_item(key);
    }
}

/// How much of the browser's storage this origin uses, in characters (UTF-16 units,
/// keys included, as browsers count the quota).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub used: u64,
    pub quota: u64,
}

impl Usage {
    /// The quota Chromium, Firefox and Safari give localStorage: 5 MiB characters.
    pub const QUOTA: u64 = 5_242_880;
    /// From this share on, the user is warned before a save fails.
    pub const WARN_PERCENT: u64 = 80;

    pub fn percent(self) -> u64 {
        (self.used * 100).checked_div(self.quota).unwrap_or(100)
    }

    pub fn nearly_full(self) -> bool {
        self.percent() >= Self::WARN_PERCENT
    }
}

/// What this origin's localStorage holds now. Lengths are read on the JavaScript side,
/// so measuring copies none of the (possibly megabytes of) stored text.
pub fn usage() -> Option<Usage> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    let mut used = 0u64;
    for i in 0..storage.length().ok()? {
        let Ok(Some(key)) = storage.key(i) else {
            continue;
        };
        let value = js_sys::Reflect::get(&storage, &wasm_bindgen::JsValue::from_str(&key))
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
            .map_or(0, |v| u64::from(v.length()));
        used += key.encode_utf16().count() as u64 + value;
    }
    Some(Usage {
        used,
        quota: Usage::QUOTA,
    })
}

/// The named workspaces; the default list when none is saved or it cannot be read
/// (the data itself is under its own keys, so nothing is lost by that).
pub fn load_catalogue() -> Catalogue {
    if !available() {
        return Catalogue::default();
    }
    LocalStorage::raw()
        .get_item(CATALOGUE_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str::<Catalogue>(&text).ok())
        .unwrap_or_default()
        .repaired()
}

pub fn save_catalogue(catalogue: &Catalogue) -> Result<(), SaveError> {
    let text = serde_json::to_string(catalogue).map_err(|e| SaveError::Other(e.to_string()))?;
    save(CATALOGUE_KEY, &text)
}

fn classify_error(error: &wasm_bindgen::JsValue) -> SaveError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(ex) if ex.name() == "QuotaExceededError" || ex.code() == 22 => {
            SaveError::QuotaExceeded
        }
        Some(ex) if ex.name() == "SecurityError" => SaveError::Blocked,
        Some(ex) => SaveError::Other(ex.message()),
        None => SaveError::Other(error.as_string().unwrap_or_else(|| format!("{error:?}"))),
    }
}

/// The saved language, if any.
pub fn load_language() -> Option<Language> {
    if !available() {
        return None;
    }
    LocalStorage::raw()
        .get_item(LANGUAGE_KEY)
        .ok()
        .flatten()
        .and_then(|tag| Language::from_tag(&tag))
}

/// Remembers the language; failure only means the choice is not remembered.
pub fn save_language(language: Language) {
    if available() {
        let _ = LocalStorage::raw().set_item(LANGUAGE_KEY, language.tag());
    }
}
