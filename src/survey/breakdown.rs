//! Breakdowns by member type and Competence Area (METHOD.md D5). The two are published
//! side by side over the same respondents, so they are protected together: a group is
//! shown only with five or more respondents, and only when no set of fewer than five
//! follows from it, its siblings, the other breakdown and the totals by addition and
//! subtraction ([`crate::kernel::disclosure`]). The same holds figure by figure, for
//! the respondents behind each mean.

use crate::content::bank::Bank;
use crate::kernel::disclosure::publishable;
use crate::survey::dataset::Dataset;
use crate::survey::figures::{Nps, Rating};
use serde::{Deserialize, Serialize};

/// The profile roles broken down, in the order the dashboard shows them.
pub const BREAKDOWN_ROLES: [&str; 2] = ["member_type", "competence_area"];

/// One group of a breakdown (a member type, a Competence Area).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreakdownCell {
    pub option: String,
    /// Respondents; `None` when the group is not published, and then nothing else is.
    pub n: Option<usize>,
    /// Respondents answering for their organisation, for the response rate by class.
    #[serde(default)]
    pub organisations: Option<usize>,
    pub overall: Option<f64>,
    pub fee_value: Option<f64>,
    pub nps: Option<f64>,
    /// Mean satisfaction per service (in the dashboard's order).
    pub services: Vec<Option<f64>>,
}

impl BreakdownCell {
    pub fn shown(&self) -> bool {
        self.n.is_some()
    }
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

/// The respondents as the breakdowns see them: each one's *atom* (its member type and
/// Competence Area together) and each group as the atoms it is made of.
struct Layout {
    /// (role, profile field index) of each breakdown.
    fields: Vec<(&'static str, usize)>,
    atom_of: Vec<usize>,
    atoms: usize,
    /// (breakdown, option index, atoms), breakdown by breakdown, options in bank order.
    groups: Vec<(usize, usize, Vec<usize>)>,
}

impl Layout {
    fn of(bank: &Bank, data: &Dataset) -> Layout {
        let fields: Vec<(&'static str, usize)> =
            BREAKDOWN_ROLES.iter().filter_map(|role| bank.profile().iter().position(|f| f.role.as_deref() == Some(role)).map(|fi| (*role, fi))).collect();
        let key = |r: usize| -> Vec<u8> { fields.iter().map(|(_, fi)| data.profile[*fi][r]).collect() };
        let mut keys: Vec<Vec<u8>> = (0..data.n).map(key).collect();
        keys.sort();
        keys.dedup();
        let atom_of = (0..data.n).map(|r| keys.binary_search(&key(r)).unwrap_or(0)).collect();
        let mut groups = Vec::new();
        for (b, (_, fi)) in fields.iter().enumerate() {
            for o in 0..bank.profile()[*fi].options.len() {
                let atoms = (0..keys.len()).filter(|&a| keys[a][b] as usize == o + 1).collect();
                groups.push((b, o, atoms));
            }
        }
        Layout { fields, atom_of, atoms: keys.len(), groups }
    }

    /// How many of each atom's respondents `counted` keeps.
    fn sizes(&self, counted: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut sizes = vec![0; self.atoms];
        self.atom_of.iter().enumerate().filter(|(r, _)| counted(*r)).for_each(|(_, &a)| sizes[a] += 1);
        sizes
    }

    /// Which groups may show a figure about the respondents `counted` keeps: only those
    /// published at all (`people`), and only as far as disclosure control allows.
    fn publish(&self, people: &[bool], counted: impl Fn(usize) -> bool) -> Vec<bool> {
        let cells: Vec<Vec<usize>> = self.groups.iter().zip(people).map(|((_, _, atoms), shown)| if *shown { atoms.clone() } else { Vec::new() }).collect();
        publishable(&self.sizes(counted), &cells)
    }

    /// Codes of a column summed over each group's respondents: `counts[group][code]`.
    fn counts(&self, column: &[u8], codes: usize) -> Vec<Vec<usize>> {
        let mut by_atom = vec![vec![0usize; codes + 1]; self.atoms];
        for (&a, &c) in self.atom_of.iter().zip(column) {
            if let Some(cell) = by_atom[a].get_mut(c as usize) {
                *cell += 1;
            }
        }
        self.groups.iter().map(|(_, _, atoms)| (0..=codes).map(|c| atoms.iter().map(|&a| by_atom[a][c]).sum()).collect()).collect()
    }
}

/// One figure per group, shown where disclosure control allows.
fn figure(layout: &Layout, people: &[bool], column: &[u8], codes: usize, value: impl Fn(&[usize]) -> Option<f64>) -> Vec<Option<f64>> {
    let shown = layout.publish(people, |r| (1..=codes).contains(&(column[r] as usize)));
    layout.counts(column, codes).iter().zip(shown).map(|(counts, shown)| if shown { value(&counts[1..]) } else { None }).collect()
}

/// The breakdowns, protected together. `satisfaction_columns` holds each service's
/// satisfaction column, in the dashboard's service order.
pub fn breakdowns(bank: &Bank, data: &Dataset, satisfaction_columns: &[Option<usize>]) -> Vec<Breakdown> {
    let layout = Layout::of(bank, data);
    let everyone = layout.sizes(|_| true);
    let people = publishable(&everyone, &layout.groups.iter().map(|(_, _, atoms)| atoms.clone()).collect::<Vec<_>>());
    let people_n: Vec<usize> = layout.groups.iter().map(|(_, _, atoms)| atoms.iter().map(|&a| everyone[a]).sum()).collect();
    let column = |index: Option<usize>| index.map(|i| data.columns[i].as_slice());
    let rating = |counts: &[usize]| Rating::from_counts([counts[0], counts[1], counts[2], counts[3], counts[4]]).mean;
    let rating_figure = |index: Option<usize>| column(index).map_or_else(|| vec![None; layout.groups.len()], |c| figure(&layout, &people, c, 5, rating));
    let overall = rating_figure(bank.item_index("overall_satisfaction"));
    let fee = rating_figure(bank.item_index("fee_value"));
    let nps = column(bank.item_index("nps")).map_or_else(
        || vec![None; layout.groups.len()],
        |c| figure(&layout, &people, c, 11, |counts| Nps::from_counts(&std::array::from_fn(|v| counts[v])).score),
    );
    let services: Vec<Vec<Option<f64>>> = satisfaction_columns.iter().map(|&c| rating_figure(c)).collect();
    let organisations = organisations(bank, data, &layout, &people);
    let mut out: Vec<Breakdown> =
        layout.fields.iter().map(|(role, fi)| Breakdown { role: (*role).to_owned(), field: bank.profile()[*fi].id.clone(), cells: Vec::new() }).collect();
    for (g, (b, o, _)) in layout.groups.iter().enumerate() {
        let shown = people[g];
        out[*b].cells.push(BreakdownCell {
            option: bank.profile()[layout.fields[*b].1].options[*o].id.clone(),
            n: shown.then_some(people_n[g]),
            organisations: organisations[g],
            overall: overall[g],
            fee_value: fee[g],
            nps: nps[g],
            services: services.iter().map(|s| s[g]).collect(),
        });
    }
    out
}

/// Each group's respondents answering for their organisation, where publishable.
fn organisations(bank: &Bank, data: &Dataset, layout: &Layout, people: &[bool]) -> Vec<Option<usize>> {
    let contact = bank.profile().iter().enumerate().find(|(_, f)| f.role.as_deref() == Some("org_contact"));
    let Some((fi, yes)) = contact.and_then(|(fi, f)| Some((fi, f.options.iter().position(|o| o.id == "yes")? as u8 + 1))) else {
        return vec![None; layout.groups.len()];
    };
    let column = &data.profile[fi];
    let shown = layout.publish(people, |r| column[r] == yes);
    layout.counts(column, yes as usize).iter().zip(shown).map(|(counts, shown)| shown.then_some(counts[yes as usize])).collect()
}
