//! Collecting on one device: the kiosk session (respondents in turn), and staff's
//! settings of the survey (the membership, for the response rate).

use serde::{Deserialize, Serialize};

/// A collection session on one device: respondents take the survey in turn.
/// The code only guards against accidental exits; it is stored in the browser and is no
/// security (there is no server to check it against).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kiosk {
    pub session: String,
    pub label: String,
    pub code: String,
    pub started_at: String,
    pub collected: usize,
    /// The response being filled in now.
    pub current: String,
}

impl Kiosk {
    /// Shortest exit code accepted.
    pub const MIN_CODE: usize = 4;

    pub fn unlocks(&self, attempt: &str) -> bool {
        attempt.trim() == self.code
    }
}

/// Staff settings of the survey on this device.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SurveySettings {
    /// Members the survey went to, for the response rate.
    #[serde(default)]
    pub members: Option<usize>,
}

/// Response rate, %: responses ÷ members.
pub fn response_rate(n: usize, members: Option<usize>) -> Option<f64> {
    members.filter(|m| *m > 0).map(|m| 100.0 * n as f64 / m as f64)
}
