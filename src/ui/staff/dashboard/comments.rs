//! The open comments: filter by question and member type (only groups of at least
//! five), search, a page at a time.

use crate::content::bank::ItemKind;
use crate::format::table::Workbook;
use crate::kernel::i18n::Lang;
use crate::kernel::i18n::Msg;
use crate::survey::report::question_name;
use crate::survey::themes::{comment_key, theme_by_type_table, theme_counts, theme_table};
use crate::survey::{Comment, Dashboard};
use crate::ui::browser;
use crate::ui::state::use_state;
use crate::ui::widgets::TableView;
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
            <ThemeCounts dash/>
        </section>
    }
}

/// A comment's themes: a toggle for each theme of the codebook, the suggested ones
/// marked until staff decide.
#[component]
fn ThemeToggles(question: String, text: String) -> impl IntoView {
    let state = use_state();
    let key = StoredValue::new(comment_key(&Comment { question, member_type: None, text: text.clone() }));
    let lang = state.lang.get_untracked();
    let content = state.content();
    let suggested: Vec<String> = content.themes.suggest(&text, lang).into_iter().map(str::to_owned).collect();
    let themes = content.themes.themes().to_vec();
    view! {
        <div class="theme-toggles" role="group" aria-label=move || state.t(Msg::ThemesTagLabel)>
            {themes.into_iter().map(|t| {
                let id = StoredValue::new(t.id.clone());
                let on = move || state.theme_tags.with(|tags| tags.get(&*key.read_value()).is_some_and(|s| s.contains(&*id.read_value())));
                let hint = suggested.contains(&t.id);
                view! {
                    <button type="button" class="theme" class:suggested=hint aria-pressed=move || on().to_string()
                        on:click=move |_| state.toggle_theme(&key.read_value(), &id.read_value())>
                        {move || t.name.get(state.lang.get()).to_owned()}
                        {hint.then(|| view! { <span class="hint">{move || format!(" ({})", state.t(Msg::ThemesSuggested))}</span> })}
                    </button>
                }
            }).collect_view()}
        </div>
    }
}

/// How many comments each theme has, by question; exported as a workbook.
#[component]
fn ThemeCounts(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    let busy = RwSignal::new(false);
    let tables = move |lang: Lang| {
        let content = state.content();
        let counts = dash.with(|d| state.theme_tags.with(|tags| theme_counts(&content.themes, &d.comments, tags)));
        let field = content.satisfaction.profile_with_role("member_type").map(|f| f.id.clone()).unwrap_or_default();
        vec![
            theme_table(&content.themes, &counts, &|q| question_name(&content.satisfaction, &content.catalogue, q, lang), lang),
            theme_by_type_table(&content.themes, &counts, &|t| content.satisfaction.option_label(&field, t, lang), lang),
        ]
    };
    let export = move |_| {
        let book = Workbook { sheets: untrack(|| tables(state.lang.get_untracked())) };
        state.deliver_xlsx(format!("faro-comment-themes-{}.xlsx", browser::today()), book, busy);
    };
    view! {
        <h3>{move || state.t(Msg::ThemesTitle)}</h3>
        <p class="muted small no-print">{move || state.t(Msg::ThemesIntro)}</p>
        {move || {
            let lang = state.lang.get();
            tables(lang).into_iter().enumerate().map(|(k, table)| view! { <TableView table lang testid=format!("theme-counts-{k}")/> }).collect_view()
        }}
        <p class="no-print"><button type="button" on:click=export disabled=move || busy.get()>{move || state.t(Msg::ThemesExport)}</button></p>
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
                        <p class="comment-text">{text.clone()}</p>
                        {(!print).then(|| view! { <ThemeToggles question=q.clone() text/> })}
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
