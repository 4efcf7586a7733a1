//! Calendar dates as Faro stores them: `YYYY-MM-DD` (ISO 8601), shown to people in
//! their language's form by [`crate::kernel::i18n::Lang::date`].

/// Is `date` empty or a calendar date `YYYY-MM-DD`? (The UI uses `<input type=date>`;
/// importers check it.)
pub fn is_date_or_empty(date: &str) -> bool {
    date.is_empty() || parse(date).is_some()
}

/// Year, month and day of a `YYYY-MM-DD` date that exists in the calendar.
pub fn parse(date: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return None };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse::<u32>().ok()?, m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    ((1000..=9999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize]).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert!(is_date_or_empty(""));
        assert!(is_date_or_empty("2028-02-29"));
        assert!(!is_date_or_empty("2027-02-29"));
        assert!(!is_date_or_empty("2027-13-01"));
        assert!(!is_date_or_empty("27-1-1"));
    }
}
