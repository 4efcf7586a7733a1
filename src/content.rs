//! The content bundled with the app: question banks, service catalogue and action
//! library, embedded as JSON by `build.rs` from the TOML files staff edit.
//!
//! The bundled files are validated by `cargo test` (see `tests/content.rs`), so loading
//! them here cannot fail in a released build; if it ever did, the error is returned, not
//! a panic.

use crate::actions::Library;
use crate::bank::{Bank, Source};
use crate::catalogue::Catalogue;
use crate::problem::Problem;

pub const INNOVATION_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/innovation.json"));
pub const SATISFACTION_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/satisfaction.json"));
pub const SERVICES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/services.json"));
pub const ACTIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/actions.json"));

/// Everything the app needs to run an assessment and a survey.
#[derive(Clone, Debug)]
pub struct Content {
    pub catalogue: Catalogue,
    pub innovation: Bank,
    pub satisfaction: Bank,
    pub actions: Library,
}

impl Content {
    /// Loads and validates the bundled content.
    pub fn bundled() -> Result<Content, Vec<Problem>> {
        let src = |name| Source { name, text: "" };
        let catalogue = Catalogue::from_json(SERVICES_JSON, src("assets/services.toml"))?;
        let innovation = Bank::from_json(INNOVATION_JSON, src("questions/innovation.toml"), Some(&catalogue))?;
        let satisfaction = Bank::from_json(SATISFACTION_JSON, src("questions/satisfaction.toml"), Some(&catalogue))?;
        let actions = Library::from_json(ACTIONS_JSON, src("assets/actions.toml"), &innovation, &catalogue)?;
        Ok(Content { catalogue, innovation, satisfaction, actions })
    }
}
