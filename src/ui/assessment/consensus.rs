//! A workshop's agreement (per question: how many raters chose each level, never who;
//! median, range, AD) and the facilitated consensus, one question at a time in type large
//! enough for a projector.

use crate::assessment::team::{item_agreement, proposed, ItemAgreement, AD_THRESHOLD};
use crate::content::bank::{Answer, Bank, Item, ItemKind};
use crate::kernel::i18n::{Lang, Msg};
use crate::route::{AssessmentPage, Route};
use crate::ui::state::use_state;
use crate::ui::widgets::ConfirmButton;
use leptos::prelude::*;
use std::sync::Arc;

/// The agreement on every level question of the open workshop.
fn agreement(bank: &Bank) -> Vec<ItemAgreement> {
    use_state().current.with(|a| a.as_ref().and_then(|a| a.team.as_ref()).map(|t| t.agreement(bank)).unwrap_or_default())
}

/// "2–5" or "–".
fn range_text(a: &ItemAgreement) -> String {
    a.range.map(|(lo, hi)| if lo == hi { lo.to_string() } else { format!("{lo}–{hi}") }).unwrap_or_else(|| "–".into())
}

fn ad_text(a: &ItemAgreement, lang: Lang) -> String {
    a.ad.map(|ad| lang.number(ad, 2)).unwrap_or_else(|| "–".into())
}

/// How many raters chose each level, as text a screen reader reads too: "1: 0 · 2: 1 …".
fn counts_text(a: &ItemAgreement, lang: Lang) -> String {
    let mut parts: Vec<String> = (0..5).map(|l| format!("{}: {}", l + 1, a.counts[l])).collect();
    parts.push(format!("{}: {}", lang.t(Msg::AnswerDontKnow), a.counts[5]));
    parts.join(" · ")
}

/// The facilitator's view of the agreement: per dimension, then per question.
#[component]
pub fn Agreement(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let b = bank.clone();
    let rows = Memo::new(move |_| agreement(&b));
    let dims = {
        let bank = bank.clone();
        move || {
            let lang = state.lang.get();
            let list = state.current.with(|a| a.as_ref().and_then(|a| a.team.as_ref()).map(|t| t.dimensions(&bank)).unwrap_or_default());
            list.into_iter()
                .map(|d| {
                    let title = bank.sections().iter().find(|s| s.id == d.dimension).map(|s| s.title.get(lang).to_owned()).unwrap_or_default();
                    let ad = d.mean_ad.map(|x| lang.number(x, 2)).unwrap_or_else(|| "–".into());
                    view! { <li><strong>{title}</strong>": "{lang.fmt(Msg::TeamDimensionSummary, &[("flagged", &d.flagged), ("questions", &d.questions), ("ad", &ad)])}</li> }
                })
                .collect_view()
        }
    };
    let consensus = Route::Assessment { id: id.clone(), page: AssessmentPage::Consensus }.href();
    let results = Route::Assessment { id, page: AssessmentPage::Results }.href();
    view! {
        <p>{move || state.lang.get().fmt(Msg::TeamAgreementIntro, &[("threshold", &state.lang.get().number(AD_THRESHOLD, 2))])}</p>
        <ul data-testid="dimension-agreement">{dims}</ul>
        <TeamActions/>
        <p class="toolbar">
            <a class="button primary" href=consensus>{move || state.t(Msg::TeamStepThrough)}</a>
            <a class="button" href=results>{move || state.t(Msg::ResultsTitle)}</a>
        </p>
        <AgreementTable bank rows/>
    }
}

/// Accept what the raters agree on; open a second round; the raw team file.
#[component]
fn TeamActions() -> impl IntoView {
    let state = use_state();
    let round_two = move || state.current.with(|a| a.as_ref().and_then(|a| a.team.as_ref()).is_some_and(|t| t.round == 2));
    view! {
        <div class="toolbar">
            <button type="button" on:click=move |_| {
                let n = state.accept_agreed();
                state.notify(state.lang.get_untracked().fmt(Msg::TeamAccepted, &[("n", &n)]));
            }>{move || state.t(Msg::TeamAccept)}</button>
            {move || if round_two() {
                view! { <span class="tag">{state.t(Msg::TeamRoundTwo)}</span> }.into_any()
            } else {
                view! { <ConfirmButton label=Signal::derive(move || state.t(Msg::TeamSecondRound).to_owned())
                    question=Signal::derive(move || state.t(Msg::TeamSecondRoundConfirm).to_owned())
                    on_confirm=Callback::new(move |()| state.open_second_round())/> }.into_any()
            }}
            <ConfirmButton label=Signal::derive(move || state.t(Msg::TeamRawExport).to_owned())
                question=Signal::derive(move || state.t(Msg::TeamRawConfirm).to_owned())
                on_confirm=Callback::new(move |()| state.export_team_raw())/>
        </div>
    }
}

#[component]
fn AgreementTable(bank: Arc<Bank>, rows: Memo<Vec<ItemAgreement>>) -> impl IntoView {
    let state = use_state();
    let body = move || {
        let lang = state.lang.get();
        let decided = state.current.with(|a| a.as_ref().map(|a| a.answers.clone()).unwrap_or_default());
        rows.get()
            .into_iter()
            .map(|a| {
                let text = bank.item(&a.item).map(|i| i.text.get(lang).to_owned()).unwrap_or_default();
                let agreed = decided.get(&a.item).map(|g| answer_text(&g.value, lang)).unwrap_or_else(|| "–".into());
                view! {
                    <tr class:flagged=a.flagged>
                        <th scope="row">{text}</th>
                        <td>{counts_text(&a, lang)}</td>
                        <td>{a.median.map(|m| lang.number(m, 1)).unwrap_or_else(|| "–".into())}</td>
                        <td>{range_text(&a)}</td>
                        <td>{ad_text(&a, lang)}{a.flagged.then(|| view! { " " <span class="tag warn">{lang.t(Msg::TeamFlagged)}</span> })}</td>
                        <td>{agreed}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-scroll" tabindex="0">
            <table data-testid="agreement-table">
                <thead><tr>
                    <th scope="col">{move || state.t(Msg::TeamColQuestion)}</th>
                    <th scope="col">{move || state.t(Msg::TeamColLevels)}</th>
                    <th scope="col">{move || state.t(Msg::TeamColMedian)}</th>
                    <th scope="col">{move || state.t(Msg::TeamColRange)}</th>
                    <th scope="col">"AD"</th>
                    <th scope="col">{move || state.t(Msg::TeamColConsensus)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

fn answer_text(value: &Answer, lang: Lang) -> String {
    match value {
        Answer::Level(l) => l.to_string(),
        _ => lang.t(Msg::AnswerDontKnow).to_owned(),
    }
}

/// The facilitated consensus: the flagged questions (or all), one at a time, large.
#[component]
pub fn ConsensusPage(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let all = RwSignal::new(false);
    let at = RwSignal::new(0usize);
    let b = bank.clone();
    let items = Memo::new(move |_| agreement(&b).into_iter().filter(|a| all.get() || a.flagged).map(|a| a.item).collect::<Vec<_>>());
    let back = Route::Assessment { id, page: AssessmentPage::Team }.href();
    view! {
        <div class="projector">
            <p class="toolbar no-print">
                <a class="button" href=back>{move || state.t(Msg::TeamBack)}</a>
                <button type="button" aria-pressed=move || (!all.get()).to_string() on:click=move |_| { all.set(false); at.set(0) }>{move || state.t(Msg::TeamOnlyFlagged)}</button>
                <button type="button" aria-pressed=move || all.get().to_string() on:click=move |_| { all.set(true); at.set(0) }>{move || state.t(Msg::TeamAllQuestions)}</button>
            </p>
            {move || {
                let list = items.get();
                let k = at.get();
                let said = if list.is_empty() { Msg::TeamNoneFlagged } else { Msg::TeamAllDone };
                match list.get(k).and_then(|id| bank.item(id)).cloned() {
                    None => view! { <h1 tabindex="-1">{state.t(Msg::TeamConsensusTitle)}</h1><p class="lead" role="status">{state.t(said)}</p> }.into_any(),
                    Some(item) => view! { <ConsensusStep item k n=list.len() at/> }.into_any(),
                }
            }}
        </div>
    }
}

/// One question on the projector: its levels with how many raters chose each, and the
/// group's decision.
#[component]
fn ConsensusStep(item: Item, k: usize, n: usize, at: RwSignal<usize>) -> impl IntoView {
    let state = use_state();
    let raters = state.current.with_untracked(|a| a.as_ref().and_then(|a| a.team.as_ref()).map(|t| t.raters.clone()).unwrap_or_default());
    let agreement = item_agreement(&raters, &item.id);
    let kept = state.current.with_untracked(|a| a.as_ref().and_then(|a| a.team.as_ref()).and_then(|t| t.consensus.get(&item.id).cloned()));
    let choice = RwSignal::new(kept.as_ref().map(|c| c.value.clone()).unwrap_or_else(|| proposed(&agreement)));
    let dissent = RwSignal::new(kept.map(|c| c.dissent).unwrap_or_default());
    let levels = match &item.kind {
        ItemKind::Level { levels } => levels.clone(),
        _ => Vec::new(),
    };
    let most = agreement.counts.iter().copied().max().unwrap_or(0).max(1);
    let item = StoredValue::new(item);
    let record = move |_| {
        state.record_consensus(&item.read_value(), choice.get_untracked(), &dissent.get_untracked());
        at.set(k + 1);
    };
    view! {
        <p class="projector-count">{move || state.lang.get().fmt(Msg::TeamStepOf, &[("k", &(k + 1)), ("n", &n)])}</p>
        <h1 tabindex="-1" class="projector-question">{move || item.read_value().text.get(state.lang.get()).to_owned()}</h1>
        <p class="projector-stats">{
            let agreement = agreement.clone();
            move || {
            let lang = state.lang.get();
            format!("{}: {} · {}: {} · AD {}", lang.t(Msg::TeamColMedian), agreement.median.map(|m| lang.number(m, 1)).unwrap_or_else(|| "–".into()), lang.t(Msg::TeamColRange), range_text(&agreement), ad_text(&agreement, lang))
        }}</p>
        <fieldset class="projector-levels">
            <legend>{move || state.t(Msg::TeamConsensusLevel)}</legend>
            {levels.into_iter().enumerate().map(|(l, text)| {
                let count = agreement.counts[l];
                let value = Answer::Level(l as u8 + 1);
                let v = value.clone();
                view! {
                    <label class="projector-level">
                        <input type="radio" name="consensus" prop:checked=move || choice.get() == v on:change=move |_| choice.set(value.clone())/>
                        <span class="level-number">{l + 1}</span>
                        <span class="level-text">{move || text.get(state.lang.get()).to_owned()}</span>
                        <span class="level-bar" style=format!("--share:{}", count * 100 / most) aria-hidden="true"></span>
                        <span class="level-count">{move || state.lang.get().fmt(Msg::TeamRaterCount, &[("n", &count)])}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
        <p><label for="dissent">{move || state.t(Msg::TeamDissent)}</label>
            <textarea id="dissent" rows="2" maxlength="300" prop:value=move || dissent.get() on:input=move |ev| dissent.set(event_target_value(&ev))></textarea></p>
        <p class="toolbar">
            {(k > 0).then(|| view! { <button type="button" on:click=move |_| at.set(k - 1)>{move || state.t(Msg::QuestionnairePrevious)}</button> })}
            <button type="button" class="primary big" on:click=record>{move || state.t(Msg::TeamRecord)}</button>
        </p>
    }
}
