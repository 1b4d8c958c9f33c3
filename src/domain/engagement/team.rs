//! Our own people (KAM-SPEC §1): the colleagues who own accounts, take part in contacts
//! and handle inquiries — name, role and team. Ids are never reused, so an owner or a
//! participant never points at a newcomer after someone leaves the list.

use serde::{Deserialize, Serialize};

use crate::domain::account::{identity_key, slugs};

pub type ColleagueId = u32;

/// A colleague's role in the method.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// BU营销副总: sets criteria, approves tiers, overall owner of the largest accounts.
    BuHead,
    /// 细分市场经理: overall owner, receives inquiry reports.
    SegmentManager,
    /// 客户经理: daily relationship owner.
    #[default]
    AccountManager,
    /// 调研人员: collects and refreshes account information.
    Researcher,
    /// 对外关系: external relations.
    ExternalRelations,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::BuHead,
        Role::SegmentManager,
        Role::AccountManager,
        Role::Researcher,
        Role::ExternalRelations,
    ];

    /// Whether the method has this role own accounts overall (总负责人).
    pub fn owns_overall(self) -> bool {
        matches!(self, Role::BuHead | Role::SegmentManager)
    }
}

slugs!(Role {
    BuHead => "bu_head",
    SegmentManager => "segment_manager",
    AccountManager => "account_manager",
    Researcher => "researcher",
    ExternalRelations => "external_relations",
});

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Colleague {
    pub id: ColleagueId,
    pub name: String,
    pub role: Role,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub team: String,
}

/// The workspace's list of our people.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Team {
    pub people: Vec<Colleague>,
    /// The next id to give; above every id ever given.
    pub next_id: ColleagueId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamError {
    NameMissing,
    /// Another colleague has this name (names are how people pick each other).
    NameTaken,
}

/// The same name by the rule accounts are told apart by (`account::identity_key`).
fn same_name(a: &str, b: &str) -> bool {
    identity_key(a) == identity_key(b)
}

impl Team {
    /// Nobody listed and no id ever given: nothing to store.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.next_id == 0
    }

    pub fn get(&self, id: ColleagueId) -> Option<&Colleague> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn name(&self, id: ColleagueId) -> Option<&str> {
        self.get(id).map(|p| p.name.as_str())
    }

    fn check_name(&self, name: &str, except: Option<ColleagueId>) -> Result<(), TeamError> {
        if name.trim().is_empty() {
            return Err(TeamError::NameMissing);
        }
        if self
            .people
            .iter()
            .any(|p| Some(p.id) != except && same_name(&p.name, name))
        {
            return Err(TeamError::NameTaken);
        }
        Ok(())
    }

    /// Adds a colleague under a fresh id, which it returns.
    pub fn add(&mut self, name: &str, role: Role, team: &str) -> Result<ColleagueId, TeamError> {
        self.check_name(name, None)?;
        let id = crate::domain::fresh_id(&mut self.next_id, self.people.iter().map(|p| p.id));
        self.people.push(Colleague {
            id,
            name: name.trim().to_owned(),
            role,
            team: team.trim().to_owned(),
        });
        Ok(id)
    }

    pub fn rename(&mut self, id: ColleagueId, name: &str) -> Result<(), TeamError> {
        self.check_name(name, Some(id))?;
        if let Some(p) = self.people.iter_mut().find(|p| p.id == id) {
            p.name = name.trim().to_owned();
        }
        Ok(())
    }

    /// The colleague with this name (as typed in a spreadsheet's owner column), if any.
    pub fn find_by_name(&self, name: &str) -> Option<ColleagueId> {
        let name = name.trim();
        (!name.is_empty())
            .then(|| {
                self.people
                    .iter()
                    .find(|p| same_name(&p.name, name))
                    .map(|p| p.id)
            })
            .flatten()
    }

    /// Removes a colleague; the caller unlinks what pointed at them.
    pub fn remove(&mut self, id: ColleagueId) -> Option<Colleague> {
        let at = self.people.iter().position(|p| p.id == id)?;
        Some(self.people.remove(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colleague_ids_are_never_reused() {
        let mut team = Team::default();
        let wang = team
            .add("王伟", Role::SegmentManager, "East")
            .expect("added");
        let li = team
            .add("李娜", Role::AccountManager, "East")
            .expect("added");
        assert_eq!((wang, li), (1, 2));
        team.remove(li);
        assert_eq!(
            team.add("Zhang Min", Role::Researcher, "").expect("added"),
            3
        );
    }

    #[test]
    fn a_colleague_needs_a_name_of_their_own() {
        let mut team = Team::default();
        assert_eq!(
            team.add("  ", Role::BuHead, ""),
            Err(TeamError::NameMissing)
        );
        let ana = team
            .add("Ana Silva", Role::AccountManager, "")
            .expect("added");
        assert_eq!(
            team.add(" ana silva ", Role::Researcher, ""),
            Err(TeamError::NameTaken)
        );
        assert_eq!(
            team.rename(ana, "ANA SILVA"),
            Ok(()),
            "renaming oneself is fine"
        );
        assert_eq!(team.find_by_name("ana silva"), Some(ana));
        assert_eq!(team.find_by_name(""), None);
    }

    #[test]
    fn only_bu_heads_and_segment_managers_own_accounts_overall() {
        let overall: Vec<_> = Role::ALL.into_iter().filter(|r| r.owns_overall()).collect();
        assert_eq!(overall, vec![Role::BuHead, Role::SegmentManager]);
    }
}
