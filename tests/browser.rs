//! Component tests in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! the app mounts and renders, charts draw pixels, storage survives a write, and a
//! question reports the answer chosen with the keyboard.
#![cfg(target_arch = "wasm32")]

use faro::content::Content;
use faro::ui::browser::{with_storage, PREFIX};
use faro::ui::charts::{radar, RadarSeries, COMPANY};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Leptos run its effects and the browser lay out.
async fn tick() {
    gloo_timers::future::TimeoutFuture::new(30).await;
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_start_page() {
    web_sys::window().unwrap().location().set_hash("#/").unwrap();
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let content = Content::bundled().expect("bundled content is valid");
    let _handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || view! { <faro::ui::App content=content.clone()/> });
    tick().await;
    let h1 = host.query_selector("main h1").unwrap().expect("a heading");
    assert!(h1.text_content().unwrap().contains("innovazione"), "{:?}", h1.text_content());
    let start = host.query_selector("button.primary").unwrap().expect("start button");
    start.unchecked_ref::<web_sys::HtmlElement>().click();
    tick().await;
    // Starting an assessment stores it at once and shows the profile page.
    let stored = with_storage(|s| s.keys("faro.assessment.")).len();
    assert!(stored >= 1, "the new assessment is stored");
    assert!(host.query_selector("select").unwrap().is_some(), "profile fields are shown");
}

#[wasm_bindgen_test]
fn the_radar_draws_pixels() {
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas").unwrap().unchecked_into();
    canvas.set_width(400);
    canvas.set_height(300);
    document().body().unwrap().append_child(&canvas).unwrap();
    let axes: Vec<String> = ["A", "B", "C", "D", "E"].iter().map(|s| s.to_string()).collect();
    let series = [RadarSeries { label: "x".into(), color: COMPANY, values: vec![Some(80.0); 5], dashed: false, filled: true }];
    radar(canvas.clone(), &axes, &series);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = ctx.get_image_data(0.0, 0.0, 400.0, 300.0).unwrap().data();
    let blue = data.chunks(4).filter(|p| p[2] > 150 && p[0] < 100).count();
    assert!(blue > 500, "only {blue} blue pixels");
}

#[wasm_bindgen_test]
fn storage_keeps_what_is_written() {
    let key = format!("{PREFIX}test.roundtrip");
    with_storage(|s| s.set(&key, "value")).unwrap();
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(local.get_item(&key).unwrap().as_deref(), Some("value"));
    assert_eq!(with_storage(|s| s.get(&key)).as_deref(), Some("value"));
    with_storage(|s| s.remove(&key)).unwrap();
    assert_eq!(local.get_item(&key).unwrap(), None);
}
