//! The privacy statement: what is stored, where, for how long, how to delete it.

use crate::kernel::i18n::Msg;
use crate::ui::state::use_state;
use leptos::prelude::*;

#[component]
pub fn Privacy() -> impl IntoView {
    let state = use_state();
    let paragraphs = [
        (Msg::PrivacyWhatTitle, Msg::PrivacyWhat),
        (Msg::PrivacyWhereTitle, Msg::PrivacyWhere),
        (Msg::PrivacyHowLongTitle, Msg::PrivacyHowLong),
        (Msg::PrivacyDeleteTitle, Msg::PrivacyDelete),
        (Msg::PrivacyNetworkTitle, Msg::PrivacyNetwork),
    ];
    view! {
        <h1 tabindex="-1">{move || state.t(Msg::PrivacyTitle)}</h1>
        {paragraphs.into_iter().map(|(title, body)| view! {
            <h2>{move || state.t(title)}</h2>
            <p>{move || state.t(body)}</p>
        }).collect_view()}
    }
}
