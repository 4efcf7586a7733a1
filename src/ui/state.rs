//! The app's shared state: language, place, content, and the records being edited.
//! Components read signals from here and change records only through the methods
//! below, which persist every change the moment it is made (autosave).

use crate::benchmark::Benchmark;
use crate::content::Content;
use crate::i18n::{Lang, Msg};
use crate::problem::Problem;
use crate::response::Assessment;
use crate::route::Route;
use crate::store::{self, Settings};
use crate::survey::{self, Dashboard, Dataset, Kiosk, Response, SurveySettings};
use crate::ui::browser::{self, StorageTrouble};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub content: StoredValue<Arc<Content>>,
    /// Set when writes do not reach the browser's storage; the banner offers an export.
    pub trouble: RwSignal<Option<StorageTrouble>>,
    /// Summaries of the stored assessments, for the home page list.
    pub assessments: RwSignal<Vec<store::Summary>>,
    /// The assessment open in the questionnaire, results or plan.
    pub current: RwSignal<Option<Assessment>>,
    /// A short message for screen readers and sighted users after an action ("Saved", "Imported").
    pub notice: RwSignal<Option<String>>,
    /// The active benchmark, loaded on first use (it is not needed to take the assessment).
    pub benchmark: RwSignal<BenchState>,
    /// The survey response being filled in (respondent or kiosk).
    pub response: RwSignal<Option<Response>>,
    /// The kiosk session, when one is running on this device.
    pub kiosk: RwSignal<Option<Kiosk>>,
    /// Bumped whenever stored survey responses change, so the dashboard recomputes.
    pub responses_changed: RwSignal<u32>,
    /// Staff's survey settings (the member count), as stored.
    pub survey_settings: RwSignal<SurveySettings>,
    /// Last year's figures, when staff loaded them for the comparison.
    pub last_year: RwSignal<Option<Arc<Dashboard>>>,
    /// A synthetic dataset that replaces the stored responses (benchmarks only).
    pub synthetic: RwSignal<Option<Arc<Dataset>>>,
    /// Responses imported from files too large to keep in the browser's storage: analysed
    /// in memory for this session, alongside the stored ones.
    pub in_memory: RwSignal<Option<Arc<Dataset>>>,
    /// Ids of the responses in `in_memory`, so later imports recognise them.
    pub in_memory_ids: StoredValue<std::collections::BTreeSet<String>>,
    /// Whether the browser granted persistent storage (`Some(None)`: it cannot say).
    pub persisted: RwSignal<Option<Option<bool>>>,
    /// The element to focus once the page being shown is drawn, instead of its heading
    /// (a question the user jumped to, or the one to resume at).
    pub focus_request: StoredValue<Option<String>>,
}

/// Where the active benchmark stands.
#[derive(Clone, Debug, PartialEq)]
pub enum BenchState {
    NotLoaded,
    Loading,
    Ready(Arc<Benchmark>),
    Failed(Vec<Problem>),
}

/// Storage key of a benchmark staff made active (built or loaded); absent = bundled set.
pub const ACTIVE_BENCHMARK_KEY: &str = "faro.benchmark.active";
/// Where the bundled synthetic reference set ships, next to the app.
pub const BUNDLED_BENCHMARK: &str = "data/synthetic.json";

impl AppState {
    pub fn new(content: Content) -> AppState {
        let (trouble, settings) = browser::with_storage(|s| (browser::open_trouble(), store::load_settings(&s.snapshot())));
        let state = AppState {
            lang: RwSignal::new(settings.lang),
            route: RwSignal::new(Route::parse(&browser::location_hash())),
            content: StoredValue::new(Arc::new(content)),
            trouble: RwSignal::new(trouble),
            assessments: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            notice: RwSignal::new(None),
            benchmark: RwSignal::new(BenchState::NotLoaded),
            response: RwSignal::new(None),
            kiosk: RwSignal::new(browser::with_storage(|s| s.get(survey::KIOSK_KEY)).and_then(|j| store::read_record(&j, "kiosk").ok())),
            responses_changed: RwSignal::new(0),
            survey_settings: RwSignal::new(SurveySettings::default()),
            last_year: RwSignal::new(None),
            synthetic: RwSignal::new(None),
            in_memory: RwSignal::new(None),
            in_memory_ids: StoredValue::new(Default::default()),
            persisted: RwSignal::new(None),
            focus_request: StoredValue::new(None),
        };
        state.reload_stored();
        state
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        self.lang.get().t(msg)
    }

    pub fn content(&self) -> Arc<Content> {
        self.content.get_value()
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.persist(store::SETTINGS_KEY, &store::settings_json(&Settings { lang }));
        if let Some(el) = browser::document_element() {
            el.set_attribute("lang", lang.code()).ok();
        }
    }

    /// Writes one record; on failure remembers the trouble (the banner shows it) and keeps
    /// the value in memory.
    pub fn persist(&self, key: &str, value: &str) {
        let result = browser::with_storage(|s| s.set(key, value));
        match result {
            Ok(()) => {
                if self.trouble.get_untracked().is_some() {
                    self.trouble.set(None);
                }
            }
            Err(t) => self.trouble.set(Some(t)),
        }
    }

    pub fn remove(&self, key: &str) {
        if let Err(t) = browser::with_storage(|s| s.remove(key)) {
            self.trouble.set(Some(t));
        }
    }

    pub fn refresh_list(&self) {
        let list = browser::with_storage(|s| store::summaries(&s.snapshot()));
        self.assessments.set(list);
    }

    /// Reads again what is kept in memory from storage: after a start, a restore or a wipe.
    pub fn reload_stored(&self) {
        self.refresh_list();
        let settings = browser::with_storage(|s| s.get(survey::SURVEY_SETTINGS_KEY)).and_then(|j| store::read_record(&j, "settings").ok());
        self.survey_settings.set(settings.unwrap_or_default());
    }

    /// Navigates from code. The route is set at once, so the `hashchange` that follows
    /// finds nothing to do and a notice given right after survives.
    pub fn go(&self, route: Route) {
        self.notice.set(None);
        self.route.set(route.clone());
        browser::set_location_hash(&route.href());
    }

    pub fn notify(&self, text: impl Into<String>) {
        self.notice.set(Some(text.into()));
    }

    /// The stored assessment with this id, if it can be read.
    pub fn load_assessment(&self, id: &str) -> Option<Assessment> {
        browser::with_storage(|s| s.get(&store::assessment_key(id))).and_then(|json| store::read_assessment(&json).ok())
    }

    /// Loads an assessment into `current` (if not already there); `false` if unknown.
    pub fn open(&self, id: &str) -> bool {
        if self.current.with_untracked(|c| c.as_ref().is_some_and(|a| a.id == id)) {
            return true;
        }
        let found = self.load_assessment(id);
        let ok = found.is_some();
        self.current.set(found);
        ok
    }

    /// Saves an assessment record (new or changed) and updates its line in the list.
    pub fn save(&self, assessment: &Assessment) {
        self.persist(&store::assessment_key(&assessment.id), &store::write_assessment(assessment));
        self.assessments.update(|list| store::upsert_summary(list, store::Summary::of(assessment)));
    }

    /// The names of the stored assessments.
    pub fn taken_names(&self) -> Vec<String> {
        self.assessments.with_untracked(|list| list.iter().map(|s| s.name.clone()).collect())
    }

    /// Stores `a` as a new assessment beside the one it copies: a new id and a numbered
    /// name ("Plant A (2)"). Returns the name given.
    pub fn save_copy(&self, mut a: Assessment) -> String {
        a.id = browser::random_id();
        a.name = store::copy_name(&a.name, &self.taken_names());
        self.save(&a);
        a.name
    }

    /// Changes the open assessment and saves it at once. Every answer goes through here.
    /// The domain methods called inside stamp `updated_at` when content changes; moving
    /// between pages (the resume point) does not count as a change.
    pub fn edit(&self, change: impl FnOnce(&mut Assessment, &str)) {
        let now = browser::now();
        let mut saved = None;
        self.current.update(|current| {
            if let Some(a) = current.as_mut() {
                change(a, &now);
                saved = Some(a.clone());
            }
        });
        if let Some(a) = saved {
            self.save(&a);
        }
    }

    /// Deletes an assessment after the user confirmed.
    pub fn delete(&self, id: &str) {
        self.remove(&store::assessment_key(id));
        if self.current.with_untracked(|c| c.as_ref().is_some_and(|a| a.id == id)) {
            self.current.set(None);
        }
        self.refresh_list();
    }

    /// Wipes every Faro record on this device (after confirmation).
    pub fn delete_everything(&self) {
        let keys = browser::with_storage(|s| s.keys(browser::PREFIX));
        for key in keys {
            self.remove(&key);
        }
        self.current.set(None);
        self.reload_stored();
    }
}

impl AppState {
    /// Starts loading the active benchmark unless it is loaded or loading.
    pub fn ensure_benchmark(&self) {
        if self.benchmark.get_untracked() != BenchState::NotLoaded {
            return;
        }
        self.benchmark.set(BenchState::Loading);
        let state = *self;
        leptos::task::spawn_local(async move {
            let custom = browser::with_storage(|s| s.get(ACTIVE_BENCHMARK_KEY));
            let (name, text) = match custom {
                Some(text) => (ACTIVE_BENCHMARK_KEY.to_owned(), Ok(text)),
                None => (BUNDLED_BENCHMARK.to_owned(), browser::fetch_text(BUNDLED_BENCHMARK).await),
            };
            let loaded = match text {
                Ok(text) => Benchmark::from_json(&name, text.as_bytes()).map(Arc::new),
                Err(e) => Err(vec![Problem::new(&name, crate::problem::ProblemKind::Syntax { detail: e })]),
            };
            state.benchmark.set(match loaded {
                Ok(b) => BenchState::Ready(b),
                Err(p) => BenchState::Failed(p),
            });
        });
    }

    /// The loaded benchmark, if any, without subscribing.
    pub fn bench_untracked(&self) -> Option<Arc<Benchmark>> {
        match self.benchmark.get_untracked() {
            BenchState::Ready(b) => Some(b),
            _ => None,
        }
    }

    /// The loaded benchmark, if any (reactive).
    pub fn bench(&self) -> Option<Arc<Benchmark>> {
        match self.benchmark.get() {
            BenchState::Ready(b) => Some(b),
            _ => None,
        }
    }

    /// Makes `json` (a valid benchmark file) the active benchmark on this device.
    pub fn activate_benchmark(&self, json: &str, benchmark: Benchmark) {
        self.persist(ACTIVE_BENCHMARK_KEY, json);
        self.benchmark.set(BenchState::Ready(Arc::new(benchmark)));
    }

    /// Goes back to the bundled synthetic reference set.
    pub fn reset_benchmark(&self) {
        self.remove(ACTIVE_BENCHMARK_KEY);
        self.benchmark.set(BenchState::NotLoaded);
        self.ensure_benchmark();
    }
}

impl AppState {
    /// Every stored survey response (submitted or not), in storage order.
    pub fn stored_responses(&self) -> Vec<Response> {
        browser::with_storage(|s| {
            s.keys(survey::RESPONSE_PREFIX).into_iter().filter_map(|k| s.get(&k)).filter_map(|j| store::read_record::<Response>(&j, "storage").ok()).collect()
        })
    }

    /// The submitted responses, in the order they were sent (then by id): the order of
    /// every export.
    pub fn submitted_responses(&self) -> Vec<Response> {
        let mut list: Vec<_> = self.stored_responses().into_iter().filter(|r| r.submitted_at.is_some()).collect();
        list.sort_by(|a, b| a.submitted_at.cmp(&b.submitted_at).then(a.id.cmp(&b.id)));
        list
    }

    /// The stored survey response with this id, if it can be read.
    pub fn load_response(&self, id: &str) -> Option<Response> {
        browser::with_storage(|s| s.get(&survey::response_key(id))).and_then(|j| store::read_record::<Response>(&j, "storage").ok())
    }

    /// Loads a response into `response` (if not already there); `false` if unknown.
    pub fn open_response(&self, id: &str) -> bool {
        if self.response.with_untracked(|r| r.as_ref().is_some_and(|r| r.id == id)) {
            return true;
        }
        let found = self.load_response(id);
        let ok = found.is_some();
        self.response.set(found);
        ok
    }

    pub fn save_response(&self, r: &Response) {
        self.persist(&survey::response_key(&r.id), &store::write_record(r));
        self.responses_changed.update(|n| *n += 1);
    }

    /// Changes the response being filled in and saves it at once.
    pub fn edit_response(&self, change: impl FnOnce(&mut Response, &str)) {
        let now = browser::now();
        let mut saved = None;
        self.response.update(|r| {
            if let Some(r) = r.as_mut() {
                change(r, &now);
                saved = Some(r.clone());
            }
        });
        if let Some(r) = saved {
            self.save_response(&r);
        }
    }

    pub fn set_kiosk(&self, kiosk: Option<Kiosk>) {
        match &kiosk {
            Some(k) => self.persist(survey::KIOSK_KEY, &store::write_record(k)),
            None => self.remove(survey::KIOSK_KEY),
        }
        self.kiosk.set(kiosk);
    }

    pub fn set_survey_settings(&self, settings: SurveySettings) {
        self.persist(survey::SURVEY_SETTINGS_KEY, &store::write_record(&settings));
        self.survey_settings.set(settings);
    }
}

/// The content files staff chose on this device (Staff → Content files).
pub fn stored_overrides(storage: &browser::Storage) -> crate::content::Overrides {
    use crate::content::Kind;
    let get = |kind: Kind| kind.override_key().and_then(|k| storage.get(k));
    crate::content::Overrides {
        innovation: get(Kind::AssessmentBank),
        satisfaction: get(Kind::SurveyBank),
        services: get(Kind::Catalogue),
        actions: get(Kind::Actions),
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
