//! The navigator above every questionnaire page (progress and the list of steps) and the
//! page's heading, shared by the assessment and the survey.

use crate::content::bank::Bank;
use crate::kernel::i18n::{Lang, Msg};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// "Answered: 12 of 50 · section 2 of 5" (the section part on section pages only).
fn progress_label(lang: Lang, answered: usize, total: usize, page: usize, sections: usize) -> String {
    let mut text = lang.fmt(Msg::QuestionnaireProgress, &[("answered", &answered), ("total", &total)]);
    if (1..=sections).contains(&page) {
        text.push_str(" · ");
        text.push_str(&lang.fmt(Msg::QuestionnaireSectionOf, &[("n", &page), ("total", &sections)]));
    }
    text
}

/// One page of a questionnaire in its step list: the profile, a section, or the review.
#[derive(Clone, PartialEq)]
pub struct Step {
    pub title: String,
    pub href: String,
    /// "3/9" answered in a section, where the questionnaire shows it.
    pub count: Option<String>,
}

/// The progress bar and the step list (jump to any page) above every questionnaire page.
/// `steps` lists every page in order, so its index is the page number.
#[component]
pub fn StepNavigator(answered: Signal<usize>, total: Signal<usize>, sections: usize, page: usize, steps: Signal<Vec<Step>>) -> impl IntoView {
    let state = use_state();
    let label = Signal::derive(move || progress_label(state.lang.get(), answered.get(), total.get(), page, sections));
    view! {
        <div class="navigator no-print">
            <div class="progress">
                <progress max=move || total.get().max(1) value=move || answered.get() aria-label=move || label.get()></progress>
                <span>{move || label.get()}</span>
            </div>
            <nav aria-label=move || state.t(Msg::QuestionnaireSectionsLabel)>
                <ol class="steps">
                    {move || steps.get().into_iter().enumerate().map(|(n, step)| view! {
                        <li>
                            <a href=step.href aria-current=(n == page).then_some("step")>
                                {step.title}
                                {step.count.map(|count| view! { <span class="count">{count}</span> })}
                            </a>
                        </li>
                    }).collect_view()}
                </ol>
            </nav>
        </div>
    }
}

/// The title and introduction of a questionnaire page, following the language: the
/// profile's own messages on page 0, else the section's title and intro.
pub fn page_heading(bank: &Bank, page: usize, profile_title: Msg, profile_intro: Msg) -> (Signal<String>, Signal<String>) {
    let state = use_state();
    if page == 0 {
        return (Signal::derive(move || state.t(profile_title).to_owned()), Signal::derive(move || state.t(profile_intro).to_owned()));
    }
    let section = bank.sections()[page - 1].clone();
    let title = section.title.clone();
    let intro = section.intro;
    (
        Signal::derive(move || title.get(state.lang.get()).to_owned()),
        Signal::derive(move || intro.as_ref().map(|i| i.get(state.lang.get()).to_owned()).unwrap_or_default()),
    )
}
