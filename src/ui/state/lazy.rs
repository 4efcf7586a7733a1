//! What is loaded on first use, not with the app: the active benchmark (the bundled
//! synthetic reference set, or one staff built or loaded here) and the action library
//! (this device's own, or the bundled one, which ships in the tools worker).

use super::AppState;
use crate::benchmark::Benchmark;
use crate::content::actions::Library;
use crate::kernel::problem::Problem;
use crate::store::{self, ACTIVE_BENCHMARK_KEY};
use crate::ui::{browser, tools};
use std::sync::Arc;

/// Where the bundled synthetic reference set ships, next to the app.
pub const BUNDLED_BENCHMARK: &str = "data/synthetic.json";

/// Where something loaded on first use stands.
#[derive(Clone, Debug)]
pub enum Loaded<T> {
    NotLoaded,
    Loading,
    Ready(T),
    Failed(Vec<Problem>),
}

impl<T: Clone> Loaded<T> {
    /// The value, once loaded.
    pub fn ready(&self) -> Option<T> {
        match self {
            Loaded::Ready(v) => Some(v.clone()),
            Loaded::NotLoaded | Loaded::Loading | Loaded::Failed(_) => None,
        }
    }
}

pub type BenchState = Loaded<Arc<Benchmark>>;

impl AppState {
    /// Starts loading the active benchmark unless it is loaded or loading.
    pub fn ensure_benchmark(&self) {
        if !self.benchmark.with_untracked(|b| matches!(b, Loaded::NotLoaded)) {
            return;
        }
        self.benchmark.set(Loaded::Loading);
        let state = *self;
        leptos::task::spawn_local(async move {
            let custom = browser::with_storage(|s| s.get(ACTIVE_BENCHMARK_KEY));
            let (name, text) = match custom {
                Some(text) => (ACTIVE_BENCHMARK_KEY.to_owned(), Ok(text)),
                None => (BUNDLED_BENCHMARK.to_owned(), browser::fetch_text(BUNDLED_BENCHMARK).await),
            };
            let loaded = text.map_err(|p| vec![p]).and_then(|text| Benchmark::from_json(&name, text.as_bytes()).map(Arc::new));
            state.benchmark.set(match loaded {
                Ok(b) => Loaded::Ready(b),
                Err(p) => Loaded::Failed(p),
            });
        });
    }

    /// The loaded benchmark, if any, without subscribing.
    pub fn bench_untracked(&self) -> Option<Arc<Benchmark>> {
        self.benchmark.with_untracked(Loaded::ready)
    }

    /// The loaded benchmark, if any (reactive).
    pub fn bench(&self) -> Option<Arc<Benchmark>> {
        self.benchmark.with(Loaded::ready)
    }

    /// Whether staff made a benchmark of their own active on this device (reactive).
    pub fn has_own_benchmark(&self) -> bool {
        self.benchmark.track();
        browser::with_storage(|s| s.get(ACTIVE_BENCHMARK_KEY)).is_some()
    }

    /// Makes `json` (a valid benchmark file) the active benchmark on this device.
    pub fn activate_benchmark(&self, json: &str, benchmark: Benchmark) {
        self.persist(ACTIVE_BENCHMARK_KEY, json);
        self.benchmark.set(Loaded::Ready(Arc::new(benchmark)));
    }

    /// Goes back to the bundled synthetic reference set.
    pub fn reset_benchmark(&self) {
        self.remove(ACTIVE_BENCHMARK_KEY);
        self.benchmark.set(Loaded::NotLoaded);
        self.ensure_benchmark();
    }

    /// Starts loading the action library unless it is loaded or loading.
    pub fn ensure_actions(&self) {
        if !self.actions.with_untracked(|a| matches!(a, Loaded::NotLoaded)) {
            return;
        }
        self.actions.set(Loaded::Loading);
        let state = *self;
        leptos::task::spawn_local(async move {
            let loaded = match state.action_library_text().await {
                Ok(json) => state.content().library(&json).map(Arc::new),
                Err(problem) => Err(vec![problem]),
            };
            state.actions.set(match loaded {
                Ok(l) => Loaded::Ready(l),
                Err(p) => Loaded::Failed(p),
            });
        });
    }

    /// The action library's JSON: this device's own, or the bundled one from the worker.
    pub(super) async fn action_library_text(&self) -> Result<String, Problem> {
        let own = store::content_key(crate::content::Kind::Actions).and_then(|k| browser::with_storage(|s| s.get(k)));
        match own {
            Some(json) => Ok(json),
            None => tools::action_library().await.map_err(|_| Problem::new("actions", crate::kernel::problem::ProblemKind::Unreadable)),
        }
    }

    /// The loaded action library, if any (reactive).
    pub fn library(&self) -> Option<Arc<Library>> {
        self.actions.with(Loaded::ready)
    }
}
