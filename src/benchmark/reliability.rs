//! How consistently each dimension's questions measure one thing, among the companies
//! that answered them all (METHOD.md §8): Cronbach's α and each question's item–rest
//! correlation, shown only from [`MIN_RELIABILITY_N`] companies.

use super::build::Company;
use crate::content::bank::Bank;
use crate::kernel::stats;

/// Fewer complete answer sets than this give α and correlations too unstable to read
/// (a common rule of thumb for scale analysis).
pub const MIN_RELIABILITY_N: usize = 30;

/// One dimension's reliability.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionReliability {
    pub dimension: String,
    /// Companies that answered every question of the dimension with a level.
    pub n: usize,
    /// `None` below [`MIN_RELIABILITY_N`].
    pub alpha: Option<f64>,
    /// Each question's correlation with the sum of the dimension's other questions.
    pub item_rest: Vec<(String, Option<f64>)>,
}

/// Every scored dimension's reliability over `companies`.
pub fn reliability<C: Company>(bank: &Bank, companies: &[C]) -> Vec<DimensionReliability> {
    bank.scored_sections()
        .map(|(si, section)| {
            let items: Vec<&str> = bank.items_in(si).map(|i| i.id.as_str()).collect();
            let rows: Vec<Vec<f64>> = companies.iter().filter_map(|c| items.iter().map(|i| c.level(i).map(f64::from)).collect()).collect();
            let enough = rows.len() >= MIN_RELIABILITY_N;
            let item_rest = items
                .iter()
                .enumerate()
                .map(|(k, id)| {
                    let item: Vec<f64> = rows.iter().map(|r| r[k]).collect();
                    let rest: Vec<f64> = rows.iter().map(|r| r.iter().sum::<f64>() - r[k]).collect();
                    ((*id).to_owned(), enough.then(|| stats::pearson(&item, &rest)).flatten())
                })
                .collect();
            DimensionReliability { dimension: section.id.clone(), n: rows.len(), alpha: enough.then(|| stats::cronbach_alpha(&rows)).flatten(), item_rest }
        })
        .collect()
}
