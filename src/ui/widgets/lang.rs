//! The language switch.

use crate::kernel::i18n::{Lang, Msg};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The language buttons: each names its language in that language.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="lang-switch" role="group" aria-label=move || state.t(Msg::LangLabel)>
            {Lang::all()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            aria-pressed=move || (state.lang.get() == lang).to_string()
                            on:click=move |_| state.set_lang(lang)
                        >
                            {lang.code().to_uppercase()}
                            <span class="visually-hidden">" " {lang.name()}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
