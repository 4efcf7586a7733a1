//! The staff area: survey responses and kiosk, the dashboard and assembly report, the
//! members' shared plans, the benchmark builder, and content files; and the navigation
//! they share.

mod benchmark;
mod content;
mod dashboard;
mod members;
mod responses;

pub use benchmark::StaffBenchmark;
pub use content::StaffContent;
pub use dashboard::{DashboardPage, EvidencePage};
pub use members::StaffMembers;
pub use responses::StaffResponses;

use crate::kernel::i18n::Msg;
use crate::route::{Route, StaffPage};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The label of each staff page in the staff navigation.
fn nav_label(page: StaffPage) -> Msg {
    match page {
        StaffPage::Responses => Msg::StaffNavResponses,
        StaffPage::Dashboard => Msg::StaffNavDashboard,
        StaffPage::Report => Msg::StaffNavReport,
        StaffPage::Evidence => Msg::StaffNavEvidence,
        StaffPage::Members => Msg::StaffNavMembers,
        StaffPage::Benchmark => Msg::StaffNavBenchmark,
        StaffPage::Content => Msg::StaffNavContent,
    }
}

/// The staff pages' own navigation.
#[component]
pub fn StaffNav() -> impl IntoView {
    let state = use_state();
    view! {
        <nav class="subnav no-print" aria-label=move || state.t(Msg::StaffNavLabel)>
            <ul>
                {StaffPage::ALL.into_iter().map(|page| view! {
                    <li><a href=Route::Staff(page).href()
                        aria-current=move || state.route.with(|r| (*r == Route::Staff(page)).then_some("page"))>
                        {move || state.t(nav_label(page))}
                    </a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
