//! The Action Plan editor: set how much each dimension matters, get a proposal, then
//! accept or drop actions, add your own, and set owner, dates, status and KPI target.
//! Every change is saved at once, like the answers.

use super::exports::{service_namer, with_report, ExportBar};
use super::results::{Derived, Provenance};
use crate::bank::Bank;
use crate::export::{status_name, tier_name};
use crate::i18n::Msg;
use crate::import;
use crate::plan::{Plan, PlanItem, Status, Tier};
use crate::propose::propose;
use crate::response::Importance;
use crate::route::{AssessmentPage, Route};
use crate::ui::browser;
use crate::ui::components::{ConfirmButton, FilePicker, ProblemList};
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;
use std::sync::Arc;

fn importance_msg(i: Importance) -> Msg {
    match i {
        Importance::Low => Msg::PlanImportanceLow,
        Importance::Normal => Msg::PlanImportanceNormal,
        Importance::High => Msg::PlanImportanceHigh,
        Importance::Critical => Msg::PlanImportanceCritical,
    }
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::NotStarted => "status not-started",
        Status::OnTrack => "status on-track",
        Status::AtRisk => "status at-risk",
        Status::Done => "status done",
    }
}

/// Makes a proposal for the open assessment against the current comparison.
fn make_proposal(state: AppState, d: &Derived) -> Option<Plan> {
    let content = state.content();
    let a = state.current.get_untracked()?;
    let scores = d.scores.get_untracked()?;
    let cmp = d.comparison.get_untracked();
    Some(propose(&d.bank, &content.actions, &scores, cmp.as_ref(), &a.importance, state.lang.get_untracked(), &browser::now()))
}

/// An item the company has worked on (kept when the proposal is recomputed).
fn is_edited(item: &PlanItem) -> bool {
    item.tier == Tier::Own
        || !item.owner.is_empty()
        || !item.start.is_empty()
        || !item.due.is_empty()
        || !item.kpi_target.is_empty()
        || !item.kpi_baseline.is_empty()
        || item.status != Status::NotStarted
}

#[component]
pub fn PlanPage(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let b = bank.clone();
    if !state.current.with_untracked(|a| a.as_ref().is_some_and(|a| a.is_complete(&b))) {
        let review = Route::Assessment { id, page: AssessmentPage::Review }.href();
        return view! {
            <h1 tabindex="-1">{move || state.t(Msg::PlanTitle)}</h1>
            <p>{move || state.t(Msg::RIncomplete)}</p>
            <p><a class="button primary" href=review>{move || state.t(Msg::RToReview)}</a></p>
        }
        .into_any();
    }
    let d = Derived::new(state, bank.clone());
    let name = move || state.current.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    // A memo: the editor below must not be rebuilt (losing focus) on every keystroke.
    let has_plan = Memo::new(move |_| state.current.with(|a| a.as_ref().is_some_and(|a| a.plan.is_some())));
    let results = Route::Assessment { id: id.clone(), page: AssessmentPage::Results }.href();

    let d1 = d.clone();
    let create = move |_| {
        if let Some(plan) = make_proposal(state, &d1) {
            let n = plan.items.len();
            state.edit(|a, _| a.plan = Some(plan));
            state.notify(state.lang.get_untracked().fmt(Msg::PlanProposed, &[("n", &n)]));
        }
    };
    let d2 = d.clone();
    let recompute = Callback::new(move |()| {
        let Some(fresh) = make_proposal(state, &d2) else { return };
        state.edit(|a, now| {
            let mut kept: Vec<PlanItem> = a.plan.as_ref().map(|p| p.items.iter().filter(|i| is_edited(i)).cloned().collect()).unwrap_or_default();
            for item in fresh.items {
                if !kept.iter().any(|k| k.id == item.id) {
                    kept.push(item);
                }
            }
            let created = a.plan.as_ref().map(|p| p.created_at.clone()).unwrap_or_else(|| now.to_owned());
            a.plan = Some(Plan { created_at: created, updated_at: now.to_owned(), benchmark_group: fresh.benchmark_group, items: kept });
        });
        state.notify(state.t(Msg::PlanRecomputed));
    });

    let import_problems = RwSignal::new(Vec::new());
    let on_import = Callback::new(move |files: Vec<(browser::PickedFile, usize)>| {
        let lang = state.lang.get_untracked();
        let mut problems = Vec::new();
        for (file, _) in files {
            match import::plan_file(&file.name, &file.bytes) {
                Err(mut p) => problems.append(&mut p),
                Ok(pf) => {
                    let mut report = None;
                    state.edit(|a, now| {
                        let plan = a.plan.get_or_insert_with(|| Plan { created_at: now.to_owned(), updated_at: now.to_owned(), ..Plan::default() });
                        report = Some(plan.merge(pf.plan, now));
                    });
                    if let Some(r) = report {
                        state.notify(lang.fmt(Msg::PlanImported, &[("added", &r.added), ("same", &r.unchanged), ("kept", &r.kept)]));
                    }
                }
            }
        }
        import_problems.set(problems);
    });

    let d_items = d.clone();
    view! {
        <h1 tabindex="-1">{move || state.lang.get().fmt(Msg::PlanTitleFor, &[("name", &name())])}</h1>
        <p class="disclaimer">{move || state.t(Msg::RSelfAssessment)}</p>
        <Provenance d=d.clone()/>
        <p class="lead">{move || state.t(Msg::PlanIntro)}</p>
        <ImportanceSettings bank=bank.clone()/>
        {move || if has_plan.get() {
            view! {
                <div class="toolbar no-print">
                    <ConfirmButton
                        label=Signal::derive(move || state.t(Msg::PlanRecompute).to_owned())
                        question=Signal::derive(move || state.t(Msg::PlanRecomputeConfirm).to_owned())
                        on_confirm=recompute
                    />
                </div>
                <PlanItems d=d_items.clone()/>
                <AddOwn/>
            }.into_any()
        } else {
            view! { <p><button type="button" class="primary big" on:click=create.clone()>{state.t(Msg::PlanCreate)}</button></p> }.into_any()
        }}
        <div class="toolbar no-print">
            <FilePicker
                id="import-plan"
                label=Signal::derive(move || state.t(Msg::PlanImport).to_owned())
                accept=".json,application/json"
                limit=import::MAX_ASSESSMENT_FILE
                on_files=on_import
            />
        </div>
        {move || {
            let p = import_problems.get();
            (!p.is_empty()).then(|| view! { <div class="error-box" role="alert"><ProblemList problems=p/></div> })
        }}
        <div class="pager no-print">
            <a class="button" href=results>{move || state.t(Msg::PlanToResults)}</a>
        </div>
        <ExportBar d=d/>
    }
    .into_any()
}

#[component]
fn ImportanceSettings(bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    view! {
        <details class="importance no-print">
            <summary>{move || state.t(Msg::PlanImportanceTitle)}</summary>
            <p class="muted">{move || state.t(Msg::PlanImportanceIntro)}</p>
            <div class="importance-grid">
                {bank.scored_sections().map(|(_, s)| {
                    let dim = s.id.clone();
                    let title = s.title.clone();
                    let select_id = format!("importance-{dim}");
                    let current = {
                        let dim = dim.clone();
                        move || state.current.with(|a| a.as_ref().map(|a| a.importance_of(&dim)).unwrap_or_default())
                    };
                    view! {
                        <div class="field">
                            <label for=select_id.clone()>{move || title.get(state.lang.get()).to_owned()}</label>
                            <select id=select_id on:change=move |ev| {
                                let value = event_target_value(&ev);
                                let chosen = Importance::ALL.into_iter().find(|i| format!("{i:?}") == value).unwrap_or_default();
                                let dim = dim.clone();
                                state.edit(|a, now| {
                                    a.importance.insert(dim, chosen);
                                    a.updated_at = now.to_owned();
                                });
                            }>
                                {Importance::ALL.into_iter().map(|i| {
                                    let cur = current.clone();
                                    view! { <option value=format!("{i:?}") selected=move || cur() == i>{move || state.t(importance_msg(i))}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </div>
        </details>
    }
}

/// Changes one plan item and saves.
fn edit_item(state: AppState, id: &str, change: impl FnOnce(&mut PlanItem)) {
    state.edit(|a, now| {
        if let Some(plan) = a.plan.as_mut() {
            if let Some(item) = plan.items.iter_mut().find(|i| i.id == id) {
                change(item);
                plan.updated_at = now.to_owned();
                a.updated_at = now.to_owned();
            }
        }
    });
}

#[component]
fn PlanItems(d: Derived) -> impl IntoView {
    let state = use_state();
    // The list is keyed by id, so typing in one item never re-creates the others.
    let ids = Memo::new(move |_| {
        state.current.with(|a| a.as_ref().and_then(|a| a.plan.as_ref()).map(|p| p.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>()).unwrap_or_default())
    });
    let summary = move || {
        state.current.with(|a| {
            let plan = a.as_ref().and_then(|a| a.plan.as_ref())?;
            let accepted: Vec<&PlanItem> = plan.accepted().collect();
            let quick = accepted.iter().filter(|i| i.tier == Tier::QuickWin).count();
            let strategic = accepted.iter().filter(|i| i.tier == Tier::Strategic).count();
            let own = accepted.iter().filter(|i| i.tier == Tier::Own).count();
            Some(state.lang.get().fmt(Msg::PlanSummary, &[("n", &accepted.len()), ("quick", &quick), ("strategic", &strategic), ("own", &own)]))
        })
    };
    view! {
        <p class="plan-summary" role="status">{summary}</p>
        <ol class="plan-items">
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <PlanItemCard id=id d=d.clone()/>
            </For>
        </ol>
    }
}

#[component]
fn PlanItemCard(id: String, d: Derived) -> impl IntoView {
    let state = use_state();
    let item = {
        let id = id.clone();
        Memo::new(move |_| state.current.with(|a| a.as_ref().and_then(|a| a.plan.as_ref()).and_then(|p| p.items.iter().find(|i| i.id == id).cloned())))
    };
    let get = move |f: fn(&PlanItem) -> String| move || item.with(|i| i.as_ref().map(f).unwrap_or_default());
    let id_status = id.clone();
    let id_accept = id.clone();
    let id_delete = id.clone();
    let status_id = format!("status-{id}");
    let field = move |label: Msg, kind: &'static str, key: &'static str, read: fn(&PlanItem) -> String, write: fn(&mut PlanItem, String)| {
        let id = id.clone();
        let input_id = format!("{key}-{id}");
        view! {
            <div class="field">
                <label for=input_id.clone()>{move || state.t(label)}</label>
                // Dates are saved on `change` (a whole date entered or cleared): while a
                // date is half typed the input's value is empty, and saving that would
                // wipe the field under the user's fingers.
                {if kind == "date" {
                    let id = id.clone();
                    view! { <input id=input_id type="date" prop:value=get(read) on:change=move |ev| {
                        let value = event_target_value(&ev);
                        edit_item(state, &id, |i| write(i, value));
                    }/> }.into_any()
                } else {
                    let id = id.clone();
                    view! { <input id=input_id type=kind maxlength="300" prop:value=get(read) on:input=move |ev| {
                        let value = event_target_value(&ev);
                        edit_item(state, &id, |i| write(i, value));
                    }/> }.into_any()
                }}
            </div>
        }
    };
    let why = {
        let d = d.clone();
        move || {
            let lang = state.lang.get();
            item.with(|i| i.as_ref().and_then(|i| with_report(state, &d, lang, |r| r.why(i))))
        }
    };
    let services = move || {
        let lang = state.lang.get();
        let namer = service_namer(state, lang);
        item.with(|i| i.as_ref().map(|i| i.services.iter().map(|s| namer(s)).collect::<Vec<_>>().join(" · ")).unwrap_or_default())
    };
    let accepted = move || item.with(|i| i.as_ref().is_some_and(|i| i.accepted));
    let tier = move || item.with(|i| i.as_ref().map(|i| i.tier));
    let status = move || item.with(|i| i.as_ref().map(|i| i.status).unwrap_or_default());
    let is_own = move || tier() == Some(Tier::Own);
    let delete = Callback::new(move |()| {
        let id = id_delete.clone();
        state.edit(|a, now| {
            if let Some(plan) = a.plan.as_mut() {
                plan.items.retain(|i| i.id != id);
                plan.updated_at = now.to_owned();
            }
        });
    });

    view! {
        <li class="plan-item" class:dropped=move || !accepted()>
            <div class="plan-head">
                <h3>{get(|i| i.title.clone())}</h3>
                <span class="tag">{move || tier().map(|t| tier_name(t, state.lang.get())).unwrap_or_default()}</span>
                <span class=move || status_class(status())>{move || status_name(status(), state.lang.get())}</span>
            </div>
            {move || (!accepted()).then(|| view! { <p class="muted">{state.t(Msg::PlanDroppedNote)}</p> })}
            <p class="why"><strong>{move || state.t(Msg::PlanWhyLabel)}</strong> " " {why}</p>
            {move || { let s = services(); (!s.is_empty()).then(|| view! { <p class="services"><strong>{state.t(Msg::XServices)} ": "</strong>{s}</p> }) }}
            {move || item.with(|i| i.as_ref().filter(|i| !i.description.is_empty()).map(|i| {
                let text = i.description.clone();
                view! { <details><summary>{state.t(Msg::PlanDetails)}</summary><p>{text}</p></details> }
            }))}
            <div class="plan-fields">
                {field(Msg::XAction, "text", "title", |i| i.title.clone(), |i, v| i.title = v)}
                {field(Msg::XOwner, "text", "owner", |i| i.owner.clone(), |i, v| i.owner = v)}
                {field(Msg::XStart, "date", "start", |i| i.start.clone(), |i, v| if crate::plan::is_date_or_empty(&v) { i.start = v })}
                {field(Msg::XDue, "date", "due", |i| i.due.clone(), |i, v| if crate::plan::is_date_or_empty(&v) { i.due = v })}
                <div class="field">
                    <label for=status_id.clone()>{move || state.t(Msg::XStatus)}</label>
                    <select id=status_id on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let chosen = Status::ALL.into_iter().find(|s| format!("{s:?}") == value).unwrap_or_default();
                        edit_item(state, &id_status, |i| i.status = chosen);
                    }>
                        {Status::ALL.into_iter().map(|s| view! {
                            <option value=format!("{s:?}") selected=move || status() == s>{move || status_name(s, state.lang.get())}</option>
                        }).collect_view()}
                    </select>
                </div>
                {field(Msg::XKpi, "text", "kpi", |i| i.kpi.clone(), |i, v| i.kpi = v)}
                {field(Msg::XBaseline, "text", "baseline", |i| i.kpi_baseline.clone(), |i, v| i.kpi_baseline = v)}
                {field(Msg::XTarget, "text", "target", |i| i.kpi_target.clone(), |i, v| i.kpi_target = v)}
            </div>
            <div class="toolbar">
                <button type="button" on:click=move |_| { let now = !accepted(); edit_item(state, &id_accept, |i| i.accepted = now) }>
                    {move || if accepted() { state.t(Msg::PlanDrop) } else { state.t(Msg::PlanRestore) }}
                </button>
                {move || is_own().then(|| view! {
                    <ConfirmButton
                        label=Signal::derive(move || state.t(Msg::HomeDelete).to_owned())
                        question=Signal::derive(move || state.t(Msg::PlanDeleteConfirm).to_owned())
                        on_confirm=delete
                    />
                })}
            </div>
        </li>
    }
}

#[component]
fn AddOwn() -> impl IntoView {
    let state = use_state();
    let title = RwSignal::new(String::new());
    let add = move || {
        let text = title.get_untracked().trim().chars().take(300).collect::<String>();
        if text.is_empty() {
            return;
        }
        state.edit(|a, now| {
            let plan = a.plan.get_or_insert_with(Plan::default);
            plan.add_own(text, now);
            a.updated_at = now.to_owned();
        });
        title.set(String::new());
        state.notify(state.t(Msg::PlanAdded));
    };
    view! {
        <form class="add-own no-print" on:submit=move |ev| { ev.prevent_default(); add(); }>
            <div class="field">
                <label for="own-title">{move || state.t(Msg::PlanAddLabel)}</label>
                <input id="own-title" type="text" maxlength="300" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
            </div>
            <button type="submit">{move || state.t(Msg::PlanAdd)}</button>
        </form>
    }
}
