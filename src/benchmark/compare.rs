//! Placing a company in a peer group: its default group with fallback (METHOD.md §6),
//! its percentile rank, and its gaps to the group's mean and to the champions.

use super::model::{Benchmark, GroupKey, MIN_GROUP, MIN_PERCENTILES};
use crate::kernel::stats::{standing, Standing};
use std::collections::BTreeMap;

/// A company's scores, as the benchmark reads them: one value per metric id
/// (`overall`, a dimension, `dimension.sub`).
pub trait Scored {
    fn value(&self, metric: &str) -> Option<f64>;
}

impl Benchmark {
    /// The mean score on `metric` of the leading companies of all companies: the target
    /// of every plan, whatever the group it is compared with (METHOD.md §8). `None` when
    /// the benchmark has fewer than five leading companies.
    pub fn leading_mean(&self, metric: &str) -> Option<(f64, u32)> {
        let i = self.metrics().iter().position(|m| m == metric)?;
        let leaders = self.group(&super::GroupKey::All)?.champions.as_ref()?;
        let s = leaders.stats.get(i)?;
        (s.n >= MIN_GROUP).then_some((s.mean, leaders.n))
    }

    /// The company's default group: the first of its fallback chain with percentile
    /// deciles (n ≥ 20). Returns the group and whether it is a fallback.
    pub fn default_group(&self, profile_by_role: &BTreeMap<String, String>) -> Option<(GroupKey, bool)> {
        let chain = GroupKey::fallback_chain(profile_by_role);
        chain.iter().enumerate().find(|(_, k)| self.group(k).is_some_and(|g| g.n >= MIN_PERCENTILES)).map(|(i, k)| (k.clone(), i > 0))
    }

    /// Compares a company's scores with a group.
    pub fn compare(&self, key: &GroupKey, scores: &dyn Scored) -> Option<Comparison> {
        let group = self.group(key)?;
        let rows = self
            .metrics()
            .iter()
            .enumerate()
            .map(|(i, metric)| {
                let s = &group.stats[i];
                let champions = group.champions.as_ref().map(|c| &c.stats[i]).filter(|c| c.n >= MIN_GROUP);
                let score = scores.value(metric);
                let shown = s.n >= MIN_GROUP;
                ComparisonRow {
                    metric: metric.clone(),
                    score,
                    n: s.n,
                    mean: shown.then_some(s.mean),
                    standing: score.and_then(|x| s.p.as_deref().and_then(|t| standing(t, x))),
                    p10: s.p.as_ref().map(|t| t[0]),
                    median: s.p.as_ref().map(|t| t[4]),
                    p90: s.p.as_ref().map(|t| t[8]),
                    champions_mean: champions.map(|c| c.mean),
                    gap_to_mean: score.zip(shown.then_some(s.mean)).map(|(x, m)| x - m),
                    gap_to_champions: score.zip(champions.map(|c| c.mean)).map(|(x, m)| x - m),
                }
            })
            .collect();
        Some(Comparison { group: key.clone(), n: group.n, rows })
    }
}

/// One line of a comparison: a metric, the company's score and the group's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonRow {
    pub metric: String,
    pub score: Option<f64>,
    pub n: u32,
    pub mean: Option<f64>,
    /// Where the company stands among the group's deciles (only with deciles, n ≥ 20).
    pub standing: Option<Standing>,
    pub p10: Option<f64>,
    pub median: Option<f64>,
    pub p90: Option<f64>,
    pub champions_mean: Option<f64>,
    pub gap_to_mean: Option<f64>,
    pub gap_to_champions: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub group: GroupKey,
    pub n: u32,
    pub rows: Vec<ComparisonRow>,
}

impl Comparison {
    pub fn row(&self, metric: &str) -> Option<&ComparisonRow> {
        self.rows.iter().find(|r| r.metric == metric)
    }
}
