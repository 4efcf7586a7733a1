//! Files Faro writes. Every file carries its format name, schema version and the app
//! version, so an importer can say precisely what it got.

use crate::response::Assessment;
use crate::store::SCHEMA;
use serde::{Deserialize, Serialize};

pub const ASSESSMENT_FORMAT: &str = "faro-assessment";

/// The JSON file of one assessment (profile, answers with timestamps, plan).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssessmentFile {
    pub format: String,
    pub schema: u32,
    pub app_version: String,
    pub exported_at: String,
    pub assessment: Assessment,
}

/// The assessment as a versioned, pretty-printed JSON file.
pub fn assessment_json(assessment: &Assessment, now: &str) -> String {
    let file = AssessmentFile {
        format: ASSESSMENT_FORMAT.into(),
        schema: SCHEMA,
        app_version: crate::APP_VERSION.into(),
        exported_at: now.into(),
        assessment: assessment.clone(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A file name from a user-given name: letters, digits and dashes only.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem: String = stem.chars().take(60).collect();
    if stem.is_empty() {
        "faro".into()
    } else {
        stem
    }
}

/// Neutralises a spreadsheet cell that a spreadsheet program would read as a formula
/// (OWASP "CSV injection"): a leading `=`, `+`, `-`, `@`, tab or carriage return gets a
/// `'` in front. Applied to every text cell of every CSV and XLSX Faro writes, headers
/// included.
pub fn neutralise_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("Plant A / 2027"), "plant-a-2027");
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("<>"), "faro");
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for payload in ["=1+1", "+1", "-2", "@SUM(A1)", "\t=x", "\r=x"] {
            assert!(neutralise_cell(payload).starts_with('\''), "{payload:?}");
        }
        assert_eq!(neutralise_cell("ok = fine"), "ok = fine");
    }
}
