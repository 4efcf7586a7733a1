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
