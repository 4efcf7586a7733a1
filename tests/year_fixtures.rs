//! The files the end-to-end test of a cluster's year imports (tests/e2e/year.spec.mjs):
//! twelve members' share files from two years — one a duplicate, one without consent,
//! one corrupt — and the survey results of 2025 and 2026 (2026 with "you said, we did").
//! They must match today's questionnaire and formats:
//! `FARO_WRITE_FIXTURES=1 cargo test --test year_fixtures` rewrites them after a change.

use faro::assessment::propose::{propose, Basis};
use faro::assessment::record::Assessment;
use faro::assessment::share::{share_json, Share};
use faro::content::bank::Answer;
use faro::content::Content;
use faro::format::envelope::{Envelope, FormatId};
use faro::kernel::i18n::Lang;
use faro::survey::commitments::Commitment;
use faro::survey::{aggregate, synthetic_dataset, ResultsBody};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/data")
}

/// Writes the file when asked to, else checks the committed one is what it would be.
fn keep(name: &str, fresh: &str) {
    let path = dir().join(name);
    if std::env::var_os("FARO_WRITE_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == fresh, "tests/e2e/data/{name} is out of date: run FARO_WRITE_FIXTURES=1 cargo test --test year_fixtures");
}

/// Member `k`'s share of `year`: small or medium, levels varied by member and year.
fn share(content: &Content, k: usize, year: u32) -> Share {
    let bank = &content.innovation;
    let at = format!("{year}-03-0{}T09:00:00.000Z", 1 + k % 8);
    let mut a = Assessment::new(format!("m{k}-{year}"), format!("m{k}"), bank, Lang::DEFAULT, &at);
    for field in bank.profile() {
        let option = match field.role.as_deref() {
            Some("size") => if k % 2 == 0 { "small" } else { "medium" }.to_owned(),
            _ => field.options[(k + year as usize) % field.options.len()].id.clone(),
        };
        a.profile.insert(field.id.clone(), option);
    }
    for (q, item) in bank.items().iter().enumerate() {
        a.set_answer(item, Answer::Level(1 + ((q + k + year as usize) % 5) as u8), &at);
    }
    a.plan = Some(propose(bank, &content.bundled_library().unwrap(), &a.scores(bank), Basis::default(), Lang::DEFAULT, &at));
    Share::of(&a, bank, &format!("LE2C-{k:03}"), true, format!("share-{k}-{year}"), &at)
}

#[test]
fn the_files_of_a_clusters_year_match_the_questionnaire() {
    let content = Content::bundled().unwrap();
    let mut n = 0;
    let mut write = |name: String, text: String| {
        n += 1;
        keep(&format!("shares/{name}"), &text);
    };
    for (year, members) in [(2026, 1..=3), (2027, 1..=6)] {
        for k in members {
            let s = share(&content, k, year);
            write(format!("{k:02}-{year}.json"), share_json(&s, &s.assessed_at));
        }
    }
    let again = share(&content, 1, 2027);
    write("10-copy-of-01-2027.json".into(), share_json(&again, &again.assessed_at));
    let mut refused = share(&content, 7, 2027);
    refused.consent.given = false;
    write("11-no-consent.json".into(), share_json(&refused, &refused.assessed_at));
    write("12-corrupt.json".into(), share_json(&share(&content, 8, 2027), "t")[..400].to_owned());
    assert_eq!(n, 12);

    // Two earlier years of survey results; 2026 with a commitment.
    let survey = &content.satisfaction;
    for (year, seed, commitments) in [
        (2025, 101, Vec::new()),
        (2026, 102, vec![Commitment::new("funding_desk", "Sportello bandi aperto anche il venerdì", "Ufficio progetti", "2026-10-01").unwrap()]),
    ] {
        let body = ResultsBody {
            bank_id: survey.id().into(),
            bank_version: survey.version().into(),
            year: Some(year),
            dashboard: aggregate(survey, &synthetic_dataset(survey, 300, seed)),
            commitments,
        };
        keep(&format!("results-{year}.json"), &Envelope::new(FormatId::SURVEY_RESULTS, body, &format!("{year}-12-01T00:00:00.000Z")).to_json());
    }
}
