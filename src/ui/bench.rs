//! Measurement hooks for `make bench` (scripts/bench.mjs calls them through
//! `window.wasmBindings`): they time the domain work in the real browser, and let the
//! dashboard be drawn from a large synthetic dataset without storing it.

use crate::survey;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::cell::Cell;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

thread_local! {
    static APP: Cell<Option<AppState>> = const { Cell::new(None) };
}

/// Remembers the app's state for the hooks below.
pub fn register(state: AppState) {
    APP.with(|a| a.set(Some(state)));
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Generates `n` synthetic survey responses, aggregates them (timed), and makes the
/// dashboard show them. Returns `[generate ms, aggregate ms]`.
#[wasm_bindgen(js_name = faroBenchSurvey)]
pub fn bench_survey(n: u32, seed: u32) -> Vec<f64> {
    let Some(state) = APP.with(Cell::get) else { return Vec::new() };
    let bank = &state.content().satisfaction;
    let t0 = now_ms();
    let data = survey::synthetic_dataset(bank, n as usize, u64::from(seed));
    let t1 = now_ms();
    let dashboard = survey::aggregate(bank, &data);
    let t2 = now_ms();
    assert_eq!(dashboard.n, n as usize);
    state.synthetic.set(Some(Arc::new(data)));
    vec![t1 - t0, t2 - t1]
}

/// Imports `n` synthetic responses from a CSV text (as staff do with large files: read
/// and checked straight into columns) and aggregates them. Returns
/// `[read+check ms, aggregate ms]`.
#[wasm_bindgen(js_name = faroBenchSurveyImport)]
pub fn bench_survey_import(n: u32, seed: u32) -> Vec<f64> {
    let Some(state) = APP.with(Cell::get) else { return Vec::new() };
    let bank = &state.content().satisfaction;
    let csv = survey::dataset_csv(bank, &survey::synthetic_dataset(bank, n as usize, u64::from(seed)));
    let t0 = now_ms();
    let mut known = std::collections::BTreeSet::new();
    let (data, report) = survey::import_dataset("bench.csv", csv.as_bytes(), bank, &mut known);
    let t1 = now_ms();
    let dashboard = survey::aggregate(bank, &data);
    let t2 = now_ms();
    assert_eq!(dashboard.n, n as usize);
    assert_eq!(report.accepted_count, n as usize);
    vec![t1 - t0, t2 - t1]
}

/// Scores one assessment, compares it with the bundled benchmark and proposes a plan,
/// `rounds` times. Returns the mean ms per assessment. The benchmark must be loaded.
#[wasm_bindgen(js_name = faroBenchAssessment)]
pub fn bench_assessment(rounds: u32) -> f64 {
    let Some(state) = APP.with(Cell::get) else { return -1.0 };
    let Some(bench) = state.bench_untracked() else { return -1.0 };
    let content = state.content();
    let bank = &content.innovation;
    let mut a = crate::response::Assessment::new("bench".into(), "bench".into(), bank, crate::i18n::Lang::DEFAULT, "t");
    for (i, item) in bank.items().iter().enumerate() {
        a.set_answer(item, crate::response::Answer::Level(1 + (i % 5) as u8), "t");
    }
    let roles = crate::benchmark::profile_by_role(bank, &a);
    let t0 = now_ms();
    for _ in 0..rounds.max(1) {
        let scores = crate::score::score(bank, &|id| a.answer_of(id).cloned());
        let key = bench.default_group(&roles).map(|(k, _)| k).unwrap_or(crate::benchmark::GroupKey::All);
        let cmp = bench.compare(&key, &scores);
        let plan = crate::propose::propose(bank, &content.actions, &scores, cmp.as_ref(), &a.importance, crate::i18n::Lang::DEFAULT, "t");
        assert!(!plan.items.is_empty());
    }
    (now_ms() - t0) / f64::from(rounds.max(1))
}
