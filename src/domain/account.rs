//! The account register: the basic information sheet of KAM-SPEC §2.3.4, plus what the
//! method records per account (screening answers, scores, a tier override).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::engagement::team::ColleagueId;

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
    /// The overall owner (总负责人): a segment manager or the BU head, of our people
    /// (`Workspace::team`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall_owner: Option<ColleagueId>,
    /// The daily relationship owner (日常关系负责人): an account manager.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub daily_owner: Option<ColleagueId>,
    /// The pipeline, contacts and promotion plans, as their document; none until any is
    /// recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engagement: Option<super::engagement::EngagementDoc>,
    /// The account's group parent (集团客户): the unit its affiliated units buy through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<AccountId>,
    /// Contracts, payment record, referrals, the strategic flag, the development-value
    /// forecast and relationship assessments, as their document; none until any is kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub development: Option<super::development::DevelopmentDoc>,
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
    /// Whether `colleague` owns the account, overall or day to day.
    pub fn is_owned_by(&self, colleague: ColleagueId) -> bool {
        self.overall_owner == Some(colleague) || self.daily_owner == Some(colleague)
    }
}

impl Account {
    /// Drops the score of `criterion` if it has neither value nor note: it carries nothing.
    pub fn prune_empty_score(&mut self, criterion: CriterionId) {
        if self
            .scores
            .get(&criterion)
            .is_some_and(|s| s.value.is_none() && s.note.trim().is_empty())
        {
            self.scores.remove(&criterion);
        }
    }

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

/// A field of the basic information sheet (基本信息表), in the account page's order: what
/// a spreadsheet column can fill, what a merge compares, what a form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Number,
    Name,
    Industry,
    Segment,
    Ownership,
    SizeBand,
    CompanyType,
    Address,
    ContactPerson,
    Position,
    Phone,
    Email,
    Employees,
    MainProducts,
    MainPartners,
    Relationship,
}

impl Field {
    pub const ALL: [Field; 16] = [
        Field::Number,
        Field::Name,
        Field::Industry,
        Field::Segment,
        Field::Ownership,
        Field::SizeBand,
        Field::CompanyType,
        Field::Address,
        Field::ContactPerson,
        Field::Position,
        Field::Phone,
        Field::Email,
        Field::Employees,
        Field::MainProducts,
        Field::MainPartners,
        Field::Relationship,
    ];

    /// The field's text, for the free-text fields; `None` for choices and numbers.
    pub fn text(self, account: &Account) -> Option<&str> {
        let text = match self {
            Field::Number => &account.number,
            Field::Name => &account.name,
            Field::Industry => &account.industry,
            Field::Segment => &account.segment,
            Field::CompanyType => &account.company_type,
            Field::Address => &account.address,
            Field::ContactPerson => &account.contact_person,
            Field::Position => &account.position,
            Field::Phone => &account.phone,
            Field::Email => &account.email,
            Field::MainProducts => &account.main_products,
            Field::MainPartners => &account.main_partners,
            Field::Ownership | Field::SizeBand | Field::Employees | Field::Relationship => {
                return None
            }
        };
        Some(text)
    }

    /// The free-text field's text to change; `None` for choices and numbers.
    pub fn text_mut(self, account: &mut Account) -> Option<&mut String> {
        let text = match self {
            Field::Number => &mut account.number,
            Field::Name => &mut account.name,
            Field::Industry => &mut account.industry,
            Field::Segment => &mut account.segment,
            Field::CompanyType => &mut account.company_type,
            Field::Address => &mut account.address,
            Field::ContactPerson => &mut account.contact_person,
            Field::Position => &mut account.position,
            Field::Phone => &mut account.phone,
            Field::Email => &mut account.email,
            Field::MainProducts => &mut account.main_products,
            Field::MainPartners => &mut account.main_partners,
            Field::Ownership | Field::SizeBand | Field::Employees | Field::Relationship => {
                return None
            }
        };
        Some(text)
    }

    /// Whether two accounts hold different values here. Text differing only in leading
    /// or trailing spaces is the same.
    pub fn differs(self, a: &Account, b: &Account) -> bool {
        if let (Some(x), Some(y)) = (self.text(a), self.text(b)) {
            return x.trim() != y.trim();
        }
        match self {
            Field::Ownership => a.ownership != b.ownership,
            Field::SizeBand => a.size_band != b.size_band,
            Field::Employees => a.employees != b.employees,
            Field::Relationship => a.relationship != b.relationship,
            // Text fields were compared above.
            _ => false,
        }
    }

    /// Copies this field's value from `from` into `to`.
    pub fn copy(self, to: &mut Account, from: &Account) {
        if let (Some(target), Some(source)) = (self.text_mut(to), self.text(from)) {
            target.clear();
            target.push_str(source);
            return;
        }
        match self {
            Field::Ownership => to.ownership = from.ownership,
            Field::SizeBand => to.size_band = from.size_band,
            Field::Employees => to.employees = from.employees,
            Field::Relationship => to.relationship = from.relationship,
            _ => {}
        }
    }

    /// A stable name, for form controls and test hooks.
    pub fn slug(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Name => "name",
            Field::Industry => "industry",
            Field::Segment => "segment",
            Field::Ownership => "ownership",
            Field::SizeBand => "size_band",
            Field::CompanyType => "company_type",
            Field::Address => "address",
            Field::ContactPerson => "contact_person",
            Field::Position => "position",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Employees => "employees",
            Field::MainProducts => "main_products",
            Field::MainPartners => "main_partners",
            Field::Relationship => "relationship",
        }
    }
}

/// A number of employees as people write it: digits, with thousands separated by commas
/// (either width), spaces, non-breaking or thin spaces, or apostrophes; `None` if it is
/// not a whole number. The form and the import read it the same way.
pub fn parse_employees(text: &str) -> Option<u32> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | '\'' | '’') && !c.is_whitespace())
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Numbers and names compared as a person would: trimmed, spaces collapsed, any case.
/// Import and merge find the same account by it.
pub fn identity_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
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

    #[test]
    fn employee_counts_read_with_any_thousands_separator() {
        for text in [
            "12,500",
            "12，500",
            "12 500",
            "12\u{a0}500",
            "12\u{202f}500",
            "12'500",
            " 12500 ",
        ] {
            assert_eq!(parse_employees(text), Some(12_500), "{text:?}");
        }
        for text in ["", "12.5", "-3", "about 100", "1e3", "99999999999"] {
            assert_eq!(parse_employees(text), None, "{text:?}");
        }
    }

    #[test]
    fn identity_ignores_case_and_spacing() {
        assert_eq!(
            identity_key("  Alpha   Motors "),
            identity_key("alpha motors")
        );
        assert_ne!(identity_key("Alpha Motors"), identity_key("Alpha Motor"));
    }

    #[test]
    fn every_basic_field_copies_and_compares_its_own_value() {
        let from = Account {
            number: "N-1".into(),
            name: "Alpha".into(),
            industry: "Cars".into(),
            segment: "OEM".into(),
            ownership: Some(Ownership::Private),
            size_band: Some(SizeBand::Large),
            company_type: "Maker".into(),
            address: "Road 1".into(),
            contact_person: "Li".into(),
            position: "CIO".into(),
            phone: "123".into(),
            email: "a@b.cn".into(),
            employees: Some(7),
            main_products: "Trucks".into(),
            main_partners: "Beta".into(),
            relationship: Relationship::Customer,
            ..Account::default()
        };
        for field in Field::ALL {
            let mut to = Account::default();
            assert!(field.differs(&to, &from), "{field:?}");
            field.copy(&mut to, &from);
            assert!(!field.differs(&to, &from), "{field:?}");
            // Only this field was copied.
            let changed = Field::ALL
                .iter()
                .filter(|f| f.differs(&to, &Account::default()))
                .count();
            assert_eq!(changed, 1, "{field:?}");
        }
        let mut spaced = from.clone();
        spaced.name = " Alpha ".into();
        assert!(!Field::Name.differs(&spaced, &from));
    }

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
