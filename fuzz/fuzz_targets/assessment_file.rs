//! Any bytes given as an assessment file: a value or located problems, never a panic.
#![no_main]
mod common;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = faro::assessment::files::assessment_file("fuzz.json", data, &common::content().innovation);
});
