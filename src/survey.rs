//! The member-satisfaction survey: responses, their files (JSON and CSV) with a located
//! report per file, the columnar dataset, and the aggregation behind the dashboard
//! (METHOD.md Part D).

use crate::bank::{Bank, Item, ItemKind, ProfileField, ServicePart};
use crate::i18n::{Lang, Msg};
use crate::problem::{from_json_error, Problem, ProblemKind};
use crate::response::{is_visible, Answer};
use crate::stats;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub const RESPONSES_FORMAT: &str = "faro-survey-responses";
pub const RESULTS_FORMAT: &str = "faro-survey-results";
pub const RESPONSE_PREFIX: &str = "faro.response.";
/// Largest response file accepted (100,000 responses in CSV are about 40 MB).
pub const MAX_RESPONSES_FILE: usize = 256 * 1024 * 1024;
/// No figure about fewer respondents is shown or exported (screen, files, breakdowns).
pub const MIN_CELL: usize = 5;

pub fn response_key(id: &str) -> String {
    format!("{RESPONSE_PREFIX}{id}")
}

// ---------------------------------------------------------------------------------------
// One response.

/// One member's answers to the survey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Random, unique across devices: files from many devices are merged by it.
    pub id: String,
    pub bank_id: String,
    pub bank_version: String,
    pub lang: Lang,
    pub started_at: String,
    /// Set when the respondent confirms; only submitted responses are counted.
    #[serde(default)]
    pub submitted_at: Option<String>,
    /// The kiosk session it was collected in, if any.
    #[serde(default)]
    pub session: Option<String>,
    #[serde(default)]
    pub profile: BTreeMap<String, String>,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Page to resume at (0 = profile).
    #[serde(default)]
    pub page: usize,
}

impl Response {
    pub fn new(id: String, bank: &Bank, lang: Lang, session: Option<String>, now: &str) -> Response {
        Response {
            id,
            bank_id: bank.id().into(),
            bank_version: bank.version().into(),
            lang,
            started_at: now.into(),
            submitted_at: None,
            session,
            profile: BTreeMap::new(),
            answers: BTreeMap::new(),
            page: 0,
        }
    }

    /// What must still be answered before sending: required profile fields, then visible
    /// required questions, in bank order.
    pub fn required_open<'b>(&self, bank: &'b Bank) -> (Vec<&'b ProfileField>, Vec<&'b Item>) {
        let profile = bank.profile().iter().filter(|f| f.required && !self.profile.contains_key(&f.id)).collect();
        let items =
            bank.items().iter().filter(|i| i.required && is_visible(i, |id| self.answers.get(id).cloned()) && !self.answers.contains_key(&i.id)).collect();
        (profile, items)
    }

    /// Drops answers to questions that became hidden (e.g. satisfaction with a service the
    /// respondent then said they did not use), so hidden answers are never counted.
    pub fn prune_hidden(&mut self, bank: &Bank) {
        let hidden: Vec<String> = bank.items().iter().filter(|i| !is_visible(i, |id| self.answers.get(id).cloned())).map(|i| i.id.clone()).collect();
        for id in hidden {
            self.answers.remove(&id);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Files of responses.

/// A device's responses as one file. Answers are written as tokens (`4`, `yes`, an
/// option id, free text) in the order of `columns`, the same layout as the CSV.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResponsesFile {
    pub format: String,
    pub schema: u32,
    pub app_version: String,
    pub exported_at: String,
    pub bank_id: String,
    pub bank_version: String,
    pub profile_fields: Vec<String>,
    pub columns: Vec<String>,
    pub responses: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
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
        .map(|r| Row {
            id: r.id.clone(),
            started_at: Some(r.started_at.clone()),
            submitted_at: r.submitted_at.clone(),
            lang: Some(r.lang.code().to_owned()),
            session: r.session.clone(),
            profile: profile_fields.iter().map(|f| r.profile.get(f).cloned()).collect(),
            values: columns.iter().map(|c| r.answers.get(c).map(Answer::token)).collect(),
        })
        .collect();
    let file = ResponsesFile {
        format: RESPONSES_FORMAT.into(),
        schema: crate::store::SCHEMA,
        app_version: crate::APP_VERSION.into(),
        exported_at: now.into(),
        bank_id: bank.id().into(),
        bank_version: bank.version().into(),
        profile_fields,
        columns,
        responses: rows,
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Submitted responses as CSV (raw data). Text cells are neutralised against formula
/// injection; the header names every column.
pub fn responses_csv(bank: &Bank, responses: &[Response], lang: Lang) -> String {
    let mut writer = csv::WriterBuilder::new().delimiter(crate::export::csv_delimiter(lang)).from_writer(Vec::new());
    let header = csv_header(bank);
    let _ = writer.write_record(&header);
    for r in responses {
        let mut row = vec![r.id.clone(), r.submitted_at.clone().unwrap_or_default(), r.lang.code().to_owned()];
        row.extend(bank.profile().iter().map(|f| r.profile.get(&f.id).cloned().unwrap_or_default()));
        row.extend(bank.items().iter().map(|i| r.answers.get(&i.id).map(|a| crate::export::neutralise_cell(&a.token())).unwrap_or_default()));
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
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
    let report = import_with(name, bytes, bank, known, false, &mut |row| data.push(bank, &row));
    (data, report)
}

/// Reads the rows of a file, checks each, and hands the accepted ones to `accept`.
/// `any_version` accepts files of another version of the same questionnaire (last year's
/// survey, for the year-over-year comparison).
fn import_with(name: &str, bytes: &[u8], bank: &Bank, known: &mut BTreeSet<String>, any_version: bool, accept: &mut dyn FnMut(Checked)) -> FileReport {
    let mut report = FileReport { file: name.to_owned(), ..FileReport::default() };
    let text = match crate::import::text_of(name, bytes, MAX_RESPONSES_FILE) {
        Ok(t) => t.trim_start_matches('\u{feff}'),
        Err(p) => {
            report.rejected.push(p);
            return report;
        }
    };
    let mut rejected = Vec::new();
    let mut duplicates = Vec::new();
    let mut count = 0;
    let mut on_row = |line: Option<usize>, row: &RawRow| match check_row(name, line, row, bank) {
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
    if text.trim_start().starts_with('{') {
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
pub struct Checked {
    id: String,
    started_at: Option<String>,
    submitted_at: Option<String>,
    lang: Lang,
    session: Option<String>,
    /// (profile field, option index)
    profile: Vec<(usize, usize)>,
    /// (item index, answer), in bank order.
    answers: Vec<(usize, Answer)>,
}

impl Checked {
    fn answer(&self, bank: &Bank, id: &str) -> Option<Answer> {
        let index = bank.item_index(id)?;
        self.answers.binary_search_by_key(&index, |(i, _)| *i).ok().map(|k| self.answers[k].1.clone())
    }

    /// Drops answers to questions the respondent would not have been shown.
    fn prune_hidden(&mut self, bank: &Bank) {
        let hidden: Vec<usize> = self.answers.iter().filter(|(i, _)| !is_visible(&bank.items()[*i], |id| self.answer(bank, id))).map(|(i, _)| *i).collect();
        self.answers.retain(|(i, _)| !hidden.contains(i));
    }

    fn into_response(self, bank: &Bank) -> Response {
        Response {
            id: self.id,
            bank_id: bank.id().into(),
            bank_version: bank.version().into(),
            lang: self.lang,
            started_at: self.started_at.or_else(|| self.submitted_at.clone()).unwrap_or_default(),
            submitted_at: Some(self.submitted_at.unwrap_or_default()),
            session: self.session,
            profile: self.profile.iter().map(|&(f, o)| (bank.profile()[f].id.clone(), bank.profile()[f].options[o].id.clone())).collect(),
            answers: self.answers.into_iter().map(|(i, a)| (bank.items()[i].id.clone(), a)).collect(),
            page: 0,
        }
    }
}

fn json_rows(name: &str, text: &str, bank: &Bank, report: &mut FileReport, any_version: bool, on_row: &mut dyn FnMut(Option<usize>, &RawRow)) {
    let value = match crate::import::envelope(name, text, RESPONSES_FORMAT) {
        Ok(v) => v,
        Err(p) => {
            report.rejected.push(p);
            return;
        }
    };
    let file: ResponsesFile = match serde_json::from_value(value) {
        Ok(f) => f,
        Err(e) => {
            let mut p = from_json_error(name, text, &e);
            p.line = None;
            report.rejected.push(p);
            return;
        }
    };
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
        cells.extend(pairs.filter_map(|(t, v)| v.as_deref().map(|v| (*t, v))));
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
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_owned()).collect(),
        Err(e) => {
            report.rejected.push(Problem::new(name, ProblemKind::Syntax { detail: e.to_string() }).line(1));
            return;
        }
    };
    if headers.first().map(String::as_str) != Some(CSV_FIXED[0]) {
        report.rejected.push(
            Problem::new(name, ProblemKind::InvalidValue { expected: CSV_FIXED.join(", "), found: headers.first().cloned().unwrap_or_default() })
                .line(1)
                .field("header"),
        );
        return;
    }
    warn_unknown_columns(name, Some(1), headers.iter(), bank, report);
    let targets: Vec<Target> = headers.iter().map(|h| target_of(bank, h)).collect();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let mut p = Problem::new(name, ProblemKind::Syntax { detail: e.to_string() });
                p.line = e.position().map(|p| p.line() as usize);
                report.rejected.push(p);
                continue;
            }
        }
        let line = record.position().map(|p| p.line() as usize);
        if record.len() != headers.len() {
            let mut p = Problem::new(name, ProblemKind::InvalidValue { expected: format!("{} columns", headers.len()), found: record.len().to_string() });
            p.line = line;
            report.rejected.push(p);
            continue;
        }
        let cells = targets
            .iter()
            .zip(record.iter())
            .filter(|(t, _)| **t != Target::Ignored)
            .map(|(t, cell)| (*t, cell.trim()))
            .filter(|(_, cell)| !cell.is_empty())
            // A leading quote is how exports neutralise formulas; take it off again.
            .map(|(t, cell)| (t, crate::export::unneutralise_cell(cell)))
            .collect();
        on_row(line, &RawRow { cells, session: None });
    }
}

fn check_row(name: &str, line: Option<usize>, row: &RawRow, bank: &Bank) -> Result<Checked, Problem> {
    let id = row.get(Target::Id).unwrap_or("");
    let at = |field: &str, kind: ProblemKind| {
        let mut p = Problem::new(name, kind).record(if id.is_empty() { "?".to_owned() } else { id.to_owned() }).field(field);
        p.line = line;
        p
    };
    if !crate::bank::is_valid_id(id) {
        return Err(at("response_id", ProblemKind::InvalidValue { expected: "a-z 0-9 - _ .".into(), found: id.to_owned() }));
    }
    let lang = match row.get(Target::Lang) {
        None => Lang::DEFAULT,
        Some(code) => Lang::from_code(code).ok_or_else(|| at("lang", ProblemKind::UnknownReference { what: "language".into(), id: code.to_owned() }))?,
    };
    let mut checked = Checked {
        id: id.to_owned(),
        started_at: row.get(Target::Started).map(str::to_owned),
        submitted_at: row.get(Target::Submitted).map(str::to_owned),
        lang,
        session: row.session.map(str::to_owned),
        profile: Vec::new(),
        answers: Vec::new(),
    };
    for (target, cell) in &row.cells {
        match *target {
            Target::Profile(f) => {
                let def = &bank.profile()[f];
                let option = def.options.iter().position(|o| o.id == *cell).ok_or_else(|| {
                    let expected = def.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(" | ");
                    at(&def.id, ProblemKind::InvalidValue { expected, found: (*cell).to_owned() })
                })?;
                checked.profile.push((f, option));
            }
            Target::Item(i) => {
                let item = &bank.items()[i];
                let answer = Answer::parse_token(item, cell)
                    .ok_or_else(|| at(&item.id, ProblemKind::InvalidValue { expected: Answer::expected(item), found: cell.chars().take(40).collect() }))?;
                checked.answers.push((i, answer));
            }
            _ => {}
        }
    }
    checked.answers.sort_by_key(|(i, _)| *i);
    checked.answers.dedup_by_key(|(i, _)| *i);
    // An answer to a question the respondent should not have seen is dropped, not counted.
    checked.prune_hidden(bank);
    Ok(checked)
}

// ---------------------------------------------------------------------------------------
// The columnar dataset: compact enough for 100,000 responses in a browser tab.

/// One byte per answer: 0 = no answer; otherwise a code per kind
/// (rating r → r, nps n → n + 1, yes → 1 / no → 2, choice → option index + 1).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub n: usize,
    /// Item id → codes, one per response.
    pub columns: Vec<Vec<u8>>,
    /// Profile field (bank order) → option index + 1, one per response.
    pub profile: Vec<Vec<u8>>,
    /// Free-text answers: (item index, response index, text).
    pub texts: Vec<(usize, usize, String)>,
}

impl Dataset {
    /// A dataset with no response yet.
    pub fn empty(bank: &Bank) -> Dataset {
        Dataset { n: 0, columns: vec![Vec::new(); bank.items().len()], profile: vec![Vec::new(); bank.profile().len()], texts: Vec::new() }
    }

    /// Appends one checked row.
    fn push(&mut self, bank: &Bank, row: &Checked) {
        let mut answers = row.answers.iter().peekable();
        self.push_row(
            bank,
            |fi| row.profile.iter().find(|(f, _)| *f == fi).map_or(0, |(_, o)| *o as u8 + 1),
            |ii| answers.next_if(|(i, _)| *i == ii).map(|(_, answer)| answer),
        );
    }

    /// Appends one response, given each profile field's code and each question's answer
    /// (asked in bank order).
    fn push_row<'a>(&mut self, bank: &Bank, profile_code: impl Fn(usize) -> u8, mut answer_of: impl FnMut(usize) -> Option<&'a Answer>) {
        for (fi, column) in self.profile.iter_mut().enumerate() {
            column.push(profile_code(fi));
        }
        for (ii, item) in bank.items().iter().enumerate() {
            let answer = answer_of(ii);
            if let (ItemKind::Text, Some(Answer::Text(t))) = (&item.kind, answer) {
                self.texts.push((ii, self.n, t.clone()));
            }
            self.columns[ii].push(answer.map_or(0, |a| code_of(&item.kind, a)));
        }
        self.n += 1;
    }

    /// Adds every response of `other` (same bank) after this dataset's.
    pub fn append(&mut self, other: &Dataset) {
        for (mine, theirs) in self.columns.iter_mut().zip(&other.columns) {
            mine.extend_from_slice(theirs);
        }
        for (mine, theirs) in self.profile.iter_mut().zip(&other.profile) {
            mine.extend_from_slice(theirs);
        }
        self.texts.extend(other.texts.iter().map(|(i, r, t)| (*i, r + self.n, t.clone())));
        self.n += other.n;
    }

    /// Codes every submitted response (others are skipped).
    pub fn from_responses<'a>(bank: &Bank, responses: impl IntoIterator<Item = &'a Response>) -> Dataset {
        let mut d = Dataset::empty(bank);
        for r in responses.into_iter().filter(|r| r.submitted_at.is_some()) {
            d.push_row(
                bank,
                |fi| {
                    let field = &bank.profile()[fi];
                    r.profile.get(&field.id).and_then(|o| field.options.iter().position(|x| &x.id == o)).map_or(0, |i| i as u8 + 1)
                },
                |ii| r.answers.get(&bank.items()[ii].id),
            );
        }
        d
    }
}

fn code_of(kind: &ItemKind, answer: &Answer) -> u8 {
    match (kind, answer) {
        (ItemKind::Rating { .. }, Answer::Rating(r)) => *r,
        (ItemKind::Level { .. }, Answer::Level(l)) => *l,
        (ItemKind::Nps, Answer::Nps(n)) => n + 1,
        (ItemKind::YesNo, Answer::YesNo(true)) => 1,
        (ItemKind::YesNo, Answer::YesNo(false)) => 2,
        (ItemKind::Choice { options }, Answer::Choice(c)) => options.iter().position(|o| &o.id == c).map_or(0, |i| i as u8 + 1),
        (ItemKind::Text, Answer::Text(_)) => 1,
        _ => 0,
    }
}

// ---------------------------------------------------------------------------------------
// Aggregation.

/// A 1–5 distribution and its mean with a 95 % interval; everything hidden below 5.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub n: usize,
    /// Counts of 1…5 (`None` when n < 5).
    pub counts: Option<[usize; 5]>,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    /// Half-width of the 95 % confidence interval of the mean.
    pub ci: Option<f64>,
}

impl Rating {
    /// From counts of the values 1…5.
    pub fn from_counts(counts: [usize; 5]) -> Rating {
        let n: usize = counts.iter().sum();
        if n < MIN_CELL {
            return Rating { n, counts: None, mean: None, sd: None, ci: None };
        }
        let sum: f64 = counts.iter().enumerate().map(|(i, c)| (i + 1) as f64 * *c as f64).sum();
        let mean = sum / n as f64;
        let ss: f64 = counts.iter().enumerate().map(|(i, c)| *c as f64 * ((i + 1) as f64 - mean).powi(2)).sum();
        let sd = (ss / (n - 1) as f64).sqrt();
        let ci = stats::t975(n - 1) * sd / (n as f64).sqrt();
        Rating { n, counts: Some(counts), mean: Some(mean), sd: Some(sd), ci: Some(ci) }
    }
}

/// Net Promoter Score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Nps {
    pub n: usize,
    pub promoters: usize,
    pub passives: usize,
    pub detractors: usize,
    /// % promoters − % detractors, −100…+100 (`None` when n < 5).
    pub score: Option<f64>,
}

impl Nps {
    /// From counts of the answers 0…10.
    pub fn from_counts(counts: &[usize; 11]) -> Nps {
        let n: usize = counts.iter().sum();
        let detractors: usize = counts[..=6].iter().sum();
        let passives = counts[7] + counts[8];
        let promoters = counts[9] + counts[10];
        let score = (n >= MIN_CELL).then(|| 100.0 * (promoters as f64 - detractors as f64) / n as f64);
        if n < MIN_CELL {
            return Nps { n, promoters: 0, passives: 0, detractors: 0, score: None };
        }
        Nps { n, promoters, passives, detractors, score }
    }
}

/// Martilla–James importance–performance quadrants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High importance, low satisfaction.
    ConcentrateHere,
    /// High importance, high satisfaction.
    KeepUpTheGoodWork,
    /// Low importance, low satisfaction.
    LowPriority,
    /// Low importance, high satisfaction.
    PossibleOverkill,
}

/// Quadrant of a point given the lines (at the means): ties count as "high".
pub fn quadrant(importance: f64, satisfaction: f64, importance_line: f64, satisfaction_line: f64) -> Quadrant {
    match (importance >= importance_line, satisfaction >= satisfaction_line) {
        (true, false) => Quadrant::ConcentrateHere,
        (true, true) => Quadrant::KeepUpTheGoodWork,
        (false, false) => Quadrant::LowPriority,
        (false, true) => Quadrant::PossibleOverkill,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceStats {
    pub service: String,
    /// Respondents who said whether they used it.
    pub asked: usize,
    pub used: usize,
    /// used ÷ asked, % (`None` when asked < 5).
    pub usage: Option<f64>,
    /// Satisfaction among users.
    pub satisfaction: Rating,
    /// Importance among all respondents.
    pub importance: Rating,
    pub quadrant: Option<Quadrant>,
}

/// One group of a breakdown (a member type, a Competence Area).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub option: String,
    pub n: usize,
    /// `false` when n < 5: nothing else is shown.
    pub shown: bool,
    pub overall: Option<f64>,
    pub fee_value: Option<f64>,
    pub nps: Option<f64>,
    /// Mean satisfaction per service (in catalogue order), where ≥ 5 users.
    pub services: Vec<Option<f64>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// The profile field's role (`member_type`, `competence_area`): what the dashboard
    /// and exports look breakdowns up by, whatever the bank calls the field.
    #[serde(default)]
    pub role: String,
    /// The profile field's id, whose options label the groups.
    pub field: String,
    pub cells: Vec<Cell>,
}

/// A comment, for the comments list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub question: String,
    /// The respondent's member type (option id), if given.
    pub member_type: Option<String>,
    pub text: String,
}

/// Everything the dashboard shows, computed in one pass over the dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub n: usize,
    pub services: Vec<ServiceStats>,
    /// Quadrant lines: the means of the plotted services' importance and satisfaction.
    pub lines: Option<(f64, f64)>,
    pub overall: Option<Rating>,
    pub fee_value: Option<Rating>,
    pub nps: Option<Nps>,
    /// Counts per option of the renewal question (hidden below 5 answers).
    pub renew: Option<Vec<(String, usize)>>,
    pub breakdowns: Vec<Breakdown>,
    pub comments: Vec<Comment>,
}

impl Dashboard {
    /// The breakdown by the profile field with this role, if the bank has one.
    pub fn breakdown(&self, role: &str) -> Option<&Breakdown> {
        self.breakdowns.iter().find(|b| b.role == role)
    }
}

fn rating_counts(column: &[u8]) -> [usize; 5] {
    let mut counts = [0usize; 5];
    for &c in column {
        if (1..=5).contains(&c) {
            counts[c as usize - 1] += 1;
        }
    }
    counts
}

fn nps_counts(column: &[u8]) -> [usize; 11] {
    let mut counts = [0usize; 11];
    for &c in column {
        if (1..=11).contains(&c) {
            counts[c as usize - 1] += 1;
        }
    }
    counts
}

/// Computes the dashboard. Cells under [`MIN_CELL`] respondents are suppressed.
pub fn aggregate(bank: &Bank, data: &Dataset) -> Dashboard {
    let col = |id: &str| bank.item_index(id).map(|i| data.columns[i].as_slice());
    // A service's three questions are found by what they ask, not by their ids.
    let part_column = |service: &str, part: ServicePart| bank.items().iter().position(|i| matches!(&i.service, Some((s, p)) if s == service && *p == part));
    let rating_of_column = |column: Option<usize>| Rating::from_counts(rating_counts(column.map(|c| data.columns[c].as_slice()).unwrap_or(&[])));
    // Services, in bank order.
    let mut services = Vec::new();
    let mut satisfaction_columns = Vec::new();
    let mut seen = BTreeSet::new();
    for item in bank.items() {
        let Some((service, ServicePart::Used)) = &item.service else { continue };
        if !seen.insert(service.clone()) {
            continue;
        }
        let used_col = col(&item.id).unwrap_or(&[]);
        let asked = used_col.iter().filter(|&&c| c != 0).count();
        let used = used_col.iter().filter(|&&c| c == 1).count();
        let satisfaction_column = part_column(service, ServicePart::Satisfaction);
        satisfaction_columns.push(satisfaction_column);
        let satisfaction = rating_of_column(satisfaction_column);
        let importance = rating_of_column(part_column(service, ServicePart::Importance));
        services.push(ServiceStats {
            service: service.clone(),
            asked,
            used,
            usage: (asked >= MIN_CELL).then(|| 100.0 * used as f64 / asked as f64),
            satisfaction,
            importance,
            quadrant: None,
        });
    }
    let plotted: Vec<(f64, f64)> = services.iter().filter_map(|s| Some((s.importance.mean?, s.satisfaction.mean?))).collect();
    let lines = (!plotted.is_empty()).then(|| {
        let imp = plotted.iter().map(|p| p.0).sum::<f64>() / plotted.len() as f64;
        let sat = plotted.iter().map(|p| p.1).sum::<f64>() / plotted.len() as f64;
        (imp, sat)
    });
    if let Some((li, ls)) = lines {
        for s in &mut services {
            if let (Some(i), Some(sa)) = (s.importance.mean, s.satisfaction.mean) {
                s.quadrant = Some(quadrant(i, sa, li, ls));
            }
        }
    }
    let rating_of = |id: &str| col(id).map(|c| Rating::from_counts(rating_counts(c)));
    let nps = col("nps").map(|c| Nps::from_counts(&nps_counts(c)));
    let renew = bank.item("renew").and_then(|item| {
        let ItemKind::Choice { options } = &item.kind else { return None };
        let c = col("renew")?;
        let answered = c.iter().filter(|&&x| x != 0).count();
        (answered >= MIN_CELL).then(|| options.iter().enumerate().map(|(i, o)| (o.id.clone(), c.iter().filter(|&&x| x as usize == i + 1).count())).collect())
    });
    let breakdowns = ["member_type", "competence_area"]
        .iter()
        .filter_map(|role| bank.profile().iter().position(|f| f.role.as_deref() == Some(role)).map(|fi| breakdown(bank, data, fi, role, &satisfaction_columns)))
        .collect();
    let member_field = bank.profile().iter().position(|f| f.role.as_deref() == Some("member_type"));
    let comments = data
        .texts
        .iter()
        .map(|(ii, ri, text)| Comment {
            question: bank.items()[*ii].id.clone(),
            member_type: member_field.and_then(|fi| {
                let code = data.profile[fi][*ri];
                (code > 0).then(|| bank.profile()[fi].options[code as usize - 1].id.clone())
            }),
            text: text.clone(),
        })
        .collect();
    Dashboard { n: data.n, services, lines, overall: rating_of("overall_satisfaction"), fee_value: rating_of("fee_value"), nps, renew, breakdowns, comments }
}

/// Counts of each code per group in one pass: `counts[group][code]` (group 0 = no answer).
fn grouped_counts(column: &[u8], groups: &[u8], group_count: usize, codes: usize) -> Vec<Vec<usize>> {
    let mut counts = vec![vec![0usize; codes + 1]; group_count + 1];
    for (&g, &c) in groups.iter().zip(column) {
        if let Some(row) = counts.get_mut(g as usize) {
            if let Some(cell) = row.get_mut(c as usize) {
                *cell += 1;
            }
        }
    }
    counts
}

/// Group sizes and means by the options of one profile field. `satisfaction_columns`
/// holds each service's satisfaction column, in the dashboard's service order.
fn breakdown(bank: &Bank, data: &Dataset, field: usize, role: &str, satisfaction_columns: &[Option<usize>]) -> Breakdown {
    let def = &bank.profile()[field];
    let groups = def.options.len();
    let codes = &data.profile[field];
    let mut sizes = vec![0usize; groups + 1];
    for &c in codes {
        if let Some(s) = sizes.get_mut(c as usize) {
            *s += 1;
        }
    }
    // Mean of a 1–5 column within each group, from one pass over the column.
    let means = |column: Option<usize>| -> Vec<Option<f64>> {
        let Some(column) = column else { return vec![None; groups + 1] };
        let counts = grouped_counts(&data.columns[column], codes, groups, 5);
        counts.iter().map(|c| Rating::from_counts([c[1], c[2], c[3], c[4], c[5]]).mean).collect()
    };
    let overall = means(bank.item_index("overall_satisfaction"));
    let fee = means(bank.item_index("fee_value"));
    let nps: Vec<Option<f64>> = match bank.item_index("nps") {
        Some(ni) => grouped_counts(&data.columns[ni], codes, groups, 11)
            .iter()
            .map(|c| {
                let counts: [usize; 11] = std::array::from_fn(|v| c[v + 1]);
                Nps::from_counts(&counts).score
            })
            .collect(),
        None => vec![None; groups + 1],
    };
    let per_service: Vec<Vec<Option<f64>>> = satisfaction_columns.iter().map(|&column| means(column)).collect();
    let cells = def
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let g = i + 1;
            let n = sizes[g];
            if n < MIN_CELL {
                return Cell {
                    option: option.id.clone(),
                    n,
                    shown: false,
                    overall: None,
                    fee_value: None,
                    nps: None,
                    services: vec![None; satisfaction_columns.len()],
                };
            }
            Cell {
                option: option.id.clone(),
                n,
                shown: true,
                overall: overall[g],
                fee_value: fee[g],
                nps: nps[g],
                services: per_service.iter().map(|m| m[g]).collect(),
            }
        })
        .collect();
    Breakdown { role: role.to_owned(), field: def.id.clone(), cells }
}

// ---------------------------------------------------------------------------------------
// Year over year.

/// The figures of one year kept for the next year's comparison (aggregates only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsFile {
    pub format: String,
    pub schema: u32,
    pub app_version: String,
    pub exported_at: String,
    pub bank_id: String,
    pub bank_version: String,
    pub year: Option<i64>,
    pub dashboard: Dashboard,
}

pub fn results_json(bank: &Bank, dashboard: &Dashboard, now: &str) -> String {
    let file = ResultsFile {
        format: RESULTS_FORMAT.into(),
        schema: crate::store::SCHEMA,
        app_version: crate::APP_VERSION.into(),
        exported_at: now.into(),
        bank_id: bank.id().into(),
        bank_version: bank.version().into(),
        year: bank.meta().year,
        dashboard: dashboard.clone(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Last year's figures from a responses file (JSON or CSV) or a results file.
pub fn last_year(name: &str, bytes: &[u8], bank: &Bank) -> Result<Dashboard, Vec<Problem>> {
    let text = crate::import::text_of(name, bytes, MAX_RESPONSES_FILE).map_err(|p| vec![p])?;
    // Only the format is read here (the rest is skipped, not built): a responses file may
    // be hundreds of megabytes, and it is parsed properly below.
    #[derive(Deserialize)]
    struct FormatOnly {
        format: Option<String>,
    }
    let is_results =
        text.trim_start().starts_with('{') && serde_json::from_str::<FormatOnly>(text).ok().and_then(|f| f.format).as_deref() == Some(RESULTS_FORMAT);
    if is_results {
        let value = crate::import::envelope(name, text, RESULTS_FORMAT).map_err(|p| vec![p])?;
        let file: ResultsFile = serde_json::from_value(value).map_err(|e| vec![from_json_error(name, text, &e)])?;
        if file.bank_id != bank.id() {
            return Err(vec![Problem::new(name, ProblemKind::UnknownBank { id: file.bank_id, version: file.bank_version })]);
        }
        return Ok(file.dashboard);
    }
    // Last year's questionnaire has last year's version: read its rows against this year's
    // bank (same id); questions that no longer exist are reported as ignored columns.
    let mut known = BTreeSet::new();
    let mut data = Dataset::empty(bank);
    let report = import_with(name, bytes, bank, &mut known, true, &mut |row| data.push(bank, &row));
    if report.accepted_count == 0 {
        return Err(if report.rejected.is_empty() { vec![Problem::new(name, ProblemKind::Empty)] } else { report.rejected });
    }
    Ok(aggregate(bank, &data))
}

/// A change between two years.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub this_year: Option<f64>,
    pub last_year: Option<f64>,
    pub change: Option<f64>,
    /// The change is larger than sampling noise allows (METHOD.md §YoY).
    pub significant: bool,
}

/// Compares two means with Welch's t-test at 95 %: significant when
/// |Δ| > t(0.975, ν)·√(se₁² + se₂²), ν by Welch–Satterthwaite.
pub fn change(this: &Rating, last: &Rating) -> Change {
    // (n, mean, squared standard error) of each year, where there is a spread to test.
    let sample = |r: &Rating| Some((r.n, r.mean?, r.sd?.powi(2) / r.n as f64)).filter(|(n, _, _)| *n >= 2);
    let significant = match (sample(this), sample(last)) {
        (Some((n1, m1, v1)), Some((n2, m2, v2))) => {
            let se = (v1 + v2).sqrt();
            if se == 0.0 {
                m1 != m2
            } else {
                let df = (v1 + v2).powi(2) / (v1.powi(2) / (n1 - 1) as f64 + v2.powi(2) / (n2 - 1) as f64);
                (m1 - m2).abs() > distrs::StudentsT::ppf(0.975, df) * se
            }
        }
        _ => false,
    };
    Change { this_year: this.mean, last_year: last.mean, change: this.mean.zip(last.mean).map(|(x, y)| x - y), significant }
}

// ---------------------------------------------------------------------------------------
// Synthetic responses (benchmarks and tests; also used in the browser bench).

/// A small deterministic generator (SplitMix64): no dependency, same in wasm and native.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// `n` synthetic submitted responses straight into a dataset (no per-response objects),
/// with realistic skew: members rate what they use around 4, use about a third of the
/// services, and recommend the cluster more often than not.
pub fn synthetic_dataset(bank: &Bank, n: usize, seed: u64) -> Dataset {
    let mut rng = SplitMix::new(seed);
    let mut d = Dataset { n, columns: vec![vec![0; n]; bank.items().len()], profile: vec![vec![0; n]; bank.profile().len()], texts: Vec::new() };
    let rating = |rng: &mut SplitMix, centre: u64| -> u8 { (centre as i64 + [-2, -1, -1, 0, 0, 0, 1, 1][rng.below(8) as usize]).clamp(1, 5) as u8 };
    for r in 0..n {
        for (fi, field) in bank.profile().iter().enumerate() {
            d.profile[fi][r] = rng.below(field.options.len() as u64) as u8 + 1;
        }
        let mood = 3 + rng.below(2);
        let mut used = false;
        for (ii, item) in bank.items().iter().enumerate() {
            let code = match (&item.kind, &item.service) {
                (_, Some((_, ServicePart::Used))) => {
                    used = rng.below(3) == 0;
                    if used {
                        1
                    } else {
                        2
                    }
                }
                (_, Some((_, ServicePart::Satisfaction))) => {
                    if used {
                        rating(&mut rng, mood)
                    } else {
                        0
                    }
                }
                (ItemKind::Rating { .. }, _) => rating(&mut rng, mood),
                (ItemKind::Nps, _) => (4 + rng.below(7) as u8).min(10) + 1,
                (ItemKind::Choice { options }, _) => rng.below(options.len() as u64) as u8 + 1,
                (ItemKind::YesNo, _) => 1 + rng.below(2) as u8,
                (ItemKind::Text, _) => {
                    if rng.below(20) == 0 {
                        d.texts.push((ii, r, format!("Commento {r}")));
                        1
                    } else {
                        0
                    }
                }
                (ItemKind::Level { .. }, _) => 1 + rng.below(5) as u8,
            };
            d.columns[ii][r] = code;
        }
        // Questions the respondent would not have seen (e.g. "why not renew?" after "yes")
        // get no answer, exactly as in the app.
        for (ii, item) in bank.items().iter().enumerate() {
            let shown = is_visible(item, |id| bank.item_index(id).and_then(|k| decode(&bank.items()[k].kind, d.columns[k][r])));
            if !shown && d.columns[ii][r] != 0 {
                d.columns[ii][r] = 0;
                d.texts.retain(|(i, row, _)| !(*i == ii && *row == r));
            }
        }
    }
    d
}

/// The answer a code stands for (the inverse of `code_of`; free text is not recovered).
fn decode(kind: &ItemKind, code: u8) -> Option<Answer> {
    match (kind, code) {
        (_, 0) => None,
        (ItemKind::Rating { .. }, c) => Some(Answer::Rating(c)),
        (ItemKind::Level { .. }, c) => Some(Answer::Level(c)),
        (ItemKind::Nps, c) => Some(Answer::Nps(c - 1)),
        (ItemKind::YesNo, c) => Some(Answer::YesNo(c == 1)),
        (ItemKind::Choice { options }, c) => options.get(c as usize - 1).map(|o| Answer::Choice(o.id.clone())),
        (ItemKind::Text, _) => Some(Answer::Text(String::new())),
    }
}

/// A dataset written as a responses CSV (the documented layout) without building
/// per-response records: the benchmarks make large import files with it.
pub fn dataset_csv(bank: &Bank, data: &Dataset) -> String {
    let texts: std::collections::HashMap<(usize, usize), &str> = data.texts.iter().map(|(i, r, t)| ((*i, *r), t.as_str())).collect();
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let header = csv_header(bank);
    let _ = writer.write_record(&header);
    let mut row: Vec<String> = Vec::with_capacity(header.len());
    for r in 0..data.n {
        row.clear();
        row.extend([format!("syn-{r:07}"), "2027-01-15T10:30:00.000Z".to_owned(), "it".to_owned()]);
        for (fi, f) in bank.profile().iter().enumerate() {
            let c = data.profile[fi][r];
            row.push(if c == 0 { String::new() } else { f.options[c as usize - 1].id.clone() });
        }
        for (ii, item) in bank.items().iter().enumerate() {
            let c = data.columns[ii][r];
            row.push(match (&item.kind, c) {
                (ItemKind::Text, 1..) => crate::export::neutralise_cell(texts.get(&(ii, r)).copied().unwrap_or("")),
                (kind, c) => decode(kind, c).map(|a| a.token()).unwrap_or_default(),
            });
        }
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The same synthetic data as full responses (for import benchmarks and files).
pub fn synthetic_responses(bank: &Bank, n: usize, seed: u64) -> Vec<Response> {
    let data = synthetic_dataset(bank, n, seed);
    (0..n)
        .map(|r| {
            let mut resp = Response::new(format!("syn{seed:x}-{r:07}"), bank, Lang::DEFAULT, None, "2027-01-15T10:00:00.000Z");
            resp.submitted_at = Some("2027-01-15T10:30:00.000Z".into());
            for (fi, f) in bank.profile().iter().enumerate() {
                let c = data.profile[fi][r];
                if c > 0 {
                    resp.profile.insert(f.id.clone(), f.options[c as usize - 1].id.clone());
                }
            }
            for (ii, item) in bank.items().iter().enumerate() {
                let c = data.columns[ii][r];
                if c == 0 {
                    continue;
                }
                let answer = match &item.kind {
                    ItemKind::Text => Some(Answer::Text(format!("Commento {r}"))),
                    kind => decode(kind, c),
                };
                resp.answers.extend(answer.map(|a| (item.id.clone(), a)));
            }
            resp
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Kiosk sessions.

pub const KIOSK_KEY: &str = "faro.kiosk";
pub const SURVEY_SETTINGS_KEY: &str = "faro.survey.settings";

/// A collection session on one device: respondents take the survey in turn.
/// The code only guards against accidental exits; it is stored in the browser and is no
/// security (there is no server to check it against).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kiosk {
    pub session: String,
    pub label: String,
    pub code: String,
    pub started_at: String,
    pub collected: usize,
    /// The response being filled in now.
    pub current: String,
}

impl Kiosk {
    /// Shortest exit code accepted.
    pub const MIN_CODE: usize = 4;

    pub fn unlocks(&self, attempt: &str) -> bool {
        attempt.trim() == self.code
    }
}

/// Staff settings of the survey on this device.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SurveySettings {
    /// Members the survey went to, for the response rate.
    #[serde(default)]
    pub members: Option<usize>,
}

/// Response rate, %: responses ÷ members.
pub fn response_rate(n: usize, members: Option<usize>) -> Option<f64> {
    members.filter(|m| *m > 0).map(|m| 100.0 * n as f64 / m as f64)
}
