//! This year against last year: each figure, its change, and whether the change is
//! larger than chance would make it.

use super::fmt2;
use crate::kernel::i18n::{Lang, Msg};
use crate::kernel::problem::Problem;
use crate::survey::{self, change, Change, Dashboard, Rating, MAX_RESPONSES_FILE};
use crate::ui::browser::PickedFile;
use crate::ui::state::use_state;
use crate::ui::widgets::{ErrorBox, FilePicker};
use leptos::prelude::*;
use std::sync::Arc;

/// A signed figure ("+4", "−2"), or a dash.
fn signed(v: Option<f64>, decimals: usize, lang: Lang) -> String {
    v.map(|x| format!("{}{}", if x > 0.0 { "+" } else { "" }, lang.number(x, decimals))).unwrap_or_else(|| "—".into())
}

/// The rows of the comparison: overall satisfaction, fee value, each service.
fn changes(d: &Dashboard, last: &Dashboard, lang: Lang, service_name: impl Fn(&str) -> String) -> Vec<(String, Change)> {
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
        push(service_name(&s.service), Some(&s.satisfaction), prev);
    }
    out
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
    let last_nps = last.nps.as_ref().and_then(|n| n.score);
    move || {
        let lang = state.lang.get();
        let content = state.content();
        let name = |id: &str| content.catalogue.service(id).map(|x| x.name.get(lang).to_owned()).unwrap_or_default();
        let (rows, nps_now) = dash.with(|d| (changes(d, &last, lang, name), d.nps.as_ref().and_then(|n| n.score)));
        view! {
            <p>{lang.fmt(Msg::SurveyYoyNps, &[("now", &signed(nps_now, 0, lang)), ("then", &signed(last_nps, 0, lang))])}</p>
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
                                <td class="num">{signed(c.change, 2, lang)}</td>
                                <td>{if c.significant { view! { <span class="tag warning">{lang.t(Msg::SurveySignificant)}</span> }.into_any() } else { view! { <span class="muted">{lang.t(Msg::SurveyNotSignificant)}</span> }.into_any() }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="muted small">{lang.t(Msg::SurveyYoyExplain)}</p>
        }
    }
}
