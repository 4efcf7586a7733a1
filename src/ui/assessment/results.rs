//! The results page: overall index, the comparison with a peer group of the benchmark,
//! the strongest and weakest areas, and the sub-dimension bars.

use super::comparison::{BenchmarkPanel, ComputedFrom};
use super::derived::{fmt_opt, fmt_score, Derived};
use super::exports::ExportBar;
use super::progress::Progress;
use super::Incomplete;
use crate::assessment::score::{Area, Scores};
use crate::content::bank::Bank;
use crate::kernel::i18n::Msg;
use crate::route::{AssessmentPage, Route};
use crate::ui::charts::{self, Bar, Chart, CHAMPIONS, COMPANY, PEERS};
use crate::ui::state::use_state;
use crate::ui::widgets::TableView;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Results(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let b = bank.clone();
    if !state.current.with_untracked(|a| a.as_ref().is_some_and(|a| a.is_complete(&b))) {
        return view! { <Incomplete id title=Msg::ResultsTitle/> }.into_any();
    }
    let d = Derived::new(state, bank.clone());
    let name = move || state.current.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let overall = move || d.scores.with(|s| s.as_ref().map(|s: &Scores| (s.overall.map(|x| x.get()), s.overall_reliable)));
    let review = Route::Assessment { id: id.clone(), page: AssessmentPage::Review }.href();
    let plan = Route::Assessment { id, page: AssessmentPage::Plan }.href();
    view! {
        <h1 tabindex="-1">{move || state.lang.get().fmt(Msg::ResultsTitleFor, &[("name", &name())])}</h1>
        <p class="disclaimer">{move || state.t(Msg::ResultsSelfAssessment)}</p>
        <section class="overall" aria-labelledby="overall-title">
            <h2 id="overall-title">{move || state.t(Msg::ResultsOverall)}</h2>
            {move || overall().map(|(score, reliable)| view! {
                <p class="big-number" data-testid="overall-score">{fmt_score(score, state.lang.get())}<span class="of">" / 100"</span></p>
                {(!reliable).then(|| view! { <p class="warning-text">{state.t(Msg::ResultsOverallUnreliable)}</p> })}
            })}
            <p class="muted">{move || state.t(Msg::ResultsOverallExplain)}</p>
        </section>
        <BenchmarkPanel d/>
        <Areas d/>
        <SubBars d/>
        <super::team::TeamSpread d/>
        <Clauses d/>
        <Progress bank/>
        <div class="pager no-print">
            <a class="button" href=review>{move || state.t(Msg::ResultsToReview)}</a>
            <a class="button primary" href=plan>{move || state.t(Msg::ResultsToPlan)}</a>
        </div>
        <ExportBar d/>
    }
    .into_any()
}

/// The three strongest and weakest areas, in plain words.
#[component]
pub fn Areas(d: Derived) -> impl IntoView {
    let state = use_state();
    let extremes = Memo::new(move |_| {
        let lang = state.lang.get();
        let bank = d.bank();
        d.scores.with(|s| {
            let Some(s) = s else { return (Vec::new(), Vec::new()) };
            let (strong, weak) = s.extremes(3);
            let name = |a: &Area| {
                let section = &bank.sections()[a.section];
                format!("{} ({}): {}", section.subdimensions[a.subdimension].name.get(lang), section.title.get(lang), lang.number(a.score.get(), 0))
            };
            (strong.iter().map(name).collect::<Vec<_>>(), weak.iter().map(name).collect::<Vec<_>>())
        })
    });
    view! {
        <section class="areas print-block">
            <div>
                <h2>{move || state.t(Msg::ResultsStrongest)}</h2>
                <ul>{move || extremes.get().0.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </div>
            <div>
                <h2>{move || state.t(Msg::ResultsWeakest)}</h2>
                <ul>{move || extremes.get().1.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </div>
        </section>
    }
}

/// One bar per sub-dimension, with the group's mean and the champions' where known.
fn sub_bars(d: Derived, lang: crate::kernel::i18n::Lang) -> Vec<Bar> {
    let bank = d.bank();
    let cmp = d.comparison.get();
    d.scores.with(|s| {
        let Some(s) = s else { return Vec::new() };
        s.dimensions
            .iter()
            .flat_map(|dim| {
                let section = &bank.sections()[dim.section];
                let title = section.title.get(lang).to_owned();
                let cmp = cmp.as_ref();
                section.subdimensions.iter().zip(&dim.subdimensions).enumerate().map(move |(i, (sub, (_, g)))| {
                    let row = cmp.and_then(|c| c.row(&format!("{}.{}", section.id, sub.id)));
                    Bar {
                        label: sub.name.get(lang).to_owned(),
                        value: g.score.map(|s| s.get()),
                        peer: row.and_then(|r| r.mean),
                        champions: row.and_then(|r| r.champions_mean),
                        group: (i == 0).then(|| title.clone()),
                        spread: None,
                    }
                })
            })
            .collect()
    })
}

#[component]
pub fn SubBars(d: Derived) -> impl IntoView {
    let state = use_state();
    let bars = Memo::new(move |_| sub_bars(d, state.lang.get()));
    let height = bars.with_untracked(|b| charts::hbars_height(b));
    let label = Signal::derive(move || {
        let lang = state.lang.get();
        let parts: Vec<String> = bars.with(|bars| bars.iter().map(|b| format!("{} {}", b.label, fmt_opt(b.value, lang))).collect());
        format!("{}: {}", lang.t(Msg::ResultsBarsLabel), parts.join(", "))
    });
    view! {
        <section>
            <h2>{move || state.t(Msg::ResultsSubdimensions)}</h2>
            <Chart width=760 height=height fixed_height=true label testid="subdimension-bars" draw=move |canvas| {
                let lang = state.lang.get();
                let mut legend = vec![(lang.t(Msg::ResultsYourCompany).to_owned(), COMPANY, false)];
                if d.comparison.get().is_some() {
                    legend.push((lang.t(Msg::ResultsPeerAverage).to_owned(), PEERS, false));
                    legend.push((lang.t(Msg::ResultsChampions).to_owned(), CHAMPIONS, true));
                }
                bars.with(|bars| charts::hbars(canvas, bars, &legend, lang.t(Msg::ResultsNotAvailable)));
            }/>
            <ComputedFrom d/>
        </section>
    }
}

/// The ISO 56001 clause profile, with what it is not.
#[component]
pub fn Clauses(d: Derived) -> impl IntoView {
    let state = use_state();
    view! {
        <section aria-labelledby="clauses-title" class="clauses print-block">
            <h2 id="clauses-title">{move || state.t(Msg::IsoTitle)}</h2>
            <p class="note" role="note">{move || state.t(Msg::IsoStatement)}</p>
            {move || {
                let lang = state.lang.get();
                d.with_report(state, lang, |r| {
                    let mut table = r.clauses_table();
                    table.notes.clear();
                    view! { <TableView table lang testid="clauses".to_owned()/> }
                })
            }}
        </section>
    }
}
