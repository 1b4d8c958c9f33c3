//! Key-account categories (KAM-SPEC §6, document 002), which can overlap: quality
//! (优质客户), high value (高值客户), group (集团客户), strategic (战略客户) and potential
//! (潜在大客户). Each comes with the reason it holds, so the page can say why. The
//! thresholds are the workspace's settings. Also the group links between accounts: who
//! belongs to whose group, what the group bought together, and the rule that a link never
//! makes a loop.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AccountDevelopment, PaymentRecord};
use crate::domain::account::{slugs, AccountId};
use crate::domain::doc::{Document, JsonDoc};
use crate::domain::plan::facts::Amount;

/// The rules' thresholds, for the whole workspace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CategorySettings {
    /// Cumulative contracted volume from which an account is a quality customer, in
    /// units (document 002: 5,000).
    pub quality_volume: Amount,
    /// The value of one contract from which an account is of high value.
    pub high_value: Amount,
    /// The name of the volume unit (台, 套…); empty is plain "units".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub volume_unit: String,
    /// How far below a threshold, in percent, an account is potential.
    pub potential_percent: u32,
}

impl Default for CategorySettings {
    fn default() -> Self {
        Self {
            quality_volume: Amount(500_000),
            high_value: Amount(100_000_000),
            volume_unit: String::new(),
            potential_percent: 20,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsProblem {
    QualityVolumeNotPositive,
    HighValueNotPositive,
    /// The potential band is 1–100% below a threshold.
    PotentialPercentOutOfRange,
}

impl CategorySettings {
    pub fn is_default(&self) -> bool {
        *self == CategorySettings::default()
    }

    pub fn problems(&self) -> Vec<SettingsProblem> {
        let mut problems = Vec::new();
        if self.quality_volume.0 <= 0 {
            problems.push(SettingsProblem::QualityVolumeNotPositive);
        }
        if self.high_value.0 <= 0 {
            problems.push(SettingsProblem::HighValueNotPositive);
        }
        if !(1..=100).contains(&self.potential_percent) {
            problems.push(SettingsProblem::PotentialPercentOutOfRange);
        }
        problems
    }

    /// Whether `figure` lies in the potential band below `threshold`: at or above
    /// threshold × (100 − percent) / 100 and below the threshold. Compared as
    /// figure × 100 against threshold × (100 − percent), so no rounding enters.
    fn near(&self, figure: Amount, threshold: Amount) -> bool {
        let percent = i128::from(self.potential_percent.min(100));
        figure < threshold
            && i128::from(figure.0) * 100 >= i128::from(threshold.0) * (100 - percent)
    }
}

impl Document for CategorySettings {
    fn is_empty(&self) -> bool {
        self.is_default()
    }
}

pub type CategorySettingsDoc = JsonDoc<CategorySettings>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// 优质客户
    Quality,
    /// 高值客户
    HighValue,
    /// 集团客户
    Group,
    /// 战略客户
    Strategic,
    /// 潜在大客户
    Potential,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Quality,
        Category::HighValue,
        Category::Group,
        Category::Strategic,
        Category::Potential,
    ];
}

slugs!(Category {
    Quality => "quality",
    HighValue => "high_value",
    Group => "group",
    Strategic => "strategic",
    Potential => "potential",
});

/// Why an account is in a category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Quality: cumulative volume at or above the threshold, payment good.
    CumulativeVolume { volume: Amount, threshold: Amount },
    /// Quality: a customer it referred signed with us.
    ReferralSigned {
        name: String,
        account: Option<AccountId>,
    },
    /// High value: its largest contract is at or above the threshold, payment good.
    ContractValue {
        value: Amount,
        threshold: Amount,
        date: NaiveDate,
    },
    /// Group: it is the parent of other accounts.
    GroupParent { members: usize },
    /// Group: it belongs to another account's group.
    GroupMember { parent: AccountId },
    /// Strategic: flagged by the user, for this reason.
    Flagged { reason: String, at: NaiveDate },
    /// Potential: cumulative volume within `percent` below the quality threshold.
    NearVolume {
        volume: Amount,
        threshold: Amount,
        percent: u32,
    },
    /// Potential: its largest contract within `percent` below the high-value threshold.
    NearValue {
        value: Amount,
        threshold: Amount,
        percent: u32,
        date: NaiveDate,
    },
    /// Potential: the figure already reaches the threshold of `category` (quality or
    /// high value), but the payment record is not yet good (none yet, or late).
    AwaitingGoodPayment {
        category: Category,
        figure: Amount,
        threshold: Amount,
        payment: Option<PaymentRecord>,
    },
}

/// An account's place in the groups of the workspace.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GroupFacts {
    /// The account whose group it belongs to.
    pub parent: Option<AccountId>,
    /// How many accounts name it as their parent.
    pub members: usize,
}

/// The categories an account is in, each with why, in the order of [`Category::ALL`].
/// A category that holds for several reasons appears once per reason, one after the
/// other (every signed referral, say), so the page can list them all.
///
/// - Quality: cumulative contracted volume at or above the threshold with a good
///   payment record; or any referred customer who signed. The referral counts without a
///   payment record: bringing us a customer is worth having whatever the account's own
///   payments, and document 002 names the two as alternatives.
/// - High value: the largest single contract at or above the threshold, payment good.
/// - Group: the account has a parent or members (`group`).
/// - Strategic: flagged by the user with a reason.
/// - Potential, toward quality or high value, for an account not already in that
///   category, whose payment record is not bad: its figure is within the settings'
///   percentage below the threshold; or it reaches the threshold but the payment record
///   is not yet good (none or late).
///
/// Every threshold counts from the threshold itself: at the threshold is in.
pub fn categories(
    dev: &AccountDevelopment,
    group: GroupFacts,
    settings: &CategorySettings,
) -> Vec<(Category, Reason)> {
    let mut found = Vec::new();
    let good_payment = dev.payment == Some(PaymentRecord::Good);
    let volume = dev.cumulative_volume();
    let largest = dev.largest_contract();
    // An account without contracts has no volume to speak of, even with a threshold of
    // zero or less (settings with problems).
    let volume_reached = !dev.contracts.is_empty() && volume >= settings.quality_volume;
    let value_reached = largest.filter(|c| c.value >= settings.high_value);

    if volume_reached && good_payment {
        found.push((
            Category::Quality,
            Reason::CumulativeVolume {
                volume,
                threshold: settings.quality_volume,
            },
        ));
    }
    for referral in dev.referrals.iter().filter(|r| r.signed) {
        found.push((
            Category::Quality,
            Reason::ReferralSigned {
                name: referral.name.trim().to_owned(),
                account: referral.account,
            },
        ));
    }
    let quality = found.iter().any(|(c, _)| *c == Category::Quality);

    let high_value = match value_reached {
        Some(contract) if good_payment => {
            found.push((
                Category::HighValue,
                Reason::ContractValue {
                    value: contract.value,
                    threshold: settings.high_value,
                    date: contract.date,
                },
            ));
            true
        }
        _ => false,
    };

    if group.members > 0 {
        found.push((
            Category::Group,
            Reason::GroupParent {
                members: group.members,
            },
        ));
    }
    if let Some(parent) = group.parent {
        found.push((Category::Group, Reason::GroupMember { parent }));
    }

    if let Some(flag) = dev.strategic.as_ref().filter(|f| f.has_reason()) {
        found.push((
            Category::Strategic,
            Reason::Flagged {
                reason: flag.reason().to_owned(),
                at: flag.at(),
            },
        ));
    }

    if dev.payment != Some(PaymentRecord::Bad) {
        let percent = settings.potential_percent;
        if !quality {
            if volume_reached {
                found.push((
                    Category::Potential,
                    Reason::AwaitingGoodPayment {
                        category: Category::Quality,
                        figure: volume,
                        threshold: settings.quality_volume,
                        payment: dev.payment,
                    },
                ));
            } else if !dev.contracts.is_empty() && settings.near(volume, settings.quality_volume) {
                found.push((
                    Category::Potential,
                    Reason::NearVolume {
                        volume,
                        threshold: settings.quality_volume,
                        percent,
                    },
                ));
            }
        }
        if !high_value {
            match (value_reached, largest) {
                (Some(contract), _) => found.push((
                    Category::Potential,
                    Reason::AwaitingGoodPayment {
                        category: Category::HighValue,
                        figure: contract.value,
                        threshold: settings.high_value,
                        payment: dev.payment,
                    },
                )),
                (None, Some(contract)) if settings.near(contract.value, settings.high_value) => {
                    found.push((
                        Category::Potential,
                        Reason::NearValue {
                            value: contract.value,
                            threshold: settings.high_value,
                            percent,
                            date: contract.date,
                        },
                    ))
                }
                _ => {}
            }
        }
    }
    found
}

/// The account's place in the groups, from every account's link to its parent: its
/// own parent, and how many accounts name it as theirs. For one account; for a whole
/// register use [`group_facts`].
pub fn group_of(
    account: AccountId,
    links: impl IntoIterator<Item = (AccountId, Option<AccountId>)>,
) -> GroupFacts {
    let mut facts = GroupFacts::default();
    for (child, parent) in links {
        if child == account {
            facts.parent = parent.filter(|p| *p != account);
        } else if parent == Some(account) {
            facts.members += 1;
        }
    }
    facts
}

/// [`group_of`] for every account that has a parent or members, in one pass; an
/// account missing from the map is in no group.
pub fn group_facts(
    links: impl IntoIterator<Item = (AccountId, Option<AccountId>)>,
) -> HashMap<AccountId, GroupFacts> {
    let mut facts: HashMap<AccountId, GroupFacts> = HashMap::new();
    for (child, parent) in links {
        // A link to itself (edited by hand) makes no group.
        if let Some(parent) = parent.filter(|p| *p != child) {
            facts.entry(child).or_default().parent = Some(parent);
            facts.entry(parent).or_default().members += 1;
        }
    }
    facts
}

/// What a group bought, added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GroupTotals {
    /// Accounts of the group other than the parent.
    pub members: usize,
    pub contracts: usize,
    pub volume: Amount,
    pub value: Amount,
}

/// The totals of the group of `parent`: every account given, the parent included when
/// it is given (affiliated units buy through one unit, so its own contracts are the
/// group's too). An account given twice is counted once.
pub fn group_totals<'a>(
    parent: AccountId,
    accounts: impl Iterator<Item = (AccountId, &'a AccountDevelopment)>,
) -> GroupTotals {
    let mut seen = HashSet::new();
    let mut totals = GroupTotals::default();
    for (id, dev) in accounts {
        if !seen.insert(id) {
            continue;
        }
        if id != parent {
            totals.members += 1;
        }
        for contract in &dev.contracts {
            totals.contracts += 1;
            totals.volume = Amount(totals.volume.0.saturating_add(contract.volume.0));
            totals.value = Amount(totals.value.0.saturating_add(contract.value.0));
        }
    }
    totals
}

/// Why an account cannot be linked to a parent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// An account cannot be its own parent.
    SelfParent,
    /// The proposed parent already belongs, directly or further up, to the account's
    /// own group: the link would make a loop with no top unit.
    Loop,
}

/// Whether linking `child` to `proposed_parent` would be wrong, given each account's
/// current parent. Walks up from the proposed parent; a loop already in the data
/// (edited by hand) that does not pass through `child` stops the walk without blaming
/// this link.
pub fn link_problem(
    child: AccountId,
    proposed_parent: AccountId,
    parent_of: impl Fn(AccountId) -> Option<AccountId>,
) -> Option<LinkProblem> {
    if child == proposed_parent {
        return Some(LinkProblem::SelfParent);
    }
    let mut seen = HashSet::from([proposed_parent]);
    let mut current = proposed_parent;
    while let Some(up) = parent_of(current) {
        if up == child {
            return Some(LinkProblem::Loop);
        }
        if !seen.insert(up) {
            return None;
        }
        current = up;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::development::test_data::{contract, day};
    use crate::domain::development::{Referral, StrategicFlag};

    const NO_GROUP: GroupFacts = GroupFacts {
        parent: None,
        members: 0,
    };

    /// An account with contracts of (volume, value) in whole units and a payment record.
    fn dev(contracts: &[(i64, i64)], payment: Option<PaymentRecord>) -> AccountDevelopment {
        AccountDevelopment {
            contracts: contracts
                .iter()
                .enumerate()
                .map(|(i, &(volume, value))| {
                    let id = u32::try_from(i + 1).expect("few contracts");
                    contract(id, &format!("2025-0{id}-01"), volume, value)
                })
                .collect(),
            payment,
            ..AccountDevelopment::default()
        }
    }

    fn of(dev: &AccountDevelopment) -> Vec<(Category, Reason)> {
        categories(dev, NO_GROUP, &CategorySettings::default())
    }

    fn cats(dev: &AccountDevelopment) -> Vec<Category> {
        of(dev).into_iter().map(|(c, _)| c).collect()
    }

    const GOOD: Option<PaymentRecord> = Some(PaymentRecord::Good);
    const LATE: Option<PaymentRecord> = Some(PaymentRecord::Late);
    const BAD: Option<PaymentRecord> = Some(PaymentRecord::Bad);

    #[test]
    fn quality_needs_the_cumulative_volume_from_the_threshold_and_good_payment() {
        let at = dev(&[(3_000, 10), (2_000, 10)], GOOD);
        assert_eq!(
            of(&at),
            vec![(
                Category::Quality,
                Reason::CumulativeVolume {
                    volume: Amount(500_000),
                    threshold: Amount(500_000)
                }
            )]
        );
        // One hundredth of a unit below is not quality (but potential).
        let mut below = at.clone();
        below.contracts[1].volume = Amount(199_999);
        assert_eq!(cats(&below), vec![Category::Potential]);
    }

    #[test]
    fn a_signed_referral_makes_a_quality_customer_whatever_its_payments() {
        let mut d = dev(&[], BAD);
        d.referrals = vec![
            Referral {
                id: 1,
                name: " Ningbo Transit ".into(),
                signed: true,
                ..Referral::default()
            },
            Referral {
                id: 2,
                name: "Still talking".into(),
                ..Referral::default()
            },
            Referral {
                id: 3,
                account: Some(9),
                signed: true,
                ..Referral::default()
            },
        ];
        assert_eq!(
            of(&d),
            vec![
                (
                    Category::Quality,
                    Reason::ReferralSigned {
                        name: "Ningbo Transit".into(),
                        account: None
                    }
                ),
                (
                    Category::Quality,
                    Reason::ReferralSigned {
                        name: String::new(),
                        account: Some(9)
                    }
                ),
            ]
        );
        d.referrals.retain(|r| !r.signed);
        assert_eq!(of(&d), vec![]);
    }

    #[test]
    fn high_value_needs_one_contract_from_the_threshold_and_good_payment() {
        let at = dev(&[(1, 400_000), (1, 1_000_000), (1, 600_000)], GOOD);
        assert_eq!(
            of(&at),
            vec![(
                Category::HighValue,
                Reason::ContractValue {
                    value: Amount(100_000_000),
                    threshold: Amount(100_000_000),
                    date: day("2025-02-01")
                }
            )]
        );
        // Contracts are not added up for high value: 2 × 600,000 is not one contract.
        let split = dev(&[(1, 600_000), (1, 600_000)], GOOD);
        assert!(!cats(&split).contains(&Category::HighValue));
        let mut below = at.clone();
        below.contracts[1].value = Amount(99_999_999);
        assert_eq!(cats(&below), vec![Category::Potential]);
    }

    #[test]
    fn late_or_missing_payment_leaves_a_threshold_account_potential_awaiting_good_payment() {
        for payment in [LATE, None] {
            let d = dev(&[(6_000, 2_000_000)], payment);
            assert_eq!(
                of(&d),
                vec![
                    (
                        Category::Potential,
                        Reason::AwaitingGoodPayment {
                            category: Category::Quality,
                            figure: Amount(600_000),
                            threshold: Amount(500_000),
                            payment
                        }
                    ),
                    (
                        Category::Potential,
                        Reason::AwaitingGoodPayment {
                            category: Category::HighValue,
                            figure: Amount(200_000_000),
                            threshold: Amount(100_000_000),
                            payment
                        }
                    ),
                ]
            );
        }
    }

    #[test]
    fn bad_payment_makes_no_quality_high_value_or_potential_customer() {
        for figures in [(6_000, 2_000_000), (4_500, 900_000)] {
            assert_eq!(of(&dev(&[figures], BAD)), vec![]);
        }
    }

    #[test]
    fn potential_starts_exactly_the_set_percentage_below_a_threshold() {
        // 20% below 5,000 units is 4,000; 20% below 1,000,000 is 800,000.
        let at_floor = dev(&[(4_000, 800_000)], GOOD);
        assert_eq!(
            of(&at_floor),
            vec![
                (
                    Category::Potential,
                    Reason::NearVolume {
                        volume: Amount(400_000),
                        threshold: Amount(500_000),
                        percent: 20
                    }
                ),
                (
                    Category::Potential,
                    Reason::NearValue {
                        value: Amount(80_000_000),
                        threshold: Amount(100_000_000),
                        percent: 20,
                        date: day("2025-01-01")
                    }
                ),
            ]
        );
        let mut under = at_floor.clone();
        under.contracts[0].volume = Amount(399_999);
        under.contracts[0].value = Amount(79_999_999);
        assert_eq!(of(&under), vec![]);
        // Late payment does not stop an account from being potential.
        let late = dev(&[(4_000, 1)], LATE);
        assert_eq!(cats(&late), vec![Category::Potential]);
    }

    #[test]
    fn the_potential_band_follows_the_settings_without_rounding() {
        let settings = CategorySettings {
            quality_volume: Amount(333),
            potential_percent: 10,
            ..CategorySettings::default()
        };
        // 90% of 3.33 is 2.997: 3.00 is in, 2.99 is not.
        let near = |hundredths: i64| {
            let mut d = dev(&[(0, 0)], GOOD);
            d.contracts[0].volume = Amount(hundredths);
            categories(&d, NO_GROUP, &settings)
                .iter()
                .any(|(c, _)| *c == Category::Potential)
        };
        assert!(near(300));
        assert!(!near(299));
        assert!(near(332));
        // At the threshold it is quality, not potential.
        assert!(!near(333));
        // 100% makes every account with contracts below the threshold potential.
        let all = CategorySettings {
            potential_percent: 100,
            ..CategorySettings::default()
        };
        let tiny = dev(&[(0, 0)], GOOD);
        assert_eq!(
            categories(&tiny, NO_GROUP, &all).len(),
            2,
            "near volume and near value"
        );
    }

    #[test]
    fn potential_toward_a_category_only_while_not_in_it() {
        // Quality by referral, volume near: no potential toward quality.
        let mut d = dev(&[(4_500, 10)], GOOD);
        d.referrals.push(Referral {
            id: 9,
            name: "Referred".into(),
            signed: true,
            ..Referral::default()
        });
        assert_eq!(cats(&d), vec![Category::Quality]);
        // Quality by volume, value near the high-value line: potential toward high value.
        let q = dev(&[(5_000, 900_000)], GOOD);
        assert_eq!(cats(&q), vec![Category::Quality, Category::Potential]);
        assert!(matches!(of(&q)[1].1, Reason::NearValue { .. }));
    }

    #[test]
    fn an_account_without_contracts_is_in_no_figure_based_category() {
        assert_eq!(of(&dev(&[], GOOD)), vec![]);
        assert_eq!(of(&AccountDevelopment::default()), vec![]);
        // Even under settings with problems.
        let broken = CategorySettings {
            quality_volume: Amount(0),
            high_value: Amount(-5),
            potential_percent: 0,
            ..CategorySettings::default()
        };
        assert_eq!(categories(&dev(&[], GOOD), NO_GROUP, &broken), vec![]);
    }

    #[test]
    fn group_is_having_a_parent_or_members() {
        let d = AccountDevelopment::default();
        let settings = CategorySettings::default();
        assert_eq!(
            categories(
                &d,
                GroupFacts {
                    parent: None,
                    members: 3
                },
                &settings
            ),
            vec![(Category::Group, Reason::GroupParent { members: 3 })]
        );
        assert_eq!(
            categories(
                &d,
                GroupFacts {
                    parent: Some(4),
                    members: 1
                },
                &settings
            ),
            vec![
                (Category::Group, Reason::GroupParent { members: 1 }),
                (Category::Group, Reason::GroupMember { parent: 4 }),
            ]
        );
    }

    #[test]
    fn strategic_is_a_flag_with_its_reason() {
        let mut d = AccountDevelopment {
            strategic: Some(
                StrategicFlag::new("Industry showcase", day("2026-01-05")).expect("reason"),
            ),
            ..AccountDevelopment::default()
        };
        assert_eq!(
            of(&d),
            vec![(
                Category::Strategic,
                Reason::Flagged {
                    reason: "Industry showcase".into(),
                    at: day("2026-01-05")
                }
            )]
        );
        d.strategic =
            Some(serde_json::from_str(r#"{"reason":"","at":"2026-01-05"}"#).expect("json"));
        assert_eq!(of(&d), vec![]);
    }

    #[test]
    fn categories_overlap_and_come_in_their_order() {
        let mut d = dev(&[(3_000, 1_200_000), (2_500, 100)], GOOD);
        d.strategic = Some(StrategicFlag::new("Contested", day("2026-01-05")).expect("reason"));
        let found: Vec<Category> = categories(
            &d,
            GroupFacts {
                parent: Some(2),
                members: 0,
            },
            &CategorySettings::default(),
        )
        .into_iter()
        .map(|(c, _)| c)
        .collect();
        assert_eq!(
            found,
            vec![
                Category::Quality,
                Category::HighValue,
                Category::Group,
                Category::Strategic
            ]
        );
    }

    #[test]
    fn category_settings_say_what_is_wrong() {
        assert_eq!(CategorySettings::default().problems(), vec![]);
        for percent in [1, 100] {
            let s = CategorySettings {
                potential_percent: percent,
                ..CategorySettings::default()
            };
            assert_eq!(s.problems(), vec![]);
        }
        let s = CategorySettings {
            quality_volume: Amount(0),
            high_value: Amount(-1),
            volume_unit: "台".into(),
            potential_percent: 0,
        };
        assert_eq!(
            s.problems(),
            vec![
                SettingsProblem::QualityVolumeNotPositive,
                SettingsProblem::HighValueNotPositive,
                SettingsProblem::PotentialPercentOutOfRange
            ]
        );
        let over = CategorySettings {
            potential_percent: 101,
            ..CategorySettings::default()
        };
        assert_eq!(
            over.problems(),
            vec![SettingsProblem::PotentialPercentOutOfRange]
        );
    }

    #[test]
    fn default_category_settings_store_nothing() {
        assert_eq!(
            CategorySettingsDoc::write(&CategorySettings::default()),
            Ok(None)
        );
        let s = CategorySettings {
            volume_unit: "套".into(),
            ..CategorySettings::default()
        };
        let doc = CategorySettingsDoc::write(&s)
            .expect("writes")
            .expect("not default");
        assert_eq!(doc.read(), Ok(s));
        let partial: CategorySettingsDoc =
            serde_json::from_str(r#"{"potential_percent":15}"#).expect("json");
        assert_eq!(
            partial
                .read()
                .map(|s| (s.potential_percent, s.quality_volume)),
            Ok((15, Amount(500_000)))
        );
    }

    #[test]
    fn category_slugs_read_back() {
        for c in Category::ALL {
            assert_eq!(Category::from_slug(c.slug()), Some(c));
        }
        assert_eq!(Category::from_slug("vip"), None);
    }

    #[test]
    fn group_facts_count_members_and_name_the_parent() {
        let links = [
            (1, None),
            (2, Some(1)),
            (3, Some(1)),
            (4, Some(2)),
            (5, Some(5)),
        ];
        assert_eq!(
            group_of(1, links),
            GroupFacts {
                parent: None,
                members: 2
            }
        );
        assert_eq!(
            group_of(2, links),
            GroupFacts {
                parent: Some(1),
                members: 1
            }
        );
        assert_eq!(group_of(5, links), GroupFacts::default());
        let all = group_facts(links);
        for id in 1..=5 {
            assert_eq!(
                all.get(&id).copied().unwrap_or_default(),
                group_of(id, links),
                "{id}"
            );
        }
        assert!(!all.contains_key(&5));
    }

    #[test]
    fn group_totals_add_up_the_members_and_the_parent() {
        let parent = dev(&[(100, 1_000)], GOOD);
        let a = dev(&[(200, 2_000), (300, 3_000)], GOOD);
        let b = AccountDevelopment::default();
        let totals = group_totals(1, [(1, &parent), (2, &a), (3, &b), (2, &a)].into_iter());
        assert_eq!(
            totals,
            GroupTotals {
                members: 2,
                contracts: 3,
                volume: Amount(60_000),
                value: Amount(600_000)
            }
        );
        assert_eq!(group_totals(1, std::iter::empty()), GroupTotals::default());
    }

    #[test]
    fn a_group_link_never_makes_a_loop() {
        // 1 ← 2 ← 3: 3's parent is 2, 2's parent is 1.
        let parents = HashMap::from([(2, 1), (3, 2)]);
        let parent_of = |id: AccountId| parents.get(&id).copied();
        assert_eq!(link_problem(4, 4, parent_of), Some(LinkProblem::SelfParent));
        assert_eq!(link_problem(1, 3, parent_of), Some(LinkProblem::Loop));
        assert_eq!(link_problem(1, 2, parent_of), Some(LinkProblem::Loop));
        assert_eq!(link_problem(2, 3, parent_of), Some(LinkProblem::Loop));
        assert_eq!(link_problem(4, 3, parent_of), None);
        assert_eq!(link_problem(3, 1, parent_of), None);
        // Re-linking to the same parent is fine.
        assert_eq!(link_problem(3, 2, parent_of), None);
    }

    #[test]
    fn a_loop_already_in_the_data_does_not_hang_the_link_check() {
        // 5 ↔ 6 loop (edited by hand); linking 7 under 5 is not this link's loop.
        let parents = HashMap::from([(5, 6), (6, 5)]);
        let parent_of = |id: AccountId| parents.get(&id).copied();
        assert_eq!(link_problem(7, 5, parent_of), None);
        assert_eq!(link_problem(6, 5, parent_of), Some(LinkProblem::Loop));
    }
}
