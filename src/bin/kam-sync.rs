//! The sync module: a shared workspace's Automerge document and its sync with the stock
//! sync server (`kam::sync::replica`), several hundred KB of wasm. It runs in the sync
//! worker (`src/ui/sync_worker.js`), which owns the websocket and the browser's copy of
//! the document; only a workspace that is shared loads it.
//!
//! Workspaces cross the boundary as a stored workspace's JSON (the envelope the app
//! saves), read with the same checks as a stored workspace.

#[cfg(target_arch = "wasm32")]
mod exports {
    use automerge::ChangeHash;
    use kam::domain::Workspace;
    use kam::storage::envelope;
    use kam::sync::doc_id::DocumentId;
    use kam::sync::mirror::Step;
    use kam::sync::replica::Replica;
    use kam::sync::session::Status;
    use serde_json::{json, Value};
    use wasm_bindgen::prelude::*;

    fn id_of(text: &str) -> Result<DocumentId, JsError> {
        DocumentId::parse(text).map_err(|e| JsError::new(&format!("kam:bad-id:{e}")))
    }

    /// A message for the worker to send, or `undefined`.
    fn bytes_or_undefined(bytes: Option<Vec<u8>>) -> JsValue {
        bytes.map_or(JsValue::UNDEFINED, |b| {
            js_sys::Uint8Array::from(&b[..]).into()
        })
    }

    /// A workspace as the stored workspace's JSON, or `undefined`.
    fn json_or_undefined(workspace: Option<Workspace>) -> Result<JsValue, JsError> {
        match workspace {
            Some(ws) => Ok(JsValue::from_str(
                &envelope::encode_for_storage(&ws).map_err(failed)?,
            )),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The browser's clock (ms since 1970), kept with each change written here.
    fn now() -> i64 {
        js_sys::Date::now() as i64
    }

    /// A replica that keeps the browser's time with its changes.
    fn core(mut replica: Replica) -> SyncCore {
        replica.set_clock(now);
        SyncCore { replica }
    }

    fn failed(e: impl std::fmt::Display) -> JsError {
        JsError::new(&e.to_string())
    }

    /// A new document id (text, as share links carry it) from 16 random bytes.
    #[wasm_bindgen]
    pub fn new_document_id(random: &[u8]) -> Result<String, JsError> {
        let bytes: [u8; 16] = random
            .try_into()
            .map_err(|_| JsError::new("16 random bytes are needed"))?;
        Ok(DocumentId::from_random(bytes).to_string())
    }

    /// Whether a text is a document id (with or without `automerge:`).
    #[wasm_bindgen]
    pub fn is_document_id(text: &str) -> bool {
        DocumentId::parse(text).is_ok()
    }

    /// This browser's copy of one shared workspace.
    #[wasm_bindgen]
    pub struct SyncCore {
        replica: Replica,
    }

    #[wasm_bindgen]
    impl SyncCore {
        /// Shares a workspace (a stored workspace's JSON) as document `id`.
        pub fn share(workspace: &str, id: &str, me: &str) -> Result<SyncCore, JsError> {
            let ws = envelope::decode(workspace).map_err(|e| failed(format!("{e:?}")))?;
            let replica = Replica::share(&ws, id_of(id)?, me).map_err(failed)?;
            Ok(core(replica))
        }

        /// Joins document `id` (from a share link).
        pub fn join(id: &str, me: &str) -> Result<SyncCore, JsError> {
            Ok(core(Replica::join(id_of(id)?, me)))
        }

        /// The document as this browser kept it (its saves one after the other).
        pub fn load(saved: &[u8], id: &str, me: &str) -> Result<SyncCore, JsError> {
            let replica = Replica::load(saved, id_of(id)?, me).map_err(failed)?;
            Ok(core(replica))
        }

        /// The name this browser's user gives colleagues (blank: none), kept with the
        /// changes written from now on.
        pub fn set_author(&mut self, name: &str) {
            self.replica.set_author(Some(name.to_owned()));
        }

        /// The document's id.
        pub fn id(&self) -> String {
            self.replica.id().to_string()
        }

        /// A connection opened: the message to send first.
        pub fn open(&mut self) -> Vec<u8> {
            self.replica.open()
        }

        /// The connection closed.
        pub fn closed(&mut self) {
            self.replica.closed();
        }

        /// The user changed the workspace (a stored workspace's JSON): the message to
        /// send, if connected.
        pub fn edit(&mut self, workspace: &str) -> Result<Option<Vec<u8>>, JsError> {
            let ws = envelope::decode(workspace).map_err(|e| failed(format!("{e:?}")))?;
            self.replica.edit(ws).map_err(failed)
        }

        /// The user changed the workspace, which was the document as of `heads` (JSON:
        /// the hex hashes `heads` gave, or `[]` when none was recorded):
        /// `[the message to send or undefined, the workspace's JSON when the document
        /// held changes the page had not seen, or undefined]`.
        pub fn edit_on(&mut self, workspace: &str, heads: &str) -> Result<js_sys::Array, JsError> {
            let ws = envelope::decode(workspace).map_err(|e| failed(format!("{e:?}")))?;
            let heads: Vec<String> = serde_json::from_str(heads)?;
            let heads = heads
                .iter()
                .map(|h| h.parse::<ChangeHash>().map_err(failed))
                .collect::<Result<Vec<_>, _>>()?;
            let edited = self.replica.edit_on(ws, &heads).map_err(failed)?;
            Ok(js_sys::Array::of2(
                &bytes_or_undefined(edited.reply),
                &json_or_undefined(edited.merged)?,
            ))
        }

        /// The document's heads as JSON (hex hashes): what the page's workspace is as
        /// of once it has taken the document's workspace or had an edit taken.
        pub fn heads(&mut self) -> String {
            let heads: Vec<String> = self.replica.heads().iter().map(|h| h.to_string()).collect();
            serde_json::to_string(&heads).unwrap_or_else(|_| "[]".to_owned())
        }

        /// A message from the server: `[reply or undefined, the workspace's JSON when
        /// other people's changes arrived, or undefined]`.
        pub fn receive(&mut self, bytes: &[u8]) -> Result<js_sys::Array, JsError> {
            let incoming = self.replica.receive(bytes).map_err(failed)?;
            let workspace = if incoming.changed {
                JsValue::from_str(
                    &envelope::encode_for_storage(self.replica.current()).map_err(failed)?,
                )
            } else {
                JsValue::UNDEFINED
            };
            Ok(js_sys::Array::of2(
                &bytes_or_undefined(incoming.reply),
                &workspace,
            ))
        }

        /// What to send now, if anything.
        pub fn outgoing(&mut self) -> Option<Vec<u8>> {
            self.replica.outgoing()
        }

        /// `offline`, `syncing`, `up-to-date`, `unavailable` or `refused:<the server's
        /// reason>`.
        pub fn status(&self) -> String {
            match self.replica.status() {
                Status::Offline => "offline".into(),
                Status::Syncing => "syncing".into(),
                Status::UpToDate => "up-to-date".into(),
                Status::Unavailable => "unavailable".into(),
                Status::Refused(reason) => format!("refused:{reason}"),
            }
        }

        /// Whether the document holds a workspace yet.
        pub fn has_workspace(&self) -> bool {
            self.replica.has_workspace()
        }

        /// The workspace the document holds, as a stored workspace's JSON.
        pub fn workspace(&self) -> Result<String, JsError> {
            envelope::encode_for_storage(self.replica.current()).map_err(failed)
        }

        /// The changes since the last call, to append to what the browser keeps.
        pub fn save_incremental(&mut self) -> Vec<u8> {
            self.replica.save_incremental()
        }

        /// The whole document, compacted.
        pub fn save(&mut self) -> Vec<u8> {
            self.replica.save()
        }

        /// The actor id this browser writes as.
        pub fn actor(&self) -> String {
            self.replica.actor()
        }

        /// The fields in conflict, as JSON: `[{"path": ["accounts", "12", "name"],
        /// "values": [{"value": …, "actor": "…", "author": "…" or null, "time": seconds
        /// since 1970 or null}, …]}, …]` (list indexes as numbers).
        pub fn conflicts(&mut self) -> Result<String, JsError> {
            let conflicts = self.replica.conflicts().map_err(failed)?;
            let list: Vec<Value> = conflicts
                .into_iter()
                .map(|c| {
                    json!({
                        "path": c.path.iter().map(|s| match s {
                            Step::Key(k) => Value::from(k.as_str()),
                            Step::Index(i) => Value::from(*i),
                        }).collect::<Vec<_>>(),
                        "values": c.values.into_iter()
                            .map(|s| json!({
                                "value": s.value,
                                "actor": s.actor,
                                "author": s.author,
                                "time": s.time,
                            }))
                            .collect::<Vec<_>>(),
                    })
                })
                .collect();
            Ok(Value::Array(list).to_string())
        }

        /// Keeps `value` (JSON) for the field at `path` (JSON, as `conflicts` gives
        /// it): `[the workspace's JSON, the message to send or undefined]`.
        pub fn resolve(&mut self, path: &str, value: &str) -> Result<js_sys::Array, JsError> {
            let path: Vec<Value> = serde_json::from_str(path)?;
            let path: Vec<Step> = path
                .into_iter()
                .map(|s| match s {
                    Value::Number(n) => n
                        .as_u64()
                        .map(|i| Step::Index(i as usize))
                        .ok_or_else(|| JsError::new("a path's index is a whole number")),
                    Value::String(k) => Ok(Step::Key(k)),
                    _ => Err(JsError::new("a path is keys and indexes")),
                })
                .collect::<Result<_, _>>()?;
            let value: Value = serde_json::from_str(value)?;
            let (ws, message) = self
                .replica
                .resolve(&path, &value, js_sys::Date::now() as i64)
                .map_err(failed)?;
            let ws = envelope::encode_for_storage(&ws).map_err(failed)?;
            Ok(js_sys::Array::of2(
                &JsValue::from_str(&ws),
                &bytes_or_undefined(message),
            ))
        }
    }

    /// A panic on request, for the browser tests of the page's error screen (test
    /// builds only: the feature is never on in a release).
    #[cfg(feature = "fault-hooks")]
    #[wasm_bindgen]
    pub fn fault() {
        panic!("a test fault in the sync module");
    }
}

/// Runs when the module is instantiated: its panics reach the page's error screen.
fn main() {
    #[cfg(target_arch = "wasm32")]
    kam::panics::forward_panics();
}
