//! The versioned envelope around a saved workspace: `{format, version, saved_at,
//! workspace}`. Loading checks the format name, refuses data from a newer version,
//! migrates older versions one step at a time, and restores the workspace over defaults
//! so fields added later load as empty rather than failing.

use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::domain::Workspace;

/// Identifies our files among other JSON.
pub const FORMAT: &str = "kam-workbench/workspace";

/// The version this build writes. Raise it whenever the saved shape changes in a way
/// that old data does not load into by defaults alone, and add the migration step.
pub const VERSION: u32 = 4;

/// One migration step, from version `n` to version `n + 1`.
#[derive(Clone, Copy)]
pub enum Migration {
    /// Data of version `n` loads into version `n + 1` by defaults alone: the version was
    /// raised so that an older build refuses the newer file instead of loading it and
    /// dropping on saving what it cannot read.
    AsItIs,
    /// Takes the `workspace` value of version `n` and returns it in the shape of `n + 1`.
    Rewrite(fn(Value) -> Result<Value, String>),
}

/// `MIGRATIONS[i]` migrates version `i + 1` to version `i + 2`. Each new version appends
/// its step here together with a fixture of the old version under `tests/fixtures/` and a
/// test loading it.
///
/// - 1 → 2 adds account plans (`Account::plan`): version-1 data has none.
/// - 2 → 3 adds our people, the pipeline's stuck limits, the inquiry log, and per account
///   its owners and engagement document: version-2 data has none of them.
/// - 3 → 4 adds the thresholds' draft, the closed years of the annual review, the
///   key-account categories' settings, the preliminary list plan, and per account its
///   group parent and development record: version-3 data has none of them.
pub const MIGRATIONS: &[Migration] = &[Migration::AsItIs, Migration::AsItIs, Migration::AsItIs];

const _: () = assert!(MIGRATIONS.len() as u32 == VERSION - 1);

/// Whether every step of [`MIGRATIONS`] loads data as it is: then the app's build has no
/// code that rewrites a workspace as a JSON value (which the first load would carry).
const NOTHING_TO_REWRITE: bool = {
    let mut i = 0;
    let mut as_is = true;
    while i < MIGRATIONS.len() {
        if matches!(MIGRATIONS[i], Migration::Rewrite(_)) {
            as_is = false;
        }
        i += 1;
    }
    as_is
};

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    saved_at: Option<String>,
    workspace: &'a Workspace,
}

/// An envelope as read. Our own files give `format` and `version` before `workspace`, so
/// a workspace of the current version is read straight into the domain types in the one
/// pass over the text (at 10,000 accounts a second pass costs a user-visible moment);
/// in any other case it is kept raw and checked once the envelope is read.
struct EnvelopeIn<'a> {
    /// Any JSON, as written: a format that is not text is a wrong format, not broken
    /// JSON.
    format: Option<&'a RawValue>,
    version: Option<&'a RawValue>,
    workspace: Option<Body<'a>>,
}

enum Body<'a> {
    /// Read already: the format and the current version came first.
    Read(Box<Workspace>),
    /// Kept raw: data of the current version is read straight into the domain types,
    /// and only older data goes through `Value` for migration. (Reading domain types
    /// from a `Value` would compile a second deserializer for every type.)
    Raw(&'a RawValue),
}

/// The version an envelope's `version` value names, if it is a valid one.
fn version_number(value: &RawValue) -> Option<u32> {
    serde_json::from_str::<u64>(value.get())
        .ok()
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v >= 1)
}

/// The text a JSON string holds, if `value` is one.
fn text_of(value: &RawValue) -> Option<String> {
    serde_json::from_str::<String>(value.get()).ok()
}

/// Reads an envelope's fields; `current` is the version read straight into the domain.
struct EnvelopeVisitor<'r> {
    current: u32,
    /// Set while the workspace itself is read, so a failure there is told apart from
    /// a failure of the envelope.
    in_workspace: &'r std::cell::Cell<bool>,
}

impl<'de> serde::de::Visitor<'de> for EnvelopeVisitor<'_> {
    type Value = EnvelopeIn<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a workspace envelope")
    }

    fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut envelope = EnvelopeIn {
            format: None,
            version: None,
            workspace: None,
        };
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match &*key {
                "format" => envelope.format = map.next_value()?,
                "version" => envelope.version = map.next_value()?,
                "workspace" => {
                    let direct = envelope.format.and_then(text_of).as_deref() == Some(FORMAT)
                        && envelope.version.and_then(version_number) == Some(self.current);
                    envelope.workspace = Some(if direct {
                        self.in_workspace.set(true);
                        let workspace = map.next_value::<Workspace>()?;
                        self.in_workspace.set(false);
                        Body::Read(Box::new(workspace))
                    } else {
                        Body::Raw(map.next_value()?)
                    });
                }
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(envelope)
    }
}

/// Why saved data or a workspace file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error("not a workspace file (format {found:?})")]
    WrongFormat { found: Option<String> },
    #[error("version {0:?} is not a valid version number")]
    BadVersion(String),
    #[error("made by a newer version ({found}); this version reads up to {supported}")]
    NewerVersion { found: u32, supported: u32 },
    #[error("the workspace is missing")]
    WorkspaceMissing,
    #[error("migration from version {from} failed: {reason}")]
    MigrationFailed { from: u32, reason: String },
    #[error("the workspace does not have the expected shape: {0}")]
    Invalid(String),
    /// Beyond [`MAX_FILE_BYTES`] or [`MAX_ACCOUNTS`]: refused before it could take the
    /// page's memory and time.
    #[error("too large: at most {} MB and {} accounts", MAX_FILE_BYTES >> 20, MAX_ACCOUNTS)]
    TooLarge,
}

/// The largest workspace text read. localStorage holds 5,242,880 characters, and the
/// stored form is about a fifth of the JSON: no workspace the browser can keep is near
/// this size.
pub const MAX_FILE_BYTES: usize = 32 << 20;
/// The most accounts a workspace file may hold: ten times the largest register
/// measured (BENCHMARKS.md), and more than twice what localStorage can keep.
pub const MAX_ACCOUNTS: usize = crate::domain::workspace::MAX_ACCOUNTS;

/// Serialises a workspace for localStorage. No timestamp, so that saving unchanged data
/// writes the identical string (and another tab sees no spurious change).
pub fn encode_for_storage(workspace: &Workspace) -> Result<String, String> {
    encode(workspace, None)
}

/// Serialises a workspace as an export file, stamped with when it was made.
pub fn encode_for_file(workspace: &Workspace, saved_at: &str) -> Result<String, String> {
    encode(workspace, Some(saved_at.to_owned()))
}

fn encode(workspace: &Workspace, saved_at: Option<String>) -> Result<String, String> {
    serde_json::to_string(&EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        saved_at,
        workspace,
    })
    .map_err(|e| e.to_string())
}

/// Reads an envelope written by this or an older version.
pub fn decode(text: &str) -> Result<Workspace, LoadError> {
    if NOTHING_TO_REWRITE {
        decode_older(text, VERSION, |_, raw| read_workspace(raw))
    } else {
        decode_with(text, MIGRATIONS, VERSION)
    }
}

/// [`decode`] with the migration chain given, so the chain runner itself is testable.
pub fn decode_with(
    text: &str,
    migrations: &[Migration],
    current: u32,
) -> Result<Workspace, LoadError> {
    decode_older(text, current, |version, raw| {
        let steps = (version..current).map(|from| {
            migrations
                .get((from - 1) as usize)
                .copied()
                .ok_or_else(|| LoadError::MigrationFailed {
                    from,
                    reason: "no migration step".into(),
                })
                .map(|step| (from, step))
        });
        let steps: Vec<(u32, Migration)> = steps.collect::<Result<_, _>>()?;
        if steps.iter().all(|(_, s)| matches!(s, Migration::AsItIs)) {
            return read_workspace(raw);
        }
        let mut workspace: Value =
            serde_json::from_str(raw.get()).map_err(|e| LoadError::Invalid(e.to_string()))?;
        for (from, step) in steps {
            if let Migration::Rewrite(rewrite) = step {
                workspace = rewrite(workspace)
                    .map_err(|reason| LoadError::MigrationFailed { from, reason })?;
            }
        }
        let migrated =
            serde_json::to_string(&workspace).map_err(|e| LoadError::Invalid(e.to_string()))?;
        serde_json::from_str(&migrated).map_err(invalid)
    })
}

/// A workspace read straight into the domain types.
fn read_workspace(raw: &RawValue) -> Result<Workspace, LoadError> {
    serde_json::from_str(raw.get()).map_err(invalid)
}

/// Reads an envelope of version `current` or older; `older` reads the workspace of an
/// older version (its version, its text).
fn decode_older(
    text: &str,
    current: u32,
    older: impl FnOnce(u32, &RawValue) -> Result<Workspace, LoadError>,
) -> Result<Workspace, LoadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge);
    }
    let in_workspace = std::cell::Cell::new(false);
    let mut reader = serde_json::Deserializer::from_str(text);
    let envelope = serde::Deserializer::deserialize_map(
        &mut reader,
        EnvelopeVisitor {
            current,
            in_workspace: &in_workspace,
        },
    )
    .and_then(|envelope| reader.end().map(|()| envelope))
    .map_err(|e| {
        // The marker opens the message of the limit's own error; anywhere else it is
        // text from the file (an unknown choice quoted in the message, say).
        if e.to_string()
            .starts_with(crate::domain::workspace::TOO_MANY_ACCOUNTS)
        {
            return LoadError::TooLarge;
        }
        // Broken JSON is broken JSON wherever it is; a workspace of the wrong shape is
        // told as such, as it would be when read on its own. (Some wrong shapes, such as
        // `{}` for a choice, fail as syntax: the text as a whole decides.)
        // JSON that is not an object at all (a list, a number) is no workspace file.
        let json = || serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
        if in_workspace.get() && (e.is_data() || json()) {
            LoadError::Invalid(e.to_string())
        } else if !in_workspace.get() && e.is_data() && json() {
            LoadError::WrongFormat { found: None }
        } else {
            LoadError::NotJson(e.to_string())
        }
    })?;
    // (A `null` reads as no value at all.)
    match envelope.format.map(|f| (text_of(f), f)) {
        Some((Some(format), _)) if format == FORMAT => {}
        Some((Some(format), _)) => {
            return Err(LoadError::WrongFormat {
                found: Some(format),
            })
        }
        None => return Err(LoadError::WrongFormat { found: None }),
        Some((None, other)) => {
            return Err(LoadError::WrongFormat {
                found: Some(other.get().to_owned()),
            })
        }
    }
    let version = match envelope.version {
        Some(value) => {
            version_number(value).ok_or_else(|| LoadError::BadVersion(value.get().to_owned()))?
        }
        None => return Err(LoadError::BadVersion(String::new())),
    };
    if version > current {
        return Err(LoadError::NewerVersion {
            found: version,
            supported: current,
        });
    }
    let raw = match envelope.workspace.ok_or(LoadError::WorkspaceMissing)? {
        Body::Read(workspace) => return Ok(*workspace),
        Body::Raw(raw) => raw,
    };
    if version == current {
        return read_workspace(raw);
    }
    older(version, raw)
}

/// A workspace that did not read: too many accounts, or the wrong shape.
fn invalid(error: serde_json::Error) -> LoadError {
    let text = error.to_string();
    if text.starts_with(crate::domain::workspace::TOO_MANY_ACCOUNTS) {
        LoadError::TooLarge
    } else {
        LoadError::Invalid(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Account;

    #[test]
    fn a_text_larger_than_the_limit_is_refused_before_it_is_read() {
        let text = format!(
            "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"workspace\":{{\"amount_unit\":\"{}\"}}}}",
            "x".repeat(MAX_FILE_BYTES)
        );
        assert_eq!(decode(&text), Err(LoadError::TooLarge));
    }

    #[test]
    fn a_workspace_with_more_accounts_than_the_limit_is_refused_while_read() {
        let accounts = |n: usize| vec!["{}"; n].join(",");
        let file = |n: usize, version: u32| {
            format!(
                "{{\"format\":\"{FORMAT}\",\"version\":{version},\"workspace\":{{\"accounts\":[{}]}}}}",
                accounts(n)
            )
        };
        assert_eq!(
            decode(&file(MAX_ACCOUNTS, VERSION)).map(|ws| ws.accounts.len()),
            Ok(MAX_ACCOUNTS)
        );
        assert_eq!(
            decode(&file(MAX_ACCOUNTS + 1, VERSION)),
            Err(LoadError::TooLarge)
        );
        // Through the migrations too.
        assert_eq!(decode(&file(MAX_ACCOUNTS + 1, 1)), Err(LoadError::TooLarge));
    }

    #[test]
    fn json_nested_a_hundred_thousand_deep_is_refused_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        // A list is no workspace file, however deep.
        assert_eq!(decode(&deep), Err(LoadError::WrongFormat { found: None }));
        let inside = format!(
            "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"workspace\":{{\"accounts\":{}{}}}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(decode(&inside).is_err());
        let old = inside.replace(&format!("\"version\":{VERSION}"), "\"version\":1");
        assert!(decode(&old).is_err());
    }

    fn sample() -> Workspace {
        let mut ws = Workspace::default();
        ws.add_account(
            Account {
                name: "<img src=x onerror=alert(1)>".into(),
                ..Account::default()
            },
            1,
        );
        ws
    }

    #[test]
    fn envelope_round_trips_the_workspace() {
        let ws = sample();
        let text = encode_for_storage(&ws).expect("encodes");
        assert_eq!(decode(&text), Ok(ws.clone()));
        let file = encode_for_file(&ws, "2026-11-22T08:00:00Z").expect("encodes");
        assert!(file.contains("\"saved_at\""));
        assert_eq!(decode(&file), Ok(ws));
    }

    #[test]
    fn storage_encoding_is_stable_for_unchanged_data() {
        let ws = sample();
        assert_eq!(encode_for_storage(&ws), encode_for_storage(&ws.clone()));
    }

    #[test]
    fn malformed_json_is_refused() {
        assert!(matches!(decode("{not json"), Err(LoadError::NotJson(_))));
        assert!(matches!(decode(""), Err(LoadError::NotJson(_))));
    }

    #[test]
    fn other_json_is_not_taken_for_a_workspace() {
        assert_eq!(
            decode(r#"{"format":"something-else","version":1,"workspace":{}}"#),
            Err(LoadError::WrongFormat {
                found: Some("something-else".into())
            })
        );
        for not_an_object in ["[1,2,3]", "5", r#""kam-workbench/workspace""#, "null"] {
            assert_eq!(
                decode(not_an_object),
                Err(LoadError::WrongFormat { found: None }),
                "{not_an_object}"
            );
        }
        assert!(matches!(decode("[1,2"), Err(LoadError::NotJson(_))));
    }

    #[test]
    fn a_format_that_is_not_text_is_a_wrong_format_not_broken_json() {
        assert_eq!(
            decode(r#"{"format": 5, "version": 2, "workspace": {}}"#),
            Err(LoadError::WrongFormat {
                found: Some("5".into())
            })
        );
        assert_eq!(
            decode(r#"{"format": {"name": "kam-workbench/workspace"}, "workspace": {}}"#),
            Err(LoadError::WrongFormat {
                found: Some(r#"{"name": "kam-workbench/workspace"}"#.into())
            })
        );
        assert_eq!(
            decode(r#"{"format": null, "version": 2, "workspace": {}}"#),
            Err(LoadError::WrongFormat { found: None })
        );
    }

    #[test]
    fn newer_version_is_refused_not_guessed() {
        let text = format!(
            r#"{{"format":"{FORMAT}","version":{},"workspace":{{}}}}"#,
            VERSION + 1
        );
        assert_eq!(
            decode(&text),
            Err(LoadError::NewerVersion {
                found: VERSION + 1,
                supported: VERSION
            })
        );
    }

    #[test]
    fn bad_version_numbers_are_refused() {
        for v in ["0", "\"1\"", "-3", "1.5", "null"] {
            let text = format!(r#"{{"format":"{FORMAT}","version":{v},"workspace":{{}}}}"#);
            assert!(
                matches!(decode(&text), Err(LoadError::BadVersion(_))),
                "{v}"
            );
        }
    }

    #[test]
    fn workspace_with_wrong_shape_is_refused_with_the_reason() {
        let text =
            format!(r#"{{"format":"{FORMAT}","version":1,"workspace":{{"accounts":"lots"}}}}"#);
        assert!(matches!(decode(&text), Err(LoadError::Invalid(m)) if m.contains("sequence")));
    }

    #[test]
    fn a_current_workspace_of_the_wrong_shape_is_refused_with_the_reason() {
        // Read in the envelope's one pass, and still told as a wrong shape.
        let text = format!(
            r#"{{"format":"{FORMAT}","version":{VERSION},"workspace":{{"accounts":"lots"}}}}"#
        );
        assert!(matches!(decode(&text), Err(LoadError::Invalid(m)) if m.contains("sequence")));
    }

    #[test]
    fn a_workspace_cut_short_is_refused_as_broken_json() {
        let text = encode_for_storage(&sample()).expect("encodes");
        let cut = &text[..text.len() - 3];
        assert!(matches!(decode(cut), Err(LoadError::NotJson(_))));
        let trailing = format!("{text} {{}}");
        assert!(matches!(decode(&trailing), Err(LoadError::NotJson(_))));
    }

    #[test]
    fn envelope_fields_load_in_any_order() {
        let ws = sample();
        let workspace = serde_json::to_string(&ws).expect("encodes");
        let reordered = format!(
            r#"{{"saved_at":"2026-11-30T08:00:00Z","workspace":{workspace},"extra":[1,{{"a":2}}],"version":{VERSION},"format":"{FORMAT}"}}"#
        );
        assert_eq!(decode(&reordered), Ok(ws));
        let wrong = format!(r#"{{"workspace":{workspace},"format":"other","version":{VERSION}}}"#);
        assert!(matches!(decode(&wrong), Err(LoadError::WrongFormat { .. })));
    }

    #[test]
    fn missing_fields_load_as_defaults() {
        let text = format!(
            r#"{{"format":"{FORMAT}","version":1,"workspace":{{"accounts":[{{"id":3,"name":"A"}}]}}}}"#
        );
        let ws = decode(&text).expect("loads");
        assert_eq!(ws.accounts.len(), 1);
        assert_eq!(ws.model, crate::domain::ScoringModel::default_model());
    }

    fn step_rename_customers(mut v: Value) -> Result<Value, String> {
        let obj = v.as_object_mut().ok_or("workspace is not an object")?;
        let customers = obj.remove("customers").ok_or("no customers")?;
        obj.insert("accounts".into(), customers);
        Ok(v)
    }

    fn step_add_next_id(mut v: Value) -> Result<Value, String> {
        let obj = v.as_object_mut().ok_or("workspace is not an object")?;
        obj.insert("next_account_id".into(), Value::from(100));
        Ok(v)
    }

    #[test]
    fn migration_steps_run_in_order_from_the_stored_version() {
        let steps = &[
            Migration::Rewrite(step_rename_customers),
            Migration::Rewrite(step_add_next_id),
        ];
        let v1 = format!(
            r#"{{"format":"{FORMAT}","version":1,"workspace":{{"customers":[{{"id":1,"name":"A"}}]}}}}"#
        );
        let ws = decode_with(&v1, steps, 3).expect("migrates 1→2→3");
        assert_eq!(ws.accounts.len(), 1);
        assert_eq!(ws.next_account_id, 100);
        // A version-2 file skips the first step.
        let v2 = format!(r#"{{"format":"{FORMAT}","version":2,"workspace":{{"accounts":[]}}}}"#);
        assert_eq!(
            decode_with(&v2, steps, 3).map(|w| w.next_account_id),
            Ok(100)
        );
    }

    #[test]
    fn steps_that_load_data_as_it_is_are_passed_over_and_rewrites_still_run() {
        let steps = &[Migration::AsItIs, Migration::Rewrite(step_add_next_id)];
        let v1 = format!(r#"{{"format":"{FORMAT}","version":1,"workspace":{{"accounts":[]}}}}"#);
        assert_eq!(
            decode_with(&v1, steps, 3).map(|w| w.next_account_id),
            Ok(100)
        );
        let as_is = &[Migration::AsItIs, Migration::AsItIs];
        let ws = decode_with(&v1, as_is, 3).expect("loads as it is");
        assert_eq!(ws.next_account_id, Workspace::default().next_account_id);
    }

    #[test]
    fn failed_migration_step_is_reported_with_its_version() {
        let steps = &[Migration::Rewrite(step_rename_customers)];
        let v1 = format!(r#"{{"format":"{FORMAT}","version":1,"workspace":{{"accounts":[]}}}}"#);
        assert_eq!(
            decode_with(&v1, steps, 2),
            Err(LoadError::MigrationFailed {
                from: 1,
                reason: "no customers".into()
            })
        );
    }
}
