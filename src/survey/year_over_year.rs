//! Year over year: the figures of one year kept as a results file, last year's figures
//! read from such a file or from last year's responses, and the test of a change
//! (METHOD.md §YoY).

use crate::content::bank::Bank;
use crate::format::envelope::{self, format_of, Envelope, FormatId};
use crate::format::input::text_of;
use crate::kernel::problem::{Problem, ProblemKind};
use crate::survey::aggregate::{aggregate, Dashboard, Rating};
use crate::survey::dataset::Dataset;
use crate::survey::files::{import_with, push_checked, MAX_RESPONSES_FILE};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The figures of one year kept for the next year's comparison (aggregates only).
pub type ResultsFile = Envelope<ResultsBody>;

/// The body of a results file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsBody {
    pub bank_id: String,
    pub bank_version: String,
    pub year: Option<i64>,
    pub dashboard: Dashboard,
}

pub fn results_json(bank: &Bank, dashboard: &Dashboard, now: &str) -> String {
    let body = ResultsBody { bank_id: bank.id().into(), bank_version: bank.version().into(), year: bank.meta().year, dashboard: dashboard.clone() };
    Envelope::new(FormatId::SURVEY_RESULTS, body, now).to_json()
}

/// Last year's figures from a responses file (JSON or CSV) or a results file.
pub fn last_year(name: &str, bytes: &[u8], bank: &Bank) -> Result<Dashboard, Vec<Problem>> {
    let text = text_of(name, bytes, MAX_RESPONSES_FILE).map_err(|p| vec![p])?;
    if format_of(text).as_deref() == Some(FormatId::SURVEY_RESULTS.as_str()) {
        let file: ResultsFile = envelope::read_text(name, text, FormatId::SURVEY_RESULTS).map_err(|p| vec![p])?;
        if file.bank_id != bank.id() {
            return Err(vec![Problem::new(name, ProblemKind::UnknownBank { id: file.body.bank_id, version: file.body.bank_version })]);
        }
        return Ok(file.body.dashboard);
    }
    // Last year's questionnaire has last year's version: read its rows against this year's
    // bank (same id); questions that no longer exist are reported as ignored columns.
    let mut known = BTreeSet::new();
    let mut data = Dataset::empty(bank);
    let report = import_with(name, bytes, bank, &mut known, true, &mut |row| push_checked(&mut data, bank, &row));
    if report.accepted_count == 0 {
        return Err(if report.rejected.is_empty() { vec![Problem::new(name, ProblemKind::Empty)] } else { report.rejected });
    }
    Ok(aggregate(bank, &data))
}

/// A change between two years.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub this_year: Option<f64>,
    pub last_year: Option<f64>,
    pub change: Option<f64>,
    /// The change is larger than sampling noise allows (METHOD.md §YoY).
    pub significant: bool,
}

/// Compares two means with Welch's t-test at 95 %: significant when
/// |Δ| > t(0.975, ν)·√(se₁² + se₂²), ν by Welch–Satterthwaite.
pub fn change(this: &Rating, last: &Rating) -> Change {
    // (n, mean, squared standard error) of each year, where there is a spread to test.
    let sample = |r: &Rating| Some((r.n, r.mean?, r.sd?.powi(2) / r.n as f64)).filter(|(n, _, _)| *n >= 2);
    let significant = match (sample(this), sample(last)) {
        (Some((n1, m1, v1)), Some((n2, m2, v2))) => {
            let se = (v1 + v2).sqrt();
            if se == 0.0 {
                m1 != m2
            } else {
                let df = (v1 + v2).powi(2) / (v1.powi(2) / (n1 - 1) as f64 + v2.powi(2) / (n2 - 1) as f64);
                (m1 - m2).abs() > distrs::StudentsT::ppf(0.975, df) * se
            }
        }
        _ => false,
    };
    Change { this_year: this.mean, last_year: last.mean, change: this.mean.zip(last.mean).map(|(x, y)| x - y), significant }
}
