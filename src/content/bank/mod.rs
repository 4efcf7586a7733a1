//! Question banks: the file model (as staff write it in `questions/*.toml`), its
//! validation, and the validated [`Bank`] the rest of the app works with.
//!
//! A [`Bank`] can only be obtained through [`Bank::from_file`], which checks every rule
//! and returns *all* problems found, each located by line, question id and field.

pub mod answer;
pub mod item;
pub mod model;
mod validate;

pub use answer::{is_visible, Answer, MAX_TEXT};
pub use item::{Item, ItemKind, ServicePart, LEVELS, SERVICE_NOT_USED, SERVICE_UNAWARE, SERVICE_USED};
pub use model::*;
pub use validate::{ISO_CLAUSES, WEIGHT_RANGE};

use crate::content::catalogue::Catalogue;
use crate::kernel::i18n::Lang;
use crate::kernel::problem::{Problem, Source};
use std::collections::{BTreeMap, BTreeSet};

/// A question bank that passed validation. Fields are read-only by construction.
#[derive(Clone, Debug)]
pub struct Bank {
    file: BankFile,
    items: Vec<Item>,
    index: BTreeMap<String, usize>,
}

impl Bank {
    /// Parses a bank written in TOML (the format staff edit).
    pub fn from_toml(source: Source, catalogue: Option<&Catalogue>) -> Result<Bank, Vec<Problem>> {
        let file: BankFile = source.read_toml()?;
        Bank::from_file(file, source, catalogue)
    }

    /// Parses a bank in its JSON form (bundled banks are embedded as JSON by `build.rs`).
    pub fn from_json(json: &str, source: Source, catalogue: Option<&Catalogue>) -> Result<Bank, Vec<Problem>> {
        let file: BankFile = source.read_json(json)?;
        Bank::from_file(file, source, catalogue)
    }

    /// Checks every rule of the format and builds the bank, or lists every problem.
    /// `catalogue` is needed for survey banks with `service` questions.
    pub fn from_file(file: BankFile, source: Source, catalogue: Option<&Catalogue>) -> Result<Bank, Vec<Problem>> {
        let items = validate::check(&file, source, catalogue)?;
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
    /// The rating scale an item is answered on, if it is a rating question.
    pub fn scale_of(&self, item: &Item) -> Option<&Scale> {
        if let ItemKind::Rating { scale } = item.kind {
            self.file.scales.get(scale)
        } else {
            None
        }
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
    /// A profile (field id → option id) keyed by role instead (`size` → `small`), for
    /// grouping; fields without a role are left out.
    pub fn roles_of(&self, profile: &BTreeMap<String, String>) -> BTreeMap<String, String> {
        self.file.profile.iter().filter_map(|f| Some((f.role.clone()?, profile.get(&f.id)?.clone()))).collect()
    }
    /// The label of a profile option in `lang` ("Start-up (first two years)"); the id when
    /// the field or option is unknown.
    pub fn option_label(&self, field: &str, option: &str, lang: Lang) -> String {
        self.file
            .profile
            .iter()
            .find(|f| f.id == field)
            .and_then(|f| f.options.iter().find(|o| o.id == option))
            .map(|o| o.label.get(lang).to_owned())
            .unwrap_or_else(|| option.to_owned())
    }
    /// Items (ids) of a scored section, or of one of its sub-dimensions
    /// (`dimension` or `dimension.sub`).
    pub fn items_of_metric<'b>(&'b self, metric: &'b str) -> impl Iterator<Item = &'b Item> + 'b {
        let (dim, sub) = match metric.split_once('.') {
            Some((d, s)) => (d, Some(s)),
            None => (metric, None),
        };
        self.items.iter().filter(move |i| {
            let section = &self.file.sections[i.section];
            section.id == dim && sub.is_none_or(|s| i.subdimension.map(|k| section.subdimensions[k].id.as_str()) == Some(s))
        })
    }
    /// Is this bank's version one whose answers can be read as answers to `self`?
    /// Same id and same MAJOR version: minor versions only add or reword questions.
    pub fn accepts_version(&self, bank_id: &str, version: &str) -> bool {
        bank_id == self.id() && major(version) == major(self.version())
    }

    /// Can answers given to `version` be carried over to this version (same id, an
    /// earlier or the same MAJOR version)?
    pub fn reads_version(&self, bank_id: &str, version: &str) -> bool {
        bank_id == self.id() && major(version).is_some() && major(version) <= major(self.version())
    }

    /// The question ids an answer to `question` of `version` answers in this version:
    /// the `carry` rules of the bank for an earlier MAJOR version, else the same id if
    /// this version still has it, else none.
    pub fn carried_to(&self, version: &str, question: &str) -> Vec<&str> {
        let from = major(version);
        if from != major(self.version()) {
            let rules: Vec<&Carry> = self.file.carry.iter().filter(|c| Some(c.from_major) == from && c.question == question).collect();
            if !rules.is_empty() {
                return rules.iter().flat_map(|c| c.into.iter().map(String::as_str)).collect();
            }
        }
        self.item(question).map(|i| vec![i.id.as_str()]).unwrap_or_default()
    }

    /// Every rule of how earlier answers carry over.
    pub fn carry_rules(&self) -> &[Carry] {
        &self.file.carry
    }

    /// The questions of this version that do not ask what they asked in `version`: new
    /// ones and the targets of splits (the `carry` rules), and those the bank lists as
    /// `changed`. Empty for the same MAJOR version.
    pub fn changed_since(&self, version: &str) -> BTreeSet<&str> {
        let Some(from) = major(version).filter(|m| Some(*m) != major(self.version())) else { return BTreeSet::new() };
        let carried = self.file.carry.iter().filter(|c| c.from_major >= from).flat_map(|c| c.into.iter());
        let changed = self.file.changed.iter().filter(|c| c.from_major >= from).flat_map(|c| c.questions.iter());
        carried.chain(changed).map(String::as_str).collect()
    }
}

/// The MAJOR number of a `MAJOR.MINOR.PATCH` version.
fn major(version: &str) -> Option<u32> {
    version.split('.').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::problem::ProblemKind;

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
