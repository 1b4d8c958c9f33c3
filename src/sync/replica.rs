//! This browser's copy of a shared workspace: the Automerge document, its sync with the
//! server and the workspace value last mirrored into it, behind the few calls the sync
//! worker makes — share or join, a local edit, a message from the server, what to keep
//! in the browser's storage, the open conflicts and their resolution. The worker owns
//! the socket and the storage; the app's plain workspace stays what the UI reads.

use automerge::AutoCommit;
use serde_json::Value;

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
    /// The workspace as it now stands, when other people's changes arrived.
    pub workspace: Option<Workspace>,
}

/// A shared workspace's document in this browser.
#[derive(Debug)]
pub struct Replica {
    doc: AutoCommit,
    session: Session,
    /// The workspace value the document holds (as last written or read).
    mirrored: Value,
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
        Ok(Replica {
            doc,
            session: Session::new(me, id),
            mirrored: value,
        })
    }

    /// Joins document `id` from a share link: nothing of it until the server sends it.
    pub fn join(id: DocumentId, me: impl Into<String>) -> Replica {
        Replica {
            doc: AutoCommit::new(),
            session: Session::new(me, id),
            mirrored: Value::Null,
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
        // What `save_incremental` hands out next starts after what was loaded.
        let _ = doc.save_incremental();
        Ok(Replica {
            doc,
            session: Session::new(me, id),
            mirrored,
        })
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
        Ok(mirror::workspace_of(&self.mirrored)?)
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
    pub fn edit(&mut self, workspace: &Workspace) -> Result<Option<Vec<u8>>, ReplicaError> {
        let value = mirror::workspace_value(workspace)?;
        if value != self.mirrored {
            mirror::write(&mut self.doc, &self.mirrored, &value)?;
            self.mirrored = value;
        }
        Ok(self.outgoing())
    }

    /// A message from the server.
    pub fn receive(&mut self, bytes: &[u8]) -> Result<Incoming, ReplicaError> {
        let message = Message::decode(bytes)?;
        let received = self.session.receive(&mut self.doc, message)?;
        let mut incoming = Incoming {
            reply: received.reply.map(|m| m.encode()),
            workspace: None,
        };
        if received.changed {
            // Read from what changed; the whole document only if that cannot be done.
            if !mirror::apply_patches(&mut self.mirrored, &received.patches) {
                self.mirrored = mirror::read(&self.doc)?;
            }
            incoming.workspace = Some(mirror::workspace_of(&self.mirrored)?);
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

    /// The fields in conflict.
    pub fn conflicts(&self) -> Result<Vec<Conflict>, ReplicaError> {
        Ok(mirror::conflicts(&self.doc)?)
    }

    /// Keeps `value` for the field at `path`; the workspace as it now stands, and the
    /// message that takes the choice to everyone.
    pub fn resolve(
        &mut self,
        path: &[Step],
        value: &Value,
    ) -> Result<(Workspace, Option<Vec<u8>>), ReplicaError> {
        mirror::resolve(&mut self.doc, path, value)?;
        self.mirrored = mirror::read(&self.doc)?;
        let workspace = mirror::workspace_of(&self.mirrored)?;
        Ok((workspace, self.outgoing()))
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
                .edit(&renamed(&ws, "Harbour Coaches"))
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
    fn an_unchanged_workspace_writes_nothing() {
        let ws = one_account("Acme");
        let mut replica =
            Replica::share(&ws, DocumentId::from_random([6; 16]), "ana").expect("shared");
        let _ = replica.save_incremental();
        replica.edit(&ws).expect("edited");
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
