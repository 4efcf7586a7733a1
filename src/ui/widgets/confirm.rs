//! A button that asks before doing something irreversible.

use crate::kernel::i18n::Msg;
use crate::ui::browser;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// A button that asks for confirmation in place before doing something irreversible.
#[component]
pub fn ConfirmButton(
    /// The button's label.
    label: Signal<String>,
    /// The question asked before acting.
    question: Signal<String>,
    /// What to do once confirmed.
    on_confirm: Callback<()>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let state = use_state();
    let asking = RwSignal::new(false);
    move || {
        if asking.get() {
            // "No" takes the focus: the safe answer, and the button clicked is gone.
            let no = NodeRef::new();
            browser::focus_on_load(no);
            view! {
                <span class="confirm" role="group" aria-label=move || question.get()>
                    <span>{move || question.get()}</span>
                    " "
                    <button type="button" class="danger" on:click=move |_| {
                        asking.set(false);
                        on_confirm.run(());
                    }>{move || state.t(Msg::ConfirmYes)}</button>
                    " "
                    <button type="button" node_ref=no on:click=move |_| asking.set(false)>{move || state.t(Msg::ConfirmNo)}</button>
                </span>
            }
            .into_any()
        } else {
            view! { <button type="button" class=class on:click=move |_| asking.set(true)>{move || label.get()}</button> }.into_any()
        }
    }
}
