//! The rules of a question bank, each reported as a located problem.

use super::answer::Answer;
use super::item::{item_kind, Item, ItemKind, KindCheck, ServicePart, LEVELS, SERVICE_NOT_USED, SERVICE_UNAWARE, SERVICE_USED};
use super::model::*;
use crate::content::catalogue::Catalogue;
use crate::kernel::i18n::{Lang, Localized, Msg};
use crate::kernel::ids::is_valid_id;
use crate::kernel::problem::{line_of_id, Expected, Found, Problem, ProblemKind, Source, Thing};
use std::collections::{BTreeMap, BTreeSet};

/// ISO 56001:2024 clauses a question can evidence.
pub const ISO_CLAUSES: std::ops::RangeInclusive<i64> = 4..=10;
/// Weights allowed for a question.
pub const WEIGHT_RANGE: std::ops::RangeInclusive<f64> = 0.1..=5.0;

/// Checks every rule of the bank and returns its items, or every problem found.
pub(super) fn check(file: &BankFile, source: Source, catalogue: Option<&Catalogue>) -> Result<Vec<Item>, Vec<Problem>> {
    let mut v = Validator { source, problems: Vec::new(), languages: file.bank.languages.clone() };
    v.check_meta(&file.bank);
    for scale in &file.scales {
        v.check_scale(scale);
    }
    v.check_profile(&file.profile);
    v.check_sections(file);
    let items = v.check_questions(file, catalogue);
    v.check_carry(file, &items);
    if v.problems.is_empty() {
        Ok(items)
    } else {
        Err(v.problems)
    }
}

fn is_semver(version: &str) -> bool {
    let parts: Vec<&str> = version.split('.').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
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
            self.problem(record, field, ProblemKind::InvalidValue { expected: Expected::Id, found: Found::literal(&format!("\"{id}\"")) });
        }
    }

    fn check_meta(&mut self, meta: &BankMeta) {
        self.id(None, "bank.id", &meta.id);
        if !is_semver(&meta.version) {
            self.problem(None, "bank.version", ProblemKind::InvalidValue { expected: Expected::Version, found: Found::literal(&meta.version) });
        }
        if meta.languages.is_empty() {
            self.problem(None, "bank.languages", ProblemKind::MissingField);
        }
        for code in &meta.languages {
            if Lang::from_code(code).is_none() {
                self.problem(None, "bank.languages", ProblemKind::UnknownReference { what: Thing::Language, id: code.clone() });
            }
        }
        self.text(None, "bank.title", &meta.title);
        match (meta.kind, meta.year) {
            (BankKind::Survey, None) => self.problem(None, "bank.year", ProblemKind::MissingField),
            (BankKind::Survey, Some(y)) if !(2000..=2100).contains(&y) => self.problem(
                None,
                "bank.year",
                ProblemKind::InvalidValue { expected: Expected::Literal("2000–2100".into()), found: Found::literal(&y.to_string()) },
            ),
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
            if section.outcome && !section.scored {
                self.rule(Some(&section.id), "outcome", Msg::RuleOutcomeNeedsScored, "");
            }
            if file.bank.kind == BankKind::Survey && section.scored {
                self.rule(Some(&section.id), "scored", Msg::RuleSurveyNotScored, "");
            }
        }
        if file.bank.kind == BankKind::Assessment && !file.sections.iter().any(|s| s.scored) {
            self.rule(None, "sections.scored", Msg::RuleNoScoredSection, "");
        }
    }

    /// Every question becomes one item (three for a `service` question), each checked.
    fn check_questions(&mut self, file: &BankFile, catalogue: Option<&Catalogue>) -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        if file.questions.is_empty() {
            self.problem(None, "questions", ProblemKind::MissingField);
        }
        for q in &file.questions {
            let Some(base) = self.check_common(q, file) else { continue };
            if let Some(cond) = &base.show_if {
                self.check_condition(&q.id, cond, &items, &seen);
            }
            let kind = item_kind(q, &file.scales, &mut |check| self.kind_check(&q.id, check));
            let new_items = match kind {
                Some(kind) => vec![Item { kind, ..base }],
                None => self.expand_service(q, file, catalogue, base),
            };
            for item in new_items {
                if seen.contains_key(&item.id) {
                    self.problem(Some(&q.id), "id", ProblemKind::DuplicateId { id: item.id.clone() });
                } else {
                    seen.insert(item.id.clone(), items.len());
                    items.push(item);
                }
            }
        }
        if file.bank.kind == BankKind::Assessment {
            self.check_dimensions_have_items(file, &items);
        }
        items
    }

    fn kind_check(&mut self, record: &str, check: KindCheck) {
        match check {
            KindCheck::Problem(field, kind) => self.problem(Some(record), field, kind),
            KindCheck::Text(field, text) => self.text(Some(record), &field, text),
            KindCheck::Choices(options) => self.check_choices(record, options),
        }
    }

    /// What every question has, whatever its kind: section, sub-dimension, texts,
    /// weight, ISO clauses. `None` when its section does not exist.
    fn check_common(&mut self, q: &QuestionDef, file: &BankFile) -> Option<Item> {
        let rec = Some(q.id.as_str());
        self.id(rec, "id", &q.id);
        let Some(section) = file.sections.iter().position(|s| s.id == q.section) else {
            self.problem(rec, "section", ProblemKind::UnknownReference { what: Thing::Section, id: q.section.clone() });
            return None;
        };
        let sec = &file.sections[section];
        let subdimension = self.check_subdimension(q, sec);
        match &q.text {
            Some(text) => self.text(rec, "text", text),
            None if q.kind != QuestionKind::Service => self.problem(rec, "text", ProblemKind::MissingField),
            None => {}
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
        Some(Item {
            id: q.id.clone(),
            section,
            subdimension,
            kind: ItemKind::Text,
            text: q.text.clone().unwrap_or_default(),
            help: q.help.clone(),
            required: q.required,
            weight,
            iso,
            show_if: q.show_if.clone(),
            service: None,
        })
    }

    fn check_subdimension(&mut self, q: &QuestionDef, sec: &Section) -> Option<usize> {
        let rec = Some(q.id.as_str());
        match &q.subdimension {
            Some(sub) => {
                let found = sec.subdimensions.iter().position(|s| &s.id == sub);
                if found.is_none() {
                    self.problem(rec, "subdimension", ProblemKind::UnknownReference { what: Thing::SubDimensionOf(sec.id.clone()), id: sub.clone() });
                }
                found
            }
            None => {
                if sec.scored && !sec.subdimensions.is_empty() {
                    self.problem(rec, "subdimension", ProblemKind::MissingField);
                }
                None
            }
        }
    }

    /// A `service` question becomes three items: used (yes/no), satisfaction (shown only
    /// to users) and importance, on the bank's two named scales.
    fn expand_service(&mut self, q: &QuestionDef, file: &BankFile, catalogue: Option<&Catalogue>, base: Item) -> Vec<Item> {
        let rec = Some(q.id.as_str());
        if file.bank.kind == BankKind::Assessment {
            self.rule(rec, "kind", Msg::RuleServiceInSurveyOnly, "");
        }
        let scale_of = |id: &str| file.scales.iter().position(|s| s.id == id);
        let (Some(sat), Some(imp)) = (scale_of("satisfaction"), scale_of("importance")) else {
            self.rule(rec, "scale", Msg::RuleServiceNeedsScales, "");
            return Vec::new();
        };
        let Some(service_id) = &q.service else {
            self.problem(rec, "service", ProblemKind::MissingField);
            return Vec::new();
        };
        match catalogue {
            Some(c) if c.service(service_id).is_none() => {
                self.problem(rec, "service", ProblemKind::UnknownReference { what: Thing::Service, id: service_id.clone() })
            }
            None => self.rule(rec, "service", Msg::RuleServiceNeedsCatalogue, ""),
            _ => {}
        }
        let used_id = format!("{}.used", q.id);
        ServicePart::ALL
            .into_iter()
            .map(|part| {
                let (kind, text, show_if) = match part {
                    ServicePart::Used => (ItemKind::Choice { options: used_options() }, Localized::from_msg(Msg::SurveyServiceUsed), None),
                    ServicePart::Satisfaction => (
                        ItemKind::Rating { scale: sat },
                        Localized::from_msg(Msg::SurveyServiceSatisfaction),
                        Some(Condition { question: used_id.clone(), any_of: vec![SERVICE_USED.into()] }),
                    ),
                    // Importance comes from the members who used the service, like
                    // satisfaction: both axes of the matrix from the same people, and the
                    // survey within its 12 minutes (questions/README.md).
                    ServicePart::Importance => (
                        ItemKind::Rating { scale: imp },
                        Localized::from_msg(Msg::SurveyServiceImportance),
                        Some(Condition { question: used_id.clone(), any_of: vec![SERVICE_USED.into()] }),
                    ),
                };
                Item {
                    id: format!("{}.{}", q.id, part.suffix()),
                    kind,
                    text,
                    help: if part == ServicePart::Used { q.help.clone() } else { None },
                    show_if,
                    service: Some((service_id.clone(), part)),
                    ..base.clone()
                }
            })
            .collect()
    }

    /// A carry rule names a question of an earlier MAJOR version and questions of this one.
    fn check_carry(&mut self, file: &BankFile, items: &[Item]) {
        let this_major: u32 = file.bank.version.split('.').next().and_then(|m| m.parse().ok()).unwrap_or(0);
        for rule in &file.carry {
            if rule.from_major >= this_major {
                let expected = Expected::Literal(format!("< {this_major}"));
                self.problem(Some(&rule.question), "carry.from_major", ProblemKind::InvalidValue { expected, found: Found::Count(rule.from_major as usize) });
            }
            if rule.into.is_empty() {
                self.problem(Some(&rule.question), "carry.into", ProblemKind::MissingField);
            }
            for id in &rule.into {
                if !items.iter().any(|i| &i.id == id) {
                    self.problem(Some(&rule.question), "carry.into", ProblemKind::UnknownReference { what: Thing::Question, id: id.clone() });
                }
            }
        }
        for changed in &file.changed {
            if changed.from_major >= this_major {
                let expected = Expected::Literal(format!("< {this_major}"));
                self.problem(None, "changed.from_major", ProblemKind::InvalidValue { expected, found: Found::Count(changed.from_major as usize) });
            }
            for id in changed.questions.iter().filter(|id| !items.iter().any(|i| &i.id == *id)) {
                self.problem(Some(id), "changed.questions", ProblemKind::UnknownReference { what: Thing::Question, id: id.clone() });
            }
        }
    }

    /// Every scored dimension and sub-dimension of an assessment needs a question.
    fn check_dimensions_have_items(&mut self, file: &BankFile, items: &[Item]) {
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

    /// A condition must refer to an *earlier* question (so answering never loops) and name
    /// answers that question can actually have.
    fn check_condition(&mut self, id: &str, cond: &Condition, items: &[Item], seen: &BTreeMap<String, usize>) {
        let Some(&target) = seen.get(&cond.question) else {
            self.problem(Some(id), "show_if.question", ProblemKind::UnknownReference { what: Thing::EarlierQuestion, id: cond.question.clone() });
            return;
        };
        if cond.any_of.is_empty() {
            self.problem(Some(id), "show_if.any_of", ProblemKind::MissingField);
        }
        let Some(allowed) = Answer::tokens(&items[target].kind) else {
            self.rule(Some(id), "show_if.question", Msg::RuleConditionOnText, cond.question.clone());
            return;
        };
        for value in &cond.any_of {
            if !allowed.contains(value) {
                let expected = Expected::Literal(allowed.join(" | "));
                self.problem(Some(id), "show_if.any_of", ProblemKind::InvalidValue { expected, found: Found::literal(value) });
            }
        }
    }
}

/// Used, not used, or not known to exist: awareness and use told apart.
fn used_options() -> Vec<Choice> {
    [(SERVICE_USED, Msg::SurveyServiceUsedYes), (SERVICE_NOT_USED, Msg::SurveyServiceUsedNo), (SERVICE_UNAWARE, Msg::SurveyServiceUsedUnaware)]
        .into_iter()
        .map(|(id, msg)| Choice { id: id.into(), label: Localized::from_msg(msg) })
        .collect()
}
