//! Disclosure (METHOD.md §4 and D6): on crafted datasets — one member alone in a group,
//! two groups under five, a group of exactly five, breakdowns that nest — every figure
//! the dashboard and the exports publish is collected, and every way of adding and
//! subtracting them is tried. Nothing about fewer than five respondents (or companies)
//! may follow. The attacks are done here from scratch, independently of
//! `kernel::disclosure`:
//! 1. every combination of published sums with coefficients −1, 0, +1 (what someone with
//!    a spreadsheet would try), and
//! 2. every linear combination at all: for each set of 1–4 people, whether its
//!    indicator is in the span of the published sets (a rank test).

use faro::assessment::record::Assessment;
use faro::benchmark::{build, BenchmarkFile, BuildInfo};
use faro::content::bank::{Answer, Bank};
use faro::content::Content;
use faro::format::table::Cell;
use faro::kernel::i18n::{Lang, Localized};
use faro::survey::report::SurveyReport;
use faro::survey::{aggregate, results_json, Dashboard, Dataset, Response};
use serde_json::Value;
use std::sync::OnceLock;

fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::bundled().unwrap())
}

fn bank() -> &'static Bank {
    &content().satisfaction
}

/// One respondent: member type, Competence Area and a full set of answers that differ
/// from one respondent to the next (so a recovered sum would tell something).
fn respondent(i: usize, member: &str, area: &str) -> Response {
    let mut r = Response::new(format!("r{i:03}"), bank(), Lang::DEFAULT, None, "2027-01-10T09:00:00.000Z");
    r.submitted_at = Some("2027-01-10T09:20:00.000Z".into());
    r.profile.insert("member_type".into(), member.into());
    r.profile.insert("competence_area".into(), area.into());
    r.profile.insert("membership_years".into(), "y3_5".into());
    r.profile.insert("org_contact".into(), if i.is_multiple_of(3) { "no" } else { "yes" }.into());
    let rating = |k: usize| Answer::Rating(1 + ((i * 7 + k) % 5) as u8);
    r.answers.insert("overall_satisfaction".into(), rating(0));
    r.answers.insert("fee_value".into(), rating(1));
    r.answers.insert("nps".into(), Answer::Nps(((i * 3) % 11) as u8));
    r.answers.insert("svc.b2b_networking.used".into(), Answer::Choice("yes".into()));
    r.answers.insert("svc.b2b_networking.satisfaction".into(), rating(2));
    r.answers.insert("svc.b2b_networking.importance".into(), rating(3));
    r.answers.insert("works_best".into(), Answer::Text(format!("comment of {i}")));
    r
}

/// How many respondents of a member type in a Competence Area.
type Plan = Vec<(&'static str, &'static str, usize)>;

/// The crafted datasets, each with its name.
fn datasets() -> Vec<(&'static str, Plan)> {
    vec![
        ("one member in a group", vec![("company_small", "smart_energy", 6), ("startup", "smart_energy", 1)]),
        ("two groups under five", vec![("company_small", "smart_energy", 8), ("startup", "green_building", 3), ("research", "green_building", 2)]),
        ("a group of exactly five", vec![("company_large", "smart_energy", 9), ("startup", "water_energy_nexus", 5), ("research", "smart_energy", 1)]),
        (
            "breakdowns that nest",
            vec![("company_small", "smart_energy", 6), ("company_large", "smart_energy", 2), ("company_large", "green_building", 7), ("research", "none", 5)],
        ),
    ]
}

fn responses(plan: &[(&str, &str, usize)]) -> Vec<Response> {
    let mut all = Vec::new();
    for (member, area, n) in plan {
        for _ in 0..*n {
            let i = all.len();
            all.push(respondent(i, member, area));
        }
    }
    all
}

/// A published figure: the set of people it is about (0/1 per person).
type Set = Vec<f64>;

/// Every set of people a published survey figure is about, measure by measure, read from
/// the results JSON (what the dashboard shows and every export is made from).
fn published_survey_sets(all: &[Response], results: &Value) -> Vec<(String, Vec<Set>)> {
    let dashboard = &results["dashboard"];
    let answered = |r: &Response, item: &str| r.answers.contains_key(item);
    let in_cell = |r: &Response, field: &str, option: &str| r.profile.get(field).is_some_and(|v| v == option);
    let set = |keep: &dyn Fn(&Response) -> bool| -> Set { all.iter().map(|r| if keep(r) { 1.0 } else { 0.0 }).collect() };
    // (measure, item answered, JSON of the total's figure, the cell field holding it)
    let measures: [(&str, Option<&str>, &Value, &str); 5] = [
        ("respondents", None, &dashboard["n"], "n"),
        ("overall", Some("overall_satisfaction"), &dashboard["overall"]["mean"], "overall"),
        ("fee value", Some("fee_value"), &dashboard["fee_value"]["mean"], "fee_value"),
        ("nps", Some("nps"), &dashboard["nps"]["score"], "nps"),
        ("organisations", None, &dashboard["organisations"], "organisations"),
    ];
    let mut out = Vec::new();
    for (name, item, total, cell_key) in measures {
        let counted =
            |r: &Response| item.is_none_or(|i| answered(r, i)) && (name != "organisations" || r.profile.get("org_contact").is_some_and(|v| v == "yes"));
        let mut sets = Vec::new();
        if !total.is_null() {
            sets.push(set(&counted));
        }
        for b in dashboard["breakdowns"].as_array().unwrap() {
            let field = b["field"].as_str().unwrap();
            for c in b["cells"].as_array().unwrap() {
                if !c[cell_key].is_null() {
                    let option = c["option"].as_str().unwrap();
                    sets.push(set(&|r| counted(r) && in_cell(r, field, option)));
                }
            }
        }
        out.push((name.to_owned(), sets));
    }
    // Each service's satisfaction, by position.
    let services = dashboard["services"].as_array().unwrap();
    for (k, s) in services.iter().enumerate() {
        let item = format!("svc.{}.satisfaction", s["service"].as_str().unwrap());
        let counted = |r: &Response| answered(r, &item);
        let mut sets = Vec::new();
        if !s["satisfaction"]["mean"].is_null() {
            sets.push(set(&counted));
        }
        for b in dashboard["breakdowns"].as_array().unwrap() {
            let field = b["field"].as_str().unwrap();
            for c in b["cells"].as_array().unwrap() {
                if !c["services"][k].is_null() {
                    let option = c["option"].as_str().unwrap();
                    sets.push(set(&|r| counted(r) && in_cell(r, field, option)));
                }
            }
        }
        out.push((format!("service {k}"), sets));
    }
    out
}

/// Attack 1: every ±1 combination of the published sets.
fn spreadsheet_attack(sets: &[Set]) -> Option<Vec<i8>> {
    let k = sets.len();
    assert!(k <= 14, "too many sets to enumerate: {k}");
    for code in 1..3usize.pow(k as u32) {
        let coefficients: Vec<i8> = (0..k).map(|j| (code / 3usize.pow(j as u32) % 3) as i8 - 1).collect();
        let people = sets[0].len();
        let combined: Vec<f64> = (0..people).map(|p| sets.iter().zip(&coefficients).map(|(s, c)| s[p] * f64::from(*c)).sum()).collect();
        let binary = combined.iter().all(|v| *v == 0.0 || *v == 1.0);
        let count = combined.iter().filter(|v| **v == 1.0).count();
        if binary && (1..5).contains(&count) {
            return Some(coefficients);
        }
    }
    None
}

fn rank(rows: &[Set]) -> usize {
    let mut m: Vec<Vec<f64>> = rows.to_vec();
    let width = m.first().map_or(0, Vec::len);
    let mut rank = 0;
    for col in 0..width {
        let Some(p) = (rank..m.len()).find(|&r| m[r][col].abs() > 1e-9) else { continue };
        m.swap(rank, p);
        let pivot = m[rank].clone();
        for (_, row) in m.iter_mut().enumerate().filter(|(r, _)| *r != rank) {
            let f = row[col] / pivot[col];
            row.iter_mut().zip(&pivot).for_each(|(x, y)| *x -= f * y);
        }
        rank += 1;
    }
    rank
}

/// Attack 2: every set of 1–4 people (people the published sets cannot tell apart
/// taken together), tested for being a linear combination of the published sets.
fn algebra_attack(sets: &[Set]) -> Option<Vec<usize>> {
    if sets.is_empty() {
        return None;
    }
    let people = sets[0].len();
    // People with the same membership in every published set are indistinguishable.
    let signature = |p: usize| -> Vec<bool> { sets.iter().map(|s| s[p] > 0.5).collect() };
    let mut classes: Vec<(Vec<bool>, Vec<usize>)> = Vec::new();
    for p in 0..people {
        let sig = signature(p);
        match classes.iter_mut().find(|(s, _)| *s == sig) {
            Some((_, members)) => members.push(p),
            None => classes.push((sig, vec![p])),
        }
    }
    let base = rank(sets);
    let small: Vec<&Vec<usize>> = classes.iter().map(|(_, m)| m).filter(|m| m.len() < 5).collect();
    for mask in 1..(1u32 << small.len().min(16)) {
        let chosen: Vec<usize> = (0..small.len()).filter(|i| mask & (1 << i) != 0).flat_map(|i| small[i].iter().copied()).collect();
        if chosen.is_empty() || chosen.len() >= 5 {
            continue;
        }
        let target: Set = (0..people).map(|p| if chosen.contains(&p) { 1.0 } else { 0.0 }).collect();
        let mut with = sets.to_vec();
        with.push(target);
        if rank(&with) == base {
            return Some(chosen);
        }
    }
    None
}

/// The results JSON and every sheet of the assembly workbook hold nothing more than
/// the dashboard: a group not published has no count or figure anywhere, comments carry
/// a member type only for published groups, and no response is in the workbook.
fn check_exports(all: &[Response], dashboard: &Dashboard, results: &Value, name: &str) {
    for b in results["dashboard"]["breakdowns"].as_array().unwrap() {
        for c in b["cells"].as_array().unwrap() {
            if c["n"].is_null() {
                for key in ["organisations", "overall", "fee_value", "nps"] {
                    assert!(c[key].is_null(), "{name}: hidden cell {} has {key}", c["option"]);
                }
                assert!(c["services"].as_array().unwrap().iter().all(Value::is_null), "{name}: hidden cell {} has service means", c["option"]);
            }
        }
    }
    let published_types: Vec<&str> = dashboard.breakdown("member_type").unwrap().cells.iter().filter(|c| c.shown()).map(|c| c.option.as_str()).collect();
    for comment in results["dashboard"]["comments"].as_array().unwrap() {
        if let Some(t) = comment["member_type"].as_str() {
            assert!(published_types.contains(&t), "{name}: a comment names the unpublished group {t}");
        }
    }
    for rating in [&results["dashboard"]["overall"], &results["dashboard"]["fee_value"]] {
        if rating["mean"].is_null() {
            assert!(rating["n"].is_null() && rating["counts"].is_null(), "{name}: a suppressed rating carries a count");
        }
    }
    let nps = &results["dashboard"]["nps"];
    if nps["score"].is_null() {
        assert!(nps["n"].is_null() && nps["promoters"].is_null() && nps["detractors"].is_null(), "{name}: a suppressed NPS carries counts");
    }
    let settings = Default::default();
    let report = SurveyReport { bank: bank(), catalogue: &content().catalogue, dashboard, last_year: None, settings: &settings, lang: Lang::DEFAULT };
    let book = report.workbook();
    let every_text: Vec<String> =
        book.sheets.iter().flat_map(|t| t.rows.iter().flatten()).filter_map(|c| if let Cell::Text(t) = c { Some(t.clone()) } else { None }).collect();
    assert!(all.iter().all(|r| !every_text.contains(&r.id)), "{name}: a response id in the assembly workbook");
    // Breakdown sheets: a hidden group's row has no number at all.
    for (role, sheet) in [("member_type", 2), ("competence_area", 3)] {
        let b = dashboard.breakdown(role).unwrap();
        for (cell, row) in b.cells.iter().zip(&book.sheets[sheet].rows) {
            if !cell.shown() {
                assert!(row.iter().all(|c| !matches!(c, Cell::Number(_))), "{name}: hidden {} has numbers in the workbook", cell.option);
            }
        }
    }
}

#[test]
fn no_subtraction_of_survey_figures_recovers_fewer_than_five() {
    for (name, plan) in datasets() {
        let all = responses(&plan);
        let dashboard = aggregate(bank(), &Dataset::from_responses(bank(), &all));
        let results: Value = serde_json::from_str(&results_json(bank(), &dashboard, &[], "2027-01-11T00:00:00.000Z")).unwrap();
        check_exports(&all, &dashboard, &results, name);
        for (measure, sets) in published_survey_sets(&all, &results) {
            assert!(spreadsheet_attack(&sets).is_none(), "{name}, {measure}: a ±1 combination of published figures gives fewer than five");
            assert!(algebra_attack(&sets).is_none(), "{name}, {measure}: a combination of published figures gives fewer than five");
        }
    }
}

/// The attack itself works: on the figures as Faro published them before disclosure
/// control (every group of five or more, and the total), the first dataset gives the
/// start-up away.
#[test]
fn the_attack_finds_what_primary_suppression_alone_would_give_away() {
    let all = responses(&datasets()[0].1);
    let total: Set = vec![1.0; all.len()];
    let companies: Set = all.iter().map(|r| if r.profile["member_type"] == "company_small" { 1.0 } else { 0.0 }).collect();
    assert!(spreadsheet_attack(&[total.clone(), companies.clone()]).is_some());
    assert!(algebra_attack(&[total, companies]).is_some());
}

// --- Benchmarks -----------------------------------------------------------------------

fn company(i: usize, size: &str, sector: &str) -> Assessment {
    let innovation = &content().innovation;
    let mut a = Assessment::new(format!("c{i}"), format!("c{i}"), innovation, Lang::DEFAULT, "2027-02-01T10:00:00.000Z");
    for field in innovation.profile() {
        let option = match field.role.as_deref() {
            Some("size") => size.to_owned(),
            Some("sector") => sector.to_owned(),
            _ => field.options[0].id.clone(),
        };
        a.profile.insert(field.id.clone(), option);
    }
    for (k, item) in innovation.items().iter().enumerate() {
        a.set_answer(item, Answer::Level(1 + ((i + k) % 5) as u8), "2027-02-01T10:00:00.000Z");
    }
    a
}

fn benchmark(plan: &[(&str, &str, usize)]) -> (Vec<Assessment>, BenchmarkFile) {
    let mut all = Vec::new();
    for (size, sector, n) in plan {
        for _ in 0..*n {
            let i = all.len();
            all.push(company(i, size, sector));
        }
    }
    let info = BuildInfo {
        name: Localized::same("Test"),
        provenance: Localized::same("crafted"),
        synthetic: false,
        method: "test".into(),
        created_at: "2027-02-02".into(),
        generator: None,
    };
    let file = build(&content().innovation, &all, info);
    (all, file)
}

/// The benchmark's groups by size, sector and size × sector: the figures of every metric
/// of every published group, attacked as above.
#[test]
fn no_subtraction_of_benchmark_groups_recovers_fewer_than_five() {
    let plans: Vec<Vec<(&str, &str, usize)>> = vec![
        vec![("small", "C", 9), ("small", "M", 1), ("medium", "C", 7)],
        vec![("small", "C", 8), ("small", "M", 3), ("medium", "M", 2), ("large", "C", 6)],
        vec![("small", "C", 5), ("medium", "C", 6), ("medium", "J", 5), ("large", "J", 1)],
    ];
    let innovation = &content().innovation;
    for plan in plans {
        let (all, file) = benchmark(&plan);
        let roles: Vec<_> = all.iter().map(|a| innovation.roles_of(&a.profile)).collect();
        let member = |k: usize, id: &str| -> bool {
            let r = &roles[k];
            let (size, sector) = (r.get("size").map(String::as_str), r.get("sector").map(String::as_str));
            id == "all"
                || Some(id) == size.map(|s| format!("size={s}")).as_deref()
                || Some(id) == sector.map(|s| format!("sector={s}")).as_deref()
                || Some(id) == size.zip(sector).map(|(a, b)| format!("size={a}&sector={b}")).as_deref()
        };
        for (m, metric) in file.metrics.iter().enumerate() {
            let sets: Vec<Set> = file
                .groups
                .iter()
                .filter(|g| g.id == "all" || g.id.starts_with("size=") || g.id.starts_with("sector="))
                .filter(|g| g.stats[m].n > 0)
                .map(|g| (0..all.len()).map(|k| if member(k, &g.id) { 1.0 } else { 0.0 }).collect())
                .collect();
            assert!(algebra_attack(&sets).is_none(), "{plan:?}, {metric}: published groups give fewer than five away");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// The same attacks on random mixes of member types and Competence Areas (0–7
    /// respondents in each of 3 × 3 combinations).
    #[test]
    fn random_mixes_give_nothing_away(counts in proptest::collection::vec(0usize..8, 9)) {
        let types = ["startup", "company_small", "research"];
        let areas = ["smart_energy", "green_building", "none"];
        let plan: Vec<(&str, &str, usize)> = counts.iter().enumerate().map(|(k, n)| (types[k / 3], areas[k % 3], *n)).collect();
        let all = responses(&plan);
        let dashboard = aggregate(bank(), &Dataset::from_responses(bank(), &all));
        let results: Value = serde_json::from_str(&results_json(bank(), &dashboard, &[], "2027-01-11T00:00:00.000Z")).unwrap();
        if all.len() < 5 {
            // Only the number of responses is shown: no figure at all.
            proptest::prop_assert!(dashboard.overall.as_ref().is_none_or(|r| r.mean.is_none() && r.n.is_none()));
            proptest::prop_assert!(dashboard.breakdowns.iter().all(|b| b.cells.iter().all(|c| !c.shown())));
            return Ok(());
        }
        for (measure, sets) in published_survey_sets(&all, &results) {
            proptest::prop_assert!(algebra_attack(&sets).is_none(), "{:?}, {}", counts, measure);
        }
    }
}
