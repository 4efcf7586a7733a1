//! The results page: overall index, dimension scores with coverage, the radar, the
//! sub-dimension bars, and the strongest and weakest areas in plain words.

use crate::bank::Bank;
use crate::export;
use crate::i18n::{Lang, Msg};
use crate::route::{AssessmentPage, Route};
use crate::score::{self, Scores};
use crate::ui::browser;
use crate::ui::charts::{self, Bar, Chart, RadarSeries, COMPANY};
use crate::ui::state::use_state;
use leptos::prelude::*;
use std::sync::Arc;

/// Formats a score for people: "62" (scores are shown without decimals).
pub fn fmt_score(score: Option<score::Score>, lang: Lang) -> String {
    score.map(|s| format!("{:.0}", s.get())).unwrap_or_else(|| lang.t(Msg::RNotAvailable).to_owned())
}

#[component]
pub fn Results(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let b = bank.clone();
    let complete = move || state.current.with(|a| a.as_ref().is_some_and(|a| a.is_complete(&b)));
    if !complete() {
        let review = Route::Assessment { id, page: AssessmentPage::Review }.href();
        return view! {
            <h1 tabindex="-1">{move || state.t(Msg::RTitle)}</h1>
            <p>{move || state.t(Msg::RIncomplete)}</p>
            <p><a class="button primary" href=review>{move || state.t(Msg::RToReview)}</a></p>
        }
        .into_any();
    }
    let b = bank.clone();
    let scores = Memo::new(move |_| {
        state.current.with(|a| a.as_ref().map(|a| score::score(&b, &|id| a.answer_of(id).cloned())))
    });
    let name = move || state.current.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());

    let b = bank.clone();
    let dims = move || -> Vec<(String, Option<score::Score>, f64, bool)> {
        let lang = state.lang.get();
        scores.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.dimensions
                        .iter()
                        .map(|d| (b.sections()[d.section].title.get(lang).to_owned(), d.group.score, d.group.coverage, d.group.reliable))
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    let dims_for_radar = dims.clone();
    let radar_label = {
        let dims = dims.clone();
        Signal::derive(move || {
            let lang = state.lang.get();
            let parts: Vec<String> = dims().iter().map(|(n, s, _, _)| format!("{n} {}", fmt_score(*s, lang))).collect();
            format!("{}: {}", lang.t(Msg::RRadarLabel), parts.join(", "))
        })
    };

    let b = bank.clone();
    let bars = move || -> Vec<Bar> {
        let lang = state.lang.get();
        scores.with(|s| {
            let Some(s) = s else { return Vec::new() };
            s.dimensions
                .iter()
                .flat_map(|d| {
                    let section = &b.sections()[d.section];
                    section.subdimensions.iter().zip(&d.subdimensions).enumerate().map(move |(i, (sub, (_, g)))| Bar {
                        label: sub.name.get(lang).to_owned(),
                        value: g.score.map(|s| s.get()),
                        peer: None,
                        champions: None,
                        group_start: i == 0,
                    })
                })
                .collect()
        })
    };
    let bar_height = charts::hbars_height(&bars());
    let bars_label = {
        let bars = bars.clone();
        Signal::derive(move || {
            let lang = state.lang.get();
            let parts: Vec<String> = bars()
                .iter()
                .map(|b| format!("{} {}", b.label, b.value.map(|v| format!("{v:.0}")).unwrap_or_else(|| lang.t(Msg::RNotAvailable).into())))
                .collect();
            format!("{}: {}", lang.t(Msg::RBarsLabel), parts.join(", "))
        })
    };

    let b = bank.clone();
    let extremes = move || {
        let lang = state.lang.get();
        scores.with(|s| {
            let Some(s) = s else { return (Vec::new(), Vec::new()) };
            let (strong, weak) = s.extremes(3);
            let name = |a: &score::Area| {
                let section = &b.sections()[a.section];
                format!("{} ({}): {:.0}", section.subdimensions[a.subdimension].name.get(lang), section.title.get(lang), a.score.get())
            };
            (strong.iter().map(name).collect::<Vec<_>>(), weak.iter().map(name).collect::<Vec<_>>())
        })
    };
    let ex2 = extremes.clone();

    let export_json = move |_| {
        if let Some(a) = state.current.get_untracked() {
            let json = export::assessment_json(&a, &browser::now());
            let name = format!("faro-{}.json", export::file_stem(&a.name));
            if browser::download(&name, "application/json", json.as_bytes()).is_ok() {
                state.notify(state.lang.get_untracked().fmt(Msg::HomeExported, &[("file", &name)]));
            }
        }
    };
    let review = Route::Assessment { id: id.clone(), page: AssessmentPage::Review }.href();
    let overall = move || scores.with(|s| s.as_ref().map(|s: &Scores| (s.overall, s.overall_reliable)));

    view! {
        <h1 tabindex="-1">{move || state.lang.get().fmt(Msg::RTitleFor, &[("name", &name())])}</h1>
        <p class="disclaimer">{move || state.t(Msg::RSelfAssessment)}</p>
        <section class="overall" aria-labelledby="overall-title">
            <h2 id="overall-title">{move || state.t(Msg::ROverall)}</h2>
            {move || overall().map(|(score, reliable)| view! {
                <p class="big-number" data-testid="overall-score">{fmt_score(score, state.lang.get())}<span class="of">" / 100"</span></p>
                {(!reliable).then(|| view! { <p class="warning-text">{state.t(Msg::ROverallUnreliable)}</p> })}
            })}
            <p class="muted">{move || state.t(Msg::ROverallExplain)}</p>
        </section>

        <section class="two-col">
            <div>
                <h2>{move || state.t(Msg::RDimensions)}</h2>
                <Chart width=520 height=440 label=radar_label testid="radar" draw=move |canvas| {
                    let lang = state.lang.get();
                    let d = dims_for_radar();
                    let axes: Vec<String> = d.iter().map(|(n, ..)| n.clone()).collect();
                    let series = vec![RadarSeries {
                        label: lang.t(Msg::RYourCompany).to_owned(),
                        color: COMPANY,
                        values: d.iter().map(|(_, s, ..)| s.map(|s| s.get())).collect(),
                        dashed: false,
                        filled: true,
                    }];
                    charts::radar(canvas, &axes, &series);
                }/>
            </div>
            <div>
                <table class="scores">
                    <caption>{move || state.t(Msg::RTableCaption)}</caption>
                    <thead><tr>
                        <th scope="col">{move || state.t(Msg::RDimension)}</th>
                        <th scope="col" class="num">{move || state.t(Msg::RScore)}</th>
                        <th scope="col" class="num">{move || state.t(Msg::RCoverage)}</th>
                    </tr></thead>
                    <tbody>
                        {move || dims().into_iter().map(|(n, s, cov, reliable)| {
                            let lang = state.lang.get();
                            view! {
                                <tr>
                                    <th scope="row">{n}</th>
                                    <td class="num">{fmt_score(s, lang)}</td>
                                    <td class="num">
                                        {format!("{:.0}%", cov * 100.0)}
                                        {(!reliable).then(|| view! { " " <span class="tag warning">{lang.t(Msg::RUnreliable)}</span> })}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="muted">{move || state.lang.get().fmt(Msg::RCoverageExplain, &[("pct", &format!("{:.0}", score::RELIABLE_COVERAGE * 100.0))])}</p>
            </div>
        </section>

        <section class="areas">
            <div>
                <h2>{move || state.t(Msg::RStrongest)}</h2>
                <ul>{move || extremes().0.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </div>
            <div>
                <h2>{move || state.t(Msg::RWeakest)}</h2>
                <ul>{move || ex2().1.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </div>
        </section>

        <section>
            <h2>{move || state.t(Msg::RSubdimensions)}</h2>
            <Chart width=760 height=bar_height label=bars_label testid="subdimension-bars" draw=move |canvas| {
                let lang = state.lang.get();
                let legend = vec![(lang.t(Msg::RYourCompany).to_owned(), COMPANY, false)];
                charts::hbars(canvas, &bars(), &legend, lang.t(Msg::RNotAvailable));
            }/>
        </section>

        <div class="pager no-print">
            <a class="button" href=review>{move || state.t(Msg::RToReview)}</a>
            <button type="button" on:click=export_json>{move || state.t(Msg::HomeExport)}</button>
        </div>
    }
    .into_any()
}
