//! The kernel: what every other part of Faro uses and which depends on nothing of ours —
//! located problems, languages and messages, statistics and disclosure control, ids and
//! dates.

pub mod dates;
pub mod disclosure;
pub mod i18n;
pub mod ids;
pub mod problem;
pub mod stats;
