//! Every file format Faro has released, as written by that release, must still load.
//! `tests/fixtures/v<schema>/` keeps one file of each kind per schema; when a format
//! changes, add a new folder and a migration, and keep the old folder passing.
//!
//! The v1 files were written by Faro 0.1.0 (`FARO_WRITE_FIXTURES=1 cargo test --test
//! fixtures` regenerates them; only do that for a schema not yet released).

use faro::assessment::propose::{propose, Basis};
use faro::assessment::record::Assessment;
use faro::assessment::score::score;
use faro::benchmark::{build, to_json, Benchmark, BuildInfo};
use faro::content::bank::Answer;
use faro::content::Content;
use faro::kernel::i18n::{Lang, Localized};
use faro::survey::{self, Response};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1")
}

fn content() -> Content {
    Content::bundled().unwrap()
}

fn sample_assessment(content: &Content, i: usize) -> Assessment {
    let bank = &content.innovation;
    let mut a = Assessment::new(format!("fixture-{i}"), format!("Fixture {i}"), bank, Lang::DEFAULT, "2026-11-20T10:00:00.000Z");
    for (k, field) in bank.profile().iter().enumerate() {
        a.set_profile(&field.id, &field.options[(i + k) % field.options.len()].id, "2026-11-20T10:01:00.000Z");
    }
    for (k, item) in bank.items().iter().enumerate() {
        let answer = if (k + i) % 11 == 0 { Answer::DontKnow } else { Answer::Level(1 + ((k + i) % 5) as u8) };
        a.set_answer(item, answer, "2026-11-20T10:05:00.000Z");
    }
    a
}

fn write_all() {
    let content = content();
    let dir = dir();
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    let mut a = sample_assessment(&content, 1);
    let scores = score(&content.innovation, &|id| a.answer_of(id).cloned());
    let mut plan = propose(&content.innovation, &content.bundled_library().unwrap(), &scores, Basis::default(), Lang::DEFAULT, "2026-11-20T11:00:00.000Z");
    plan.add_own("Azione propria".into(), "2026-11-20T11:01:00.000Z").owner = "Ufficio tecnico".into();
    a.plan = Some(plan.clone());
    write("assessment.json", &faro::assessment::files::assessment_json(&a, "2026-11-20T12:00:00.000Z"));
    write("plan.json", &faro::assessment::files::plan_json(&a, &plan, "2026-11-20T12:00:00.000Z"));
    let responses: Vec<Response> = survey::synthetic_responses(&content.satisfaction, 12, 5);
    write("responses.json", &survey::responses_json(&content.satisfaction, &responses, "2026-11-20T12:00:00.000Z"));
    write(
        "responses.csv",
        &faro::survey::report::RawResponses { bank: &content.satisfaction, responses: &responses, link_text: true, lang: Lang::DEFAULT }.csv(),
    );
    let dash = survey::aggregate(&content.satisfaction, &survey::Dataset::from_responses(&content.satisfaction, &responses));
    write("results.json", &survey::results_json(&content.satisfaction, &dash, &[], "2026-11-20T12:00:00.000Z"));
    let many: Vec<Assessment> = (0..12).map(|i| sample_assessment(&content, i)).collect();
    let bench = build(
        &content.innovation,
        &many,
        BuildInfo {
            name: Localized::same("Fixture"),
            provenance: Localized::same("tests/fixtures"),
            synthetic: false,
            method: "v1".into(),
            created_at: "2026-11-20".into(),
            generator: None,
        },
    );
    write("benchmark.json", &to_json(&bench));
    let mut records = BTreeMap::new();
    records.insert(faro::store::assessment_key(&a.id), faro::store::write_assessment(&a));
    records.insert(faro::store::response_key(&responses[0].id), faro::store::write_record(&responses[0]));
    records.insert(faro::store::SETTINGS_KEY.to_owned(), faro::store::settings_json(&faro::store::Settings { lang: Lang::from_code("en").unwrap() }));
    write("backup.json", &faro::store::backup_json(&records, "2026-11-20T12:00:00.000Z"));
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("tests/fixtures/v1/{name}: {e}"))
}

#[test]
fn v1_files_still_load() {
    if std::env::var_os("FARO_WRITE_FIXTURES").is_some() {
        write_all();
    }
    let content = content();
    let a = faro::assessment::files::assessment_file("assessment.json", &read("assessment.json"), &content.innovation).unwrap();
    assert_eq!(a.assessment.answers.len(), content.innovation.items().len());
    assert!(a.assessment.plan.as_ref().is_some_and(|p| p.items.len() >= 2));
    let plan = faro::assessment::files::plan_file("plan.json", &read("plan.json")).unwrap();
    assert_eq!(Some(&plan.plan), a.assessment.plan.as_ref());
    let mut known = BTreeSet::new();
    let json = survey::import_responses("responses.json", &read("responses.json"), &content.satisfaction, &mut known);
    assert_eq!((json.accepted.len(), json.rejected.len()), (12, 0));
    let mut known = BTreeSet::new();
    let csv = survey::import_responses("responses.csv", &read("responses.csv"), &content.satisfaction, &mut known);
    assert_eq!((csv.accepted.len(), csv.rejected.len()), (12, 0), "{:?}", csv.rejected);
    let last = survey::last_year("results.json", &read("results.json"), &content.satisfaction).unwrap();
    assert_eq!(last.n, 12);
    let bench = Benchmark::from_json("benchmark.json", &read("benchmark.json")).unwrap();
    assert_eq!(bench.meta().total_n, 12);
    let restore = faro::store::plan_restore("backup.json", &read("backup.json"), &BTreeMap::new()).unwrap();
    assert_eq!((restore.add.len(), restore.rejected.len()), (3, 0));
    for (key, value) in &restore.add {
        if key.starts_with(faro::store::ASSESSMENT_PREFIX) {
            faro::store::read_assessment(value).unwrap();
        }
    }
}

/// An assessment made with questionnaire 1.0.0 (the v1 fixture) opens under 2.0.0: every
/// answer of a split question carries to the questions that ask it now, every other
/// answer stays where it was, the scores come out, and once the two new outcome questions
/// are answered the assessment is complete again.
#[test]
fn a_questionnaire_1_assessment_migrates_carries_and_scores() {
    let content = content();
    let bank = &content.innovation;
    let old: serde_json::Value = serde_json::from_slice(&read("assessment.json")).unwrap();
    assert_eq!(old["assessment"]["bank_version"], "1.0.0");
    let old_answers = old["assessment"]["answers"].as_object().unwrap();
    let mut a = faro::assessment::files::assessment_file("assessment.json", &read("assessment.json"), bank).unwrap().assessment;
    assert_eq!(a.bank_version, bank.version());
    assert!(!bank.carry_rules().is_empty());
    for rule in bank.carry_rules() {
        let given = &old_answers[&rule.question]["value"];
        for into in &rule.into {
            let now = serde_json::to_value(&a.answers[into].value).unwrap();
            assert_eq!(&now, given, "{} → {into}", rule.question);
        }
    }
    for (id, given) in old_answers {
        if bank.item(id).is_some() && !bank.carry_rules().iter().any(|r| &r.question == id && !r.into.contains(id)) {
            assert_eq!(&serde_json::to_value(&a.answers[id].value).unwrap(), &given["value"], "{id} kept");
        }
    }
    let scores = a.scores(bank);
    assert!(scores.overall.is_some() && scores.dimensions.iter().all(|d| d.group.score.is_some()));
    assert!(!a.is_complete(bank) && a.is_complete_for_benchmark(bank), "only the outcome questions are new");
    for role in faro::benchmark::OUTCOME_ROLES {
        let field = bank.profile_with_role(role).unwrap();
        a.profile.insert(field.id.clone(), field.options[0].id.clone());
    }
    assert!(a.is_complete(bank));
}
