//! A workshop: the facilitator's page (raters, their turns, rater files, the agreement)
//! and a rater's turn, in which only that rater's answers are shown.

use super::consensus::Agreement;
use crate::assessment::files::MAX_ASSESSMENT_FILE;
use crate::assessment::team::Rater;
use crate::content::bank::{Answer, Bank};
use crate::kernel::i18n::Msg;
use crate::kernel::problem::Problem;
use crate::route::{AssessmentPage, Route};
use crate::ui::browser::{self, PickedFile};
use crate::ui::state::use_state;
use crate::ui::widgets::{ErrorBox, FilePicker, IdleGuard, QrSender, QuestionField};
use leptos::prelude::*;
use std::sync::Arc;

/// The raters of the open workshop (empty when it is not one).
fn raters() -> Vec<Rater> {
    use_state().current.with(|a| a.as_ref().and_then(|a| a.team.as_ref()).map(|t| t.raters.clone()).unwrap_or_default())
}

#[component]
pub fn TeamPage(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let is_team = Memo::new(move |_| state.current.with(|a| a.as_ref().is_some_and(|a| a.team.is_some())));
    let id = StoredValue::new(id);
    let profile = Route::Assessment { id: id.get_value(), page: AssessmentPage::Profile }.href();
    view! {
        <h1 tabindex="-1">{move || state.t(Msg::TeamTitle)}</h1>
        <p class="lead">{move || state.t(Msg::TeamIntro)}</p>
        <p><a href=profile>{move || state.t(Msg::TeamToProfile)}</a></p>
        {move || if is_team.get() {
            view! {
                <RaterList id=id.get_value() bank=bank.clone()/>
                <RaterImport/>
                <details class="agreement-box" data-testid="agreement">
                    <summary>{move || state.t(Msg::TeamShowAgreement)}</summary>
                    <Agreement id=id.get_value() bank=bank.clone()/>
                </details>
            }.into_any()
        } else {
            view! {
                <p><button type="button" class="primary" on:click=move |_| state.make_team()>{move || state.t(Msg::TeamMake)}</button></p>
            }.into_any()
        }}
    }
}

/// Each rater with how far they got (never what they answered), their turn and their file.
#[component]
fn RaterList(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let total = bank.items().len();
    let label = RwSignal::new(String::new());
    let sending = RwSignal::new(None::<String>);
    let id = StoredValue::new(id);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.add_rater(&label.get_untracked()).is_some() {
            label.set(String::new());
        }
    };
    view! {
        <section aria-labelledby="raters-title">
            <h2 id="raters-title">{move || state.t(Msg::TeamRaters)}</h2>
            <ul class="cards" data-testid="raters">
                {move || raters().into_iter().map(|r| {
                    let turn = Route::Rater { id: id.get_value(), rater: r.id.clone(), section: 0 }.href();
                    let rid = StoredValue::new(r.id.clone());
                    let answered = r.answers.len().min(total);
                    view! {
                        <li class="card">
                            <h3>{r.label.clone()}</h3>
                            <p class="muted">{move || state.lang.get().fmt(Msg::TeamProgress, &[("answered", &answered), ("total", &total)])}
                                {r.finished.then(|| view! { " · " {move || state.t(Msg::TeamFinished)} })}</p>
                            <div class="toolbar">
                                <a class="button primary" href=turn>{move || state.t(Msg::TeamStartTurn)}</a>
                                <button type="button" on:click=move |_| state.export_rater(&rid.get_value())>{move || state.t(Msg::TeamExportRater)}</button>
                                <button type="button" on:click=move |_| sending.set(state.rater_file_text(&rid.get_value()))>{move || state.t(Msg::QrSend)}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || sending.get().map(|text| view! { <QrSender text on_close=Callback::new(move |()| sending.set(None))/> })}
            <form class="toolbar" on:submit=add>
                <label for="rater-label">{move || state.t(Msg::TeamAddLabel)}</label>
                <input id="rater-label" type="text" maxlength="60" prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
                <button type="submit">{move || state.t(Msg::TeamAdd)}</button>
            </form>
        </section>
    }
}

/// Rater files from the raters' own devices.
#[component]
fn RaterImport() -> impl IntoView {
    let state = use_state();
    let problems = RwSignal::new(Vec::<Problem>::new());
    let on_files = Callback::new(move |files: Vec<Result<PickedFile, Problem>>| match state.import_rater_files(files) {
        Ok(lines) => {
            problems.set(Vec::new());
            state.notify(lines.join(" "));
        }
        Err(found) => problems.set(found),
    });
    view! {
        <div class="toolbar">
            <FilePicker id="import-rater" label=Signal::derive(move || state.t(Msg::TeamImport).to_owned())
                accept=".json,application/json" multiple=true limit=MAX_ASSESSMENT_FILE on_files/>
            <a class="button" href=Route::Receive.href()>{move || state.t(Msg::QrReceiveTitle)}</a>
        </div>
        <ErrorBox problems=problems.into() title=Msg::HomeImportFailed note=Msg::HomeImportNothingChanged/>
    }
}

/// One rater's turn: their own answers only, a section a page, and a hand-over at the end.
#[component]
pub fn RaterTurn(id: String, rater: String, section: usize) -> impl IntoView {
    let state = use_state();
    if !state.open(&id) {
        return view! { <crate::ui::widgets::NotFound/> }.into_any();
    }
    let bank = state.content().innovation.clone();
    let sections = bank.sections().len();
    let Some(label) = raters().into_iter().find(|r| r.id == rater).map(|r| r.label) else {
        return view! { <crate::ui::widgets::NotFound/> }.into_any();
    };
    let section = section.min(sections.saturating_sub(1));
    let started = StoredValue::new(browser::now());
    let rater = StoredValue::new(rater);
    let team = Route::Assessment { id: id.clone(), page: AssessmentPage::Team };
    let hand_over = {
        let team = team.clone();
        move || {
            state.finish_turn(&rater.get_value());
            state.notify(state.t(Msg::TeamHandOver));
            state.go(team.clone());
        }
    };
    let on_idle = {
        let team = team.clone();
        Callback::new(move |keep: bool| {
            if !keep {
                state.discard_turn(&rater.get_value(), &started.get_value());
            }
            state.go(team.clone());
        })
    };
    let page = |n: usize| Route::Rater { id: id.clone(), rater: rater.get_value(), section: n }.href();
    let prev = (section > 0).then(|| page(section - 1));
    let next = (section + 1 < sections).then(|| page(section + 1));
    let title = bank.sections()[section].title.clone();
    view! {
        <IdleGuard on_timeout=on_idle/>
        <p class="muted">{move || state.lang.get().fmt(Msg::TeamTurnOf, &[("rater", &label)])}" · "{section + 1}" / "{sections}</p>
        <h1 tabindex="-1">{move || title.get(state.lang.get()).to_owned()}</h1>
        <p class="note" role="note">{move || state.t(Msg::TeamTurnIntro)}</p>
        <RaterQuestions bank rater=rater.get_value() section/>
        <div class="pager no-print">
            {prev.map(|href| view! { <a class="button" href=href rel="prev">{move || state.t(Msg::QuestionnairePrevious)}</a> })}
            {next.map(|href| view! { <a class="button primary" href=href rel="next">{move || state.t(Msg::QuestionnaireNext)}</a> })}
            <button type="button" class=if section + 1 == sections { "primary" } else { "" } on:click=move |_| hand_over()>{move || state.t(Msg::TeamFinish)}</button>
        </div>
    }
    .into_any()
}

/// A rater's answer to a question, from the open workshop.
fn rater_answer(rater: &str, item: &str) -> Option<Answer> {
    use_state().current.with(|a| a.as_ref()?.team.as_ref()?.raters.iter().find(|r| r.id == rater)?.answers.get(item).map(|g| g.value.clone()))
}

/// The questions of one section, bound to one rater's answers (a question shown only
/// after some answer is shown as that rater answered).
#[component]
fn RaterQuestions(bank: Arc<Bank>, rater: String, section: usize) -> impl IntoView {
    let state = use_state();
    let rater = StoredValue::new(rater);
    let offset = bank.items().iter().take_while(|i| i.section < section).count();
    let fields = bank
        .items_in(section)
        .cloned()
        .enumerate()
        .map(|(i, item)| {
            let key = StoredValue::new(item.id.clone());
            let answer = Signal::derive(move || rater_answer(&rater.read_value(), &key.read_value()));
            let check = item.clone();
            let shown = Memo::new(move |_| check.is_visible(|id| rater_answer(&rater.read_value(), id).map(|a| a.token())));
            let it = item.clone();
            let on_answer = Callback::new(move |value: Option<Answer>| state.rater_answer(&rater.read_value(), &it, value));
            move || shown.get().then(|| view! { <QuestionField item=item.clone() number=offset + i + 1 answer on_answer/> })
        })
        .collect_view();
    view! { <div class="questions">{fields}</div> }
}

/// A workshop's results: each dimension's consensus score with the band from the lowest
/// to the highest rater's score, and how many raters answered.
#[component]
pub fn TeamSpread(d: super::derived::Derived) -> impl IntoView {
    use crate::ui::charts::{self, Bar, Chart, COMPANY, INK};
    let state = use_state();
    let spread = Memo::new(move |_| state.current.with(|a| a.as_ref().and_then(|a| a.team.as_ref()).map(|t| t.spread(&d.bank()))));
    let bars = Memo::new(move |_| {
        let lang = state.lang.get();
        let bank = d.bank();
        let spread = spread.get().unwrap_or_default();
        d.scores.with(|s| {
            s.iter()
                .flat_map(|s| &s.dimensions)
                .map(|dim| {
                    let band = spread.iter().find(|x| x.section == dim.section).and_then(|x| x.low.zip(x.high));
                    Bar {
                        label: bank.sections()[dim.section].title.get(lang).to_owned(),
                        value: dim.group.score.map(|x| x.get()),
                        peer: None,
                        champions: None,
                        group: None,
                        spread: band,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let raters = move || spread.get().map(|s| s.iter().map(|x| x.raters).max().unwrap_or(0));
    let label = Signal::derive(move || {
        let lang = state.lang.get();
        let parts: Vec<String> = bars.with(|b| {
            b.iter()
                .map(|b| {
                    format!(
                        "{} {} ({})",
                        b.label,
                        super::derived::fmt_opt(b.value, lang),
                        b.spread.map(|(l, h)| format!("{}–{}", lang.number(l, 0), lang.number(h, 0))).unwrap_or_default()
                    )
                })
                .collect()
        });
        format!("{}: {}", lang.t(Msg::TeamSpreadTitle), parts.join(", "))
    });
    move || {
        raters().map(|n| {
            let height = bars.with_untracked(|b| charts::hbars_height(b));
            view! {
                <section class="print-block" aria-labelledby="spread-title">
                    <h2 id="spread-title">{move || state.t(Msg::TeamSpreadTitle)}</h2>
                    <p data-testid="team-raters">{move || state.lang.get().fmt(Msg::TeamSpreadIntro, &[("n", &n)])}</p>
                    <Chart width=760 height=height fixed_height=true label testid="team-spread" draw=move |canvas| {
                        let lang = state.lang.get();
                        let legend = [(lang.t(Msg::TeamConsensusLegend).to_owned(), COMPANY, false), (lang.t(Msg::TeamSpreadLegend).to_owned(), INK, false)];
                        bars.with(|b| charts::hbars(canvas, b, &legend, lang.t(Msg::ResultsNotAvailable)));
                    }/>
                </section>
            }
        })
    }
}
