//! Any bytes given as a plan file, merged into a plan when accepted.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(file) = faro::assessment::files::plan_file("fuzz.json", data) {
        let mut plan = faro::assessment::plan::Plan::default();
        let _ = plan.merge(file.body.plan, "now");
    }
});
