//! This device's data as a whole: downloads, backup and restore, deleting everything,
//! and the content files staff use here instead of the bundled ones.

use super::AppState;
use crate::content::{Content, Kind, Overrides};
use crate::format::table::Workbook;
use crate::kernel::i18n::Msg;
use crate::kernel::problem::Problem;
use crate::store::{self, RestorePlan};
use crate::ui::browser::{self, PickedFile};
use crate::ui::tools;
use leptos::prelude::*;

/// What restoring one backup did, for the report line.
pub struct Restored {
    pub file: String,
    pub plan: RestorePlan,
    /// Conflicting assessments added as copies.
    pub copied: usize,
}

impl AppState {
    /// Offers a file to the user and says so (or why not) in the notice.
    pub fn deliver(&self, name: &str, mime: &str, bytes: &[u8]) {
        let lang = self.lang.get_untracked();
        match browser::download(name, mime, bytes) {
            Ok(()) => self.notify(lang.fmt(Msg::HomeExported, &[("file", &name)])),
            Err(_) => self.notify(lang.t(Msg::ExportFailed)),
        }
    }

    /// Writes `book` as XLSX in the tools worker, then offers it as `name`; `busy` is true
    /// meanwhile (the button says it is working).
    pub fn deliver_xlsx(&self, name: String, book: Workbook, busy: RwSignal<bool>) {
        let state = *self;
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = tools::xlsx(book).await;
            busy.set(false);
            match result {
                Ok(bytes) => state.deliver(&name, tools::XLSX, &bytes),
                Err(msg) => state.notify(state.t(msg)),
            }
        });
    }

    /// Downloads one file with every Faro record of this device.
    pub fn export_everything(&self) {
        let json = browser::with_storage(|s| store::backup_json(&s.snapshot(), &browser::now()));
        self.deliver(&format!("faro-backup-{}.json", browser::today()), "application/json", json.as_bytes());
    }

    /// Restores a backup: new records are added, identical ones skipped, conflicting
    /// assessments kept side by side as copies, other conflicting records left as they are.
    pub fn restore_backup(&self, file: &PickedFile) -> Result<Restored, Problem> {
        let existing = browser::with_storage(|s| s.snapshot());
        let plan = store::plan_restore(&file.name, &file.bytes, &existing)?;
        for (key, value) in &plan.add {
            self.persist(key, value);
        }
        let mut copied = 0;
        for (key, value) in &plan.conflicts {
            if key.starts_with(store::ASSESSMENT_PREFIX) {
                if let Ok(a) = store::read_assessment(value) {
                    self.import_assessment(a);
                    copied += 1;
                }
            }
        }
        self.reload_stored();
        Ok(Restored { file: file.name.clone(), plan, copied })
    }

    /// Wipes every Faro record on this device (after confirmation).
    pub fn delete_everything(&self) {
        for key in browser::with_storage(|s| s.keys(store::PREFIX)) {
            self.remove(&key);
        }
        self.current.set(None);
        self.response.set(None);
        self.reload_stored();
    }

    /// Bytes Faro's records take on this device (reactive: changes with the list).
    pub fn used_bytes(&self) -> usize {
        self.assessments.track();
        self.responses.track();
        browser::with_storage(|s| s.used_bytes())
    }

    /// The content files staff chose on this device.
    pub fn content_overrides(&self) -> Overrides {
        browser::with_storage(|s| store::content_overrides(&s.snapshot()))
    }

    /// Uses checked content files (JSON form, by kind) on this device from the next start,
    /// if they fit together with the rest (the action library included, which may have to
    /// come from the worker); otherwise returns why not and changes nothing.
    pub async fn use_content(&self, files: &[(Kind, String)]) -> Result<(), Vec<Problem>> {
        let mut o = self.content_overrides();
        if o.actions.is_none() {
            o.actions = Some(self.action_library_text().await.map_err(|p| vec![p])?);
        }
        for (kind, json) in files {
            let slot = match kind {
                Kind::AssessmentBank => &mut o.innovation,
                Kind::SurveyBank => &mut o.satisfaction,
                Kind::Catalogue => &mut o.services,
                Kind::Actions => &mut o.actions,
                Kind::Themes => &mut o.themes,
                Kind::Benchmark => continue,
            };
            *slot = Some(json.clone());
        }
        match Content::assemble(&o) {
            Ok((_, problems)) if problems.is_empty() => {
                for (kind, json) in files {
                    if let Some(key) = store::content_key(*kind) {
                        self.persist(key, json);
                    }
                }
                browser::reload();
                Ok(())
            }
            Ok((_, problems)) | Err(problems) => Err(problems),
        }
    }

    /// Goes back to the bundled content (from the next start).
    pub fn reset_content(&self) {
        for kind in [Kind::AssessmentBank, Kind::SurveyBank, Kind::Catalogue, Kind::Actions, Kind::Themes] {
            if let Some(key) = store::content_key(kind) {
                self.remove(key);
            }
        }
        browser::reload();
    }
}
