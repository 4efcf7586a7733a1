//! Markdown reports: tables and escaped text.

use crate::format::cells::neutralise_cell;
use crate::format::table::{Cell, Table};
use crate::kernel::i18n::Lang;

/// A text for a Markdown file: neutralised like every spreadsheet cell (Markdown tables
/// are pasted into spreadsheets), then escaped.
pub fn markdown_text(text: &str) -> String {
    escape_markdown(&neutralise_cell(text))
}

/// Characters that would change a Markdown table or inject markup are escaped.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '<' | '>' | '*' | '_' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A table as a Markdown table (text escaped, numbers in the language's form).
pub fn markdown_table(table: &Table, lang: Lang) -> String {
    let mut out = format!("| {} |\n", table.headers.iter().map(|h| markdown_text(h)).collect::<Vec<_>>().join(" | "));
    out.push_str(&format!("|{}\n", table.headers.iter().map(|_| "---|").collect::<String>()));
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(t) => markdown_text(t),
                other => other.display(lang),
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}
