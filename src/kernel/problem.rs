//! Located problems: what every validator and importer returns instead of panicking.
//!
//! A [`Problem`] says where (file, line, record, field) and what ([`ProblemKind`]); its
//! message is rendered in the user's language from the UI catalogue, so the same value
//! can be shown on screen, listed in an import report or printed by `cargo test`. No
//! parser's English words reach the user: serde's, TOML's and CSV's messages are read
//! here into kinds that have a text in every language.

use crate::kernel::i18n::{Lang, Msg};
use std::fmt;

/// What is wrong. Each kind has one message in `assets/i18n/*.toml` (`problem.*`).
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The text is not valid JSON / TOML / CSV.
    Syntax { format: TextFormat, error: SyntaxError },
    /// The bytes are not UTF-8 text (a binary file, or another encoding).
    NotText,
    /// A required field is absent.
    MissingField,
    /// A field the format does not know (often a typo).
    UnknownField,
    /// The same field twice in one record.
    DuplicateField,
    /// A value of the wrong type or outside the allowed set.
    InvalidValue { expected: Expected, found: Found },
    /// The same id is used twice.
    DuplicateId { id: String },
    /// A text lacks one of the languages the file declares.
    MissingLanguage { languages: String },
    /// A text is empty.
    EmptyText,
    /// A reference to something that does not exist (a dimension, a service, a question…).
    UnknownReference { what: Thing, id: String },
    /// A level question without exactly five levels (or a scale without five points).
    WrongLevelCount { found: usize },
    /// A weight outside 0.1–5.
    BadWeight { found: String },
    /// An ISO 56001 clause outside 4–10.
    UnknownIsoClause { found: String },
    /// Not a file of the expected kind (e.g. a benchmark given where an assessment belongs).
    WrongFormat { expected: String, found: Found },
    /// A schema version this app cannot read.
    UnsupportedSchema { found: u32, supported: u32 },
    /// Answers given to a bank (id/version) this app does not have.
    UnknownBank { id: String, version: String },
    /// The file is larger than the importer accepts.
    TooLarge { size: usize, limit: usize },
    /// The file ends before it should.
    Truncated,
    /// The file could not be read at all (the browser refused, or it is missing).
    Unreadable,
    /// The file is empty.
    Empty,
    /// A rule of the content model is broken; `rule` is a message key with its own text.
    Rule { rule: Msg, detail: String },
}

/// The text formats Faro reads; their names are the same in every language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    Json,
    Toml,
    Csv,
}

impl TextFormat {
    fn name(self) -> &'static str {
        match self {
            TextFormat::Json => "JSON",
            TextFormat::Toml => "TOML",
            TextFormat::Csv => "CSV",
        }
    }
}

/// What a parser stumbled on, in words a user can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxError {
    ExpectedValue,
    TrailingText,
    Punctuation,
    KeyNotQuoted,
    TooDeep,
    BadNumber,
    BadText,
    DuplicateKey,
    Unquoted,
    Other,
}

impl SyntaxError {
    fn msg(self) -> Msg {
        match self {
            SyntaxError::ExpectedValue => Msg::SyntaxExpectedValue,
            SyntaxError::TrailingText => Msg::SyntaxTrailingText,
            SyntaxError::Punctuation => Msg::SyntaxPunctuation,
            SyntaxError::KeyNotQuoted => Msg::SyntaxKeyNotQuoted,
            SyntaxError::TooDeep => Msg::SyntaxTooDeep,
            SyntaxError::BadNumber => Msg::SyntaxBadNumber,
            SyntaxError::BadText => Msg::SyntaxBadText,
            SyntaxError::DuplicateKey => Msg::SyntaxDuplicateKey,
            SyntaxError::Unquoted => Msg::SyntaxUnquoted,
            SyntaxError::Other => Msg::SyntaxOther,
        }
    }
}

/// The kinds of value a file can hold, named for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Text,
    WholeNumber,
    Number,
    TrueFalse,
    List,
    Object,
    Null,
}

impl Shape {
    fn msg(self) -> Msg {
        match self {
            Shape::Text => Msg::ShapeText,
            Shape::WholeNumber => Msg::ShapeWholeNumber,
            Shape::Number => Msg::ShapeNumber,
            Shape::TrueFalse => Msg::ShapeTrueFalse,
            Shape::List => Msg::ShapeList,
            Shape::Object => Msg::ShapeObject,
            Shape::Null => Msg::ShapeNull,
        }
    }
}

/// What a valid value looks like.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// Values as they are written in files (`1–5 | dont_know`, option ids): the same in
    /// every language.
    Literal(String),
    Shape(Shape),
    /// Letters, digits, `-`, `_`, `.`; at most 64.
    Id,
    /// MAJOR.MINOR.PATCH.
    Version,
    /// YYYY-MM-DD.
    Date,
    /// A text of at most this many characters.
    TextUpTo(usize),
    /// A row of this many columns.
    Columns(usize),
    /// A list of this many figures (one per metric of a benchmark).
    Metrics(usize),
    /// A benchmark group id.
    GroupId,
    /// A percentile table: rising values 0–100, one every 5 percentiles.
    PercentileTable(usize),
    /// A mean from 0 to 100 and a standard deviation ≥ 0.
    MeanAndSd,
    /// Some valid value (a parser did not say which).
    Valid,
}

impl Expected {
    fn render(&self, lang: Lang) -> String {
        match self {
            Expected::Literal(text) => text.clone(),
            Expected::Shape(shape) => lang.t(shape.msg()).to_owned(),
            Expected::Id => lang.t(Msg::ExpectedId).to_owned(),
            Expected::Version => lang.t(Msg::ExpectedVersion).to_owned(),
            Expected::Date => lang.t(Msg::ExpectedDate).to_owned(),
            Expected::TextUpTo(n) => lang.fmt(Msg::ExpectedTextUpTo, &[("n", n)]),
            Expected::Columns(n) => lang.fmt(Msg::ExpectedColumns, &[("n", n)]),
            Expected::Metrics(n) => lang.fmt(Msg::ExpectedMetrics, &[("n", n)]),
            Expected::GroupId => lang.t(Msg::ExpectedGroupId).to_owned(),
            Expected::PercentileTable(n) => lang.fmt(Msg::ExpectedPercentileTable, &[("n", n)]),
            Expected::MeanAndSd => lang.t(Msg::ExpectedMeanAndSd).to_owned(),
            Expected::Valid => lang.t(Msg::ExpectedValid).to_owned(),
        }
    }
}

/// What was found instead.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// The value as written in the file (cut to 40 characters).
    Literal(String),
    Shape(Shape),
    /// A count: of characters, columns, values.
    Count(usize),
    /// Nothing recognisable.
    Unknown,
}

impl Found {
    /// The value as written, cut so a pasted essay does not flood the message.
    pub fn literal(text: &str) -> Found {
        let mut cut: String = text.chars().take(40).collect();
        if text.chars().count() > 40 {
            cut.push('…');
        }
        Found::Literal(cut)
    }

    fn render(&self, lang: Lang) -> String {
        match self {
            Found::Literal(text) => text.clone(),
            Found::Shape(shape) => lang.t(shape.msg()).to_owned(),
            Found::Count(n) => n.to_string(),
            Found::Unknown => lang.t(Msg::FoundUnknown).to_owned(),
        }
    }
}

/// Tests and callers compare a literal with the text as written.
impl PartialEq<str> for Found {
    fn eq(&self, other: &str) -> bool {
        matches!(self, Found::Literal(text) if text == other)
    }
}

impl PartialEq<&str> for Found {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

/// The things a reference can point to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Thing {
    Section,
    /// A sub-dimension of the named dimension.
    SubDimensionOf(String),
    Scale,
    Service,
    Language,
    /// A question asked before this one.
    EarlierQuestion,
    Question,
    ProfileField,
    Bank,
    Dimension,
}

impl Thing {
    fn render(&self, lang: Lang) -> String {
        match self {
            Thing::Section => lang.t(Msg::ThingSection).to_owned(),
            Thing::SubDimensionOf(parent) => lang.fmt(Msg::ThingSubdimensionOf, &[("parent", parent)]),
            Thing::Scale => lang.t(Msg::ThingScale).to_owned(),
            Thing::Service => lang.t(Msg::ThingService).to_owned(),
            Thing::Language => lang.t(Msg::ThingLanguage).to_owned(),
            Thing::EarlierQuestion => lang.t(Msg::ThingEarlierQuestion).to_owned(),
            Thing::Question => lang.t(Msg::ThingQuestion).to_owned(),
            Thing::ProfileField => lang.t(Msg::ThingProfileField).to_owned(),
            Thing::Bank => lang.t(Msg::ThingBank).to_owned(),
            Thing::Dimension => lang.t(Msg::ThingDimension).to_owned(),
        }
    }
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

/// Where a text came from, for located messages.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The file name shown to the user.
    pub name: &'a str,
    /// The text as the user wrote it (TOML or JSON), to find line numbers.
    pub text: &'a str,
}

impl Source<'_> {
    /// The text read as TOML into `T`, or the parser's complaint located and in words.
    pub fn read_toml<T: serde::de::DeserializeOwned>(&self) -> Result<T, Vec<Problem>> {
        toml::from_str(self.text).map_err(|e| vec![from_toml_error(self.name, self.text, &e)])
    }

    /// `json` (this source's content in its JSON form) read into `T`, or the located
    /// complaint.
    pub fn read_json<T: serde::de::DeserializeOwned>(&self, json: &str) -> Result<T, Vec<Problem>> {
        serde_json::from_str(json).map_err(|e| vec![from_json_error(self.name, json, &e)])
    }
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
            Syntax { format, error } => lang.fmt(Msg::ProblemSyntax, &[("format", &format.name()), ("what", &lang.t(error.msg()))]),
            NotText => lang.t(Msg::ProblemNotText).to_owned(),
            MissingField => lang.t(Msg::ProblemMissingField).to_owned(),
            UnknownField => lang.t(Msg::ProblemUnknownField).to_owned(),
            DuplicateField => lang.t(Msg::ProblemDuplicateField).to_owned(),
            InvalidValue { expected, found } => lang.fmt(Msg::ProblemInvalidValue, &[("expected", &expected.render(lang)), ("found", &found.render(lang))]),
            DuplicateId { id } => lang.fmt(Msg::ProblemDuplicateId, &[("id", id)]),
            MissingLanguage { languages } => lang.fmt(Msg::ProblemMissingLanguage, &[("languages", languages)]),
            EmptyText => lang.t(Msg::ProblemEmptyText).to_owned(),
            UnknownReference { what, id } => lang.fmt(Msg::ProblemUnknownReference, &[("what", &what.render(lang)), ("id", id)]),
            WrongLevelCount { found } => lang.fmt(Msg::ProblemWrongLevelCount, &[("found", found)]),
            BadWeight { found } => lang.fmt(Msg::ProblemBadWeight, &[("found", found)]),
            UnknownIsoClause { found } => lang.fmt(Msg::ProblemUnknownIsoClause, &[("found", found)]),
            WrongFormat { expected, found } => lang.fmt(Msg::ProblemWrongFormat, &[("expected", expected), ("found", &found.render(lang))]),
            UnsupportedSchema { found, supported } => lang.fmt(Msg::ProblemUnsupportedSchema, &[("found", found), ("supported", supported)]),
            UnknownBank { id, version } => lang.fmt(Msg::ProblemUnknownBank, &[("id", id), ("version", version)]),
            TooLarge { size, limit } => lang.fmt(Msg::ProblemTooLarge, &[("size", &human_size(*size, lang)), ("limit", &human_size(*limit, lang))]),
            Truncated => lang.t(Msg::ProblemTruncated).to_owned(),
            Unreadable => lang.t(Msg::ProblemUnreadable).to_owned(),
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

/// `1536` → `1.5 KB`, `3_500_000` → `3.3 MB` (with the language's decimal separator).
pub fn human_size(bytes: usize, lang: Lang) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} B")
    } else if b < KB * KB {
        format!("{} KB", lang.number(b / KB, 1))
    } else {
        format!("{} MB", lang.number(b / KB / KB, 1))
    }
}

/// The 1-based line of byte offset `at` in `text`.
pub fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1
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
    let message = strip_position(&err.to_string());
    let kind = if source.trim().is_empty() {
        ProblemKind::Empty
    } else {
        match err.classify() {
            Category::Eof => ProblemKind::Truncated,
            Category::Syntax | Category::Io => ProblemKind::Syntax { format: TextFormat::Json, error: json_syntax(&message) },
            Category::Data => classify_serde_message(&message, TextFormat::Json),
        }
    };
    let mut problem = Problem::new(file, kind);
    if problem.kind != ProblemKind::Empty && err.line() > 0 {
        problem.line = Some(err.line());
    }
    problem.field = field_in_message(&message);
    problem
}

/// Turns a TOML error into a located problem.
pub fn from_toml_error(file: &str, source: &str, err: &toml::de::Error) -> Problem {
    let message = err.message().to_owned();
    let kind = if source.trim().is_empty() {
        ProblemKind::Empty
    } else {
        match classify_serde_message(&message, TextFormat::Toml) {
            ProblemKind::Syntax { .. } => ProblemKind::Syntax { format: TextFormat::Toml, error: toml_syntax(&message) },
            data => data,
        }
    };
    let mut problem = Problem::new(file, kind);
    if problem.kind != ProblemKind::Empty {
        problem.line = err.span().map(|span| line_of(source, span.start));
    }
    problem.field = field_in_message(&message);
    problem
}

/// A TOML parser's complaint (from the tools worker, which has only its words) located
/// at `line`.
pub fn toml_syntax_problem(file: &str, line: Option<usize>, message: &str) -> Problem {
    let mut p = Problem::new(file, ProblemKind::Syntax { format: TextFormat::Toml, error: toml_syntax(message) });
    p.line = line;
    p
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// serde_json's syntax messages (its `ErrorCode`s), as kinds people can act on.
fn json_syntax(message: &str) -> SyntaxError {
    let has = |s: &str| message.contains(s);
    if has("expected value") || has("expected ident") {
        SyntaxError::ExpectedValue
    } else if has("trailing") {
        SyntaxError::TrailingText
    } else if has("key must be a string") {
        SyntaxError::KeyNotQuoted
    } else if has("expected `") || has("expected ,") {
        SyntaxError::Punctuation
    } else if has("recursion limit") {
        SyntaxError::TooDeep
    } else if has("number") {
        SyntaxError::BadNumber
    } else if has("escape") || has("control character") || has("surrogate") || has("unicode") || has("string") {
        SyntaxError::BadText
    } else {
        SyntaxError::Other
    }
}

/// The TOML parser's syntax messages, as kinds people can act on.
fn toml_syntax(message: &str) -> SyntaxError {
    let has = |s: &str| message.contains(s);
    if has("duplicate key") {
        SyntaxError::DuplicateKey
    } else if has("must be quoted") || has("unquoted") {
        SyntaxError::Unquoted
    } else if has("unclosed") || has("expected `]`") || has("expected `}`") || has("expected `=`") || has("expected `.`") {
        SyntaxError::Punctuation
    } else if has("integer") || has("float") || has("number") {
        SyntaxError::BadNumber
    } else if has("string") || has("escape") {
        SyntaxError::BadText
    } else if has("newline") {
        SyntaxError::TrailingText
    } else if has("recursion") {
        SyntaxError::TooDeep
    } else {
        SyntaxError::Other
    }
}

/// The first name between backticks in a serde message: "missing field `levels`".
fn field_in_message(message: &str) -> Option<String> {
    let wanted = ["missing field", "unknown field", "duplicate field"];
    if !wanted.iter().any(|w| message.starts_with(w)) {
        return None;
    }
    let start = message.find('`')? + 1;
    let end = start + message[start..].find('`')?;
    Some(message[start..end].to_owned())
}

/// Serde's data errors are English sentences; read the common ones into our kinds so
/// the user reads them in their language. Anything else is a syntax problem.
fn classify_serde_message(message: &str, format: TextFormat) -> ProblemKind {
    let split_expected = |rest: &str| -> (String, String) {
        match rest.split_once(", expected ") {
            Some((found, expected)) => (found.to_owned(), expected.to_owned()),
            None => (rest.to_owned(), String::new()),
        }
    };
    if message.starts_with("missing field") {
        ProblemKind::MissingField
    } else if message.starts_with("unknown field") {
        ProblemKind::UnknownField
    } else if message.starts_with("duplicate field") {
        ProblemKind::DuplicateField
    } else if let Some(rest) = message.strip_prefix("invalid type: ").or_else(|| message.strip_prefix("invalid value: ")) {
        let (found, expected) = split_expected(rest);
        ProblemKind::InvalidValue { expected: serde_expected(&expected), found: serde_found(&found) }
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (found, expected) = split_expected(rest);
        let expected = expected.trim_start_matches("one of ").replace('`', "").replace(", ", " | ").replace(" or ", " | ");
        ProblemKind::InvalidValue { expected: Expected::Literal(expected), found: Found::literal(found.trim_matches('`')) }
    } else if let Some(rest) = message.strip_prefix("invalid length ") {
        let count = rest.split(',').next().and_then(|n| n.trim().parse().ok());
        ProblemKind::InvalidValue { expected: Expected::Valid, found: count.map_or(Found::Unknown, Found::Count) }
    } else {
        ProblemKind::Syntax { format, error: SyntaxError::Other }
    }
}

/// serde's "found" part: `string "abc"`, ``integer `5` ``, `map`, `sequence`…
fn serde_found(found: &str) -> Found {
    let literal = |rest: &str| Found::literal(rest.trim_matches('`'));
    if let Some(rest) = found.strip_prefix("string ") {
        return Found::literal(rest);
    }
    for prefix in ["integer ", "floating point ", "boolean ", "char "] {
        if let Some(rest) = found.strip_prefix(prefix) {
            return literal(rest);
        }
    }
    match found {
        "map" => Found::Shape(Shape::Object),
        "sequence" => Found::Shape(Shape::List),
        "null" | "unit value" | "unit" => Found::Shape(Shape::Null),
        other if other.starts_with('`') || other.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-') => literal(other),
        _ => Found::Unknown,
    }
}

/// serde's "expected" part: a Rust type (`u8`, `a string`, `struct Assessment`) or the
/// words of a custom check (`0–100`).
fn serde_expected(expected: &str) -> Expected {
    let e = expected.trim();
    let integer = ["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize", "an integer"];
    if e.contains("string") || e == "a character" || e == "char" {
        Expected::Shape(Shape::Text)
    } else if integer.contains(&e) {
        Expected::Shape(Shape::WholeNumber)
    } else if ["f32", "f64", "a number", "a float"].contains(&e) {
        Expected::Shape(Shape::Number)
    } else if e.contains("bool") {
        Expected::Shape(Shape::TrueFalse)
    } else if e.contains("sequence") || e.contains("array") || e.contains("tuple") {
        Expected::Shape(Shape::List)
    } else if e.starts_with("struct ") || e.contains("map") || e.starts_with("enum ") {
        Expected::Shape(Shape::Object)
    } else if !e.is_empty() && !e.chars().any(|c| c.is_ascii_alphabetic()) {
        // A range or token list written by one of our own checks (`0–100`).
        Expected::Literal(e.to_owned())
    } else {
        Expected::Valid
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

    /// Issue 9, bug 4: "(expected value)", "trovato list", "(recursion limit exceeded)"
    /// reached Italian users. Every parser message now has a text in each language.
    #[test]
    fn parser_messages_never_reach_the_user_in_english() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            n: u8,
            list: Vec<u8>,
        }
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let sources = [
            "{\"n\": x}",
            "{\"n\": 1} extra",
            "{n: 1}",
            "{\"n\": 1 \"list\": []}",
            deep.as_str(),
            "{\"n\": \"five\", \"list\": []}",
            "{\"n\": 1, \"list\": {}}",
        ];
        let english = ["expected", "found", "list", "string", "map", "sequence", "recursion", "trailing", "invalid", "u8"];
        for src in sources {
            let err = serde_json::from_str::<T>(src).unwrap_err();
            let it = from_json_error("x.json", src, &err).what(Lang::DEFAULT);
            for word in english {
                assert!(!it.contains(word), "{src:?} → {it:?} contains {word:?}");
            }
        }
        let toml_src = "a = \nb = [1, 2";
        let err = toml::from_str::<toml::Table>(toml_src).unwrap_err();
        let it = from_toml_error("x.toml", toml_src, &err).what(Lang::DEFAULT);
        assert!(it.contains("TOML") && !it.contains("expected"), "{it}");
    }

    #[test]
    fn sizes_use_the_language_decimal_separator() {
        assert_eq!(human_size(20 * 1024 * 1024, Lang::DEFAULT), "20,0 MB");
        assert_eq!(human_size(20 * 1024 * 1024, Lang::from_code("en").unwrap()), "20.0 MB");
    }
}
