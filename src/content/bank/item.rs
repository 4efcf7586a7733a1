//! The answerable items of a validated bank, and what each kind of question asks for.
//!
//! A new kind of question is added here ([`QuestionKind`] in the file, [`ItemKind`] once
//! checked, and [`item_kind`] between them), in [`super::answer`] (its answers) and in
//! the UI's question widget; every `match` on kinds is exhaustive, so the compiler lists
//! anything else.

use super::model::{Choice, Condition, QuestionDef, QuestionKind, Scale};
use crate::kernel::i18n::Localized;
use crate::kernel::problem::{ProblemKind, Thing};

/// Level questions have exactly this many described levels; rating scales this many points.
pub const LEVELS: usize = 5;

/// What an answerable item asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    /// Five described levels (plus "don't know").
    Level {
        levels: Vec<Localized>,
    },
    /// 1–5 on a named scale.
    Rating {
        scale: usize,
    },
    /// 0–10 likelihood to recommend.
    Nps,
    YesNo,
    Choice {
        options: Vec<Choice>,
    },
    Text,
}

/// One answerable question, after `service` questions are expanded into their three parts.
#[derive(Clone, Debug)]
pub struct Item {
    pub id: String,
    /// Index into [`super::Bank::sections`].
    pub section: usize,
    /// Index into the section's sub-dimensions.
    pub subdimension: Option<usize>,
    pub kind: ItemKind,
    pub text: Localized,
    pub help: Option<Localized>,
    pub required: bool,
    pub weight: f64,
    pub iso: Vec<u8>,
    pub show_if: Option<Condition>,
    /// For the parts of a `service` question: the service id and which part this is.
    pub service: Option<(String, ServicePart)>,
}

impl Item {
    /// Is this item shown, given the answers so far (as tokens, see
    /// [`super::answer::Answer::token`])? Items whose condition is not met are neither
    /// asked nor counted.
    pub fn is_visible(&self, token_of: impl Fn(&str) -> Option<String>) -> bool {
        match &self.show_if {
            None => true,
            Some(cond) => token_of(&cond.question).is_some_and(|t| cond.any_of.contains(&t)),
        }
    }
}

/// The answers to "did you use this service?" (option ids, as in files and conditions):
/// used, not used, or not known to exist, so awareness and use are told apart.
pub const SERVICE_USED: &str = "yes";
pub const SERVICE_NOT_USED: &str = "no";
pub const SERVICE_UNAWARE: &str = "unaware";

/// The three questions a `service` question becomes in a survey.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServicePart {
    Used,
    Satisfaction,
    Importance,
}

impl ServicePart {
    pub const ALL: [ServicePart; 3] = [ServicePart::Used, ServicePart::Satisfaction, ServicePart::Importance];

    pub fn suffix(self) -> &'static str {
        match self {
            ServicePart::Used => "used",
            ServicePart::Satisfaction => "satisfaction",
            ServicePart::Importance => "importance",
        }
    }
}

/// What checking one question's kind asks the validator to do.
pub enum KindCheck<'a> {
    /// A problem with a field of the question.
    Problem(&'static str, ProblemKind),
    /// A text that must exist in every language of the bank.
    Text(String, &'a Localized),
    /// A list of choices to check (ids unique, labels translated).
    Choices(&'a [Choice]),
}

/// The item kind a question definition asks for, reporting what is wrong with it
/// through `check`. `None` for `service` questions, which the validator expands into
/// their three parts.
pub fn item_kind<'a>(q: &'a QuestionDef, scales: &[Scale], check: &mut dyn FnMut(KindCheck<'a>)) -> Option<ItemKind> {
    if q.kind != QuestionKind::Level && !q.levels.is_empty() {
        check(KindCheck::Problem("levels", ProblemKind::UnknownField));
    }
    let kind = match q.kind {
        QuestionKind::Level => {
            if q.levels.len() != LEVELS {
                check(KindCheck::Problem("levels", ProblemKind::WrongLevelCount { found: q.levels.len() }));
            }
            for (i, level) in q.levels.iter().enumerate() {
                check(KindCheck::Text(format!("levels[{}]", i + 1), level));
            }
            ItemKind::Level { levels: q.levels.clone() }
        }
        QuestionKind::Rating => {
            let scale = match &q.scale {
                None => {
                    check(KindCheck::Problem("scale", ProblemKind::MissingField));
                    0
                }
                Some(id) => scales.iter().position(|s| &s.id == id).unwrap_or_else(|| {
                    check(KindCheck::Problem("scale", ProblemKind::UnknownReference { what: Thing::Scale, id: id.clone() }));
                    0
                }),
            };
            ItemKind::Rating { scale }
        }
        QuestionKind::Nps => ItemKind::Nps,
        QuestionKind::YesNo => ItemKind::YesNo,
        QuestionKind::Choice => {
            check(KindCheck::Choices(&q.options));
            ItemKind::Choice { options: q.options.clone() }
        }
        QuestionKind::Text => ItemKind::Text,
        QuestionKind::Service => return None,
    };
    Some(kind)
}
