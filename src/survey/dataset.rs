//! The columnar dataset: one byte per answer (see [`Answer::code`]), compact enough for
//! 100,000 responses in a browser tab.

use crate::content::bank::answer::DONT_KNOW_CODE;
use crate::content::bank::{Answer, Bank, ItemKind};
use crate::survey::response::Response;

/// One byte per answer: 0 = no answer; otherwise a code per kind
/// (rating r → r, nps n → n + 1, yes → 1 / no → 2, choice → option index + 1).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    pub n: usize,
    /// Item id → codes, one per response.
    pub columns: Vec<Vec<u8>>,
    /// Profile field (bank order) → option index + 1, one per response.
    pub profile: Vec<Vec<u8>>,
    /// Free-text answers: (item index, response index, text).
    pub texts: Vec<(usize, usize, String)>,
}

impl Dataset {
    /// A dataset with no response yet.
    pub fn empty(bank: &Bank) -> Dataset {
        Dataset { n: 0, columns: vec![Vec::new(); bank.items().len()], profile: vec![Vec::new(); bank.profile().len()], texts: Vec::new() }
    }

    /// Appends one response, given each profile field's code and each question's answer
    /// (asked in bank order).
    pub(crate) fn push_row<'a>(&mut self, bank: &Bank, profile_code: impl Fn(usize) -> u8, mut answer_of: impl FnMut(usize) -> Option<&'a Answer>) {
        for (fi, column) in self.profile.iter_mut().enumerate() {
            column.push(profile_code(fi));
        }
        for (ii, item) in bank.items().iter().enumerate() {
            let answer = answer_of(ii);
            if let (ItemKind::Text, Some(Answer::Text(t))) = (&item.kind, answer) {
                self.texts.push((ii, self.n, t.clone()));
            }
            self.columns[ii].push(answer.map_or(0, |a| a.code(&item.kind)));
        }
        self.n += 1;
    }

    /// Appends one checked row: its profile as (field, option index), each item's code
    /// (bank order) and its free texts as (item index, text). "Don't know" counts as no
    /// answer, as [`Answer::code`] has it; of repeated profile fields the first counts.
    pub(crate) fn push_codes(&mut self, profile: &[(usize, usize)], codes: &[u8], texts: &[(usize, String)]) {
        let row = self.n;
        for column in &mut self.profile {
            column.push(0);
        }
        for &(field, option) in profile.iter().rev() {
            self.profile[field][row] = option as u8 + 1;
        }
        for (column, &code) in self.columns.iter_mut().zip(codes) {
            column.push(if code == DONT_KNOW_CODE { 0 } else { code });
        }
        self.texts.extend(texts.iter().map(|(item, text)| (*item, row, text.clone())));
        self.n += 1;
    }

    /// Adds every response of `other` (same bank) after this dataset's.
    pub fn append(&mut self, other: &Dataset) {
        for (mine, theirs) in self.columns.iter_mut().zip(&other.columns) {
            mine.extend_from_slice(theirs);
        }
        for (mine, theirs) in self.profile.iter_mut().zip(&other.profile) {
            mine.extend_from_slice(theirs);
        }
        self.texts.extend(other.texts.iter().map(|(i, r, t)| (*i, r + self.n, t.clone())));
        self.n += other.n;
    }

    /// Codes every submitted response (others are skipped).
    pub fn from_responses<'a>(bank: &Bank, responses: impl IntoIterator<Item = &'a Response>) -> Dataset {
        let mut d = Dataset::empty(bank);
        for r in responses.into_iter().filter(|r| r.submitted_at.is_some()) {
            d.push_row(
                bank,
                |fi| {
                    let field = &bank.profile()[fi];
                    r.profile.get(&field.id).and_then(|o| field.options.iter().position(|x| &x.id == o)).map_or(0, |i| i as u8 + 1)
                },
                |ii| r.answers.get(&bank.items()[ii].id),
            );
        }
        d
    }
}
