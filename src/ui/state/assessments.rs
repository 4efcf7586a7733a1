//! Assessments: opening, creating, editing, renaming, copying, importing, deleting.

use super::AppState;
use crate::assessment::record::Assessment;
use crate::kernel::i18n::Msg;
use crate::route::AssessmentPage;
use crate::store::{self, Arrival, Summary};
use crate::ui::browser;

/// Longest assessment name kept.
const MAX_NAME: usize = crate::assessment::files::MAX_NAME;

impl AppState {
    /// The stored assessment with this id, if it can be read.
    fn load_assessment(&self, id: &str) -> Option<Assessment> {
        browser::with_storage(|s| s.get(&store::assessment_key(id))).and_then(|json| store::read_assessment(&json).ok())
    }

    /// Loads an assessment into `current` (if not already there); `false` if unknown.
    pub fn open(&self, id: &str) -> bool {
        if self.current.with_untracked(|c| c.as_ref().is_some_and(|a| a.id == id)) {
            return true;
        }
        let mut found = self.load_assessment(id);
        // An assessment of an earlier questionnaire is brought up to date, and saved so.
        let upgraded = found.as_mut().is_some_and(|a| a.upgrade(&self.content().innovation));
        let ok = found.is_some();
        if let Some(a) = found.as_ref().filter(|_| upgraded) {
            self.save(a);
        }
        self.current.set(found);
        ok
    }

    /// Saves an assessment record (new or changed) and updates its line in the list.
    fn save(&self, assessment: &Assessment) {
        self.persist(&store::assessment_key(&assessment.id), &store::write_assessment(assessment));
        self.assessments.update(|list| store::upsert_summary(list, Summary::of(assessment)));
    }

    /// The names of the stored assessments.
    fn taken_names(&self) -> Vec<String> {
        self.assessments.with_untracked(|list| list.iter().map(|s| s.name.clone()).collect())
    }

    /// Stores `a` as a new assessment beside the one it copies: a new id and a numbered
    /// name ("Plant A (2)"). Returns the name given.
    fn save_copy(&self, mut a: Assessment) -> String {
        a.id = browser::random_id();
        a.name = store::copy_name(&a.name, &self.taken_names());
        self.save(&a);
        a.name
    }

    /// Starts a new assessment, named after today, and opens its profile page.
    pub fn start_assessment(&self) {
        let lang = self.lang.get_untracked();
        let taken = self.taken_names();
        let base = lang.fmt(Msg::HomeDefaultName, &[("date", &lang.date(&browser::today()))]);
        let name = if taken.contains(&base) { store::copy_name(&base, &taken) } else { base };
        let a = Assessment::new(browser::random_id(), name, &self.content().innovation, lang, &browser::now());
        self.save(&a);
        let id = a.id.clone();
        self.current.set(Some(a));
        self.go(crate::route::Route::Assessment { id, page: AssessmentPage::Profile });
    }

    /// Changes the open assessment and saves it at once. Every answer goes through here;
    /// the record (and its plan) is stamped when its content changed. `change` gets the
    /// time, for the domain methods that record when (an answer's time).
    pub fn edit(&self, change: impl FnOnce(&mut Assessment, &str)) {
        let now = browser::now();
        let mut saved = None;
        self.current.update(|current| {
            if let Some(a) = current.as_mut() {
                let before = a.clone();
                change(a, &now);
                if *a != before {
                    a.stamp_changes(&before, &now);
                    saved = Some(a.clone());
                }
            }
        });
        if let Some(a) = saved {
            self.save(&a);
        }
    }

    /// Records the page an assessment is on, so a reload or a later visit resumes there.
    pub(super) fn remember_page(&self, id: &str, page: AssessmentPage) {
        let sections = self.content().innovation.sections().len();
        let index = match page {
            AssessmentPage::Profile => 0,
            AssessmentPage::Section(n) => (n + 1).min(sections + 1),
            AssessmentPage::Review => sections + 1,
            AssessmentPage::Results | AssessmentPage::Plan | AssessmentPage::Report | AssessmentPage::Team | AssessmentPage::Consensus => return,
        };
        if self.open(id) {
            self.edit(|a, _| a.resume.page = index);
        }
    }

    /// Renames a stored assessment (the open one too, if it is the same).
    pub fn rename(&self, id: &str, name: &str) {
        let name: String = name.trim().chars().take(MAX_NAME).collect();
        if name.is_empty() {
            return;
        }
        if self.current.with_untracked(|c| c.as_ref().is_some_and(|a| a.id == id)) {
            self.edit(|a, _| a.name = name);
        } else if let Some(mut a) = self.load_assessment(id) {
            let before = a.clone();
            a.name = name;
            a.stamp_changes(&before, &browser::now());
            self.save(&a);
        }
    }

    /// Stores a copy of an assessment; returns the copy's name.
    pub fn duplicate(&self, id: &str) -> Option<String> {
        let mut a = self.load_assessment(id)?;
        let now = browser::now();
        a.created_at = now.clone();
        a.updated_at = now;
        Some(self.save_copy(a))
    }

    /// The stored record of an assessment, for its export.
    pub fn assessment_record(&self, id: &str) -> Option<Assessment> {
        self.load_assessment(id)
    }

    /// Adds an imported assessment without overwriting anything (see [`Arrival`]);
    /// returns what was done, in words.
    pub fn import_assessment(&self, a: Assessment) -> String {
        let lang = self.lang.get_untracked();
        match Arrival::of(self.load_assessment(&a.id).as_ref(), &a) {
            Arrival::Same => lang.fmt(Msg::HomeImportSame, &[("name", &a.name)]),
            Arrival::Copy => {
                let name = self.save_copy(a);
                lang.fmt(Msg::HomeImportCopy, &[("name", &name)])
            }
            Arrival::New => {
                self.save(&a);
                lang.fmt(Msg::HomeImportDone, &[("name", &a.name)])
            }
        }
    }

    /// Starts next year's assessment of the open one's company and opens its profile:
    /// the profile carries over, the answers only if `with_answers` (marked carried over).
    pub fn start_next_year(&self, with_answers: bool) {
        let Some(last) = self.current.get_untracked() else { return };
        let lang = self.lang.get_untracked();
        let taken = self.taken_names();
        let base = lang.fmt(Msg::HomeDefaultName, &[("date", &lang.date(&browser::today()))]);
        let name = if taken.contains(&base) { store::copy_name(&base, &taken) } else { base };
        let next = last.next_year(browser::random_id(), name, &self.content().innovation, &browser::now(), with_answers);
        self.save(&next);
        let id = next.id.clone();
        self.current.set(Some(next));
        self.go(crate::route::Route::Assessment { id, page: AssessmentPage::Profile });
    }

    /// Every stored assessment of the open one's company, oldest first (the open one as
    /// it is now). Reactive on the list of assessments.
    pub fn series(&self) -> Vec<Assessment> {
        let Some(current) = self.current.get() else { return Vec::new() };
        let series = current.series_id().to_owned();
        let ids: Vec<String> = self.assessments.with(|list| list.iter().filter(|s| s.series == series && s.id != current.id).map(|s| s.id.clone()).collect());
        let mut all: Vec<Assessment> = ids.iter().filter_map(|id| self.load_assessment(id)).collect();
        let bank = self.content().innovation.clone();
        all.iter_mut().for_each(|a| {
            a.upgrade(&bank);
        });
        all.push(current);
        all.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        all
    }

    /// Changes another stored assessment than the open one (last year's plan, reviewed
    /// at this year's assessment) and saves it.
    pub fn edit_stored(&self, id: &str, change: impl FnOnce(&mut Assessment)) {
        if self.current.with_untracked(|c| c.as_ref().is_some_and(|a| a.id == id)) {
            return self.edit(|a, _| change(a));
        }
        let Some(mut a) = self.load_assessment(id) else { return };
        let before = a.clone();
        change(&mut a);
        if a != before {
            a.stamp_changes(&before, &browser::now());
            self.save(&a);
        }
    }

    /// Downloads the open assessment's company history: all its assessments and plans.
    pub fn export_series(&self) {
        let Some(series) = self.current.with_untracked(|a| a.as_ref().map(|a| a.series_id().to_owned())) else { return };
        let json = browser::with_storage(|s| store::series_json(&s.snapshot(), &series, &browser::now()));
        self.deliver(&format!("faro-company-history-{}.json", browser::today()), "application/json", json.as_bytes());
    }

    /// Deletes an assessment after the user confirmed.
    pub fn delete(&self, id: &str) {
        self.remove(&store::assessment_key(id));
        if self.current.with_untracked(|c| c.as_ref().is_some_and(|a| a.id == id)) {
            self.current.set(None);
        }
        self.assessments.update(|list| list.retain(|s| s.id != id));
    }
}
