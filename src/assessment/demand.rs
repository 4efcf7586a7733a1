//! What the members' shared plans ask of the cluster (METHOD.md §Shared results): for each
//! service, how many members count on it, at which priority, due when, and how far they
//! got; and the same by member class or Competence Area, with the disclosure rules.

use crate::assessment::plan::{Status, Tier};
use crate::assessment::share::Share;
use crate::content::bank::Bank;
use crate::content::catalogue::Catalogue;
use crate::kernel::disclosure::{publishable, MIN_GROUP};
use std::collections::BTreeMap;

/// One service in the members' plans.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceDemand {
    pub service: String,
    /// Members whose plan has at least one action pointing to it.
    pub companies: usize,
    /// Actions pointing to it, by tier: quick wins, strategic, the members' own.
    pub quick_wins: usize,
    pub strategic: usize,
    pub own: usize,
    /// Actions by the quarter they are due (`2027-Q2`; "" when no date was set).
    pub by_quarter: BTreeMap<String, usize>,
    /// Actions by status, in [`Status::ALL`] order.
    pub by_status: [usize; 5],
}

/// The quarter of a `YYYY-MM-DD` date (`2027-Q2`), or "" for none.
pub fn quarter(date: &str) -> String {
    match (date.get(..4), date.get(5..7).and_then(|m| m.parse::<u32>().ok())) {
        (Some(year), Some(month @ 1..=12)) => format!("{year}-Q{}", (month - 1) / 3 + 1),
        _ => String::new(),
    }
}

/// Every service of the catalogue, in its order, with what the shares' plans ask of it.
/// Nothing when fewer than five members shared (see [`MIN_GROUP`]).
pub fn service_demand(catalogue: &Catalogue, shares: &[&Share]) -> Vec<ServiceDemand> {
    if shares.len() < MIN_GROUP {
        return Vec::new();
    }
    catalogue
        .services()
        .iter()
        .map(|svc| {
            let mut d =
                ServiceDemand { service: svc.id.clone(), companies: 0, quick_wins: 0, strategic: 0, own: 0, by_quarter: BTreeMap::new(), by_status: [0; 5] };
            for share in shares {
                let actions: Vec<_> = share.plan.iter().filter(|a| a.services.iter().any(|s| catalogue.service(s).is_some_and(|x| x.id == svc.id))).collect();
                d.companies += usize::from(!actions.is_empty());
                for a in actions {
                    match a.tier {
                        Tier::QuickWin => d.quick_wins += 1,
                        Tier::Strategic => d.strategic += 1,
                        Tier::Own => d.own += 1,
                    }
                    *d.by_quarter.entry(quarter(&a.due)).or_default() += 1;
                    if let Some(k) = Status::ALL.iter().position(|s| *s == a.status) {
                        d.by_status[k] += 1;
                    }
                }
            }
            d
        })
        .collect()
}

/// One class of a breakdown: how many members shared, and per service how many count
/// on it; `None` where the class is not published.
#[derive(Clone, Debug, PartialEq)]
pub struct DemandGroup {
    pub option: String,
    pub companies: Option<usize>,
    pub per_service: Vec<Option<usize>>,
}

/// The demand by the classes of the profile field with `role`. A class is shown only
/// when it has five or more members and none under five follows from the others and
/// the total (the disclosure rule of METHOD.md §4): every member of a shown class
/// counts in every service's figure, so protecting the classes protects the figures.
pub fn demand_by(bank: &Bank, catalogue: &Catalogue, shares: &[&Share], role: &str) -> Option<(String, Vec<DemandGroup>)> {
    let field = bank.profile_with_role(role)?;
    let class_of = |s: &Share| s.profile.get(&field.id).and_then(|v| field.options.iter().position(|o| &o.id == v));
    // Atoms: each class, and "did not say".
    let mut sizes = vec![0usize; field.options.len() + 1];
    shares.iter().for_each(|s| sizes[class_of(s).map_or(field.options.len(), |k| k)] += 1);
    let cells: Vec<Vec<usize>> = (0..field.options.len()).map(|k| vec![k]).collect();
    let shown = publishable(&sizes, &cells);
    let groups = field
        .options
        .iter()
        .enumerate()
        .map(|(k, option)| {
            let members: Vec<&Share> = shares.iter().copied().filter(|s| class_of(s) == Some(k)).collect();
            let counts = service_demand(catalogue, &members).into_iter().map(|d| Some(d.companies));
            DemandGroup {
                option: option.id.clone(),
                companies: shown[k].then_some(members.len()),
                per_service: if shown[k] { counts.collect() } else { vec![None; catalogue.services().len()] },
            }
        })
        .collect();
    Some((field.id.clone(), groups))
}

/// The demand as tables for the workbook and print: the services, then each breakdown.
pub fn demand_workbook(bank: &Bank, catalogue: &Catalogue, shares: &[&Share], lang: crate::kernel::i18n::Lang) -> crate::format::table::Workbook {
    use crate::format::table::{Cell, Table, Workbook};
    use crate::kernel::i18n::Msg;
    let name = |id: &str| catalogue.service(id).map(|s| s.name.get(lang).to_owned()).unwrap_or_else(|| id.to_owned());
    let notes = vec![lang.fmt(Msg::MembersBasis, &[("n", &shares.len())]), lang.fmt(Msg::SurveyMinCellNote, &[("n", &MIN_GROUP)])];
    let demand = service_demand(catalogue, shares);
    let quarters = |d: &ServiceDemand| {
        d.by_quarter.iter().map(|(q, n)| format!("{}: {n}", if q.is_empty() { lang.t(Msg::MembersNoDate) } else { q })).collect::<Vec<_>>().join("; ")
    };
    let rows = demand
        .iter()
        .map(|d| {
            let mut row = vec![
                Cell::Text(name(&d.service)),
                Cell::Number(d.companies as f64),
                Cell::Number(d.quick_wins as f64),
                Cell::Number(d.strategic as f64),
                Cell::Number(d.own as f64),
                Cell::Text(quarters(d)),
            ];
            row.extend(d.by_status.iter().map(|n| Cell::Number(*n as f64)));
            row
        })
        .collect();
    let mut headers: Vec<String> =
        [Msg::SurveyService, Msg::MembersCompanies, Msg::PlanTierQuickWin, Msg::PlanTierStrategic, Msg::PlanTierOwn, Msg::MembersDue]
            .iter()
            .map(|m| lang.t(*m).to_owned())
            .collect();
    headers.extend(Status::ALL.iter().map(|s| crate::assessment::report::status_name(*s, lang).to_owned()));
    let mut sheets = vec![Table { name: lang.t(Msg::MembersSheetDemand).into(), notes: notes.clone(), headers, rows }];
    for (role, title) in [("size", Msg::MembersBySize), ("competence_area", Msg::MembersByArea)] {
        let Some((field, groups)) = demand_by(bank, catalogue, shares, role) else { continue };
        let mut headers = vec![lang.t(Msg::SurveyGroup).to_owned(), lang.t(Msg::MembersCompanies).to_owned()];
        headers.extend(catalogue.services().iter().map(|s| s.name.get(lang).to_owned()));
        let rows = groups
            .iter()
            .map(|g| {
                let mut row = vec![Cell::Text(bank.option_label(&field, &g.option, lang))];
                match g.companies {
                    Some(n) => {
                        row.push(Cell::Number(n as f64));
                        row.extend(g.per_service.iter().map(|c| c.map_or(Cell::Empty, |c| Cell::Number(c as f64))));
                    }
                    None => row.push(Cell::Text(lang.fmt(Msg::SurveySuppressed, &[("n", &MIN_GROUP)]))),
                }
                row
            })
            .collect();
        sheets.push(Table { name: lang.t(title).into(), notes: notes.clone(), headers, rows });
    }
    Workbook { sheets }
}
