//! The whole app, staff area included: a second wasm that the first load never fetches.
//! The respondent's app (src/main.rs, built without the `staff` feature) loads it the
//! first time a staff page is opened, unmounts itself and calls `startFaro`, so one app
//! at a time owns the page and the records (assets/full-app.js does the loading).

/// Nothing happens when the module is instantiated: the respondent's app decides when
/// the page changes hands.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// Mounts the full app on the page the respondent's app has just left, with the notice
/// that app was showing.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startFaro)]
pub fn start_faro(notice: Option<String>) {
    faro::ui::start_after_handover(notice);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("faro-full is the app with its staff area; Trunk builds it for the browser.");
    std::process::exit(2);
}
