//! The review page: what is still open, with a link to each question.

use super::page_route;
use super::questionnaire::Navigator;
use crate::content::bank::Bank;
use crate::kernel::i18n::Msg;
use crate::route::{AssessmentPage, Route};
use crate::ui::state::use_state;
use crate::ui::widgets::RequiredTag;
use leptos::prelude::*;
use std::sync::Arc;

/// An open question: (page, item id, "12. text", required).
type Open = (usize, String, String, bool);

#[component]
pub fn Review(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let sections = bank.sections().len();
    let b = bank.clone();
    // What is still open, and whether results can be shown: one pass per change.
    let open = Memo::new(move |_| {
        let lang = state.lang.get();
        state.current.with(|a| {
            let Some(a) = a else { return (Vec::new(), Vec::<Open>::new(), true) };
            let profile: Vec<String> = a.profile_open(&b).iter().map(|f| f.label.get(lang).to_owned()).collect();
            let items = a
                .unanswered(&b)
                .iter()
                .map(|i| {
                    let number = b.item_index(&i.id).unwrap_or(0) + 1;
                    (i.section + 1, i.id.clone(), format!("{number}. {}", i.text.get(lang)), i.required)
                })
                .collect();
            (profile, items, a.is_complete(&b))
        })
    });
    let results = Route::Assessment { id: id.clone(), page: AssessmentPage::Results }.href();
    let list_id = id.clone();
    view! {
        <Navigator id=id.clone() bank=bank.clone() page=sections + 1/>
        <h1 tabindex="-1">{move || state.t(Msg::QuestionnaireReviewTitle)}</h1>
        {move || {
            let carried = state.current.with(|a| a.as_ref().map_or(0, |a| a.carried(&bank).len()));
            (carried > 0).then(|| view! { <p class="note" data-testid="carried-count">{state.lang.get().fmt(Msg::QuestionnaireCarriedCount, &[("n", &carried)])}</p> })
        }}
        {move || {
            let (profile, items, complete) = open.get();
            if profile.is_empty() && items.is_empty() {
                view! { <p class="ok">{state.t(Msg::QuestionnaireReviewAllDone)}</p> }.into_any()
            } else {
                view! { <OpenList id=list_id.clone() sections profile items complete/> }.into_any()
            }
        }}
        <div class="pager no-print">
            <a class="button" href=page_route(&id, sections, sections).href() rel="prev">{move || state.t(Msg::QuestionnairePrevious)}</a>
            {move || if open.with(|o| o.2) {
                view! { <a class="button primary" href=results.clone()>{state.t(Msg::QuestionnaireSeeResults)}</a> }.into_any()
            } else {
                view! { <span class="muted">{state.t(Msg::QuestionnaireResultsLocked)}</span> }.into_any()
            }}
        </div>
    }
}

/// The open profile fields and questions, each a link to its page.
#[component]
fn OpenList(id: String, sections: usize, profile: Vec<String>, items: Vec<Open>, complete: bool) -> impl IntoView {
    let state = use_state();
    let profile_href = page_route(&id, 0, sections).href();
    view! {
        <p>{if complete { state.t(Msg::QuestionnaireReviewOptionalOpen) } else { state.t(Msg::QuestionnaireReviewRequiredOpen) }}</p>
        <ul class="open-list">
            {(!profile.is_empty()).then(|| view! {
                <li><a href=profile_href>{state.t(Msg::QuestionnaireProfileTitle)} ": " {profile.join(", ")}</a> " " <RequiredTag required=true/></li>
            })}
            {items.into_iter().map(|(page, item_id, text, required)| {
                let href = page_route(&id, page, sections).href();
                view! {
                    <li>
                        <a href=href on:click=move |_| state.edit(|a, _| a.resume.question = Some(item_id.clone()))>{text}</a>
                        " "
                        <RequiredTag required/>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
