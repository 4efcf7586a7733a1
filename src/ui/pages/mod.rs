//! One module per page (or family of pages); [`page`] picks the one for a route.

pub mod backup;
mod exports;
mod home;
mod plan;
mod privacy;
mod question;
mod questionnaire;
mod report;
mod results;
mod staff;
mod staff_benchmark;

use crate::i18n::Msg;
use crate::route::{Route, StaffPage};
use crate::ui::state::use_state;
use leptos::prelude::*;

pub fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <home::Home/> }.into_any(),
        Route::Assessment { id, page } => view! { <questionnaire::AssessmentPages id page/> }.into_any(),
        Route::Privacy => view! { <privacy::Privacy/> }.into_any(),
        Route::Staff(StaffPage::Benchmark) => view! { <staff_benchmark::StaffBenchmark/> }.into_any(),
        Route::Survey { .. } | Route::Staff(_) | Route::NotFound(_) => view! { <NotFound/> }.into_any(),
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let state = use_state();
    view! {
        <h1 tabindex="-1">{move || state.t(Msg::NotFoundTitle)}</h1>
        <p>{move || state.t(Msg::NotFoundBody)}</p>
        <p><a href="#/">{move || state.t(Msg::NotFoundHome)}</a></p>
    }
}
