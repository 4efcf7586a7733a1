//! The app's state, and its only writer. Components read the signals below; every change
//! to a record goes through a method here, which applies the domain's rule, stamps the
//! record, saves it at once (autosave) and updates what pages show. Outside this module
//! the signals are read-only, so no page can write past these rules.

mod assessments;
mod device;
mod lazy;
mod members;
mod received;
mod survey;
mod team;

pub use lazy::{BenchState, Loaded};

use crate::assessment::record::Assessment;
use crate::assessment::share::Share;
use crate::content::Content;
use crate::kernel::i18n::{Lang, Msg};
use crate::route::Route;
use crate::store::{self, Settings, Summary};
use crate::survey::commitments::Commitment;
use crate::survey::themes::Tags;
use crate::survey::{Dataset, Kiosk, Response, SurveySettings, Year};
use crate::ui::browser::{self, StorageTrouble};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// What every page reads. `Copy`: move it into closures freely.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: Read<Lang>,
    /// The page shown; the URL fragment is its source (see [`AppState::follow`]).
    pub route: Read<Route>,
    /// Set when writes do not reach the browser's storage; the banner offers an export.
    pub trouble: Read<Option<StorageTrouble>>,
    /// Summaries of the stored assessments, for the home page list.
    pub assessments: Read<Vec<Summary>>,
    /// The assessment open in the questionnaire, results or plan.
    pub current: Read<Option<Assessment>>,
    /// A short message for screen readers and sighted users after an action.
    pub notice: Read<Option<String>>,
    /// The active benchmark, loaded on first use (it is not needed to take the assessment).
    pub benchmark: Read<BenchState>,
    /// The action library, loaded on first use (only the Action Plan needs it).
    pub actions: Read<Loaded<Arc<crate::content::actions::Library>>>,
    /// The survey response being filled in (respondent or kiosk).
    pub response: Read<Option<Response>>,
    /// Every stored survey response, read from storage once and kept in step with it.
    pub responses: Read<Arc<Vec<Response>>>,
    /// Members' shared results imported on this device.
    pub shares: Read<Arc<Vec<Share>>>,
    /// The kiosk session, when one is running on this device.
    pub kiosk: Read<Option<Kiosk>>,
    /// Staff's survey settings (the member count), as stored.
    pub survey_settings: Read<SurveySettings>,
    /// Last year's figures, when staff loaded them for the comparison.
    /// Earlier years of the survey loaded for the trend, oldest first.
    pub earlier: Read<Vec<Arc<Year>>>,
    /// This year's "you said, we did".
    pub commitments: Read<Vec<Commitment>>,
    /// The themes staff gave the comments.
    pub theme_tags: Read<Tags>,
    /// Responses from files too large for the browser's storage: analysed in memory for
    /// this session, alongside the stored ones.
    pub in_memory: Read<Option<Arc<Dataset>>>,
    /// A synthetic dataset that replaces the stored responses (`make bench` only).
    pub synthetic: Read<Option<Arc<Dataset>>>,
    /// Whether the browser granted persistent storage (`Some(None)`: it cannot say).
    pub persisted: Read<Option<Option<bool>>>,
    content: StoredValue<Arc<Content>>,
    /// The element to focus once the page being shown is drawn, instead of its heading.
    focus_request: StoredValue<Option<String>>,
    /// Ids of the responses in `in_memory`, so later imports recognise them.
    in_memory_ids: StoredValue<BTreeSet<String>>,
}

/// A signal every page can read and only this module can write. A thin wrapper over
/// `RwSignal` rather than a `ReadSignal`/`WriteSignal` pair: one copy of the generic
/// signal code per type in the wasm instead of two.
pub struct Read<T: 'static>(RwSignal<T>);

impl<T> Clone for Read<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Read<T> {}

impl<T: Send + Sync + 'static> Read<T> {
    fn new(value: T) -> Read<T> {
        Read(RwSignal::new(value))
    }

    /// The value, subscribing the caller (in a reactive context) to its changes.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.0.get()
    }

    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.0.get_untracked()
    }

    /// Reads the value by reference, subscribing the caller to its changes.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.0.with(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.0.with_untracked(f)
    }

    /// Subscribes the caller to changes without reading.
    pub fn track(&self) {
        self.0.track()
    }

    fn set(&self, value: T) {
        self.0.set(value)
    }

    fn update(&self, f: impl FnOnce(&mut T)) {
        self.0.update(f)
    }
}

impl AppState {
    pub fn new(content: Content) -> AppState {
        let (trouble, records) = browser::with_storage(|s| (browser::open_trouble(), s.snapshot()));
        let settings = store::load_settings(&records);
        let kiosk_record = records.get(store::KIOSK_KEY).and_then(|j| store::read_record(j, "kiosk").ok());
        let state = AppState {
            lang: Read::new(settings.lang),
            route: Read::new(Route::parse(&browser::location_hash())),
            trouble: Read::new(trouble),
            assessments: Read::new(Vec::new()),
            current: Read::new(None),
            notice: Read::new(None),
            benchmark: Read::new(Loaded::NotLoaded),
            actions: Read::new(Loaded::NotLoaded),
            response: Read::new(None),
            responses: Read::new(Arc::new(Vec::new())),
            shares: Read::new(Arc::new(Vec::new())),
            kiosk: Read::new(kiosk_record),
            survey_settings: Read::new(SurveySettings::default()),
            earlier: Read::new(Vec::new()),
            commitments: Read::new(Vec::new()),
            theme_tags: Read::new(Tags::new()),
            in_memory: Read::new(None),
            synthetic: Read::new(None),
            persisted: Read::new(None),
            content: StoredValue::new(Arc::new(content)),
            focus_request: StoredValue::new(None),
            in_memory_ids: StoredValue::new(BTreeSet::new()),
        };
        state.reload_stored();
        state
    }

    /// A UI text in the current language (reactive).
    pub fn t(&self, msg: Msg) -> &'static str {
        self.lang.get().t(msg)
    }

    /// The content in use: banks, catalogue, action library (shared, never copied).
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

    /// Navigates from code. The route is set at once, so the `hashchange` that follows
    /// finds nothing to do and a notice given right after survives.
    pub fn go(&self, route: Route) {
        self.notice.set(None);
        self.show(route.clone());
        browser::set_location_hash(&route.href());
    }

    /// Shows `route` after the address changed, unless a kiosk session holds this device
    /// on its respondent's pages. A notice belongs to the page it was given on, so it goes
    /// too (but not when the app itself just navigated there, see [`AppState::go`]).
    pub fn follow(&self, route: Route) {
        if self.route.get_untracked() == route {
            return;
        }
        self.notice.set(None);
        match self.kiosk_route(&route) {
            Some(kiosk) => self.go(kiosk),
            None => self.show(route),
        }
    }

    /// Shows a page and remembers it as the resume point of its record: navigating is
    /// an event, so the record is written here, never while a page renders.
    fn show(&self, route: Route) {
        match &route {
            Route::Assessment { id, page } => self.remember_page(id, *page),
            Route::Survey { id, page } => self.remember_survey_page(id, *page),
            _ => {}
        }
        self.route.set(route);
    }

    pub fn notify(&self, text: impl Into<String>) {
        self.notice.set(Some(text.into()));
    }

    /// Asks that the element with `id` gets the focus once the next page is drawn.
    pub fn request_focus(&self, id: String) {
        self.focus_request.set_value(Some(id));
    }

    /// The element a page asked to focus, once (see `ui::app`).
    pub fn take_focus_request(&self) -> Option<String> {
        self.focus_request.try_update_value(Option::take).flatten()
    }

    /// Whether the browser agreed to keep Faro's data under storage pressure.
    pub fn set_persisted(&self, granted: Option<bool>) {
        self.persisted.set(Some(granted));
    }

    /// Writes one record; on failure remembers the trouble (the banner shows it) and keeps
    /// the value in memory.
    fn persist(&self, key: &str, value: &str) {
        match browser::with_storage(|s| s.set(key, value)) {
            Ok(()) => {
                if self.trouble.get_untracked().is_some() {
                    self.trouble.set(None);
                }
            }
            Err(t) => self.trouble.set(Some(t)),
        }
    }

    fn remove(&self, key: &str) {
        if let Err(t) = browser::with_storage(|s| s.remove(key)) {
            self.trouble.set(Some(t));
        }
    }

    /// Reads again what is kept in memory from storage: after a start, a restore or a wipe.
    fn reload_stored(&self) {
        let records = browser::with_storage(|s| s.snapshot());
        self.assessments.set(store::summaries(&records));
        self.responses.set(Arc::new(store::responses(&records)));
        self.shares.set(Arc::new(store::shares(&records)));
        self.commitments.set(records.get(store::COMMITMENTS_KEY).and_then(|j| store::read_record(j, "commitments").ok()).unwrap_or_default());
        self.theme_tags.set(records.get(store::THEME_TAGS_KEY).and_then(|j| store::read_record(j, "themes").ok()).unwrap_or_default());
        let settings = records.get(store::SURVEY_SETTINGS_KEY).and_then(|j| store::read_record(j, "settings").ok());
        self.survey_settings.set(settings.unwrap_or_default());
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
