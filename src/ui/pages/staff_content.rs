//! Staff: check content files (question banks, action library, service catalogue,
//! benchmark) with every problem located by line and field, and use them on this device
//! instead of the bundled ones. TOML is read by the tools worker.

use super::staff::StaffNav;
use crate::bank::{Bank, Source};
use crate::benchmark::Benchmark;
use crate::catalogue::Catalogue;
use crate::content::{Content, Kind, Overrides};
use crate::i18n::Msg;
use crate::problem::{Problem, ProblemKind};
use crate::tools::TomlReply;
use crate::ui::browser;
use crate::ui::components::{FilePicker, ProblemList};
use crate::ui::state::use_state;
use crate::ui::tools;
use leptos::prelude::*;

/// Largest content file accepted.
const MAX_CONTENT_FILE: usize = 8 * 1024 * 1024;

/// One checked file.
#[derive(Clone, Debug, PartialEq)]
struct Checked {
    name: String,
    kind: Option<Kind>,
    /// The JSON form (for storing), when the file is valid.
    json: Option<String>,
    summary: String,
    problems: Vec<Problem>,
}

fn kind_msg(kind: Kind) -> Msg {
    match kind {
        Kind::AssessmentBank => Msg::ContentKindAssessment,
        Kind::SurveyBank => Msg::ContentKindSurvey,
        Kind::Catalogue => Msg::ContentKindCatalogue,
        Kind::Actions => Msg::ContentKindActions,
        Kind::Benchmark => Msg::ContentKindBenchmark,
    }
}

/// Reads and checks one file against the content in use (for references).
async fn check(name: String, bytes: Vec<u8>, content: &Content, lang: crate::i18n::Lang) -> Checked {
    let fail = |problems: Vec<Problem>| Checked { name: name.clone(), kind: None, json: None, summary: String::new(), problems };
    let text = match crate::import::text_of(&name, &bytes, MAX_CONTENT_FILE) {
        Ok(t) => t.to_owned(),
        Err(p) => return fail(vec![p]),
    };
    let json = if name.to_lowercase().ends_with(".toml") {
        match tools::toml_to_json(text.clone()).await {
            Ok(TomlReply::Json(j)) => j,
            Ok(TomlReply::Error { line, message }) => {
                let mut p = Problem::new(&name, ProblemKind::Syntax { detail: message });
                p.line = line;
                return fail(vec![p]);
            }
            Err(e) => return fail(vec![Problem::new(&name, ProblemKind::Syntax { detail: e })]),
        }
    } else {
        text.clone()
    };
    let value: serde_json::Value = match serde_json::from_str(&json) {
        Ok(v) => v,
        Err(e) => return fail(vec![crate::problem::from_json_error(&name, &json, &e)]),
    };
    let Some(kind) = Kind::of(&value) else {
        return fail(vec![Problem::new(&name, ProblemKind::WrongFormat { expected: "bank | library | catalogue | faro-benchmark".into(), found: "?".into() })]);
    };
    let source = Source { name: &name, text: &text };
    let result: Result<String, Vec<Problem>> = match kind {
        Kind::AssessmentBank | Kind::SurveyBank => Bank::from_json(&json, source, Some(&content.catalogue)).map(|b| {
            lang.fmt(
                Msg::ContentBankSummary,
                &[("title", &b.meta().title.get(lang)), ("version", &b.version()), ("n", &b.items().len()), ("sections", &b.sections().len())],
            )
        }),
        Kind::Catalogue => Catalogue::from_json(&json, source).map(|c| lang.fmt(Msg::ContentCatalogueSummary, &[("n", &c.services().len())])),
        Kind::Actions => crate::actions::Library::from_json(&json, source, &content.innovation, &content.catalogue)
            .map(|l| lang.fmt(Msg::ContentActionsSummary, &[("n", &l.actions().len()), ("bank", &l.meta().bank)])),
        Kind::Benchmark => Benchmark::from_json(&name, json.as_bytes()).map(|b| crate::export::provenance_line(b.meta(), lang)),
    };
    match result {
        Ok(summary) => Checked { name, kind: Some(kind), json: Some(json), summary, problems: Vec::new() },
        Err(problems) => Checked { name, kind: Some(kind), json: None, summary: String::new(), problems },
    }
}

#[component]
pub fn StaffContent() -> impl IntoView {
    let state = use_state();
    let checked = RwSignal::new(Vec::<Checked>::new());
    let busy = RwSignal::new(false);
    let combined = RwSignal::new(Vec::<Problem>::new());
    let on_files = Callback::new(move |files: Vec<(browser::PickedFile, usize)>| {
        busy.set(true);
        combined.set(Vec::new());
        let lang = state.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let content = state.content();
            let mut out = Vec::new();
            for (file, size) in files {
                if file.bytes.is_empty() && size > MAX_CONTENT_FILE {
                    out.push(Checked {
                        name: file.name.clone(),
                        kind: None,
                        json: None,
                        summary: String::new(),
                        problems: vec![Problem::new(&file.name, ProblemKind::TooLarge { size, limit: MAX_CONTENT_FILE })],
                    });
                    continue;
                }
                out.push(check(file.name, file.bytes, &content, lang).await);
            }
            checked.set(out);
            busy.set(false);
        });
    });
    let overrides_now = move || browser::with_storage(|s| crate::ui::state::stored_overrides(s));
    let usable = move || {
        let list = checked.get();
        !list.is_empty() && list.iter().all(|c| c.json.is_some()) && list.iter().any(|c| c.kind.is_some_and(|k| k.override_key().is_some()))
    };
    let apply = move |_| {
        let list = checked.get_untracked();
        let mut o: Overrides = overrides_now();
        for c in &list {
            let json = c.json.clone();
            match c.kind {
                Some(Kind::AssessmentBank) => o.innovation = json,
                Some(Kind::SurveyBank) => o.satisfaction = json,
                Some(Kind::Catalogue) => o.services = json,
                Some(Kind::Actions) => o.actions = json,
                _ => {}
            }
        }
        // The files must fit together (the action library refers to the bank, …).
        match Content::assemble(&o) {
            Ok((_, problems)) if problems.is_empty() => {
                for c in &list {
                    if let (Some(key), Some(json)) = (c.kind.and_then(Kind::override_key), &c.json) {
                        state.persist(key, json);
                    }
                }
                browser::reload();
            }
            Ok((_, problems)) | Err(problems) => combined.set(problems),
        }
    };
    let activate_benchmark = move |c: Checked| {
        if let Some(json) = &c.json {
            if let Ok(b) = Benchmark::from_json(&c.name, json.as_bytes()) {
                state.activate_benchmark(json, b);
                state.notify(state.t(Msg::StaffBenchActivated));
            }
        }
    };
    let reset = move |_| {
        for kind in [Kind::AssessmentBank, Kind::SurveyBank, Kind::Catalogue, Kind::Actions] {
            if let Some(key) = kind.override_key() {
                state.remove(key);
            }
        }
        browser::reload();
    };
    let custom = move || {
        let o = overrides_now();
        [
            (o.innovation.is_some(), Kind::AssessmentBank),
            (o.satisfaction.is_some(), Kind::SurveyBank),
            (o.services.is_some(), Kind::Catalogue),
            (o.actions.is_some(), Kind::Actions),
        ]
        .into_iter()
        .filter(|(set, _)| *set)
        .map(|(_, k)| k)
        .collect::<Vec<_>>()
    };

    view! {
        <StaffNav/>
        <h1 tabindex="-1">{move || state.t(Msg::ContentTitle)}</h1>
        <p class="lead">{move || state.t(Msg::ContentIntro)}</p>
        <section aria-labelledby="content-now">
            <h2 id="content-now">{move || state.t(Msg::ContentNow)}</h2>
            {move || {
                let list = custom();
                if list.is_empty() {
                    view! { <p>{state.t(Msg::ContentBundled)}</p> }.into_any()
                } else {
                    view! {
                        <p>{state.t(Msg::ContentCustom)} " " {list.into_iter().map(|k| state.t(kind_msg(k))).collect::<Vec<_>>().join(", ")}</p>
                        <button type="button" on:click=reset>{state.t(Msg::ContentReset)}</button>
                    }.into_any()
                }
            }}
        </section>
        <section aria-labelledby="content-check">
            <h2 id="content-check">{move || state.t(Msg::ContentCheckTitle)}</h2>
            <FilePicker id="content-files" label=Signal::derive(move || state.t(Msg::ContentPick).to_owned())
                accept=".toml,.json,application/json,application/toml" multiple=true limit=MAX_CONTENT_FILE on_files=on_files/>
            {move || busy.get().then(|| view! { <p class="muted" role="status">{state.t(Msg::XWorking)}</p> })}
            <ul class="file-reports" data-testid="content-report">
                {move || checked.get().into_iter().map(|c| {
                    let lang = state.lang.get();
                    let ok = c.problems.is_empty();
                    let kind = c.kind.map(|k| lang.t(kind_msg(k))).unwrap_or("?");
                    let is_bench = c.kind == Some(Kind::Benchmark) && ok;
                    let c2 = c.clone();
                    view! {
                        <li class:bad=!ok>
                            <p><strong>{c.name.clone()}</strong> " — " {kind} ": "
                                {if ok { lang.t(Msg::ContentValid).to_owned() } else { lang.fmt(Msg::ContentProblems, &[("n", &c.problems.len())]) }}</p>
                            {ok.then(|| view! { <p>{c.summary.clone()}</p> })}
                            {(!ok).then(|| view! { <ProblemList problems=c.problems.clone()/> })}
                            {is_bench.then(|| view! { <button type="button" on:click=move |_| activate_benchmark(c2.clone())>{lang.t(Msg::StaffBenchActivate)}</button> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || usable().then(|| view! {
                <p><button type="button" class="primary" on:click=apply>{state.t(Msg::ContentUse)}</button> " " <span class="muted">{state.t(Msg::ContentUseNote)}</span></p>
            })}
            {move || { let p = combined.get(); (!p.is_empty()).then(|| view! {
                <div class="error-box" role="alert"><h3>{state.t(Msg::ContentNotTogether)}</h3><ProblemList problems=p/></div>
            }) }}
        </section>
    }
}
