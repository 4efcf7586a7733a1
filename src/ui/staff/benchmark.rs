//! Staff: build a real benchmark from many assessment files (aggregates only, min-n
//! enforced, no ids or answers), or load a benchmark file; make it the active one.

use super::StaffNav;
use crate::assessment::files::{intake, Intake, MAX_ASSESSMENT_FILE};
use crate::assessment::record::Assessment;
use crate::assessment::report::provenance_line;
use crate::assessment::share::{latest_per_company, Share};
use crate::benchmark::reliability::{reliability, MIN_RELIABILITY_N};
use crate::benchmark::{self, Benchmark, BuildInfo, Company, MAX_BENCHMARK_FILE, MIN_GROUP};
use crate::content::bank::Bank;
use crate::kernel::i18n::{Lang, Localized, Msg};
use crate::kernel::problem::Problem;
use crate::ui::browser::{self, PickedFile};
use crate::ui::state::{use_state, BenchState};
use crate::ui::widgets::{ErrorBox, FilePicker, ProblemList};
use leptos::prelude::*;

/// A benchmark ready to download or activate: its JSON and the validated value.
#[derive(Clone, PartialEq)]
pub(super) struct Candidate {
    json: String,
    benchmark: Benchmark,
}

#[component]
pub fn StaffBenchmark() -> impl IntoView {
    let state = use_state();
    state.ensure_benchmark();
    view! {
        <StaffNav/>
        <h1 tabindex="-1">{move || state.t(Msg::StaffBenchTitle)}</h1>
        <ActiveBenchmark/>
        <Builder/>
        <Loader/>
        <Reliability/>
    }
}

#[component]
fn ActiveBenchmark() -> impl IntoView {
    let state = use_state();
    view! {
        <section aria-labelledby="active-title">
            <h2 id="active-title">{move || state.t(Msg::StaffBenchActive)}</h2>
            {move || match state.benchmark.get() {
                BenchState::Ready(b) => view! { <p class="provenance" class:synthetic=b.meta().synthetic data-testid="active-benchmark">{provenance_line(b.meta(), state.lang.get())}</p> }.into_any(),
                BenchState::Failed(p) => view! { <div class="error-box" role="alert"><ProblemList problems=p/></div> }.into_any(),
                BenchState::NotLoaded | BenchState::Loading => view! { <p class="muted">{state.t(Msg::ResultsBenchLoading)}</p> }.into_any(),
            }}
            {move || state.has_own_benchmark().then(|| view! {
                <button type="button" on:click=move |_| { state.reset_benchmark(); state.notify(state.t(Msg::StaffBenchReset)); }>
                    {state.t(Msg::StaffBenchUseBundled)}
                </button>
            })}
        </section>
    }
}

/// Builds a benchmark from the accepted companies (assessment files or members' shared
/// results), checked by its own validator.
pub(super) fn build_candidate<C: Company>(bank: &Bank, accepted: &[C], label: &str, lang: Lang) -> Result<Candidate, Vec<Problem>> {
    let label = if label.trim().is_empty() { lang.t(Msg::StaffBenchDefaultName).to_owned() } else { label.trim().to_owned() };
    let today = browser::today();
    let provenance =
        Localized(Lang::all().map(|l| (l.code().to_owned(), l.fmt(Msg::StaffBenchProvenance, &[("n", &accepted.len()), ("date", &l.date(&today))]))).collect());
    let info = BuildInfo {
        name: Localized::same(&label),
        provenance,
        synthetic: false,
        method: "Faro benchmark aggregation v1 (METHOD.md §4–§7)".into(),
        created_at: today,
        generator: None,
    };
    let json = benchmark::to_json(&benchmark::build(bank, accepted, info));
    Benchmark::from_json("benchmark.json", json.as_bytes()).map(|benchmark| Candidate { json, benchmark })
}

#[component]
fn Builder() -> impl IntoView {
    let state = use_state();
    let report = RwSignal::new(Vec::<(String, Intake)>::new());
    let accepted = RwSignal::new(Vec::<Assessment>::new());
    let name = RwSignal::new(String::new());
    let built = RwSignal::new(None::<Candidate>);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let on_files = Callback::new(move |files: Vec<Result<PickedFile, Problem>>| {
        let bank = state.content().innovation.clone();
        let (read, unread): (Vec<_>, Vec<_>) = files.into_iter().partition(Result::is_ok);
        let inputs: Vec<(String, Vec<u8>)> = read.into_iter().flatten().map(|f| (f.name, f.bytes)).collect();
        let (ok, mut rows) = intake(&bank, &inputs);
        rows.extend(unread.into_iter().filter_map(Result::err).map(|p| (p.file.clone(), Intake::Rejected(vec![p]))));
        accepted.set(ok);
        report.set(rows);
        built.set(None);
    });
    let build = move |_| match build_candidate(&state.content().innovation, &accepted.get_untracked(), &name.get_untracked(), state.lang.get_untracked()) {
        Ok(c) => built.set(Some(c)),
        Err(p) => problems.set(p),
    };
    view! {
        <section aria-labelledby="build-title">
            <h2 id="build-title">{move || state.t(Msg::StaffBenchBuildTitle)}</h2>
            <p>{move || state.t(Msg::StaffBenchBuildIntro)}</p>
            <FilePicker id="benchmark-inputs" label=Signal::derive(move || state.t(Msg::StaffBenchPick).to_owned())
                accept=".json,application/json" multiple=true limit=MAX_ASSESSMENT_FILE on_files=on_files/>
            <IntakeReport rows=report.into()/>
            <div class="field">
                <label for="bench-name">{move || state.t(Msg::StaffBenchName)}</label>
                <input id="bench-name" type="text" maxlength="120" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <p>
                <button type="button" class="primary" disabled=move || accepted.with(|a| a.len() < MIN_GROUP as usize) on:click=build>
                    {move || state.t(Msg::StaffBenchBuild)}
                </button>
                " "
                <span class="muted">{move || state.lang.get().fmt(Msg::StaffBenchMinN, &[("n", &MIN_GROUP)])}</span>
            </p>
            <ErrorBox problems=problems.into()/>
            {move || built.get().map(|c| view! { <CandidateView c/> })}
        </section>
    }
}

/// What the builder did with each file.
#[component]
fn IntakeReport(rows: Signal<Vec<(String, Intake)>>) -> impl IntoView {
    let state = use_state();
    move || {
        let rows = rows.get();
        (!rows.is_empty()).then(|| {
            let lang = state.lang.get();
            let ok = rows.iter().filter(|(_, r)| *r == Intake::Accepted).count();
            let dup = rows.iter().filter(|(_, r)| *r == Intake::Duplicate).count();
            let bad = rows.len() - ok - dup;
            view! {
                <p role="status" data-testid="intake-summary">{lang.fmt(Msg::StaffBenchIntake, &[("ok", &ok), ("dup", &dup), ("bad", &bad)])}</p>
                <div class="table-scroll" tabindex="0">
                <table class="intake">
                    <thead><tr><th scope="col">{lang.t(Msg::StaffFile)}</th><th scope="col">{lang.t(Msg::StaffOutcome)}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(file, outcome)| {
                            let (text, problems, class) = match outcome {
                                Intake::Accepted => (lang.t(Msg::StaffAccepted), Vec::new(), "ok"),
                                Intake::Duplicate => (lang.t(Msg::StaffDuplicate), Vec::new(), "muted"),
                                Intake::Rejected(p) => (lang.t(Msg::StaffRejected), p, "bad"),
                            };
                            view! { <tr><td>{file}</td><td class=class>{text}{(!problems.is_empty()).then(|| view! { <ProblemList problems/> })}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            }
        })
    }
}

/// A built or loaded benchmark: what it holds, download, make active.
#[component]
pub(super) fn CandidateView(c: Candidate) -> impl IntoView {
    let state = use_state();
    let c = StoredValue::new(c);
    let lang = state.lang.get_untracked();
    let (provenance, summary, left_out) = c.with_value(|c| {
        let meta = c.benchmark.meta();
        let groups = c.benchmark.groups().count();
        let left_out = (meta.left_out > 0).then(|| lang.fmt(Msg::StaffBenchLeftOut, &[("companies", &meta.left_out), ("scores", &meta.left_out_scores)]));
        (provenance_line(meta, lang), lang.fmt(Msg::StaffBenchSummary, &[("n", &meta.total_n), ("groups", &groups)]), left_out)
    });
    view! {
        <div class="candidate" data-testid="benchmark-candidate">
            <p>{provenance}</p>
            <p>{summary}</p>
            {left_out.map(|l| view! { <p class="note" data-testid="benchmark-left-out">{l}</p> })}
            <div class="toolbar">
                <button type="button" on:click=move |_| c.with_value(|c| state.deliver(&format!("faro-benchmark-{}.json", browser::today()), "application/json", c.json.as_bytes()))>
                    {move || state.t(Msg::StaffBenchDownload)}
                </button>
                <button type="button" class="primary" on:click=move |_| {
                    c.with_value(|c| state.activate_benchmark(&c.json, c.benchmark.clone()));
                    state.notify(state.t(Msg::StaffBenchActivated));
                }>{move || state.t(Msg::StaffBenchActivate)}</button>
            </div>
        </div>
    }
}

/// Loading a benchmark file made elsewhere.
#[component]
fn Loader() -> impl IntoView {
    let state = use_state();
    let loaded = RwSignal::new(None::<Candidate>);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let on_load = Callback::new(move |files: Vec<Result<PickedFile, Problem>>| {
        let Some(file) = files.into_iter().next() else { return };
        let result = file.map_err(|p| vec![p]).and_then(|f| {
            Benchmark::from_json(&f.name, &f.bytes)
                .map(|b| Candidate { json: String::from_utf8_lossy(f.bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&f.bytes)).into_owned(), benchmark: b })
        });
        match result {
            Ok(c) => {
                problems.set(Vec::new());
                loaded.set(Some(c));
            }
            Err(p) => {
                loaded.set(None);
                problems.set(p);
            }
        }
    });
    view! {
        <section aria-labelledby="load-title">
            <h2 id="load-title">{move || state.t(Msg::StaffBenchLoadTitle)}</h2>
            <FilePicker id="benchmark-file" label=Signal::derive(move || state.t(Msg::StaffBenchLoad).to_owned())
                accept=".json,application/json" limit=MAX_BENCHMARK_FILE on_files=on_load/>
            <ErrorBox problems=problems.into()/>
            {move || loaded.get().map(|c| view! { <CandidateView c/> })}
        </section>
    }
}

/// The questionnaire's reliability from the members' shared answer levels: α per
/// dimension and each question's item–rest correlation, from a stated minimum n.
#[component]
fn Reliability() -> impl IntoView {
    let state = use_state();
    view! {
        <section aria-labelledby="reliability-title">
            <h2 id="reliability-title">{move || state.t(Msg::ReliabilityTitle)}</h2>
            <p>{move || state.lang.get().fmt(Msg::ReliabilityIntro, &[("n", &MIN_RELIABILITY_N)])}</p>
            {move || {
                let lang = state.lang.get();
                let bank = state.content().innovation.clone();
                let rows = state.shares.with(|all| {
                    let latest: Vec<Share> = latest_per_company(all, None).into_iter().filter(|s| s.levels.is_some()).cloned().collect();
                    reliability(&bank, &latest)
                });
                let number = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| lang.number(v, 2));
                view! {
                    <div class="table-scroll" tabindex="0">
                        <table class="reliability" data-testid="reliability">
                            <thead><tr>
                                <th scope="col">{lang.t(Msg::ResultsDimension)}</th>
                                <th scope="col" class="num">"n"</th>
                                <th scope="col" class="num">"α"</th>
                                <th scope="col">{lang.t(Msg::ReliabilityItemRest)}</th>
                            </tr></thead>
                            <tbody>{rows.into_iter().map(|r| {
                                let title = bank.sections().iter().find(|s| s.id == r.dimension).map(|s| s.title.get(lang).to_owned()).unwrap_or_default();
                                let items = r.item_rest.iter().map(|(id, v)| format!("{id} {}", number(*v))).collect::<Vec<_>>().join(" · ");
                                view! { <tr><th scope="row">{title}</th><td class="num">{r.n}</td><td class="num">{number(r.alpha)}</td><td class="small">{items}</td></tr> }
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                }
            }}
        </section>
    }
}
