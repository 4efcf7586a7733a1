//! Staff: the survey responses on this device — kiosk sessions, moving responses between
//! devices (with a report per file), the raw responses for other software (asked for
//! knowingly), and the membership for the response rate.

use super::StaffNav;
use crate::format::cells::with_bom;
use crate::kernel::i18n::Msg;
use crate::kernel::problem::Problem;
use crate::route::Route;
use crate::survey::report::RawResponses;
use crate::survey::{self, FileReport, Kiosk, MAX_RESPONSES_FILE};
use crate::ui::browser::{self, PickedFile};
use crate::ui::state::use_state;
use crate::ui::widgets::{ConfirmButton, FilePicker, ProblemList, QrSender};
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
    view! {
        <StaffNav/>
        <h1 tabindex="-1">{move || state.t(Msg::StaffResponsesTitle)}</h1>
        <p class="lead" data-testid="response-counts">{move || { let (done, open) = counts.get(); state.lang.get().fmt(Msg::StaffResponsesCount, &[("n", &done), ("open", &open)]) }}</p>
        {move || state.in_memory.get().map(|d| view! { <p class="note">{state.lang.get().fmt(Msg::StaffInMemory, &[("n", &d.n)])}</p> })}
        <Membership/>
        <KioskStart/>
        <Transfer/>
        <RawResponses/>
    }
}

/// The member organisations the survey went to, in all and by class: the response
/// rate's denominators.
#[component]
fn Membership() -> impl IntoView {
    let state = use_state();
    let bank = state.content().satisfaction.clone();
    let classes: Vec<(String, crate::kernel::i18n::Localized)> =
        bank.profile_with_role("member_type").map(|f| f.options.iter().map(|o| (o.id.clone(), o.label.clone())).collect()).unwrap_or_default();
    let number = |v: Option<usize>| v.map(|m| m.to_string()).unwrap_or_default();
    let rate = move || {
        let lang = state.lang.get();
        let bank = state.content().satisfaction.clone();
        let members = state.survey_settings.get().members;
        let organisations = state.responses.with(|all| survey::responding_organisations(&bank, all));
        organisations
            .and_then(|o| Some((o, survey::response_rate(o, members)?)))
            .map(|(o, r)| lang.fmt(Msg::SurveyRate, &[("rate", &lang.number(r, 0)), ("orgs", &o), ("members", &members.unwrap_or(0))]))
            .unwrap_or_default()
    };
    view! {
        <section aria-labelledby="membership-title">
            <h2 id="membership-title">{move || state.t(Msg::StaffMembershipTitle)}</h2>
            <p class="muted">{move || state.t(Msg::StaffMembershipIntro)}</p>
            <div class="field narrow">
                <label for="members">{move || state.t(Msg::StaffMembers)}</label>
                <input id="members" type="number" min="0" max="100000" prop:value=number(state.survey_settings.get_untracked().members)
                    on:input=move |ev| state.set_members(event_target_value(&ev).trim().parse().ok())/>
                <p class="muted" data-testid="response-rate">{rate}</p>
            </div>
            <details class="by-class">
                <summary>{move || state.t(Msg::StaffMembersByClass)}</summary>
                {classes.into_iter().map(|(id, label)| {
                    let input_id = format!("members-{id}");
                    let current = number(state.survey_settings.get_untracked().members_by_class.get(&id).copied());
                    let class = id.clone();
                    view! {
                        <div class="field narrow">
                            <label for=input_id.clone()>{move || label.get(state.lang.get()).to_owned()}</label>
                            <input id=input_id type="number" min="0" max="100000" prop:value=current
                                on:input=move |ev| state.set_members_of_class(&class, event_target_value(&ev).trim().parse().ok())/>
                        </div>
                    }
                }).collect_view()}
            </details>
        </section>
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
                <IdleSettings/>
                <button type="submit" class="primary">{move || state.t(Msg::KioskStart)}</button>
            </form>
            <p><a href=Route::SurveyHome.href()>{move || state.t(Msg::StaffFillHere)}</a></p>
        </section>
    }
}

/// How long a kiosk form or a workshop turn may sit untouched, and what happens to it.
#[component]
fn IdleSettings() -> impl IntoView {
    let state = use_state();
    let (lo, hi) = crate::survey::IDLE_RANGE;
    let seconds = move || state.survey_settings.with(|s| s.idle_seconds()).to_string();
    let discard = move || state.survey_settings.with(|s| s.discard_idle);
    view! {
        <div class="field">
            <label for="idle-seconds">{move || state.t(Msg::KioskIdleSeconds)}</label>
            <input id="idle-seconds" type="number" min=lo max=hi step="1" prop:value=seconds aria-describedby="idle-help"
                on:change=move |ev| state.set_idle(event_target_value(&ev).trim().parse().ok(), discard())/>
            <p class="muted" id="idle-help">{move || state.t(Msg::KioskIdleHelp)}</p>
        </div>
        <div class="field">
            <label for="idle-keep">{move || state.t(Msg::KioskIdleWhat)}</label>
            <select id="idle-keep" on:change=move |ev| state.set_idle(state.survey_settings.with_untracked(|s| s.idle_seconds), event_target_value(&ev) == "discard")>
                <option value="keep" selected=move || !discard()>{move || state.t(Msg::KioskIdleKeep)}</option>
                <option value="discard" selected=discard>{move || state.t(Msg::KioskIdleDiscard)}</option>
            </select>
        </div>
    }
}

/// Moving responses between devices: export, import with a report per file, wipe.
#[component]
fn Transfer() -> impl IntoView {
    let state = use_state();
    let export_json = Callback::new(move |()| {
        let bank = state.content().satisfaction.clone();
        let json = survey::responses_json(&bank, &state.submitted_responses(), &browser::now());
        state.deliver(&format!("faro-raw-responses-transfer-{}.json", browser::today()), "application/json", json.as_bytes());
    });
    let sending = RwSignal::new(None::<String>);
    let send = Callback::new(move |()| {
        let bank = state.content().satisfaction.clone();
        sending.set(Some(survey::responses_json(&bank, &state.submitted_responses(), &browser::now())));
    });
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
                <ConfirmButton label=Signal::derive(move || state.t(Msg::StaffExportJson).to_owned())
                    question=Signal::derive(move || state.t(Msg::StaffExportJsonConfirm).to_owned()) on_confirm=export_json/>
                <FilePicker id="import-responses" label=Signal::derive(move || state.t(Msg::StaffImport).to_owned())
                    accept=".json,.csv,application/json,text/csv" multiple=true limit=MAX_RESPONSES_FILE on_files=on_import/>
                <ConfirmButton label=Signal::derive(move || state.t(Msg::QrSend).to_owned())
                    question=Signal::derive(move || state.t(Msg::StaffExportJsonConfirm).to_owned()) on_confirm=send/>
                <a class="button" href=Route::Receive.href()>{move || state.t(Msg::QrReceiveTitle)}</a>
            </div>
            {move || sending.get().map(|text| view! { <QrSender text on_close=Callback::new(move |()| sending.set(None))/> })}
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

/// The raw responses for other software: individual answers, asked for knowingly. Free
/// text stays apart from the profile unless staff tick the box.
#[component]
fn RawResponses() -> impl IntoView {
    let state = use_state();
    let link_text = RwSignal::new(false);
    let busy = RwSignal::new(false);
    // Today's responses, exported as staff set it (free text linked or not).
    let csv = Callback::new(move |()| {
        let (content, responses) = (state.content(), state.submitted_responses());
        let raw = RawResponses { bank: &content.satisfaction, responses: &responses, link_text: link_text.get_untracked(), lang: state.lang.get_untracked() };
        state.deliver(&format!("faro-raw-responses-{}.csv", browser::today()), "text/csv;charset=utf-8", &with_bom(&raw.csv()));
    });
    let xlsx = Callback::new(move |()| {
        let (content, responses) = (state.content(), state.submitted_responses());
        let raw = RawResponses { bank: &content.satisfaction, responses: &responses, link_text: link_text.get_untracked(), lang: state.lang.get_untracked() };
        state.deliver_xlsx(format!("faro-raw-responses-{}.xlsx", browser::today()), raw.workbook(), busy);
    });
    let question = Signal::derive(move || state.t(Msg::StaffRawConfirm).to_owned());
    view! {
        <section aria-labelledby="raw-title">
            <h2 id="raw-title">{move || state.t(Msg::StaffRawTitle)}</h2>
            <p>{move || state.t(Msg::StaffRawIntro)}</p>
            <p class="field check">
                <input id="raw-link-text" type="checkbox" prop:checked=move || link_text.get() on:change=move |ev| link_text.set(event_target_checked(&ev))/>
                <label for="raw-link-text">{move || state.t(Msg::StaffRawLinkText)}</label>
            </p>
            <div class="toolbar">
                <ConfirmButton label=Signal::derive(move || state.t(Msg::StaffRawCsv).to_owned()) question on_confirm=csv/>
                <ConfirmButton label=Signal::derive(move || if busy.get() { state.t(Msg::ExportWorking) } else { state.t(Msg::StaffRawXlsx) }.to_owned()) question on_confirm=xlsx/>
            </div>
        </section>
    }
}
