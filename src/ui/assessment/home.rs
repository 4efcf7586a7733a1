//! The landing page: what the assessment is, the assessments kept on this device, and
//! import; the device's data tools below.

use crate::assessment::files::{self, MAX_ASSESSMENT_FILE};
use crate::kernel::i18n::Msg;
use crate::kernel::ids::file_stem;
use crate::kernel::problem::Problem;
use crate::route::{AssessmentPage, Route};
use crate::store::Summary;
use crate::ui::browser::{self, PickedFile};
use crate::ui::state::use_state;
use crate::ui::widgets::{BackupTools, ConfirmButton, ErrorBox, FilePicker, QrSender};
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let state = use_state();
    let content = state.content();
    let title = content.innovation.meta().title.clone();
    let minutes = content.innovation.meta().minutes.unwrap_or(35);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let on_import = Callback::new(move |picked: Vec<Result<PickedFile, Problem>>| {
        let bank = state.content().innovation.clone();
        let mut found = Vec::new();
        for file in picked {
            let file = match file {
                Ok(f) => f,
                Err(p) => {
                    found.push(p);
                    continue;
                }
            };
            match files::assessment_file(&file.name, &file.bytes, &bank) {
                Err(mut p) => found.append(&mut p),
                Ok(imported) => state.notify(state.import_assessment(imported.assessment)),
            }
        }
        problems.set(found);
    });
    view! {
        <section class="hero">
            <h1 tabindex="-1">{move || title.get(state.lang.get()).to_owned()}</h1>
            <p class="lead">{move || state.lang.get().fmt(Msg::HomeIntro, &[("minutes", &minutes)])}</p>
            <p class="lead">{move || state.t(Msg::HomePrivacy)}</p>
            <p><button type="button" class="primary big" on:click=move |_| state.start_assessment()>{move || state.t(Msg::HomeStart)}</button></p>
        </section>
        <section aria-labelledby="saved-title">
            <h2 id="saved-title">{move || state.t(Msg::HomeSaved)}</h2>
            {move || {
                let list = state.assessments.get();
                if list.is_empty() {
                    view! { <p class="muted">{state.t(Msg::HomeNone)}</p> }.into_any()
                } else {
                    view! { <ul class="cards">{list.into_iter().map(|s| view! { <SavedCard summary=s/> }).collect_view()}</ul> }.into_any()
                }
            }}
            <div class="toolbar">
                <FilePicker id="import-assessment" label=Signal::derive(move || state.t(Msg::HomeImport).to_owned())
                    accept=".json,application/json" multiple=true limit=MAX_ASSESSMENT_FILE on_files=on_import/>
                <a class="button" href=Route::Receive.href() on:pointerenter=|_| browser::prefetch_full_app() on:focus=|_| browser::prefetch_full_app()>{move || state.t(Msg::QrReceiveTitle)}</a>
            </div>
            <ErrorBox problems=problems.into() title=Msg::HomeImportFailed note=Msg::HomeImportNothingChanged/>
        </section>
        <BackupTools/>
    }
}

#[component]
fn SavedCard(summary: Summary) -> impl IntoView {
    let state = use_state();
    let id = StoredValue::new(summary.id.clone());
    let renaming = RwSignal::new(false);
    let total = state.content().innovation.items().len();
    let resume = match summary.resume_page {
        0 => AssessmentPage::Profile,
        n => AssessmentPage::Section(n - 1),
    };
    let open_href = Route::Assessment { id: summary.id.clone(), page: resume }.href();
    let results_href = Route::Assessment { id: summary.id.clone(), page: AssessmentPage::Results }.href();
    let team_href = Route::Assessment { id: summary.id.clone(), page: AssessmentPage::Team }.href();
    let sending = RwSignal::new(None::<String>);
    let send = move |_| sending.set(state.assessment_record(&id.get_value()).map(|a| files::assessment_json(&a, &browser::now())));
    let duplicate = move |_| {
        if let Some(name) = state.duplicate(&id.get_value()) {
            state.notify(state.lang.get_untracked().fmt(Msg::HomeDuplicated, &[("name", &name)]));
        }
    };
    let export_file = move |_| {
        if let Some(a) = state.assessment_record(&id.get_value()) {
            let json = files::assessment_json(&a, &browser::now());
            state.deliver(&format!("faro-{}.json", file_stem(&a.name)), "application/json", json.as_bytes());
        }
    };
    let delete = Callback::new(move |()| {
        state.delete(&id.get_value());
        state.notify(state.t(Msg::HomeDeleted));
    });
    let name = summary.name.clone();
    view! {
        <li class="card">
            {move || if renaming.get() {
                view! { <RenameField id=id.get_value() name=name.clone() done=Callback::new(move |()| renaming.set(false))/> }.into_any()
            } else {
                view! { <h3><a href=open_href.clone()>{name.clone()}</a></h3> }.into_any()
            }}
            <p class="muted">
                {move || state.lang.get().fmt(Msg::HomeCardProgress, &[("answered", &summary.answers.min(total)), ("total", &total)])}
                {summary.has_plan.then(|| view! { " · " {move || state.t(Msg::HomeCardHasPlan)} })}
            </p>
            <div class="toolbar">
                <a class="button" href=results_href on:pointerenter=|_| browser::prefetch_full_app() on:focus=|_| browser::prefetch_full_app()>{move || state.t(Msg::HomeResults)}</a>
                <button type="button" on:click=move |_| renaming.set(true)>{move || state.t(Msg::HomeRename)}</button>
                <button type="button" on:click=duplicate>{move || state.t(Msg::HomeDuplicate)}</button>
                <a class="button" href=team_href on:pointerenter=|_| browser::prefetch_full_app() on:focus=|_| browser::prefetch_full_app()>{move || state.t(Msg::TeamTitle)}</a>
                <button type="button" on:click=export_file>{move || state.t(Msg::HomeExport)}</button>
                <button type="button" on:click=send>{move || state.t(Msg::QrSend)}</button>
                <ConfirmButton label=Signal::derive(move || state.t(Msg::HomeDelete).to_owned())
                    question=Signal::derive(move || state.t(Msg::HomeDeleteConfirm).to_owned()) on_confirm=delete/>
            </div>
            {move || sending.get().map(|text| view! { <QrSender text on_close=Callback::new(move |()| sending.set(None))/> })}
        </li>
    }
}

/// The name as a field: Enter or leaving it renames, Escape cancels.
#[component]
fn RenameField(id: String, name: String, done: Callback<()>) -> impl IntoView {
    let state = use_state();
    let value = RwSignal::new(name);
    let input = NodeRef::new();
    browser::focus_on_load(input);
    let id = StoredValue::new(id);
    let finished = StoredValue::new(false);
    let commit = move |keep: bool| {
        if !finished.get_value() {
            finished.set_value(true);
            done.run(());
            if keep {
                state.rename(&id.get_value(), &value.get_untracked());
            }
        }
    };
    view! {
        <label class="rename">
            <span class="visually-hidden">{move || state.t(Msg::HomeRenameLabel)}</span>
            <input type="text" maxlength="200" prop:value=move || value.get() node_ref=input
                on:input=move |ev| value.set(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" { commit(true) }
                    if ev.key() == "Escape" { commit(false) }
                }
                on:blur=move |_| commit(true)
            />
        </label>
    }
}
