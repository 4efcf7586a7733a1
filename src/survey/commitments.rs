//! "You said, we did": what staff commit to about the services members asked them to
//! concentrate on, kept with the year's results and shown next year beside them.

use serde::{Deserialize, Serialize};

/// Longest commitment text kept.
pub const MAX_COMMITMENT: usize = 600;

/// One commitment about one service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    pub service: String,
    pub text: String,
    pub owner: String,
    /// `YYYY-MM-DD` or empty.
    pub date: String,
}

impl Commitment {
    /// The commitment with its texts trimmed to size; `None` when there is no text.
    pub fn new(service: &str, text: &str, owner: &str, date: &str) -> Option<Commitment> {
        let cut = |t: &str, n: usize| t.trim().chars().take(n).collect::<String>();
        let text = cut(text, MAX_COMMITMENT);
        (!text.is_empty()).then(|| Commitment { service: service.to_owned(), text, owner: cut(owner, 120), date: cut(date, 10) })
    }
}

/// The commitment about `service` in `list`, if any.
pub fn commitment_for<'a>(list: &'a [Commitment], service: &str) -> Option<&'a Commitment> {
    list.iter().find(|c| c.service == service)
}
