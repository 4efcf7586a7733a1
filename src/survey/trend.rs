//! The survey over the years (METHOD.md D7): each figure of each year with its 95 %
//! interval, oldest first, this year last. The test of a change stays the one of
//! [`compare_years`](super::year_over_year::compare_years), between this year and the
//! year before, Holm-adjusted.

use crate::survey::aggregate::Dashboard;
use crate::survey::figures::{Nps, Rating};
use crate::survey::year_over_year::{Measure, Year};

/// A figure of one year: its value and interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub value: f64,
    pub interval: Option<(f64, f64)>,
}

/// One measure over the years.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendRow {
    pub measure: Measure,
    pub points: Vec<Option<Point>>,
}

fn rating(r: Option<&Rating>) -> Option<Point> {
    let r = r?;
    Some(Point { value: r.mean?, interval: r.interval() })
}

fn nps(n: Option<&Nps>) -> Option<Point> {
    let n = n?;
    Some(Point { value: n.score?, interval: n.interval() })
}

/// Every measure of this year's dashboard over `earlier` years (oldest first) and this
/// one. A year without the measure, or with it suppressed, has no point.
pub fn trend(earlier: &[&Year], now: &Dashboard) -> Vec<TrendRow> {
    let years: Vec<&Dashboard> = earlier.iter().map(|y| &y.dashboard).chain(std::iter::once(now)).collect();
    let row = |measure: Measure, point: &dyn Fn(&Dashboard) -> Option<Point>| TrendRow { points: years.iter().map(|d| point(d)).collect(), measure };
    let mut rows = vec![
        row(Measure::Overall, &|d| rating(d.overall.as_ref())),
        row(Measure::FeeValue, &|d| rating(d.fee_value.as_ref())),
        row(Measure::Nps, &|d| nps(d.nps.as_ref())),
    ];
    for s in &now.services {
        let id = s.service.clone();
        rows.push(row(Measure::Service(id.clone()), &|d| rating(d.services.iter().find(|x| x.service == id).map(|x| &x.satisfaction))));
    }
    rows
}
