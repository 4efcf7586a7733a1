//! The hand-over from the respondent's app to the full app (ARCHITECTURE.md § Two builds
//! of the app): the page a build without the `full` feature shows where the full app has
//! a page, and the handle that lets it take itself off the page.

use std::any::Any;
use std::cell::RefCell;

thread_local! {
    /// The mounted app, kept so that the respondent's build can take itself off the page
    /// before the full app takes over.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Keeps the mounted app's handle (`ui::start`): dropping it unmounts the app.
pub fn keep_mounted(app: Box<dyn Any>) {
    MOUNTED.with(|m| m.replace(Some(app)));
}

/// Fetches the full app (at once, unless a prefetch already has) and hands it the page,
/// which it shows at this same address. `title` names the page being opened.
#[cfg(not(feature = "full"))]
#[leptos::component]
pub fn Handover(title: crate::kernel::i18n::Msg) -> impl leptos::IntoView {
    use crate::kernel::i18n::Msg;
    use crate::ui::browser;
    use crate::ui::state::use_state;
    use leptos::prelude::*;

    let state = use_state();
    let failed = RwSignal::new(false);
    let here = state.route.get_untracked();
    leptos::task::spawn_local(async move {
        let start = browser::prepare_full_app().await;
        // Another page may have handed over already; or the user may have gone elsewhere
        // meanwhile, and then the respondent's app stays.
        if MOUNTED.with(|m| m.borrow().is_none()) {
            return;
        }
        match start {
            Some(start) if state.route.get_untracked() == here => {
                let notice = state.notice.get_untracked();
                // Records storage refused live only in this app's memory: they go along.
                let trouble = state.trouble.get_untracked().or_else(browser::open_trouble);
                let records = trouble.map(|_| browser::records_json());
                // Nothing of this app runs after this, so the full app alone writes records.
                let app = MOUNTED.with(RefCell::take);
                drop(app);
                browser::call_with_texts(&start, notice.as_deref(), records.as_deref());
            }
            Some(_) => {}
            None => failed.set(true),
        }
    });
    view! {
        <h1 tabindex="-1">{move || state.t(title)}</h1>
        <p role="status">{move || state.t(if failed.get() { Msg::HandoverFailed } else { Msg::HandoverLoading })}</p>
    }
}
