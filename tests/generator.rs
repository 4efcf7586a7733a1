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
