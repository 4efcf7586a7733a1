//! Browser glue, in one place: storage, clock, random ids, file reading and downloads.
//! Nothing else in the app touches `localStorage`, `Blob` or `File`.

use crate::format::input::too_large;
use crate::kernel::problem::{Problem, ProblemKind};
use js_sys::{Array, Uint8Array};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlCanvasElement;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

pub use crate::store::PREFIX;

/// Why writes are not reaching the browser's storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageTrouble {
    /// Storage is switched off (private mode, policy, file:// restrictions).
    Unavailable,
    /// The browser refused a write (quota exhausted).
    Full,
}

/// Key–value storage: `localStorage` when it works, mirrored in memory so the app keeps
/// running (and can export everything) when it does not.
///
/// localStorage suffices for Faro's scale: ~3 KB per survey response and ~10 KB per
/// assessment with its plan, so 500 responses and a dozen assessments take under 2 MB
/// of the 5 MB Chromium grants (ARCHITECTURE.md § Storage, measured by the browser tests).
pub struct Storage {
    local: Option<web_sys::Storage>,
    memory: RefCell<BTreeMap<String, String>>,
}

/// A test-only switch: when this key is present the storage behaves as if full, so the
/// browser tests can check the quota path without filling a disk.
const TEST_FULL_KEY: &str = "faro.test.full";

thread_local! {
    static STORAGE: (Storage, Option<StorageTrouble>) = Storage::open();
    /// Every record of the respondent's app when some never reached the browser's
    /// storage, handed over with the page (`adopt_records`): they replace what storage
    /// holds, so nothing kept only in memory is lost.
    static ADOPTED: RefCell<Option<BTreeMap<String, String>>> = const { RefCell::new(None) };
}

/// Every record in memory as JSON, for the full app when storage is in trouble.
pub fn records_json() -> String {
    with_storage(|s| serde_json::to_string(&s.snapshot()).unwrap_or_default())
}

/// Takes the records another app on this page kept in memory (`records_json`) as this
/// app's own. Called before storage is first opened; a text that is not such a map
/// changes nothing.
pub fn adopt_records(json: &str) {
    if let Ok(records) = serde_json::from_str::<BTreeMap<String, String>>(json) {
        ADOPTED.with(|a| a.replace(Some(records)));
    }
}

/// Runs `f` with the app's storage (wasm is single-threaded; this is the one instance).
pub fn with_storage<R>(f: impl FnOnce(&Storage) -> R) -> R {
    STORAGE.with(|(s, _)| f(s))
}

/// The trouble found when storage was opened, if any.
pub fn open_trouble() -> Option<StorageTrouble> {
    STORAGE.with(|(_, t)| t.clone())
}

impl Storage {
    /// Opens storage and loads Faro's records into memory.
    fn open() -> (Storage, Option<StorageTrouble>) {
        // Reading `localStorage` throws when storage is disabled; web-sys turns that into Err.
        let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        let mut memory = BTreeMap::new();
        let trouble = match &local {
            None => Some(StorageTrouble::Unavailable),
            Some(ls) => {
                let len = ls.length().unwrap_or(0);
                for i in 0..len {
                    if let Ok(Some(key)) = ls.key(i) {
                        if key.starts_with(PREFIX) {
                            if let Ok(Some(value)) = ls.get_item(&key) {
                                memory.insert(key, value);
                            }
                        }
                    }
                }
                memory.contains_key(TEST_FULL_KEY).then_some(StorageTrouble::Full)
            }
        };
        // Records handed over replace storage's: they include what it refused. If they
        // differ, the trouble stays, so the banner still offers the export.
        let (memory, trouble) = match ADOPTED.with(RefCell::take) {
            Some(records) if records != memory => (records, trouble.or(Some(StorageTrouble::Full))),
            _ => (memory, trouble),
        };
        (Storage { local, memory: RefCell::new(memory) }, trouble)
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.memory.borrow().get(key).cloned()
    }

    /// Keys starting with `prefix`, sorted.
    pub fn keys(&self, prefix: &str) -> Vec<String> {
        self.memory.borrow().keys().filter(|k| k.starts_with(prefix)).cloned().collect()
    }

    /// Writes to memory, then to the browser. The value is never lost: on failure it stays
    /// in memory and the caller shows the trouble and offers an export.
    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageTrouble> {
        self.memory.borrow_mut().insert(key.to_owned(), value.to_owned());
        let Some(ls) = &self.local else { return Err(StorageTrouble::Unavailable) };
        if self.memory.borrow().contains_key(TEST_FULL_KEY) {
            return Err(StorageTrouble::Full);
        }
        ls.set_item(key, value).map_err(|_| StorageTrouble::Full)
    }

    pub fn remove(&self, key: &str) -> Result<(), StorageTrouble> {
        self.memory.borrow_mut().remove(key);
        match &self.local {
            Some(ls) => ls.remove_item(key).map_err(|_| StorageTrouble::Unavailable),
            None => Err(StorageTrouble::Unavailable),
        }
    }

    /// Everything Faro holds, for backups and the rescue export.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.memory.borrow().clone()
    }

    /// Bytes Faro's records take (UTF-16, as the browser counts them).
    pub fn used_bytes(&self) -> usize {
        self.memory.borrow().iter().map(|(k, v)| 2 * (k.len() + v.len())).sum()
    }
}

/// The URL fragment (`#/a/x/s/1`).
pub fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Sets the URL fragment, adding a history entry so Back works.
pub fn set_location_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        if location_hash() != hash {
            w.location().set_hash(hash).ok();
        }
    }
}

/// The `<html>` element (for its `lang` attribute).
pub fn document_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Asks the browser to keep Faro's storage even under pressure; resolves to whether it
/// agreed. `None` when the browser has no such API (or under file://).
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    let granted = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    granted.as_bool()
}

/// The current time as ISO 8601 UTC (`2027-02-03T10:15:00.000Z`).
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date, `YYYY-MM-DD`.
pub fn today() -> String {
    now().chars().take(10).collect()
}

/// A random id for records that must stay unique across devices (128 bits, hex).
pub fn random_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window().and_then(|w| w.crypto().ok()).and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok()).is_some();
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Offers `bytes` as a file download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = Uint8Array::from(bytes);
    let parts = Array::of1(&array.buffer());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_buffer_source_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: HtmlAnchorElement = document.create_element("a").map_err(js_error)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_attribute("hidden", "").ok();
    let body = document.body().ok_or("no body")?;
    body.append_child(&anchor).map_err(js_error)?;
    anchor.click();
    body.remove_child(&anchor).ok();
    // Revoke later: revoking at once cancels the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        Url::revoke_object_url(&url).ok();
    });
    web_sys::window().ok_or("no window")?.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000).ok();
    Ok(())
}

/// A file the user picked: its name and its bytes.
pub struct PickedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads the files of an `<input type=file>` change event. A file larger than `limit`
/// is not read at all: it comes back as the "too large" problem, so no importer ever
/// sees (or calls "empty") a file it could not hold.
pub async fn read_files(files: Vec<web_sys::File>, limit: usize) -> Vec<Result<PickedFile, Problem>> {
    let mut out = Vec::new();
    for file in files {
        let name = file.name();
        let size = file.size() as usize;
        if size > limit {
            out.push(Err(too_large(&name, size, limit)));
            continue;
        }
        let blob = gloo_file::Blob::from(web_sys::Blob::from(file));
        out.push(match gloo_file::futures::read_as_bytes(&blob).await {
            Ok(bytes) => Ok(PickedFile { name, bytes }),
            Err(_) => Err(Problem::new(&name, ProblemKind::Unreadable)),
        });
    }
    out
}

/// Opens the browser's print dialog (the report pages have a print stylesheet).
/// Sizes a canvas to draw on: `width`×`height` CSS pixels, or narrower when its column
/// is (a phone), the height scaled with it unless `fixed_height`; the drawing surface is
/// `scale` times that. Returns the CSS size chosen.
pub fn fit_canvas(canvas: &HtmlCanvasElement, (width, height): (u32, u32), fixed_height: bool, scale: f64) -> (u32, u32) {
    let column = canvas.parent_element().map_or(0, |p| p.client_width().max(0) as u32);
    let w = if column > 0 { width.min(column) } else { width };
    // Narrowed, a chart stays at least square (up to its own height): a radar or a matrix
    // needs the room more than the page needs the height.
    let h = if fixed_height { height } else { ((f64::from(height) * f64::from(w) / f64::from(width)).round() as u32).max(w.min(height)) };
    canvas.set_width((f64::from(w) * scale) as u32);
    canvas.set_height((f64::from(h) * scale) as u32);
    let _ = canvas.set_attribute("style", &format!("width:{w}px;max-width:100%;height:auto;aspect-ratio:{w}/{h}"));
    (w, h)
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        w.print().ok();
    }
}

/// Reloads the page.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        w.location().reload().ok();
    }
}

/// Whether the page was opened from a file on disk (the single-file build).
pub fn is_file_protocol() -> bool {
    web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:")
}

fn js_error(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// Moves keyboard focus to the main heading of the page (after navigation).
pub fn focus_main_heading() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(Some(h)) = doc.query_selector("main h1") {
        if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
            h.focus().ok();
        }
    }
}

/// Focuses an element as soon as it is rendered. `autofocus` does not do this for
/// controls that appear after a click: browsers honour it once per page.
pub fn focus_on_load<E>(node: leptos::prelude::NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    node.on_load(|element| {
        element.unchecked_ref::<web_sys::HtmlElement>().focus().ok();
    });
}

/// Scrolls to and focuses the element with `id` (a question to resume at).
pub fn focus_id(id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(el) = doc.get_element_by_id(id) {
        el.scroll_into_view();
        if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
            h.focus().ok();
        }
    }
}

/// An asset the single-file build put inline (`window.__faroInline[name]`): a blob URL
/// for scripts, the text for data files. `None` when served normally.
pub fn inline_asset(name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let inline = js_sys::Reflect::get(&window, &JsValue::from_str("__faroInline")).ok()?;
    if inline.is_undefined() || inline.is_null() {
        return None;
    }
    js_sys::Reflect::get(&inline, &JsValue::from_str(name)).ok()?.as_string()
}

/// Fetches and compiles the full app, every page included (assets/full-app.js), and
/// gives its start function; `None` if it could not be loaded. Asking again while it
/// loads waits for the same download.
pub async fn prepare_full_app() -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    let prepare: js_sys::Function = js_sys::Reflect::get(&window, &JsValue::from_str("faroPrepareFullApp")).ok()?.dyn_into().ok()?;
    let loading: js_sys::Promise = prepare.call0(&JsValue::NULL).ok()?.dyn_into().ok()?;
    wasm_bindgen_futures::JsFuture::from(loading).await.ok()?.dyn_into().ok()
}

/// Starts fetching and compiling the full app when one of its pages is likely next (a
/// pointer or the focus on a link to it, a questionnaire page settled, a kiosk session
/// being closed), so the page changes hands sooner. The full app has nothing to fetch.
pub fn prefetch_full_app() {
    #[cfg(not(feature = "full"))]
    leptos::task::spawn_local(async {
        prepare_full_app().await;
    });
}

/// Calls a JavaScript function with two text arguments (`undefined` for `None`);
/// whether it returned without throwing.
pub fn call_with_texts(f: &js_sys::Function, first: Option<&str>, second: Option<&str>) -> bool {
    let text = |t: Option<&str>| t.map_or(JsValue::UNDEFINED, JsValue::from_str);
    f.call2(&JsValue::NULL, &text(first), &text(second)).is_ok()
}

/// Reads a file that ships next to the app (`data/synthetic.json`), or its inline copy.
pub async fn fetch_text(path: &str) -> Result<String, Problem> {
    if let Some(text) = inline_asset(path) {
        return Ok(text);
    }
    let unreadable = || Problem::new(path, ProblemKind::Unreadable);
    let window = web_sys::window().ok_or_else(unreadable)?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(path)).await.map_err(|_| unreadable())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| unreadable())?;
    if !response.ok() {
        return Err(unreadable());
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(|_| unreadable())?).await.map_err(|_| unreadable())?;
    text.as_string().ok_or_else(unreadable)
}

/// Whether `window[name]` is `true` (flags set by the plain-JS helpers in assets/).
pub fn window_flag(name: &str) -> bool {
    web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str(name)).ok()).and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Calls `window[name]()` if it is a function.
pub fn call_window_function(name: &str) {
    if let Some(w) = web_sys::window() {
        if let Ok(f) = js_sys::Reflect::get(&w, &JsValue::from_str(name)) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                f.call0(&w).ok();
            }
        }
    }
}

/// Milliseconds since the epoch (the idle timer's clock).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Starts the camera (the back one on a phone) into `video`. The error is the browser's
/// reason, for the message that says what to do.
pub async fn open_camera(video: &web_sys::HtmlVideoElement) -> Result<web_sys::MediaStream, String> {
    let devices = web_sys::window().ok_or("no window")?.navigator().media_devices().map_err(|_| "no camera access here".to_owned())?;
    let constraints = web_sys::MediaStreamConstraints::new();
    let video_wish = js_sys::Object::new();
    js_sys::Reflect::set(&video_wish, &"facingMode".into(), &"environment".into()).ok();
    constraints.set_video(&video_wish);
    let promise = devices.get_user_media_with_constraints(&constraints).map_err(|e| format!("{e:?}"))?;
    let stream: web_sys::MediaStream = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(error_name)?.unchecked_into();
    video.set_src_object(Some(&stream));
    video.set_muted(true);
    if let Ok(p) = video.play() {
        wasm_bindgen_futures::JsFuture::from(p).await.ok();
    }
    Ok(stream)
}

/// A DOMException's name ("NotAllowedError"), or its text.
fn error_name(e: JsValue) -> String {
    js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_else(|| format!("{e:?}"))
}

/// Stops every track of a camera stream (the camera light goes off).
pub fn stop_camera(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        track.unchecked_into::<web_sys::MediaStreamTrack>().stop();
    }
}

/// The video's current picture in grey (one byte a pixel), at most 640 pixels wide.
pub fn grey_frame(video: &web_sys::HtmlVideoElement, canvas: &HtmlCanvasElement) -> Option<(u32, u32, Vec<u8>)> {
    let (vw, vh) = (video.video_width(), video.video_height());
    if vw == 0 || vh == 0 {
        return None;
    }
    let scale = (640.0 / f64::from(vw)).min(1.0);
    let (w, h) = ((f64::from(vw) * scale) as u32, (f64::from(vh) * scale) as u32);
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.unchecked_into();
    ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, f64::from(w), f64::from(h)).ok()?;
    let rgba = ctx.get_image_data(0.0, 0.0, f64::from(w), f64::from(h)).ok()?.data();
    let grey = rgba.chunks_exact(4).map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8).collect();
    Some((w, h, grey))
}

/// Draws a QR code (`width` modules a side, dark modules true) filling `canvas`, with
/// the four-module quiet zone the readers need.
pub fn draw_qr(canvas: &HtmlCanvasElement, width: usize, dark: &[u8]) {
    let Some(ctx) = canvas.get_context("2d").ok().flatten().map(|c| c.unchecked_into::<web_sys::CanvasRenderingContext2d>()) else { return };
    let side = f64::from(canvas.width());
    let module = side / (width + 8) as f64;
    ctx.set_fill_style_str("#fff");
    ctx.fill_rect(0.0, 0.0, side, side);
    ctx.set_fill_style_str("#000");
    for (k, _) in dark.iter().enumerate().filter(|(_, d)| **d != 0) {
        let (x, y) = ((k % width + 4) as f64, (k / width + 4) as f64);
        ctx.fill_rect((x * module).floor(), (y * module).floor(), module.ceil(), module.ceil());
    }
}
