//! The satisfaction survey: METHOD.md Part D's worked examples (means with confidence
//! intervals, NPS, quadrants, suppression, year over year), importing files from many
//! devices (dedupe, located CSV errors), and the exported files.

use faro::content::bank::Answer;
use faro::content::bank::Bank;
use faro::content::Content;
use faro::kernel::i18n::Lang;
use faro::kernel::problem::ProblemKind;
use faro::kernel::problem::Source;
use faro::survey::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn bank() -> &'static Bank {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    &CONTENT.get_or_init(|| Content::bundled().unwrap()).satisfaction
}

/// A submitted response: member type, and answers given as (item id, answer).
fn response(id: &str, member: &str, answers: &[(&str, Answer)]) -> Response {
    let mut r = Response::new(id.into(), bank(), Lang::DEFAULT, None, "2027-01-10T09:00:00.000Z");
    r.submitted_at = Some("2027-01-10T09:20:00.000Z".into());
    r.profile.insert("member_type".into(), member.into());
    r.profile.insert("competence_area".into(), "smart_energy".into());
    r.profile.insert("membership_years".into(), "y3_5".into());
    for (item, a) in answers {
        r.answers.insert((*item).into(), a.clone());
    }
    r
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() < tol
}

/// METHOD.md §D2: 5, 4, 4, 3, 5, 4 → mean 4.17, 95 % CI ± 0.79; 4, 5, 5, 5, 5 →
/// 4.8 ± 0.56, clamped to 4.24–5; six 5s → no interval.
#[test]
fn mean_with_confidence_interval() {
    let r = Rating::from_counts([0, 0, 1, 3, 2]);
    assert_eq!(r.n, Some(6));
    assert!(close(r.mean.unwrap(), 25.0 / 6.0, 1e-12));
    assert!(close(r.sd.unwrap(), 0.7528, 1e-4));
    assert!(close(r.ci.unwrap(), 0.7900, 1e-4), "{:?}", r.ci);
    let high = Rating::from_counts([0, 0, 0, 1, 4]);
    assert!(close(high.ci.unwrap(), 0.5553, 1e-4), "{:?}", high.ci);
    let (low, top) = high.interval().unwrap();
    assert!(close(low, 4.2447, 1e-4) && top == 5.0, "{low} {top}");
    let same = Rating::from_counts([0, 0, 0, 0, 6]);
    assert_eq!((same.mean, same.ci, same.interval()), (Some(5.0), None, None));
}

/// METHOD.md §D3: 10, 9, 9, 8, 7, 6, 3, 10, 9, 5 → 5 promoters, 2 passives, 3 detractors, NPS +20.
#[test]
fn net_promoter_score() {
    let mut counts = [0usize; 11];
    for v in [10, 9, 9, 8, 7, 6, 3, 10, 9, 5] {
        counts[v] += 1;
    }
    let nps = Nps::from_counts(&counts);
    assert_eq!((nps.n, nps.promoters, nps.passives, nps.detractors), (Some(10), Some(5), Some(2), Some(3)));
    assert!(close(nps.score.unwrap(), 20.0, 1e-12));
    // ± 1.96 · 100 · √((0.5 + 0.3 − 0.2²) / 10) = ± 54.03
    let (low, high) = nps.interval().unwrap();
    assert!(close(low, -34.03, 0.01) && close(high, 74.03, 0.01), "{low} {high}");
}

/// METHOD.md §D1: 12 responses, 9 from main contacts, 30 member organisations → 30 %.
#[test]
fn response_rate_counts_organisations() {
    let all: Vec<Response> = (0..12)
        .map(|i| {
            let mut r = response(&format!("o{i}"), "company_small", &[]);
            r.profile.insert("org_contact".into(), if i < 9 { "yes" } else { "no" }.into());
            r
        })
        .collect();
    let organisations = responding_organisations(bank(), &all);
    assert_eq!(organisations, Some(9));
    assert_eq!(response_rate(9, Some(30)), Some(30.0));
    assert_eq!(aggregate(bank(), &Dataset::from_responses(bank(), &all)).organisations, Some(9));
    // Four organisations are too few to show.
    assert_eq!(responding_organisations(bank(), &all[5..]), None);
}

/// METHOD.md §D4: services on the same point, as shown, are listed together.
#[test]
fn services_on_one_point_are_listed() {
    let mut all = Vec::new();
    for i in 0..6 {
        let mut answers = Vec::new();
        for service in ["b2b_networking", "funding_desk", "een_partner_search"] {
            let used = format!("svc.{service}.used");
            let satisfaction = format!("svc.{service}.satisfaction");
            let importance = format!("svc.{service}.importance");
            let sat = if service == "een_partner_search" { 2 } else { 4 };
            answers.push((used, Answer::Choice("yes".into())));
            answers.push((satisfaction, Answer::Rating(sat)));
            answers.push((importance, Answer::Rating(if i % 2 == 0 { 3 } else { 4 })));
        }
        let borrowed: Vec<(&str, Answer)> = answers.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        all.push(response(&format!("p{i}"), "company_small", &borrowed));
    }
    let dash = aggregate(bank(), &Dataset::from_responses(bank(), &all));
    let index = |id: &str| dash.services.iter().position(|s| s.service == id).unwrap();
    assert_eq!(shared_points(&dash.services), vec![vec![index("b2b_networking"), index("funding_desk")]]);
}

/// METHOD.md §D4: lines at the means (3.5, 3.75).
#[test]
fn importance_satisfaction_quadrants() {
    assert_eq!(quadrant(4.5, 3.0, 3.5, 3.75), Quadrant::ConcentrateHere);
    assert_eq!(quadrant(4.0, 4.5, 3.5, 3.75), Quadrant::KeepUpTheGoodWork);
    assert_eq!(quadrant(2.5, 3.5, 3.5, 3.75), Quadrant::LowPriority);
    assert_eq!(quadrant(3.0, 4.0, 3.5, 3.75), Quadrant::PossibleOverkill);
    // METHOD.md D4: a point on a line is "high", even when the line's mean comes out
    // a hair above it in binary (4.2 × 23 / 23 = 4.200000000000002).
    let line = (0..23).map(|_| 4.2).sum::<f64>() / 23.0;
    assert!(line > 4.2);
    assert_eq!(quadrant(4.2, 4.2, line, line), Quadrant::KeepUpTheGoodWork);
}

/// METHOD.md §D5: fewer than 5 respondents → nothing shown.
#[test]
fn small_cells_are_suppressed_everywhere() {
    assert!(Rating::from_counts([0, 1, 1, 1, 1]).mean.is_none());
    assert!(Rating::from_counts([0, 1, 1, 1, 1]).counts.is_none());
    let mut few = [0usize; 11];
    few[9] = 4;
    assert!(Nps::from_counts(&few).score.is_none());
    // Nothing about them, not even how many: a suppressed figure carries no count.
    assert_eq!((Nps::from_counts(&few).n, Nps::from_counts(&few).promoters), (None, None));
    assert_eq!(Rating::from_counts([0, 1, 1, 1, 1]).n, None);

    // 6 companies and 4 start-ups: the start-up column of the breakdown is hidden, and
    // so is the companies' (the total minus the companies would give the start-ups away).
    let mut all = Vec::new();
    for i in 0..6 {
        all.push(response(
            &format!("c{i}"),
            "company_small",
            &[
                ("overall_satisfaction", Answer::Rating(4)),
                ("svc.b2b_networking.used", Answer::YesNo(true)),
                ("svc.b2b_networking.satisfaction", Answer::Rating(5)),
            ],
        ));
    }
    for i in 0..4 {
        all.push(response(&format!("s{i}"), "startup", &[("overall_satisfaction", Answer::Rating(2)), ("works_best", Answer::Text("x".into()))]));
    }
    let dash = aggregate(bank(), &Dataset::from_responses(bank(), &all));
    assert_eq!(dash.n, 10);
    let by_type = dash.breakdowns.iter().find(|b| b.field == "member_type").unwrap();
    let small = by_type.cells.iter().find(|c| c.option == "company_small").unwrap();
    assert!(!small.shown() && small.overall.is_none() && small.n.is_none());
    let startups = by_type.cells.iter().find(|c| c.option == "startup").unwrap();
    assert!(!startups.shown() && startups.overall.is_none() && startups.n.is_none());
    // The start-ups' comment says nothing of who wrote it.
    assert!(dash.comments.iter().all(|c| c.member_type.is_none()));
    // b2b: 6 users → shown; a service nobody used → no figures.
    let b2b = dash.services.iter().find(|s| s.service == "b2b_networking").unwrap();
    assert_eq!(b2b.satisfaction.mean, Some(5.0));
    assert!(dash.services.iter().find(|s| s.service == "press_relations").unwrap().satisfaction.mean.is_none());
}

#[test]
fn dashboard_on_a_hand_computed_fixture() {
    // 10 respondents; 5 used B2B with satisfaction 5,4,4,3,4 (mean 4.0); importance 5 for all.
    let mut all = Vec::new();
    for (i, nps) in [10u8, 9, 9, 8, 7, 6, 3, 10, 9, 5].into_iter().enumerate() {
        let mut answers = vec![("nps", Answer::Nps(nps)), ("svc.b2b_networking.importance", Answer::Rating(5))];
        if i < 5 {
            answers.push(("svc.b2b_networking.used", Answer::YesNo(true)));
            answers.push(("svc.b2b_networking.satisfaction", Answer::Rating([5, 4, 4, 3, 4][i])));
        } else {
            answers.push(("svc.b2b_networking.used", Answer::YesNo(false)));
        }
        all.push(response(&format!("r{i}"), "company_large", &answers));
    }
    let dash = aggregate(bank(), &Dataset::from_responses(bank(), &all));
    let b2b = dash.services.iter().find(|s| s.service == "b2b_networking").unwrap();
    assert_eq!((b2b.asked, b2b.used, b2b.unaware), (Some(10), Some(5), Some(0)));
    assert_eq!(b2b.awareness, Some(100.0));
    assert_eq!(b2b.usage, Some(50.0));
    assert_eq!(b2b.satisfaction.counts, Some([0, 0, 1, 3, 1]));
    assert_eq!(b2b.satisfaction.mean, Some(4.0));
    assert_eq!(b2b.importance.mean, Some(5.0));
    assert_eq!(dash.nps.as_ref().unwrap().score, Some(20.0));
    // Only one service is plotted: the lines pass through it ("keep up the good work").
    assert_eq!(dash.lines, Some((5.0, 4.0)));
    assert_eq!(b2b.quadrant, Some(Quadrant::KeepUpTheGoodWork));
}

/// METHOD.md §D6: a change is marked when Welch's test rejects "no change" at 95 %.
#[test]
fn year_over_year_marks_real_changes_only() {
    let this = Rating::from_counts([0, 0, 0, 10, 10]);
    let last = Rating::from_counts([0, 0, 10, 10, 0]);
    let c = change(&this, &last);
    assert_eq!(c.change, Some(1.0));
    assert!(c.significant);
    let similar = Rating::from_counts([0, 0, 0, 11, 9]);
    let c = change(&this, &similar);
    assert!(close(c.change.unwrap(), 0.05, 1e-9));
    assert!(!c.significant);
    assert!(!change(&this, &Rating::from_counts([0, 0, 1, 1, 0])).significant, "suppressed last year: no marker");
}

#[test]
fn files_from_many_devices_merge_without_duplicates() {
    let a: Vec<Response> = (0..3).map(|i| response(&format!("a{i}"), "research", &[("overall_satisfaction", Answer::Rating(4))])).collect();
    let b: Vec<Response> = vec![a[2].clone(), response("b0", "association", &[("nps", Answer::Nps(9))])];
    let file_a = responses_json(bank(), &a, "now");
    let file_b = faro::survey::report::RawResponses { bank: bank(), responses: &b, link_text: true, lang: Lang::DEFAULT }.csv();
    let mut known = BTreeSet::new();
    let ra = import_responses("device-a.json", file_a.as_bytes(), bank(), &mut known);
    assert_eq!(ra.accepted.len(), 3);
    assert!(ra.rejected.is_empty() && ra.duplicates.is_empty());
    assert_eq!(ra.accepted, a, "JSON round trip is exact");
    let rb = import_responses("device-b.csv", file_b.as_bytes(), bank(), &mut known);
    assert_eq!(rb.accepted.len(), 1);
    assert_eq!(rb.duplicates, ["a2"]);
    assert!(rb.rejected.is_empty(), "{:?}", rb.rejected);
    // Importing the same file again changes nothing.
    let again = import_responses("device-a.json", file_a.as_bytes(), bank(), &mut known);
    assert_eq!(again.accepted.len(), 0);
    assert_eq!(again.duplicates.len(), 3);
}

#[test]
fn csv_errors_name_line_and_column() {
    let header = "response_id,submitted_at,lang,member_type,overall_satisfaction,nps,mystery";
    let text = format!("{header}\nok1,2027-01-01,it,research,4,9,\nbad1,2027-01-01,it,research,7,9,\nbad2,2027-01-01,it,alien,4,9,\nbad3,2027-01-01,it\n");
    let mut known = BTreeSet::new();
    let r = import_responses("legacy.csv", text.as_bytes(), bank(), &mut known);
    assert_eq!(r.accepted.len(), 1);
    assert_eq!(r.rejected.len(), 3);
    let p = &r.rejected[0];
    assert_eq!((p.line, p.field.as_deref(), p.record.as_deref()), (Some(3), Some("overall_satisfaction"), Some("bad1")));
    assert!(matches!(p.kind, ProblemKind::InvalidValue { .. }));
    assert_eq!((r.rejected[1].line, r.rejected[1].field.as_deref()), (Some(4), Some("member_type")));
    assert_eq!(r.rejected[2].line, Some(5));
    assert_eq!(r.warnings.len(), 1, "the unknown column is reported");
    assert_eq!(r.warnings[0].field.as_deref(), Some("mystery"));
    let r = import_responses("x.csv", b"name,age\nx,1\n", bank(), &mut known);
    assert_eq!(r.rejected[0].line, Some(1));
}

#[test]
fn hidden_answers_are_not_counted() {
    // Satisfaction given for a service marked "not used" (a hand-edited CSV): dropped.
    let text = "response_id;submitted_at;lang;svc.b2b_networking.used;svc.b2b_networking.satisfaction\nh1;2027-01-01;it;no;5\n";
    let mut known = BTreeSet::new();
    let r = import_responses("hidden.csv", text.as_bytes(), bank(), &mut known);
    assert_eq!(r.accepted.len(), 1);
    assert!(!r.accepted[0].answers.contains_key("svc.b2b_networking.satisfaction"));
}

#[test]
fn exports_neutralise_formulas_and_keep_text_as_text() {
    let nasty = "=HYPERLINK(\"http://x\")";
    let r = response("x1", "supporter", &[("works_best", Answer::Text(nasty.into())), ("improve", Answer::Text("<img src=x onerror=alert(1)>".into()))]);
    let csv_text = faro::survey::report::RawResponses { bank: bank(), responses: std::slice::from_ref(&r), link_text: true, lang: Lang::DEFAULT }.csv();
    assert!(csv_text.contains("'=HYPERLINK"));
    let mut known = BTreeSet::new();
    let back = import_responses("x.csv", csv_text.as_bytes(), bank(), &mut known);
    assert_eq!(back.accepted[0].answers.get("works_best"), Some(&Answer::Text(nasty.into())), "the neutralising quote is taken off on import");
    assert_eq!(back.accepted[0].answers.get("improve"), r.answers.get("improve"));
}

#[test]
fn results_files_feed_next_years_comparison() {
    let data = synthetic_dataset(bank(), 200, 7);
    let dash = aggregate(bank(), &data);
    let json = results_json(bank(), &dash, &[], "now");
    let back = last_year("2026-results.json", json.as_bytes(), bank()).unwrap();
    assert_eq!(back, dash);
    let err = last_year("junk.json", b"{\"format\":\"faro-benchmark\",\"schema\":1}", bank()).unwrap_err();
    assert!(!err.is_empty());
}

#[test]
fn synthetic_data_is_deterministic_and_aggregates_quickly() {
    let a = synthetic_dataset(bank(), 1000, 42);
    assert_eq!(a, synthetic_dataset(bank(), 1000, 42));
    let dash = aggregate(bank(), &a);
    assert_eq!(dash.n, 1000);
    assert!(dash.nps.unwrap().score.is_some());
}

#[test]
fn reading_into_a_dataset_equals_reading_records() {
    let responses = synthetic_responses(bank(), 300, 9);
    for text in [
        responses_json(bank(), &responses, "now"),
        faro::survey::report::RawResponses { bank: bank(), responses: &responses, link_text: true, lang: Lang::DEFAULT }.csv(),
    ] {
        let mut known = BTreeSet::new();
        let records = import_responses("f", text.as_bytes(), bank(), &mut known);
        let mut known = BTreeSet::new();
        let (data, report) = import_dataset("f", text.as_bytes(), bank(), &mut known);
        assert_eq!(report.accepted_count, 300);
        assert!(report.accepted.is_empty() && report.rejected.is_empty());
        assert_eq!(data, Dataset::from_responses(bank(), &records.accepted));
        let mut twice = data.clone();
        twice.append(&data);
        assert_eq!(aggregate(bank(), &twice).n, 600);
    }
}

#[test]
fn a_dataset_written_as_csv_reads_back_identical() {
    let data = synthetic_dataset(bank(), 500, 4);
    let csv = dataset_csv(bank(), &data);
    let mut known = BTreeSet::new();
    let (back, report) = import_dataset("syn.csv", csv.as_bytes(), bank(), &mut known);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
    assert_eq!(back, data);
}

/// Staff may rename questions and profile fields: breakdowns follow the field's role and
/// each service's questions, whatever their ids.
#[test]
fn breakdowns_follow_roles_and_services_not_ids() {
    let content = Content::bundled().unwrap();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/questions/satisfaction.toml")).unwrap();
    let renamed = text.replace("id = \"member_type\"", "id = \"tipo_socio\"").replace("id = \"svc.b2b_networking\"", "id = \"rete_b2b\"");
    assert_ne!(renamed, text, "the fixture's ids are still in the bank");
    let bank = Bank::from_toml(Source { name: "satisfaction.toml", text: &renamed }, Some(&content.catalogue)).unwrap();
    assert!(bank.item("rete_b2b.satisfaction").is_some());

    let dashboard = aggregate(&bank, &synthetic_dataset(&bank, 400, 7));
    let service = dashboard.services.iter().position(|s| s.service == "b2b_networking").unwrap();
    assert!(dashboard.services[service].satisfaction.mean.is_some());
    let by_type = dashboard.breakdown("member_type").expect("a breakdown by member type");
    assert_eq!(by_type.field, "tipo_socio");
    let shown: Vec<_> = by_type.cells.iter().filter(|c| c.shown()).collect();
    assert!(!shown.is_empty());
    assert!(shown.iter().any(|c| c.services[service].is_some()), "per-service means in the breakdown");

    let report = faro::survey::report::SurveyReport {
        bank: &bank,
        catalogue: &content.catalogue,
        dashboard: &dashboard,
        last_year: None,
        settings: &Default::default(),
        lang: Lang::DEFAULT,
    };
    assert!(report.breakdown_table("member_type", faro::kernel::i18n::Msg::SurveySheetByType).is_some());
    assert!(report.breakdown_table("competence_area", faro::kernel::i18n::Msg::SurveySheetByArea).is_some());
}

/// The end-to-end tests import this sample of 400 synthetic responses as staff would
/// import a file; it must match the questionnaire of today
/// (`FARO_WRITE_FIXTURES=1 cargo test --test survey` rewrites it after a change).
#[test]
fn the_end_to_end_sample_matches_the_questionnaire() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/data/responses-400.csv");
    let fresh = faro::survey::dataset_csv(bank(), &faro::survey::synthetic_dataset(bank(), 400, 7));
    if std::env::var_os("FARO_WRITE_FIXTURES").is_some() {
        std::fs::write(path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == fresh, "tests/e2e/data/responses-400.csv is out of date: run FARO_WRITE_FIXTURES=1 cargo test --test survey");
    let report = faro::survey::import_responses("responses-400.csv", committed.as_bytes(), bank(), &mut Default::default());
    assert_eq!((report.accepted_count, report.rejected.len()), (400, 0));
}
