//! An assessment's files: the assessment (profile, answers, plan) and the plan on its
//! own, written in the common envelope and read back with every answer checked against
//! the bank; and the intake of many assessment files for the benchmark builder.

use crate::assessment::plan::Plan;
use crate::assessment::record::Assessment;
use crate::assessment::team::{Rater, MAX_LABEL};
use crate::content::bank::{Answer, Bank, MAX_TEXT};
use crate::format::envelope::{self, Envelope, FormatId};
use crate::kernel::dates::is_date_or_empty;
use crate::kernel::i18n::Msg;
use crate::kernel::ids::is_valid_id;
use crate::kernel::problem::{line_of, Expected, Found, Problem, ProblemKind, Thing};
use serde::{Deserialize, Serialize};

/// Largest assessment or plan file accepted (a real one is ~30 KB).
pub const MAX_ASSESSMENT_FILE: usize = 5 * 1024 * 1024;
/// Longest assessment name.
pub const MAX_NAME: usize = 200;

/// The body of an assessment file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssessmentBody {
    pub assessment: Assessment,
}

/// The JSON file of one assessment (profile, answers with timestamps, plan).
pub type AssessmentFile = Envelope<AssessmentBody>;

/// The body of a plan file: the plan and the assessment it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanBody {
    pub assessment_id: String,
    pub assessment_name: String,
    pub plan: Plan,
}

/// The plan on its own, as a file that re-imports into an assessment.
pub type PlanFile = Envelope<PlanBody>;

/// The body of a rater file: one rater's answers to one workshop assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RaterBody {
    pub assessment_id: String,
    pub assessment_name: String,
    pub rater: Rater,
}

/// A rater's own answers, to bring back to the facilitator's device (file or QR).
pub fn rater_json(a: &Assessment, rater: &str, now: &str) -> Option<String> {
    let rater = a.team.as_ref()?.raters.iter().find(|r| r.id == rater)?.clone();
    Some(Envelope::new(FormatId::RATER, RaterBody { assessment_id: a.id.clone(), assessment_name: a.name.clone(), rater }, now).to_json())
}

/// Reads a rater file, every answer checked against the bank.
pub fn rater_file(name: &str, bytes: &[u8], bank: &Bank) -> Result<RaterBody, Vec<Problem>> {
    let file: Envelope<RaterBody> = envelope::read(name, bytes, FormatId::RATER, MAX_ASSESSMENT_FILE).map_err(|p| vec![p])?;
    let text = std::str::from_utf8(bytes).unwrap_or("");
    let problems = check_rater(name, text, &file.body.rater, bank);
    if problems.is_empty() {
        Ok(file.body)
    } else {
        Err(problems)
    }
}

/// A rater's id, label and answers against the bank.
fn check_rater(name: &str, text: &str, rater: &Rater, bank: &Bank) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !is_valid_id(&rater.id) {
        problems.push(Problem::new(name, ProblemKind::InvalidValue { expected: Expected::Id, found: Found::literal(&rater.id) }).field("rater.id"));
    }
    let long = rater.label.chars().count();
    if long > MAX_LABEL {
        problems
            .push(Problem::new(name, ProblemKind::InvalidValue { expected: Expected::TextUpTo(MAX_LABEL), found: Found::Count(long) }).field("rater.label"));
    }
    for (id, given) in &rater.answers {
        let problem = match bank.item(id) {
            None => ProblemKind::UnknownReference { what: Thing::Question, id: id.clone() },
            Some(item) if !given.value.fits(item) => {
                ProblemKind::InvalidValue { expected: Answer::expected(item), found: Found::literal(&given.value.token()) }
            }
            Some(_) => continue,
        };
        let mut p = Problem::new(name, problem).record(id).field("rater.answers");
        p.line = text.find(&format!("\"{id}\"")).map(|i| line_of(text, i));
        problems.push(p);
    }
    problems
}

/// The assessment as a versioned, pretty-printed JSON file.
pub fn assessment_json(assessment: &Assessment, now: &str) -> String {
    Envelope::new(FormatId::ASSESSMENT, AssessmentBody { assessment: assessment.without_rater_answers() }, now).to_json_pretty()
}

/// The raw team file: the assessment with every rater's own answers, exported only when
/// the facilitator asks for it knowingly.
pub fn team_json(assessment: &Assessment, now: &str) -> String {
    Envelope::new(FormatId::ASSESSMENT, AssessmentBody { assessment: assessment.clone() }, now).to_json_pretty()
}

/// The plan as a versioned JSON file.
pub fn plan_json(a: &Assessment, plan: &Plan, now: &str) -> String {
    let body = PlanBody { assessment_id: a.id.clone(), assessment_name: a.name.clone(), plan: plan.clone() };
    Envelope::new(FormatId::PLAN, body, now).to_json_pretty()
}

/// An assessment read from a file, with what the reader should know.
#[derive(Debug)]
pub struct ImportedAssessment {
    pub assessment: Assessment,
    /// Answers to questions this bank does not have: kept in the record, not scored.
    pub unknown_questions: Vec<String>,
}

/// Reads an assessment file exported by Faro and checks every answer against `bank`.
pub fn assessment_file(name: &str, bytes: &[u8], bank: &Bank) -> Result<ImportedAssessment, Vec<Problem>> {
    let file: AssessmentFile = envelope::read(name, bytes, FormatId::ASSESSMENT, MAX_ASSESSMENT_FILE).map_err(|p| vec![p])?;
    let text = std::str::from_utf8(bytes).unwrap_or("");
    check_assessment(name, text, file.body.assessment, bank)
}

/// Checks an assessment (from a file or a backup) against the bank.
pub fn check_assessment(name: &str, text: &str, mut a: Assessment, bank: &Bank) -> Result<ImportedAssessment, Vec<Problem>> {
    if !bank.reads_version(&a.bank_id, &a.bank_version) {
        return Err(vec![
            Problem::new(name, ProblemKind::UnknownBank { id: a.bank_id.clone(), version: a.bank_version.clone() }).field("assessment.bank_version")
        ]);
    }
    let at = |record: &str, field: &str, kind: ProblemKind| {
        let mut p = Problem::new(name, kind).record(record).field(field);
        p.line = text.find(&format!("\"{record}\"")).map(|i| line_of(text, i));
        p
    };
    a.upgrade(bank);
    let mut problems = Vec::new();
    if !is_valid_id(&a.id) {
        problems.push(Problem::new(name, ProblemKind::InvalidValue { expected: Expected::Id, found: Found::literal(&a.id) }).field("assessment.id"));
    }
    let name_length = a.name.chars().count();
    if name_length > MAX_NAME {
        problems.push(
            Problem::new(name, ProblemKind::InvalidValue { expected: Expected::TextUpTo(MAX_NAME), found: Found::Count(name_length) }).field("assessment.name"),
        );
    }
    let mut unknown_questions = Vec::new();
    for (id, given) in &a.answers {
        match bank.item(id) {
            None => unknown_questions.push(id.clone()),
            Some(item) if !given.value.fits(item) => {
                problems.push(at(id, "answers", ProblemKind::InvalidValue { expected: Answer::expected(item), found: Found::literal(&given.value.token()) }))
            }
            Some(_) => {}
        }
    }
    for (field, option) in &a.profile {
        match bank.profile().iter().find(|f| &f.id == field) {
            None => problems.push(at(field, "profile", ProblemKind::UnknownReference { what: Thing::ProfileField, id: field.clone() })),
            Some(f) if !f.options.iter().any(|o| &o.id == option) => {
                let expected = Expected::Literal(f.options.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(" | "));
                problems.push(at(field, "profile", ProblemKind::InvalidValue { expected, found: Found::literal(option) }))
            }
            Some(_) => {}
        }
    }
    for rater in a.team.iter().flat_map(|t| &t.raters) {
        problems.extend(check_rater(name, text, rater, bank));
    }
    if let Some(plan) = &a.plan {
        problems.extend(check_plan_items(name, plan, &|record, field, kind| at(record, field, kind)));
    }
    if problems.is_empty() {
        Ok(ImportedAssessment { assessment: a, unknown_questions })
    } else {
        Err(problems)
    }
}

/// The rules of plan items in a file: ids, dates, text lengths.
fn check_plan_items(name: &str, plan: &Plan, at: &dyn Fn(&str, &str, ProblemKind) -> Problem) -> Vec<Problem> {
    let mut problems = Vec::new();
    for item in &plan.items {
        if !is_valid_id(&item.id) {
            problems.push(Problem::new(name, ProblemKind::InvalidValue { expected: Expected::Id, found: Found::literal(&item.id) }).field("plan.items.id"));
        }
        for (field, date) in [("start", &item.start), ("due", &item.due)] {
            if !is_date_or_empty(date) {
                problems.push(at(&item.id, field, ProblemKind::InvalidValue { expected: Expected::Date, found: Found::literal(date) }));
            }
        }
        let long = [&item.title, &item.description, &item.owner, &item.kpi, &item.kpi_target, &item.kpi_baseline].iter().any(|t| t.chars().count() > MAX_TEXT);
        if long {
            problems.push(at(&item.id, "plan", ProblemKind::InvalidValue { expected: Expected::TextUpTo(MAX_TEXT), found: Found::literal("…") }));
        }
    }
    problems
}

/// Reads a plan file (`faro-plan`) for merging into an assessment's plan.
pub fn plan_file(name: &str, bytes: &[u8]) -> Result<PlanFile, Vec<Problem>> {
    let file: PlanFile = envelope::read(name, bytes, FormatId::PLAN, MAX_ASSESSMENT_FILE).map_err(|p| vec![p])?;
    let problems = check_plan_items(name, &file.plan, &|record, field, kind| Problem::new(name, kind).record(record).field(field));
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems)
    }
}

/// What the benchmark builder did with each input file.
#[derive(Clone, Debug, PartialEq)]
pub enum Intake {
    Accepted,
    /// The same assessment id came in an earlier file.
    Duplicate,
    Rejected(Vec<Problem>),
}

/// Reads assessment files for the builder: each file is accepted, a duplicate of an
/// earlier one, or rejected with its problems. Incomplete assessments are rejected.
pub fn intake(bank: &Bank, files: &[(String, Vec<u8>)]) -> (Vec<Assessment>, Vec<(String, Intake)>) {
    let mut accepted: Vec<Assessment> = Vec::new();
    let mut report = Vec::new();
    for (name, bytes) in files {
        let outcome = match assessment_file(name, bytes, bank) {
            Err(problems) => Intake::Rejected(problems),
            Ok(imported) => {
                let a = imported.assessment;
                if accepted.iter().any(|x| x.id == a.id) {
                    Intake::Duplicate
                } else if !a.is_complete_for_benchmark(bank) {
                    let open = a.progress(bank).required_open;
                    Intake::Rejected(vec![Problem::new(name, ProblemKind::Rule { rule: Msg::RuleIncomplete, detail: open.to_string() })])
                } else {
                    accepted.push(a);
                    Intake::Accepted
                }
            }
        };
        report.push((name.clone(), outcome));
    }
    (accepted, report)
}
