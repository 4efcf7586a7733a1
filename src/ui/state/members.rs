//! Members' results shared with the cluster: a member's file out, staff's files in.

use super::AppState;
use crate::assessment::share::{intake_shares, share_json, Share, ShareIntake};
use crate::kernel::problem::Problem;
use crate::store;
use crate::ui::browser::{self, PickedFile};
use std::sync::Arc;

impl AppState {
    /// Offers the open assessment's share file, after the member ticked the consent.
    pub fn share_current(&self, company_key: &str, with_levels: bool) {
        let Some(json) = self.share_text(company_key, with_levels) else { return };
        self.deliver(&format!("faro-share-{}.json", browser::today()), "application/json", json.as_bytes());
    }

    /// The open assessment's share file, after the member ticked the consent (to
    /// download, or to send by QR).
    pub fn share_text(&self, company_key: &str, with_levels: bool) -> Option<String> {
        let a = self.current.get_untracked()?;
        let share = Share::of(&a, &self.content().innovation, company_key, with_levels, browser::random_id(), &browser::now());
        Some(share_json(&share, &browser::now()))
    }

    /// Stores the shared results in `files` that are new; returns what each file did.
    pub fn import_share_files(&self, files: Vec<Result<PickedFile, Problem>>) -> Vec<(String, ShareIntake)> {
        let mut report = Vec::new();
        let mut read = Vec::new();
        for file in files {
            match file {
                Ok(f) => read.push((f.name, f.bytes)),
                Err(p) => report.push((p.file.clone(), ShareIntake::Rejected(vec![p]))),
            }
        }
        let known = self.shares.get_untracked();
        let (accepted, outcomes) = intake_shares(&self.content().innovation, &read, &known);
        for share in &accepted {
            self.persist(&store::share_key(&share.share_id), &crate::format::envelope::write_record(share));
        }
        let mut all = (*known).clone();
        all.extend(accepted);
        self.shares.set(Arc::new(all));
        report.extend(outcomes);
        report
    }

    /// Deletes every shared result from this device (after staff confirmed).
    pub fn wipe_shares(&self) {
        for share in self.shares.get_untracked().iter() {
            self.remove(&store::share_key(&share.share_id));
        }
        self.shares.set(Arc::new(Vec::new()));
    }
}
