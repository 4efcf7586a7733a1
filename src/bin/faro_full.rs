//! The whole app (feature `full`): a second wasm that the first load never waits for.
//! The respondent's app (src/main.rs, built without `full`) loads it the first time a
//! page it lacks is opened (results, plan, workshop, staff area…), unmounts itself and
//! calls `startFaro`, so one app at a time owns the page and the records
//! (assets/full-app.js does the loading; ARCHITECTURE.md § Two builds of the app).

/// Nothing happens when the module is instantiated: the respondent's app decides when
/// the page changes hands.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// Mounts the full app on the page the respondent's app has just left, with the notice
/// that app was showing and, if its storage was in trouble, every record it kept.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startFaro)]
pub fn start_faro(notice: Option<String>, records: Option<String>) {
    faro::ui::start_after_handover(notice, records);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("faro-full is the whole app, every page included; Trunk builds it for the browser.");
    std::process::exit(2);
}
