//! The satisfaction survey as a respondent takes it, alone on their device or in turn on
//! a staff device in kiosk mode. Same experience as the assessment: progress, autosave,
//! IT/EN, keyboard, review page.

use super::question::{ProfileSelect, QuestionField};
use crate::bank::{Bank, ServicePart};
use crate::export;
use crate::i18n::Msg;
use crate::response::{is_visible, Answer};
use crate::route::{Route, StaffPage};
use crate::survey::{self, Kiosk, Response};
use crate::ui::browser;
use crate::ui::components::{page_heading, Step, StepNavigator};
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;
use std::sync::Arc;

fn bank(state: AppState) -> Arc<Bank> {
    Arc::new(state.content().satisfaction.clone())
}

/// Starts a new response and opens its first page.
pub fn start_response(state: AppState, session: Option<String>) -> String {
    let bank = bank(state);
    let r = Response::new(browser::random_id(), &bank, state.lang.get_untracked(), session, &browser::now());
    let id = r.id.clone();
    state.save_response(&r);
    state.response.set(Some(r));
    state.go(Route::Survey { id: id.clone(), page: 0 });
    id
}

#[component]
pub fn SurveyHome() -> impl IntoView {
    let state = use_state();
    let bank = bank(state);
    let meta = bank.meta().clone();
    let minutes = meta.minutes.unwrap_or(12);
    // An unfinished response on this device is offered first.
    let unfinished =
        state.stored_responses().into_iter().filter(|r| r.submitted_at.is_none() && r.session.is_none()).max_by(|a, b| a.started_at.cmp(&b.started_at));
    view! {
        <section class="hero">
            <h1 tabindex="-1">{move || meta.title.get(state.lang.get()).to_owned()}</h1>
            <p class="lead">{move || meta.intro.get(state.lang.get()).to_owned()}</p>
            <p class="muted">{move || state.lang.get().fmt(Msg::SurveyMinutes, &[("minutes", &minutes)])}</p>
            <p class="toolbar">
                {unfinished.map(|r| {
                    let href = Route::Survey { id: r.id.clone(), page: r.page }.href();
                    view! { <a class="button primary big" href=href>{move || state.t(Msg::SurveyResume)}</a> }
                })}
                <button type="button" class="primary big" on:click=move |_| { start_response(state, None); }>
                    {move || state.t(Msg::SurveyStart)}
                </button>
            </p>
            <p><a href=Route::Staff(StaffPage::Responses).href()>{move || state.t(Msg::SurveyStaffLink)}</a></p>
        </section>
    }
}

/// The survey's pages: 0 profile, 1..=sections, then review (and the thank-you once sent).
#[component]
pub fn SurveyPages(id: String, page: usize) -> impl IntoView {
    let state = use_state();
    if !state.open_response(&id) {
        return view! { <super::NotFound/> }.into_any();
    }
    let bank = bank(state);
    if state.response.with_untracked(|r| r.as_ref().is_some_and(|r| r.submitted_at.is_some())) {
        return view! { <Thanks/> }.into_any();
    }
    let sections = bank.sections().len();
    state.edit_response(|r, _| r.page = page.min(sections + 1));
    if page > sections {
        view! { <Review id bank/> }.into_any()
    } else {
        view! { <Form id bank page/> }.into_any()
    }
}

fn page_href(id: &str, page: usize) -> String {
    Route::Survey { id: id.to_owned(), page }.href()
}

#[component]
fn SurveyNavigator(id: String, bank: Arc<Bank>, page: usize) -> impl IntoView {
    let state = use_state();
    let sections = bank.sections().len();
    let b = bank.clone();
    let counts = Memo::new(move |_| {
        state.response.with(|r| {
            let Some(r) = r else { return (0, 0) };
            let visible: Vec<_> = b.items().iter().filter(|i| is_visible(i, |q| r.answers.get(q).cloned())).collect();
            (visible.iter().filter(|i| r.answers.contains_key(&i.id)).count(), visible.len())
        })
    });
    let answered = Signal::derive(move || counts.get().0);
    let total = Signal::derive(move || counts.get().1);
    let b = bank.clone();
    let steps = Signal::derive(move || {
        let lang = state.lang.get();
        let step = |n, title: &str| Step { title: title.to_owned(), href: page_href(&id, n), count: None };
        let mut steps = vec![step(0, lang.t(Msg::SurveyProfileTitle))];
        steps.extend(b.sections().iter().enumerate().map(|(i, s)| step(i + 1, s.title.get(lang))));
        steps.push(step(sections + 1, lang.t(Msg::QReviewTitle)));
        steps
    });
    view! { <StepNavigator answered total sections page steps/> }
}

#[component]
fn Form(id: String, bank: Arc<Bank>, page: usize) -> impl IntoView {
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
        <SurveyNavigator id=id.clone() bank=bank.clone() page/>
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{intro}</p>
        {body}
        <div class="pager no-print">
            {prev.map(|href| view! { <a class="button" href=href rel="prev">{move || state.t(Msg::QPrevious)}</a> })}
            <a class="button primary" href=next rel="next">{move || state.t(if page == sections { Msg::QToReview } else { Msg::QNext })}</a>
        </div>
    }
}

#[component]
fn ProfilePage(bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    view! {
        <div class="questions profile">
            {bank.profile().iter().cloned().map(|field| {
                let field_id = field.id.clone();
                let dom_id = format!("sp-{field_id}");
                let selected = Signal::derive({
                    let field_id = field_id.clone();
                    move || state.response.with(|r| r.as_ref().and_then(|r| r.profile.get(&field_id).cloned())).unwrap_or_default()
                });
                let on_change = Callback::new(move |value: String| {
                    let field_id = field_id.clone();
                    state.edit_response(|r, _| {
                        if value.is_empty() {
                            r.profile.remove(&field_id);
                        } else {
                            r.profile.insert(field_id, value);
                        }
                    })
                });
                view! { <ProfileSelect field dom_id selected on_change/> }
            }).collect_view()}
        </div>
    }
}

fn answer_signal(state: AppState, id: String) -> Signal<Option<Answer>> {
    Signal::derive(move || state.response.with(|r| r.as_ref().and_then(|r| r.answers.get(&id).cloned())))
}

fn answer_callback(state: AppState, bank: Arc<Bank>, id: String) -> Callback<Option<Answer>> {
    Callback::new(move |value: Option<Answer>| {
        let Some(item) = bank.item(&id).cloned() else { return };
        let b = bank.clone();
        state.edit_response(|r, _| {
            match value {
                Some(v) if v.fits(&item) => {
                    r.answers.insert(item.id.clone(), v);
                }
                Some(_) => {}
                None => {
                    r.answers.remove(&item.id);
                }
            }
            // "Not used" hides the satisfaction question: drop an answer given before.
            r.prune_hidden(&b);
        });
    })
}

#[component]
fn SectionQuestions(bank: Arc<Bank>, section: usize) -> impl IntoView {
    let state = use_state();
    let content = state.content();
    let scales = bank.scales().to_vec();
    // Group the three parts of each service question; other questions stand alone.
    let mut blocks: Vec<(Option<String>, Vec<crate::bank::Item>)> = Vec::new();
    for item in bank.items_in(section) {
        match &item.service {
            Some((service, ServicePart::Used)) => blocks.push((Some(service.clone()), vec![item.clone()])),
            Some(_) => {
                if let Some(last) = blocks.last_mut() {
                    last.1.push(item.clone());
                }
            }
            None => blocks.push((None, vec![item.clone()])),
        }
    }
    let offset = bank
        .items()
        .iter()
        .take_while(|i| i.section < section)
        .filter(|i| !matches!(i.service, Some((_, ServicePart::Satisfaction | ServicePart::Importance))))
        .count();
    view! {
        <div class="questions">
            {blocks.into_iter().enumerate().map(|(bi, (service, items))| {
                let number = offset + bi + 1;
                let fields = items.into_iter().enumerate().map(|(k, item)| {
                    let visible_item = item.clone();
                    let shown = Memo::new(move |_| state.response.with(|r| r.as_ref().is_some_and(|r| is_visible(&visible_item, |q| r.answers.get(q).cloned()))));
                    let answer = answer_signal(state, item.id.clone());
                    let on_answer = answer_callback(state, bank.clone(), item.id.clone());
                    let scales = scales.clone();
                    let n = if service.is_some() { 0 } else if k == 0 { number } else { 0 };
                    move || shown.get().then(|| view! { <QuestionField item=item.clone() number=n answer on_answer scales=scales.clone()/> })
                }).collect_view();
                match service.and_then(|s| content.catalogue.service(&s).cloned()) {
                    Some(svc) => {
                        let name = svc.name.clone();
                        let desc = svc.description.clone();
                        view! {
                            <section class="service-block" aria-labelledby=format!("svc-{}", svc.id)>
                                <h2 id=format!("svc-{}", svc.id)><span class="q-number">{number} ". "</span>{move || name.get(state.lang.get()).to_owned()}</h2>
                                <p class="muted">{move || desc.get(state.lang.get()).to_owned()}</p>
                                {fields}
                            </section>
                        }.into_any()
                    }
                    None => view! { <div>{fields}</div> }.into_any(),
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn Review(id: String, bank: Arc<Bank>) -> impl IntoView {
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
    let id2 = id.clone();
    let submit_bank = bank.clone();
    let submit = move |_: leptos::ev::MouseEvent| {
        if missing.with_untracked(|m| !m.is_empty()) {
            return;
        }
        let b = submit_bank.clone();
        state.edit_response(|r, now| {
            r.prune_hidden(&b);
            r.submitted_at = Some(now.to_owned());
        });
        if let Some(mut k) = state.kiosk.get_untracked() {
            k.collected += 1;
            state.set_kiosk(Some(k));
        }
        state.go(Route::Survey { id: id2.clone(), page: sections + 2 });
    };
    view! {
        <SurveyNavigator id=id.clone() bank=bank.clone() page=sections + 1/>
        <h1 tabindex="-1">{move || state.t(Msg::QReviewTitle)}</h1>
        {move || {
            let list = missing.get();
            if list.is_empty() {
                view! { <p class="ok">{state.t(Msg::SurveyReady)}</p> }.into_any()
            } else {
                let id = id.clone();
                view! {
                    <p>{state.t(Msg::SurveyMissing)}</p>
                    <ul class="open-list">
                        {list.into_iter().map(|(page, text)| view! { <li><a href=page_href(&id, page)>{text}</a></li> }).collect_view()}
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
fn Thanks() -> impl IntoView {
    let state = use_state();
    let kiosk = move || state.kiosk.get();
    let export_own = move |_| {
        let bank = bank(state);
        if let Some(r) = state.response.get_untracked() {
            let json = survey::responses_json(&bank, &[r], &browser::now());
            let name = format!("faro-{}-response.json", export::file_stem(&bank.meta().title.get(state.lang.get_untracked()).to_owned()));
            browser::download(&name, "application/json", json.as_bytes()).ok();
        }
    };
    view! {
        <section class="thanks">
            <h1 tabindex="-1">{move || state.t(Msg::SurveyThanks)}</h1>
            {move || if kiosk().is_some() {
                view! {
                    <p class="lead">{state.t(Msg::SurveyThanksKiosk)}</p>
                    <p><button type="button" class="primary big" on:click=move |_| next_respondent(state)>{state.t(Msg::SurveyNextRespondent)}</button></p>
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

/// Kiosk: a fresh, empty response for the next person.
pub fn next_respondent(state: AppState) {
    let Some(mut k) = state.kiosk.get_untracked() else { return };
    let id = start_response(state, Some(k.session.clone()));
    k.current = id;
    state.set_kiosk(Some(k));
}

/// The bar shown on every page in kiosk mode: session, count, and the staff exit.
#[component]
pub fn KioskBar() -> impl IntoView {
    let state = use_state();
    let asking = RwSignal::new(false);
    let code = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let try_exit = move || {
        let Some(k) = state.kiosk.get_untracked() else { return };
        if k.unlocks(&code.get_untracked()) {
            state.set_kiosk(None);
            asking.set(false);
            code.set(String::new());
            state.response.set(None);
            state.go(Route::Staff(StaffPage::Responses));
            state.notify(state.lang.get_untracked().fmt(Msg::KioskEnded, &[("n", &k.collected)]));
        } else {
            wrong.set(true);
        }
    };
    move || {
        state.kiosk.get().map(|k| {
            let try_exit = try_exit.clone();
            view! {
                <div class="kiosk-bar no-print" role="region" aria-label=move || state.t(Msg::KioskLabel)>
                    <span><strong>{move || state.t(Msg::KioskLabel)}</strong>" · "{k.label.clone()}</span>
                    <span data-testid="kiosk-count">{move || state.lang.get().fmt(Msg::KioskCount, &[("n", &state.kiosk.get().map(|k| k.collected).unwrap_or(0))])}</span>
                    {move || if asking.get() {
                        let try_exit = try_exit.clone();
                        let code_input = NodeRef::new();
                        browser::focus_on_load(code_input);
                        view! {
                            <form class="kiosk-exit" on:submit=move |ev| { ev.prevent_default(); try_exit(); }>
                                <label for="kiosk-code">{state.t(Msg::KioskCode)}</label>
                                <input id="kiosk-code" type="password" autocomplete="off" inputmode="numeric" node_ref=code_input
                                    prop:value=move || code.get() on:input=move |ev| { code.set(event_target_value(&ev)); wrong.set(false); }/>
                                <button type="submit">{state.t(Msg::KioskExitConfirm)}</button>
                                <button type="button" on:click=move |_| { asking.set(false); code.set(String::new()); }>{state.t(Msg::ConfirmNo)}</button>
                                {move || wrong.get().then(|| view! { <span class="bad" role="alert">{state.t(Msg::KioskWrongCode)}</span> })}
                            </form>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="link" on:click=move |_| asking.set(true)>{state.t(Msg::KioskExit)}</button> }.into_any()
                    }}
                </div>
            }
        })
    }
}

/// Starts a kiosk session (staff page).
pub fn start_kiosk(state: AppState, label: String, code: String) {
    let session = browser::random_id();
    let k = Kiosk { session: session.clone(), label, code, started_at: browser::now(), collected: 0, current: String::new() };
    state.set_kiosk(Some(k.clone()));
    let id = start_response(state, Some(session));
    state.set_kiosk(Some(Kiosk { current: id, ..k }));
}

/// Keeps kiosk mode on the current respondent's pages whatever the address says.
pub fn kiosk_route(state: AppState, route: &Route) -> Option<Route> {
    let k = state.kiosk.get_untracked()?;
    match route {
        Route::Survey { id, .. } if *id == k.current => None,
        _ => {
            let page = state.load_response(&k.current).map(|r| if r.submitted_at.is_some() { 999 } else { r.page }).unwrap_or(0);
            Some(Route::Survey { id: k.current.clone(), page })
        }
    }
}
