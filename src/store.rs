//! How records are kept in the browser's key–value storage: keys, the schema envelope
//! every record carries, migrations, and the list of stored assessments.
//!
//! Only `ui::browser` reads and writes the storage itself; this module only turns records
//! into strings and back, so it is tested natively.

use crate::i18n::Lang;
use crate::problem::{Problem, ProblemKind};
use crate::response::Assessment;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The schema of stored records and exported files. Raise it when their shape changes,
/// add a step to [`migrate`], and keep a fixture of the old shape in `tests/fixtures/`.
pub const SCHEMA: u32 = 1;

pub const SETTINGS_KEY: &str = "faro.settings";
pub const ASSESSMENT_PREFIX: &str = "faro.assessment.";

pub fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// The envelope of every stored record.
#[derive(Serialize, Deserialize)]
struct Record<T> {
    schema: u32,
    data: T,
}

/// Brings a record of an older schema up to [`SCHEMA`]. Schema 1 is the first released
/// shape, so there is nothing to convert yet; the function is where steps go.
pub fn migrate(value: Value, from: u32, file: &str) -> Result<Value, Problem> {
    match from {
        SCHEMA => Ok(value),
        0 => Err(Problem::new(file, ProblemKind::InvalidValue { expected: format!("1–{SCHEMA}"), found: "0".into() }).field("schema")),
        newer => Err(Problem::new(file, ProblemKind::UnsupportedSchema { found: newer, supported: SCHEMA }).field("schema")),
    }
}

/// Reads `{"schema": n, "data": …}`, migrating older schemas.
pub fn read_record<T: for<'de> Deserialize<'de>>(json: &str, file: &str) -> Result<T, Problem> {
    let value: Value = serde_json::from_str(json).map_err(|e| crate::problem::from_json_error(file, json, &e))?;
    let schema = value.get("schema").and_then(Value::as_u64).ok_or_else(|| Problem::new(file, ProblemKind::MissingField).field("schema"))?;
    // A schema too large for u32 is simply newer than any this app knows.
    let schema = u32::try_from(schema).unwrap_or(u32::MAX);
    let data = value.get("data").cloned().ok_or_else(|| Problem::new(file, ProblemKind::MissingField).field("data"))?;
    let data = migrate(data, schema, file)?;
    serde_json::from_value(data).map_err(|e| {
        let mut p = crate::problem::from_json_error(file, "-", &e);
        p.line = None;
        p
    })
}

pub fn write_record<T: Serialize>(data: &T) -> String {
    serde_json::to_string(&Record { schema: SCHEMA, data }).unwrap_or_default()
}

pub fn read_assessment(json: &str) -> Result<Assessment, Problem> {
    read_record(json, "storage")
}

pub fn write_assessment(a: &Assessment) -> String {
    write_record(a)
}

/// What the home page lists for each stored assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: String,
    pub name: String,
    pub updated_at: String,
    pub answers: usize,
    pub has_plan: bool,
    /// The questionnaire page to resume at (0 = profile).
    pub resume_page: usize,
}

impl Summary {
    pub fn of(a: &Assessment) -> Summary {
        Summary {
            id: a.id.clone(),
            name: a.name.clone(),
            updated_at: a.updated_at.clone(),
            answers: a.answers.len(),
            has_plan: a.plan.is_some(),
            resume_page: a.resume.page,
        }
    }
}

/// The stored assessments, most recently changed first. Records that cannot be read are
/// listed too (named by their key) so the user can still export or delete them.
pub fn summaries(records: &BTreeMap<String, String>) -> Vec<Summary> {
    let mut list: Vec<Summary> = records
        .iter()
        .filter_map(|(key, json)| key.strip_prefix(ASSESSMENT_PREFIX).map(|id| (id, json)))
        .map(|(id, json)| match read_assessment(json) {
            Ok(a) => Summary::of(&a),
            Err(_) => Summary { id: id.to_owned(), name: format!("? {id}"), updated_at: String::new(), answers: 0, has_plan: false, resume_page: 0 },
        })
        .collect();
    sort_summaries(&mut list);
    list
}

/// Puts a changed or new assessment's summary in the list, keeping its order, so an
/// answer does not mean reading every stored assessment again.
pub fn upsert_summary(list: &mut Vec<Summary>, summary: Summary) {
    match list.iter_mut().find(|s| s.id == summary.id) {
        Some(s) => *s = summary,
        None => list.push(summary),
    }
    sort_summaries(list);
}

fn sort_summaries(list: &mut [Summary]) {
    list.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.name.cmp(&b.name)));
}

/// Preferences kept on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub lang: Lang,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { lang: Lang::DEFAULT }
    }
}

pub fn load_settings(records: &BTreeMap<String, String>) -> Settings {
    records.get(SETTINGS_KEY).and_then(|json| read_record(json, "settings").ok()).unwrap_or_default()
}

pub fn settings_json(settings: &Settings) -> String {
    write_record(settings)
}

/// A name for a copy: "Plant A" → "Plant A (2)", not colliding with `taken`.
pub fn copy_name(name: &str, taken: &[String]) -> String {
    let base = match name.rfind(" (") {
        Some(at) if name.ends_with(')') && name[at + 2..name.len() - 1].parse::<u32>().is_ok() => &name[..at],
        _ => name,
    };
    (2..).map(|n| format!("{base} ({n})")).find(|candidate| !taken.iter().any(|t| t == candidate)).expect("an unused number exists")
}

pub const BACKUP_FORMAT: &str = "faro-backup";
/// Largest backup file accepted.
pub const MAX_BACKUP_FILE: usize = 256 * 1024 * 1024;

/// One file with every Faro record of a device: assessments and plans, survey responses,
/// kiosk sessions, settings. Written by the app and by the rescue screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub schema: u32,
    pub app_version: String,
    pub exported_at: String,
    /// Storage key → the stored record, as JSON (not as a string inside JSON).
    pub records: BTreeMap<String, Value>,
}

/// Every record as a backup file. Keys outside Faro's prefix are never included.
pub fn backup_json(records: &BTreeMap<String, String>, now: &str) -> String {
    let records = records
        .iter()
        .filter(|(k, _)| k.starts_with("faro.") && !k.starts_with("faro.test."))
        .map(|(k, v)| (k.clone(), serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.clone()))))
        .collect();
    let backup = Backup { format: BACKUP_FORMAT.into(), schema: SCHEMA, app_version: crate::APP_VERSION.into(), exported_at: now.into(), records };
    serde_json::to_string_pretty(&backup).unwrap_or_default()
}

/// What restoring a backup will do. Nothing is overwritten silently: records already
/// present with the same content are skipped, records present with other content are
/// kept as they are and listed as conflicts (assessments among them are added as copies
/// by the caller, who can give them new ids).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RestorePlan {
    /// Keys to add, with the string to store.
    pub add: Vec<(String, String)>,
    pub unchanged: usize,
    /// Keys present on the device with different content.
    pub conflicts: Vec<(String, String)>,
    /// Records skipped because they are unreadable (key, problem).
    pub rejected: Vec<Problem>,
}

/// Reads a backup file and plans its merge into `existing` records.
pub fn plan_restore(name: &str, bytes: &[u8], existing: &BTreeMap<String, String>) -> Result<RestorePlan, Problem> {
    let text = crate::import::text_of(name, bytes, MAX_BACKUP_FILE)?;
    let value = crate::import::envelope(name, text, BACKUP_FORMAT)?;
    let backup: Backup = serde_json::from_value(value).map_err(|e| {
        let mut p = crate::problem::from_json_error(name, text, &e);
        p.line = None;
        p
    })?;
    let mut plan = RestorePlan::default();
    for (key, value) in backup.records {
        if !key.starts_with("faro.") || key.starts_with("faro.test.") || key.len() > 200 {
            plan.rejected.push(Problem::new(name, ProblemKind::InvalidValue { expected: "faro.*".into(), found: key }).field("records"));
            continue;
        }
        // Each record must itself be readable (an envelope with a schema we know).
        let stored = value.to_string();
        if let Err(mut p) = read_record::<Value>(&stored, name) {
            p.record = Some(key.clone());
            plan.rejected.push(p);
            continue;
        }
        match existing.get(&key) {
            None => plan.add.push((key, stored)),
            Some(current) if serde_json::from_str::<Value>(current).ok().as_ref() == Some(&value) => plan.unchanged += 1,
            Some(_) => plan.conflicts.push((key, stored)),
        }
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_schema_is_refused_with_a_message() {
        let err = read_record::<Settings>(r#"{"schema": 99, "data": {"lang": "it"}}"#, "x").unwrap_err();
        assert_eq!(err.kind, ProblemKind::UnsupportedSchema { found: 99, supported: SCHEMA });
    }

    #[test]
    fn settings_default_when_absent_or_broken() {
        let mut records = BTreeMap::new();
        assert_eq!(load_settings(&records).lang, Lang::DEFAULT);
        records.insert(SETTINGS_KEY.to_owned(), "{broken".to_owned());
        assert_eq!(load_settings(&records).lang, Lang::DEFAULT);
        let en = Settings { lang: Lang::from_code("en").unwrap() };
        records.insert(SETTINGS_KEY.to_owned(), settings_json(&en));
        assert_eq!(load_settings(&records), en);
    }

    #[test]
    fn a_summary_upserted_after_a_change_equals_reading_storage_again() {
        let bank = crate::content::Content::bundled().unwrap().innovation;
        let mut records = BTreeMap::new();
        for (id, time) in [("a", "2027-01-01"), ("b", "2027-01-03"), ("c", "2027-01-02")] {
            let a = Assessment::new(id.into(), format!("Company {id}"), &bank, Lang::DEFAULT, time);
            records.insert(assessment_key(id), write_assessment(&a));
        }
        records.insert(assessment_key("broken"), "{".into());
        let mut list = summaries(&records);
        assert_eq!(list.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["b", "c", "a", "broken"]);

        let mut changed = read_assessment(&records[&assessment_key("a")]).unwrap();
        changed.updated_at = "2027-01-04".into();
        changed.resume.page = 3;
        records.insert(assessment_key("a"), write_assessment(&changed));
        upsert_summary(&mut list, Summary::of(&changed));
        let added = Assessment::new("d".into(), "Company d".into(), &bank, Lang::DEFAULT, "2027-01-05");
        records.insert(assessment_key("d"), write_assessment(&added));
        upsert_summary(&mut list, Summary::of(&added));
        assert_eq!(list, summaries(&records));
        assert_eq!(list[1].resume_page, 3);
    }

    #[test]
    fn copy_names_count_up() {
        assert_eq!(copy_name("A", &[]), "A (2)");
        assert_eq!(copy_name("A (2)", &["A (2)".into()]), "A (3)");
        assert_eq!(copy_name("A (x)", &[]), "A (x) (2)");
    }
}
