//! Taking the assessment: the profile page and one page per dimension. Every answer is
//! saved the moment it is given (see `AppState::edit`).

use super::page_route;
use crate::content::bank::{Answer, Bank, Item};
use crate::kernel::i18n::Msg;
use crate::route::{AssessmentPage, Route};
use crate::ui::browser;
use crate::ui::state::use_state;
use crate::ui::widgets::{dom_id, page_heading, ProfileSelect, QuestionField, Step, StepNavigator};
use leptos::prelude::*;
use std::sync::Arc;

/// Progress and the section list, with how many questions of each section are answered.
#[component]
pub(super) fn Navigator(id: String, bank: Arc<Bank>, page: usize) -> impl IntoView {
    let state = use_state();
    let sections = bank.sections().len();
    let b = bank.clone();
    // One count per change, read by the bar, its label and the figure.
    let counts = Memo::new(move |_| state.current.with(|a| a.as_ref().map(|a| a.progress(&b)).map(|p| (p.answered, p.total)).unwrap_or((0, 0))));
    let answered = Signal::derive(move || counts.get().0);
    let total = Signal::derive(move || counts.get().1);
    let steps = Signal::derive(move || {
        let lang = state.lang.get();
        let href = |n| page_route(&id, n, sections).href();
        let mut steps = vec![Step { title: lang.t(Msg::QuestionnaireProfileTitle).to_owned(), href: href(0), count: None }];
        for (i, s) in bank.sections().iter().enumerate() {
            let (done, all) = state.current.with(|a| {
                a.as_ref()
                    .map(|a| {
                        let items: Vec<&Item> = bank.items_in(i).filter(|it| a.visible(it)).collect();
                        (items.iter().filter(|it| a.answers.contains_key(&it.id)).count(), items.len())
                    })
                    .unwrap_or((0, 0))
            });
            steps.push(Step { title: s.title.get(lang).to_owned(), href: href(i + 1), count: Some(format!("{done}/{all}")) });
        }
        steps.push(Step { title: lang.t(Msg::QuestionnaireReviewTitle).to_owned(), href: href(sections + 1), count: None });
        steps
    });
    view! { <StepNavigator answered total sections page steps/> }
}

/// Page `page` of the questionnaire: 0 the profile, then one per dimension.
#[component]
pub fn Questionnaire(id: String, bank: Arc<Bank>, page: usize) -> impl IntoView {
    let state = use_state();
    let sections = bank.sections().len();
    // Back at the question the user last answered (or chose on the review page).
    let resume_at = state.current.with_untracked(|a| a.as_ref().and_then(|a| a.resume.question.clone()));
    if let Some(q) = resume_at.filter(|_| page > 0) {
        if bank.item(&q).is_some_and(|i| i.section + 1 == page) {
            state.request_focus(dom_id(&q));
        }
    }
    // Results, plan and report are in the full app: fetched once a page of questions has
    // settled, so the first question never waits for it and the results open at once.
    set_timeout(browser::prefetch_full_app, std::time::Duration::from_secs(2));
    let (title, intro) = page_heading(&bank, page, Msg::QuestionnaireProfileTitle, Msg::QuestionnaireProfileIntro);
    let body = if page == 0 {
        view! { <ProfileFields bank=bank.clone()/> }.into_any()
    } else {
        view! { <SectionQuestions bank=bank.clone() section=page - 1/> }.into_any()
    };
    let prev = (page > 0).then(|| page_route(&id, page - 1, sections).href());
    let next = page_route(&id, page + 1, sections).href();
    let next_label = move || state.t(if page == sections { Msg::QuestionnaireToReview } else { Msg::QuestionnaireNext });
    view! {
        <Navigator id=id.clone() bank=bank.clone() page/>
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{intro}</p>
        {(page == 0).then(|| {
            let team = Route::Assessment { id: id.clone(), page: AssessmentPage::Team }.href();
            view! { <p class="muted no-print">{move || state.t(Msg::TeamFromProfile)}" "<a href=team>{move || state.t(Msg::TeamFromProfileLink)}</a></p> }
        })}
        {(page > 0).then(|| view! { <p class="muted legend-note">{move || state.t(Msg::QuestionnaireLevelsNote)}</p> })}
        {body}
        <div class="pager no-print">
            {prev.map(|href| view! { <a class="button" href=href rel="prev">{move || state.t(Msg::QuestionnairePrevious)}</a> })}
            <a class="button primary" href=next rel="next">{next_label}</a>
        </div>
    }
}

/// The questions of one dimension, numbered through the whole questionnaire.
#[component]
fn SectionQuestions(bank: Arc<Bank>, section: usize) -> impl IntoView {
    let state = use_state();
    let offset = bank.items().iter().take_while(|i| i.section < section).count();
    let fields = bank
        .items_in(section)
        .cloned()
        .enumerate()
        .map(|(i, item)| {
            let item_id = StoredValue::new(item.id.clone());
            let answer = Signal::derive(move || state.current.with(|a| a.as_ref().and_then(|a| a.answer_of(&item_id.read_value()).cloned())));
            let b = bank.clone();
            let on_answer = Callback::new(move |value: Option<Answer>| {
                let Some(item) = b.item(&item_id.read_value()).cloned() else { return };
                state.edit(|a, now| {
                    match value {
                        Some(v) => {
                            a.set_answer(&item, v, now);
                        }
                        None => a.clear_answer(&item.id, now),
                    }
                    a.resume.question = Some(item.id.clone());
                });
            });
            // A memo, so answering re-renders nothing but the checked state: re-creating
            // the question would move keyboard focus away.
            let check = item.clone();
            let shown = Memo::new(move |_| state.current.with(|a| a.as_ref().is_some_and(|a| a.visible(&check))));
            let scale = bank.scale_of(&item).cloned();
            move || {
                shown.get().then(|| {
                    view! {
                        <QuestionField item=item.clone() number=offset + i + 1 answer on_answer scale=scale.clone()/>
                        <Carried id=item_id.get_value()/>
                    }
                })
            }
        })
        .collect_view();
    let ids: Vec<String> = bank.items_in(section).map(|i| i.id.clone()).collect();
    view! {
        <ConfirmPage ids/>
        <div class="questions">{fields}</div>
    }
}

/// "Confirm every carried-over answer of this page", when there is one: next year's
/// assessment started from last year's answers need not be confirmed one by one.
#[component]
fn ConfirmPage(ids: Vec<String>) -> impl IntoView {
    let state = use_state();
    let ids = StoredValue::new(ids);
    let any =
        Memo::new(move |_| state.current.with(|a| a.as_ref().is_some_and(|a| ids.read_value().iter().any(|id| a.answers.get(id).is_some_and(|g| g.carried)))));
    move || {
        any.get().then(|| {
            view! {
                <p class="toolbar">
                    <button type="button" on:click=move |_| state.edit(|a, now| ids.read_value().iter().for_each(|id| a.confirm_answer(id, now)))>
                        {state.t(Msg::QuestionnaireConfirmPage)}
                    </button>
                </p>
            }
        })
    }
}

/// "Carried over from last year" under an answer copied from last year's assessment,
/// with the button that keeps it as this year's.
#[component]
fn Carried(id: String) -> impl IntoView {
    let state = use_state();
    let key = StoredValue::new(id);
    let carried = Memo::new(move |_| state.current.with(|a| a.as_ref().and_then(|a| a.answers.get(&*key.read_value())).is_some_and(|g| g.carried)));
    move || {
        carried.get().then(|| {
            view! {
                <p class="carried" data-testid="carried">
                    <span class="tag">{state.t(Msg::QuestionnaireCarried)}</span>
                    " "
                    <button type="button" on:click=move |_| state.edit(|a, now| a.confirm_answer(&key.read_value(), now))>{state.t(Msg::QuestionnaireConfirm)}</button>
                </p>
            }
        })
    }
}

#[component]
fn ProfileFields(bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let name = RwSignal::new(state.current.with_untracked(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default()));
    view! {
        <div class="questions profile">
            <div class="field">
                <label for="assessment-name">{move || state.t(Msg::QuestionnaireNameLabel)}</label>
                <input id="assessment-name" type="text" maxlength="200" prop:value=move || name.get()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        name.set(value.clone());
                        if !value.trim().is_empty() {
                            state.edit(|a, _| a.name = value.chars().take(200).collect());
                        }
                    }
                />
            </div>
            {bank.profile().iter().cloned().map(|field| {
                let field_id = StoredValue::new(field.id.clone());
                let dom_id = format!("p-{}", field.id);
                let selected = Signal::derive(move || state.current.with(|a| a.as_ref().and_then(|a| a.profile.get(&*field_id.read_value()).cloned())).unwrap_or_default());
                let on_change = Callback::new(move |value: String| {
                    state.edit(|a, now| {
                        if value.is_empty() {
                            a.profile.remove(&*field_id.read_value());
                        } else {
                            a.set_profile(&field_id.read_value(), &value, now);
                        }
                    })
                });
                view! { <ProfileSelect field dom_id selected on_change/> }
            }).collect_view()}
        </div>
    }
}
