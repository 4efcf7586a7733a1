//! Building a benchmark from many companies: only figures, never answers or ids; groups
//! under the minimum size left out, and as many more as it takes that none of them can
//! be worked out from the others; deciles only from 20 companies; unreliable scores
//! left out (METHOD.md §4–§7).

use super::metrics_of;
use super::model::{
    BenchmarkBody, BenchmarkFile, BenchmarkMeta, Champions, Group, GroupKey, MetricStats, CHAMPIONS_PERCENTILE, GROUP_ROLES, MIN_GROUP, MIN_PERCENTILES,
    OUTCOME_ROLES, PREFER_NOT,
};
use crate::content::bank::Bank;
use crate::format::envelope::{Envelope, FormatId};
use crate::kernel::disclosure::publishable;
use crate::kernel::i18n::Localized;
use crate::kernel::stats::{self, round1};
use std::collections::{BTreeMap, BTreeSet};

/// What the builder needs of one company. Assessments implement it (the builder knows
/// nothing of answers files), and so can any other record that carries scores.
pub trait Company {
    /// The company's profile by field id (`size_class` → `small`).
    fn profile(&self) -> &BTreeMap<String, String>;
    /// Its score for each metric, in the order given; `None` where it has none, or where
    /// the score is unreliable (too many "don't know"): such scores are left out.
    fn metric_values(&self, bank: &Bank, metrics: &[String]) -> Vec<Option<f64>>;
    /// How many of its scores are unreliable (and so left out).
    fn unreliable_scores(&self, bank: &Bank, metrics: &[String]) -> usize;
    /// Its level (1–5) on an item, if it gave one: for Cronbach's α.
    fn level(&self, item: &str) -> Option<u8>;
    /// When it was assessed (ISO 8601), for the collection period.
    fn assessed_at(&self) -> &str;
}

/// A company's outcome index, 0–100: the mean position of its answers to the outcome
/// questions (revenue growth, sales of new products), each scaled so the lowest class
/// is 0 and the highest 100. "Prefer not to say" counts as no answer; a company with no
/// outcome answer has no index and never leads (METHOD.md §5).
pub fn outcome_index(bank: &Bank, profile: &BTreeMap<String, String>) -> Option<f64> {
    let positions: Vec<f64> = OUTCOME_ROLES
        .iter()
        .filter_map(|role| {
            let field = bank.profile_with_role(role)?;
            let classes: Vec<&str> = field.options.iter().map(|o| o.id.as_str()).filter(|id| *id != PREFER_NOT).collect();
            let at = classes.iter().position(|c| profile.get(&field.id).is_some_and(|chosen| chosen == c))?;
            (classes.len() > 1).then(|| 100.0 * at as f64 / (classes.len() - 1) as f64)
        })
        .collect();
    stats::mean(&positions)
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

/// One company as the builder sees it: its groups, its metric values, its outcome.
struct Member {
    groups: Vec<GroupKey>,
    values: Vec<Option<f64>>,
    outcome: Option<f64>,
}

/// Aggregates complete assessments into a benchmark.
pub fn build<C: Company>(bank: &Bank, companies: &[C], info: BuildInfo) -> BenchmarkFile {
    let metrics = metrics_of(bank);
    let members: Vec<Member> = companies
        .iter()
        .map(|c| Member {
            groups: GroupKey::memberships(&bank.roles_of(c.profile())),
            values: c.metric_values(bank, &metrics),
            outcome: outcome_index(bank, c.profile()),
        })
        .collect();
    let mut keys: Vec<GroupKey> = members.iter().flat_map(|m| m.groups.clone()).collect();
    keys.sort();
    keys.dedup();
    let mut groups: Vec<Group> = keys.iter().filter_map(|key| group(key, &members, metrics.len())).collect();
    protect(&mut groups, &members);
    let unreliable: Vec<usize> = companies.iter().map(|c| c.unreliable_scores(bank, &metrics)).collect();
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
        id: String::new(),
        left_out: unreliable.iter().filter(|n| **n > 0).count() as u32,
        left_out_scores: unreliable.iter().sum::<usize>() as u32,
    };
    let mut file = Envelope::new(FormatId::BENCHMARK, BenchmarkBody { meta, metrics, groups }, &info.created_at);
    file.meta.id = format!("{}-{}-{}", bank.id(), info.created_at, file.meta.total_n);
    file
}

/// One group's figures, or nothing when it has fewer than [`MIN_GROUP`] companies.
fn group(key: &GroupKey, all: &[Member], metrics: usize) -> Option<Group> {
    let members: Vec<&Member> = all.iter().filter(|m| m.groups.contains(key)).collect();
    let n = members.len() as u32;
    if n < MIN_GROUP {
        return None;
    }
    let values: Vec<&Vec<Option<f64>>> = members.iter().map(|m| &m.values).collect();
    Some(Group { id: key.id(), n, stats: metric_stats(&values, metrics), champions: champions(&members, metrics) })
}

/// The group's leading companies: at or above the 90th percentile (type 7) of the outcome
/// index among its companies that have one; reported from five on.
fn champions(members: &[&Member], metrics: usize) -> Option<Champions> {
    let mut outcomes: Vec<f64> = members.iter().filter_map(|m| m.outcome).collect();
    outcomes.sort_by(f64::total_cmp);
    let threshold = stats::percentile_sorted(&outcomes, CHAMPIONS_PERCENTILE)?;
    let leaders: Vec<&Vec<Option<f64>>> = members.iter().filter(|m| m.outcome.is_some_and(|o| o >= threshold - 1e-9)).map(|m| &m.values).collect();
    (leaders.len() as u32 >= MIN_GROUP).then(|| Champions { n: leaders.len() as u32, threshold: round1(threshold), stats: metric_stats(&leaders, metrics) })
}

/// The groups published together, and so checked together (METHOD.md §4): size, sector
/// and size × sector; each other role on its own, since its groups are never crossed
/// with another's.
fn linked_sets(keys: &[GroupKey]) -> Vec<Vec<GroupKey>> {
    let of_role = |role: &str| -> Vec<GroupKey> { keys.iter().filter(|k| matches!(k, GroupKey::One(r, _) if r == role)).cloned().collect() };
    let crossed = keys.iter().filter(|k| matches!(k, GroupKey::SizeSector(..))).cloned();
    let mut sets = vec![of_role("size").into_iter().chain(of_role("sector")).chain(crossed).collect()];
    sets.extend(GROUP_ROLES.iter().filter(|r| !["size", "sector"].contains(r)).map(|r| of_role(r)));
    sets
}

/// Complementary suppression (METHOD.md §4): in each linked set, groups are hidden until
/// no set of fewer than [`MIN_GROUP`] companies follows from the published groups and
/// the total by addition and subtraction; then the same, figure by figure, for the
/// companies behind each metric.
fn protect(groups: &mut Vec<Group>, members: &[Member]) {
    let keys: BTreeSet<GroupKey> = members.iter().flat_map(|m| m.groups.iter().cloned()).collect();
    let keys: Vec<GroupKey> = keys.into_iter().collect();
    let metrics = groups.first().map_or(0, |g| g.stats.len());
    for set in linked_sets(&keys) {
        // Each company's atom: which groups of the set it belongs to.
        let signatures: Vec<Vec<bool>> = members.iter().map(|m| set.iter().map(|k| m.groups.contains(k)).collect()).collect();
        let mut atoms: Vec<&Vec<bool>> = signatures.iter().collect();
        atoms.sort();
        atoms.dedup();
        let atom_of: Vec<usize> = signatures.iter().map(|s| atoms.binary_search(&s).unwrap_or(0)).collect();
        let hide = |groups: &mut Vec<Group>, counted: &dyn Fn(&Member) -> bool, hide_one: &dyn Fn(&mut Vec<Group>, &str)| {
            let present: Vec<usize> = (0..set.len()).filter(|&k| groups.iter().any(|g| g.id == set[k].id())).collect();
            let mut sizes = vec![0usize; atoms.len()];
            members.iter().zip(&atom_of).filter(|(m, _)| counted(m)).for_each(|(_, &a)| sizes[a] += 1);
            let cells: Vec<Vec<usize>> = present.iter().map(|&k| (0..atoms.len()).filter(|&a| atoms[a][k]).collect()).collect();
            for (i, shown) in publishable(&sizes, &cells).into_iter().enumerate() {
                if !shown {
                    hide_one(groups, &set[present[i]].id());
                }
            }
        };
        hide(groups, &|_| true, &|groups, id| groups.retain(|g| g.id != id));
        for m in 0..metrics {
            let clear = move |groups: &mut Vec<Group>, id: &str| {
                groups.iter_mut().filter(|g| g.id == id).for_each(|g| g.stats[m] = MetricStats { n: 0, mean: 0.0, sd: 0.0, p: None })
            };
            hide(groups, &|member| member.values[m].is_some(), &clear);
        }
    }
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
                p: (n >= MIN_PERCENTILES).then(|| stats::decile_table(&values).unwrap_or_default().into_iter().map(round1).collect()),
            }
        })
        .collect()
}

/// The benchmark file as JSON (compact: it is data for the app, not for reading).
pub fn to_json(file: &BenchmarkFile) -> String {
    file.to_json()
}
