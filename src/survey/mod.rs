//! The member-satisfaction survey: a response and its rules, the files of responses
//! (JSON and CSV) with a located report per file, the columnar dataset, the aggregation
//! behind the dashboard (METHOD.md Part D) and its breakdowns under disclosure control,
//! year over year, the kiosk, the assembly workbook and raw exports, and synthetic data
//! for benchmarks.

pub mod aggregate;
pub mod breakdown;
pub mod commitments;
pub mod dataset;
pub mod evidence;
pub mod figures;
pub mod files;
pub mod kiosk;
pub mod report;
pub mod response;
pub mod synthetic;
pub mod themes;
pub mod trend;
pub mod year_over_year;

pub use aggregate::*;
pub use breakdown::{Breakdown, BreakdownCell, BREAKDOWN_ROLES};
pub use dataset::Dataset;
pub use figures::{Nps, Rating, MIN_CELL};
pub use files::*;
pub use kiosk::*;
pub use response::Response;
pub use synthetic::*;
pub use year_over_year::*;
