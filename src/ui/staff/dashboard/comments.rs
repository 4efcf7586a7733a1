//! The open comments: filter by question and member type (only groups of at least
//! five), search, a page at a time.

use crate::content::bank::ItemKind;
use crate::kernel::i18n::Msg;
use crate::survey::report::question_name;
use crate::survey::Dashboard;
use crate::ui::state::use_state;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Comments(dash: Memo<Arc<Dashboard>>, print: bool) -> impl IntoView {
    let state = use_state();
    let question = RwSignal::new(String::new());
    let member = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    // Member types not published (fewer than 5, or giving such a group away) can be
    // neither a filter nor shown; comments carry a member type only where it is.
    let member_options = Memo::new(move |_| {
        dash.with(|d| {
            d.breakdown("member_type").map(|b| b.cells.iter().filter(|c| c.shown()).map(|c| c.option.clone()).collect::<Vec<_>>()).unwrap_or_default()
        })
    });
    let filtered = Memo::new(move |_| {
        let (q, m, s) = (question.get(), member.get(), search.get().to_lowercase());
        let allowed = member_options.get();
        dash.with(|d| {
            d.comments
                .iter()
                .filter(|c| q.is_empty() || c.question == q)
                .filter(|c| m.is_empty() || c.member_type.as_deref() == Some(m.as_str()))
                .filter(|c| s.is_empty() || c.text.to_lowercase().contains(&s))
                .map(|c| (c.question.clone(), c.member_type.clone().filter(|t| allowed.contains(t)), c.text.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="comments-title" class="comments">
            <h2 id="comments-title">{move || state.t(Msg::SurveySheetComments)}</h2>
            {(!print).then(|| view! { <Filters question member search member_options/> })}
            <CommentList filtered page_size=if print { 300 } else { 50 } print/>
        </section>
    }
}

#[component]
fn Filters(question: RwSignal<String>, member: RwSignal<String>, search: RwSignal<String>, member_options: Memo<Vec<String>>) -> impl IntoView {
    let state = use_state();
    let content = state.content();
    let bank = content.satisfaction.clone();
    let questions: Vec<String> = bank.items().iter().filter(|i| matches!(i.kind, ItemKind::Text)).map(|i| i.id.clone()).collect();
    let member_field = bank.profile_with_role("member_type").map(|f| f.id.clone()).unwrap_or_default();
    let question_options = questions
        .into_iter()
        .map(|q| {
            let content = content.clone();
            let label = StoredValue::new(q.clone());
            view! { <option value=q>{move || question_name(&content.satisfaction, &content.catalogue, &label.read_value(), state.lang.get())}</option> }
        })
        .collect_view();
    view! {
        <div class="filters no-print">
            <div class="field">
                <label for="comment-question">{move || state.t(Msg::SurveyQuestion)}</label>
                <select id="comment-question" on:change=move |ev| question.set(event_target_value(&ev))>
                    <option value="">{move || state.t(Msg::SurveyAll)}</option>
                    {question_options}
                </select>
            </div>
            <div class="field">
                <label for="comment-member">{move || state.t(Msg::SurveyMemberType)}</label>
                <select id="comment-member" on:change=move |ev| member.set(event_target_value(&ev))>
                    <option value="">{move || state.t(Msg::SurveyAll)}</option>
                    {move || member_options.get().into_iter().map(|o| {
                        let label = bank.option_label(&member_field, &o, state.lang.get());
                        view! { <option value=o>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="comment-search">{move || state.t(Msg::SurveySearch)}</label>
                <input id="comment-search" type="search" prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
            </div>
        </div>
    }
}

/// The comments that pass the filters, `page_size` more at a time (thousands at once
/// would freeze the tab).
#[component]
fn CommentList(filtered: Memo<Vec<(String, Option<String>, String)>>, page_size: usize, print: bool) -> impl IntoView {
    let state = use_state();
    let limit = RwSignal::new(page_size);
    move || {
        let lang = state.lang.get();
        let content = state.content();
        let member_field = content.satisfaction.profile_with_role("member_type").map(|f| f.id.clone()).unwrap_or_default();
        let list = filtered.get();
        let total = list.len();
        let shown = limit.get().min(total);
        view! {
            <p class="muted" role="status">{lang.fmt(Msg::SurveyCommentsCount, &[("n", &total)])}</p>
            <ul class="comment-list" data-testid="comments">
                {list.into_iter().take(shown).map(|(q, m, text)| view! {
                    <li>
                        <p class="comment-meta">{question_name(&content.satisfaction, &content.catalogue, &q, lang)}{m.map(|m| format!(" · {}", content.satisfaction.option_label(&member_field, &m, lang)))}</p>
                        <p class="comment-text">{text}</p>
                    </li>
                }).collect_view()}
            </ul>
            {(shown < total).then(|| view! {
                <p>
                    <span class="muted">{lang.fmt(Msg::SurveyCommentsShown, &[("shown", &shown), ("total", &total)])}</span>
                    " "
                    {(!print).then(|| view! { <button type="button" class="no-print" on:click=move |_| limit.update(|l| *l += page_size)>{lang.t(Msg::SurveyCommentsMore)}</button> })}
                </p>
            })}
        }
    }
}
