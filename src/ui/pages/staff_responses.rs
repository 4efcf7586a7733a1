//! Staff: the survey responses on this device — kiosk sessions, export, import from
//! other devices (with a report per file), member count for the response rate.

use super::staff::StaffNav;
use super::survey::start_kiosk;
use crate::i18n::Msg;
use crate::route::Route;
use crate::survey::{self, FileReport, Kiosk, SurveySettings, MAX_RESPONSES_FILE};
use crate::ui::browser;
use crate::ui::components::{ConfirmButton, FilePicker, ProblemList};
use crate::ui::state::use_state;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Files larger than this are analysed in memory rather than stored response by response:
/// the browser's storage holds about a thousand responses (ARCHITECTURE.md § Storage).
const STORE_LIMIT: usize = 2 * 1024 * 1024;

#[component]
pub fn StaffResponses() -> impl IntoView {
    let state = use_state();
    let counts = Memo::new(move |_| {
        state.responses_changed.track();
        let all = state.stored_responses();
        let done = all.iter().filter(|r| r.submitted_at.is_some()).count();
        (done, all.len() - done)
    });
    let members = RwSignal::new(state.survey_settings.get_untracked().members.map(|m| m.to_string()).unwrap_or_default());

    // Kiosk start.
    let label = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let code_problem = RwSignal::new(false);
    let start = move || {
        let c = code.get_untracked().trim().to_owned();
        if c.chars().count() < Kiosk::MIN_CODE {
            code_problem.set(true);
            return;
        }
        code_problem.set(false);
        let l = label.get_untracked().trim().chars().take(80).collect::<String>();
        start_kiosk(state, l, c);
    };

    // Export.
    let export_json = move |_| {
        let bank = state.content().satisfaction.clone();
        let json = survey::responses_json(&bank, &state.submitted_responses(), &browser::now());
        let name = format!("faro-responses-{}.json", browser::today());
        if browser::download(&name, "application/json", json.as_bytes()).is_ok() {
            state.notify(state.lang.get_untracked().fmt(Msg::HomeExported, &[("file", &name)]));
        }
    };
    let export_csv = move |_| {
        let bank = state.content().satisfaction.clone();
        let lang = state.lang.get_untracked();
        let bytes = crate::export::with_bom(&survey::responses_csv(&bank, &state.submitted_responses(), lang));
        let name = format!("faro-responses-{}.csv", browser::today());
        if browser::download(&name, "text/csv;charset=utf-8", &bytes).is_ok() {
            state.notify(lang.fmt(Msg::HomeExported, &[("file", &name)]));
        }
    };

    // Import.
    let reports = RwSignal::new(Vec::<FileReport>::new());
    let on_import = Callback::new(move |files: Vec<(browser::PickedFile, usize)>| {
        let bank = state.content().satisfaction.clone();
        let mut known: BTreeSet<String> = state.stored_responses().into_iter().map(|r| r.id).collect();
        known.extend(state.in_memory_ids.get_value());
        let mut out = Vec::new();
        for (file, size) in files {
            if file.bytes.is_empty() && size > MAX_RESPONSES_FILE {
                out.push(FileReport {
                    file: file.name.clone(),
                    rejected: vec![crate::problem::Problem::new(&file.name, crate::problem::ProblemKind::TooLarge { size, limit: MAX_RESPONSES_FILE })],
                    ..FileReport::default()
                });
                continue;
            }
            if file.bytes.len() > STORE_LIMIT {
                let before = known.clone();
                let (data, report) = survey::import_dataset(&file.name, &file.bytes, &bank, &mut known);
                state.in_memory_ids.update_value(|ids| ids.extend(known.difference(&before).cloned()));
                state.in_memory.update(|m| match m {
                    Some(existing) => Arc::make_mut(existing).append(&data),
                    None => *m = Some(Arc::new(data)),
                });
                state.notify(state.lang.get_untracked().fmt(Msg::StaffImportInMemory, &[("file", &file.name)]));
                out.push(report);
                continue;
            }
            let report = survey::import_responses(&file.name, &file.bytes, &bank, &mut known);
            for r in &report.accepted {
                state.persist(&survey::response_key(&r.id), &crate::store::write_record(r));
            }
            out.push(report);
        }
        state.responses_changed.update(|n| *n += 1);
        reports.set(out);
    });
    let wipe = Callback::new(move |()| {
        for key in browser::with_storage(|s| s.keys(survey::RESPONSE_PREFIX)) {
            state.remove(&key);
        }
        state.responses_changed.update(|n| *n += 1);
        state.notify(state.t(Msg::StaffResponsesWiped));
    });

    view! {
        <StaffNav/>
        <h1 tabindex="-1">{move || state.t(Msg::StaffResponsesTitle)}</h1>
        <p class="lead" data-testid="response-counts">{move || { let (done, open) = counts.get(); state.lang.get().fmt(Msg::StaffResponsesCount, &[("n", &done), ("open", &open)]) }}</p>
        {move || state.in_memory.get().map(|d| view! { <p class="note">{state.lang.get().fmt(Msg::StaffInMemory, &[("n", &d.n)])}</p> })}
        <div class="field narrow">
            <label for="members">{move || state.t(Msg::StaffMembers)}</label>
            <input id="members" type="number" min="0" max="100000" prop:value=move || members.get() on:input=move |ev| {
                let v = event_target_value(&ev);
                members.set(v.clone());
                state.set_survey_settings(SurveySettings { members: v.trim().parse().ok() });
            }/>
            <p class="muted">{move || {
                let (done, _) = counts.get();
                survey::response_rate(done, members.get().trim().parse().ok())
                    .map(|r| state.lang.get().fmt(Msg::SurveyRate, &[("rate", &format!("{r:.0}")), ("members", &members.get())]))
                    .unwrap_or_default()
            }}</p>
        </div>

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
                    <p class="muted" id="kiosk-code-help">{move || state.lang.get().fmt(Msg::KioskCodeHelp, &[("n", &Kiosk::MIN_CODE)])}</p>
                    {move || code_problem.get().then(|| view! { <p class="bad" role="alert">{state.lang.get().fmt(Msg::KioskCodeHelp, &[("n", &Kiosk::MIN_CODE)])}</p> })}
                </div>
                <button type="submit" class="primary">{move || state.t(Msg::KioskStart)}</button>
            </form>
            <p><a href=Route::SurveyHome.href()>{move || state.t(Msg::StaffFillHere)}</a></p>
        </section>

        <section aria-labelledby="transfer-title">
            <h2 id="transfer-title">{move || state.t(Msg::StaffTransferTitle)}</h2>
            <p>{move || state.t(Msg::StaffTransferIntro)}</p>
            <div class="toolbar">
                <button type="button" on:click=export_json>{move || state.t(Msg::StaffExportJson)}</button>
                <button type="button" on:click=export_csv>{move || state.t(Msg::StaffExportCsv)}</button>
                <FilePicker id="import-responses" label=Signal::derive(move || state.t(Msg::StaffImport).to_owned())
                    accept=".json,.csv,application/json,text/csv" multiple=true limit=MAX_RESPONSES_FILE on_files=on_import/>
            </div>
            {move || {
                let list = reports.get();
                (!list.is_empty()).then(|| view! {
                    <ul class="file-reports" data-testid="import-report">
                        {list.into_iter().map(|r| {
                            let lang = state.lang.get();
                            let summary = lang.fmt(Msg::StaffImportReport, &[("file", &r.file), ("ok", &r.accepted_count), ("dup", &r.duplicates.len()), ("bad", &r.rejected.len())]);
                            let bad = !r.rejected.is_empty();
                            view! {
                                <li class:bad=bad>
                                    <p><strong>{summary}</strong></p>
                                    {(!r.rejected.is_empty()).then(|| view! { <ProblemList problems=r.rejected.clone()/> })}
                                    {(!r.warnings.is_empty()).then(|| view! { <ProblemList problems=r.warnings.clone()/> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="muted">{state.t(Msg::StaffImportNothingOverwritten)}</p>
                })
            }}
            <p>
                <ConfirmButton class="danger"
                    label=Signal::derive(move || state.t(Msg::StaffResponsesWipe).to_owned())
                    question=Signal::derive(move || state.t(Msg::StaffResponsesWipeConfirm).to_owned())
                    on_confirm=wipe/>
            </p>
        </section>
    }
}
