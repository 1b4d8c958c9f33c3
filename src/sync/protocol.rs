//! The automerge-repo websocket protocol (version "1"), as the stock sync server speaks
//! it: each websocket message is one CBOR map with a `type`. A client says `join`, the
//! server answers `peer`; then both send `sync` (or `request`, from a peer that does not
//! have the document yet) messages carrying Automerge sync messages for a document.
//! Messages of types this app does not use (ephemeral messages, remote heads) are read as
//! [`Message::Other`] and ignored.

use minicbor::data::Type;
use minicbor::{Decoder, Encoder};

/// The protocol version this app speaks.
pub const PROTOCOL_V1: &str = "1";

/// Whether a sync message's sender has the document (`sync`) or asks for it (`request`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncKind {
    Sync,
    Request,
}

/// One protocol message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// A client introduces itself.
    Join {
        sender: String,
        /// Whether it keeps documents (a storage id names its store).
        storage_id: Option<String>,
        ephemeral: bool,
        versions: Vec<String>,
    },
    /// The server's answer to `join`.
    Peer {
        sender: String,
        target: String,
        version: String,
    },
    /// An Automerge sync message for a document.
    Sync {
        kind: SyncKind,
        sender: String,
        target: String,
        document: String,
        data: Vec<u8>,
    },
    /// Nobody the server knows has the document asked for.
    DocUnavailable {
        sender: String,
        target: String,
        document: String,
    },
    /// The server refused something (an unsupported protocol version).
    Error { message: String },
    /// A client leaves.
    Leave { sender: String },
    /// A type this app does not use.
    Other { kind: String },
}

/// Why a websocket message could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProtocolError {
    #[error("not a protocol message (not a CBOR map)")]
    NotAMap,
    #[error("a protocol message without its {0}")]
    Missing(&'static str),
    #[error("a protocol message's {0} is of the wrong type")]
    WrongType(&'static str),
}

impl Message {
    /// The message as the websocket sends it.
    pub fn encode(&self) -> Vec<u8> {
        let mut e = Encoder::new(Vec::new());
        // Writing into a vector cannot fail.
        let _ = write(&mut e, self);
        e.into_writer()
    }

    /// Reads a websocket message.
    pub fn decode(bytes: &[u8]) -> Result<Message, ProtocolError> {
        let fields = Fields::read(bytes)?;
        let text = |v: &Option<String>, name| v.clone().ok_or(ProtocolError::Missing(name));
        let kind = text(&fields.kind, "type")?;
        Ok(match kind.as_str() {
            "join" => Message::Join {
                sender: text(&fields.sender, "senderId")?,
                storage_id: fields.storage_id,
                ephemeral: fields.ephemeral.unwrap_or(false),
                versions: fields.versions,
            },
            "peer" => Message::Peer {
                sender: text(&fields.sender, "senderId")?,
                target: text(&fields.target, "targetId")?,
                version: fields.selected.unwrap_or_else(|| PROTOCOL_V1.to_owned()),
            },
            "sync" | "request" => Message::Sync {
                kind: if kind == "sync" {
                    SyncKind::Sync
                } else {
                    SyncKind::Request
                },
                sender: text(&fields.sender, "senderId")?,
                target: text(&fields.target, "targetId")?,
                document: text(&fields.document, "documentId")?,
                data: fields.data.ok_or(ProtocolError::Missing("data"))?,
            },
            "doc-unavailable" => Message::DocUnavailable {
                sender: text(&fields.sender, "senderId")?,
                target: text(&fields.target, "targetId")?,
                document: text(&fields.document, "documentId")?,
            },
            "error" => Message::Error {
                message: fields.message.unwrap_or_default(),
            },
            "leave" => Message::Leave {
                sender: text(&fields.sender, "senderId")?,
            },
            _ => Message::Other { kind },
        })
    }
}

type Written = Result<(), minicbor::encode::Error<core::convert::Infallible>>;

fn write(e: &mut Encoder<Vec<u8>>, message: &Message) -> Written {
    match message {
        Message::Join {
            sender,
            storage_id,
            ephemeral,
            versions,
        } => {
            e.map(4)?.str("type")?.str("join")?;
            e.str("senderId")?.str(sender)?;
            e.str("peerMetadata")?
                .map(1 + u64::from(storage_id.is_some()))?;
            if let Some(id) = storage_id {
                e.str("storageId")?.str(id)?;
            }
            e.str("isEphemeral")?.bool(*ephemeral)?;
            e.str("supportedProtocolVersions")?
                .array(versions.len() as u64)?;
            for v in versions {
                e.str(v)?;
            }
        }
        Message::Peer {
            sender,
            target,
            version,
        } => {
            e.map(4)?.str("type")?.str("peer")?;
            e.str("senderId")?.str(sender)?;
            e.str("targetId")?.str(target)?;
            e.str("selectedProtocolVersion")?.str(version)?;
        }
        Message::Sync {
            kind,
            sender,
            target,
            document,
            data,
        } => {
            let kind = match kind {
                SyncKind::Sync => "sync",
                SyncKind::Request => "request",
            };
            e.map(5)?.str("type")?.str(kind)?;
            e.str("senderId")?.str(sender)?;
            e.str("targetId")?.str(target)?;
            e.str("documentId")?.str(document)?;
            e.str("data")?.bytes(data)?;
        }
        Message::DocUnavailable {
            sender,
            target,
            document,
        } => {
            e.map(4)?.str("type")?.str("doc-unavailable")?;
            e.str("senderId")?.str(sender)?;
            e.str("targetId")?.str(target)?;
            e.str("documentId")?.str(document)?;
        }
        Message::Error { message } => {
            e.map(2)?.str("type")?.str("error")?;
            e.str("message")?.str(message)?;
        }
        Message::Leave { sender } => {
            e.map(2)?.str("type")?.str("leave")?;
            e.str("senderId")?.str(sender)?;
        }
        Message::Other { kind } => {
            e.map(1)?.str("type")?.str(kind)?;
        }
    }
    Ok(())
}

/// The fields this app reads, from any message.
#[derive(Default)]
struct Fields {
    kind: Option<String>,
    sender: Option<String>,
    target: Option<String>,
    document: Option<String>,
    data: Option<Vec<u8>>,
    message: Option<String>,
    selected: Option<String>,
    storage_id: Option<String>,
    ephemeral: Option<bool>,
    versions: Vec<String>,
}

impl Fields {
    fn read(bytes: &[u8]) -> Result<Fields, ProtocolError> {
        let mut d = Decoder::new(bytes);
        let mut fields = Fields::default();
        let len = d.map().map_err(|_| ProtocolError::NotAMap)?;
        each_entry(&mut d, len, |d| {
            let key = d.str().map_err(|_| ProtocolError::WrongType("key"))?;
            match key {
                "type" => fields.kind = Some(text(d, "type")?),
                "senderId" => fields.sender = Some(text(d, "senderId")?),
                "targetId" => fields.target = Some(text(d, "targetId")?),
                "documentId" => fields.document = Some(text(d, "documentId")?),
                "message" => fields.message = Some(text(d, "message")?),
                "selectedProtocolVersion" => {
                    fields.selected = Some(text(d, "selectedProtocolVersion")?)
                }
                "data" => fields.data = Some(bytes_value(d)?),
                "supportedProtocolVersions" => {
                    let len = d
                        .array()
                        .map_err(|_| ProtocolError::WrongType("supportedProtocolVersions"))?;
                    each_entry(d, len, |d| {
                        fields.versions.push(text(d, "supportedProtocolVersions")?);
                        Ok(())
                    })?;
                }
                "peerMetadata" if d.datatype().is_ok_and(is_map) => {
                    let len = d
                        .map()
                        .map_err(|_| ProtocolError::WrongType("peerMetadata"))?;
                    each_entry(d, len, |d| {
                        match d.str().map_err(|_| ProtocolError::WrongType("key"))? {
                            "storageId" if d.datatype().is_ok_and(|t| t == Type::String) => {
                                fields.storage_id = Some(text(d, "storageId")?)
                            }
                            "isEphemeral" if d.datatype().is_ok_and(|t| t == Type::Bool) => {
                                fields.ephemeral = d.bool().ok()
                            }
                            _ => skip(d)?,
                        }
                        Ok(())
                    })?;
                }
                _ => skip(d)?,
            }
            Ok(())
        })?;
        Ok(fields)
    }
}

fn is_map(t: Type) -> bool {
    matches!(t, Type::Map | Type::MapIndef)
}

/// Reads the entries of a map or array of `len` entries, or up to its end when its
/// length is not given (CBOR's indefinite length).
fn each_entry(
    d: &mut Decoder<'_>,
    len: Option<u64>,
    mut entry: impl FnMut(&mut Decoder<'_>) -> Result<(), ProtocolError>,
) -> Result<(), ProtocolError> {
    match len {
        Some(n) => {
            for _ in 0..n {
                entry(d)?;
            }
        }
        None => loop {
            if d.datatype().map_err(|_| ProtocolError::NotAMap)? == Type::Break {
                d.skip().map_err(|_| ProtocolError::NotAMap)?;
                break;
            }
            entry(d)?;
        },
    }
    Ok(())
}

fn text(d: &mut Decoder<'_>, name: &'static str) -> Result<String, ProtocolError> {
    d.str()
        .map(str::to_owned)
        .map_err(|_| ProtocolError::WrongType(name))
}

/// A byte string, also as a tagged typed array (tag 64, as some CBOR writers send a
/// `Uint8Array`).
fn bytes_value(d: &mut Decoder<'_>) -> Result<Vec<u8>, ProtocolError> {
    if d.datatype().is_ok_and(|t| t == Type::Tag) {
        d.tag().map_err(|_| ProtocolError::WrongType("data"))?;
    }
    d.bytes()
        .map(<[u8]>::to_vec)
        .map_err(|_| ProtocolError::WrongType("data"))
}

fn skip(d: &mut Decoder<'_>) -> Result<(), ProtocolError> {
    d.skip().map_err(|_| ProtocolError::NotAMap)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(message: Message) {
        assert_eq!(Message::decode(&message.encode()), Ok(message));
    }

    #[test]
    fn every_message_this_app_sends_reads_back() {
        round_trip(Message::Join {
            sender: "kam-1".into(),
            storage_id: None,
            ephemeral: false,
            versions: vec![PROTOCOL_V1.into()],
        });
        round_trip(Message::Join {
            sender: "kam-1".into(),
            storage_id: Some("store".into()),
            ephemeral: true,
            versions: vec!["1".into(), "2".into()],
        });
        round_trip(Message::Peer {
            sender: "server".into(),
            target: "kam-1".into(),
            version: "1".into(),
        });
        for kind in [SyncKind::Sync, SyncKind::Request] {
            round_trip(Message::Sync {
                kind,
                sender: "kam-1".into(),
                target: "server".into(),
                document: "1Bhh3pUZD358hwFbvigTAY5qky".into(),
                data: vec![0x42, 0, 255],
            });
        }
        round_trip(Message::DocUnavailable {
            sender: "server".into(),
            target: "kam-1".into(),
            document: "x".into(),
        });
        round_trip(Message::Error {
            message: "unsupported protocol version".into(),
        });
        round_trip(Message::Leave {
            sender: "kam-1".into(),
        });
    }

    /// What the stock server's CBOR writer (cbor-x) sends: here a `peer` message with
    /// metadata, fields in its order, and an ephemeral message of a type not used.
    #[test]
    fn messages_of_the_stock_server_are_read_and_unknown_fields_and_types_skipped() {
        let mut e = Encoder::new(Vec::new());
        e.map(5).unwrap();
        e.str("type").unwrap().str("peer").unwrap();
        e.str("senderId")
            .unwrap()
            .str("storage-server-host")
            .unwrap();
        e.str("peerMetadata").unwrap().map(2).unwrap();
        e.str("storageId").unwrap().str("abc").unwrap();
        e.str("isEphemeral").unwrap().bool(false).unwrap();
        e.str("selectedProtocolVersion").unwrap().str("1").unwrap();
        e.str("targetId").unwrap().str("kam-1").unwrap();
        assert_eq!(
            Message::decode(&e.into_writer()),
            Ok(Message::Peer {
                sender: "storage-server-host".into(),
                target: "kam-1".into(),
                version: "1".into()
            })
        );

        let mut e = Encoder::new(Vec::new());
        e.begin_map().unwrap();
        e.str("type").unwrap().str("ephemeral").unwrap();
        e.str("count").unwrap().u32(3).unwrap();
        e.str("data")
            .unwrap()
            .tag(minicbor::data::Tag::new(64))
            .unwrap();
        e.bytes(&[1, 2]).unwrap();
        e.end().unwrap();
        assert_eq!(
            Message::decode(&e.into_writer()),
            Ok(Message::Other {
                kind: "ephemeral".into()
            })
        );
    }

    #[test]
    fn a_sync_message_as_a_tagged_typed_array_is_read() {
        let mut e = Encoder::new(Vec::new());
        e.map(5).unwrap();
        e.str("type").unwrap().str("sync").unwrap();
        e.str("senderId").unwrap().str("a").unwrap();
        e.str("targetId").unwrap().str("b").unwrap();
        e.str("documentId").unwrap().str("d").unwrap();
        e.str("data").unwrap();
        e.tag(minicbor::data::Tag::new(64)).unwrap();
        e.bytes(&[9, 8]).unwrap();
        let Ok(Message::Sync { data, .. }) = Message::decode(&e.into_writer()) else {
            panic!("not read as a sync message");
        };
        assert_eq!(data, vec![9, 8]);
    }

    #[test]
    fn what_is_not_a_protocol_message_is_refused_with_why() {
        assert_eq!(Message::decode(b""), Err(ProtocolError::NotAMap));
        assert_eq!(
            Message::decode(&[0x83, 1, 2, 3]),
            Err(ProtocolError::NotAMap)
        );
        let mut e = Encoder::new(Vec::new());
        e.map(1).unwrap().str("senderId").unwrap().str("a").unwrap();
        assert_eq!(
            Message::decode(&e.into_writer()),
            Err(ProtocolError::Missing("type"))
        );
        let mut e = Encoder::new(Vec::new());
        e.map(2).unwrap().str("type").unwrap().str("sync").unwrap();
        e.str("senderId").unwrap().u8(5).unwrap();
        assert_eq!(
            Message::decode(&e.into_writer()),
            Err(ProtocolError::WrongType("senderId"))
        );
        // A map cut short.
        let whole = Message::Leave { sender: "a".into() }.encode();
        assert!(Message::decode(&whole[..whole.len() - 1]).is_err());
    }
}
