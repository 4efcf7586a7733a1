//! Files in and problems out: the file picker (size cap applied once, here) and the box
//! that lists located problems.

use crate::kernel::i18n::Msg;
use crate::kernel::problem::Problem;
use crate::ui::browser::{self, PickedFile};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// A file picker styled as a button. Each picked file arrives read, or as the problem
/// that kept it from being read (too large, unreadable).
#[component]
pub fn FilePicker(
    /// Visible label.
    label: Signal<String>,
    /// `accept` attribute, e.g. ".json,application/json".
    accept: &'static str,
    #[prop(optional)] multiple: bool,
    /// Largest file read into memory.
    limit: usize,
    on_files: Callback<Vec<Result<PickedFile, Problem>>>,
    /// Stable id (tests and labels find the input by it).
    id: &'static str,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        // Copy the files out first: the FileList is live and emptied when the input is
        // reset below (which lets the same file be picked again).
        let files: Vec<web_sys::File> = input.files().map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default();
        if !files.is_empty() {
            leptos::task::spawn_local(async move {
                let read = browser::read_files(files, limit).await;
                on_files.run(read);
            });
        }
        input.set_value("");
    };
    view! {
        <span class="file-picker">
            <input type="file" id=id accept=accept multiple=multiple class="visually-hidden" on:change=on_change/>
            <label for=id class="button">{move || label.get()}</label>
        </span>
    }
}

/// A list of located problems, in the user's language.
#[component]
pub fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    let state = use_state();
    let shown = problems.len().min(200);
    let more = problems.len() - shown;
    view! {
        <ul class="problems">
            {problems.into_iter().take(shown).map(|p| view! { <li>{move || p.message(state.lang.get())}</li> }).collect_view()}
            {(more > 0).then(|| view! { <li>{move || state.lang.get().fmt(Msg::ProblemsMore, &[("n", &more)])}</li> })}
        </ul>
    }
}

/// The problems of an action, shown as an alert while there are any: an optional title
/// above them and an optional note below ("nothing was changed").
#[component]
pub fn ErrorBox(problems: Signal<Vec<Problem>>, #[prop(optional)] title: Option<Msg>, #[prop(optional)] note: Option<Msg>) -> impl IntoView {
    let state = use_state();
    move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="error-box" role="alert">
                    {title.map(|t| view! { <h3>{state.t(t)}</h3> })}
                    <ProblemList problems=list/>
                    {note.map(|n| view! { <p class="muted">{state.t(n)}</p> })}
                </div>
            }
        })
    }
}
