//! The four screening gates a prospect passes before scoring (高潜力目标客户的标准,
//! KAM-SPEC §2.3.1): reachable, profitable, implementable, sustainable.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gate {
    /// 可达性: reachable through a channel we have.
    Reachable,
    /// 盈利性: profitable on economic analysis.
    Profitable,
    /// 可实施性: the usual solution is implementable.
    Implementable,
    /// 可持续性: we can stay ahead of competitors there.
    Sustainable,
}

impl Gate {
    pub const ALL: [Gate; 4] = [
        Gate::Reachable,
        Gate::Profitable,
        Gate::Implementable,
        Gate::Sustainable,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    #[default]
    Unknown,
    Yes,
    No,
}

/// The answers to the four gates, plus a free note on the reasoning.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Screening {
    pub reachable: Answer,
    pub profitable: Answer,
    pub implementable: Answer,
    pub sustainable: Answer,
    pub note: String,
}

/// Some of the four gates, in their order. A set of bits: assessing 10,000 accounts
/// allocates nothing for their screening.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct GateSet(u8);

impl GateSet {
    fn bit(gate: Gate) -> u8 {
        1 << gate as u8
    }

    pub fn insert(&mut self, gate: Gate) {
        self.0 |= Self::bit(gate);
    }

    pub fn contains(self, gate: Gate) -> bool {
        self.0 & Self::bit(gate) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The gates of the set, in the order of [`Gate::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Gate> {
        Gate::ALL.into_iter().filter(move |g| self.contains(*g))
    }
}

impl FromIterator<Gate> for GateSet {
    fn from_iter<I: IntoIterator<Item = Gate>>(gates: I) -> Self {
        let mut set = GateSet::default();
        for gate in gates {
            set.insert(gate);
        }
        set
    }
}

/// The outcome of screening.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreeningStatus {
    /// Every gate answered yes.
    Passed,
    /// At least one gate answered no: these are the reasons.
    Failed(GateSet),
    /// No gate failed, but these are still unanswered.
    Pending(GateSet),
}

impl Screening {
    /// Nothing answered and no note: the state of a new account.
    pub fn is_unanswered(&self) -> bool {
        *self == Screening::default()
    }

    pub fn answer(&self, gate: Gate) -> Answer {
        match gate {
            Gate::Reachable => self.reachable,
            Gate::Profitable => self.profitable,
            Gate::Implementable => self.implementable,
            Gate::Sustainable => self.sustainable,
        }
    }

    pub fn set(&mut self, gate: Gate, answer: Answer) {
        let slot = match gate {
            Gate::Reachable => &mut self.reachable,
            Gate::Profitable => &mut self.profitable,
            Gate::Implementable => &mut self.implementable,
            Gate::Sustainable => &mut self.sustainable,
        };
        *slot = answer;
    }

    /// One "no" fails screening; unanswered gates leave it pending.
    pub fn status(&self) -> ScreeningStatus {
        let with = |wanted: Answer| -> GateSet {
            Gate::ALL
                .into_iter()
                .filter(|g| self.answer(*g) == wanted)
                .collect()
        };
        let failed = with(Answer::No);
        if !failed.is_empty() {
            return ScreeningStatus::Failed(failed);
        }
        let unknown = with(Answer::Unknown);
        if unknown.is_empty() {
            ScreeningStatus::Passed
        } else {
            ScreeningStatus::Pending(unknown)
        }
    }
}

super::account::slugs!(Answer { Unknown => "unknown", Yes => "yes", No => "no" });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screening_fails_on_any_no_and_names_the_gates() {
        let mut s = Screening::default();
        s.set(Gate::Reachable, Answer::Yes);
        s.set(Gate::Profitable, Answer::No);
        s.set(Gate::Sustainable, Answer::No);
        assert_eq!(
            s.status(),
            ScreeningStatus::Failed([Gate::Profitable, Gate::Sustainable].into_iter().collect())
        );
    }

    #[test]
    fn screening_passes_only_when_every_gate_is_yes() {
        let mut s = Screening::default();
        assert_eq!(
            s.status(),
            ScreeningStatus::Pending(Gate::ALL.into_iter().collect())
        );
        for g in Gate::ALL {
            s.set(g, Answer::Yes);
        }
        assert_eq!(s.status(), ScreeningStatus::Passed);
        s.set(Gate::Implementable, Answer::Unknown);
        assert_eq!(
            s.status(),
            ScreeningStatus::Pending([Gate::Implementable].into_iter().collect())
        );
    }
}
