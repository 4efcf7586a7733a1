//! Staff: members' shared results — importing their files, which services their plans
//! count on (by size and Competence Area, disclosure rules applied), and a benchmark of
//! the members.

use super::benchmark::{build_candidate, Candidate, CandidateView};
use super::StaffNav;
use crate::assessment::demand::{demand_workbook, service_demand};
use crate::assessment::share::{latest_per_company, Share, ShareIntake, MAX_SHARE_FILE};
use crate::kernel::disclosure::MIN_GROUP;
use crate::kernel::i18n::{Lang, Msg};
use crate::kernel::problem::Problem;
use crate::ui::browser::{self, PickedFile};
use crate::ui::state::{use_state, AppState};
use crate::ui::widgets::{ConfirmButton, ErrorBox, FilePicker, ProblemList, TableView};
use leptos::prelude::*;
use std::sync::Arc;

/// The shares the page works on: each member's latest, in `year` if one is chosen.
fn chosen(state: AppState, year: &str) -> Vec<Share> {
    state.shares.with(|all| latest_per_company(all, (!year.is_empty()).then_some(year)).into_iter().cloned().collect())
}

#[component]
pub fn StaffMembers() -> impl IntoView {
    let state = use_state();
    let year = RwSignal::new(String::new());
    let shares = Memo::new(move |_| Arc::new(chosen(state, &year.get())));
    view! {
        <StaffNav/>
        <h1 tabindex="-1">{move || state.t(Msg::MembersTitle)}</h1>
        <p class="lead">{move || state.t(Msg::MembersIntro)}</p>
        <Import/>
        <YearSelect year/>
        <Demand shares/>
        <MembersBenchmark shares/>
    }
}

#[component]
fn Import() -> impl IntoView {
    let state = use_state();
    let report = RwSignal::new(Vec::<(String, ShareIntake)>::new());
    let on_files = Callback::new(move |files: Vec<Result<PickedFile, Problem>>| report.set(state.import_share_files(files)));
    let wipe = Callback::new(move |()| state.wipe_shares());
    view! {
        <section aria-labelledby="members-import-title" class="no-print">
            <h2 id="members-import-title" class="visually-hidden">{move || state.t(Msg::MembersImport)}</h2>
            <FilePicker id="import-shares" label=Signal::derive(move || state.t(Msg::MembersImport).to_owned())
                accept=".json,application/json" multiple=true limit=MAX_SHARE_FILE on_files/>
            {move || {
                let lang = state.lang.get();
                let rows = report.get();
                (!rows.is_empty()).then(|| view! {
                    <ul class="file-reports" data-testid="share-report">
                        {rows.into_iter().map(|(file, outcome)| {
                            let (word, problems) = match outcome {
                                ShareIntake::Accepted => (lang.t(Msg::MembersAccepted), Vec::new()),
                                ShareIntake::Duplicate => (lang.t(Msg::MembersDuplicate), Vec::new()),
                                ShareIntake::Rejected(p) => (lang.t(Msg::MembersRejected), p),
                            };
                            let bad = !problems.is_empty();
                            view! {
                                <li class:bad=bad>
                                    <p>{lang.fmt(Msg::MembersImportReport, &[("file", &file), ("outcome", &word)])}</p>
                                    {bad.then(|| view! { <ProblemList problems/> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
            <p data-testid="shares-stored">{move || state.lang.get().fmt(Msg::MembersStored, &[("n", &state.shares.with(|s| s.len()))])}</p>
            <p><ConfirmButton class="danger" label=Signal::derive(move || state.t(Msg::MembersWipe).to_owned())
                question=Signal::derive(move || state.t(Msg::MembersWipeConfirm).to_owned()) on_confirm=wipe/></p>
        </section>
    }
}

#[component]
fn YearSelect(year: RwSignal<String>) -> impl IntoView {
    let state = use_state();
    let years = Memo::new(move |_| {
        let mut ys: Vec<String> = state.shares.with(|all| all.iter().map(|s| s.year().to_owned()).collect());
        ys.sort();
        ys.dedup();
        ys.reverse();
        ys
    });
    view! {
        <div class="field narrow no-print">
            <label for="members-year">{move || state.t(Msg::MembersYear)}</label>
            <select id="members-year" on:change=move |ev| year.set(event_target_value(&ev))>
                <option value="">{move || state.t(Msg::MembersAllYears)}</option>
                {move || years.get().into_iter().map(|y| view! { <option value=y.clone()>{y.clone()}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// The demand for services: a table per view of the workbook (what staff also export).
#[component]
fn Demand(shares: Memo<Arc<Vec<Share>>>) -> impl IntoView {
    let state = use_state();
    let busy = RwSignal::new(false);
    let book = move |lang: Lang| {
        let content = state.content();
        shares.with(|s| demand_workbook(&content.innovation, &content.catalogue, &s.iter().collect::<Vec<_>>(), lang))
    };
    let xlsx = move |_| state.deliver_xlsx(format!("faro-service-demand-{}.xlsx", browser::today()), book(state.lang.get_untracked()), busy);
    view! {
        <section aria-labelledby="demand-title" class="print-block">
            <h2 id="demand-title">{move || state.t(Msg::MembersDemandTitle)}</h2>
            {move || {
                let lang = state.lang.get();
                let content = state.content();
                let enough = shares.with(|s| !service_demand(&content.catalogue, &s.iter().collect::<Vec<_>>()).is_empty());
                if !enough {
                    return view! { <p class="muted" data-testid="demand-too-few">{lang.fmt(Msg::MembersTooFew, &[("n", &MIN_GROUP)])}</p> }.into_any();
                }
                book(lang).sheets.into_iter().enumerate().map(|(k, table)| view! { <TableView table lang testid=format!("demand-{k}")/> }).collect_view().into_any()
            }}
            <div class="toolbar no-print">
                <button type="button" on:click=xlsx disabled=move || busy.get()>{move || state.t(Msg::MembersExportXlsx)}</button>
                <button type="button" on:click=move |_| browser::print()>{move || state.t(Msg::MembersPrint)}</button>
            </div>
        </section>
    }
}

/// A benchmark of the members from their shared results: those of the current
/// questionnaire's major version only (others are listed as left out, and why).
#[component]
fn MembersBenchmark(shares: Memo<Arc<Vec<Share>>>) -> impl IntoView {
    let state = use_state();
    let built = RwSignal::new(None::<Candidate>);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let usable = move || {
        let bank = state.content().innovation.clone();
        shares.with(|s| s.iter().filter(|x| bank.changed_since(&x.answered_with).is_empty()).cloned().collect::<Vec<_>>())
    };
    let build = move |_| {
        let lang = state.lang.get_untracked();
        match build_candidate(&state.content().innovation, &usable(), lang.t(Msg::MembersBenchTitle), lang) {
            Ok(c) => built.set(Some(c)),
            Err(p) => problems.set(p),
        }
    };
    view! {
        <section aria-labelledby="members-bench-title" class="no-print">
            <h2 id="members-bench-title">{move || state.t(Msg::MembersBenchTitle)}</h2>
            <p>{move || state.t(Msg::MembersBenchIntro)}</p>
            <p data-testid="members-bench-used">{move || {
                let lang = state.lang.get();
                let used = usable().len();
                let left = shares.with(|s| s.len()) - used;
                lang.fmt(Msg::MembersBenchUsed, &[("used", &used), ("left", &left), ("why", &lang.t(Msg::MembersBenchLeftWhy))])
            }}</p>
            <p><button type="button" class="primary" disabled=move || usable().len() < MIN_GROUP on:click=build>{move || state.t(Msg::MembersBenchBuild)}</button></p>
            <ErrorBox problems=problems.into()/>
            {move || built.get().map(|c| view! { <CandidateView c/> })}
        </section>
    }
}
