//! The survey over the years: earlier years loaded from their files, each figure's trend
//! with its interval, and this year against the last, with the Holm-adjusted test.

use super::fmt2;
use crate::kernel::i18n::{Lang, Msg};
use crate::kernel::problem::Problem;
use crate::survey::report::SurveyReport;
use crate::survey::trend::{trend, TrendRow};
use crate::survey::{self, compare_years, Dashboard, Measure, MAX_RESPONSES_FILE};
use crate::ui::browser::PickedFile;
use crate::ui::charts::{self, Chart, LineSeries, LINES};
use crate::ui::state::use_state;
use crate::ui::widgets::{ErrorBox, FilePicker};
use leptos::prelude::*;
use std::sync::Arc;

/// A signed figure ("+4", "−2"), or a dash.
fn signed(v: Option<f64>, decimals: usize, lang: Lang) -> String {
    v.map(|x| format!("{}{}", if x > 0.0 { "+" } else { "" }, lang.number(x, decimals))).unwrap_or_else(|| "—".into())
}

#[component]
pub fn YearOverYear(dash: Memo<Arc<Dashboard>>, print: bool) -> impl IntoView {
    let state = use_state();
    let problems = RwSignal::new(Vec::<Problem>::new());
    let on_file = Callback::new(move |files: Vec<Result<PickedFile, Problem>>| {
        let bank = state.content().satisfaction.clone();
        let mut found = Vec::new();
        for file in files {
            match file.map_err(|p| vec![p]).and_then(|f| survey::earlier_year(&f.name, &f.bytes, &bank)) {
                Ok(y) => state.add_earlier_year(y),
                Err(mut p) => found.append(&mut p),
            }
        }
        problems.set(found);
    });
    view! {
        <section aria-labelledby="yoy-title" class="print-block">
            <h2 id="yoy-title">{move || state.t(Msg::SurveyYoyTitle)}</h2>
            {(!print).then(|| view! {
                <p class="muted">{move || state.t(Msg::SurveyYoyIntro)}</p>
                <FilePicker id="last-year" label=Signal::derive(move || state.t(Msg::SurveyYoyLoad).to_owned())
                    accept=".json,.csv,application/json,text/csv" multiple=true limit=MAX_RESPONSES_FILE on_files=on_file/>
                <LoadedYears/>
            })}
            <ErrorBox problems=problems.into()/>
            {move || (!state.earlier.with(Vec::is_empty)).then(|| view! { <Trend dash/> <YoyTable dash/> })}
        </section>
    }
}

/// The earlier years loaded, each with a button that takes it out again.
#[component]
fn LoadedYears() -> impl IntoView {
    let state = use_state();
    move || {
        let years = state.earlier.get();
        (!years.is_empty()).then(|| view! {
            <ul class="loaded-years" data-testid="loaded-years">
                {years.iter().map(|y| {
                    let label = y.label.clone();
                    view! { <li>{y.label.clone()} " " <button type="button" class="link" on:click=move |_| state.remove_earlier_year(&label)>{state.t(Msg::SurveyYoyRemove)}</button></li> }
                }).collect_view()}
            </ul>
        })
    }
}

/// Overall satisfaction, fee value and NPS over the years, with their intervals (NPS
/// on its own scale), as two charts.
#[component]
fn Trend(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    let rows = Memo::new(move |_| {
        let earlier = state.earlier.get();
        let refs: Vec<_> = earlier.iter().map(|y| y.as_ref()).collect();
        dash.with(|d| trend(&refs, d))
    });
    let years = move |lang: Lang| {
        let mut x: Vec<String> = state.earlier.with(|e| e.iter().map(|y| y.label.clone()).collect());
        x.push(lang.t(Msg::SurveyThisYear).to_owned());
        x
    };
    let series = move |keep: fn(&Measure) -> bool, lang: Lang| -> Vec<LineSeries> {
        let content = state.content();
        let report = |m: &Measure| SurveyReport::name_of(m, &content.catalogue, lang);
        rows.with(|rows| rows.iter().filter(|r| keep(&r.measure)).zip(LINES).map(|(r, color)| line(r, color, report(&r.measure))).collect())
    };
    let label = move |keep: fn(&Measure) -> bool| {
        Signal::derive(move || {
            let lang = state.lang.get();
            let x = years(lang);
            let parts: Vec<String> = series(keep, lang)
                .iter()
                .map(|s| format!("{}: {}", s.label, s.values.iter().zip(&x).map(|(v, y)| format!("{y} {}", fmt2(*v, lang))).collect::<Vec<_>>().join(", ")))
                .collect();
            format!("{}. {}", lang.t(Msg::SurveyTrendLabel), parts.join("; "))
        })
    };
    let ratings = |m: &Measure| matches!(m, Measure::Overall | Measure::FeeValue);
    let nps = |m: &Measure| matches!(m, Measure::Nps);
    view! {
        <h3>{move || state.t(Msg::EvidenceTrend)}</h3>
        <div class="two-col">
            <Chart width=420 height=260 label=label(ratings) testid="trend-ratings" draw=move |canvas| {
                let lang = state.lang.get();
                charts::lines(canvas, &years(lang), &series(ratings, lang), (1.0, 5.0, 1.0), lang);
            }/>
            <Chart width=420 height=260 label=label(nps) testid="trend-nps" draw=move |canvas| {
                let lang = state.lang.get();
                charts::lines(canvas, &years(lang), &series(nps, lang), (-100.0, 100.0, 50.0), lang);
            }/>
        </div>
        <p class="muted small">{move || state.t(Msg::EvidenceTrendNote)}</p>
    }
}

fn line(row: &TrendRow, color: plotters::style::RGBColor, label: String) -> LineSeries {
    LineSeries {
        label,
        color,
        values: row.points.iter().map(|p| p.map(|p| p.value)).collect(),
        intervals: row.points.iter().map(|p| p.and_then(|p| p.interval)).collect(),
    }
}

/// This year against the last year loaded: each change, its interval, Holm's p.
#[component]
fn YoyTable(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let content = state.content();
        let last = state.last_year()?;
        let rows = dash.with(|d| {
            compare_years(d, &last.dashboard)
                .into_iter()
                .map(|(m, c)| (SurveyReport::name_of(&m, &content.catalogue, lang), m == Measure::Nps, c))
                .collect::<Vec<_>>()
        });
        Some(view! {
            <h3>{lang.fmt(Msg::SurveyYoyAgainst, &[("year", &last.label)])}</h3>
            <div class="table-scroll" tabindex="0">
                <table class="yoy" data-testid="yoy">
                    <thead><tr>
                        <th scope="col">{lang.t(Msg::SurveyMeasure)}</th>
                        <th scope="col" class="num">{lang.t(Msg::SurveyThisYear)}</th>
                        <th scope="col" class="num">{last.label.clone()}</th>
                        <th scope="col" class="num">{lang.t(Msg::SurveyChange)}</th>
                        <th scope="col" class="num">{lang.t(Msg::SurveyPHolm)}</th>
                        <th scope="col">{lang.t(Msg::SurveyMarker)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(name, is_nps, c)| {
                            // NPS in whole points, means to two decimals.
                            let decimals = if is_nps { 0 } else { 2 };
                            let figure = move |v: Option<f64>| if is_nps { signed(v, 0, lang) } else { fmt2(v, lang) };
                            let change = match c.ci {
                                Some(ci) => format!("{} ± {}", signed(c.change, decimals, lang), lang.number(ci, decimals)),
                                None => signed(c.change, decimals, lang),
                            };
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td class="num">{figure(c.this_year)}</td>
                                    <td class="num">{figure(c.last_year)}</td>
                                    <td class="num">{change}</td>
                                    <td class="num">{c.adjusted.map(|p| lang.number(p, 3)).unwrap_or_else(|| "—".into())}</td>
                                    <td>{if c.significant { view! { <span class="tag warning">{lang.t(Msg::SurveySignificant)}</span> }.into_any() } else { view! { <span class="muted">{lang.t(Msg::SurveyNotSignificant)}</span> }.into_any() }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="muted small">{lang.t(Msg::SurveyYoyExplain)}</p>
        })
    }
}
