//! The survey's files for the assembly: the workbook (one sheet per view plus the raw
//! responses) and the names of things in the user's language. Suppressed cells stay
//! suppressed here too.

use crate::content::bank::{Bank, ItemKind};
use crate::content::catalogue::Catalogue;
use crate::format::table::{Cell, Table, Workbook};
use crate::kernel::i18n::{Lang, Msg};
use crate::survey::aggregate::{Dashboard, Quadrant, Rating, MIN_CELL};
use crate::survey::files::csv_header;
use crate::survey::kiosk::response_rate;
use crate::survey::response::Response;
use crate::survey::year_over_year::change;

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

fn suppressed(lang: Lang) -> Cell {
    Cell::Text(lang.fmt(Msg::SurveySuppressed, &[("n", &MIN_CELL)]))
}

/// Everything the workbook needs.
pub struct SurveyReport<'a> {
    pub bank: &'a Bank,
    pub catalogue: &'a Catalogue,
    pub dashboard: &'a Dashboard,
    pub last_year: Option<&'a Dashboard>,
    pub members: Option<usize>,
    pub lang: Lang,
}

impl SurveyReport<'_> {
    fn notes(&self) -> Vec<String> {
        let lang = self.lang;
        let mut notes = vec![self.bank.meta().title.get(lang).to_owned(), lang.fmt(Msg::SurveyRespondents, &[("n", &self.dashboard.n)])];
        if let Some(rate) = response_rate(self.dashboard.n, self.members) {
            notes.push(lang.fmt(Msg::SurveyRate, &[("rate", &format!("{rate:.0}")), ("members", &self.members.unwrap_or(0))]));
        }
        notes.push(lang.fmt(Msg::SurveyMinCellNote, &[("n", &MIN_CELL)]));
        notes
    }

    fn table(&self, name: Msg, headers: &[Msg], rows: Vec<Vec<Cell>>) -> Table {
        Table { name: self.lang.t(name).into(), notes: self.notes(), headers: headers.iter().map(|m| self.lang.t(*m).to_owned()).collect(), rows }
    }

    pub fn services_table(&self) -> Table {
        let lang = self.lang;
        let rows = self
            .dashboard
            .services
            .iter()
            .map(|s| {
                let name = self.catalogue.service(&s.service).map(|x| x.name.get(lang).to_owned()).unwrap_or_else(|| s.service.clone());
                let sat = &s.satisfaction;
                let mut row = vec![
                    Cell::Text(name),
                    Cell::Number(s.asked as f64),
                    Cell::Number(s.used as f64),
                    s.usage.map(|u| Cell::Number(u.round())).unwrap_or_else(|| suppressed(lang)),
                    Cell::Number(sat.n as f64),
                ];
                if sat.mean.is_some() {
                    row.push(num(sat.mean));
                    row.push(num(sat.mean.zip(sat.ci).map(|(m, c)| m - c)));
                    row.push(num(sat.mean.zip(sat.ci).map(|(m, c)| m + c)));
                    row.extend(sat.counts.unwrap_or_default().iter().map(|c| Cell::Number(*c as f64)));
                } else {
                    row.push(suppressed(lang));
                    row.extend(std::iter::repeat_n(Cell::Empty, 7));
                }
                row.push(if s.importance.mean.is_some() { num(s.importance.mean) } else { suppressed(lang) });
                row.push(s.quadrant.map(|q| Cell::Text(quadrant_name(q, lang).into())).unwrap_or(Cell::Empty));
                row
            })
            .collect();
        self.table(
            Msg::SurveySheetServices,
            &[
                Msg::SurveyService,
                Msg::SurveyAsked,
                Msg::SurveyUsers,
                Msg::SurveyUsage,
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

    pub fn overall_table(&self) -> Table {
        let lang = self.lang;
        let d = self.dashboard;
        let rating = |label: Msg, r: &Option<Rating>| -> Vec<Cell> {
            match r.as_ref().filter(|r| r.mean.is_some()) {
                Some(r) => vec![Cell::Text(lang.t(label).into()), Cell::Number(r.n as f64), num(r.mean), num(r.ci)],
                None => vec![Cell::Text(lang.t(label).into()), Cell::Number(r.as_ref().map_or(0, |r| r.n) as f64), suppressed(lang), Cell::Empty],
            }
        };
        let mut rows = vec![rating(Msg::SurveyOverall, &d.overall), rating(Msg::SurveyFeeValue, &d.fee_value)];
        if let Some(nps) = &d.nps {
            rows.push(vec![Cell::Text(lang.t(Msg::SurveyNps).into()), Cell::Number(nps.n as f64), num(nps.score), Cell::Empty]);
            for (label, count) in [(Msg::SurveyPromoters, nps.promoters), (Msg::SurveyPassives, nps.passives), (Msg::SurveyDetractors, nps.detractors)] {
                if nps.score.is_some() {
                    rows.push(vec![Cell::Text(lang.t(label).into()), Cell::Number(count as f64), Cell::Empty, Cell::Empty]);
                }
            }
        }
        if let (Some(renew), Some(item)) = (&d.renew, self.bank.item("renew")) {
            if let ItemKind::Choice { options } = &item.kind {
                for ((id, count), option) in renew.iter().zip(options) {
                    let _ = id;
                    rows.push(vec![
                        Cell::Text(format!("{} — {}", lang.t(Msg::SurveyRenew), option.label.get(lang))),
                        Cell::Number(*count as f64),
                        Cell::Empty,
                        Cell::Empty,
                    ]);
                }
            }
        }
        self.table(Msg::SurveySheetOverall, &[Msg::SurveyMeasure, Msg::SurveyN, Msg::SurveyValue, Msg::SurveyCi], rows)
    }

    pub fn breakdown_table(&self, role: &str, name: Msg) -> Option<Table> {
        let lang = self.lang;
        let b = self.dashboard.breakdown(role)?;
        let rows = b
            .cells
            .iter()
            .map(|c| {
                let mut row = vec![Cell::Text(self.bank.option_label(&b.field, &c.option, lang))];
                if c.shown {
                    row.extend([Cell::Number(c.n as f64), num(c.overall), num(c.fee_value), num(c.nps)]);
                } else {
                    row.extend([suppressed(lang), Cell::Empty, Cell::Empty, Cell::Empty]);
                }
                row
            })
            .collect();
        Some(self.table(name, &[Msg::SurveyGroup, Msg::SurveyN, Msg::SurveyOverall, Msg::SurveyFeeValue, Msg::SurveyNps], rows))
    }

    /// Comments with the respondent's member type only where that group has ≥ 5 people.
    pub fn comments_table(&self) -> Table {
        let lang = self.lang;
        let by_type = self.dashboard.breakdown("member_type");
        let shown_types: Vec<&str> = by_type.map(|b| b.cells.iter().filter(|c| c.shown).map(|c| c.option.as_str()).collect()).unwrap_or_default();
        let rows = self
            .dashboard
            .comments
            .iter()
            .map(|c| {
                let member = c.member_type.as_deref().filter(|m| shown_types.contains(m)).zip(by_type).map(|(m, b)| self.bank.option_label(&b.field, m, lang));
                vec![
                    Cell::Text(question_name(self.bank, self.catalogue, &c.question, lang)),
                    member.map(Cell::Text).unwrap_or(Cell::Empty),
                    Cell::Text(c.text.clone()),
                ]
            })
            .collect();
        self.table(Msg::SurveySheetComments, &[Msg::SurveyQuestion, Msg::SurveyMemberType, Msg::SurveyComment], rows)
    }

    pub fn year_over_year_table(&self) -> Option<Table> {
        let lang = self.lang;
        let last = self.last_year?;
        let mut rows = Vec::new();
        let mut push = |label: String, this: Option<&Rating>, prev: Option<&Rating>| {
            let (Some(this), Some(prev)) = (this, prev) else { return };
            let c = change(this, prev);
            rows.push(vec![
                Cell::Text(label),
                num(c.this_year),
                num(c.last_year),
                num(c.change),
                Cell::Text(lang.t(if c.significant { Msg::SurveySignificant } else { Msg::SurveyNotSignificant }).into()),
            ]);
        };
        push(lang.t(Msg::SurveyOverall).into(), self.dashboard.overall.as_ref(), last.overall.as_ref());
        push(lang.t(Msg::SurveyFeeValue).into(), self.dashboard.fee_value.as_ref(), last.fee_value.as_ref());
        for s in &self.dashboard.services {
            let prev = last.services.iter().find(|p| p.service == s.service).map(|p| &p.satisfaction);
            let name = self.catalogue.service(&s.service).map(|x| x.name.get(lang).to_owned()).unwrap_or_else(|| s.service.clone());
            push(name, Some(&s.satisfaction), prev);
        }
        Some(self.table(Msg::SurveySheetYoy, &[Msg::SurveyMeasure, Msg::SurveyThisYear, Msg::SurveyLastYear, Msg::SurveyChange, Msg::SurveyMarker], rows))
    }

    /// The raw responses as a sheet (same layout as the CSV).
    pub fn raw_table(&self, responses: &[Response]) -> Table {
        let headers = csv_header(self.bank);
        let rows = responses
            .iter()
            .map(|r| {
                let mut row = vec![Cell::Text(r.id.clone()), Cell::Text(r.submitted_at.clone().unwrap_or_default()), Cell::Text(r.lang.code().into())];
                row.extend(self.bank.profile().iter().map(|f| r.profile.get(&f.id).map(|v| Cell::Text(v.clone())).unwrap_or(Cell::Empty)));
                row.extend(self.bank.items().iter().map(|i| match r.answers.get(&i.id) {
                    None => Cell::Empty,
                    Some(a) => a.number().map_or_else(|| Cell::Text(a.token()), Cell::Number),
                }));
                row
            })
            .collect();
        Table { name: self.lang.t(Msg::SurveySheetRaw).into(), notes: Vec::new(), headers, rows }
    }

    pub fn workbook(&self, responses: &[Response]) -> Workbook {
        let mut sheets = vec![self.overall_table(), self.services_table()];
        sheets.extend(self.breakdown_table("member_type", Msg::SurveySheetByType));
        sheets.extend(self.breakdown_table("competence_area", Msg::SurveySheetByArea));
        sheets.push(self.comments_table());
        sheets.extend(self.year_over_year_table());
        sheets.push(self.raw_table(responses));
        Workbook { sheets }
    }
}
