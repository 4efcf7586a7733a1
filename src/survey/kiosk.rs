//! Collecting on one device: the kiosk session (respondents in turn), and staff's
//! settings of the survey (the membership, for the response rate).

use crate::content::bank::Bank;
use crate::survey::response::Response;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// Member organisations the survey went to, for the response rate.
    #[serde(default)]
    pub members: Option<usize>,
    /// Member organisations by class (member-type option id → how many), for the
    /// response rate by class.
    #[serde(default)]
    pub members_by_class: BTreeMap<String, usize>,
    /// Seconds without a touch or a key before a kiosk or workshop turn asks "are you
    /// still there?" (`None`: the default, [`IDLE_SECONDS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_seconds: Option<u32>,
    /// What an unattended turn leaves: kept as unfinished (the default) or discarded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub discard_idle: bool,
}

/// Seconds of no input before the device asks whether someone is still there.
pub const IDLE_SECONDS: u32 = 90;
/// Fewest and most seconds staff can set.
pub const IDLE_RANGE: (u32, u32) = (15, 3600);

impl SurveySettings {
    /// The idle time in force.
    pub fn idle_seconds(&self) -> u32 {
        self.idle_seconds.unwrap_or(IDLE_SECONDS).clamp(IDLE_RANGE.0, IDLE_RANGE.1)
    }
}

/// Seconds the "are you still there?" question counts down before the form closes: a
/// third of the idle time, between 10 and 30.
pub fn countdown_seconds(idle: u32) -> u32 {
    (idle / 3).clamp(10, 30)
}

/// Response rate, % (as the regional KPI defines it): responding member organisations ÷
/// member organisations, several people of one organisation counting once.
pub fn response_rate(organisations: usize, members: Option<usize>) -> Option<f64> {
    members.filter(|m| *m > 0).map(|m| 100.0 * organisations as f64 / m as f64)
}

/// Submitted responses from someone answering for their organisation (the profile field
/// with role `org_contact`, answered "yes"): one per organisation. Every submitted
/// response counts when the survey does not ask. `None` below 5, as on the dashboard.
pub fn responding_organisations(bank: &Bank, responses: &[Response]) -> Option<usize> {
    let submitted = responses.iter().filter(|r| r.submitted_at.is_some());
    let count = match bank.profile_with_role("org_contact") {
        Some(field) => submitted.filter(|r| r.profile.get(&field.id).is_some_and(|v| v == "yes")).count(),
        None => submitted.count(),
    };
    (count >= crate::survey::figures::MIN_CELL).then_some(count)
}
