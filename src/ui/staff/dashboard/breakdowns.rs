//! Breakdowns by member type and Competence Area (groups under five suppressed).

use super::{fmt2, suppressed};
use crate::kernel::i18n::{Lang, Msg};
use crate::survey::{Breakdown, Dashboard};
use crate::ui::state::use_state;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Breakdowns(dash: Memo<Arc<Dashboard>>) -> impl IntoView {
    let state = use_state();
    view! {
        <section aria-labelledby="breakdown-title">
            <h2 id="breakdown-title">{move || state.t(Msg::SurveyBreakdowns)}</h2>
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
    let heads = [Msg::SurveyN, Msg::SurveyOverall, Msg::SurveyFeeValue, Msg::SurveyNps];
    view! {
        <div class="table-scroll">
            <table class="breakdown" data-testid=format!("breakdown-{}", breakdown.field)>
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{lang.t(Msg::SurveyGroup)}</th>
                    {heads.into_iter().map(|m| view! { <th scope="col" class="num">{lang.t(m)}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {breakdown.cells.iter().map(|c| {
                        let name = bank.option_label(&breakdown.field, &c.option, lang);
                        if c.shown {
                            let nps = c.nps.map(|x| format!("{}{}", if x > 0.0 { "+" } else { "" }, lang.number(x, 0))).unwrap_or_else(|| "—".into());
                            view! { <tr><th scope="row">{name}</th><td class="num">{c.n}</td><td class="num">{fmt2(c.overall, lang)}</td><td class="num">{fmt2(c.fee_value, lang)}</td><td class="num">{nps}</td></tr> }.into_any()
                        } else {
                            view! { <tr class="suppressed"><th scope="row">{name}</th><td colspan="4">{suppressed(lang)}</td></tr> }.into_any()
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
