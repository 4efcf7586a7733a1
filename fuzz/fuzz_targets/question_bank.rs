//! Any text given as a question bank, in TOML (as staff write it) and in JSON.
#![no_main]
mod common;
use faro::content::bank::Bank;
use faro::kernel::problem::Source;
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalogue = &common::content().catalogue;
    let source = Source { name: "fuzz", text };
    let _ = Bank::from_toml(source, Some(catalogue));
    let _ = Bank::from_json(text, source, Some(catalogue));
    let _ = faro::content::catalogue::Catalogue::from_toml(source);
});
