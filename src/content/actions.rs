//! The action library (`assets/actions.toml`): improvement actions per dimension and
//! sub-dimension of the assessment, each pointing to cluster services that can help.

use crate::content::bank::Bank;
use crate::content::catalogue::Catalogue;
use crate::kernel::i18n::{Localized, Msg};
use crate::kernel::ids::is_valid_id;
use crate::kernel::problem::{line_of_id, Expected, Found, Problem, ProblemKind, Source, Thing};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryFile {
    pub library: LibraryMeta,
    pub actions: Vec<Action>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryMeta {
    pub id: String,
    pub version: String,
    /// The bank id whose dimensions and sub-dimensions the actions refer to.
    pub bank: String,
    pub languages: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    Low,
    Medium,
    High,
}

impl Effort {
    /// The divisor in the priority formula (METHOD.md §Priority).
    pub fn factor(self) -> f64 {
        match self {
            Effort::Low => 1.0,
            Effort::Medium => 2.0,
            Effort::High => 3.0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// Results within 3 months.
    Short,
    /// 3–12 months.
    Medium,
    /// Over 12 months.
    Long,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub dimension: String,
    /// Absent for actions that serve the whole dimension.
    #[serde(default)]
    pub subdimension: Option<String>,
    pub effort: Effort,
    pub horizon: Horizon,
    pub services: Vec<String>,
    pub title: Localized,
    pub description: Localized,
    pub kpi: Localized,
    pub measure: Localized,
}

impl Action {
    /// `dimension` or `dimension.subdimension`: the score this action improves.
    pub fn metric(&self) -> String {
        match &self.subdimension {
            Some(sub) => format!("{}.{sub}", self.dimension),
            None => self.dimension.clone(),
        }
    }
}

/// A validated action library, consistent with a bank and a service catalogue.
#[derive(Clone, Debug)]
pub struct Library {
    file: LibraryFile,
}

impl Library {
    pub fn from_toml(source: Source, bank: &Bank, catalogue: &Catalogue) -> Result<Library, Vec<Problem>> {
        let file: LibraryFile = source.read_toml()?;
        Library::from_file(file, source, bank, catalogue)
    }

    pub fn from_json(json: &str, source: Source, bank: &Bank, catalogue: &Catalogue) -> Result<Library, Vec<Problem>> {
        let file: LibraryFile = source.read_json(json)?;
        Library::from_file(file, source, bank, catalogue)
    }

    pub fn from_file(file: LibraryFile, source: Source, bank: &Bank, catalogue: &Catalogue) -> Result<Library, Vec<Problem>> {
        let mut problems = Vec::new();
        let at = |id: &str, field: &str, kind: ProblemKind| {
            let mut p = Problem::new(source.name, kind).record(id).field(field);
            p.line = line_of_id(source.text, id);
            p
        };
        if file.library.bank != bank.id() {
            problems.push(Problem::new(source.name, ProblemKind::UnknownReference { what: Thing::Bank, id: file.library.bank.clone() }).field("library.bank"));
        }
        let languages = &file.library.languages;
        let mut seen = BTreeSet::new();
        for a in &file.actions {
            if !is_valid_id(&a.id) {
                problems.push(at(&a.id, "id", ProblemKind::InvalidValue { expected: Expected::Id, found: Found::literal(&a.id) }));
            }
            if !seen.insert(a.id.as_str()) {
                problems.push(at(&a.id, "id", ProblemKind::DuplicateId { id: a.id.clone() }));
            }
            match bank.scored_sections().find(|(_, s)| s.id == a.dimension) {
                None => problems.push(at(&a.id, "dimension", ProblemKind::UnknownReference { what: Thing::Dimension, id: a.dimension.clone() })),
                Some((_, section)) => {
                    if let Some(sub) = &a.subdimension {
                        if !section.subdimensions.iter().any(|s| &s.id == sub) {
                            problems.push(at(
                                &a.id,
                                "subdimension",
                                ProblemKind::UnknownReference { what: Thing::SubDimensionOf(a.dimension.clone()), id: sub.clone() },
                            ));
                        }
                    }
                }
            }
            if a.services.is_empty() {
                problems.push(at(&a.id, "services", ProblemKind::Rule { rule: Msg::RuleActionNeedsService, detail: String::new() }));
            }
            for s in &a.services {
                if catalogue.service(s).is_none() {
                    problems.push(at(&a.id, "services", ProblemKind::UnknownReference { what: Thing::Service, id: s.clone() }));
                }
            }
            for (field, text) in [("title", &a.title), ("description", &a.description), ("kpi", &a.kpi), ("measure", &a.measure)] {
                let missing = text.missing(languages);
                if missing.len() == languages.len() {
                    problems.push(at(&a.id, field, ProblemKind::EmptyText));
                } else if !missing.is_empty() {
                    problems.push(at(&a.id, field, ProblemKind::MissingLanguage { languages: missing.join(", ") }));
                }
            }
        }
        // Every scored dimension needs at least one action, or the plan could be silent
        // exactly where the company is weakest.
        for (_, section) in bank.scored_sections() {
            if !file.actions.iter().any(|a| a.dimension == section.id) {
                problems
                    .push(Problem::new(source.name, ProblemKind::Rule { rule: Msg::RuleDimensionWithoutActions, detail: section.id.clone() }).field("actions"));
            }
        }
        if problems.is_empty() {
            Ok(Library { file })
        } else {
            Err(problems)
        }
    }

    pub fn actions(&self) -> &[Action] {
        &self.file.actions
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.file.actions.iter().find(|a| a.id == id)
    }

    pub fn meta(&self) -> &LibraryMeta {
        &self.file.library
    }
}
