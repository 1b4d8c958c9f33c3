//! The key-account method as plain Rust: accounts, the scoring model, screening gates,
//! scoring, tiering and ranking. No web dependency and no I/O: the browser layer calls
//! these functions and stores what they return.

pub mod account;
pub mod catalogue;
pub mod demo;
pub mod demo_plans;
pub mod doc;
pub mod engagement;
pub mod merge;
pub mod model;
pub mod plan;
pub mod pyramid;
pub mod ranking;
pub mod register;
pub mod scoring;
pub mod screening;
pub mod text;
pub mod tiering;
pub mod workspace;

pub use account::{Account, AccountId, Ownership, Relationship, SizeBand};
pub use model::{Axis, Criterion, CriterionId, ModelError, ScoringModel};
pub use scoring::{AxisScore, Score, Tenths};
pub use screening::{Answer, Gate, GateSet, Screening, ScreeningStatus};
pub use text::{Language, LocalizedText};
pub use tiering::{Assessment, Thresholds, Tier, TierOverride, TierSettings};
pub use workspace::Workspace;
