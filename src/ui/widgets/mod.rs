//! Small pieces shared by several pages: each knows nothing of the page around it.

mod banners;
mod confirm;
mod files;
mod lang;
mod question;
mod steps;

pub use banners::{ContentDroppedBanner, StorageBanner, UpdateBanner};
pub use confirm::ConfirmButton;
pub use files::{ErrorBox, FilePicker, ProblemList};
pub use lang::LangSwitch;
pub use question::{dom_id, ProfileSelect, QuestionField, RequiredTag};
pub use steps::{page_heading, Step, StepNavigator};
