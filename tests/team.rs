//! A workshop assessment (METHOD.md §Team assessment): the agreement index on a worked
//! example, flags, the consensus recorded with the raters' answers kept, and exports that
//! hold no rater's answers unless the raw team file is asked for.

use faro::assessment::files::{assessment_json, rater_file, rater_json, team_json};
use faro::assessment::record::{Assessment, Given};
use faro::assessment::team::{item_agreement, proposed, Team, AD_THRESHOLD};
use faro::content::bank::{Answer, Bank};
use faro::content::Content;
use faro::kernel::i18n::Lang;
use std::sync::OnceLock;

fn bank() -> &'static Bank {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    &CONTENT.get_or_init(|| Content::bundled().unwrap()).innovation
}

fn team_of(levels: &[&[Option<u8>]]) -> Team {
    let mut team = Team::default();
    for (k, answers) in levels.iter().enumerate() {
        let id = team.add_rater(&format!("R{k}"));
        let rater = team.rater_mut(&id).unwrap();
        for (q, level) in answers.iter().enumerate() {
            let value = match level {
                Some(l) => Answer::Level(*l),
                None => Answer::DontKnow,
            };
            rater.answers.insert(bank().items()[q].id.clone(), Given { value, at: "t".into(), carried: false });
        }
    }
    team
}

/// METHOD.md §Team assessment, worked example. Four raters answer 2, 3, 3, 5: mean
/// 3.25, deviations 1.25, 0.25, 0.25, 1.75, AD = 3.5 / 4 = 0.875 > 5/6: flagged; median 3,
/// range 2–5. Three raters answer 3, 3, 4 and one "don't know": AD = 1.333 / 3 = 0.444:
/// agreed, median 3, proposed 3.
#[test]
fn agreement_by_hand() {
    let team = team_of(&[&[Some(2), Some(3)], &[Some(3), Some(3)], &[Some(3), Some(4)], &[Some(5), None]]);
    let q1 = item_agreement(&team.raters, &bank().items()[0].id);
    assert_eq!((q1.n, q1.counts, q1.median, q1.range), (4, [0, 1, 2, 0, 1, 0], Some(3.0), Some((2, 5))));
    assert!((q1.ad.unwrap() - 0.875).abs() < 1e-12 && q1.flagged && (AD_THRESHOLD - 5.0 / 6.0).abs() < 1e-12);
    let q2 = item_agreement(&team.raters, &bank().items()[1].id);
    assert_eq!((q2.n, q2.counts[5]), (3, 1));
    assert!((q2.ad.unwrap() - 4.0 / 9.0).abs() < 1e-12 && !q2.flagged);
    assert_eq!(proposed(&q2), Answer::Level(3));
    // An even number of raters between two levels: the median's half is rounded down.
    let even = team_of(&[&[Some(2)], &[Some(3)]]);
    assert_eq!(proposed(&item_agreement(&even.raters, &bank().items()[0].id)), Answer::Level(2));
    // One rater: no agreement index, nothing flagged.
    let one = team_of(&[&[Some(1)]]);
    let alone = item_agreement(&one.raters, &bank().items()[0].id);
    assert!(alone.ad.is_none() && !alone.flagged);
}

#[test]
fn consensus_is_what_scores_and_the_raters_answers_stay() {
    let all: Vec<Option<u8>> = (0..bank().items().len()).map(|q| Some(1 + (q % 5) as u8)).collect();
    let mut spread = all.clone();
    spread[0] = Some(5);
    let mut a = Assessment::new("t".into(), "Workshop".into(), bank(), Lang::DEFAULT, "t");
    a.team = Some(team_of(&[&all, &all, &spread]));
    let first = bank().items()[0].clone();
    let agreement = a.team.as_ref().unwrap().agreement(bank());
    assert_eq!(agreement.iter().filter(|x| x.flagged).count(), 1, "only the first question is disputed");
    // Agreed questions take their median; the disputed one waits for the group.
    let accepted = a.accept_agreed(bank(), "t1");
    assert_eq!(accepted, bank().items().len() - 1);
    assert!(a.answer_of(&first.id).is_none());
    assert!(a.record_consensus(&first, Answer::Level(2), "  Marketing thinks 5  ", "t2"));
    assert_eq!(a.answer_of(&first.id), Some(&Answer::Level(2)));
    let team = a.team.as_ref().unwrap();
    assert_eq!(team.consensus[&first.id].dissent, "Marketing thinks 5");
    assert_eq!(team.raters[2].answers[&first.id].value, Answer::Level(5), "the rater's own answer is kept");
    assert!(a.scores(bank()).overall.is_some());
    assert_eq!(team.rater_scores(bank()).len(), 3);
    let dims = team.dimensions(bank());
    assert_eq!(dims.iter().map(|d| d.flagged).sum::<usize>(), 1);
    // Exports: no rater's answers, unless the raw team file.
    let json = assessment_json(&a, "now");
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(parsed["assessment"]["team"]["raters"].as_array().unwrap().iter().all(|r| r["answers"].as_object().unwrap().is_empty()));
    assert_eq!(parsed["assessment"]["team"]["raters"].as_array().unwrap().len(), 3, "how many raters, and their labels, stay");
    let raw: serde_json::Value = serde_json::from_str(&team_json(&a, "now")).unwrap();
    assert_eq!(raw["assessment"]["team"]["raters"][2]["answers"][&first.id]["value"]["level"], 5);
}

#[test]
fn a_second_round_keeps_the_first() {
    let mut team = team_of(&[&[Some(1)], &[Some(5)]]);
    assert!(item_agreement(&team.raters, &bank().items()[0].id).flagged);
    team.open_second_round();
    team.raters[0].answers.insert(bank().items()[0].id.clone(), Given { value: Answer::Level(4), at: "t".into(), carried: false });
    assert_eq!(team.round, 2);
    assert_eq!(team.raters[0].first_round.as_ref().unwrap()[&bank().items()[0].id].value, Answer::Level(1));
    assert!(!item_agreement(&team.raters, &bank().items()[0].id).flagged, "4 and 5 agree");
}

/// A rater who answered on their own device brings a rater file: it merges into the
/// facilitator's workshop by rater id, newer answers win, and a bad file is refused
/// with where and why.
#[test]
fn rater_files_come_back_and_never_overwrite_newer_answers() {
    let q = &bank().items()[0].id;
    let mut own = Assessment::new("w1".into(), "Workshop".into(), bank(), Lang::DEFAULT, "t");
    own.team = Some(team_of(&[&[Some(2)]]));
    let json = rater_json(&own, "rater-1", "now").unwrap();
    let body = rater_file("r.json", json.as_bytes(), bank()).unwrap();
    assert_eq!((body.assessment_id.as_str(), body.rater.label.as_str()), ("w1", "R0"));

    // The facilitator's copy: the rater answered later here (time "u" > "t").
    let mut team = team_of(&[&[Some(4)]]);
    team.rater_mut("rater-1").unwrap().answers.get_mut(q).unwrap().at = "u".into();
    assert_eq!(team.merge_rater(body.rater.clone()), 0, "an older answer does not replace a newer one");
    assert_eq!(team.raters[0].answers[q].value, Answer::Level(4));
    let mut fresh = Team::default();
    assert_eq!(fresh.merge_rater(body.rater), 1, "an unknown rater is added");

    // A level outside the scale, an unknown question and a bad id: refused, located.
    let bad = json.replace("\"level\": 2", "\"level\": 9").replace("\"level\":2", "\"level\":9").replace("rater-1", "rater 1");
    let problems = rater_file("r.json", bad.as_bytes(), bank()).unwrap_err();
    assert!(problems.len() >= 2, "{problems:?}");
    assert!(problems.iter().all(|p| p.file == "r.json"));
    assert!(rater_file("r.json", b"{\"format\":\"faro-assessment\",\"schema\":1}", bank()).is_err());
}

/// What an unattended turn leaves when staff chose to discard it: only what the rater
/// answered since the turn began goes.
#[test]
fn a_discarded_turn_forgets_only_itself() {
    let mut team = team_of(&[&[Some(2), Some(3)]]);
    team.rater_mut("rater-1").unwrap().answers.values_mut().for_each(|g| g.at = "2027-01-01T09:00:00Z".into());
    let late = Given { value: Answer::Level(5), at: "2027-01-01T10:05:00Z".into(), carried: false };
    team.rater_mut("rater-1").unwrap().answers.insert(bank().items()[2].id.clone(), late);
    team.discard_since("rater-1", "2027-01-01T10:00:00Z");
    assert_eq!(team.raters[0].answers.len(), 2);
}
