//! The self-assessment: one company's record (answers, profile, resume point), its
//! scores (METHOD.md Part A), its progress over the years, its Action Plan and the
//! proposal of one (Part C), the report every export shares, and its files.

pub mod clauses;
pub mod demand;
pub mod files;
pub mod given;
pub mod plan;
pub mod progress;
pub mod propose;
pub mod record;
pub mod report;
pub mod score;
pub mod share;
#[cfg(feature = "tools")]
pub mod synthetic;
pub mod team;
