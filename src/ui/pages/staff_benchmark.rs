//! Staff: build a real benchmark from many assessment files (aggregates only, min-n
//! enforced, no ids or answers), or load a benchmark file; make it the active one.

use crate::benchmark::{self, Benchmark, BuildInfo, Intake, MAX_BENCHMARK_FILE};
use crate::export::provenance_line;
use crate::i18n::{Localized, Msg};
use crate::problem::Problem;
use crate::ui::browser;
use crate::ui::components::{FilePicker, ProblemList};
use crate::ui::state::{use_state, AppState, BenchState, ACTIVE_BENCHMARK_KEY};
use leptos::prelude::*;

/// A benchmark ready to download or activate: its JSON and the validated value.
#[derive(Clone, PartialEq)]
struct Candidate {
    json: String,
    benchmark: Benchmark,
}

fn activate(state: AppState, c: &Candidate) {
    state.activate_benchmark(&c.json, c.benchmark.clone());
    state.notify(state.t(Msg::StaffBenchActivated));
}

#[component]
pub fn StaffBenchmark() -> impl IntoView {
    let state = use_state();
    state.ensure_benchmark();
    let custom_active = move || {
        let _ = state.benchmark.get();
        browser::with_storage(|s| s.get(ACTIVE_BENCHMARK_KEY)).is_some()
    };

    // Loading a file.
    let loaded = RwSignal::new(None::<Candidate>);
    let load_problems = RwSignal::new(Vec::<Problem>::new());
    let on_load = Callback::new(move |files: Vec<(browser::PickedFile, usize)>| {
        let Some((file, size)) = files.into_iter().next() else { return };
        if file.bytes.is_empty() && size > MAX_BENCHMARK_FILE {
            load_problems.set(vec![Problem::new(&file.name, crate::problem::ProblemKind::TooLarge { size, limit: MAX_BENCHMARK_FILE })]);
            return;
        }
        match Benchmark::from_json(&file.name, &file.bytes) {
            Ok(b) => {
                load_problems.set(Vec::new());
                loaded.set(Some(Candidate { json: String::from_utf8_lossy(&file.bytes).into_owned(), benchmark: b }));
            }
            Err(p) => {
                loaded.set(None);
                load_problems.set(p);
            }
        }
    });

    // Building from assessment files.
    let report = RwSignal::new(Vec::<(String, Intake)>::new());
    let accepted = RwSignal::new(Vec::new());
    let name = RwSignal::new(String::new());
    let built = RwSignal::new(None::<Candidate>);
    let on_files = Callback::new(move |files: Vec<(browser::PickedFile, usize)>| {
        let content = state.content();
        let inputs: Vec<(String, Vec<u8>)> = files.into_iter().map(|(f, _)| (f.name, f.bytes)).collect();
        let (ok, rep) = benchmark::intake(&content.innovation, &inputs);
        accepted.set(ok);
        report.set(rep);
        built.set(None);
    });
    let build = move |_| {
        let content = state.content();
        let list = accepted.get_untracked();
        let label = name.get_untracked().trim().to_owned();
        let label = if label.is_empty() { state.t(Msg::StaffBenchDefaultName).to_owned() } else { label };
        let today = browser::today();
        let provenance = Localized(
            crate::i18n::Lang::all().map(|l| (l.code().to_owned(), l.fmt(Msg::StaffBenchProvenance, &[("n", &list.len()), ("date", &today)]))).collect(),
        );
        let file = benchmark::build(
            &content.innovation,
            &list,
            BuildInfo {
                name: Localized::same(&label),
                provenance,
                synthetic: false,
                method: "Faro benchmark aggregation v1 (METHOD.md §4–§7)".into(),
                created_at: today,
                generator: None,
            },
        );
        let json = benchmark::to_json(&file);
        match Benchmark::from_json("benchmark.json", json.as_bytes()) {
            Ok(b) => built.set(Some(Candidate { json, benchmark: b })),
            Err(p) => load_problems.set(p),
        }
    };

    let candidate_view = move |c: Candidate| {
        let lang = state.lang.get();
        let groups = c.benchmark.groups().count();
        let c2 = c.clone();
        view! {
            <div class="candidate" data-testid="benchmark-candidate">
                <p>{provenance_line(c.benchmark.meta(), lang)}</p>
                <p>{lang.fmt(Msg::StaffBenchSummary, &[("n", &c.benchmark.meta().total_n), ("groups", &groups)])}</p>
                <div class="toolbar">
                    <button type="button" on:click=move |_| {
                        let name = format!("faro-benchmark-{}.json", browser::today());
                        if browser::download(&name, "application/json", c.json.as_bytes()).is_ok() {
                            state.notify(state.lang.get_untracked().fmt(Msg::HomeExported, &[("file", &name)]));
                        }
                    }>{lang.t(Msg::StaffBenchDownload)}</button>
                    <button type="button" class="primary" on:click=move |_| activate(state, &c2)>{lang.t(Msg::StaffBenchActivate)}</button>
                </div>
            </div>
        }
    };

    view! {
        <super::staff::StaffNav/>
        <h1 tabindex="-1">{move || state.t(Msg::StaffBenchTitle)}</h1>
        <section aria-labelledby="active-title">
            <h2 id="active-title">{move || state.t(Msg::StaffBenchActive)}</h2>
            {move || match state.benchmark.get() {
                BenchState::Ready(b) => view! { <p class="provenance" class:synthetic=b.meta().synthetic data-testid="active-benchmark">{provenance_line(b.meta(), state.lang.get())}</p> }.into_any(),
                BenchState::Failed(p) => view! { <div class="error-box" role="alert"><ProblemList problems=p/></div> }.into_any(),
                _ => view! { <p class="muted">{state.t(Msg::RBenchLoading)}</p> }.into_any(),
            }}
            {move || custom_active().then(|| view! {
                <button type="button" on:click=move |_| { state.reset_benchmark(); state.notify(state.t(Msg::StaffBenchReset)); }>
                    {state.t(Msg::StaffBenchUseBundled)}
                </button>
            })}
        </section>

        <section aria-labelledby="build-title">
            <h2 id="build-title">{move || state.t(Msg::StaffBenchBuildTitle)}</h2>
            <p>{move || state.t(Msg::StaffBenchBuildIntro)}</p>
            <FilePicker id="benchmark-inputs" label=Signal::derive(move || state.t(Msg::StaffBenchPick).to_owned())
                accept=".json,application/json" multiple=true limit=crate::import::MAX_ASSESSMENT_FILE on_files=on_files/>
            {move || {
                let rows = report.get();
                (!rows.is_empty()).then(|| {
                    let lang = state.lang.get();
                    let ok = rows.iter().filter(|(_, r)| *r == Intake::Accepted).count();
                    let dup = rows.iter().filter(|(_, r)| *r == Intake::Duplicate).count();
                    let bad = rows.len() - ok - dup;
                    view! {
                        <p role="status" data-testid="intake-summary">{lang.fmt(Msg::StaffBenchIntake, &[("ok", &ok), ("dup", &dup), ("bad", &bad)])}</p>
                        <table class="intake">
                            <thead><tr><th scope="col">{lang.t(Msg::StaffFile)}</th><th scope="col">{lang.t(Msg::StaffOutcome)}</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(file, outcome)| {
                                    let (text, problems, class) = match outcome {
                                        Intake::Accepted => (lang.t(Msg::StaffAccepted), Vec::new(), "ok"),
                                        Intake::Duplicate => (lang.t(Msg::StaffDuplicate), Vec::new(), "muted"),
                                        Intake::Rejected(p) => (lang.t(Msg::StaffRejected), p, "bad"),
                                    };
                                    view! {
                                        <tr>
                                            <td>{file}</td>
                                            <td class=class>{text}{(!problems.is_empty()).then(|| view! { <ProblemList problems=problems/> })}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                })
            }}
            <div class="field">
                <label for="bench-name">{move || state.t(Msg::StaffBenchName)}</label>
                <input id="bench-name" type="text" maxlength="120" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <p>
                <button type="button" class="primary" disabled=move || accepted.with(|a| a.len() < benchmark::MIN_GROUP as usize) on:click=build>
                    {move || state.t(Msg::StaffBenchBuild)}
                </button>
                " "
                <span class="muted">{move || state.lang.get().fmt(Msg::StaffBenchMinN, &[("n", &benchmark::MIN_GROUP)])}</span>
            </p>
            {move || built.get().map(candidate_view.clone())}
        </section>

        <section aria-labelledby="load-title">
            <h2 id="load-title">{move || state.t(Msg::StaffBenchLoadTitle)}</h2>
            <FilePicker id="benchmark-file" label=Signal::derive(move || state.t(Msg::StaffBenchLoad).to_owned())
                accept=".json,application/json" limit=MAX_BENCHMARK_FILE on_files=on_load/>
            {move || {
                let p = load_problems.get();
                (!p.is_empty()).then(|| view! { <div class="error-box" role="alert"><ProblemList problems=p/></div> })
            }}
            {move || loaded.get().map(candidate_view.clone())}
        </section>
    }
}
