//! The results page: overall index, dimension scores with coverage, the comparison with
//! a peer group of the benchmark (radar with three polygons, percentiles, gaps,
//! distribution strips), the sub-dimension bars, and the strongest and weakest areas.

use super::exports::ExportBar;
use crate::bank::Bank;
use crate::benchmark::{profile_by_role, Benchmark, Comparison, GroupKey, MIN_GROUP, MIN_PERCENTILES, OVERALL};
use crate::export::{format_number, provenance_line};
use crate::i18n::{Lang, Msg};
use crate::route::{AssessmentPage, Route};
use crate::score::{self, Scores};
use crate::ui::charts::{self, Bar, Chart, RadarSeries, CHAMPIONS, COMPANY, PEERS};
use crate::ui::components::ProblemList;
use crate::ui::state::{use_state, AppState, BenchState};
use leptos::prelude::*;
use std::sync::Arc;

/// Formats a score for people: "62" (scores are shown without decimals).
pub fn fmt_score(score: Option<score::Score>, lang: Lang) -> String {
    score.map(|s| format!("{:.0}", s.get())).unwrap_or_else(|| lang.t(Msg::RNotAvailable).to_owned())
}

pub fn fmt_opt(v: Option<f64>, lang: Lang) -> String {
    v.map(|x| format_number(x.round(), lang)).unwrap_or_else(|| "—".to_owned())
}

fn fmt_gap(v: Option<f64>, lang: Lang) -> String {
    v.map(|x| {
        let r = x.round();
        let s = format_number(r.abs(), lang);
        if r > 0.0 {
            format!("+{s}")
        } else if r < 0.0 {
            format!("−{s}")
        } else {
            s
        }
    })
    .unwrap_or_else(|| "—".to_owned())
}

/// Everything the results, plan and report pages derive from the open assessment.
#[derive(Clone)]
pub struct Derived {
    pub bank: Arc<Bank>,
    pub scores: Memo<Option<Scores>>,
    /// The benchmark, when it is loaded and made for this questionnaire.
    pub bench: Memo<Option<Arc<Benchmark>>>,
    /// The group chosen by the user; `None` means the default group.
    pub chosen: RwSignal<Option<GroupKey>>,
    /// (group, fell back to a broader group)
    pub group: Memo<Option<(GroupKey, bool)>>,
    pub comparison: Memo<Option<Comparison>>,
}

impl Derived {
    pub fn new(state: AppState, bank: Arc<Bank>) -> Derived {
        state.ensure_benchmark();
        let b = bank.clone();
        let scores = Memo::new(move |_| state.current.with(|a| a.as_ref().map(|a| score::score(&b, &|id| a.answer_of(id).cloned()))));
        let b = bank.clone();
        let bench = Memo::new(move |_| state.bench().filter(|x| x.fits(&b)));
        let chosen = RwSignal::new(None::<GroupKey>);
        let b = bank.clone();
        let group = Memo::new(move |_| {
            let bench = bench.get()?;
            let roles = state.current.with(|a| a.as_ref().map(|a| profile_by_role(&b, a)))?;
            let default = bench.default_group(&roles);
            match chosen.get() {
                Some(key) if bench.group(&key).is_some() => {
                    let fallback = default.as_ref().is_some_and(|(d, f)| *f && *d == key);
                    Some((key, fallback))
                }
                _ => default,
            }
        });
        let comparison = Memo::new(move |_| {
            let bench = bench.get()?;
            let (key, _) = group.get()?;
            scores.with(|s| s.as_ref().and_then(|s| bench.compare(&key, s)))
        });
        Derived { bank, scores, bench, chosen, group, comparison }
    }
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
    let d = Derived::new(state, bank.clone());
    let scores = d.scores;
    let name = move || state.current.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let overall = move || scores.with(|s| s.as_ref().map(|s: &Scores| (s.overall, s.overall_reliable)));
    let review = Route::Assessment { id: id.clone(), page: AssessmentPage::Review }.href();
    let plan = Route::Assessment { id: id.clone(), page: AssessmentPage::Plan }.href();

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
        <BenchmarkPanel d=d.clone()/>
        <Areas d=d.clone()/>
        <SubBars d=d.clone()/>
        <div class="pager no-print">
            <a class="button" href=review>{move || state.t(Msg::RToReview)}</a>
            <a class="button primary" href=plan>{move || state.t(Msg::RToPlan)}</a>
        </div>
        <ExportBar d=d/>
    }
    .into_any()
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
                view! { <p class="provenance" class:synthetic=synthetic data-testid="provenance">{provenance_line(b.meta(), lang)}</p> }.into_any()
            }
            BenchState::Ready(_) => view! { <p class="provenance">{lang.t(Msg::RBenchNotForBank)}</p> }.into_any(),
            BenchState::Failed(p) => view! {
                <div class="error-box" role="alert"><p>{lang.t(Msg::RBenchFailed)}</p><ProblemList problems=p/></div>
            }
            .into_any(),
            _ => view! { <p class="muted">{lang.t(Msg::RBenchLoading)}</p> }.into_any(),
        }
    }
}

/// The radar's axes (the scored dimensions) and polygons: the company's, and with a
/// benchmark the peer mean's and, where the group has champions, theirs. Reads the
/// scores and the comparison, so a chart drawn from it follows both.
pub fn radar_series(d: &Derived, lang: Lang) -> (Vec<String>, Vec<RadarSeries>) {
    let (ids, axes): (Vec<String>, Vec<String>) = d.bank.scored_sections().map(|(_, s)| (s.id.clone(), s.title.get(lang).to_owned())).unzip();
    let company = d.scores.with(|s| ids.iter().map(|id| s.as_ref().and_then(|s| s.metric(id)).and_then(|g| g.score).map(|x| x.get())).collect());
    let mut series = vec![RadarSeries { label: lang.t(Msg::RYourCompany).into(), color: COMPANY, values: company, dashed: false, filled: true }];
    if let Some(cmp) = d.comparison.get() {
        let peers = ids.iter().map(|id| cmp.row(id).and_then(|r| r.mean)).collect();
        let champions: Vec<Option<f64>> = ids.iter().map(|id| cmp.row(id).and_then(|r| r.champions_mean)).collect();
        series.push(RadarSeries { label: lang.t(Msg::RPeerAverage).into(), color: PEERS, values: peers, dashed: false, filled: false });
        if champions.iter().any(Option::is_some) {
            series.push(RadarSeries { label: lang.t(Msg::RChampions).into(), color: CHAMPIONS, values: champions, dashed: true, filled: false });
        }
    }
    (axes, series)
}

#[component]
fn BenchmarkPanel(d: Derived) -> impl IntoView {
    let state = use_state();
    let bank = d.bank.clone();

    let group_options = {
        let d = d.clone();
        move || {
            let lang = state.lang.get();
            let Some(bench) = d.bench.get() else { return Vec::new() };
            let mut list: Vec<(GroupKey, String)> = bench
                .groups()
                .filter(|(_, g)| g.n >= MIN_GROUP)
                .map(|(k, g)| {
                    let mut label = format!("{} (n = {})", k.label(&d.bank, lang), g.n);
                    if g.n < MIN_PERCENTILES {
                        label.push_str(&format!(" — {}", lang.t(Msg::RMeanOnly)));
                    }
                    (k, label)
                })
                .collect();
            list.sort_by(|a, b| a.0.cmp(&b.0));
            list
        }
    };

    let d2 = d.clone();
    let draw_radar = move |canvas| {
        let (axes, series) = radar_series(&d2, state.lang.get());
        charts::radar(canvas, &axes, &series);
    };
    let d3 = d.clone();
    let b3 = bank.clone();
    let radar_label = Signal::derive(move || {
        let lang = state.lang.get();
        let cmp = d3.comparison.get();
        let parts: Vec<String> = b3
            .scored_sections()
            .map(|(_, s)| {
                let mine = d3.scores.with(|sc| sc.as_ref().and_then(|sc| sc.metric(&s.id)).and_then(|g| g.score).map(|x| x.get()));
                let row = cmp.as_ref().and_then(|c| c.row(&s.id));
                format!(
                    "{}: {} {}, {} {}, {} {}",
                    s.title.get(lang),
                    lang.t(Msg::RYourCompany),
                    fmt_opt(mine, lang),
                    lang.t(Msg::RPeerAverage),
                    fmt_opt(row.and_then(|r| r.mean), lang),
                    lang.t(Msg::RChampions),
                    fmt_opt(row.and_then(|r| r.champions_mean), lang)
                )
            })
            .collect();
        format!("{}. {}", lang.t(Msg::RRadarLabel), parts.join("; "))
    });

    let d4 = d.clone();
    let b4 = bank.clone();
    let table_rows = move || {
        let lang = state.lang.get();
        let cmp = d4.comparison.get();
        let mut ids = vec![OVERALL.to_owned()];
        ids.extend(b4.scored_sections().map(|(_, s)| s.id.clone()));
        ids.into_iter()
            .map(|id| {
                let label = if id == OVERALL {
                    lang.t(Msg::ROverallShort).to_owned()
                } else {
                    b4.sections().iter().find(|s| s.id == id).map(|s| s.title.get(lang).to_owned()).unwrap_or_default()
                };
                let (score, coverage, reliable) = d4.scores.with(|s| {
                    let s = s.as_ref();
                    if id == OVERALL {
                        (s.and_then(|s| s.overall).map(|x| x.get()), None, s.is_some_and(|s| s.overall_reliable))
                    } else {
                        let g = s.and_then(|s| s.metric(&id));
                        (g.and_then(|g| g.score).map(|x| x.get()), g.map(|g| g.coverage), g.is_some_and(|g| g.reliable))
                    }
                });
                let row = cmp.as_ref().and_then(|c| c.row(&id)).cloned();
                view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td class="num">{fmt_opt(score, lang)}
                            {(!reliable).then(|| view! { " " <span class="tag warning">{lang.t(Msg::RUnreliable)}</span> })}
                        </td>
                        <td class="num">{coverage.map(|c| format!("{:.0}%", c * 100.0)).unwrap_or_default()}</td>
                        <td class="num">{row.as_ref().and_then(|r| r.percentile).map(|p| format!("{:.0}°", p)).unwrap_or_else(|| "—".into())}</td>
                        <td class="num">{fmt_opt(row.as_ref().and_then(|r| r.mean), lang)}</td>
                        <td class="num">{fmt_gap(row.as_ref().and_then(|r| r.gap_to_mean), lang)}</td>
                        <td class="num">{fmt_opt(row.as_ref().and_then(|r| r.champions_mean), lang)}</td>
                        <td class="num">{fmt_gap(row.as_ref().and_then(|r| r.gap_to_champions), lang)}</td>
                        <td class="strip-cell">{row.map(|r| view! { <Strip row=r score=score/> })}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    let d5 = d.clone();
    let on_group = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        d5.chosen.set(GroupKey::parse(&value));
    };
    let d6 = d.clone();
    let selected_id = move || d6.group.get().map(|(k, _)| k.id()).unwrap_or_default();
    let d7 = d.clone();
    let fallback_note = move || {
        let lang = state.lang.get();
        d7.group.get().filter(|(_, f)| *f).map(|(k, _)| {
            view! {
                <p class="note" role="note">{lang.fmt(Msg::RFallback, &[("group", &k.label(&d7.bank, lang))])}</p>
            }
        })
    };
    let d8 = d.clone();

    view! {
        <section aria-labelledby="bench-title" class="benchmark">
            <h2 id="bench-title">{move || state.t(Msg::RComparison)}</h2>
            <Provenance d=d.clone()/>
            {move || d8.bench.get().is_some().then(|| {
                let options = group_options.clone();
                let selected = selected_id.clone();
                view! {
                    <div class="field group-select no-print">
                        <label for="peer-group">{state.t(Msg::RGroupLabel)}</label>
                        <select id="peer-group" on:change=on_group.clone()>
                            {move || options().into_iter().map(|(k, label)| {
                                let id = k.id();
                                let sel = selected();
                                view! { <option value=id.clone() selected=sel == id>{label}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                }
            })}
            {fallback_note}
            <div class="radar-box">
                <Chart width=560 height=480 label=radar_label testid="radar" draw=draw_radar/>
            </div>
            <div>
                <div class="table-scroll">
                    <table class="scores comparison">
                        <caption>{move || state.t(Msg::RTableCaption)}</caption>
                        <thead><tr>
                            <th scope="col">{move || state.t(Msg::RDimension)}</th>
                            <th scope="col" class="num">{move || state.t(Msg::RScore)}</th>
                            <th scope="col" class="num">{move || state.t(Msg::RCoverage)}</th>
                            <th scope="col" class="num">{move || state.t(Msg::XPercentile)}</th>
                            <th scope="col" class="num">{move || state.t(Msg::XPeerMean)}</th>
                            <th scope="col" class="num">{move || state.t(Msg::RGap)}</th>
                            <th scope="col" class="num">{move || state.t(Msg::RChampions)}</th>
                            <th scope="col" class="num">{move || state.t(Msg::RGap)}</th>
                            <th scope="col">{move || state.t(Msg::RDistribution)}</th>
                        </tr></thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                    <p class="muted small">{move || state.lang.get().fmt(Msg::RCoverageExplain, &[("pct", &format!("{:.0}", score::RELIABLE_COVERAGE * 100.0))])}</p>
                    <p class="muted small">{move || state.t(Msg::RStripExplain)}</p>
                </div>
            </div>
        </section>
    }
}

/// Where the company sits in the group: the p10–p90 band, the median, the champions'
/// mean (dashed) and the company (dot). Drawn as inline SVG from numbers only.
#[component]
fn Strip(row: crate::benchmark::Row, score: Option<f64>) -> impl IntoView {
    let state = use_state();
    let x = |v: f64| 4.0 + v.clamp(0.0, 100.0) * 1.52;
    let label = move || {
        let lang = state.lang.get();
        lang.fmt(
            Msg::RStripLabel,
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

/// The three strongest and weakest areas, in plain words.
#[component]
pub fn Areas(d: Derived) -> impl IntoView {
    let state = use_state();
    let bank = d.bank.clone();
    let extremes = Memo::new(move |_| {
        let lang = state.lang.get();
        d.scores.with(|s| {
            let Some(s) = s else { return (Vec::new(), Vec::new()) };
            let (strong, weak) = s.extremes(3);
            let name = |a: &score::Area| {
                let section = &bank.sections()[a.section];
                format!("{} ({}): {:.0}", section.subdimensions[a.subdimension].name.get(lang), section.title.get(lang), a.score.get())
            };
            (strong.iter().map(name).collect::<Vec<_>>(), weak.iter().map(name).collect::<Vec<_>>())
        })
    });
    view! {
        <section class="areas print-block">
            <div>
                <h2>{move || state.t(Msg::RStrongest)}</h2>
                <ul>{move || extremes.get().0.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </div>
            <div>
                <h2>{move || state.t(Msg::RWeakest)}</h2>
                <ul>{move || extremes.get().1.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </div>
        </section>
    }
}

#[component]
pub fn SubBars(d: Derived) -> impl IntoView {
    let state = use_state();
    let bank = d.bank.clone();
    let d2 = d.clone();
    let bars = Memo::new(move |_| -> Vec<Bar> {
        let lang = state.lang.get();
        let cmp = d2.comparison.get();
        d2.scores.with(|s| {
            let Some(s) = s else { return Vec::new() };
            s.dimensions
                .iter()
                .flat_map(|dim| {
                    let section = &bank.sections()[dim.section];
                    let cmp = cmp.clone();
                    let title = section.title.get(lang).to_owned();
                    section.subdimensions.iter().zip(&dim.subdimensions).enumerate().map(move |(i, (sub, (_, g)))| {
                        let metric = format!("{}.{}", section.id, sub.id);
                        let row = cmp.as_ref().and_then(|c| c.row(&metric));
                        Bar {
                            label: sub.name.get(lang).to_owned(),
                            value: g.score.map(|s| s.get()),
                            peer: row.and_then(|r| r.mean),
                            champions: row.and_then(|r| r.champions_mean),
                            group: (i == 0).then(|| title.clone()),
                        }
                    })
                })
                .collect()
        })
    });
    let height = bars.with_untracked(|b| charts::hbars_height(b));
    let label = Signal::derive(move || {
        let lang = state.lang.get();
        let parts: Vec<String> = bars.with(|bars| bars.iter().map(|b| format!("{} {}", b.label, fmt_opt(b.value, lang))).collect());
        format!("{}: {}", lang.t(Msg::RBarsLabel), parts.join(", "))
    });
    view! {
        <section>
            <h2>{move || state.t(Msg::RSubdimensions)}</h2>
            <Chart width=760 height=height label testid="subdimension-bars" draw=move |canvas| {
                let lang = state.lang.get();
                let mut legend = vec![(lang.t(Msg::RYourCompany).to_owned(), COMPANY, false)];
                if d.comparison.get().is_some() {
                    legend.push((lang.t(Msg::RPeerAverage).to_owned(), PEERS, false));
                    legend.push((lang.t(Msg::RChampions).to_owned(), CHAMPIONS, true));
                }
                bars.with(|bars| charts::hbars(canvas, bars, &legend, lang.t(Msg::RNotAvailable)));
            }/>
        </section>
    }
}
