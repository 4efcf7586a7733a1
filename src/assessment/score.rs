//! Scoring of an assessment (METHOD.md §1–§3): level answers become points, points
//! become weighted sub-dimension and dimension scores with their coverage, and the five
//! dimensions give the overall innovation-management index.

use crate::benchmark::{Scored, OVERALL};
use crate::content::bank::{Answer, Bank, ItemKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A dimension whose answered weight is below this share of its total weight is flagged
/// as unreliable (METHOD.md §2).
pub const RELIABLE_COVERAGE: f64 = 0.6;

/// A score from 0 to 100, by construction.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Score(f64);

impl Score {
    /// `None` for anything outside 0–100 or not a number.
    pub fn new(value: f64) -> Option<Score> {
        (value.is_finite() && (0.0..=100.0).contains(&value)).then_some(Score(value))
    }

    /// Clamps into 0–100 (for values that are in range up to rounding).
    pub fn clamped(value: f64) -> Score {
        Score(if value.is_finite() { value.clamp(0.0, 100.0) } else { 0.0 })
    }

    pub fn get(self) -> f64 {
        self.0
    }

    /// Points of a level answer: level 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100.
    pub fn of_level(level: u8) -> Option<Score> {
        (1..=5).contains(&level).then(|| Score(25.0 * f64::from(level - 1)))
    }
}

impl TryFrom<f64> for Score {
    type Error = String;
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        Score::new(value).ok_or_else(|| format!("invalid value: {value}, expected 0–100"))
    }
}

impl From<Score> for f64 {
    fn from(s: Score) -> f64 {
        s.0
    }
}

/// The score of one group of questions (a sub-dimension, a dimension).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupScore {
    /// `None` when no question of the group has a level answer.
    pub score: Option<Score>,
    /// Answered weight ÷ total weight, 0–1.
    pub coverage: f64,
    pub answered: usize,
    pub dont_know: usize,
    pub unanswered: usize,
    pub reliable: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionScore {
    /// Index into the bank's sections.
    pub section: usize,
    pub id: String,
    pub group: GroupScore,
    /// One per sub-dimension of the section, in file order.
    pub subdimensions: Vec<(String, GroupScore)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    pub dimensions: Vec<DimensionScore>,
    /// Unweighted mean of the dimension scores; `None` unless every dimension has one.
    pub overall: Option<Score>,
    /// True when every dimension is reliable.
    pub overall_reliable: bool,
}

#[derive(Default)]
struct Accumulator {
    weighted_points: f64,
    answered_weight: f64,
    total_weight: f64,
    answered: usize,
    dont_know: usize,
    unanswered: usize,
}

impl Accumulator {
    fn add(&mut self, weight: f64, answer: Option<&Answer>) {
        self.total_weight += weight;
        match answer {
            Some(Answer::Level(l)) => {
                if let Some(points) = Score::of_level(*l) {
                    self.weighted_points += weight * points.get();
                    self.answered_weight += weight;
                    self.answered += 1;
                }
            }
            Some(Answer::DontKnow) => self.dont_know += 1,
            _ => self.unanswered += 1,
        }
    }

    fn finish(&self) -> GroupScore {
        let score = (self.answered_weight > 0.0).then(|| Score::clamped(self.weighted_points / self.answered_weight));
        let coverage = if self.total_weight > 0.0 { self.answered_weight / self.total_weight } else { 0.0 };
        GroupScore {
            score,
            coverage,
            answered: self.answered,
            dont_know: self.dont_know,
            unanswered: self.unanswered,
            reliable: score.is_some() && coverage + 1e-9 >= RELIABLE_COVERAGE,
        }
    }
}

/// Scores `answers` (item id → answer) against `bank`. Pure: the same answers always give
/// the same scores, whatever order they were given in.
pub fn score(bank: &Bank, answers: &dyn Fn(&str) -> Option<Answer>) -> Scores {
    let mut dimensions = Vec::new();
    for (si, section) in bank.scored_sections() {
        let mut whole = Accumulator::default();
        let mut subs: Vec<Accumulator> = section.subdimensions.iter().map(|_| Accumulator::default()).collect();
        for item in bank.items_in(si).filter(|i| matches!(i.kind, ItemKind::Level { .. })) {
            let answer = answers(&item.id);
            whole.add(item.weight, answer.as_ref());
            if let Some(sub) = item.subdimension {
                subs[sub].add(item.weight, answer.as_ref());
            }
        }
        dimensions.push(DimensionScore {
            section: si,
            id: section.id.clone(),
            group: whole.finish(),
            subdimensions: section.subdimensions.iter().zip(&subs).map(|(s, acc)| (s.id.clone(), acc.finish())).collect(),
        });
    }
    let all: Option<Vec<f64>> = dimensions.iter().map(|d| d.group.score.map(Score::get)).collect();
    let overall = all.filter(|v| !v.is_empty()).map(|v| Score::clamped(v.iter().sum::<f64>() / v.len() as f64));
    let overall_reliable = overall.is_some() && dimensions.iter().all(|d| d.group.reliable);
    Scores { dimensions, overall, overall_reliable }
}

/// Convenience for a map of answers.
pub fn score_map(bank: &Bank, answers: &BTreeMap<String, Answer>) -> Scores {
    score(bank, &|id| answers.get(id).cloned())
}

/// A sub-dimension ranked among the strongest or weakest areas.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub section: usize,
    pub subdimension: usize,
    pub score: Score,
}

impl Scores {
    /// The `n` strongest and `n` weakest sub-dimensions with a reliable score. Ties keep
    /// bank order, so the result is stable. The two lists never share an area.
    pub fn extremes(&self, n: usize) -> (Vec<Area>, Vec<Area>) {
        let mut areas: Vec<Area> = self
            .dimensions
            .iter()
            .flat_map(|d| {
                d.subdimensions
                    .iter()
                    .enumerate()
                    .filter_map(move |(i, (_, g))| g.score.filter(|_| g.reliable).map(|score| Area { section: d.section, subdimension: i, score }))
            })
            .collect();
        areas.sort_by(|a, b| b.score.get().total_cmp(&a.score.get()));
        let strongest: Vec<Area> = areas.iter().take(n.min(areas.len() / 2)).cloned().collect();
        let weakest: Vec<Area> = areas.iter().rev().take(n.min(areas.len() / 2)).cloned().collect();
        (strongest, weakest)
    }

    pub fn dimension(&self, id: &str) -> Option<&DimensionScore> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The score of `dimension.subdimension` (e.g. `strategy.vision`), or of a dimension.
    pub fn metric(&self, metric: &str) -> Option<&GroupScore> {
        match metric.split_once('.') {
            Some((dim, sub)) => self.dimension(dim)?.subdimensions.iter().find(|(s, _)| s == sub).map(|(_, g)| g),
            None => self.dimension(metric).map(|d| &d.group),
        }
    }
}

impl Scores {
    /// The score of `overall`, a dimension or `dimension.sub`, when it is reliable
    /// (what a benchmark takes in).
    pub fn reliable_value(&self, metric: &str) -> Option<f64> {
        let reliable = if metric == OVERALL { self.overall_reliable } else { self.metric(metric).is_some_and(|g| g.reliable) };
        reliable.then(|| self.value(metric)).flatten()
    }
}

impl Scored for Scores {
    /// The score of `overall`, a dimension or `dimension.sub`.
    fn value(&self, metric: &str) -> Option<f64> {
        if metric == OVERALL {
            self.overall.map(Score::get)
        } else {
            self.metric(metric).and_then(|g| g.score).map(Score::get)
        }
    }
}
