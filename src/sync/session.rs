//! One shared document synced with the sync server over one websocket connection: the
//! handshake, the Automerge sync state, whether to ask for the document or offer it, and
//! what the server's answers mean for the user (up to date, syncing, not on the server,
//! refused). The caller owns the socket and the document; a reconnection starts a new
//! session state (the server forgets its side when a socket closes).

use automerge::sync::{Message as SyncMessage, State, SyncDoc};
use automerge::{AutoCommit, Patch, PatchLog};

use super::doc_id::DocumentId;
use super::protocol::{Message, SyncKind, PROTOCOL_V1};

/// Where the document's sync stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// No connection (or not joined yet).
    Offline,
    /// Joined; changes are being exchanged.
    Syncing,
    /// The server has everything this side has, and this side everything it has.
    UpToDate,
    /// Asked for a document the server does not have (a link to a document never shared,
    /// or to another server).
    Unavailable,
    /// The server refused the connection, with its reason.
    Refused(String),
}

/// Why a message from the server could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("the server sent a sync message that cannot be read: {0}")]
    BadSyncMessage(String),
    #[error("the server's changes could not be applied: {0}")]
    Apply(String),
}

/// What receiving a message did.
#[derive(Debug, Default)]
pub struct Received {
    /// The document changed (the server brought other people's changes).
    pub changed: bool,
    /// What changed, as patches (read without walking the whole document).
    pub patches: Vec<Patch>,
    /// What to send back, if anything.
    pub reply: Option<Message>,
}

/// The sync of one document with the server.
#[derive(Debug)]
pub struct Session {
    me: String,
    /// The peer id of the current connection: `me` and the connection's number. The
    /// server keeps a peer's sync state across its reconnections; a fresh id per
    /// connection starts both sides from the same empty state, or a reconnected peer
    /// could wait for answers to messages the old connection lost.
    peer: String,
    connections: u32,
    document: DocumentId,
    server: Option<String>,
    state: State,
    status: Status,
}

impl Session {
    /// `me`: this browser's peer id (unique per tab and connection is safest: the server
    /// closes an older socket that joins with the same id).
    pub fn new(me: impl Into<String>, document: DocumentId) -> Self {
        Self {
            peer: String::new(),
            connections: 0,
            me: me.into(),
            document,
            server: None,
            state: State::new(),
            status: Status::Offline,
        }
    }

    /// The document synced.
    pub fn document(&self) -> DocumentId {
        self.document
    }

    /// Where the sync stands.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// A connection is open: the first message to send.
    pub fn open(&mut self) -> Message {
        self.server = None;
        self.state = State::new();
        self.status = Status::Offline;
        self.connections = self.connections.wrapping_add(1);
        self.peer = format!("{}-{}", self.me, self.connections);
        Message::Join {
            sender: self.peer.clone(),
            storage_id: None,
            ephemeral: false,
            versions: vec![PROTOCOL_V1.to_owned()],
        }
    }

    /// The connection closed (or failed). A document the server did not have, or a
    /// refusal, stays said: the link or the server is wrong, not the network.
    pub fn closed(&mut self) {
        self.server = None;
        if !matches!(self.status, Status::Refused(_) | Status::Unavailable) {
            self.status = Status::Offline;
        }
    }

    /// A message from the server.
    pub fn receive(
        &mut self,
        doc: &mut AutoCommit,
        message: Message,
    ) -> Result<Received, SessionError> {
        match message {
            Message::Peer { sender, .. } => {
                self.server = Some(sender);
                self.status = Status::Syncing;
                Ok(Received {
                    reply: self.outgoing(doc),
                    ..Received::default()
                })
            }
            Message::Sync { document, data, .. } if self.is_mine(&document) => {
                let message = SyncMessage::decode(&data)
                    .map_err(|e| SessionError::BadSyncMessage(e.to_string()))?;
                let before = doc.get_heads();
                let mut log = PatchLog::active();
                doc.sync()
                    .receive_sync_message_log_patches(&mut self.state, message, &mut log)
                    .map_err(|e| SessionError::Apply(e.to_string()))?;
                let changed = doc.get_heads() != before;
                let patches = if changed {
                    doc.make_patches(&mut log)
                } else {
                    Vec::new()
                };
                // The server answers a request it cannot serve with "unavailable" and
                // then a sync message of its empty copy: still unavailable.
                if self.status == Status::Unavailable && doc.get_heads().is_empty() {
                    return Ok(Received::default());
                }
                let reply = self.outgoing(doc);
                self.update_status(doc);
                Ok(Received {
                    changed,
                    patches,
                    reply,
                })
            }
            Message::DocUnavailable { document, .. } if self.is_mine(&document) => {
                self.status = Status::Unavailable;
                Ok(Received::default())
            }
            Message::Error { message } => {
                self.status = Status::Refused(message);
                Ok(Received::default())
            }
            _ => Ok(Received::default()),
        }
    }

    /// What to send after a local change (or `None` when the server is not joined yet,
    /// or has everything already): a `request` while this side has nothing of the
    /// document, a `sync` once it has.
    pub fn outgoing(&mut self, doc: &mut AutoCommit) -> Option<Message> {
        let server = self.server.clone()?;
        if matches!(self.status, Status::Unavailable | Status::Refused(_)) {
            return None;
        }
        let message = doc.sync().generate_sync_message(&mut self.state)?;
        let kind = if doc.get_heads().is_empty() {
            SyncKind::Request
        } else {
            SyncKind::Sync
        };
        self.update_status(doc);
        Some(Message::Sync {
            kind,
            sender: self.peer.clone(),
            target: server,
            document: self.document.to_string(),
            data: message.encode(),
        })
    }

    fn is_mine(&self, document: &str) -> bool {
        DocumentId::parse(document).is_ok_and(|d| d == self.document)
    }

    fn update_status(&mut self, doc: &mut AutoCommit) {
        if self.server.is_none() {
            return;
        }
        let mut ours = doc.get_heads();
        ours.sort();
        let theirs = self.state.their_heads.as_ref().map(|h| {
            let mut h = h.clone();
            h.sort();
            h
        });
        // Their heads as last heard equal ours: they have everything. A message of ours
        // may still be on its way (an acknowledgement), which the server need not answer.
        self.status = if theirs.as_ref() == Some(&ours) {
            Status::UpToDate
        } else {
            Status::Syncing
        };
    }
}
