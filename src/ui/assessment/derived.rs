//! What the results, plan and report pages derive from the open assessment: scores, the
//! benchmark, the peer group and the comparison, as memos every page shares.

use crate::assessment::report::AssessmentReport;
use crate::assessment::score::Scores;
use crate::benchmark::{Benchmark, Comparison, GroupKey};
use crate::content::bank::Bank;
use crate::kernel::i18n::{Lang, Msg};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;

/// The memos of one assessment page. `Copy`: hand it to every part of the page.
#[derive(Clone, Copy)]
pub struct Derived {
    bank: StoredValue<Arc<Bank>>,
    pub scores: Memo<Option<Scores>>,
    /// The benchmark, when it is loaded and made for this questionnaire.
    pub bench: Memo<Option<Arc<Benchmark>>>,
    /// The group chosen by the user; `None` means the default group.
    pub chosen: RwSignal<Option<GroupKey>>,
    /// (group, fell back to a broader group)
    pub group: Memo<Option<(GroupKey, bool)>>,
    pub comparison: Memo<Option<Comparison>>,
}

impl Derived {
    pub fn new(state: AppState, bank: Arc<Bank>) -> Derived {
        state.ensure_benchmark();
        let stored = StoredValue::new(bank);
        let scores = Memo::new(move |_| state.current.with(|a| a.as_ref().map(|a| stored.with_value(|b| a.scores(b)))));
        let bench = Memo::new(move |_| state.bench().filter(|x| stored.with_value(|b| x.fits(b))));
        let chosen = RwSignal::new(None::<GroupKey>);
        let group = Memo::new(move |_| {
            let bench = bench.get()?;
            let roles = state.current.with(|a| a.as_ref().map(|a| stored.with_value(|b| b.roles_of(&a.profile))))?;
            let default = bench.default_group(&roles);
            match chosen.get() {
                Some(key) if bench.group(&key).is_some() => {
                    let fallback = default.as_ref().is_some_and(|(d, f)| *f && *d == key);
                    Some((key, fallback))
                }
                _ => default,
            }
        });
        let comparison = Memo::new(move |_| {
            let bench = bench.get()?;
            let (key, _) = group.get()?;
            scores.with(|s| s.as_ref().and_then(|s| bench.compare(&key, s)))
        });
        Derived { bank: stored, scores, bench, chosen, group, comparison }
    }

    /// The questionnaire (shared, not copied).
    pub fn bank(&self) -> Arc<Bank> {
        self.bank.get_value()
    }

    /// Runs `f` with the report of the open assessment in `lang`. Reactive: a closure
    /// that calls it follows the assessment, the scores and the comparison.
    pub fn with_report<R>(&self, state: AppState, lang: Lang, f: impl FnOnce(&AssessmentReport) -> R) -> Option<R> {
        let parts = self.report_parts(state, lang)?;
        let report = AssessmentReport {
            bank: &parts.bank,
            assessment: &parts.assessment,
            scores: &parts.scores,
            comparison: parts.comparison.as_ref(),
            benchmark: parts.bench.as_ref().map(|b| b.meta()),
            group_label: parts.group_label,
            lang,
        };
        Some(f(&report))
    }

    /// What a report is made of, read (and subscribed to) once: not generic, so every
    /// caller of [`Derived::with_report`] shares it.
    fn report_parts(&self, state: AppState, lang: Lang) -> Option<ReportParts> {
        let bank = self.bank();
        Some(ReportParts {
            group_label: self.group.get().map(|(k, fallback)| (k.label(&bank, lang), fallback)),
            comparison: self.comparison.get(),
            bench: self.bench.get(),
            assessment: state.current.get()?,
            scores: self.scores.get()?,
            bank,
        })
    }
}

/// The values an [`AssessmentReport`] borrows.
struct ReportParts {
    bank: Arc<Bank>,
    assessment: crate::assessment::record::Assessment,
    scores: Scores,
    comparison: Option<Comparison>,
    bench: Option<Arc<Benchmark>>,
    group_label: Option<(String, bool)>,
}

/// The name of a cluster service in `lang`.
pub fn service_namer(state: AppState, lang: Lang) -> impl Fn(&str) -> String {
    let content = state.content();
    move |id: &str| content.catalogue.service(id).map(|s| s.name.get(lang).to_owned()).unwrap_or_else(|| id.to_owned())
}

/// A score for people: "62" (scores are shown without decimals), or "n.a.".
pub fn fmt_score(score: Option<f64>, lang: Lang) -> String {
    score.map(|s| lang.number(s, 0)).unwrap_or_else(|| lang.t(Msg::ResultsNotAvailable).to_owned())
}

/// A figure rounded to a whole number, or a dash.
pub fn fmt_opt(v: Option<f64>, lang: Lang) -> String {
    v.map(|x| lang.number(x, 0)).unwrap_or_else(|| "—".to_owned())
}

/// A gap with its sign ("+5", "−3"), or a dash.
pub fn fmt_gap(v: Option<f64>, lang: Lang) -> String {
    v.map(|x| {
        let r = x.round();
        let s = lang.number(r.abs(), 0);
        if r > 0.0 {
            format!("+{s}")
        } else if r < 0.0 {
            format!("−{s}")
        } else {
            s
        }
    })
    .unwrap_or_else(|| "—".to_owned())
}
