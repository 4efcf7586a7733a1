//! The Faro web app. Built for wasm32 by Trunk (`make serve`); see README.md.

#[cfg(target_arch = "wasm32")]
fn main() {
    faro::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Faro runs in the browser: `make serve` builds it and serves it at http://127.0.0.1:8080");
    std::process::exit(2);
}
