//! The worked examples of METHOD.md §1–§3, reproduced, plus property tests of scoring.

use faro::assessment::score::{score, score_map, Score, RELIABLE_COVERAGE};
use faro::content::bank::Answer;
use faro::content::bank::Bank;
use faro::content::Content;
use faro::kernel::problem::Source;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// The bank of METHOD.md's worked example: two dimensions, three and one questions.
const EXAMPLE: &str = r#"
[bank]
id = "example"
version = "1.0.0"
kind = "assessment"
languages = ["it", "en"]
title = { it = "Esempio", en = "Example" }

[[sections]]
id = "d1"
title = { it = "D1", en = "D1" }
scored = true
subdimensions = [{ id = "a", name = { it = "A", en = "A" } }, { id = "b", name = { it = "B", en = "B" } }]

[[sections]]
id = "d2"
title = { it = "D2", en = "D2" }
scored = true
subdimensions = [{ id = "c", name = { it = "C", en = "C" } }]

[[questions]]
id = "Q1"
section = "d1"
subdimension = "a"
kind = "level"
weight = 1.0
iso = [5]
text = { it = "1", en = "1" }
levels = [{ it = "1", en = "1" }, { it = "2", en = "2" }, { it = "3", en = "3" }, { it = "4", en = "4" }, { it = "5", en = "5" }]

[[questions]]
id = "Q2"
section = "d1"
subdimension = "b"
kind = "level"
weight = 1.5
iso = [6]
text = { it = "2", en = "2" }
levels = [{ it = "1", en = "1" }, { it = "2", en = "2" }, { it = "3", en = "3" }, { it = "4", en = "4" }, { it = "5", en = "5" }]

[[questions]]
id = "Q3"
section = "d1"
subdimension = "a"
kind = "level"
weight = 0.5
iso = [7]
text = { it = "3", en = "3" }
levels = [{ it = "1", en = "1" }, { it = "2", en = "2" }, { it = "3", en = "3" }, { it = "4", en = "4" }, { it = "5", en = "5" }]

[[questions]]
id = "Q4"
section = "d2"
subdimension = "c"
kind = "level"
weight = 1.0
iso = [8]
text = { it = "4", en = "4" }
levels = [{ it = "1", en = "1" }, { it = "2", en = "2" }, { it = "3", en = "3" }, { it = "4", en = "4" }, { it = "5", en = "5" }]
"#;

fn example() -> Bank {
    Bank::from_toml(Source { name: "example.toml", text: EXAMPLE }, None).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn level_points() {
    let points: Vec<f64> = (1..=5).map(|l| Score::of_level(l).unwrap().get()).collect();
    assert_eq!(points, [0.0, 25.0, 50.0, 75.0, 100.0]);
    assert!(Score::of_level(0).is_none() && Score::of_level(6).is_none());
}

/// METHOD.md §2, worked example.
#[test]
fn method_worked_example() {
    let bank = example();
    let answers: BTreeMap<String, Answer> = [("Q1", Answer::Level(4)), ("Q2", Answer::Level(2)), ("Q3", Answer::DontKnow), ("Q4", Answer::Level(5))]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    let s = score_map(&bank, &answers);
    let d1 = &s.dimensions[0].group;
    assert!(close(d1.score.unwrap().get(), 45.0), "{d1:?}");
    assert!(close(d1.coverage, 2.5 / 3.0));
    assert!(d1.reliable);
    assert_eq!((d1.answered, d1.dont_know, d1.unanswered), (2, 1, 0));
    let a = &s.dimensions[0].subdimensions[0].1;
    assert!(close(a.score.unwrap().get(), 75.0));
    assert!(close(a.coverage, 1.0 / 1.5));
    assert!(a.reliable);
    let b = &s.dimensions[0].subdimensions[1].1;
    assert!(close(b.score.unwrap().get(), 25.0));
    assert!(close(s.dimensions[1].group.score.unwrap().get(), 100.0));
    assert!(close(s.overall.unwrap().get(), 72.5));
    assert!(s.overall_reliable);
}

/// METHOD.md §2: a dimension answered mostly "don't know" is flagged, and with no level
/// answer at all it has no score and the overall index is not computed.
#[test]
fn method_unreliable_and_missing() {
    let bank = example();
    let mut answers: BTreeMap<String, Answer> = [("Q1", Answer::DontKnow), ("Q2", Answer::DontKnow), ("Q3", Answer::Level(3)), ("Q4", Answer::Level(1))]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    let s = score_map(&bank, &answers);
    let d1 = &s.dimensions[0].group;
    assert!(close(d1.score.unwrap().get(), 50.0));
    assert!(close(d1.coverage, 0.5 / 3.0));
    assert!(d1.coverage < RELIABLE_COVERAGE && !d1.reliable);
    assert!(close(s.overall.unwrap().get(), 25.0));
    assert!(!s.overall_reliable);
    answers.insert("Q3".into(), Answer::DontKnow);
    let s = score_map(&bank, &answers);
    assert!(s.dimensions[0].group.score.is_none());
    assert!(s.overall.is_none());
}

fn bundled() -> &'static Content {
    use std::sync::OnceLock;
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::bundled().unwrap())
}

/// Any mix of answers to the bundled bank: 0–6 per question (0 = unanswered, 6 = don't know).
fn answer_strategy() -> impl Strategy<Value = Vec<u8>> {
    let n = bundled().innovation.items().len();
    proptest::collection::vec(0u8..=6, n)
}

fn to_answers(codes: &[u8]) -> Vec<(String, Answer)> {
    bundled()
        .innovation
        .items()
        .iter()
        .zip(codes)
        .filter_map(|(item, code)| match code {
            0 => None,
            6 => Some((item.id.clone(), Answer::DontKnow)),
            l => Some((item.id.clone(), Answer::Level(*l))),
        })
        .collect()
}

proptest! {
    #[test]
    fn scores_are_always_within_0_and_100(codes in answer_strategy()) {
        let answers: BTreeMap<_, _> = to_answers(&codes).into_iter().collect();
        let s = score_map(&bundled().innovation, &answers);
        for d in &s.dimensions {
            for g in std::iter::once(&d.group).chain(d.subdimensions.iter().map(|(_, g)| g)) {
                if let Some(v) = g.score { prop_assert!((0.0..=100.0).contains(&v.get())); }
                prop_assert!((0.0..=1.0).contains(&g.coverage));
            }
        }
        if let Some(o) = s.overall { prop_assert!((0.0..=100.0).contains(&o.get())); }
    }

    #[test]
    fn the_order_answers_are_given_in_does_not_matter(codes in answer_strategy(), seed in any::<u64>()) {
        let bank = &bundled().innovation;
        let given = to_answers(&codes);
        let mut shuffled = given.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut first = faro::assessment::record::Assessment::new("a".into(), "a".into(), bank, faro::kernel::i18n::Lang::DEFAULT, "t");
        let mut second = first.clone();
        for (id, a) in &given { first.set_answer(bank.item(id).unwrap(), a.clone(), "t"); }
        for (id, a) in &shuffled { second.set_answer(bank.item(id).unwrap(), a.clone(), "t"); }
        let s1 = score(bank, &|id| first.answer_of(id).cloned());
        let s2 = score(bank, &|id| second.answer_of(id).cloned());
        prop_assert_eq!(s1, s2);
    }

    #[test]
    fn coverage_is_the_answered_share_of_weight(codes in answer_strategy()) {
        let bank = &bundled().innovation;
        let answers: BTreeMap<_, _> = to_answers(&codes).into_iter().collect();
        let s = score_map(bank, &answers);
        for d in &s.dimensions {
            let items: Vec<_> = bank.items_in(d.section).collect();
            let total: f64 = items.iter().map(|i| i.weight).sum();
            let answered: f64 = items.iter().filter(|i| matches!(answers.get(&i.id), Some(Answer::Level(_)))).map(|i| i.weight).sum();
            prop_assert!((d.group.coverage - answered / total).abs() < 1e-9);
            let counted = d.group.answered + d.group.dont_know + d.group.unanswered;
            prop_assert_eq!(counted, items.len());
        }
    }
}

/// METHOD.md §ISO clauses, worked example: the bank of §2 with Q2 tagged 5 and 6.
/// Clause 5 = (1 × 75 + 1.5 × 25) / 2.5 = 45, coverage 100 %; clause 6 = 25; clause 7
/// (Q3, "don't know") has no score and coverage 0; clause 8 = 100; 4, 9 and 10 are
/// not covered by this questionnaire.
#[test]
fn iso_clause_profile_by_hand() {
    use faro::assessment::clauses::clause_profile;
    let text = EXAMPLE.replacen("iso = [6]", "iso = [5, 6]", 1);
    let bank = Bank::from_toml(Source { name: "example.toml", text: &text }, None).unwrap();
    let answers: BTreeMap<&str, Answer> = [("Q1", Answer::Level(4)), ("Q2", Answer::Level(2)), ("Q3", Answer::DontKnow), ("Q4", Answer::Level(5))].into();
    let profile = clause_profile(&bank, &|id| answers.get(id).cloned());
    let of = |c: u8| profile.iter().find(|p| p.clause == c).copied().unwrap();
    assert_eq!((of(5).score, of(5).coverage, of(5).questions), (Some(45.0), Some(1.0), 2));
    assert_eq!(of(6).score, Some(25.0));
    assert_eq!((of(7).score, of(7).coverage, of(7).reliable), (None, Some(0.0), false));
    assert_eq!(of(8).score, Some(100.0));
    assert!([4, 9, 10].iter().all(|c| of(*c).questions == 0 && of(*c).coverage.is_none()));
}
