//! This browser's copy of a shared workspace: the Automerge document, its sync with the
//! server and the workspace value last mirrored into it, behind the few calls the sync
//! worker makes — share or join, a local edit, a message from the server, what to keep
//! in the browser's storage, the open conflicts and their resolution. The worker owns
//! the socket and the storage; the app's plain workspace stays what the UI reads.

use automerge::{transaction::CommitOptions, AutoCommit, ChangeHash};
use serde_json::Value;

use super::delta::{self, Touched};
use super::doc_id::DocumentId;
use super::mirror::{self, Conflict, MirrorError, Step};
use super::protocol::{Message, ProtocolError};
use super::session::{Session, SessionError, Status};
use crate::domain::Workspace;

/// Why a replica could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum ReplicaError {
    #[error(transparent)]
    Mirror(#[from] MirrorError),
    #[error(transparent)]
    Protocol(#[from] ProtocolError),
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error("the document kept in this browser cannot be read: {0}")]
    Saved(String),
}

/// What a message from the server led to.
#[derive(Debug, Default)]
pub struct Incoming {
    /// To send back.
    pub reply: Option<Vec<u8>>,
    /// Whether other people's changes arrived ([`Replica::current`] is the workspace as
    /// it now stands).
    pub changed: bool,
}

/// Whether a field is the app's bookkeeping rather than the user's data.
fn bookkeeping(path: &[Step]) -> bool {
    matches!(path.last(), Some(Step::Key(k)) if k == "updated_at" || k == "created_at")
}

/// What a local edit led to.
#[derive(Debug, Default)]
pub struct Edited {
    /// To send, when connected.
    pub reply: Option<Vec<u8>>,
    /// The workspace as it now stands, when the document held changes the edited
    /// workspace had not seen (the page must take it, or its next edit would undo them).
    pub merged: Option<Workspace>,
}

/// A shared workspace's document in this browser.
#[derive(Debug)]
pub struct Replica {
    doc: AutoCommit,
    session: Session,
    /// The workspace value the document holds (as last written or read).
    mirrored: Value,
    /// The same workspace as domain types ([`delta::normalized`]): edits are compared
    /// with it, and other people's changes read into it, account by account.
    typed: Workspace,
    /// The fields in conflict at the last look (every one, alike values or not), looked
    /// at again after each change. While there are any, the accounts (or the workspace's
    /// other fields) that hold them are read again from the document with each incoming
    /// change: Automerge logs no patch for a change that only settles a conflict, so the
    /// patches alone could leave the losing value.
    open: Vec<Vec<Step>>,
    /// Fields that other people's changes marked as conflicted since the last look.
    suspects: Vec<Vec<Step>>,
    /// Whether the next look walks the whole document (1.2 s at 10,000 accounts, where
    /// looking at the few fields above takes microseconds): after loading or joining, after
    /// an edit made on an older version was merged, and after list items moved.
    rescan: bool,
    /// The name this browser's user gives colleagues, kept with each change written here.
    author: Option<String>,
    /// The time now (ms since 1970), kept with each change written here: the browser's
    /// clock in the app; none (0) until set.
    clock: fn() -> i64,
}

/// No clock: changes are written without a time.
fn no_clock() -> i64 {
    0
}

impl Replica {
    /// Shares `workspace` as a new document `id`.
    pub fn share(
        workspace: &Workspace,
        id: DocumentId,
        me: impl Into<String>,
    ) -> Result<Replica, ReplicaError> {
        let mut doc = AutoCommit::new();
        let value = mirror::workspace_value(workspace)?;
        mirror::write(&mut doc, &Value::Null, &value)?;
        // Automerge sends a whole document instead of the changes a peer lacks when they
        // are more than a third of its history: with the share as its only change, the
        // first edit would send the whole workspace again (1.1 MB at 10,000 accounts).
        // Two empty changes make the history long enough from the start.
        doc.commit();
        for _ in 0..2 {
            doc.empty_change(CommitOptions::default());
        }
        Ok(Replica {
            doc,
            session: Session::new(me, id),
            mirrored: value,
            typed: delta::normalized(workspace.clone()),
            open: Default::default(),
            suspects: Default::default(),
            // A new document has no conflicts.
            rescan: false,
            author: None,
            clock: no_clock,
        })
    }

    /// Joins document `id` from a share link: nothing of it until the server sends it.
    pub fn join(id: DocumentId, me: impl Into<String>) -> Replica {
        Replica {
            doc: AutoCommit::new(),
            session: Session::new(me, id),
            mirrored: Value::Null,
            typed: Workspace::default(),
            open: Default::default(),
            suspects: Default::default(),
            rescan: true,
            author: None,
            clock: no_clock,
        }
    }

    /// The document as this browser kept it (its saves, whole or incremental, one after
    /// the other), with edits made offline.
    pub fn load(
        saved: &[u8],
        id: DocumentId,
        me: impl Into<String>,
    ) -> Result<Replica, ReplicaError> {
        let mut doc = AutoCommit::load(saved).map_err(|e| ReplicaError::Saved(e.to_string()))?;
        let mirrored = mirror::read(&doc)?;
        let typed = if mirrored.is_null() {
            Workspace::default()
        } else {
            mirror::workspace_of(&mirrored)?
        };
        // What `save_incremental` hands out next starts after what was loaded.
        let _ = doc.save_incremental();
        Ok(Replica {
            doc,
            session: Session::new(me, id),
            mirrored,
            typed,
            open: Default::default(),
            suspects: Default::default(),
            rescan: true,
            author: None,
            clock: no_clock,
        })
    }

    /// The name to keep with the changes written here from now on (none, or blank:
    /// unnamed; trimmed and cut as each change is committed, `mirror::commit_options`);
    /// conflicts show it beside the values this browser wrote.
    pub fn set_author(&mut self, author: Option<String>) {
        self.author = author;
    }

    /// The clock whose time is kept with the changes written here.
    pub fn set_clock(&mut self, clock: fn() -> i64) {
        self.clock = clock;
    }

    /// How a change written here is committed: with the author's name and the time.
    fn commit_options(&self) -> CommitOptions {
        mirror::commit_options(self.author.as_deref(), (self.clock)())
    }

    /// The document shared.
    pub fn id(&self) -> DocumentId {
        self.session.document()
    }

    /// Where its sync stands.
    pub fn status(&self) -> &Status {
        self.session.status()
    }

    /// Whether the document holds a workspace yet (a join before the server answered
    /// does not).
    pub fn has_workspace(&self) -> bool {
        !self.mirrored.is_null()
    }

    /// The workspace the document holds.
    pub fn workspace(&self) -> Result<Workspace, ReplicaError> {
        Ok(self.typed.clone())
    }

    /// The workspace the document holds, without a copy (empty before a joined
    /// document has one: see [`Replica::has_workspace`]).
    pub fn current(&self) -> &Workspace {
        &self.typed
    }

    /// Reads the workspace whole from the document's value (after loading, merging or
    /// resolving: changes whose extent is not known).
    fn read_whole(&mut self) -> Result<(), ReplicaError> {
        self.mirrored = mirror::read(&self.doc)?;
        self.typed = mirror::workspace_of(&self.mirrored)?;
        Ok(())
    }

    /// Reads again from the document, into the mirrored value, the parts that hold the
    /// fields at `paths` (the account, or the workspace's other field, each is in), and
    /// notes them in `touched` for [`delta::read_changes`]. False when the mirrored value
    /// has not the shape to take them (read the workspace whole then).
    fn reread(&mut self, paths: &[Vec<Step>], touched: &mut Touched) -> Result<bool, ReplicaError> {
        let mut parts: Vec<&[Step]> = paths
            .iter()
            .filter_map(|path| match path.as_slice() {
                [Step::Key(first), Step::Key(_), ..] if first == mirror::ACCOUNTS => {
                    Some(&path[..2])
                }
                [Step::Key(first), ..] if first == mirror::ACCOUNTS => None,
                [] => None,
                _ => Some(&path[..1]),
            })
            .collect();
        parts.sort();
        parts.dedup();
        for part in parts {
            let value = mirror::read_at(&self.doc, part)?;
            let Some(root) = self.mirrored.as_object_mut() else {
                return Ok(false);
            };
            let (map, key) = match part {
                [Step::Key(_), Step::Key(account)] => {
                    touched.accounts.insert(account.clone());
                    match root.get_mut(mirror::ACCOUNTS) {
                        Some(Value::Object(accounts)) => (accounts, account),
                        _ => return Ok(false),
                    }
                }
                [Step::Key(field)] => {
                    touched.beside = true;
                    (root, field)
                }
                _ => return Ok(false),
            };
            match value {
                Some(value) => {
                    map.insert(key.clone(), value);
                }
                None => {
                    map.remove(key);
                }
            }
        }
        Ok(true)
    }

    /// A connection is open: the message to send first.
    pub fn open(&mut self) -> Vec<u8> {
        self.session.open().encode()
    }

    /// The connection closed.
    pub fn closed(&mut self) {
        self.session.closed();
    }

    /// The user changed the workspace: what differs is written into the document; the
    /// message to send, when connected.
    pub fn edit(&mut self, workspace: Workspace) -> Result<Option<Vec<u8>>, ReplicaError> {
        let workspace = delta::normalized(workspace);
        if workspace != self.typed {
            delta::write_changes(&mut self.doc, &mut self.mirrored, &self.typed, &workspace)?;
            self.doc.commit_with(self.commit_options());
            self.typed = workspace;
        }
        Ok(self.outgoing())
    }

    /// The user changed the workspace, which was the document as of `base` (its heads
    /// when the page last took the document's workspace or had an edit taken) plus the
    /// user's edits. Where the document has moved on since (other people's changes
    /// arrived while the edit was on its way, or were kept in this browser but never
    /// reached the page before it closed), only the user's own edits are written — on a
    /// copy of the document as of `base`, merged back — so nothing the page had not seen
    /// is undone. An unknown `base` (none recorded) writes the workspace as it is.
    pub fn edit_on(
        &mut self,
        workspace: Workspace,
        base: &[ChangeHash],
    ) -> Result<Edited, ReplicaError> {
        let mut heads = self.doc.get_heads();
        let mut base = base.to_vec();
        heads.sort();
        base.sort();
        let known = !base.is_empty()
            && base
                .iter()
                .all(|h| self.doc.get_change_by_hash(h).is_some());
        if !known || base == heads || !self.has_workspace() {
            return Ok(Edited {
                reply: self.edit(workspace)?,
                merged: None,
            });
        }
        let mut fork = self.doc.fork_at(&base).map_err(MirrorError::from)?;
        let before = mirror::read(&fork)?;
        let value = mirror::workspace_value(&workspace)?;
        if value != before {
            mirror::write(&mut fork, &before, &value)?;
            fork.commit_with(self.commit_options());
            self.doc.merge(&mut fork).map_err(MirrorError::from)?;
            // The merge may meet other people's changes field by field.
            self.rescan = true;
            self.read_whole()?;
        }
        Ok(Edited {
            reply: self.outgoing(),
            merged: Some(self.workspace()?),
        })
    }

    /// The document's heads: what the page's workspace is as of, once it has taken it.
    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    /// A message from the server.
    pub fn receive(&mut self, bytes: &[u8]) -> Result<Incoming, ReplicaError> {
        let message = Message::decode(bytes)?;
        let received = self.session.receive(&mut self.doc, message)?;
        let incoming = Incoming {
            reply: received.reply.map(|m| m.encode()),
            changed: received.changed,
        };
        if received.changed {
            match mirror::conflicted_paths(&received.patches) {
                Some(paths) => self.suspects.extend(paths),
                None => self.rescan = true,
            }
            // Read from what changed and where conflicts were open; the whole document
            // only if that cannot be done.
            let quick = !self.mirrored.is_null()
                && mirror::apply_patches(&mut self.mirrored, &received.patches)
                && match delta::touched(&received.patches) {
                    Some(mut touched) => {
                        let open = std::mem::take(&mut self.open);
                        let reread = self.reread(&open, &mut touched);
                        self.open = open;
                        reread? && delta::read_changes(&mut self.typed, &self.mirrored, &touched)?
                    }
                    None => false,
                };
            if !quick {
                self.read_whole()?;
            }
        }
        Ok(incoming)
    }

    /// What to send now, if anything (after a local change, or when the server is owed
    /// an answer).
    pub fn outgoing(&mut self) -> Option<Vec<u8>> {
        self.session.outgoing(&mut self.doc).map(|m| m.encode())
    }

    /// The changes since the last call (the whole document the first time), for the
    /// browser's storage: appended to what is kept, they load as the document.
    pub fn save_incremental(&mut self) -> Vec<u8> {
        self.doc.save_incremental()
    }

    /// The whole document, compacted (to replace what is kept once it has grown).
    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The fields in conflict, but for the times an account was created and last changed
    /// (bookkeeping the app writes with every edit: two edits of one account always meet
    /// there, and whichever time is kept says nothing the user could choose). Where every value is the same (one edit written twice,
    /// as [`Replica::edit_on`] may when an edit crossed other people's), there is
    /// nothing to choose, and the field is not listed.
    pub fn conflicts(&mut self) -> Result<Vec<Conflict>, ReplicaError> {
        let found = if self.rescan {
            mirror::conflicts(&mut self.doc)
        } else {
            let mut paths = self.open.clone();
            paths.append(&mut self.suspects);
            paths.sort();
            paths.dedup();
            paths
                .iter()
                .filter_map(|path| mirror::conflict_at(&mut self.doc, path).transpose())
                .collect()
        };
        // Not found: look at the whole document next time.
        let mut conflicts = found.inspect_err(|_| self.rescan = true)?;
        self.rescan = false;
        self.suspects.clear();
        self.open = conflicts.iter().map(|c| c.path.clone()).collect();
        conflicts.retain(|c| {
            c.values.iter().any(|s| s.value != c.values[0].value) && !bookkeeping(&c.path)
        });
        Ok(conflicts)
    }

    /// Keeps `value` for the field at `path`, chosen at `now` (ms since 1970); the
    /// workspace as it now stands, and the message that takes the choice to everyone.
    pub fn resolve(
        &mut self,
        path: &[Step],
        value: &Value,
        now: i64,
    ) -> Result<(Workspace, Option<Vec<u8>>), ReplicaError> {
        mirror::resolve(&mut self.doc, path, value, now)?;
        self.doc
            .commit_with(mirror::commit_options(self.author.as_deref(), now));
        // The field and its stamp (the account's, or the document's own) read again.
        let mut parts = vec![path.to_vec()];
        if !matches!(path.first(), Some(Step::Key(first)) if first == mirror::ACCOUNTS) {
            parts.push(vec![Step::Key(mirror::ROOT_STAMP.into())]);
        }
        let mut touched = Touched::default();
        let quick = self.has_workspace()
            && self.reread(&parts, &mut touched)?
            && delta::read_changes(&mut self.typed, &self.mirrored, &touched)?;
        if !quick {
            self.read_whole()?;
        }
        Ok((self.typed.clone(), self.outgoing()))
    }

    /// The actor id this browser writes as (conflicts name each value's actor).
    pub fn actor(&self) -> String {
        self.doc.get_actor().to_hex_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Account;

    const NOW: i64 = 1_764_600_000_000;

    fn one_account(name: &str) -> Workspace {
        let mut ws = Workspace::default();
        ws.add_account(
            Account {
                name: name.to_owned(),
                ..Account::default()
            },
            NOW,
        );
        ws
    }

    fn renamed(ws: &Workspace, name: &str) -> Workspace {
        let mut ws = ws.clone();
        let id = ws.accounts[0].id;
        ws.update_account(id, NOW + 1, |a| a.name = name.to_owned());
        ws
    }

    #[test]
    fn edits_made_offline_are_kept_across_a_reload_by_the_saved_changes() {
        let id = DocumentId::from_random([5; 16]);
        let ws = one_account("Harbour Buses");
        let mut replica = Replica::share(&ws, id, "ana").expect("shared");
        let mut kept = replica.save_incremental();
        // Offline: nothing to send, but the edit is in the document and its save.
        assert_eq!(
            replica
                .edit(renamed(&ws, "Harbour Coaches"))
                .expect("edited"),
            None
        );
        let more = replica.save_incremental();
        assert!(!more.is_empty() && more.len() < kept.len());
        kept.extend_from_slice(&more);

        let reloaded = Replica::load(&kept, id, "ana").expect("loaded");
        assert_eq!(
            reloaded.workspace().expect("a workspace").accounts[0].name,
            "Harbour Coaches"
        );
        assert_eq!(reloaded.id(), id);
        assert_eq!(*reloaded.status(), Status::Offline);
    }

    #[test]
    fn an_edit_made_on_an_older_version_keeps_the_changes_it_had_not_seen() {
        let ws = one_account("Harbour Buses");
        let mut replica =
            Replica::share(&ws, DocumentId::from_random([9; 16]), "ana").expect("shared");
        let base = replica.heads();
        // Someone's rename reached the document, but not the page.
        replica
            .edit(renamed(&ws, "Harbour Coaches"))
            .expect("renamed");
        // Meanwhile the page, still on `base`, added an account.
        let mut page = ws.clone();
        page.add_account(
            Account {
                name: "North Rail".to_owned(),
                ..Account::default()
            },
            NOW + 2,
        );
        let edited = replica.edit_on(page.clone(), &base).expect("edited");
        let merged = edited
            .merged
            .expect("the page is given the merged workspace");
        let names: Vec<&str> = merged.accounts.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Harbour Coaches", "North Rail"]);
        assert_eq!(replica.workspace().expect("a workspace").accounts.len(), 2);
        // The same edit sent twice (its answer lost) chooses nothing.
        replica.edit_on(page.clone(), &base).expect("edited again");
        assert!(replica.conflicts().expect("conflicts").is_empty());
        // On the document's own heads an edit is a plain one.
        let heads = replica.heads();
        assert!(replica
            .edit_on(merged.clone(), &heads)
            .expect("edited")
            .merged
            .is_none());
    }

    /// Syncs two replicas with each other directly, each standing for the other's server,
    /// until neither has anything more to send.
    fn sync_directly(a: &mut Replica, b: &mut Replica) {
        use std::collections::VecDeque;
        let peer = |sender: &str| {
            Message::Peer {
                sender: sender.to_owned(),
                target: String::new(),
                version: crate::sync::protocol::PROTOCOL_V1.to_owned(),
            }
            .encode()
        };
        let _ = (a.open(), b.open());
        let mut to_a = VecDeque::from([peer("b")]);
        let mut to_b = VecDeque::from([peer("a")]);
        for _ in 0..100 {
            if let Some(m) = a.outgoing() {
                to_b.push_back(m);
            }
            if let Some(m) = b.outgoing() {
                to_a.push_back(m);
            }
            if to_a.is_empty() && to_b.is_empty() {
                a.closed();
                b.closed();
                return;
            }
            while let Some(m) = to_a.pop_front() {
                to_b.extend(a.receive(&m).expect("received").reply);
            }
            while let Some(m) = to_b.pop_front() {
                to_a.extend(b.receive(&m).expect("received").reply);
            }
        }
        panic!("the two replicas did not settle");
    }

    /// The conflicts as a look at the whole document finds them.
    fn whole_look(replica: &mut Replica) -> Vec<Conflict> {
        replica.rescan = true;
        replica.conflicts().expect("conflicts")
    }

    #[test]
    fn conflicts_looked_for_in_the_fields_changes_touched_are_those_of_the_whole_document() {
        let ws = one_account("Harbour Buses");
        let id = DocumentId::from_random([10; 16]);
        let mut ana = Replica::share(&ws, id, "ana").expect("shared");
        let mut li = Replica::load(&ana.save(), id, "li").expect("loaded");
        // After loading, the first look walks the whole document.
        assert!(li.rescan);
        assert!(li.conflicts().expect("conflicts").is_empty());
        assert!(!li.rescan);

        // Both rename the account before syncing.
        ana.edit(renamed(&ws, "Harbour Coaches")).expect("edited");
        li.edit(renamed(&ws, "Harbour Lines")).expect("edited");
        sync_directly(&mut ana, &mut li);
        assert!(!li.rescan, "the changes' patches say where to look");
        let found = li.conflicts().expect("conflicts");
        assert_eq!(found, whole_look(&mut li));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].values.len(), 2);
        assert_eq!(found[0].path.last(), Some(&Step::Key("name".into())));

        // Another change elsewhere leaves the conflict open.
        let mut more = ana.workspace().expect("a workspace");
        more.add_account(
            Account {
                name: "North Rail".to_owned(),
                ..Account::default()
            },
            NOW + 3,
        );
        ana.edit(more.clone()).expect("edited");
        sync_directly(&mut ana, &mut li);
        assert_eq!(li.workspace().expect("a workspace").accounts.len(), 2);
        assert_eq!(li.conflicts().expect("conflicts"), found);

        // Ana chooses; the choice settles the conflict at Li, though Automerge logs no
        // patch for it: the open field is looked at again.
        ana.conflicts().expect("conflicts");
        let path = found[0].path.clone();
        ana.resolve(&path, &Value::from("Harbour Lines"), NOW + 4)
            .expect("resolved");
        sync_directly(&mut ana, &mut li);
        assert!(li.conflicts().expect("conflicts").is_empty());
        assert!(whole_look(&mut li).is_empty());
        assert_eq!(
            li.workspace().expect("a workspace").accounts[0].name,
            "Harbour Lines"
        );
    }

    /// The workspace as reading the whole document gives it.
    fn read_whole_of(replica: &Replica) -> Workspace {
        mirror::workspace_of(&mirror::read(&replica.doc).expect("read")).expect("a workspace")
    }

    #[test]
    fn changes_arriving_while_conflicts_are_open_read_as_the_whole_document_reads() {
        let ws = one_account("Harbour Buses");
        let id = DocumentId::from_random([11; 16]);
        let mut ana = Replica::share(&ws, id, "ana").expect("shared");
        let mut li = Replica::load(&ana.save(), id, "li").expect("loaded");
        li.conflicts().expect("conflicts");

        // Both rename the account and set the amount unit (a field beside the accounts).
        let mut mine = renamed(&ws, "Harbour Coaches");
        mine.set_amount_unit("万元");
        ana.edit(mine).expect("edited");
        let mut theirs = renamed(&ws, "Harbour Lines");
        theirs.set_amount_unit("千元");
        li.edit(theirs).expect("edited");
        sync_directly(&mut ana, &mut li);
        for replica in [&mut ana, &mut li] {
            assert_eq!(replica.conflicts().expect("conflicts").len(), 2);
            assert_eq!(replica.current(), &read_whole_of(replica));
        }
        let name = li.conflicts().expect("conflicts")[0].path.clone();
        let unit = vec![Step::Key("amount_unit".into())];
        assert!(li
            .conflicts()
            .expect("conflicts")
            .iter()
            .any(|c| c.path == unit));

        // Ana keeps, for the name, the value Li's browser does not show, and for the
        // unit a new one; each time Li, with both conflicts open, reads what the whole
        // document holds, and so does Ana after resolving.
        let li_shows = li.current().accounts[0].name.clone();
        let other = if li_shows == "Harbour Lines" {
            "Harbour Coaches"
        } else {
            "Harbour Lines"
        };
        let (after, _) = ana
            .resolve(&name, &Value::from(other), NOW + 4)
            .expect("resolved");
        assert_eq!(after, read_whole_of(&ana));
        assert_eq!(after.accounts[0].name, other);
        sync_directly(&mut ana, &mut li);
        assert_eq!(li.current(), &read_whole_of(&li));
        assert_eq!(li.current().accounts[0].name, other);
        let (after, _) = ana
            .resolve(&unit, &Value::from("元"), NOW + 5)
            .expect("resolved");
        assert_eq!(after, read_whole_of(&ana));
        assert_eq!(after.amount_unit, "元");
        sync_directly(&mut ana, &mut li);
        assert_eq!(li.current(), &read_whole_of(&li));
        assert_eq!(li.current().amount_unit, "元");
        assert!(li.conflicts().expect("conflicts").is_empty());

        // Again, keeping the values each browser already shows.
        let mut mine = ana.workspace().expect("a workspace");
        mine.set_amount_unit("美元");
        ana.edit(mine).expect("edited");
        let mut theirs = li.workspace().expect("a workspace");
        theirs.set_amount_unit("欧元");
        li.edit(theirs).expect("edited");
        sync_directly(&mut ana, &mut li);
        assert_eq!(li.conflicts().expect("conflicts").len(), 1);
        let shown = ana.current().amount_unit.clone();
        let (after, _) = ana
            .resolve(&unit, &Value::from(shown.as_str()), NOW + 6)
            .expect("resolved");
        assert_eq!(after, read_whole_of(&ana));
        sync_directly(&mut ana, &mut li);
        assert_eq!(li.current(), &read_whole_of(&li));
        assert_eq!(li.current().amount_unit, shown);
        assert!(li.conflicts().expect("conflicts").is_empty());
    }

    #[test]
    fn an_unchanged_workspace_writes_nothing() {
        let ws = one_account("Acme");
        let mut replica =
            Replica::share(&ws, DocumentId::from_random([6; 16]), "ana").expect("shared");
        let _ = replica.save_incremental();
        replica.edit(ws.clone()).expect("edited");
        assert!(replica.save_incremental().is_empty());
    }

    #[test]
    fn a_joined_document_has_no_workspace_until_the_server_sends_it() {
        let replica = Replica::join(DocumentId::from_random([7; 16]), "li");
        assert!(!replica.has_workspace());
    }

    #[test]
    fn a_damaged_saved_document_is_refused_not_read_as_empty() {
        let id = DocumentId::from_random([8; 16]);
        let mut replica = Replica::share(&one_account("Acme"), id, "ana").expect("shared");
        let mut saved = replica.save();
        let middle = saved.len() / 2;
        saved[middle] ^= 0xff;
        assert!(matches!(
            Replica::load(&saved, id, "ana"),
            Err(ReplicaError::Saved(_))
        ));
        assert!(matches!(
            Replica::load(b"not a document", id, "ana"),
            Err(ReplicaError::Saved(_))
        ));
    }
}
