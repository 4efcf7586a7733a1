//! The print-ready report: results, comparison, charts and plan on A4 pages, in the
//! chosen language, with the benchmark's provenance and the self-assessment disclaimer.
//! "Print → Save as PDF" in the browser gives the PDF.

use super::exports::{service_namer, with_report};
use super::results::{fmt_opt, fmt_score, radar_series, Areas, Derived, SubBars};
use crate::bank::Bank;
use crate::export::{provenance_line, status_name, tier_name};
use crate::i18n::Msg;
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
    let results = Route::Assessment { id: id.clone(), page: AssessmentPage::Results }.href();
    if !state.current.with_untracked(|a| a.as_ref().is_some_and(|a| a.is_complete(&b))) {
        return view! {
            <h1 tabindex="-1">{move || state.t(Msg::ReportTitle)}</h1>
            <p>{move || state.t(Msg::RIncomplete)}</p>
        }
        .into_any();
    }
    let d = Derived::new(state, bank.clone());
    let name = move || state.current.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let date = browser::today();

    let d1 = d.clone();
    let notes = move || {
        let lang = state.lang.get();
        with_report(state, &d1, lang, |r| {
            // Re-read reactively: the benchmark may arrive after the first render.
            let _ = d1.comparison.get();
            r.notes()
        })
        .unwrap_or_default()
    };
    let d2 = d.clone();
    let rows = move || {
        let lang = state.lang.get();
        let cmp = d2.comparison.get();
        d2.scores
            .with(|s| {
                let s = s.as_ref()?;
                let mut out = vec![(lang.t(Msg::ROverallShort).to_owned(), s.overall.map(|x| x.get()), cmp.as_ref().and_then(|c| c.row("overall")).cloned())];
                for dim in &s.dimensions {
                    let title = d2.bank.sections()[dim.section].title.get(lang).to_owned();
                    out.push((title, dim.group.score.map(|x| x.get()), cmp.as_ref().and_then(|c| c.row(&dim.id)).cloned()));
                }
                Some(out)
            })
            .unwrap_or_default()
    };
    let d3 = d.clone();
    let draw_radar = move |canvas| {
        let (axes, series) = radar_series(&d3, state.lang.get());
        charts::radar(canvas, &axes, &series);
    };
    let d5 = d.clone();
    let plan_rows = move || {
        let lang = state.lang.get();
        let namer = service_namer(state, lang);
        state.current.track();
        // One report for every row: it holds a copy of the assessment and its scores.
        with_report(state, &d5, lang, |r| {
            r.assessment.plan.as_ref().map(|p| {
                p.accepted()
                    .map(|i| {
                        (
                            i.title.clone(),
                            tier_name(i.tier, lang),
                            status_name(i.status, lang),
                            i.owner.clone(),
                            i.due.clone(),
                            format!("{} {}", i.kpi, if i.kpi_target.is_empty() { String::new() } else { format!("→ {}", i.kpi_target) }),
                            i.services.iter().map(|s| namer(s)).collect::<Vec<_>>().join(", "),
                            r.why(i),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
        .flatten()
    };
    let radar_label = Signal::derive(move || state.t(Msg::RRadarLabel).to_owned());

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
                <p class="muted">{move || state.lang.get().fmt(Msg::ReportDate, &[("date", &date)])}</p>
                <ul class="notes">{move || notes().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </header>
            <section class="print-block">
                <h2>{move || state.t(Msg::ROverall)}</h2>
                <p class="big-number">{move || d.scores.with(|s| fmt_score(s.as_ref().and_then(|s| s.overall), state.lang.get()))}<span class="of">" / 100"</span></p>
            </section>
            <section class="print-block two-col">
                <Chart width=460 height=420 label=radar_label testid="report-radar" draw=draw_radar/>
                <table class="scores">
                    <caption>{move || state.t(Msg::RComparison)}</caption>
                    <thead><tr>
                        <th scope="col">{move || state.t(Msg::RDimension)}</th>
                        <th scope="col" class="num">{move || state.t(Msg::RScore)}</th>
                        <th scope="col" class="num">{move || state.t(Msg::XPercentile)}</th>
                        <th scope="col" class="num">{move || state.t(Msg::XPeerMean)}</th>
                        <th scope="col" class="num">{move || state.t(Msg::RChampions)}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let lang = state.lang.get();
                            let f = |v: Option<f64>| fmt_opt(v, lang);
                            rows().into_iter().map(|(title, score, row)| view! {
                                <tr>
                                    <th scope="row">{title}</th>
                                    <td class="num">{f(score)}</td>
                                    <td class="num">{row.as_ref().and_then(|r| r.percentile).map(|p| format!("{p:.0}°")).unwrap_or_else(|| "—".into())}</td>
                                    <td class="num">{f(row.as_ref().and_then(|r| r.mean))}</td>
                                    <td class="num">{f(row.as_ref().and_then(|r| r.champions_mean))}</td>
                                </tr>
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </section>
            <Areas d=d.clone()/>
            <SubBars d=d.clone()/>
            <section class="plan-print">
                <h2>{move || state.t(Msg::XSheetPlan)}</h2>
                {move || match plan_rows() {
                    None => view! { <p class="muted">{state.t(Msg::ReportNoPlan)}</p> }.into_any(),
                    Some(rows) => view! {
                        <table class="plan-table">
                            <thead><tr>
                                <th scope="col">{state.t(Msg::XAction)}</th>
                                <th scope="col">{state.t(Msg::XTier)}</th>
                                <th scope="col">{state.t(Msg::XStatus)}</th>
                                <th scope="col">{state.t(Msg::XOwner)}</th>
                                <th scope="col">{state.t(Msg::XDue)}</th>
                                <th scope="col">{state.t(Msg::XKpi)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(title, tier, status, owner, due, kpi, services, why)| view! {
                                    <tr>
                                        <td><strong>{title}</strong><br/><span class="small muted">{why}</span>
                                            {(!services.is_empty()).then(|| view! { <br/><span class="small">{state.t(Msg::XServices)} ": " {services}</span> })}
                                        </td>
                                        <td>{tier}</td>
                                        <td>{status}</td>
                                        <td>{owner}</td>
                                        <td>{due}</td>
                                        <td>{kpi}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                }}
            </section>
            <footer class="report-foot">
                <p>{move || state.t(Msg::RSelfAssessment)}</p>
                <p>{move || match state.bench() { Some(b) => provenance_line(b.meta(), state.lang.get()), None => String::new() }}</p>
            </footer>
        </div>
    }
    .into_any()
}
