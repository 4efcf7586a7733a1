//! The hand-off to another engine (METHOD.md Part E): Faro exports a survey's raw
//! responses, the membership and members' share files to target/duckdb/, with its own
//! figures in expected.json; tests/duckdb/check.py (run by scripts/test.sh) asks DuckDB
//! the same questions with the queries in tests/duckdb/ and checks the answers agree.
#![cfg(feature = "tools")]

use faro::assessment::propose::{propose, Basis};
use faro::assessment::record::Assessment;
use faro::assessment::share::{share_json, Share};
use faro::benchmark::{build, BuildInfo, OVERALL};
use faro::content::bank::Answer;
use faro::content::Content;
use faro::kernel::i18n::{Lang, Localized};
use faro::survey::report::RawResponses;
use faro::survey::{aggregate, synthetic_responses, Dataset};
use rand::{Rng, SeedableRng};
use serde_json::json;
use std::path::PathBuf;

#[test]
fn faro_exports_what_duckdb_is_checked_against() {
    let content = Content::bundled().unwrap();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/duckdb");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("shares")).unwrap();
    let en = Lang::from_code("en").unwrap();

    // The survey: 240 synthetic responses, exported raw (free text linked) in English.
    let survey = &content.satisfaction;
    let responses = synthetic_responses(survey, 240, 11);
    let csv = RawResponses { bank: survey, responses: &responses, link_text: true, lang: en }.csv();
    std::fs::write(dir.join("responses.csv"), csv).unwrap();
    let dash = aggregate(survey, &Dataset::from_responses(survey, &responses));
    let members = 300;
    std::fs::write(dir.join("membership.csv"), format!("class,members\nall,{members}\n")).unwrap();
    let service_means: serde_json::Map<String, serde_json::Value> =
        dash.services.iter().filter_map(|s| Some((s.service.clone(), json!([s.satisfaction.mean?, s.satisfaction.n?])))).collect();
    let nps = dash.nps.as_ref().unwrap();
    let organisations = dash.organisations.unwrap();

    // Forty members' share files, and the benchmark Faro builds from them.
    let bank = &content.innovation;
    let library = content.bundled_library().unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let sizes = ["micro", "small", "medium", "large"];
    let mut shares = Vec::new();
    for i in 0..40 {
        let mut a = Assessment::new(format!("m{i}"), format!("m{i}"), bank, Lang::DEFAULT, "2027-03-01T09:00:00.000Z");
        for field in bank.profile() {
            let option = if field.role.as_deref() == Some("size") {
                sizes[i % 4].to_owned()
            } else {
                field.options[rng.random_range(0..field.options.len())].id.clone()
            };
            a.profile.insert(field.id.clone(), option);
        }
        for item in bank.items() {
            a.set_answer(item, Answer::Level(rng.random_range(1..=5)), "t");
        }
        a.plan = Some(propose(bank, &library, &a.scores(bank), Basis::default(), Lang::DEFAULT, "t"));
        let share = Share::of(&a, bank, &format!("K{i}"), false, format!("share-{i}"), "2027-03-02T10:00:00.000Z");
        std::fs::write(dir.join(format!("shares/share-{i}.json")), share_json(&share, "2027-03-02T10:00:00.000Z")).unwrap();
        shares.push(share);
    }
    let info = BuildInfo {
        name: Localized::same("members"),
        provenance: Localized::same("shares"),
        synthetic: false,
        method: "test".into(),
        created_at: "2027-04-01".into(),
        generator: None,
    };
    let file = build(bank, &shares, info);
    let overall = file.metrics.iter().position(|m| m == OVERALL).unwrap();
    let benchmark_means: serde_json::Map<String, serde_json::Value> = file
        .groups
        .iter()
        .filter_map(|g| g.id.strip_prefix("size=").filter(|s| !s.contains('&')).map(|s| (s.to_owned(), g)))
        .filter(|(_, g)| g.stats[overall].n > 0)
        .map(|(s, g)| (s, json!([g.stats[overall].mean, g.stats[overall].n])))
        .collect();
    assert!(benchmark_means.len() >= 2 && service_means.len() >= 10);

    let expected = json!({
        "service_means": service_means,
        "nps": { "n": nps.n, "score": nps.score },
        "rate": { "organisations": organisations, "rate": 100.0 * organisations as f64 / members as f64 },
        "benchmark_means": benchmark_means,
    });
    std::fs::write(dir.join("expected.json"), serde_json::to_string_pretty(&expected).unwrap()).unwrap();
}
