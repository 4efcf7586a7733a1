//! Small pieces shared by several pages: each knows nothing of the page around it.

mod backup;
mod banners;
mod confirm;
mod files;
mod handover;
mod idle;
mod lang;
mod qr;
mod question;
mod steps;
mod table;

pub use backup::BackupTools;
pub use banners::{ContentDroppedBanner, StorageBanner, UpdateBanner};
pub use confirm::ConfirmButton;
pub use files::{ErrorBox, FilePicker, ProblemList};
pub use handover::keep_mounted;
#[cfg(not(feature = "full"))]
pub use handover::Handover;
pub use idle::IdleGuard;
pub use lang::LangSwitch;
pub use qr::QrSender;
pub use question::{dom_id, ProfileSelect, QuestionField, RequiredTag};
pub use steps::{page_heading, Step, StepNavigator};
pub use table::TableView;

use crate::kernel::i18n::Msg;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// What an unknown address shows, with a way home.
#[component]
pub fn NotFound() -> impl IntoView {
    let state = use_state();
    view! {
        <h1 tabindex="-1">{move || state.t(Msg::NotFoundTitle)}</h1>
        <p>{move || state.t(Msg::NotFoundBody)}</p>
        <p><a href="#/">{move || state.t(Msg::NotFoundHome)}</a></p>
    }
}
