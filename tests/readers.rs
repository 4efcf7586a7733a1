//! Every reader of files users bring, against the files users really have: saved with a
//! byte-order mark (as Notepad and Excel save), far too large, or broken in ways whose
//! explanation must reach the user in their language (issue 9, bugs 2 and 4).

use faro::assessment::files::{assessment_file, intake, plan_file, Intake};
use faro::benchmark::Benchmark;
use faro::content::Content;
use faro::kernel::i18n::Lang;
use faro::kernel::problem::{Problem, ProblemKind};
use faro::survey::{import_responses, last_year};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::bundled().unwrap())
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1").join(name)).unwrap()
}

fn with_bom(bytes: &[u8]) -> Vec<u8> {
    [b"\xEF\xBB\xBF".as_slice(), bytes].concat()
}

/// Issue 9, bug 2: a genuine export saved with a UTF-8 BOM was refused ("riga 1: il
/// testo non è leggibile (expected value)"), by the benchmark builder too.
#[test]
fn every_reader_accepts_a_byte_order_mark() {
    let c = content();
    let assessment = with_bom(&fixture("assessment.json"));
    assert!(assessment_file("a.json", &assessment, &c.innovation).is_ok());
    let (accepted, report) = intake(&c.innovation, &[("a.json".to_owned(), assessment.clone())]);
    assert_eq!((accepted.len(), &report[0].1), (1, &Intake::Accepted));
    assert!(plan_file("p.json", &with_bom(&fixture("plan.json"))).is_ok());
    assert!(faro::store::plan_restore("b.json", &with_bom(&fixture("backup.json")), &BTreeMap::new()).is_ok());
    assert!(Benchmark::from_json("bench.json", &with_bom(&fixture("benchmark.json"))).is_ok());
    for file in ["responses.json", "responses.csv"] {
        let report = import_responses(file, &with_bom(&fixture(file)), &c.satisfaction, &mut Default::default());
        assert!(report.rejected.is_empty() && report.accepted_count > 0, "{file}: {:?}", report.rejected);
    }
    assert!(last_year("results.json", &with_bom(&fixture("results.json")), &c.satisfaction).is_ok());
}

/// What a reader says of a file, in Italian.
fn italian(problems: &[Problem]) -> String {
    problems.iter().map(|p| p.message(Lang::DEFAULT)).collect::<Vec<_>>().join("\n")
}

/// Issue 9, bug 4: "(expected value)", "(not UTF-8 text)", "(recursion limit exceeded)",
/// "trovato list", and a JSON file described in CSV terms ("campo «header»") reached
/// Italian users.
#[test]
fn what_readers_say_is_in_the_users_language() {
    let c = content();
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("f1.json", b"{\"format\": \"faro-assessment\", \"schema\": 1, \"assessment\": }".to_vec()),
        ("f2.json", vec![0x7b, 0xff, 0xfe, 0x00]),
        ("f3.json", deep.clone().into_bytes()),
        ("f4.json", b"[1, 2, 3]".to_vec()),
        ("f5.json", b"{\"format\": \"faro-assessment\", \"schema\": 1, \"assessment\": []}".to_vec()),
    ];
    let english = ["expected", "found", "not UTF-8", "recursion", "list", "header", "sequence", "invalid", "trailing"];
    for (name, bytes) in &files {
        let mut said = Vec::new();
        said.extend(assessment_file(name, bytes, &c.innovation).err().unwrap_or_default());
        said.extend(plan_file(name, bytes).err().unwrap_or_default());
        said.extend(Benchmark::from_json(name, bytes).err().unwrap_or_default());
        said.extend(import_responses(name, bytes, &c.satisfaction, &mut Default::default()).rejected);
        said.extend(last_year(name, bytes, &c.satisfaction).err().unwrap_or_default());
        assert!(!said.is_empty(), "{name} was accepted");
        let text = italian(&said);
        for word in english {
            assert!(!text.contains(word), "{name}: {word:?} in\n{text}");
        }
    }
}

#[test]
fn counts_take_the_right_plural() {
    let it = Lang::DEFAULT;
    assert_eq!(it.fmt(faro::kernel::i18n::Msg::ContentProblems, &[("n", &1)]), "1 problema");
    assert_eq!(it.fmt(faro::kernel::i18n::Msg::ContentProblems, &[("n", &2)]), "2 problemi");
}

/// A JSON responses file is told as JSON even when it is not a Faro file.
#[test]
fn a_json_file_is_never_read_as_csv() {
    let report = import_responses("export.json", b"[{\"id\": 1}]", &content().satisfaction, &mut Default::default());
    assert!(matches!(report.rejected[0].kind, ProblemKind::WrongFormat { .. }), "{:?}", report.rejected);
}
