//! The synthetic reference set is reproducible: the same seed gives the same file, and
//! the committed file is exactly what the generator writes today.
#![cfg(feature = "tools")]

use faro::assessment::synthetic::{reference_set, COMPANIES, DATE, SEED};
use faro::benchmark::to_json;
use faro::content::Content;

#[test]
fn same_seed_same_file_and_the_committed_file_is_current() {
    let content = Content::bundled().unwrap();
    let small_a = to_json(&reference_set(&content.innovation, 7, 300, DATE));
    let small_b = to_json(&reference_set(&content.innovation, 7, 300, DATE));
    assert_eq!(small_a, small_b);
    assert_ne!(small_a, to_json(&reference_set(&content.innovation, 8, 300, DATE)));
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/benchmark/synthetic.json")).unwrap();
    let fresh = to_json(&reference_set(&content.innovation, SEED, COMPANIES, DATE));
    assert!(fresh == committed, "assets/benchmark/synthetic.json is out of date: run `cargo run --release --features tools --bin gen-benchmark`");
}

/// The plans of 100 simulated companies (a seed other than the reference set's) against
/// the bundled benchmark: no dimension takes more than 35 % of the actions, none targets
/// the outcome dimension (Results), and every company with a gap gets a plan
/// (METHOD.md §Action Plan).
#[test]
fn synthetic_companies_plans_are_not_dominated_by_one_dimension() {
    use faro::assessment::propose::{propose, Basis};
    use faro::assessment::synthetic::company;
    use faro::benchmark::Benchmark;
    use faro::kernel::i18n::Lang;
    use rand::SeedableRng;
    use std::collections::BTreeMap;

    let content = Content::bundled().unwrap();
    let bank = &content.innovation;
    let library = content.bundled_library().unwrap();
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/benchmark/synthetic.json")).unwrap();
    let bench = Benchmark::from_json("synthetic.json", &bytes).unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(4242);
    let mut per_dimension: BTreeMap<String, usize> = BTreeMap::new();
    let mut empty = 0;
    for i in 0..100 {
        let a = company(bank, &mut rng, i, DATE);
        let plan = propose(bank, &library, &a.scores(bank), Basis { benchmark: Some(&bench), ..Basis::default() }, Lang::DEFAULT, "t");
        empty += usize::from(plan.items.is_empty());
        for item in &plan.items {
            let metric = &item.reason.as_ref().expect("a reason").metric;
            *per_dimension.entry(metric.split('.').next().unwrap().to_owned()).or_default() += 1;
        }
    }
    let total: usize = per_dimension.values().sum();
    assert!(!per_dimension.contains_key("results"), "{per_dimension:?}");
    for (dimension, n) in &per_dimension {
        assert!(*n * 100 <= total * 35, "{dimension} takes {n} of {total} actions: {per_dimension:?}");
    }
    assert!(empty <= 10, "{empty} companies without a plan");
}
