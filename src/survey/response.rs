//! One member's survey response, and the rules of answering it.

use crate::content::bank::{is_visible, Answer, Bank, Item, ProfileField};
use crate::kernel::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One member's answers to the survey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Random, unique across devices: files from many devices are merged by it.
    pub id: String,
    pub bank_id: String,
    pub bank_version: String,
    pub lang: Lang,
    pub started_at: String,
    /// Set when the respondent confirms; only submitted responses are counted.
    #[serde(default)]
    pub submitted_at: Option<String>,
    /// The kiosk session it was collected in, if any.
    #[serde(default)]
    pub session: Option<String>,
    #[serde(default)]
    pub profile: BTreeMap<String, String>,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Page to resume at (0 = profile).
    #[serde(default)]
    pub page: usize,
}

impl Response {
    pub fn new(id: String, bank: &Bank, lang: Lang, session: Option<String>, now: &str) -> Response {
        Response {
            id,
            bank_id: bank.id().into(),
            bank_version: bank.version().into(),
            lang,
            started_at: now.into(),
            submitted_at: None,
            session,
            profile: BTreeMap::new(),
            answers: BTreeMap::new(),
            page: 0,
        }
    }

    /// What must still be answered before sending: required profile fields, then visible
    /// required questions, in bank order.
    pub fn required_open<'b>(&self, bank: &'b Bank) -> (Vec<&'b ProfileField>, Vec<&'b Item>) {
        let profile = bank.profile().iter().filter(|f| f.required && !self.profile.contains_key(&f.id)).collect();
        let items =
            bank.items().iter().filter(|i| i.required && is_visible(i, |id| self.answers.get(id).cloned()) && !self.answers.contains_key(&i.id)).collect();
        (profile, items)
    }

    /// Records (or with `None` clears) the answer to an item, if it fits the item, then
    /// drops answers that the change hid: "not used" hides the satisfaction question
    /// and an answer given to it before.
    pub fn set_answer(&mut self, bank: &Bank, item: &Item, value: Option<Answer>) {
        match value {
            Some(v) if v.fits(item) => {
                self.answers.insert(item.id.clone(), v);
            }
            Some(_) => return,
            None => {
                self.answers.remove(&item.id);
            }
        }
        self.prune_hidden(bank);
    }

    /// Sets (or with "" clears) a profile field to one of its options.
    pub fn set_profile(&mut self, bank: &Bank, field: &str, option: &str) {
        let Some(def) = bank.profile().iter().find(|f| f.id == field) else { return };
        if option.is_empty() {
            self.profile.remove(field);
        } else if def.options.iter().any(|o| o.id == option) {
            self.profile.insert(field.to_owned(), option.to_owned());
        }
    }

    /// Sends the response: hidden answers dropped, the time of sending recorded.
    pub fn submit(&mut self, bank: &Bank, now: &str) {
        self.prune_hidden(bank);
        self.submitted_at = Some(now.to_owned());
    }

    /// Drops answers to questions that became hidden (e.g. satisfaction with a service the
    /// respondent then said they did not use), so hidden answers are never counted.
    pub fn prune_hidden(&mut self, bank: &Bank) {
        let hidden: Vec<String> = bank.items().iter().filter(|i| !is_visible(i, |id| self.answers.get(id).cloned())).map(|i| i.id.clone()).collect();
        for id in hidden {
            self.answers.remove(&id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    #[test]
    fn saying_not_used_drops_the_satisfaction_given_before() {
        let content = Content::bundled().unwrap();
        let bank = &content.satisfaction;
        let used = bank.items().iter().find(|i| i.id.ends_with(".used")).unwrap();
        let satisfaction = bank.item(&used.id.replace(".used", ".satisfaction")).unwrap();
        let mut r = Response::new("r".into(), bank, Lang::DEFAULT, None, "t");
        r.set_answer(bank, used, Some(Answer::YesNo(true)));
        r.set_answer(bank, satisfaction, Some(Answer::Rating(4)));
        assert_eq!(r.answers.len(), 2);
        r.set_answer(bank, used, Some(Answer::YesNo(false)));
        assert!(!r.answers.contains_key(&satisfaction.id));
        // An answer that does not fit is refused and changes nothing.
        r.set_answer(bank, used, Some(Answer::Rating(9)));
        assert_eq!(r.answers.get(&used.id), Some(&Answer::YesNo(false)));
    }
}
