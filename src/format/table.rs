//! The tables of reports: the same content becomes CSV, XLSX and Markdown.

use crate::kernel::i18n::Lang;
use crate::kernel::stats::round1;
use serde::{Deserialize, Serialize};

/// One cell of a report table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    /// A figure rounded to one decimal, or an empty cell.
    pub fn num(v: Option<f64>) -> Cell {
        v.map(|x| Cell::Number(round1(x))).unwrap_or(Cell::Empty)
    }

    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// The cell as text for CSV and Markdown, numbers in the language's form. Writers
    /// neutralise text cells; this does not.
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => format_number(*n, lang),
            Cell::Empty => String::new(),
        }
    }
}

/// A figure as people of `lang` write it: `62,5` in Italian, `62.5` in English; whole
/// numbers without decimals.
pub fn format_number(n: f64, lang: Lang) -> String {
    lang.number(n, if n.fract() == 0.0 { 0 } else { 1 })
}

/// A titled table with notes above it (provenance, disclaimers).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// Sheet name in XLSX, file suffix in CSV, heading in Markdown.
    pub name: String,
    pub notes: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A workbook: what the XLSX writer receives (in a worker, as JSON).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub sheets: Vec<Table>,
}
