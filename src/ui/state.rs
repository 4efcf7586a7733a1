//! The app's shared state: language, place, content, and the records being edited.
//! Components read signals from here and change records only through the methods
//! below, which persist every change the moment it is made (autosave).

use crate::content::Content;
use crate::i18n::{Lang, Msg};
use crate::response::Assessment;
use crate::route::Route;
use crate::store::{self, Settings};
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
}

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
        };
        state.refresh_list();
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
                if self.trouble.get_untracked().is_some() && !browser::test_full() {
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

    pub fn go(&self, route: Route) {
        browser::set_location_hash(&route.href());
        self.route.set(route);
    }

    pub fn notify(&self, text: impl Into<String>) {
        self.notice.set(Some(text.into()));
    }

    /// Loads an assessment into `current` (if not already there); `false` if unknown.
    pub fn open(&self, id: &str) -> bool {
        if self.current.with_untracked(|c| c.as_ref().is_some_and(|a| a.id == id)) {
            return true;
        }
        let found = browser::with_storage(|s| s.get(&store::assessment_key(id))).and_then(|json| store::read_assessment(&json).ok());
        let ok = found.is_some();
        self.current.set(found);
        ok
    }

    /// Saves an assessment record (new or changed) and refreshes the list.
    pub fn save(&self, assessment: &Assessment) {
        self.persist(&store::assessment_key(&assessment.id), &store::write_assessment(assessment));
        self.refresh_list();
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
            self.persist(&store::assessment_key(&a.id), &store::write_assessment(&a));
            self.refresh_list();
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
        self.refresh_list();
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
