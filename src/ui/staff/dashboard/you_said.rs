//! "You said, we did": for each service members flagged "concentrate here", what staff
//! will do about it (saved, exported with the results, shown next year beside the
//! service), and last year's commitment beside this year's result.

use super::fmt2;
use crate::kernel::i18n::Msg;
use crate::survey::commitments::commitment_for;
use crate::survey::{Dashboard, Quadrant};
use crate::ui::state::use_state;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn YouSaid(dash: Memo<Arc<Dashboard>>, print: bool) -> impl IntoView {
    let state = use_state();
    let flagged = Memo::new(move |_| {
        dash.with(|d| {
            d.services.iter().filter(|s| s.quadrant == Some(Quadrant::ConcentrateHere)).map(|s| (s.service.clone(), s.satisfaction.mean)).collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="you-said-title" class="print-block you-said">
            <h2 id="you-said-title">{move || state.t(Msg::EvidenceYouSaid)}</h2>
            <p class="muted">{move || state.t(Msg::SurveyYouSaidIntro)}</p>
            {move || {
                let lang = state.lang.get();
                let content = state.content();
                let last = state.last_year();
                let items = flagged.get();
                if items.is_empty() {
                    return view! { <p>{lang.t(Msg::SurveyYouSaidNone)}</p> }.into_any();
                }
                items.into_iter().map(|(service, mean)| {
                    let name = content.catalogue.service(&service).map(|s| s.name.get(lang).to_owned()).unwrap_or_else(|| service.clone());
                    let before = last.as_ref().and_then(|y| commitment_for(&y.commitments, &service).map(|c| (y.label.clone(), c.clone())));
                    view! {
                        <div class="commitment" data-testid="commitment">
                            <h3>{name} " — " {fmt2(mean, lang)}</h3>
                            {before.map(|(year, c)| view! { <p class="note">{lang.fmt(Msg::SurveyYouSaidLastYear, &[("year", &year), ("text", &c.text), ("owner", &c.owner), ("date", &lang.date(&c.date))])}</p> })}
                            <CommitmentFields service print/>
                        </div>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}

/// This year's commitment about one service: text, owner, date, saved as typed.
#[component]
fn CommitmentFields(service: String, print: bool) -> impl IntoView {
    let state = use_state();
    let current = state.commitments.with_untracked(|list| commitment_for(list, &service).cloned());
    let text = RwSignal::new(current.as_ref().map(|c| c.text.clone()).unwrap_or_default());
    let owner = RwSignal::new(current.as_ref().map(|c| c.owner.clone()).unwrap_or_default());
    let date = RwSignal::new(current.as_ref().map(|c| c.date.clone()).unwrap_or_default());
    let key = StoredValue::new(service.clone());
    let save = move || state.set_commitment(&key.read_value(), &text.get_untracked(), &owner.get_untracked(), &date.get_untracked());
    if print {
        return view! { <p>{move || text.get()} " — " {move || owner.get()} " " {move || date.get()}</p> }.into_any();
    }
    let id = |f: &str| format!("commit-{f}-{service}");
    view! {
        <div class="plan-fields">
            <div class="field wide">
                <label for=id("text")>{move || state.t(Msg::EvidenceCommitment)}</label>
                <input id=id("text") type="text" maxlength="600" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) on:change=move |_| save()/>
            </div>
            <div class="field">
                <label for=id("owner")>{move || state.t(Msg::ExportOwner)}</label>
                <input id=id("owner") type="text" maxlength="120" prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev)) on:change=move |_| save()/>
            </div>
            <div class="field">
                <label for=id("date")>{move || state.t(Msg::EvidenceDate)}</label>
                <input id=id("date") type="date" prop:value=move || date.get() on:change=move |ev| { date.set(event_target_value(&ev)); save(); }/>
            </div>
        </div>
    }
    .into_any()
}
