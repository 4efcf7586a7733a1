//! Faro: an innovation self-assessment and member-satisfaction survey toolkit that runs
//! entirely in the browser. This crate is the domain (plain Rust, tested natively) plus,
//! on wasm32 only, the Leptos user interface in [`ui`]. ARCHITECTURE.md has the map;
//! the layers run one way, and `tests/layout.rs` holds them to it:
//!
//! kernel ← format ← content ← benchmark ← assessment, content ← survey,
//! then store, route and tools, then ui.

// Problems are returned on the cold path of reading a file, with the place and the kind
// inline so callers can match on them; their size does not matter there.
#![allow(clippy::result_large_err)]

pub mod assessment;
pub mod benchmark;
pub mod content;
pub mod format;
pub mod kernel;
pub mod route;
pub mod store;
pub mod survey;
pub mod tools;

#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod ui;

/// The app's version, written into every exported file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
