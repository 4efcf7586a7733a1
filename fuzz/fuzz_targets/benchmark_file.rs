//! Any bytes given as a benchmark file; a valid one is used for a comparison.
#![no_main]
mod common;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(bench) = faro::benchmark::Benchmark::from_json("fuzz.json", data) {
        let bank = &common::content().innovation;
        let scores = faro::assessment::score::score(bank, &|_| Some(faro::content::bank::Answer::Level(3)));
        for (key, _) in bench.groups() {
            let _ = bench.compare(&key, &scores);
        }
    }
});
