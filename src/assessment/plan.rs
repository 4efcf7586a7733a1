//! The Action Plan: the model the company edits (owners, dates, status, KPI targets),
//! and the rules of changing it: own actions, merging an imported plan, and taking a new
//! proposal without losing what the company worked on. Proposals come from
//! [`crate::assessment::propose`].

use crate::benchmark::Benchmark;
use crate::kernel::i18n::Localized;
use serde::{Deserialize, Serialize};

/// How much the company cares about a dimension, used to rank plan actions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    Low,
    #[default]
    Normal,
    High,
    Critical,
}

impl Importance {
    pub const ALL: [Importance; 4] = [Importance::Low, Importance::Normal, Importance::High, Importance::Critical];

    /// The multiplier in the priority formula (METHOD.md §Priority).
    pub fn factor(self) -> f64 {
        match self {
            Importance::Low => 0.5,
            Importance::Normal => 1.0,
            Importance::High => 1.5,
            Importance::Critical => 2.0,
        }
    }
}

/// Progress of one action, shown with a colour *and* a word (never colour alone).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotStarted,
    OnTrack,
    AtRisk,
    Done,
    /// Set aside by the company: a new proposal may offer it again, and says so.
    Abandoned,
}

impl Status {
    pub const ALL: [Status; 5] = [Status::NotStarted, Status::OnTrack, Status::AtRisk, Status::Done, Status::Abandoned];
}

/// Quick win (high priority, low effort) or strategic action (everything else proposed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    QuickWin,
    Strategic,
    /// Written by the company itself.
    Own,
}

/// Why an action was proposed: the scores that triggered it (METHOD.md §Priority).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// `dimension` or `dimension.subdimension`.
    pub metric: String,
    pub score: f64,
    /// The target: the leading companies' mean in the whole benchmark, else 100 (plans
    /// of an earlier version may also hold a peer mean).
    pub target: f64,
    pub target_kind: TargetKind,
    pub gap: f64,
    pub importance: f64,
    pub effort_factor: f64,
    pub priority: f64,
    /// How much the company said this dimension matters (the words of the reason).
    #[serde(default)]
    pub said_importance: Importance,
    /// How many leading companies the target comes from.
    #[serde(default)]
    pub leaders: Option<u32>,
    /// Last year's plan had this action and the company set it aside.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub set_aside_before: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Champions,
    PeerMean,
    Maximum,
}

/// One line of the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    /// Unique in the plan: the library action id, or `own-N` for the company's own actions.
    pub id: String,
    /// The library action this came from (`None` for own actions).
    #[serde(default)]
    pub action: Option<String>,
    /// The title as shown; for library actions a copy in the plan's language, editable.
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub tier: Tier,
    /// Accepted into the plan (false = proposal dropped by the company, kept for the record).
    pub accepted: bool,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub due: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub kpi: String,
    #[serde(default)]
    pub kpi_baseline: String,
    #[serde(default)]
    pub kpi_target: String,
    /// The KPI's value when the action is reviewed (at next year's assessment).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kpi_actual: String,
    /// What the company notes at that review.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub review_note: String,
    #[serde(default)]
    pub reason: Option<Reason>,
    /// Cluster services that can help (ids from the catalogue).
    #[serde(default)]
    pub services: Vec<String>,
}

/// The company's plan, created from a proposal and then edited freely.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub created_at: String,
    pub updated_at: String,
    /// The benchmark group a proposal of an earlier version was computed against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark_group: Option<String>,
    /// The benchmark the proposal was computed against (for the record, and to say so
    /// when another benchmark is active now).
    #[serde(default)]
    pub benchmark: Option<PlanBenchmark>,
    pub items: Vec<PlanItem>,
}

/// Which benchmark a plan was proposed against.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanBenchmark {
    pub id: String,
    pub name: Localized,
    pub synthetic: bool,
    pub created_at: String,
}

impl PlanBenchmark {
    pub fn of(benchmark: &Benchmark) -> PlanBenchmark {
        let meta = benchmark.meta();
        PlanBenchmark { id: meta.id.clone(), name: meta.name.clone(), synthetic: meta.synthetic, created_at: meta.created_at.clone() }
    }
}

impl Plan {
    /// The next free id for an action the company writes itself.
    pub fn next_own_id(&self) -> String {
        let n = self.items.iter().filter_map(|i| i.id.strip_prefix("own-").and_then(|n| n.parse::<u32>().ok())).max().unwrap_or(0);
        format!("own-{}", n + 1)
    }

    /// Adds an action written by the company.
    pub fn add_own(&mut self, title: String, now: &str) -> &mut PlanItem {
        let id = self.next_own_id();
        self.items.push(PlanItem::new(id, None, title, Tier::Own));
        self.updated_at = now.to_owned();
        self.items.last_mut().expect("just pushed")
    }

    pub fn accepted(&self) -> impl Iterator<Item = &PlanItem> {
        self.items.iter().filter(|i| i.accepted)
    }

    /// Removes an item (the company's own actions can be deleted; proposed ones are
    /// dropped instead, to keep the record).
    pub fn remove(&mut self, id: &str) {
        self.items.retain(|i| i.id != id);
    }

    /// Takes a fresh proposal: items the company worked on stay as they are, the rest of
    /// the old proposal makes way for the new one. The plan keeps its creation date.
    pub fn recompute(&mut self, fresh: Plan, now: &str) {
        let mut items: Vec<PlanItem> = self.items.iter().filter(|i| i.is_edited()).cloned().collect();
        for item in fresh.items {
            if !items.iter().any(|k| k.id == item.id) {
                items.push(item);
            }
        }
        self.items = items;
        self.benchmark_group = None;
        self.benchmark = fresh.benchmark;
        self.updated_at = now.to_owned();
    }
}

impl PlanItem {
    /// An accepted item nobody has worked on yet.
    pub fn new(id: String, action: Option<String>, title: String, tier: Tier) -> PlanItem {
        PlanItem {
            id,
            action,
            title,
            description: String::new(),
            tier,
            accepted: true,
            owner: String::new(),
            start: String::new(),
            due: String::new(),
            status: Status::NotStarted,
            kpi: String::new(),
            kpi_baseline: String::new(),
            kpi_target: String::new(),
            kpi_actual: String::new(),
            review_note: String::new(),
            reason: None,
            services: Vec::new(),
        }
    }

    /// Has the company worked on this item (written it, given it an owner, dates, a
    /// target or a status)? Such items survive a new proposal.
    pub fn is_edited(&self) -> bool {
        self.tier == Tier::Own
            || !self.owner.is_empty()
            || !self.start.is_empty()
            || !self.due.is_empty()
            || !self.kpi_target.is_empty()
            || !self.kpi_baseline.is_empty()
            || self.status != Status::NotStarted
    }
}

/// What merging an imported plan did: nothing already in the plan is overwritten.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    pub unchanged: usize,
    /// Items with an id already in the plan but different content: the plan's version is kept.
    pub kept: usize,
}

impl Plan {
    /// Adds the items of `other` whose ids are new; identical ones are counted, different
    /// ones with the same id are left as they are in `self`.
    pub fn merge(&mut self, other: Plan, now: &str) -> MergeReport {
        let mut report = MergeReport::default();
        for item in other.items {
            match self.items.iter().find(|i| i.id == item.id) {
                None => {
                    self.items.push(item);
                    report.added += 1;
                }
                Some(existing) if *existing == item => report.unchanged += 1,
                Some(_) => report.kept += 1,
            }
        }
        if report.added > 0 {
            self.updated_at = now.to_owned();
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_actions_get_fresh_ids() {
        let mut plan = Plan::default();
        plan.add_own("A".into(), "t");
        plan.add_own("B".into(), "t");
        plan.items.remove(0);
        plan.add_own("C".into(), "t");
        let ids: Vec<&str> = plan.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["own-2", "own-3"]);
    }

    #[test]
    fn merging_never_overwrites() {
        let mut mine = Plan::default();
        mine.add_own("A".into(), "t");
        let mut theirs = mine.clone();
        theirs.items[0].title = "changed".into();
        theirs.add_own("B".into(), "t");
        let report = mine.merge(theirs, "t2");
        assert_eq!(report, MergeReport { added: 1, unchanged: 0, kept: 1 });
        assert_eq!(mine.items[0].title, "A");
        assert_eq!(mine.items.len(), 2);
    }

    #[test]
    fn a_new_proposal_keeps_what_the_company_worked_on() {
        let proposed = |id: &str| PlanItem::new(id.into(), Some(id.into()), id.into(), Tier::Strategic);
        let mut plan = Plan { created_at: "t0".into(), updated_at: "t0".into(), items: vec![proposed("A"), proposed("B")], ..Plan::default() };
        plan.items[1].owner = "Anna".into();
        plan.add_own("Mine".into(), "t0");
        let fresh = Plan { created_at: "t1".into(), updated_at: "t1".into(), items: vec![proposed("B"), proposed("C")], ..Plan::default() };
        plan.recompute(fresh, "t1");
        let ids: Vec<&str> = plan.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["B", "own-1", "C"]);
        assert_eq!(plan.items[0].owner, "Anna");
        assert_eq!((plan.created_at.as_str(), plan.updated_at.as_str()), ("t0", "t1"));
    }
}
