//! This year against last year: each figure, its change with its interval, and whether
//! the change is larger than chance would make it across all the comparisons (Holm).

use super::fmt2;
use crate::kernel::i18n::{Lang, Msg};
use crate::kernel::problem::Problem;
use crate::survey::report::SurveyReport;
use crate::survey::{self, compare_years, Dashboard, Measure, MAX_RESPONSES_FILE};
use crate::ui::browser::PickedFile;
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
        for file in files {
            match file.map_err(|p| vec![p]).and_then(|f| survey::last_year(&f.name, &f.bytes, &bank)) {
                Ok(d) => {
                    state.set_last_year(d);
                    problems.set(Vec::new());
                }
                Err(p) => problems.set(p),
            }
        }
    });
    view! {
        <section aria-labelledby="yoy-title" class="print-block">
            <h2 id="yoy-title">{move || state.t(Msg::SurveyYoyTitle)}</h2>
            {(!print).then(|| view! {
                <p class="muted">{move || state.t(Msg::SurveyYoyIntro)}</p>
                <FilePicker id="last-year" label=Signal::derive(move || state.t(Msg::SurveyYoyLoad).to_owned())
                    accept=".json,.csv,application/json,text/csv" limit=MAX_RESPONSES_FILE on_files=on_file/>
            })}
            <ErrorBox problems=problems.into()/>
            {move || state.last_year.get().map(|last| view! { <YoyTable dash last/> })}
        </section>
    }
}

#[component]
fn YoyTable(dash: Memo<Arc<Dashboard>>, last: Arc<Dashboard>) -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let content = state.content();
        let settings = state.survey_settings.get();
        let rows = dash.with(|d| {
            let report =
                SurveyReport { bank: &content.satisfaction, catalogue: &content.catalogue, dashboard: d, last_year: Some(&last), settings: &settings, lang };
            compare_years(d, &last).into_iter().map(|(m, c)| (report.measure_name(&m), m == Measure::Nps, c)).collect::<Vec<_>>()
        });
        view! {
            <div class="table-scroll">
                <table class="yoy" data-testid="yoy">
                    <thead><tr>
                        <th scope="col">{lang.t(Msg::SurveyMeasure)}</th>
                        <th scope="col" class="num">{lang.t(Msg::SurveyThisYear)}</th>
                        <th scope="col" class="num">{lang.t(Msg::SurveyLastYear)}</th>
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
        }
    }
}
