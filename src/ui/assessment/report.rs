//! The print-ready report: results, comparison, charts and plan on A4 pages, in the
//! chosen language, with the benchmark's provenance and the self-assessment disclaimer.
//! "Print → Save as PDF" in the browser gives the PDF.

use super::comparison::{radar_series, ComputedFrom};
use super::derived::{fmt_opt, fmt_score, service_namer, Derived};
use super::results::{Areas, Clauses, SubBars};
use super::Incomplete;
use crate::assessment::report::{provenance_line, standing_text, status_name, tier_name};
use crate::benchmark::{ComparisonRow, Scored, OVERALL};
use crate::content::bank::Bank;
use crate::kernel::i18n::{Lang, Msg};
use crate::route::{AssessmentPage, Route};
use crate::ui::browser;
use crate::ui::charts::{self, Chart};
use crate::ui::state::use_state;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Report(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let b = bank.clone();
    if !state.current.with_untracked(|a| a.as_ref().is_some_and(|a| a.is_complete(&b))) {
        return view! { <Incomplete id title=Msg::ReportTitle/> }.into_any();
    }
    let d = Derived::new(state, bank);
    let results = Route::Assessment { id, page: AssessmentPage::Results }.href();
    let name = move || state.current.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let date = browser::today();
    let notes = move || d.with_report(state, state.lang.get(), |r| r.notes()).unwrap_or_default();
    view! {
        <div class="report">
            <div class="toolbar no-print">
                <button type="button" class="primary" on:click=move |_| browser::print()>{move || state.t(Msg::ReportPrint)}</button>
                <a class="button" href=results>{move || state.t(Msg::PlanToResults)}</a>
                <span class="muted">{move || state.t(Msg::ReportHint)}</span>
            </div>
            <header class="report-head">
                <p class="kicker">{move || state.t(Msg::ReportKicker)}</p>
                <h1 tabindex="-1">{name}</h1>
                <p class="muted">{move || { let lang = state.lang.get(); lang.fmt(Msg::ReportDate, &[("date", &lang.date(&date))]) }}</p>
                <ul class="notes">{move || notes().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </header>
            <section class="print-block">
                <h2>{move || state.t(Msg::ResultsOverall)}</h2>
                <p class="big-number">{move || d.scores.with(|s| fmt_score(s.as_ref().and_then(|s| s.value(OVERALL)), state.lang.get()))}<span class="of">" / 100"</span></p>
            </section>
            <section class="print-block two-col">
                <Chart width=460 height=420 label=Signal::derive(move || state.t(Msg::ResultsRadarLabel).to_owned()) testid="report-radar" draw=move |canvas| {
                    let (axes, series) = radar_series(d, state.lang.get());
                    charts::radar(canvas, &axes, &series);
                }/>
                <ScoresTable d/>
            </section>
            <Areas d/>
            <SubBars d/>
            <Clauses d/>
            <PlanTable d/>
            <footer class="report-foot">
                <p>{move || state.t(Msg::ResultsSelfAssessment)}</p>
                <p>{move || state.bench().map(|b| provenance_line(b.meta(), state.lang.get())).unwrap_or_default()}</p>
            </footer>
        </div>
    }
    .into_any()
}

/// The overall index and each dimension against the group.
#[component]
fn ScoresTable(d: Derived) -> impl IntoView {
    let state = use_state();
    let rows = move |lang: Lang| -> Vec<(String, Option<f64>, Option<ComparisonRow>)> {
        let cmp = d.comparison.get();
        let bank = d.bank();
        let row = |id: &str| cmp.as_ref().and_then(|c| c.row(id)).cloned();
        d.scores.with(|s| {
            let Some(s) = s else { return Vec::new() };
            let mut out = vec![(lang.t(Msg::ResultsOverallShort).to_owned(), s.value(OVERALL), row(OVERALL))];
            out.extend(s.dimensions.iter().map(|dim| (bank.sections()[dim.section].title.get(lang).to_owned(), s.value(&dim.id), row(&dim.id))));
            out
        })
    };
    view! {
        <div class="table-scroll" tabindex="0">
        <table class="scores">
            <caption>{move || state.t(Msg::ResultsComparison)}</caption>
            <thead><tr>
                <th scope="col">{move || state.t(Msg::ResultsDimension)}</th>
                <th scope="col" class="num">{move || state.t(Msg::ResultsScore)}</th>
                <th scope="col" class="num">{move || state.t(Msg::ExportPercentile)}</th>
                <th scope="col" class="num">{move || state.t(Msg::ExportPeerMean)}</th>
                <th scope="col" class="num">{move || state.t(Msg::ResultsChampions)}</th>
            </tr></thead>
            <tbody>
                {move || {
                    let lang = state.lang.get();
                    rows(lang).into_iter().map(|(title, score, row)| view! {
                        <tr>
                            <th scope="row">{title}</th>
                            <td class="num">{fmt_opt(score, lang)}</td>
                            <td class="num">{standing_text(row.as_ref().and_then(|r| r.standing), lang)}</td>
                            <td class="num">{fmt_opt(row.as_ref().and_then(|r| r.mean), lang)}</td>
                            <td class="num">{fmt_opt(row.as_ref().and_then(|r| r.champions_mean), lang)}</td>
                        </tr>
                    }).collect_view()
                }}
            </tbody>
        </table>
        </div>
        <ComputedFrom d/>
    }
}

/// One accepted action as the report prints it.
struct PrintedItem {
    title: String,
    tier: &'static str,
    status: &'static str,
    owner: String,
    due: String,
    kpi: String,
    services: String,
    why: String,
}

/// The accepted actions of the plan, if there is one.
fn printed_items(d: Derived, state: crate::ui::state::AppState, lang: Lang) -> Option<Vec<PrintedItem>> {
    let namer = service_namer(state, lang);
    d.with_report(state, lang, |r| {
        r.assessment.plan.as_ref().map(|p| {
            p.accepted()
                .map(|i| PrintedItem {
                    title: i.title.clone(),
                    tier: tier_name(i.tier, lang),
                    status: status_name(i.status, lang),
                    owner: i.owner.clone(),
                    due: if i.due.is_empty() { String::new() } else { lang.date(&i.due) },
                    kpi: if i.kpi_target.is_empty() { i.kpi.clone() } else { format!("{} → {}", i.kpi, i.kpi_target) },
                    services: i.services.iter().map(|s| namer(s)).collect::<Vec<_>>().join(", "),
                    why: r.why(i),
                })
                .collect()
        })
    })
    .flatten()
}

#[component]
fn PlanTable(d: Derived) -> impl IntoView {
    let state = use_state();
    let heads = [Msg::ExportAction, Msg::ExportTier, Msg::ExportStatus, Msg::ExportOwner, Msg::ExportDue, Msg::ExportKpi];
    view! {
        <section class="plan-print">
            <h2>{move || state.t(Msg::ExportSheetPlan)}</h2>
            {move || match printed_items(d, state, state.lang.get()) {
                None => view! { <p class="muted">{state.t(Msg::ReportNoPlan)}</p> }.into_any(),
                Some(items) => view! {
                    <div class="table-scroll" tabindex="0">
                    <table class="plan-table">
                        <thead><tr>{heads.into_iter().map(|m| view! { <th scope="col">{state.t(m)}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {items.into_iter().map(|i| view! {
                                <tr>
                                    <td><strong>{i.title}</strong><br/><span class="small muted">{i.why}</span>
                                        {(!i.services.is_empty()).then(|| view! { <br/><span class="small">{state.t(Msg::ExportServices)} ": " {i.services}</span> })}
                                    </td>
                                    <td>{i.tier}</td>
                                    <td>{i.status}</td>
                                    <td>{i.owner}</td>
                                    <td>{i.due}</td>
                                    <td>{i.kpi}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
