//! Members' results shared with the cluster (METHOD.md §Shared results): the file holds
//! what the consent names and nothing else; staff's intake refuses files without consent,
//! reports duplicates across years and never overwrites; the service demand and the
//! benchmark come out of them.

use faro::assessment::demand::{demand_by, quarter, service_demand};
use faro::assessment::plan::Status;
use faro::assessment::propose::{propose, Basis};
use faro::assessment::record::Assessment;
use faro::assessment::share::{intake_shares, latest_per_company, share_json, Share, ShareIntake};
use faro::benchmark::{build, Benchmark, BuildInfo};
use faro::content::bank::{Answer, Bank};
use faro::content::Content;
use faro::kernel::i18n::{Lang, Localized};
use faro::kernel::problem::ProblemKind;
use std::sync::OnceLock;

fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::bundled().unwrap())
}

fn bank() -> &'static Bank {
    &content().innovation
}

/// A member's complete assessment with a proposed plan (and one own action), made in
/// `year`, of size class `size`.
fn member(i: usize, year: u32, size: &str) -> Assessment {
    let mut a = Assessment::new(format!("m{i}-{year}"), format!("Member {i}"), bank(), Lang::DEFAULT, &format!("{year}-03-01T09:00:00.000Z"));
    for field in bank().profile() {
        let option = if field.role.as_deref() == Some("size") { size.to_owned() } else { field.options[0].id.clone() };
        a.profile.insert(field.id.clone(), option);
    }
    for (k, item) in bank().items().iter().enumerate() {
        a.set_answer(item, Answer::Level(1 + ((i + k) % 4) as u8), "t");
    }
    let library = content().bundled_library().unwrap();
    let mut plan = propose(bank(), &library, &a.scores(bank()), Basis::default(), Lang::DEFAULT, "t");
    plan.items[0].due = format!("{year}-05-15");
    plan.items[0].status = Status::OnTrack;
    plan.add_own("Segreto industriale: nuova lega".into(), "t");
    a.plan = Some(plan);
    a
}

fn shared(a: &Assessment, key: &str) -> Share {
    Share::of(a, bank(), key, false, format!("share-{}", a.id), "2027-03-02T10:00:00.000Z")
}

#[test]
fn a_share_holds_what_the_consent_names_and_nothing_else() {
    let a = member(1, 2027, "small");
    let share = shared(&a, "LE2C-0042");
    let json = share_json(&share, "now");
    assert!(json.contains("\"format\": \"faro-share\""));
    assert!(share.consent.given && share.consent.statement.contains("Nessun nome"));
    assert!(!json.contains("Segreto industriale"), "an own action's text is never shared");
    assert!(!json.contains("Member 1") && !json.contains("\"answers\""), "no name, no answers");
    assert!(share.levels.is_none());
    assert_eq!(share.plan.len(), a.plan.as_ref().unwrap().accepted().count());
    assert!(share.scores.contains_key("overall"));
    // With the levels consented to, the levels come too (and the statement says so).
    let with_levels = Share::of(&a, bank(), "LE2C-0042", true, "x".into(), "now");
    assert_eq!(with_levels.levels.as_ref().map(|l| l.len()), Some(bank().items().len()));
    assert!(with_levels.consent.statement.contains("livelli"));
    // No key given: the company's series id links its years.
    assert_eq!(shared(&a, " ").company_key, a.series_id());
}

#[test]
fn intake_refuses_no_consent_and_corrupt_files_and_never_overwrites() {
    let files_of = |shares: &[Share]| shares.iter().map(|s| (format!("{}.json", s.share_id), share_json(s, "now").into_bytes())).collect::<Vec<_>>();
    let this_year: Vec<Share> = (0..3).map(|i| shared(&member(i, 2027, "small"), &format!("K{i}"))).collect();
    let last_year = shared(&member(0, 2026, "small"), "K0");
    let mut no_consent = shared(&member(9, 2027, "small"), "K9");
    no_consent.consent.given = false;
    let mut files = files_of(&this_year);
    files.extend(files_of(std::slice::from_ref(&last_year)));
    files.extend(files_of(std::slice::from_ref(&this_year[1])));
    files.extend(files_of(&[no_consent]));
    files.push(("corrupt.json".into(), b"{\"format\": \"faro-share\", \"schema\": 1, ".to_vec()));
    let (accepted, report) = intake_shares(bank(), &files, &[]);
    assert_eq!(accepted.len(), 4, "three companies this year, one of them last year too");
    let outcomes: Vec<&ShareIntake> = report.iter().map(|(_, o)| o).collect();
    assert_eq!(outcomes.iter().filter(|o| ***o == ShareIntake::Accepted).count(), 4);
    assert_eq!(outcomes.iter().filter(|o| ***o == ShareIntake::Duplicate).count(), 1);
    assert!(matches!(outcomes[5], ShareIntake::Rejected(p) if matches!(p[0].kind, ProblemKind::Rule { .. })), "{:?}", outcomes[5]);
    assert!(matches!(outcomes[6], ShareIntake::Rejected(_)));
    // Importing again: all duplicates, nothing replaced.
    let (again, report) = intake_shares(bank(), &files[..4], &accepted);
    assert!(again.is_empty() && report.iter().all(|(_, o)| *o == ShareIntake::Duplicate));
    // A company's latest year counts once.
    let latest = latest_per_company(&accepted, None);
    assert_eq!(latest.len(), 3);
    assert!(latest.iter().all(|s| s.year() == "2027"));
    assert_eq!(latest_per_company(&accepted, Some("2026")).len(), 1);
}

/// The service demand on a fixture: six members, each plan pointing to services the
/// proposal chose; the counts are those of the plans, by tier, quarter and status.
#[test]
fn service_demand_counts_the_plans() {
    assert_eq!((quarter("2027-05-15"), quarter("2027-12-01"), quarter("")), ("2027-Q2".into(), "2027-Q4".into(), String::new()));
    let shares: Vec<Share> = (0..6).map(|i| shared(&member(i, 2027, if i < 5 { "small" } else { "large" }), &format!("K{i}"))).collect();
    let all: Vec<&Share> = shares.iter().collect();
    let demand = service_demand(&content().catalogue, &all);
    assert_eq!(demand.len(), content().catalogue.services().len());
    for d in &demand {
        let expected = shares.iter().filter(|s| s.plan.iter().any(|a| a.services.contains(&d.service))).count();
        assert_eq!(d.companies, expected, "{}", d.service);
        let actions: usize = shares.iter().flat_map(|s| &s.plan).filter(|a| a.services.contains(&d.service)).count();
        assert_eq!(d.quick_wins + d.strategic + d.own, actions);
        assert_eq!(d.by_quarter.values().sum::<usize>(), actions);
        assert_eq!(d.by_status.iter().sum::<usize>(), actions);
    }
    assert!(demand.iter().any(|d| d.by_quarter.contains_key("2027-Q2")));
    // By size: five small members shown, the one large member not, and since the total
    // is published, "small" would give it away: both hidden.
    let (_, groups) = demand_by(bank(), &content().catalogue, &all, "size").unwrap();
    assert!(groups.iter().all(|g| g.companies.is_none() && g.per_service.iter().all(Option::is_none)));
    // Fewer than five members: nothing at all.
    assert!(service_demand(&content().catalogue, &all[..4]).is_empty());
}

/// The cluster's own benchmark from shared files: the latest year of each member.
#[test]
fn shared_files_build_a_benchmark() {
    let shares: Vec<Share> = (0..6).map(|i| shared(&member(i, 2027, "small"), &format!("K{i}"))).collect();
    let latest = latest_per_company(&shares, None);
    let companies: Vec<Share> = latest.into_iter().cloned().collect();
    let info = BuildInfo {
        name: Localized::same("Soci 2027"),
        provenance: Localized::same("shared files"),
        synthetic: false,
        method: "test".into(),
        created_at: "2027-04-01".into(),
        generator: None,
    };
    let file = build(bank(), &companies, info);
    assert_eq!(file.meta.total_n, 6);
    let json = faro::benchmark::to_json(&file);
    assert!(Benchmark::from_json("b.json", json.as_bytes()).is_ok());
    assert!(!json.contains("K0"), "no company key in a benchmark");
}

/// Reliability from shared levels: nothing under 30 complete answer sets; from 30, α
/// per dimension and an item–rest correlation per question, each as the formula gives.
#[test]
fn reliability_needs_thirty_and_follows_the_formula() {
    use faro::benchmark::reliability::{reliability, MIN_RELIABILITY_N};
    let with_levels = |i: usize| Share::of(&member(i, 2027, "small"), bank(), &format!("K{i}"), true, format!("s{i}"), "now");
    let few: Vec<Share> = (0..MIN_RELIABILITY_N - 1).map(with_levels).collect();
    assert!(reliability(bank(), &few).iter().all(|r| r.alpha.is_none() && r.item_rest.iter().all(|(_, v)| v.is_none())));
    let many: Vec<Share> = (0..MIN_RELIABILITY_N + 10).map(with_levels).collect();
    let rows = reliability(bank(), &many);
    let strategy = rows.iter().find(|r| r.dimension == "strategy").unwrap();
    assert_eq!(strategy.n, MIN_RELIABILITY_N + 10);
    let items: Vec<String> = bank().items().iter().filter(|i| bank().sections()[i.section].id == "strategy").map(|i| i.id.clone()).collect();
    let data: Vec<Vec<f64>> = many.iter().map(|s| items.iter().map(|i| f64::from(s.levels.as_ref().unwrap()[i])).collect()).collect();
    assert_eq!(strategy.alpha, faro::kernel::stats::cronbach_alpha(&data));
    let first: Vec<f64> = data.iter().map(|r| r[0]).collect();
    let rest: Vec<f64> = data.iter().map(|r| r[1..].iter().sum()).collect();
    assert_eq!(strategy.item_rest[0].1, faro::kernel::stats::pearson(&first, &rest));
}
