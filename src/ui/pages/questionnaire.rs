//! Taking the assessment: the profile page, one page per dimension, and the review page.
//! Every answer is saved the moment it is given (see `AppState::edit`).

use super::plan::PlanPage;
use super::question::{dom_id, ProfileSelect, QuestionField, RequiredTag};
use super::report::Report;
use super::results::Results;
use crate::bank::Bank;
use crate::i18n::Msg;
use crate::response::Answer;
use crate::route::{AssessmentPage, Route};
use crate::ui::components::{page_heading, Step, StepNavigator};
use crate::ui::state::use_state;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn AssessmentPages(id: String, page: AssessmentPage) -> impl IntoView {
    let state = use_state();
    if !state.open(&id) {
        return view! { <super::NotFound/> }.into_any();
    }
    let content = state.content();
    let bank = Arc::new(content.innovation.clone());
    let compatible = state.current.with_untracked(|a| a.as_ref().is_some_and(|a| bank.accepts_version(&a.bank_id, &a.bank_version)));
    if !compatible {
        return view! {
            <h1 tabindex="-1">{move || state.t(Msg::QIncompatibleTitle)}</h1>
            <p>{move || state.t(Msg::QIncompatibleBody)}</p>
            <p><a href="#/">{move || state.t(Msg::NotFoundHome)}</a></p>
        }
        .into_any();
    }
    let sections = bank.sections().len();
    match page {
        AssessmentPage::Profile => view! { <Questionnaire id bank page=0/> }.into_any(),
        AssessmentPage::Section(n) if n < sections => view! { <Questionnaire id bank page=n + 1/> }.into_any(),
        AssessmentPage::Section(_) | AssessmentPage::Review => view! { <Review id bank/> }.into_any(),
        AssessmentPage::Results => view! { <Results id bank/> }.into_any(),
        AssessmentPage::Plan => view! { <PlanPage id bank/> }.into_any(),
        AssessmentPage::Report => view! { <Report id bank/> }.into_any(),
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

/// Progress and the section list, with how many questions of each section are answered.
#[component]
fn Navigator(id: String, bank: Arc<Bank>, page: usize) -> impl IntoView {
    let state = use_state();
    let sections = bank.sections().len();
    let b = bank.clone();
    // One count per change, read by the bar, its label and the figure.
    let counts = Memo::new(move |_| {
        state.current.with(|a| {
            a.as_ref()
                .map(|a| {
                    let progress = a.progress(&b);
                    (progress.answered, progress.total)
                })
                .unwrap_or((0, 0))
        })
    });
    let answered = Signal::derive(move || counts.get().0);
    let total = Signal::derive(move || counts.get().1);
    let b = bank.clone();
    let steps = Signal::derive(move || {
        let lang = state.lang.get();
        let href = |n| page_route(&id, n, sections).href();
        let mut steps = vec![Step { title: lang.t(Msg::QProfileTitle).to_owned(), href: href(0), count: None }];
        for (i, s) in b.sections().iter().enumerate() {
            let (done, all) = state.current.with(|a| {
                a.as_ref()
                    .map(|a| {
                        let items: Vec<_> = b.items_in(i).filter(|it| a.visible(it)).collect();
                        (items.iter().filter(|it| a.answers.contains_key(&it.id)).count(), items.len())
                    })
                    .unwrap_or((0, 0))
            });
            steps.push(Step { title: s.title.get(lang).to_owned(), href: href(i + 1), count: Some(format!("{done}/{all}")) });
        }
        steps.push(Step { title: lang.t(Msg::QReviewTitle).to_owned(), href: href(sections + 1), count: None });
        steps
    });
    view! { <StepNavigator answered total sections page steps/> }
}

#[component]
fn Questionnaire(id: String, bank: Arc<Bank>, page: usize) -> impl IntoView {
    let state = use_state();
    let sections = bank.sections().len();
    // Remember where the user is, so a reload or a later visit resumes here.
    state.edit(|a, _| a.resume.page = page);
    let focus_target = state.current.with_untracked(|a| a.as_ref().and_then(|a| a.resume.question.clone()));
    if let Some(q) = focus_target.filter(|_| page > 0) {
        if bank.item(&q).is_some_and(|i| i.section + 1 == page) {
            state.focus_request.set_value(Some(dom_id(&q)));
        }
    }

    let (title, intro) = page_heading(&bank, page, Msg::QProfileTitle, Msg::QProfileIntro);

    let body = if page == 0 {
        view! { <ProfileFields bank=bank.clone()/> }.into_any()
    } else {
        let scales = bank.scales().to_vec();
        let offset = bank.items().iter().take_while(|i| i.section < page - 1).count();
        let items: Vec<_> = bank.items_in(page - 1).cloned().collect();
        let b = bank.clone();
        view! {
            <div class="questions">
                {items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let item_id = item.id.clone();
                        let visible_item = item.clone();
                        let answer = Signal::derive({
                            let item_id = item_id.clone();
                            move || state.current.with(|a| a.as_ref().and_then(|a| a.answer_of(&item_id).cloned()))
                        });
                        let b = b.clone();
                        let on_answer = Callback::new(move |value: Option<Answer>| {
                            let item = b.item(&item_id).cloned();
                            state.edit(|a, now| {
                                let Some(item) = item else { return };
                                match value {
                                    Some(v) => {
                                        a.set_answer(&item, v, now);
                                    }
                                    None => a.clear_answer(&item.id, now),
                                }
                                a.resume.question = Some(item.id.clone());
                            });
                        });
                        let scales = scales.clone();
                        // A memo, so answering re-renders nothing but the checked state:
                        // re-creating the question would move keyboard focus away.
                        let check_item = visible_item.clone();
                        let shown = Memo::new(move |_| state.current.with(|a| a.as_ref().is_some_and(|a| a.visible(&check_item))));
                        move || {
                            shown.get().then(|| view! {
                                <QuestionField item=visible_item.clone() number=offset + i + 1 answer on_answer scales=scales.clone()/>
                            })
                        }
                    })
                    .collect_view()}
            </div>
        }
        .into_any()
    };

    let prev = (page > 0).then(|| page_route(&id, page - 1, sections).href());
    let next = page_route(&id, page + 1, sections).href();
    let next_label = move || state.t(if page == sections { Msg::QToReview } else { Msg::QNext });

    view! {
        <Navigator id=id.clone() bank=bank.clone() page/>
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{intro}</p>
        {(page > 0).then(|| view! { <p class="muted legend-note">{move || state.t(Msg::QLevelsNote)}</p> })}
        {body}
        <div class="pager no-print">
            {prev.map(|href| view! { <a class="button" href=href rel="prev">{move || state.t(Msg::QPrevious)}</a> })}
            <a class="button primary" href=next rel="next">{next_label}</a>
        </div>
    }
}

#[component]
fn ProfileFields(bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let name = RwSignal::new(state.current.with_untracked(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default()));
    view! {
        <div class="questions profile">
            <div class="field">
                <label for="assessment-name">{move || state.t(Msg::QNameLabel)}</label>
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
                let field_id = field.id.clone();
                let dom_id = format!("p-{field_id}");
                let selected = Signal::derive({
                    let field_id = field_id.clone();
                    move || state.current.with(|a| a.as_ref().and_then(|a| a.profile.get(&field_id).cloned())).unwrap_or_default()
                });
                let on_change = Callback::new(move |value: String| {
                    state.edit(|a, now| {
                        if value.is_empty() {
                            a.profile.remove(&field_id);
                        } else {
                            a.set_profile(&field_id, &value, now);
                        }
                    })
                });
                view! { <ProfileSelect field dom_id selected on_change/> }
            }).collect_view()}
        </div>
    }
}

#[component]
fn Review(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let sections = bank.sections().len();
    state.edit(|a, _| a.resume.page = sections + 1);
    let b = bank.clone();
    // What is still open, and whether results can be shown: one pass per change.
    let open = Memo::new(move |_| {
        state.current.with(|a| {
            let Some(a) = a else { return (Vec::new(), Vec::new(), true) };
            let profile: Vec<String> = a.profile_open(&b).iter().map(|f| f.label.get(state.lang.get()).to_owned()).collect();
            let items: Vec<(usize, String, String, bool)> = a
                .unanswered(&b)
                .iter()
                .map(|i| {
                    let number = b.item_index(&i.id).unwrap_or(0) + 1;
                    (i.section, i.id.clone(), format!("{number}. {}", i.text.get(state.lang.get())), i.required)
                })
                .collect();
            (profile, items, a.is_complete(&b))
        })
    });
    let results = Route::Assessment { id: id.clone(), page: AssessmentPage::Results }.href();
    let id2 = id.clone();
    view! {
        <Navigator id=id.clone() bank=bank.clone() page=sections + 1/>
        <h1 tabindex="-1">{move || state.t(Msg::QReviewTitle)}</h1>
        {move || {
            let (profile, items, complete) = open.get();
            let id = id2.clone();
            if profile.is_empty() && items.is_empty() {
                view! { <p class="ok">{state.t(Msg::QReviewAllDone)}</p> }.into_any()
            } else {
                view! {
                    <p>{if complete { state.t(Msg::QReviewOptionalOpen) } else { state.t(Msg::QReviewRequiredOpen) }}</p>
                    <ul class="open-list">
                        {(!profile.is_empty()).then(|| {
                            let href = page_route(&id, 0, sections).href();
                            view! { <li><a href=href>{state.t(Msg::QProfileTitle)} ": " {profile.join(", ")}</a> " " <RequiredTag required=true/></li> }
                        })}
                        {items.into_iter().map(|(section, item_id, text, required)| {
                            let href = page_route(&id, section + 1, sections).href();
                            let target = item_id.clone();
                            view! {
                                <li>
                                    <a href=href on:click=move |_| state.edit(|a, _| a.resume.question = Some(target.clone()))>{text}</a>
                                    " "
                                    <RequiredTag required/>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
        <div class="pager no-print">
            <a class="button" href=page_route(&id, sections, sections).href() rel="prev">{move || state.t(Msg::QPrevious)}</a>
            {move || {
                let complete = open.with(|o| o.2);
                if complete {
                    view! { <a class="button primary" href=results.clone()>{state.t(Msg::QSeeResults)}</a> }.into_any()
                } else {
                    view! { <span class="muted">{state.t(Msg::QResultsLocked)}</span> }.into_any()
                }
            }}
        </div>
    }
}
