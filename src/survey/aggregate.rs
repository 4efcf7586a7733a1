//! Aggregation behind the dashboard (METHOD.md Part D): distributions, means with 95 %
//! intervals, NPS, awareness and use of services, importance–satisfaction quadrants,
//! comments; the breakdowns are in [`super::breakdown`]. Every figure about fewer than
//! [`MIN_CELL`] respondents is suppressed here, count included, so no view or export
//! can show it.

use crate::content::bank::{Bank, ItemKind, ServicePart, SERVICE_UNAWARE, SERVICE_USED};
use crate::survey::breakdown::{breakdowns, Breakdown};
use crate::survey::dataset::Dataset;
use crate::survey::figures::{nps_counts, rating_counts, Nps, Rating, MIN_CELL};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Martilla–James importance–performance quadrants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High importance, low satisfaction.
    ConcentrateHere,
    /// High importance, high satisfaction.
    KeepUpTheGoodWork,
    /// Low importance, low satisfaction.
    LowPriority,
    /// Low importance, high satisfaction.
    PossibleOverkill,
}

/// Two means closer than this are equal: 4.2 × 23 / 23 is 4.200000000000002, and a
/// point on a line must not change sides for that (METHOD.md D4).
pub const LINE_TOLERANCE: f64 = 1e-9;

/// Quadrant of a point given the lines (at the means): on a line, within
/// [`LINE_TOLERANCE`], counts as "high".
pub fn quadrant(importance: f64, satisfaction: f64, importance_line: f64, satisfaction_line: f64) -> Quadrant {
    match (importance >= importance_line - LINE_TOLERANCE, satisfaction >= satisfaction_line - LINE_TOLERANCE) {
        (true, false) => Quadrant::ConcentrateHere,
        (true, true) => Quadrant::KeepUpTheGoodWork,
        (false, false) => Quadrant::LowPriority,
        (false, true) => Quadrant::PossibleOverkill,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceStats {
    pub service: String,
    /// Respondents who said whether they used it (`None`, with the counts below, when
    /// fewer than 5).
    pub asked: Option<usize>,
    pub used: Option<usize>,
    /// Said they did not know the service existed.
    #[serde(default)]
    pub unaware: Option<usize>,
    /// used ÷ asked, %.
    pub usage: Option<f64>,
    /// Knew the service: (asked − unaware) ÷ asked, %.
    #[serde(default)]
    pub awareness: Option<f64>,
    /// Satisfaction among users.
    pub satisfaction: Rating,
    /// Importance among users.
    pub importance: Rating,
    pub quadrant: Option<Quadrant>,
}

/// A comment, for the comments list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub question: String,
    /// The respondent's member type (option id), only where that type's group is
    /// published (five or more, and nothing follows by subtraction).
    pub member_type: Option<String>,
    pub text: String,
}

/// Everything the dashboard shows, computed in one pass over the dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub n: usize,
    /// Organisations that responded (respondents answering for their organisation, or
    /// every respondent when the survey does not ask): the response rate's numerator.
    /// `None` when fewer than 5.
    #[serde(default)]
    pub organisations: Option<usize>,
    pub services: Vec<ServiceStats>,
    /// Quadrant lines: the means of the plotted services' importance and satisfaction.
    pub lines: Option<(f64, f64)>,
    pub overall: Option<Rating>,
    pub fee_value: Option<Rating>,
    pub nps: Option<Nps>,
    /// Counts per option of the renewal question (hidden below 5 answers).
    pub renew: Option<Vec<(String, usize)>>,
    pub breakdowns: Vec<Breakdown>,
    pub comments: Vec<Comment>,
}

impl Dashboard {
    /// The breakdown by the profile field with this role, if the bank has one.
    pub fn breakdown(&self, role: &str) -> Option<&Breakdown> {
        self.breakdowns.iter().find(|b| b.role == role)
    }
}

/// Computes the dashboard. Figures about fewer than [`MIN_CELL`] respondents are
/// suppressed, and breakdown cells that would give such figures away too.
pub fn aggregate(bank: &Bank, data: &Dataset) -> Dashboard {
    let col = |id: &str| bank.item_index(id).map(|i| data.columns[i].as_slice());
    let (services, satisfaction_columns) = services(bank, data);
    let lines = quadrant_lines(&services);
    let services = services
        .into_iter()
        .map(|mut s| {
            s.quadrant = lines.zip(s.importance.mean.zip(s.satisfaction.mean)).map(|((li, ls), (i, sa))| quadrant(i, sa, li, ls));
            s
        })
        .collect();
    let rating_of = |id: &str| col(id).map(|c| Rating::from_counts(rating_counts(c)));
    let nps = col("nps").map(|c| Nps::from_counts(&nps_counts(c)));
    let renew = bank.item("renew").and_then(|item| {
        let ItemKind::Choice { options } = &item.kind else { return None };
        let c = col("renew")?;
        let answered = c.iter().filter(|&&x| x != 0).count();
        (answered >= MIN_CELL).then(|| options.iter().enumerate().map(|(i, o)| (o.id.clone(), c.iter().filter(|&&x| x as usize == i + 1).count())).collect())
    });
    let breakdowns = breakdowns(bank, data, &satisfaction_columns);
    let comments = comments(bank, data, &breakdowns);
    Dashboard {
        n: data.n,
        organisations: organisations(bank, data),
        services,
        lines,
        overall: rating_of("overall_satisfaction"),
        fee_value: rating_of("fee_value"),
        nps,
        renew,
        breakdowns,
        comments,
    }
}

/// Each service's figures, in bank order, and its satisfaction column.
fn services(bank: &Bank, data: &Dataset) -> (Vec<ServiceStats>, Vec<Option<usize>>) {
    // A service's three questions are found by what they ask, not by their ids.
    let part_column = |service: &str, part: ServicePart| bank.items().iter().position(|i| matches!(&i.service, Some((s, p)) if s == service && *p == part));
    let rating_of_column = |column: Option<usize>| Rating::from_counts(rating_counts(column.map(|c| data.columns[c].as_slice()).unwrap_or(&[])));
    let mut services = Vec::new();
    let mut satisfaction_columns = Vec::new();
    let mut seen = BTreeSet::new();
    for (index, item) in bank.items().iter().enumerate() {
        let Some((service, ServicePart::Used)) = &item.service else { continue };
        if !seen.insert(service.clone()) {
            continue;
        }
        let code_of = |id: &str| match &item.kind {
            ItemKind::Choice { options } => options.iter().position(|o| o.id == id).map(|i| i as u8 + 1),
            _ => None,
        };
        let column = &data.columns[index];
        let count = |code: Option<u8>| code.map_or(0, |code| column.iter().filter(|&&c| c == code).count());
        let asked = column.iter().filter(|&&c| c != 0).count();
        let (used, unaware) = (count(code_of(SERVICE_USED)), count(code_of(SERVICE_UNAWARE)));
        let shown = asked >= MIN_CELL;
        let share = |k: usize| shown.then(|| 100.0 * k as f64 / asked as f64);
        let satisfaction_column = part_column(service, ServicePart::Satisfaction);
        satisfaction_columns.push(satisfaction_column);
        services.push(ServiceStats {
            service: service.clone(),
            asked: shown.then_some(asked),
            used: shown.then_some(used),
            unaware: shown.then_some(unaware),
            usage: share(used),
            awareness: share(asked - unaware),
            satisfaction: rating_of_column(satisfaction_column),
            importance: rating_of_column(part_column(service, ServicePart::Importance)),
            quadrant: None,
        });
    }
    (services, satisfaction_columns)
}

/// The quadrant lines: the means of the plotted services' importance and satisfaction.
fn quadrant_lines(services: &[ServiceStats]) -> Option<(f64, f64)> {
    let plotted: Vec<(f64, f64)> = services.iter().filter_map(|s| Some((s.importance.mean?, s.satisfaction.mean?))).collect();
    (!plotted.is_empty()).then(|| {
        let imp = plotted.iter().map(|p| p.0).sum::<f64>() / plotted.len() as f64;
        let sat = plotted.iter().map(|p| p.1).sum::<f64>() / plotted.len() as f64;
        (imp, sat)
    })
}

/// Services that fall on the same point of the matrix, as shown (importance and
/// satisfaction equal to two decimals): each group of two or more, as indices into
/// `services`, so that the chart can say so and list them (METHOD.md D4).
pub fn shared_points(services: &[ServiceStats]) -> Vec<Vec<usize>> {
    let key = |s: &ServiceStats| Some(((s.importance.mean? * 100.0).round() as i64, (s.satisfaction.mean? * 100.0).round() as i64));
    let mut groups: Vec<((i64, i64), Vec<usize>)> = Vec::new();
    for (i, s) in services.iter().enumerate() {
        let Some(k) = key(s) else { continue };
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, members)) => members.push(i),
            None => groups.push((k, vec![i])),
        }
    }
    groups.into_iter().map(|(_, members)| members).filter(|m| m.len() > 1).collect()
}

/// Organisations that responded: respondents who answer for their organisation (the
/// profile field with role `org_contact`, answered "yes"), or every respondent when the
/// survey does not ask; hidden below 5.
fn organisations(bank: &Bank, data: &Dataset) -> Option<usize> {
    let contact = bank.profile().iter().enumerate().find(|(_, f)| f.role.as_deref() == Some("org_contact"));
    let count = match contact.and_then(|(fi, f)| Some((fi, f.options.iter().position(|o| o.id == "yes")? as u8 + 1))) {
        Some((fi, yes)) => data.profile[fi].iter().filter(|&&c| c == yes).count(),
        None => data.n,
    };
    (count >= MIN_CELL).then_some(count)
}

/// The comments, each with its author's member type only where that type's group is
/// published.
fn comments(bank: &Bank, data: &Dataset, breakdowns: &[Breakdown]) -> Vec<Comment> {
    let member_field = bank.profile().iter().position(|f| f.role.as_deref() == Some("member_type"));
    let published: Vec<&str> =
        breakdowns.iter().filter(|b| b.role == "member_type").flat_map(|b| b.cells.iter().filter(|c| c.n.is_some()).map(|c| c.option.as_str())).collect();
    data.texts
        .iter()
        .map(|(ii, ri, text)| Comment {
            question: bank.items()[*ii].id.clone(),
            member_type: member_field.and_then(|fi| {
                let code = data.profile[fi][*ri];
                let option = (code > 0).then(|| bank.profile()[fi].options[code as usize - 1].id.as_str())?;
                published.contains(&option).then(|| option.to_owned())
            }),
            text: text.clone(),
        })
        .collect()
}
