//! The envelope of every versioned JSON file Faro writes, and the one reader for all of
//! them: `{"format": …, "schema": …, "app_version": …, "exported_at": …, <body>}`.
//!
//! The reader caps the size, drops a byte-order mark, checks the format id and the
//! schema, migrates older schemas, and returns the value or a located problem in the
//! user's language. Stored records use the same schema and migrations (see
//! [`read_record`]).

use crate::format::input::text_of;
use crate::kernel::problem::{from_json_error, Expected, Found, Problem, ProblemKind, Shape};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The schema of every file and stored record. Raise it when a shape changes, add a
/// step to [`migrate`], and keep a fixture of the old shape in `tests/fixtures/`.
pub const SCHEMA: u32 = 1;

/// Which kind of file: the value of its `format` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatId(&'static str);

impl FormatId {
    pub const ASSESSMENT: FormatId = FormatId("faro-assessment");
    pub const PLAN: FormatId = FormatId("faro-plan");
    pub const BACKUP: FormatId = FormatId("faro-backup");
    pub const BENCHMARK: FormatId = FormatId("faro-benchmark");
    pub const SURVEY_RESPONSES: FormatId = FormatId("faro-survey-responses");
    pub const SURVEY_RESULTS: FormatId = FormatId("faro-survey-results");

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

/// A versioned file: the header every file shares and the body of its kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub format: String,
    pub schema: u32,
    /// The Faro version that wrote the file.
    #[serde(default)]
    pub app_version: String,
    /// When the file was written (ISO 8601, UTC).
    #[serde(default)]
    pub exported_at: String,
    #[serde(flatten)]
    pub body: T,
}

impl<T: Serialize> Envelope<T> {
    pub fn new(format: FormatId, body: T, now: &str) -> Envelope<T> {
        Envelope { format: format.0.to_owned(), schema: SCHEMA, app_version: crate::APP_VERSION.to_owned(), exported_at: now.to_owned(), body }
    }

    /// Compact JSON (data for machines: benchmarks, responses).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Indented JSON (files a person may open: assessments, plans, backups).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// A file reads like its body: `file.groups` for `file.body.groups`.
impl<T> std::ops::Deref for Envelope<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.body
    }
}

impl<T> std::ops::DerefMut for Envelope<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.body
    }
}

/// Only the header, read without building the body (files may be hundreds of MB).
#[derive(Deserialize)]
struct Header {
    format: Option<Value>,
    schema: Option<Value>,
    app_version: Option<Value>,
    exported_at: Option<Value>,
}

/// Reads a file of kind `format` from the bytes a user brought.
pub fn read<T: DeserializeOwned>(name: &str, bytes: &[u8], format: FormatId, limit: usize) -> Result<Envelope<T>, Problem> {
    read_text(name, text_of(name, bytes, limit)?, format)
}

/// Reads a file of kind `format` from its text.
pub fn read_text<T: DeserializeOwned>(name: &str, text: &str, format: FormatId) -> Result<Envelope<T>, Problem> {
    let (header, schema) = check_header(name, text, format)?;
    let body: T = if schema == SCHEMA {
        // The body straight from the whole text (it ignores the header's fields), so a
        // problem in it carries its line.
        serde_json::from_str(text).map_err(|e| from_json_error(name, text, &e))?
    } else {
        let value: Value = serde_json::from_str(text).map_err(|e| from_json_error(name, text, &e))?;
        serde_json::from_value(migrate(value, schema, name)?).map_err(|e| from_json_error(name, "-", &e))?
    };
    let text_of = |v: Option<Value>| v.and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    Ok(Envelope { format: format.0.to_owned(), schema: SCHEMA, app_version: text_of(header.app_version), exported_at: text_of(header.exported_at), body })
}

/// The `format` of a JSON text, if it has one: to route a file to its reader.
pub fn format_of(text: &str) -> Option<String> {
    let header: Header = serde_json::from_str(text).ok()?;
    header.format.and_then(|f| f.as_str().map(str::to_owned))
}

/// Checks the format id and the schema; returns the header and the schema to migrate
/// from.
fn check_header(name: &str, text: &str, format: FormatId) -> Result<(Header, u32), Problem> {
    let found = match text.trim_start().chars().next() {
        Some('{') => None,
        Some('[') => Some(Found::Shape(Shape::List)),
        Some('"') => Some(Found::Shape(Shape::Text)),
        Some(c) if c.is_ascii_digit() || c == '-' => Some(Found::Shape(Shape::Number)),
        _ => Some(Found::Unknown),
    };
    if let Some(found) = found {
        // Not an object: a syntax error if it is not JSON at all, else the wrong kind.
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return Err(from_json_error(name, text, &e));
        }
        return Err(Problem::new(name, ProblemKind::WrongFormat { expected: format.0.into(), found }));
    }
    let header: Header = serde_json::from_str(text).map_err(|e| from_json_error(name, text, &e))?;
    match &header.format {
        None => return Err(Problem::new(name, ProblemKind::MissingField).field("format")),
        Some(Value::String(f)) if f == format.0 => {}
        Some(other) => {
            let found = other.as_str().map_or(Found::Unknown, Found::literal);
            return Err(Problem::new(name, ProblemKind::WrongFormat { expected: format.0.into(), found }).field("format"));
        }
    }
    let schema = schema_of(name, header.schema.as_ref())?;
    Ok((header, schema))
}

/// A schema number this app can read (1 up to [`SCHEMA`]).
fn schema_of(name: &str, value: Option<&Value>) -> Result<u32, Problem> {
    let Some(value) = value else { return Err(Problem::new(name, ProblemKind::MissingField).field("schema")) };
    let Some(schema) = value.as_u64() else {
        let found = Found::literal(&value.to_string());
        return Err(Problem::new(name, ProblemKind::InvalidValue { expected: Expected::Shape(Shape::WholeNumber), found }).field("schema"));
    };
    // A schema too large for u32 is simply newer than any this app knows.
    let schema = u32::try_from(schema).unwrap_or(u32::MAX);
    match schema {
        0 => Err(Problem::new(name, ProblemKind::InvalidValue { expected: Expected::Literal(format!("1–{SCHEMA}")), found: Found::Count(0) }).field("schema")),
        s if s > SCHEMA => Err(Problem::new(name, ProblemKind::UnsupportedSchema { found: s, supported: SCHEMA }).field("schema")),
        s => Ok(s),
    }
}

/// Brings a value of an older schema up to [`SCHEMA`]. Schema 1 is the first released
/// shape, so there is nothing to convert yet: this is where the steps go.
pub fn migrate(value: Value, from: u32, name: &str) -> Result<Value, Problem> {
    match from {
        SCHEMA => Ok(value),
        other => Err(Problem::new(name, ProblemKind::UnsupportedSchema { found: other, supported: SCHEMA }).field("schema")),
    }
}

/// A stored record: `{"schema": n, "data": …}`.
#[derive(Serialize, Deserialize)]
struct Record<T> {
    schema: u32,
    data: T,
}

/// Reads a stored record, migrating older schemas.
pub fn read_record<T: DeserializeOwned>(json: &str, name: &str) -> Result<T, Problem> {
    #[derive(Deserialize)]
    struct RecordHeader {
        schema: Option<Value>,
    }
    let header: RecordHeader = serde_json::from_str(json).map_err(|e| from_json_error(name, json, &e))?;
    let schema = schema_of(name, header.schema.as_ref())?;
    let value: Value = serde_json::from_str(json).map_err(|e| from_json_error(name, json, &e))?;
    let data = value.get("data").cloned().ok_or_else(|| Problem::new(name, ProblemKind::MissingField).field("data"))?;
    serde_json::from_value(migrate(data, schema, name)?).map_err(|e| {
        let mut p = from_json_error(name, "-", &e);
        p.line = None;
        p
    })
}

/// A record as stored.
pub fn write_record<T: Serialize>(data: &T) -> String {
    serde_json::to_string(&Record { schema: SCHEMA, data }).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Body {
        name: String,
    }

    fn read_body(text: &str) -> Result<Envelope<Body>, Problem> {
        read_text("f.json", text, FormatId::PLAN)
    }

    #[test]
    fn a_written_file_reads_back() {
        let file = Envelope::new(FormatId::PLAN, Body { name: "x".into() }, "2027-01-01");
        assert_eq!(read_body(&file.to_json_pretty()), Ok(file));
    }

    #[test]
    fn format_and_schema_are_checked_first() {
        let kind = |t: &str| read_body(t).unwrap_err().kind;
        assert!(matches!(kind(r#"{"format":"faro-backup","schema":1,"name":"x"}"#), ProblemKind::WrongFormat { .. }));
        assert_eq!(kind(r#"{"schema":1,"name":"x"}"#), ProblemKind::MissingField);
        assert_eq!(kind(r#"{"format":"faro-plan","schema":99,"name":"x"}"#), ProblemKind::UnsupportedSchema { found: 99, supported: SCHEMA });
        assert_eq!(kind(r#"{"format":"faro-plan","schema":4294967297,"name":"x"}"#), ProblemKind::UnsupportedSchema { found: u32::MAX, supported: SCHEMA });
        assert!(matches!(kind(r#"[1, 2]"#), ProblemKind::WrongFormat { found: Found::Shape(Shape::List), .. }));
    }

    #[test]
    fn body_problems_carry_their_line() {
        let p = read_body("{\"format\":\"faro-plan\",\n\"schema\":1,\n\"name\": 5\n}").unwrap_err();
        assert_eq!(p.line, Some(3));
        assert!(matches!(p.kind, ProblemKind::InvalidValue { .. }));
    }

    #[test]
    fn newer_records_are_refused_with_a_message() {
        let err = read_record::<Body>(r#"{"schema": 99, "data": {"name": "x"}}"#, "x").unwrap_err();
        assert_eq!(err.kind, ProblemKind::UnsupportedSchema { found: 99, supported: SCHEMA });
        assert_eq!(read_record::<Body>(&write_record(&Body { name: "y".into() }), "x").unwrap(), Body { name: "y".into() });
    }
}
