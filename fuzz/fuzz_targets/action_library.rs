//! Any text given as an action library (TOML).
#![no_main]
mod common;
use faro::kernel::problem::Source;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let c = common::content();
    let _ = faro::content::actions::Library::from_toml(Source { name: "fuzz", text }, &c.innovation, &c.catalogue);
});
