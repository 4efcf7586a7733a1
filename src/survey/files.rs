//! The survey's files of responses: Faro JSON and CSV in the documented layout
//! (questions/README.md § Survey CSV), written with every cell neutralised and read back
//! with a located report per file. Nothing stored is ever overwritten: ids already known
//! are reported as duplicates.

use crate::content::bank::answer::DONT_KNOW_CODE;
use crate::content::bank::{Answer, Bank, Condition, ItemKind};
use crate::format::cells::unneutralise_cell;
use crate::format::envelope::{self, Envelope, FormatId};
use crate::format::input::text_of;
use crate::kernel::i18n::{Lang, Msg};
use crate::kernel::ids::is_valid_id;
use crate::kernel::problem::{Expected, Found, Problem, ProblemKind, SyntaxError, TextFormat, Thing};
use crate::survey::dataset::Dataset;
use crate::survey::response::Response;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Largest response file accepted (100,000 responses in CSV are about 40 MB).
pub const MAX_RESPONSES_FILE: usize = 256 * 1024 * 1024;

/// A device's responses as one file. Answers are written as tokens (`4`, `yes`, an
/// option id, free text) in the order of `columns`, the same layout as the CSV.
pub type ResponsesFile = Envelope<ResponsesBody>;

/// The body of a responses file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResponsesBody {
    pub bank_id: String,
    pub bank_version: String,
    pub profile_fields: Vec<String>,
    pub columns: Vec<String>,
    pub responses: Vec<ResponseRow>,
}

/// One response in a responses file: its answers as tokens, in the file's column order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResponseRow {
    pub id: String,
    #[serde(default)]
    pub started_at: Option<String>,
    #[serde(default)]
    pub submitted_at: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub session: Option<String>,
    pub profile: Vec<Option<String>>,
    pub values: Vec<Option<String>>,
}

/// The fixed first columns of the CSV layout (questions/README.md § Survey CSV).
pub const CSV_FIXED: [&str; 3] = ["response_id", "submitted_at", "lang"];

/// The header of the CSV layout: the fixed columns, every profile field, every question.
pub fn csv_header(bank: &Bank) -> Vec<String> {
    let mut header: Vec<String> = CSV_FIXED.iter().map(|s| s.to_string()).collect();
    header.extend(bank.profile().iter().map(|f| f.id.clone()));
    header.extend(bank.items().iter().map(|i| i.id.clone()));
    header
}

/// Submitted responses as a JSON file.
pub fn responses_json(bank: &Bank, responses: &[Response], now: &str) -> String {
    let profile_fields: Vec<String> = bank.profile().iter().map(|f| f.id.clone()).collect();
    let columns: Vec<String> = bank.items().iter().map(|i| i.id.clone()).collect();
    let rows = responses
        .iter()
        .map(|r| ResponseRow {
            id: r.id.clone(),
            started_at: Some(r.started_at.clone()),
            submitted_at: r.submitted_at.clone(),
            lang: Some(r.lang.code().to_owned()),
            session: r.session.clone(),
            profile: profile_fields.iter().map(|f| r.profile.get(f).cloned()).collect(),
            values: columns.iter().map(|c| r.answers.get(c).map(Answer::token)).collect(),
        })
        .collect();
    let body = ResponsesBody { bank_id: bank.id().into(), bank_version: bank.version().into(), profile_fields, columns, responses: rows };
    Envelope::new(FormatId::SURVEY_RESPONSES, body, now).to_json()
}

/// What importing one file did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileReport {
    pub file: String,
    /// New responses, to be stored (empty when the file was read into a dataset).
    pub accepted: Vec<Response>,
    /// How many rows were accepted.
    pub accepted_count: usize,
    /// Ids already stored or seen earlier in this import: skipped, nothing overwritten.
    pub duplicates: Vec<String>,
    /// Rows (or the whole file) refused, with where and why.
    pub rejected: Vec<Problem>,
    /// Things the reader should know that did not stop the import (ignored columns).
    pub warnings: Vec<Problem>,
}

/// Reads a file of responses (Faro JSON, or CSV in the documented layout). `known` holds
/// the ids already stored; they are reported as duplicates and never overwritten.
/// Responses are checked against `bank`; a row with any bad value is refused whole.
pub fn import_responses(name: &str, bytes: &[u8], bank: &Bank, known: &mut BTreeSet<String>) -> FileReport {
    let mut accepted = Vec::new();
    let mut report = import_with(name, bytes, bank, known, false, &mut |row| accepted.push(row.into_response(bank)));
    report.accepted = accepted;
    report
}

/// Reads a file of responses straight into a [`Dataset`], for analysis: the same checks
/// as [`import_responses`], but no per-response records, so 100,000 responses take
/// megabytes, not hundreds of them.
pub fn import_dataset(name: &str, bytes: &[u8], bank: &Bank, known: &mut BTreeSet<String>) -> (Dataset, FileReport) {
    let mut data = Dataset::empty(bank);
    let report = import_with(name, bytes, bank, known, false, &mut |row| push_checked(&mut data, &row));
    (data, report)
}

/// Reads the rows of a file, checks each, and hands the accepted ones to `accept`.
/// `any_version` accepts files of another version of the same questionnaire (last year's
/// survey, for the year-over-year comparison).
pub(crate) fn import_with(
    name: &str,
    bytes: &[u8],
    bank: &Bank,
    known: &mut BTreeSet<String>,
    any_version: bool,
    accept: &mut dyn FnMut(CheckedRow),
) -> FileReport {
    let mut report = FileReport { file: name.to_owned(), ..FileReport::default() };
    let text = match text_of(name, bytes, MAX_RESPONSES_FILE) {
        Ok(t) => t,
        Err(p) => {
            report.rejected.push(p);
            return report;
        }
    };
    let mut rejected = Vec::new();
    let mut duplicates = Vec::new();
    let mut count = 0;
    let conditions = Conditions::of(bank);
    let mut on_row = |line: Option<usize>, row: &RawRow| match check_row(name, line, row, bank, &conditions) {
        Err(p) => rejected.push(p),
        Ok(checked) => {
            if known.insert(checked.id.clone()) {
                count += 1;
                accept(checked);
            } else {
                duplicates.push(checked.id);
            }
        }
    };
    if looks_like_json(name, text) {
        json_rows(name, text, bank, &mut report, any_version, &mut on_row);
    } else {
        csv_rows(name, text, bank, &mut report, &mut on_row);
    }
    report.accepted_count = count;
    report.duplicates = duplicates;
    report.rejected.append(&mut rejected);
    // Problems found while reading and while checking, in the order of the file.
    report.rejected.sort_by_key(|p| p.line.unwrap_or(0));
    report
}

/// A JSON file, by its name or its first character: JSON is never read as CSV, so its
/// problems are told in JSON terms.
fn looks_like_json(name: &str, text: &str) -> bool {
    name.to_lowercase().ends_with(".json") || text.trim_start().starts_with(['{', '['])
}

/// Where a column of a file goes in the bank.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Id,
    Submitted,
    Started,
    Lang,
    Profile(usize),
    Item(usize),
    Ignored,
}

fn target_of(bank: &Bank, column: &str) -> Target {
    match column {
        "response_id" => Target::Id,
        "submitted_at" => Target::Submitted,
        "lang" => Target::Lang,
        _ => bank
            .profile()
            .iter()
            .position(|f| f.id == column)
            .map(Target::Profile)
            .or_else(|| bank.item_index(column).map(Target::Item))
            .unwrap_or(Target::Ignored),
    }
}

/// A row as read from either format: each cell with where it goes. Cells borrow the
/// file's text, so nothing is copied before the row is checked.
struct RawRow<'a> {
    cells: Vec<(Target, &'a str)>,
    session: Option<&'a str>,
}

impl<'a> RawRow<'a> {
    fn get(&self, target: Target) -> Option<&'a str> {
        self.cells.iter().find(|(t, _)| *t == target).map(|(_, v)| *v)
    }
}

/// A row that passed every check.
pub struct CheckedRow {
    id: String,
    started_at: Option<String>,
    submitted_at: Option<String>,
    lang: Lang,
    session: Option<String>,
    /// (profile field, option index)
    profile: Vec<(usize, usize)>,
    /// Each item's code as [`Answer::token_code`] reads it, 0 = no answer, in bank order.
    codes: Vec<u8>,
    /// (item index, free text), in bank order.
    texts: Vec<(usize, String)>,
}

/// The items with a `show_if`, each as (item, the item its condition names, the set of
/// codes that show it), worked out once per file: every row is tested against them.
struct Conditions(Vec<(usize, usize, CodeSet)>);

/// A set of answer codes (0–255) as bits.
#[derive(Default)]
struct CodeSet([u64; 4]);

impl CodeSet {
    fn insert(&mut self, code: u8) {
        self.0[usize::from(code / 64)] |= 1 << (code % 64);
    }
    fn contains(&self, code: u8) -> bool {
        self.0[usize::from(code / 64)] & (1 << (code % 64)) != 0
    }
}

impl Conditions {
    fn of(bank: &Bank) -> Conditions {
        let items = bank.items();
        let resolve = |(i, cond): (usize, &Condition)| {
            let mut codes = CodeSet::default();
            // Validation rules out a condition on an unknown question; it would hide, as
            // `is_visible` has it.
            let Some(on) = bank.item_index(&cond.question) else { return (i, usize::MAX, codes) };
            cond.any_of.iter().filter_map(|t| Answer::token_code(&items[on], t)).for_each(|c| codes.insert(c));
            (i, on, codes)
        };
        Conditions(items.iter().enumerate().filter_map(|(i, item)| item.show_if.as_ref().map(|c| (i, c))).map(resolve).collect())
    }

    /// The answered items of a row (codes in bank order) whose condition is not met.
    fn hidden(&self, codes: &[u8]) -> Vec<usize> {
        self.0.iter().filter(|(i, on, shown_by)| codes[*i] != 0 && !codes.get(*on).is_some_and(|&c| shown_by.contains(c))).map(|(i, _, _)| *i).collect()
    }
}

impl CheckedRow {
    /// Drops answers to questions the respondent would not have been shown.
    fn prune_hidden(&mut self, conditions: &Conditions) {
        // Visibility follows the answers as given, so every item is tested before any is dropped.
        let hidden = conditions.hidden(&self.codes);
        for &i in &hidden {
            self.codes[i] = 0;
        }
        if !hidden.is_empty() {
            self.texts.retain(|(i, _)| !hidden.contains(i));
        }
    }

    fn into_response(self, bank: &Bank) -> Response {
        let items = bank.items();
        let mut texts = self.texts.into_iter();
        let answer = |i: usize, code: u8, texts: &mut std::vec::IntoIter<(usize, String)>| match (&items[i].kind, code) {
            (ItemKind::Text, _) => texts.find(|(t, _)| *t == i).map(|(_, text)| Answer::Text(text)),
            (ItemKind::Level { .. }, DONT_KNOW_CODE) => Some(Answer::DontKnow),
            (kind, code) => Answer::decode(kind, code),
        };
        Response {
            id: self.id,
            bank_id: bank.id().into(),
            bank_version: bank.version().into(),
            lang: self.lang,
            started_at: self.started_at.or_else(|| self.submitted_at.clone()).unwrap_or_default(),
            submitted_at: Some(self.submitted_at.unwrap_or_default()),
            session: self.session,
            profile: self.profile.iter().map(|&(f, o)| (bank.profile()[f].id.clone(), bank.profile()[f].options[o].id.clone())).collect(),
            answers: self
                .codes
                .iter()
                .enumerate()
                .filter(|(_, &code)| code != 0)
                .filter_map(|(i, &code)| Some((items[i].id.clone(), answer(i, code, &mut texts)?)))
                .collect(),
            page: 0,
        }
    }
}

fn json_rows(name: &str, text: &str, bank: &Bank, report: &mut FileReport, any_version: bool, on_row: &mut dyn FnMut(Option<usize>, &RawRow)) {
    let file: ResponsesFile = match envelope::read_text(name, text, FormatId::SURVEY_RESPONSES) {
        Ok(f) => f,
        Err(p) => {
            report.rejected.push(p);
            return;
        }
    };
    let file = file.body;
    let same_bank = if any_version { file.bank_id == bank.id() } else { bank.accepts_version(&file.bank_id, &file.bank_version) };
    if !same_bank {
        report.rejected.push(Problem::new(name, ProblemKind::UnknownBank { id: file.bank_id, version: file.bank_version }).field("bank_version"));
        return;
    }
    warn_unknown_columns(name, None, file.profile_fields.iter().chain(&file.columns), bank, report);
    let profile_targets: Vec<Target> = file.profile_fields.iter().map(|c| target_of(bank, c)).collect();
    let column_targets: Vec<Target> = file.columns.iter().map(|c| target_of(bank, c)).collect();
    // Rows are located by their response id, which every problem names: searching the
    // text for each row's line would make a large file's import quadratic.
    for row in &file.responses {
        let mut cells = vec![(Target::Id, row.id.as_str())];
        cells.extend(row.started_at.as_deref().map(|s| (Target::Started, s)));
        cells.extend(row.submitted_at.as_deref().map(|s| (Target::Submitted, s)));
        cells.extend(row.lang.as_deref().map(|s| (Target::Lang, s)));
        let pairs = profile_targets.iter().zip(&row.profile).chain(column_targets.iter().zip(&row.values));
        cells.extend(pairs.filter_map(|(t, v)| v.as_deref().map(|v| (*t, trim_cell(v)))));
        on_row(None, &RawRow { cells, session: row.session.as_deref() });
    }
}

fn warn_unknown_columns<'a>(name: &str, line: Option<usize>, columns: impl Iterator<Item = &'a String>, bank: &Bank, report: &mut FileReport) {
    for c in columns {
        if target_of(bank, c) == Target::Ignored {
            let mut p = Problem::new(name, ProblemKind::Rule { rule: Msg::RuleUnknownColumn, detail: c.clone() }).field(c.clone());
            p.line = line;
            report.warnings.push(p);
        }
    }
}

fn csv_rows(name: &str, text: &str, bank: &Bank, report: &mut FileReport, on_row: &mut dyn FnMut(Option<usize>, &RawRow)) {
    // Leading `#` lines are notes (a raw export says what it holds there): skipped, and
    // counted so that problems still name the file's own line numbers.
    let notes = text.lines().take_while(|l| l.starts_with('#')).count();
    let start: usize = text.split_inclusive('\n').take(notes).map(str::len).sum();
    let text = &text[start..];
    let shift = |line: usize| line + notes;
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() { b';' } else { b',' };
    let mut reader = ::csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_owned()).collect(),
        Err(e) => {
            let _ = e;
            report.rejected.push(Problem::new(name, ProblemKind::Syntax { format: TextFormat::Csv, error: SyntaxError::Other }).line(shift(1)));
            return;
        }
    };
    if headers.first().map(String::as_str) != Some(CSV_FIXED[0]) {
        report.rejected.push(Problem::new(name, ProblemKind::Rule { rule: Msg::RuleCsvHeader, detail: CSV_FIXED.join(", ") }).line(shift(1)));
        return;
    }
    warn_unknown_columns(name, Some(shift(1)), headers.iter(), bank, report);
    let targets: Vec<Target> = headers.iter().map(|h| target_of(bank, h)).collect();
    let mut record = ::csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let mut p = Problem::new(name, ProblemKind::Syntax { format: TextFormat::Csv, error: SyntaxError::Other });
                p.line = e.position().map(|p| shift(p.line() as usize));
                report.rejected.push(p);
                continue;
            }
        }
        let line = record.position().map(|p| shift(p.line() as usize));
        if record.len() != headers.len() {
            let mut p = Problem::new(name, ProblemKind::InvalidValue { expected: Expected::Columns(headers.len()), found: Found::Count(record.len()) });
            p.line = line;
            report.rejected.push(p);
            continue;
        }
        let mut cells = Vec::with_capacity(targets.len());
        for (&target, cell) in targets.iter().zip(record.iter()) {
            let cell = trim_cell(cell);
            if target != Target::Ignored && !cell.is_empty() {
                // A leading quote is how exports neutralise formulas; take it off again.
                cells.push((target, unneutralise_cell(cell)));
            }
        }
        on_row(line, &RawRow { cells, session: None });
    }
}

/// A cell without the spaces around it. Most cells start and end with a letter or a
/// digit: they skip `str::trim`'s character-by-character test, a large share of a
/// 100,000-row import.
fn trim_cell(cell: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    if plain(cell.as_bytes().first()) && plain(cell.as_bytes().last()) {
        cell
    } else {
        cell.trim()
    }
}

fn check_row(name: &str, line: Option<usize>, row: &RawRow, bank: &Bank, conditions: &Conditions) -> Result<CheckedRow, Problem> {
    let id = row.get(Target::Id).unwrap_or("");
    let at = |field: &str, kind: ProblemKind| {
        let mut p = Problem::new(name, kind).record(if id.is_empty() { "?".to_owned() } else { id.to_owned() }).field(field);
        p.line = line;
        p
    };
    if !is_valid_id(id) {
        return Err(at("response_id", ProblemKind::InvalidValue { expected: Expected::Id, found: Found::literal(id) }));
    }
    let lang = match row.get(Target::Lang) {
        None => Lang::DEFAULT,
        Some(code) => Lang::from_code(code).ok_or_else(|| at("lang", ProblemKind::UnknownReference { what: Thing::Language, id: code.to_owned() }))?,
    };
    let mut checked = CheckedRow {
        id: id.to_owned(),
        started_at: row.get(Target::Started).map(str::to_owned),
        submitted_at: row.get(Target::Submitted).map(str::to_owned),
        lang,
        session: row.session.map(str::to_owned),
        profile: Vec::new(),
        codes: vec![0; bank.items().len()],
        texts: Vec::new(),
    };
    for (target, cell) in &row.cells {
        match *target {
            Target::Profile(f) => {
                let def = &bank.profile()[f];
                let option = def.options.iter().position(|o| o.id == *cell).ok_or_else(|| {
                    let expected = Expected::Literal(def.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(" | "));
                    at(&def.id, ProblemKind::InvalidValue { expected, found: Found::literal(cell) })
                })?;
                checked.profile.push((f, option));
            }
            Target::Item(i) => {
                let item = &bank.items()[i];
                let code = Answer::token_code(item, cell)
                    .ok_or_else(|| at(&item.id, ProblemKind::InvalidValue { expected: Answer::expected(item), found: Found::literal(cell) }))?;
                // Of a question given twice, the first answer counts.
                if checked.codes[i] != 0 {
                    continue;
                }
                checked.codes[i] = code;
                if matches!(item.kind, ItemKind::Text) {
                    checked.texts.push((i, (*cell).to_owned()));
                }
            }
            _ => {}
        }
    }
    checked.texts.sort_by_key(|(i, _)| *i);
    // An answer to a question the respondent should not have seen is dropped, not counted.
    checked.prune_hidden(conditions);
    Ok(checked)
}

/// Appends one checked row to a dataset.
pub(crate) fn push_checked(data: &mut Dataset, row: &CheckedRow) {
    data.push_codes(&row.profile, &row.codes, &row.texts);
}
