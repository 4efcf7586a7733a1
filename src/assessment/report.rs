//! What an assessment report says, whatever the file: the tables of scores, benchmark
//! comparison and plan (for CSV, XLSX and Markdown), the notes every export carries, and
//! why each action was proposed, in the user's language.

use crate::assessment::clauses::clause_profile;
use crate::assessment::plan::Importance;
use crate::assessment::plan::{Plan, PlanItem, Status, TargetKind, Tier};
use crate::assessment::record::Assessment;
use crate::assessment::score::{Area, Scores};
use crate::benchmark::{BenchmarkMeta, Comparison, OVERALL};
use crate::content::bank::Bank;
use crate::format::markdown::{markdown_table, markdown_text};
use crate::format::table::{format_number, Cell, Table, Workbook};
use crate::kernel::i18n::{Lang, Msg};
use crate::kernel::stats::{round1, Standing};

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
        if metric == OVERALL {
            return lang.t(Msg::ResultsOverall).to_owned();
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
            format!("{} — {}", self.assessment.name, lang.t(Msg::ResultsSelfAssessment)),
            lang.fmt(Msg::ExportGenerated, &[("version", &crate::APP_VERSION), ("bank", &self.bank.version())]),
        ];
        if let Some(meta) = self.benchmark {
            notes.push(provenance_line(meta, lang));
        }
        if let Some((label, fallback)) = &self.group_label {
            let msg = if *fallback { Msg::ExportGroupFallback } else { Msg::ExportGroup };
            notes.push(lang.fmt(msg, &[("group", label), ("n", &self.comparison.map(|c| c.n).unwrap_or(0))]));
        }
        notes
    }

    pub fn scores_table(&self) -> Table {
        let lang = self.lang;
        let mut rows = vec![vec![
            Cell::text(lang.t(Msg::ResultsOverall)),
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
            name: lang.t(Msg::ExportSheetScores).into(),
            notes: self.notes(),
            headers: [Msg::ExportArea, Msg::ResultsScore, Msg::ExportCoveragePct, Msg::ExportReliable].iter().map(|m| lang.t(*m).to_owned()).collect(),
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
                    standing_cell(r.standing),
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
            Msg::ExportArea,
            Msg::ResultsScore,
            Msg::ExportGroupN,
            Msg::ExportPeerMean,
            Msg::ExportPercentile,
            Msg::ExportP10,
            Msg::ExportMedian,
            Msg::ExportP90,
            Msg::ExportChampionsMean,
            Msg::ExportGapMean,
            Msg::ExportGapChampions,
        ];
        Some(Table {
            name: lang.t(Msg::ExportSheetBenchmark).into(),
            notes: self.notes(),
            headers: headers.iter().map(|m| lang.t(*m).to_owned()).collect(),
            rows,
        })
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
                    Cell::text(&item.kpi_actual),
                    Cell::text(&item.review_note),
                    Cell::text(item.services.iter().map(|s| service_name(s)).collect::<Vec<_>>().join("; ")),
                    Cell::text(self.why(item)),
                ]
            })
            .collect();
        let headers = [
            Msg::ExportAction,
            Msg::ExportTier,
            Msg::ExportStatus,
            Msg::ExportOwner,
            Msg::ExportStart,
            Msg::ExportDue,
            Msg::ExportKpi,
            Msg::ExportBaseline,
            Msg::ExportTarget,
            Msg::ProgressKpiActual,
            Msg::ProgressNote,
            Msg::ExportServices,
            Msg::ExportWhy,
        ];
        let mut notes = self.notes();
        let (basis, changed) = plan_basis(plan, self.benchmark, lang);
        notes.extend(basis);
        notes.extend(changed);
        Table { name: lang.t(Msg::ExportSheetPlan).into(), notes, headers: headers.iter().map(|m| lang.t(*m).to_owned()).collect(), rows }
    }

    /// Why an action was proposed, in words a manager reads without the formula: where
    /// the company stands, against whom, how much it said the area matters, how much the
    /// action asks; the priority figure last, for who wants to check it (METHOD.md §8).
    pub fn why(&self, item: &PlanItem) -> String {
        let lang = self.lang;
        let Some(r) = &item.reason else { return lang.t(Msg::PlanOwnAction).to_owned() };
        let n = |v: f64| lang.number(v, 0);
        let area = self.metric_name(&r.metric);
        let standing = match (r.target_kind, r.leaders) {
            (TargetKind::Champions, Some(leaders)) => {
                lang.fmt(Msg::PlanWhyLeaders, &[("area", &area), ("score", &n(r.score)), ("target", &n(r.target)), ("gap", &n(r.gap)), ("leaders", &leaders)])
            }
            (TargetKind::PeerMean, _) | (TargetKind::Champions, None) => {
                lang.fmt(Msg::PlanWhyEarlier, &[("area", &area), ("score", &n(r.score)), ("target", &n(r.target)), ("gap", &n(r.gap))])
            }
            (TargetKind::Maximum, _) => lang.fmt(Msg::PlanWhyMaximum, &[("area", &area), ("score", &n(r.score)), ("gap", &n(r.gap))]),
        };
        let said = match r.said_importance {
            Importance::Low => Some(Msg::PlanWhyLow),
            Importance::Normal => None,
            Importance::High => Some(Msg::PlanWhyHigh),
            Importance::Critical => Some(Msg::PlanWhyCritical),
        };
        let effort = if r.effort_factor <= 1.0 {
            Msg::PlanWhyEffortLow
        } else if r.effort_factor <= 2.0 {
            Msg::PlanWhyEffortMedium
        } else {
            Msg::PlanWhyEffortHigh
        };
        let mut parts = vec![standing];
        parts.extend(said.map(|m| lang.t(m).to_owned()));
        parts.push(lang.t(effort).to_owned());
        if r.set_aside_before {
            parts.push(lang.t(Msg::PlanWhySetAside).to_owned());
        }
        parts.push(lang.fmt(Msg::PlanWhyPriority, &[("priority", &lang.number(r.priority, 1))]));
        parts.join(" ")
    }

    /// The ISO 56001 clause profile, with the statement of what it is not.
    pub fn clauses_table(&self) -> Table {
        let lang = self.lang;
        let rows = clause_profile(self.bank, &|id| self.assessment.answer_of(id).cloned())
            .into_iter()
            .map(|c| {
                let mut row = vec![Cell::text(clause_name(c.clause, lang)), Cell::Number(c.questions as f64)];
                if c.questions == 0 {
                    row.extend([Cell::text(lang.t(Msg::IsoNotCovered)), Cell::Empty, Cell::Empty]);
                } else {
                    row.extend([Cell::num(c.score), Cell::num(c.coverage.map(|v| (v * 100.0).round())), Cell::text(yes_no(c.reliable, lang))]);
                }
                row
            })
            .collect();
        let headers = [Msg::IsoClause, Msg::IsoQuestions, Msg::ResultsScore, Msg::ExportCoveragePct, Msg::ExportReliable];
        let mut notes = self.notes();
        notes.push(lang.t(Msg::IsoStatement).into());
        Table { name: lang.t(Msg::IsoTitle).into(), notes, headers: headers.iter().map(|m| lang.t(*m).to_owned()).collect(), rows }
    }

    /// All tables of the report, for the workbook.
    pub fn workbook(&self, service_name: &dyn Fn(&str) -> String) -> Workbook {
        let mut sheets = vec![self.scores_table(), self.clauses_table()];
        sheets.extend(self.benchmark_table());
        if let Some(plan) = &self.assessment.plan {
            sheets.push(self.plan_table(plan, service_name));
        }
        Workbook { sheets }
    }

    /// The report as Markdown.
    pub fn markdown(&self, service_name: &dyn Fn(&str) -> String) -> String {
        let lang = self.lang;
        let mut out = format!("# {}\n\n", markdown_text(&lang.fmt(Msg::ResultsTitleFor, &[("name", &self.assessment.name)])));
        for note in self.notes() {
            out.push_str(&format!("> {}\n", markdown_text(&note)));
        }
        out.push('\n');
        let (strong, weak) = self.scores.extremes(3);
        let area = |a: &Area| {
            let s = &self.bank.sections()[a.section];
            format!("{} › {}: {}", s.title.get(lang), s.subdimensions[a.subdimension].name.get(lang), format_number(a.score.get().round(), lang))
        };
        out.push_str(&format!("## {}\n\n", lang.t(Msg::ResultsStrongest)));
        for a in &strong {
            out.push_str(&format!("- {}\n", markdown_text(&area(a))));
        }
        out.push_str(&format!("\n## {}\n\n", lang.t(Msg::ResultsWeakest)));
        for a in &weak {
            out.push_str(&format!("- {}\n", markdown_text(&area(a))));
        }
        for table in self.workbook(service_name).sheets {
            out.push_str(&format!("\n## {}\n\n", markdown_text(&table.name)));
            out.push_str(&markdown_table(&table, lang));
        }
        out
    }
}

/// What a comparison is computed from, for the caption of every chart and table that
/// shows it: the group, its size and leading companies, the benchmark.
pub fn computed_from(group: &str, n: u32, leaders: Option<u32>, meta: &BenchmarkMeta, lang: Lang) -> String {
    let args: [(&str, &dyn std::fmt::Display); 5] =
        [("group", &group), ("n", &n), ("leaders", &leaders.unwrap_or(0)), ("name", &meta.name.get(lang)), ("date", &meta.created_at)];
    lang.fmt(if leaders.is_some() { Msg::ResultsComputedFromLeaders } else { Msg::ResultsComputedFrom }, &args)
}

/// What a plan was proposed against ("against the benchmark «…», simulated, of …"),
/// and, when another benchmark is active now, a warning that says so.
pub fn plan_basis(plan: &Plan, active: Option<&BenchmarkMeta>, lang: Lang) -> (Option<String>, Option<String>) {
    let Some(b) = &plan.benchmark else { return (None, None) };
    let msg = if b.synthetic { Msg::PlanBasisSimulated } else { Msg::PlanBasis };
    let basis = lang.fmt(msg, &[("name", &b.name.get(lang)), ("date", &b.created_at)]);
    let changed = active.filter(|a| a.id != b.id).map(|a| lang.fmt(Msg::PlanBasisChanged, &[("name", &a.name.get(lang))]));
    (Some(basis), changed)
}

/// A clause's number and name ("5. Leadership").
pub fn clause_name(clause: u8, lang: Lang) -> &'static str {
    lang.t(match clause {
        4 => Msg::IsoC4,
        5 => Msg::IsoC5,
        6 => Msg::IsoC6,
        7 => Msg::IsoC7,
        8 => Msg::IsoC8,
        9 => Msg::IsoC9,
        _ => Msg::IsoC10,
    })
}

/// A standing as people read it: "47°", "< 10°", "> 90°" (a dash when there is none).
pub fn standing_text(standing: Option<Standing>, lang: Lang) -> String {
    match standing {
        Some(Standing::Rank(p)) => format!("{}°", lang.number(round1(p), 0)),
        Some(Standing::BelowP10) => "< 10°".into(),
        Some(Standing::AboveP90) => "> 90°".into(),
        None => "—".into(),
    }
}

/// Where a company stands among a group's deciles, as a cell: a rank, or "< 10" / "> 90".
fn standing_cell(standing: Option<Standing>) -> Cell {
    match standing {
        Some(Standing::Rank(p)) => Cell::Number(round1(p)),
        Some(Standing::BelowP10) => Cell::text("< 10"),
        Some(Standing::AboveP90) => Cell::text("> 90"),
        None => Cell::Empty,
    }
}

/// The benchmark provenance sentence every view and export carries; the synthetic
/// reference set says plainly that it is simulated and should be replaced.
pub fn provenance_line(meta: &BenchmarkMeta, lang: Lang) -> String {
    let msg = if meta.synthetic { Msg::BenchProvenanceSynthetic } else { Msg::BenchProvenance };
    lang.fmt(msg, &[("name", &meta.name.get(lang)), ("n", &meta.total_n), ("date", &lang.date(&meta.created_at)), ("period", &meta.collection_period)])
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    lang.t(if b { Msg::AnswerYes } else { Msg::AnswerNo })
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
        Status::Abandoned => Msg::PlanStatusAbandoned,
    })
}
