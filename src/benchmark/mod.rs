//! Benchmarks: the file of figures per peer group (model), placing a company in a group
//! (compare), and building a benchmark from many companies (build). A benchmark knows
//! metrics and profile roles, not assessments: [`Company`] and [`Scored`] are what it
//! asks of them.

pub mod build;
pub mod compare;
pub mod model;
pub mod reliability;

pub use build::{build, outcome_index, to_json, BuildInfo, Company};
pub use compare::{Comparison, ComparisonRow, Scored};
pub use model::*;

use crate::content::bank::Bank;

/// The metric ids of a bank: `overall`, each scored dimension, each `dimension.sub`.
pub fn metrics_of(bank: &Bank) -> Vec<String> {
    let mut metrics = vec![OVERALL.to_owned()];
    for (_, s) in bank.scored_sections() {
        metrics.push(s.id.clone());
    }
    for (_, s) in bank.scored_sections() {
        for sub in &s.subdimensions {
            metrics.push(format!("{}.{}", s.id, sub.id));
        }
    }
    metrics
}
