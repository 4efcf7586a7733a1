//! A file received by QR code goes to the same importer as the file itself would, with
//! its dedupe and never-overwrite rules.

use super::AppState;
use crate::assessment::files;
use crate::assessment::share::ShareIntake;
use crate::format::envelope::{format_of, FormatId};
use crate::kernel::i18n::Msg;
use crate::kernel::problem::{Found, Problem, ProblemKind};
use crate::ui::browser::PickedFile;

impl AppState {
    /// Imports a received text by its format; returns what was done, in words, or why
    /// nothing was.
    pub fn import_received(&self, text: String) -> Result<String, Vec<Problem>> {
        let lang = self.lang.get_untracked();
        let name = "QR".to_owned();
        let format = format_of(&text).unwrap_or_default();
        let file = || vec![Ok(PickedFile { name: name.clone(), bytes: text.clone().into_bytes() })];
        if format == FormatId::ASSESSMENT.as_str() {
            let imported = files::assessment_file(&name, text.as_bytes(), &self.content().innovation)?;
            return Ok(self.import_assessment(imported.assessment));
        }
        if format == FormatId::RATER.as_str() {
            return self.import_rater_files(file()).map(|lines| lines.join(" "));
        }
        if format == FormatId::SHARE.as_str() {
            return match self.import_share_files(file()).pop().map(|(_, outcome)| outcome) {
                Some(ShareIntake::Accepted) => Ok(lang.t(Msg::QrStoredShare).to_owned()),
                Some(ShareIntake::Duplicate) => Ok(lang.t(Msg::QrDuplicate).to_owned()),
                Some(ShareIntake::Rejected(problems)) => Err(problems),
                None => Err(Vec::new()),
            };
        }
        if format == FormatId::SURVEY_RESPONSES.as_str() {
            let report = self.import_response_files(file()).pop().unwrap_or_default();
            if !report.rejected.is_empty() {
                return Err(report.rejected);
            }
            return Ok(lang.fmt(Msg::QrStoredResponses, &[("n", &report.accepted_count), ("duplicates", &report.duplicates.len())]));
        }
        Err(vec![Problem::new(&name, ProblemKind::WrongFormat { expected: FormatId::ASSESSMENT.as_str().into(), found: Found::literal(&format) })])
    }
}
