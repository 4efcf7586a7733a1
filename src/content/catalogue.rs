//! The catalogue of the cluster's services (`assets/services.toml`), shared by the
//! satisfaction survey (one question per service) and the Action Plan (pointers).

use crate::kernel::i18n::Localized;
use crate::kernel::ids::is_valid_id;
use crate::kernel::problem::{line_of_id, Expected, Found, Problem, ProblemKind, Source};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

pub const GROUPS: &[&str] = &["support", "competence_area", "projects", "officina", "advocacy", "international", "communication"];

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    pub catalogue: CatalogueMeta,
    pub services: Vec<Service>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueMeta {
    pub id: String,
    pub version: String,
    pub languages: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    pub group: String,
    /// The paragraph of the strategic plan that describes it, e.g. `§3.1.1`.
    #[serde(default)]
    pub source: String,
    pub name: Localized,
    pub description: Localized,
    /// Ids of services of an earlier catalogue this one took over, so that plans made
    /// then still name a service (the first service that lists an id answers for it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
}

/// A validated service catalogue.
#[derive(Clone, Debug)]
pub struct Catalogue {
    file: CatalogueFile,
}

impl Catalogue {
    pub fn from_toml(source: Source) -> Result<Catalogue, Vec<Problem>> {
        let file: CatalogueFile = source.read_toml()?;
        Catalogue::from_file(file, source)
    }

    pub fn from_json(json: &str, source: Source) -> Result<Catalogue, Vec<Problem>> {
        let file: CatalogueFile = source.read_json(json)?;
        Catalogue::from_file(file, source)
    }

    pub fn from_file(file: CatalogueFile, source: Source) -> Result<Catalogue, Vec<Problem>> {
        let mut problems = Vec::new();
        let at = |id: &str, field: &str, kind: ProblemKind| {
            let mut p = Problem::new(source.name, kind).record(id).field(field);
            p.line = line_of_id(source.text, id);
            p
        };
        let mut seen = BTreeSet::new();
        for s in &file.services {
            if !is_valid_id(&s.id) {
                problems.push(at(&s.id, "id", ProblemKind::InvalidValue { expected: Expected::Id, found: Found::literal(&s.id) }));
            }
            if !seen.insert(s.id.as_str()) {
                problems.push(at(&s.id, "id", ProblemKind::DuplicateId { id: s.id.clone() }));
            }
            if !GROUPS.contains(&s.group.as_str()) {
                problems.push(at(
                    &s.id,
                    "group",
                    ProblemKind::InvalidValue { expected: Expected::Literal(GROUPS.join(" | ")), found: Found::literal(&s.group) },
                ));
            }
            for (field, text) in [("name", &s.name), ("description", &s.description)] {
                let missing = text.missing(&file.catalogue.languages);
                if !missing.is_empty() {
                    problems.push(at(&s.id, field, ProblemKind::MissingLanguage { languages: missing.join(", ") }));
                }
            }
        }
        // A replaced id is gone: it cannot also be a service of this catalogue.
        for s in &file.services {
            for old in s.replaces.iter().filter(|old| seen.contains(old.as_str())) {
                problems.push(at(&s.id, "replaces", ProblemKind::DuplicateId { id: old.clone() }));
            }
        }
        if file.services.is_empty() {
            problems.push(Problem::new(source.name, ProblemKind::MissingField).field("services"));
        }
        if problems.is_empty() {
            Ok(Catalogue { file })
        } else {
            Err(problems)
        }
    }

    pub fn services(&self) -> &[Service] {
        &self.file.services
    }

    /// The service with this id, or the one that took it over.
    pub fn service(&self, id: &str) -> Option<&Service> {
        let services = &self.file.services;
        services.iter().find(|s| s.id == id).or_else(|| services.iter().find(|s| s.replaces.iter().any(|r| r == id)))
    }

    pub fn meta(&self) -> &CatalogueMeta {
        &self.file.catalogue
    }
}
