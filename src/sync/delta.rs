//! The quick path between the page's workspace and the document, account by account.
//!
//! A local edit is compared with the workspace last mirrored as domain types, so only
//! the accounts and the workspace's other fields that differ are turned into JSON and
//! written ([`write_changes`]); other people's changes are read back into the domain
//! types from the accounts and fields their patches touched ([`read_changes`]). Both
//! give what the whole-workspace path gives (`mirror::workspace_value` and
//! `mirror::write`, `mirror::workspace_of`), which turns all 10,000 accounts of a large
//! register into JSON and back at every edit (about 80 ms each way natively, twice that
//! in the browser; BENCHMARKS.md).

use std::collections::{BTreeSet, HashMap, HashSet};

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, Patch, PatchAction, Prop, ReadDoc, ROOT};
use serde_json::{Map, Value};

use super::mirror::{self, MirrorError, ACCOUNTS};
use crate::domain::{Account, AccountId, Workspace};
use crate::storage::envelope::LoadError;

/// The workspace as [`mirror::workspace_of`] reads it back from its value: the accounts
/// in the order of their ids, one per id (the last, as keying them by id keeps).
pub fn normalized(mut workspace: Workspace) -> Workspace {
    if !workspace.accounts.windows(2).all(|w| w[0].id < w[1].id) {
        let by_id: std::collections::BTreeMap<AccountId, Account> = workspace
            .accounts
            .drain(..)
            .map(|account| (account.id, account))
            .collect();
        workspace.accounts = by_id.into_values().collect();
    }
    workspace
}

/// The workspace but for its accounts. Every field is named, so a field added to the
/// workspace must be added here before this compiles.
fn beside_accounts(workspace: &Workspace) -> Workspace {
    let Workspace {
        accounts: _,
        model,
        model_draft,
        tiers,
        thresholds_draft,
        next_account_id,
        amount_unit,
        engagement,
        inquiries,
        snapshots,
        categories,
        list_plan,
    } = workspace;
    Workspace {
        accounts: Vec::new(),
        model: model.clone(),
        model_draft: model_draft.clone(),
        tiers: tiers.clone(),
        thresholds_draft: *thresholds_draft,
        next_account_id: *next_account_id,
        amount_unit: amount_unit.clone(),
        engagement: engagement.clone(),
        inquiries: inquiries.clone(),
        snapshots: snapshots.clone(),
        categories: categories.clone(),
        list_plan: list_plan.clone(),
    }
}

/// The document's map of accounts, when it has one.
fn accounts_object(doc: &AutoCommit) -> Result<Option<ObjId>, MirrorError> {
    Ok(match doc.get(ROOT, ACCOUNTS)? {
        Some((automerge::Value::Object(ObjType::Map), id)) => Some(id),
        _ => None,
    })
}

/// Writes `next` into the document, which holds `previous` (as domain types) and
/// `mirrored` (as its value): only the accounts and fields that differ are written, and
/// `mirrored` is brought up to date. A document without the shape the mirror writes
/// (none yet) is written whole.
pub fn write_changes(
    doc: &mut AutoCommit,
    mirrored: &mut Value,
    previous: &Workspace,
    next: &Workspace,
) -> Result<(), MirrorError> {
    let accounts_obj = accounts_object(doc)?;
    let (Some(accounts_obj), Some(root)) = (accounts_obj, mirrored.as_object_mut()) else {
        let value = mirror::workspace_value(next)?;
        mirror::write(doc, mirrored, &value)?;
        *mirrored = value;
        return Ok(());
    };
    if !root.get(ACCOUNTS).is_some_and(Value::is_object) {
        root.insert(ACCOUNTS.to_owned(), Value::Object(Map::new()));
    }

    let beside = beside_accounts(next);
    if beside_accounts(previous) != beside {
        let mut fields = match serde_json::to_value(&beside)? {
            Value::Object(fields) => fields,
            _ => Map::new(),
        };
        fields.remove(ACCOUNTS);
        for (key, value) in &fields {
            let before = root.get(key);
            if before != Some(value) {
                mirror::write_field(doc, &ROOT, key, before, value)?;
            }
        }
        let gone: Vec<String> = root
            .keys()
            .filter(|k| *k != ACCOUNTS && *k != mirror::ROOT_STAMP && !fields.contains_key(*k))
            .cloned()
            .collect();
        for key in gone {
            doc.delete(&ROOT, key.as_str())?;
            root.remove(&key);
        }
        for (key, value) in fields {
            root.insert(key, value);
        }
    }

    let Some(Value::Object(keyed)) = root.get_mut(ACCOUNTS) else {
        return Ok(());
    };
    let before: HashMap<AccountId, &Account> =
        previous.accounts.iter().map(|a| (a.id, a)).collect();
    let mut kept = HashSet::with_capacity(next.accounts.len());
    for account in &next.accounts {
        kept.insert(account.id);
        if before.get(&account.id) == Some(&account) {
            continue;
        }
        let key = account.id.to_string();
        let value = serde_json::to_value(account)?;
        mirror::write_field(doc, &accounts_obj, &key, keyed.get(&key), &value)?;
        keyed.insert(key, value);
    }
    for id in before.keys().filter(|id| !kept.contains(id)) {
        let key = id.to_string();
        doc.delete(&accounts_obj, key.as_str())?;
        keyed.remove(&key);
    }
    Ok(())
}

/// What some patches changed: the accounts (by their key in the document) and whether
/// any of the workspace's other fields.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Touched {
    pub accounts: BTreeSet<String>,
    pub beside: bool,
}

/// What `patches` touched, or `None` when they replace the accounts as a whole (read
/// the workspace whole then).
pub fn touched(patches: &[Patch]) -> Option<Touched> {
    let mut touched = Touched::default();
    for patch in patches {
        let key_of_action = || match &patch.action {
            PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => Some(key.clone()),
            PatchAction::Conflict {
                prop: Prop::Map(key),
            } => Some(key.clone()),
            _ => None,
        };
        let mut path = patch.path.iter().map(|(_, prop)| prop);
        match (path.next(), path.next()) {
            // At the root: a field of the workspace, or the accounts replaced whole.
            (None, _) => match key_of_action() {
                Some(key) if key != ACCOUNTS => touched.beside = true,
                _ => return None,
            },
            (Some(Prop::Map(first)), second) if first == ACCOUNTS => match second {
                Some(Prop::Map(account)) => {
                    touched.accounts.insert(account.clone());
                }
                Some(Prop::Seq(_)) => return None,
                // An account added, replaced or deleted.
                None => {
                    touched.accounts.insert(key_of_action()?);
                }
            },
            _ => touched.beside = true,
        }
    }
    Some(touched)
}

/// A value read into domain types as stored text is read: through its text, so the
/// sync module carries one reader of each type (reading straight from a `Value` would
/// add a second, about 30 KB of the module gzipped), for little cost on one account.
fn read_json<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, MirrorError> {
    serde_json::from_str(&value.to_string())
        .map_err(|e| MirrorError::Load(LoadError::Invalid(e.to_string())))
}

/// Brings `workspace` (as domain types, [`normalized`]) up to date with `mirrored`, the
/// document's value after changes that touched `touched`, reading only what they
/// touched. False when that cannot be done faithfully (an account stored under a key
/// that is not its id, the accounts' limit passed): read the workspace whole then.
pub fn read_changes(
    workspace: &mut Workspace,
    mirrored: &Value,
    touched: &Touched,
) -> Result<bool, MirrorError> {
    let Some(root) = mirrored.as_object() else {
        return Ok(false);
    };
    let Some(keyed) = root.get(ACCOUNTS).and_then(Value::as_object) else {
        return Ok(false);
    };
    let mut changed = Vec::with_capacity(touched.accounts.len());
    for key in &touched.accounts {
        let Ok(id) = key.parse::<AccountId>() else {
            return Ok(false);
        };
        if id.to_string() != *key {
            return Ok(false);
        }
        let account = match keyed.get(key) {
            Some(value) => {
                let account: Account = read_json(value)?;
                if account.id != id {
                    return Ok(false);
                }
                Some(account)
            }
            None => None,
        };
        changed.push((id, account));
    }
    let beside = if touched.beside {
        // The other fields only: copying the accounts too would cost as much as reading
        // the workspace whole.
        let mut fields: Map<String, Value> = root
            .iter()
            .filter(|(key, _)| *key != ACCOUNTS)
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        fields.insert(ACCOUNTS.to_owned(), Value::Array(Vec::new()));
        Some(read_json::<Workspace>(&Value::Object(fields))?)
    } else {
        None
    };

    let accounts = &mut workspace.accounts;
    for (id, account) in changed {
        match (accounts.binary_search_by_key(&id, |a| a.id), account) {
            (Ok(at), Some(account)) => accounts[at] = account,
            (Ok(at), None) => {
                accounts.remove(at);
            }
            (Err(at), Some(account)) => accounts.insert(at, account),
            (Err(_), None) => {}
        }
    }
    if accounts.len() > crate::domain::workspace::MAX_ACCOUNTS {
        return Ok(false);
    }
    if let Some(mut shell) = beside {
        shell.accounts = std::mem::take(&mut workspace.accounts);
        *workspace = shell;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::mirror::tests::{demo as demo_workspace, shared};

    const NOW: i64 = 1_764_600_000_000;

    fn demo() -> Workspace {
        normalized(demo_workspace())
    }

    /// Edits of every kind the page makes: an account renamed, one added, one deleted,
    /// the model's draft and the amount unit changed, a field cleared.
    fn edits(ws: &Workspace) -> Vec<Workspace> {
        let mut steps = Vec::new();
        let mut next = ws.clone();
        let first = next.accounts[0].id;
        assert!(next.update_account(first, NOW + 1, |a| a.name = "Harbour Coaches".into()));
        steps.push(next.clone());
        next.add_account(
            Account {
                name: "North Rail".into(),
                ..Account::default()
            },
            NOW + 2,
        );
        steps.push(next.clone());
        let second = next.accounts[1].id;
        next.accounts.retain(|a| a.id != second);
        steps.push(next.clone());
        next.amount_unit = "万元".into();
        next.model_draft = Some(next.model.clone());
        steps.push(next.clone());
        next.amount_unit.clear();
        next.inquiries = None;
        let last = next.accounts.len() - 1;
        next.accounts[last].address.clear();
        steps.push(next.clone());
        steps
    }

    #[test]
    fn an_edit_written_account_by_account_leaves_the_document_as_a_whole_write_does() {
        let ws = demo();
        for next in edits(&ws) {
            let (mut whole, value) = shared(&ws);
            let (mut quick, mut mirrored) = (whole.fork(), value.clone());
            let next_value = mirror::workspace_value(&next).expect("as JSON");
            mirror::write(&mut whole, &value, &next_value).expect("written whole");
            write_changes(&mut quick, &mut mirrored, &ws, &next).expect("written");
            assert_eq!(mirrored, next_value, "the value kept is the document's");
            assert_eq!(mirror::read(&quick).expect("read"), next_value);
            assert_eq!(
                mirror::read(&quick).expect("read"),
                mirror::read(&whole).expect("read")
            );
        }
    }

    #[test]
    fn an_unchanged_workspace_writes_nothing_account_by_account() {
        let ws = demo();
        let (mut doc, mut mirrored) = shared(&ws);
        let _ = doc.save_incremental();
        write_changes(&mut doc, &mut mirrored, &ws, &ws.clone()).expect("written");
        assert!(doc.save_incremental().is_empty());
    }

    #[test]
    fn other_peoples_changes_read_from_what_they_touched_equal_the_workspace_read_whole() {
        let ws = demo();
        let (mut mine, value) = shared(&ws);
        let mut theirs = mine.fork();
        // As loading reads it (the plans' JSON in the document's order of keys).
        let mut read = mirror::workspace_of(&value).expect("read whole");
        let mut mirrored = value.clone();
        let mut previous = ws.clone();
        let mut their_value = value;
        for next in edits(&ws) {
            write_changes(&mut theirs, &mut their_value, &previous, &next).expect("written");
            previous = normalized(next);
            mine.update_diff_cursor();
            let before = mine.diff_cursor();
            mine.merge(&mut theirs).expect("merged");
            let after = mine.get_heads();
            let patches = mine.diff(&before, &after);
            assert!(mirror::apply_patches(&mut mirrored, &patches));
            let touched = touched(&patches).expect("what changed is known");
            assert!(read_changes(&mut read, &mirrored, &touched).expect("read"));
            assert_eq!(read, mirror::workspace_of(&mirrored).expect("read whole"));
            // The same workspace as the page's, but for the order of keys in the plans.
            assert_eq!(
                serde_json::to_value(&read).expect("as JSON"),
                serde_json::to_value(&previous).expect("as JSON")
            );
        }
    }

    #[test]
    fn an_account_kept_under_a_key_that_is_not_its_id_is_left_to_the_whole_reading() {
        let ws = demo();
        let (_, mut mirrored) = shared(&ws);
        let first = ws.accounts[0].clone();
        if let Some(Value::Object(keyed)) = mirrored.get_mut(ACCOUNTS) {
            let moved = keyed
                .remove(&first.id.to_string())
                .expect("the first account");
            keyed.insert("0042".into(), moved);
        }
        let touched = Touched {
            accounts: BTreeSet::from(["0042".to_owned()]),
            beside: false,
        };
        let mut read = ws.clone();
        assert!(!read_changes(&mut read, &mirrored, &touched).expect("read"));
    }

    #[test]
    fn accounts_out_of_order_or_repeated_are_normalized_as_the_document_reads_them() {
        let mut ws = Workspace::default();
        for (id, name) in [(3, "c"), (1, "a"), (3, "c2"), (2, "b")] {
            ws.accounts.push(Account {
                id,
                name: name.into(),
                ..Account::default()
            });
        }
        let value = mirror::workspace_value(&ws).expect("as JSON");
        let read = mirror::workspace_of(&value).expect("read back");
        assert_eq!(normalized(ws), read);
        let names: Vec<&str> = read.accounts.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c2"]);
    }
}
