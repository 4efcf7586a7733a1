//! One answer as recorded: its value and when it was given.

use crate::content::bank::Answer;
use serde::{Deserialize, Serialize};

/// An answer and when it was given (ISO 8601, UTC).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Given {
    pub value: Answer,
    pub at: String,
    /// Copied from last year's assessment and not yet confirmed: shown as "carried over"
    /// until the company answers or confirms it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
}
