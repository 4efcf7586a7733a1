//! A company's year (METHOD.md §Progress): next year's assessment, its progress against
//! earlier ones, "not comparable" across a questionnaire change, and last year's plan
//! followed up in the new proposal.

use faro::assessment::plan::{Plan, Status};
use faro::assessment::progress::{change, one_answer_step, progress, series_of, Change};
use faro::assessment::propose::{propose, Basis};
use faro::assessment::record::Assessment;
use faro::benchmark::Scored;
use faro::content::bank::{Answer, Bank};
use faro::content::Content;
use faro::kernel::i18n::Lang;
use std::sync::OnceLock;

fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::bundled().unwrap())
}

fn bank() -> &'static Bank {
    &content().innovation
}

/// An assessment answering every question at `level`, started at `date`.
fn assessed(id: &str, date: &str, level: impl Fn(&str) -> u8) -> Assessment {
    let mut a = Assessment::new(id.into(), id.into(), bank(), Lang::DEFAULT, &format!("{date}T09:00:00.000Z"));
    for field in bank().profile() {
        a.profile.insert(field.id.clone(), field.options[0].id.clone());
    }
    for item in bank().items() {
        a.set_answer(item, Answer::Level(level(&item.id)), "t");
    }
    a
}

/// METHOD.md §Progress, worked example: "Link to business strategy" rests on STR-03
/// (weight 1.5) and STR-04 (weight 1): one answer moving one level moves it by at most
/// 25 × 1.5 / 2.5 = 15 points. A change of 15 is within one answer; 30 is real.
#[test]
fn one_answer_step_by_hand() {
    assert_eq!(one_answer_step(bank(), "strategy.alignment"), 15.0);
    let first = assessed("a", "2026-03-01", |_| 2);
    let one_more = assessed("b", "2027-03-01", |id| if id == "STR-03" { 3 } else { 2 });
    let both_more = assessed("c", "2027-03-01", |id| if id == "STR-03" || id == "STR-04" { 3 } else { 2 });
    let value = |a: &Assessment| a.scores(bank()).value("strategy.alignment");
    assert_eq!(change(bank(), "strategy.alignment", (&first, value(&first)), (&one_more, value(&one_more))), Change::WithinOneAnswer(15.0));
    assert_eq!(change(bank(), "strategy.alignment", (&first, value(&first)), (&both_more, value(&both_more))), Change::Real(25.0));
}

#[test]
fn next_years_assessment_keeps_the_profile_and_offers_the_answers() {
    let mut last = assessed("y1", "2026-03-01", |_| 3);
    last.importance.insert("strategy".into(), faro::assessment::plan::Importance::High);
    let fresh = last.next_year("y2".into(), "2027".into(), bank(), "2027-03-01T09:00:00.000Z", false);
    assert_eq!((fresh.series_id(), fresh.profile.clone(), fresh.answers.len()), ("y1", last.profile.clone(), 0));
    assert_eq!(fresh.importance, last.importance);
    let mut carried = last.next_year("y2".into(), "2027".into(), bank(), "2027-03-01T09:00:00.000Z", true);
    assert_eq!(carried.carried(bank()).len(), bank().items().len());
    // Confirming or answering again makes an answer this year's.
    carried.confirm_answer("STR-01", "2027-03-02T09:00:00.000Z");
    carried.set_answer(bank().item("STR-02").unwrap(), Answer::Level(4), "2027-03-02T09:00:00.000Z");
    assert_eq!(carried.carried(bank()).len(), bank().items().len() - 2);
    assert_eq!(carried.answer_of("STR-01"), Some(&Answer::Level(3)));
    // A third year continues the first one's series.
    let third = carried.next_year("y3".into(), "2028".into(), bank(), "2028-03-01T09:00:00.000Z", false);
    assert_eq!(third.series_id(), "y1");
}

#[test]
fn progress_over_three_years() {
    let y1 = assessed("y1", "2025-03-01", |_| 2);
    let mut y2 = y1.next_year("y2".into(), "2026".into(), bank(), "2026-03-01T09:00:00.000Z", false);
    let mut y3 = y2.next_year("y3".into(), "2027".into(), bank(), "2027-03-01T09:00:00.000Z", false);
    for item in bank().items() {
        y2.set_answer(item, Answer::Level(if item.id.starts_with("STR") { 4 } else { 2 }), "t");
        y3.set_answer(item, Answer::Level(if item.id.starts_with("STR") { 4 } else { 3 }), "t");
    }
    let other = assessed("other", "2026-06-01", |_| 5);
    let all = [y3.clone(), other, y1.clone(), y2.clone()];
    let series = series_of(&all, &y2);
    assert_eq!(series.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["y1", "y2", "y3"]);
    let rows = progress(bank(), &series);
    let row = |m: &str| rows.iter().find(|r| r.metric == m).unwrap();
    assert_eq!(row("strategy").scores, vec![Some(25.0), Some(75.0), Some(75.0)]);
    assert_eq!(row("strategy").changes, vec![Change::Real(50.0), Change::WithinOneAnswer(0.0)]);
    assert_eq!(row("lifecycle").changes, vec![Change::WithinOneAnswer(0.0), Change::Real(25.0)]);
}

/// An assessment answered under questionnaire 1.x compares with a 2.x one only on scores
/// whose questions did not change: "Leadership" (ORG-01, ORG-02) does, "Vision" (all
/// three rewritten) and the overall index do not.
#[test]
fn a_questionnaire_change_makes_scores_not_comparable() {
    let mut old = assessed("y1", "2026-03-01", |_| 2);
    old.answered_with = Some("1.0.0".into());
    let new = old.next_year("y2".into(), "2027".into(), bank(), "2027-03-01T09:00:00.000Z", true);
    let rows = progress(bank(), &[&old, &new]);
    let change_of = |m: &str| rows.iter().find(|r| r.metric == m).unwrap().changes[0];
    assert_eq!(change_of("organisation.leadership"), Change::WithinOneAnswer(0.0));
    assert_eq!(change_of("enablers.funding"), Change::WithinOneAnswer(0.0));
    assert_eq!(change_of("strategy.vision"), Change::NotComparable);
    assert_eq!(change_of("overall"), Change::NotComparable);
    // Both under 2.x: everything compares.
    let newer = new.next_year("y3".into(), "2028".into(), bank(), "2028-03-01T09:00:00.000Z", true);
    assert!(progress(bank(), &[&new, &newer]).iter().all(|r| r.changes[0] != Change::NotComparable));
}

/// Last year's plan followed up: a finished action is not proposed again; one set aside
/// is, and says so.
#[test]
fn the_new_proposal_knows_what_was_done() {
    let library = content().bundled_library().unwrap();
    let a = assessed("y1", "2026-03-01", |id| if id.starts_with("LCY") { 1 } else { 3 });
    let scores = a.scores(bank());
    let first = propose(bank(), &library, &scores, Basis::default(), Lang::DEFAULT, "t");
    assert!(first.items.len() >= 2);
    let (done, set_aside) = (first.items[0].id.clone(), first.items[1].id.clone());
    let mut last_year: Plan = first.clone();
    last_year.items[0].status = Status::Done;
    last_year.items[0].kpi_actual = "12 interviews".into();
    last_year.items[1].status = Status::Abandoned;
    let again = propose(bank(), &library, &scores, Basis { previous: Some(&last_year), ..Basis::default() }, Lang::DEFAULT, "t");
    assert!(!again.items.iter().any(|i| i.id == done), "{done} was done last year");
    let offered = again.items.iter().find(|i| i.id == set_aside).expect("the set-aside action is offered again");
    assert!(offered.reason.as_ref().unwrap().set_aside_before);
    let report = faro::assessment::report::AssessmentReport {
        bank: bank(),
        assessment: &a,
        scores: &scores,
        comparison: None,
        benchmark: None,
        group_label: None,
        lang: Lang::DEFAULT,
    };
    assert!(report.why(offered).contains("messa da parte"), "{}", report.why(offered));
}
