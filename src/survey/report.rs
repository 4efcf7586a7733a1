//! The survey's files: the assembly workbook (what is shown at the assembly: figures
//! only, never a response), the raw responses staff ask for knowingly, and the names of
//! things in the user's language. Suppressed cells stay suppressed here too, with no
//! count.

use crate::content::bank::{Answer, Bank, ItemKind};
use crate::content::catalogue::Catalogue;
use crate::format::csv::to_csv;
use crate::format::table::{Cell, Table, Workbook};
use crate::kernel::i18n::{Lang, Msg};
use crate::survey::aggregate::{Dashboard, Quadrant, ServiceStats};
use crate::survey::figures::{Rating, MIN_CELL};
use crate::survey::files::csv_header;
use crate::survey::kiosk::{response_rate, SurveySettings};
use crate::survey::response::Response;
use crate::survey::year_over_year::{compare_years, Measure};

pub fn quadrant_name(q: Quadrant, lang: Lang) -> &'static str {
    lang.t(match q {
        Quadrant::ConcentrateHere => Msg::SurveyQConcentrate,
        Quadrant::KeepUpTheGoodWork => Msg::SurveyQKeepUp,
        Quadrant::LowPriority => Msg::SurveyQLowPriority,
        Quadrant::PossibleOverkill => Msg::SurveyQOverkill,
    })
}

/// A question's short name for tables (the service name for service parts).
pub fn question_name(bank: &Bank, catalogue: &Catalogue, id: &str, lang: Lang) -> String {
    match bank.item(id) {
        Some(item) => match &item.service {
            Some((service, _)) => catalogue.service(service).map(|s| s.name.get(lang).to_owned()).unwrap_or_else(|| service.clone()),
            None => item.text.get(lang).to_owned(),
        },
        None => id.to_owned(),
    }
}

fn num(v: Option<f64>) -> Cell {
    v.map(|x| Cell::Number((x * 100.0).round() / 100.0)).unwrap_or(Cell::Empty)
}

fn count(v: Option<usize>) -> Cell {
    v.map(|x| Cell::Number(x as f64)).unwrap_or(Cell::Empty)
}

fn suppressed(lang: Lang) -> Cell {
    Cell::Text(lang.fmt(Msg::SurveySuppressed, &[("n", &MIN_CELL)]))
}

/// Everything the workbook needs.
pub struct SurveyReport<'a> {
    pub bank: &'a Bank,
    pub catalogue: &'a Catalogue,
    pub dashboard: &'a Dashboard,
    pub last_year: Option<&'a Dashboard>,
    pub settings: &'a SurveySettings,
    pub lang: Lang,
}

impl SurveyReport<'_> {
    fn notes(&self) -> Vec<String> {
        let lang = self.lang;
        let mut notes = vec![self.bank.meta().title.get(lang).to_owned(), lang.fmt(Msg::SurveyRespondents, &[("n", &self.dashboard.n)])];
        if let Some((organisations, rate)) = self.dashboard.organisations.and_then(|o| Some((o, response_rate(o, self.settings.members)?))) {
            let args: [(&str, &dyn std::fmt::Display); 3] =
                [("rate", &format!("{rate:.0}")), ("orgs", &organisations), ("members", &self.settings.members.unwrap_or(0))];
            notes.push(lang.fmt(Msg::SurveyRate, &args));
        }
        notes.push(lang.fmt(Msg::SurveyMinCellNote, &[("n", &MIN_CELL)]));
        notes
    }

    fn table(&self, name: Msg, headers: &[Msg], rows: Vec<Vec<Cell>>) -> Table {
        Table { name: self.lang.t(name).into(), notes: self.notes(), headers: headers.iter().map(|m| self.lang.t(*m).to_owned()).collect(), rows }
    }

    pub fn services_table(&self) -> Table {
        let rows = self.dashboard.services.iter().map(|s| self.service_row(s)).collect();
        self.table(
            Msg::SurveySheetServices,
            &[
                Msg::SurveyService,
                Msg::SurveyAsked,
                Msg::SurveyUsers,
                Msg::SurveyUsage,
                Msg::SurveyUnaware,
                Msg::SurveyAwareness,
                Msg::SurveySatN,
                Msg::SurveySatMean,
                Msg::SurveyCiLow,
                Msg::SurveyCiHigh,
                Msg::SurveyCount1,
                Msg::SurveyCount2,
                Msg::SurveyCount3,
                Msg::SurveyCount4,
                Msg::SurveyCount5,
                Msg::SurveyImportance,
                Msg::SurveyQuadrant,
            ],
            rows,
        )
    }

    /// One service: a figure where it is published, "fewer than 5" where it is not.
    fn service_row(&self, s: &ServiceStats) -> Vec<Cell> {
        let lang = self.lang;
        let name = self.catalogue.service(&s.service).map(|x| x.name.get(lang).to_owned()).unwrap_or_else(|| s.service.clone());
        let share = |v: Option<f64>| v.map(|u| Cell::Number(u.round())).unwrap_or_else(|| suppressed(lang));
        let mut row = vec![Cell::Text(name), count(s.asked), count(s.used), share(s.usage), count(s.unaware), share(s.awareness)];
        let sat = &s.satisfaction;
        if sat.mean.is_some() {
            let interval = sat.interval();
            row.extend([count(sat.n), num(sat.mean), num(interval.map(|i| i.0)), num(interval.map(|i| i.1))]);
            row.extend(sat.counts.unwrap_or_default().iter().map(|c| Cell::Number(*c as f64)));
        } else {
            row.extend([Cell::Empty, suppressed(lang)]);
            row.extend(std::iter::repeat_n(Cell::Empty, 7));
        }
        row.push(if s.importance.mean.is_some() { num(s.importance.mean) } else { suppressed(lang) });
        row.push(s.quadrant.map(|q| Cell::Text(quadrant_name(q, lang).into())).unwrap_or(Cell::Empty));
        row
    }

    pub fn overall_table(&self) -> Table {
        let lang = self.lang;
        let d = self.dashboard;
        let rating = |label: Msg, r: &Option<Rating>| -> Vec<Cell> {
            match r.as_ref().filter(|r| r.mean.is_some()) {
                Some(r) => {
                    let interval = r.interval();
                    vec![Cell::Text(lang.t(label).into()), count(r.n), num(r.mean), num(interval.map(|i| i.0)), num(interval.map(|i| i.1))]
                }
                None => vec![Cell::Text(lang.t(label).into()), Cell::Empty, suppressed(lang), Cell::Empty, Cell::Empty],
            }
        };
        let mut rows = vec![rating(Msg::SurveyOverall, &d.overall), rating(Msg::SurveyFeeValue, &d.fee_value)];
        if let Some(nps) = &d.nps {
            let interval = nps.interval();
            let score = if nps.score.is_some() { num(nps.score) } else { suppressed(lang) };
            rows.push(vec![Cell::Text(lang.t(Msg::SurveyNps).into()), count(nps.n), score, num(interval.map(|i| i.0)), num(interval.map(|i| i.1))]);
            for (label, n) in [(Msg::SurveyPromoters, nps.promoters), (Msg::SurveyPassives, nps.passives), (Msg::SurveyDetractors, nps.detractors)] {
                if n.is_some() {
                    rows.push(vec![Cell::Text(lang.t(label).into()), count(n), Cell::Empty, Cell::Empty, Cell::Empty]);
                }
            }
        }
        if let (Some(renew), Some(item)) = (&d.renew, self.bank.item("renew")) {
            if let ItemKind::Choice { options } = &item.kind {
                for ((_, n), option) in renew.iter().zip(options) {
                    let label = format!("{} — {}", lang.t(Msg::SurveyRenew), option.label.get(lang));
                    rows.push(vec![Cell::Text(label), Cell::Number(*n as f64), Cell::Empty, Cell::Empty, Cell::Empty]);
                }
            }
        }
        self.table(Msg::SurveySheetOverall, &[Msg::SurveyMeasure, Msg::SurveyN, Msg::SurveyValue, Msg::SurveyCiLow, Msg::SurveyCiHigh], rows)
    }

    /// A breakdown: groups not published show "fewer than 5" and no count. By member
    /// type, with the membership by class entered, each class's response rate too.
    pub fn breakdown_table(&self, role: &str, name: Msg) -> Option<Table> {
        let lang = self.lang;
        let b = self.dashboard.breakdown(role)?;
        let by_class = role == "member_type" && !self.settings.members_by_class.is_empty();
        let rows = b
            .cells
            .iter()
            .map(|c| {
                let mut row = vec![Cell::Text(self.bank.option_label(&b.field, &c.option, lang))];
                let or_suppressed = |v: Option<f64>| if v.is_some() { num(v) } else { suppressed(lang) };
                if c.shown() {
                    row.extend([count(c.n), or_suppressed(c.overall), or_suppressed(c.fee_value), or_suppressed(c.nps)]);
                } else {
                    row.extend([suppressed(lang), Cell::Empty, Cell::Empty, Cell::Empty]);
                }
                if by_class {
                    let rate = c.organisations.and_then(|o| response_rate(o, self.settings.members_by_class.get(&c.option).copied()));
                    row.push(rate.map(|r| Cell::Number(r.round())).unwrap_or_else(|| suppressed(lang)));
                }
                row
            })
            .collect();
        let mut headers = vec![Msg::SurveyGroup, Msg::SurveyN, Msg::SurveyOverall, Msg::SurveyFeeValue, Msg::SurveyNps];
        if by_class {
            headers.push(Msg::SurveyRateHeader);
        }
        Some(self.table(name, &headers, rows))
    }

    /// Comments, with the member type only where that group is published (decided when
    /// the dashboard was computed).
    pub fn comments_table(&self) -> Table {
        let lang = self.lang;
        let field = self.dashboard.breakdown("member_type").map(|b| b.field.clone()).unwrap_or_default();
        let rows = self
            .dashboard
            .comments
            .iter()
            .map(|c| {
                vec![
                    Cell::Text(question_name(self.bank, self.catalogue, &c.question, lang)),
                    c.member_type.as_ref().map(|m| Cell::Text(self.bank.option_label(&field, m, lang))).unwrap_or(Cell::Empty),
                    Cell::Text(c.text.clone()),
                ]
            })
            .collect();
        self.table(Msg::SurveySheetComments, &[Msg::SurveyQuestion, Msg::SurveyMemberType, Msg::SurveyComment], rows)
    }

    /// The name of a year-over-year row.
    pub fn measure_name(&self, m: &Measure) -> String {
        SurveyReport::name_of(m, self.catalogue, self.lang)
    }

    /// The name of a measure in `lang` (a service by its catalogue name).
    pub fn name_of(m: &Measure, catalogue: &Catalogue, lang: Lang) -> String {
        match m {
            Measure::Overall => lang.t(Msg::SurveyOverall).into(),
            Measure::FeeValue => lang.t(Msg::SurveyFeeValue).into(),
            Measure::Nps => lang.t(Msg::SurveyNps).into(),
            Measure::Service(id) => catalogue.service(id).map(|x| x.name.get(lang).to_owned()).unwrap_or_else(|| id.clone()),
        }
    }

    pub fn year_over_year_table(&self) -> Option<Table> {
        let lang = self.lang;
        let rows = compare_years(self.dashboard, self.last_year?)
            .into_iter()
            .map(|(m, c)| {
                let marker = if c.significant { Msg::SurveySignificant } else { Msg::SurveyNotSignificant };
                vec![
                    Cell::Text(self.measure_name(&m)),
                    num(c.this_year),
                    num(c.last_year),
                    num(c.change),
                    num(c.ci),
                    c.p.map(|p| Cell::Number((p * 10_000.0).round() / 10_000.0)).unwrap_or(Cell::Empty),
                    c.adjusted.map(|p| Cell::Number((p * 10_000.0).round() / 10_000.0)).unwrap_or(Cell::Empty),
                    Cell::Text(lang.t(marker).into()),
                ]
            })
            .collect();
        let headers = [
            Msg::SurveyMeasure,
            Msg::SurveyThisYear,
            Msg::SurveyLastYear,
            Msg::SurveyChange,
            Msg::SurveyChangeCi,
            Msg::SurveyPValue,
            Msg::SurveyPHolm,
            Msg::SurveyMarker,
        ];
        let mut table = self.table(Msg::SurveySheetYoy, &headers, rows);
        table.notes.push(lang.t(Msg::SurveyYoyExplain).into());
        Some(table)
    }

    /// The workbook shown at the assembly: figures only, never a response.
    pub fn workbook(&self) -> Workbook {
        let mut sheets = vec![self.overall_table(), self.services_table()];
        sheets.extend(self.breakdown_table("member_type", Msg::SurveySheetByType));
        sheets.extend(self.breakdown_table("competence_area", Msg::SurveySheetByArea));
        sheets.push(self.comments_table());
        sheets.extend(self.year_over_year_table());
        Workbook { sheets }
    }
}

/// The raw responses, which staff ask for knowingly (METHOD.md D6): the first line of
/// every sheet says what it holds. Unless `link_text`, free-text answers are not in the
/// responses' rows but on a sheet of their own, sorted, with no id or profile, so that
/// a comment cannot be tied to a member type or Competence Area.
pub struct RawResponses<'a> {
    pub bank: &'a Bank,
    pub responses: &'a [Response],
    pub link_text: bool,
    pub lang: Lang,
}

impl RawResponses<'_> {
    /// The statement every raw export opens with.
    pub fn notice(&self) -> String {
        let msg = if self.link_text { Msg::SurveyRawNoticeLinked } else { Msg::SurveyRawNotice };
        self.lang.fmt(msg, &[("n", &self.responses.len()), ("title", &self.bank.meta().title.get(self.lang))])
    }

    /// The columns of the responses' rows: free text only when linked.
    fn columns(&self) -> Vec<usize> {
        let fixed = csv_header(self.bank).len() - self.bank.items().len();
        let text = |i: usize| i >= fixed && matches!(self.bank.items()[i - fixed].kind, ItemKind::Text);
        (0..csv_header(self.bank).len()).filter(|&i| self.link_text || !text(i)).collect()
    }

    /// The responses' rows, in the CSV layout (one cell per column of [`Self::columns`]).
    pub fn rows(&self) -> (Vec<String>, Vec<Vec<Cell>>) {
        let header = csv_header(self.bank);
        let columns = self.columns();
        let rows = self
            .responses
            .iter()
            .map(|r| {
                let mut row = vec![Cell::Text(r.id.clone()), Cell::Text(r.submitted_at.clone().unwrap_or_default()), Cell::Text(r.lang.code().into())];
                row.extend(self.bank.profile().iter().map(|f| r.profile.get(&f.id).map(|v| Cell::Text(v.clone())).unwrap_or(Cell::Empty)));
                row.extend(self.bank.items().iter().map(|i| match r.answers.get(&i.id) {
                    None => Cell::Empty,
                    Some(a) => a.number().map_or_else(|| Cell::Text(a.token()), Cell::Number),
                }));
                columns.iter().map(|&c| row[c].clone()).collect()
            })
            .collect();
        (columns.iter().map(|&c| header[c].clone()).collect(), rows)
    }

    /// The free-text answers on their own: (question, text), sorted by both.
    pub fn texts(&self) -> Vec<(String, String)> {
        let mut texts: Vec<(String, String)> = self
            .responses
            .iter()
            .flat_map(|r| r.answers.iter().filter_map(|(q, a)| if let Answer::Text(t) = a { Some((q.clone(), t.clone())) } else { None }))
            .collect();
        texts.sort();
        texts
    }

    /// The responses' rows as CSV, the notice on the first line (a `#` line, which
    /// Faro's reader and most others skip).
    pub fn csv(&self) -> String {
        let (headers, rows) = self.rows();
        to_csv(&Table { name: String::new(), notes: vec![self.notice()], headers, rows }, self.lang)
    }

    pub fn workbook(&self) -> Workbook {
        let lang = self.lang;
        let (headers, rows) = self.rows();
        let mut sheets = vec![Table { name: lang.t(Msg::SurveySheetRaw).into(), notes: vec![self.notice()], headers, rows }];
        if !self.link_text {
            let rows = self.texts().into_iter().map(|(q, t)| vec![Cell::Text(q), Cell::Text(t)]).collect();
            let headers = vec![lang.t(Msg::SurveyQuestion).to_owned(), lang.t(Msg::SurveyComment).to_owned()];
            sheets.push(Table { name: lang.t(Msg::SurveySheetTexts).into(), notes: vec![lang.t(Msg::SurveyTextsUnlinked).into()], headers, rows });
        }
        Workbook { sheets }
    }
}
