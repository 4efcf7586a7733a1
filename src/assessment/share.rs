//! Sharing results with the cluster, on purpose (METHOD.md §Shared results): the file a
//! member exports after ticking a consent that names what it holds, staff's intake of
//! many such files, and what the cluster learns from them — which of its services the
//! members' plans count on, and a benchmark of its own members.

use crate::assessment::plan::{Status, Tier};
use crate::assessment::record::Assessment;
use crate::benchmark::{metrics_of, Company};
use crate::content::bank::Bank;
use crate::format::envelope::{self, Envelope, FormatId};
use crate::kernel::i18n::{Lang, Msg};
use crate::kernel::problem::{Problem, ProblemKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Largest share file accepted.
pub const MAX_SHARE_FILE: usize = 1024 * 1024;

/// What a member shares with the cluster: one assessment's figures and plan.
pub type ShareFile = Envelope<Share>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// Random, one per file: the same file imported twice is a duplicate.
    pub share_id: String,
    /// Links a company's files across years: the member code the cluster assigned, or
    /// Faro's own series id when the member has none (METHOD.md §Shared results).
    pub company_key: String,
    pub assessed_at: String,
    pub bank_id: String,
    pub bank_version: String,
    /// The version the answers were given under (see [`Assessment::answered_version`]).
    pub answered_with: String,
    pub consent: Consent,
    /// The profile fields that place a company in groups (size, sector, outcomes…), by
    /// field id: classes, never a name.
    pub profile: BTreeMap<String, String>,
    /// Reliable scores by metric (`overall`, `strategy`, `strategy.vision`, …).
    pub scores: BTreeMap<String, f64>,
    /// Answer levels by question, only when the consent includes them (for the
    /// questionnaire's reliability).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<BTreeMap<String, u8>>,
    pub plan: Vec<SharedAction>,
}

/// What the member agreed to, in its own words and language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Consent {
    pub given: bool,
    pub lang: Lang,
    pub statement: String,
    pub given_at: String,
}

/// One accepted action of the member's plan: never its text (own actions are shared as
/// "own action" only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedAction {
    /// The library action (`None` for the member's own).
    pub action: Option<String>,
    pub tier: Tier,
    pub status: Status,
    /// `YYYY-MM-DD` or empty.
    pub due: String,
    pub services: Vec<String>,
    pub priority: Option<f64>,
}

/// The consent statement a member ticks: what is shared and what for.
pub fn consent_statement(with_levels: bool, lang: Lang) -> String {
    lang.t(if with_levels { Msg::ShareConsentWithLevels } else { Msg::ShareConsent }).to_owned()
}

impl Share {
    /// The share of a complete assessment under `company_key`, after the member ticked
    /// the consent (`with_levels`: the answer levels too).
    pub fn of(a: &Assessment, bank: &Bank, company_key: &str, with_levels: bool, share_id: String, now: &str) -> Share {
        let scores = a.scores(bank);
        let metrics = metrics_of(bank);
        let plan = a.plan.as_ref().map(|p| p.accepted().map(SharedAction::of).collect()).unwrap_or_default();
        let level = |g: &crate::assessment::record::Given| if let crate::content::bank::Answer::Level(l) = g.value { Some(l) } else { None };
        let levels = with_levels.then(|| a.answers.iter().filter_map(|(id, g)| Some((id.clone(), level(g)?))).collect());
        let with_role = |field: &str| bank.profile().iter().any(|f| f.id == field && f.role.is_some());
        Share {
            share_id,
            company_key: if company_key.trim().is_empty() { a.series_id().to_owned() } else { company_key.trim().chars().take(80).collect() },
            assessed_at: a.created_at.clone(),
            bank_id: bank.id().to_owned(),
            bank_version: bank.version().to_owned(),
            answered_with: a.answered_version().to_owned(),
            consent: Consent { given: true, lang: a.lang, statement: consent_statement(with_levels, a.lang), given_at: now.to_owned() },
            profile: a.profile.iter().filter(|(k, _)| with_role(k)).map(|(k, v)| (k.clone(), v.clone())).collect(),
            scores: metrics.iter().filter_map(|m| Some((m.clone(), scores.reliable_value(m)?))).collect(),
            levels,
            plan,
        }
    }

    /// The year the assessment was made.
    pub fn year(&self) -> &str {
        self.assessed_at.get(..4).unwrap_or("")
    }
}

impl SharedAction {
    fn of(item: &crate::assessment::plan::PlanItem) -> SharedAction {
        SharedAction {
            action: item.action.clone(),
            tier: item.tier,
            status: item.status,
            due: item.due.clone(),
            services: item.services.clone(),
            priority: item.reason.as_ref().map(|r| r.priority),
        }
    }
}

pub fn share_json(share: &Share, now: &str) -> String {
    Envelope::new(FormatId::SHARE, share.clone(), now).to_json_pretty()
}

/// What importing one share file did.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareIntake {
    Accepted,
    /// The same file (share id), or the same company and year, is already there:
    /// nothing is overwritten.
    Duplicate,
    Rejected(Vec<Problem>),
}

/// Reads one share file: a Faro share of this questionnaire whose member gave consent.
pub fn read_share(name: &str, bytes: &[u8], bank: &Bank) -> Result<Share, Vec<Problem>> {
    let file: ShareFile = envelope::read(name, bytes, FormatId::SHARE, MAX_SHARE_FILE).map_err(|p| vec![p])?;
    let share = file.body;
    if share.bank_id != bank.id() || !bank.reads_version(&share.bank_id, &share.bank_version) {
        return Err(vec![Problem::new(name, ProblemKind::UnknownBank { id: share.bank_id, version: share.bank_version }).field("bank_version")]);
    }
    if !share.consent.given || share.consent.statement.trim().is_empty() {
        return Err(vec![Problem::new(name, ProblemKind::Rule { rule: Msg::RuleShareNoConsent, detail: String::new() }).field("consent")]);
    }
    Ok(share)
}

/// Takes many share files: each is accepted, a duplicate of one already `known` or
/// earlier in the batch (by file, or by company and year), or rejected with why.
pub fn intake_shares(bank: &Bank, files: &[(String, Vec<u8>)], known: &[Share]) -> (Vec<Share>, Vec<(String, ShareIntake)>) {
    let mut seen: BTreeSet<(String, String)> = known.iter().map(|s| (s.company_key.clone(), s.year().to_owned())).collect();
    let mut ids: BTreeSet<String> = known.iter().map(|s| s.share_id.clone()).collect();
    let mut accepted = Vec::new();
    let mut report = Vec::new();
    for (name, bytes) in files {
        let outcome = match read_share(name, bytes, bank) {
            Err(problems) => ShareIntake::Rejected(problems),
            Ok(share) => {
                let key = (share.company_key.clone(), share.year().to_owned());
                if ids.contains(&share.share_id) || seen.contains(&key) {
                    ShareIntake::Duplicate
                } else {
                    ids.insert(share.share_id.clone());
                    seen.insert(key);
                    accepted.push(share);
                    ShareIntake::Accepted
                }
            }
        };
        report.push((name.clone(), outcome));
    }
    (accepted, report)
}

/// The latest share of each company (by year), those of `year` only if given.
pub fn latest_per_company<'a>(shares: &'a [Share], year: Option<&str>) -> Vec<&'a Share> {
    let mut best: BTreeMap<&str, &Share> = BTreeMap::new();
    for s in shares.iter().filter(|s| year.is_none_or(|y| s.year() == y)) {
        let keep = best.get(s.company_key.as_str()).is_none_or(|b| b.assessed_at < s.assessed_at);
        if keep {
            best.insert(&s.company_key, s);
        }
    }
    best.into_values().collect()
}

/// A shared assessment is a company for the benchmark builder: its profile classes, its
/// reliable scores and, with consent, its answer levels.
impl Company for Share {
    fn profile(&self) -> &BTreeMap<String, String> {
        &self.profile
    }

    fn metric_values(&self, _bank: &Bank, metrics: &[String]) -> Vec<Option<f64>> {
        metrics.iter().map(|m| self.scores.get(m).copied()).collect()
    }

    /// A share holds reliable scores only: the member's device left the others out.
    fn unreliable_scores(&self, _bank: &Bank, _metrics: &[String]) -> usize {
        0
    }

    fn level(&self, item: &str) -> Option<u8> {
        self.levels.as_ref()?.get(item).copied()
    }

    fn assessed_at(&self) -> &str {
        &self.assessed_at
    }
}
