//! Located problems: what every validator and importer returns instead of panicking.
//!
//! A [`Problem`] says where (file, line, record, field) and what ([`ProblemKind`]); its
//! message is rendered in the user's language from the UI catalogue, so the same value
//! can be shown on screen, listed in an import report or printed by `cargo test`.

use crate::i18n::{Lang, Msg};
use std::fmt;

/// What is wrong. Each kind has one message in `assets/i18n/*.toml` (`problem.*`).
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The text is not valid JSON / TOML / CSV; `detail` is the parser's own words.
    Syntax { detail: String },
    /// A required field is absent.
    MissingField,
    /// A field the format does not know (often a typo).
    UnknownField,
    /// A value of the wrong type or outside the allowed set.
    InvalidValue { expected: String, found: String },
    /// The same id is used twice.
    DuplicateId { id: String },
    /// A text lacks one of the languages the file declares.
    MissingLanguage { languages: String },
    /// A text is empty.
    EmptyText,
    /// A reference to something that does not exist (a dimension, a service, a question…).
    UnknownReference { what: String, id: String },
    /// A level question without exactly five levels (or a scale without five points).
    WrongLevelCount { found: usize },
    /// A weight outside 0.1–5.
    BadWeight { found: String },
    /// An ISO 56001 clause outside 4–10.
    UnknownIsoClause { found: String },
    /// Not a file of the expected kind (e.g. a benchmark given where an assessment belongs).
    WrongFormat { expected: String, found: String },
    /// A schema version this app cannot read.
    UnsupportedSchema { found: u32, supported: u32 },
    /// Answers given to a bank (id/version) this app does not have.
    UnknownBank { id: String, version: String },
    /// The file is larger than the importer accepts.
    TooLarge { size: usize, limit: usize },
    /// The file ends before it should.
    Truncated,
    /// The file is empty.
    Empty,
    /// A rule of the content model is broken; `rule` is a message key with its own text.
    Rule { rule: Msg, detail: String },
}

/// A problem and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The file's name as the user knows it (or a bundled file's path).
    pub file: String,
    /// 1-based line in the file, when known.
    pub line: Option<usize>,
    /// The record: a question id, a CSV row, a response id…
    pub record: Option<String>,
    /// The field inside the record.
    pub field: Option<String>,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(file: &str, kind: ProblemKind) -> Problem {
        Problem { file: file.to_owned(), line: None, record: None, field: None, kind }
    }

    pub fn line(mut self, line: usize) -> Problem {
        self.line = Some(line);
        self
    }

    pub fn record(mut self, record: impl Into<String>) -> Problem {
        self.record = Some(record.into());
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Problem {
        self.field = Some(field.into());
        self
    }

    /// The "what is wrong" part in `lang`.
    pub fn what(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match &self.kind {
            Syntax { detail } => lang.fmt(Msg::ProblemSyntax, &[("detail", detail)]),
            MissingField => lang.t(Msg::ProblemMissingField).to_owned(),
            UnknownField => lang.t(Msg::ProblemUnknownField).to_owned(),
            InvalidValue { expected, found } => lang.fmt(Msg::ProblemInvalidValue, &[("expected", expected), ("found", found)]),
            DuplicateId { id } => lang.fmt(Msg::ProblemDuplicateId, &[("id", id)]),
            MissingLanguage { languages } => lang.fmt(Msg::ProblemMissingLanguage, &[("languages", languages)]),
            EmptyText => lang.t(Msg::ProblemEmptyText).to_owned(),
            UnknownReference { what, id } => lang.fmt(Msg::ProblemUnknownReference, &[("what", what), ("id", id)]),
            WrongLevelCount { found } => lang.fmt(Msg::ProblemWrongLevelCount, &[("found", found)]),
            BadWeight { found } => lang.fmt(Msg::ProblemBadWeight, &[("found", found)]),
            UnknownIsoClause { found } => lang.fmt(Msg::ProblemUnknownIsoClause, &[("found", found)]),
            WrongFormat { expected, found } => lang.fmt(Msg::ProblemWrongFormat, &[("expected", expected), ("found", found)]),
            UnsupportedSchema { found, supported } => lang.fmt(Msg::ProblemUnsupportedSchema, &[("found", found), ("supported", supported)]),
            UnknownBank { id, version } => lang.fmt(Msg::ProblemUnknownBank, &[("id", id), ("version", version)]),
            TooLarge { size, limit } => lang.fmt(Msg::ProblemTooLarge, &[("size", &human_size(*size)), ("limit", &human_size(*limit))]),
            Truncated => lang.t(Msg::ProblemTruncated).to_owned(),
            Empty => lang.t(Msg::ProblemEmpty).to_owned(),
            Rule { rule, detail } => lang.fmt(*rule, &[("detail", detail)]),
        }
    }

    /// "where" then "what", e.g. `innovation.toml, line 12, STR-01, field levels: …`.
    pub fn message(&self, lang: Lang) -> String {
        let mut place = vec![self.file.clone()];
        if let Some(line) = self.line {
            place.push(lang.fmt(Msg::ProblemAtLine, &[("line", &line)]));
        }
        if let Some(record) = &self.record {
            place.push(record.clone());
        }
        if let Some(field) = &self.field {
            place.push(lang.fmt(Msg::ProblemAtField, &[("field", field)]));
        }
        format!("{}: {}", place.join(", "), self.what(lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::from_code("en").unwrap_or_default()))
    }
}

/// `1536` → `1.5 KB`, `3_500_000` → `3.3 MB`.
pub fn human_size(bytes: usize) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} B")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{:.1} MB", b / KB / KB)
    }
}

/// The 1-based line of byte offset `at` in `text`.
pub fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].bytes().filter(|b| *b == b'\n').count() + 1
}

/// The line where a record starts in a source text, found by its id
/// (`id = "STR-01"` in TOML, `"id": "STR-01"` in JSON). Semantic problems found after
/// parsing use it to point staff at the right line of the file they edit.
pub fn line_of_id(source: &str, id: &str) -> Option<usize> {
    let toml = format!("id = \"{id}\"");
    let json = format!("\"id\":\"{id}\"");
    let json_spaced = format!("\"id\": \"{id}\"");
    [toml, json, json_spaced].iter().filter_map(|needle| source.find(needle.as_str())).min().map(|at| line_of(source, at))
}

/// Turns a serde_json error into a located problem, naming the field where serde does.
pub fn from_json_error(file: &str, source: &str, err: &serde_json::Error) -> Problem {
    use serde_json::error::Category;
    let kind = match err.classify() {
        Category::Eof => ProblemKind::Truncated,
        Category::Syntax | Category::Io => ProblemKind::Syntax { detail: strip_position(&err.to_string()) },
        Category::Data => classify_serde_message(&strip_position(&err.to_string())),
    };
    let mut problem = Problem::new(file, kind);
    if source.trim().is_empty() {
        problem.kind = ProblemKind::Empty;
        return problem;
    }
    if err.line() > 0 {
        problem.line = Some(err.line());
    }
    if let Some(field) = field_in_message(&err.to_string()) {
        problem.field = Some(field);
    }
    problem
}

/// Turns a TOML error into a located problem.
pub fn from_toml_error(file: &str, source: &str, err: &toml::de::Error) -> Problem {
    let message = err.message().to_owned();
    let kind = if message.contains("missing field")
        || message.contains("unknown field")
        || message.contains("invalid type")
        || message.contains("unknown variant")
        || message.contains("invalid value")
        || message.contains("invalid length")
    {
        classify_serde_message(&message)
    } else {
        ProblemKind::Syntax { detail: message.clone() }
    };
    let mut problem = Problem::new(file, kind);
    if source.trim().is_empty() {
        problem.kind = ProblemKind::Empty;
        return problem;
    }
    if let Some(span) = err.span() {
        problem.line = Some(line_of(source, span.start));
    }
    if let Some(field) = field_in_message(&message) {
        problem.field = Some(field);
    }
    problem
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// The first name between backticks in a serde message: "missing field `levels`".
fn field_in_message(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let end = start + message[start..].find('`')?;
    Some(message[start..end].to_owned())
}

/// Serde's data errors are English sentences; map the common ones to our kinds so the
/// user reads them in their language.
fn classify_serde_message(message: &str) -> ProblemKind {
    if message.starts_with("missing field") {
        ProblemKind::MissingField
    } else if message.starts_with("unknown field") {
        ProblemKind::UnknownField
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        ProblemKind::InvalidValue { expected: expected.to_owned(), found: found.to_owned() }
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        ProblemKind::InvalidValue { expected: expected.to_owned(), found: found.trim_matches('`').to_owned() }
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        ProblemKind::InvalidValue { expected: expected.to_owned(), found: found.to_owned() }
    } else {
        ProblemKind::Syntax { detail: message.to_owned() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_are_located_and_classified() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            name: String,
        }
        let src = "{\n  \"nome\": 1\n}";
        let err = serde_json::from_str::<T>(src).unwrap_err();
        let p = from_json_error("x.json", src, &err);
        assert_eq!(p.line, Some(3));
        assert_eq!(p.kind, ProblemKind::MissingField);
        assert_eq!(p.field.as_deref(), Some("name"));

        let err = serde_json::from_str::<T>("{\"name\": ").unwrap_err();
        assert_eq!(from_json_error("x.json", "{\"name\": ", &err).kind, ProblemKind::Truncated);
        let err = serde_json::from_str::<T>("").unwrap_err();
        assert_eq!(from_json_error("x.json", "", &err).kind, ProblemKind::Empty);
    }

    #[test]
    fn messages_name_file_line_record_and_field_in_both_languages() {
        let p = Problem::new("innovation.toml", ProblemKind::WrongLevelCount { found: 4 }).line(12).record("STR-01").field("levels");
        let it = p.message(Lang::DEFAULT);
        let en = p.message(Lang::from_code("en").unwrap());
        for m in [&it, &en] {
            assert!(m.starts_with("innovation.toml, "), "{m}");
            assert!(m.contains("12") && m.contains("STR-01") && m.contains("levels") && m.contains('4'), "{m}");
        }
        assert_ne!(it, en);
    }

    #[test]
    fn line_of_id_finds_toml_and_json_records() {
        let toml = "a = 1\n[[questions]]\nid = \"Q1\"\n";
        assert_eq!(line_of_id(toml, "Q1"), Some(3));
        assert_eq!(line_of_id("{\n\"id\": \"Q2\"}", "Q2"), Some(2));
        assert_eq!(line_of_id(toml, "nope"), None);
    }
}
