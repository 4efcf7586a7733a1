//! The evidence pack for the label and the Region: the same tables printed, as a
//! workbook, and as JSON.

use super::dashboard;
use crate::kernel::i18n::Msg;
use crate::survey::evidence::{Collection, EvidencePack};
use crate::survey::report::SurveyReport;
use crate::ui::browser;
use crate::ui::state::{use_state, AppState};
use crate::ui::widgets::TableView;
use leptos::prelude::*;

/// Runs `f` with the pack of today's responses, earlier years and commitments.
fn with_pack<R>(state: AppState, dash: &crate::survey::Dashboard, f: impl FnOnce(&EvidencePack) -> R) -> R {
    let content = state.content();
    let (earlier, commitments, settings) = (state.earlier.get(), state.commitments.get(), state.survey_settings.get());
    let years: Vec<&crate::survey::Year> = earlier.iter().map(|y| y.as_ref()).collect();
    let other = state.in_memory.with(|d| d.as_ref().map_or(0, |d| d.n));
    let collection = state.responses.with(|all| Collection::of(all, other));
    let report = SurveyReport {
        bank: &content.satisfaction,
        catalogue: &content.catalogue,
        dashboard: dash,
        last_year: years.last().map(|y| &y.dashboard),
        settings: &settings,
        lang: state.lang.get(),
    };
    f(&EvidencePack { report: &report, earlier: &years, commitments: &commitments, collection: &collection })
}

#[component]
pub fn EvidencePage() -> impl IntoView {
    let state = use_state();
    let dash = dashboard(state);
    let busy = RwSignal::new(false);
    let xlsx = move |_| {
        let book = untrack(|| dash.with(|d| with_pack(state, d, |p| p.workbook())));
        state.deliver_xlsx(format!("faro-evidence-{}.xlsx", browser::today()), book, busy);
    };
    let json = move |_| {
        let text = untrack(|| dash.with(|d| with_pack(state, d, |p| p.json(&browser::now()))));
        state.deliver(&format!("faro-evidence-{}.json", browser::today()), "application/json", text.as_bytes());
    };
    view! {
        <crate::ui::staff::StaffNav/>
        <p class="kicker">{move || state.t(Msg::SurveyReportKicker)}</p>
        <h1 tabindex="-1">{move || state.t(Msg::EvidenceTitle)}</h1>
        <p class="lead">{move || state.t(Msg::EvidenceIntro)}</p>
        <div class="toolbar no-print">
            <button type="button" class="primary" on:click=move |_| browser::print()>{move || state.t(Msg::EvidencePrint)}</button>
            <button type="button" on:click=xlsx disabled=move || busy.get()>{move || state.t(Msg::EvidenceXlsx)}</button>
            <button type="button" on:click=json>{move || state.t(Msg::EvidenceJson)}</button>
        </div>
        {move || {
            let lang = state.lang.get();
            let sheets = dash.with(|d| with_pack(state, d, |p| p.workbook().sheets));
            sheets.into_iter().enumerate().map(|(k, table)| view! { <section class="print-block"><TableView table lang testid=format!("evidence-{k}")/></section> }).collect_view()
        }}
    }
}
