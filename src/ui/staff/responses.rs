//! Staff: the survey responses on this device — kiosk sessions, export, import from
//! other devices (with a report per file), member count for the response rate.

use super::StaffNav;
use crate::format::cells::with_bom;
use crate::kernel::i18n::Msg;
use crate::kernel::problem::Problem;
use crate::route::Route;
use crate::survey::{self, FileReport, Kiosk, MAX_RESPONSES_FILE};
use crate::ui::browser::{self, PickedFile};
use crate::ui::state::use_state;
use crate::ui::widgets::{ConfirmButton, FilePicker, ProblemList};
use leptos::prelude::*;

#[component]
pub fn StaffResponses() -> impl IntoView {
    let state = use_state();
    let counts = Memo::new(move |_| {
        state.responses.with(|all| {
            let done = all.iter().filter(|r| r.submitted_at.is_some()).count();
            (done, all.len() - done)
        })
    });
    let members = RwSignal::new(state.survey_settings.get_untracked().members.map(|m| m.to_string()).unwrap_or_default());
    view! {
        <StaffNav/>
        <h1 tabindex="-1">{move || state.t(Msg::StaffResponsesTitle)}</h1>
        <p class="lead" data-testid="response-counts">{move || { let (done, open) = counts.get(); state.lang.get().fmt(Msg::StaffResponsesCount, &[("n", &done), ("open", &open)]) }}</p>
        {move || state.in_memory.get().map(|d| view! { <p class="note">{state.lang.get().fmt(Msg::StaffInMemory, &[("n", &d.n)])}</p> })}
        <div class="field narrow">
            <label for="members">{move || state.t(Msg::StaffMembers)}</label>
            <input id="members" type="number" min="0" max="100000" prop:value=move || members.get() on:input=move |ev| {
                let v = event_target_value(&ev);
                state.set_members(v.trim().parse().ok());
                members.set(v);
            }/>
            <p class="muted">{move || {
                let (done, _) = counts.get();
                survey::response_rate(done, members.get().trim().parse().ok())
                    .map(|r| state.lang.get().fmt(Msg::SurveyRate, &[("rate", &state.lang.get().number(r, 0)), ("members", &members.get())]))
                    .unwrap_or_default()
            }}</p>
        </div>
        <KioskStart/>
        <Transfer/>
    }
}

/// Starting a kiosk session: a label and an exit code.
#[component]
fn KioskStart() -> impl IntoView {
    let state = use_state();
    let label = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let code_problem = RwSignal::new(false);
    let start = move || {
        let c = code.get_untracked().trim().to_owned();
        code_problem.set(c.chars().count() < Kiosk::MIN_CODE);
        if !code_problem.get_untracked() {
            state.start_kiosk(label.get_untracked().trim().chars().take(80).collect(), c);
        }
    };
    let help = move || state.lang.get().fmt(Msg::KioskCodeHelp, &[("n", &Kiosk::MIN_CODE)]);
    view! {
        <section aria-labelledby="kiosk-title">
            <h2 id="kiosk-title">{move || state.t(Msg::KioskTitle)}</h2>
            <p>{move || state.t(Msg::KioskIntro)}</p>
            <p class="note">{move || state.t(Msg::KioskNotSecurity)}</p>
            <form class="kiosk-start" on:submit=move |ev| { ev.prevent_default(); start(); }>
                <div class="field">
                    <label for="kiosk-label">{move || state.t(Msg::KioskSessionLabel)}</label>
                    <input id="kiosk-label" type="text" maxlength="80" prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="kiosk-new-code">{move || state.t(Msg::KioskNewCode)}</label>
                    <input id="kiosk-new-code" type="password" autocomplete="new-password" minlength="4" maxlength="20"
                        aria-describedby="kiosk-code-help" prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                    <p class="muted" id="kiosk-code-help">{help}</p>
                    {move || code_problem.get().then(|| view! { <p class="bad" role="alert">{help}</p> })}
                </div>
                <button type="submit" class="primary">{move || state.t(Msg::KioskStart)}</button>
            </form>
            <p><a href=Route::SurveyHome.href()>{move || state.t(Msg::StaffFillHere)}</a></p>
        </section>
    }
}

/// Moving responses between devices: export, import with a report per file, wipe.
#[component]
fn Transfer() -> impl IntoView {
    let state = use_state();
    let export_json = move |_| {
        let bank = state.content().satisfaction.clone();
        let json = survey::responses_json(&bank, &state.submitted_responses(), &browser::now());
        state.deliver(&format!("faro-responses-{}.json", browser::today()), "application/json", json.as_bytes());
    };
    let export_csv = move |_| {
        let bank = state.content().satisfaction.clone();
        let bytes = with_bom(&survey::responses_csv(&bank, &state.submitted_responses(), state.lang.get_untracked()));
        state.deliver(&format!("faro-responses-{}.csv", browser::today()), "text/csv;charset=utf-8", &bytes);
    };
    let reports = RwSignal::new(Vec::<FileReport>::new());
    let on_import = Callback::new(move |files: Vec<Result<PickedFile, Problem>>| reports.set(state.import_response_files(files)));
    let wipe = Callback::new(move |()| {
        state.wipe_responses();
        state.notify(state.t(Msg::StaffResponsesWiped));
    });
    view! {
        <section aria-labelledby="transfer-title">
            <h2 id="transfer-title">{move || state.t(Msg::StaffTransferTitle)}</h2>
            <p>{move || state.t(Msg::StaffTransferIntro)}</p>
            <div class="toolbar">
                <button type="button" on:click=export_json>{move || state.t(Msg::StaffExportJson)}</button>
                <button type="button" on:click=export_csv>{move || state.t(Msg::StaffExportCsv)}</button>
                <FilePicker id="import-responses" label=Signal::derive(move || state.t(Msg::StaffImport).to_owned())
                    accept=".json,.csv,application/json,text/csv" multiple=true limit=MAX_RESPONSES_FILE on_files=on_import/>
            </div>
            <ImportReports reports=reports.into()/>
            <p>
                <ConfirmButton class="danger" label=Signal::derive(move || state.t(Msg::StaffResponsesWipe).to_owned())
                    question=Signal::derive(move || state.t(Msg::StaffResponsesWipeConfirm).to_owned()) on_confirm=wipe/>
            </p>
        </section>
    }
}

/// What each imported file brought: accepted, duplicates, rejected (with where and why).
#[component]
fn ImportReports(reports: Signal<Vec<FileReport>>) -> impl IntoView {
    let state = use_state();
    move || {
        let list = reports.get();
        (!list.is_empty()).then(|| {
            let lang = state.lang.get();
            view! {
                <ul class="file-reports" data-testid="import-report">
                    {list.into_iter().map(|r| {
                        let summary = lang.fmt(Msg::StaffImportReport, &[("file", &r.file), ("ok", &r.accepted_count), ("dup", &r.duplicates.len()), ("bad", &r.rejected.len())]);
                        view! {
                            <li class:bad=!r.rejected.is_empty()>
                                <p><strong>{summary}</strong></p>
                                {(!r.rejected.is_empty()).then(|| view! { <ProblemList problems=r.rejected.clone()/> })}
                                {(!r.warnings.is_empty()).then(|| view! { <ProblemList problems=r.warnings.clone()/> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p class="muted">{lang.t(Msg::StaffImportNothingOverwritten)}</p>
            }
        })
    }
}
