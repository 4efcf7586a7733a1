//! The survey over the years and the evidence pack (METHOD.md D7–D8): the trend of
//! three years, "you said, we did" carried by the results file into the next year, and
//! the pack's contents.

use faro::content::bank::{Answer, Bank};
use faro::content::Content;
use faro::kernel::i18n::Lang;
use faro::survey::commitments::Commitment;
use faro::survey::evidence::{Collection, EvidencePack};
use faro::survey::report::SurveyReport;
use faro::survey::trend::trend;
use faro::survey::{aggregate, earlier_year, results_json, Dataset, Measure, Response, SurveySettings};
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::bundled().unwrap())
}

fn bank() -> &'static Bank {
    &content().satisfaction
}

/// `n` responses rating everything `level` (the B2B service used and rated too), sent
/// in `year`; every third on a kiosk.
fn year_of(year: u32, n: usize, level: u8) -> Vec<Response> {
    (0..n)
        .map(|i| {
            let mut r = Response::new(format!("r{year}-{i}"), bank(), Lang::DEFAULT, (i % 3 == 0).then(|| "assembly".to_owned()), "t");
            r.submitted_at = Some(format!("{year}-0{}-1{}T10:00:00.000Z", 2 + i % 2, i % 9));
            for (field, option) in [("member_type", "company_small"), ("competence_area", "smart_energy"), ("membership_years", "y3_5"), ("org_contact", "yes")]
            {
                r.profile.insert(field.into(), option.into());
            }
            let rating = Answer::Rating(if i % 2 == 0 { level } else { level.saturating_sub(1).max(1) });
            r.answers.insert("overall_satisfaction".into(), rating.clone());
            r.answers.insert("svc.b2b_networking.used".into(), Answer::Choice("yes".into()));
            r.answers.insert("svc.b2b_networking.satisfaction".into(), rating);
            r.answers.insert("nps".into(), Answer::Nps(if i % 2 == 0 { 9 } else { 6 }));
            r
        })
        .collect()
}

fn dashboard_of(responses: &[Response]) -> faro::survey::Dashboard {
    aggregate(bank(), &Dataset::from_responses(bank(), responses))
}

#[test]
fn three_years_of_results_make_a_trend_and_carry_the_commitments() {
    let y1 = dashboard_of(&year_of(2025, 10, 3));
    let y2 = dashboard_of(&year_of(2026, 12, 4));
    let now = dashboard_of(&year_of(2027, 14, 5));
    let promise = Commitment::new("b2b_networking", "Più incontri B2B fuori Milano", "Ufficio soci", "2026-09-30").unwrap();
    assert!(Commitment::new("b2b_networking", "   ", "x", "").is_none(), "a commitment needs a text");
    // Each year's results file, read back as an earlier year: label and commitments kept.
    let file = |d: &faro::survey::Dashboard, c: &[Commitment]| results_json(bank(), d, c, "now").into_bytes();
    let earlier =
        [earlier_year("2025.json", &file(&y1, &[]), bank()).unwrap(), earlier_year("2026.json", &file(&y2, std::slice::from_ref(&promise)), bank()).unwrap()];
    assert_eq!(earlier[1].commitments, vec![promise.clone()]);
    let refs: Vec<_> = earlier.iter().collect();
    let rows = trend(&refs, &now);
    let overall = rows.iter().find(|r| r.measure == Measure::Overall).unwrap();
    let means: Vec<f64> = overall.points.iter().map(|p| p.unwrap().value).collect();
    assert_eq!(means, vec![2.5, 3.5, 4.5]);
    assert!(overall.points.iter().all(|p| p.unwrap().interval.is_some()));
    let b2b = rows.iter().find(|r| r.measure == Measure::Service("b2b_networking".into())).unwrap();
    assert_eq!(b2b.points.len(), 3);
    // The evidence pack: method, trend, the commitment beside this year's result.
    let all = year_of(2027, 14, 5);
    let settings = SurveySettings { members: Some(40), members_by_class: BTreeMap::new(), ..SurveySettings::default() };
    let report = SurveyReport {
        bank: bank(),
        catalogue: &content().catalogue,
        dashboard: &now,
        last_year: Some(&earlier[1].dashboard),
        settings: &settings,
        lang: Lang::DEFAULT,
    };
    let collection = Collection::of(&all, 0);
    assert_eq!((collection.kiosk, collection.online, collection.first.as_str(), collection.last.as_str()), (5, 9, "2027-02-10", "2027-03-17"));
    let pack = EvidencePack { report: &report, earlier: &refs, commitments: &[], collection: &collection };
    let method = pack.method_rows();
    let value = |what: &str| method.iter().find(|(k, _)| k.starts_with(what)).map(|(_, v)| v.clone()).unwrap();
    assert_eq!(value("Risposte"), "14");
    assert_eq!(value("Tasso di risposta"), "35,0%", "14 organisations of 40 members");
    assert!(value("Modalità").contains("9 online") && value("Modalità").contains("5 in presenza"));
    assert!(value("Riservatezza").contains("meno di 5"));
    let book = pack.workbook();
    let names: Vec<&str> = book.sheets.iter().map(|t| t.name.as_str()).collect();
    for expected in ["Metodo", "Andamento negli anni", "Ci avete detto, abbiamo fatto", "Servizi"] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let said = book.sheets.iter().find(|t| t.name == "Ci avete detto, abbiamo fatto").unwrap();
    let row: Vec<String> = said.rows[0].iter().map(|c| c.display(Lang::DEFAULT)).collect();
    assert_eq!(row[2], "Più incontri B2B fuori Milano");
    assert_eq!(row[5], "3,50 → 4,50");
    let json = pack.json("now");
    assert!(json.contains("\"format\": \"faro-evidence\"") && json.contains("Andamento negli anni"));
}
