//! Named workspaces (e.g. "My accounts", "Workshop demo") kept side by side in one
//! browser: which exist, what they are called, which is open.

use serde::{Deserialize, Serialize};

use super::text::Language;

/// The workspace every browser starts with; its data keeps the original storage key.
pub const MAIN_ID: &str = "main";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceEntry {
    pub id: String,
    /// Empty for the first workspace until renamed: it is shown as "My accounts".
    #[serde(default)]
    pub name: String,
    /// The trainers' demo with fictional data.
    #[serde(default)]
    pub demo: bool,
    /// The tag of the language the demo was built in (`Language::tag`); none for other
    /// workspaces, and for a demo stored before this was recorded (its language is then
    /// unknown). Kept as the tag, not the enum, so the app's first load carries no
    /// deserializer for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<String>,
    /// The team sync this workspace takes part in, if it is shared: the server's
    /// address and the document's id, one line each ([`WorkspaceEntry::shared`]). Kept as
    /// text, so the app's first load carries no deserializer for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    shared: Option<String>,
}

/// Where a shared workspace syncs: the sync server's websocket address and the
/// document's id there (which is all a share link carries: whoever has both can read
/// and change the workspace).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedLink {
    pub server: String,
    pub document: String,
}

impl WorkspaceEntry {
    /// The team sync this workspace takes part in, if it is shared.
    pub fn shared(&self) -> Option<SharedLink> {
        let (server, document) = self.shared.as_deref()?.split_once('\n')?;
        Some(SharedLink {
            server: server.to_owned(),
            document: document.to_owned(),
        })
    }

    /// Whether it is shared.
    pub fn is_shared(&self) -> bool {
        self.shared.is_some()
    }

    /// The language the demo was built in, if known.
    pub fn demo_language(&self) -> Option<Language> {
        self.language.as_deref().and_then(Language::from_tag)
    }

    /// Whether this is the demo, built in another language than `current`: the user is
    /// offered to build it again in `current`. A demo of unknown language is left alone.
    pub fn demo_in_other_language(&self, current: Language) -> bool {
        self.demo && self.demo_language().is_some_and(|built| built != current)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Catalogue {
    pub active: String,
    pub entries: Vec<WorkspaceEntry>,
    /// Ids are never reused, so a deleted workspace's leftovers can never reappear.
    pub next_id: u32,
}

impl Default for Catalogue {
    fn default() -> Self {
        Self {
            active: MAIN_ID.to_owned(),
            entries: vec![WorkspaceEntry {
                id: MAIN_ID.to_owned(),
                name: String::new(),
                demo: false,
                language: None,
                shared: None,
            }],
            next_id: 1,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    #[error("a workspace needs a name")]
    NameMissing,
    #[error("no workspace with that id")]
    Unknown,
    #[error("the open workspace cannot be deleted")]
    DeletingActive,
}

impl Catalogue {
    /// Repairs a catalogue read from storage: the main entry always exists and the
    /// active id names an existing workspace.
    pub fn repaired(mut self) -> Self {
        if !self.entries.iter().any(|e| e.id == MAIN_ID) {
            self.entries
                .insert(0, Catalogue::default().entries.remove(0));
        }
        if !self.entries.iter().any(|e| e.id == self.active) {
            self.active = MAIN_ID.to_owned();
        }
        self
    }

    pub fn entry(&self, id: &str) -> Option<&WorkspaceEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn active_entry(&self) -> Option<&WorkspaceEntry> {
        self.entry(&self.active)
    }

    pub fn demo(&self) -> Option<&WorkspaceEntry> {
        self.entries.iter().find(|e| e.demo)
    }

    /// Adds a workspace and returns its id (not opened).
    pub fn add(&mut self, name: &str, demo: bool) -> Result<String, CatalogueError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CatalogueError::NameMissing);
        }
        let id = format!("w{}", self.next_id);
        self.next_id += 1;
        self.entries.push(WorkspaceEntry {
            id: id.clone(),
            name: name.to_owned(),
            demo,
            language: None,
            shared: None,
        });
        Ok(id)
    }

    /// Records that a workspace is shared (`Some`) or no longer is (`None`: the local
    /// copy stays, as it is).
    pub fn set_shared(&mut self, id: &str, link: Option<SharedLink>) -> Result<(), CatalogueError> {
        let entry = self
            .entries
            .iter_mut()
            .find(|e| e.id == id)
            .ok_or(CatalogueError::Unknown)?;
        entry.shared = link.map(|l| format!("{}\n{}", l.server, l.document));
        Ok(())
    }

    /// Records the language the demo was (re)built in.
    pub fn set_demo_language(&mut self, language: Language) {
        for entry in self.entries.iter_mut().filter(|e| e.demo) {
            entry.language = Some(language.tag().to_owned());
        }
    }

    pub fn rename(&mut self, id: &str, name: &str) -> Result<(), CatalogueError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CatalogueError::NameMissing);
        }
        let entry = self
            .entries
            .iter_mut()
            .find(|e| e.id == id)
            .ok_or(CatalogueError::Unknown)?;
        entry.name = name.to_owned();
        Ok(())
    }

    /// Removes a workspace from the list; the open one cannot be removed.
    pub fn remove(&mut self, id: &str) -> Result<WorkspaceEntry, CatalogueError> {
        if id == self.active {
            return Err(CatalogueError::DeletingActive);
        }
        let index = self
            .entries
            .iter()
            .position(|e| e.id == id)
            .ok_or(CatalogueError::Unknown)?;
        Ok(self.entries.remove(index))
    }

    pub fn open(&mut self, id: &str) -> Result<(), CatalogueError> {
        if self.entry(id).is_none() {
            return Err(CatalogueError::Unknown);
        }
        self.active = id.to_owned();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_workspace_keeps_its_link_and_leaving_keeps_the_workspace() {
        let mut c = Catalogue::default();
        let id = c.add("Team", false).expect("adds");
        let link = SharedLink {
            server: "wss://sync.example.com".to_owned(),
            document: "1Bhh3pUZD358hwFbvigTAY5qky".to_owned(),
        };
        c.set_shared(&id, Some(link.clone())).expect("shares");
        let text = serde_json::to_string(&c).expect("writes");
        let read: Catalogue = serde_json::from_str(&text).expect("reads");
        assert_eq!(read.entry(&id).and_then(WorkspaceEntry::shared), Some(link));
        c.set_shared(&id, None).expect("leaves");
        assert!(c
            .entry(&id)
            .is_some_and(|e| !e.is_shared() && e.shared().is_none()));
        assert!(!serde_json::to_string(&c)
            .expect("writes")
            .contains("shared"));
        assert_eq!(c.set_shared("nope", None), Err(CatalogueError::Unknown));
    }

    #[test]
    fn a_new_browser_has_one_workspace_open() {
        let c = Catalogue::default();
        assert_eq!(c.active, MAIN_ID);
        assert_eq!(c.entries.len(), 1);
    }

    #[test]
    fn workspaces_need_a_name_and_get_fresh_ids() {
        let mut c = Catalogue::default();
        assert_eq!(c.add("  ", false), Err(CatalogueError::NameMissing));
        let a = c.add("Team A", false).expect("adds");
        c.remove(&a).expect("removes");
        let b = c.add("Team B", false).expect("adds");
        assert_ne!(a, b);
        assert_eq!(c.rename(&b, ""), Err(CatalogueError::NameMissing));
        c.rename(&b, "Team B2").expect("renames");
        assert_eq!(c.entry(&b).map(|e| e.name.as_str()), Some("Team B2"));
    }

    #[test]
    fn the_open_workspace_cannot_be_deleted() {
        let mut c = Catalogue::default();
        let demo = c.add("Demo", true).expect("adds");
        c.open(&demo).expect("opens");
        assert_eq!(c.remove(&demo), Err(CatalogueError::DeletingActive));
        assert_eq!(c.demo().map(|e| e.id.clone()), Some(demo.clone()));
        c.open(MAIN_ID).expect("opens");
        assert!(c.remove(&demo).is_ok());
        assert_eq!(c.open("nope"), Err(CatalogueError::Unknown));
    }

    #[test]
    fn a_demo_built_in_the_other_language_offers_a_rebuild_until_rebuilt() {
        let mut c = Catalogue::default();
        let demo = c.add("Demo", true).expect("adds");
        c.set_demo_language(Language::Zh);
        let entry = |c: &Catalogue| c.entry(&demo).cloned().expect("there");
        assert!(!entry(&c).demo_in_other_language(Language::Zh));
        assert!(entry(&c).demo_in_other_language(Language::En));
        c.set_demo_language(Language::En);
        assert!(!entry(&c).demo_in_other_language(Language::En));
        // Real workspaces never have a language to offer.
        assert!(c
            .entry(MAIN_ID)
            .is_some_and(|e| !e.demo_in_other_language(Language::En)
                && !e.demo_in_other_language(Language::Zh)));
        // The language is stored with the list and read back.
        let json = serde_json::to_string(&c).expect("serialises");
        let back: Catalogue = serde_json::from_str(&json).expect("parses");
        assert_eq!(
            back.entry(&demo).and_then(WorkspaceEntry::demo_language),
            Some(Language::En)
        );
        assert!(json.contains(r#""language":"en""#), "{json}");
    }

    #[test]
    fn a_demo_stored_without_its_language_loads_and_offers_nothing() {
        let c: Catalogue = serde_json::from_str(
            r#"{"active":"w1","entries":[{"id":"main","name":""},{"id":"w1","name":"Demo","demo":true}],"next_id":2}"#,
        )
        .expect("parses");
        let demo = c.demo().expect("the demo");
        assert_eq!(demo.demo_language(), None);
        for language in Language::ALL {
            assert!(!demo.demo_in_other_language(language));
        }
    }

    #[test]
    fn a_damaged_catalogue_is_repaired_on_load() {
        let c: Catalogue = serde_json::from_str(r#"{"active":"w9","entries":[]}"#).expect("parses");
        let c = c.repaired();
        assert_eq!(c.active, MAIN_ID);
        assert!(c.entry(MAIN_ID).is_some());
    }
}
