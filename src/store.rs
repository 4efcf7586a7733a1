//! How records are kept in the browser's key–value storage: every key, the records
//! (in the schema envelope of [`crate::format::envelope`]), the list of stored
//! assessments, backups and what restoring one does, and how an imported record joins
//! the stored ones without overwriting anything.
//!
//! Only `ui::browser` reads and writes the storage itself, and only `ui::state` asks it
//! to; this module turns records into strings and back, so it is tested natively.

use crate::assessment::record::Assessment;
use crate::content::{Kind, Overrides};
use crate::format::envelope::{self, Envelope, FormatId};
use crate::kernel::i18n::Lang;
use crate::kernel::problem::{Expected, Found, Problem, ProblemKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

pub use crate::format::envelope::{read_record, write_record, SCHEMA};

/// Every key Faro writes starts with this, so "delete all my data" and backups touch
/// nothing else on the origin.
pub const PREFIX: &str = "faro.";
pub const SETTINGS_KEY: &str = "faro.settings";
pub const ASSESSMENT_PREFIX: &str = "faro.assessment.";
pub const RESPONSE_PREFIX: &str = "faro.response.";
/// Members' shared results, imported by staff.
pub const SHARE_PREFIX: &str = "faro.share.";
pub const KIOSK_KEY: &str = "faro.kiosk";
pub const SURVEY_SETTINGS_KEY: &str = "faro.survey.settings";
/// This year's "you said, we did".
pub const COMMITMENTS_KEY: &str = "faro.survey.commitments";
/// The themes staff gave the survey's comments.
pub const THEME_TAGS_KEY: &str = "faro.survey.themes";
/// A benchmark staff made active (built or loaded); absent = the bundled set.
pub const ACTIVE_BENCHMARK_KEY: &str = "faro.benchmark.active";
/// Keys the browser tests set to provoke trouble; never backed up or restored.
pub const TEST_PREFIX: &str = "faro.test.";

/// The storage key of a content file staff use on this device instead of the bundled
/// one (benchmarks have their own, [`ACTIVE_BENCHMARK_KEY`]).
pub fn content_key(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::AssessmentBank => Some("faro.content.innovation"),
        Kind::SurveyBank => Some("faro.content.satisfaction"),
        Kind::Catalogue => Some("faro.content.services"),
        Kind::Actions => Some("faro.content.actions"),
        Kind::Themes => Some("faro.content.themes"),
        Kind::Benchmark => None,
    }
}

/// The content files staff chose on this device, from the stored records.
pub fn content_overrides(records: &BTreeMap<String, String>) -> Overrides {
    let get = |kind: Kind| content_key(kind).and_then(|k| records.get(k).cloned());
    Overrides {
        innovation: get(Kind::AssessmentBank),
        satisfaction: get(Kind::SurveyBank),
        services: get(Kind::Catalogue),
        actions: get(Kind::Actions),
        themes: get(Kind::Themes),
    }
}

pub fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

pub fn response_key(id: &str) -> String {
    format!("{RESPONSE_PREFIX}{id}")
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
    /// The company series (the first assessment's id) and when this one was started:
    /// what links a company's years.
    pub series: String,
    pub created_at: String,
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
            series: a.series_id().to_owned(),
            created_at: a.created_at.clone(),
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
            Err(_) => Summary {
                id: id.to_owned(),
                name: format!("? {id}"),
                updated_at: String::new(),
                answers: 0,
                has_plan: false,
                resume_page: 0,
                series: id.to_owned(),
                created_at: String::new(),
            },
        })
        .collect();
    sort_summaries(&mut list);
    list
}

pub fn share_key(id: &str) -> String {
    format!("{SHARE_PREFIX}{id}")
}

/// Every member's shared result stored (records that cannot be read are left out).
pub fn shares(records: &BTreeMap<String, String>) -> Vec<crate::assessment::share::Share> {
    records
        .range(SHARE_PREFIX.to_owned()..)
        .take_while(|(k, _)| k.starts_with(SHARE_PREFIX))
        .filter_map(|(_, json)| read_record(json, "storage").ok())
        .collect()
}

/// Every survey response stored (records that cannot be read are left out).
pub fn responses(records: &BTreeMap<String, String>) -> Vec<crate::survey::Response> {
    records
        .range(RESPONSE_PREFIX.to_owned()..)
        .take_while(|(k, _)| k.starts_with(RESPONSE_PREFIX))
        .filter_map(|(_, json)| read_record(json, "storage").ok())
        .collect()
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

/// How an assessment from a file joins the stored ones: nothing is overwritten.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// No stored assessment has its id: store it.
    New,
    /// The stored one with its id is identical: nothing to do.
    Same,
    /// A different assessment has its id: store it as a copy (new id, numbered name).
    Copy,
}

impl Arrival {
    pub fn of(stored: Option<&Assessment>, incoming: &Assessment) -> Arrival {
        match stored {
            None => Arrival::New,
            Some(s) if s == incoming => Arrival::Same,
            Some(_) => Arrival::Copy,
        }
    }
}

/// A name for a copy: "Plant A" → "Plant A (2)", not colliding with `taken`.
pub fn copy_name(name: &str, taken: &[String]) -> String {
    let base = match name.rfind(" (") {
        Some(at) if name.ends_with(')') && name[at + 2..name.len() - 1].parse::<u32>().is_ok() => &name[..at],
        _ => name,
    };
    (2..).map(|n| format!("{base} ({n})")).find(|candidate| !taken.iter().any(|t| t == candidate)).expect("an unused number exists")
}

/// Largest backup file accepted.
pub const MAX_BACKUP_FILE: usize = 256 * 1024 * 1024;

/// The body of a backup: every Faro record of a device (assessments and plans, survey
/// responses, kiosk sessions, settings). Written by the app and by the rescue screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BackupBody {
    /// Storage key → the stored record, as JSON (not as a string inside JSON).
    pub records: BTreeMap<String, Value>,
}

pub type Backup = Envelope<BackupBody>;

fn is_backed_up(key: &str) -> bool {
    key.starts_with(PREFIX) && !key.starts_with(TEST_PREFIX)
}

/// Every record as a backup file. Keys outside Faro's prefix are never included.
pub fn backup_json(records: &BTreeMap<String, String>, now: &str) -> String {
    backup_of(records, now, |_| true)
}

/// A backup of one company's series of assessments (with their plans): the file that
/// moves a company's history between devices; restored like any backup.
pub fn series_json(records: &BTreeMap<String, String>, series: &str, now: &str) -> String {
    let in_series = |key: &str| {
        key.strip_prefix(ASSESSMENT_PREFIX)
            .is_some_and(|_| records.get(key).and_then(|json| read_assessment(json).ok()).is_some_and(|a| a.series_id() == series))
    };
    backup_of(records, now, in_series)
}

fn backup_of(records: &BTreeMap<String, String>, now: &str, keep: impl Fn(&str) -> bool) -> String {
    let records = records
        .iter()
        .filter(|(k, _)| is_backed_up(k) && keep(k))
        .map(|(k, v)| (k.clone(), serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.clone()))))
        .collect();
    Envelope::new(FormatId::BACKUP, BackupBody { records }, now).to_json_pretty()
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
    let backup: Backup = envelope::read(name, bytes, FormatId::BACKUP, MAX_BACKUP_FILE)?;
    let mut plan = RestorePlan::default();
    for (key, value) in backup.body.records {
        if !is_backed_up(&key) || key.len() > 200 {
            plan.rejected.push(
                Problem::new(name, ProblemKind::InvalidValue { expected: Expected::Literal("faro.*".into()), found: Found::literal(&key) }).field("records"),
            );
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
    fn an_import_is_new_the_same_or_a_copy() {
        let bank = crate::content::Content::bundled().unwrap().innovation;
        let a = Assessment::new("a".into(), "A".into(), &bank, Lang::DEFAULT, "t");
        assert_eq!(Arrival::of(None, &a), Arrival::New);
        assert_eq!(Arrival::of(Some(&a), &a), Arrival::Same);
        let mut changed = a.clone();
        changed.name = "B".into();
        assert_eq!(Arrival::of(Some(&a), &changed), Arrival::Copy);
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
