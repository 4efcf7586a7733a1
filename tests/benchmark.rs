//! Benchmarks: building from assessments (min-n, complementary suppression, leading
//! companies by outcome, no individual data), the file validator, fallback to broader
//! groups, and placing a company (METHOD.md §4–§7).

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

/// The same company answering the outcome questions (growth, new sales) with class
/// `class`, 0 the lowest (the fixture's default).
fn with_outcome(mut a: Assessment, class: usize) -> Assessment {
    for role in OUTCOME_ROLES {
        let field = bank().profile_with_role(role).expect("the bank asks for outcomes");
        a.profile.insert(field.id.clone(), field.options[class].id.clone());
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
fn groups_below_five_are_left_out_and_deciles_need_twenty() {
    let mut all = Vec::new();
    for i in 0..22 {
        all.push(company(&format!("c{i}"), "small", "C", [2, 3, 3, 3, 3]));
    }
    for i in 0..12 {
        all.push(company(&format!("m{i}"), "medium", "M", [4, 4, 4, 4, 4]));
    }
    for i in 0..5 {
        all.push(company(&format!("f{i}"), "large", "F", [5, 5, 5, 5, 5]));
    }
    for i in 0..3 {
        all.push(company(&format!("j{i}"), "large", "J", [5, 5, 5, 5, 5]));
    }
    let file = build(bank(), &all, info());
    assert_eq!(file.meta.total_n, 42);
    assert_eq!(group(&file, "all").unwrap().n, 42);
    // 22 companies: deciles; 12: mean only; 3: absent everywhere.
    assert_eq!(group(&file, "size=small&sector=C").unwrap().stats[0].p.as_ref().map(Vec::len), Some(9));
    let medium = group(&file, "size=medium").unwrap();
    assert_eq!(medium.n, 12);
    assert!(medium.stats.iter().all(|s| s.p.is_none()));
    assert!(group(&file, "sector=J").is_none());
    assert_eq!(group(&file, "size=large").unwrap().n, 8);
    // sector F (5) is shown, sector J (3) is not: J would be all − C − M − F, so the
    // smallest shown sibling, F, is hidden too.
    assert!(group(&file, "sector=F").is_none(), "F would give J away by subtraction");
    assert!(group(&file, "size=large&sector=F").is_none());
    // Nothing that identifies a company is written.
    let json = to_json(&file);
    assert!(!json.contains("\"c1\"") && !json.contains("answers") && !json.contains("STR-01"));
    // The file is valid by its own rules.
    Benchmark::from_json("built.json", json.as_bytes()).unwrap();
}

/// METHOD.md §4: no group under five can be worked out from its parent and the shown
/// siblings, in any family (size, sector, size × sector within a size or a sector).
#[test]
fn no_hidden_remainder_under_five_in_any_family() {
    let mut all = Vec::new();
    let plan = [("small", "C", 9), ("small", "M", 6), ("small", "J", 1), ("medium", "C", 7), ("medium", "M", 5), ("large", "C", 4), ("large", "F", 8)];
    for (size, sector, n) in plan {
        for i in 0..n {
            all.push(company(&format!("{size}{sector}{i}"), size, sector, [1 + (i % 5) as u8, 3, 3, 3, 3]));
        }
    }
    let file = build(bank(), &all, info());
    let n_of = |id: &str| group(&file, id).map(|g| g.n);
    let families: Vec<(String, Vec<String>)> = {
        let mut f = vec![
            ("all".to_owned(), ["small", "medium", "large"].iter().map(|s| format!("size={s}")).collect()),
            ("all".to_owned(), ["C", "M", "J", "F"].iter().map(|s| format!("sector={s}")).collect()),
        ];
        for size in ["small", "medium", "large"] {
            f.push((format!("size={size}"), ["C", "M", "J", "F"].iter().map(|s| format!("size={size}&sector={s}")).collect()));
        }
        for sector in ["C", "M", "J", "F"] {
            f.push((format!("sector={sector}"), ["small", "medium", "large"].iter().map(|s| format!("size={s}&sector={sector}")).collect()));
        }
        f
    };
    for (parent, children) in families {
        let Some(parent_n) = n_of(&parent) else { continue };
        let shown: u32 = children.iter().filter_map(|c| n_of(c)).sum();
        let rest = parent_n - shown;
        assert!(rest == 0 || rest >= MIN_GROUP, "{parent}: {rest} companies follow by subtraction");
    }
}

/// METHOD.md §5: the leading companies are those at or above the group's 90th
/// percentile of the outcome index (growth and sales of new products), whatever their
/// scores: a weak Results score does not keep a fast-growing company out.
#[test]
fn leading_companies_are_the_top_tenth_on_outcomes() {
    let mut all = Vec::new();
    for i in 0..50 {
        // Outcome class 0 (index 0) for 40 companies, class 2 (50) for 5, class 4 (100)
        // for 5. P90 (type 7): h = 49 × 0.9 = 44.1 → 50 + 0.1 × (100 − 50) = 55, so the
        // leaders are the 5 companies at 100, which rate their Results lowest (level 1).
        let (class, results) = match i {
            0..40 => (0, 3),
            40..45 => (2, 3),
            _ => (4, 1),
        };
        all.push(with_outcome(company(&format!("k{i}"), "small", "C", [4, 2, 2, 2, results]), class));
    }
    let file = build(bank(), &all, info());
    let g = group(&file, "all").unwrap();
    let leaders = g.champions.as_ref().expect("leaders present");
    assert_eq!(leaders.threshold, 55.0);
    assert_eq!(leaders.n, 5);
    let results = file.metrics.iter().position(|m| m == "results").unwrap();
    assert_eq!(leaders.stats[results].mean, 0.0);
    assert_eq!(g.stats[results].mean, 45.0);
}

/// "Prefer not to say" is no answer: such companies never lead, and the outcome index of
/// a company that answered one question is that answer's position.
#[test]
fn outcome_index_skips_prefer_not() {
    let a = with_outcome(company("o", "small", "C", [3; 5]), 3);
    assert_eq!(outcome_index(bank(), &a.profile), Some(75.0));
    let mut b = a.clone();
    let growth = bank().profile_with_role("growth").unwrap();
    b.profile.insert(growth.id.clone(), PREFER_NOT.into());
    assert_eq!(outcome_index(bank(), &b.profile), Some(75.0));
    let c = with_outcome(a, 5);
    assert_eq!(outcome_index(bank(), &c.profile), None);
}

#[test]
fn small_groups_have_no_leaders() {
    let all: Vec<_> = (0..30).map(|i| with_outcome(company(&format!("s{i}"), "small", "C", [2, 2, 2, 2, 2]), i % 5)).collect();
    let file = build(bank(), &all, info());
    // 30 companies: the top tenth is 6 companies (ties at the top class), enough.
    assert_eq!(group(&file, "all").unwrap().champions.as_ref().map(|c| c.n), Some(6));
    let few: Vec<_> = all[..20].to_vec();
    let file = build(bank(), &few, info());
    // 20 companies: 4 leaders, fewer than 5, so none are reported.
    assert!(group(&file, "all").unwrap().champions.is_none());
}

/// Unreliable scores (too many "don't know") are left out of the figures, and the
/// builder says how many companies had one.
#[test]
fn unreliable_scores_are_left_out_and_counted() {
    let mut all: Vec<_> = (0..10).map(|i| company(&format!("u{i}"), "small", "C", [4; 5])).collect();
    // Strategy: all but one question "don't know", so under 60 % answered.
    let mut shaky = company("shaky", "small", "C", [1; 5]);
    for item in bank().items().iter().filter(|i| i.section == bank().items()[0].section).skip(1) {
        shaky.set_answer(item, Answer::DontKnow, "2027-02-01T10:00:00.000Z");
    }
    all.push(shaky);
    let file = build(bank(), &all, info());
    assert_eq!(file.meta.left_out, 1);
    assert!(file.meta.left_out_scores >= 2, "strategy and its sub-dimensions: {}", file.meta.left_out_scores);
    let strategy = file.metrics.iter().position(|m| m == "strategy").unwrap();
    let g = group(&file, "all").unwrap();
    assert_eq!((g.stats[strategy].n, g.stats[strategy].mean), (10, 75.0));
}

/// METHOD.md §6: the company's own group is size × sector; when it is too small for
/// deciles the comparison falls back to the sector, then the size, then everyone.
#[test]
fn fallback_to_broader_groups() {
    let mut all = Vec::new();
    for i in 0..22 {
        all.push(company(&format!("a{i}"), "small", "C", [3; 5]));
    }
    for i in 0..7 {
        all.push(company(&format!("b{i}"), "medium", "C", [4; 5]));
    }
    for i in 0..5 {
        all.push(company(&format!("c{i}"), "large", "J", [4; 5]));
    }
    let bench = Benchmark::from_json("b.json", to_json(&build(bank(), &all, info())).as_bytes()).unwrap();
    let profile = |size: &str, sector: &str| -> BTreeMap<String, String> {
        [("size", size), ("sector", sector)].into_iter().map(|(a, b)| (a.into(), b.into())).collect()
    };
    assert_eq!(bench.default_group(&profile("small", "C")), Some((GroupKey::SizeSector("small".into(), "C".into()), false)));
    // medium × C has 7 (mean only): fall back to sector C (29).
    assert_eq!(bench.default_group(&profile("medium", "C")), Some((GroupKey::One("sector".into(), "C".into()), true)));
    // large × J, J and large have 5 (no deciles): fall back to all companies.
    assert_eq!(bench.default_group(&profile("large", "J")), Some((GroupKey::All, true)));
}

#[test]
fn comparison_places_the_company_and_computes_gaps() {
    let mut all = Vec::new();
    for i in 0..60 {
        let l = 1 + (i % 5) as u8;
        all.push(with_outcome(company(&format!("p{i}"), "small", "C", [l, l, l, l, l]), usize::from(l - 1)));
    }
    let bench = Benchmark::from_json("b.json", to_json(&build(bank(), &all, info())).as_bytes()).unwrap();
    let me = company("me", "small", "C", [4, 4, 4, 4, 4]);
    let scores = score(bank(), &|id| me.answer_of(id).cloned());
    let cmp = bench.compare(&GroupKey::All, &scores).unwrap();
    let overall = cmp.row("overall").unwrap();
    assert_eq!(overall.score, Some(75.0));
    assert_eq!(overall.mean, Some(50.0));
    assert_eq!(overall.gap_to_mean, Some(25.0));
    // 12 companies each at 0, 25, 50, 75, 100: deciles 0, 20, 25, 40, 50, 60, 75, 80,
    // 100 (type 7), and 75 is P70.
    assert_eq!(overall.standing, Some(faro::kernel::stats::Standing::Rank(70.0)));
    assert_eq!((overall.p10, overall.median, overall.p90), (Some(0.0), Some(50.0), Some(100.0)));
    // Leaders: outcome ≥ P90 = 100 → the 12 companies in the top class, all at 100.
    assert_eq!(overall.champions_mean, Some(100.0));
    assert_eq!(overall.gap_to_champions, Some(-25.0));
}

#[test]
fn validator_names_the_group_and_field() {
    let all: Vec<_> = (0..22).map(|i| company(&format!("v{i}"), "small", "C", [3; 5])).collect();
    let good = to_json(&build(bank(), &all, info()));
    let bad = good.replacen("\"n\":22", "\"n\":3", 1);
    let problems = Benchmark::from_json("bad.json", bad.as_bytes()).unwrap_err();
    assert!(problems.iter().any(|p| p.record.as_deref() == Some("all") && matches!(p.kind, ProblemKind::Rule { .. })), "{problems:?}");
    let problems = Benchmark::from_json("x.json", br#"{"format": "faro-assessment", "schema": 1}"#).unwrap_err();
    assert!(matches!(problems[0].kind, ProblemKind::WrongFormat { .. }));
    let problems = Benchmark::from_json("x.json", good[..good.len() / 3].as_bytes()).unwrap_err();
    assert_eq!(problems[0].kind, ProblemKind::Truncated);
    // 2³² + 1 must not wrap round to schema 1.
    let huge = good.replacen("\"schema\":2", "\"schema\":4294967297", 1);
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
