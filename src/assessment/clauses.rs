//! The ISO 56001 clause profile (METHOD.md §ISO clauses): the bank tags each question
//! with the clauses (4–10) it bears on; a clause's score is the weighted mean of the
//! points of its questions answered with a level, with the same coverage rule as a
//! dimension. A self-assessment's reading of the standard, not a certification or audit.

use crate::assessment::score::RELIABLE_COVERAGE;
use crate::content::bank::{Answer, Bank, ItemKind};
use crate::kernel::stats::round1;

/// The clauses of ISO 56001 a question can bear on.
pub const CLAUSES: std::ops::RangeInclusive<u8> = 4..=10;

/// One clause of the profile.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClauseScore {
    pub clause: u8,
    /// Questions tagged with it (0: this questionnaire does not cover it).
    pub questions: usize,
    pub score: Option<f64>,
    /// Share of its questions' weight answered with a level.
    pub coverage: Option<f64>,
    pub reliable: bool,
}

/// Every clause's score from `answer_of` (an assessment's answers).
pub fn clause_profile(bank: &Bank, answer_of: &dyn Fn(&str) -> Option<Answer>) -> Vec<ClauseScore> {
    CLAUSES
        .map(|clause| {
            let items: Vec<_> = bank.items().iter().filter(|i| matches!(i.kind, ItemKind::Level { .. }) && i.iso.contains(&clause)).collect();
            let total: f64 = items.iter().map(|i| i.weight).sum();
            let answered: Vec<(f64, f64)> = items
                .iter()
                .filter_map(|i| match answer_of(&i.id) {
                    Some(Answer::Level(l)) => Some((i.weight, 25.0 * f64::from(l - 1))),
                    _ => None,
                })
                .collect();
            let weight: f64 = answered.iter().map(|(w, _)| w).sum();
            let score = (weight > 0.0).then(|| round1(answered.iter().map(|(w, p)| w * p).sum::<f64>() / weight));
            let coverage = (total > 0.0).then(|| weight / total);
            ClauseScore {
                clause,
                questions: items.len(),
                score,
                coverage,
                reliable: score.is_some() && coverage.is_some_and(|c| c + 1e-9 >= RELIABLE_COVERAGE),
            }
        })
        .collect()
}
