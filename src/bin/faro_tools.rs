//! The tools worker: a second, lazily loaded wasm that writes XLSX files and reads TOML
//! content files, so the ~300 KB these cost never weighs on the app's first load.
//! Once started it says "ready"; then it answers each message (a JSON
//! [`faro::tools::Request`]) with the bytes produced, or with a text starting "error: ".
//! A message of bytes is a camera frame for the QR receiver this worker keeps for its
//! whole life (one transfer per worker): it answers a JSON [`faro::tools::FrameReply`].

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let mut receiver = faro::format::transfer::Receiver::default();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data();
        if data.is_instance_of::<js_sys::Uint8Array>() {
            let reply = faro::tools::read_frame(&mut receiver, &js_sys::Uint8Array::new(&data).to_vec());
            reply_to.post_message(&JsValue::from_str(&serde_json::to_string(&reply).unwrap_or_default())).ok();
            return;
        }
        let request = data.as_string().unwrap_or_default();
        let reply: JsValue = match faro::tools::handle(&request) {
            Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
            Err(message) => JsValue::from_str(&format!("error: {message}")),
        };
        reply_to.post_message(&reply).ok();
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that arrive before this point are lost, so the page waits for this.
    scope.post_message(&JsValue::from_str("ready")).ok();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("faro-tools is a web worker; Trunk builds it for the browser.");
    std::process::exit(2);
}
