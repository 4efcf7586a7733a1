//! Proposing an Action Plan from scores (METHOD.md §8): rank the library's actions on
//! the practice dimensions by priority = gap × importance ÷ effort, where the gap is to
//! one target for every company (the leading companies of the whole benchmark), keep a
//! short, varied list, and record for each action the figures that triggered it.

use crate::assessment::plan::Importance;
use crate::assessment::plan::{Plan, PlanBenchmark, PlanItem, Reason, Status, TargetKind, Tier};
use crate::assessment::score::Scores;
use crate::benchmark::Benchmark;
use crate::content::actions::{Effort, Library};
use crate::content::bank::Bank;
use crate::kernel::i18n::Lang;
use crate::kernel::stats;
use std::collections::BTreeMap;

/// The first proposal holds at most this many actions (readable on one page).
pub const MAX_ACTIONS: usize = 8;
/// At most this many actions for the same sub-dimension (or dimension-wide).
pub const MAX_PER_METRIC: usize = 2;
/// At most this many actions for the same dimension.
pub const MAX_PER_DIMENSION: usize = 3;
/// At most this many quick wins, so the plan always leaves room for strategic work
/// (priority divides by effort, which would otherwise fill it with low-effort actions).
pub const MAX_QUICK_WINS: usize = 5;
/// Gaps smaller than this (points) do not trigger actions.
pub const MIN_GAP: f64 = 1.0;

/// One candidate before selection.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub action: String,
    pub dimension: String,
    pub metric: String,
    pub effort: Effort,
    pub reason: Reason,
}

/// The mean weight of the questions behind `metric`, relative to the bank's mean weight,
/// so that a sub-dimension of heavier questions counts more.
fn weight_factor(bank: &Bank, metric: &str) -> f64 {
    let all: Vec<f64> = bank.items().iter().filter(|i| bank.sections()[i.section].scored).map(|i| i.weight).collect();
    let overall = stats::mean(&all).unwrap_or(1.0);
    let mine: Vec<f64> = bank.items_of_metric(metric).map(|i| i.weight).collect();
    stats::mean(&mine).map(|m| m / overall).unwrap_or(1.0)
}

/// The target of a metric: the leading companies' mean in the whole benchmark, or the
/// top of the scale when the benchmark has no leading companies (METHOD.md §8).
fn target(benchmark: Option<&Benchmark>, metric: &str) -> (f64, TargetKind, Option<u32>) {
    match benchmark.and_then(|b| b.leading_mean(metric)) {
        Some((mean, leaders)) => (mean, TargetKind::Champions, Some(leaders)),
        None => (100.0, TargetKind::Maximum, None),
    }
}

/// What a proposal measures the company against: the benchmark's leading companies, the
/// weight the company gives each dimension, and last year's plan (METHOD.md §9).
#[derive(Clone, Copy, Default)]
pub struct Basis<'a> {
    pub benchmark: Option<&'a Benchmark>,
    pub importance: Option<&'a BTreeMap<String, Importance>>,
    /// Its finished actions are not proposed again; those set aside say so.
    pub previous: Option<&'a Plan>,
}

/// Every action of the library on a practice dimension, with its priority for this
/// company. Outcome dimensions (Innovation Results) are reported, never targeted.
pub fn candidates(bank: &Bank, library: &Library, scores: &Scores, basis: Basis) -> Vec<Candidate> {
    let mut out = Vec::new();
    let outcome = |dim: &str| bank.sections().iter().any(|s| s.id == dim && s.outcome);
    let last_year =
        |action: &str, status: Status| basis.previous.is_some_and(|p| p.items.iter().any(|i| i.action.as_deref() == Some(action) && i.status == status));
    // What the company finished last year is not proposed again.
    for action in library.actions().iter().filter(|a| !outcome(&a.dimension) && !last_year(&a.id, Status::Done)) {
        let metric = action.metric();
        let Some(group) = scores.metric(&metric) else { continue };
        // An unreliable score (too many "don't know") is no basis for a plan.
        let (Some(score), true) = (group.score, group.reliable) else { continue };
        let score = score.get();
        let (target, target_kind, leaders) = target(basis.benchmark, &metric);
        let gap = (target - score).max(0.0);
        let said_importance = basis.importance.and_then(|i| i.get(&action.dimension)).copied().unwrap_or_default();
        let importance = weight_factor(bank, &metric) * said_importance.factor();
        let effort_factor = action.effort.factor();
        let priority = gap * importance / effort_factor;
        out.push(Candidate {
            action: action.id.clone(),
            dimension: action.dimension.clone(),
            metric: metric.clone(),
            effort: action.effort,
            reason: Reason {
                metric,
                score,
                target,
                target_kind,
                gap,
                importance,
                effort_factor,
                priority,
                said_importance,
                leaders,
                set_aside_before: last_year(&action.id, Status::Abandoned),
            },
        });
    }
    // Highest priority first; ties: lower effort, then library order (stable sort).
    out.sort_by(|a, b| b.reason.priority.total_cmp(&a.reason.priority).then(a.effort.cmp(&b.effort)));
    out
}

/// Picks the proposal: highest priorities first, at most [`MAX_PER_METRIC`] per metric,
/// [`MAX_PER_DIMENSION`] per dimension, [`MAX_QUICK_WINS`] quick wins and
/// [`MAX_ACTIONS`] in all, only real gaps.
pub fn select(candidates: &[Candidate]) -> Vec<&Candidate> {
    let mut chosen: Vec<&Candidate> = Vec::new();
    for c in candidates {
        if chosen.len() == MAX_ACTIONS {
            break;
        }
        if c.reason.gap < MIN_GAP {
            continue;
        }
        let same_metric = chosen.iter().filter(|x| x.metric == c.metric).count();
        let same_dimension = chosen.iter().filter(|x| x.dimension == c.dimension).count();
        let quick_wins = chosen.iter().filter(|x| x.effort == Effort::Low).count();
        let room = c.effort != Effort::Low || quick_wins < MAX_QUICK_WINS;
        if same_metric < MAX_PER_METRIC && same_dimension < MAX_PER_DIMENSION && room {
            chosen.push(c);
        }
    }
    chosen
}

/// Low-effort actions in the proposal are quick wins; the others are strategic.
pub fn tier(effort: Effort) -> Tier {
    if effort == Effort::Low {
        Tier::QuickWin
    } else {
        Tier::Strategic
    }
}

/// A new plan from the proposal, with texts copied in `lang` so the company can edit them.
pub fn propose(bank: &Bank, library: &Library, scores: &Scores, basis: Basis, lang: Lang, now: &str) -> Plan {
    let all = candidates(bank, library, scores, basis);
    let items = select(&all)
        .into_iter()
        .filter_map(|c| {
            let action = library.action(&c.action)?;
            Some(PlanItem {
                description: action.description.get(lang).to_owned(),
                kpi: action.kpi.get(lang).to_owned(),
                reason: Some(c.reason.clone()),
                services: action.services.clone(),
                ..PlanItem::new(action.id.clone(), Some(action.id.clone()), action.title.get(lang).to_owned(), tier(action.effort))
            })
        })
        .collect();
    Plan { created_at: now.into(), updated_at: now.into(), benchmark_group: None, benchmark: basis.benchmark.map(PlanBenchmark::of), items }
}
