//! Receiving a file from another device with no network (ARCHITECTURE.md § QR transfer):
//! the camera reads the sender's animated QR codes (`widgets::QrSender`) until the file
//! is whole, then it is imported like a file.

use crate::kernel::i18n::Msg;
use crate::kernel::problem::Problem;
use crate::ui::browser;
use crate::ui::state::use_state;
use crate::ui::tools::QrReceiver;
use crate::ui::widgets::ErrorBox;
use leptos::prelude::*;
use std::time::Duration;

/// What the receiver shows.
#[derive(Clone, PartialEq)]
enum Reception {
    Idle,
    Starting,
    Reading { resolved: usize, total: usize, refused: bool },
    Done(String),
    Failed(String),
}

/// The receiving page: the camera, progress, and the import once the file is whole.
#[component]
pub fn ReceivePage() -> impl IntoView {
    let state = use_state();
    let status = RwSignal::new(Reception::Idle);
    let problems = RwSignal::new(Vec::<Problem>::new());
    let video = NodeRef::<leptos::html::Video>::new();
    let grab = NodeRef::<leptos::html::Canvas>::new();
    let running = StoredValue::new(false);
    on_cleanup(move || running.set_value(false));
    let start = move |_| {
        if running.get_value() {
            return;
        }
        running.set_value(true);
        status.set(Reception::Starting);
        problems.set(Vec::new());
        leptos::task::spawn_local(async move {
            let (Some(v), Some(c)) = (video.get_untracked(), grab.get_untracked()) else { return };
            receive(state, v, c, status, problems, running).await;
            running.try_set_value(false);
        });
    };
    view! {
        <h1 tabindex="-1">{move || state.t(Msg::QrReceiveTitle)}</h1>
        <p class="lead">{move || state.t(Msg::QrReceiveIntro)}</p>
        <p class="note" role="note">{move || state.t(Msg::QrReceiveWhere)}</p>
        <p><button type="button" class="primary big" on:click=start disabled=move || matches!(status.get(), Reception::Starting | Reception::Reading { .. })>
            {move || state.t(Msg::QrCameraStart)}</button></p>
        <ReceptionStatus status/>
        <ErrorBox problems=problems.into() title=Msg::HomeImportFailed note=Msg::HomeImportNothingChanged/>
        <video node_ref=video class="qr-video" playsinline="" muted="" aria-hidden="true"
            class:hidden=move || !matches!(status.get(), Reception::Starting | Reception::Reading { .. })></video>
        <canvas node_ref=grab class="visually-hidden" aria-hidden="true"></canvas>
    }
}

#[component]
fn ReceptionStatus(status: RwSignal<Reception>) -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        match status.get() {
            Reception::Idle => None,
            Reception::Starting => Some(view! { <p role="status">{lang.t(Msg::QrCameraStarting)}</p> }.into_any()),
            Reception::Reading { resolved, total, refused } => Some(
                view! {
                    <p role="status" data-testid="qr-progress">{if total == 0 { lang.t(Msg::QrLooking).to_owned() } else { lang.fmt(Msg::QrProgress, &[("resolved", &resolved), ("total", &total)]) }}</p>
                    <progress class="qr-progress" max=total.max(1) value=resolved aria-hidden="true"></progress>
                    {refused.then(|| view! { <p class="warning-text">{lang.t(Msg::RuleTransferNotOurs)}</p> })}
                }
                .into_any(),
            ),
            Reception::Done(said) => Some(view! { <p role="status" class="success" data-testid="qr-done">{said}</p> }.into_any()),
            Reception::Failed(why) => Some(view! { <p role="alert" class="error-text" data-testid="qr-failed">{why}</p> }.into_any()),
        }
    }
}

/// Reads camera frames into a worker until the file is whole (then imports it), the
/// transfer proves damaged, or the page is left.
async fn receive(
    state: crate::ui::state::AppState,
    video: web_sys::HtmlVideoElement,
    canvas: web_sys::HtmlCanvasElement,
    status: RwSignal<Reception>,
    problems: RwSignal<Vec<Problem>>,
    running: StoredValue<bool>,
) {
    let lang = state.lang.get_untracked();
    let stream = match browser::open_camera(&video).await {
        Ok(s) => s,
        Err(why) => return status.set(Reception::Failed(lang.fmt(Msg::QrCameraDenied, &[("detail", &why)]))),
    };
    let Ok(worker) = QrReceiver::start().await else {
        browser::stop_camera(&stream);
        return status.set(Reception::Failed(lang.t(Msg::ExportWorkerFailed).to_owned()));
    };
    status.set(Reception::Reading { resolved: 0, total: 0, refused: false });
    // The page may be left at any moment: then `running` is gone and the loop ends.
    while running.try_get_value().unwrap_or(false) {
        gloo_timers::future::sleep(Duration::from_millis(40)).await;
        let Some((w, h, grey)) = browser::grey_frame(&video, &canvas) else { continue };
        let Some(reply) = worker.frame(w, h, &grey).await else { break };
        if reply.refused.as_deref() == Some("corrupt") {
            status.set(Reception::Failed(lang.t(Msg::RuleTransferCorrupt).to_owned()));
            break;
        }
        if let Some(text) = reply.text {
            match state.import_received(text) {
                Ok(said) => status.set(Reception::Done(said)),
                Err(found) => {
                    problems.set(found);
                    status.set(Reception::Idle);
                }
            }
            break;
        }
        status.try_set(Reception::Reading { resolved: reply.resolved, total: reply.total, refused: reply.refused.is_some() });
    }
    browser::stop_camera(&stream);
}
