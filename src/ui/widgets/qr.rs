//! Sending a file to another device with no network (ARCHITECTURE.md § QR transfer): the
//! file as QR codes changing ten times a second, which `ui::transfer` reads on the other
//! device.

use crate::format::transfer::FRAMES_PER_SECOND;
use crate::kernel::i18n::Msg;
use crate::ui::browser;
use crate::ui::state::use_state;
use crate::ui::tools;
use leptos::prelude::*;
use std::time::Duration;

/// Shows `text` as an animated QR sequence until closed.
#[component]
pub fn QrSender(text: String, on_close: Callback<()>) -> impl IntoView {
    let state = use_state();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let frames = LocalResource::new(move || tools::qr_frames(text.clone()));
    let shown = StoredValue::new(0usize);
    // Ten times a second: the next frame onto the canvas (it touches the DOM directly).
    let tick = move || {
        let (Some(c), Some(Ok(list))) = (canvas.get_untracked(), frames.get_untracked()) else { return };
        if let Some((width, modules)) = list.get(shown.get_value() % list.len().max(1)) {
            browser::draw_qr(&c, *width, modules);
            shown.update_value(|k| *k += 1);
        }
    };
    let interval = set_interval_with_handle(tick, Duration::from_millis(u64::from(1000 / FRAMES_PER_SECOND))).ok();
    on_cleanup(move || {
        if let Some(i) = interval {
            i.clear();
        }
    });
    view! {
        <section class="qr-sender" aria-labelledby="qr-send-title">
            <h2 id="qr-send-title">{move || state.t(Msg::QrSendTitle)}</h2>
            <p>{move || state.t(Msg::QrSendIntro)}</p>
            {move || match frames.get() {
                None => view! { <p role="status">{state.t(Msg::QrPreparing)}</p> }.into_any(),
                Some(Err(msg)) => view! { <p class="error-text" role="alert">{state.t(msg)}</p> }.into_any(),
                Some(Ok(list)) => view! { <p class="muted" role="status">{state.lang.get().fmt(Msg::QrFrames, &[("n", &list.len())])}</p> }.into_any(),
            }}
            <canvas node_ref=canvas width="600" height="600" class="qr-canvas" data-testid="qr-canvas" role="img"
                aria-label=move || state.t(Msg::QrCanvasLabel)></canvas>
            <p><button type="button" on:click=move |_| on_close.run(())>{move || state.t(Msg::QrStop)}</button></p>
        </section>
    }
}
