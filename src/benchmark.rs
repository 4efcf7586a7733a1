//! Benchmarks: the file format (`assets/benchmark/`), its validation, peer groups with
//! their minimum sizes, placing a company in a group, and building a benchmark from
//! many assessments (METHOD.md §4–§7).

use crate::bank::Bank;
use crate::i18n::{Lang, Localized, Msg};
use crate::problem::{from_json_error, Problem, ProblemKind};
use crate::response::{Answer, Assessment};
use crate::score::{self, Scores};
use crate::stats::{self, percentile_rank, round1, TABLE_STEPS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const BENCHMARK_FORMAT: &str = "faro-benchmark";
pub const BENCHMARK_SCHEMA: u32 = 1;
/// Largest benchmark file accepted.
pub const MAX_BENCHMARK_FILE: usize = 32 * 1024 * 1024;

/// No figure of a group with fewer companies is ever shown or exported.
pub const MIN_GROUP: u32 = 5;
/// Percentile tables need at least this many companies (5–9: mean only).
pub const MIN_PERCENTILES: u32 = 10;
/// Champions: companies at or above this percentile of the group's Innovation Results.
pub const CHAMPIONS_PERCENTILE: f64 = 90.0;
/// The dimension that defines champions.
pub const RESULTS_DIMENSION: &str = "results";
/// The metric id of the overall index.
pub const OVERALL: &str = "overall";

/// The profile roles that form peer groups, from the broadest to the most specific
/// single criterion; the pair size × sector is added on top.
pub const GROUP_ROLES: [&str; 5] = ["size", "sector", "competence_area", "age", "region"];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkFile {
    pub format: String,
    pub schema: u32,
    pub meta: BenchmarkMeta,
    /// Column order of every `stats` list: `overall`, each dimension, each `dimension.sub`.
    pub metrics: Vec<String>,
    pub groups: Vec<Group>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkMeta {
    pub name: Localized,
    /// Where the figures come from, in words.
    pub provenance: Localized,
    /// True for the bundled synthetic reference set: the UI and every export say so.
    pub synthetic: bool,
    /// e.g. "2026-01 – 2026-11".
    pub collection_period: String,
    pub method: String,
    pub bank_id: String,
    pub bank_version: String,
    pub total_n: u32,
    pub created_at: String,
    /// For generated files: what produced them (generator, seed, model version).
    #[serde(default)]
    pub generator: Option<String>,
    /// Cronbach's α of each dimension over all companies (internal consistency).
    #[serde(default)]
    pub alpha: BTreeMap<String, f64>,
}

/// One peer group's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// `all`, `size=small`, `sector=C`, `size=small&sector=C`, …
    pub id: String,
    pub n: u32,
    /// One per metric, in the order of [`BenchmarkFile::metrics`].
    pub stats: Vec<MetricStats>,
    /// The same figures for the group's champions, when there are at least 5.
    #[serde(default)]
    pub champions: Option<Champions>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Champions {
    pub n: u32,
    /// The Innovation Results score at or above which a company is a champion.
    pub threshold: f64,
    pub stats: Vec<MetricStats>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricStats {
    /// Companies with a score for this metric.
    pub n: u32,
    pub mean: f64,
    pub sd: f64,
    /// Every 5th percentile (21 values, 0–100), only when n ≥ 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<Vec<f64>>,
}

/// A peer group's identity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum GroupKey {
    All,
    /// One profile role (`size`, `sector`, …) and the option chosen.
    One(String, String),
    /// Size class × sector.
    SizeSector(String, String),
}

impl GroupKey {
    pub fn id(&self) -> String {
        match self {
            GroupKey::All => "all".into(),
            GroupKey::One(role, option) => format!("{role}={option}"),
            GroupKey::SizeSector(size, sector) => format!("size={size}&sector={sector}"),
        }
    }

    pub fn parse(id: &str) -> Option<GroupKey> {
        if id == "all" {
            return Some(GroupKey::All);
        }
        let parts: Vec<(&str, &str)> = id.split('&').map(|p| p.split_once('=')).collect::<Option<_>>()?;
        match parts.as_slice() {
            [(role, option)] if GROUP_ROLES.contains(role) && !option.is_empty() => Some(GroupKey::One((*role).into(), (*option).into())),
            [("size", size), ("sector", sector)] if !size.is_empty() && !sector.is_empty() => Some(GroupKey::SizeSector((*size).into(), (*sector).into())),
            _ => None,
        }
    }

    /// The groups a company with this profile belongs to (role → option).
    pub fn memberships(profile_by_role: &BTreeMap<String, String>) -> Vec<GroupKey> {
        let mut keys = vec![GroupKey::All];
        for role in GROUP_ROLES {
            if let Some(option) = profile_by_role.get(role) {
                keys.push(GroupKey::One(role.into(), option.clone()));
            }
        }
        if let (Some(size), Some(sector)) = (profile_by_role.get("size"), profile_by_role.get("sector")) {
            keys.push(GroupKey::SizeSector(size.clone(), sector.clone()));
        }
        keys
    }

    /// The company's own group and its fallbacks, most specific first
    /// (METHOD.md §Fallback): size × sector → sector → size → all companies.
    pub fn fallback_chain(profile_by_role: &BTreeMap<String, String>) -> Vec<GroupKey> {
        let mut chain = Vec::new();
        let size = profile_by_role.get("size");
        let sector = profile_by_role.get("sector");
        if let (Some(size), Some(sector)) = (size, sector) {
            chain.push(GroupKey::SizeSector(size.clone(), sector.clone()));
        }
        if let Some(sector) = sector {
            chain.push(GroupKey::One("sector".into(), sector.clone()));
        }
        if let Some(size) = size {
            chain.push(GroupKey::One("size".into(), size.clone()));
        }
        chain.push(GroupKey::All);
        chain
    }

    /// The group's name for people, from the bank's profile labels.
    pub fn label(&self, bank: &Bank, lang: Lang) -> String {
        let option = |role: &str, option: &str| -> String {
            bank.profile_with_role(role)
                .and_then(|f| f.options.iter().find(|o| o.id == option))
                .map(|o| o.label.get(lang).to_owned())
                .unwrap_or_else(|| option.to_owned())
        };
        let role_name = |role: &str| -> String { bank.profile_with_role(role).map(|f| short_role(role, lang, f)).unwrap_or_else(|| role.to_owned()) };
        match self {
            GroupKey::All => lang.t(Msg::BenchAllCompanies).to_owned(),
            GroupKey::One(role, o) => format!("{}: {}", role_name(role), option(role, o)),
            GroupKey::SizeSector(size, sector) => format!("{} × {}", option("size", size), option("sector", sector)),
        }
    }
}

fn short_role(role: &str, lang: Lang, _field: &crate::bank::ProfileField) -> String {
    let msg = match role {
        "size" => Msg::BenchRoleSize,
        "sector" => Msg::BenchRoleSector,
        "competence_area" => Msg::BenchRoleArea,
        "age" => Msg::BenchRoleAge,
        "region" => Msg::BenchRoleRegion,
        _ => return role.to_owned(),
    };
    lang.t(msg).to_owned()
}

/// The profile of an assessment keyed by role (`size` → `small`), for grouping.
pub fn profile_by_role(bank: &Bank, a: &Assessment) -> BTreeMap<String, String> {
    bank.profile().iter().filter_map(|f| Some((f.role.clone()?, a.profile.get(&f.id)?.clone()))).collect()
}

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

/// A company's score for each metric (in `metrics` order); `None` where it has none.
pub fn metric_values(scores: &Scores, metrics: &[String]) -> Vec<Option<f64>> {
    metrics
        .iter()
        .map(|m| if m == OVERALL { scores.overall.map(score::Score::get) } else { scores.metric(m).and_then(|g| g.score).map(score::Score::get) })
        .collect()
}

/// A validated benchmark.
#[derive(Clone, Debug, PartialEq)]
pub struct Benchmark {
    file: BenchmarkFile,
}

impl Benchmark {
    /// Reads and validates a benchmark file (JSON), reporting every problem with its place.
    pub fn from_json(name: &str, bytes: &[u8]) -> Result<Benchmark, Vec<Problem>> {
        let text = crate::import::text_of(name, bytes, MAX_BENCHMARK_FILE).map_err(|p| vec![p])?;
        let value = {
            let v: serde_json::Value = serde_json::from_str(text).map_err(|e| vec![from_json_error(name, text, &e)])?;
            match crate::import::format_of(&v) {
                Some(BENCHMARK_FORMAT) => {}
                Some(other) => {
                    return Err(vec![Problem::new(name, ProblemKind::WrongFormat { expected: BENCHMARK_FORMAT.into(), found: other.into() }).field("format")])
                }
                None => return Err(vec![Problem::new(name, ProblemKind::MissingField).field("format")]),
            }
            v
        };
        let schema = value.get("schema").and_then(serde_json::Value::as_u64).map_or(0, |s| u32::try_from(s).unwrap_or(u32::MAX));
        if schema != BENCHMARK_SCHEMA {
            return Err(vec![Problem::new(name, ProblemKind::UnsupportedSchema { found: schema, supported: BENCHMARK_SCHEMA }).field("schema")]);
        }
        // Parsed again from the text (65 KB), so shape errors carry their line.
        let file: BenchmarkFile = serde_json::from_str(text).map_err(|e| vec![from_json_error(name, text, &e)])?;
        Benchmark::from_file(name, text, file)
    }

    /// Checks a benchmark: min-n everywhere, tables complete and ordered, values 0–100.
    pub fn from_file(name: &str, text: &str, file: BenchmarkFile) -> Result<Benchmark, Vec<Problem>> {
        let mut problems = Vec::new();
        let at = |group: &str, field: &str, kind: ProblemKind| {
            let mut p = Problem::new(name, kind).record(group).field(field);
            p.line = crate::problem::line_of_id(text, group);
            p
        };
        if file.metrics.first().map(String::as_str) != Some(OVERALL) {
            problems.push(
                Problem::new(name, ProblemKind::InvalidValue { expected: "\"overall\", …".into(), found: format!("{:?}", file.metrics.first()) })
                    .field("metrics"),
            );
        }
        if !file.groups.iter().any(|g| g.id == "all") {
            problems.push(Problem::new(name, ProblemKind::MissingField).field("groups.all"));
        }
        let mut seen = std::collections::BTreeSet::new();
        for g in &file.groups {
            if !seen.insert(g.id.as_str()) {
                problems.push(at(&g.id, "id", ProblemKind::DuplicateId { id: g.id.clone() }));
            }
            if GroupKey::parse(&g.id).is_none() {
                problems.push(at(&g.id, "id", ProblemKind::InvalidValue { expected: "all | role=option | size=…&sector=…".into(), found: g.id.clone() }));
            }
            check_stats(&mut problems, &at, &g.id, "stats", g.n, &g.stats, file.metrics.len());
            if let Some(c) = &g.champions {
                if c.n > g.n {
                    problems.push(at(&g.id, "champions.n", ProblemKind::InvalidValue { expected: format!("≤ {}", g.n), found: c.n.to_string() }));
                }
                check_stats(&mut problems, &at, &g.id, "champions.stats", c.n, &c.stats, file.metrics.len());
            }
        }
        if file.meta.total_n < MIN_GROUP {
            problems.push(Problem::new(name, ProblemKind::Rule { rule: Msg::RuleMinGroup, detail: file.meta.total_n.to_string() }).field("meta.total_n"));
        }
        if problems.is_empty() {
            Ok(Benchmark { file })
        } else {
            Err(problems)
        }
    }

    pub fn meta(&self) -> &BenchmarkMeta {
        &self.file.meta
    }

    pub fn group(&self, key: &GroupKey) -> Option<&Group> {
        let id = key.id();
        self.file.groups.iter().find(|g| g.id == id)
    }

    pub fn groups(&self) -> impl Iterator<Item = (GroupKey, &Group)> {
        self.file.groups.iter().filter_map(|g| GroupKey::parse(&g.id).map(|k| (k, g)))
    }

    /// Whether this benchmark was made with answers to `bank` (same id, same major version).
    pub fn fits(&self, bank: &Bank) -> bool {
        bank.accepts_version(&self.file.meta.bank_id, &self.file.meta.bank_version)
    }

    /// The company's default group: the first of its fallback chain with percentile
    /// tables (n ≥ 10). Returns the group and whether it is a fallback.
    pub fn default_group(&self, profile_by_role: &BTreeMap<String, String>) -> Option<(GroupKey, bool)> {
        let chain = GroupKey::fallback_chain(profile_by_role);
        chain.iter().enumerate().find(|(_, k)| self.group(k).is_some_and(|g| g.n >= MIN_PERCENTILES)).map(|(i, k)| (k.clone(), i > 0))
    }

    /// Compares a company's scores with a group.
    pub fn compare(&self, key: &GroupKey, scores: &Scores) -> Option<Comparison> {
        let group = self.group(key)?;
        let values = metric_values(scores, &self.file.metrics);
        let rows = self
            .file
            .metrics
            .iter()
            .enumerate()
            .map(|(i, metric)| {
                let s = &group.stats[i];
                let champions = group.champions.as_ref().map(|c| &c.stats[i]).filter(|c| c.n >= MIN_GROUP);
                let score = values[i];
                let shown = s.n >= MIN_GROUP;
                Row {
                    metric: metric.clone(),
                    score,
                    n: s.n,
                    mean: shown.then_some(s.mean),
                    percentile: score.and_then(|x| s.p.as_deref().and_then(|t| percentile_rank(t, x))),
                    p10: s.p.as_ref().map(|t| t[2]),
                    median: s.p.as_ref().map(|t| t[10]),
                    p90: s.p.as_ref().map(|t| t[18]),
                    champions_mean: champions.map(|c| c.mean),
                    gap_to_mean: score.zip(shown.then_some(s.mean)).map(|(x, m)| x - m),
                    gap_to_champions: score.zip(champions.map(|c| c.mean)).map(|(x, m)| x - m),
                }
            })
            .collect();
        Some(Comparison { group: key.clone(), n: group.n, rows })
    }
}

fn check_stats(
    problems: &mut Vec<Problem>,
    at: &dyn Fn(&str, &str, ProblemKind) -> Problem,
    group: &str,
    field: &str,
    n: u32,
    stats: &[MetricStats],
    metrics: usize,
) {
    if n < MIN_GROUP {
        problems.push(at(group, field, ProblemKind::Rule { rule: Msg::RuleMinGroup, detail: n.to_string() }));
    }
    if stats.len() != metrics {
        problems.push(at(group, field, ProblemKind::InvalidValue { expected: format!("{metrics} metrics"), found: stats.len().to_string() }));
    }
    for (i, s) in stats.iter().enumerate() {
        let place = format!("{field}[{i}]");
        if s.n > n || (s.n > 0 && s.n < MIN_GROUP) {
            problems.push(at(group, &place, ProblemKind::Rule { rule: Msg::RuleMinGroup, detail: s.n.to_string() }));
        }
        if !(0.0..=100.0).contains(&s.mean) || !s.sd.is_finite() || s.sd < 0.0 {
            problems.push(at(group, &place, ProblemKind::InvalidValue { expected: "mean 0–100, sd ≥ 0".into(), found: format!("{} / {}", s.mean, s.sd) }));
        }
        if let Some(p) = &s.p {
            if s.n < MIN_PERCENTILES {
                problems.push(at(group, &format!("{place}.p"), ProblemKind::Rule { rule: Msg::RuleMinPercentiles, detail: s.n.to_string() }));
            }
            let ordered = p.windows(2).all(|w| w[0] <= w[1]);
            let in_range = p.iter().all(|v| (0.0..=100.0).contains(v));
            if p.len() != TABLE_STEPS || !ordered || !in_range {
                problems.push(at(
                    group,
                    &format!("{place}.p"),
                    ProblemKind::InvalidValue { expected: "21 rising values 0–100".into(), found: format!("{} values", p.len()) },
                ));
            }
        }
    }
}

/// One line of a comparison: a metric, the company's score and the group's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub metric: String,
    pub score: Option<f64>,
    pub n: u32,
    pub mean: Option<f64>,
    /// The company's percentile rank in the group (only with a table, n ≥ 10).
    pub percentile: Option<f64>,
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
    pub rows: Vec<Row>,
}

impl Comparison {
    pub fn row(&self, metric: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.metric == metric)
    }
}

// ---------------------------------------------------------------------------------------
// Building a benchmark from assessments.

/// What the builder did with each input.
#[derive(Clone, Debug, PartialEq)]
pub enum Intake {
    Accepted,
    /// The same assessment id came in an earlier file.
    Duplicate,
    Rejected(Vec<Problem>),
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

/// Aggregates complete assessments into a benchmark: only figures, never answers or ids;
/// groups under the minimum size are left out, tables only from 10 companies.
pub fn build(bank: &Bank, assessments: &[Assessment], info: BuildInfo) -> BenchmarkFile {
    let metrics = metrics_of(bank);
    let mut companies: Vec<(Vec<GroupKey>, Vec<Option<f64>>)> = Vec::new();
    let mut alpha_rows: BTreeMap<String, Vec<Vec<f64>>> = BTreeMap::new();
    let mut dates: Vec<&str> = Vec::new();
    for a in assessments {
        let scores = score::score(bank, &|id| a.answer_of(id).cloned());
        companies.push((GroupKey::memberships(&profile_by_role(bank, a)), metric_values(&scores, &metrics)));
        dates.push(&a.updated_at);
        for (si, section) in bank.scored_sections() {
            let row: Option<Vec<f64>> = bank
                .items_in(si)
                .map(|i| match a.answer_of(&i.id) {
                    Some(Answer::Level(l)) => Some(f64::from(*l)),
                    _ => None,
                })
                .collect();
            if let Some(row) = row {
                alpha_rows.entry(section.id.clone()).or_default().push(row);
            }
        }
    }
    let mut keys: Vec<GroupKey> = companies.iter().flat_map(|(k, _)| k.clone()).collect();
    keys.sort();
    keys.dedup();
    let results_index = metrics.iter().position(|m| m == RESULTS_DIMENSION);
    let groups = keys
        .into_iter()
        .filter_map(|key| {
            let members: Vec<&Vec<Option<f64>>> = companies.iter().filter(|(k, _)| k.contains(&key)).map(|(_, v)| v).collect();
            let n = members.len() as u32;
            if n < MIN_GROUP {
                return None;
            }
            let stats = metric_stats(&members, metrics.len());
            let champions = results_index.and_then(|ri| {
                let mut results: Vec<f64> = members.iter().filter_map(|v| v[ri]).collect();
                results.sort_by(f64::total_cmp);
                let threshold = stats::percentile_sorted(&results, CHAMPIONS_PERCENTILE)?;
                let champs: Vec<&Vec<Option<f64>>> = members.iter().copied().filter(|v| v[ri].is_some_and(|r| r >= threshold - 1e-9)).collect();
                (champs.len() as u32 >= MIN_GROUP).then(|| Champions {
                    n: champs.len() as u32,
                    threshold: round1(threshold),
                    stats: metric_stats(&champs, metrics.len()),
                })
            });
            Some(Group { id: key.id(), n, stats, champions })
        })
        .collect();
    dates.sort();
    let month = |d: &&str| d.chars().take(7).collect::<String>();
    let collection_period = match (dates.first(), dates.last()) {
        (Some(first), Some(last)) => format!("{} – {}", month(first), month(last)),
        _ => String::new(),
    };
    let alpha = alpha_rows.into_iter().filter_map(|(dim, rows)| stats::cronbach_alpha(&rows).map(|a| (dim, (a * 1000.0).round() / 1000.0))).collect();
    BenchmarkFile {
        format: BENCHMARK_FORMAT.into(),
        schema: BENCHMARK_SCHEMA,
        meta: BenchmarkMeta {
            name: info.name,
            provenance: info.provenance,
            synthetic: info.synthetic,
            collection_period,
            method: info.method,
            bank_id: bank.id().into(),
            bank_version: bank.version().into(),
            total_n: companies.len() as u32,
            created_at: info.created_at,
            generator: info.generator,
            alpha,
        },
        metrics,
        groups,
    }
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

/// Builds the benchmark file as JSON (compact: it is data for the app, not for reading).
pub fn to_json(file: &BenchmarkFile) -> String {
    serde_json::to_string(file).unwrap_or_default()
}

/// Reads assessment files for the builder: each file is accepted, a duplicate of an
/// earlier one, or rejected with its problems. Incomplete assessments are rejected.
pub fn intake(bank: &Bank, files: &[(String, Vec<u8>)]) -> (Vec<Assessment>, Vec<(String, Intake)>) {
    let mut accepted: Vec<Assessment> = Vec::new();
    let mut report = Vec::new();
    for (name, bytes) in files {
        let outcome = match crate::import::assessment_file(name, bytes, bank) {
            Err(problems) => Intake::Rejected(problems),
            Ok(imported) => {
                let a = imported.assessment;
                if accepted.iter().any(|x| x.id == a.id) {
                    Intake::Duplicate
                } else if !a.is_complete(bank) {
                    let open = a.progress(bank).required_open;
                    Intake::Rejected(vec![Problem::new(name, ProblemKind::Rule { rule: Msg::RuleIncomplete, detail: open.to_string() })])
                } else {
                    accepted.push(a);
                    Intake::Accepted
                }
            }
        };
        report.push((name.clone(), outcome));
    }
    (accepted, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_ids_round_trip() {
        for key in [
            GroupKey::All,
            GroupKey::One("size".into(), "small".into()),
            GroupKey::One("region".into(), "lombardia".into()),
            GroupKey::SizeSector("micro".into(), "C".into()),
        ] {
            assert_eq!(GroupKey::parse(&key.id()), Some(key));
        }
        for bad in ["", "size", "colour=red", "size=small&colour=red", "size=&sector=C"] {
            assert_eq!(GroupKey::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn fallback_goes_from_specific_to_broad() {
        let profile: BTreeMap<String, String> = [("size", "small"), ("sector", "C")].into_iter().map(|(a, b)| (a.to_owned(), b.to_owned())).collect();
        let chain: Vec<String> = GroupKey::fallback_chain(&profile).iter().map(GroupKey::id).collect();
        assert_eq!(chain, ["size=small&sector=C", "sector=C", "size=small", "all"]);
    }
}
