//! The company's progress over its yearly assessments (a chart and a table), starting
//! next year's assessment, and exporting the company's history.

use crate::assessment::progress::{progress, Change, MetricProgress};
use crate::assessment::record::Assessment;
use crate::benchmark::OVERALL;
use crate::content::bank::Bank;
use crate::kernel::i18n::{Lang, Msg};
use crate::ui::charts::{self, Chart, LineSeries, LINES};
use crate::ui::state::use_state;
use leptos::prelude::*;
use std::sync::Arc;

/// What a metric is called: the overall index, a dimension, or "dimension › sub".
fn metric_name(bank: &Bank, metric: &str, lang: Lang) -> String {
    if metric == OVERALL {
        return lang.t(Msg::ResultsOverallShort).to_owned();
    }
    let (dim, sub) = metric.split_once('.').map_or((metric, None), |(d, s)| (d, Some(s)));
    let Some(section) = bank.sections().iter().find(|s| s.id == dim) else { return metric.to_owned() };
    match sub.and_then(|s| section.subdimensions.iter().find(|x| x.id == s)) {
        Some(sub) => format!("{} › {}", section.title.get(lang), sub.name.get(lang)),
        None => section.title.get(lang).to_owned(),
    }
}

/// Each assessment's date, numbered where two fall on the same day.
fn labels(series: &[Assessment], lang: Lang) -> Vec<String> {
    let dates: Vec<String> = series.iter().map(|a| lang.date(a.created_at.get(..10).unwrap_or(&a.created_at))).collect();
    dates
        .iter()
        .enumerate()
        .map(
            |(k, d)| if dates.iter().filter(|x| *x == d).count() > 1 { format!("{d} ({})", dates[..=k].iter().filter(|x| *x == d).count()) } else { d.clone() },
        )
        .collect()
}

/// A change as people read it.
fn change_text(change: Option<&Change>, lang: Lang) -> String {
    let signed = |v: f64| format!("{}{}", if v > 0.0 { "+" } else { "" }, lang.number(v, 0));
    match change {
        Some(Change::Real(v)) => lang.fmt(Msg::ProgressReal, &[("change", &signed(*v))]),
        Some(Change::WithinOneAnswer(v)) => lang.fmt(Msg::ProgressWithin, &[("change", &signed(*v))]),
        Some(Change::NotComparable) => lang.t(Msg::ProgressNotComparable).to_owned(),
        Some(Change::Missing) | None => "—".into(),
    }
}

#[component]
pub fn Progress(bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let series = Memo::new(move |_| state.series());
    let b = bank.clone();
    let rows = Memo::new(move |_| series.with(|s| progress(&b, &s.iter().collect::<Vec<_>>())));
    view! {
        <section aria-labelledby="progress-title" class="progress-view">
            <h2 id="progress-title">{move || state.t(Msg::ProgressTitle)}</h2>
            {move || if series.with(|s| s.len() < 2) {
                view! { <p class="muted">{state.t(Msg::ProgressNone)}</p> }.into_any()
            } else {
                view! { <ProgressChart bank=bank.clone() series rows/> <ProgressTable bank=bank.clone() series rows/> }.into_any()
            }}
            <NextYear/>
        </section>
    }
}

/// The overall index and the dimensions over the company's assessments.
#[component]
fn ProgressChart(bank: Arc<Bank>, series: Memo<Vec<Assessment>>, rows: Memo<Vec<MetricProgress>>) -> impl IntoView {
    let state = use_state();
    let top_level = move |bank: &Bank, lang: Lang| -> Vec<LineSeries> {
        rows.with(|rows| {
            rows.iter()
                .filter(|r| !r.metric.contains('.'))
                .zip(LINES)
                .map(|(r, color)| LineSeries { label: metric_name(bank, &r.metric, lang), color, values: r.scores.clone(), intervals: Vec::new() })
                .collect()
        })
    };
    let dates = move |lang: Lang| series.with(|s| labels(s, lang));
    let b = bank.clone();
    let label = Signal::derive(move || {
        let lang = state.lang.get();
        let x = dates(lang);
        let summary: Vec<String> = top_level(&b, lang)
            .iter()
            .map(|s| {
                format!(
                    "{}: {}",
                    s.label,
                    s.values
                        .iter()
                        .zip(&x)
                        .map(|(v, d)| format!("{d} {}", v.map(|v| lang.number(v, 0)).unwrap_or_else(|| "—".into())))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect();
        lang.fmt(Msg::ProgressChartLabel, &[("summary", &summary.join("; "))])
    });
    view! {
        <Chart width=760 height=320 label testid="progress-chart" draw=move |canvas| {
            let lang = state.lang.get();
            charts::lines(canvas, &dates(lang), &top_level(&bank, lang), (0.0, 100.0, 20.0), lang);
        }/>
    }
}

/// Every score of every assessment, and the latest change with its reading.
#[component]
fn ProgressTable(bank: Arc<Bank>, series: Memo<Vec<Assessment>>, rows: Memo<Vec<MetricProgress>>) -> impl IntoView {
    let state = use_state();
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="progress-table" data-testid="progress-table">
                <thead><tr>
                    <th scope="col">{move || state.t(Msg::ProgressArea)}</th>
                    {move || series.with(|s| labels(s, state.lang.get()).into_iter().map(|label| view! { <th scope="col" class="num">{label}</th> }).collect_view())}
                    <th scope="col">{move || state.t(Msg::ProgressLatest)}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let lang = state.lang.get();
                        rows.get().into_iter().map(|r| {
                            let sub = r.metric.contains('.');
                            view! {
                                <tr class:sub=sub>
                                    <th scope="row">{metric_name(&bank, &r.metric, lang)}</th>
                                    {r.scores.iter().map(|v| view! { <td class="num">{v.map(|v| lang.number(v, 0)).unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                                    <td>{change_text(r.changes.last(), lang)}</td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
        <p class="muted small">{move || state.t(Msg::ProgressExplain)}</p>
    }
}

/// Next year's assessment (with or without today's answers) and the history file.
#[component]
fn NextYear() -> impl IntoView {
    let state = use_state();
    let with_answers = RwSignal::new(false);
    view! {
        <div class="next-year no-print">
            <h3>{move || state.t(Msg::ProgressNextTitle)}</h3>
            <p>{move || state.t(Msg::ProgressNextIntro)}</p>
            <p class="field check">
                <input id="next-with-answers" type="checkbox" prop:checked=move || with_answers.get() on:change=move |ev| with_answers.set(event_target_checked(&ev))/>
                <label for="next-with-answers">{move || state.t(Msg::ProgressNextWithAnswers)}</label>
            </p>
            <div class="toolbar">
                <button type="button" class="primary" on:click=move |_| state.start_next_year(with_answers.get_untracked())>{move || state.t(Msg::ProgressNextStart)}</button>
                <button type="button" on:click=move |_| state.export_series()>{move || state.t(Msg::ProgressExportHistory)}</button>
            </div>
            <p class="muted small">{move || state.t(Msg::ProgressHistoryHelp)}</p>
        </div>
    }
}
