//! The Action Plan editor: set how much each dimension matters, get a proposal, then
//! accept or drop actions, add your own, and set owner, dates, status and KPI target.
//! Every change is saved at once, like the answers.

use super::comparison::Provenance;
use super::derived::{service_namer, Derived};
use super::exports::ExportBar;
use super::Incomplete;
use crate::assessment::files::{self, MAX_ASSESSMENT_FILE};
use crate::assessment::plan::Importance;
use crate::assessment::plan::{Plan, PlanItem, Status, Tier};
use crate::assessment::progress;
use crate::assessment::propose::{propose, Basis};
use crate::assessment::report::{plan_basis, status_name, tier_name};
use crate::content::bank::Bank;
use crate::kernel::dates::is_date_or_empty;
use crate::kernel::i18n::{Lang, Msg};
use crate::kernel::problem::Problem;
use crate::route::{AssessmentPage, Route};
use crate::ui::browser::{self, PickedFile};
use crate::ui::state::{use_state, AppState, Loaded};
use crate::ui::widgets::{ConfirmButton, ErrorBox, FilePicker, ProblemList};
use leptos::prelude::*;
use std::sync::Arc;

/// The value of an importance in the drop-down (a stable key, not a display text).
fn importance_key(i: Importance) -> &'static str {
    match i {
        Importance::Low => "Low",
        Importance::Normal => "Normal",
        Importance::High => "High",
        Importance::Critical => "Critical",
    }
}

fn importance_msg(i: Importance) -> Msg {
    match i {
        Importance::Low => Msg::PlanImportanceLow,
        Importance::Normal => Msg::PlanImportanceNormal,
        Importance::High => Msg::PlanImportanceHigh,
        Importance::Critical => Msg::PlanImportanceCritical,
    }
}

/// The value of a status in the drop-down (a stable key, not a display text).
fn status_key(s: Status) -> &'static str {
    match s {
        Status::NotStarted => "NotStarted",
        Status::OnTrack => "OnTrack",
        Status::AtRisk => "AtRisk",
        Status::Done => "Done",
        Status::Abandoned => "Abandoned",
    }
}

/// The class that colours a status (always shown with its word too).
fn status_class(s: Status) -> &'static str {
    match s {
        Status::NotStarted => "status not-started",
        Status::OnTrack => "status on-track",
        Status::AtRisk => "status at-risk",
        Status::Done => "status done",
        Status::Abandoned => "status abandoned",
    }
}

/// A proposal for the open assessment against the loaded benchmark's leading companies
/// (once the action library is loaded).
fn make_proposal(state: AppState, d: Derived) -> Option<Plan> {
    let library = state.actions.with_untracked(Loaded::ready)?;
    let (id, importance) = state.current.with_untracked(|a| a.as_ref().map(|a| (a.id.clone(), a.importance.clone())))?;
    let bench = d.bench.get_untracked();
    let lang = state.lang.get_untracked();
    let series = untrack(|| state.series());
    let previous = progress::previous(&series, &id).and_then(|a| a.plan.as_ref());
    let basis = Basis { benchmark: bench.as_deref(), importance: Some(&importance), previous };
    d.scores.with_untracked(|s| s.as_ref().map(|s| propose(&d.bank(), &library, s, basis, lang, &browser::now())))
}

#[component]
pub fn PlanPage(id: String, bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let b = bank.clone();
    if !state.current.with_untracked(|a| a.as_ref().is_some_and(|a| a.is_complete(&b))) {
        return view! { <Incomplete id title=Msg::PlanTitle/> }.into_any();
    }
    let d = Derived::new(state, bank.clone());
    state.ensure_actions();
    let name = move || state.current.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    // A memo: the editor below must not be rebuilt (losing focus) on every keystroke.
    let has_plan = Memo::new(move |_| state.current.with(|a| a.as_ref().is_some_and(|a| a.plan.is_some())));
    let results = Route::Assessment { id, page: AssessmentPage::Results }.href();
    let create = move |_| {
        if let Some(plan) = make_proposal(state, d) {
            let n = plan.items.len();
            state.edit(|a, _| a.plan = Some(plan));
            state.notify(state.lang.get_untracked().fmt(Msg::PlanProposed, &[("n", &n)]));
        }
    };
    let recompute = Callback::new(move |()| {
        let Some(fresh) = make_proposal(state, d) else { return };
        state.edit(|a, now| match a.plan.as_mut() {
            Some(plan) => plan.recompute(fresh, now),
            None => a.plan = Some(fresh),
        });
        state.notify(state.t(Msg::PlanRecomputed));
    });
    view! {
        <h1 tabindex="-1">{move || state.lang.get().fmt(Msg::PlanTitleFor, &[("name", &name())])}</h1>
        <p class="disclaimer">{move || state.t(Msg::ResultsSelfAssessment)}</p>
        <Provenance d/>
        <p class="lead">{move || state.t(Msg::PlanIntro)}</p>
        <LastYearPlan/>
        <ImportanceSettings bank/>
        {move || if has_plan.get() {
            view! {
                <div class="toolbar no-print">
                    <ConfirmButton label=Signal::derive(move || state.t(Msg::PlanRecompute).to_owned())
                        question=Signal::derive(move || state.t(Msg::PlanRecomputeConfirm).to_owned()) on_confirm=recompute/>
                </div>
                <PlanBasis d/>
                <PlanItems d/>
                <AddOwn/>
            }.into_any()
        } else {
            view! {
                <p><button type="button" class="primary big" on:click=create disabled=move || state.library().is_none()>{state.t(Msg::PlanCreate)}</button></p>
                <LibraryState/>
            }.into_any()
        }}
        <PlanImport/>
        <super::share::ShareWithCluster/>
        <div class="pager no-print">
            <a class="button" href=results>{move || state.t(Msg::PlanToResults)}</a>
        </div>
        <ExportBar d/>
    }
    .into_any()
}

/// Which benchmark the plan was proposed against; a warning when another one is active.
#[component]
fn PlanBasis(d: Derived) -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let bench = d.bench.get();
        let (basis, changed) = state.current.with(|a| {
            let plan = a.as_ref().and_then(|a| a.plan.as_ref())?;
            Some(plan_basis(plan, bench.as_deref().map(|b| b.meta()), lang))
        })?;
        Some(view! {
            {basis.map(|b| view! { <p class="muted small" data-testid="plan-basis">{b}</p> })}
            {changed.map(|c| view! { <p class="note" role="status" data-testid="plan-basis-changed">{c}</p> })}
        })
    }
}

/// Last year's plan, reviewed at this year's assessment: each accepted action's status,
/// the value its KPI reached and a note, saved in last year's record.
#[component]
fn LastYearPlan() -> impl IntoView {
    let state = use_state();
    let previous = Memo::new(move |_| {
        let id = state.current.with(|a| a.as_ref().map(|a| a.id.clone()))?;
        progress::previous(&state.series(), &id).filter(|a| a.plan.is_some()).cloned()
    });
    move || {
        let last = previous.get()?;
        let plan = last.plan.clone()?;
        let id = StoredValue::new(last.id.clone());
        let lang = state.lang.get();
        let items = plan.accepted().cloned().collect::<Vec<_>>();
        Some(view! {
            <section class="last-year" aria-labelledby="last-year-title" data-testid="last-year-plan">
                <h2 id="last-year-title">{lang.t(Msg::ProgressReviewTitle)}</h2>
                <p class="muted">{lang.t(Msg::ProgressReviewIntro)}</p>
                <ul class="plan-items">
                    {items.into_iter().map(|item| view! { <ReviewedItem record=id.get_value() item lang/> }).collect_view()}
                </ul>
            </section>
        })
    }
}

/// One action of last year's plan under review.
#[component]
fn ReviewedItem(record: String, item: PlanItem, lang: Lang) -> impl IntoView {
    let state = use_state();
    let (record, key) = (StoredValue::new(record), StoredValue::new(item.id.clone()));
    let change = move |f: Box<dyn FnOnce(&mut PlanItem)>| {
        state.edit_stored(&record.read_value(), |a| {
            if let Some(i) = a.plan.as_mut().and_then(|p| p.items.iter_mut().find(|i| i.id == *key.read_value())) {
                f(i);
            }
        })
    };
    let dom = |name: &str| format!("review-{name}-{}", item.id);
    let kpi = (!item.kpi.is_empty()).then(|| format!("{} ({} → {})", item.kpi, item.kpi_baseline, item.kpi_target));
    view! {
        <li class="plan-item reviewed">
            <h3>{item.title.clone()}</h3>
            {kpi.map(|k| view! { <p class="small">{lang.t(Msg::ExportKpi)} ": " {k}</p> })}
            <div class="plan-fields">
                <div class="field">
                    <label for=dom("status")>{lang.t(Msg::ExportStatus)}</label>
                    <select id=dom("status") on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let chosen = Status::ALL.into_iter().find(|s| status_key(*s) == value).unwrap_or_default();
                        change(Box::new(move |i| i.status = chosen));
                    }>
                        {Status::ALL.into_iter().map(|s| view! { <option value=status_key(s) selected=item.status == s>{status_name(s, lang)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=dom("actual")>{lang.t(Msg::ProgressKpiActual)}</label>
                    <input id=dom("actual") type="text" maxlength="300" prop:value=item.kpi_actual.clone()
                        on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |i| i.kpi_actual = v)); }/>
                </div>
                <div class="field wide">
                    <label for=dom("note")>{lang.t(Msg::ProgressNote)}</label>
                    <input id=dom("note") type="text" maxlength="300" prop:value=item.review_note.clone()
                        on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |i| i.review_note = v)); }/>
                </div>
            </div>
        </li>
    }
}

/// While the action library loads (or if it cannot), says so.
#[component]
fn LibraryState() -> impl IntoView {
    let state = use_state();
    move || match state.actions.get() {
        Loaded::NotLoaded | Loaded::Loading => Some(view! { <p class="muted" role="status">{state.t(Msg::PlanActionsLoading)}</p> }.into_any()),
        Loaded::Failed(p) => {
            Some(view! { <div class="error-box" role="alert"><p>{state.t(Msg::PlanActionsFailed)}</p><ProblemList problems=p/></div> }.into_any())
        }
        Loaded::Ready(_) => None,
    }
}

/// Merges a plan file into this plan: nothing already in it is overwritten.
#[component]
fn PlanImport() -> impl IntoView {
    let state = use_state();
    let problems = RwSignal::new(Vec::<Problem>::new());
    let on_import = Callback::new(move |picked: Vec<Result<PickedFile, Problem>>| {
        let lang = state.lang.get_untracked();
        let mut found = Vec::new();
        for file in picked {
            match file.map_err(|p| vec![p]).and_then(|f| files::plan_file(&f.name, &f.bytes)) {
                Err(mut p) => found.append(&mut p),
                Ok(pf) => {
                    let mut report = None;
                    state.edit(|a, now| {
                        let plan = a.plan.get_or_insert_with(|| Plan { created_at: now.to_owned(), updated_at: now.to_owned(), ..Plan::default() });
                        report = Some(plan.merge(pf.body.plan, now));
                    });
                    if let Some(r) = report {
                        state.notify(lang.fmt(Msg::PlanImported, &[("added", &r.added), ("same", &r.unchanged), ("kept", &r.kept)]));
                    }
                }
            }
        }
        problems.set(found);
    });
    view! {
        <div class="toolbar no-print">
            <FilePicker id="import-plan" label=Signal::derive(move || state.t(Msg::PlanImport).to_owned())
                accept=".json,application/json" limit=MAX_ASSESSMENT_FILE on_files=on_import/>
        </div>
        <ErrorBox problems=problems.into()/>
    }
}

#[component]
fn ImportanceSettings(bank: Arc<Bank>) -> impl IntoView {
    let state = use_state();
    let fields = bank
        .scored_sections()
        .map(|(_, s)| {
            let dim = StoredValue::new(s.id.clone());
            let title = s.title.clone();
            let select_id = format!("importance-{}", s.id);
            let current = move || state.current.with(|a| a.as_ref().map(|a| a.importance_of(&dim.read_value())).unwrap_or_default());
            let on_change = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                let chosen = Importance::ALL.into_iter().find(|i| importance_key(*i) == value).unwrap_or_default();
                state.edit(|a, _| {
                    a.importance.insert(dim.get_value(), chosen);
                });
            };
            view! {
                <div class="field">
                    <label for=select_id.clone()>{move || title.get(state.lang.get()).to_owned()}</label>
                    <select id=select_id on:change=on_change>
                        {Importance::ALL.into_iter().map(|i| view! {
                            <option value=importance_key(i) selected=move || current() == i>{move || state.t(importance_msg(i))}</option>
                        }).collect_view()}
                    </select>
                </div>
            }
        })
        .collect_view();
    view! {
        <details class="importance no-print">
            <summary>{move || state.t(Msg::PlanImportanceTitle)}</summary>
            <p class="muted">{move || state.t(Msg::PlanImportanceIntro)}</p>
            <div class="importance-grid">{fields}</div>
        </details>
    }
}

/// Changes one plan item (the edit stamps the plan and the assessment).
fn edit_item(state: AppState, id: &str, change: impl FnOnce(&mut PlanItem)) {
    state.edit(|a, _| {
        if let Some(item) = a.plan.as_mut().and_then(|p| p.items.iter_mut().find(|i| i.id == id)) {
            change(item);
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
            let count = |t: Tier| accepted.iter().filter(|i| i.tier == t).count();
            Some(state.lang.get().fmt(
                Msg::PlanSummary,
                &[("n", &accepted.len()), ("quick", &count(Tier::QuickWin)), ("strategic", &count(Tier::Strategic)), ("own", &count(Tier::Own))],
            ))
        })
    };
    view! {
        <p class="plan-summary" role="status">{summary}</p>
        <ol class="plan-items">
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <PlanItemCard id=id d/>
            </For>
        </ol>
    }
}

#[component]
fn PlanItemCard(id: String, d: Derived) -> impl IntoView {
    let state = use_state();
    let key = StoredValue::new(id);
    let item = Memo::new(move |_| {
        state.current.with(|a| a.as_ref().and_then(|a| a.plan.as_ref()).and_then(|p| p.items.iter().find(|i| i.id == *key.read_value()).cloned()))
    });
    let why = move || {
        let lang = state.lang.get();
        item.with(|i| i.as_ref().and_then(|i| d.with_report(state, lang, |r| r.why(i))))
    };
    let services = move || {
        let namer = service_namer(state, state.lang.get());
        item.with(|i| i.as_ref().map(|i| i.services.iter().map(|s| namer(s)).collect::<Vec<_>>().join(" · ")).unwrap_or_default())
    };
    let accepted = move || item.with(|i| i.as_ref().is_some_and(|i| i.accepted));
    let tier = move || item.with(|i| i.as_ref().map(|i| i.tier));
    let status = move || item.with(|i| i.as_ref().map(|i| i.status).unwrap_or_default());
    let delete = Callback::new(move |()| state.edit(|a, _| a.plan.iter_mut().for_each(|p| p.remove(&key.read_value()))));
    view! {
        <li class="plan-item" class:dropped=move || !accepted()>
            <div class="plan-head">
                <h3>{move || item.with(|i| i.as_ref().map(|i| i.title.clone()).unwrap_or_default())}</h3>
                <span class="tag">{move || tier().map(|t| tier_name(t, state.lang.get())).unwrap_or_default()}</span>
                <span class=move || status_class(status())>{move || status_name(status(), state.lang.get())}</span>
            </div>
            {move || (!accepted()).then(|| view! { <p class="muted">{state.t(Msg::PlanDroppedNote)}</p> })}
            <p class="why"><strong>{move || state.t(Msg::PlanWhyLabel)}</strong> " " {why}</p>
            {move || { let s = services(); (!s.is_empty()).then(|| view! { <p class="services"><strong>{state.t(Msg::ExportServices)} ": "</strong>{s}</p> }) }}
            {move || item.with(|i| i.as_ref().filter(|i| !i.description.is_empty()).map(|i| {
                let text = i.description.clone();
                view! { <details><summary>{state.t(Msg::PlanDetails)}</summary><p>{text}</p></details> }
            }))}
            <ItemFields id=key.get_value() item/>
            <div class="toolbar">
                <button type="button" on:click=move |_| { let keep = !accepted(); edit_item(state, &key.read_value(), |i| i.accepted = keep) }>
                    {move || if accepted() { state.t(Msg::PlanDrop) } else { state.t(Msg::PlanRestore) }}
                </button>
                {move || (tier() == Some(Tier::Own)).then(|| view! {
                    <ConfirmButton label=Signal::derive(move || state.t(Msg::HomeDelete).to_owned())
                        question=Signal::derive(move || state.t(Msg::PlanDeleteConfirm).to_owned()) on_confirm=delete/>
                })}
            </div>
        </li>
    }
}

/// The editable fields of one item: title, owner, dates, status, KPI.
#[component]
fn ItemFields(id: String, item: Memo<Option<PlanItem>>) -> impl IntoView {
    let state = use_state();
    let key = StoredValue::new(id.clone());
    let text = move |label: Msg, name: &'static str, read: fn(&PlanItem) -> String, write: fn(&mut PlanItem, String)| {
        view! { <ItemField id=key.get_value() item label name kind="text" read write/> }
    };
    let date = move |label: Msg, name: &'static str, read: fn(&PlanItem) -> String, write: fn(&mut PlanItem, String)| {
        view! { <ItemField id=key.get_value() item label name kind="date" read write/> }
    };
    let status_id = format!("status-{id}");
    let status = move || item.with(|i| i.as_ref().map(|i| i.status).unwrap_or_default());
    view! {
        <div class="plan-fields">
            {text(Msg::ExportAction, "title", |i| i.title.clone(), |i, v| i.title = v)}
            {text(Msg::ExportOwner, "owner", |i| i.owner.clone(), |i, v| i.owner = v)}
            {date(Msg::ExportStart, "start", |i| i.start.clone(), |i, v| if is_date_or_empty(&v) { i.start = v })}
            {date(Msg::ExportDue, "due", |i| i.due.clone(), |i, v| if is_date_or_empty(&v) { i.due = v })}
            <div class="field">
                <label for=status_id.clone()>{move || state.t(Msg::ExportStatus)}</label>
                <select id=status_id on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let chosen = Status::ALL.into_iter().find(|s| status_key(*s) == value).unwrap_or_default();
                    edit_item(state, &key.read_value(), |i| i.status = chosen);
                }>
                    {Status::ALL.into_iter().map(|s| view! {
                        <option value=status_key(s) selected=move || status() == s>{move || status_name(s, state.lang.get())}</option>
                    }).collect_view()}
                </select>
            </div>
            {text(Msg::ExportKpi, "kpi", |i| i.kpi.clone(), |i, v| i.kpi = v)}
            {text(Msg::ExportBaseline, "baseline", |i| i.kpi_baseline.clone(), |i, v| i.kpi_baseline = v)}
            {text(Msg::ExportTarget, "target", |i| i.kpi_target.clone(), |i, v| i.kpi_target = v)}
        </div>
    }
}

/// One labelled field of a plan item.
#[component]
fn ItemField(
    id: String,
    item: Memo<Option<PlanItem>>,
    label: Msg,
    name: &'static str,
    kind: &'static str,
    read: fn(&PlanItem) -> String,
    write: fn(&mut PlanItem, String),
) -> impl IntoView {
    let state = use_state();
    let input_id = format!("{name}-{id}");
    let key = StoredValue::new(id);
    let value = move || item.with(|i| i.as_ref().map(read).unwrap_or_default());
    let save = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        edit_item(state, &key.read_value(), |i| write(i, v));
    };
    // Dates are saved on `change` (a whole date entered or cleared): while a date is half
    // typed the input's value is empty, and saving that would wipe the field.
    let input = if kind == "date" {
        view! { <input id=input_id.clone() type="date" prop:value=value on:change=save/> }.into_any()
    } else {
        view! { <input id=input_id.clone() type=kind maxlength="300" prop:value=value on:input=save/> }.into_any()
    };
    // The action and its indicator are sentences: they take a whole row.
    let wide = matches!(name, "title" | "kpi");
    view! {
        <div class="field" class:wide=wide>
            <label for=input_id>{move || state.t(label)}</label>
            {input}
        </div>
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
            a.plan.get_or_insert_with(Plan::default).add_own(text, now);
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
