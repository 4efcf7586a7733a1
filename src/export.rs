//! Files Faro writes. Every file carries its format name, schema version and the app
//! version, so an importer can say precisely what it got.

use crate::response::Assessment;
use crate::store::SCHEMA;
use serde::{Deserialize, Serialize};

pub const ASSESSMENT_FORMAT: &str = "faro-assessment";

/// The JSON file of one assessment (profile, answers with timestamps, plan).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssessmentFile {
    pub format: String,
    pub schema: u32,
    pub app_version: String,
    pub exported_at: String,
    pub assessment: Assessment,
}

/// The assessment as a versioned, pretty-printed JSON file.
pub fn assessment_json(assessment: &Assessment, now: &str) -> String {
    let file = AssessmentFile {
        format: ASSESSMENT_FORMAT.into(),
        schema: SCHEMA,
        app_version: crate::APP_VERSION.into(),
        exported_at: now.into(),
        assessment: assessment.clone(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A file name from a user-given name: letters, digits and dashes only.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem: String = stem.chars().take(60).collect();
    if stem.is_empty() {
        "faro".into()
    } else {
        stem
    }
}

/// Neutralises a spreadsheet cell that a spreadsheet program would read as a formula
/// (OWASP "CSV injection"): a leading `=`, `+`, `-`, `@`, tab or carriage return gets a
/// `'` in front. Applied to every text cell of every CSV and XLSX Faro writes, headers
/// included.
pub fn neutralise_cell(text: &str) -> String {
    if starts_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A CSV file's bytes with a UTF-8 byte-order mark, without which Excel reads accented
/// letters wrongly.
pub fn with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// Undoes [`neutralise_cell`] when a file Faro wrote is read back: the `'` comes off only
/// where Faro would have put it.
pub fn unneutralise_cell(cell: &str) -> &str {
    cell.strip_prefix('\'').filter(|rest| starts_like_formula(rest)).unwrap_or(cell)
}

fn starts_like_formula(text: &str) -> bool {
    matches!(text.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("Plant A / 2027"), "plant-a-2027");
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("<>"), "faro");
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for payload in ["=1+1", "+1", "-2", "@SUM(A1)", "\t=x", "\r=x"] {
            assert!(neutralise_cell(payload).starts_with('\''), "{payload:?}");
        }
        assert_eq!(neutralise_cell("ok = fine"), "ok = fine");
    }
}

// ---------------------------------------------------------------------------------------
// Report tables: the same content for CSV, XLSX and Markdown.

use crate::bank::Bank;
use crate::benchmark::{BenchmarkMeta, Comparison};
use crate::i18n::{Lang, Msg};
use crate::plan::{Plan, PlanItem, Status, TargetKind, Tier};
use crate::score::Scores;

/// One cell of a report table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    fn num(v: Option<f64>) -> Cell {
        v.map(|x| Cell::Number(crate::stats::round1(x))).unwrap_or(Cell::Empty)
    }
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    /// The cell as written to CSV and Markdown (text neutralised for spreadsheets).
    pub fn plain(&self, lang: Lang) -> String {
        match self {
            Cell::Text(t) => neutralise_cell(t),
            Cell::Number(n) => format_number(*n, lang),
            Cell::Empty => String::new(),
        }
    }
}

/// Numbers as people of `lang` write them: `62,5` in Italian, `62.5` in English.
pub fn format_number(n: f64, lang: Lang) -> String {
    let s = if n.fract() == 0.0 { format!("{n:.0}") } else { format!("{n:.1}") };
    if lang.code() == "it" {
        s.replace('.', ",")
    } else {
        s
    }
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub sheets: Vec<Table>,
}

/// Everything an assessment report shows.
pub struct AssessmentReport<'a> {
    pub bank: &'a Bank,
    pub assessment: &'a Assessment,
    pub scores: &'a Scores,
    pub comparison: Option<&'a Comparison>,
    pub benchmark: Option<&'a BenchmarkMeta>,
    /// The compared group's name, and whether it replaced a too-small own group.
    pub group_label: Option<(String, bool)>,
    pub lang: Lang,
}

impl AssessmentReport<'_> {
    /// The name of a metric for people: "Strategia dell'innovazione › Visione".
    pub fn metric_name(&self, metric: &str) -> String {
        let lang = self.lang;
        if metric == crate::benchmark::OVERALL {
            return lang.t(Msg::ROverall).to_owned();
        }
        let (dim, sub) = match metric.split_once('.') {
            Some((d, s)) => (d, Some(s)),
            None => (metric, None),
        };
        let Some(section) = self.bank.sections().iter().find(|s| s.id == dim) else { return metric.to_owned() };
        match sub.and_then(|s| section.subdimensions.iter().find(|x| x.id == s)) {
            Some(sub) => format!("{} › {}", section.title.get(lang), sub.name.get(lang)),
            None => section.title.get(lang).to_owned(),
        }
    }

    /// The lines every export carries: self-assessment disclaimer and benchmark provenance.
    pub fn notes(&self) -> Vec<String> {
        let lang = self.lang;
        let mut notes = vec![
            format!("{} — {}", self.assessment.name, lang.t(Msg::RSelfAssessment)),
            lang.fmt(Msg::XGenerated, &[("version", &crate::APP_VERSION), ("bank", &self.bank.version())]),
        ];
        if let Some(meta) = self.benchmark {
            notes.push(provenance_line(meta, lang));
        }
        if let Some((label, fallback)) = &self.group_label {
            let msg = if *fallback { Msg::XGroupFallback } else { Msg::XGroup };
            notes.push(lang.fmt(msg, &[("group", label), ("n", &self.comparison.map(|c| c.n).unwrap_or(0))]));
        }
        notes
    }

    pub fn scores_table(&self) -> Table {
        let lang = self.lang;
        let mut rows = vec![vec![
            Cell::text(lang.t(Msg::ROverall)),
            Cell::num(self.scores.overall.map(|s| s.get())),
            Cell::Empty,
            Cell::text(yes_no(self.scores.overall_reliable, lang)),
        ]];
        for d in &self.scores.dimensions {
            let section = &self.bank.sections()[d.section];
            rows.push(vec![
                Cell::text(section.title.get(lang)),
                Cell::num(d.group.score.map(|s| s.get())),
                Cell::Number((d.group.coverage * 100.0).round()),
                Cell::text(yes_no(d.group.reliable, lang)),
            ]);
            for ((_, g), sub) in d.subdimensions.iter().zip(&section.subdimensions) {
                rows.push(vec![
                    Cell::text(format!("{} › {}", section.title.get(lang), sub.name.get(lang))),
                    Cell::num(g.score.map(|s| s.get())),
                    Cell::Number((g.coverage * 100.0).round()),
                    Cell::text(yes_no(g.reliable, lang)),
                ]);
            }
        }
        Table {
            name: lang.t(Msg::XSheetScores).into(),
            notes: self.notes(),
            headers: [Msg::XArea, Msg::RScore, Msg::XCoveragePct, Msg::XReliable].iter().map(|m| lang.t(*m).to_owned()).collect(),
            rows,
        }
    }

    pub fn benchmark_table(&self) -> Option<Table> {
        let lang = self.lang;
        let cmp = self.comparison?;
        let rows = cmp
            .rows
            .iter()
            .map(|r| {
                vec![
                    Cell::text(self.metric_name(&r.metric)),
                    Cell::num(r.score),
                    Cell::Number(f64::from(r.n)),
                    Cell::num(r.mean),
                    Cell::num(r.percentile),
                    Cell::num(r.p10),
                    Cell::num(r.median),
                    Cell::num(r.p90),
                    Cell::num(r.champions_mean),
                    Cell::num(r.gap_to_mean),
                    Cell::num(r.gap_to_champions),
                ]
            })
            .collect();
        let headers = [
            Msg::XArea,
            Msg::RScore,
            Msg::XGroupN,
            Msg::XPeerMean,
            Msg::XPercentile,
            Msg::XP10,
            Msg::XMedian,
            Msg::XP90,
            Msg::XChampionsMean,
            Msg::XGapMean,
            Msg::XGapChampions,
        ];
        Some(Table { name: lang.t(Msg::XSheetBenchmark).into(), notes: self.notes(), headers: headers.iter().map(|m| lang.t(*m).to_owned()).collect(), rows })
    }

    pub fn plan_table(&self, plan: &Plan, service_name: &dyn Fn(&str) -> String) -> Table {
        let lang = self.lang;
        let rows = plan
            .accepted()
            .map(|item| {
                vec![
                    Cell::text(&item.title),
                    Cell::text(tier_name(item.tier, lang)),
                    Cell::text(status_name(item.status, lang)),
                    Cell::text(&item.owner),
                    Cell::text(&item.start),
                    Cell::text(&item.due),
                    Cell::text(&item.kpi),
                    Cell::text(&item.kpi_baseline),
                    Cell::text(&item.kpi_target),
                    Cell::text(item.services.iter().map(|s| service_name(s)).collect::<Vec<_>>().join("; ")),
                    Cell::text(self.why(item)),
                ]
            })
            .collect();
        let headers =
            [Msg::XAction, Msg::XTier, Msg::XStatus, Msg::XOwner, Msg::XStart, Msg::XDue, Msg::XKpi, Msg::XBaseline, Msg::XTarget, Msg::XServices, Msg::XWhy];
        Table { name: lang.t(Msg::XSheetPlan).into(), notes: self.notes(), headers: headers.iter().map(|m| lang.t(*m).to_owned()).collect(), rows }
    }

    /// Why an action was proposed, in a sentence with its figures.
    pub fn why(&self, item: &PlanItem) -> String {
        let lang = self.lang;
        let Some(r) = &item.reason else { return lang.t(Msg::PlanOwnAction).to_owned() };
        let target = match r.target_kind {
            TargetKind::Champions => Msg::PlanTargetChampions,
            TargetKind::PeerMean => Msg::PlanTargetPeers,
            TargetKind::Maximum => Msg::PlanTargetMaximum,
        };
        let n = |v: f64| format_number(crate::stats::round1(v), lang);
        lang.fmt(
            Msg::PlanWhy,
            &[
                ("area", &self.metric_name(&r.metric)),
                ("score", &n(r.score)),
                ("target_kind", &lang.t(target)),
                ("target", &n(r.target)),
                ("gap", &n(r.gap)),
                ("importance", &n(r.importance)),
                ("effort", &n(r.effort_factor)),
                ("priority", &n(r.priority)),
            ],
        )
    }

    /// All tables of the report, for the workbook.
    pub fn workbook(&self, service_name: &dyn Fn(&str) -> String) -> Workbook {
        let mut sheets = vec![self.scores_table()];
        sheets.extend(self.benchmark_table());
        if let Some(plan) = &self.assessment.plan {
            sheets.push(self.plan_table(plan, service_name));
        }
        Workbook { sheets }
    }

    /// The report as Markdown.
    pub fn markdown(&self, service_name: &dyn Fn(&str) -> String) -> String {
        let lang = self.lang;
        let mut out = format!("# {}\n\n", lang.fmt(Msg::RTitleFor, &[("name", &self.assessment.name)]));
        for note in self.notes() {
            out.push_str(&format!("> {}\n", escape_markdown(&note)));
        }
        out.push('\n');
        let (strong, weak) = self.scores.extremes(3);
        let area = |a: &crate::score::Area| {
            let s = &self.bank.sections()[a.section];
            format!("{} › {}: {}", s.title.get(lang), s.subdimensions[a.subdimension].name.get(lang), format_number(a.score.get().round(), lang))
        };
        out.push_str(&format!("## {}\n\n", lang.t(Msg::RStrongest)));
        for a in &strong {
            out.push_str(&format!("- {}\n", escape_markdown(&area(a))));
        }
        out.push_str(&format!("\n## {}\n\n", lang.t(Msg::RWeakest)));
        for a in &weak {
            out.push_str(&format!("- {}\n", escape_markdown(&area(a))));
        }
        for table in self.workbook(service_name).sheets {
            out.push_str(&format!("\n## {}\n\n", table.name));
            out.push_str(&markdown_table(&table, lang));
        }
        out
    }
}

/// The benchmark provenance sentence every view and export carries; the synthetic
/// reference set says plainly that it is simulated and should be replaced.
pub fn provenance_line(meta: &BenchmarkMeta, lang: Lang) -> String {
    let msg = if meta.synthetic { Msg::BenchProvenanceSynthetic } else { Msg::BenchProvenance };
    lang.fmt(msg, &[("name", &meta.name.get(lang)), ("n", &meta.total_n), ("date", &meta.created_at), ("period", &meta.collection_period)])
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    lang.t(if b { Msg::QYes } else { Msg::QNo })
}

pub fn tier_name(tier: Tier, lang: Lang) -> &'static str {
    lang.t(match tier {
        Tier::QuickWin => Msg::PlanTierQuickWin,
        Tier::Strategic => Msg::PlanTierStrategic,
        Tier::Own => Msg::PlanTierOwn,
    })
}

pub fn status_name(status: Status, lang: Lang) -> &'static str {
    lang.t(match status {
        Status::NotStarted => Msg::PlanStatusNotStarted,
        Status::OnTrack => Msg::PlanStatusOnTrack,
        Status::AtRisk => Msg::PlanStatusAtRisk,
        Status::Done => Msg::PlanStatusDone,
    })
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

fn markdown_table(table: &Table, lang: Lang) -> String {
    let mut out = format!("| {} |\n", table.headers.iter().map(|h| escape_markdown(h)).collect::<Vec<_>>().join(" | "));
    out.push_str(&format!("|{}\n", table.headers.iter().map(|_| "---|").collect::<String>()));
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(t) => escape_markdown(t),
                other => other.plain(lang),
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// The CSV field separator spreadsheet programs expect in `lang`'s countries: `;` where
/// the decimal separator is a comma (Italian), `,` otherwise.
pub fn csv_delimiter(lang: Lang) -> u8 {
    if lang.code() == "it" {
        b';'
    } else {
        b','
    }
}

/// A table as CSV (RFC 4180 via the `csv` crate): notes first as `#` lines, then the
/// header and the rows. Every text cell, headers included, is neutralised against
/// formula injection.
pub fn to_csv(table: &Table, lang: Lang) -> String {
    // Notes are written raw after "# " (never quoted), so readers can skip them as comments.
    let mut out = String::new();
    for note in &table.notes {
        out.push_str("# ");
        out.push_str(&note.replace(['\n', '\r'], " "));
        out.push('\n');
    }
    let mut writer = csv::WriterBuilder::new().delimiter(csv_delimiter(lang)).from_writer(Vec::new());
    let _ = writer.write_record(table.headers.iter().map(|h| neutralise_cell(h)));
    for row in &table.rows {
        let _ = writer.write_record(row.iter().map(|c| c.plain(lang)));
    }
    out.push_str(&String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default());
    out
}

pub const PLAN_FORMAT: &str = "faro-plan";

/// The plan on its own, as a file that re-imports into an assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanFile {
    pub format: String,
    pub schema: u32,
    pub app_version: String,
    pub exported_at: String,
    pub assessment_id: String,
    pub assessment_name: String,
    pub plan: Plan,
}

pub fn plan_json(a: &Assessment, plan: &Plan, now: &str) -> String {
    let file = PlanFile {
        format: PLAN_FORMAT.into(),
        schema: SCHEMA,
        app_version: crate::APP_VERSION.into(),
        exported_at: now.into(),
        assessment_id: a.id.clone(),
        assessment_name: a.name.clone(),
        plan: plan.clone(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}
