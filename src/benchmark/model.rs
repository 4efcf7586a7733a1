//! The benchmark file (`assets/benchmark/`): its figures per peer group, the rules that
//! keep small groups out of sight (METHOD.md §4–§7), and the validated [`Benchmark`].

use crate::content::bank::Bank;
use crate::format::envelope::{self, Envelope, FormatId};
use crate::format::input::text_of;
use crate::kernel::i18n::{Lang, Localized, Msg};
use crate::kernel::problem::{from_json_error, line_of_id, Expected, Found, Problem, ProblemKind};
use crate::kernel::stats::DECILES;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Largest benchmark file accepted.
pub const MAX_BENCHMARK_FILE: usize = 32 * 1024 * 1024;

/// No figure of a group with fewer companies is ever shown or exported (5–19: means).
pub const MIN_GROUP: u32 = crate::kernel::disclosure::MIN_GROUP as u32;
/// The deciles of a group need at least this many companies: fewer, and a decile is
/// close to one company's own score (METHOD.md §4).
pub const MIN_PERCENTILES: u32 = 20;
/// The leading companies ("champions"): at or above this percentile of the group's
/// outcome index, which is not part of the practice scores (METHOD.md §5).
pub const CHAMPIONS_PERCENTILE: f64 = 90.0;
/// The profile roles of the business outcomes that define the leading companies.
pub const OUTCOME_ROLES: [&str; 2] = ["growth", "new_sales"];
/// The option of an outcome question that says nothing about the company.
pub const PREFER_NOT: &str = "prefer_not";
/// The metric id of the overall index.
pub const OVERALL: &str = "overall";

/// The profile roles that form peer groups, from the broadest to the most specific
/// single criterion; the pair size × sector is added on top.
pub const GROUP_ROLES: [&str; 5] = ["size", "sector", "competence_area", "age", "region"];

/// The envelope's own words in a benchmark file.
#[derive(Deserialize)]
struct BenchmarkHeader {
    #[serde(default)]
    app_version: String,
    #[serde(default)]
    exported_at: String,
}

/// A benchmark file: the envelope (format `faro-benchmark`) and its figures.
pub type BenchmarkFile = Envelope<BenchmarkBody>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkBody {
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
    /// A name for this benchmark that plans record (made from its name, date and size
    /// when a file has none).
    #[serde(default)]
    pub id: String,
    /// Scores left out because they were unreliable (fewer than 60 % of their questions
    /// answered): how many companies had at least one,
    #[serde(default)]
    pub left_out: u32,
    /// …and how many scores in all.
    #[serde(default)]
    pub left_out_scores: u32,
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
    /// The same figures for the group's leading companies, when there are at least 5.
    #[serde(default)]
    pub champions: Option<Champions>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Champions {
    pub n: u32,
    /// The outcome index (0–100) at or above which a company leads its group.
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
    /// The deciles P10…P90 (9 values, 0–100), only when n ≥ 20.
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
        let role_name = |role: &str| -> String { bank.profile_with_role(role).map(|_| short_role(role, lang)).unwrap_or_else(|| role.to_owned()) };
        match self {
            GroupKey::All => lang.t(Msg::BenchAllCompanies).to_owned(),
            GroupKey::One(role, o) => format!("{}: {}", role_name(role), option(role, o)),
            GroupKey::SizeSector(size, sector) => format!("{} × {}", option("size", size), option("sector", sector)),
        }
    }
}

fn short_role(role: &str, lang: Lang) -> String {
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

/// A benchmark of schema 1 (a 21-point table per metric, champions by the Innovation
/// Results score) in the shape of schema 2: its deciles kept where 20 companies or more
/// stand behind them, and its champions dropped, because they were chosen by a score the
/// method no longer uses for that (METHOD.md §5).
fn migrate(mut value: Value, from: u32) -> Result<Value, Problem> {
    if from != 1 {
        return Ok(value);
    }
    let decile = |table: &Value| -> Option<Value> { Some(Value::Array((1..=9).map(|k| table.get(2 * k).cloned()).collect::<Option<Vec<_>>>()?)) };
    for group in value.get_mut("groups").and_then(Value::as_array_mut).into_iter().flatten() {
        if let Some(g) = group.as_object_mut() {
            g.remove("champions");
        }
        for stats in group.get_mut("stats").and_then(Value::as_array_mut).into_iter().flatten() {
            let n = stats.get("n").and_then(Value::as_u64).unwrap_or(0);
            let table = stats.get("p").and_then(|p| if n >= u64::from(MIN_PERCENTILES) { decile(p) } else { None });
            if let Some(s) = stats.as_object_mut() {
                match table {
                    Some(t) => s.insert("p".into(), t),
                    None => s.remove("p"),
                };
            }
        }
    }
    Ok(value)
}

/// An id for a benchmark file that has none: its name, creation date and size.
fn derived_id(meta: &BenchmarkMeta) -> String {
    let name: String = meta.name.get(Lang::DEFAULT).chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    format!("{}-{}-{}", name.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-"), meta.created_at, meta.total_n)
}

#[derive(Clone, Debug, PartialEq)]
pub struct Benchmark {
    file: BenchmarkFile,
}

impl Benchmark {
    /// Reads and validates a benchmark file (JSON), reporting every problem with its place.
    pub fn from_json(name: &str, bytes: &[u8]) -> Result<Benchmark, Vec<Problem>> {
        let text = text_of(name, bytes, MAX_BENCHMARK_FILE).map_err(|p| vec![p])?;
        let schema = envelope::check_text(name, text, FormatId::BENCHMARK).map_err(|p| vec![p])?;
        let mut file = if schema < FormatId::BENCHMARK.schema() {
            envelope::read_migrating(name, text, FormatId::BENCHMARK, &migrate).map_err(|p| vec![p])?
        } else {
            // The body straight from the text, so a shape problem carries its line.
            let header: BenchmarkHeader = serde_json::from_str(text).map_err(|e| vec![from_json_error(name, text, &e)])?;
            let body: BenchmarkBody = serde_json::from_str(text).map_err(|e| vec![from_json_error(name, text, &e)])?;
            let format = FormatId::BENCHMARK;
            Envelope { format: format.as_str().into(), schema: format.schema(), app_version: header.app_version, exported_at: header.exported_at, body }
        };
        if file.meta.id.is_empty() {
            file.meta.id = derived_id(&file.meta);
        }
        Benchmark::from_file(name, text, file)
    }

    /// Checks a benchmark: min-n everywhere, tables complete and ordered, values 0–100.
    pub fn from_file(name: &str, text: &str, file: BenchmarkFile) -> Result<Benchmark, Vec<Problem>> {
        let mut problems = Vec::new();
        let at = |group: &str, field: &str, kind: ProblemKind| {
            let mut p = Problem::new(name, kind).record(group).field(field);
            p.line = line_of_id(text, group);
            p
        };
        if file.metrics.first().map(String::as_str) != Some(OVERALL) {
            problems.push(
                Problem::new(
                    name,
                    ProblemKind::InvalidValue {
                        expected: Expected::Literal("\"overall\", …".into()),
                        found: file.metrics.first().map_or(Found::Unknown, |m| Found::literal(m)),
                    },
                )
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
                problems.push(at(&g.id, "id", ProblemKind::InvalidValue { expected: Expected::GroupId, found: Found::literal(&g.id) }));
            }
            check_stats(&mut problems, &at, &g.id, "stats", g.n, &g.stats, file.metrics.len());
            if let Some(c) = &g.champions {
                if c.n > g.n {
                    problems.push(at(
                        &g.id,
                        "champions.n",
                        ProblemKind::InvalidValue { expected: Expected::Literal(format!("≤ {}", g.n)), found: Found::Count(c.n as usize) },
                    ));
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

    /// Column order of every `stats` list.
    pub fn metrics(&self) -> &[String] {
        &self.file.metrics
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
        problems.push(at(group, field, ProblemKind::InvalidValue { expected: Expected::Metrics(metrics), found: Found::Count(stats.len()) }));
    }
    for (i, s) in stats.iter().enumerate() {
        let place = format!("{field}[{i}]");
        if s.n > n || (s.n > 0 && s.n < MIN_GROUP) {
            problems.push(at(group, &place, ProblemKind::Rule { rule: Msg::RuleMinGroup, detail: s.n.to_string() }));
        }
        if !(0.0..=100.0).contains(&s.mean) || !s.sd.is_finite() || s.sd < 0.0 {
            problems.push(at(
                group,
                &place,
                ProblemKind::InvalidValue { expected: Expected::MeanAndSd, found: Found::literal(&format!("{} / {}", s.mean, s.sd)) },
            ));
        }
        if let Some(p) = &s.p {
            if s.n < MIN_PERCENTILES {
                problems.push(at(group, &format!("{place}.p"), ProblemKind::Rule { rule: Msg::RuleMinPercentiles, detail: s.n.to_string() }));
            }
            let ordered = p.windows(2).all(|w| w[0] <= w[1]);
            let in_range = p.iter().all(|v| (0.0..=100.0).contains(v));
            if p.len() != DECILES || !ordered || !in_range {
                problems.push(at(
                    group,
                    &format!("{place}.p"),
                    ProblemKind::InvalidValue { expected: Expected::PercentileTable(DECILES), found: Found::Count(p.len()) },
                ));
            }
        }
    }
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
