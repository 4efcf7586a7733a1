//! The figures the dashboard is made of: a 1–5 rating with its interval and the Net
//! Promoter Score, each hidden below [`MIN_CELL`] answers, count included (METHOD.md
//! D2–D3).

use crate::kernel::stats;
use serde::{Deserialize, Serialize};

/// No figure about fewer respondents is shown or exported (screen, files, breakdowns).
pub const MIN_CELL: usize = crate::kernel::disclosure::MIN_GROUP;

/// A 1–5 distribution and its mean with a 95 % interval; everything hidden below 5,
/// the count too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    /// Respondents (`None` when fewer than 5).
    pub n: Option<usize>,
    /// Counts of 1…5.
    pub counts: Option<[usize; 5]>,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    /// Half-width of the 95 % confidence interval of the mean (Student's t); `None` when
    /// every answer is the same, since no spread means no interval, not a precise one.
    pub ci: Option<f64>,
}

impl Rating {
    /// From counts of the values 1…5.
    pub fn from_counts(counts: [usize; 5]) -> Rating {
        let n: usize = counts.iter().sum();
        if n < MIN_CELL {
            return Rating { n: None, counts: None, mean: None, sd: None, ci: None };
        }
        let sum: f64 = counts.iter().enumerate().map(|(i, c)| (i + 1) as f64 * *c as f64).sum();
        let mean = sum / n as f64;
        let ss: f64 = counts.iter().enumerate().map(|(i, c)| *c as f64 * ((i + 1) as f64 - mean).powi(2)).sum();
        let sd = (ss / (n - 1) as f64).sqrt();
        let ci = (sd > 0.0).then(|| stats::t975(n - 1) * sd / (n as f64).sqrt());
        Rating { n: Some(n), counts: Some(counts), mean: Some(mean), sd: Some(sd), ci }
    }

    /// The 95 % interval, clamped to the 1–5 scale (a mean of 4.9 ± 0.2 reads 4.7–5).
    pub fn interval(&self) -> Option<(f64, f64)> {
        let (mean, ci) = (self.mean?, self.ci?);
        Some(((mean - ci).max(1.0), (mean + ci).min(5.0)))
    }
}

/// Net Promoter Score, with its 95 % interval; hidden below 5 answers, counts too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Nps {
    pub n: Option<usize>,
    pub promoters: Option<usize>,
    pub passives: Option<usize>,
    pub detractors: Option<usize>,
    /// % promoters − % detractors, −100…+100.
    pub score: Option<f64>,
    /// Half-width of the 95 % interval (normal approximation to the difference of two
    /// shares of one sample; METHOD.md D3).
    #[serde(default)]
    pub ci: Option<f64>,
}

impl Nps {
    /// From counts of the answers 0…10.
    pub fn from_counts(counts: &[usize; 11]) -> Nps {
        let n: usize = counts.iter().sum();
        if n < MIN_CELL {
            return Nps { n: None, promoters: None, passives: None, detractors: None, score: None, ci: None };
        }
        let detractors: usize = counts[..=6].iter().sum();
        let passives = counts[7] + counts[8];
        let promoters = counts[9] + counts[10];
        let (p, d) = (promoters as f64 / n as f64, detractors as f64 / n as f64);
        let variance = (p + d - (p - d).powi(2)) / n as f64;
        Nps {
            n: Some(n),
            promoters: Some(promoters),
            passives: Some(passives),
            detractors: Some(detractors),
            score: Some(100.0 * (p - d)),
            ci: (variance > 0.0).then(|| 100.0 * stats::Z975 * variance.sqrt()),
        }
    }

    /// The score's squared standard error, in points², for comparing two years.
    pub fn variance(&self) -> Option<f64> {
        let n = self.n? as f64;
        let (p, d) = (self.promoters? as f64 / n, self.detractors? as f64 / n);
        Some(100.0f64.powi(2) * (p + d - (p - d).powi(2)) / n)
    }

    /// The 95 % interval, clamped to −100…+100.
    pub fn interval(&self) -> Option<(f64, f64)> {
        let (score, ci) = (self.score?, self.ci?);
        Some(((score - ci).max(-100.0), (score + ci).min(100.0)))
    }
}

pub fn rating_counts(column: &[u8]) -> [usize; 5] {
    let mut counts = [0usize; 5];
    for &c in column {
        if (1..=5).contains(&c) {
            counts[c as usize - 1] += 1;
        }
    }
    counts
}

pub fn nps_counts(column: &[u8]) -> [usize; 11] {
    let mut counts = [0usize; 11];
    for &c in column {
        if (1..=11).contains(&c) {
            counts[c as usize - 1] += 1;
        }
    }
    counts
}
