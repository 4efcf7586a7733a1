//! The comparison with a peer group: the group selector, the radar with the company,
//! the group's mean and the champions, and the table with percentiles and gaps.

use super::derived::{fmt_gap, fmt_opt, Derived};
use crate::assessment::report::{computed_from, standing_text};
use crate::assessment::score::RELIABLE_COVERAGE;
use crate::benchmark::{ComparisonRow, GroupKey, Scored, MIN_GROUP, MIN_PERCENTILES, OVERALL};
use crate::kernel::i18n::{Lang, Msg};
use crate::ui::charts::{self, Chart, RadarSeries, CHAMPIONS, COMPANY, PEERS};
use crate::ui::state::{use_state, BenchState};
use crate::ui::widgets::ProblemList;
use leptos::prelude::*;

/// The radar's axes (the scored dimensions) and polygons: the company's, and with a
/// benchmark the peer mean's and, where the group has champions, theirs. Reads the
/// scores and the comparison, so a chart drawn from it follows both.
pub fn radar_series(d: Derived, lang: Lang) -> (Vec<String>, Vec<RadarSeries>) {
    let bank = d.bank();
    let (ids, axes): (Vec<String>, Vec<String>) = bank.scored_sections().map(|(_, s)| (s.id.clone(), s.title.get(lang).to_owned())).unzip();
    let company = d.scores.with(|s| ids.iter().map(|id| s.as_ref().and_then(|s| s.value(id))).collect());
    let mut series = vec![RadarSeries { label: lang.t(Msg::ResultsYourCompany).into(), color: COMPANY, values: company, dashed: false, filled: true }];
    if let Some(cmp) = d.comparison.get() {
        let peers = ids.iter().map(|id| cmp.row(id).and_then(|r| r.mean)).collect();
        let champions: Vec<Option<f64>> = ids.iter().map(|id| cmp.row(id).and_then(|r| r.champions_mean)).collect();
        series.push(RadarSeries { label: lang.t(Msg::ResultsPeerAverage).into(), color: PEERS, values: peers, dashed: false, filled: false });
        if champions.iter().any(Option::is_some) {
            series.push(RadarSeries { label: lang.t(Msg::ResultsChampions).into(), color: CHAMPIONS, values: champions, dashed: true, filled: false });
        }
    }
    (axes, series)
}

/// The radar's text alternative: each dimension's three figures.
fn radar_label(d: Derived, lang: Lang) -> String {
    let cmp = d.comparison.get();
    let parts: Vec<String> = d
        .bank()
        .scored_sections()
        .map(|(_, s)| {
            let mine = d.scores.with(|sc| sc.as_ref().and_then(|sc| sc.value(&s.id)));
            let row = cmp.as_ref().and_then(|c| c.row(&s.id));
            format!(
                "{}: {} {}, {} {}, {} {}",
                s.title.get(lang),
                lang.t(Msg::ResultsYourCompany),
                fmt_opt(mine, lang),
                lang.t(Msg::ResultsPeerAverage),
                fmt_opt(row.and_then(|r| r.mean), lang),
                lang.t(Msg::ResultsChampions),
                fmt_opt(row.and_then(|r| r.champions_mean), lang)
            )
        })
        .collect();
    format!("{}. {}", lang.t(Msg::ResultsRadarLabel), parts.join("; "))
}

#[component]
pub fn BenchmarkPanel(d: Derived) -> impl IntoView {
    let state = use_state();
    let label = Signal::derive(move || radar_label(d, state.lang.get()));
    view! {
        <section aria-labelledby="bench-title" class="benchmark">
            <h2 id="bench-title">{move || state.t(Msg::ResultsComparison)}</h2>
            <Provenance d/>
            {move || d.bench.get().is_some().then(|| view! { <GroupSelect d/> })}
            {move || {
                let lang = state.lang.get();
                d.group.get().filter(|(_, f)| *f).map(|(k, _)| view! {
                    <p class="note" role="note">{lang.fmt(Msg::ResultsFallback, &[("group", &k.label(&d.bank(), lang))])}</p>
                })
            }}
            <div class="radar-box">
                <Chart width=560 height=480 label testid="radar" draw=move |canvas| {
                    let (axes, series) = radar_series(d, state.lang.get());
                    charts::radar(canvas, &axes, &series);
                }/>
                <ComputedFrom d/>
            </div>
            <ComparisonTable d/>
            <ComputedFrom d/>
        </section>
    }
}

/// The peer-group selector: every group big enough to show, with its size.
#[component]
fn GroupSelect(d: Derived) -> impl IntoView {
    let state = use_state();
    let options = move || {
        let lang = state.lang.get();
        let Some(bench) = d.bench.get() else { return Vec::new() };
        let bank = d.bank();
        let mut list: Vec<(GroupKey, String)> = bench
            .groups()
            .filter(|(_, g)| g.n >= MIN_GROUP)
            .map(|(k, g)| {
                let mut label = format!("{} (n = {})", k.label(&bank, lang), g.n);
                if g.n < MIN_PERCENTILES {
                    label.push_str(&format!(" — {}", lang.t(Msg::ResultsMeanOnly)));
                }
                (k, label)
            })
            .collect();
        list.sort_by(|a, b| a.0.cmp(&b.0));
        list
    };
    let selected = move || d.group.get().map(|(k, _)| k.id()).unwrap_or_default();
    view! {
        <div class="field group-select no-print">
            <label for="peer-group">{move || state.t(Msg::ResultsGroupLabel)}</label>
            <select id="peer-group" on:change=move |ev| d.chosen.set(GroupKey::parse(&event_target_value(&ev)))>
                {move || options().into_iter().map(|(k, label)| {
                    let id = k.id();
                    let is_selected = selected() == id;
                    view! { <option value=id selected=is_selected>{label}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// One line of the comparison table: (label, score, coverage, reliable, group figures).
type Line = (String, Option<f64>, Option<f64>, bool, Option<ComparisonRow>);

fn table_lines(d: Derived, lang: Lang) -> Vec<Line> {
    let bank = d.bank();
    let cmp = d.comparison.get();
    let mut ids = vec![OVERALL.to_owned()];
    ids.extend(bank.scored_sections().map(|(_, s)| s.id.clone()));
    ids.into_iter()
        .map(|id| {
            let label = if id == OVERALL {
                lang.t(Msg::ResultsOverallShort).to_owned()
            } else {
                bank.sections().iter().find(|s| s.id == id).map(|s| s.title.get(lang).to_owned()).unwrap_or_default()
            };
            let (score, coverage, reliable) = d.scores.with(|s| match s.as_ref() {
                None => (None, None, false),
                Some(s) if id == OVERALL => (s.value(&id), None, s.overall_reliable),
                Some(s) => {
                    let g = s.metric(&id);
                    (s.value(&id), g.map(|g| g.coverage), g.is_some_and(|g| g.reliable))
                }
            });
            (label, score, coverage, reliable, cmp.as_ref().and_then(|c| c.row(&id)).cloned())
        })
        .collect()
}

#[component]
fn ComparisonTable(d: Derived) -> impl IntoView {
    let state = use_state();
    let heads = [
        Msg::ResultsDimension,
        Msg::ResultsScore,
        Msg::ResultsCoverage,
        Msg::ExportPercentile,
        Msg::ExportPeerMean,
        Msg::ExportGapMean,
        Msg::ResultsChampions,
        Msg::ExportGapChampions,
    ];
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="scores comparison">
                <caption>{move || state.t(Msg::ResultsTableCaption)}</caption>
                <thead><tr>
                    {heads.into_iter().enumerate().map(|(i, m)| view! { <th scope="col" class:num=(i > 0)>{move || state.t(m)}</th> }).collect_view()}
                    <th scope="col">{move || state.t(Msg::ResultsDistribution)}</th>
                </tr></thead>
                <tbody>{move || {
                    let lang = state.lang.get();
                    table_lines(d, lang).into_iter().map(|line| view! { <LineRow line lang/> }).collect_view()
                }}</tbody>
            </table>
            <p class="muted small">{move || state.lang.get().fmt(Msg::ResultsCoverageExplain, &[("pct", &format!("{:.0}", RELIABLE_COVERAGE * 100.0))])}</p>
            <p class="muted small">{move || state.t(Msg::ResultsStripExplain)}</p>
        </div>
    }
}

#[component]
fn LineRow(line: Line, lang: Lang) -> impl IntoView {
    let (label, score, coverage, reliable, row) = line;
    let figure = |f: fn(&ComparisonRow) -> Option<f64>| row.as_ref().and_then(f);
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td class="num">{fmt_opt(score, lang)}{(!reliable).then(|| view! { " " <span class="tag warning">{lang.t(Msg::ResultsUnreliable)}</span> })}</td>
            <td class="num">{coverage.map(|c| format!("{}%", lang.number(c * 100.0, 0))).unwrap_or_default()}</td>
            <td class="num">{standing_text(row.as_ref().and_then(|r| r.standing), lang)}</td>
            <td class="num">{fmt_opt(figure(|r| r.mean), lang)}</td>
            <td class="num">{fmt_gap(figure(|r| r.gap_to_mean), lang)}</td>
            <td class="num">{fmt_opt(figure(|r| r.champions_mean), lang)}</td>
            <td class="num">{fmt_gap(figure(|r| r.gap_to_champions), lang)}</td>
            <td class="strip-cell">{row.clone().map(|r| view! { <Strip row=r score/> })}</td>
        </tr>
    }
}

/// Where the company sits in the group: the p10–p90 band, the median, the champions'
/// mean (dashed) and the company (dot). Drawn as inline SVG from numbers only.
#[component]
fn Strip(row: ComparisonRow, score: Option<f64>) -> impl IntoView {
    let state = use_state();
    let x = |v: f64| 4.0 + v.clamp(0.0, 100.0) * 1.52;
    let label = move || {
        let lang = state.lang.get();
        lang.fmt(
            Msg::ResultsStripLabel,
            &[("p10", &fmt_opt(row.p10, lang)), ("median", &fmt_opt(row.median, lang)), ("p90", &fmt_opt(row.p90, lang)), ("score", &fmt_opt(score, lang))],
        )
    };
    view! {
        <svg class="strip" width="160" height="22" viewBox="0 0 160 22" role="img" aria-label=label>
            <line x1="4" x2="156" y1="11" y2="11" stroke="#c8d0d8" stroke-width="2"/>
            {row.p10.zip(row.p90).map(|(a, b)| view! { <rect x=x(a) y="5" width=(x(b) - x(a)).max(1.0) height="12" fill="#f3d9b8"/> })}
            {row.median.map(|m| view! { <line x1=x(m) x2=x(m) y1="3" y2="19" stroke="#b35c00" stroke-width="2"/> })}
            {row.champions_mean.map(|c| view! { <line x1=x(c) x2=x(c) y1="1" y2="21" stroke="#1e7a3c" stroke-width="2" stroke-dasharray="3 2"/> })}
            {score.map(|s| view! { <circle cx=x(s) cy="11" r="5" fill="#0b5cad" stroke="#fff" stroke-width="1.5"/> })}
        </svg>
    }
}

/// "Computed from: group «…» (n companies, m leading), benchmark «…» of …", under each
/// chart and table of the comparison.
#[component]
pub fn ComputedFrom(d: Derived) -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let bench = d.bench.get()?;
        let (key, _) = d.group.get()?;
        let group = bench.group(&key)?;
        let leaders = group.champions.as_ref().map(|c| c.n);
        let text = computed_from(&key.label(&d.bank(), lang), group.n, leaders, bench.meta(), lang);
        Some(view! { <p class="muted small computed-from" data-testid="computed-from">{text}</p> })
    }
}

/// The provenance of the active benchmark, always shown where it is used.
#[component]
pub fn Provenance(d: Derived) -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        match state.benchmark.get() {
            BenchState::Ready(b) if d.bench.get().is_some() => {
                let synthetic = b.meta().synthetic;
                view! { <p class="provenance" class:synthetic=synthetic data-testid="provenance">{crate::assessment::report::provenance_line(b.meta(), lang)}</p> }.into_any()
            }
            BenchState::Ready(_) => view! { <p class="provenance">{lang.t(Msg::ResultsBenchNotForBank)}</p> }.into_any(),
            BenchState::Failed(p) => view! {
                <div class="error-box" role="alert"><p>{lang.t(Msg::ResultsBenchFailed)}</p><ProblemList problems=p/></div>
            }
            .into_any(),
            BenchState::NotLoaded | BenchState::Loading => view! { <p class="muted">{lang.t(Msg::ResultsBenchLoading)}</p> }.into_any(),
        }
    }
}
