//! Answers to the items of a bank, shared by the assessment and the survey: what an
//! answer may be for each kind of item, how files write it (tokens), and the one-byte
//! codes of the survey's columnar dataset.

use super::item::{Item, ItemKind};
use super::model::Choice;
use crate::kernel::problem::Expected;
use serde::{Deserialize, Serialize};

/// Longest free-text answer kept (characters); longer input is cut by the UI and refused
/// by importers, so a pasted novel cannot bloat storage and exports.
pub const MAX_TEXT: usize = 4000;

/// The code of "don't know" while a row is checked ([`Answer::token_code`]): told apart
/// from 0, no answer, so conditions can name it; the dataset counts neither.
pub const DONT_KNOW_CODE: u8 = u8::MAX;

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

impl Answer {
    /// Whether this answer is a possible answer to `item`.
    pub fn fits(&self, item: &Item) -> bool {
        match &item.kind {
            ItemKind::Level { .. } => matches!(self, Answer::Level(1..=5) | Answer::DontKnow),
            ItemKind::Rating { .. } => matches!(self, Answer::Rating(1..=5)),
            ItemKind::Nps => matches!(self, Answer::Nps(0..=10)),
            ItemKind::YesNo => matches!(self, Answer::YesNo(_)),
            ItemKind::Choice { options } => self.option_in(options).is_some(),
            ItemKind::Text => matches!(self, Answer::Text(t) if t.chars().count() <= MAX_TEXT),
        }
    }

    /// The index of this answer among a choice's options. A yes/no answer is the option
    /// named `yes` or `no`: "did you use this service?" gained a third answer ("I did not
    /// know it existed") in survey 2027.2, and answers stored before still count.
    fn option_in(&self, options: &[Choice]) -> Option<usize> {
        let id = match self {
            Answer::Choice(c) => c.as_str(),
            Answer::YesNo(true) => "yes",
            Answer::YesNo(false) => "no",
            _ => return None,
        };
        options.iter().position(|o| o.id == id)
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

    /// The answer as a figure, for spreadsheets (levels, ratings, recommendation).
    pub fn number(&self) -> Option<f64> {
        match self {
            Answer::Level(n) | Answer::Rating(n) | Answer::Nps(n) => Some(f64::from(*n)),
            Answer::DontKnow | Answer::YesNo(_) | Answer::Choice(_) | Answer::Text(_) => None,
        }
    }

    /// Every token an answer to `kind` can have (`None` for free text): what a condition
    /// may name.
    pub fn tokens(kind: &ItemKind) -> Option<Vec<String>> {
        let numbers = |range: std::ops::RangeInclusive<u8>| range.map(|n| n.to_string());
        match kind {
            ItemKind::Level { .. } => Some(numbers(1..=5).chain(["dont_know".to_owned()]).collect()),
            ItemKind::Rating { .. } => Some(numbers(1..=5).collect()),
            ItemKind::Nps => Some(numbers(0..=10).collect()),
            ItemKind::YesNo => Some(vec!["yes".into(), "no".into()]),
            ItemKind::Choice { options } => Some(options.iter().map(|o| o.id.clone()).collect()),
            ItemKind::Text => None,
        }
    }

    /// What a valid answer to `item` looks like, as written in files: the "expected"
    /// part of an import problem.
    pub fn expected(item: &Item) -> Expected {
        match &item.kind {
            ItemKind::Level { .. } => Expected::Literal("1–5 | dont_know".into()),
            ItemKind::Rating { .. } => Expected::Literal("1–5".into()),
            ItemKind::Nps => Expected::Literal("0–10".into()),
            ItemKind::YesNo => Expected::Literal("yes | no".into()),
            ItemKind::Choice { options } => Expected::Literal(options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(" | ")),
            ItemKind::Text => Expected::TextUpTo(MAX_TEXT),
        }
    }

    /// Reads a token back for `item` (CSV import): the inverse of [`Answer::token`].
    pub fn parse_token(item: &Item, token: &str) -> Option<Answer> {
        let token = token.trim();
        match (Answer::token_code(item, token)?, &item.kind) {
            (_, ItemKind::Text) => Some(Answer::Text(token.to_owned())),
            (DONT_KNOW_CODE, ItemKind::Level { .. }) => Some(Answer::DontKnow),
            (code, kind) => Answer::decode(kind, code),
        }
    }

    /// Reads a token for `item` straight into its code (see [`Answer::code`]; "don't
    /// know" is [`DONT_KNOW_CODE`], free text 1), or `None` if it is no possible answer.
    /// Large imports check every cell this way, with nothing allocated; the token is
    /// taken as it is (trimmed by the caller).
    pub fn token_code(item: &Item, token: &str) -> Option<u8> {
        let number = |range: std::ops::RangeInclusive<u8>| token.parse::<u8>().ok().filter(|n| range.contains(n));
        match &item.kind {
            ItemKind::Level { .. } if token == "dont_know" => Some(DONT_KNOW_CODE),
            ItemKind::Level { .. } | ItemKind::Rating { .. } => number(1..=5),
            ItemKind::Nps => number(0..=10).map(|n| n + 1),
            ItemKind::YesNo => match token {
                "yes" | "1" | "true" => Some(1),
                "no" | "0" | "false" => Some(2),
                _ => None,
            },
            ItemKind::Choice { options } => options.iter().position(|o| o.id == token).map(|i| i as u8 + 1),
            ItemKind::Text => (token.chars().count() <= MAX_TEXT).then_some(1),
        }
    }

    /// The one-byte code of the survey's columnar dataset: 0 = no answer; rating r → r,
    /// level l → l, nps n → n + 1, yes → 1 / no → 2, choice → option index + 1, text → 1.
    pub fn code(&self, kind: &ItemKind) -> u8 {
        let code = match kind {
            ItemKind::Rating { .. } => {
                if let Answer::Rating(r) = self {
                    Some(*r)
                } else {
                    None
                }
            }
            ItemKind::Level { .. } => {
                if let Answer::Level(l) = self {
                    Some(*l)
                } else {
                    None
                }
            }
            ItemKind::Nps => {
                if let Answer::Nps(n) = self {
                    Some(n + 1)
                } else {
                    None
                }
            }
            ItemKind::YesNo => {
                if let Answer::YesNo(yes) = self {
                    Some(if *yes { 1 } else { 2 })
                } else {
                    None
                }
            }
            ItemKind::Choice { options } => self.option_in(options).map(|i| i as u8 + 1),
            ItemKind::Text => matches!(self, Answer::Text(_)).then_some(1),
        };
        code.unwrap_or(0)
    }

    /// The answer a dataset code stands for (free text is not recovered: its text is kept
    /// apart).
    pub fn decode(kind: &ItemKind, code: u8) -> Option<Answer> {
        if code == 0 {
            return None;
        }
        match kind {
            ItemKind::Rating { .. } => Some(Answer::Rating(code)),
            ItemKind::Level { .. } => Some(Answer::Level(code)),
            ItemKind::Nps => Some(Answer::Nps(code - 1)),
            ItemKind::YesNo => Some(Answer::YesNo(code == 1)),
            ItemKind::Choice { options } => options.get(code as usize - 1).map(|o| Answer::Choice(o.id.clone())),
            ItemKind::Text => Some(Answer::Text(String::new())),
        }
    }

    /// A plausible answer code for synthetic data: `draw(n)` gives a number in 0..n and
    /// `centre` (1–5) is the respondent's mood.
    pub fn synthetic_code(kind: &ItemKind, centre: u8, draw: &mut dyn FnMut(u64) -> u64) -> u8 {
        let rating = |draw: &mut dyn FnMut(u64) -> u64| (i64::from(centre) + [-2, -1, -1, 0, 0, 0, 1, 1][draw(8) as usize]).clamp(1, 5) as u8;
        match kind {
            ItemKind::Rating { .. } => rating(draw),
            ItemKind::Nps => (4 + draw(7) as u8).min(10) + 1,
            ItemKind::Choice { options } => draw(options.len() as u64) as u8 + 1,
            ItemKind::YesNo => 1 + draw(2) as u8,
            ItemKind::Text => u8::from(draw(20) == 0),
            ItemKind::Level { .. } => 1 + draw(5) as u8,
        }
    }
}

/// Is `item` shown, given the answers so far?
pub fn is_visible(item: &Item, answer_of: impl Fn(&str) -> Option<Answer>) -> bool {
    item.is_visible(|id| answer_of(id).map(|a| a.token()))
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

    #[test]
    fn token_codes_agree_with_answers() {
        let yes_no = Item {
            id: "q".into(),
            section: 0,
            subdimension: None,
            kind: ItemKind::YesNo,
            text: Default::default(),
            help: None,
            required: false,
            weight: 1.0,
            iso: Vec::new(),
            show_if: None,
            service: None,
        };
        let level = Item { kind: ItemKind::Level { levels: Vec::new() }, ..yes_no.clone() };
        let nps = Item { kind: ItemKind::Nps, ..yes_no.clone() };
        for (item, token, answer) in [
            (&yes_no, "true", Answer::YesNo(true)),
            (&yes_no, " no ", Answer::YesNo(false)),
            (&level, "dont_know", Answer::DontKnow),
            (&level, "5", Answer::Level(5)),
            (&nps, "0", Answer::Nps(0)),
        ] {
            assert_eq!(Answer::parse_token(item, token), Some(answer.clone()));
            let code = Answer::token_code(item, token.trim()).unwrap();
            assert_eq!(code, if answer == Answer::DontKnow { DONT_KNOW_CODE } else { answer.code(&item.kind) });
        }
        for (item, token) in [(&level, "6"), (&level, "0"), (&nps, "11"), (&yes_no, "maybe"), (&nps, "")] {
            assert_eq!(Answer::token_code(item, token), None, "{token:?}");
            assert_eq!(Answer::parse_token(item, token), None);
        }
    }

    #[test]
    fn codes_decode_to_the_same_answer() {
        let kinds = [(ItemKind::Rating { scale: 0 }, 5), (ItemKind::Nps, 11), (ItemKind::YesNo, 2), (ItemKind::Level { levels: Vec::new() }, 5)];
        for (kind, codes) in &kinds {
            for code in 1..=*codes {
                let answer = Answer::decode(kind, code).unwrap();
                assert_eq!(answer.code(kind), code, "{kind:?}");
            }
        }
    }
}
