//! Staff: the survey dashboard and the print-ready assembly report. The domain
//! (`crate::survey`) computes every figure; this page shows them, with cells of fewer
//! than five respondents suppressed everywhere.

use super::staff::StaffNav;
use crate::bank::{Bank, ItemKind};
use crate::export::{format_number, to_csv};
use crate::i18n::{Lang, Msg};
use crate::route::{Route, StaffPage};
use crate::survey::{self, change, Dashboard, Dataset, Rating, MIN_CELL};
use crate::survey_export::{option_label, quadrant_name, question_name, SurveyReport};
use crate::ui::browser;
use crate::ui::charts::{self, Chart, IpaPoint};
use crate::ui::components::{FilePicker, ProblemList};
use crate::ui::state::{use_state, AppState};
use crate::ui::tools;
use leptos::prelude::*;
use std::sync::Arc;

fn changed_arc<T>(a: Option<&Arc<T>>, b: Option<&Arc<T>>) -> bool {
    !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b))
}

/// The dashboard of the stored (or synthetic) responses.
#[derive(Clone, Copy)]
pub struct SurveyData {
    pub dash: Memo<Arc<Dashboard>>,
}

pub fn survey_data(state: AppState, bank: Arc<Bank>) -> SurveyData {
    let b = bank.clone();
    let data = Memo::new_with_compare(
        move |_| {
            state.responses_changed.track();
            if let Some(synthetic) = state.synthetic.get() {
                return synthetic;
            }
            let responses = state.stored_responses();
            let mut data = Dataset::from_responses(&b, &responses);
            if let Some(extra) = state.in_memory.get() {
                data.append(&extra);
            }
            Arc::new(data)
        },
        changed_arc,
    );
    let b = bank.clone();
    let dash = Memo::new_with_compare(move |_| Arc::new(survey::aggregate(&b, &data.get())), changed_arc);
    SurveyData { dash }
}

fn fmt2(v: Option<f64>, lang: Lang) -> String {
    v.map(|x| {
        let s = format!("{x:.2}");
        if lang.code() == "it" {
            s.replace('.', ",")
        } else {
            s
        }
    })
    .unwrap_or_else(|| "—".into())
}

fn mean_ci(r: &Rating, lang: Lang) -> String {
    match (r.mean, r.ci) {
        (Some(m), Some(c)) => format!("{} ± {} (n = {})", fmt2(Some(m), lang), fmt2(Some(c), lang), r.n),
        _ => lang.fmt(Msg::SurveySuppressed, &[("n", &MIN_CELL)]),
    }
}

#[component]
pub fn DashboardPage(
    /// The print-ready assembly report rather than the interactive dashboard.
    print: bool,
) -> impl IntoView {
    let state = use_state();
    let bank = Arc::new(state.content().satisfaction.clone());
    let sd = survey_data(state, bank.clone());
    let dash = sd.dash;
    let members = move || state.survey_settings.get().members;
    let title = bank.meta().title.clone();
    let headline = move || {
        let lang = state.lang.get();
        let d = dash.get();
        let mut text = lang.fmt(Msg::SurveyRespondents, &[("n", &d.n)]);
        if let Some(rate) = survey::response_rate(d.n, members()) {
            text.push_str(" · ");
            text.push_str(&lang.fmt(Msg::SurveyRate, &[("rate", &format!("{rate:.0}")), ("members", &members().unwrap_or(0))]));
        }
        text
    };
    let empty = move || dash.with(|d| d.n == 0);

    view! {
        {(!print).then(|| view! { <StaffNav/> })}
        {print.then(|| view! {
            <div class="toolbar no-print">
                <button type="button" class="primary" on:click=move |_| browser::print()>{move || state.t(Msg::ReportPrint)}</button>
                <a class="button" href=Route::Staff(StaffPage::Dashboard).href()>{move || state.t(Msg::StaffNavDashboard)}</a>
                <span class="muted">{move || state.t(Msg::ReportHint)}</span>
            </div>
        })}
        {print.then(|| view! { <p class="kicker">{move || state.t(Msg::SurveyReportKicker)}</p> })}
        <h1 tabindex="-1">{move || title.get(state.lang.get()).to_owned()}</h1>
        <p class="lead" data-testid="survey-headline">{headline}</p>
        <p class="muted small">{move || state.lang.get().fmt(Msg::SurveyMinCellNote, &[("n", &MIN_CELL)])}</p>
        {move || if empty() {
            view! { <p>{state.t(Msg::SurveyNoResponses)}</p> }.into_any()
        } else {
            view! {
                <Headline sd=sd/>
                <Services sd=sd bank=bank.clone()/>
                <Matrix sd=sd/>
                <Breakdowns sd=sd bank=bank.clone()/>
                <YearOverYear sd=sd print/>
                <Comments sd=sd bank=bank.clone() print/>
                {(!print).then(|| view! { <SurveyExports sd=sd bank=bank.clone()/> })}
            }.into_any()
        }}
    }
}

#[component]
fn Headline(sd: SurveyData) -> impl IntoView {
    let state = use_state();
    let dash = sd.dash;
    view! {
        <section class="headline print-block" aria-labelledby="headline-title">
            <h2 id="headline-title" class="visually-hidden">{move || state.t(Msg::SurveySheetOverall)}</h2>
            <div class="kpis">
                {move || {
                    let lang = state.lang.get();
                    let d = dash.get();
                    let nps = d.nps.clone();
                    let overall = d.overall.clone();
                    let fee = d.fee_value.clone();
                    view! {
                        <div class="kpi" data-testid="nps">
                            <p class="kpi-label">{lang.t(Msg::SurveyNps)}</p>
                            <p class="kpi-value">{nps.as_ref().and_then(|n| n.score).map(|s| format!("{}{}", if s > 0.0 { "+" } else { "" }, format_number(s.round(), lang))).unwrap_or_else(|| "—".into())}</p>
                            {nps.map(|n| view! {
                                <p class="kpi-sub">{lang.fmt(Msg::SurveyNpsDetail, &[("p", &n.promoters), ("pa", &n.passives), ("d", &n.detractors), ("n", &n.n)])}</p>
                                <NpsBar promoters=n.promoters passives=n.passives detractors=n.detractors/>
                            })}
                        </div>
                        <div class="kpi">
                            <p class="kpi-label">{lang.t(Msg::SurveyOverall)}</p>
                            <p class="kpi-value">{overall.as_ref().and_then(|r| r.mean).map(|m| fmt2(Some(m), lang)).unwrap_or_else(|| "—".into())}<span class="of">" / 5"</span></p>
                            <p class="kpi-sub">{overall.as_ref().map(|r| mean_ci(r, lang)).unwrap_or_default()}</p>
                        </div>
                        <div class="kpi">
                            <p class="kpi-label">{lang.t(Msg::SurveyFeeValue)}</p>
                            <p class="kpi-value">{fee.as_ref().and_then(|r| r.mean).map(|m| fmt2(Some(m), lang)).unwrap_or_else(|| "—".into())}<span class="of">" / 5"</span></p>
                            <p class="kpi-sub">{fee.as_ref().map(|r| mean_ci(r, lang)).unwrap_or_default()}</p>
                        </div>
                    }
                }}
            </div>
            <Renewal sd=sd/>
        </section>
    }
}

/// Promoters, passives and detractors as one bar of three coloured parts, each labelled.
#[component]
fn NpsBar(promoters: usize, passives: usize, detractors: usize) -> impl IntoView {
    let state = use_state();
    let n = (promoters + passives + detractors).max(1) as f64;
    let pct = move |c: usize| 100.0 * c as f64 / n;
    view! {
        <div class="nps-bar" role="img" aria-label=move || state.lang.get().fmt(Msg::SurveyNpsBar, &[("p", &format!("{:.0}", pct(promoters))), ("pa", &format!("{:.0}", pct(passives))), ("d", &format!("{:.0}", pct(detractors)))])>
            <span class="detractors" style=format!("width:{:.1}%", pct(detractors))></span>
            <span class="passives" style=format!("width:{:.1}%", pct(passives))></span>
            <span class="promoters" style=format!("width:{:.1}%", pct(promoters))></span>
        </div>
    }
}

#[component]
fn Renewal(sd: SurveyData) -> impl IntoView {
    let state = use_state();
    let bank = state.content().satisfaction.clone();
    move || {
        let lang = state.lang.get();
        let d = sd.dash.get();
        let renew = d.renew.clone()?;
        let ItemKind::Choice { options } = &bank.item("renew")?.kind else { return None };
        let total: usize = renew.iter().map(|(_, c)| c).sum();
        Some(view! {
            <table class="renew">
                <caption>{lang.t(Msg::SurveyRenew)}</caption>
                <tbody>
                    {renew.iter().zip(options).map(|((_, count), option)| view! {
                        <tr><th scope="row">{option.label.get(lang).to_owned()}</th><td class="num">{*count}</td><td class="num">{format!("{:.0}%", 100.0 * *count as f64 / total.max(1) as f64)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })
    }
}

#[component]
fn Services(sd: SurveyData, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let content = state.content();
    let dash = sd.dash;
    let c2 = content.clone();
    let rows = move || {
        let lang = state.lang.get();
        dash.with(|d| {
            d.services
                .iter()
                .map(|s| (c2.catalogue.service(&s.service).map(|x| x.name.get(lang).to_owned()).unwrap_or_default(), s.satisfaction.counts))
                .collect::<Vec<_>>()
        })
    };
    let height = charts::stacked_height(dash.with_untracked(|d| d.services.len()));
    let scale_labels = move |lang: Lang| -> [String; 5] {
        let points = bank.scales().iter().find(|s| s.id == "satisfaction").map(|s| s.points.clone()).unwrap_or_default();
        std::array::from_fn(|i| points.get(i).map(|p| p.get(lang).to_owned()).unwrap_or_default())
    };
    let r2 = rows.clone();
    let label = Signal::derive(move || {
        let lang = state.lang.get();
        let parts: Vec<String> =
            dash.with(|d| d.services.iter().zip(r2()).map(|(s, (name, _))| format!("{name}: {}", mean_ci(&s.satisfaction, lang))).collect());
        format!("{}. {}", lang.t(Msg::SurveyStackedLabel), parts.join("; "))
    });
    view! {
        <section aria-labelledby="services-title">
            <h2 id="services-title">{move || state.t(Msg::SurveySheetServices)}</h2>
            <div class="table-scroll">
                <table class="services-table" data-testid="services-table">
                    <thead><tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{move || state.t(Msg::SurveyService)}</th>
                        <th scope="col" class="num">{move || state.t(Msg::SurveyUsage)}</th>
                        <th scope="col">{move || state.t(Msg::SurveySatMeanCi)}</th>
                        <th scope="col" class="num">{move || state.t(Msg::SurveyImportance)}</th>
                        <th scope="col">{move || state.t(Msg::SurveyQuadrant)}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let lang = state.lang.get();
                            dash.with(|d| d.services.iter().enumerate().map(|(i, s)| {
                                let name = content.catalogue.service(&s.service).map(|x| x.name.get(lang).to_owned()).unwrap_or_default();
                                view! {
                                    <tr>
                                        <td>{i + 1}</td>
                                        <th scope="row">{name}</th>
                                        <td class="num">{s.usage.map(|u| format!("{u:.0}% ({}/{})", s.used, s.asked)).unwrap_or_else(|| lang.fmt(Msg::SurveySuppressed, &[("n", &MIN_CELL)]))}</td>
                                        <td>{mean_ci(&s.satisfaction, lang)}</td>
                                        <td class="num">{fmt2(s.importance.mean, lang)}</td>
                                        <td>{s.quadrant.map(|q| quadrant_name(q, lang)).unwrap_or("—")}</td>
                                    </tr>
                                }
                            }).collect_view())
                        }}
                    </tbody>
                </table>
            </div>
            <h3>{move || state.t(Msg::SurveyDistribution)}</h3>
            <Chart width=760 height=height label testid="stacked" draw=move |canvas| {
                let lang = state.lang.get();
                charts::stacked(canvas, &rows(), &scale_labels(lang), &lang.fmt(Msg::SurveySuppressed, &[("n", &MIN_CELL)]));
            }/>
        </section>
    }
}

#[component]
fn Matrix(sd: SurveyData) -> impl IntoView {
    let state = use_state();
    let dash = sd.dash;
    let label = Signal::derive(move || {
        let lang = state.lang.get();
        let content = state.content();
        let parts: Vec<String> = dash.with(|d| {
            d.services
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    let q = s.quadrant?;
                    Some(format!("{} {}: {}", i + 1, content.catalogue.service(&s.service)?.name.get(lang), quadrant_name(q, lang)))
                })
                .collect()
        });
        format!("{}. {}", lang.t(Msg::SurveyMatrixLabel), parts.join("; "))
    });
    view! {
        <section aria-labelledby="matrix-title" class="print-block">
            <h2 id="matrix-title">{move || state.t(Msg::SurveyMatrixTitle)}</h2>
            <p class="muted">{move || state.t(Msg::SurveyMatrixIntro)}</p>
            {move || dash.with(|d| d.lines.is_none()).then(|| view! { <p>{state.lang.get().fmt(Msg::SurveySuppressed, &[("n", &MIN_CELL)])}</p> })}
            <Chart width=700 height=480 label testid="matrix" draw=move |canvas| {
                let lang = state.lang.get();
                dash.with(|d| {
                    let Some(lines) = d.lines else { return };
                    let points: Vec<IpaPoint> = d.services.iter().enumerate().filter_map(|(i, s)| Some(IpaPoint { number: i + 1, importance: s.importance.mean?, satisfaction: s.satisfaction.mean? })).collect();
                    let q = [Msg::SurveyQConcentrate, Msg::SurveyQKeepUp, Msg::SurveyQLowPriority, Msg::SurveyQOverkill].map(|m| lang.t(m).to_owned());
                    charts::ipa(canvas, &points, lines, &q, (lang.t(Msg::SurveyImportance), lang.t(Msg::SurveySatisfaction)));
                });
            }/>
        </section>
    }
}

#[component]
fn Breakdowns(sd: SurveyData, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let dash = sd.dash;
    view! {
        <section aria-labelledby="breakdown-title">
            <h2 id="breakdown-title">{move || state.t(Msg::SurveyBreakdowns)}</h2>
            {move || {
                let lang = state.lang.get();
                let b = bank.clone();
                dash.with(|d| d.breakdowns.iter().map(|br| {
                    let caption = b.profile().iter().find(|f| f.id == br.field).map(|f| f.label.get(lang).to_owned()).unwrap_or_default();
                    let b2 = b.clone();
                    view! {
                        <div class="table-scroll">
                            <table class="breakdown" data-testid=format!("breakdown-{}", br.field)>
                                <caption>{caption}</caption>
                                <thead><tr>
                                    <th scope="col">{lang.t(Msg::SurveyGroup)}</th>
                                    <th scope="col" class="num">{lang.t(Msg::SurveyN)}</th>
                                    <th scope="col" class="num">{lang.t(Msg::SurveyOverall)}</th>
                                    <th scope="col" class="num">{lang.t(Msg::SurveyFeeValue)}</th>
                                    <th scope="col" class="num">{lang.t(Msg::SurveyNps)}</th>
                                </tr></thead>
                                <tbody>
                                    {br.cells.iter().map(|c| {
                                        let name = option_label(&b2, &br.field, &c.option, lang);
                                        if c.shown {
                                            view! { <tr><th scope="row">{name}</th><td class="num">{c.n}</td><td class="num">{fmt2(c.overall, lang)}</td><td class="num">{fmt2(c.fee_value, lang)}</td><td class="num">{c.nps.map(|x| format!("{x:+.0}")).unwrap_or_else(|| "—".into())}</td></tr> }.into_any()
                                        } else {
                                            view! { <tr class="suppressed"><th scope="row">{name}</th><td colspan="4">{lang.fmt(Msg::SurveySuppressed, &[("n", &MIN_CELL)])}</td></tr> }.into_any()
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                }).collect_view())
            }}
        </section>
    }
}

#[component]
fn YearOverYear(sd: SurveyData, print: bool) -> impl IntoView {
    let state = use_state();
    let problems = RwSignal::new(Vec::new());
    let on_file = Callback::new(move |files: Vec<(browser::PickedFile, usize)>| {
        let bank = state.content().satisfaction.clone();
        for (file, _) in files {
            match survey::last_year(&file.name, &file.bytes, &bank) {
                Ok(d) => {
                    state.last_year.set(Some(Arc::new(d)));
                    problems.set(Vec::new());
                }
                Err(p) => problems.set(p),
            }
        }
    });
    let rows = move || {
        let lang = state.lang.get();
        let content = state.content();
        let last = state.last_year.get()?;
        let d = sd.dash.get();
        let mut out = Vec::new();
        let mut push = |name: String, this: Option<&Rating>, prev: Option<&Rating>| {
            if let (Some(this), Some(prev)) = (this, prev) {
                out.push((name, change(this, prev)));
            }
        };
        push(lang.t(Msg::SurveyOverall).into(), d.overall.as_ref(), last.overall.as_ref());
        push(lang.t(Msg::SurveyFeeValue).into(), d.fee_value.as_ref(), last.fee_value.as_ref());
        for s in &d.services {
            let prev = last.services.iter().find(|p| p.service == s.service).map(|p| &p.satisfaction);
            push(content.catalogue.service(&s.service).map(|x| x.name.get(lang).to_owned()).unwrap_or_default(), Some(&s.satisfaction), prev);
        }
        Some((out, d.nps.as_ref().and_then(|n| n.score), last.nps.as_ref().and_then(|n| n.score)))
    };
    view! {
        <section aria-labelledby="yoy-title" class="print-block">
            <h2 id="yoy-title">{move || state.t(Msg::SurveyYoyTitle)}</h2>
            {(!print).then(|| view! {
                <p class="muted">{move || state.t(Msg::SurveyYoyIntro)}</p>
                <FilePicker id="last-year" label=Signal::derive(move || state.t(Msg::SurveyYoyLoad).to_owned())
                    accept=".json,.csv,application/json,text/csv" limit=survey::MAX_RESPONSES_FILE on_files=on_file/>
            })}
            {move || { let p = problems.get(); (!p.is_empty()).then(|| view! { <div class="error-box" role="alert"><ProblemList problems=p/></div> }) }}
            {move || rows().map(|(rows, nps_now, nps_then)| {
                let lang = state.lang.get();
                view! {
                    <p>{lang.fmt(Msg::SurveyYoyNps, &[("now", &nps_now.map(|x| format!("{x:+.0}")).unwrap_or_else(|| "—".into())), ("then", &nps_then.map(|x| format!("{x:+.0}")).unwrap_or_else(|| "—".into()))])}</p>
                    <div class="table-scroll">
                        <table class="yoy" data-testid="yoy">
                            <thead><tr>
                                <th scope="col">{lang.t(Msg::SurveyMeasure)}</th>
                                <th scope="col" class="num">{lang.t(Msg::SurveyThisYear)}</th>
                                <th scope="col" class="num">{lang.t(Msg::SurveyLastYear)}</th>
                                <th scope="col" class="num">{lang.t(Msg::SurveyChange)}</th>
                                <th scope="col">{lang.t(Msg::SurveyMarker)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(name, c)| view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td class="num">{fmt2(c.this_year, lang)}</td>
                                        <td class="num">{fmt2(c.last_year, lang)}</td>
                                        <td class="num">{c.change.map(|x| format!("{x:+.2}")).unwrap_or_else(|| "—".into())}</td>
                                        <td>{if c.significant { view! { <span class="tag warning">{lang.t(Msg::SurveySignificant)}</span> }.into_any() } else { view! { <span class="muted">{lang.t(Msg::SurveyNotSignificant)}</span> }.into_any() }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="muted small">{lang.t(Msg::SurveyYoyExplain)}</p>
                }
            })}
        </section>
    }
}

#[component]
fn Comments(sd: SurveyData, bank: Arc<Bank>, print: bool) -> impl IntoView {
    let state = use_state();
    let question = RwSignal::new(String::new());
    let member = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    // Long lists are shown a page at a time (thousands of comments would freeze the tab).
    let page_size = if print { 300 } else { 50 };
    let limit = RwSignal::new(page_size);
    let questions: Vec<String> = bank.items().iter().filter(|i| matches!(i.kind, ItemKind::Text)).map(|i| i.id.clone()).collect();
    let b2 = bank.clone();
    // Member types with fewer than 5 respondents cannot be used as a filter or shown.
    let member_options = move || {
        sd.dash
            .with(|d| d.breakdown("member_type").map(|b| b.cells.iter().filter(|c| c.shown).map(|c| c.option.clone()).collect::<Vec<_>>()).unwrap_or_default())
    };
    let member_field = bank.profile_with_role("member_type").map(|f| f.id.clone()).unwrap_or_default();
    let mo2 = member_options.clone();
    let filtered = move || {
        let q = question.get();
        let m = member.get();
        let s = search.get().to_lowercase();
        let allowed = mo2();
        sd.dash.with(|d| {
            d.comments
                .iter()
                .filter(|c| q.is_empty() || c.question == q)
                .filter(|c| m.is_empty() || c.member_type.as_deref() == Some(m.as_str()))
                .filter(|c| s.is_empty() || c.text.to_lowercase().contains(&s))
                .map(|c| (c.question.clone(), c.member_type.clone().filter(|t| allowed.contains(t)), c.text.clone()))
                .collect::<Vec<_>>()
        })
    };
    let content = state.content();
    view! {
        <section aria-labelledby="comments-title" class="comments">
            <h2 id="comments-title">{move || state.t(Msg::SurveySheetComments)}</h2>
            {(!print).then(|| {
                let questions = questions.clone();
                let b = b2.clone();
                let content = content.clone();
                let field = member_field.clone();
                view! {
                    <div class="filters no-print">
                        <div class="field">
                            <label for="comment-question">{move || state.t(Msg::SurveyQuestion)}</label>
                            <select id="comment-question" on:change=move |ev| question.set(event_target_value(&ev))>
                                <option value="">{move || state.t(Msg::SurveyAll)}</option>
                                {questions.into_iter().map(|q| {
                                    let b = b.clone();
                                    let content = content.clone();
                                    let qid = q.clone();
                                    view! { <option value=q>{move || question_name(&b, &content.catalogue, &qid, state.lang.get())}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="comment-member">{move || state.t(Msg::SurveyMemberType)}</label>
                            <select id="comment-member" on:change=move |ev| member.set(event_target_value(&ev))>
                                <option value="">{move || state.t(Msg::SurveyAll)}</option>
                                {move || {
                                    let b = b.clone();
                                    let field = field.clone();
                                    member_options().into_iter().map(|o| {
                                        let label = option_label(&b, &field, &o, state.lang.get());
                                        view! { <option value=o>{label}</option> }
                                    }).collect_view()
                                }}
                            </select>
                        </div>
                        <div class="field">
                            <label for="comment-search">{move || state.t(Msg::SurveySearch)}</label>
                            <input id="comment-search" type="search" prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                        </div>
                    </div>
                }
            })}
            {move || {
                let lang = state.lang.get();
                let list = filtered();
                let total = list.len();
                let shown = limit.get().min(total);
                let content = state.content();
                let b = bank.clone();
                view! {
                    <p class="muted" role="status">{lang.fmt(Msg::SurveyCommentsCount, &[("n", &total)])}</p>
                    <ul class="comment-list" data-testid="comments">
                        {list.into_iter().take(shown).map(|(q, m, text)| view! {
                            <li>
                                <p class="comment-meta">{question_name(&b, &content.catalogue, &q, lang)}{m.map(|m| format!(" · {}", option_label(&b, &member_field, &m, lang)))}</p>
                                <p class="comment-text">{text}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                    {(shown < total).then(|| view! {
                        <p>
                            <span class="muted">{lang.fmt(Msg::SurveyCommentsShown, &[("shown", &shown), ("total", &total)])}</span>
                            " "
                            {(!print).then(|| view! { <button type="button" class="no-print" on:click=move |_| limit.update(|l| *l += page_size)>{lang.t(Msg::SurveyCommentsMore)}</button> })}
                        </p>
                    })}
                }
            }}
        </section>
    }
}

#[component]
fn SurveyExports(sd: SurveyData, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let busy = RwSignal::new(false);
    let b1 = bank.clone();
    let xlsx = move |_| {
        let lang = state.lang.get_untracked();
        let content = state.content();
        let dash = sd.dash.get_untracked();
        let last = state.last_year.get_untracked();
        let report = SurveyReport {
            bank: &b1,
            catalogue: &content.catalogue,
            dashboard: &dash,
            last_year: last.as_deref(),
            members: state.survey_settings.get_untracked().members,
            lang,
        };
        let book = report.workbook(&state.submitted_responses());
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = tools::run(&crate::tools::Request::Xlsx { workbook: book }).await;
            busy.set(false);
            match result {
                Ok(bytes) => {
                    let name = format!("faro-survey-{}.xlsx", browser::today());
                    if browser::download(&name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &bytes).is_ok() {
                        state.notify(lang.fmt(Msg::HomeExported, &[("file", &name)]));
                    }
                }
                Err(e) => state.notify(lang.fmt(Msg::XFailed, &[("error", &e)])),
            }
        });
    };
    let b2 = bank.clone();
    let csv_services = move |_| {
        let lang = state.lang.get_untracked();
        let content = state.content();
        let dash = sd.dash.get_untracked();
        let report = SurveyReport {
            bank: &b2,
            catalogue: &content.catalogue,
            dashboard: &dash,
            last_year: None,
            members: state.survey_settings.get_untracked().members,
            lang,
        };
        let bytes = crate::export::with_bom(&to_csv(&report.services_table(), lang));
        let name = format!("faro-survey-services-{}.csv", browser::today());
        if browser::download(&name, "text/csv;charset=utf-8", &bytes).is_ok() {
            state.notify(lang.fmt(Msg::HomeExported, &[("file", &name)]));
        }
    };
    let b3 = bank.clone();
    let results = move |_| {
        let json = survey::results_json(&b3, &sd.dash.get_untracked(), &browser::now());
        let name = format!("faro-survey-results-{}.json", browser::today());
        if browser::download(&name, "application/json", json.as_bytes()).is_ok() {
            state.notify(state.lang.get_untracked().fmt(Msg::HomeExported, &[("file", &name)]));
        }
    };
    view! {
        <section class="exports no-print" aria-labelledby="survey-exports-title">
            <h2 id="survey-exports-title">{move || state.t(Msg::XTitle)}</h2>
            <div class="toolbar">
                <a class="button" href=Route::Staff(StaffPage::Report).href()>{move || state.t(Msg::SurveyPrintReport)}</a>
                <button type="button" on:click=xlsx disabled=move || busy.get()>{move || if busy.get() { state.t(Msg::XWorking) } else { state.t(Msg::XXlsx) }}</button>
                <button type="button" on:click=csv_services>{move || state.t(Msg::SurveyCsvServices)}</button>
                <button type="button" on:click=results>{move || state.t(Msg::SurveyResultsJson)}</button>
                <a class="button" href=Route::Staff(StaffPage::Responses).href()>{move || state.t(Msg::SurveyRawExports)}</a>
            </div>
        </section>
    }
}
