//! Synthetic survey data for the benchmarks and tests (also in the browser bench): a
//! small deterministic generator, no dependency, the same in wasm and natively.

use crate::content::bank::{is_visible, Answer, Bank, ItemKind, ServicePart};
use crate::format::cells::neutralise_cell;
use crate::format::csv;
use crate::kernel::i18n::Lang;
use crate::survey::dataset::Dataset;
use crate::survey::files::csv_header;
use crate::survey::response::Response;

/// A small deterministic generator (SplitMix64): no dependency, same in wasm and native.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// `n` synthetic submitted responses straight into a dataset (no per-response objects),
/// with realistic skew: members rate what they use around 4, use about a third of the
/// services and do not know one in six, and recommend the cluster more often than not.
pub fn synthetic_dataset(bank: &Bank, n: usize, seed: u64) -> Dataset {
    let mut rng = SplitMix::new(seed);
    let mut d = Dataset { n, columns: vec![vec![0; n]; bank.items().len()], profile: vec![vec![0; n]; bank.profile().len()], texts: Vec::new() };
    for r in 0..n {
        for (fi, field) in bank.profile().iter().enumerate() {
            d.profile[fi][r] = rng.below(field.options.len() as u64) as u8 + 1;
        }
        let mood = 3 + rng.below(2);
        let mut used = false;
        for (ii, item) in bank.items().iter().enumerate() {
            let code = match &item.service {
                // A third use a service, one in six did not know it existed.
                Some((_, ServicePart::Used)) => {
                    let draw = rng.below(6);
                    used = draw < 2;
                    match draw {
                        0 | 1 => 1,
                        5 => 3,
                        _ => 2,
                    }
                }
                Some((_, ServicePart::Satisfaction)) if !used => 0,
                _ => Answer::synthetic_code(&item.kind, mood as u8, &mut |n| rng.below(n)),
            };
            if matches!(item.kind, ItemKind::Text) && code == 1 {
                d.texts.push((ii, r, format!("Commento {r}")));
            }
            d.columns[ii][r] = code;
        }
        // Questions the respondent would not have seen (e.g. "why not renew?" after "yes")
        // get no answer, exactly as in the app.
        for (ii, item) in bank.items().iter().enumerate() {
            let shown = is_visible(item, |id| bank.item_index(id).and_then(|k| Answer::decode(&bank.items()[k].kind, d.columns[k][r])));
            if !shown && d.columns[ii][r] != 0 {
                d.columns[ii][r] = 0;
                d.texts.retain(|(i, row, _)| !(*i == ii && *row == r));
            }
        }
    }
    d
}

/// A dataset written as a responses CSV (the documented layout) without building
/// per-response records: the benchmarks make large import files with it.
pub fn dataset_csv(bank: &Bank, data: &Dataset) -> String {
    let texts: std::collections::HashMap<(usize, usize), &str> = data.texts.iter().map(|(i, r, t)| ((*i, *r), t.as_str())).collect();
    let mut writer = csv::writer(Lang::DEFAULT);
    let header = csv_header(bank);
    let _ = writer.write_record(&header);
    let mut row: Vec<String> = Vec::with_capacity(header.len());
    for r in 0..data.n {
        row.clear();
        row.extend([format!("syn-{r:07}"), "2027-01-15T10:30:00.000Z".to_owned(), "it".to_owned()]);
        for (fi, f) in bank.profile().iter().enumerate() {
            let c = data.profile[fi][r];
            row.push(if c == 0 { String::new() } else { f.options[c as usize - 1].id.clone() });
        }
        for (ii, item) in bank.items().iter().enumerate() {
            let c = data.columns[ii][r];
            row.push(match (&item.kind, c) {
                (ItemKind::Text, 1..) => neutralise_cell(texts.get(&(ii, r)).copied().unwrap_or("")),
                (kind, c) => Answer::decode(kind, c).map(|a| a.token()).unwrap_or_default(),
            });
        }
        let _ = writer.write_record(&row);
    }
    csv::finish(writer)
}

/// The same synthetic data as full responses (for import benchmarks and files).
pub fn synthetic_responses(bank: &Bank, n: usize, seed: u64) -> Vec<Response> {
    let data = synthetic_dataset(bank, n, seed);
    (0..n)
        .map(|r| {
            let mut resp = Response::new(format!("syn{seed:x}-{r:07}"), bank, Lang::DEFAULT, None, "2027-01-15T10:00:00.000Z");
            resp.submitted_at = Some("2027-01-15T10:30:00.000Z".into());
            for (fi, f) in bank.profile().iter().enumerate() {
                let c = data.profile[fi][r];
                if c > 0 {
                    resp.profile.insert(f.id.clone(), f.options[c as usize - 1].id.clone());
                }
            }
            for (ii, item) in bank.items().iter().enumerate() {
                let c = data.columns[ii][r];
                if c == 0 {
                    continue;
                }
                let answer = match &item.kind {
                    ItemKind::Text => Some(Answer::Text(format!("Commento {r}"))),
                    kind => Answer::decode(kind, c),
                };
                resp.answers.extend(answer.map(|a| (item.id.clone(), a)));
            }
            resp
        })
        .collect()
}
