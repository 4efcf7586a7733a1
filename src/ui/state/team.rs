//! Workshops: the team of raters of the open assessment, their turns, the consensus, and
//! rater files coming back from the raters' own devices.

use super::AppState;
use crate::assessment::files::{rater_file, rater_json};
use crate::assessment::given::Given;
use crate::assessment::team::Team;
use crate::content::bank::{Answer, Item};
use crate::kernel::i18n::Msg;
use crate::kernel::ids::file_stem;
use crate::kernel::problem::Problem;
use crate::ui::browser::{self, PickedFile};

impl AppState {
    /// Makes the open assessment a workshop (a team of raters), once.
    pub fn make_team(&self) {
        self.edit(|a, _| {
            a.team.get_or_insert_with(Team::default);
        });
    }

    /// Adds a rater to the open workshop; returns its id.
    pub fn add_rater(&self, label: &str) -> Option<String> {
        let mut id = None;
        self.edit(|a, _| id = a.team.as_mut().map(|t| t.add_rater(label)));
        id
    }

    /// A rater answers (or clears) one question in their turn.
    pub fn rater_answer(&self, rater: &str, item: &Item, value: Option<Answer>) {
        self.edit(|a, now| {
            let Some(r) = a.team.as_mut().and_then(|t| t.rater_mut(rater)) else { return };
            match value.filter(|v| v.fits(item)) {
                Some(value) => {
                    r.answers.insert(item.id.clone(), Given { value, at: now.to_owned(), carried: false });
                }
                None => {
                    r.answers.remove(&item.id);
                }
            }
        });
    }

    /// A rater said they are done.
    pub fn finish_turn(&self, rater: &str) {
        self.edit(|a, _| {
            if let Some(r) = a.team.as_mut().and_then(|t| t.rater_mut(rater)) {
                r.finished = true;
            }
        });
    }

    /// A turn left unattended, when staff chose to discard such turns: what the rater
    /// answered since `since` is forgotten.
    pub fn discard_turn(&self, rater: &str, since: &str) {
        self.edit(|a, _| {
            if let Some(t) = a.team.as_mut() {
                t.discard_since(rater, since);
            }
        });
    }

    /// The group's consensus on one question.
    pub fn record_consensus(&self, item: &Item, value: Answer, dissent: &str) {
        self.edit(|a, now| {
            a.record_consensus(item, value, dissent, now);
        });
    }

    /// Takes the median of every question the raters agree on; returns how many.
    pub fn accept_agreed(&self) -> usize {
        let bank = self.content().innovation.clone();
        let mut n = 0;
        self.edit(|a, now| n = a.accept_agreed(&bank, now));
        n
    }

    /// Lets raters revise their answers before the consensus (Delphi-style).
    pub fn open_second_round(&self) {
        self.edit(|a, _| {
            if let Some(t) = a.team.as_mut() {
                t.open_second_round();
            }
        });
    }

    /// A rater's own answers as a file, to take back to the facilitator's device.
    pub fn rater_file_text(&self, rater: &str) -> Option<String> {
        self.current.with_untracked(|a| a.as_ref().and_then(|a| rater_json(a, rater, &browser::now())))
    }

    /// The raw team file (every rater's own answers), after the facilitator confirmed.
    pub fn export_team_raw(&self) {
        let Some(a) = self.current.get_untracked() else { return };
        let json = crate::assessment::files::team_json(&a, &browser::now());
        self.deliver(&format!("faro-team-raw-{}.json", file_stem(&a.name)), "application/json", json.as_bytes());
    }

    /// Offers a rater's file for download.
    pub fn export_rater(&self, rater: &str) {
        let Some(json) = self.rater_file_text(rater) else { return };
        let label = self.current.with_untracked(|a| {
            a.as_ref().and_then(|a| a.team.as_ref()).and_then(|t| t.raters.iter().find(|r| r.id == rater)).map(|r| r.label.clone()).unwrap_or_default()
        });
        self.deliver(&format!("faro-rater-{}.json", file_stem(&label)), "application/json", json.as_bytes());
    }

    /// Takes rater files into the stored workshop they belong to (never the other way
    /// round: a newer answer on this device is kept). Returns a line per file.
    pub fn import_rater_files(&self, files: Vec<Result<PickedFile, Problem>>) -> Result<Vec<String>, Vec<Problem>> {
        let bank = self.content().innovation.clone();
        let lang = self.lang.get_untracked();
        let mut done = Vec::new();
        let mut problems = Vec::new();
        for file in files {
            let body = match file.map_err(|p| vec![p]).and_then(|f| rater_file(&f.name, &f.bytes, &bank)) {
                Ok(body) => body,
                Err(mut p) => {
                    problems.append(&mut p);
                    continue;
                }
            };
            let label = body.rater.label.clone();
            let mut changed = None;
            self.edit_stored(&body.assessment_id, |a| changed = a.team.as_mut().map(|t| t.merge_rater(body.rater)));
            done.push(match changed {
                Some(n) => lang.fmt(Msg::TeamImported, &[("rater", &label), ("n", &n), ("name", &body.assessment_name)]),
                None => lang.fmt(Msg::TeamImportNoWorkshop, &[("name", &body.assessment_name)]),
            });
        }
        if problems.is_empty() {
            Ok(done)
        } else {
            Err(problems)
        }
    }
}
