//! The client side of the tools worker (`src/bin/faro_tools.rs`): started on demand for
//! one request, then stopped. The worker's wasm is fetched only the first time someone
//! exports an XLSX file or loads a TOML content file.

use crate::format::table::Workbook;
use crate::kernel::i18n::Msg;
use crate::tools::Request;
use crate::ui::browser;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker script: a file next to the app, or (in the single-file build) a blob URL
/// the page prepared.
fn worker_url() -> String {
    browser::inline_asset("faro-tools_loader.js").unwrap_or_else(|| "./faro-tools_loader.js".to_owned())
}

/// The next message from `worker`, or its start-up error.
async fn next_message(worker: &web_sys::Worker) -> Result<JsValue, String> {
    let w = worker.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: web_sys::MessageEvent| {
            resolve.call1(&JsValue::NULL, &event.data()).ok();
        });
        let on_error = Closure::once_into_js(move |event: web_sys::Event| {
            reject.call1(&JsValue::NULL, &event).ok();
        });
        w.set_onmessage(Some(on_message.unchecked_ref()));
        w.set_onerror(Some(on_error.unchecked_ref()));
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| "the tools worker could not start".to_owned())
}

/// The MIME type of the workbooks the worker writes.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Runs one request in a fresh worker and returns its bytes. The worker's own words
/// (English, technical) go to the console; the user reads why in their language.
async fn run(request: &Request) -> Result<Vec<u8>, Msg> {
    run_raw(request).await.map_err(|detail| {
        web_sys::console::error_1(&JsValue::from_str(&format!("tools worker: {detail}")));
        Msg::ExportWorkerFailed
    })
}

/// A worker, once its wasm is running: it says "ready", and a message sent earlier is lost.
async fn started() -> Result<web_sys::Worker, String> {
    let worker = web_sys::Worker::new(&worker_url()).map_err(|e| format!("{e:?}"))?;
    match next_message(&worker).await {
        Ok(ready) if ready.as_string().as_deref() == Some("ready") => Ok(worker),
        other => {
            worker.terminate();
            Err(other.err().unwrap_or_else(|| "the tools worker did not start".to_owned()))
        }
    }
}

async fn run_raw(request: &Request) -> Result<Vec<u8>, String> {
    let json = serde_json::to_string(request).map_err(|e| e.to_string())?;
    let worker = started().await?;
    let result = async {
        worker.post_message(&JsValue::from_str(&json)).map_err(|e| format!("{e:?}"))?;
        next_message(&worker).await
    }
    .await;
    worker.terminate();
    let reply = result?;
    if let Some(text) = reply.as_string() {
        return Err(text.trim_start_matches("error: ").to_owned());
    }
    Ok(js_sys::Uint8Array::new(&reply).to_vec())
}

/// Writes a workbook as XLSX in the worker.
pub async fn xlsx(workbook: Workbook) -> Result<Vec<u8>, Msg> {
    run(&Request::Xlsx { workbook }).await
}

/// The bundled action library (JSON), from the worker.
pub async fn action_library() -> Result<String, Msg> {
    let bytes = run(&Request::ActionLibrary).await?;
    String::from_utf8(bytes).map_err(|_| Msg::ExportWorkerFailed)
}

/// Converts a TOML content file to JSON in the worker (the staff area's content page).
#[cfg(feature = "full")]
pub async fn toml_to_json(text: String) -> Result<crate::tools::TomlReply, Msg> {
    let bytes = run(&Request::TomlToJson { text }).await?;
    serde_json::from_slice(&bytes).map_err(|_| Msg::ExportWorkerFailed)
}

/// A file's text as QR codes to show one after the other: (width in modules, modules).
pub async fn qr_frames(text: String) -> Result<Vec<(usize, Vec<u8>)>, Msg> {
    let bytes = run(&Request::QrFrames { text }).await?;
    let mut frames = Vec::new();
    let mut rest = bytes.as_slice();
    while let Some((&width, tail)) = rest.split_first() {
        let n = usize::from(width) * usize::from(width);
        let Some(modules) = tail.get(..n) else { break };
        frames.push((usize::from(width), modules.to_vec()));
        rest = &tail[n..];
    }
    Ok(frames)
}

/// A QR receiver in its own worker, alive until dropped: camera frames in, progress out
/// (the receive page, in the full app).
#[cfg(feature = "full")]
pub struct QrReceiver {
    worker: web_sys::Worker,
}

#[cfg(feature = "full")]
impl QrReceiver {
    pub async fn start() -> Result<QrReceiver, Msg> {
        started().await.map(|worker| QrReceiver { worker }).map_err(|_| Msg::ExportWorkerFailed)
    }

    /// Reads one grey frame; `None` if the worker failed.
    pub async fn frame(&self, width: u32, height: u32, grey: &[u8]) -> Option<crate::tools::FrameReply> {
        let mut bytes = Vec::with_capacity(grey.len() + 4);
        bytes.extend((width as u16).to_le_bytes());
        bytes.extend((height as u16).to_le_bytes());
        bytes.extend_from_slice(grey);
        self.worker.post_message(&js_sys::Uint8Array::from(bytes.as_slice())).ok()?;
        let reply = next_message(&self.worker).await.ok()?.as_string()?;
        serde_json::from_str(&reply).ok()
    }
}

#[cfg(feature = "full")]
impl Drop for QrReceiver {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
