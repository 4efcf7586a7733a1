//! The respondent's pages: same experience as the assessment (progress, autosave,
//! IT/EN, keyboard, review), with each service's three questions grouped.

use crate::content::bank::{is_visible, Answer, Bank, Item, ServicePart};
use crate::kernel::i18n::Msg;
use crate::kernel::ids::file_stem;
use crate::route::{Route, SurveyPage};
use crate::survey;
use crate::ui::browser;
use crate::ui::state::use_state;
use crate::ui::widgets::{page_heading, ProfileSelect, QuestionField, Step, StepNavigator};
use leptos::prelude::*;
use std::sync::Arc;

fn page_href(id: &str, page: usize) -> String {
    Route::Survey { id: id.to_owned(), page: SurveyPage::Step(page) }.href()
}

#[component]
fn SurveyNavigator(id: String, bank: Arc<Bank>, page: usize) -> impl IntoView {
    let state = use_state();
    let sections = bank.sections().len();
    let b = bank.clone();
    let counts = Memo::new(move |_| {
        state.response.with(|r| {
            let Some(r) = r else { return (0, 0) };
            let visible: Vec<&Item> = b.items().iter().filter(|i| is_visible(i, |q| r.answers.get(q).cloned())).collect();
            (visible.iter().filter(|i| r.answers.contains_key(&i.id)).count(), visible.len())
        })
    });
    let answered = Signal::derive(move || counts.get().0);
    let total = Signal::derive(move || counts.get().1);
    let steps = Signal::derive(move || {
        let lang = state.lang.get();
        let step = |n, title: &str| Step { title: title.to_owned(), href: page_href(&id, n), count: None };
        let mut steps = vec![step(0, lang.t(Msg::SurveyProfileTitle))];
        steps.extend(bank.sections().iter().enumerate().map(|(i, s)| step(i + 1, s.title.get(lang))));
        steps.push(step(sections + 1, lang.t(Msg::QuestionnaireReviewTitle)));
        steps
    });
    view! { <StepNavigator answered total sections page steps/> }
}

#[component]
pub fn Form(id: String, bank: Arc<Bank>, page: usize) -> impl IntoView {
    let state = use_state();
    let sections = bank.sections().len();
    let (title, intro) = page_heading(&bank, page, Msg::SurveyProfileTitle, Msg::SurveyProfileIntro);
    let body = if page == 0 {
        view! { <ProfilePage bank=bank.clone()/> }.into_any()
    } else {
        view! { <SectionQuestions bank=bank.clone() section=page - 1/> }.into_any()
    };
    let prev = (page > 0).then(|| page_href(&id, page - 1));
    let next = page_href(&id, page + 1);
    view! {
        <SurveyNavigator id=id.clone() bank page/>
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{intro}</p>
        {body}
        <div class="pager no-print">
            {prev.map(|href| view! { <a class="button" href=href rel="prev">{move || state.t(Msg::QuestionnairePrevious)}</a> })}
            <a class="button primary" href=next rel="next">{move || state.t(if page == sections { Msg::QuestionnaireToReview } else { Msg::QuestionnaireNext })}</a>
        </div>
    }
}

#[component]
fn ProfilePage(bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    view! {
        <div class="questions profile">
            {bank.profile().iter().cloned().map(|field| {
                let field_id = StoredValue::new(field.id.clone());
                let dom_id = format!("sp-{}", field.id);
                let selected = Signal::derive(move || state.response.with(|r| r.as_ref().and_then(|r| r.profile.get(&*field_id.read_value()).cloned())).unwrap_or_default());
                let on_change = Callback::new(move |value: String| state.set_survey_profile(&field_id.read_value(), &value));
                view! { <ProfileSelect field dom_id selected on_change/> }
            }).collect_view()}
        </div>
    }
}

/// The questions of a section in blocks: a service's three parts together, each other
/// question alone.
fn blocks(bank: &Bank, section: usize) -> Vec<(Option<String>, Vec<Item>)> {
    let mut blocks: Vec<(Option<String>, Vec<Item>)> = Vec::new();
    for item in bank.items_in(section) {
        match &item.service {
            Some((service, ServicePart::Used)) => blocks.push((Some(service.clone()), vec![item.clone()])),
            Some((_, ServicePart::Satisfaction | ServicePart::Importance)) => {
                if let Some(last) = blocks.last_mut() {
                    last.1.push(item.clone());
                }
            }
            None => blocks.push((None, vec![item.clone()])),
        }
    }
    blocks
}

/// One question of the open response, shown while its condition holds.
fn survey_question(bank: &Arc<Bank>, item: Item, number: usize) -> impl IntoView {
    let state = use_state();
    let item_id = StoredValue::new(item.id.clone());
    let check = item.clone();
    let shown = Memo::new(move |_| state.response.with(|r| r.as_ref().is_some_and(|r| is_visible(&check, |q| r.answers.get(q).cloned()))));
    let answer = Signal::derive(move || state.response.with(|r| r.as_ref().and_then(|r| r.answers.get(&*item_id.read_value()).cloned())));
    let on_answer = Callback::new(move |value: Option<Answer>| state.answer_survey(&item_id.read_value(), value));
    let scale = bank.scale_of(&item).cloned();
    move || shown.get().then(|| view! { <QuestionField item=item.clone() number answer on_answer scale=scale.clone()/> })
}

#[component]
fn SectionQuestions(bank: Arc<Bank>, section: usize) -> impl IntoView {
    let state = use_state();
    let content = state.content();
    let offset = bank
        .items()
        .iter()
        .take_while(|i| i.section < section)
        .filter(|i| !matches!(i.service, Some((_, ServicePart::Satisfaction | ServicePart::Importance))))
        .count();
    let views = blocks(&bank, section)
        .into_iter()
        .enumerate()
        .map(|(bi, (service, items))| {
            let number = offset + bi + 1;
            let single = service.is_none();
            let fields = items.into_iter().enumerate().map(|(k, item)| survey_question(&bank, item, if single && k == 0 { number } else { 0 })).collect_view();
            match service.and_then(|s| content.catalogue.service(&s).cloned()) {
                Some(svc) => {
                    let (name, desc, heading) = (svc.name.clone(), svc.description.clone(), format!("svc-{}", svc.id));
                    let labelled_by = heading.clone();
                    view! {
                        <section class="service-block" aria-labelledby=labelled_by>
                            <h2 id=heading><span class="q-number">{number} ". "</span>{move || name.get(state.lang.get()).to_owned()}</h2>
                            <p class="muted">{move || desc.get(state.lang.get()).to_owned()}</p>
                            {fields}
                        </section>
                    }
                    .into_any()
                }
                None => view! { <div>{fields}</div> }.into_any(),
            }
        })
        .collect_view();
    view! { <div class="questions">{views}</div> }
}

#[component]
pub fn Review(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let sections = bank.sections().len();
    let b = bank.clone();
    // What is still required, named in the user's language (page 0 = profile).
    let missing = Memo::new(move |_| {
        let lang = state.lang.get();
        let content = state.content();
        state.response.with(|r| {
            let Some(r) = r else { return Vec::new() };
            let (fields, items) = r.required_open(&b);
            let mut list: Vec<(usize, String)> = fields.iter().map(|f| (0, f.label.get(lang).to_owned())).collect();
            list.extend(items.iter().map(|item| {
                let name = match &item.service {
                    Some((s, _)) => {
                        format!("{} — {}", content.catalogue.service(s).map(|x| x.name.get(lang).to_owned()).unwrap_or_default(), item.text.get(lang))
                    }
                    None => item.text.get(lang).to_owned(),
                };
                (item.section + 1, name)
            }));
            list
        })
    });
    let submit = move |_| {
        if missing.with_untracked(|m| m.is_empty()) {
            state.submit_response();
        }
    };
    let list_id = id.clone();
    view! {
        <SurveyNavigator id bank page=sections + 1/>
        <h1 tabindex="-1">{move || state.t(Msg::QuestionnaireReviewTitle)}</h1>
        {move || {
            let list = missing.get();
            if list.is_empty() {
                view! { <p class="ok">{state.t(Msg::SurveyReady)}</p> }.into_any()
            } else {
                view! {
                    <p>{state.t(Msg::SurveyMissing)}</p>
                    <ul class="open-list">
                        {list.into_iter().map(|(page, text)| view! { <li><a href=page_href(&list_id, page)>{text}</a></li> }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
        <div class="pager no-print">
            <button type="button" class="primary big" disabled=move || missing.with(|m| !m.is_empty()) on:click=submit>{move || state.t(Msg::SurveySubmit)}</button>
        </div>
    }
}

/// After sending: nothing of the answers is shown again.
#[component]
pub fn Thanks() -> impl IntoView {
    let state = use_state();
    let export_own = move |_| {
        let bank = state.content().satisfaction.clone();
        if let Some(r) = state.response.get_untracked() {
            let json = survey::responses_json(&bank, &[r], &browser::now());
            let name = format!("faro-{}-response.json", file_stem(bank.meta().title.get(state.lang.get_untracked())));
            state.deliver(&name, "application/json", json.as_bytes());
        }
    };
    view! {
        <section class="thanks">
            <h1 tabindex="-1">{move || state.t(Msg::SurveyThanks)}</h1>
            {move || if state.kiosk.get().is_some() {
                view! {
                    <p class="lead">{state.t(Msg::SurveyThanksKiosk)}</p>
                    <p><button type="button" class="primary big" on:click=move |_| state.next_respondent()>{state.t(Msg::SurveyNextRespondent)}</button></p>
                }.into_any()
            } else {
                view! {
                    <p class="lead">{state.t(Msg::SurveyThanksOwn)}</p>
                    <p><button type="button" on:click=export_own>{state.t(Msg::SurveyExportOwn)}</button></p>
                    <p><a href="#/">{state.t(Msg::NotFoundHome)}</a></p>
                }.into_any()
            }}
        </section>
    }
}
