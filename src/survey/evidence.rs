//! The evidence pack (METHOD.md D8): what a cluster attaches to a label application
//! (ESCA Gold, "satisfaction of participants and customers") or a regional report (KPI
//! "responses to satisfaction surveys / members"): the method, the response rate as the
//! KPI defines it, the results with their intervals, the trend over the years, what
//! staff did about what members said, the disclosure rule and the limitations. One
//! content, three forms: the print page, the workbook and a JSON file.

use crate::format::envelope::{Envelope, FormatId};
use crate::format::table::{Cell, Table, Workbook};
use crate::kernel::i18n::{Lang, Msg};
use crate::survey::aggregate::Dashboard;
use crate::survey::commitments::Commitment;
use crate::survey::figures::MIN_CELL;
use crate::survey::kiosk::response_rate;
use crate::survey::report::SurveyReport;
use crate::survey::response::Response;
use crate::survey::trend::{trend, Point};
use crate::survey::year_over_year::Year;
use serde::{Deserialize, Serialize};

/// How and when the responses were collected.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Collection {
    /// First and last day a response was sent (`YYYY-MM-DD`).
    pub first: String,
    pub last: String,
    /// Responses sent on a kiosk (a workshop, the assembly) and on members' own devices.
    pub kiosk: usize,
    pub online: usize,
    /// Responses analysed from files too large to store, whose mode is not known.
    pub other: usize,
}

impl Collection {
    pub fn of(responses: &[Response], other: usize) -> Collection {
        let mut dates: Vec<&str> = responses.iter().filter_map(|r| r.submitted_at.as_deref()).map(|d| d.get(..10).unwrap_or(d)).collect();
        dates.sort_unstable();
        let sent = responses.iter().filter(|r| r.submitted_at.is_some());
        let kiosk = sent.clone().filter(|r| r.session.is_some()).count();
        Collection {
            first: dates.first().map(|d| (*d).to_owned()).unwrap_or_default(),
            last: dates.last().map(|d| (*d).to_owned()).unwrap_or_default(),
            kiosk,
            online: sent.count() - kiosk,
            other,
        }
    }
}

/// Everything the pack holds.
pub struct EvidencePack<'a> {
    pub report: &'a SurveyReport<'a>,
    /// Earlier years, oldest first.
    pub earlier: &'a [&'a Year],
    /// This year's "you said, we did".
    pub commitments: &'a [Commitment],
    pub collection: &'a Collection,
}

impl EvidencePack<'_> {
    fn lang(&self) -> Lang {
        self.report.lang
    }

    fn dashboard(&self) -> &Dashboard {
        self.report.dashboard
    }

    /// The method, as (what, value) rows.
    pub fn method_rows(&self) -> Vec<(String, String)> {
        let (lang, d, bank) = (self.lang(), self.dashboard(), self.report.bank);
        let c = self.collection;
        let rate = d.organisations.and_then(|o| response_rate(o, self.report.settings.members));
        let suppressed = lang.fmt(Msg::SurveySuppressed, &[("n", &MIN_CELL)]);
        vec![
            (lang.t(Msg::EvidenceQuestionnaire).into(), format!("{} — {}", bank.meta().title.get(lang), bank.version())),
            (lang.t(Msg::EvidencePeriod).into(), if c.first.is_empty() { "—".into() } else { format!("{} – {}", lang.date(&c.first), lang.date(&c.last)) }),
            (lang.t(Msg::EvidenceMode).into(), lang.fmt(Msg::EvidenceModeCounts, &[("online", &c.online), ("kiosk", &c.kiosk), ("other", &c.other)])),
            (lang.t(Msg::EvidenceResponses).into(), d.n.to_string()),
            (lang.t(Msg::EvidenceOrganisations).into(), d.organisations.map_or(suppressed, |o| o.to_string())),
            (lang.t(Msg::EvidenceMembers).into(), self.report.settings.members.map_or_else(|| "—".into(), |m| m.to_string())),
            (lang.t(Msg::EvidenceRate).into(), rate.map_or_else(|| "—".into(), |r| format!("{}%", lang.number(r, 1)))),
            (lang.t(Msg::EvidenceDisclosure).into(), lang.fmt(Msg::EvidenceDisclosureText, &[("n", &MIN_CELL)])),
            (lang.t(Msg::EvidenceLimitations).into(), lang.t(Msg::EvidenceLimitationsText).into()),
        ]
    }

    /// Each measure over the years: "4,20 (3,90–4,50)".
    pub fn trend_table(&self) -> Table {
        let lang = self.lang();
        let point = |p: &Option<Point>| match p {
            Some(p) => Cell::Text(match p.interval {
                Some((a, b)) => format!("{} ({}–{})", lang.number(p.value, 2), lang.number(a, 2), lang.number(b, 2)),
                None => lang.number(p.value, 2),
            }),
            None => Cell::Empty,
        };
        let rows = trend(self.earlier, self.dashboard())
            .iter()
            .map(|r| std::iter::once(Cell::Text(self.report.measure_name(&r.measure))).chain(r.points.iter().map(point)).collect())
            .collect();
        let mut headers = vec![lang.t(Msg::SurveyMeasure).to_owned()];
        headers.extend(self.earlier.iter().map(|y| y.label.clone()));
        headers.push(lang.t(Msg::SurveyThisYear).to_owned());
        Table { name: lang.t(Msg::EvidenceTrend).into(), notes: vec![lang.t(Msg::EvidenceTrendNote).into()], headers, rows }
    }

    /// "You said, we did": last year's commitments beside this year's result of each
    /// service, then this year's.
    pub fn commitments_table(&self) -> Table {
        let lang = self.lang();
        let name = |id: &str| self.report.catalogue.service(id).map(|s| s.name.get(lang).to_owned()).unwrap_or_else(|| id.to_owned());
        let date = |d: &str| if d.is_empty() { String::new() } else { lang.date(d) };
        let mut rows = Vec::new();
        if let Some(last) = self.earlier.last() {
            for c in &last.commitments {
                let now = self.dashboard().services.iter().find(|s| s.service == c.service).and_then(|s| s.satisfaction.mean);
                let then = last.dashboard.services.iter().find(|s| s.service == c.service).and_then(|s| s.satisfaction.mean);
                let result = lang.fmt(
                    Msg::EvidenceThenNow,
                    &[("then", &then.map_or("—".into(), |v| lang.number(v, 2))), ("now", &now.map_or("—".into(), |v| lang.number(v, 2)))],
                );
                rows.push(vec![
                    Cell::Text(last.label.clone()),
                    Cell::Text(name(&c.service)),
                    Cell::Text(c.text.clone()),
                    Cell::Text(c.owner.clone()),
                    Cell::Text(date(&c.date)),
                    Cell::Text(result),
                ]);
            }
        }
        for c in self.commitments {
            rows.push(vec![
                Cell::Text(lang.t(Msg::SurveyThisYear).into()),
                Cell::Text(name(&c.service)),
                Cell::Text(c.text.clone()),
                Cell::Text(c.owner.clone()),
                Cell::Text(date(&c.date)),
                Cell::Empty,
            ]);
        }
        let headers = [Msg::EvidenceYear, Msg::SurveyService, Msg::EvidenceCommitment, Msg::ExportOwner, Msg::EvidenceDate, Msg::EvidenceResult];
        Table { name: lang.t(Msg::EvidenceYouSaid).into(), notes: Vec::new(), headers: headers.iter().map(|m| lang.t(*m).to_owned()).collect(), rows }
    }

    /// The pack as a workbook: method, results, response rate by class, trend, the
    /// change since last year, "you said, we did".
    pub fn workbook(&self) -> Workbook {
        let lang = self.lang();
        let method = Table {
            name: lang.t(Msg::EvidenceMethod).into(),
            notes: Vec::new(),
            headers: vec![lang.t(Msg::SurveyMeasure).into(), lang.t(Msg::SurveyValue).into()],
            rows: self.method_rows().into_iter().map(|(k, v)| vec![Cell::Text(k), Cell::Text(v)]).collect(),
        };
        let mut sheets = vec![method, self.report.overall_table(), self.report.services_table()];
        sheets.extend(self.report.breakdown_table("member_type", Msg::SurveySheetByType));
        sheets.push(self.trend_table());
        sheets.extend(self.report.year_over_year_table());
        sheets.push(self.commitments_table());
        Workbook { sheets }
    }

    /// The pack as JSON: the same tables, named, with the collection facts.
    pub fn json(&self, now: &str) -> String {
        let body = EvidenceBody { collection: self.collection.clone(), tables: self.workbook().sheets };
        Envelope::new(FormatId::EVIDENCE, body, now).to_json_pretty()
    }
}

#[derive(Serialize, Deserialize)]
struct EvidenceBody {
    collection: Collection,
    tables: Vec<Table>,
}
