//! Ranking (排序): every account assessed, ranked by combined score, and counted per
//! tier beside the manager's planned tier sizes.

use super::account::{Account, AccountId};
use super::model::ScoringModel;
use super::screening::ScreeningStatus;
use super::tiering::{assess, Assessment, Tier, TierSettings};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankedRow {
    pub account: AccountId,
    /// 1-based position among the complete accounts that did not fail screening;
    /// `None` for an account that failed screening or is incomplete.
    pub rank: Option<usize>,
    pub assessment: Assessment,
}

/// Assesses every account and ranks the complete ones by attractiveness + feasibility
/// (highest first; ties broken by attractiveness, then by name). Complete accounts that
/// failed screening follow, unranked, in the same order: they are not pursued whatever
/// they score. Incomplete accounts come last, unranked, in register order.
pub fn rank_accounts(
    accounts: &[Account],
    model: &ScoringModel,
    settings: &TierSettings,
) -> Vec<RankedRow> {
    // Sorted as small keys pointing at the assessments, so the sort moves 16 bytes an
    // account rather than whole assessments.
    let assessed: Vec<Assessment> = accounts
        .iter()
        .map(|account| assess(account, model, settings))
        .collect();
    let mut complete = Vec::new();
    let mut screened_out = Vec::new();
    let mut incomplete = Vec::new();
    for (i, assessment) in assessed.iter().enumerate() {
        match (
            assessment.attractiveness.value(),
            assessment.feasibility.value(),
        ) {
            (Some(a), Some(f)) if matches!(assessment.screening, ScreeningStatus::Failed(_)) => {
                screened_out.push((a.0 + f.0, a.0, i))
            }
            (Some(a), Some(f)) => complete.push((a.0 + f.0, a.0, i)),
            _ => incomplete.push(i),
        }
    }
    let by_score = |x: &(u32, u32, usize), y: &(u32, u32, usize)| {
        y.0.cmp(&x.0).then(y.1.cmp(&x.1)).then_with(|| {
            let (a, b) = (&accounts[x.2], &accounts[y.2]);
            a.name
                .cmp(&b.name)
                .then(a.id.cmp(&b.id))
                .then(x.2.cmp(&y.2))
        })
    };
    complete.sort_unstable_by(by_score);
    screened_out.sort_unstable_by(by_score);
    let mut slots: Vec<Option<Assessment>> = assessed.into_iter().map(Some).collect();
    let mut rows = Vec::with_capacity(accounts.len());
    let ranked = (complete.iter().enumerate()).map(|(place, (_, _, i))| (Some(place + 1), *i));
    let unranked = (screened_out.into_iter().map(|(_, _, i)| i))
        .chain(incomplete)
        .map(|i| (None, i));
    for (rank, i) in ranked.chain(unranked) {
        if let (Some(account), Some(assessment)) = (accounts.get(i), slots[i].take()) {
            rows.push(RankedRow {
                account: account.id,
                rank,
                assessment,
            });
        }
    }
    rows
}

/// How many accounts are in force in each tier, and how many have none yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TierCounts {
    pub tier1: u32,
    pub tier2: u32,
    pub tier3: u32,
    pub not_pursued: u32,
    pub untiered: u32,
}

impl TierCounts {
    pub fn count(&self, tier: Tier) -> u32 {
        match tier {
            Tier::Tier1 => self.tier1,
            Tier::Tier2 => self.tier2,
            Tier::Tier3 => self.tier3,
            Tier::NotPursued => self.not_pursued,
        }
    }

    pub fn tiered_total(&self) -> u32 {
        self.tier1 + self.tier2 + self.tier3 + self.not_pursued
    }
}

pub fn count_tiers<'a>(assessments: impl IntoIterator<Item = &'a Assessment>) -> TierCounts {
    let mut counts = TierCounts::default();
    for a in assessments {
        match a.effective {
            Some(Tier::Tier1) => counts.tier1 += 1,
            Some(Tier::Tier2) => counts.tier2 += 1,
            Some(Tier::Tier3) => counts.tier3 += 1,
            Some(Tier::NotPursued) => counts.not_pursued += 1,
            None => counts.untiered += 1,
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::Score;
    use crate::domain::tiering::TierOverride;

    fn account(id: AccountId, name: &str, a: u8, f: u8) -> Account {
        let mut acc = Account {
            id,
            name: name.into(),
            ..Account::default()
        };
        for c in 1..=4 {
            acc.scores.insert(
                c,
                Score {
                    value: Some(a),
                    note: String::new(),
                },
            );
        }
        for c in 5..=8 {
            acc.scores.insert(
                c,
                Score {
                    value: Some(f),
                    note: String::new(),
                },
            );
        }
        acc
    }

    /// The accounts ranked under the default model and settings, and (account, rank) in
    /// the ranking's order.
    fn ranked(accounts: &[Account]) -> (Vec<RankedRow>, Vec<(AccountId, Option<usize>)>) {
        let rows = rank_accounts(accounts, &ScoringModel::default(), &TierSettings::default());
        let order = rows.iter().map(|r| (r.account, r.rank)).collect();
        (rows, order)
    }

    #[test]
    fn ranking_orders_complete_accounts_by_combined_score() {
        let mut incomplete = account(4, "D", 9, 9);
        incomplete.scores.remove(&1);
        let accounts = vec![
            account(1, "A", 5, 5),
            account(2, "B", 9, 8),
            incomplete,
            account(3, "C", 6, 7),
        ];
        let (_, order) = ranked(&accounts);
        assert_eq!(
            order,
            vec![(2, Some(1)), (3, Some(2)), (1, Some(3)), (4, None)]
        );
    }

    #[test]
    fn screened_out_accounts_follow_the_ranked_ones_unranked() {
        use crate::domain::screening::Answer;
        let mut failed = account(1, "A", 10, 10);
        failed.screening.profitable = Answer::No;
        let mut failed_lower = account(5, "E", 4, 4);
        failed_lower.screening.reachable = Answer::No;
        let mut incomplete = account(4, "D", 9, 9);
        incomplete.scores.remove(&1);
        let accounts = vec![
            failed_lower,
            failed,
            incomplete,
            account(2, "B", 3, 3),
            account(3, "C", 6, 7),
        ];
        let (rows, order) = ranked(&accounts);
        assert_eq!(
            order,
            vec![(3, Some(1)), (2, Some(2)), (1, None), (5, None), (4, None)]
        );
        assert_eq!(rows[2].assessment.effective, Some(Tier::NotPursued));
    }

    #[test]
    fn ranking_ties_break_on_attractiveness_then_name() {
        let accounts = vec![
            account(1, "Z", 6, 8),
            account(2, "Y", 8, 6),
            account(3, "X", 8, 6),
        ];
        let rows = rank_accounts(
            &accounts,
            &ScoringModel::default(),
            &TierSettings::default(),
        );
        let order: Vec<_> = rows.iter().map(|r| r.account).collect();
        assert_eq!(order, vec![3, 2, 1]);
    }

    #[test]
    fn tier_counts_use_the_tier_in_force() {
        let mut overridden = account(3, "C", 2, 2);
        overridden.tier_override = TierOverride::new(Tier::Tier1, "strategic", 0).ok();
        let mut incomplete = account(4, "D", 9, 9);
        incomplete.scores.clear();
        let accounts = vec![
            account(1, "A", 9, 9),
            account(2, "B", 3, 9),
            overridden,
            incomplete,
        ];
        let rows = rank_accounts(
            &accounts,
            &ScoringModel::default(),
            &TierSettings::default(),
        );
        let counts = count_tiers(rows.iter().map(|r| &r.assessment));
        assert_eq!(
            counts,
            TierCounts {
                tier1: 2,
                tier2: 1,
                tier3: 0,
                not_pursued: 0,
                untiered: 1
            }
        );
        assert_eq!(counts.tiered_total(), 3);
    }
}
