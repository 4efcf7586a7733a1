//! The export buttons of an assessment: print report, XLSX (in the tools worker), CSV,
//! Markdown and JSON. The domain writes every file; this only hands them to the browser.

use super::derived::{service_namer, Derived};
use crate::assessment::files::{assessment_json, plan_json};
use crate::format::cells::with_bom;
use crate::format::csv::to_csv;
use crate::kernel::i18n::Msg;
use crate::kernel::ids::file_stem;
use crate::route::{AssessmentPage, Route};
use crate::ui::browser;
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;

const CSV: &str = "text/csv;charset=utf-8";
const JSON: &str = "application/json";

/// `faro-<assessment name>-<suffix>`.
fn file_name(state: AppState, suffix: &str) -> String {
    let stem = state.current.with_untracked(|a| a.as_ref().map(|a| file_stem(&a.name))).unwrap_or_else(|| "faro".into());
    format!("faro-{stem}-{suffix}")
}

#[component]
pub fn ExportBar(d: Derived) -> impl IntoView {
    let state = use_state();
    let busy = RwSignal::new(false);
    let id = state.current.with_untracked(|a| a.as_ref().map(|a| a.id.clone())).unwrap_or_default();
    let report_href = Route::Assessment { id, page: AssessmentPage::Report }.href();
    let has_plan = Memo::new(move |_| state.current.with(|a| a.as_ref().is_some_and(|a| a.plan.is_some())));
    let lang = move || state.lang.get_untracked();
    let xlsx = move |_| {
        let Some(book) = d.with_report(state, lang(), |r| r.workbook(&service_namer(state, lang()))) else { return };
        state.deliver_xlsx(file_name(state, "report.xlsx"), book, busy);
    };
    let csv_scores = move |_| {
        if let Some(text) = d.with_report(state, lang(), |r| to_csv(&r.scores_table(), lang())) {
            state.deliver(&file_name(state, "scores.csv"), CSV, &with_bom(&text));
        }
    };
    let csv_plan = move |_| {
        let text = d.with_report(state, lang(), |r| r.assessment.plan.as_ref().map(|plan| to_csv(&r.plan_table(plan, &service_namer(state, lang())), lang())));
        if let Some(text) = text.flatten() {
            state.deliver(&file_name(state, "plan.csv"), CSV, &with_bom(&text));
        }
    };
    let markdown = move |_| {
        if let Some(text) = d.with_report(state, lang(), |r| r.markdown(&service_namer(state, lang()))) {
            state.deliver(&file_name(state, "report.md"), "text/markdown;charset=utf-8", text.as_bytes());
        }
    };
    let json = move |_| {
        if let Some(a) = state.current.get_untracked() {
            state.deliver(&file_name(state, "assessment.json"), JSON, assessment_json(&a, &browser::now()).as_bytes());
        }
    };
    let plan_file = move |_| {
        if let Some(text) = state.current.with_untracked(|a| a.as_ref().and_then(|a| a.plan.as_ref().map(|p| plan_json(a, p, &browser::now())))) {
            state.deliver(&file_name(state, "plan.json"), JSON, text.as_bytes());
        }
    };
    view! {
        <section class="exports no-print" aria-labelledby="exports-title">
            <h2 id="exports-title">{move || state.t(Msg::ExportTitle)}</h2>
            <div class="toolbar">
                <a class="button" href=report_href>{move || state.t(Msg::ExportPrint)}</a>
                <button type="button" on:click=xlsx disabled=move || busy.get()>
                    {move || if busy.get() { state.t(Msg::ExportWorking) } else { state.t(Msg::ExportXlsx) }}
                </button>
                <button type="button" on:click=csv_scores>{move || state.t(Msg::ExportCsvScores)}</button>
                {move || has_plan.get().then(|| view! { <button type="button" on:click=csv_plan>{state.t(Msg::ExportCsvPlan)}</button> })}
                <button type="button" on:click=markdown>{move || state.t(Msg::ExportMarkdown)}</button>
                <button type="button" on:click=json>{move || state.t(Msg::ExportJson)}</button>
                {move || has_plan.get().then(|| view! { <button type="button" on:click=plan_file>{state.t(Msg::ExportPlanJson)}</button> })}
            </div>
        </section>
    }
}
