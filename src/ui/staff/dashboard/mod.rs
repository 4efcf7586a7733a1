//! Staff: the survey dashboard and the print-ready assembly report. The domain
//! (`crate::survey`) computes every figure; these pages show them, with cells of fewer
//! than five respondents suppressed everywhere.

mod breakdowns;
mod comments;
mod evidence;
mod exports;
mod services;
mod you_said;

pub use evidence::EvidencePage;
mod year_over_year;

use super::StaffNav;
use crate::kernel::i18n::{Lang, Msg};
use crate::route::{Route, StaffPage};
use crate::survey::{self, Dashboard, Dataset, Rating, MIN_CELL};
use crate::ui::browser;
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;
use std::sync::Arc;

fn changed_arc<T>(a: Option<&Arc<T>>, b: Option<&Arc<T>>) -> bool {
    !matches!((a, b), (Some(a), Some(b)) if Arc::ptr_eq(a, b))
}

/// The dashboard of the stored (or synthetic) responses: computed when they change,
/// never re-read from storage.
pub(super) fn dashboard(state: AppState) -> Memo<Arc<Dashboard>> {
    let data = Memo::new_with_compare(
        move |_| {
            if let Some(synthetic) = state.synthetic.get() {
                return synthetic;
            }
            let bank = state.content().satisfaction.clone();
            let mut data = state.responses.with(|all| Dataset::from_responses(&bank, all.iter()));
            if let Some(extra) = state.in_memory.get() {
                data.append(&extra);
            }
            Arc::new(data)
        },
        changed_arc,
    );
    Memo::new_with_compare(move |_| Arc::new(survey::aggregate(&state.content().satisfaction, &data.get())), changed_arc)
}

/// A mean with two decimals in the language's form, or a dash.
fn fmt2(v: Option<f64>, lang: Lang) -> String {
    v.map(|x| lang.number(x, 2)).unwrap_or_else(|| "—".into())
}

/// "4,20 (IC 95% 3,89–4,51; n = 23)", the interval clamped to the scale; without one
/// when every answer is the same; or "fewer than 5 responses".
fn mean_ci(r: &Rating, lang: Lang) -> String {
    let (Some(mean), Some(n)) = (r.mean, r.n) else { return suppressed(lang) };
    match r.interval() {
        Some((low, high)) => lang
            .fmt(Msg::SurveyMeanInterval, &[("mean", &fmt2(Some(mean), lang)), ("low", &fmt2(Some(low), lang)), ("high", &fmt2(Some(high), lang)), ("n", &n)]),
        None => lang.fmt(Msg::SurveyMeanNoSpread, &[("mean", &fmt2(Some(mean), lang)), ("n", &n)]),
    }
}

fn suppressed(lang: Lang) -> String {
    lang.fmt(Msg::SurveySuppressed, &[("n", &MIN_CELL)])
}

#[component]
pub fn DashboardPage(
    /// The print-ready assembly report rather than the interactive dashboard.
    print: bool,
) -> impl IntoView {
    let state = use_state();
    let dash = dashboard(state);
    let title = state.content().satisfaction.meta().title.clone();
    let headline = move || {
        let lang = state.lang.get();
        let (n, organisations) = dash.with(|d| (d.n, d.organisations));
        let members = state.survey_settings.get().members;
        let mut text = lang.fmt(Msg::SurveyRespondents, &[("n", &n)]);
        if let Some((organisations, rate)) = organisations.and_then(|o| Some((o, survey::response_rate(o, members)?))) {
            text.push_str(" · ");
            text.push_str(&lang.fmt(Msg::SurveyRate, &[("rate", &lang.number(rate, 0)), ("orgs", &organisations), ("members", &members.unwrap_or(0))]));
        }
        text
    };
    view! {
        {(!print).then(|| view! { <StaffNav/> })}
        {print.then(|| view! { <PrintBar/> })}
        <h1 tabindex="-1">{move || title.get(state.lang.get()).to_owned()}</h1>
        <p class="lead" data-testid="survey-headline">{headline}</p>
        <p class="muted small">{move || state.lang.get().fmt(Msg::SurveyMinCellNote, &[("n", &MIN_CELL)])}</p>
        {move || if dash.with(|d| d.n == 0) {
            view! { <p>{state.t(Msg::SurveyNoResponses)}</p> }.into_any()
        } else {
            view! {
                <Headline dash/>
                <services::Services dash/>
                <services::Matrix dash/>
                <you_said::YouSaid dash print/>
                <breakdowns::Breakdowns dash/>
                <year_over_year::YearOverYear dash print/>
                <comments::Comments dash print/>
                {(!print).then(|| view! { <exports::SurveyExports dash/> })}
            }.into_any()
        }}
    }
}

/// The print report's toolbar (not printed) and kicker.
#[component]
fn PrintBar() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="toolbar no-print">
            <button type="button" class="primary" on:click=move |_| browser::print()>{move || state.t(Msg::ReportPrint)}</button>
            <a class="button" href=Route::Staff(StaffPage::Dashboard).href()>{move || state.t(Msg::StaffNavDashboard)}</a>
            <span class="muted">{move || state.t(Msg::ReportHint)}</span>
        </div>
        <p class="kicker">{move || state.t(Msg::SurveyReportKicker)}</p>
    }
}

#[component]
fn Headline(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    let kpi = move |label: Msg, rating: fn(&Dashboard) -> Option<Rating>| {
        view! {
            <div class="kpi">
                <p class="kpi-label">{move || state.t(label)}</p>
                <p class="kpi-value">{move || dash.with(|d| fmt2(rating(d).and_then(|r| r.mean), state.lang.get()))}<span class="of">" / 5"</span></p>
                <p class="kpi-sub">{move || dash.with(|d| rating(d).map(|r| mean_ci(&r, state.lang.get())).unwrap_or_default())}</p>
            </div>
        }
    };
    view! {
        <section class="headline print-block" aria-labelledby="headline-title">
            <h2 id="headline-title" class="visually-hidden">{move || state.t(Msg::SurveySheetOverall)}</h2>
            <div class="kpis">
                <NpsBox dash/>
                {kpi(Msg::SurveyOverall, |d| d.overall.clone())}
                {kpi(Msg::SurveyFeeValue, |d| d.fee_value.clone())}
            </div>
            <Renewal dash/>
        </section>
    }
}

/// The Net Promoter Score with its interval and three groups, or "fewer than 5" and
/// nothing else.
#[component]
fn NpsBox(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let nps = dash.with(|d| d.nps.clone());
        let score = nps.as_ref().and_then(|n| n.score);
        let signed = |s: f64| format!("{}{}", if s > 0.0 { "+" } else { "" }, lang.number(s, 0));
        let detail = nps.and_then(|n| {
            let (p, pa, d, total) = (n.promoters?, n.passives?, n.detractors?, n.n?);
            let interval = n.interval().map(|(low, high)| lang.fmt(Msg::SurveyNpsCi, &[("low", &signed(low)), ("high", &signed(high))]));
            Some(view! {
                <p class="kpi-sub">{lang.fmt(Msg::SurveyNpsDetail, &[("p", &p), ("pa", &pa), ("d", &d), ("n", &total)])}</p>
                {interval.map(|i| view! { <p class="kpi-sub">{i}</p> })}
                <NpsBar promoters=p passives=pa detractors=d/>
            })
        });
        view! {
            <div class="kpi" data-testid="nps">
                <p class="kpi-label">{lang.t(Msg::SurveyNps)}</p>
                <p class="kpi-value">{score.map(signed).unwrap_or_else(|| "—".into())}</p>
                {match detail {
                    Some(d) => d.into_any(),
                    None => view! { <p class="kpi-sub">{lang.fmt(Msg::SurveyNpsSuppressed, &[("n", &MIN_CELL)])}</p> }.into_any(),
                }}
            </div>
        }
    }
}

/// Promoters, passives and detractors as one bar of three coloured parts, each labelled.
#[component]
fn NpsBar(promoters: usize, passives: usize, detractors: usize) -> impl IntoView {
    let state = use_state();
    let n = (promoters + passives + detractors).max(1) as f64;
    let pct = move |c: usize| 100.0 * c as f64 / n;
    let label = move || {
        let lang = state.lang.get();
        lang.fmt(Msg::SurveyNpsBar, &[("p", &lang.number(pct(promoters), 0)), ("pa", &lang.number(pct(passives), 0)), ("d", &lang.number(pct(detractors), 0))])
    };
    view! {
        <div class="nps-bar" role="img" aria-label=label>
            <span class="detractors" style=format!("width:{:.1}%", pct(detractors))></span>
            <span class="passives" style=format!("width:{:.1}%", pct(passives))></span>
            <span class="promoters" style=format!("width:{:.1}%", pct(promoters))></span>
        </div>
    }
}

#[component]
fn Renewal(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    let bank = state.content().satisfaction.clone();
    move || {
        let lang = state.lang.get();
        let renew = dash.with(|d| d.renew.clone())?;
        let crate::content::bank::ItemKind::Choice { options } = &bank.item("renew")?.kind else { return None };
        let total: usize = renew.iter().map(|(_, c)| c).sum();
        Some(view! {
            <table class="renew">
                <caption>{lang.t(Msg::SurveyRenew)}</caption>
                <tbody>
                    {renew.iter().zip(options).map(|((_, count), option)| view! {
                        <tr><th scope="row">{option.label.get(lang).to_owned()}</th><td class="num">{*count}</td><td class="num">{format!("{}%", lang.number(100.0 * *count as f64 / total.max(1) as f64, 0))}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })
    }
}
