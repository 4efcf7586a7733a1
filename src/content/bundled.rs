//! The content bundled with the app: question banks, service catalogue and action
//! library, embedded as JSON by `build.rs` from the TOML files staff edit.
//!
//! The bundled files are validated by `cargo test` (see `tests/content.rs`), so loading
//! them here cannot fail in a released build; if it ever did, the error is returned, not
//! a panic.

use crate::content::actions::Library;
use crate::content::bank::Bank;
use crate::content::catalogue::Catalogue;
use crate::content::themes::Codebook;
use crate::format::envelope::FormatId;
use crate::kernel::problem::{Problem, Source};
use std::sync::Arc;

pub const INNOVATION_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/innovation.json"));
pub const SATISFACTION_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/satisfaction.json"));
pub const SERVICES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/services.json"));
pub const ACTIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/actions.json"));
pub const THEMES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/themes.json"));

/// The questionnaires and the service catalogue: what the app needs from its first page.
/// Shared, never copied: pages hold the same banks. The action library, needed only for
/// the Action Plan, is loaded on first use and checked against these
/// ([`Content::library`]); the app's own copy ships in the tools worker.
#[derive(Clone, Debug)]
pub struct Content {
    pub catalogue: Arc<Catalogue>,
    pub innovation: Arc<Bank>,
    pub satisfaction: Arc<Bank>,
    /// The themes staff tag the survey's comments with.
    pub themes: Arc<Codebook>,
}

/// Content files loaded on this device instead of the bundled ones (JSON text each).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overrides {
    pub innovation: Option<String>,
    pub satisfaction: Option<String>,
    pub services: Option<String>,
    pub actions: Option<String>,
    pub themes: Option<String>,
}

/// Which content file a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    AssessmentBank,
    SurveyBank,
    Catalogue,
    Actions,
    Themes,
    Benchmark,
}

impl Kind {
    /// Recognises a content file by its top-level keys (JSON form).
    pub fn of(value: &serde_json::Value) -> Option<Kind> {
        if value.get("format").and_then(|f| f.as_str()) == Some(FormatId::BENCHMARK.as_str()) {
            return Some(Kind::Benchmark);
        }
        if let Some(bank) = value.get("bank") {
            return Some(if bank.get("kind").and_then(|k| k.as_str()) == Some("survey") { Kind::SurveyBank } else { Kind::AssessmentBank });
        }
        if value.get("library").is_some() {
            return Some(Kind::Actions);
        }
        if value.get("codebook").is_some() {
            return Some(Kind::Themes);
        }
        value.get("catalogue").is_some().then_some(Kind::Catalogue)
    }
}

impl Content {
    /// Loads and validates the bundled content.
    pub fn bundled() -> Result<Content, Vec<Problem>> {
        Content::assemble(&Overrides::default()).map(|(c, _)| c)
    }

    /// The bundled content with the device's own files in place of bundled ones. When the
    /// set does not fit together (after an update, say), the bundled content is used and
    /// the problems are returned, so the app always starts.
    pub fn assemble(overrides: &Overrides) -> Result<(Content, Vec<Problem>), Vec<Problem>> {
        match Content::build(overrides) {
            Ok(content) => Ok((content, Vec::new())),
            Err(problems) if *overrides != Overrides::default() => Content::build(&Overrides::default()).map(|c| (c, problems)),
            Err(problems) => Err(problems),
        }
    }

    /// The content of `o`; a device's own action library must fit it too.
    fn build(o: &Overrides) -> Result<Content, Vec<Problem>> {
        let src = |name| Source { name, text: "" };
        let catalogue = Catalogue::from_json(o.services.as_deref().unwrap_or(SERVICES_JSON), src("services"))?;
        let innovation = Bank::from_json(o.innovation.as_deref().unwrap_or(INNOVATION_JSON), src("innovation"), Some(&catalogue))?;
        let satisfaction = Bank::from_json(o.satisfaction.as_deref().unwrap_or(SATISFACTION_JSON), src("satisfaction"), Some(&catalogue))?;
        let themes = Codebook::from_json(o.themes.as_deref().unwrap_or(THEMES_JSON), src("themes"))?;
        let content =
            Content { catalogue: Arc::new(catalogue), innovation: Arc::new(innovation), satisfaction: Arc::new(satisfaction), themes: Arc::new(themes) };
        if let Some(actions) = &o.actions {
            content.library(actions)?;
        }
        Ok(content)
    }

    /// An action library (JSON form) checked against this content's bank and catalogue.
    pub fn library(&self, json: &str) -> Result<Library, Vec<Problem>> {
        Library::from_json(json, Source { name: "actions", text: "" }, &self.innovation, &self.catalogue)
    }

    /// The bundled action library, checked against this content. Natively and in the
    /// tools worker only: the app asks the worker for it (see `ui::state`).
    pub fn bundled_library(&self) -> Result<Library, Vec<Problem>> {
        self.library(ACTIONS_JSON)
    }
}
