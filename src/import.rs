//! Reading files users bring: never a panic, always the value or located problems.
//! Every importer caps the size it accepts and says so in its error.

use crate::bank::Bank;
use crate::export::{AssessmentFile, ASSESSMENT_FORMAT};
use crate::plan::is_date_or_empty;
use crate::problem::{from_json_error, Problem, ProblemKind};
use crate::response::{Answer, Assessment, MAX_TEXT};
use crate::store::{migrate, SCHEMA};
use serde_json::Value;

/// Largest assessment file accepted (a real one is ~30 KB).
pub const MAX_ASSESSMENT_FILE: usize = 5 * 1024 * 1024;

/// Bytes → UTF-8 text, with the size cap and a located message for binary files.
pub fn text_of<'a>(name: &str, bytes: &'a [u8], limit: usize) -> Result<&'a str, Problem> {
    if bytes.len() > limit {
        return Err(Problem::new(name, ProblemKind::TooLarge { size: bytes.len(), limit }));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Problem::new(name, ProblemKind::Empty));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let line = crate::problem::line_of(std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""), e.valid_up_to());
        Problem::new(name, ProblemKind::Syntax { detail: "not UTF-8 text".into() }).line(line)
    })
}

/// The `format` field of a Faro JSON file, to route a file to its importer and to say
/// "this is a benchmark, not an assessment" instead of a schema error.
pub fn format_of(value: &Value) -> Option<&str> {
    value.get("format").and_then(Value::as_str)
}

/// Checks `format` and `schema` and migrates the value to the current schema.
pub fn envelope(name: &str, text: &str, expected: &str) -> Result<Value, Problem> {
    let value: Value = serde_json::from_str(text).map_err(|e| from_json_error(name, text, &e))?;
    if !value.is_object() {
        return Err(Problem::new(name, ProblemKind::WrongFormat { expected: expected.into(), found: json_kind(&value).into() }));
    }
    match format_of(&value) {
        Some(f) if f == expected => {}
        Some(f) => return Err(Problem::new(name, ProblemKind::WrongFormat { expected: expected.into(), found: f.into() }).field("format")),
        None => return Err(Problem::new(name, ProblemKind::MissingField).field("format")),
    }
    let schema = value.get("schema").and_then(Value::as_u64).ok_or_else(|| Problem::new(name, ProblemKind::MissingField).field("schema"))?;
    let schema = u32::try_from(schema).unwrap_or(u32::MAX);
    if schema > SCHEMA {
        return Err(Problem::new(name, ProblemKind::UnsupportedSchema { found: schema, supported: SCHEMA }).field("schema"));
    }
    migrate(value, schema, name)
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "number",
        Value::String(_) => "text",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

/// An assessment read from a file, with what the reader should know.
#[derive(Debug)]
pub struct ImportedAssessment {
    pub assessment: Assessment,
    /// Answers to questions this bank does not have: kept in the record, not scored.
    pub unknown_questions: Vec<String>,
}

/// Reads an assessment file exported by Faro and checks every answer against `bank`.
pub fn assessment_file(name: &str, bytes: &[u8], bank: &Bank) -> Result<ImportedAssessment, Vec<Problem>> {
    let text = text_of(name, bytes, MAX_ASSESSMENT_FILE).map_err(|p| vec![p])?;
    let value = envelope(name, text, ASSESSMENT_FORMAT).map_err(|p| vec![p])?;
    let file: AssessmentFile = serde_json::from_value(value).map_err(|e| {
        let mut p = from_json_error(name, text, &e);
        // Positions refer to the re-read value, not the file: drop them, keep the field.
        p.line = None;
        vec![p]
    })?;
    check_assessment(name, text, file.assessment, bank)
}

/// Checks an assessment (from a file or a backup) against the bank.
pub fn check_assessment(name: &str, text: &str, a: Assessment, bank: &Bank) -> Result<ImportedAssessment, Vec<Problem>> {
    let at = |record: &str, field: &str, kind: ProblemKind| {
        let mut p = Problem::new(name, kind).record(record).field(field);
        p.line = text.find(&format!("\"{record}\"")).map(|i| crate::problem::line_of(text, i));
        p
    };
    if !bank.accepts_version(&a.bank_id, &a.bank_version) {
        return Err(vec![
            Problem::new(name, ProblemKind::UnknownBank { id: a.bank_id.clone(), version: a.bank_version.clone() }).field("assessment.bank_version")
        ]);
    }
    let mut problems = Vec::new();
    if !crate::bank::is_valid_id(&a.id) {
        problems.push(Problem::new(name, ProblemKind::InvalidValue { expected: "a-z 0-9 - _ .".into(), found: a.id.clone() }).field("assessment.id"));
    }
    if a.name.chars().count() > 200 {
        problems.push(
            Problem::new(name, ProblemKind::InvalidValue { expected: "≤ 200".into(), found: a.name.chars().count().to_string() }).field("assessment.name"),
        );
    }
    let mut unknown_questions = Vec::new();
    for (id, given) in &a.answers {
        match bank.item(id) {
            None => unknown_questions.push(id.clone()),
            Some(item) if !given.value.fits(item) => {
                problems.push(at(id, "answers", ProblemKind::InvalidValue { expected: Answer::expected(item), found: given.value.token() }))
            }
            Some(_) => {}
        }
    }
    for (field, option) in &a.profile {
        match bank.profile().iter().find(|f| &f.id == field) {
            None => problems.push(at(field, "profile", ProblemKind::UnknownReference { what: "profile field".into(), id: field.clone() })),
            Some(f) if !f.options.iter().any(|o| &o.id == option) => problems.push(at(
                field,
                "profile",
                ProblemKind::InvalidValue { expected: f.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(" | "), found: option.clone() },
            )),
            Some(_) => {}
        }
    }
    if let Some(plan) = &a.plan {
        for item in &plan.items {
            for (field, date) in [("start", &item.start), ("due", &item.due)] {
                if !is_date_or_empty(date) {
                    problems.push(at(&item.id, field, ProblemKind::InvalidValue { expected: "YYYY-MM-DD".into(), found: date.clone() }));
                }
            }
            let long =
                [&item.title, &item.description, &item.owner, &item.kpi, &item.kpi_target, &item.kpi_baseline].iter().any(|t| t.chars().count() > MAX_TEXT);
            if long {
                problems.push(at(&item.id, "plan", ProblemKind::InvalidValue { expected: format!("≤ {MAX_TEXT}"), found: "…".into() }));
            }
        }
    }
    if problems.is_empty() {
        Ok(ImportedAssessment { assessment: a, unknown_questions })
    } else {
        Err(problems)
    }
}

/// Reads a plan file (`faro-plan`) for merging into an assessment's plan.
pub fn plan_file(name: &str, bytes: &[u8]) -> Result<crate::export::PlanFile, Vec<Problem>> {
    let text = text_of(name, bytes, MAX_ASSESSMENT_FILE).map_err(|p| vec![p])?;
    let value = envelope(name, text, crate::export::PLAN_FORMAT).map_err(|p| vec![p])?;
    let file: crate::export::PlanFile = serde_json::from_value(value).map_err(|e| {
        let mut p = from_json_error(name, text, &e);
        p.line = None;
        vec![p]
    })?;
    let mut problems = Vec::new();
    for item in &file.plan.items {
        for (field, date) in [("start", &item.start), ("due", &item.due)] {
            if !is_date_or_empty(date) {
                problems
                    .push(Problem::new(name, ProblemKind::InvalidValue { expected: "YYYY-MM-DD".into(), found: date.clone() }).record(&item.id).field(field));
            }
        }
        if !crate::bank::is_valid_id(&item.id) {
            problems.push(Problem::new(name, ProblemKind::InvalidValue { expected: "a-z 0-9 - _ .".into(), found: item.id.clone() }).field("plan.items.id"));
        }
    }
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems)
    }
}
