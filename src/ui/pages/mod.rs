//! One module per page (or family of pages); [`page`] picks the one for a route.

pub mod backup;
mod dashboard;
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
mod staff_content;
mod staff_responses;
pub mod survey;

use crate::i18n::Msg;
use crate::route::{Route, StaffPage};
use crate::ui::state::use_state;
use leptos::prelude::*;

pub fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <home::Home/> }.into_any(),
        Route::Assessment { id, page } => view! { <questionnaire::AssessmentPages id page/> }.into_any(),
        Route::Privacy => view! { <privacy::Privacy/> }.into_any(),
        Route::SurveyHome => view! { <survey::SurveyHome/> }.into_any(),
        Route::Survey { id, page } => view! { <survey::SurveyPages id page/> }.into_any(),
        Route::Staff(StaffPage::Responses) => view! { <staff_responses::StaffResponses/> }.into_any(),
        Route::Staff(StaffPage::Dashboard) => view! { <dashboard::DashboardPage print=false/> }.into_any(),
        Route::Staff(StaffPage::Report) => view! { <dashboard::DashboardPage print=true/> }.into_any(),
        Route::Staff(StaffPage::Benchmark) => view! { <staff_benchmark::StaffBenchmark/> }.into_any(),
        Route::Staff(StaffPage::Content) => view! { <staff_content::StaffContent/> }.into_any(),
        Route::NotFound(_) => view! { <NotFound/> }.into_any(),
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
