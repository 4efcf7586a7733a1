//! Building a benchmark from many companies: only figures, never answers or ids; groups
//! under the minimum size left out, percentile tables only from 10 companies
//! (METHOD.md §4–§7).

use super::metrics_of;
use super::model::{
    BenchmarkBody, BenchmarkFile, BenchmarkMeta, Champions, Group, GroupKey, MetricStats, CHAMPIONS_PERCENTILE, MIN_GROUP, MIN_PERCENTILES, RESULTS_DIMENSION,
};
use crate::content::bank::Bank;
use crate::format::envelope::{Envelope, FormatId};
use crate::kernel::i18n::Localized;
use crate::kernel::stats::{self, round1};
use std::collections::BTreeMap;

/// What the builder needs of one company. Assessments implement it (the builder knows
/// nothing of answers files), and so can any other record that carries scores.
pub trait Company {
    /// The company's profile keyed by role (`size` → `small`), which places it in groups.
    fn roles(&self, bank: &Bank) -> BTreeMap<String, String>;
    /// Its score for each metric, in the order given.
    fn metric_values(&self, bank: &Bank, metrics: &[String]) -> Vec<Option<f64>>;
    /// Its level (1–5) on an item, if it gave one: for Cronbach's α.
    fn level(&self, item: &str) -> Option<u8>;
    /// When it was assessed (ISO 8601), for the collection period.
    fn assessed_at(&self) -> &str;
}

/// Settings for a benchmark built by staff.
pub struct BuildInfo {
    pub name: Localized,
    pub provenance: Localized,
    pub synthetic: bool,
    pub method: String,
    pub created_at: String,
    pub generator: Option<String>,
}

/// One company as the builder sees it: its groups and its metric values.
struct Member {
    groups: Vec<GroupKey>,
    values: Vec<Option<f64>>,
}

/// Aggregates complete assessments into a benchmark.
pub fn build<C: Company>(bank: &Bank, companies: &[C], info: BuildInfo) -> BenchmarkFile {
    let metrics = metrics_of(bank);
    let members: Vec<Member> =
        companies.iter().map(|c| Member { groups: GroupKey::memberships(&c.roles(bank)), values: c.metric_values(bank, &metrics) }).collect();
    let mut keys: Vec<GroupKey> = members.iter().flat_map(|m| m.groups.clone()).collect();
    keys.sort();
    keys.dedup();
    let results_index = metrics.iter().position(|m| m == RESULTS_DIMENSION);
    let groups = keys.into_iter().filter_map(|key| group(&key, &members, metrics.len(), results_index)).collect();
    let mut dates: Vec<&str> = companies.iter().map(Company::assessed_at).collect();
    dates.sort();
    let month = |d: &&str| d.chars().take(7).collect::<String>();
    let collection_period = match (dates.first(), dates.last()) {
        (Some(first), Some(last)) => format!("{} – {}", month(first), month(last)),
        _ => String::new(),
    };
    let meta = BenchmarkMeta {
        name: info.name,
        provenance: info.provenance,
        synthetic: info.synthetic,
        collection_period,
        method: info.method,
        bank_id: bank.id().into(),
        bank_version: bank.version().into(),
        total_n: companies.len() as u32,
        created_at: info.created_at.clone(),
        generator: info.generator,
        alpha: alphas(bank, companies),
    };
    Envelope::new(FormatId::BENCHMARK, BenchmarkBody { meta, metrics, groups }, &info.created_at)
}

/// One group's figures, or nothing when it has fewer than [`MIN_GROUP`] companies.
fn group(key: &GroupKey, all: &[Member], metrics: usize, results_index: Option<usize>) -> Option<Group> {
    let members: Vec<&Vec<Option<f64>>> = all.iter().filter(|m| m.groups.contains(key)).map(|m| &m.values).collect();
    let n = members.len() as u32;
    if n < MIN_GROUP {
        return None;
    }
    let stats = metric_stats(&members, metrics);
    let champions = results_index.and_then(|ri| {
        let mut results: Vec<f64> = members.iter().filter_map(|v| v[ri]).collect();
        results.sort_by(f64::total_cmp);
        let threshold = stats::percentile_sorted(&results, CHAMPIONS_PERCENTILE)?;
        let champs: Vec<&Vec<Option<f64>>> = members.iter().copied().filter(|v| v[ri].is_some_and(|r| r >= threshold - 1e-9)).collect();
        (champs.len() as u32 >= MIN_GROUP).then(|| Champions { n: champs.len() as u32, threshold: round1(threshold), stats: metric_stats(&champs, metrics) })
    });
    Some(Group { id: key.id(), n, stats, champions })
}

/// Cronbach's α of each dimension over the companies that answered all its items.
fn alphas<C: Company>(bank: &Bank, companies: &[C]) -> BTreeMap<String, f64> {
    let mut rows: BTreeMap<String, Vec<Vec<f64>>> = BTreeMap::new();
    for c in companies {
        for (si, section) in bank.scored_sections() {
            let row: Option<Vec<f64>> = bank.items_in(si).map(|i| c.level(&i.id).map(f64::from)).collect();
            if let Some(row) = row {
                rows.entry(section.id.clone()).or_default().push(row);
            }
        }
    }
    rows.into_iter().filter_map(|(dim, rows)| stats::cronbach_alpha(&rows).map(|a| (dim, (a * 1000.0).round() / 1000.0))).collect()
}

fn metric_stats(members: &[&Vec<Option<f64>>], metrics: usize) -> Vec<MetricStats> {
    (0..metrics)
        .map(|m| {
            let values: Vec<f64> = members.iter().filter_map(|v| v[m]).collect();
            let n = values.len() as u32;
            if n < MIN_GROUP {
                // Too few scores for this metric: nothing is reported.
                return MetricStats { n: 0, mean: 0.0, sd: 0.0, p: None };
            }
            MetricStats {
                n,
                mean: round1(stats::mean(&values).unwrap_or(0.0)),
                sd: round1(stats::sd(&values).unwrap_or(0.0)),
                p: (n >= MIN_PERCENTILES).then(|| stats::percentile_table(&values).unwrap_or_default().into_iter().map(round1).collect()),
            }
        })
        .collect()
}

/// The benchmark file as JSON (compact: it is data for the app, not for reading).
pub fn to_json(file: &BenchmarkFile) -> String {
    file.to_json()
}
