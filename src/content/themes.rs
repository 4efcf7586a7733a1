//! The codebook of themes for the survey's comments: a data file staff edit
//! (`assets/themes.toml`), versioned, in every language, validated with located problems.

use crate::kernel::i18n::{Lang, Localized};
use crate::kernel::ids::is_valid_id;
use crate::kernel::problem::{line_of_id, Expected, Found, Problem, ProblemKind, Source};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodebookFile {
    pub codebook: CodebookMeta,
    pub themes: Vec<Theme>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodebookMeta {
    pub id: String,
    pub version: String,
    pub languages: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: Localized,
    /// Per language, the word starts that suggest the theme ("finanz" matches
    /// "finanziamento", "finanziare").
    #[serde(default)]
    pub keywords: BTreeMap<String, Vec<String>>,
}

/// A validated codebook.
#[derive(Clone, Debug)]
pub struct Codebook {
    file: CodebookFile,
}

impl Codebook {
    pub fn from_toml(source: Source) -> Result<Codebook, Vec<Problem>> {
        let file: CodebookFile = source.read_toml()?;
        Codebook::from_file(file, source)
    }

    pub fn from_json(json: &str, source: Source) -> Result<Codebook, Vec<Problem>> {
        let file: CodebookFile = source.read_json(json)?;
        Codebook::from_file(file, source)
    }

    fn from_file(file: CodebookFile, source: Source) -> Result<Codebook, Vec<Problem>> {
        let mut problems = Vec::new();
        let at = |id: &str, field: &str, kind: ProblemKind| {
            let mut p = Problem::new(source.name, kind).record(id).field(field);
            p.line = line_of_id(source.text, id);
            p
        };
        let mut seen = BTreeSet::new();
        for t in &file.themes {
            if !is_valid_id(&t.id) {
                problems.push(at(&t.id, "id", ProblemKind::InvalidValue { expected: Expected::Id, found: Found::literal(&t.id) }));
            }
            if !seen.insert(t.id.as_str()) {
                problems.push(at(&t.id, "id", ProblemKind::DuplicateId { id: t.id.clone() }));
            }
            let missing = t.name.missing(&file.codebook.languages);
            if !missing.is_empty() {
                problems.push(at(&t.id, "name", ProblemKind::MissingLanguage { languages: missing.join(", ") }));
            }
            if t.keywords.values().flatten().any(|k| k.trim().chars().count() < 3) {
                let expected = Expected::Literal("≥ 3".into());
                problems.push(at(&t.id, "keywords", ProblemKind::InvalidValue { expected, found: Found::literal("") }));
            }
        }
        if file.themes.is_empty() {
            problems.push(Problem::new(source.name, ProblemKind::MissingField).field("themes"));
        }
        if problems.is_empty() {
            Ok(Codebook { file })
        } else {
            Err(problems)
        }
    }

    pub fn themes(&self) -> &[Theme] {
        &self.file.themes
    }

    pub fn meta(&self) -> &CodebookMeta {
        &self.file.codebook
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.file.themes.iter().find(|t| t.id == id)
    }

    /// The themes whose keywords (in `lang`, or in any language when `lang` has none)
    /// start a word of `text`: suggestions staff confirm.
    pub fn suggest(&self, text: &str, lang: Lang) -> Vec<&str> {
        let words: Vec<String> = text.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect();
        self.file
            .themes
            .iter()
            .filter(|t| {
                let mine = t.keywords.get(lang.code());
                let keys: Vec<&String> = mine.map_or_else(|| t.keywords.values().flatten().collect(), |k| k.iter().collect());
                keys.iter().any(|k| words.iter().any(|w| w.starts_with(&k.to_lowercase())))
            })
            .map(|t| t.id.as_str())
            .collect()
    }
}
