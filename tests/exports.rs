//! The files companies open: XLSX read back with calamine, CSV parsed back, Markdown;
//! formula injection neutralised (OWASP payloads), provenance in every export.

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use faro::assessment::plan::Status;
use faro::assessment::propose::{propose, Basis};
use faro::assessment::record::Assessment;
use faro::assessment::report::AssessmentReport;
use faro::assessment::score::score;
use faro::benchmark::{Benchmark, GroupKey};
use faro::content::bank::Answer;
use faro::content::Content;
use faro::format::csv::to_csv;
use faro::kernel::i18n::Lang;
use std::io::Cursor;

/// OWASP's CSV-injection examples, plus tab and carriage-return starts.
const PAYLOADS: &[&str] =
    &["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-1+1", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1+2\";=1+2"];

fn dangerous(text: &str) -> bool {
    matches!(text.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

struct Fixture {
    content: Content,
    assessment: Assessment,
    bench: Benchmark,
}

fn fixture() -> Fixture {
    let content = Content::bundled().unwrap();
    let bank = &content.innovation;
    let mut a = Assessment::new("x".into(), PAYLOADS[0].into(), bank, Lang::DEFAULT, "2027-03-01T00:00:00.000Z");
    for (i, item) in bank.items().iter().enumerate() {
        a.set_answer(item, Answer::Level(1 + (i % 4) as u8), "t");
    }
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/benchmark/synthetic.json")).unwrap();
    let bench = Benchmark::from_json("synthetic.json", &bytes).unwrap();
    let scores = score(bank, &|id| a.answer_of(id).cloned());
    let mut plan = propose(bank, &content.bundled_library().unwrap(), &scores, Basis { benchmark: Some(&bench), ..Basis::default() }, Lang::DEFAULT, "now");
    // The company types the payloads into its own plan.
    for (i, payload) in PAYLOADS.iter().enumerate() {
        let item = plan.add_own((*payload).into(), "now");
        item.owner = PAYLOADS[(i + 1) % PAYLOADS.len()].into();
        item.kpi_target = "-10 %".into();
        item.status = Status::AtRisk;
    }
    a.plan = Some(plan);
    Fixture { content, assessment: a, bench }
}

fn with_report<R>(f: &Fixture, lang: Lang, run: impl FnOnce(&AssessmentReport) -> R) -> R {
    let bank = &f.content.innovation;
    let scores = score(bank, &|id| f.assessment.answer_of(id).cloned());
    let cmp = f.bench.compare(&GroupKey::All, &scores).unwrap();
    let report = AssessmentReport {
        bank,
        assessment: &f.assessment,
        scores: &scores,
        comparison: Some(&cmp),
        benchmark: Some(f.bench.meta()),
        group_label: Some((GroupKey::All.label(bank, lang), false)),
        lang,
    };
    run(&report)
}

fn service_name(f: &Fixture, lang: Lang) -> impl Fn(&str) -> String + '_ {
    move |id| f.content.catalogue.service(id).map(|s| s.name.get(lang).to_owned()).unwrap_or_else(|| id.to_owned())
}

#[test]
fn xlsx_reads_back_with_scores_benchmark_and_plan_and_no_formulas() {
    let f = fixture();
    let lang = Lang::from_code("en").unwrap();
    let book = with_report(&f, lang, |r| r.workbook(&service_name(&f, lang)));
    let bytes = faro::format::xlsx::write(&book).unwrap();
    let mut xlsx: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(xlsx.sheet_names(), ["Scores", "ISO 56001 clause profile", "Benchmark", "Action plan"]);
    let scores = xlsx.worksheet_range("Scores").unwrap();
    let rows: Vec<Vec<Data>> = scores.rows().map(|r| r.to_vec()).collect();
    let all_text: Vec<String> = rows.iter().flatten().filter_map(|c| if let Data::String(s) = c { Some(s.clone()) } else { None }).collect();
    assert!(all_text.iter().any(|t| t.contains("Simulated reference set — replace with your members' data")), "provenance in the sheet");
    let header = rows.iter().position(|r| r.first() == Some(&Data::String("Area".into()))).expect("header row");
    let overall = &rows[header + 1];
    let expected = f.content.innovation.items().len();
    assert!(expected > 0);
    assert!(matches!(overall[1], Data::Float(v) if (0.0..=100.0).contains(&v)), "{:?}", overall[1]);
    for sheet in ["Scores", "Benchmark", "Action plan"] {
        let range = xlsx.worksheet_range(sheet).unwrap();
        for cell in range.used_cells() {
            if let Data::String(s) = cell.2 {
                assert!(!dangerous(s), "{sheet} {:?}: {s:?}", (cell.0, cell.1));
            }
        }
        assert!(xlsx.worksheet_formula(sheet).unwrap().used_cells().next().is_none(), "no formulas in {sheet}");
    }
    let plan = xlsx.worksheet_range("Action plan").unwrap();
    let titles: Vec<String> = plan
        .rows()
        .filter_map(|r| match r.first() {
            Some(Data::String(s)) => Some(s.clone()),
            _ => None,
        })
        .collect();
    for payload in PAYLOADS {
        assert!(titles.contains(&format!("'{payload}")), "{payload:?} neutralised, not dropped");
    }
}

#[test]
fn csv_parses_back_and_is_neutralised_in_both_languages() {
    let f = fixture();
    for lang in Lang::all() {
        let table = with_report(&f, lang, |r| r.plan_table(f.assessment.plan.as_ref().unwrap(), &service_name(&f, lang)));
        let text = to_csv(&table, lang);
        assert!(text.contains("# "), "notes as comment lines");
        let mut reader = csv::ReaderBuilder::new().delimiter(lang.csv_delimiter()).comment(Some(b'#')).flexible(false).from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.len(), 13);
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), f.assessment.plan.as_ref().unwrap().accepted().count());
        for field in headers.iter().chain(records.iter().flat_map(|r| r.iter())) {
            assert!(!dangerous(field), "{field:?}");
        }
    }
    let lang = Lang::DEFAULT;
    let scores = with_report(&f, lang, |r| r.benchmark_table().unwrap());
    let text = to_csv(&scores, lang);
    assert!(text.contains("Insieme di riferimento simulato"), "provenance in the CSV");
    assert!(text.lines().any(|l| l.contains(';')), "Italian CSV uses semicolons");
}

#[test]
fn markdown_has_the_sections_and_escapes_user_text() {
    let f = fixture();
    let lang = Lang::from_code("en").unwrap();
    let md = with_report(&f, lang, |r| r.markdown(&service_name(&f, lang)));
    for heading in ["# Results: ", "## Your strengths", "## Areas to improve", "## Scores", "## Benchmark", "## Action plan"] {
        assert!(md.contains(heading), "{heading}");
    }
    assert!(md.contains("Simulated reference set — replace with your members' data"));
    assert!(!md.contains("<img"), "markup escaped");
    assert!(md.contains("Self-assessment, not validated by a third party."));
}

/// Issue 9, bug 1: a name such as `Brambilla;=1+1;@SUM(1,1);` was written raw into the
/// first (comment) line of the CSV exports, so a spreadsheet split it into formula
/// cells. Every line, comment lines included, now goes through the cell writer, and a
/// formula after leading spaces is neutralised too.
#[test]
fn a_hostile_assessment_name_never_becomes_a_formula_cell() {
    let mut f = fixture();
    f.assessment.plan.as_mut().unwrap().add_own(" =1+1".into(), "now");
    let unsafe_cell = |cell: &str| cell.trim_start().starts_with(['=', '+', '-', '@']) && !cell.trim_start().starts_with("-10 %");
    for name in ["Brambilla;=1+1;@SUM(1,1);", "Brambilla,=1+1,@SUM(1,1),", " =1+1", "  @SUM(1,1)"] {
        f.assessment.name = name.into();
        for lang in Lang::all() {
            let delimiter = lang.csv_delimiter();
            let plan = f.assessment.plan.clone().unwrap();
            let csvs = with_report(&f, lang, |r| [to_csv(&r.scores_table(), lang), to_csv(&r.plan_table(&plan, &|s| s.to_owned()), lang)]);
            for text in &csvs {
                // A comment line, however a program splits it: no part starts like a formula.
                for line in text.lines().filter(|l| l.starts_with('#')) {
                    for part in line.split(char::from(delimiter)) {
                        assert!(!unsafe_cell(part), "{name:?} gave {part:?} in {line:?}");
                    }
                }
                // The table, read as a spreadsheet reads it.
                let body: String = text.lines().filter(|l| !l.starts_with('#')).map(|l| format!("{l}\n")).collect();
                let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(body.as_bytes());
                for record in reader.records() {
                    for cell in record.unwrap().iter() {
                        assert!(!unsafe_cell(cell) || cell.starts_with('\''), "{name:?} gave the cell {cell:?}");
                    }
                }
            }
        }
    }
}
