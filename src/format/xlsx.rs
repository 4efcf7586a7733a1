//! Writing a [`Workbook`] as an `.xlsx` file with rust_xlsxwriter. It runs natively in
//! tests and, in the browser, inside the lazily loaded tools worker, so the ~280 KB the
//! writer costs never weighs on the app's first load.

use crate::format::cells::neutralise_cell;
use crate::format::table::{Cell, Workbook};
use rust_xlsxwriter::{Format, Workbook as XlsxBook, XlsxError};

/// Characters Excel refuses in sheet names.
fn sheet_name(name: &str, used: &[String]) -> String {
    let clean: String = name.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')).take(28).collect();
    let clean = if clean.trim().is_empty() { "Sheet".to_owned() } else { clean.trim().trim_matches('\'').to_owned() };
    let mut candidate = clean.clone();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{clean} {n}");
        n += 1;
    }
    candidate
}

/// The workbook as `.xlsx` bytes. Every text cell (headers and notes included) is
/// neutralised against formula injection; numbers stay numbers.
pub fn write(workbook: &Workbook) -> Result<Vec<u8>, XlsxError> {
    let mut book = XlsxBook::new();
    let bold = Format::new().set_bold().set_background_color(0xE6F0FA).set_text_wrap();
    let note = Format::new().set_italic().set_font_color(0x4A5560);
    let number = Format::new().set_num_format("0.0");
    let mut used: Vec<String> = Vec::new();
    for table in &workbook.sheets {
        let sheet = book.add_worksheet();
        let name = sheet_name(&table.name, &used);
        sheet.set_name(&name)?;
        used.push(name);
        let mut row: u32 = 0;
        for line in &table.notes {
            sheet.write_string_with_format(row, 0, neutralise_cell(line), &note)?;
            row += 1;
        }
        if !table.notes.is_empty() {
            row += 1;
        }
        for (col, header) in table.headers.iter().enumerate() {
            sheet.write_string_with_format(row, col as u16, neutralise_cell(header), &bold)?;
        }
        sheet.set_freeze_panes(row + 1, 0)?;
        row += 1;
        for cells in &table.rows {
            for (col, cell) in cells.iter().enumerate() {
                match cell {
                    Cell::Text(t) => {
                        sheet.write_string(row, col as u16, neutralise_cell(t))?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number_with_format(row, col as u16, *n, &number)?;
                    }
                    Cell::Empty => {}
                }
            }
            row += 1;
        }
        sheet.set_autofit_max_width(420);
        sheet.autofit();
    }
    book.save_to_buffer()
}
