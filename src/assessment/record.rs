//! One company's self-assessment: profile, answers with the time each was given, where
//! to resume, how much each dimension matters to it, and its Action Plan.

use crate::assessment::plan::{Importance, Plan};
use crate::assessment::score::{self, Scores};
use crate::assessment::team::{proposed, Consensus, Team};
use crate::benchmark::{Company, Scored, OUTCOME_ROLES};
use crate::content::bank::{is_visible, Answer, Bank, Item, ProfileField};
use crate::kernel::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::assessment::given::Given;

/// Where to resume: the page (0 = profile, 1.. = sections, then review) and the question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resume {
    pub page: usize,
    #[serde(default)]
    pub question: Option<String>,
}

/// One company's self-assessment: profile, answers, where to resume, and its plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    /// The name the user gives it ("Assessment 2027", "Plant in Brescia").
    pub name: String,
    pub bank_id: String,
    pub bank_version: String,
    pub lang: Lang,
    pub created_at: String,
    pub updated_at: String,
    #[serde(default)]
    pub profile: BTreeMap<String, String>,
    #[serde(default)]
    pub answers: BTreeMap<String, Given>,
    #[serde(default)]
    pub resume: Resume,
    /// Company-set importance per dimension id (default: normal).
    #[serde(default)]
    pub importance: BTreeMap<String, Importance>,
    #[serde(default)]
    pub plan: Option<Plan>,
    /// The company's series of yearly assessments, the id of its first one (empty: this
    /// one is the first). Progress compares the assessments of one series.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub series: String,
    /// The questionnaire version the answers were given under, when it was upgraded to a
    /// later one since: scores across MAJOR versions may not compare (METHOD.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_with: Option<String>,
    /// A workshop: the raters, their answers and the group's consensus (the answers
    /// above are the consensus).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<Team>,
}

/// Answered and open questions of an assessment or survey response.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
    pub required_open: usize,
}

impl Assessment {
    pub fn new(id: String, name: String, bank: &Bank, lang: Lang, now: &str) -> Assessment {
        Assessment {
            id,
            name,
            bank_id: bank.id().to_owned(),
            bank_version: bank.version().to_owned(),
            lang,
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            profile: BTreeMap::new(),
            answers: BTreeMap::new(),
            resume: Resume::default(),
            importance: BTreeMap::new(),
            plan: None,
            series: String::new(),
            answered_with: None,
            team: None,
        }
    }

    /// The company series it belongs to: the id of the series' first assessment.
    pub fn series_id(&self) -> &str {
        if self.series.is_empty() {
            &self.id
        } else {
            &self.series
        }
    }

    /// The version of the questionnaire its answers answer.
    pub fn answered_version(&self) -> &str {
        self.answered_with.as_deref().unwrap_or(&self.bank_version)
    }

    /// Next year's assessment of the same company: same series, profile and importance;
    /// the answers only if `with_answers`, each then marked carried over until confirmed.
    pub fn next_year(&self, id: String, name: String, bank: &Bank, now: &str, with_answers: bool) -> Assessment {
        let mut next = Assessment::new(id, name, bank, self.lang, now);
        next.series = self.series_id().to_owned();
        next.profile = self.profile.clone();
        next.importance = self.importance.clone();
        if with_answers {
            let current = bank.items().iter().filter_map(|i| Some((i, self.answer_of(&i.id)?)));
            next.answers = current.map(|(i, a)| (i.id.clone(), Given { value: a.clone(), at: now.to_owned(), carried: true })).collect();
        }
        next
    }

    /// Keeps a carried-over answer as this year's.
    pub fn confirm_answer(&mut self, item_id: &str, now: &str) {
        if let Some(g) = self.answers.get_mut(item_id).filter(|g| g.carried) {
            g.carried = false;
            g.at = now.to_owned();
            self.updated_at = now.to_owned();
        }
    }

    /// Answers carried over from last year and not yet confirmed, in bank order.
    pub fn carried<'b>(&self, bank: &'b Bank) -> Vec<&'b Item> {
        bank.items().iter().filter(|i| self.answers.get(&i.id).is_some_and(|g| g.carried)).collect()
    }

    pub fn answer_of(&self, item_id: &str) -> Option<&Answer> {
        self.answers.get(item_id).map(|g| &g.value)
    }

    /// Records an answer if it fits the item; returns whether it did.
    pub fn set_answer(&mut self, item: &Item, value: Answer, now: &str) -> bool {
        if !value.fits(item) {
            return false;
        }
        self.answers.insert(item.id.clone(), Given { value, at: now.to_owned(), carried: false });
        self.updated_at = now.to_owned();
        true
    }

    pub fn clear_answer(&mut self, item_id: &str, now: &str) {
        if self.answers.remove(item_id).is_some() {
            self.updated_at = now.to_owned();
        }
    }

    pub fn set_profile(&mut self, field: &str, option: &str, now: &str) {
        self.profile.insert(field.to_owned(), option.to_owned());
        self.updated_at = now.to_owned();
    }

    pub fn visible(&self, item: &Item) -> bool {
        is_visible(item, |id| self.answer_of(id).cloned())
    }

    /// Visible questions with no answer, in bank order (the review page lists them).
    pub fn unanswered<'b>(&self, bank: &'b Bank) -> Vec<&'b Item> {
        bank.items().iter().filter(|i| self.visible(i) && !self.answers.contains_key(&i.id)).collect()
    }

    /// Required profile fields still empty.
    pub fn profile_open<'b>(&self, bank: &'b Bank) -> Vec<&'b ProfileField> {
        bank.profile().iter().filter(|f| f.required && !self.profile.contains_key(&f.id)).collect()
    }

    pub fn progress(&self, bank: &Bank) -> Progress {
        let visible: Vec<&Item> = bank.items().iter().filter(|i| self.visible(i)).collect();
        let answered = visible.iter().filter(|i| self.answers.contains_key(&i.id)).count();
        let required_open = visible.iter().filter(|i| i.required && !self.answers.contains_key(&i.id)).count() + self.profile_open(bank).len();
        Progress { answered, total: visible.len(), required_open }
    }

    /// Results are shown once every required question (and profile field) has an answer;
    /// "don't know" counts as an answer.
    pub fn is_complete(&self, bank: &Bank) -> bool {
        self.progress(bank).required_open == 0
    }

    /// Complete enough to go into a benchmark: every required answer but the outcome
    /// questions, which assessments made before version 2 were never asked; a missing
    /// outcome counts as "prefer not to say" (METHOD.md §5).
    pub fn is_complete_for_benchmark(&self, bank: &Bank) -> bool {
        let outcomes_open = self.profile_open(bank).iter().filter(|f| f.role.as_deref().is_some_and(|r| OUTCOME_ROLES.contains(&r))).count();
        self.progress(bank).required_open == outcomes_open
    }

    pub fn importance_of(&self, dimension: &str) -> Importance {
        self.importance.get(dimension).copied().unwrap_or_default()
    }

    /// Brings an assessment made with an earlier MAJOR version of `bank` up to date:
    /// each answer goes to the questions it answers now (the bank's `carry` rules, or the
    /// same id), where it fits; an answer no question of this version takes is kept
    /// under its old id, where it is never scored. Returns whether anything changed.
    pub fn upgrade(&mut self, bank: &Bank) -> bool {
        if self.bank_version == bank.version() || !bank.reads_version(&self.bank_id, &self.bank_version) {
            return false;
        }
        let mut answers = BTreeMap::new();
        for (id, given) in std::mem::take(&mut self.answers) {
            let targets = bank.carried_to(&self.bank_version, &id);
            let fitting: Vec<&Item> = targets.iter().filter_map(|t| bank.item(t)).filter(|item| given.value.fits(item)).collect();
            if fitting.is_empty() && bank.item(&id).is_none() {
                answers.insert(id, given);
                continue;
            }
            for item in fitting {
                answers.entry(item.id.clone()).or_insert_with(|| given.clone());
            }
        }
        self.answers = answers;
        if self.answered_with.is_none() {
            self.answered_with = Some(self.bank_version.clone());
        }
        if self.resume.question.as_deref().is_some_and(|q| bank.item(q).is_none()) {
            self.resume.question = None;
        }
        self.bank_version = bank.version().to_owned();
        true
    }

    /// Its scores against `bank`.
    pub fn scores(&self, bank: &Bank) -> Scores {
        score::score(bank, &|id| self.answer_of(id).cloned())
    }

    /// Marks the record changed at `now` if it differs from `before` in anything but
    /// where to resume (moving between pages is not a change), and its plan too if the
    /// plan changed. Every edit goes through here, so no caller stamps by hand.
    pub fn stamp_changes(&mut self, before: &Assessment, now: &str) {
        if self.plan != before.plan {
            if let Some(plan) = self.plan.as_mut() {
                plan.updated_at = now.to_owned();
            }
        }
        let moved_only = Assessment { resume: before.resume.clone(), updated_at: before.updated_at.clone(), ..self.clone() } == *before;
        if !moved_only {
            self.updated_at = now.to_owned();
        }
    }
}

impl Company for Assessment {
    fn profile(&self) -> &BTreeMap<String, String> {
        &self.profile
    }

    fn metric_values(&self, bank: &Bank, metrics: &[String]) -> Vec<Option<f64>> {
        let scores = self.scores(bank);
        metrics.iter().map(|m| scores.reliable_value(m)).collect()
    }

    fn unreliable_scores(&self, bank: &Bank, metrics: &[String]) -> usize {
        let scores = self.scores(bank);
        metrics.iter().filter(|m| scores.value(m).is_some() && scores.reliable_value(m).is_none()).count()
    }

    fn level(&self, item: &str) -> Option<u8> {
        match self.answer_of(item) {
            Some(Answer::Level(l)) => Some(*l),
            _ => None,
        }
    }

    fn assessed_at(&self) -> &str {
        &self.updated_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    #[test]
    fn moving_between_pages_is_not_a_change_but_an_answer_is() {
        let content = Content::bundled().unwrap();
        let bank = &content.innovation;
        let before = Assessment::new("a".into(), "A".into(), bank, Lang::DEFAULT, "t0");
        let mut moved = before.clone();
        moved.resume.page = 3;
        moved.stamp_changes(&before, "t1");
        assert_eq!(moved.updated_at, "t0");
        let mut answered = before.clone();
        answered.answers.insert(bank.items()[0].id.clone(), Given { value: Answer::Level(2), at: "t1".into(), carried: false });
        answered.stamp_changes(&before, "t1");
        assert_eq!(answered.updated_at, "t1");
    }

    #[test]
    fn a_plan_change_stamps_the_plan_and_the_assessment() {
        let content = Content::bundled().unwrap();
        let mut before = Assessment::new("a".into(), "A".into(), &content.innovation, Lang::DEFAULT, "t0");
        let mut plan = Plan { created_at: "t0".into(), updated_at: "t0".into(), ..Plan::default() };
        plan.add_own("Mine".into(), "t0");
        before.plan = Some(plan);
        let mut after = before.clone();
        let id = after.plan.as_ref().unwrap().items[0].id.clone();
        after.plan.as_mut().unwrap().remove(&id);
        after.stamp_changes(&before, "t2");
        assert_eq!((after.updated_at.as_str(), after.plan.unwrap().updated_at.as_str()), ("t2", "t2"));
    }
}

/// A workshop's consensus (METHOD.md §Team assessment).
impl Assessment {
    /// Records the group's consensus on a question: the assessment's answer becomes it;
    /// the raters' own answers stay as they were.
    pub fn record_consensus(&mut self, item: &Item, value: Answer, dissent: &str, now: &str) -> bool {
        let Some(team) = self.team.as_mut() else { return false };
        if !value.fits(item) {
            return false;
        }
        team.consensus.insert(item.id.clone(), Consensus { value: value.clone(), dissent: dissent.trim().chars().take(300).collect(), at: now.to_owned() });
        self.set_answer(item, value, now)
    }

    /// Takes the proposed level (the median) as the consensus of every question not
    /// flagged and not yet decided: the group then discusses only where it disagrees.
    pub fn accept_agreed(&mut self, bank: &Bank, now: &str) -> usize {
        let Some(team) = self.team.as_ref() else { return 0 };
        let agreed: Vec<(Item, Answer)> = team
            .agreement(bank)
            .into_iter()
            .filter(|a| !a.flagged && a.n + a.counts[5] > 0 && !team.consensus.contains_key(&a.item))
            .filter_map(|a| Some((bank.item(&a.item)?.clone(), proposed(&a))))
            .collect();
        agreed.iter().filter(|(item, value)| self.record_consensus(item, value.clone(), "", now)).count()
    }

    /// The assessment as it leaves the device in every export but the raw team file: the
    /// raters' own answers are left out (their number and labels stay).
    pub fn without_rater_answers(&self) -> Assessment {
        let mut a = self.clone();
        if let Some(team) = a.team.as_mut() {
            for r in &mut team.raters {
                r.answers.clear();
                r.first_round = None;
            }
        }
        a
    }
}
