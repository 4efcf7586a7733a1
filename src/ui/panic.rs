//! The panic boundary. A panic must never leave a dead page: the hook hands the message
//! to `assets/rescue.js`, plain JavaScript that does not depend on the (now stopped)
//! wasm, which shows what happened with "Export my data" and "Reload" buttons. Nothing
//! stored is touched, so reloading resumes where the user was.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Defined by `assets/rescue.js`.
    #[wasm_bindgen(js_namespace = window, js_name = faroRescue, catch)]
    fn faro_rescue(message: &str) -> Result<(), JsValue>;
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        show(&message);
    }));
}

/// Shows the rescue screen with `message`.
pub fn show(message: &str) {
    if faro_rescue(message).is_err() {
        if let Some(w) = web_sys::window() {
            w.alert_with_message(message).ok();
        }
    }
}
