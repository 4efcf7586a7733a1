//! Aggregation behind the dashboard (METHOD.md Part D): distributions, means with 95 %
//! intervals, NPS, importance–satisfaction quadrants, breakdowns by member type and
//! Competence Area, comments. Every cell about fewer than [`MIN_CELL`] respondents is
//! suppressed here, so no view or export can show it.

use crate::content::bank::{Bank, ItemKind, ServicePart};
use crate::kernel::stats;
use crate::survey::dataset::Dataset;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// No figure about fewer respondents is shown or exported (screen, files, breakdowns).
pub const MIN_CELL: usize = 5;

/// A 1–5 distribution and its mean with a 95 % interval; everything hidden below 5.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub n: usize,
    /// Counts of 1…5 (`None` when n < 5).
    pub counts: Option<[usize; 5]>,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    /// Half-width of the 95 % confidence interval of the mean.
    pub ci: Option<f64>,
}

impl Rating {
    /// From counts of the values 1…5.
    pub fn from_counts(counts: [usize; 5]) -> Rating {
        let n: usize = counts.iter().sum();
        if n < MIN_CELL {
            return Rating { n, counts: None, mean: None, sd: None, ci: None };
        }
        let sum: f64 = counts.iter().enumerate().map(|(i, c)| (i + 1) as f64 * *c as f64).sum();
        let mean = sum / n as f64;
        let ss: f64 = counts.iter().enumerate().map(|(i, c)| *c as f64 * ((i + 1) as f64 - mean).powi(2)).sum();
        let sd = (ss / (n - 1) as f64).sqrt();
        let ci = stats::t975(n - 1) * sd / (n as f64).sqrt();
        Rating { n, counts: Some(counts), mean: Some(mean), sd: Some(sd), ci: Some(ci) }
    }
}

/// Net Promoter Score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Nps {
    pub n: usize,
    pub promoters: usize,
    pub passives: usize,
    pub detractors: usize,
    /// % promoters − % detractors, −100…+100 (`None` when n < 5).
    pub score: Option<f64>,
}

impl Nps {
    /// From counts of the answers 0…10.
    pub fn from_counts(counts: &[usize; 11]) -> Nps {
        let n: usize = counts.iter().sum();
        let detractors: usize = counts[..=6].iter().sum();
        let passives = counts[7] + counts[8];
        let promoters = counts[9] + counts[10];
        let score = (n >= MIN_CELL).then(|| 100.0 * (promoters as f64 - detractors as f64) / n as f64);
        if n < MIN_CELL {
            return Nps { n, promoters: 0, passives: 0, detractors: 0, score: None };
        }
        Nps { n, promoters, passives, detractors, score }
    }
}

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

/// Quadrant of a point given the lines (at the means): ties count as "high".
pub fn quadrant(importance: f64, satisfaction: f64, importance_line: f64, satisfaction_line: f64) -> Quadrant {
    match (importance >= importance_line, satisfaction >= satisfaction_line) {
        (true, false) => Quadrant::ConcentrateHere,
        (true, true) => Quadrant::KeepUpTheGoodWork,
        (false, false) => Quadrant::LowPriority,
        (false, true) => Quadrant::PossibleOverkill,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceStats {
    pub service: String,
    /// Respondents who said whether they used it.
    pub asked: usize,
    pub used: usize,
    /// used ÷ asked, % (`None` when asked < 5).
    pub usage: Option<f64>,
    /// Satisfaction among users.
    pub satisfaction: Rating,
    /// Importance among all respondents.
    pub importance: Rating,
    pub quadrant: Option<Quadrant>,
}

/// One group of a breakdown (a member type, a Competence Area).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreakdownCell {
    pub option: String,
    pub n: usize,
    /// `false` when n < 5: nothing else is shown.
    pub shown: bool,
    pub overall: Option<f64>,
    pub fee_value: Option<f64>,
    pub nps: Option<f64>,
    /// Mean satisfaction per service (in catalogue order), where ≥ 5 users.
    pub services: Vec<Option<f64>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// The profile field's role (`member_type`, `competence_area`): what the dashboard
    /// and exports look breakdowns up by, whatever the bank calls the field.
    #[serde(default)]
    pub role: String,
    /// The profile field's id, whose options label the groups.
    pub field: String,
    pub cells: Vec<BreakdownCell>,
}

/// A comment, for the comments list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub question: String,
    /// The respondent's member type (option id), if given.
    pub member_type: Option<String>,
    pub text: String,
}

/// Everything the dashboard shows, computed in one pass over the dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub n: usize,
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

fn rating_counts(column: &[u8]) -> [usize; 5] {
    let mut counts = [0usize; 5];
    for &c in column {
        if (1..=5).contains(&c) {
            counts[c as usize - 1] += 1;
        }
    }
    counts
}

fn nps_counts(column: &[u8]) -> [usize; 11] {
    let mut counts = [0usize; 11];
    for &c in column {
        if (1..=11).contains(&c) {
            counts[c as usize - 1] += 1;
        }
    }
    counts
}

/// Computes the dashboard. Cells under [`MIN_CELL`] respondents are suppressed.
pub fn aggregate(bank: &Bank, data: &Dataset) -> Dashboard {
    let col = |id: &str| bank.item_index(id).map(|i| data.columns[i].as_slice());
    // A service's three questions are found by what they ask, not by their ids.
    let part_column = |service: &str, part: ServicePart| bank.items().iter().position(|i| matches!(&i.service, Some((s, p)) if s == service && *p == part));
    let rating_of_column = |column: Option<usize>| Rating::from_counts(rating_counts(column.map(|c| data.columns[c].as_slice()).unwrap_or(&[])));
    // Services, in bank order.
    let mut services = Vec::new();
    let mut satisfaction_columns = Vec::new();
    let mut seen = BTreeSet::new();
    for item in bank.items() {
        let Some((service, ServicePart::Used)) = &item.service else { continue };
        if !seen.insert(service.clone()) {
            continue;
        }
        let used_col = col(&item.id).unwrap_or(&[]);
        let asked = used_col.iter().filter(|&&c| c != 0).count();
        let used = used_col.iter().filter(|&&c| c == 1).count();
        let satisfaction_column = part_column(service, ServicePart::Satisfaction);
        satisfaction_columns.push(satisfaction_column);
        let satisfaction = rating_of_column(satisfaction_column);
        let importance = rating_of_column(part_column(service, ServicePart::Importance));
        services.push(ServiceStats {
            service: service.clone(),
            asked,
            used,
            usage: (asked >= MIN_CELL).then(|| 100.0 * used as f64 / asked as f64),
            satisfaction,
            importance,
            quadrant: None,
        });
    }
    let plotted: Vec<(f64, f64)> = services.iter().filter_map(|s| Some((s.importance.mean?, s.satisfaction.mean?))).collect();
    let lines = (!plotted.is_empty()).then(|| {
        let imp = plotted.iter().map(|p| p.0).sum::<f64>() / plotted.len() as f64;
        let sat = plotted.iter().map(|p| p.1).sum::<f64>() / plotted.len() as f64;
        (imp, sat)
    });
    if let Some((li, ls)) = lines {
        for s in &mut services {
            if let (Some(i), Some(sa)) = (s.importance.mean, s.satisfaction.mean) {
                s.quadrant = Some(quadrant(i, sa, li, ls));
            }
        }
    }
    let rating_of = |id: &str| col(id).map(|c| Rating::from_counts(rating_counts(c)));
    let nps = col("nps").map(|c| Nps::from_counts(&nps_counts(c)));
    let renew = bank.item("renew").and_then(|item| {
        let ItemKind::Choice { options } = &item.kind else { return None };
        let c = col("renew")?;
        let answered = c.iter().filter(|&&x| x != 0).count();
        (answered >= MIN_CELL).then(|| options.iter().enumerate().map(|(i, o)| (o.id.clone(), c.iter().filter(|&&x| x as usize == i + 1).count())).collect())
    });
    let breakdowns = ["member_type", "competence_area"]
        .iter()
        .filter_map(|role| bank.profile().iter().position(|f| f.role.as_deref() == Some(role)).map(|fi| breakdown(bank, data, fi, role, &satisfaction_columns)))
        .collect();
    let member_field = bank.profile().iter().position(|f| f.role.as_deref() == Some("member_type"));
    let comments = data
        .texts
        .iter()
        .map(|(ii, ri, text)| Comment {
            question: bank.items()[*ii].id.clone(),
            member_type: member_field.and_then(|fi| {
                let code = data.profile[fi][*ri];
                (code > 0).then(|| bank.profile()[fi].options[code as usize - 1].id.clone())
            }),
            text: text.clone(),
        })
        .collect();
    Dashboard { n: data.n, services, lines, overall: rating_of("overall_satisfaction"), fee_value: rating_of("fee_value"), nps, renew, breakdowns, comments }
}

/// Counts of each code per group in one pass: `counts[group][code]` (group 0 = no answer).
fn grouped_counts(column: &[u8], groups: &[u8], group_count: usize, codes: usize) -> Vec<Vec<usize>> {
    let mut counts = vec![vec![0usize; codes + 1]; group_count + 1];
    for (&g, &c) in groups.iter().zip(column) {
        if let Some(row) = counts.get_mut(g as usize) {
            if let Some(cell) = row.get_mut(c as usize) {
                *cell += 1;
            }
        }
    }
    counts
}

/// Group sizes and means by the options of one profile field. `satisfaction_columns`
/// holds each service's satisfaction column, in the dashboard's service order.
fn breakdown(bank: &Bank, data: &Dataset, field: usize, role: &str, satisfaction_columns: &[Option<usize>]) -> Breakdown {
    let def = &bank.profile()[field];
    let groups = def.options.len();
    let codes = &data.profile[field];
    let mut sizes = vec![0usize; groups + 1];
    for &c in codes {
        if let Some(s) = sizes.get_mut(c as usize) {
            *s += 1;
        }
    }
    // Mean of a 1–5 column within each group, from one pass over the column.
    let means = |column: Option<usize>| -> Vec<Option<f64>> {
        let Some(column) = column else { return vec![None; groups + 1] };
        let counts = grouped_counts(&data.columns[column], codes, groups, 5);
        counts.iter().map(|c| Rating::from_counts([c[1], c[2], c[3], c[4], c[5]]).mean).collect()
    };
    let overall = means(bank.item_index("overall_satisfaction"));
    let fee = means(bank.item_index("fee_value"));
    let nps: Vec<Option<f64>> = match bank.item_index("nps") {
        Some(ni) => grouped_counts(&data.columns[ni], codes, groups, 11)
            .iter()
            .map(|c| {
                let counts: [usize; 11] = std::array::from_fn(|v| c[v + 1]);
                Nps::from_counts(&counts).score
            })
            .collect(),
        None => vec![None; groups + 1],
    };
    let per_service: Vec<Vec<Option<f64>>> = satisfaction_columns.iter().map(|&column| means(column)).collect();
    let cells = def
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let g = i + 1;
            let n = sizes[g];
            if n < MIN_CELL {
                return BreakdownCell {
                    option: option.id.clone(),
                    n,
                    shown: false,
                    overall: None,
                    fee_value: None,
                    nps: None,
                    services: vec![None; satisfaction_columns.len()],
                };
            }
            BreakdownCell {
                option: option.id.clone(),
                n,
                shown: true,
                overall: overall[g],
                fee_value: fee[g],
                nps: nps[g],
                services: per_service.iter().map(|m| m[g]).collect(),
            }
        })
        .collect();
    Breakdown { role: role.to_owned(), field: def.id.clone(), cells }
}
