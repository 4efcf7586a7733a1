//! The export buttons of an assessment: print report, XLSX (in the tools worker), CSV,
//! Markdown and JSON. The domain (`crate::export`) writes every file; this only hands
//! them to the browser.

use super::results::Derived;
use crate::export::{self, to_csv, AssessmentReport};
use crate::i18n::{Lang, Msg};
use crate::route::{AssessmentPage, Route};
use crate::ui::browser;
use crate::ui::state::{use_state, AppState};
use crate::ui::tools;
use leptos::prelude::*;

/// Runs `f` with the report of the open assessment in `lang`.
pub fn with_report<R>(state: AppState, d: &Derived, lang: Lang, f: impl FnOnce(&AssessmentReport) -> R) -> Option<R> {
    let a = state.current.get_untracked()?;
    let scores = d.scores.get_untracked()?;
    let comparison = d.comparison.get_untracked();
    let bench = d.bench.get_untracked();
    let group_label = d.group.get_untracked().map(|(k, fallback)| (k.label(&d.bank, lang), fallback));
    let report = AssessmentReport {
        bank: &d.bank,
        assessment: &a,
        scores: &scores,
        comparison: comparison.as_ref(),
        benchmark: bench.as_ref().map(|b| b.meta()),
        group_label,
        lang,
    };
    Some(f(&report))
}

/// The name of a cluster service in `lang`.
pub fn service_namer(state: AppState, lang: Lang) -> impl Fn(&str) -> String {
    let content = state.content();
    move |id: &str| content.catalogue.service(id).map(|s| s.name.get(lang).to_owned()).unwrap_or_else(|| id.to_owned())
}

fn file_name(state: AppState, suffix: &str) -> String {
    let stem = state.current.with_untracked(|a| a.as_ref().map(|a| export::file_stem(&a.name))).unwrap_or_else(|| "faro".into());
    format!("faro-{stem}-{suffix}")
}

fn deliver(state: AppState, name: &str, mime: &str, bytes: &[u8]) {
    let lang = state.lang.get_untracked();
    match browser::download(name, mime, bytes) {
        Ok(()) => state.notify(lang.fmt(Msg::HomeExported, &[("file", &name)])),
        Err(e) => state.notify(lang.fmt(Msg::XFailed, &[("error", &e)])),
    }
}

#[component]
pub fn ExportBar(d: Derived) -> impl IntoView {
    let state = use_state();
    let busy = RwSignal::new(false);
    let id = state.current.with_untracked(|a| a.as_ref().map(|a| a.id.clone())).unwrap_or_default();
    let report_href = Route::Assessment { id, page: AssessmentPage::Report }.href();
    let has_plan = Memo::new(move |_| state.current.with(|a| a.as_ref().is_some_and(|a| a.plan.is_some())));

    let d1 = d.clone();
    let xlsx = move |_| {
        let lang = state.lang.get_untracked();
        let Some(book) = with_report(state, &d1, lang, |r| r.workbook(&service_namer(state, lang))) else { return };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = tools::run(&crate::tools::Request::Xlsx { workbook: book }).await;
            busy.set(false);
            match result {
                Ok(bytes) => deliver(state, &file_name(state, "report.xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &bytes),
                Err(e) => state.notify(lang.fmt(Msg::XFailed, &[("error", &e)])),
            }
        });
    };
    let d2 = d.clone();
    let csv_scores = move |_| {
        let lang = state.lang.get_untracked();
        if let Some(text) = with_report(state, &d2, lang, |r| to_csv(&r.scores_table(), lang)) {
            deliver(state, &file_name(state, "scores.csv"), "text/csv;charset=utf-8", export::with_bom(&text).as_slice());
        }
    };
    let d3 = d.clone();
    let csv_plan = move |_| {
        let lang = state.lang.get_untracked();
        let Some(plan) = state.current.with_untracked(|a| a.as_ref().and_then(|a| a.plan.clone())) else { return };
        if let Some(text) = with_report(state, &d3, lang, |r| to_csv(&r.plan_table(&plan, &service_namer(state, lang)), lang)) {
            deliver(state, &file_name(state, "plan.csv"), "text/csv;charset=utf-8", export::with_bom(&text).as_slice());
        }
    };
    let d4 = d.clone();
    let markdown = move |_| {
        let lang = state.lang.get_untracked();
        if let Some(text) = with_report(state, &d4, lang, |r| r.markdown(&service_namer(state, lang))) {
            deliver(state, &file_name(state, "report.md"), "text/markdown;charset=utf-8", text.as_bytes());
        }
    };
    let json = move |_| {
        if let Some(a) = state.current.get_untracked() {
            let text = export::assessment_json(&a, &browser::now());
            deliver(state, &file_name(state, "assessment.json"), "application/json", text.as_bytes());
        }
    };
    let plan_json = move |_| {
        if let Some(a) = state.current.get_untracked() {
            if let Some(plan) = &a.plan {
                let text = export::plan_json(&a, plan, &browser::now());
                deliver(state, &file_name(state, "plan.json"), "application/json", text.as_bytes());
            }
        }
    };

    view! {
        <section class="exports no-print" aria-labelledby="exports-title">
            <h2 id="exports-title">{move || state.t(Msg::XTitle)}</h2>
            <div class="toolbar">
                <a class="button" href=report_href>{move || state.t(Msg::XPrint)}</a>
                <button type="button" on:click=xlsx disabled=move || busy.get()>
                    {move || if busy.get() { state.t(Msg::XWorking) } else { state.t(Msg::XXlsx) }}
                </button>
                <button type="button" on:click=csv_scores>{move || state.t(Msg::XCsvScores)}</button>
                {move || has_plan.get().then(|| view! { <button type="button" on:click=csv_plan.clone()>{state.t(Msg::XCsvPlan)}</button> })}
                <button type="button" on:click=markdown>{move || state.t(Msg::XMarkdown)}</button>
                <button type="button" on:click=json>{move || state.t(Msg::XJson)}</button>
                {move || has_plan.get().then(|| view! { <button type="button" on:click=plan_json>{state.t(Msg::XPlanJson)}</button> })}
            </div>
        </section>
    }
}
