//! The statistics Faro reports, each stated in METHOD.md with a worked example that a
//! test reproduces: means, standard deviations, percentiles, percentile ranks, Student-t
//! confidence intervals, Cronbach's α.

/// Arithmetic mean; `None` for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Sample standard deviation (n − 1 in the denominator); 0 for a single value.
pub fn sd(values: &[f64]) -> Option<f64> {
    let m = mean(values)?;
    if values.len() < 2 {
        return Some(0.0);
    }
    let ss: f64 = values.iter().map(|v| (v - m).powi(2)).sum();
    Some((ss / (values.len() - 1) as f64).sqrt())
}

/// The `p`-th percentile (0–100) of **sorted** values by linear interpolation between
/// order statistics (Hyndman–Fan type 7, the default of R and NumPy):
/// h = (n − 1)·p/100, result = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋).
pub fn percentile_sorted(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p.clamp(0.0, 100.0) / 100.0;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// The percentile levels of a benchmark table: 0, 5, 10, …, 100.
pub const TABLE_STEPS: usize = 21;

pub fn table_level(i: usize) -> f64 {
    i as f64 * 5.0
}

/// The 21-point percentile table (every 5th percentile) of unsorted values.
pub fn percentile_table(values: &[f64]) -> Option<Vec<f64>> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    (0..TABLE_STEPS).map(|i| percentile_sorted(&sorted, table_level(i))).collect()
}

/// Where `x` stands in a percentile table (0–100), by linear interpolation between
/// the table's points (METHOD.md §Percentile rank):
/// * below the 0th percentile → 0; above the 100th → 100;
/// * strictly between two points (v_k < x < v_k+1) → p_k + 5·(x − v_k)/(v_k+1 − v_k);
/// * on a value the table repeats (a flat stretch) → the middle of the levels holding it.
pub fn percentile_rank(table: &[f64], x: f64) -> Option<f64> {
    if table.len() != TABLE_STEPS || !x.is_finite() {
        return None;
    }
    if x < table[0] {
        return Some(0.0);
    }
    if x > table[TABLE_STEPS - 1] {
        return Some(100.0);
    }
    let equal: Vec<usize> = (0..TABLE_STEPS).filter(|&i| (table[i] - x).abs() < 1e-9).collect();
    if let (Some(&first), Some(&last)) = (equal.first(), equal.last()) {
        return Some((table_level(first) + table_level(last)) / 2.0);
    }
    let k = (0..TABLE_STEPS - 1).find(|&i| table[i] < x && x < table[i + 1])?;
    Some(table_level(k) + 5.0 * (x - table[k]) / (table[k + 1] - table[k]))
}

/// The 97.5 % quantile of Student's t with `df` degrees of freedom (for 95 % intervals).
pub fn t975(df: usize) -> f64 {
    if df == 0 {
        return f64::INFINITY;
    }
    distrs::StudentsT::ppf(0.975, df as f64)
}

/// Cronbach's α of a set of items answered by the same respondents:
/// α = k/(k−1) · (1 − Σ var(item) / var(total)), with sample variances. `rows` holds
/// one row of k item scores per respondent (complete rows only). `None` when fewer
/// than 2 items or 2 respondents, or when the total has no variance.
pub fn cronbach_alpha(rows: &[Vec<f64>]) -> Option<f64> {
    let k = rows.first()?.len();
    if k < 2 || rows.len() < 2 || rows.iter().any(|r| r.len() != k) {
        return None;
    }
    let var = |v: &[f64]| sd(v).map(|s| s * s).unwrap_or(0.0);
    let item_var: f64 = (0..k).map(|j| var(&rows.iter().map(|r| r[j]).collect::<Vec<_>>())).sum();
    let totals: Vec<f64> = rows.iter().map(|r| r.iter().sum()).collect();
    let total_var = var(&totals);
    (total_var > 0.0).then(|| k as f64 / (k as f64 - 1.0) * (1.0 - item_var / total_var))
}

/// Rounds to one decimal (figures written to files).
pub fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_sd_by_hand() {
        let v = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_eq!(mean(&v), Some(5.0));
        assert!((sd(&v).unwrap() - (32.0f64 / 7.0).sqrt()).abs() < 1e-12);
        assert_eq!(mean(&[]), None);
        assert_eq!(sd(&[3.0]), Some(0.0));
    }

    /// METHOD.md §Percentiles, worked example.
    #[test]
    fn percentile_type_7() {
        let v = [10.0, 20.0, 30.0, 40.0, 50.0];
        assert_eq!(percentile_sorted(&v, 0.0), Some(10.0));
        assert_eq!(percentile_sorted(&v, 50.0), Some(30.0));
        assert_eq!(percentile_sorted(&v, 90.0), Some(46.0));
        assert_eq!(percentile_sorted(&v, 100.0), Some(50.0));
        assert!((percentile_sorted(&v, 35.0).unwrap() - 24.0).abs() < 1e-12);
    }

    /// METHOD.md §Percentile rank, worked examples.
    #[test]
    fn percentile_rank_by_hand() {
        // 0, 5, …, 100 → values 10, 20, 25, 25, 25, 30, … (+5 per step)
        let mut table = vec![10.0, 20.0, 25.0, 25.0, 25.0];
        while table.len() < TABLE_STEPS {
            table.push(table.last().unwrap() + 5.0);
        }
        assert_eq!(percentile_rank(&table, 22.0), Some(7.0));
        assert_eq!(percentile_rank(&table, 25.0), Some(15.0));
        assert_eq!(percentile_rank(&table, 5.0), Some(0.0));
        assert_eq!(percentile_rank(&table, 1000.0), Some(100.0));
        assert_eq!(percentile_rank(&table, 10.0), Some(0.0));
        assert_eq!(percentile_rank(&table[..5], 10.0), None);
    }

    #[test]
    fn t_quantiles_match_tables() {
        assert!((t975(1) - 12.706).abs() < 1e-3);
        assert!((t975(9) - 2.262).abs() < 1e-3);
        assert!((t975(29) - 2.045).abs() < 1e-3);
        assert!((t975(100_000) - 1.960).abs() < 1e-3);
    }

    #[test]
    fn cronbach_alpha_by_hand() {
        // Two identical items: α = 1. Items with no shared variance: α ≤ 0.
        let rows = vec![vec![1.0, 1.0], vec![2.0, 2.0], vec![3.0, 3.0]];
        assert!((cronbach_alpha(&rows).unwrap() - 1.0).abs() < 1e-12);
        // METHOD.md §Cronbach's α worked example: 3 items, 4 respondents.
        let rows = vec![vec![4.0, 5.0, 4.0], vec![2.0, 3.0, 3.0], vec![5.0, 5.0, 4.0], vec![1.0, 2.0, 2.0]];
        assert!((cronbach_alpha(&rows).unwrap() - 23.0 / 24.0).abs() < 1e-12);
    }
}
