//! Benchmarks: building from assessments (min-n, champions, no individual data), the
//! file validator, fallback to broader groups, and placing a company (METHOD.md §4–§7).

use faro::assessment::files::assessment_json;
use faro::assessment::files::{intake, Intake};
use faro::assessment::record::Assessment;
use faro::assessment::score::score;
use faro::benchmark::*;
use faro::content::bank::Answer;
use faro::content::bank::Bank;
use faro::content::Content;
use faro::kernel::i18n::{Lang, Localized};
use faro::kernel::problem::ProblemKind;
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn bank() -> &'static Bank {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    &CONTENT.get_or_init(|| Content::bundled().unwrap()).innovation
}

/// A complete assessment: every question of dimension `d` at `levels[d]`.
fn company(id: &str, size: &str, sector: &str, levels: [u8; 5]) -> Assessment {
    let bank = bank();
    let mut a = Assessment::new(id.into(), id.into(), bank, Lang::DEFAULT, "2027-02-01T10:00:00.000Z");
    for field in bank.profile() {
        let option = match field.role.as_deref() {
            Some("size") => size.to_owned(),
            Some("sector") => sector.to_owned(),
            _ => field.options[0].id.clone(),
        };
        a.profile.insert(field.id.clone(), option);
    }
    for item in bank.items() {
        a.set_answer(item, Answer::Level(levels[item.section]), "2027-02-01T10:00:00.000Z");
    }
    a
}

fn info() -> BuildInfo {
    BuildInfo {
        name: Localized::same("Test"),
        provenance: Localized::same("fixtures"),
        synthetic: false,
        method: "test".into(),
        created_at: "2027-02-02".into(),
        generator: None,
    }
}

fn group<'a>(file: &'a BenchmarkFile, id: &str) -> Option<&'a Group> {
    file.groups.iter().find(|g| g.id == id)
}

#[test]
fn groups_below_five_are_left_out_and_tables_need_ten() {
    let mut all = Vec::new();
    for i in 0..12 {
        all.push(company(&format!("c{i}"), "small", "C", [2, 3, 3, 3, 3]));
    }
    for i in 0..6 {
        all.push(company(&format!("m{i}"), "medium", "M", [4, 4, 4, 4, 4]));
    }
    for i in 0..3 {
        all.push(company(&format!("f{i}"), "large", "F", [5, 5, 5, 5, 5]));
    }
    let file = build(bank(), &all, info());
    assert_eq!(file.meta.total_n, 21);
    assert_eq!(group(&file, "all").unwrap().n, 21);
    // 12 companies: table; 6: mean only; 3: absent everywhere.
    assert!(group(&file, "size=small&sector=C").unwrap().stats[0].p.is_some());
    let medium = group(&file, "size=medium").unwrap();
    assert_eq!(medium.n, 6);
    assert!(medium.stats.iter().all(|s| s.p.is_none()));
    assert!(group(&file, "size=large").is_none());
    assert!(group(&file, "sector=F").is_none());
    assert!(group(&file, "size=large&sector=F").is_none());
    // Nothing that identifies a company is written.
    let json = to_json(&file);
    assert!(!json.contains("\"c1\"") && !json.contains("answers") && !json.contains("STR-01"));
    // The file is valid by its own rules.
    Benchmark::from_json("built.json", json.as_bytes()).unwrap();
}

/// METHOD.md §5: champions are the companies at or above the group's 90th percentile of
/// Innovation Results.
#[test]
fn champions_are_the_top_tenth_on_results() {
    let mut all = Vec::new();
    for i in 0..50 {
        // Results level 1 (0 points) for 40 companies, level 3 (50) for 5, level 5 (100)
        // for 5. P90 (type 7): h = 49 × 0.9 = 44.1 → 50 + 0.1 × (100 − 50) = 55, so the
        // champions are the 5 companies at 100.
        let results = if i < 40 {
            1
        } else if i < 45 {
            3
        } else {
            5
        };
        all.push(company(&format!("k{i}"), "small", "C", [2, 2, 2, 2, results]));
    }
    let file = build(bank(), &all, info());
    let g = group(&file, "all").unwrap();
    let champions = g.champions.as_ref().expect("champions present");
    assert_eq!(champions.threshold, 55.0);
    assert_eq!(champions.n, 5);
    let results = file.metrics.iter().position(|m| m == "results").unwrap();
    assert_eq!(champions.stats[results].mean, 100.0);
    assert_eq!(g.stats[results].mean, 15.0);
}

#[test]
fn small_groups_have_no_champions() {
    let all: Vec<_> = (0..30).map(|i| company(&format!("s{i}"), "small", "C", [2, 2, 2, 2, 1 + (i % 5) as u8])).collect();
    let file = build(bank(), &all, info());
    // 30 companies: the top tenth is 6 companies (ties at level 5), enough.
    assert!(group(&file, "all").unwrap().champions.is_some());
    let few: Vec<_> = all[..20].to_vec();
    let file = build(bank(), &few, info());
    // 20 companies: 4 champions, fewer than 5, so none are reported.
    assert!(group(&file, "all").unwrap().champions.is_none());
}

/// METHOD.md §6: the company's own group is size × sector; when it is too small for
/// percentiles the comparison falls back to the sector, then the size, then everyone.
#[test]
fn fallback_to_broader_groups() {
    let mut all = Vec::new();
    for i in 0..12 {
        all.push(company(&format!("a{i}"), "small", "C", [3; 5]));
    }
    for i in 0..7 {
        all.push(company(&format!("b{i}"), "medium", "C", [4; 5]));
    }
    for i in 0..3 {
        all.push(company(&format!("c{i}"), "large", "J", [4; 5]));
    }
    let bench = Benchmark::from_json("b.json", to_json(&build(bank(), &all, info())).as_bytes()).unwrap();
    let profile = |size: &str, sector: &str| -> BTreeMap<String, String> {
        [("size", size), ("sector", sector)].into_iter().map(|(a, b)| (a.into(), b.into())).collect()
    };
    assert_eq!(bench.default_group(&profile("small", "C")), Some((GroupKey::SizeSector("small".into(), "C".into()), false)));
    // medium × C has 7 (mean only): fall back to sector C (19).
    assert_eq!(bench.default_group(&profile("medium", "C")), Some((GroupKey::One("sector".into(), "C".into()), true)));
    // large × J and J and large are absent: fall back to all companies.
    assert_eq!(bench.default_group(&profile("large", "J")), Some((GroupKey::All, true)));
}

#[test]
fn comparison_places_the_company_and_computes_gaps() {
    let mut all = Vec::new();
    for i in 0..60 {
        let l = 1 + (i % 5) as u8;
        all.push(company(&format!("p{i}"), "small", "C", [l, l, l, l, l]));
    }
    let bench = Benchmark::from_json("b.json", to_json(&build(bank(), &all, info())).as_bytes()).unwrap();
    let me = company("me", "small", "C", [4, 4, 4, 4, 4]);
    let scores = score(bank(), &|id| me.answer_of(id).cloned());
    let cmp = bench.compare(&GroupKey::All, &scores).unwrap();
    let overall = cmp.row("overall").unwrap();
    assert_eq!(overall.score, Some(75.0));
    assert_eq!(overall.mean, Some(50.0));
    assert_eq!(overall.gap_to_mean, Some(25.0));
    // 12 companies each at 0, 25, 50, 75, 100: 75 holds percentiles 60…80 → rank 70.
    let p = overall.percentile.unwrap();
    assert!((p - 70.0).abs() < 1e-9, "{p}");
    // Champions: results ≥ P90 = 100 → the 12 companies at 100.
    assert_eq!(overall.champions_mean, Some(100.0));
    assert_eq!(overall.gap_to_champions, Some(-25.0));
}

#[test]
fn validator_names_the_group_and_field() {
    let all: Vec<_> = (0..12).map(|i| company(&format!("v{i}"), "small", "C", [3; 5])).collect();
    let good = to_json(&build(bank(), &all, info()));
    let bad = good.replacen("\"n\":12", "\"n\":3", 1);
    let problems = Benchmark::from_json("bad.json", bad.as_bytes()).unwrap_err();
    assert!(problems.iter().any(|p| p.record.as_deref() == Some("all") && matches!(p.kind, ProblemKind::Rule { .. })), "{problems:?}");
    let problems = Benchmark::from_json("x.json", br#"{"format": "faro-assessment", "schema": 1}"#).unwrap_err();
    assert!(matches!(problems[0].kind, ProblemKind::WrongFormat { .. }));
    let problems = Benchmark::from_json("x.json", good[..good.len() / 3].as_bytes()).unwrap_err();
    assert_eq!(problems[0].kind, ProblemKind::Truncated);
    // 2³² + 1 must not wrap round to schema 1.
    let huge = good.replacen("\"schema\":1", "\"schema\":4294967297", 1);
    let problems = Benchmark::from_json("x.json", huge.as_bytes()).unwrap_err();
    assert!(matches!(problems[0].kind, ProblemKind::UnsupportedSchema { .. }), "{problems:?}");
    let unordered = good.replacen("\"p\":[", "\"p\":[99,", 1);
    assert!(Benchmark::from_json("x.json", unordered.as_bytes()).is_err());
}

#[test]
fn intake_reports_accepted_duplicate_and_rejected_files() {
    let a = company("x1", "small", "C", [3; 5]);
    let mut incomplete = company("x2", "small", "C", [3; 5]);
    incomplete.answers.clear();
    let json = |a: &Assessment| assessment_json(a, "2027-02-03T00:00:00.000Z").into_bytes();
    let files = vec![
        ("a.json".to_owned(), json(&a)),
        ("a-again.json".to_owned(), json(&a)),
        ("empty.json".to_owned(), json(&incomplete)),
        ("junk.json".to_owned(), b"{not json".to_vec()),
    ];
    let (accepted, report) = intake(bank(), &files);
    assert_eq!(accepted.len(), 1);
    assert_eq!(report[0].1, Intake::Accepted);
    assert_eq!(report[1].1, Intake::Duplicate);
    assert!(matches!(&report[2].1, Intake::Rejected(p) if matches!(p[0].kind, ProblemKind::Rule { .. })));
    assert!(matches!(&report[3].1, Intake::Rejected(p) if p[0].file == "junk.json"));
}

#[test]
fn the_bundled_synthetic_benchmark_is_valid_and_labelled() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/benchmark/synthetic.json")).unwrap();
    let bench = Benchmark::from_json("synthetic.json", &bytes).unwrap_or_else(|p| panic!("{p:?}"));
    assert!(bench.meta().synthetic);
    assert!(bench.fits(bank()));
    assert_eq!(bench.meta().total_n, 2000);
    assert!(bench.meta().provenance.get(Lang::from_code("en").unwrap()).contains("replace with your members' data"));
    assert!(bench.groups().count() > 30);
}
