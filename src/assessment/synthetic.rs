//! Seeded synthetic data (native tools only, feature `tools`): the latent model behind
//! the bundled *synthetic reference set* benchmark, and synthetic survey responses for
//! the benchmarks. METHOD.md §Synthetic reference set states the model.
//!
//! There is no public dataset of assessment results to ship, so the benchmark Faro comes
//! with is simulated, and says so everywhere it is shown.

use crate::assessment::record::{Assessment, Given};
use crate::benchmark::{build, BenchmarkFile, BuildInfo, PREFER_NOT};
use crate::content::bank::{Answer, Bank};
use crate::kernel::i18n::{Lang, Localized};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};
use std::collections::BTreeMap;

/// The parameters of the committed file `assets/benchmark/synthetic.json`.
pub const SEED: u64 = 20_260_101;
pub const COMPANIES: usize = 2000;
pub const DATE: &str = "2026-11-26";
/// Raise when the model changes (it is written into the file).
pub const MODEL_VERSION: u32 = 2;

fn pick<'a>(rng: &mut ChaCha8Rng, weighted: &[(&'a str, f64)]) -> &'a str {
    let total: f64 = weighted.iter().map(|(_, w)| w).sum();
    let mut x = rng.random::<f64>() * total;
    for (value, w) in weighted {
        if x < *w {
            return value;
        }
        x -= w;
    }
    weighted[weighted.len() - 1].0
}

const SIZES: &[(&str, f64)] = &[("micro", 0.30), ("small", 0.36), ("medium", 0.24), ("large", 0.10)];
const SECTORS: &[(&str, f64)] = &[
    ("C", 0.40),
    ("M", 0.12),
    ("F", 0.10),
    ("D", 0.10),
    ("E", 0.08),
    ("J", 0.08),
    ("G", 0.05),
    ("H", 0.02),
    ("N", 0.02),
    ("K", 0.01),
    ("L", 0.01),
    ("Q", 0.01),
];
const AGES: &[(&str, f64)] = &[("lt3", 0.10), ("y3_9", 0.20), ("y10_24", 0.35), ("y25plus", 0.35)];
const REGIONS: &[(&str, f64)] = &[
    ("lombardia", 0.55),
    ("piemonte", 0.07),
    ("veneto", 0.07),
    ("emilia_romagna", 0.07),
    ("lazio", 0.04),
    ("toscana", 0.03),
    ("liguria", 0.02),
    ("friuli_venezia_giulia", 0.02),
    ("trentino_alto_adige", 0.02),
    ("campania", 0.02),
    ("puglia", 0.01),
    ("sicilia", 0.01),
    ("marche", 0.01),
    ("other_eu", 0.04),
    ("non_eu", 0.02),
];
const RD: &[&str] = &["none", "lt1", "p1_3", "p3_7", "p7plus"];

fn area_for(sector: &str) -> &'static str {
    match sector {
        "D" => "smart_energy",
        "C" => "sustainable_manufacturing",
        "F" | "L" => "green_building",
        "E" => "water_energy_nexus",
        _ => "none",
    }
}

/// One simulated company: its profile and its answers.
pub fn company(bank: &Bank, rng: &mut ChaCha8Rng, index: usize, date: &str) -> Assessment {
    let normal = Normal::new(0.0, 1.0).expect("valid normal");
    let size = pick(rng, SIZES);
    let sector = pick(rng, SECTORS);
    let area = if rng.random::<f64>() < 0.65 {
        area_for(sector)
    } else {
        pick(rng, &[("smart_energy", 1.0), ("sustainable_manufacturing", 1.0), ("green_building", 1.0), ("water_energy_nexus", 1.0), ("none", 1.0)])
    };
    let age = if size == "micro" && rng.random::<f64>() < 0.2 { "lt3" } else { pick(rng, AGES) };
    let region = pick(rng, REGIONS);
    // R&D intensity rises with size and in knowledge-intensive sectors (M, J, C).
    let size_effect = match size {
        "micro" => -0.6,
        "small" => -0.2,
        "medium" => 0.3,
        _ => 0.7,
    };
    let sector_effect = match sector {
        "M" | "J" => 0.6,
        "C" | "D" => 0.2,
        "F" | "G" | "H" | "L" => -0.4,
        _ => 0.0,
    };
    let rd_latent = 0.5 * size_effect + sector_effect + normal.sample(rng);
    let rd_index = match rd_latent {
        x if x < -0.9 => 0,
        x if x < -0.1 => 1,
        x if x < 0.6 => 2,
        x if x < 1.3 => 3,
        _ => 4,
    };
    let rd = RD[rd_index];
    let rd_effect = [-0.8, -0.3, 0.2, 0.6, 1.0][rd_index];
    let age_effect = match age {
        "lt3" => -0.1,
        "y3_9" => 0.0,
        "y10_24" => 0.05,
        _ => 0.0,
    };

    // The latent innovation capability and one correlated score per dimension.
    let theta = 0.35 * size_effect + 0.45 * rd_effect + 0.1 * age_effect + 0.85 * normal.sample(rng);
    let mut latent: BTreeMap<String, f64> = BTreeMap::new();
    for (_, section) in bank.scored_sections() {
        latent.insert(section.id.clone(), 0.8 * (0.75 * theta + 0.66 * normal.sample(rng)));
    }
    // Results follow capability, and above all the life cycle and enabling factors.
    let drivers = (latent.get("lifecycle").copied().unwrap_or(0.0) + latent.get("enablers").copied().unwrap_or(0.0)) / 2.0;
    latent.insert("results".into(), 0.8 * (0.5 * theta + 0.35 * drivers + 0.6 * normal.sample(rng)));

    let mut a = Assessment::new(format!("synthetic-{index:05}"), format!("Synthetic {index}"), bank, Lang::DEFAULT, &format!("{date}T00:00:00.000Z"));
    let profile = [("size", size), ("sector", sector), ("competence_area", area), ("age", age), ("region", region), ("rd_intensity", rd)];
    for (role, option) in profile {
        if let Some(field) = bank.profile_with_role(role) {
            a.profile.insert(field.id.clone(), option.to_owned());
        }
    }
    a.profile.extend(outcomes(bank, rng, theta, rd_effect));
    let thresholds = [-1.3, -0.4, 0.4, 1.3];
    for (qi, item) in bank.items().iter().enumerate() {
        let section = &bank.sections()[item.section].id;
        let Some(d) = latent.get(section) else { continue };
        // A fixed "difficulty" per question, the same for every company.
        let difficulty = ((qi as f64 * 0.618_034).fract() - 0.5) * 0.8;
        let dont_know = 0.04 + if section == "results" { 0.06 } else { 0.0 } + if size == "micro" { 0.04 } else { 0.0 };
        if !item.required && rng.random::<f64>() < 0.15 {
            continue;
        }
        let answer = if rng.random::<f64>() < dont_know {
            Answer::DontKnow
        } else {
            let y = d - difficulty + 0.8 * normal.sample(rng);
            Answer::Level(1 + thresholds.iter().filter(|t| y > **t).count() as u8)
        };
        a.answers.insert(item.id.clone(), Given { value: answer, at: a.created_at.clone(), carried: false });
    }
    a
}

/// Where each outcome class ends on a standard normal latent, lowest class first: growth
/// falls for about 12 % of companies and exceeds 20 % a year for 8 %; new products bring
/// nothing to 15 % and over half of sales to 7 %.
const OUTCOME_CUTS: &[(&str, [f64; 4])] = &[("growth", [-1.175, -0.332, 0.674, 1.405]), ("new_sales", [-1.036, 0.0, 0.772, 1.476])];
/// The share of companies that prefer not to state an outcome.
const PREFER_NOT_RATE: f64 = 0.10;

/// The company's answers to the outcome questions (growth, sales of new products): they
/// follow its capability only in part (correlation about 0.4), so that the leading
/// companies, chosen by outcome, are not chosen by score (METHOD.md §5).
fn outcomes(bank: &Bank, rng: &mut ChaCha8Rng, theta: f64, rd_effect: f64) -> Vec<(String, String)> {
    let normal = Normal::new(0.0, 1.0).expect("valid normal");
    let mut out = Vec::new();
    for (role, cuts) in OUTCOME_CUTS {
        let Some(field) = bank.profile_with_role(role) else { continue };
        let classes: Vec<&str> = field.options.iter().map(|o| o.id.as_str()).filter(|id| *id != PREFER_NOT).collect();
        let spread = if *role == "new_sales" { 0.4 * theta + 0.25 * rd_effect } else { 0.45 * theta };
        let y = spread + 0.9 * normal.sample(rng);
        let class = if rng.random::<f64>() < PREFER_NOT_RATE || classes.len() != cuts.len() + 1 {
            PREFER_NOT
        } else {
            classes[cuts.iter().filter(|c| y > **c).count()]
        };
        out.push((field.id.clone(), class.to_owned()));
    }
    out
}

/// The synthetic reference set: `companies` simulated companies aggregated exactly as
/// a real benchmark is, labelled as synthetic.
pub fn reference_set(bank: &Bank, seed: u64, companies: usize, date: &str) -> BenchmarkFile {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let sample: Vec<Assessment> = (0..companies).map(|i| company(bank, &mut rng, i, date)).collect();
    let both = |it: &str, en: &str| Localized([("it".to_owned(), it.to_owned()), ("en".to_owned(), en.to_owned())].into_iter().collect());
    let mut file = build(
        bank,
        &sample,
        BuildInfo {
            name: both("Insieme di riferimento simulato", "Simulated reference set"),
            provenance: both(
                &format!("Insieme di riferimento simulato — sostituitelo con i dati dei vostri associati. {companies} aziende simulate con il modello documentato in METHOD.md (seme {seed}), non aziende reali."),
                &format!("Simulated reference set — replace with your members' data. {companies} simulated companies from the model documented in METHOD.md (seed {seed}), not real companies."),
            ),
            synthetic: true,
            method: "Faro benchmark aggregation v1 (METHOD.md §4–§7)".into(),
            created_at: date.into(),
            generator: Some(format!("gen-benchmark model={MODEL_VERSION} seed={seed} companies={companies}")),
        },
    );
    file.meta.collection_period = format!("{date} (simulated)");
    file
}
