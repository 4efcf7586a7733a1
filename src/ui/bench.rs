//! Measurement hooks for `make bench` (scripts/bench.mjs calls them through
//! `window.wasmBindings`): they time the domain work in the real browser, and let the
//! dashboard be drawn from a large synthetic dataset without storing it. Built only with
//! the `bench` feature (`make bench` builds its own copy), so the app users get carries
//! none of it. A hook that cannot run returns an empty list or -1, never a panic.

use crate::benchmark::GroupKey;
use crate::survey;
use crate::ui::state::AppState;
use std::cell::Cell;
use std::collections::BTreeSet;
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
    if dashboard.n != n as usize {
        return Vec::new();
    }
    state.set_synthetic(data);
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
    let (data, report) = survey::import_dataset("bench.csv", csv.as_bytes(), bank, &mut BTreeSet::new());
    let t1 = now_ms();
    let dashboard = survey::aggregate(bank, &data);
    let t2 = now_ms();
    if dashboard.n != n as usize || report.accepted_count != n as usize {
        return Vec::new();
    }
    vec![t1 - t0, t2 - t1]
}

/// Scores one assessment, compares it with the bundled benchmark and proposes a plan,
/// `rounds` times. Returns the mean ms per assessment. The benchmark and the action
/// library must be loaded (the results and plan pages load them).
#[wasm_bindgen(js_name = faroBenchAssessment)]
pub fn bench_assessment(rounds: u32) -> f64 {
    let Some(state) = APP.with(Cell::get) else { return -1.0 };
    let Some(bench) = state.bench_untracked() else { return -1.0 };
    let Some(library) = state.actions.with_untracked(crate::ui::state::Loaded::ready) else { return -1.0 };
    let content = state.content();
    let bank = &content.innovation;
    let mut a = crate::assessment::record::Assessment::new("bench".into(), "bench".into(), bank, crate::kernel::i18n::Lang::DEFAULT, "t");
    for (i, item) in bank.items().iter().enumerate() {
        a.set_answer(item, crate::content::bank::Answer::Level(1 + (i % 5) as u8), "t");
    }
    let roles = bank.roles_of(&a.profile);
    let t0 = now_ms();
    for _ in 0..rounds.max(1) {
        let scores = a.scores(bank);
        let key = bench.default_group(&roles).map(|(k, _)| k).unwrap_or(GroupKey::All);
        if bench.compare(&key, &scores).is_none() {
            return -1.0;
        }
        let plan = crate::assessment::propose::propose(
            bank,
            &library,
            &scores,
            crate::assessment::propose::Basis { benchmark: Some(&bench), importance: Some(&a.importance), previous: None },
            crate::kernel::i18n::Lang::DEFAULT,
            "t",
        );
        if plan.items.is_empty() {
            return -1.0;
        }
    }
    (now_ms() - t0) / f64::from(rounds.max(1))
}
