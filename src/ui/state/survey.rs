//! Survey responses, kiosk sessions and staff's survey data on this device.

use super::AppState;
use crate::content::bank::Answer;
use crate::kernel::problem::Problem;
use crate::route::{Route, StaffPage, SurveyPage};
use crate::store;
use crate::survey::commitments::Commitment;
use crate::survey::{self, Dataset, FileReport, Kiosk, Response, SurveySettings, Year};
use crate::ui::browser::{self, PickedFile};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Files larger than this are analysed in memory rather than stored response by response:
/// the browser's storage holds about a thousand responses (ARCHITECTURE.md § Storage).
const STORE_LIMIT: usize = 2 * 1024 * 1024;

impl AppState {
    /// The submitted responses, in the order they were sent (then by id): the order of
    /// every export.
    pub fn submitted_responses(&self) -> Vec<Response> {
        let mut list: Vec<Response> = self.responses.with_untracked(|all| all.iter().filter(|r| r.submitted_at.is_some()).cloned().collect());
        list.sort_by(|a, b| a.submitted_at.cmp(&b.submitted_at).then(a.id.cmp(&b.id)));
        list
    }

    /// Saves a response and keeps the in-memory list in step.
    fn save_response(&self, r: &Response) {
        self.persist(&store::response_key(&r.id), &store::write_record(r));
        self.responses.update(|all| {
            let all = Arc::make_mut(all);
            match all.iter_mut().find(|x| x.id == r.id) {
                Some(x) => *x = r.clone(),
                None => all.push(r.clone()),
            }
        });
    }

    /// Starts a new response (in the kiosk session `session`, if any) and opens its
    /// profile page; returns its id.
    pub fn start_response(&self, session: Option<String>) -> String {
        let bank = &self.content().satisfaction;
        let r = Response::new(browser::random_id(), bank, self.lang.get_untracked(), session, &browser::now());
        let id = r.id.clone();
        self.save_response(&r);
        self.response.set(Some(r));
        self.go(Route::Survey { id: id.clone(), page: SurveyPage::PROFILE });
        id
    }

    /// Loads a response into `response` (if not already there); `false` if unknown.
    pub fn open_response(&self, id: &str) -> bool {
        if self.response.with_untracked(|r| r.as_ref().is_some_and(|r| r.id == id)) {
            return true;
        }
        let found = self.responses.with_untracked(|all| all.iter().find(|r| r.id == id).cloned());
        let ok = found.is_some();
        self.response.set(found);
        ok
    }

    /// Changes the response being filled in and saves it at once.
    fn edit_response(&self, change: impl FnOnce(&mut Response)) {
        let mut saved = None;
        self.response.update(|r| {
            if let Some(r) = r.as_mut() {
                change(r);
                saved = Some(r.clone());
            }
        });
        if let Some(r) = saved {
            self.save_response(&r);
        }
    }

    /// Answers (or with `None` clears) a question of the open response.
    pub fn answer_survey(&self, item_id: &str, value: Option<Answer>) {
        let content = self.content();
        let bank = &content.satisfaction;
        if let Some(item) = bank.item(item_id) {
            self.edit_response(|r| r.set_answer(bank, item, value));
        }
    }

    /// Sets (or with "" clears) a profile field of the open response.
    pub fn set_survey_profile(&self, field: &str, option: &str) {
        let content = self.content();
        self.edit_response(|r| r.set_profile(&content.satisfaction, field, option));
    }

    /// Records the page a response is on (the resume point).
    pub(super) fn remember_survey_page(&self, id: &str, page: SurveyPage) {
        let sections = self.content().satisfaction.sections().len();
        let SurveyPage::Step(step) = page else { return };
        if self.open_response(id) && self.response.with_untracked(|r| r.as_ref().is_some_and(|r| r.submitted_at.is_none())) {
            self.edit_response(|r| r.page = step.min(sections + 1));
        }
    }

    /// Sends the open response: counted in the kiosk session, thanks shown.
    pub fn submit_response(&self) {
        let content = self.content();
        let now = browser::now();
        self.edit_response(|r| r.submit(&content.satisfaction, &now));
        if let Some(mut k) = self.kiosk.get_untracked() {
            k.collected += 1;
            self.set_kiosk(Some(k));
        }
        if let Some(id) = self.response.with_untracked(|r| r.as_ref().map(|r| r.id.clone())) {
            self.go(Route::Survey { id, page: SurveyPage::Thanks });
        }
    }

    fn set_kiosk(&self, kiosk: Option<Kiosk>) {
        match &kiosk {
            Some(k) => self.persist(store::KIOSK_KEY, &store::write_record(k)),
            None => self.remove(store::KIOSK_KEY),
        }
        self.kiosk.set(kiosk);
    }

    /// Starts a kiosk session and its first response.
    pub fn start_kiosk(&self, label: String, code: String) {
        let session = browser::random_id();
        let k = Kiosk { session: session.clone(), label, code, started_at: browser::now(), collected: 0, current: String::new() };
        self.set_kiosk(Some(k.clone()));
        let id = self.start_response(Some(session));
        self.set_kiosk(Some(Kiosk { current: id, ..k }));
    }

    /// Kiosk: a fresh, empty response for the next person.
    pub fn next_respondent(&self) {
        let Some(mut k) = self.kiosk.get_untracked() else { return };
        k.current = self.start_response(Some(k.session.clone()));
        self.set_kiosk(Some(k));
    }

    /// Kiosk: the respondent left the form unattended. Their answers stay as an unfinished
    /// response (never counted) or, if staff chose so, are deleted; the next person gets
    /// a fresh form.
    pub fn kiosk_idle(&self, keep: bool) {
        let Some(k) = self.kiosk.get_untracked() else { return };
        if !keep {
            self.remove(&store::response_key(&k.current));
            self.responses.update(|all| Arc::make_mut(all).retain(|r| r.id != k.current));
        }
        self.response.set(None);
        self.next_respondent();
    }

    /// Ends the kiosk session if `attempt` is its code; returns how many responses it
    /// collected, or `None` for a wrong code.
    pub fn end_kiosk(&self, attempt: &str) -> Option<usize> {
        let k = self.kiosk.get_untracked()?;
        if !k.unlocks(attempt) {
            return None;
        }
        self.set_kiosk(None);
        self.response.set(None);
        self.go(Route::Staff(StaffPage::Responses));
        Some(k.collected)
    }

    /// Where a kiosk session keeps this device, whatever the address says: the current
    /// respondent's page (its thanks page once sent). `None` outside kiosk mode.
    pub fn kiosk_route(&self, route: &Route) -> Option<Route> {
        let k = self.kiosk.get_untracked()?;
        if matches!(route, Route::Survey { id, .. } if *id == k.current) {
            return None;
        }
        let stored = self.responses.with_untracked(|all| all.iter().find(|r| r.id == k.current).map(|r| (r.submitted_at.is_some(), r.page)));
        let page = match stored {
            Some((true, _)) => SurveyPage::Thanks,
            Some((false, step)) => SurveyPage::Step(step),
            None => SurveyPage::PROFILE,
        };
        Some(Route::Survey { id: k.current, page })
    }

    /// How many member organisations the survey went to (for the response rate).
    pub fn set_members(&self, members: Option<usize>) {
        self.change_settings(|s| s.members = members);
    }

    /// How many member organisations of one class (member type) it went to.
    pub fn set_members_of_class(&self, class: &str, members: Option<usize>) {
        self.change_settings(|s| match members {
            Some(m) => {
                s.members_by_class.insert(class.to_owned(), m);
            }
            None => {
                s.members_by_class.remove(class);
            }
        });
    }

    /// The idle time of kiosk and workshop turns, and whether an unattended turn is kept.
    pub fn set_idle(&self, seconds: Option<u32>, discard: bool) {
        self.change_settings(|s| {
            s.idle_seconds = seconds.map(|x| x.clamp(crate::survey::kiosk::IDLE_RANGE.0, crate::survey::kiosk::IDLE_RANGE.1));
            s.discard_idle = discard;
        });
    }

    fn change_settings(&self, change: impl FnOnce(&mut SurveySettings)) {
        let mut settings = self.survey_settings.get_untracked();
        change(&mut settings);
        self.persist(store::SURVEY_SETTINGS_KEY, &store::write_record(&settings));
        self.survey_settings.set(settings);
    }

    /// Imports files of responses from other devices: small files are stored response by
    /// response, large ones analysed in memory; ids already known are never overwritten.
    pub fn import_response_files(&self, files: Vec<Result<PickedFile, Problem>>) -> Vec<FileReport> {
        let bank = self.content().satisfaction.clone();
        let mut known: BTreeSet<String> = self.responses.with_untracked(|all| all.iter().map(|r| r.id.clone()).collect());
        known.extend(self.in_memory_ids.get_value());
        let mut reports = Vec::new();
        for file in files {
            let file = match file {
                Ok(f) => f,
                Err(p) => {
                    reports.push(FileReport { file: p.file.clone(), rejected: vec![p], ..FileReport::default() });
                    continue;
                }
            };
            if file.bytes.len() > STORE_LIMIT {
                let before = known.clone();
                let (data, report) = survey::import_dataset(&file.name, &file.bytes, &bank, &mut known);
                self.in_memory_ids.update_value(|ids| ids.extend(known.difference(&before).cloned()));
                self.in_memory.update(|m| match m {
                    Some(existing) => Arc::make_mut(existing).append(&data),
                    None => *m = Some(Arc::new(data)),
                });
                self.notify(self.lang.get_untracked().fmt(crate::kernel::i18n::Msg::StaffImportInMemory, &[("file", &file.name)]));
                reports.push(report);
                continue;
            }
            let report = survey::import_responses(&file.name, &file.bytes, &bank, &mut known);
            for r in &report.accepted {
                self.save_response(r);
            }
            reports.push(report);
        }
        reports
    }

    /// Deletes every stored survey response on this device (after confirmation).
    pub fn wipe_responses(&self) {
        for key in browser::with_storage(|s| s.keys(store::RESPONSE_PREFIX)) {
            self.remove(&key);
        }
        self.responses.set(Arc::new(Vec::new()));
    }

    /// Adds an earlier year for the trend (a year loaded again replaces itself).
    pub fn add_earlier_year(&self, year: Year) {
        self.earlier.update(|list| {
            list.retain(|y| y.label != year.label);
            list.push(Arc::new(year));
            list.sort_by(|a, b| a.label.cmp(&b.label));
        });
    }

    pub fn remove_earlier_year(&self, label: &str) {
        self.earlier.update(|list| list.retain(|y| y.label != label));
    }

    /// The year before this one, if one is loaded: what the year-over-year tests compare.
    pub fn last_year(&self) -> Option<Arc<Year>> {
        self.earlier.with(|list| list.last().cloned())
    }

    /// Gives a comment a theme, or takes it away.
    pub fn toggle_theme(&self, comment: &str, theme: &str) {
        let mut tags = self.theme_tags.get_untracked();
        let set = tags.entry(comment.to_owned()).or_default();
        if !set.remove(theme) {
            set.insert(theme.to_owned());
        }
        self.persist(store::THEME_TAGS_KEY, &store::write_record(&tags));
        self.theme_tags.set(tags);
    }

    /// Records (or with an empty text removes) what staff will do about a service.
    pub fn set_commitment(&self, service: &str, text: &str, owner: &str, date: &str) {
        let mut list = self.commitments.get_untracked();
        list.retain(|c| c.service != service);
        list.extend(Commitment::new(service, text, owner, date));
        self.persist(store::COMMITMENTS_KEY, &store::write_record(&list));
        self.commitments.set(list);
    }

    /// A synthetic dataset in place of the stored responses (`make bench` only).
    pub fn set_synthetic(&self, data: Dataset) {
        self.synthetic.set(Some(Arc::new(data)));
    }
}
