//! Question banks: the file model (as staff write it in `questions/*.toml`), its
//! validation, and the validated [`Bank`] the rest of the app works with.
//!
//! A [`Bank`] can only be obtained through [`Bank::from_file`], which checks every rule
//! and returns *all* problems found, each located by line, question id and field.

use crate::catalogue::Catalogue;
use crate::i18n::{Localized, Msg};
use crate::problem::{line_of_id, Problem, ProblemKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Level questions have exactly this many described levels; rating scales this many points.
pub const LEVELS: usize = 5;
/// ISO 56001:2024 clauses a question can evidence.
pub const ISO_CLAUSES: std::ops::RangeInclusive<i64> = 4..=10;
/// Weights allowed for a question.
pub const WEIGHT_RANGE: std::ops::RangeInclusive<f64> = 0.1..=5.0;

// ---------------------------------------------------------------------------------------
// The file, as written.

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

// ---------------------------------------------------------------------------------------
// The validated bank.

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
    /// Index into [`Bank::sections`].
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

/// A question bank that passed validation. Fields are read-only by construction.
#[derive(Clone, Debug)]
pub struct Bank {
    file: BankFile,
    items: Vec<Item>,
    index: BTreeMap<String, usize>,
}

/// Where a bank came from, for located messages.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The file name shown to the user.
    pub name: &'a str,
    /// The text as the user wrote it (TOML or JSON), to find line numbers.
    pub text: &'a str,
}

impl Bank {
    /// Parses a bank written in TOML (the format staff edit).
    pub fn from_toml(source: Source, catalogue: Option<&Catalogue>) -> Result<Bank, Vec<Problem>> {
        let file: BankFile = toml::from_str(source.text).map_err(|e| vec![crate::problem::from_toml_error(source.name, source.text, &e)])?;
        Bank::from_file(file, source, catalogue)
    }

    /// Parses a bank in its JSON form (bundled banks are embedded as JSON by `build.rs`).
    pub fn from_json(json: &str, source: Source, catalogue: Option<&Catalogue>) -> Result<Bank, Vec<Problem>> {
        let file: BankFile = serde_json::from_str(json).map_err(|e| vec![crate::problem::from_json_error(source.name, json, &e)])?;
        Bank::from_file(file, source, catalogue)
    }

    /// Checks every rule of the format and builds the bank, or lists every problem.
    /// `catalogue` is needed for survey banks with `service` questions.
    pub fn from_file(file: BankFile, source: Source, catalogue: Option<&Catalogue>) -> Result<Bank, Vec<Problem>> {
        let mut v = Validator { source, problems: Vec::new(), languages: file.bank.languages.clone() };
        v.check_meta(&file.bank);
        for scale in &file.scales {
            v.check_scale(scale);
        }
        v.check_profile(&file.profile);
        v.check_sections(&file);
        let items = v.check_questions(&file, catalogue);
        if !v.problems.is_empty() {
            return Err(v.problems);
        }
        let index = items.iter().enumerate().map(|(i, item)| (item.id.clone(), i)).collect();
        Ok(Bank { file, items, index })
    }

    pub fn id(&self) -> &str {
        &self.file.bank.id
    }
    pub fn version(&self) -> &str {
        &self.file.bank.version
    }
    pub fn meta(&self) -> &BankMeta {
        &self.file.bank
    }
    pub fn kind(&self) -> BankKind {
        self.file.bank.kind
    }
    pub fn sections(&self) -> &[Section] {
        &self.file.sections
    }
    pub fn scales(&self) -> &[Scale] {
        &self.file.scales
    }
    pub fn profile(&self) -> &[ProfileField] {
        &self.file.profile
    }
    /// Every answerable item, in the order of the file.
    pub fn items(&self) -> &[Item] {
        &self.items
    }
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.index.get(id).map(|&i| &self.items[i])
    }
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
    /// Items of one section (page), in order.
    pub fn items_in(&self, section: usize) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.section == section)
    }
    /// The sections that count towards scores (the five dimensions of the assessment).
    pub fn scored_sections(&self) -> impl Iterator<Item = (usize, &Section)> {
        self.file.sections.iter().enumerate().filter(|(_, s)| s.scored)
    }
    /// The profile field playing `role` (e.g. `size`, `member_type`).
    pub fn profile_with_role(&self, role: &str) -> Option<&ProfileField> {
        self.file.profile.iter().find(|p| p.role.as_deref() == Some(role))
    }
    /// Is this bank's version one whose answers can be read as answers to `self`?
    /// Same id and same MAJOR version: minor versions only add or reword questions.
    pub fn accepts_version(&self, bank_id: &str, version: &str) -> bool {
        bank_id == self.id() && major(version) == major(self.version())
    }
}

fn major(version: &str) -> &str {
    version.split('.').next().unwrap_or(version)
}

fn is_semver(version: &str) -> bool {
    let parts: Vec<&str> = version.split('.').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// A well-formed id: letters, digits, `-`, `_`, `.`; 1–64 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

struct Validator<'a> {
    source: Source<'a>,
    problems: Vec<Problem>,
    languages: Vec<String>,
}

impl Validator<'_> {
    fn problem(&mut self, record: Option<&str>, field: &str, kind: ProblemKind) {
        let mut p = Problem::new(self.source.name, kind).field(field);
        if let Some(record) = record {
            p.line = line_of_id(self.source.text, record);
            p.record = Some(record.to_owned());
        }
        self.problems.push(p);
    }

    fn rule(&mut self, record: Option<&str>, field: &str, rule: Msg, detail: impl Into<String>) {
        self.problem(record, field, ProblemKind::Rule { rule, detail: detail.into() });
    }

    fn text(&mut self, record: Option<&str>, field: &str, text: &Localized) {
        let missing = text.missing(&self.languages);
        if missing.len() == self.languages.len() && !self.languages.is_empty() {
            self.problem(record, field, ProblemKind::EmptyText);
        } else if !missing.is_empty() {
            let languages = missing.join(", ");
            self.problem(record, field, ProblemKind::MissingLanguage { languages });
        }
    }

    fn id(&mut self, record: Option<&str>, field: &str, id: &str) {
        if !is_valid_id(id) {
            self.problem(record, field, ProblemKind::InvalidValue { expected: "a-z 0-9 - _ .".into(), found: format!("\"{id}\"") });
        }
    }

    fn check_meta(&mut self, meta: &BankMeta) {
        self.id(None, "bank.id", &meta.id);
        if !is_semver(&meta.version) {
            self.problem(None, "bank.version", ProblemKind::InvalidValue { expected: "MAJOR.MINOR.PATCH".into(), found: meta.version.clone() });
        }
        if meta.languages.is_empty() {
            self.problem(None, "bank.languages", ProblemKind::MissingField);
        }
        for code in &meta.languages {
            if crate::i18n::Lang::from_code(code).is_none() {
                self.problem(None, "bank.languages", ProblemKind::UnknownReference { what: "language".into(), id: code.clone() });
            }
        }
        self.text(None, "bank.title", &meta.title);
        match (meta.kind, meta.year) {
            (BankKind::Survey, None) => self.problem(None, "bank.year", ProblemKind::MissingField),
            (BankKind::Survey, Some(y)) if !(2000..=2100).contains(&y) => {
                self.problem(None, "bank.year", ProblemKind::InvalidValue { expected: "2000–2100".into(), found: y.to_string() })
            }
            _ => {}
        }
    }

    fn check_scale(&mut self, scale: &Scale) {
        self.id(Some(&scale.id), "id", &scale.id);
        if scale.points.len() != LEVELS {
            self.problem(Some(&scale.id), "points", ProblemKind::WrongLevelCount { found: scale.points.len() });
        }
        for (i, point) in scale.points.iter().enumerate() {
            self.text(Some(&scale.id), &format!("points[{}]", i + 1), point);
        }
    }

    fn check_choices(&mut self, record: &str, options: &[Choice]) {
        if options.len() < 2 {
            self.rule(Some(record), "options", Msg::RuleTooFewOptions, options.len().to_string());
        }
        let mut seen = BTreeSet::new();
        for option in options {
            self.id(Some(record), "options.id", &option.id);
            if !seen.insert(option.id.as_str()) {
                self.problem(Some(record), "options.id", ProblemKind::DuplicateId { id: option.id.clone() });
            }
            self.text(Some(record), &format!("options.{}.label", option.id), &option.label);
        }
    }

    fn check_profile(&mut self, profile: &[ProfileField]) {
        let mut seen = BTreeSet::new();
        let mut roles = BTreeSet::new();
        for field in profile {
            self.id(Some(&field.id), "id", &field.id);
            if !seen.insert(field.id.as_str()) {
                self.problem(Some(&field.id), "id", ProblemKind::DuplicateId { id: field.id.clone() });
            }
            if let Some(role) = &field.role {
                if !roles.insert(role.as_str()) {
                    self.problem(Some(&field.id), "role", ProblemKind::DuplicateId { id: role.clone() });
                }
            }
            self.text(Some(&field.id), "label", &field.label);
            if let Some(help) = &field.help {
                self.text(Some(&field.id), "help", help);
            }
            self.check_choices(&field.id, &field.options);
        }
    }

    fn check_sections(&mut self, file: &BankFile) {
        if file.sections.is_empty() {
            self.problem(None, "sections", ProblemKind::MissingField);
        }
        let mut seen = BTreeSet::new();
        for section in &file.sections {
            self.id(Some(&section.id), "id", &section.id);
            if !seen.insert(section.id.as_str()) {
                self.problem(Some(&section.id), "id", ProblemKind::DuplicateId { id: section.id.clone() });
            }
            self.text(Some(&section.id), "title", &section.title);
            if let Some(intro) = &section.intro {
                self.text(Some(&section.id), "intro", intro);
            }
            let mut subs = BTreeSet::new();
            for sub in &section.subdimensions {
                self.id(Some(&section.id), "subdimensions.id", &sub.id);
                if !subs.insert(sub.id.as_str()) {
                    self.problem(Some(&section.id), "subdimensions.id", ProblemKind::DuplicateId { id: sub.id.clone() });
                }
                self.text(Some(&section.id), &format!("subdimensions.{}.name", sub.id), &sub.name);
            }
            if file.bank.kind == BankKind::Survey && section.scored {
                self.rule(Some(&section.id), "scored", Msg::RuleSurveyNotScored, "");
            }
        }
        if file.bank.kind == BankKind::Assessment && !file.sections.iter().any(|s| s.scored) {
            self.rule(None, "sections.scored", Msg::RuleNoScoredSection, "");
        }
    }

    fn check_questions(&mut self, file: &BankFile, catalogue: Option<&Catalogue>) -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let assessment = file.bank.kind == BankKind::Assessment;
        if file.questions.is_empty() {
            self.problem(None, "questions", ProblemKind::MissingField);
        }
        for q in &file.questions {
            let rec = Some(q.id.as_str());
            self.id(rec, "id", &q.id);
            let Some(section) = file.sections.iter().position(|s| s.id == q.section) else {
                self.problem(rec, "section", ProblemKind::UnknownReference { what: "section".into(), id: q.section.clone() });
                continue;
            };
            let sec = &file.sections[section];
            let subdimension = match &q.subdimension {
                Some(sub) => {
                    let found = sec.subdimensions.iter().position(|s| &s.id == sub);
                    if found.is_none() {
                        self.problem(rec, "subdimension", ProblemKind::UnknownReference { what: format!("sub-dimension of {}", sec.id), id: sub.clone() });
                    }
                    found
                }
                None => {
                    if sec.scored && !sec.subdimensions.is_empty() {
                        self.problem(rec, "subdimension", ProblemKind::MissingField);
                    }
                    None
                }
            };
            if let Some(text) = &q.text {
                self.text(rec, "text", text);
            } else if q.kind != QuestionKind::Service {
                self.problem(rec, "text", ProblemKind::MissingField);
            }
            if let Some(help) = &q.help {
                self.text(rec, "help", help);
            }
            let weight = match q.weight {
                Some(w) if !(w.is_finite() && WEIGHT_RANGE.contains(&w)) => {
                    self.problem(rec, "weight", ProblemKind::BadWeight { found: w.to_string() });
                    1.0
                }
                Some(w) => w,
                None => 1.0,
            };
            let mut iso = Vec::new();
            for clause in &q.iso {
                if ISO_CLAUSES.contains(clause) {
                    iso.push(*clause as u8);
                } else {
                    self.problem(rec, "iso", ProblemKind::UnknownIsoClause { found: clause.to_string() });
                }
            }
            if sec.scored {
                if q.kind != QuestionKind::Level {
                    self.rule(rec, "kind", Msg::RuleScoredNeedsLevel, format!("{:?}", q.kind).to_lowercase());
                }
                if q.iso.is_empty() {
                    self.problem(rec, "iso", ProblemKind::MissingField);
                }
            }
            if q.kind != QuestionKind::Level && !q.levels.is_empty() {
                self.problem(rec, "levels", ProblemKind::UnknownField);
            }
            let show_if = q.show_if.clone();
            if let Some(cond) = &show_if {
                self.check_condition(&q.id, cond, &items, &seen);
            }

            let mut push = |v: &mut Self, item: Item| {
                if let Some(&first) = seen.get(&item.id) {
                    let _ = first;
                    v.problem(Some(&q.id), "id", ProblemKind::DuplicateId { id: item.id.clone() });
                } else {
                    seen.insert(item.id.clone(), items.len());
                    items.push(item);
                }
            };
            let base = Item {
                id: q.id.clone(),
                section,
                subdimension,
                kind: ItemKind::Text,
                text: q.text.clone().unwrap_or_default(),
                help: q.help.clone(),
                required: q.required,
                weight,
                iso,
                show_if,
                service: None,
            };
            match q.kind {
                QuestionKind::Level => {
                    if q.levels.len() != LEVELS {
                        self.problem(rec, "levels", ProblemKind::WrongLevelCount { found: q.levels.len() });
                    }
                    for (i, level) in q.levels.iter().enumerate() {
                        self.text(rec, &format!("levels[{}]", i + 1), level);
                    }
                    push(self, Item { kind: ItemKind::Level { levels: q.levels.clone() }, ..base });
                }
                QuestionKind::Rating => {
                    let scale = match &q.scale {
                        None => {
                            self.problem(rec, "scale", ProblemKind::MissingField);
                            0
                        }
                        Some(id) => file.scales.iter().position(|s| &s.id == id).unwrap_or_else(|| {
                            self.problem(rec, "scale", ProblemKind::UnknownReference { what: "scale".into(), id: id.clone() });
                            0
                        }),
                    };
                    push(self, Item { kind: ItemKind::Rating { scale }, ..base });
                }
                QuestionKind::Nps => push(self, Item { kind: ItemKind::Nps, ..base }),
                QuestionKind::YesNo => push(self, Item { kind: ItemKind::YesNo, ..base }),
                QuestionKind::Choice => {
                    self.check_choices(&q.id, &q.options);
                    push(self, Item { kind: ItemKind::Choice { options: q.options.clone() }, ..base });
                }
                QuestionKind::Text => push(self, Item { kind: ItemKind::Text, ..base }),
                QuestionKind::Service => {
                    if assessment {
                        self.rule(rec, "kind", Msg::RuleServiceInSurveyOnly, "");
                    }
                    let scale_of = |id: &str| file.scales.iter().position(|s| s.id == id);
                    let (Some(sat), Some(imp)) = (scale_of("satisfaction"), scale_of("importance")) else {
                        self.rule(rec, "scale", Msg::RuleServiceNeedsScales, "");
                        continue;
                    };
                    let Some(service_id) = &q.service else {
                        self.problem(rec, "service", ProblemKind::MissingField);
                        continue;
                    };
                    match catalogue {
                        Some(c) if c.service(service_id).is_none() => {
                            self.problem(rec, "service", ProblemKind::UnknownReference { what: "service".into(), id: service_id.clone() })
                        }
                        None => self.rule(rec, "service", Msg::RuleServiceNeedsCatalogue, ""),
                        _ => {}
                    }
                    let used_id = format!("{}.used", q.id);
                    for part in ServicePart::ALL {
                        let (kind, text, show_if) = match part {
                            ServicePart::Used => (ItemKind::YesNo, Localized::from_msg(Msg::SurveyServiceUsed), None),
                            ServicePart::Satisfaction => (
                                ItemKind::Rating { scale: sat },
                                Localized::from_msg(Msg::SurveyServiceSatisfaction),
                                Some(Condition { question: used_id.clone(), any_of: vec!["yes".into()] }),
                            ),
                            ServicePart::Importance => (ItemKind::Rating { scale: imp }, Localized::from_msg(Msg::SurveyServiceImportance), None),
                        };
                        push(
                            self,
                            Item {
                                id: format!("{}.{}", q.id, part.suffix()),
                                kind,
                                text,
                                help: if part == ServicePart::Used { q.help.clone() } else { None },
                                show_if,
                                service: Some((service_id.clone(), part)),
                                ..base.clone()
                            },
                        );
                    }
                }
            }
        }
        if assessment {
            for (si, sec) in file.sections.iter().enumerate().filter(|(_, s)| s.scored) {
                if !items.iter().any(|i| i.section == si) {
                    self.rule(Some(&sec.id), "questions", Msg::RuleEmptyDimension, sec.id.clone());
                }
                for (di, sub) in sec.subdimensions.iter().enumerate() {
                    if !items.iter().any(|i| i.section == si && i.subdimension == Some(di)) {
                        self.rule(Some(&sec.id), "subdimensions", Msg::RuleEmptySubdimension, sub.id.clone());
                    }
                }
            }
        }
        items
    }

    /// A condition must refer to an *earlier* question (so answering never loops) and name
    /// answers that question can actually have.
    fn check_condition(&mut self, id: &str, cond: &Condition, items: &[Item], seen: &BTreeMap<String, usize>) {
        let Some(&target) = seen.get(&cond.question) else {
            self.problem(Some(id), "show_if.question", ProblemKind::UnknownReference { what: "earlier question".into(), id: cond.question.clone() });
            return;
        };
        if cond.any_of.is_empty() {
            self.problem(Some(id), "show_if.any_of", ProblemKind::MissingField);
        }
        let allowed: Vec<String> = match &items[target].kind {
            ItemKind::YesNo => vec!["yes".into(), "no".into()],
            ItemKind::Choice { options } => options.iter().map(|o| o.id.clone()).collect(),
            ItemKind::Rating { .. } => (1..=5).map(|n: u8| n.to_string()).collect(),
            ItemKind::Nps => (0..=10).map(|n: u8| n.to_string()).collect(),
            ItemKind::Level { .. } => (1..=5).map(|n: u8| n.to_string()).chain(["dont_know".to_owned()]).collect(),
            ItemKind::Text => {
                self.rule(Some(id), "show_if.question", Msg::RuleConditionOnText, cond.question.clone());
                return;
            }
        };
        for value in &cond.any_of {
            if !allowed.contains(value) {
                self.problem(Some(id), "show_if.any_of", ProblemKind::InvalidValue { expected: allowed.join(" | "), found: value.clone() });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[bank]
id = "t"
version = "1.0.0"
kind = "assessment"
languages = ["it", "en"]
title = { it = "Titolo", en = "Title" }

[[sections]]
id = "strategy"
title = { it = "Strategia", en = "Strategy" }
scored = true
subdimensions = [{ id = "vision", name = { it = "Visione", en = "Vision" } }]

[[questions]]
id = "Q1"
section = "strategy"
subdimension = "vision"
kind = "level"
weight = 1.0
iso = [5]
text = { it = "Domanda", en = "Question" }
levels = [
  { it = "a", en = "a" }, { it = "b", en = "b" }, { it = "c", en = "c" },
  { it = "d", en = "d" }, { it = "e", en = "e" },
]
"#;

    fn problems(text: &str) -> Vec<Problem> {
        Bank::from_toml(Source { name: "t.toml", text }, None).err().unwrap_or_default()
    }

    fn expect_one(text: &str, want: impl Fn(&ProblemKind) -> bool, field: &str) -> Problem {
        let found = problems(text);
        let hit = found.iter().find(|p| want(&p.kind)).unwrap_or_else(|| panic!("no such problem in {found:#?}"));
        assert_eq!(hit.field.as_deref(), Some(field), "{hit:?}");
        hit.clone()
    }

    #[test]
    fn minimal_bank_is_valid() {
        let bank = Bank::from_toml(Source { name: "t.toml", text: MINIMAL }, None).expect("valid");
        assert_eq!(bank.items().len(), 1);
        assert_eq!(bank.items()[0].subdimension, Some(0));
    }

    #[test]
    fn duplicate_id_is_located_at_its_line() {
        let text = format!("{MINIMAL}\n{}", &MINIMAL[MINIMAL.find("[[questions]]").unwrap()..]);
        let p = expect_one(&text, |k| matches!(k, ProblemKind::DuplicateId { id } if id == "Q1"), "id");
        assert_eq!(p.record.as_deref(), Some("Q1"));
        assert!(p.line.is_some());
    }

    #[test]
    fn missing_language_is_reported() {
        let text = MINIMAL.replace(r#"text = { it = "Domanda", en = "Question" }"#, r#"text = { it = "Domanda" }"#);
        expect_one(&text, |k| matches!(k, ProblemKind::MissingLanguage { languages } if languages == "en"), "text");
    }

    #[test]
    fn unknown_dimension_is_reported() {
        let text = MINIMAL.replace(r#"section = "strategy""#, r#"section = "strategia""#);
        expect_one(&text, |k| matches!(k, ProblemKind::UnknownReference { id, .. } if id == "strategia"), "section");
        let text = MINIMAL.replace(r#"subdimension = "vision""#, r#"subdimension = "mission""#);
        expect_one(&text, |k| matches!(k, ProblemKind::UnknownReference { id, .. } if id == "mission"), "subdimension");
    }

    #[test]
    fn wrong_number_of_levels_is_reported() {
        let text = MINIMAL.replace(r#"{ it = "e", en = "e" },"#, "");
        let p = expect_one(&text, |k| matches!(k, ProblemKind::WrongLevelCount { found: 4 }), "levels");
        assert_eq!(p.line, Some(MINIMAL.lines().position(|l| l == "id = \"Q1\"").unwrap() + 1));
    }

    #[test]
    fn empty_text_is_reported() {
        let text = MINIMAL.replace(r#"text = { it = "Domanda", en = "Question" }"#, r#"text = { it = " ", en = "" }"#);
        expect_one(&text, |k| matches!(k, ProblemKind::EmptyText), "text");
    }

    #[test]
    fn bad_weight_is_reported() {
        for bad in ["0.0", "-1.0", "9.5", "nan"] {
            let text = MINIMAL.replace("weight = 1.0", &format!("weight = {bad}"));
            expect_one(&text, |k| matches!(k, ProblemKind::BadWeight { .. }), "weight");
        }
    }

    #[test]
    fn unknown_iso_clause_is_reported() {
        let text = MINIMAL.replace("iso = [5]", "iso = [5, 11]");
        expect_one(&text, |k| matches!(k, ProblemKind::UnknownIsoClause { found } if found == "11"), "iso");
    }

    #[test]
    fn typo_in_field_name_is_a_located_syntax_problem() {
        let text = MINIMAL.replace("levels = [", "levles = [");
        let found = problems(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, ProblemKind::UnknownField);
        assert_eq!(found[0].field.as_deref(), Some("levles"));
        assert!(found[0].line.is_some());
    }

    #[test]
    fn conditions_must_point_back_to_real_answers() {
        let survey = r#"
[bank]
id = "s"
version = "1.0.0"
kind = "survey"
year = 2027
languages = ["it", "en"]
title = { it = "T", en = "T" }
[[sections]]
id = "main"
title = { it = "T", en = "T" }
[[questions]]
id = "renew"
section = "main"
kind = "choice"
text = { it = "Rinnova?", en = "Renew?" }
options = [{ id = "yes", label = { it = "Sì", en = "Yes" } }, { id = "no", label = { it = "No", en = "No" } }]
[[questions]]
id = "why"
section = "main"
kind = "text"
text = { it = "Perché?", en = "Why?" }
show_if = { question = "renew", any_of = ["no"] }
"#;
        assert!(problems(survey).is_empty(), "{:#?}", problems(survey));
        let bad_value = survey.replace(r#"any_of = ["no"]"#, r#"any_of = ["maybe"]"#);
        expect_one(&bad_value, |k| matches!(k, ProblemKind::InvalidValue { found, .. } if found == "maybe"), "show_if.any_of");
        let forward = survey.replace(r#"question = "renew""#, r#"question = "why""#);
        expect_one(&forward, |k| matches!(k, ProblemKind::UnknownReference { .. }), "show_if.question");
    }
}
