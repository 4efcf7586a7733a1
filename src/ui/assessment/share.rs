//! Sharing this assessment's results and plan with the cluster, on purpose: the member
//! reads what is shared and why, ticks the consent, and downloads the file to send.

use crate::assessment::share::consent_statement;
use crate::kernel::i18n::Msg;
use crate::ui::state::use_state;
use crate::ui::widgets::QrSender;
use leptos::prelude::*;

#[component]
pub fn ShareWithCluster() -> impl IntoView {
    let state = use_state();
    let key = RwSignal::new(String::new());
    let with_levels = RwSignal::new(false);
    let agreed = RwSignal::new(false);
    let sending = RwSignal::new(None::<String>);
    // Changing what is shared asks for the consent again.
    Effect::new(move |_| {
        with_levels.track();
        agreed.set(false);
    });
    view! {
        <section class="share no-print" aria-labelledby="share-title">
            <h2 id="share-title">{move || state.t(Msg::ShareTitle)}</h2>
            <p>{move || state.t(Msg::ShareIntro)}</p>
            <div class="field">
                <label for="share-key">{move || state.t(Msg::ShareKey)}</label>
                <input id="share-key" type="text" maxlength="80" autocomplete="off" prop:value=move || key.get() on:input=move |ev| key.set(event_target_value(&ev))/>
            </div>
            <p class="field check">
                <input id="share-levels" type="checkbox" prop:checked=move || with_levels.get() on:change=move |ev| with_levels.set(event_target_checked(&ev))/>
                <label for="share-levels">{move || state.t(Msg::ShareWithLevels)}</label>
            </p>
            <p class="field check consent">
                <input id="share-consent" type="checkbox" prop:checked=move || agreed.get() on:change=move |ev| agreed.set(event_target_checked(&ev))/>
                <label for="share-consent">
                    <strong>{move || state.t(Msg::ShareAgree)}</strong>
                    " "
                    <span data-testid="consent-statement">{move || consent_statement(with_levels.get(), state.lang.get())}</span>
                </label>
            </p>
            <div class="toolbar">
                <button type="button" class="primary" disabled=move || !agreed.get() on:click=move |_| state.share_current(&key.get_untracked(), with_levels.get_untracked())>
                    {move || state.t(Msg::ShareDownload)}
                </button>
                <button type="button" disabled=move || !agreed.get() on:click=move |_| sending.set(state.share_text(&key.get_untracked(), with_levels.get_untracked()))>
                    {move || state.t(Msg::QrSend)}
                </button>
            </div>
            {move || sending.get().map(|text| view! { <QrSender text on_close=Callback::new(move |()| sending.set(None))/> })}
        </section>
    }
}
