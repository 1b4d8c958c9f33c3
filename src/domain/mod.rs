//! The key-account method as plain Rust: accounts, the scoring model, screening gates,
//! scoring, tiering and ranking. No web dependency and no I/O: the browser layer calls
//! these functions and stores what they return.

pub mod account;
pub mod catalogue;
pub mod demo;
pub mod demo_development;
pub mod demo_engagement;
pub mod demo_plans;
pub mod development;
pub mod doc;
pub mod engagement;
pub mod merge;
pub mod model;
pub mod plan;
pub mod pyramid;
pub mod ranking;
pub mod register;
pub mod review;
pub mod scoring;
pub mod screening;
pub mod text;
pub mod tiering;
pub mod whatif;
pub mod workspace;

/// A fresh id for a list whose ids are never reused: above every id in `used` and
/// the list's counter `next_id` (which it moves on), and never 0.
pub(crate) fn fresh_id(next_id: &mut u32, used: impl Iterator<Item = u32>) -> u32 {
    let above = used.max().map_or(1, |m| m.saturating_add(1));
    let id = (*next_id).max(above).max(1);
    *next_id = id.saturating_add(1);
    id
}

pub use account::{Account, AccountId, Ownership, Relationship, SizeBand};
pub use model::{Axis, Criterion, CriterionId, ModelError, ScoringModel};
pub use scoring::{AxisScore, Score, Tenths};
pub use screening::{Answer, Gate, GateSet, Screening, ScreeningStatus};
pub use text::{Language, LocalizedText};
pub use tiering::{Assessment, Thresholds, Tier, TierOverride, TierSettings};
pub use workspace::Workspace;
