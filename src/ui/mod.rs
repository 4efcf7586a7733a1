//! The Leptos user interface (wasm32 only). Components show state and call the domain;
//! they hold no rules of their own, and change records only through [`state::AppState`].
//! See ARCHITECTURE.md for the map.

mod app;
mod assessment;
#[cfg(feature = "bench")]
mod bench;
pub mod browser;
pub mod charts;
mod panic;
mod privacy;
#[cfg(feature = "full")]
mod staff;
pub mod state;
mod survey;
mod tools;
#[cfg(feature = "full")]
mod transfer;
pub mod widgets;

pub use app::App;

use crate::content::Content;
use crate::kernel::i18n::Lang;
use crate::store;
use leptos::prelude::*;

/// Entry point: installs the panic boundary and mounts the app.
pub fn start() {
    start_with(None);
}

/// Mounts the app with a notice to show at once (one the respondent's app gave just
/// before it handed over: "Session closed: 3 responses collected").
fn start_with(notice: Option<String>) {
    panic::install();
    let overrides = browser::with_storage(|s| store::content_overrides(&s.snapshot()));
    match Content::assemble(&overrides) {
        Ok((content, dropped)) => {
            let app = leptos::mount::mount_to(
                leptos::tachys::dom::body(),
                move || view! { <App content=content.clone() dropped_content=dropped.clone() notice=notice.clone()/> },
            );
            widgets::keep_mounted(Box::new(app));
        }
        // Bundled content is checked by `cargo test`; this only guards a broken build.
        Err(problems) => {
            let text = problems.iter().map(|p| p.message(Lang::DEFAULT)).collect::<Vec<_>>().join("\n");
            panic::show(&text);
        }
    }
}

/// The full app's entry point when the respondent's app hands the page over (one of
/// the full app's pages was opened): it starts as on a fresh load, from the records on
/// this device — or, when storage was in trouble, from `records`, all the first app's
/// records, saved or not — keeps the notice the respondent's app had just given, and
/// moves focus to the new page's heading as any navigation does.
#[cfg(feature = "full")]
pub fn start_after_handover(notice: Option<String>, records: Option<String>) {
    if let Some(json) = records {
        browser::adopt_records(&json);
    }
    start_with(notice);
    request_animation_frame(browser::focus_main_heading);
}
