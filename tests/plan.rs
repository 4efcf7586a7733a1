//! Proposing the Action Plan: METHOD.md §8's worked example, ordering, caps and the
//! company's importance settings.

use faro::assessment::plan::Importance;
use faro::assessment::plan::{TargetKind, Tier};
use faro::assessment::propose::{candidates, propose, select, Basis, MAX_ACTIONS, MAX_PER_DIMENSION, MAX_PER_METRIC, MAX_QUICK_WINS};
use faro::assessment::record::Assessment;
use faro::assessment::score::{score, score_map};
use faro::benchmark::Benchmark;
use faro::content::actions::Library;
use faro::content::bank::Answer;
use faro::content::bank::Bank;
use faro::content::Content;
use faro::kernel::i18n::Lang;
use faro::kernel::problem::Source;
use std::collections::BTreeMap;

const BANK: &str = r#"
[bank]
id = "mini"
version = "1.0.0"
kind = "assessment"
languages = ["it", "en"]
title = { it = "Mini", en = "Mini" }
[[sections]]
id = "d1"
title = { it = "D1", en = "D1" }
scored = true
subdimensions = [{ id = "a", name = { it = "A", en = "A" } }, { id = "b", name = { it = "B", en = "B" } }]
[[questions]]
id = "Q1"
section = "d1"
subdimension = "a"
kind = "level"
iso = [5]
text = { it = "1", en = "1" }
levels = [{ it = "1", en = "1" }, { it = "2", en = "2" }, { it = "3", en = "3" }, { it = "4", en = "4" }, { it = "5", en = "5" }]
[[questions]]
id = "Q2"
section = "d1"
subdimension = "b"
kind = "level"
iso = [6]
text = { it = "2", en = "2" }
levels = [{ it = "1", en = "1" }, { it = "2", en = "2" }, { it = "3", en = "3" }, { it = "4", en = "4" }, { it = "5", en = "5" }]
"#;

fn action(id: &str, sub: Option<&str>, effort: &str) -> String {
    let sub = sub.map(|s| format!("subdimension = \"{s}\"\n")).unwrap_or_default();
    format!(
        "[[actions]]\nid = \"{id}\"\ndimension = \"d1\"\n{sub}effort = \"{effort}\"\nhorizon = \"short\"\nservices = [\"funding_desk\"]\n\
         title = {{ it = \"{id}\", en = \"{id}\" }}\ndescription = {{ it = \"d\", en = \"d\" }}\nkpi = {{ it = \"k\", en = \"k\" }}\nmeasure = {{ it = \"m\", en = \"m\" }}\n"
    )
}

fn fixtures() -> (Bank, Library) {
    let content = Content::bundled().unwrap();
    let bank = Bank::from_toml(Source { name: "mini.toml", text: BANK }, None).unwrap();
    let mut lib = String::from("[library]\nid = \"l\"\nversion = \"1.0.0\"\nbank = \"mini\"\nlanguages = [\"it\", \"en\"]\n");
    for (id, sub, effort) in
        [("A-low", Some("a"), "low"), ("A-med", Some("a"), "medium"), ("A-high", Some("a"), "high"), ("B-low", Some("b"), "low"), ("D-all", None, "medium")]
    {
        lib.push_str(&action(id, sub, effort));
    }
    let library = Library::from_toml(Source { name: "lib.toml", text: &lib }, &bank, &content.catalogue).unwrap();
    (bank, library)
}

fn answers(q1: u8, q2: u8) -> BTreeMap<String, Answer> {
    [("Q1".to_owned(), Answer::Level(q1)), ("Q2".to_owned(), Answer::Level(q2))].into_iter().collect()
}

/// METHOD.md §8 worked example, without a benchmark: the target is 100.
/// A = 25 (level 2), B = 75 (level 4), D1 = 50.
/// A-low: gap 75 × 1 ÷ 1 = 75; A-med: 75 ÷ 2 = 37.5; A-high: 75 ÷ 3 = 25; B-low: 25 ÷ 1 = 25;
/// D-all: 50 ÷ 2 = 25.
#[test]
fn method_worked_example_priorities() {
    let (bank, library) = fixtures();
    let scores = score_map(&bank, &answers(2, 4));
    let c = candidates(&bank, &library, &scores, Basis::default());
    let got: Vec<(&str, f64)> = c.iter().map(|c| (c.action.as_str(), c.reason.priority)).collect();
    // Ties (25) go to the lower effort first.
    assert_eq!(got, [("A-low", 75.0), ("A-med", 37.5), ("B-low", 25.0), ("D-all", 25.0), ("A-high", 25.0)]);
    assert!(c.iter().all(|c| c.reason.target_kind == TargetKind::Maximum && c.reason.target == 100.0));
    // At most two per sub-dimension: A-high is not proposed.
    let chosen: Vec<&str> = select(&c).iter().map(|c| c.action.as_str()).collect();
    assert_eq!(chosen, ["A-low", "A-med", "B-low"]);
}

#[test]
fn company_importance_reorders_the_plan() {
    let (bank, library) = fixtures();
    let scores = score_map(&bank, &answers(2, 4));
    let low: BTreeMap<String, Importance> = [("d1".to_owned(), Importance::Low)].into_iter().collect();
    let c = candidates(&bank, &library, &scores, Basis { importance: Some(&low), ..Basis::default() });
    assert_eq!(c[0].reason.priority, 37.5);
    assert_eq!(c[0].reason.importance, 0.5);
}

#[test]
fn no_gap_no_action() {
    let (bank, library) = fixtures();
    let scores = score_map(&bank, &answers(5, 5));
    assert!(select(&candidates(&bank, &library, &scores, Basis::default())).is_empty());
}

#[test]
fn unreliable_scores_trigger_nothing() {
    let (bank, library) = fixtures();
    let mut a = answers(2, 4);
    a.insert("Q1".into(), Answer::DontKnow);
    let scores = score_map(&bank, &a);
    let c = candidates(&bank, &library, &scores, Basis::default());
    assert!(c.iter().all(|c| !c.metric.ends_with(".a")));
}

/// With the bundled content and benchmark: the leading companies are the target, caps
/// hold, quick wins are the low-effort actions, no action targets an outcome dimension,
/// and every proposal says why and against which benchmark.
#[test]
fn bundled_plan_respects_caps_and_explains_itself() {
    let content = Content::bundled().unwrap();
    let bank = &content.innovation;
    let mut a = Assessment::new("p".into(), "p".into(), bank, Lang::DEFAULT, "t");
    for (i, item) in bank.items().iter().enumerate() {
        a.set_answer(item, Answer::Level(1 + (i % 3) as u8), "t");
    }
    let scores = score(bank, &|id| a.answer_of(id).cloned());
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/benchmark/synthetic.json")).unwrap();
    let bench = Benchmark::from_json("synthetic.json", &bytes).unwrap();
    let actions = content.bundled_library().unwrap();
    let plan = propose(bank, &actions, &scores, Basis { benchmark: Some(&bench), ..Basis::default() }, Lang::DEFAULT, "now");
    assert!(!plan.items.is_empty() && plan.items.len() <= MAX_ACTIONS);
    let mut per_metric: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_dim: BTreeMap<String, usize> = BTreeMap::new();
    let mut last = f64::INFINITY;
    for item in &plan.items {
        let reason = item.reason.as_ref().expect("a reason");
        assert_eq!(reason.target_kind, TargetKind::Champions);
        assert!(!reason.metric.starts_with("results"), "{} targets an outcome", reason.metric);
        assert!(reason.priority <= last);
        last = reason.priority;
        *per_metric.entry(reason.metric.clone()).or_default() += 1;
        *per_dim.entry(reason.metric.split('.').next().unwrap().to_owned()).or_default() += 1;
        let action = actions.action(item.action.as_deref().unwrap()).unwrap();
        assert_eq!(item.tier == Tier::QuickWin, action.effort == faro::content::actions::Effort::Low);
        assert!(!item.services.is_empty());
    }
    assert!(per_metric.values().all(|&n| n <= MAX_PER_METRIC));
    assert!(plan.items.iter().filter(|i| i.tier == Tier::QuickWin).count() <= MAX_QUICK_WINS);
    assert!(plan.items.iter().any(|i| i.tier == Tier::Strategic), "the plan leaves room for strategic work");
    assert!(per_dim.values().all(|&n| n <= MAX_PER_DIMENSION));
    let recorded = plan.benchmark.as_ref().expect("the plan names its benchmark");
    assert_eq!(recorded.id, bench.meta().id);
    assert!(recorded.synthetic);
}
