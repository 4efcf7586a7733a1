//! Banners above every page: storage trouble, an update ready, content files dropped.

use super::ProblemList;
use crate::kernel::i18n::Msg;
use crate::kernel::problem::Problem;
use crate::ui::browser::{self, StorageTrouble};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// Shown while writes do not reach the browser's storage: says so plainly and offers the
/// one-click export of everything.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_state();
    move || {
        state.trouble.get().map(|trouble| {
            let msg = match trouble {
                StorageTrouble::Unavailable if browser::is_file_protocol() => Msg::StorageUnavailableFile,
                StorageTrouble::Unavailable => Msg::StorageUnavailable,
                StorageTrouble::Full => Msg::StorageFull,
            };
            view! {
                <div class="banner warning no-print" role="alert">
                    <p>{state.t(msg)}</p>
                    <button type="button" on:click=move |_| state.export_everything()>{state.t(Msg::StorageExportAll)}</button>
                </div>
            }
        })
    }
}

/// Offers to reload when the service worker has a new version ready (assets/pwa.js).
/// Stored data is untouched by an update; newer record schemas are migrated on reading.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = use_state();
    let ready = RwSignal::new(browser::window_flag("faroUpdateReady"));
    let handle = window_event_listener_untyped("faro-update-ready", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    move || {
        ready.get().then(|| {
            view! {
                <div class="banner info no-print" role="status">
                    <p>{state.t(Msg::UpdateReady)}</p>
                    <button type="button" class="primary" on:click=move |_| browser::call_window_function("faroApplyUpdate")>{state.t(Msg::UpdateReload)}</button>
                </div>
            }
        })
    }
}

/// This device's own content files no longer fit together (after an update, say): the
/// bundled content is used instead, and the banner says why.
#[component]
pub fn ContentDroppedBanner(problems: Vec<Problem>) -> impl IntoView {
    let state = use_state();
    (!problems.is_empty()).then(|| {
        view! {
            <div class="banner warning no-print" role="alert">
                <p>{move || state.t(Msg::ContentDropped)}</p>
                <ProblemList problems=problems/>
            </div>
        }
    })
}
