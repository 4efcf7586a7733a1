//! The survey's exports: the assembly workbook (figures only, never a response), the
//! services table, the results file for next year's comparison. Raw responses are on
//! the responses page, behind a confirmation.

use crate::format::cells::with_bom;
use crate::format::csv::to_csv;
use crate::kernel::i18n::Msg;
use crate::route::{Route, StaffPage};
use crate::survey::report::SurveyReport;
use crate::survey::{self, Dashboard};
use crate::ui::browser;
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;
use std::sync::Arc;

/// Runs `f` with the survey report of today's dashboard in the user's language.
fn with_report<R>(state: AppState, dash: Memo<Arc<Dashboard>>, with_last_year: bool, f: impl FnOnce(&SurveyReport) -> R) -> R {
    let content = state.content();
    let dashboard = dash.get_untracked();
    let last = if with_last_year { untrack(|| state.last_year()) } else { None };
    let settings = state.survey_settings.get_untracked();
    let report = SurveyReport {
        bank: &content.satisfaction,
        catalogue: &content.catalogue,
        dashboard: &dashboard,
        last_year: last.as_ref().map(|y| &y.dashboard),
        settings: &settings,
        lang: state.lang.get_untracked(),
    };
    f(&report)
}

#[component]
pub fn SurveyExports(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    let busy = RwSignal::new(false);
    let xlsx = move |_| {
        let book = with_report(state, dash, true, |r| r.workbook());
        state.deliver_xlsx(format!("faro-survey-{}.xlsx", browser::today()), book, busy);
    };
    let csv_services = move |_| {
        let text = with_report(state, dash, false, |r| to_csv(&r.services_table(), r.lang));
        state.deliver(&format!("faro-survey-services-{}.csv", browser::today()), "text/csv;charset=utf-8", &with_bom(&text));
    };
    let results = move |_| {
        let json = survey::results_json(&state.content().satisfaction, &dash.get_untracked(), &state.commitments.get_untracked(), &browser::now());
        state.deliver(&format!("faro-survey-results-{}.json", browser::today()), "application/json", json.as_bytes());
    };
    view! {
        <section class="exports no-print" aria-labelledby="survey-exports-title">
            <h2 id="survey-exports-title">{move || state.t(Msg::ExportTitle)}</h2>
            <div class="toolbar">
                <a class="button" href=Route::Staff(StaffPage::Report).href()>{move || state.t(Msg::SurveyPrintReport)}</a>
                <a class="button" href=Route::Staff(StaffPage::Evidence).href()>{move || state.t(Msg::EvidenceOpen)}</a>
                <button type="button" on:click=xlsx disabled=move || busy.get()>{move || if busy.get() { state.t(Msg::ExportWorking) } else { state.t(Msg::ExportXlsx) }}</button>
                <button type="button" on:click=csv_services>{move || state.t(Msg::SurveyCsvServices)}</button>
                <button type="button" on:click=results>{move || state.t(Msg::SurveyResultsJson)}</button>
                <a class="button" href=Route::Staff(StaffPage::Responses).href()>{move || state.t(Msg::SurveyRawExports)}</a>
            </div>
        </section>
    }
}
