//! Every importer, fed arbitrary input, returns a value or located problems: never a
//! panic. (The long runs are the fuzz targets in fuzz/; these run in `cargo test`.)

use faro::content::bank::Bank;
use faro::content::Content;
use faro::kernel::problem::Source;
use proptest::prelude::*;
use std::sync::OnceLock;

fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::bundled().unwrap())
}

/// Bytes, and text made of the characters the formats care about.
fn inputs() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![proptest::collection::vec(any::<u8>(), 0..1500), "[\\[\\]{}\":,;=\\n a-z0-9._\\-#'\u{2028}é]{0,800}".prop_map(String::into_bytes),]
}

/// A real file of each kind with one byte changed or the end cut off.
fn damaged(original: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    (0..original.len(), any::<u8>(), any::<bool>()).prop_map(move |(at, byte, cut)| {
        let mut v = original.to_vec();
        if cut {
            v.truncate(at);
        } else {
            v[at] = byte;
        }
        v
    })
}

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1/", $name))
    };
}

fn survey(bytes: &[u8]) {
    let bank = &content().satisfaction;
    let mut known = Default::default();
    let report = faro::survey::import_responses("x", bytes, bank, &mut known);
    let data = faro::survey::Dataset::from_responses(bank, &report.accepted);
    let _ = faro::survey::aggregate(bank, &data);
    let _ = faro::survey::last_year("x", bytes, bank);
}

fn bank_text(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let source = Source { name: "x.toml", text: &text };
    let _ = Bank::from_toml(source, Some(&content().catalogue));
    let _ = Bank::from_json(&text, source, Some(&content().catalogue));
    let _ = faro::content::actions::Library::from_toml(source, &content().innovation, &content().catalogue);
    let _ = faro::content::catalogue::Catalogue::from_toml(source);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn survey_files_never_panic(bytes in inputs()) { survey(&bytes); }

    #[test]
    fn damaged_survey_files_never_panic(json in damaged(fixture!("responses.json")), csv in damaged(fixture!("responses.csv"))) {
        survey(&json);
        survey(&csv);
    }

    #[test]
    fn content_files_never_panic(bytes in inputs()) { bank_text(&bytes); }

    #[test]
    fn damaged_content_files_never_panic(bytes in damaged(include_bytes!("../questions/satisfaction.toml"))) { bank_text(&bytes); }

    #[test]
    fn benchmark_files_never_panic(bytes in inputs(), damaged in damaged(fixture!("benchmark.json"))) {
        for b in [bytes, damaged] {
            if let Ok(bench) = faro::benchmark::Benchmark::from_json("x", &b) {
                let scores = faro::assessment::score::score(&content().innovation, &|_| None);
                for (key, _) in bench.groups() {
                    let _ = bench.compare(&key, &scores);
                }
            }
        }
    }

    #[test]
    fn backups_and_plans_never_panic(bytes in inputs(), backup in damaged(fixture!("backup.json")), plan in damaged(fixture!("plan.json"))) {
        for b in [&bytes, &backup] {
            let _ = faro::store::plan_restore("x", b, &Default::default());
        }
        for b in [&bytes, &plan] {
            if let Ok(file) = faro::assessment::files::plan_file("x", b) {
                faro::assessment::plan::Plan::default().merge(file.body.plan, "now");
            }
        }
    }

    #[test]
    fn damaged_assessments_never_panic(bytes in damaged(fixture!("assessment.json"))) {
        let _ = faro::assessment::files::assessment_file("x", &bytes, &content().innovation);
    }
}
