//! Faro: an innovation self-assessment and member-satisfaction survey toolkit that runs
//! entirely in the browser. This crate is the domain (plain Rust, tested natively) plus,
//! on wasm32 only, the Leptos user interface in [`ui`]. See ARCHITECTURE.md.

pub mod actions;
pub mod bank;
pub mod benchmark;
pub mod catalogue;
pub mod content;
pub mod export;
pub mod i18n;
pub mod import;
pub mod plan;
pub mod problem;
pub mod propose;
pub mod response;
pub mod route;
pub mod score;
pub mod stats;
pub mod store;
pub mod survey;
pub mod survey_export;
#[cfg(feature = "tools")]
pub mod synthetic;
pub mod tools;
pub mod xlsx;

#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod ui;

/// The app's version, written into every exported file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
