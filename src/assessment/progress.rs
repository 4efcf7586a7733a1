//! A company's progress over its yearly assessments (METHOD.md §Progress): each score
//! of each assessment of one series, and whether a change between two of them is real,
//! within what one answer can move, or not comparable because the questions behind the
//! score changed between the questionnaire versions they were answered under.

use crate::assessment::record::Assessment;
use crate::benchmark::{metrics_of, Scored, OVERALL};
use crate::content::bank::{Bank, ItemKind};
use std::collections::BTreeSet;

/// A change of one score between two assessments.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    /// Larger than one answer moving by one level can make it.
    Real(f64),
    /// One answer moving by one level could make it.
    WithinOneAnswer(f64),
    /// The questions behind the score changed between the two questionnaire versions.
    NotComparable,
    /// One of the two has no score.
    Missing,
}

/// One metric across a company's assessments, oldest first.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricProgress {
    pub metric: String,
    pub scores: Vec<Option<f64>>,
    /// The change from each assessment to the next (one fewer than `scores`).
    pub changes: Vec<Change>,
}

/// The questions a metric rests on: every scored question for `overall`, a dimension's,
/// or a sub-dimension's (`dimension.sub`). Only level questions carry points.
pub fn questions_of<'b>(bank: &'b Bank, metric: &str) -> Vec<&'b crate::content::bank::Item> {
    let (dim, sub) = metric.split_once('.').map_or((metric, None), |(d, s)| (d, Some(s)));
    bank.items()
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Level { .. }))
        .filter(|i| {
            let section = &bank.sections()[i.section];
            if metric == OVERALL {
                return section.scored;
            }
            section.id == dim && sub.is_none_or(|s| i.subdimension.and_then(|k| section.subdimensions.get(k)).is_some_and(|x| x.id == s))
        })
        .collect()
}

/// The most one answer moving by one level (25 points) can change a score: 25 × the
/// largest weight ÷ the sum of weights of its questions; for the overall index (a mean
/// of five dimensions) the largest of the dimensions' steps ÷ their number.
pub fn one_answer_step(bank: &Bank, metric: &str) -> f64 {
    if metric == OVERALL {
        let dims: Vec<f64> = bank.scored_sections().map(|(_, s)| one_answer_step(bank, &s.id)).collect();
        return dims.iter().copied().fold(0.0, f64::max) / dims.len().max(1) as f64;
    }
    let weights: Vec<f64> = questions_of(bank, metric).iter().map(|i| i.weight).collect();
    let total: f64 = weights.iter().sum();
    if total > 0.0 {
        25.0 * weights.iter().copied().fold(0.0, f64::max) / total
    } else {
        0.0
    }
}

/// Whether a metric means the same for answers given under `earlier` and `later`
/// questionnaire versions: none of its questions changed in between.
fn comparable(bank: &Bank, metric: &str, earlier: &str, later: &str) -> bool {
    let changed: BTreeSet<&str> = bank.changed_since(earlier).difference(&bank.changed_since(later)).copied().collect();
    questions_of(bank, metric).iter().all(|i| !changed.contains(i.id.as_str()))
}

/// The change of `metric` from `earlier` to `later`, their scores with `bank` given.
pub fn change(bank: &Bank, metric: &str, (earlier, from): (&Assessment, Option<f64>), (later, to): (&Assessment, Option<f64>)) -> Change {
    if !comparable(bank, metric, earlier.answered_version(), later.answered_version()) {
        return Change::NotComparable;
    }
    match (from, to) {
        (Some(a), Some(b)) if (b - a).abs() > one_answer_step(bank, metric) + 1e-9 => Change::Real(b - a),
        (Some(a), Some(b)) => Change::WithinOneAnswer(b - a),
        _ => Change::Missing,
    }
}

/// Every metric's scores and changes over `series` (one company's assessments, oldest
/// first).
pub fn progress(bank: &Bank, series: &[&Assessment]) -> Vec<MetricProgress> {
    let scores: Vec<_> = series.iter().map(|a| a.scores(bank)).collect();
    metrics_of(bank)
        .into_iter()
        .map(|metric| {
            let values: Vec<Option<f64>> = scores.iter().map(|s| s.value(&metric)).collect();
            let changes = (1..series.len()).map(|k| change(bank, &metric, (series[k - 1], values[k - 1]), (series[k], values[k]))).collect();
            MetricProgress { metric, scores: values, changes }
        })
        .collect()
}

/// A company's assessments that belong with `current`, oldest first: the same series,
/// ordered by when they were started.
pub fn series_of<'a>(all: &'a [Assessment], current: &Assessment) -> Vec<&'a Assessment> {
    let mut series: Vec<&Assessment> = all.iter().filter(|a| a.series_id() == current.series_id()).collect();
    series.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    series
}

/// The assessment just before `id` in a series (oldest first): last year's, whose plan
/// this year's reviews.
pub fn previous<'a>(series: &'a [Assessment], id: &str) -> Option<&'a Assessment> {
    let at = series.iter().position(|a| a.id == id)?;
    at.checked_sub(1).map(|k| &series[k])
}
