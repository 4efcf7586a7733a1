//! "Are you still there?": a kiosk or workshop turn left unattended closes by itself, so
//! the next person never sees the previous one's answers.

use crate::kernel::i18n::Msg;
use crate::survey::countdown_seconds;
use crate::ui::browser;
use crate::ui::state::use_state;
use leptos::prelude::*;
use std::time::Duration;

/// Watches for input while it is shown. After the staff's idle time with no touch or key
/// it asks whether someone is still there, counting down; then it calls `on_timeout`
/// with whether the answers are to be kept (as staff configured).
#[component]
pub fn IdleGuard(on_timeout: Callback<bool>) -> impl IntoView {
    let state = use_state();
    let last = StoredValue::new(browser::now_ms());
    // Seconds left of the countdown while asking; `None` while someone is working.
    let left = RwSignal::new(None::<u32>);
    let fired = StoredValue::new(false);
    // Timers and listeners may fire once more while the page is being replaced: the
    // `try_` accessors then find the values gone and do nothing.
    let wake = move || {
        last.try_set_value(browser::now_ms());
        left.try_set(None);
    };
    let listeners = [
        window_event_listener(leptos::ev::pointerdown, move |_| wake()),
        window_event_listener(leptos::ev::keydown, move |_| wake()),
        window_event_listener(leptos::ev::input, move |_| wake()),
    ];
    let tick = move || {
        let (Some(since), Some(false)) = (last.try_get_value(), fired.try_get_value()) else { return };
        let settings = state.survey_settings.get_untracked();
        let idle = settings.idle_seconds();
        let quiet = ((browser::now_ms() - since) / 1000.0) as u32;
        let countdown = countdown_seconds(idle);
        if quiet >= idle + countdown {
            fired.set_value(true);
            left.set(None);
            on_timeout.run(!settings.discard_idle);
        } else if quiet >= idle {
            left.set(Some(idle + countdown - quiet));
        }
    };
    let interval = set_interval_with_handle(tick, Duration::from_secs(1)).ok();
    on_cleanup(move || {
        listeners.into_iter().for_each(|l| l.remove());
        if let Some(i) = interval {
            i.clear();
        }
    });
    let asking = Memo::new(move |_| left.get().is_some());
    move || {
        asking.get().then(|| {
            // The answer that keeps the form takes the focus: one key press away.
            let stay = NodeRef::new();
            browser::focus_on_load(stay);
            view! {
                <div class="idle-backdrop">
                    <div class="idle-dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body">
                        <h2 id="idle-title">{state.t(Msg::IdleTitle)}</h2>
                        <p id="idle-body">{move || state.lang.get().fmt(Msg::IdleBody, &[("seconds", &left.get().unwrap_or(0))])}</p>
                        <button type="button" class="primary big" node_ref=stay on:click=move |_| wake()>{state.t(Msg::IdleStay)}</button>
                    </div>
                </div>
            }
        })
    }
}
