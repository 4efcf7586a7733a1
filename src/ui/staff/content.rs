//! Staff: check content files (question banks, action library, service catalogue,
//! benchmark) with every problem located by line and field, and use them on this device
//! instead of the bundled ones. TOML is read by the tools worker.

use super::StaffNav;
use crate::assessment::report::provenance_line;
use crate::benchmark::Benchmark;
use crate::content::actions::Library;
use crate::content::bank::Bank;
use crate::content::catalogue::Catalogue;
use crate::content::themes::Codebook;
use crate::content::{Content, Kind};
use crate::format::input::text_of;
use crate::kernel::i18n::{Lang, Msg};
use crate::kernel::problem::{from_json_error, toml_syntax_problem, Found, Problem, ProblemKind, Source};
use crate::tools::TomlReply;
use crate::ui::browser::PickedFile;
use crate::ui::state::use_state;
use crate::ui::tools;
use crate::ui::widgets::{ErrorBox, FilePicker, ProblemList};
use leptos::prelude::*;

/// Largest content file accepted.
const MAX_CONTENT_FILE: usize = 8 * 1024 * 1024;

/// One checked content file.
#[derive(Clone, Debug, PartialEq)]
struct CheckedFile {
    name: String,
    kind: Option<Kind>,
    /// The JSON form (for storing), when the file is valid.
    json: Option<String>,
    summary: String,
    problems: Vec<Problem>,
}

impl CheckedFile {
    fn failed(name: &str, problems: Vec<Problem>) -> CheckedFile {
        CheckedFile { name: name.to_owned(), kind: None, json: None, summary: String::new(), problems }
    }
}

fn kind_msg(kind: Kind) -> Msg {
    match kind {
        Kind::AssessmentBank => Msg::ContentKindAssessment,
        Kind::SurveyBank => Msg::ContentKindSurvey,
        Kind::Catalogue => Msg::ContentKindCatalogue,
        Kind::Actions => Msg::ContentKindActions,
        Kind::Themes => Msg::ContentKindThemes,
        Kind::Benchmark => Msg::ContentKindBenchmark,
    }
}

/// The JSON form of a content file: TOML goes through the tools worker.
async fn json_of(name: &str, text: &str) -> Result<String, Problem> {
    if !name.to_lowercase().ends_with(".toml") {
        return Ok(text.to_owned());
    }
    match tools::toml_to_json(text.to_owned()).await {
        Ok(TomlReply::Json(j)) => Ok(j),
        Ok(TomlReply::Error { line, message }) => Err(toml_syntax_problem(name, line, &message)),
        Err(_) => Err(Problem::new(name, ProblemKind::Unreadable)),
    }
}

/// What a valid file holds, in a sentence; or its problems.
fn summarise(kind: Kind, name: &str, text: &str, json: &str, content: &Content, lang: Lang) -> Result<String, Vec<Problem>> {
    let source = Source { name, text };
    match kind {
        Kind::AssessmentBank | Kind::SurveyBank => Bank::from_json(json, source, Some(&content.catalogue)).map(|b| {
            lang.fmt(
                Msg::ContentBankSummary,
                &[("title", &b.meta().title.get(lang)), ("version", &b.version()), ("n", &b.items().len()), ("sections", &b.sections().len())],
            )
        }),
        Kind::Catalogue => Catalogue::from_json(json, source).map(|c| lang.fmt(Msg::ContentCatalogueSummary, &[("n", &c.services().len())])),
        Kind::Actions => Library::from_json(json, source, &content.innovation, &content.catalogue)
            .map(|l| lang.fmt(Msg::ContentActionsSummary, &[("n", &l.actions().len()), ("bank", &l.meta().bank)])),
        Kind::Themes => {
            Codebook::from_json(json, source).map(|c| lang.fmt(Msg::ContentThemesSummary, &[("n", &c.themes().len()), ("version", &c.meta().version)]))
        }
        Kind::Benchmark => Benchmark::from_json(name, json.as_bytes()).map(|b| provenance_line(b.meta(), lang)),
    }
}

/// Reads and checks one file against the content in use (for references).
async fn check(file: PickedFile, content: &Content, lang: Lang) -> CheckedFile {
    let name = file.name.as_str();
    let text = match text_of(name, &file.bytes, MAX_CONTENT_FILE) {
        Ok(t) => t.to_owned(),
        Err(p) => return CheckedFile::failed(name, vec![p]),
    };
    let json = match json_of(name, &text).await {
        Ok(j) => j,
        Err(p) => return CheckedFile::failed(name, vec![p]),
    };
    let value: serde_json::Value = match serde_json::from_str(&json) {
        Ok(v) => v,
        Err(e) => return CheckedFile::failed(name, vec![from_json_error(name, &json, &e)]),
    };
    let Some(kind) = Kind::of(&value) else {
        let expected = "bank | library | catalogue | faro-benchmark".to_owned();
        return CheckedFile::failed(name, vec![Problem::new(name, ProblemKind::WrongFormat { expected, found: Found::Unknown })]);
    };
    match summarise(kind, name, &text, &json, content, lang) {
        Ok(summary) => CheckedFile { name: name.to_owned(), kind: Some(kind), json: Some(json), summary, problems: Vec::new() },
        Err(problems) => CheckedFile { kind: Some(kind), ..CheckedFile::failed(name, problems) },
    }
}

#[component]
pub fn StaffContent() -> impl IntoView {
    let state = use_state();
    let checked = RwSignal::new(Vec::<CheckedFile>::new());
    let busy = RwSignal::new(false);
    let combined = RwSignal::new(Vec::<Problem>::new());
    let on_files = Callback::new(move |files: Vec<Result<PickedFile, Problem>>| {
        busy.set(true);
        combined.set(Vec::new());
        let lang = state.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let content = state.content();
            let mut out = Vec::new();
            for file in files {
                out.push(match file {
                    Ok(f) => check(f, &content, lang).await,
                    Err(p) => CheckedFile::failed(&p.file.clone(), vec![p]),
                });
            }
            checked.set(out);
            busy.set(false);
        });
    });
    let usable = move || {
        checked.with(|list| !list.is_empty() && list.iter().all(|c| c.json.is_some()) && list.iter().any(|c| c.kind.is_some_and(|k| k != Kind::Benchmark)))
    };
    let apply = move |_| {
        let files: Vec<(Kind, String)> = checked.with_untracked(|list| list.iter().filter_map(|c| Some((c.kind?, c.json.clone()?))).collect());
        leptos::task::spawn_local(async move {
            if let Err(problems) = state.use_content(&files).await {
                combined.set(problems);
            }
        });
    };
    view! {
        <StaffNav/>
        <h1 tabindex="-1">{move || state.t(Msg::ContentTitle)}</h1>
        <p class="lead">{move || state.t(Msg::ContentIntro)}</p>
        <ContentInUse/>
        <section aria-labelledby="content-check">
            <h2 id="content-check">{move || state.t(Msg::ContentCheckTitle)}</h2>
            <FilePicker id="content-files" label=Signal::derive(move || state.t(Msg::ContentPick).to_owned())
                accept=".toml,.json,application/json,application/toml" multiple=true limit=MAX_CONTENT_FILE on_files=on_files/>
            {move || busy.get().then(|| view! { <p class="muted" role="status">{state.t(Msg::ExportWorking)}</p> })}
            <ul class="file-reports" data-testid="content-report">
                {move || checked.get().into_iter().map(|c| view! { <CheckedItem c/> }).collect_view()}
            </ul>
            {move || usable().then(|| view! {
                <p><button type="button" class="primary" on:click=apply>{state.t(Msg::ContentUse)}</button> " " <span class="muted">{state.t(Msg::ContentUseNote)}</span></p>
            })}
            <ErrorBox problems=combined.into() title=Msg::ContentNotTogether/>
        </section>
    }
}

/// Which content this device uses: the bundled files, or its own.
#[component]
fn ContentInUse() -> impl IntoView {
    let state = use_state();
    let custom = move || {
        let o = state.content_overrides();
        [
            (o.innovation.is_some(), Kind::AssessmentBank),
            (o.satisfaction.is_some(), Kind::SurveyBank),
            (o.services.is_some(), Kind::Catalogue),
            (o.actions.is_some(), Kind::Actions),
            (o.themes.is_some(), Kind::Themes),
        ]
        .into_iter()
        .filter_map(|(set, k)| set.then_some(k))
        .collect::<Vec<_>>()
    };
    view! {
        <section aria-labelledby="content-now">
            <h2 id="content-now">{move || state.t(Msg::ContentNow)}</h2>
            {move || {
                let list = custom();
                if list.is_empty() {
                    view! { <p>{state.t(Msg::ContentBundled)}</p> }.into_any()
                } else {
                    view! {
                        <p>{state.t(Msg::ContentCustom)} " " {list.into_iter().map(|k| state.t(kind_msg(k))).collect::<Vec<_>>().join(", ")}</p>
                        <button type="button" on:click=move |_| state.reset_content()>{state.t(Msg::ContentReset)}</button>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// One file's report: valid (with what it holds) or its problems; a valid benchmark can
/// be made active at once.
#[component]
fn CheckedItem(c: CheckedFile) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let ok = c.problems.is_empty();
    let kind = c.kind.map(|k| lang.t(kind_msg(k))).unwrap_or_else(|| lang.t(Msg::ContentKindUnknown));
    let verdict = if ok { lang.t(Msg::ContentValid).to_owned() } else { lang.fmt(Msg::ContentProblems, &[("n", &c.problems.len())]) };
    let benchmark = (c.kind == Some(Kind::Benchmark) && ok).then(|| (c.name.clone(), c.json.clone().unwrap_or_default()));
    let activate = move |(name, json): (String, String)| {
        if let Ok(b) = Benchmark::from_json(&name, json.as_bytes()) {
            state.activate_benchmark(&json, b);
            state.notify(state.t(Msg::StaffBenchActivated));
        }
    };
    view! {
        <li class:bad=!ok>
            <p><strong>{c.name.clone()}</strong> " — " {kind} ": " {verdict}</p>
            {ok.then(|| view! { <p>{c.summary.clone()}</p> })}
            {(!ok).then(|| view! { <ProblemList problems=c.problems.clone()/> })}
            {benchmark.map(|b| view! { <button type="button" on:click=move |_| activate(b.clone())>{lang.t(Msg::StaffBenchActivate)}</button> })}
        </li>
    }
}
