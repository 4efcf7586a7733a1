//! One question, whatever its kind, as an accessible group of native controls: a
//! `<fieldset>` with its `<legend>`, radio buttons with visible labels (arrow keys move
//! between choices, Tab to the next question), help on demand in a `<details>`.

use crate::content::bank::{Answer, Item, ItemKind, ProfileField, Scale, MAX_TEXT};
use crate::kernel::i18n::{Lang, Msg};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The element id of a question, for focusing and linking (`#q-STR-01`).
pub fn dom_id(item_id: &str) -> String {
    format!("q-{item_id}")
}

/// The "required" / "optional" tag after a question or field.
#[component]
pub fn RequiredTag(required: bool) -> impl IntoView {
    let state = use_state();
    view! {
        <span class=if required { "tag required" } else { "tag optional" }>
            {move || state.t(if required { Msg::QuestionnaireRequired } else { Msg::QuestionnaireOptional })}
        </span>
    }
}

/// A profile field of either questionnaire as a labelled drop-down. `on_change` gets the
/// chosen option's id, or "" for "choose…".
#[component]
pub fn ProfileSelect(field: ProfileField, dom_id: String, selected: Signal<String>, on_change: Callback<String>) -> impl IntoView {
    let state = use_state();
    let help_id = format!("{dom_id}-help");
    let described_by = field.help.is_some().then(|| help_id.clone());
    let label = field.label;
    view! {
        <div class="field">
            <label for=dom_id.clone()>{move || label.get(state.lang.get()).to_owned()} " " <RequiredTag required=field.required/></label>
            {field.help.map(|help| view! { <p class="muted" id=help_id>{move || help.get(state.lang.get()).to_owned()}</p> })}
            <select id=dom_id aria-describedby=described_by aria-required=field.required.to_string() on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="" selected=move || selected.get().is_empty()>{move || state.t(Msg::AnswerChoose)}</option>
                {field.options.into_iter().map(|option| {
                    let id = option.id.clone();
                    let option_label = option.label;
                    view! { <option value=option.id selected=move || selected.get() == id>{move || option_label.get(state.lang.get()).to_owned()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The radio choices of a question: (answer, label, detail). Free text has none.
fn choices(kind: &ItemKind, scale: Option<&Scale>, lang: Lang) -> Vec<(Answer, String, Option<String>)> {
    match kind {
        ItemKind::Level { levels } => {
            let mut c: Vec<(Answer, String, Option<String>)> = levels
                .iter()
                .enumerate()
                .map(|(i, l)| (Answer::Level(i as u8 + 1), lang.fmt(Msg::AnswerLevel, &[("n", &(i + 1))]), Some(l.get(lang).to_owned())))
                .collect();
            c.push((Answer::DontKnow, lang.t(Msg::AnswerDontKnow).to_owned(), None));
            c
        }
        ItemKind::Rating { .. } => scale
            .map(|s| s.points.iter().enumerate().map(|(i, p)| (Answer::Rating(i as u8 + 1), (i + 1).to_string(), Some(p.get(lang).to_owned()))).collect())
            .unwrap_or_default(),
        ItemKind::Nps => (0..=10u8)
            .map(|n| {
                let hint = match n {
                    0 => Some(lang.t(Msg::AnswerNpsLow).to_owned()),
                    10 => Some(lang.t(Msg::AnswerNpsHigh).to_owned()),
                    _ => None,
                };
                (Answer::Nps(n), n.to_string(), hint)
            })
            .collect(),
        ItemKind::YesNo => vec![(Answer::YesNo(true), lang.t(Msg::AnswerYes).to_owned(), None), (Answer::YesNo(false), lang.t(Msg::AnswerNo).to_owned(), None)],
        ItemKind::Choice { options } => options.iter().map(|o| (Answer::Choice(o.id.clone()), o.label.get(lang).to_owned(), None)).collect(),
        ItemKind::Text => Vec::new(),
    }
}

/// The class of a question's fieldset (layout, and how the tests tell kinds apart).
fn css_class(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Nps => "question nps",
        ItemKind::Rating { .. } => "question rating",
        ItemKind::YesNo => "question yes-no",
        ItemKind::Level { .. } | ItemKind::Choice { .. } | ItemKind::Text => "question",
    }
}

/// One question, whatever its kind.
#[component]
pub fn QuestionField(
    item: Item,
    /// Number shown before the text ("12."); 0 hides it.
    number: usize,
    /// The current answer.
    answer: Signal<Option<Answer>>,
    /// Called with the new answer (`None` clears it).
    on_answer: Callback<Option<Answer>>,
    /// The item's rating scale, for a rating question (point labels).
    #[prop(default = None)]
    scale: Option<Scale>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let id = dom_id(&item.id);
    let required = item.required;
    let text = item.text.clone();
    let is_text = matches!(item.kind, ItemKind::Text);
    let legend_id = format!("{id}-legend");
    let body = if is_text {
        view! { <TextAnswer id=id.clone() legend=legend_id.clone() required answer on_answer/> }.into_any()
    } else {
        let kind = item.kind.clone();
        let options = Signal::derive(move || choices(&kind, scale.as_ref(), lang.get()));
        view! { <Choices id=id.clone() name=item.id.clone() options answer on_answer/> }.into_any()
    };
    view! {
        <fieldset class=css_class(&item.kind) id=id tabindex="-1" role=(!is_text).then_some("radiogroup") aria-labelledby=(!is_text).then(|| legend_id.clone()) aria-required=(!is_text).then(|| required.to_string())>
            <legend id=legend_id.clone()>
                {(number > 0).then(|| view! { <span class="q-number">{number} ". "</span> })}
                <span class="q-text">{move || text.get(lang.get()).to_owned()}</span>
                " "
                <RequiredTag required/>
            </legend>
            {item.help.map(|h| view! {
                <details class="help">
                    <summary>{move || state.t(Msg::QuestionnaireHelp)}</summary>
                    <p>{move || h.get(lang.get()).to_owned()}</p>
                </details>
            })}
            {body}
            {move || answer.get().is_some().then(|| view! {
                <button type="button" class="link clear" on:click=move |_| on_answer.run(None)>
                    {state.t(Msg::AnswerClear)}
                </button>
            })}
        </fieldset>
    }
}

/// Radio buttons with visible labels: arrow keys move between choices, Tab leaves.
#[component]
fn Choices(
    id: String,
    name: String,
    options: Signal<Vec<(Answer, String, Option<String>)>>,
    answer: Signal<Option<Answer>>,
    on_answer: Callback<Option<Answer>>,
) -> impl IntoView {
    view! {
        <div class="choices">
            {move || {
                options
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (value, label, detail))| {
                        let input_id = format!("{id}-{i}");
                        let label_for = input_id.clone();
                        let value_for_check = value.clone();
                        let is_dk = value == Answer::DontKnow;
                        view! {
                            <label for=label_for class:dk=is_dk>
                                <input type="radio" id=input_id name=name.clone()
                                    prop:checked=move || answer.get().as_ref() == Some(&value_for_check)
                                    on:change=move |_| on_answer.run(Some(value.clone()))
                                />
                                <span class="choice-label">{label}</span>
                                {detail.map(|d| view! { <span class="choice-detail">{d}</span> })}
                            </label>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// A free-text answer (cut at [`MAX_TEXT`] characters; blank clears it).
#[component]
fn TextAnswer(id: String, legend: String, required: bool, answer: Signal<Option<Answer>>, on_answer: Callback<Option<Answer>>) -> impl IntoView {
    let initial = match answer.get_untracked() {
        Some(Answer::Text(t)) => t,
        _ => String::new(),
    };
    view! {
        <textarea id=format!("{id}-text") rows="4" maxlength=MAX_TEXT.to_string() aria-labelledby=legend aria-required=required.to_string()
            on:input=move |ev| {
                let value: String = event_target_value(&ev).chars().take(MAX_TEXT).collect();
                on_answer.run((!value.trim().is_empty()).then_some(Answer::Text(value)));
            }
        >{initial}</textarea>
    }
}
