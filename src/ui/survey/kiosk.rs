//! The bar shown on every page in kiosk mode: session, count, and the staff exit.

use crate::kernel::i18n::Msg;
use crate::ui::browser;
use crate::ui::state::use_state;
use crate::ui::widgets::IdleGuard;
use leptos::prelude::*;

#[component]
pub fn KioskBar() -> impl IntoView {
    let state = use_state();
    let asking = RwSignal::new(false);
    move || {
        state.kiosk.get().map(|k| {
            view! {
                <div class="kiosk-bar no-print" role="region" aria-label=move || state.t(Msg::KioskLabel)>
                    <span><strong>{move || state.t(Msg::KioskLabel)}</strong>" · "{k.label.clone()}</span>
                    <span data-testid="kiosk-count">{move || state.lang.get().fmt(Msg::KioskCount, &[("n", &state.kiosk.get().map(|k| k.collected).unwrap_or(0))])}</span>
                    <KioskIdle/>
                    {move || if asking.get() {
                        view! { <ExitForm asking/> }.into_any()
                    } else {
                        view! { <button type="button" class="link" on:click=move |_| {
                            asking.set(true);
                            browser::prefetch_full_app();
                        }>{state.t(Msg::KioskExit)}</button> }.into_any()
                    }}
                </div>
            }
        })
    }
}

/// Watches the respondent's form once something is answered: left unattended, it closes
/// (kept as unfinished or discarded, as staff set) and a fresh form appears.
#[component]
fn KioskIdle() -> impl IntoView {
    let state = use_state();
    let touched =
        Memo::new(move |_| state.response.with(|r| r.as_ref().is_some_and(|r| r.submitted_at.is_none() && (!r.answers.is_empty() || !r.profile.is_empty()))));
    move || touched.get().then(|| view! { <IdleGuard on_timeout=Callback::new(move |keep| state.kiosk_idle(keep))/> })
}

/// The exit code, asked in place; a wrong code says so and keeps the session.
#[component]
fn ExitForm(asking: RwSignal<bool>) -> impl IntoView {
    let state = use_state();
    let code = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let input = NodeRef::new();
    browser::focus_on_load(input);
    let try_exit = move || match state.end_kiosk(&code.get_untracked()) {
        Some(collected) => {
            asking.set(false);
            state.notify(state.lang.get_untracked().fmt(Msg::KioskEnded, &[("n", &collected)]));
        }
        None => wrong.set(true),
    };
    view! {
        <form class="kiosk-exit" on:submit=move |ev| { ev.prevent_default(); try_exit(); }>
            <label for="kiosk-code">{move || state.t(Msg::KioskCode)}</label>
            <input id="kiosk-code" type="password" autocomplete="off" inputmode="numeric" node_ref=input
                prop:value=move || code.get() on:input=move |ev| { code.set(event_target_value(&ev)); wrong.set(false); }/>
            <button type="submit">{move || state.t(Msg::KioskExitConfirm)}</button>
            <button type="button" on:click=move |_| asking.set(false)>{move || state.t(Msg::ConfirmNo)}</button>
            {move || wrong.get().then(|| view! { <span class="bad" role="alert">{state.t(Msg::KioskWrongCode)}</span> })}
        </form>
    }
}
