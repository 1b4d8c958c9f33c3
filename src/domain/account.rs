//! The account register: the basic information sheet of KAM-SPEC §2.3.4, plus what the
//! method records per account (screening answers, scores, a tier override).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::CriterionId;
use super::pyramid::LevelOverride;
use super::scoring::Score;
use super::screening::Screening;
use super::tiering::TierOverride;

pub type AccountId = u64;

/// Stable names for enum values in form controls, URLs and test hooks: the same names
/// the saved data uses.
macro_rules! slugs {
    ($ty:ident { $($variant:ident => $slug:literal),* $(,)? }) => {
        impl $ty {
            pub fn slug(self) -> &'static str {
                match self { $($ty::$variant => $slug,)* }
            }
            pub fn from_slug(slug: &str) -> Option<Self> {
                match slug { $($slug => Some($ty::$variant),)* _ => None }
            }
        }
    };
}
pub(crate) use slugs;

/// Ownership structure (所有制).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ownership {
    StateOwned,
    JointVenture,
    Private,
    Foreign,
    Other,
}

impl Ownership {
    pub const ALL: [Ownership; 5] = [
        Ownership::StateOwned,
        Ownership::JointVenture,
        Ownership::Private,
        Ownership::Foreign,
        Ownership::Other,
    ];
}

/// Size band used when planning how many prospects to collect (KAM-SPEC §2.3.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeBand {
    Large,
    Medium,
    Small,
}

impl SizeBand {
    pub const ALL: [SizeBand; 3] = [SizeBand::Large, SizeBand::Medium, SizeBand::Small];
}

/// Whether the account already buys from us.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Customer,
    #[default]
    Prospect,
}

impl Relationship {
    pub const ALL: [Relationship; 2] = [Relationship::Customer, Relationship::Prospect];
}

/// One business customer or prospect.
///
/// Every field has a default so that data saved by an older version, or edited by hand,
/// loads with the missing parts empty instead of failing; empty fields are therefore
/// left out when saving, which keeps thousands of accounts within browser storage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Account {
    pub id: AccountId,
    /// Customer number (客户编号), the user's own reference.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub number: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub industry: String,
    /// Target segment (细分市场).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub segment: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership: Option<Ownership>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_band: Option<SizeBand>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub company_type: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact_person: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub position: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employees: Option<u32>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub main_products: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub main_partners: String,
    pub relationship: Relationship,
    #[serde(skip_serializing_if = "Screening::is_unanswered")]
    pub screening: Screening,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<CriterionId, Score>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_override: Option<TierOverride>,
    /// A manager's placement on the customer pyramid, replacing the default mapping.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_override: Option<LevelOverride>,
    /// The account plan, as its document; none until one is started (most accounts of
    /// a register have none, and an absent plan costs nothing in storage).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<super::plan::PlanDoc>,
    /// Milliseconds since the Unix epoch.
    pub created_at: i64,
    pub updated_at: i64,
}

/// Something wrong with an account's basic information.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountProblem {
    NameMissing,
    /// Another account already uses this customer number.
    DuplicateNumber {
        other: AccountId,
    },
    EmailInvalid,
}

impl Account {
    /// Problems with the basic sheet, checked against the rest of the register.
    /// Only a missing name blocks saving; the others are warnings.
    pub fn problems(&self, register: &[Account]) -> Vec<AccountProblem> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(AccountProblem::NameMissing);
        }
        let number = self.number.trim();
        if !number.is_empty() {
            if let Some(other) = register
                .iter()
                .find(|a| a.id != self.id && a.number.trim() == number)
            {
                problems.push(AccountProblem::DuplicateNumber { other: other.id });
            }
        }
        if !email_looks_valid(&self.email) {
            problems.push(AccountProblem::EmailInvalid);
        }
        problems
    }
}

/// An empty e-mail is fine; a filled one needs one `@` with text on both sides and a dot
/// in the domain. Deliberately loose: the aim is to catch typos, not to validate RFC 5322.
pub fn email_looks_valid(email: &str) -> bool {
    let email = email.trim();
    if email.is_empty() {
        return true;
    }
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

slugs!(Ownership {
    StateOwned => "state_owned",
    JointVenture => "joint_venture",
    Private => "private",
    Foreign => "foreign",
    Other => "other",
});
slugs!(SizeBand { Large => "large", Medium => "medium", Small => "small" });
slugs!(Relationship { Customer => "customer", Prospect => "prospect" });

#[cfg(test)]
mod tests {
    use super::*;

    fn named(id: AccountId, name: &str, number: &str) -> Account {
        Account {
            id,
            name: name.into(),
            number: number.into(),
            ..Account::default()
        }
    }

    #[test]
    fn account_name_is_required() {
        let a = named(1, "  ", "");
        assert_eq!(a.problems(&[]), vec![AccountProblem::NameMissing]);
        assert!(named(1, "上汽", "").problems(&[]).is_empty());
    }

    #[test]
    fn account_number_must_be_unique_in_register() {
        let register = vec![named(1, "A", "C-001"), named(2, "B", "C-002")];
        let mut b = register[1].clone();
        b.number = " C-001 ".into();
        assert_eq!(
            b.problems(&register),
            vec![AccountProblem::DuplicateNumber { other: 1 }]
        );
        // An account never clashes with itself.
        assert!(register[0].problems(&register).is_empty());
    }

    #[test]
    fn email_is_checked_loosely_and_may_be_empty() {
        for ok in ["", "li@example.cn", "a.b@mail.example.com"] {
            assert!(email_looks_valid(ok), "{ok}");
        }
        for bad in [
            "li",
            "li@",
            "@x.cn",
            "li@x",
            "li@@x.cn",
            "li wei@x.cn",
            "li@x.",
        ] {
            assert!(!email_looks_valid(bad), "{bad}");
        }
    }

    #[test]
    fn slugs_match_the_saved_names() {
        for o in Ownership::ALL {
            assert_eq!(Ownership::from_slug(o.slug()), Some(o));
            assert_eq!(
                serde_json::to_value(o).ok(),
                Some(serde_json::Value::from(o.slug()))
            );
        }
        for s in SizeBand::ALL {
            assert_eq!(SizeBand::from_slug(s.slug()), Some(s));
        }
        for r in Relationship::ALL {
            assert_eq!(
                serde_json::to_value(r).ok(),
                Some(serde_json::Value::from(r.slug()))
            );
        }
        assert_eq!(Ownership::from_slug("bogus"), None);
    }

    #[test]
    fn account_loads_with_missing_fields_defaulted() {
        let a: Account = serde_json::from_str(r#"{"id":7,"name":"X"}"#).expect("loads");
        assert_eq!(a.id, 7);
        assert_eq!(a.relationship, Relationship::Prospect);
        assert!(a.scores.is_empty());
    }
}
