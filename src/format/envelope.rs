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

/// The schema of stored records. Raise it when their shape changes, add a step to
/// [`migrate`], and keep a fixture of the old shape in `tests/fixtures/`.
pub const SCHEMA: u32 = 1;

/// Which kind of file (the value of its `format` field) and the schema this app writes
/// it in. Raise a format's schema when its shape changes, give its reader the step from
/// the old shape, and keep a fixture of the old shape in `tests/fixtures/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatId(&'static str, u32);

impl FormatId {
    pub const ASSESSMENT: FormatId = FormatId("faro-assessment", 1);
    pub const PLAN: FormatId = FormatId("faro-plan", 1);
    pub const BACKUP: FormatId = FormatId("faro-backup", 1);
    /// Schema 2: deciles instead of a 21-point table; champions by business outcome.
    pub const BENCHMARK: FormatId = FormatId("faro-benchmark", 2);
    pub const SURVEY_RESPONSES: FormatId = FormatId("faro-survey-responses", 1);
    pub const SURVEY_RESULTS: FormatId = FormatId("faro-survey-results", 1);
    pub const SHARE: FormatId = FormatId("faro-share", 1);
    pub const EVIDENCE: FormatId = FormatId("faro-evidence", 1);
    /// One workshop rater's answers, from their own device back to the facilitator's.
    pub const RATER: FormatId = FormatId("faro-rater", 1);

    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// The schema this app writes this format in (and the newest it reads).
    pub fn schema(self) -> u32 {
        self.1
    }
}

/// A versioned file: the header every file shares and the body of its kind. Written
/// with serde's `flatten`; read by [`read`], which checks the header first.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
        Envelope { format: format.0.to_owned(), schema: format.1, app_version: crate::APP_VERSION.to_owned(), exported_at: now.to_owned(), body }
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

/// Reads a file of kind `format` from the bytes a user brought.
pub fn read<T: DeserializeOwned>(name: &str, bytes: &[u8], format: FormatId, limit: usize) -> Result<Envelope<T>, Problem> {
    read_text(name, text_of(name, bytes, limit)?, format)
}

/// Reads a file of kind `format` from its text: the header is checked first, so a file
/// of another kind or a newer schema is named as such, not as a shape error. One way of
/// reading for every format (text → value → body) keeps one copy of each body's
/// deserialiser in the wasm.
pub fn read_text<T: DeserializeOwned>(name: &str, text: &str, format: FormatId) -> Result<Envelope<T>, Problem> {
    read_migrating(name, text, format, &|value, _| Ok(value))
}

/// [`read_text`] for a format with older schemas: `step` brings a value of an older
/// schema to the current one.
pub fn read_migrating<T: DeserializeOwned>(
    name: &str,
    text: &str,
    format: FormatId,
    step: &dyn Fn(Value, u32) -> Result<Value, Problem>,
) -> Result<Envelope<T>, Problem> {
    let value = header_checked(name, text, format)?;
    let text_field = |key: &str| value.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
    let (app_version, exported_at) = (text_field("app_version"), text_field("exported_at"));
    let schema = schema_of(name, value.get("schema"), format.1)?;
    let value = if schema < format.1 { step(value, schema)? } else { value };
    let body: T = serde_json::from_value(value).map_err(|e| {
        // Positions refer to the value, not the file: keep the field, drop the line.
        let mut p = from_json_error(name, "-", &e);
        p.line = None;
        p
    })?;
    Ok(Envelope { format: format.0.to_owned(), schema: format.1, app_version, exported_at, body })
}

/// Checks only the header of a file of kind `format` and returns its schema; the caller
/// reads the body straight from the text where lines matter (benchmarks).
pub fn check_text(name: &str, text: &str, format: FormatId) -> Result<u32, Problem> {
    header_checked(name, text, format).and_then(|v| schema_of(name, v.get("schema"), format.1))
}

/// The `format` of a JSON text, if it has one: to route a file to its reader. Only that
/// field is built (a responses file may be hundreds of megabytes).
pub fn format_of(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct FormatOnly {
        format: Option<String>,
    }
    serde_json::from_str::<FormatOnly>(text).ok()?.format
}

/// The file as a JSON object whose format is `format` and whose schema this app reads.
fn header_checked(name: &str, text: &str, format: FormatId) -> Result<Value, Problem> {
    let value: Value = serde_json::from_str(text).map_err(|e| from_json_error(name, text, &e))?;
    let found = match &value {
        Value::Object(_) => None,
        Value::Array(_) => Some(Found::Shape(Shape::List)),
        Value::String(_) => Some(Found::Shape(Shape::Text)),
        Value::Number(_) => Some(Found::Shape(Shape::Number)),
        Value::Bool(_) => Some(Found::Shape(Shape::TrueFalse)),
        Value::Null => Some(Found::Shape(Shape::Null)),
    };
    if let Some(found) = found {
        return Err(Problem::new(name, ProblemKind::WrongFormat { expected: format.0.into(), found }));
    }
    match value.get("format") {
        None => return Err(Problem::new(name, ProblemKind::MissingField).field("format")),
        Some(Value::String(f)) if f == format.0 => {}
        Some(other) => {
            let found = other.as_str().map_or(Found::Unknown, Found::literal);
            return Err(Problem::new(name, ProblemKind::WrongFormat { expected: format.0.into(), found }).field("format"));
        }
    }
    schema_of(name, value.get("schema"), format.1)?;
    Ok(value)
}

/// A schema number this app can read (1 up to `current`).
fn schema_of(name: &str, value: Option<&Value>, current: u32) -> Result<u32, Problem> {
    let Some(value) = value else { return Err(Problem::new(name, ProblemKind::MissingField).field("schema")) };
    let Some(schema) = value.as_u64() else {
        let found = Found::literal(&value.to_string());
        return Err(Problem::new(name, ProblemKind::InvalidValue { expected: Expected::Shape(Shape::WholeNumber), found }).field("schema"));
    };
    // A schema too large for u32 is simply newer than any this app knows.
    let schema = u32::try_from(schema).unwrap_or(u32::MAX);
    match schema {
        0 => Err(Problem::new(name, ProblemKind::InvalidValue { expected: Expected::Literal(format!("1–{current}")), found: Found::Count(0) }).field("schema")),
        s if s > current => Err(Problem::new(name, ProblemKind::UnsupportedSchema { found: s, supported: current }).field("schema")),
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
#[derive(Serialize)]
struct Record<T> {
    schema: u32,
    data: T,
}

/// Reads a stored record, migrating older schemas.
pub fn read_record<T: DeserializeOwned>(json: &str, name: &str) -> Result<T, Problem> {
    let value: Value = serde_json::from_str(json).map_err(|e| from_json_error(name, json, &e))?;
    let schema = schema_of(name, value.get("schema"), SCHEMA)?;
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

    #[derive(Debug, PartialEq, Serialize, serde::Deserialize)]
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
    fn body_problems_name_their_kind() {
        let p = read_body("{\"format\":\"faro-plan\",\n\"schema\":1,\n\"name\": 5\n}").unwrap_err();
        assert!(matches!(p.kind, ProblemKind::InvalidValue { .. }));
        let p = read_body("{\"format\":\"faro-plan\",\n\"schema\":1\n}").unwrap_err();
        assert_eq!((p.kind, p.field.as_deref()), (ProblemKind::MissingField, Some("name")));
    }

    #[test]
    fn newer_records_are_refused_with_a_message() {
        let err = read_record::<Body>(r#"{"schema": 99, "data": {"name": "x"}}"#, "x").unwrap_err();
        assert_eq!(err.kind, ProblemKind::UnsupportedSchema { found: 99, supported: SCHEMA });
        assert_eq!(read_record::<Body>(&write_record(&Body { name: "y".into() }), "x").unwrap(), Body { name: "y".into() });
    }
}
