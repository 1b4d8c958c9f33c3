//! Team sync: a shared workspace kept in an Automerge document and synced through a stock
//! automerge-repo sync server. This module owns what of it is plain Rust and tested
//! natively: the document ids the server accepts ([`doc_id`]), the messages of the
//! automerge-repo websocket protocol ([`protocol`]), one document's sync over one
//! connection ([`session`]), the workspace mirrored into the document ([`mirror`]) and,
//! after the first time, account by account ([`delta`]), and this browser's copy of a
//! shared workspace ([`replica`]). The browser's websocket and worker drive these;
//! nothing here touches the web.

pub mod delta;
pub mod doc_id;
pub mod mirror;
pub mod protocol;
pub mod replica;
pub mod session;
