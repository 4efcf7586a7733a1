//! Any bytes given as a backup to restore.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = faro::store::plan_restore("fuzz.json", data, &Default::default());
});
