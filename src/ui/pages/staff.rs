//! The staff area: its navigation, shared by the staff pages.

use crate::i18n::Msg;
use crate::route::{Route, StaffPage};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The staff pages' own navigation.
#[component]
pub fn StaffNav() -> impl IntoView {
    let state = use_state();
    let pages = [
        (StaffPage::Responses, Msg::StaffNavResponses),
        (StaffPage::Dashboard, Msg::StaffNavDashboard),
        (StaffPage::Report, Msg::StaffNavReport),
        (StaffPage::Benchmark, Msg::StaffNavBenchmark),
        (StaffPage::Content, Msg::StaffNavContent),
    ];
    view! {
        <nav class="subnav no-print" aria-label=move || state.t(Msg::StaffNavLabel)>
            <ul>
                {pages.into_iter().map(|(page, msg)| view! {
                    <li><a href=Route::Staff(page).href()
                        aria-current=move || state.route.with(|r| (*r == Route::Staff(page)).then_some("page"))>
                        {move || state.t(msg)}
                    </a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
