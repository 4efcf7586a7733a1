//! A question bank as staff write it in `questions/*.toml` (and as `build.rs` embeds it
//! in JSON): the file's shape, before any rule is checked.

use crate::kernel::i18n::Localized;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankFile {
    pub bank: BankMeta,
    #[serde(default)]
    pub scales: Vec<Scale>,
    #[serde(default)]
    pub profile: Vec<ProfileField>,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub questions: Vec<QuestionDef>,
    /// How answers given to an earlier major version carry over to this one.
    #[serde(default)]
    pub carry: Vec<Carry>,
    /// Questions whose meaning or levels changed since an earlier major version.
    #[serde(default)]
    pub changed: Vec<Changed>,
}

/// "These questions changed (wording, levels or sub-dimension) since version
/// `from_major`.x": a score resting on any of them does not compare with one of that
/// version (METHOD.md §Progress).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Changed {
    pub from_major: u32,
    pub questions: Vec<String>,
}

/// "An answer given to `question` in version `from_major`.x answers `into` now": how a
/// split or renamed question keeps the answers given before (questions/README.md).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carry {
    pub from_major: u32,
    pub question: String,
    pub into: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BankKind {
    Assessment,
    Survey,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankMeta {
    pub id: String,
    pub version: String,
    pub kind: BankKind,
    #[serde(default)]
    pub year: Option<i64>,
    pub languages: Vec<String>,
    #[serde(default)]
    pub minutes: Option<u32>,
    pub title: Localized,
    #[serde(default)]
    pub intro: Localized,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    pub points: Vec<Localized>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: Localized,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileField {
    pub id: String,
    #[serde(default)]
    pub role: Option<String>,
    pub label: Localized,
    #[serde(default)]
    pub help: Option<Localized>,
    #[serde(default = "yes")]
    pub required: bool,
    pub options: Vec<Choice>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubDimension {
    pub id: String,
    pub name: Localized,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Localized,
    #[serde(default)]
    pub intro: Option<Localized>,
    #[serde(default)]
    pub scored: bool,
    /// A scored section that measures outcomes, not practices (Innovation Results): shown
    /// and benchmarked, never a target for actions.
    #[serde(default)]
    pub outcome: bool,
    #[serde(default)]
    pub subdimensions: Vec<SubDimension>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Level,
    Rating,
    Nps,
    YesNo,
    Choice,
    Text,
    Service,
}

/// "Show this question only when `question` has one of the answers in `any_of`."
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub question: String,
    pub any_of: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionDef {
    pub id: String,
    pub section: String,
    #[serde(default)]
    pub subdimension: Option<String>,
    pub kind: QuestionKind,
    #[serde(default)]
    pub text: Option<Localized>,
    #[serde(default)]
    pub help: Option<Localized>,
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default)]
    pub weight: Option<f64>,
    #[serde(default)]
    pub iso: Vec<i64>,
    #[serde(default)]
    pub levels: Vec<Localized>,
    #[serde(default)]
    pub scale: Option<String>,
    #[serde(default)]
    pub options: Vec<Choice>,
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub show_if: Option<Condition>,
}

fn yes() -> bool {
    true
}
