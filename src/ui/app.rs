//! The shell: header, banners, the page of the current route, footer; and the two
//! Effects that sync with the outside world (the address, and focus after navigation).

use crate::content::Content;
use crate::kernel::i18n::Msg;
use crate::kernel::problem::Problem;
use crate::route::{Route, StaffPage};
use crate::ui::assessment::{AssessmentPages, Home};
use crate::ui::browser;
use crate::ui::privacy::Privacy;
#[cfg(feature = "full")]
use crate::ui::staff::{DashboardPage, EvidencePage, StaffBenchmark, StaffContent, StaffMembers, StaffResponses};
use crate::ui::state::{use_state, AppState};
use crate::ui::survey::{KioskBar, SurveyHome, SurveyPages};
#[cfg(not(feature = "full"))]
use crate::ui::widgets::Handover;
use crate::ui::widgets::{ContentDroppedBanner, LangSwitch, NotFound, StorageBanner, UpdateBanner};
use leptos::prelude::*;

/// The page for a route.
#[inline(never)]
fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <Home/> }.into_any(),
        Route::Assessment { id, page } => view! { <AssessmentPages id page/> }.into_any(),
        Route::Privacy => view! { <Privacy/> }.into_any(),
        #[cfg(feature = "full")]
        Route::Rater { id, rater, section } => view! { <crate::ui::assessment::RaterTurn id rater section/> }.into_any(),
        #[cfg(feature = "full")]
        Route::Receive => view! { <crate::ui::transfer::ReceivePage/> }.into_any(),
        #[cfg(not(feature = "full"))]
        Route::Rater { .. } | Route::Receive => view! { <Handover title=Msg::HandoverTitle/> }.into_any(),
        Route::SurveyHome => view! { <SurveyHome/> }.into_any(),
        Route::Survey { id, page } => view! { <SurveyPages id page/> }.into_any(),
        Route::Staff(page) => staff_page(page),
        Route::NotFound(_) => view! { <NotFound/> }.into_any(),
    }
}

#[cfg(feature = "full")]
fn staff_page(page: StaffPage) -> AnyView {
    match page {
        StaffPage::Responses => view! { <StaffResponses/> }.into_any(),
        StaffPage::Dashboard => view! { <DashboardPage print=false/> }.into_any(),
        StaffPage::Report => view! { <DashboardPage print=true/> }.into_any(),
        StaffPage::Evidence => view! { <EvidencePage/> }.into_any(),
        StaffPage::Members => view! { <StaffMembers/> }.into_any(),
        StaffPage::Benchmark => view! { <StaffBenchmark/> }.into_any(),
        StaffPage::Content => view! { <StaffContent/> }.into_any(),
    }
}

/// A build without the staff area (the first load) hands the page over to the full app.
#[cfg(not(feature = "full"))]
fn staff_page(_: StaffPage) -> AnyView {
    view! { <Handover title=Msg::StaffLoadingTitle/> }.into_any()
}

/// The whole app: shell, navigation and the page of the current route. Public so the
/// browser tests can mount it.
#[component]
pub fn App(
    content: Content,
    /// Problems of this device's own content files, when they no longer fit and the
    /// bundled content is used instead.
    #[prop(optional)]
    dropped_content: Vec<Problem>,
    /// A notice to show at once (given by the respondent's app just before it handed over).
    #[prop(default = None)]
    notice: Option<String>,
) -> impl IntoView {
    let state = AppState::new(content);
    provide_context(state);
    if let Some(text) = notice {
        state.notify(text);
    }
    #[cfg(feature = "bench")]
    crate::ui::bench::register(state);
    // Ask the browser to keep Faro's data under storage pressure; the data page says
    // whether it agreed.
    leptos::task::spawn_local(async move { state.set_persisted(browser::request_persistence().await) });
    if let Some(el) = browser::document_element() {
        el.set_attribute("lang", state.lang.get_untracked().code()).ok();
    }
    // The URL fragment is the source of truth for the page shown: Back, Forward and
    // reload all land on the same place.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| state.follow(Route::parse(&browser::location_hash())));
    on_cleanup(move || handle.remove());
    if let Some(kiosk) = state.kiosk_route(&state.route.get_untracked()) {
        state.go(kiosk);
    }
    // After every page change, move focus to the page's heading so keyboard and screen
    // reader users start reading the new page, or to the element the page asked for (an
    // Effect: it touches the DOM outside Leptos). One place decides, once the page is drawn.
    Effect::new(move |previous: Option<Route>| {
        let route = state.route.get();
        let changed = previous.is_some_and(|p| p != route);
        request_animation_frame(move || match state.take_focus_request() {
            Some(id) => browser::focus_id(&id),
            None if changed => browser::focus_main_heading(),
            None => {}
        });
        route
    });
    let title = move || document().set_title(state.t(Msg::AppTitle));
    view! {
        {title}
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            browser::focus_main_heading();
        }>{move || state.t(Msg::NavSkip)}</a>
        <Header/>
        <StorageBanner/>
        <UpdateBanner/>
        <ContentDroppedBanner problems=dropped_content/>
        <KioskBar/>
        <div class="notice" role="status" aria-live="polite">{move || state.notice.get()}</div>
        <main id="main">{move || page(state.route.get())}</main>
        <Footer/>
    }
}

#[component]
fn Header() -> impl IntoView {
    let state = use_state();
    // `aria-current="page"` for the navigation link of the current area.
    let current = move |is: fn(&Route) -> bool| state.route.with(|r| is(r).then_some("page"));
    view! {
        <header class="top no-print">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true"></span>
                <span>"Faro"</span>
            </a>
            <nav aria-label=move || state.t(Msg::NavLabel) hidden=move || state.kiosk.get().is_some()>
                <ul>
                    <li><a href="#/" aria-current=move || current(|r| matches!(r, Route::Home | Route::Assessment { .. }))>{move || state.t(Msg::NavAssessment)}</a></li>
                    <li><a href=Route::SurveyHome.href() aria-current=move || current(|r| matches!(r, Route::Staff(_) | Route::Survey { .. } | Route::SurveyHome))>{move || state.t(Msg::NavSurvey)}</a></li>
                    <li><a href="#/privacy" aria-current=move || current(|r| matches!(r, Route::Privacy))>{move || state.t(Msg::NavPrivacy)}</a></li>
                </ul>
            </nav>
            <LangSwitch/>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let state = use_state();
    view! {
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
