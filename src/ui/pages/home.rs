//! The landing page: what the assessment is, the assessments kept on this device, and
//! import / delete-everything.

use super::backup::BackupTools;
use crate::export;
use crate::i18n::Msg;
use crate::import;
use crate::response::Assessment;
use crate::route::{AssessmentPage, Route};
use crate::store;
use crate::ui::browser;
use crate::ui::components::{ConfirmButton, FilePicker, ProblemList};
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let state = use_state();
    let bank_meta = state.content().innovation.meta().clone();
    let problems = RwSignal::new(Vec::new());
    let minutes = bank_meta.minutes.unwrap_or(35);

    let start = move |_| {
        let lang = state.lang.get_untracked();
        let content = state.content();
        let now = browser::now();
        let taken = state.taken_names();
        let base = lang.fmt(Msg::HomeDefaultName, &[("date", &browser::today())]);
        let name = if taken.contains(&base) { store::copy_name(&base, &taken) } else { base };
        let a = Assessment::new(browser::random_id(), name, &content.innovation, lang, &now);
        state.save(&a);
        state.current.set(Some(a.clone()));
        state.go(Route::Assessment { id: a.id, page: AssessmentPage::Profile });
    };

    let on_import = Callback::new(move |files: Vec<(browser::PickedFile, usize)>| {
        let content = state.content();
        let mut found = Vec::new();
        for (file, size) in files {
            if file.bytes.is_empty() && size > import::MAX_ASSESSMENT_FILE {
                found.push(crate::problem::Problem::new(&file.name, crate::problem::ProblemKind::TooLarge { size, limit: import::MAX_ASSESSMENT_FILE }));
                continue;
            }
            match import::assessment_file(&file.name, &file.bytes, &content.innovation) {
                Err(mut p) => found.append(&mut p),
                Ok(imported) => {
                    let message = add_imported(state, imported.assessment);
                    state.notify(message);
                }
            }
        }
        problems.set(found);
    });

    view! {
        <section class="hero">
            <h1 tabindex="-1">{move || bank_meta.title.get(state.lang.get()).to_owned()}</h1>
            <p class="lead">{move || state.lang.get().fmt(Msg::HomeIntro, &[("minutes", &minutes)])}</p>
            <p class="lead">{move || state.t(Msg::HomePrivacy)}</p>
            <p><button type="button" class="primary big" on:click=start>{move || state.t(Msg::HomeStart)}</button></p>
        </section>

        <section aria-labelledby="saved-title">
            <h2 id="saved-title">{move || state.t(Msg::HomeSaved)}</h2>
            {move || {
                let list = state.assessments.get();
                if list.is_empty() {
                    view! { <p class="muted">{state.t(Msg::HomeNone)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="cards">
                            {list.into_iter().map(|s| view! { <SavedCard summary=s/> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
            <div class="toolbar">
                <FilePicker
                    id="import-assessment"
                    label=Signal::derive(move || state.t(Msg::HomeImport).to_owned())
                    accept=".json,application/json"
                    multiple=true
                    limit=import::MAX_ASSESSMENT_FILE
                    on_files=on_import
                />
            </div>
            {move || {
                let p = problems.get();
                (!p.is_empty()).then(|| view! {
                    <div class="error-box" role="alert">
                        <h3>{state.t(Msg::HomeImportFailed)}</h3>
                        <ProblemList problems=p/>
                        <p class="muted">{state.t(Msg::HomeImportNothingChanged)}</p>
                    </div>
                })
            }}
        </section>

        <BackupTools/>
    }
}

/// Adds an imported assessment without overwriting anything: identical records are
/// recognised, different ones with the same id become a copy with a new id.
pub fn add_imported(state: AppState, a: Assessment) -> String {
    let lang = state.lang.get_untracked();
    match state.load_assessment(&a.id) {
        Some(e) if e == a => lang.fmt(Msg::HomeImportSame, &[("name", &a.name)]),
        Some(_) => {
            let name = state.save_copy(a);
            lang.fmt(Msg::HomeImportCopy, &[("name", &name)])
        }
        None => {
            state.save(&a);
            lang.fmt(Msg::HomeImportDone, &[("name", &a.name)])
        }
    }
}

#[component]
fn SavedCard(summary: store::Summary) -> impl IntoView {
    let state = use_state();
    let id = summary.id.clone();
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(summary.name.clone());
    let total = state.content().innovation.items().len();
    let open_href = Route::Assessment { id: id.clone(), page: resume_page(summary.resume_page) }.href();
    let results_href = Route::Assessment { id: id.clone(), page: AssessmentPage::Results }.href();

    let id_for_rename = id.clone();
    let commit_rename = move || {
        let new_name = name.get_untracked().trim().to_owned();
        renaming.set(false);
        if new_name.is_empty() {
            return;
        }
        if let Some(mut a) = state.load_assessment(&id_for_rename) {
            a.name = new_name.chars().take(200).collect();
            a.updated_at = browser::now();
            state.save(&a);
            state.current.update(|c| {
                if c.as_ref().is_some_and(|c| c.id == a.id) {
                    *c = Some(a.clone());
                }
            });
        }
    };
    let commit_rename_key = commit_rename.clone();

    let id_dup = id.clone();
    let duplicate = move |_| {
        if let Some(mut a) = state.load_assessment(&id_dup) {
            let now = browser::now();
            a.created_at = now.clone();
            a.updated_at = now;
            let name = state.save_copy(a);
            state.notify(state.lang.get_untracked().fmt(Msg::HomeDuplicated, &[("name", &name)]));
        }
    };
    let id_exp = id.clone();
    let export_file = move |_| {
        if let Some(a) = state.load_assessment(&id_exp) {
            let json = export::assessment_json(&a, &browser::now());
            let name = format!("faro-{}.json", export::file_stem(&a.name));
            if browser::download(&name, "application/json", json.as_bytes()).is_ok() {
                state.notify(state.lang.get_untracked().fmt(Msg::HomeExported, &[("file", &name)]));
            }
        }
    };
    let id_del = id.clone();
    let delete = Callback::new(move |()| {
        state.delete(&id_del);
        state.notify(state.t(Msg::HomeDeleted));
    });
    let summary_name = summary.name.clone();

    view! {
        <li class="card">
            {move || if renaming.get() {
                let commit = commit_rename.clone();
                let commit_key = commit_rename_key.clone();
                let rename_input = NodeRef::new();
                browser::focus_on_load(rename_input);
                view! {
                    <label class="rename">
                        <span class="visually-hidden">{state.t(Msg::HomeRenameLabel)}</span>
                        <input type="text" maxlength="200" prop:value=move || name.get() node_ref=rename_input
                            on:input=move |ev| name.set(event_target_value(&ev))
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Enter" { commit_key() }
                                if ev.key() == "Escape" { renaming.set(false) }
                            }
                            on:blur=move |_| commit()
                        />
                    </label>
                }.into_any()
            } else {
                let href = open_href.clone();
                view! { <h3><a href=href>{summary_name.clone()}</a></h3> }.into_any()
            }}
            <p class="muted">
                {move || state.lang.get().fmt(Msg::HomeCardProgress, &[("answered", &summary.answers.min(total)), ("total", &total)])}
                {summary.has_plan.then(|| view! { " · " {move || state.t(Msg::HomeCardHasPlan)} })}
            </p>
            <div class="toolbar">
                <a class="button" href=results_href>{move || state.t(Msg::HomeResults)}</a>
                <button type="button" on:click=move |_| renaming.set(true)>{move || state.t(Msg::HomeRename)}</button>
                <button type="button" on:click=duplicate>{move || state.t(Msg::HomeDuplicate)}</button>
                <button type="button" on:click=export_file>{move || state.t(Msg::HomeExport)}</button>
                <ConfirmButton
                    label=Signal::derive(move || state.t(Msg::HomeDelete).to_owned())
                    question=Signal::derive(move || state.t(Msg::HomeDeleteConfirm).to_owned())
                    on_confirm=delete
                />
            </div>
        </li>
    }
}

/// The page to resume an assessment at, from its stored resume point.
fn resume_page(page: usize) -> AssessmentPage {
    match page {
        0 => AssessmentPage::Profile,
        n => AssessmentPage::Section(n - 1),
    }
}
