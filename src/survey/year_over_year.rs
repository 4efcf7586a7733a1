//! Year over year: the figures of one year kept as a results file, last year's figures
//! read from such a file or from last year's responses, and the test of a change
//! (METHOD.md §YoY).

use crate::content::bank::Bank;
use crate::format::envelope::{self, format_of, Envelope, FormatId};
use crate::format::input::text_of;
use crate::kernel::problem::{Problem, ProblemKind};
use crate::kernel::stats;
use crate::survey::aggregate::{aggregate, Dashboard};
use crate::survey::commitments::Commitment;
use crate::survey::dataset::Dataset;
use crate::survey::figures::{Nps, Rating};
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
    /// What staff said they would do about the services to concentrate on ("you said,
    /// we did"): shown next year beside those services' new results.
    #[serde(default)]
    pub commitments: Vec<Commitment>,
}

pub fn results_json(bank: &Bank, dashboard: &Dashboard, commitments: &[Commitment], now: &str) -> String {
    let body = ResultsBody {
        bank_id: bank.id().into(),
        bank_version: bank.version().into(),
        year: bank.meta().year,
        dashboard: dashboard.clone(),
        commitments: commitments.to_vec(),
    };
    Envelope::new(FormatId::SURVEY_RESULTS, body, now).to_json()
}

/// An earlier year of the survey: its figures and what staff committed to then.
#[derive(Clone, Debug, PartialEq)]
pub struct Year {
    /// The survey year, or the file's name when the file does not say.
    pub label: String,
    pub dashboard: Dashboard,
    pub commitments: Vec<Commitment>,
}

/// An earlier year from a responses file (JSON or CSV) or a results file.
pub fn earlier_year(name: &str, bytes: &[u8], bank: &Bank) -> Result<Year, Vec<Problem>> {
    let text = text_of(name, bytes, MAX_RESPONSES_FILE).map_err(|p| vec![p])?;
    if format_of(text).as_deref() == Some(FormatId::SURVEY_RESULTS.as_str()) {
        let file: ResultsFile = envelope::read_text(name, text, FormatId::SURVEY_RESULTS).map_err(|p| vec![p])?;
        if file.bank_id != bank.id() {
            return Err(vec![Problem::new(name, ProblemKind::UnknownBank { id: file.body.bank_id, version: file.body.bank_version })]);
        }
        let label = file.body.year.map_or_else(|| name.to_owned(), |y| y.to_string());
        return Ok(Year { label, dashboard: file.body.dashboard, commitments: file.body.commitments });
    }
    // Last year's questionnaire has last year's version: read its rows against this year's
    // bank (same id); questions that no longer exist are reported as ignored columns.
    let mut known = BTreeSet::new();
    let mut data = Dataset::empty(bank);
    let report = import_with(name, bytes, bank, &mut known, true, &mut |row| push_checked(&mut data, &row));
    if report.accepted_count == 0 {
        return Err(if report.rejected.is_empty() { vec![Problem::new(name, ProblemKind::Empty)] } else { report.rejected });
    }
    let label = name.trim_end_matches(".json").trim_end_matches(".csv").to_owned();
    Ok(Year { label, dashboard: aggregate(bank, &data), commitments: Vec::new() })
}

/// Last year's figures from a responses file (JSON or CSV) or a results file.
pub fn last_year(name: &str, bytes: &[u8], bank: &Bank) -> Result<Dashboard, Vec<Problem>> {
    earlier_year(name, bytes, bank).map(|year| year.dashboard)
}

/// What a year-over-year row compares.
#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    Overall,
    FeeValue,
    Nps,
    /// A service's satisfaction (service id).
    Service(String),
}

/// A change between two years.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub this_year: Option<f64>,
    pub last_year: Option<f64>,
    pub change: Option<f64>,
    /// Half-width of the change's 95 % interval (before any adjustment).
    pub ci: Option<f64>,
    /// The two-sided p-value of the change, alone.
    pub p: Option<f64>,
    /// The p-value adjusted for all the year's comparisons (Holm).
    pub adjusted: Option<f64>,
    /// The change is larger than chance across all the year's comparisons would make it:
    /// adjusted p < 0.05 (METHOD.md D7).
    pub significant: bool,
}

/// The family-wise error rate of a year's comparisons.
pub const ALPHA: f64 = 0.05;

/// Compares two means with Welch's t-test: the change, its 95 % interval and p-value,
/// with ν by Welch–Satterthwaite. Not adjusted: see [`compare_years`].
pub fn change(this: &Rating, last: &Rating) -> Change {
    // (n, mean, squared standard error) of each year.
    let sample = |r: &Rating| r.n.zip(r.mean).zip(r.sd).map(|((n, m), sd)| (n, m, sd.powi(2) / n as f64)).filter(|(n, _, _)| *n >= 2);
    let (ci, p) = match (sample(this), sample(last)) {
        (Some((n1, m1, v1)), Some((n2, m2, v2))) => {
            let se = (v1 + v2).sqrt();
            if se == 0.0 {
                // Every answer the same in both years: a difference is certain, none is none.
                (None, Some(if m1 == m2 { 1.0 } else { 0.0 }))
            } else {
                let df = (v1 + v2).powi(2) / (v1.powi(2) / (n1 - 1) as f64 + v2.powi(2) / (n2 - 1) as f64);
                let t = (m1 - m2).abs() / se;
                (Some(distrs::StudentsT::ppf(0.975, df) * se), Some(2.0 * (1.0 - distrs::StudentsT::cdf(t, df))))
            }
        }
        _ => (None, None),
    };
    let change = this.mean.zip(last.mean).map(|(x, y)| x - y);
    Change { this_year: this.mean, last_year: last.mean, change, ci, p, adjusted: p, significant: p.is_some_and(|p| p < ALPHA) }
}

/// Compares two years' NPS: a z-test on the difference, each year's variance that of
/// the difference of two shares of one sample (METHOD.md D7).
pub fn nps_change(this: &Nps, last: &Nps) -> Change {
    let (ci, p) = match (this.score.zip(this.variance()), last.score.zip(last.variance())) {
        (Some((s1, v1)), Some((s2, v2))) if v1 + v2 > 0.0 => {
            let se = (v1 + v2).sqrt();
            (Some(stats::Z975 * se), Some(2.0 * (1.0 - distrs::Normal::cdf((s1 - s2).abs() / se, 0.0, 1.0))))
        }
        (Some((s1, _)), Some((s2, _))) => (None, Some(if s1 == s2 { 1.0 } else { 0.0 })),
        _ => (None, None),
    };
    let change = this.score.zip(last.score).map(|(x, y)| x - y);
    Change { this_year: this.score, last_year: last.score, change, ci, p, adjusted: p, significant: p.is_some_and(|p| p < ALPHA) }
}

/// Every comparison of this year with last (overall satisfaction, fee value, NPS, each
/// service's satisfaction), as one family: p-values adjusted by Holm's step-down
/// method, so that the chance of flagging any change that is only noise stays at 5 %.
pub fn compare_years(this: &Dashboard, last: &Dashboard) -> Vec<(Measure, Change)> {
    let mut rows = Vec::new();
    if let (Some(a), Some(b)) = (&this.overall, &last.overall) {
        rows.push((Measure::Overall, change(a, b)));
    }
    if let (Some(a), Some(b)) = (&this.fee_value, &last.fee_value) {
        rows.push((Measure::FeeValue, change(a, b)));
    }
    if let (Some(a), Some(b)) = (&this.nps, &last.nps) {
        rows.push((Measure::Nps, nps_change(a, b)));
    }
    for s in &this.services {
        if let Some(prev) = last.services.iter().find(|p| p.service == s.service) {
            rows.push((Measure::Service(s.service.clone()), change(&s.satisfaction, &prev.satisfaction)));
        }
    }
    let adjusted = holm(&rows.iter().map(|(_, c)| c.p).collect::<Vec<_>>());
    for ((_, c), adjusted) in rows.iter_mut().zip(adjusted) {
        c.adjusted = adjusted;
        c.significant = adjusted.is_some_and(|p| p < ALPHA);
    }
    rows
}

/// Holm's adjusted p-values: sorted ascending, the k-th smallest (from 0) of m becomes
/// max over j ≤ k of (m − j)·p₍ⱼ₎, capped at 1. Tests without a p-value are not counted.
pub fn holm(p: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut order: Vec<usize> = (0..p.len()).filter(|&i| p[i].is_some()).collect();
    order.sort_by(|&a, &b| p[a].unwrap_or(1.0).total_cmp(&p[b].unwrap_or(1.0)));
    let m = order.len();
    let mut out = vec![None; p.len()];
    let mut running = 0.0f64;
    for (k, &i) in order.iter().enumerate() {
        running = running.max(((m - k) as f64 * p[i].unwrap_or(1.0)).min(1.0));
        out[i] = Some(running);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// METHOD.md D7, worked example: four p-values 0.010, 0.040, 0.030, 0.500. Sorted,
    /// 4 × 0.010 = 0.040, 3 × 0.030 = 0.090, 2 × 0.040 = 0.080 → 0.090 (never below
    /// the one before), 1 × 0.5 = 0.5. Only the first stays under 0.05.
    #[test]
    fn holm_by_hand() {
        let adjusted = holm(&[Some(0.010), Some(0.040), Some(0.030), Some(0.500), None]);
        let round = |v: Option<f64>| v.map(|x| (x * 1000.0).round() / 1000.0);
        assert_eq!(adjusted.into_iter().map(round).collect::<Vec<_>>(), vec![Some(0.04), Some(0.09), Some(0.09), Some(0.5), None]);
    }

    /// A Welch test against an independent computation (SciPy's ttest_ind with
    /// equal_var=False): 5 answers of 4 and 5 of 2 against 5 of 3 and 5 of 2. Means 3 and
    /// 2.5, t = 1.3416, ν = 13.235, p = 0.20228.
    #[test]
    fn welch_matches_r() {
        let this = Rating::from_counts([0, 5, 0, 5, 0]);
        let last = Rating::from_counts([0, 5, 5, 0, 0]);
        let c = change(&this, &last);
        assert_eq!(c.change, Some(0.5));
        assert!((c.p.unwrap() - 0.202_279).abs() < 1e-5, "{:?}", c.p);
    }

    /// NPS: 50 answers with 20 promoters, 10 detractors (+20) against 40 % each (0):
    /// variances 100²·(0.6 − 0.04)/50 = 112 and 100²·0.8/50 = 160, se = √272 = 16.49,
    /// so the change of +20 has a 95 % interval of ± 32.3 and p = 0.225.
    #[test]
    fn nps_change_by_hand() {
        let mut a = [0usize; 11];
        a[10] = 20;
        a[8] = 20;
        a[0] = 10;
        let mut b = [0usize; 11];
        b[10] = 20;
        b[8] = 10;
        b[0] = 20;
        let c = nps_change(&Nps::from_counts(&a), &Nps::from_counts(&b));
        assert_eq!(c.change, Some(20.0));
        assert!((c.ci.unwrap() - 32.32).abs() < 0.01, "{:?}", c.ci);
        assert!((c.p.unwrap() - 0.2253).abs() < 1e-3, "{:?}", c.p);
    }
}
