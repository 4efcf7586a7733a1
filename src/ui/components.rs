//! Small pieces shared by several pages.

use crate::bank::Bank;
use crate::i18n::{Lang, Msg};
use crate::problem::Problem;
use crate::ui::browser::{self, StorageTrouble};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The language buttons: each names its language in that language.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="lang-switch" role="group" aria-label=move || state.t(Msg::LangLabel)>
            {Lang::all()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            aria-pressed=move || (state.lang.get() == lang).to_string()
                            on:click=move |_| state.set_lang(lang)
                        >
                            {lang.code().to_uppercase()}
                            <span class="visually-hidden">" " {lang.name()}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Shown while writes do not reach the browser's storage: says so plainly and offers the
/// one-click export of everything.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_state();
    move || {
        state.trouble.get().map(|trouble| {
            let msg = match trouble {
                StorageTrouble::Unavailable if browser::is_file_protocol() => Msg::StorageUnavailableFile,
                StorageTrouble::Unavailable => Msg::StorageUnavailable,
                StorageTrouble::Full => Msg::StorageFull,
            };
            view! {
                <div class="banner warning no-print" role="alert">
                    <p>{state.t(msg)}</p>
                    <button type="button" on:click=move |_| crate::ui::pages::backup::export_everything(state)>
                        {state.t(Msg::StorageExportAll)}
                    </button>
                </div>
            }
        })
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

/// A button that asks for confirmation in place before doing something irreversible.
#[component]
pub fn ConfirmButton(
    /// The button's label.
    label: Signal<String>,
    /// The question asked before acting.
    question: Signal<String>,
    /// What to do once confirmed.
    on_confirm: Callback<()>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let state = use_state();
    let asking = RwSignal::new(false);
    move || {
        if asking.get() {
            // "No" takes the focus: the safe answer, and the button clicked is gone.
            let no = NodeRef::new();
            browser::focus_on_load(no);
            view! {
                <span class="confirm" role="group" aria-label=move || question.get()>
                    <span>{move || question.get()}</span>
                    " "
                    <button type="button" class="danger" on:click=move |_| {
                        asking.set(false);
                        on_confirm.run(());
                    }>{move || state.t(Msg::ConfirmYes)}</button>
                    " "
                    <button type="button" node_ref=no on:click=move |_| asking.set(false)>{move || state.t(Msg::ConfirmNo)}</button>
                </span>
            }
            .into_any()
        } else {
            view! { <button type="button" class=class on:click=move |_| asking.set(true)>{move || label.get()}</button> }.into_any()
        }
    }
}

/// "Answered: 12 of 50 · section 2 of 5" (the section part on section pages only).
fn progress_label(lang: Lang, answered: usize, total: usize, page: usize, sections: usize) -> String {
    let mut text = lang.fmt(Msg::QProgress, &[("answered", &answered), ("total", &total)]);
    if (1..=sections).contains(&page) {
        text.push_str(" · ");
        text.push_str(&lang.fmt(Msg::QSectionOf, &[("n", &page), ("total", &sections)]));
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
            <nav aria-label=move || state.t(Msg::QSectionsLabel)>
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

/// A file picker styled as a button; hands the picked files to `on_files`.
#[component]
pub fn FilePicker(
    /// Visible label.
    label: Signal<String>,
    /// `accept` attribute, e.g. ".json,application/json".
    accept: &'static str,
    #[prop(optional)] multiple: bool,
    /// Largest file read into memory; larger files arrive empty with their size.
    limit: usize,
    on_files: Callback<Vec<(browser::PickedFile, usize)>>,
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

/// Offers to reload when the service worker has a new version ready (assets/pwa.js).
/// Stored data is untouched by an update; newer record schemas are migrated on reading.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = use_state();
    let ready = RwSignal::new(browser::window_flag("faroUpdateReady"));
    let handle = window_event_listener_untyped("faro-update-ready", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    move || {
        ready.get().then(|| view! {
            <div class="banner info no-print" role="status">
                <p>{state.t(Msg::UpdateReady)}</p>
                <button type="button" class="primary" on:click=move |_| browser::call_window_function("faroApplyUpdate")>{state.t(Msg::UpdateReload)}</button>
            </div>
        })
    }
}
