//! Answers and the records that hold them: an [`Assessment`] (one company's
//! self-assessment, resumable, with its plan) and the [`Answer`] values both the
//! assessment and the survey use.

use crate::bank::{Bank, Item, ItemKind};
use crate::i18n::Lang;
use crate::plan::Plan;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One answer. Its JSON form names its kind, so an exported file reads unambiguously:
/// `{"level": 3}`, `"dont_know"`, `{"yes_no": true}`, `{"choice": "yes"}`, `{"text": "…"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Level 1–5 of a described-level question.
    Level(u8),
    /// "Don't know / not applicable" on a level question.
    DontKnow,
    /// 1–5 on a rating scale.
    Rating(u8),
    /// 0–10 likelihood to recommend.
    Nps(u8),
    YesNo(bool),
    Choice(String),
    Text(String),
}

/// Longest free-text answer kept (characters); longer input is cut by the UI and refused
/// by importers, so a pasted novel cannot bloat storage and exports.
pub const MAX_TEXT: usize = 4000;

impl Answer {
    /// Whether this answer is a possible answer to `item`.
    pub fn fits(&self, item: &Item) -> bool {
        match (&item.kind, self) {
            (ItemKind::Level { .. }, Answer::Level(l)) => (1..=5).contains(l),
            (ItemKind::Level { .. }, Answer::DontKnow) => true,
            (ItemKind::Rating { .. }, Answer::Rating(r)) => (1..=5).contains(r),
            (ItemKind::Nps, Answer::Nps(n)) => *n <= 10,
            (ItemKind::YesNo, Answer::YesNo(_)) => true,
            (ItemKind::Choice { options }, Answer::Choice(c)) => options.iter().any(|o| &o.id == c),
            (ItemKind::Text, Answer::Text(t)) => t.chars().count() <= MAX_TEXT,
            _ => false,
        }
    }

    /// The value as a condition (`show_if`) or a CSV cell names it: `3`, `yes`, `dont_know`, an option id.
    pub fn token(&self) -> String {
        match self {
            Answer::Level(n) | Answer::Rating(n) | Answer::Nps(n) => n.to_string(),
            Answer::DontKnow => "dont_know".into(),
            Answer::YesNo(true) => "yes".into(),
            Answer::YesNo(false) => "no".into(),
            Answer::Choice(c) => c.clone(),
            Answer::Text(t) => t.clone(),
        }
    }

    /// What a valid answer to `item` looks like, as written in files ("1–5", "yes | no",
    /// option ids…): the "expected" part of an import problem.
    pub fn expected(item: &Item) -> String {
        match &item.kind {
            ItemKind::Level { .. } => "1–5 | dont_know".into(),
            ItemKind::Rating { .. } => "1–5".into(),
            ItemKind::Nps => "0–10".into(),
            ItemKind::YesNo => "yes | no".into(),
            ItemKind::Choice { options } => options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(" | "),
            ItemKind::Text => format!("text ≤ {MAX_TEXT}"),
        }
    }

    /// Reads a token back for `item` (CSV import): the inverse of [`Answer::token`].
    pub fn parse_token(item: &Item, token: &str) -> Option<Answer> {
        let token = token.trim();
        let number = || token.parse::<u8>().ok();
        let answer = match &item.kind {
            ItemKind::Level { .. } if token == "dont_know" => Answer::DontKnow,
            ItemKind::Level { .. } => Answer::Level(number()?),
            ItemKind::Rating { .. } => Answer::Rating(number()?),
            ItemKind::Nps => Answer::Nps(number()?),
            ItemKind::YesNo => match token {
                "yes" | "1" | "true" => Answer::YesNo(true),
                "no" | "0" | "false" => Answer::YesNo(false),
                _ => return None,
            },
            ItemKind::Choice { .. } => Answer::Choice(token.to_owned()),
            ItemKind::Text => Answer::Text(token.to_owned()),
        };
        answer.fits(item).then_some(answer)
    }
}

/// An answer and when it was given (ISO 8601, UTC).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Given {
    pub value: Answer,
    pub at: String,
}

/// Is `item` shown, given the answers so far? Items whose condition is not met are
/// neither asked nor counted.
pub fn is_visible(item: &Item, answer_of: impl Fn(&str) -> Option<Answer>) -> bool {
    match &item.show_if {
        None => true,
        Some(cond) => answer_of(&cond.question).is_some_and(|a| cond.any_of.contains(&a.token())),
    }
}

/// Where to resume: the page (0 = profile, 1.. = sections, then review) and the question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resume {
    pub page: usize,
    #[serde(default)]
    pub question: Option<String>,
}

/// How much the company cares about a dimension, used to rank plan actions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    Low,
    #[default]
    Normal,
    High,
    Critical,
}

impl Importance {
    pub const ALL: [Importance; 4] = [Importance::Low, Importance::Normal, Importance::High, Importance::Critical];

    /// The multiplier in the priority formula (METHOD.md §Priority).
    pub fn factor(self) -> f64 {
        match self {
            Importance::Low => 0.5,
            Importance::Normal => 1.0,
            Importance::High => 1.5,
            Importance::Critical => 2.0,
        }
    }
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
        }
    }

    pub fn answer_of(&self, item_id: &str) -> Option<&Answer> {
        self.answers.get(item_id).map(|g| &g.value)
    }

    /// Records an answer if it fits the item; returns whether it did.
    pub fn set_answer(&mut self, item: &Item, value: Answer, now: &str) -> bool {
        if !value.fits(item) {
            return false;
        }
        self.answers.insert(item.id.clone(), Given { value, at: now.to_owned() });
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
    pub fn profile_open<'b>(&self, bank: &'b Bank) -> Vec<&'b crate::bank::ProfileField> {
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

    pub fn importance_of(&self, dimension: &str) -> Importance {
        self.importance.get(dimension).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_serialise_with_their_kind() {
        let json = serde_json::to_string(&vec![Answer::Level(3), Answer::DontKnow, Answer::YesNo(true)]).unwrap();
        assert_eq!(json, r#"[{"level":3},"dont_know",{"yes_no":true}]"#);
        let back: Vec<Answer> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, vec![Answer::Level(3), Answer::DontKnow, Answer::YesNo(true)]);
    }
}
