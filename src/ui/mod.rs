//! The Leptos user interface (wasm32 only). Components show state and call the domain;
//! they hold no rules of their own. See ARCHITECTURE.md for the map.

mod bench;
pub mod browser;
pub mod charts;
pub mod components;
pub mod pages;
mod panic;
pub mod state;
mod tools;

use crate::content::Content;
use crate::i18n::{Lang, Msg};
use crate::route::Route;
use components::{LangSwitch, StorageBanner, UpdateBanner};
use leptos::prelude::*;
use state::AppState;

/// Entry point: installs the panic boundary and mounts the app.
pub fn start() {
    panic::install();
    let overrides = browser::with_storage(state::stored_overrides);
    match Content::assemble(&overrides) {
        Ok((content, dropped)) => leptos::mount::mount_to_body(move || view! { <App content=content.clone() dropped_content=dropped.clone()/> }),
        // Bundled content is checked by `cargo test`; this only guards a broken build.
        Err(problems) => {
            let lang = Lang::DEFAULT;
            let text = problems.iter().map(|p| p.message(lang)).collect::<Vec<_>>().join("\n");
            panic::show(&text);
        }
    }
}

/// The whole app: shell, navigation and the page of the current route. Public so the
/// browser tests can mount it.
#[component]
pub fn App(
    content: Content,
    /// Problems of this device's own content files, when they no longer fit and the
    /// bundled content is used instead.
    #[prop(optional)]
    dropped_content: Vec<crate::problem::Problem>,
) -> impl IntoView {
    let state = AppState::new(content);
    provide_context(state);
    bench::register(state);
    // Ask the browser to keep Faro's data under storage pressure; the data page says
    // whether it agreed.
    leptos::task::spawn_local(async move {
        state.persisted.set(Some(browser::request_persistence().await));
    });
    if let Some(el) = browser::document_element() {
        el.set_attribute("lang", state.lang.get_untracked().code()).ok();
    }

    // The URL fragment is the source of truth for the page shown: Back, Forward and
    // reload all land on the same place.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        follow(state, Route::parse(&browser::location_hash()));
    });
    if let Some(kiosk) = pages::survey::kiosk_route(state, &state.route.get_untracked()) {
        state.go(kiosk);
    }
    on_cleanup(move || handle.remove());

    // After every page change, move focus to the page's heading so keyboard and screen
    // reader users start reading the new page, or to the element the page asked for (an
    // Effect: it touches the DOM outside Leptos). One place decides, once the page is drawn.
    Effect::new(move |previous: Option<Route>| {
        let route = state.route.get();
        let changed = previous.is_some_and(|p| p != route);
        request_animation_frame(move || match state.focus_request.try_update_value(Option::take).flatten() {
            Some(id) => browser::focus_id(&id),
            None if changed => browser::focus_main_heading(),
            None => {}
        });
        route
    });

    let title = move || {
        let lang = state.lang.get();
        document().set_title(lang.t(Msg::AppTitle));
    };

    view! {
        {title}
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            browser::focus_main_heading();
        }>{move || state.t(Msg::NavSkip)}</a>
        <header class="top no-print">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true"></span>
                <span>"Faro"</span>
            </a>
            <nav aria-label=move || state.t(Msg::NavLabel) hidden=move || state.kiosk.get().is_some()>
                <ul>
                    <li><a href="#/" aria-current=move || current(state, |r| matches!(r, Route::Home | Route::Assessment { .. }))>
                        {move || state.t(Msg::NavAssessment)}
                    </a></li>
                    <li><a href=Route::SurveyHome.href() aria-current=move || current(state, |r| matches!(r, Route::Staff(_) | Route::Survey { .. } | Route::SurveyHome))>
                        {move || state.t(Msg::NavSurvey)}
                    </a></li>
                    <li><a href="#/privacy" aria-current=move || current(state, |r| matches!(r, Route::Privacy))>
                        {move || state.t(Msg::NavPrivacy)}
                    </a></li>
                </ul>
            </nav>
            <LangSwitch/>
        </header>
        <StorageBanner/>
        <UpdateBanner/>
        {(!dropped_content.is_empty()).then(|| view! {
            <div class="banner warning no-print" role="alert">
                <p>{move || state.t(Msg::ContentDropped)}</p>
                <components::ProblemList problems=dropped_content.clone()/>
            </div>
        })}
        <pages::survey::KioskBar/>
        <div class="notice" role="status" aria-live="polite">{move || state.notice.get()}</div>
        <main id="main">
            {move || pages::page(state.route.get())}
        </main>
        <footer class="no-print" hidden=move || state.kiosk.get().is_some()>
            <p>{move || state.t(Msg::FooterPrivacy)} " · Faro " {crate::APP_VERSION}</p>
            // A test-only way to check the panic boundary: shown only when the browser
            // tests set this key; there is no other way to reach it.
            {browser::with_storage(|s| s.get("faro.test.panic-trigger")).map(|_| view! {
                <button type="button" on:click=|_| panic!("panic provoked by the browser test")>"Provoke a panic (test)"</button>
            })}
        </footer>
    }
}

/// Shows `route` after the address changed, unless a kiosk session holds this device on
/// its respondent's pages. A notice belongs to the page it was given on, so it goes too
/// (but not when the app itself just navigated there, see [`AppState::go`]).
fn follow(state: AppState, route: Route) {
    if state.route.get_untracked() == route {
        return;
    }
    state.notice.set(None);
    match pages::survey::kiosk_route(state, &route) {
        Some(kiosk) => state.go(kiosk),
        None => state.route.set(route),
    }
}

/// `aria-current="page"` for the navigation link of the current area.
fn current(state: AppState, is: impl Fn(&Route) -> bool) -> Option<&'static str> {
    state.route.with(|r| is(r).then_some("page"))
}
