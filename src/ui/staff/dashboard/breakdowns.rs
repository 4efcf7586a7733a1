//! Breakdowns by member type and Competence Area: groups under five, and groups that
//! would give such a group away by subtraction, are not shown (the domain decides).

use super::{fmt2, suppressed};
use crate::kernel::i18n::{Lang, Msg};
use crate::survey::{self, Breakdown, Dashboard, MIN_CELL};
use crate::ui::state::use_state;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Breakdowns(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    view! {
        <section aria-labelledby="breakdown-title">
            <h2 id="breakdown-title">{move || state.t(Msg::SurveyBreakdowns)}</h2>
            <p class="muted small">{move || state.lang.get().fmt(Msg::SurveyBreakdownNote, &[("n", &MIN_CELL)])}</p>
            {move || {
                let lang = state.lang.get();
                dash.with(|d| d.breakdowns.iter().map(|br| view! { <BreakdownTable breakdown=br.clone() lang/> }).collect_view())
            }}
        </section>
    }
}

#[component]
fn BreakdownTable(breakdown: Breakdown, lang: Lang) -> impl IntoView {
    let state = use_state();
    let bank = state.content().satisfaction.clone();
    let caption = bank.profile().iter().find(|f| f.id == breakdown.field).map(|f| f.label.get(lang).to_owned()).unwrap_or_default();
    let members = state.survey_settings.get_untracked().members_by_class;
    let by_class = breakdown.role == "member_type" && !members.is_empty();
    let mut heads = vec![Msg::SurveyN, Msg::SurveyOverall, Msg::SurveyFeeValue, Msg::SurveyNps];
    if by_class {
        heads.push(Msg::SurveyRateHeader);
    }
    let columns = heads.len();
    let figure = move |v: Option<String>| v.unwrap_or_else(|| short_suppressed(lang));
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="breakdown" data-testid=format!("breakdown-{}", breakdown.field)>
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{lang.t(Msg::SurveyGroup)}</th>
                    {heads.into_iter().map(|m| view! { <th scope="col" class="num">{lang.t(m)}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {breakdown.cells.iter().map(|c| {
                        let name = bank.option_label(&breakdown.field, &c.option, lang);
                        let Some(n) = c.n else {
                            return view! { <tr class="suppressed"><th scope="row">{name}</th><td colspan=columns>{suppressed(lang)}</td></tr> }.into_any();
                        };
                        let nps = c.nps.map(|x| format!("{}{}", if x > 0.0 { "+" } else { "" }, lang.number(x, 0)));
                        let rate = by_class.then(|| {
                            let rate = c.organisations.and_then(|o| survey::response_rate(o, members.get(&c.option).copied()));
                            view! { <td class="num">{figure(rate.map(|r| format!("{}%", lang.number(r, 0))))}</td> }
                        });
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td class="num">{n}</td>
                                <td class="num">{figure(c.overall.map(|v| fmt2(Some(v), lang)))}</td>
                                <td class="num">{figure(c.fee_value.map(|v| fmt2(Some(v), lang)))}</td>
                                <td class="num">{figure(nps)}</td>
                                {rate}
                            </tr>
                        }.into_any()
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A figure hidden inside a shown group (fewer than five answered that question).
fn short_suppressed(lang: Lang) -> String {
    lang.fmt(Msg::SurveySuppressedShort, &[("n", &MIN_CELL)])
}
