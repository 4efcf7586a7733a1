//! One cell of a spreadsheet-bound file (CSV, XLSX, Markdown), written safely.
//!
//! A spreadsheet program runs a cell that starts like a formula (OWASP "CSV
//! injection"): `=`, `+`, `-`, `@`, or a tab, carriage return or line feed, also after
//! leading spaces. Every text Faro writes into such a file goes through
//! [`neutralise_cell`] — headers, notes and comment lines included — which puts a `'`
//! in front; [`unneutralise_cell`] takes it off again when Faro reads its own file back.

/// The cell as written: a `'` in front of anything a spreadsheet would run.
pub fn neutralise_cell(text: &str) -> String {
    if starts_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A free-text line (a note above a table): every part between two `delimiter`s is
/// neutralised, so the line is safe however a program splits it.
pub fn neutralise_line(text: &str, delimiter: char) -> String {
    text.replace(['\n', '\r'], " ").split(delimiter).map(neutralise_cell).collect::<Vec<_>>().join(&delimiter.to_string())
}

/// Undoes [`neutralise_cell`] when a file Faro wrote is read back: the `'` comes off only
/// where Faro would have put it.
pub fn unneutralise_cell(cell: &str) -> &str {
    cell.strip_prefix('\'').filter(|rest| starts_like_formula(rest)).unwrap_or(cell)
}

fn starts_like_formula(text: &str) -> bool {
    if matches!(text.chars().next(), Some('\t' | '\r' | '\n')) {
        return true;
    }
    matches!(text.trim_start().chars().next(), Some('=' | '+' | '-' | '@' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}'))
}

/// A CSV file's bytes with a UTF-8 byte-order mark, without which Excel reads accented
/// letters wrongly.
pub fn with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for payload in ["=1+1", "+1", "-2", "@SUM(A1)", "\t=x", "\r=x", " =1+1", "  @x", "\n=x", "＝1+1"] {
            let cell = neutralise_cell(payload);
            assert!(cell.starts_with('\''), "{payload:?}");
            assert_eq!(unneutralise_cell(&cell), payload);
        }
        assert_eq!(neutralise_cell("ok = fine"), "ok = fine");
        assert_eq!(unneutralise_cell("'quoted"), "'quoted");
    }

    #[test]
    fn every_part_of_a_note_is_neutralised() {
        let line = neutralise_line("Brambilla;=1+1;@SUM(1,1); — note", ';');
        for part in line.split(';') {
            assert!(!starts_like_formula(part), "{part:?} in {line:?}");
        }
        assert!(line.starts_with("Brambilla;'=1+1;'@SUM(1,1);"));
    }
}
