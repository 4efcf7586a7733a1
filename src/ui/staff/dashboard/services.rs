//! Each service: awareness and usage, satisfaction (mean, interval and distribution),
//! importance and quadrant; and the importance × satisfaction matrix.

use super::{fmt2, mean_ci, suppressed};
use crate::kernel::i18n::{Lang, Msg};
use crate::survey::report::quadrant_name;
use crate::survey::{self, Dashboard, MIN_CELL};
use crate::ui::charts::{self, Chart, IpaPoint};
use crate::ui::state::use_state;
use leptos::prelude::*;
use std::sync::Arc;

/// Each service's name in `lang`, in the dashboard's order.
fn service_names(dash: &Dashboard, lang: Lang, catalogue: &crate::content::catalogue::Catalogue) -> Vec<String> {
    dash.services.iter().map(|s| catalogue.service(&s.service).map(|x| x.name.get(lang).to_owned()).unwrap_or_else(|| s.service.clone())).collect()
}

#[component]
pub fn Services(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    let content = state.content();
    let names = {
        let content = content.clone();
        Memo::new(move |_| dash.with(|d| service_names(d, state.lang.get(), &content.catalogue)))
    };
    let height = charts::stacked_height(dash.with_untracked(|d| d.services.len()));
    let scale_labels = move |lang: Lang| -> [String; 5] {
        let points = content.satisfaction.scales().iter().find(|s| s.id == "satisfaction").map(|s| s.points.clone()).unwrap_or_default();
        std::array::from_fn(|i| points.get(i).map(|p| p.get(lang).to_owned()).unwrap_or_default())
    };
    let label = Signal::derive(move || {
        let lang = state.lang.get();
        let parts: Vec<String> =
            dash.with(|d| d.services.iter().zip(names.get()).map(|(s, name)| format!("{name}: {}", mean_ci(&s.satisfaction, lang))).collect());
        format!("{}. {}", lang.t(Msg::SurveyStackedLabel), parts.join("; "))
    });
    view! {
        <section aria-labelledby="services-title">
            <h2 id="services-title">{move || state.t(Msg::SurveySheetServices)}</h2>
            <ServicesTable dash names/>
            <h3>{move || state.t(Msg::SurveyDistribution)}</h3>
            <Chart width=760 height=height fixed_height=true label testid="stacked" draw=move |canvas| {
                let lang = state.lang.get();
                let rows: Vec<(String, Option<[usize; 5]>)> = dash.with(|d| names.get().into_iter().zip(d.services.iter().map(|s| s.satisfaction.counts)).collect());
                charts::stacked(canvas, &rows, &scale_labels(lang), &suppressed(lang));
            }/>
            <ComputedFrom dash/>
        </section>
    }
}

#[component]
fn ServicesTable(dash: Memo<Arc<Dashboard>>, names: Memo<Vec<String>>) -> impl IntoView {
    let state = use_state();
    let heads = [
        (Msg::SurveyService, false),
        (Msg::SurveyAwareness, true),
        (Msg::SurveyUsage, true),
        (Msg::SurveySatMeanCi, false),
        (Msg::SurveyImportance, true),
        (Msg::SurveyQuadrant, false),
    ];
    let share = move |v: Option<f64>, k: Option<usize>, of: Option<usize>, lang: Lang| match (v, k, of) {
        (Some(v), Some(k), Some(of)) => format!("{}% ({k}/{of})", lang.number(v, 0)),
        _ => suppressed(lang),
    };
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="services-table" data-testid="services-table">
                <thead><tr>
                    <th scope="col">"#"</th>
                    {heads.into_iter().map(|(m, num)| view! { <th scope="col" class:num=num>{move || state.t(m)}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {move || {
                        let lang = state.lang.get();
                        dash.with(|d| d.services.iter().zip(names.get()).enumerate().map(|(i, (s, name))| view! {
                            <tr>
                                <td>{i + 1}</td>
                                <th scope="row">{name}</th>
                                <td class="num">{share(s.awareness, s.asked.zip(s.unaware).map(|(a, u)| a - u), s.asked, lang)}</td>
                                <td class="num">{share(s.usage, s.used, s.asked, lang)}</td>
                                <td>{mean_ci(&s.satisfaction, lang)}</td>
                                <td class="num">{fmt2(s.importance.mean, lang)}</td>
                                <td>{s.quadrant.map(|q| quadrant_name(q, lang)).unwrap_or("—")}</td>
                            </tr>
                        }).collect_view())
                    }}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn Matrix(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    let label = Signal::derive(move || {
        let lang = state.lang.get();
        let content = state.content();
        let parts: Vec<String> = dash.with(|d| {
            d.services
                .iter()
                .enumerate()
                .filter_map(|(i, s)| Some(format!("{} {}: {}", i + 1, content.catalogue.service(&s.service)?.name.get(lang), quadrant_name(s.quadrant?, lang))))
                .collect()
        });
        format!("{}. {}", lang.t(Msg::SurveyMatrixLabel), parts.join("; "))
    });
    let plotted = Memo::new(move |_| dash.with(|d| d.lines.is_some()));
    view! {
        <section aria-labelledby="matrix-title" class="print-block">
            <h2 id="matrix-title">{move || state.t(Msg::SurveyMatrixTitle)}</h2>
            <p class="muted">{move || state.t(Msg::SurveyMatrixIntro)}</p>
            {move || if plotted.get() {
                view! {
                    <Chart width=700 height=480 label testid="matrix" draw=move |canvas| {
                        let lang = state.lang.get();
                        dash.with(|d| {
                            let Some(lines) = d.lines else { return };
                            let q = [Msg::SurveyQConcentrate, Msg::SurveyQKeepUp, Msg::SurveyQLowPriority, Msg::SurveyQOverkill].map(|m| lang.t(m).to_owned());
                            charts::ipa(canvas, &ipa_points(d), lines, &q, (lang.t(Msg::SurveyImportance), lang.t(Msg::SurveySatisfaction)), lang);
                        });
                    }/>
                    <SharedPoints dash/>
                    <ComputedFrom dash/>
                }.into_any()
            } else {
                view! { <p data-testid="matrix-empty">{state.lang.get().fmt(Msg::SurveyMatrixEmpty, &[("n", &MIN_CELL)])}</p> }.into_any()
            }}
        </section>
    }
}

/// The matrix's points: services that share a point are drawn once, labelled with the
/// first number and a "+", and listed under the chart.
fn ipa_points(d: &Dashboard) -> Vec<IpaPoint> {
    let shared = survey::shared_points(&d.services);
    d.services
        .iter()
        .enumerate()
        .filter(|(i, _)| !shared.iter().any(|g| g[1..].contains(i)))
        .filter_map(|(i, s)| {
            let label = if shared.iter().any(|g| g[0] == i) { format!("{}+", i + 1) } else { (i + 1).to_string() };
            Some(IpaPoint { label, importance: s.importance.mean?, satisfaction: s.satisfaction.mean? })
        })
        .collect()
}

/// "On the same point: 3, 7 and 12 (importance 4,20; satisfaction 4,20)".
#[component]
fn SharedPoints(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let lines: Vec<String> = dash.with(|d| {
            survey::shared_points(&d.services)
                .into_iter()
                .map(|group| {
                    let first = &d.services[group[0]];
                    let numbers: Vec<String> = group.iter().map(|i| (i + 1).to_string()).collect();
                    let (importance, satisfaction) = (fmt2(first.importance.mean, lang), fmt2(first.satisfaction.mean, lang));
                    lang.fmt(Msg::SurveyMatrixShared, &[("services", &numbers.join(", ")), ("importance", &importance), ("satisfaction", &satisfaction)])
                })
                .collect()
        });
        (!lines.is_empty())
            .then(|| view! { <ul class="shared-points" data-testid="matrix-shared">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> })
    }
}

/// What the service figures are computed from, under each chart.
#[component]
fn ComputedFrom(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    view! { <p class="muted small computed-from">{move || state.lang.get().fmt(Msg::SurveyComputedFrom, &[("n", &dash.with(|d| d.n))])}</p> }
}
