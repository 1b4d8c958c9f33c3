//! The workspace mirrored into an Automerge document, and read back from it.
//!
//! One generic mapping: the workspace as JSON (as it is saved), with its accounts keyed
//! by id so that each account keeps its identity however the list is ordered; objects
//! become maps, arrays lists, and every text a scalar string (never collaborative text:
//! two people editing one name must meet as a conflict, not as interleaved letters).
//! Writing compares the new workspace with the one last mirrored and writes only what
//! differs, so an edit of one account is a change of a few operations and an import of
//! thousands is one change. Reading goes back through the decoder of a stored
//! workspace, with its checks. Fields edited at the same time by two people keep both
//! values; [`conflicts`] lists them and [`resolve`] keeps the one chosen.

use std::collections::hash_map::{Entry, HashMap};

use automerge::hydrate;
use automerge::transaction::{CommitOptions, Transactable};
use automerge::{
    AutoCommit, AutomergeError, ChangeHash, ObjId, ObjType, Patch, PatchAction, Prop, ReadDoc,
    ScalarValue, ROOT,
};
use serde_json::{Map, Number, Value};

use crate::domain::Workspace;
use crate::storage::envelope::{self, LoadError, FORMAT, VERSION};

/// The key of the accounts in the document.
pub const ACCOUNTS: &str = "accounts";

/// Why a workspace could not be mirrored or read back.
#[derive(Debug, thiserror::Error)]
pub enum MirrorError {
    #[error("the workspace could not be written as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the shared document could not be changed: {0}")]
    Document(#[from] AutomergeError),
    #[error("the shared document does not hold a readable workspace: {0:?}")]
    Load(LoadError),
    #[error("no such field in the shared document")]
    NoSuchField,
}

/// The workspace as the document holds it: its saved JSON, with the accounts keyed by
/// their id.
pub fn workspace_value(workspace: &Workspace) -> Result<Value, MirrorError> {
    let mut value = serde_json::to_value(workspace)?;
    if let Some(root) = value.as_object_mut() {
        if let Some(Value::Array(accounts)) = root.remove(ACCOUNTS) {
            let keyed: Map<String, Value> = accounts
                .into_iter()
                .map(|account| {
                    let id = account.get("id").map(Value::to_string).unwrap_or_default();
                    (id, account)
                })
                .collect();
            root.insert(ACCOUNTS.to_owned(), Value::Object(keyed));
        }
    }
    Ok(value)
}

/// The workspace a document's value holds, read as a stored workspace is (its
/// checks and limits included). Accounts come in the order of their ids.
pub fn workspace_of(value: &Value) -> Result<Workspace, MirrorError> {
    #[derive(serde::Serialize)]
    struct Envelope<'a> {
        format: &'a str,
        version: u32,
        workspace: Stored<'a>,
    }
    let envelope = Envelope {
        format: FORMAT,
        version: VERSION,
        workspace: Stored(value),
    };
    envelope::decode(&serde_json::to_string(&envelope)?).map_err(MirrorError::Load)
}

/// A document's value written as a stored workspace (its accounts a list again),
/// without copying it.
struct Stored<'a>(&'a Value);

impl serde::Serialize for Stored<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let Value::Object(root) = self.0 else {
            return self.0.serialize(serializer);
        };
        let mut map = serializer.serialize_map(Some(root.len()))?;
        for (key, value) in root {
            match value {
                Value::Object(keyed) if key == ACCOUNTS => {
                    let mut accounts: Vec<&Value> = keyed.values().collect();
                    accounts
                        .sort_by_key(|a| a.get("id").and_then(Value::as_u64).unwrap_or(u64::MAX));
                    map.serialize_entry(key, &accounts)?;
                }
                _ => map.serialize_entry(key, value)?,
            }
        }
        map.end()
    }
}

/// Writes `next` into the document, where `previous` is what the document held (the
/// value last written or read): only what differs is written.
pub fn write(doc: &mut AutoCommit, previous: &Value, next: &Value) -> Result<(), MirrorError> {
    let empty = Map::new();
    let next = next.as_object().unwrap_or(&empty);
    let previous = previous.as_object();
    write_map(doc, &ROOT, previous, next, Some(ROOT_STAMP))?;
    Ok(())
}

/// The document's value (the winning value where a field is in conflict).
pub fn read(doc: &AutoCommit) -> Result<Value, MirrorError> {
    Ok(json_of(&doc.hydrate(ROOT, None)?))
}

fn write_map(
    doc: &mut AutoCommit,
    obj: &ObjId,
    previous: Option<&Map<String, Value>>,
    next: &Map<String, Value>,
    keep: Option<&str>,
) -> Result<(), MirrorError> {
    for (key, value) in next {
        let before = previous.and_then(|p| p.get(key));
        if before == Some(value) {
            continue;
        }
        write_at(doc, obj, Prop::Map(key.clone()), before, value, false)?;
    }
    if let Some(previous) = previous {
        for key in previous.keys() {
            if !next.contains_key(key) && Some(key.as_str()) != keep {
                doc.delete(obj, key.as_str())?;
            }
        }
    }
    Ok(())
}

/// Writes `value` at `key` of the map `obj`, where the document holds `before` (when the
/// caller knows it): only what differs is written.
pub(super) fn write_field(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    before: Option<&Value>,
    value: &Value,
) -> Result<(), MirrorError> {
    write_at(doc, obj, Prop::Map(key.to_owned()), before, value, false)
}

/// Writes `value` at `prop` (a map key, or a list index where `insert` adds an
/// element), reusing the object already there when it is of the same kind, so that a
/// change inside it stays a change of the fields that changed.
fn write_at(
    doc: &mut AutoCommit,
    obj: &ObjId,
    prop: Prop,
    before: Option<&Value>,
    value: &Value,
    insert: bool,
) -> Result<(), MirrorError> {
    let kind = match value {
        Value::Object(_) => ObjType::Map,
        Value::Array(_) => ObjType::List,
        scalar => {
            let scalar = scalar_of(scalar);
            match (insert, prop) {
                (true, Prop::Seq(i)) => doc.insert(obj, i, scalar)?,
                (_, prop) => doc.put(obj, prop, scalar)?,
            }
            return Ok(());
        }
    };
    let existing = if insert {
        None
    } else {
        match doc.get(obj, prop.clone())? {
            Some((automerge::Value::Object(t), id)) if t == kind => Some(id),
            _ => None,
        }
    };
    let Some(id) = existing else {
        // A new object is made in one batch: far quicker than one operation per field
        // (a whole workspace is shared this way).
        doc.batch_create_object(obj, prop, &hydrated(value), insert)?;
        return Ok(());
    };
    // What the document holds there, when the caller's idea of it is not of the same
    // kind (a value another peer replaced).
    let held;
    let before = match (before, value) {
        (Some(b @ Value::Object(_)), Value::Object(_))
        | (Some(b @ Value::Array(_)), Value::Array(_)) => b,
        _ => {
            held = json_of(&doc.hydrate(&id, None)?);
            &held
        }
    };
    match value {
        Value::Object(next) => write_map(doc, &id, before.as_object(), next, None),
        Value::Array(next) => {
            write_list(doc, &id, before.as_array().map_or(&[], Vec::as_slice), next)
        }
        _ => Ok(()),
    }
}

/// Writes a list: the elements both ends share are left alone; in the middle, elements
/// are changed in place (keeping their identity), then the rest inserted or deleted.
fn write_list(
    doc: &mut AutoCommit,
    list: &ObjId,
    before: &[Value],
    next: &[Value],
) -> Result<(), MirrorError> {
    // The caller's idea of the list must match the document's; if not, read it.
    let held;
    let before = if doc.length(list) == before.len() {
        before
    } else {
        held = match json_of(&doc.hydrate(list, None)?) {
            Value::Array(items) => items,
            _ => Vec::new(),
        };
        &held
    };
    let shortest = before.len().min(next.len());
    let prefix = before.iter().zip(next).take_while(|(a, b)| a == b).count();
    let suffix = before
        .iter()
        .rev()
        .zip(next.iter().rev())
        .take(shortest - prefix)
        .take_while(|(a, b)| a == b)
        .count();
    let old = &before[prefix..before.len() - suffix];
    let new = &next[prefix..next.len() - suffix];
    let common = old.len().min(new.len());
    for (i, (a, b)) in old.iter().zip(new).enumerate() {
        if a != b {
            write_at(doc, list, Prop::Seq(prefix + i), Some(a), b, false)?;
        }
    }
    for (i, value) in new.iter().enumerate().skip(common) {
        write_at(doc, list, Prop::Seq(prefix + i), None, value, true)?;
    }
    for _ in common..old.len() {
        doc.delete(list, prefix + common)?;
    }
    Ok(())
}

/// A JSON value as Automerge's tree of values.
fn hydrated(value: &Value) -> hydrate::Value {
    match value {
        Value::Object(map) => hydrate::Value::from(hydrate::Map::from(
            map.iter()
                .map(|(k, v)| (k.clone(), hydrated(v)))
                .collect::<std::collections::HashMap<String, hydrate::Value>>(),
        )),
        Value::Array(items) => hydrate::Value::from(items.iter().map(hydrated).collect::<Vec<_>>()),
        scalar => hydrate::Value::Scalar(scalar_of(scalar)),
    }
}

fn scalar_of(value: &Value) -> ScalarValue {
    match value {
        Value::Bool(b) => ScalarValue::Boolean(*b),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                ScalarValue::Int(i)
            } else if let Some(u) = n.as_u64() {
                ScalarValue::Uint(u)
            } else {
                ScalarValue::F64(n.as_f64().unwrap_or_default())
            }
        }
        Value::String(s) => ScalarValue::Str(s.as_str().into()),
        _ => ScalarValue::Null,
    }
}

fn json_of_scalar(scalar: &ScalarValue) -> Value {
    match scalar {
        ScalarValue::Str(s) => Value::String(s.to_string()),
        ScalarValue::Int(i) | ScalarValue::Timestamp(i) => Value::Number((*i).into()),
        ScalarValue::Uint(u) => Value::Number((*u).into()),
        ScalarValue::F64(f) => Number::from_f64(*f).map_or(Value::Null, Value::Number),
        ScalarValue::Counter(c) => Value::Number(i64::from(c).into()),
        ScalarValue::Boolean(b) => Value::Bool(*b),
        ScalarValue::Bytes(_) | ScalarValue::Unknown { .. } | ScalarValue::Null => Value::Null,
    }
}

fn json_of(value: &hydrate::Value) -> Value {
    match value {
        hydrate::Value::Scalar(s) => json_of_scalar(s),
        hydrate::Value::Map(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), json_of(&v.value)))
                .collect(),
        ),
        hydrate::Value::List(list) => {
            Value::Array(list.iter().map(|v| json_of(&v.value)).collect())
        }
        hydrate::Value::Text(text) => Value::String(text.to_string()),
    }
}

/// Brings `value` (the document's value before some changes) up to date with the
/// changes' patches (`AutoCommit::diff` from the heads before to the heads after), so that
/// other people's edits are read without walking the whole document. False when a patch
/// is of a kind the mirror never writes (text, counters) or does not fit `value`: then
/// read the document whole.
pub fn apply_patches(value: &mut Value, patches: &[Patch]) -> bool {
    patches
        .iter()
        .all(|patch| apply_patch(value, patch).is_some())
}

fn apply_patch(root: &mut Value, patch: &Patch) -> Option<()> {
    if root.is_null() {
        *root = Value::Object(Map::new());
    }
    let mut at = root;
    for (_, prop) in &patch.path {
        at = match (at, prop) {
            (Value::Object(map), Prop::Map(key)) => map.get_mut(key)?,
            (Value::Array(items), Prop::Seq(i)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    match (&patch.action, at) {
        (PatchAction::PutMap { key, value, .. }, Value::Object(map)) => {
            map.insert(key.clone(), json_of_value(&value.0)?);
        }
        (PatchAction::PutSeq { index, value, .. }, Value::Array(items)) => {
            *items.get_mut(*index)? = json_of_value(&value.0)?;
        }
        (PatchAction::Insert { index, values }, Value::Array(items)) => {
            if *index > items.len() {
                return None;
            }
            let new: Option<Vec<Value>> = values.iter().map(|(v, _, _)| json_of_value(v)).collect();
            items.splice(*index..*index, new?);
        }
        (PatchAction::DeleteMap { key }, Value::Object(map)) => {
            map.remove(key);
        }
        (PatchAction::DeleteSeq { index, length }, Value::Array(items)) => {
            let end = index.checked_add(*length)?;
            if end > items.len() {
                return None;
            }
            items.drain(*index..end);
        }
        // The winner of a conflict is what a put already gave; marks are not used.
        (PatchAction::Conflict { .. } | PatchAction::Mark { .. }, _) => {}
        _ => return None,
    }
    Some(())
}

/// A value as a patch gives it: a new object is empty (its contents follow in later
/// patches); text objects are never written by the mirror.
fn json_of_value(value: &automerge::Value<'_>) -> Option<Value> {
    match value {
        automerge::Value::Object(ObjType::Map | ObjType::Table) => Some(Value::Object(Map::new())),
        automerge::Value::Object(ObjType::List) => Some(Value::Array(Vec::new())),
        automerge::Value::Object(ObjType::Text) => None,
        automerge::Value::Scalar(s) => Some(json_of_scalar(s)),
    }
}

/// One step of a path in the document.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl Step {
    fn of(prop: &Prop) -> Step {
        match prop {
            Prop::Map(key) => Step::Key(key.clone()),
            Prop::Seq(index) => Step::Index(*index),
        }
    }

    fn prop(&self) -> Prop {
        match self {
            Step::Key(k) => Prop::Map(k.clone()),
            Step::Index(i) => Prop::Seq(*i),
        }
    }
}

/// A field two people changed at the same time: every value it has.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub path: Vec<Step>,
    pub values: Vec<Side>,
}

/// One value of a field in conflict, with who wrote it and when, as far as the document
/// knows.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub value: Value,
    /// The actor (one browser's one session) that wrote it, in hex.
    pub actor: String,
    /// The name its writer gave colleagues (the message of the change that wrote it:
    /// see [`commit_options`]), when they gave one.
    pub author: Option<String>,
    /// When it was written (seconds since 1970, the writer's clock), when known.
    pub time: Option<i64>,
    /// The operation that wrote it, to look its change up.
    op: ObjId,
}

/// The longest name kept with a change (characters): a name is a label, and the
/// document travels to every colleague.
pub const AUTHOR_LIMIT: usize = 80;

/// How a change written in this browser is committed: with the name its writer gives
/// colleagues (as the change's message, which every Automerge peer and the stock server
/// keep as it is) and the time (`now`, ms since 1970), so that a conflict can say who
/// wrote each value and when.
pub fn commit_options(author: Option<&str>, now: i64) -> CommitOptions {
    let options = CommitOptions::default().with_time(now.div_euclid(1000));
    match author.map(str::trim).filter(|a| !a.is_empty()) {
        Some(name) => options.with_message(name.chars().take(AUTHOR_LIMIT).collect::<String>()),
        None => options,
    }
}

/// Every field in conflict, in document order (maps by key), each value with its
/// writer's name and time.
pub fn conflicts(doc: &mut AutoCommit) -> Result<Vec<Conflict>, MirrorError> {
    let root = doc.hydrate(ROOT, None)?;
    let mut found = Vec::new();
    let mut path = Vec::new();
    collect(doc, &ROOT, &root, &mut path, &mut found)?;
    attribute(doc, &mut found);
    Ok(found)
}

/// Fills in each value's writer and time from the change that wrote it.
fn attribute(doc: &mut AutoCommit, found: &mut [Conflict]) {
    let mut known: HashMap<ChangeHash, (Option<String>, Option<i64>)> = HashMap::new();
    for side in found.iter_mut().flat_map(|c| c.values.iter_mut()) {
        let Some(hash) = doc.hash_for_opid(&side.op) else {
            continue;
        };
        let (author, time) = match known.entry(hash) {
            Entry::Occupied(seen) => seen.get().clone(),
            Entry::Vacant(entry) => {
                let Some(meta) = doc.get_change_meta_by_hash(&hash) else {
                    continue;
                };
                let author = meta
                    .message
                    .as_deref()
                    .map(str::trim)
                    .filter(|m| !m.is_empty())
                    .map(|m| m.chars().take(AUTHOR_LIMIT).collect());
                let time = (meta.timestamp > 0).then_some(meta.timestamp);
                entry.insert((author, time)).clone()
            }
        };
        side.author = author;
        side.time = time;
    }
}

fn collect(
    doc: &AutoCommit,
    obj: &ObjId,
    value: &hydrate::Value,
    path: &mut Vec<Step>,
    found: &mut Vec<Conflict>,
) -> Result<(), MirrorError> {
    match value {
        hydrate::Value::Map(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_unstable_by_key(|(k, _)| *k);
            for (key, entry) in entries {
                let step = Step::Key(key.clone());
                visit(doc, obj, step, &entry.value, entry.conflict, path, found)?;
            }
        }
        hydrate::Value::List(list) => {
            for (i, entry) in list.iter().enumerate() {
                let step = Step::Index(i);
                visit(doc, obj, step, &entry.value, entry.conflict, path, found)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn visit(
    doc: &AutoCommit,
    obj: &ObjId,
    step: Step,
    value: &hydrate::Value,
    conflict: bool,
    path: &mut Vec<Step>,
    found: &mut Vec<Conflict>,
) -> Result<(), MirrorError> {
    let prop = step.prop();
    path.push(step);
    let visited = visit_at(doc, obj, prop, value, conflict, path, found);
    path.pop();
    visited
}

fn visit_at(
    doc: &AutoCommit,
    obj: &ObjId,
    prop: Prop,
    value: &hydrate::Value,
    conflict: bool,
    path: &mut Vec<Step>,
    found: &mut Vec<Conflict>,
) -> Result<(), MirrorError> {
    if conflict {
        found.push(Conflict {
            path: path.clone(),
            values: values_at(doc, obj, prop.clone())?,
        });
    }
    if matches!(value, hydrate::Value::Map(_) | hydrate::Value::List(_)) {
        if let Some((automerge::Value::Object(_), child)) = doc.get(obj, prop)? {
            collect(doc, &child, value, path, found)?;
        }
    }
    Ok(())
}

/// Every value the field `prop` of `obj` has, with the actor that wrote each.
fn values_at(doc: &AutoCommit, obj: &ObjId, prop: Prop) -> Result<Vec<Side>, MirrorError> {
    let mut values = Vec::new();
    for (v, id) in doc.get_all(obj, prop)? {
        let json = match v {
            automerge::Value::Scalar(s) => json_of_scalar(&s),
            automerge::Value::Object(_) => json_of(&doc.hydrate(&id, None)?),
        };
        let actor = match &id {
            ObjId::Id(_, actor, _) => actor.to_hex_string(),
            ObjId::Root => String::new(),
        };
        values.push(Side {
            value: json,
            actor,
            author: None,
            time: None,
            op: id,
        });
    }
    Ok(values)
}

/// The conflict at `path`, if the field there has more than one value: a look at one
/// field, where [`conflicts`] walks the whole document.
pub fn conflict_at(doc: &mut AutoCommit, path: &[Step]) -> Result<Option<Conflict>, MirrorError> {
    let Some((last, parents)) = path.split_last() else {
        return Ok(None);
    };
    let Some(objects) = objects_along(doc, parents)? else {
        return Ok(None);
    };
    let obj = objects.last().cloned().unwrap_or(ROOT);
    let values = values_at(doc, &obj, last.prop())?;
    if values.len() < 2 {
        return Ok(None);
    }
    let mut found = [Conflict {
        path: path.to_vec(),
        values,
    }];
    attribute(doc, &mut found);
    let [conflict] = found;
    Ok(Some(conflict))
}

/// The document's value at `path` (the winning value where it is in conflict), read
/// from the document itself rather than from patches; `None` where there is nothing.
pub fn read_at(doc: &AutoCommit, path: &[Step]) -> Result<Option<Value>, MirrorError> {
    let Some((last, parents)) = path.split_last() else {
        return Ok(Some(read(doc)?));
    };
    let Some(objects) = objects_along(doc, parents)? else {
        return Ok(None);
    };
    let obj = objects.last().cloned().unwrap_or(ROOT);
    Ok(match doc.get(&obj, last.prop())? {
        None => None,
        Some((automerge::Value::Scalar(s), _)) => Some(json_of_scalar(&s)),
        Some((automerge::Value::Object(_), id)) => Some(json_of(&doc.hydrate(&id, None)?)),
    })
}

/// The objects along `steps` from the root (the root first), or `None` where a step
/// leads to no object.
fn objects_along(doc: &AutoCommit, steps: &[Step]) -> Result<Option<Vec<ObjId>>, MirrorError> {
    let mut objects = vec![ROOT];
    for step in steps {
        let parent = objects.last().cloned().unwrap_or(ROOT);
        match doc.get(&parent, step.prop())? {
            Some((automerge::Value::Object(_), id)) => objects.push(id),
            _ => return Ok(None),
        }
    }
    Ok(Some(objects))
}

/// What patches say of conflicts: the paths of the fields they mark as conflicted, or
/// `None` when they insert into or delete from a list (paths with list indexes found
/// before may point elsewhere now: look at the whole document).
pub fn conflicted_paths(patches: &[Patch]) -> Option<Vec<Vec<Step>>> {
    let mut paths = Vec::new();
    for patch in patches {
        let step = match &patch.action {
            PatchAction::PutMap {
                key,
                conflict: true,
                ..
            } => Step::Key(key.clone()),
            PatchAction::PutSeq {
                index,
                conflict: true,
                ..
            } => Step::Index(*index),
            PatchAction::Conflict { prop } => Step::of(prop),
            PatchAction::Insert { .. } | PatchAction::DeleteSeq { .. } => return None,
            _ => continue,
        };
        let mut path: Vec<Step> = patch.path.iter().map(|(_, prop)| Step::of(prop)).collect();
        path.push(step);
        paths.push(path);
    }
    Some(paths)
}

/// Keeps `value` at `path` (one of a conflict's values, or a new one): it replaces
/// every value the field had, for everyone once synced. The nearest object above the
/// field that keeps when it was last changed (an account's `updated_at`) is stamped `now`,
/// or the document's own stamp ([`ROOT_STAMP`]) for a field outside the accounts (the
/// model, the settings): keeping the value the document already shows changes nothing
/// anyone sees, and the stock sync server passes a change on to the connected browsers
/// only when it does — without the stamp they would get the choice only at their next
/// sync.
pub fn resolve(
    doc: &mut AutoCommit,
    path: &[Step],
    value: &Value,
    now: i64,
) -> Result<(), MirrorError> {
    let Some((last, parents)) = path.split_last() else {
        return Err(MirrorError::NoSuchField);
    };
    let objects = objects_along(doc, parents)?.ok_or(MirrorError::NoSuchField)?;
    let obj = objects.last().cloned().unwrap_or(ROOT);
    let prop = last.prop();
    // Written whole (not merged into the winner), so no value of the conflict remains.
    match value {
        Value::Object(_) | Value::Array(_) => {
            doc.batch_create_object(&obj, prop, &hydrated(value), false)?;
        }
        _ => doc.put(&obj, prop, scalar_of(value))?,
    }
    if *last == Step::Key(STAMP.into()) {
        return Ok(());
    }
    // The nearest stamped object, or the root (the first of `objects`) when none is.
    let mut stamped = (ROOT, None);
    for object in objects.iter().rev() {
        if let Some((value, _)) = doc.get(object, STAMP)? {
            stamped = (object.clone(), Some(value));
            break;
        }
    }
    let (stamped, value) = stamped;
    let stamp = match value {
        Some(automerge::Value::Scalar(stamp)) => match stamp.as_ref() {
            ScalarValue::Int(i) | ScalarValue::Timestamp(i) => *i,
            ScalarValue::Uint(u) => i64::try_from(*u).unwrap_or(i64::MAX),
            _ => 0,
        },
        _ => 0,
    };
    // A new value, or nothing would be seen to change.
    doc.put(&stamped, STAMP, now.max(stamp.saturating_add(1)))?;
    Ok(())
}

/// The field in which an object (an account) keeps when it was last changed.
const STAMP: &str = "updated_at";

/// The document's own stamp, beside the workspace's fields at its root: when a conflict
/// outside the accounts was last resolved. Not a field of the workspace (reading the
/// workspace passes it by); writing the workspace leaves it in place.
pub const ROOT_STAMP: &str = STAMP;

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::domain::demo::demo_workspace;
    use crate::domain::demo_development::add_demo_development;
    use crate::domain::demo_engagement::add_demo_engagement;
    use crate::domain::Language;

    const NOW: i64 = 1_764_600_000_000;

    pub(crate) fn demo() -> Workspace {
        let mut ws = demo_workspace(Language::Zh, NOW);
        add_demo_engagement(&mut ws, Language::Zh, NOW);
        add_demo_development(&mut ws, Language::Zh, NOW);
        ws
    }

    pub(crate) fn shared(ws: &Workspace) -> (AutoCommit, Value) {
        let mut doc = AutoCommit::new();
        let value = workspace_value(ws).expect("the workspace as JSON");
        write(&mut doc, &Value::Null, &value).expect("mirrored");
        (doc, value)
    }

    fn rename(ws: &mut Workspace, id: u64, name: &str) {
        assert!(ws.update_account(id, NOW, |a| a.name = name.to_owned()));
    }

    #[test]
    fn a_workspace_mirrored_into_the_document_reads_back_the_same() {
        let ws = demo();
        let (doc, value) = shared(&ws);
        let back = read(&doc).expect("read");
        assert_eq!(back, value);
        let again = workspace_of(&back).expect("a workspace");
        assert_eq!(workspace_value(&again).expect("as JSON"), value);
        // Saved and loaded as another browser would.
        let mut loaded = AutoCommit::load(&doc.clone().save()).expect("loads");
        assert_eq!(read(&loaded).expect("read"), value);
        assert!(conflicts(&mut loaded).expect("conflicts").is_empty());
    }

    #[test]
    fn an_edit_writes_only_what_changed() {
        let mut ws = demo();
        let (mut doc, before) = shared(&ws);
        let whole = doc.save_incremental().len();
        let first = ws.accounts[3].id;
        rename(&mut ws, first, "改名后的客户");
        let after = workspace_value(&ws).expect("as JSON");
        write(&mut doc, &before, &after).expect("written");
        let edit = doc.save_incremental().len();
        // The name and the account's "updated" time: a few hundred bytes, against the
        // whole workspace's tens of thousands.
        assert!(edit < 400, "an edit of one name took {edit} bytes");
        assert!(
            whole > 20 * edit,
            "the whole workspace took only {whole} bytes"
        );
        assert_eq!(read(&doc).expect("read"), after);
        // Nothing changed: nothing written.
        let heads = doc.get_heads();
        write(&mut doc, &after, &after).expect("written");
        assert_eq!(doc.get_heads(), heads);
    }

    #[test]
    fn the_name_kept_with_a_change_is_trimmed_cut_to_its_limit_and_left_out_when_blank() {
        let named = commit_options(Some("  李娜 "), 1_764_900_000_999);
        assert_eq!(named.message.as_deref(), Some("李娜"));
        assert_eq!(named.time, Some(1_764_900_000));
        assert_eq!(commit_options(Some(" \t"), 0).message, None);
        assert_eq!(commit_options(None, -1).time, Some(-1));
        let long = "名".repeat(AUTHOR_LIMIT + 20);
        let cut = commit_options(Some(&long), 0).message.expect("a name");
        assert_eq!(cut.chars().count(), AUTHOR_LIMIT);
    }

    #[test]
    fn a_field_two_people_change_at_once_keeps_both_values_until_one_is_chosen() {
        let ws = demo();
        let (mut ana, value) = shared(&ws);
        let mut li = ana.fork();
        let id = ws.accounts[0].id;

        let mut mine = ws.clone();
        rename(&mut mine, id, "Ana's name");
        write(&mut ana, &value, &workspace_value(&mine).expect("JSON")).expect("written");
        ana.commit_with(commit_options(Some("Ana"), 1_764_900_000_500));
        let mut theirs = ws.clone();
        rename(&mut theirs, id, "Li's name");
        write(&mut li, &value, &workspace_value(&theirs).expect("JSON")).expect("written");
        // Li gave no name, and the clock was not known.
        li.commit_with(commit_options(None, 0));

        ana.merge(&mut li).expect("merged");
        li.merge(&mut ana).expect("merged");
        for doc in [&mut ana, &mut li] {
            let found = conflicts(doc).expect("conflicts");
            let names: Vec<&Conflict> = found
                .iter()
                .filter(|c| c.path.last() == Some(&Step::Key("name".into())))
                .collect();
            assert_eq!(names.len(), 1, "{found:?}");
            assert_eq!(
                names[0].path,
                [
                    Step::Key(ACCOUNTS.into()),
                    Step::Key(id.to_string()),
                    Step::Key("name".into())
                ]
            );
            let mut values: Vec<(&Value, Option<&str>, Option<i64>)> = names[0]
                .values
                .iter()
                .map(|s| (&s.value, s.author.as_deref(), s.time))
                .collect();
            values.sort_by_key(|v| v.0.to_string());
            // Each value says who wrote it and when, where the writer's browser knew.
            assert_eq!(
                values,
                [
                    (&Value::from("Ana's name"), Some("Ana"), Some(1_764_900_000)),
                    (&Value::from("Li's name"), None, None)
                ]
            );
            // Each value names the browser that wrote it.
            assert_ne!(names[0].values[0].actor, names[0].values[1].actor);
        }

        // Li keeps Ana's; after the next sync both have it, and no conflict is left.
        let path = [
            Step::Key(ACCOUNTS.into()),
            Step::Key(id.to_string()),
            Step::Key("name".into()),
        ];
        resolve(&mut li, &path, &Value::from("Ana's name"), NOW + 9).expect("resolved");
        ana.merge(&mut li).expect("merged");
        for doc in [&mut ana, &mut li] {
            let ws = workspace_of(&read(doc).expect("read")).expect("a workspace");
            assert_eq!(ws.account(id).map(|a| a.name.as_str()), Some("Ana's name"));
            assert!(conflicts(doc)
                .expect("conflicts")
                .iter()
                .all(|c| c.path.last() != Some(&Step::Key("name".into()))));
        }
    }

    #[test]
    fn keeping_the_value_a_conflict_already_shows_still_changes_what_the_document_shows() {
        let ws = demo();
        let (mut ana, value) = shared(&ws);
        let mut li = ana.fork();
        let id = ws.accounts[0].id;
        // Both rename the account, at different moments (so its stamp is in conflict too).
        let mut mine = ws.clone();
        assert!(mine.update_account(id, NOW + 1, |a| a.name = "Ana's name".into()));
        write(&mut ana, &value, &workspace_value(&mine).expect("JSON")).expect("written");
        let mut theirs = ws.clone();
        assert!(theirs.update_account(id, NOW + 2, |a| a.name = "Li's name".into()));
        write(&mut li, &value, &workspace_value(&theirs).expect("JSON")).expect("written");
        ana.merge(&mut li).expect("merged");
        li.merge(&mut ana).expect("merged");

        // Li keeps the name the document shows: what anyone sees still changes (the
        // account's stamp), so the sync server passes the choice on at once.
        let account = workspace_of(&read(&li).expect("read")).expect("a workspace");
        let shown = account
            .account(id)
            .map(|a| a.name.clone())
            .unwrap_or_default();
        let path = [
            Step::Key(ACCOUNTS.into()),
            Step::Key(id.to_string()),
            Step::Key("name".into()),
        ];
        let before = li.get_heads();
        resolve(&mut li, &path, &Value::from(shown.as_str()), NOW + 9).expect("resolved");
        let after = li.get_heads();
        let seen = li.diff(&before, &after);
        assert!(!seen.is_empty());
        let ws = workspace_of(&read(&li).expect("read")).expect("a workspace");
        assert_eq!(ws.account(id).map(|a| a.updated_at), Some(NOW + 9));
        // Neither the name nor the stamp is in conflict any more.
        let left = conflicts(&mut li).expect("conflicts");
        assert!(
            left.iter()
                .all(|c| c.path.get(1) != Some(&Step::Key(id.to_string()))),
            "{left:?}"
        );
    }

    #[test]
    fn keeping_the_shown_value_of_a_setting_in_conflict_stamps_the_document_which_stays_a_workspace(
    ) {
        let ws = demo();
        let (mut ana, value) = shared(&ws);
        let mut li = ana.fork();
        let mut mine = ws.clone();
        mine.set_amount_unit("千元");
        write(&mut ana, &value, &workspace_value(&mine).expect("JSON")).expect("written");
        let mut theirs = ws.clone();
        theirs.set_amount_unit("k€");
        write(&mut li, &value, &workspace_value(&theirs).expect("JSON")).expect("written");
        ana.merge(&mut li).expect("merged");
        li.merge(&mut ana).expect("merged");
        let unit = [Step::Key("amount_unit".into())];
        assert!(conflicts(&mut li)
            .expect("conflicts")
            .iter()
            .any(|c| c.path == unit));

        // Li keeps the unit the document shows: no account is above the field, so the
        // document's own stamp changes, and the sync server passes the choice on at once.
        let shown = workspace_of(&read(&li).expect("read"))
            .expect("a workspace")
            .amount_unit;
        let before = li.get_heads();
        resolve(&mut li, &unit, &Value::from(shown.as_str()), NOW + 9).expect("resolved");
        let after = li.get_heads();
        assert!(!li.diff(&before, &after).is_empty());
        let stamped = read(&li).expect("read");
        assert_eq!(stamped.get(ROOT_STAMP), Some(&Value::from(NOW + 9)));
        assert!(conflicts(&mut li).expect("conflicts").is_empty());
        // The stamp is no field of the workspace: it reads as the workspace it was.
        let read_back = workspace_of(&stamped).expect("a workspace");
        assert_eq!(read_back.amount_unit, shown);
        assert_eq!(
            workspace_value(&read_back).expect("JSON").get(ROOT_STAMP),
            None
        );
        // Resolving again moves it on even when the clock did not.
        resolve(&mut li, &unit, &Value::from(shown.as_str()), NOW).expect("resolved");
        assert_eq!(
            read(&li).expect("read").get(ROOT_STAMP),
            Some(&Value::from(NOW + 10))
        );

        // Writing the workspace again, whole or field by field, leaves the stamp alone.
        let mut edited = read_back.clone();
        edited.set_amount_unit("元");
        let next = workspace_value(&edited).expect("JSON");
        write(&mut li, &stamped, &next).expect("written");
        assert_eq!(
            read(&li).expect("read").get(ROOT_STAMP),
            Some(&Value::from(NOW + 10))
        );
        let mut mirrored = read(&li).expect("read");
        let mut again = edited.clone();
        again.set_amount_unit("美元");
        crate::sync::delta::write_changes(&mut li, &mut mirrored, &edited, &again)
            .expect("written");
        let now = read(&li).expect("read");
        assert_eq!(now.get(ROOT_STAMP), Some(&Value::from(NOW + 10)));
        assert_eq!(workspace_of(&now).expect("a workspace").amount_unit, "美元");
    }

    #[test]
    fn different_fields_changed_at_once_both_stay_without_a_conflict() {
        let ws = demo();
        let (mut ana, value) = shared(&ws);
        let mut li = ana.fork();
        let (a, b) = (ws.accounts[0].id, ws.accounts[1].id);
        let mut mine = ws.clone();
        mine.update_account(a, NOW, |acc| acc.segment = "Rail".into());
        write(&mut ana, &value, &workspace_value(&mine).expect("JSON")).expect("written");
        let mut theirs = ws.clone();
        theirs.update_account(b, NOW + 5, |acc| acc.industry = "Ports".into());
        write(&mut li, &value, &workspace_value(&theirs).expect("JSON")).expect("written");
        ana.merge(&mut li).expect("merged");
        let merged = workspace_of(&read(&ana).expect("read")).expect("a workspace");
        assert_eq!(merged.account(a).map(|x| x.segment.as_str()), Some("Rail"));
        assert_eq!(
            merged.account(b).map(|x| x.industry.as_str()),
            Some("Ports")
        );
        assert!(conflicts(&mut ana).expect("conflicts").is_empty());
    }

    #[test]
    fn list_elements_inserted_and_removed_in_the_middle_keep_the_others() {
        let mut doc = AutoCommit::new();
        let v1 = serde_json::json!({ "l": [{ "k": 1 }, { "k": 2 }, { "k": 3 }], "s": [1, 2, 3] });
        write(&mut doc, &Value::Null, &v1).expect("written");
        let mut other = doc.fork();
        // Here an element goes in the middle and the last one out; there the first
        // element's field changes.
        let v2 = serde_json::json!({ "l": [{ "k": 1 }, { "k": 9 }, { "k": 2 }], "s": [2, 3] });
        write(&mut doc, &v1, &v2).expect("written");
        assert_eq!(read(&doc).expect("read"), v2);
        let v3 = serde_json::json!({ "l": [{ "k": 5 }, { "k": 2 }, { "k": 3 }], "s": [1, 2, 3] });
        write(&mut other, &v1, &v3).expect("written");
        doc.merge(&mut other).expect("merged");
        assert_eq!(
            read(&doc).expect("read"),
            serde_json::json!({ "l": [{ "k": 5 }, { "k": 9 }, { "k": 2 }], "s": [2, 3] })
        );
        // A caller whose idea of the list is out of date still writes the right list.
        let v4 = serde_json::json!({ "l": [], "s": [7] });
        write(&mut doc, &v1, &v4).expect("written");
        assert_eq!(read(&doc).expect("read"), v4);
    }

    #[test]
    fn other_peoples_changes_are_read_from_their_patches_as_from_the_whole_document() {
        let ws = demo();
        let (mut doc, value) = shared(&ws);
        let mut other = doc.fork();
        // There: an account renamed, one removed, one added, a plan's list changed, the
        // workspace's unit set; here: another account's segment.
        let mut theirs = ws.clone();
        let (a, b) = (ws.accounts[0].id, ws.accounts[1].id);
        theirs.update_account(a, NOW, |acc| acc.name = "Renamed".into());
        theirs.accounts.retain(|acc| acc.id != b);
        theirs.add_account(
            crate::domain::Account {
                name: "New one".into(),
                ..Default::default()
            },
            NOW,
        );
        theirs.set_amount_unit("CNY");
        write(&mut other, &value, &workspace_value(&theirs).expect("JSON")).expect("written");
        let mut mine = ws.clone();
        let c = ws.accounts[2].id;
        mine.update_account(c, NOW, |acc| acc.segment = "Rail".into());
        let mine = workspace_value(&mine).expect("JSON");
        write(&mut doc, &value, &mine).expect("written");

        let before = doc.get_heads();
        doc.merge(&mut other).expect("merged");
        let after = doc.get_heads();
        let patches = doc.diff(&before, &after);
        let mut patched = mine.clone();
        assert!(apply_patches(&mut patched, &patches));
        assert_eq!(patched, read(&doc).expect("read"));

        // A document received whole (a join) is patched from nothing.
        let mut joined = AutoCommit::new();
        joined.merge(&mut doc).expect("merged");
        let heads = joined.get_heads();
        let mut from_nothing = Value::Null;
        assert!(apply_patches(&mut from_nothing, &joined.diff(&[], &heads)));
        assert_eq!(from_nothing, read(&doc).expect("read"));
    }

    #[test]
    fn a_document_that_holds_no_readable_workspace_is_refused() {
        let mut doc = AutoCommit::new();
        let value = serde_json::json!({ "accounts": "none", "model": 5 });
        write(&mut doc, &Value::Null, &value).expect("written");
        assert!(matches!(
            workspace_of(&read(&doc).expect("read")),
            Err(MirrorError::Load(_))
        ));
    }
}
