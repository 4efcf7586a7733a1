//! The self-assessment's pages: home (the list of assessments), the questionnaire and its
//! review, results with the benchmark comparison, the Action Plan, the print report and
//! the export bar.

// Results, plan, report and the workshop are in the full app only (feature `full`):
// the first load carries the questionnaire.
#[cfg(feature = "full")]
mod comparison;
#[cfg(feature = "full")]
mod consensus;
#[cfg(feature = "full")]
mod derived;
#[cfg(feature = "full")]
mod exports;
mod home;
#[cfg(feature = "full")]
mod plan;
#[cfg(feature = "full")]
mod progress;
mod questionnaire;
#[cfg(feature = "full")]
mod report;
#[cfg(feature = "full")]
mod results;
mod review;
#[cfg(feature = "full")]
mod share;
#[cfg(feature = "full")]
mod team;

pub use home::Home;
#[cfg(feature = "full")]
pub use team::RaterTurn;

use crate::kernel::i18n::Msg;
use crate::route::{AssessmentPage, Route};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The pages of one assessment, once it is open and made with this questionnaire.
#[component]
pub fn AssessmentPages(id: String, page: AssessmentPage) -> impl IntoView {
    let state = use_state();
    if !state.open(&id) {
        return view! { <crate::ui::widgets::NotFound/> }.into_any();
    }
    let bank = state.content().innovation.clone();
    let compatible = state.current.with_untracked(|a| a.as_ref().is_some_and(|a| bank.reads_version(&a.bank_id, &a.bank_version)));
    if !compatible {
        return view! {
            <h1 tabindex="-1">{move || state.t(Msg::QuestionnaireIncompatibleTitle)}</h1>
            <p>{move || state.t(Msg::QuestionnaireIncompatibleBody)}</p>
            <p><a href="#/">{move || state.t(Msg::NotFoundHome)}</a></p>
        }
        .into_any();
    }
    let sections = bank.sections().len();
    match page {
        AssessmentPage::Profile => view! { <questionnaire::Questionnaire id bank page=0/> }.into_any(),
        AssessmentPage::Section(n) if n < sections => view! { <questionnaire::Questionnaire id bank page=n + 1/> }.into_any(),
        AssessmentPage::Section(_) | AssessmentPage::Review => view! { <review::Review id bank/> }.into_any(),
        #[cfg(feature = "full")]
        AssessmentPage::Results => view! { <results::Results id bank/> }.into_any(),
        #[cfg(feature = "full")]
        AssessmentPage::Plan => view! { <plan::PlanPage id bank/> }.into_any(),
        #[cfg(feature = "full")]
        AssessmentPage::Report => view! { <report::Report id bank/> }.into_any(),
        #[cfg(feature = "full")]
        AssessmentPage::Team => view! { <team::TeamPage id bank/> }.into_any(),
        #[cfg(feature = "full")]
        AssessmentPage::Consensus => view! { <consensus::ConsensusPage id bank/> }.into_any(),
        #[cfg(not(feature = "full"))]
        AssessmentPage::Results | AssessmentPage::Plan | AssessmentPage::Report | AssessmentPage::Team | AssessmentPage::Consensus => {
            view! { <crate::ui::widgets::Handover title=Msg::HandoverTitle/> }.into_any()
        }
    }
}

/// Page `n` of the questionnaire as a route: 0 profile, 1..=sections, then review.
fn page_route(id: &str, page: usize, sections: usize) -> Route {
    let page = match page {
        0 => AssessmentPage::Profile,
        n if n <= sections => AssessmentPage::Section(n - 1),
        _ => AssessmentPage::Review,
    };
    Route::Assessment { id: id.to_owned(), page }
}

/// What a results, plan or report page shows until every required answer is given.
#[cfg(feature = "full")]
#[component]
fn Incomplete(id: String, title: Msg) -> impl IntoView {
    let state = use_state();
    let review = Route::Assessment { id, page: AssessmentPage::Review }.href();
    view! {
        <h1 tabindex="-1">{move || state.t(title)}</h1>
        <p>{move || state.t(Msg::ResultsIncomplete)}</p>
        <p><a class="button primary" href=review>{move || state.t(Msg::ResultsToReview)}</a></p>
    }
}
