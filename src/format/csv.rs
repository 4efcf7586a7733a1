//! CSV files (RFC 4180 by the `csv` crate), in the delimiter of the user's language,
//! with every text cell neutralised.

use crate::format::cells::{neutralise_cell, neutralise_line};
use crate::format::table::{Cell, Table};
use crate::kernel::i18n::Lang;

/// A CSV writer in the delimiter spreadsheet programs expect in `lang`'s countries.
pub fn writer(lang: Lang) -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new().delimiter(lang.csv_delimiter()).from_writer(Vec::new())
}

/// The text a writer produced.
pub fn finish(writer: ::csv::Writer<Vec<u8>>) -> String {
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A table as CSV: the notes first as `#` comment lines, then the header and the rows.
/// Notes, headers and text cells all go through the cell writer.
pub fn to_csv(table: &Table, lang: Lang) -> String {
    let delimiter = char::from(lang.csv_delimiter());
    // Notes are written as they read, after "# ", so readers that skip comment lines
    // skip them; every part between delimiters is neutralised for readers that don't.
    let mut out = String::new();
    for note in &table.notes {
        out.push_str("# ");
        out.push_str(&neutralise_line(note, delimiter));
        out.push('\n');
    }
    let mut w = writer(lang);
    let _ = w.write_record(table.headers.iter().map(|h| neutralise_cell(h)));
    for row in &table.rows {
        let _ = w.write_record(row.iter().map(|c| match c {
            Cell::Text(t) => neutralise_cell(t),
            other => other.display(lang),
        }));
    }
    out.push_str(&finish(w));
    out
}
