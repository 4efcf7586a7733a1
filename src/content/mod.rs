//! Content is data: the question banks, the service catalogue and the action library,
//! each a documented file staff edit, validated with located problems; and the bundled
//! set the app ships with (or a device's own files in its place).

pub mod actions;
pub mod bank;
pub mod bundled;
pub mod catalogue;
pub mod themes;

pub use bundled::{Content, Kind, Overrides};
