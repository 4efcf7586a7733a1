//! Native benchmarks (`make bench` runs them, with the browser ones): time and peak
//! memory of one assessment scored, benchmarked and planned, and of survey import and
//! aggregation for 1k / 10k / 100k responses. Prints a Markdown table and writes it to
//! the path given (default `target/bench/native.md`).
//!
//!     cargo run --release --features tools --bin bench [-- OUT.md]

use faro::assessment::propose::Basis;
use faro::assessment::record::Assessment;
use faro::benchmark::{Benchmark, GroupKey};
use faro::content::bank::Answer;
use faro::content::Content;
use faro::kernel::i18n::Lang;
use faro::survey;
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes and their peak, so each step can report its peak memory.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Resets the peak to the current live size; returns the baseline.
fn reset_peak() -> usize {
    let live = LIVE.load(Ordering::Relaxed);
    PEAK.store(live, Ordering::Relaxed);
    live
}

fn peak_since(base: usize) -> f64 {
    (PEAK.load(Ordering::Relaxed).saturating_sub(base)) as f64 / 1024.0 / 1024.0
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "target/bench/native.md".into());
    let content = Content::bundled().expect("bundled content");
    let mut lines = vec!["| native (release, this machine) | time | peak heap |".to_owned(), "|---|---|---|".to_owned()];

    // One assessment: score + compare with the default group + propose the plan.
    let bank = &content.innovation;
    let bench_bytes = std::fs::read("assets/benchmark/synthetic.json").expect("run from the project root");
    let t = Instant::now();
    let bench = Benchmark::from_json("synthetic.json", &bench_bytes).expect("valid benchmark");
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    lines.push(format!("| load and validate the bundled benchmark ({} KB) | {load_ms:.1} ms | |", bench_bytes.len() / 1024));
    let mut a = Assessment::new("bench".into(), "bench".into(), bank, Lang::DEFAULT, "t");
    for (i, item) in bank.items().iter().enumerate() {
        a.set_answer(item, Answer::Level(1 + (i % 5) as u8), "t");
    }
    for field in bank.profile() {
        a.set_profile(&field.id, &field.options[1].id, "t");
    }
    let roles = bank.roles_of(&a.profile);
    let library = content.bundled_library().expect("the bundled action library is valid");
    let rounds = 2000;
    let base = reset_peak();
    let t = Instant::now();
    for _ in 0..rounds {
        let scores = faro::assessment::score::score(bank, &|id| a.answer_of(id).cloned());
        let key = bench.default_group(&roles).map(|(k, _)| k).unwrap_or(GroupKey::All);
        let cmp = bench.compare(&key, &scores);
        let plan = faro::assessment::propose::propose(bank, &library, &scores, Basis { benchmark: Some(&bench), ..Basis::default() }, Lang::DEFAULT, "t");
        assert!(cmp.is_some() && !plan.items.is_empty());
    }
    let per = t.elapsed().as_secs_f64() * 1_000_000.0 / f64::from(rounds);
    lines.push(format!("| one assessment scored, benchmarked and planned | {per:.0} µs | {:.2} MB |", peak_since(base)));

    // Survey: import (CSV, parse + check) and full aggregation.
    let survey_bank = &content.satisfaction;
    for n in [1_000usize, 10_000, 100_000] {
        let csv = survey::dataset_csv(survey_bank, &survey::synthetic_dataset(survey_bank, n, 42));
        let base = reset_peak();
        let t = Instant::now();
        let mut known = BTreeSet::new();
        let (data, report) = survey::import_dataset("bench.csv", csv.as_bytes(), survey_bank, &mut known);
        let import_ms = t.elapsed().as_secs_f64() * 1000.0;
        assert_eq!(report.accepted_count, n);
        let t = Instant::now();
        let dashboard = survey::aggregate(survey_bank, &data);
        let aggregate_ms = t.elapsed().as_secs_f64() * 1000.0;
        assert_eq!(dashboard.n, n);
        lines.push(format!(
            "| survey, {n} responses × {} columns: import CSV of {} MB (read + check into columns) / aggregate | {import_ms:.0} / {aggregate_ms:.1} ms | {:.0} MB |",
            survey_bank.items().len(),
            (csv.len() as f64 / 1048576.0).round(),
            peak_since(base)
        ));
    }
    write_surveyjs(bank, "target/bench/surveyjs/survey.json");
    lines.extend(qr_lines(survey_bank, &a, &plan_of(&content, &a, &bench)));
    let table = lines.join("\n");
    println!("{table}");
    if let Some(dir) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(dir).ok();
    }
    std::fs::write(&out, table + "\n").expect("write the table");
}

fn plan_of(content: &Content, a: &Assessment, bench: &Benchmark) -> faro::assessment::plan::Plan {
    let bank = &content.innovation;
    let scores = faro::assessment::score::score(bank, &|id| a.answer_of(id).cloned());
    let library = content.bundled_library().expect("the bundled action library is valid");
    faro::assessment::propose::propose(bank, &library, &scores, Basis { benchmark: Some(bench), ..Basis::default() }, Lang::DEFAULT, "t")
}

/// Frames and seconds to move a survey response and a whole assessment with its plan by
/// animated QR at the sender's frame rate, with no frame lost and with 20 % lost (the
/// median of 101 seeded runs).
fn qr_lines(survey_bank: &faro::content::bank::Bank, a: &Assessment, plan: &faro::assessment::plan::Plan) -> Vec<String> {
    use faro::format::transfer::{Receiver, Sender, FRAMES_PER_SECOND};
    let response = survey::responses_json(survey_bank, &survey::synthetic_responses(survey_bank, 1, 7), "2027-03-01T10:00:00.000Z");
    let mut with_plan = a.clone();
    with_plan.plan = Some(plan.clone());
    let assessment = faro::assessment::files::assessment_json(&with_plan, "2027-03-01T10:00:00.000Z");
    let mut lines = vec![
        format!("\n| animated QR at {FRAMES_PER_SECOND} frames/s | size → parts | frames (s), none lost | frames (s), 20 % lost |"),
        "|---|---|---|---|".to_owned(),
    ];
    for (what, text) in [("one survey response", &response), ("an assessment with its plan", &assessment)] {
        let frames = |drop: f64| {
            let mut runs: Vec<usize> = (0..101u64)
                .map(|seed| {
                    let mut sender = Sender::new(text).expect("text to send");
                    let mut receiver = Receiver::default();
                    let mut x = seed.wrapping_mul(0x9E3779B97F4A7C15) | 1;
                    (1..)
                        .find(|_| {
                            let part = sender.next(1).remove(0);
                            x ^= x << 13;
                            x ^= x >> 7;
                            x ^= x << 17;
                            (x % 1000) as f64 / 1000.0 >= drop && receiver.receive(&part).expect("own part").text.is_some()
                        })
                        .expect("completes")
                })
                .collect();
            runs.sort_unstable();
            runs[runs.len() / 2]
        };
        let (none, some) = (frames(0.0), frames(0.2));
        let secs = |f: usize| f as f64 / f64::from(FRAMES_PER_SECOND);
        lines.push(format!(
            "| {what} | {:.1} KB → {} | {none} ({:.1} s) | {some} ({:.1} s) |",
            text.len() as f64 / 1024.0,
            Sender::new(text).expect("text").parts(),
            secs(none),
            secs(some)
        ));
    }
    lines
}

/// The same questionnaire as Faro's first load shows, for SurveyJS (`scripts/bench.mjs`
/// measures both in one run): a page per dimension, each question a radio group of its
/// five described levels and "don't know", in Italian.
fn write_surveyjs(bank: &faro::content::bank::Bank, out: &str) {
    use faro::content::bank::ItemKind;
    let lang = Lang::DEFAULT;
    let pages: Vec<serde_json::Value> = bank
        .sections()
        .iter()
        .enumerate()
        .map(|(si, section)| {
            let elements: Vec<serde_json::Value> = bank
                .items_in(si)
                .filter_map(|item| match &item.kind {
                    ItemKind::Level { levels } => Some(serde_json::json!({
                        "type": "radiogroup",
                        "name": item.id,
                        "title": item.text.get(lang),
                        "description": item.help.as_ref().map(|h| h.get(lang)),
                        "isRequired": item.required,
                        "choices": levels.iter().enumerate().map(|(k, l)| serde_json::json!({ "value": k + 1, "text": l.get(lang) })).collect::<Vec<_>>(),
                        "showOtherItem": false,
                        "showNoneItem": true,
                        "noneText": lang.t(faro::kernel::i18n::Msg::AnswerDontKnow),
                    })),
                    _ => None,
                })
                .collect();
            serde_json::json!({ "name": section.id, "title": section.title.get(lang), "elements": elements })
        })
        .collect();
    let survey = serde_json::json!({ "title": bank.meta().title.get(lang), "showProgressBar": "top", "pages": pages });
    if let Some(dir) = std::path::Path::new(out).parent() {
        std::fs::create_dir_all(dir).ok();
    }
    std::fs::write(out, serde_json::to_string(&survey).expect("JSON")).expect("write the SurveyJS questionnaire");
}
