//! Engagement with target accounts (KAM-SPEC §2.3.3, §2.3.5, §5): our people and who
//! owns each account, the development pipeline, contacts against each tier's cadence,
//! the contact log, inbound inquiries with their service deadlines, and the calendar
//! file of planned items. Every rule takes its clock as a parameter (a local date or
//! date and time), so each is tested on a fixed clock.

pub mod activity;
pub mod cadence;
pub mod ics;
pub mod inquiry;
pub mod pipeline;
pub mod promotion;
pub mod team;
