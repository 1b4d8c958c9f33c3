//! The customer pyramid (客户金字塔, KAM-SPEC §3): key, ordinary and super-potential
//! customers, their share of accounts and of selling time against the recommended
//! 10/30/60% and 60/30/10%.

use serde::{Deserialize, Serialize};

use super::account::{Account, AccountId, Relationship};
use super::tiering::{Tier, TierSettings};

/// A level of the pyramid, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 重点客户
    Key,
    /// 普通客户
    Ordinary,
    /// 超级潜在客户
    SuperPotential,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Key, Level::Ordinary, Level::SuperPotential];

    /// Recommended share of accounts, in percent.
    pub fn recommended_account_share(self) -> u32 {
        match self {
            Level::Key => 10,
            Level::Ordinary => 30,
            Level::SuperPotential => 60,
        }
    }

    /// Recommended share of selling time, in percent.
    pub fn recommended_time_share(self) -> u32 {
        match self {
            Level::Key => 60,
            Level::Ordinary => 30,
            Level::SuperPotential => 10,
        }
    }
}

super::account::slugs!(Level {
    Key => "key",
    Ordinary => "ordinary",
    SuperPotential => "super_potential",
});

/// Why an account sits where it does by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelRule {
    /// A current customer in Tier 1.
    CustomerInTier1,
    /// Any other current customer.
    OtherCustomer,
    /// A prospect in Tier 1, 2 or 3.
    ProspectInTier,
    /// A prospect not pursued or not yet tiered: outside the pyramid.
    ProspectOutside,
}

/// The default mapping from relationship and tier in force to a level.
pub fn default_level(relationship: Relationship, tier: Option<Tier>) -> (Option<Level>, LevelRule) {
    match (relationship, tier) {
        (Relationship::Customer, Some(Tier::Tier1)) => {
            (Some(Level::Key), LevelRule::CustomerInTier1)
        }
        (Relationship::Customer, _) => (Some(Level::Ordinary), LevelRule::OtherCustomer),
        (Relationship::Prospect, Some(Tier::Tier1 | Tier::Tier2 | Tier::Tier3)) => {
            (Some(Level::SuperPotential), LevelRule::ProspectInTier)
        }
        (Relationship::Prospect, _) => (None, LevelRule::ProspectOutside),
    }
}

/// A manager's placement of an account on another level (or outside), with a reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelOverride {
    /// `None` takes the account out of the pyramid.
    pub level: Option<Level>,
    pub reason: String,
    #[serde(default)]
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LevelOverrideError {
    #[error("a level override needs a reason")]
    ReasonMissing,
}

impl LevelOverride {
    pub fn new(level: Option<Level>, reason: &str, at: i64) -> Result<Self, LevelOverrideError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(LevelOverrideError::ReasonMissing);
        }
        Ok(Self {
            level,
            reason: reason.to_owned(),
            at,
        })
    }
}

/// The level in force: the override if any, else the default mapping.
pub fn level_of(account: &Account, tier: Option<Tier>) -> Option<Level> {
    match &account.level_override {
        Some(o) => o.level,
        None => default_level(account.relationship, tier).0,
    }
}

/// Planned selling time per account per year for each tier, from its contact cadence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadencePlan {
    pub contacts_per_year: u32,
    /// Hours of selling time per contact (preparation, travel, meeting).
    pub hours_per_contact: u32,
}

impl CadencePlan {
    pub fn hours_per_year(&self) -> u32 {
        self.contacts_per_year * self.hours_per_contact
    }
}

/// The cadence behind planned time, per tier. Defaults follow KAM-SPEC §2.3.3: monthly
/// for Tier 1, quarterly for Tier 2 and Tier 3, none for "not pursued".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactPlan {
    pub tier1: CadencePlan,
    pub tier2: CadencePlan,
    pub tier3: CadencePlan,
    pub not_pursued: CadencePlan,
}

impl Default for ContactPlan {
    fn default() -> Self {
        let plan = |contacts_per_year, hours_per_contact| CadencePlan {
            contacts_per_year,
            hours_per_contact,
        };
        Self {
            tier1: plan(12, 4),
            tier2: plan(4, 3),
            tier3: plan(2, 3),
            not_pursued: plan(0, 0),
        }
    }
}

impl ContactPlan {
    pub fn for_tier(&self, tier: Tier) -> &CadencePlan {
        match tier {
            Tier::Tier1 => &self.tier1,
            Tier::Tier2 => &self.tier2,
            Tier::Tier3 => &self.tier3,
            Tier::NotPursued => &self.not_pursued,
        }
    }

    pub fn for_tier_mut(&mut self, tier: Tier) -> &mut CadencePlan {
        match tier {
            Tier::Tier1 => &mut self.tier1,
            Tier::Tier2 => &mut self.tier2,
            Tier::Tier3 => &mut self.tier3,
            Tier::NotPursued => &mut self.not_pursued,
        }
    }
}

/// One level's figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LevelFigures {
    pub accounts: Vec<AccountId>,
    /// Planned selling hours per year.
    pub planned_hours: u32,
}

/// The whole pyramid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pyramid {
    pub key: LevelFigures,
    pub ordinary: LevelFigures,
    pub super_potential: LevelFigures,
    /// Accounts outside the pyramid.
    pub outside: Vec<AccountId>,
}

impl Pyramid {
    pub fn level(&self, level: Level) -> &LevelFigures {
        match level {
            Level::Key => &self.key,
            Level::Ordinary => &self.ordinary,
            Level::SuperPotential => &self.super_potential,
        }
    }

    fn level_mut(&mut self, level: Level) -> &mut LevelFigures {
        match level {
            Level::Key => &mut self.key,
            Level::Ordinary => &mut self.ordinary,
            Level::SuperPotential => &mut self.super_potential,
        }
    }

    pub fn account_total(&self) -> usize {
        Level::ALL
            .iter()
            .map(|l| self.level(*l).accounts.len())
            .sum()
    }

    pub fn hours_total(&self) -> u32 {
        Level::ALL
            .iter()
            .map(|l| self.level(*l).planned_hours)
            .sum()
    }

    /// Share of the pyramid's accounts on `level`, in whole percent (rounded); `None`
    /// when the pyramid is empty.
    pub fn account_share(&self, level: Level) -> Option<u32> {
        percent(
            self.level(level).accounts.len() as u64,
            self.account_total() as u64,
        )
    }

    /// Share of planned selling time on `level`, in whole percent; `None` with no time.
    pub fn time_share(&self, level: Level) -> Option<u32> {
        percent(
            u64::from(self.level(level).planned_hours),
            u64::from(self.hours_total()),
        )
    }

    /// Levels whose actual share differs from the recommendation by more than
    /// `tolerance` percentage points, for the plain-language reading.
    pub fn deviations(&self, tolerance: u32) -> Vec<Deviation> {
        let mut out = Vec::new();
        for level in Level::ALL {
            if let Some(actual) = self.time_share(level) {
                let recommended = level.recommended_time_share();
                if actual.abs_diff(recommended) > tolerance {
                    out.push(Deviation {
                        level,
                        measure: Measure::Time,
                        actual,
                        recommended,
                    });
                }
            }
            if let Some(actual) = self.account_share(level) {
                let recommended = level.recommended_account_share();
                if actual.abs_diff(recommended) > tolerance {
                    out.push(Deviation {
                        level,
                        measure: Measure::Accounts,
                        actual,
                        recommended,
                    });
                }
            }
        }
        out
    }
}

/// Selling time logged on each level over a period (the contact log's hours), beside
/// the planned share and the recommended 60/30/10.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoggedTime {
    /// Tenths of an hour per level, in the order of [`Level::ALL`].
    tenths: [u64; 3],
}

impl LoggedTime {
    /// The time `logged` gives each account of the pyramid (accounts outside it do not
    /// count: their time is no level's).
    pub fn of(pyramid: &Pyramid, logged: impl Fn(AccountId) -> u64) -> LoggedTime {
        let mut tenths = [0; 3];
        for (at, level) in Level::ALL.into_iter().enumerate() {
            tenths[at] = pyramid
                .level(level)
                .accounts
                .iter()
                .map(|id| logged(*id))
                .sum();
        }
        LoggedTime { tenths }
    }

    /// Tenths of an hour logged on `level`.
    pub fn tenths(&self, level: Level) -> u64 {
        Level::ALL
            .iter()
            .position(|l| *l == level)
            .map_or(0, |at| self.tenths[at])
    }

    pub fn total_tenths(&self) -> u64 {
        self.tenths.iter().sum()
    }

    /// The share of logged time on `level`, in whole percent; none with nothing logged.
    pub fn share(&self, level: Level) -> Option<u32> {
        percent(self.tenths(level), self.total_tenths())
    }
}

fn percent(part: u64, whole: u64) -> Option<u32> {
    (whole > 0).then(|| ((part * 200 + whole) / (2 * whole)) as u32)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Accounts,
    Time,
}

/// "Key customers get 35% of time, recommended 60%."
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deviation {
    pub level: Level,
    pub measure: Measure,
    pub actual: u32,
    pub recommended: u32,
}

/// Builds the pyramid from accounts and their tiers in force (`tier_of`).
pub fn build_pyramid<'a>(
    accounts: impl IntoIterator<Item = &'a Account>,
    tier_of: impl Fn(AccountId) -> Option<Tier>,
    settings: &TierSettings,
) -> Pyramid {
    let mut pyramid = Pyramid::default();
    for account in accounts {
        let tier = tier_of(account.id);
        match level_of(account, tier) {
            Some(level) => {
                let hours = tier.map_or(0, |t| settings.contact_plan.for_tier(t).hours_per_year());
                let figures = pyramid.level_mut(level);
                figures.accounts.push(account.id);
                figures.planned_hours += hours;
            }
            None => pyramid.outside.push(account.id),
        }
    }
    pyramid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: AccountId, relationship: Relationship) -> Account {
        Account {
            id,
            name: format!("A{id}"),
            relationship,
            ..Account::default()
        }
    }

    #[test]
    fn logged_time_is_shared_among_the_levels_of_the_pyramid_only() {
        let pyramid = Pyramid {
            key: LevelFigures {
                accounts: vec![1, 2],
                planned_hours: 0,
            },
            ordinary: LevelFigures {
                accounts: vec![3],
                planned_hours: 0,
            },
            super_potential: LevelFigures::default(),
            outside: vec![4],
        };
        let logged = LoggedTime::of(&pyramid, |id| [0, 30, 15, 15, 500][id as usize]);
        assert_eq!(logged.tenths(Level::Key), 45);
        assert_eq!(
            logged.total_tenths(),
            60,
            "the account outside the pyramid is left out"
        );
        assert_eq!(logged.share(Level::Key), Some(75));
        assert_eq!(logged.share(Level::Ordinary), Some(25));
        assert_eq!(logged.share(Level::SuperPotential), Some(0));
        assert_eq!(LoggedTime::of(&pyramid, |_| 0).share(Level::Key), None);
    }

    #[test]
    fn default_level_follows_relationship_and_tier() {
        use Relationship::*;
        assert_eq!(
            default_level(Customer, Some(Tier::Tier1)).0,
            Some(Level::Key)
        );
        for tier in [
            Some(Tier::Tier2),
            Some(Tier::Tier3),
            Some(Tier::NotPursued),
            None,
        ] {
            assert_eq!(
                default_level(Customer, tier).0,
                Some(Level::Ordinary),
                "{tier:?}"
            );
        }
        for tier in [Tier::Tier1, Tier::Tier2, Tier::Tier3] {
            assert_eq!(
                default_level(Prospect, Some(tier)).0,
                Some(Level::SuperPotential)
            );
        }
        assert_eq!(default_level(Prospect, Some(Tier::NotPursued)).0, None);
        assert_eq!(default_level(Prospect, None).0, None);
    }

    #[test]
    fn level_override_needs_a_reason_and_wins_over_the_default() {
        assert_eq!(
            LevelOverride::new(Some(Level::Key), " ", 0),
            Err(LevelOverrideError::ReasonMissing)
        );
        let mut a = account(1, Relationship::Prospect);
        assert_eq!(level_of(&a, Some(Tier::NotPursued)), None);
        a.level_override =
            LevelOverride::new(Some(Level::SuperPotential), "buys from a rival", 0).ok();
        assert_eq!(
            level_of(&a, Some(Tier::NotPursued)),
            Some(Level::SuperPotential)
        );
        a.level_override = LevelOverride::new(None, "closing down", 0).ok();
        assert_eq!(level_of(&a, Some(Tier::Tier1)), None);
    }

    #[test]
    fn pyramid_counts_accounts_and_planned_hours_per_level() {
        let accounts = vec![
            account(1, Relationship::Customer),
            account(2, Relationship::Customer),
            account(3, Relationship::Prospect),
            account(4, Relationship::Prospect),
            account(5, Relationship::Prospect),
        ];
        let tiers = |id| match id {
            1 => Some(Tier::Tier1),
            2 => Some(Tier::Tier2),
            3 => Some(Tier::Tier3),
            4 => Some(Tier::NotPursued),
            _ => None,
        };
        let p = build_pyramid(&accounts, tiers, &TierSettings::default());
        assert_eq!(p.key.accounts, vec![1]);
        assert_eq!(p.ordinary.accounts, vec![2]);
        assert_eq!(p.super_potential.accounts, vec![3]);
        assert_eq!(p.outside, vec![4, 5]);
        // Tier 1: 12 × 4 h = 48 h; Tier 2: 4 × 3 = 12 h; Tier 3 (every six months):
        // 2 × 3 = 6 h.
        assert_eq!(
            (
                p.key.planned_hours,
                p.ordinary.planned_hours,
                p.super_potential.planned_hours
            ),
            (48, 12, 6)
        );
        assert_eq!(p.time_share(Level::Key), Some(73));
        assert_eq!(p.account_share(Level::Key), Some(33));
    }

    #[test]
    fn shares_are_none_for_an_empty_pyramid() {
        let p = build_pyramid(&[], |_| None, &TierSettings::default());
        assert_eq!(p.account_share(Level::Key), None);
        assert_eq!(p.time_share(Level::Key), None);
        assert!(p.deviations(5).is_empty());
    }

    #[test]
    fn deviations_name_the_level_and_both_figures() {
        let figures = |accounts: Vec<AccountId>, planned_hours| LevelFigures {
            accounts,
            planned_hours,
        };
        let p = Pyramid {
            key: figures(vec![1], 35),
            ordinary: figures(vec![2, 3, 4], 35),
            super_potential: figures(vec![5, 6, 7, 8, 9, 10], 30),
            outside: Vec::new(),
        };
        let d = p.deviations(5);
        assert!(d.contains(&Deviation {
            level: Level::Key,
            measure: Measure::Time,
            actual: 35,
            recommended: 60
        }));
        assert!(d.contains(&Deviation {
            level: Level::SuperPotential,
            measure: Measure::Time,
            actual: 30,
            recommended: 10
        }));
        // Account shares 10/30/60 match the recommendation.
        assert!(d.iter().all(|x| x.measure == Measure::Time));
    }
}
