//! Any bytes given as a survey file (JSON or CSV), then aggregated if accepted.
#![no_main]
mod common;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let bank = &common::content().satisfaction;
    let mut known = std::collections::BTreeSet::new();
    let report = faro::survey::import_responses("fuzz", data, bank, &mut known);
    let dataset = faro::survey::Dataset::from_responses(bank, &report.accepted);
    let _ = faro::survey::aggregate(bank, &dataset);
    let _ = faro::survey::last_year("fuzz", data, bank);
});
