//! A workshop assessment (METHOD.md §Team assessment): several raters of one company
//! answer, on one device in turns or on their own; per question Faro shows the spread of
//! levels (never who answered what) and an agreement index, flags disagreement, and the
//! group records a consensus level — which is what the assessment scores, plans and
//! exports. The raters' own answers are kept, and leave the device only in the raw team
//! file the facilitator exports on purpose.

use crate::assessment::given::Given;
use crate::assessment::score::{score, Scores};
use crate::content::bank::{Answer, Bank, Item, ItemKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The answer options of a level question: five levels.
const OPTIONS: f64 = 5.0;
/// Burke & Dunlap (2002): an average deviation above c/6 (c options) is disagreement.
pub const AD_THRESHOLD: f64 = OPTIONS / 6.0;
/// Longest rater label.
pub const MAX_LABEL: usize = 60;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub raters: Vec<Rater>,
    /// The level the group agreed per question, with a dissent note.
    #[serde(default)]
    pub consensus: BTreeMap<String, Consensus>,
    /// 2 once the facilitator opened a second round (raters may revise).
    #[serde(default = "first_round")]
    pub round: u8,
}

fn first_round() -> u8 {
    1
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rater {
    pub id: String,
    /// A label the facilitator or the rater chose: no real name needed.
    pub label: String,
    #[serde(default)]
    pub answers: BTreeMap<String, Given>,
    /// The answers as they were when a second round opened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_round: Option<BTreeMap<String, Given>>,
    /// The rater said they were done (an unfinished turn keeps what was answered).
    #[serde(default)]
    pub finished: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Consensus {
    pub value: Answer,
    #[serde(default)]
    pub dissent: String,
    pub at: String,
}

/// How the raters answered one question.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemAgreement {
    pub item: String,
    /// Raters choosing level 1…5, then "don't know".
    pub counts: [usize; 6],
    /// Raters who chose a level.
    pub n: usize,
    pub median: Option<f64>,
    pub range: Option<(u8, u8)>,
    /// Average deviation from the mean level (AD_M).
    pub ad: Option<f64>,
    /// Two or more levels given and AD above [`AD_THRESHOLD`].
    pub flagged: bool,
}

/// The agreement on one question among `raters`.
pub fn item_agreement(raters: &[Rater], item: &str) -> ItemAgreement {
    let mut counts = [0usize; 6];
    let mut levels: Vec<u8> = Vec::new();
    for r in raters {
        match r.answers.get(item).map(|g| &g.value) {
            Some(Answer::Level(l @ 1..=5)) => {
                counts[usize::from(*l) - 1] += 1;
                levels.push(*l);
            }
            Some(Answer::DontKnow) => counts[5] += 1,
            _ => {}
        }
    }
    levels.sort_unstable();
    let n = levels.len();
    let values: Vec<f64> = levels.iter().map(|l| f64::from(*l)).collect();
    let mean = crate::kernel::stats::mean(&values);
    let ad = mean.filter(|_| n >= 2).map(|m| values.iter().map(|v| (v - m).abs()).sum::<f64>() / n as f64);
    let median = (n > 0).then(|| if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 });
    ItemAgreement {
        item: item.to_owned(),
        counts,
        n,
        median,
        range: levels.first().zip(levels.last()).map(|(a, b)| (*a, *b)),
        ad,
        flagged: ad.is_some_and(|a| a > AD_THRESHOLD + 1e-9),
    }
}

/// The level a question's consensus starts from: the median, a half rounded down (the
/// more cautious reading); "don't know" when no rater chose a level.
pub fn proposed(agreement: &ItemAgreement) -> Answer {
    match agreement.median {
        Some(m) => Answer::Level(m.floor() as u8),
        None => Answer::DontKnow,
    }
}

/// One dimension's agreement: how many of its questions are flagged, and the mean AD.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionAgreement {
    pub dimension: String,
    pub questions: usize,
    pub flagged: usize,
    pub mean_ad: Option<f64>,
}

/// One dimension's scores across the raters (the band on the results' bars).
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    pub section: usize,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Raters with a score in this dimension.
    pub raters: usize,
}

impl Team {
    /// Adds a rater with a fresh id; returns it.
    pub fn add_rater(&mut self, label: &str) -> String {
        let n = self.raters.len() + 1;
        let id = (n..).map(|k| format!("rater-{k}")).find(|id| !self.raters.iter().any(|r| &r.id == id)).unwrap_or_default();
        let label = if label.trim().is_empty() { format!("#{n}") } else { label.trim().chars().take(MAX_LABEL).collect() };
        self.raters.push(Rater { id: id.clone(), label, answers: BTreeMap::new(), first_round: None, finished: false });
        id
    }

    pub fn rater_mut(&mut self, id: &str) -> Option<&mut Rater> {
        self.raters.iter_mut().find(|r| r.id == id)
    }

    /// Every level question's agreement, in bank order.
    pub fn agreement(&self, bank: &Bank) -> Vec<ItemAgreement> {
        level_items(bank).map(|i| item_agreement(&self.raters, &i.id)).collect()
    }

    /// Each scored dimension's agreement summary.
    pub fn dimensions(&self, bank: &Bank) -> Vec<DimensionAgreement> {
        let all = self.agreement(bank);
        bank.scored_sections()
            .map(|(si, s)| {
                let mine: Vec<&ItemAgreement> = all.iter().filter(|a| bank.item(&a.item).is_some_and(|i| i.section == si)).collect();
                let ads: Vec<f64> = mine.iter().filter_map(|a| a.ad).collect();
                DimensionAgreement {
                    dimension: s.id.clone(),
                    questions: mine.len(),
                    flagged: mine.iter().filter(|a| a.flagged).count(),
                    mean_ad: crate::kernel::stats::mean(&ads),
                }
            })
            .collect()
    }

    /// Each rater's scores, for the spread of a dimension across raters.
    pub fn rater_scores(&self, bank: &Bank) -> Vec<Scores> {
        self.raters.iter().filter(|r| !r.answers.is_empty()).map(|r| score(bank, &|id| r.answers.get(id).map(|g| g.value.clone()))).collect()
    }

    /// Takes a rater's answers from their own device: a rater this team knows (same id)
    /// gains each answer that is newer than the one kept here, never an older one; an
    /// unknown rater is added. Returns how many answers changed.
    pub fn merge_rater(&mut self, incoming: Rater) -> usize {
        let Some(known) = self.rater_mut(&incoming.id) else {
            let n = incoming.answers.len();
            self.raters.push(incoming);
            return n.max(1);
        };
        let mut changed = 0;
        for (item, given) in incoming.answers {
            if known.answers.get(&item).is_none_or(|mine| mine.at < given.at) {
                known.answers.insert(item, given);
                changed += 1;
            }
        }
        known.finished |= incoming.finished;
        changed
    }

    /// Forgets the answers a rater gave since `since` (a turn left unattended, when staff
    /// chose to discard such turns).
    pub fn discard_since(&mut self, rater: &str, since: &str) {
        if let Some(r) = self.rater_mut(rater) {
            r.answers.retain(|_, g| g.at.as_str() < since);
        }
    }

    /// Each scored dimension's lowest and highest score across the raters who have one.
    pub fn spread(&self, bank: &Bank) -> Vec<Spread> {
        let each = self.rater_scores(bank);
        bank.scored_sections()
            .map(|(si, _)| {
                let scores: Vec<f64> = each.iter().filter_map(|s| s.dimensions.iter().find(|d| d.section == si)?.group.score.map(|x| x.get())).collect();
                let low = scores.iter().copied().reduce(f64::min);
                let high = scores.iter().copied().reduce(f64::max);
                Spread { section: si, low, high, raters: scores.len() }
            })
            .collect()
    }

    /// Opens a second round: each rater's answers are kept as they were, and raters may
    /// revise (the agreement then uses the revised answers).
    pub fn open_second_round(&mut self) {
        for r in &mut self.raters {
            r.first_round = Some(r.answers.clone());
        }
        self.round = 2;
    }
}

fn level_items(bank: &Bank) -> impl Iterator<Item = &Item> {
    bank.items().iter().filter(|i| matches!(i.kind, ItemKind::Level { .. }))
}
