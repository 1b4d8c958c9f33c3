//! Development of key accounts (KAM-SPEC §3, §5, §6): what an account has contracted,
//! how it pays, whom it referred, whether it was flagged as strategic, the forecast that
//! decides whether it is worth developing, and the dated assessments of the relationship.
//! The rules on them live in the modules: `categories` (the overlapping key-account
//! categories and group links), `forecast` (development value), `relationship` (the
//! four-stage level, relationship state and the strategy of each class) and `list_plan`
//! (the preliminary list of prospects to collect per segment and size band).
//!
//! An account's group link (its parent account) is kept on the account, not here: the
//! group rules take the links as plain inputs.

pub mod categories;
pub mod forecast;
pub mod list_plan;
pub mod relationship;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::account::{slugs, AccountId};
use super::doc::{Document, JsonDoc};
use super::plan::facts::Amount;
use forecast::Forecast;
use relationship::{RelationshipAssessment, RelationshipState};

/// Ids of contracts, referrals and assessments: one counter per account, never reused.
pub type DevelopmentId = u32;

/// One signed contract.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contract {
    #[serde(default)]
    pub id: DevelopmentId,
    pub date: NaiveDate,
    /// How much was contracted, in units (台, 套…; the unit is named in the settings).
    #[serde(default)]
    pub volume: Amount,
    /// The contract's value, in the workspace's amount unit.
    #[serde(default)]
    pub value: Amount,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContractProblem {
    NegativeVolume,
    NegativeValue,
}

impl Contract {
    pub fn problems(&self) -> Vec<ContractProblem> {
        let mut problems = Vec::new();
        if self.volume.0 < 0 {
            problems.push(ContractProblem::NegativeVolume);
        }
        if self.value.0 < 0 {
            problems.push(ContractProblem::NegativeValue);
        }
        problems
    }
}

/// How the account pays (回款记录).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentRecord {
    /// Pays on time.
    Good,
    /// Pays, but late.
    Late,
    /// Payments missed or disputed.
    Bad,
}

impl PaymentRecord {
    pub const ALL: [PaymentRecord; 3] =
        [PaymentRecord::Good, PaymentRecord::Late, PaymentRecord::Bad];
}

slugs!(PaymentRecord {
    Good => "good",
    Late => "late",
    Bad => "bad",
});

/// A customer this account referred to us.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Referral {
    pub id: DevelopmentId,
    /// The referred customer's name, as the user knows it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The referred customer's account in this workspace, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<AccountId>,
    /// Whether the referred customer signed with us.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub signed: bool,
    /// When it signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferralProblem {
    /// Neither a name nor an account says who was referred.
    WhoMissing,
    /// A signing date on a referral that has not signed.
    DateWithoutSigning,
}

impl Referral {
    pub fn problems(&self) -> Vec<ReferralProblem> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() && self.account.is_none() {
            problems.push(ReferralProblem::WhoMissing);
        }
        if !self.signed && self.date.is_some() {
            problems.push(ReferralProblem::DateWithoutSigning);
        }
        problems
    }
}

/// The user's judgement that an account is strategic (战略客户): it sets an example in
/// its industry, competitors contest it, or its potential is high. No figure decides
/// this, so the flag always carries the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategicFlag {
    reason: String,
    at: NaiveDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StrategicFlagError {
    #[error("a strategic account needs a reason")]
    ReasonMissing,
}

impl StrategicFlag {
    /// A flag set on `at` for `reason` (trimmed), which must not be blank.
    pub fn new(reason: &str, at: NaiveDate) -> Result<Self, StrategicFlagError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StrategicFlagError::ReasonMissing);
        }
        Ok(StrategicFlag {
            reason: reason.to_owned(),
            at,
        })
    }

    pub fn reason(&self) -> &str {
        &self.reason
    }

    pub fn at(&self) -> NaiveDate {
        self.at
    }

    /// Whether the flag still has its reason: one edited by hand to a blank reason does
    /// not make the account strategic.
    pub fn has_reason(&self) -> bool {
        !self.reason.trim().is_empty()
    }
}

/// What an account keeps of its development, as a document (`domain::doc`): read by the
/// pages that show it, never by the first screen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountDevelopment {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contracts: Vec<Contract>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment: Option<PaymentRecord>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub referrals: Vec<Referral>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strategic: Option<StrategicFlag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Forecast>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<RelationshipAssessment>,
    /// The relationship state the user chose (`relationship::suggested_state` offers one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship_state: Option<RelationshipState>,
    /// The next id for a contract, referral or assessment: ids are never reused.
    #[serde(skip_serializing_if = "is_zero")]
    pub next_id: DevelopmentId,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Document for AccountDevelopment {
    fn is_empty(&self) -> bool {
        *self == AccountDevelopment::default()
    }
}

impl AccountDevelopment {
    /// A fresh id, above every id in use.
    pub fn take_id(&mut self) -> DevelopmentId {
        let used = self
            .contracts
            .iter()
            .map(|c| c.id)
            .chain(self.referrals.iter().map(|r| r.id))
            .chain(self.assessments.iter().map(|a| a.id));
        super::fresh_id(&mut self.next_id, used)
    }

    /// Adds a contract under a fresh id and returns the id.
    pub fn add_contract(&mut self, mut contract: Contract) -> DevelopmentId {
        contract.id = self.take_id();
        let id = contract.id;
        self.contracts.push(contract);
        id
    }

    /// Adds a referral under a fresh id and returns the id.
    pub fn add_referral(&mut self, mut referral: Referral) -> DevelopmentId {
        referral.id = self.take_id();
        let id = referral.id;
        self.referrals.push(referral);
        id
    }

    /// Adds an assessment under a fresh id and returns the id.
    pub fn add_assessment(&mut self, mut assessment: RelationshipAssessment) -> DevelopmentId {
        assessment.id = self.take_id();
        let id = assessment.id;
        self.assessments.push(assessment);
        id
    }

    /// All contracted volume, added up (saturating: no register holds that much).
    pub fn cumulative_volume(&self) -> Amount {
        Amount(
            self.contracts
                .iter()
                .fold(0i64, |sum, c| sum.saturating_add(c.volume.0)),
        )
    }

    /// The contract of the largest value; of equal ones the latest, the freshest
    /// evidence.
    pub fn largest_contract(&self) -> Option<&Contract> {
        self.contracts.iter().max_by_key(|c| (c.value, c.date))
    }
}

pub type DevelopmentDoc = JsonDoc<AccountDevelopment>;

#[cfg(test)]
pub(crate) mod test_data {
    use super::{Contract, DevelopmentId};
    use crate::domain::plan::facts::Amount;

    pub use crate::domain::engagement::test_clock::day;

    /// A contract of `volume` units and `value`, both in whole units.
    pub fn contract(id: DevelopmentId, on: &str, volume: i64, value: i64) -> Contract {
        Contract {
            id,
            date: day(on),
            volume: Amount(volume * 100),
            value: Amount(value * 100),
            note: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_data::{contract, day};
    use super::*;
    use crate::domain::development::forecast::Forecast;
    use crate::domain::development::relationship::RelationshipAssessment;

    #[test]
    fn an_account_without_development_stores_no_document() {
        assert_eq!(
            DevelopmentDoc::write(&AccountDevelopment::default()),
            Ok(None)
        );
        let mut d = AccountDevelopment {
            payment: Some(PaymentRecord::Good),
            ..AccountDevelopment::default()
        };
        let doc = DevelopmentDoc::write(&d)
            .expect("writes")
            .expect("not empty");
        assert_eq!(doc.text(), r#"{"payment":"good"}"#);
        assert_eq!(doc.read(), Ok(d.clone()));
        d.payment = None;
        assert_eq!(DevelopmentDoc::write(&d), Ok(None));
        assert_eq!(
            DevelopmentDoc::read_or_empty(None),
            Ok(AccountDevelopment::default())
        );
    }

    #[test]
    fn a_development_record_reads_back_as_written() {
        let mut d = AccountDevelopment {
            payment: Some(PaymentRecord::Late),
            strategic: Some(
                StrategicFlag::new("  Sets the example for the province ", day("2026-01-05"))
                    .expect("a reason"),
            ),
            forecast: Some(Forecast {
                expected_sales: Amount(50_000_000),
                expected_profit: Amount(8_000_000),
                risk_percent: 30,
                travel_cost: Amount(120_000),
                ..Forecast::default()
            }),
            relationship_state: Some(RelationshipState::Developing),
            ..AccountDevelopment::default()
        };
        d.add_contract(Contract {
            note: "Fleet, phase 1".into(),
            ..contract(0, "2025-06-30", 1_200, 3_600_000)
        });
        d.add_referral(Referral {
            name: "Hangzhou Bus Group".into(),
            account: Some(17),
            signed: true,
            date: Some(day("2025-11-02")),
            ..Referral::default()
        });
        d.add_assessment(
            RelationshipAssessment::new(day("2026-02-01"), [3, 4, 2, 3], day("2026-03-02"))
                .expect("valid"),
        );
        let doc = DevelopmentDoc::write(&d)
            .expect("writes")
            .expect("not empty");
        assert_eq!(doc.read(), Ok(d.clone()));
        assert!(doc
            .text()
            .contains(r#""reason":"Sets the example for the province""#));
        assert!(doc.text().contains(r#""next_id":4"#));
        // A document written by a later version with fields this one lacks still reads.
        let later: DevelopmentDoc =
            serde_json::from_str(r#"{"payment":"bad","visits":[1,2]}"#).expect("json");
        assert_eq!(
            later.read().map(|d| d.payment),
            Ok(Some(PaymentRecord::Bad))
        );
    }

    #[test]
    fn a_contract_needs_its_date_and_nothing_else() {
        let doc: DevelopmentDoc =
            serde_json::from_str(r#"{"contracts":[{"date":"2025-01-02"}]}"#).expect("json");
        let d = doc.read().expect("reads");
        assert_eq!(d.contracts[0].volume, Amount(0));
        let undated: DevelopmentDoc =
            serde_json::from_str(r#"{"contracts":[{"volume":100}]}"#).expect("json");
        assert!(undated.read().is_err());
    }

    #[test]
    fn contract_referral_and_assessment_ids_are_never_reused() {
        let mut d = AccountDevelopment::default();
        assert_eq!(d.add_contract(contract(0, "2025-01-01", 1, 1)), 1);
        assert_eq!(d.add_referral(Referral::default()), 2);
        d.contracts.clear();
        d.referrals.clear();
        assert_eq!(d.add_contract(contract(0, "2025-01-01", 1, 1)), 3);
        // An id already in use (data from a colleague) is never handed out again.
        d.contracts.push(contract(40, "2025-01-01", 1, 1));
        assert_eq!(d.take_id(), 41);
    }

    #[test]
    fn a_strategic_flag_needs_a_reason() {
        assert_eq!(
            StrategicFlag::new("  \n", day("2026-01-05")),
            Err(StrategicFlagError::ReasonMissing)
        );
        let flag =
            StrategicFlag::new(" Contested by two rivals ", day("2026-01-05")).expect("a reason");
        assert_eq!(flag.reason(), "Contested by two rivals");
        assert_eq!(flag.at(), day("2026-01-05"));
        assert!(flag.has_reason());
        let blank: StrategicFlag =
            serde_json::from_str(r#"{"reason":" ","at":"2026-01-05"}"#).expect("json");
        assert!(!blank.has_reason());
    }

    #[test]
    fn cumulative_volume_adds_every_contract_and_the_largest_is_the_latest_of_equals() {
        let mut d = AccountDevelopment::default();
        assert_eq!(d.cumulative_volume(), Amount(0));
        assert_eq!(d.largest_contract(), None);
        d.contracts = vec![
            contract(1, "2025-01-01", 2_000, 500),
            contract(2, "2025-03-01", 1_500, 900),
            contract(3, "2025-02-01", 1_000, 900),
        ];
        assert_eq!(d.cumulative_volume(), Amount(450_000));
        assert_eq!(d.largest_contract().map(|c| c.id), Some(2));
        d.contracts.push(Contract {
            volume: Amount(i64::MAX),
            ..contract(4, "2025-04-01", 0, 0)
        });
        assert_eq!(d.cumulative_volume(), Amount(i64::MAX));
    }

    #[test]
    fn contracts_and_referrals_say_what_is_wrong() {
        assert_eq!(contract(1, "2025-01-01", 10, 10).problems(), vec![]);
        assert_eq!(
            contract(1, "2025-01-01", -1, -1).problems(),
            vec![
                ContractProblem::NegativeVolume,
                ContractProblem::NegativeValue
            ]
        );
        assert_eq!(
            Referral {
                date: Some(day("2025-01-01")),
                ..Referral::default()
            }
            .problems(),
            vec![
                ReferralProblem::WhoMissing,
                ReferralProblem::DateWithoutSigning
            ]
        );
        assert_eq!(
            Referral {
                account: Some(3),
                ..Referral::default()
            }
            .problems(),
            vec![]
        );
    }

    #[test]
    fn payment_record_slugs_read_back() {
        for p in PaymentRecord::ALL {
            assert_eq!(PaymentRecord::from_slug(p.slug()), Some(p));
        }
        assert_eq!(PaymentRecord::from_slug("prompt"), None);
    }
}

/// The relationship level an account was last assessed at; none when it was never
/// assessed or its record cannot be read.
pub fn relationship_of(
    account: &crate::domain::Account,
) -> Option<crate::domain::plan::RelationshipLevel> {
    let development = account.development.as_ref()?.read().ok()?;
    relationship::current_level(&development.assessments)
}
