//! The app state, provided once through context: the workspace (plain domain values),
//! the language, the save status and the notices. Derived values (the ranking) are memos
//! that call `crate::domain`; persistence is one effect that writes the workspace out.

use std::collections::HashMap;

use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;

use crate::domain::catalogue::{Catalogue, CatalogueError};
use crate::domain::ranking::{count_tiers, rank_accounts, RankedRow, TierCounts};
use crate::domain::{AccountId, Language, Workspace};
use crate::i18n::{fill, strings, Strings};
use crate::storage::envelope::{self, LoadError};
use crate::storage::local::{self, Loaded, SaveError, Stamp, Usage};

use super::dom::now_millis;
use super::tools_module::ChartsState;

/// Why the workspace is not saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveProblem {
    Failed(SaveError),
    /// Saving is paused so as not to overwrite data this version cannot read.
    Paused,
    /// Another tab saved a version this tab has not read, while this one had edits not
    /// yet written: saving waits for the user's choice ([`TabConflict`]).
    OtherTab,
}

/// Another tab saved the open workspace while this tab had edits it had not written yet,
/// or wrote over this tab's last save without having read it. Neither version is
/// written over until the user chooses: keep this tab's, take the other's, or combine
/// them field by field on the merge page.
#[derive(Clone, Debug)]
pub struct TabConflict {
    /// The other tab's version, as stored now.
    pub theirs: std::sync::Arc<Workspace>,
    /// Its envelope's JSON.
    json: std::sync::Arc<str>,
    /// The stored value's stamp.
    stamp: Stamp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    /// A change is waiting to be written (within [`SAVE_DELAY`]).
    Saving,
    /// Nothing of this workspace has been written yet: what was stored could not be read
    /// and the page shows an empty workspace in its place. Not "saved", which would
    /// claim the user's data is safe here.
    NothingYet,
    NotSaved(SaveProblem),
}

/// Where the open workspace's team sync stands (`AppState::sync`; none when it is not
/// shared). Set by the sync worker's page side (`super::sync`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncState {
    /// The sync module is loading, or a joined workspace waits for its first copy.
    Starting,
    /// Another tab of this browser syncs this workspace; this one waits.
    OtherTab,
    /// No connection to the sync server; `waiting` edits are kept until there is.
    Offline {
        waiting: u32,
    },
    Syncing {
        waiting: u32,
    },
    UpToDate,
    /// The server does not have this workspace (the link is wrong, or it was moved).
    Unavailable,
    /// The server refused (its reason).
    Refused(String),
    /// The sync module failed (the reason).
    Failed(String),
}

/// The open conflicts of a shared workspace, as the sync worker lists them (JSON), and
/// the ids this browser has written the document as (a new one at each load).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncConflicts {
    pub json: String,
    pub count: usize,
    pub mine: Vec<String>,
}

/// How long edits are gathered before the workspace is written.
pub const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);
/// How soon a failed save (storage full) is tried again.
pub const SAVE_RETRY: std::time::Duration = std::time::Duration::from_secs(2);

/// A message shown at the top of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The stored data could not be read; `raw` is offered for download.
    StoredUnreadable {
        error: LoadError,
        raw: String,
        kept_as: Option<String>,
    },
    OtherTabUpdated,
    OtherTabUnreadable(LoadError),
    /// Another tab deleted the workspace open in this one; saving has stopped.
    OpenWorkspaceDeleted,
    /// The workspace's model broke the rules (weights not totalling 100%…): it was
    /// loaded as the draft and the default model is in force.
    ModelDrafted,
    /// An already translated message (import results, model applied…).
    Info(String),
    Error(String),
    /// An account was deleted; it can be put back.
    Deleted(Box<crate::domain::Account>),
    /// Something was removed (an item of an account plan, a colleague, a contact);
    /// `undo` puts it back, `text` says what was removed.
    Removed {
        text: String,
        undo: Undo,
    },
}

/// An edit that puts back what a removal took. The page that removed it makes it, so
/// its code loads with that page, not with the notices that offer it.
#[derive(Clone)]
pub struct Undo(std::sync::Arc<UndoFn>);

type UndoFn = dyn Fn(&mut Workspace, i64) + Send + Sync;

impl Undo {
    pub fn new(undo: impl Fn(&mut Workspace, i64) + Send + Sync + 'static) -> Undo {
        Undo(std::sync::Arc::new(undo))
    }

    /// Puts the removed thing back into `workspace` at time `now`.
    pub fn apply(&self, workspace: &mut Workspace, now: i64) {
        (self.0)(workspace, now)
    }
}

/// One undo is the same as another only if it is the very same.
impl PartialEq for Undo {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Undo {}

impl std::fmt::Debug for Undo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Undo")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeEntry {
    pub id: u32,
    pub notice: Notice,
}

/// Every account assessed and ranked, with an index by id.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Ranking {
    pub rows: Vec<RankedRow>,
    pub index: HashMap<AccountId, usize>,
    pub counts: TierCounts,
}

impl Ranking {
    pub fn row(&self, id: AccountId) -> Option<&RankedRow> {
        self.index.get(&id).and_then(|i| self.rows.get(*i))
    }
}

/// Why an operation on a named workspace did not complete, said in the user's language.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkspaceError {
    /// The browser did not store it (blocked, full, or another reason).
    Save(SaveError),
    /// The list of workspaces refused it (no name, gone, the open one).
    Catalogue(CatalogueError),
    /// What is stored for the workspace cannot be read.
    Unreadable(LoadError),
    /// Nothing is stored for the workspace.
    NothingStored,
    /// A part of the app it needs could not be loaded (the tools module).
    Module(String),
    /// A part of the app's own code it needs could not be fetched.
    PartUnavailable,
    /// The page is being closed.
    Closed,
    /// Anything else, with the browser's or library's own words.
    Other(String),
}

impl WorkspaceError {
    /// The reason, to follow "That did not work:".
    pub fn describe(&self, t: &Strings) -> String {
        match self {
            WorkspaceError::Save(SaveError::Blocked) => t.error_storage_blocked.to_owned(),
            WorkspaceError::Save(SaveError::QuotaExceeded) => t.error_storage_full.to_owned(),
            WorkspaceError::Save(SaveError::Other(detail)) => {
                fill(t.error_storage_other, &[detail])
            }
            WorkspaceError::Catalogue(CatalogueError::NameMissing) => {
                t.error_name_missing.to_owned()
            }
            WorkspaceError::Catalogue(CatalogueError::Unknown) => {
                t.error_workspace_unknown.to_owned()
            }
            WorkspaceError::Catalogue(CatalogueError::DeletingActive) => {
                t.error_deleting_open.to_owned()
            }
            WorkspaceError::Unreadable(error) => t.load_error(error),
            WorkspaceError::NothingStored => t.error_nothing_stored.to_owned(),
            WorkspaceError::Module(detail) => fill(t.error_module, &[detail]),
            WorkspaceError::PartUnavailable => t.error_part.to_owned(),
            WorkspaceError::Closed => t.error_closed.to_owned(),
            WorkspaceError::Other(detail) => detail.clone(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub charts: RwSignal<ChartsState>,
    /// The named workspaces and which is open.
    pub catalogue: RwSignal<Catalogue>,
    /// Writes pending edits at once (before another workspace is opened).
    flush: StoredValue<Option<Callback<()>>>,
    last_saved: StoredValue<String>,
    /// The stamp of the value this tab last read or wrote under the open workspace's key.
    stamp: StoredValue<Option<Stamp>>,
    /// Whether the workspace changed since it was last written (or read).
    dirty: StoredValue<bool>,
    /// A version saved by another tab that meets edits of this one, until the user
    /// chooses. Not a signal of its own: the save status changes with it.
    tab_conflict: StoredValue<Option<TabConflict>>,
    pub workspace: RwSignal<Workspace>,
    pub language: RwSignal<Language>,
    /// Whether the whole table of texts of the language in use is loaded (at start only
    /// the first screen's are): texts read through [`AppState::t`] follow it.
    texts_whole: RwSignal<bool>,
    pub save_status: RwSignal<SaveStatus>,
    pub notices: RwSignal<Vec<NoticeEntry>>,
    pub ranking: Memo<Ranking>,
    /// How full the browser's storage is, measured at start and after every save.
    pub storage_usage: RwSignal<Option<Usage>>,
    /// False while saving would overwrite data that was not copied aside.
    can_save: RwSignal<bool>,
    next_notice: StoredValue<u32>,
    /// The team sync of the open workspace, when it is shared.
    pub sync: RwSignal<Option<SyncState>>,
    pub sync_conflicts: RwSignal<SyncConflicts>,
    /// Told the stored text each time the workspace is written or taken from another
    /// tab (the sync worker mirrors it into the shared document).
    on_saved: StoredValue<Option<fn(&str)>>,
    /// The stored text of a workspace taken from the shared document, for the write that
    /// follows at once: it is the text the workspace encodes to, so encoding it again
    /// (50 ms at 10,000 accounts) is skipped.
    taken_text: StoredValue<Option<String>>,
    /// A taken workspace was written: the change it makes needs no write of its own.
    taken_written: StoredValue<bool>,
}

impl AppState {
    /// The strings of the current language (tracks the language when read reactively).
    pub fn t(&self) -> &'static Strings {
        self.texts_whole.track();
        strings(self.language.get())
    }

    /// Whether the whole table of texts is loaded (tracked when read reactively).
    pub fn has_whole_texts(&self) -> bool {
        self.texts_whole.get()
    }

    /// Loads the whole table of texts of the language in use, if it is not yet; every
    /// text on screen is then read again. Pages other than the first screen wait for it.
    pub async fn whole_texts(&self) -> Result<(), String> {
        if self.texts_whole.get_untracked() {
            return Ok(());
        }
        super::texts::load(self.language.get_untracked()).await?;
        self.texts_whole.set(true);
        Ok(())
    }

    /// Starts loading the chart module if no one has yet; `charts` tells when it is ready.
    pub fn ensure_charts(&self) {
        if self.charts.get_untracked() != ChartsState::NotLoaded {
            return;
        }
        self.charts.set(ChartsState::Loading);
        let charts = self.charts;
        leptos::task::spawn_local(async move {
            charts.set(match super::tools_module::load().await {
                Ok(()) => ChartsState::Ready,
                Err(reason) => ChartsState::Failed(reason),
            });
        });
    }

    pub fn notify(&self, notice: Notice) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|n| {
            // One "updated from another tab" is enough.
            n.retain(|e| e.notice != notice);
            n.push(NoticeEntry { id, notice });
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|n| n.retain(|e| e.id != id));
    }

    /// Applies an edit to the workspace; the persistence effect saves it.
    pub fn edit(&self, f: impl FnOnce(&mut Workspace)) {
        self.workspace.update(f);
    }

    pub fn now(&self) -> i64 {
        now_millis()
    }

    /// Called once the user has downloaded unreadable data that could not be copied
    /// aside: from then on saving may replace it.
    pub fn resume_saving(&self) {
        self.can_save.set(true);
    }

    fn save_catalogue(&self) {
        let _ = self.catalogue.with_untracked(local::save_catalogue);
    }

    /// Sets (or clears) what is told of each save (see `on_saved`).
    /// (A plain function, not a `Callback`: it is set from pages whose reactive owner is
    /// gone once the user moves on.)
    pub fn set_on_saved(&self, callback: Option<fn(&str)>) {
        self.on_saved.set_value(callback);
    }

    fn saved(&self, text: &str) {
        if let Some(callback) = self.on_saved.get_value() {
            callback(text);
        }
    }

    /// Takes the workspace as other people's changes left it (team sync) and writes it
    /// at once: whether it was written. Not written (another tab's version waiting for
    /// a choice, saving paused, storage full), the page shows it all the same, and it
    /// is written with the next save.
    /// `text` is the stored text `workspace` was read from.
    pub fn take_synced(&self, workspace: Workspace, text: String) -> bool {
        self.replace_workspace(workspace);
        self.dirty.set_value(true);
        if self.save_status.get_untracked() == SaveStatus::Saved {
            self.save_status.set(SaveStatus::Saving);
        }
        self.taken_text.set_value(Some(text));
        self.save_now();
        self.taken_text.set_value(None);
        let written =
            self.save_status.get_untracked() == SaveStatus::Saved && !self.dirty.get_value();
        self.taken_written.set_value(written);
        written
    }

    /// Whether edits wait to be written.
    pub fn has_unsaved_edits(&self) -> bool {
        self.dirty.get_value()
    }

    /// Writes pending edits now rather than after [`SAVE_DELAY`].
    pub fn save_now(&self) {
        if let Some(flush) = self.flush.get_value() {
            flush.run(());
        }
    }

    /// The version another tab saved that meets this tab's edits, if any (tracked).
    pub fn tab_conflict(&self) -> Option<TabConflict> {
        self.save_status.track();
        self.tab_conflict.get_value()
    }

    /// Ends a conflict with another tab by writing this tab's version over the other's,
    /// after `edit` (the choices made on the merge page, or nothing to keep this version
    /// as it is). Should the other tab have saved again meanwhile, the write meets that
    /// save as a new conflict.
    pub fn keep_mine_over_other_tab(&self, edit: impl FnOnce(&mut Workspace)) {
        let Some(conflict) = self.tab_conflict.get_value() else {
            return;
        };
        self.stamp.set_value(Some(conflict.stamp));
        self.tab_conflict.set_value(None);
        // Written even where this version equals what this tab saved last.
        self.last_saved.set_value(String::new());
        self.can_save.set(true);
        self.save_status.set(SaveStatus::Saving);
        self.workspace.update(edit);
        self.dirty.set_value(true);
        self.save_now();
    }

    /// Ends a conflict with another tab by taking its version: this tab's unsaved
    /// edits are dropped.
    pub fn take_other_tab_version(&self) {
        let Some(conflict) = self.tab_conflict.get_value() else {
            return;
        };
        self.stamp.set_value(Some(conflict.stamp));
        self.last_saved.set_value(conflict.json.to_string());
        self.saved(&conflict.json);
        self.dirty.set_value(false);
        self.tab_conflict.set_value(None);
        self.can_save.set(true);
        self.save_status.set(SaveStatus::Saved);
        self.replace_workspace((*conflict.theirs).clone());
    }

    /// Refuses to leave the open workspace while its two versions wait for a choice
    /// (leaving would drop this tab's).
    fn conflict_first(&self) -> Result<(), WorkspaceError> {
        if self.tab_conflict.with_value(Option::is_none) {
            return Ok(());
        }
        Err(WorkspaceError::Other(super::tab_conflict::choose_first(
            self.t(),
        )))
    }

    /// Opens another named workspace: pending edits of this one are written first.
    pub fn open_workspace(&self, id: &str) {
        if let Err(error) = self.conflict_first() {
            self.report(Err(error));
            return;
        }
        self.save_now();
        if self
            .catalogue
            .try_update(|c| c.open(id))
            .is_none_or(|r| r.is_err())
        {
            return;
        }
        self.save_catalogue();
        let mut opened = open_stored(&local::workspace_key(id));
        // Counted as saved before it is shown, so opening writes nothing.
        self.last_saved.set_value(opened.saved_text());
        self.stamp.set_value(opened.stamp);
        self.dirty.set_value(false);
        self.notices.update(|n| {
            n.retain(|e| {
                !matches!(
                    e.notice,
                    Notice::Deleted(_) | Notice::StoredUnreadable { .. } | Notice::ModelDrafted
                )
            })
        });
        self.can_save.set(opened.can_save);
        self.save_status
            .set(opened.status.unwrap_or(SaveStatus::Saved));
        self.workspace.set(opened.workspace);
        if let Some(notice) = opened.notice {
            self.notify(notice);
        }
    }

    /// Says why a workspace operation did not complete, if it did not.
    pub fn report(&self, result: Result<(), WorkspaceError>) {
        if let Err(error) = result {
            let t = self.t();
            self.notify(Notice::Error(fill(
                t.workspace_failed,
                &[&error.describe(t)],
            )));
        }
    }

    /// Stores `workspace` as a new named workspace and opens it.
    pub fn create_workspace(
        &self,
        name: &str,
        workspace: &Workspace,
        demo: bool,
    ) -> Result<(), WorkspaceError> {
        self.conflict_first()?;
        let text = envelope::encode_for_storage(workspace).map_err(WorkspaceError::Other)?;
        let id = self
            .catalogue
            .try_update(|c| c.add(name, demo))
            .ok_or(WorkspaceError::Closed)?
            .map_err(WorkspaceError::Catalogue)?;
        if let Err(error) = local::save_workspace(&local::workspace_key(&id), &text) {
            self.catalogue.update(|c| {
                let _ = c.remove(&id);
            });
            return Err(WorkspaceError::Save(error));
        }
        self.save_catalogue();
        self.open_workspace(&id);
        Ok(())
    }

    /// Replaces the demo workspace's data with a fresh demo built in `language`
    /// (creating it if needed) and opens it. Real workspaces are never touched. The
    /// demo's language is recorded with it, so a switch to the other language can offer
    /// to build it again; its name follows unless the user renamed it.
    pub fn load_demo(
        &self,
        name: &str,
        demo: &Workspace,
        language: Language,
    ) -> Result<(), WorkspaceError> {
        self.conflict_first()?;
        let existing = self.catalogue.with_untracked(|c| c.demo().cloned());
        let result = match &existing {
            Some(entry) => {
                let text = envelope::encode_for_storage(demo).map_err(WorkspaceError::Other)?;
                if self.catalogue.with_untracked(|c| c.active == entry.id) {
                    // Open already: replace in place (the effect saves it).
                    self.workspace.set(demo.clone());
                } else {
                    local::save_workspace(&local::workspace_key(&entry.id), &text)
                        .map_err(WorkspaceError::Save)?;
                    self.open_workspace(&entry.id);
                }
                Ok(())
            }
            None => self.create_workspace(name, demo, true),
        };
        result?;
        self.catalogue.update(|c| {
            c.set_demo_language(language);
            // Still called by the default name of the language it was built in: take
            // this language's.
            if let Some(entry) = existing.as_ref().filter(|e| {
                e.demo_language()
                    .and_then(crate::i18n::loaded)
                    .is_some_and(|old| e.name == old.demo_name)
            }) {
                let _ = c.rename(&entry.id, name);
            }
        });
        self.save_catalogue();
        Ok(())
    }

    pub fn rename_workspace(&self, id: &str, name: &str) -> Result<(), WorkspaceError> {
        self.catalogue
            .try_update(|c| c.rename(id, name))
            .ok_or(WorkspaceError::Closed)?
            .map_err(WorkspaceError::Catalogue)?;
        self.save_catalogue();
        Ok(())
    }

    /// A named workspace's data: the open one from memory, the others from storage.
    pub fn read_workspace(&self, id: &str) -> Result<Workspace, WorkspaceError> {
        if self.catalogue.with_untracked(|c| c.active == id) {
            return Ok(self.workspace.get_untracked());
        }
        let text = local::read(&local::workspace_key(id)).ok_or(WorkspaceError::NothingStored)?;
        local::decode_stored(&text)
            .map(|(ws, _)| ws)
            .map_err(|(e, _)| WorkspaceError::Unreadable(e))
    }

    pub fn delete_workspace(&self, id: &str) -> Result<(), WorkspaceError> {
        self.catalogue
            .try_update(|c| c.remove(id))
            .ok_or(WorkspaceError::Closed)?
            .map_err(WorkspaceError::Catalogue)?;
        local::remove(&local::workspace_key(id));
        self.save_catalogue();
        Ok(())
    }

    /// Puts another workspace in force; undo offers for the old one no longer apply.
    pub fn replace_workspace(&self, workspace: Workspace) {
        self.workspace.set(workspace);
        self.notices
            .update(|n| n.retain(|e| !matches!(e.notice, Notice::Deleted(_))));
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

pub(super) fn initial_language() -> Language {
    local::load_language().unwrap_or_else(|| {
        let tag = web_sys::window()
            .and_then(|w| w.navigator().language())
            .unwrap_or_default();
        Language::from_browser_tag(&tag)
    })
}

/// A workspace read from storage, with what the user must be told about it.
struct Opened {
    workspace: Workspace,
    /// The JSON it was read from, when it was read.
    json: Option<String>,
    notice: Option<Notice>,
    can_save: bool,
    status: Option<SaveStatus>,
    /// The stamp of the value read, if any.
    stamp: Option<Stamp>,
}

impl Opened {
    /// What counts as already saved: the text it was read from (so opening writes
    /// nothing and costs no second encoding), or the empty workspace's.
    fn saved_text(&mut self) -> String {
        if self.status == Some(SaveStatus::NothingYet) {
            // Nothing is stored under the key that this page wrote: the first edit writes.
            return String::new();
        }
        self.json
            .take()
            .unwrap_or_else(|| envelope::encode_for_storage(&self.workspace).unwrap_or_default())
    }
}

/// Reads the workspace under `key`; unreadable data is kept aside and announced.
fn open_stored(key: &str) -> Opened {
    match local::load(key, now_millis()) {
        Loaded::Empty => Opened {
            workspace: Workspace::default(),
            json: None,
            notice: None,
            can_save: true,
            status: None,
            stamp: None,
        },
        Loaded::Workspace(mut ws, json, stamp) => {
            let drafted = ws.repair_on_open();
            Opened {
                workspace: *ws,
                json: Some(json),
                notice: drafted.then_some(Notice::ModelDrafted),
                can_save: true,
                status: None,
                stamp: Some(stamp),
            }
        }
        Loaded::Blocked => Opened {
            workspace: Workspace::default(),
            json: None,
            notice: None,
            can_save: false,
            status: Some(SaveStatus::NotSaved(SaveProblem::Failed(
                SaveError::Blocked,
            ))),
            stamp: None,
        },
        Loaded::Unreadable {
            error,
            raw,
            kept_as,
            stamp,
        } => Opened {
            stamp: Some(stamp),
            workspace: Workspace::default(),
            json: None,
            can_save: kept_as.is_some(),
            status: Some(if kept_as.is_some() {
                SaveStatus::NothingYet
            } else {
                SaveStatus::NotSaved(SaveProblem::Paused)
            }),
            notice: Some(Notice::StoredUnreadable {
                error,
                raw,
                kept_as,
            }),
        },
    }
}

/// Loads everything, provides the state, and starts persistence and tab sync.
pub fn provide_app_state() -> AppState {
    let language = RwSignal::new(initial_language());
    let notices = RwSignal::new(Vec::new());
    let save_status = RwSignal::new(SaveStatus::Saved);
    let can_save = RwSignal::new(true);
    let last_saved = StoredValue::new(String::new());
    let mut startup_notices = Vec::new();

    let catalogue = RwSignal::new(local::load_catalogue());
    let mut opened = open_stored(&local::workspace_key(&catalogue.get_untracked().active));
    // What is stored already counts as saved: merely opening the page writes nothing,
    // so it can never replace data it did not change (unreadable data included).
    last_saved.set_value(opened.saved_text());
    let stamp = StoredValue::new(opened.stamp);
    if !opened.can_save {
        can_save.set(false);
    }
    if let Some(status) = opened.status {
        save_status.set(status);
    }
    startup_notices.extend(opened.notice);
    let workspace = RwSignal::new(opened.workspace);
    super::crash::watch(workspace);
    let storage_usage = RwSignal::new(local::usage());

    let ranking = Memo::new(move |_| {
        workspace.with(|ws| {
            let rows = rank_accounts(&ws.accounts, &ws.model, &ws.tiers);
            let index = rows
                .iter()
                .enumerate()
                .map(|(i, r)| (r.account, i))
                .collect();
            let counts = count_tiers(rows.iter().map(|r| &r.assessment));
            Ranking {
                rows,
                index,
                counts,
            }
        })
    });

    let flush = StoredValue::new(None);
    // Whether the workspace changed since it was last written (or read): leaving an
    // unchanged page then costs nothing, where encoding 10,000 accounts would hold up
    // the next page's start.
    let dirty = StoredValue::new(false);
    let tab_conflict = StoredValue::new(None::<TabConflict>);
    let state = AppState {
        charts: RwSignal::new(ChartsState::NotLoaded),
        catalogue,
        flush,
        last_saved,
        stamp,
        dirty,
        tab_conflict,
        workspace,
        language,
        texts_whole: RwSignal::new(crate::i18n::loaded(language.get_untracked()).is_some()),
        save_status,
        notices,
        ranking,
        storage_usage,
        can_save,
        next_notice: StoredValue::new(0),
        sync: RwSignal::new(None),
        sync_conflicts: RwSignal::new(SyncConflicts::default()),
        on_saved: StoredValue::new(None),
        taken_text: StoredValue::new(None),
        taken_written: StoredValue::new(false),
    };
    for notice in startup_notices {
        state.notify(notice);
    }
    provide_context(state);
    provide_context(super::texts::Installed(RwSignal::new(0)));

    // Persistence: one effect schedules a write whenever the workspace changes. Writes
    // are gathered for a moment, so typing in a large workspace does not serialise it
    // on every keystroke; leaving or hiding the page writes at once, so nothing is lost.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // A version another tab stored meets this tab's: both are kept and saving pauses
    // until the user chooses (`TabConflict`).
    let meet_other_version = move |text: String| match local::decode_stored(&text) {
        Ok((theirs, json)) => {
            if let Some(handle) = pending.get_value() {
                handle.clear();
                pending.set_value(None);
            }
            tab_conflict.set_value(Some(TabConflict {
                theirs: std::sync::Arc::new(theirs),
                json: json.into(),
                stamp: local::stamp(&text),
            }));
            can_save.set(false);
            save_status.set(SaveStatus::NotSaved(SaveProblem::OtherTab));
        }
        Err((error, _)) => {
            can_save.set(false);
            save_status.set(SaveStatus::NotSaved(SaveProblem::Paused));
            state.notify(Notice::OtherTabUnreadable(error));
        }
    };
    let write_now = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
        // After a panic the workspace may be half-changed: the last good save stays.
        if !can_save.get_untracked() || !dirty.get_value() || super::crash::crashed() {
            return;
        }
        let known = state.taken_text.try_update_value(Option::take).flatten();
        let text = match known.map_or_else(
            || workspace.with_untracked(envelope::encode_for_storage),
            Ok,
        ) {
            Ok(text) => text,
            Err(reason) => {
                save_status.set(SaveStatus::NotSaved(SaveProblem::Failed(SaveError::Other(
                    reason,
                ))));
                return;
            }
        };
        if last_saved.with_value(|last| *last == text) {
            dirty.set_value(false);
            if save_status.get_untracked() == SaveStatus::Saving {
                save_status.set(SaveStatus::Saved);
            }
            return;
        }
        let key = local::workspace_key(&catalogue.with_untracked(|c| c.active.clone()));
        // Another tab wrote since this one last read or wrote (its notice may not have
        // arrived yet): writing now would replace a save this version never saw.
        let stored = local::read(&key);
        if stored.as_deref().map(local::stamp) != stamp.get_value() {
            if let Some(theirs) = stored {
                meet_other_version(theirs);
                return;
            }
        }
        match local::save_workspace(&key, &text) {
            Ok(written) => {
                stamp.set_value(Some(written));
                dirty.set_value(false);
                save_status.set(SaveStatus::Saved);
                state.saved(&text);
                last_saved.set_value(text);
            }
            Err(error) => {
                save_status.set(SaveStatus::NotSaved(SaveProblem::Failed(error)));
                // Storage may be freed at any moment (another tab deletes a workspace,
                // the user clears space): try again by itself until the write goes
                // through, so the warning clears and nothing typed meanwhile is lost.
                if let Some(again) = flush.get_value() {
                    pending
                        .set_value(set_timeout_with_handle(move || again.run(()), SAVE_RETRY).ok());
                }
            }
        }
        storage_usage.set(local::usage());
    };
    flush.set_value(Some(Callback::new(move |()| write_now())));
    Effect::new(move |first: Option<()>| {
        workspace.track();
        // The first run is the load itself: nothing has changed yet.
        if first.is_none() || !can_save.get() {
            return;
        }
        // A workspace taken from the shared document and written already.
        if state.taken_written.try_update_value(std::mem::take) == Some(true) {
            return;
        }
        dirty.set_value(true);
        if matches!(
            save_status.get_untracked(),
            SaveStatus::Saved | SaveStatus::NothingYet
        ) {
            save_status.set(SaveStatus::Saving);
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        pending.set_value(set_timeout_with_handle(write_now, SAVE_DELAY).ok());
    });
    for name in ["pagehide", "beforeunload"] {
        let handle = window_event_listener_untyped(name, move |event| {
            write_now();
            // This tab's version is not saved while it waits for a choice: closing the
            // tab would drop it, so the browser asks first.
            if event.type_() == "beforeunload" && tab_conflict.with_value(Option::is_some) {
                event.prevent_default();
                let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &"kam".into());
            }
        });
        on_cleanup(move || handle.remove());
    }
    let handle = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            write_now();
        }
    });
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        let language = language.get();
        local::save_language(language);
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", language.tag());
        }
    });

    // Another tab saved: take its data, unless this tab has edits it has not written
    // yet or that tab wrote without having read this one's last save (a conflict).
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(local::CATALOGUE_KEY) {
            // Another tab added, renamed or deleted a workspace: take the list, keep
            // this tab's open workspace if it still exists.
            let mut theirs = local::load_catalogue();
            let ours = catalogue.with_untracked(|c| c.active.clone());
            if theirs.entry(&ours).is_some() {
                theirs.active = ours;
                catalogue.set(theirs);
            } else {
                // The workspace open here was deleted there. Keep showing it, but save
                // nothing: its key is gone, and writing elsewhere would overwrite
                // another workspace. The user can still export it.
                can_save.set(false);
                save_status.set(SaveStatus::NotSaved(SaveProblem::Paused));
                state.notify(Notice::OpenWorkspaceDeleted);
            }
            return;
        }
        let active_key = local::workspace_key(&catalogue.with_untracked(|c| c.active.clone()));
        if event.key().as_deref() != Some(active_key.as_str()) {
            return;
        }
        let Some(text) = event.new_value() else {
            return;
        };
        let theirs = local::stamp(&text);
        if stamp.get_value() == Some(theirs) {
            return;
        }
        // The other tab wrote over a save of this one that it had not read (both
        // wrote at the same moment).
        let unseen = event.old_value().as_deref().map(local::stamp) != stamp.get_value();
        if tab_conflict.with_value(Option::is_some)
            || (can_save.get_untracked() && (dirty.get_value() || unseen))
        {
            meet_other_version(text);
            return;
        }
        match local::decode_stored(&text) {
            Ok((ws, json)) => {
                stamp.set_value(Some(theirs));
                dirty.set_value(false);
                workspace.set(ws);
                state.saved(&json);
                last_saved.set_value(json);
                state.notify(Notice::OtherTabUpdated);
            }
            Err((error, _)) => {
                can_save.set(false);
                save_status.set(SaveStatus::NotSaved(SaveProblem::Paused));
                state.notify(Notice::OtherTabUnreadable(error));
            }
        }
    });
    on_cleanup(move || handle.remove());

    state
}
