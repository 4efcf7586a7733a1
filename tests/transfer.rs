//! Export and import of assessment files: exact round trips, and clear located errors
//! for every kind of bad file, never a panic.

use faro::assessment::files::assessment_json;
use faro::assessment::files::{assessment_file, MAX_ASSESSMENT_FILE};
use faro::assessment::record::Assessment;
use faro::content::bank::Answer;
use faro::content::Content;
use faro::kernel::i18n::Lang;
use faro::kernel::problem::ProblemKind;
use proptest::prelude::*;
use std::sync::OnceLock;

fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::bundled().unwrap())
}

fn sample(codes: &[u8], name: &str) -> Assessment {
    let bank = &content().innovation;
    let mut a = Assessment::new("abc123".into(), name.into(), bank, Lang::DEFAULT, "2027-01-15T09:00:00.000Z");
    for (item, code) in bank.items().iter().zip(codes) {
        let answer = match code {
            0 => continue,
            6 => Answer::DontKnow,
            l => Answer::Level(*l),
        };
        a.set_answer(item, answer, &format!("2027-01-15T09:{:02}:00.000Z", code * 7));
    }
    for field in bank.profile() {
        a.set_profile(&field.id, &field.options[codes.len() % field.options.len()].id, "2027-01-15T09:00:00.000Z");
    }
    a
}

proptest! {
    #[test]
    fn export_then_import_gives_back_the_same_assessment(
        codes in proptest::collection::vec(0u8..=6, 50),
        name in "\\PC{0,40}",
    ) {
        let a = sample(&codes, &name);
        let json = assessment_json(&a, "2027-01-16T10:00:00.000Z");
        let back = assessment_file("a.json", json.as_bytes(), &content().innovation).unwrap();
        prop_assert_eq!(back.assessment, a);
        prop_assert!(back.unknown_questions.is_empty());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = assessment_file("junk.json", &bytes, &content().innovation);
    }
}

fn error_of(bytes: &[u8]) -> faro::kernel::problem::Problem {
    let mut problems = assessment_file("bad.json", bytes, &content().innovation).unwrap_err();
    assert!(!problems.is_empty());
    problems.remove(0)
}

fn good() -> String {
    assessment_json(&sample(&[3; 50], "Good"), "2027-01-16T10:00:00.000Z")
}

#[test]
fn not_json_is_a_located_syntax_error() {
    let p = error_of(b"this is not json");
    assert!(matches!(p.kind, ProblemKind::Syntax { .. }), "{p:?}");
    assert_eq!(p.line, Some(1));
    assert_eq!(p.file, "bad.json");
}

#[test]
fn truncated_file_is_reported_as_truncated() {
    let text = good();
    let p = error_of(&text.as_bytes()[..text.len() / 2]);
    assert_eq!(p.kind, ProblemKind::Truncated);
    assert!(p.line.is_some());
}

#[test]
fn empty_file_is_reported_as_empty() {
    assert_eq!(error_of(b"  \n").kind, ProblemKind::Empty);
}

#[test]
fn huge_file_is_refused_before_parsing() {
    let huge = vec![b' '; MAX_ASSESSMENT_FILE + 1];
    assert!(matches!(error_of(&huge).kind, ProblemKind::TooLarge { .. }));
}

#[test]
fn other_faro_files_are_named_for_what_they_are() {
    let p = error_of(br#"{"format": "faro-benchmark", "schema": 1}"#);
    assert!(matches!(p.kind, ProblemKind::WrongFormat { ref found, .. } if found == "faro-benchmark"), "{p:?}");
    let p = error_of(br#"[1, 2]"#);
    assert!(matches!(p.kind, ProblemKind::WrongFormat { .. }));
}

#[test]
fn newer_schema_asks_for_an_update() {
    let text = good().replacen("\"schema\": 1", "\"schema\": 7", 1);
    assert_eq!(error_of(text.as_bytes()).kind, ProblemKind::UnsupportedSchema { found: 7, supported: 1 });
}

#[test]
fn a_stored_record_of_a_schema_beyond_u32_is_newer_not_schema_1() {
    let p = faro::store::read_assessment(r#"{"schema": 4294967297, "data": {}}"#).unwrap_err();
    assert!(matches!(p.kind, ProblemKind::UnsupportedSchema { .. }), "{p:?}");
}

#[test]
fn unknown_bank_version_is_refused() {
    let text = good().replace("\"bank_version\": \"2.0.0\"", "\"bank_version\": \"9.0.0\"");
    let p = error_of(text.as_bytes());
    assert!(matches!(p.kind, ProblemKind::UnknownBank { ref version, .. } if version == "9.0.0"), "{p:?}");
}

#[test]
fn an_impossible_answer_is_located_by_question_and_line() {
    let text = good().replacen("\"level\": 3", "\"level\": 9", 1);
    let p = error_of(text.as_bytes());
    assert!(matches!(p.kind, ProblemKind::InvalidValue { .. }), "{p:?}");
    assert!(p.record.is_some() && p.line.is_some(), "{p:?}");
    assert_eq!(p.field.as_deref(), Some("answers"));
}

#[test]
fn a_missing_field_is_named() {
    let text = good().replacen("\"bank_id\"", "\"bank\"", 1);
    let p = error_of(text.as_bytes());
    assert_eq!(p.kind, ProblemKind::MissingField, "{p:?}");
    assert_eq!(p.field.as_deref(), Some("bank_id"));
}
