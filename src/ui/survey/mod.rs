//! The satisfaction survey as a respondent takes it, alone on their device or in turn on
//! a staff device in kiosk mode: start page, questionnaire, review, thanks; and the bar
//! of a kiosk session.

mod kiosk;
mod respondent;

pub use kiosk::KioskBar;

use crate::kernel::i18n::Msg;
use crate::route::{Route, StaffPage, SurveyPage};
use crate::ui::browser;
use crate::ui::state::use_state;
use leptos::prelude::*;

#[component]
pub fn SurveyHome() -> impl IntoView {
    let state = use_state();
    let meta = state.content().satisfaction.meta().clone();
    let minutes = meta.minutes.unwrap_or(12);
    // An unfinished response on this device is offered first.
    let unfinished = state.responses.with_untracked(|all| {
        all.iter().filter(|r| r.submitted_at.is_none() && r.session.is_none()).max_by(|a, b| a.started_at.cmp(&b.started_at)).map(|r| (r.id.clone(), r.page))
    });
    let title = meta.title.clone();
    let intro = meta.intro.clone();
    view! {
        <section class="hero">
            <h1 tabindex="-1">{move || title.get(state.lang.get()).to_owned()}</h1>
            <p class="lead">{move || intro.get(state.lang.get()).to_owned()}</p>
            <p class="muted">{move || state.lang.get().fmt(Msg::SurveyMinutes, &[("minutes", &minutes)])}</p>
            <p class="toolbar">
                {unfinished.map(|(id, step)| {
                    let href = Route::Survey { id, page: SurveyPage::Step(step) }.href();
                    view! { <a class="button primary big" href=href>{move || state.t(Msg::SurveyResume)}</a> }
                })}
                <button type="button" class="primary big" on:click=move |_| { state.start_response(None); }>
                    {move || state.t(Msg::SurveyStart)}
                </button>
            </p>
            <p>
                <a href=Route::Staff(StaffPage::Responses).href() on:pointerenter=|_| browser::prefetch_full_app() on:focus=|_| browser::prefetch_full_app()>
                    {move || state.t(Msg::SurveyStaffLink)}
                </a>
            </p>
        </section>
    }
}

/// The pages of one response: 0 profile, 1..=sections, then review (and the thanks once
/// it is sent, whatever page the address names).
#[component]
pub fn SurveyPages(id: String, page: SurveyPage) -> impl IntoView {
    let state = use_state();
    if !state.open_response(&id) {
        return view! { <crate::ui::widgets::NotFound/> }.into_any();
    }
    let bank = state.content().satisfaction.clone();
    if state.response.with_untracked(|r| r.as_ref().is_some_and(|r| r.submitted_at.is_some())) {
        return view! { <respondent::Thanks/> }.into_any();
    }
    let sections = bank.sections().len();
    match page {
        SurveyPage::Step(step) if step <= sections => view! { <respondent::Form id bank page=step/> }.into_any(),
        SurveyPage::Step(_) | SurveyPage::Thanks => view! { <respondent::Review id bank/> }.into_any(),
    }
}
