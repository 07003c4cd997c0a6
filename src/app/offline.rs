//! Offline use: registers the service worker the build wrote (`public/service-worker.js`,
//! finished by `.ci/offline.mjs`), tells the user when a new version is ready ("A new
//! version of MentorKit is available" with Reload), and deletes the service worker's caches
//! for "Delete everything on this device".
//!
//! The page registers the worker only when index.html names it
//! (`<meta name="mentorkit-service-worker">`, written by the build), so pages without one
//! (browser tests, a build without the hook) stay as they were. Nothing here panics or
//! reports an error to the user when the browser has no service workers (an insecure
//! origin, a private mode): the app then simply works online only.

use std::cell::{Cell, RefCell};

use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::app::notices::{NoticeKind, Notices};

/// The prefix of the service worker's cache names (see `public/service-worker.js`).
pub const CACHE_PREFIX: &str = "mentorkit-";

/// What the update notice says.
pub const UPDATE_TEXT: &str = "A new version of MentorKit is available.";

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// The user pressed Reload: the next controller change reloads the page.
    static RELOAD_ASKED: Cell<bool> = const { Cell::new(false) };
    /// The notice is on screen (or was acted on): never shown twice.
    static ANNOUNCED: Cell<bool> = const { Cell::new(false) };
    /// An update check was asked for before the registration was ready.
    static CHECK_WHEN_READY: Cell<bool> = const { Cell::new(false) };
}

/// `navigator.serviceWorker`, where the browser offers it (it is undefined on insecure
/// origins, and calling through web-sys would then throw).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    Some(value.unchecked_into())
}

/// The service worker the build wrote, as index.html names it.
fn script_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name=\"mentorkit-service-worker\"]")
        .ok()
        .flatten()?
        .get_attribute("content")
        .filter(|url| url.starts_with("./") && !url.contains(':'))
}

fn reload_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Shows the update notice once. Reload activates the waiting version (the page reloads when
/// it takes over), or reloads at once when the new version is already in charge.
fn announce(notices: Notices) {
    if ANNOUNCED.with(|a| a.replace(true)) {
        return;
    }
    notices.with_action(NoticeKind::Update, UPDATE_TEXT, "Reload", || {
        let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
        match waiting {
            Some(worker)
                if worker
                    .post_message(&JsValue::from_str("skip-waiting"))
                    .is_ok() =>
            {
                RELOAD_ASKED.with(|a| a.set(true));
            }
            _ => reload_page(),
        }
    });
}

/// Follows a worker that is installing: once installed while another version controls the
/// page, it is a new version waiting.
fn watch_installing(registration: &ServiceWorkerRegistration, notices: Notices) {
    let Some(worker) = registration.installing() else {
        return;
    };
    let watched = worker.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        let has_controller = container().is_some_and(|c| c.controller().is_some());
        if watched.state() == ServiceWorkerState::Installed && has_controller {
            announce(notices);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    // Lives as long as the installing worker; one small closure per new version.
    on_state.forget();
}

/// Registers the service worker (if index.html names one) and watches for new versions.
/// Call once, when the app starts.
pub fn start(notices: Notices) {
    let (Some(url), Some(container)) = (script_url(), container()) else {
        return;
    };
    let had_controller = container.controller().is_some();
    // The first version to install takes charge of the page without a reload (its files
    // are this page's files); only a later change means this page is out of date.
    let controlled = Cell::new(had_controller);
    let on_controller = Closure::<dyn FnMut()>::new(move || {
        if RELOAD_ASKED.with(Cell::get) {
            reload_page();
        } else if controlled.replace(true) {
            // Another tab activated a new version: this page's files are the old ones.
            announce(notices);
        }
    });
    container.set_oncontrollerchange(Some(on_controller.as_ref().unchecked_ref()));
    on_controller.forget();

    // After the page has loaded: the worker's first install downloads every file of the app,
    // which should not compete with the app's own first render.
    let loaded = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.ready_state() == "complete");
    if loaded {
        register(container, url, notices);
    } else if let Some(w) = web_sys::window() {
        let on_load = Closure::once_into_js(move || register(container, url, notices));
        let _ = w.add_event_listener_with_callback("load", on_load.unchecked_ref());
    }
}

/// Registers the worker and follows its versions.
fn register(container: ServiceWorkerContainer, url: String, notices: Notices) {
    let had_controller = container.controller().is_some();
    let promise = container.register(&url);
    spawn_local(async move {
        // A refusal (no service workers here, a host that does not serve the file) leaves
        // the app working online, as before; there is nothing the user could do about it.
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration.clone()));
        if CHECK_WHEN_READY.with(|c| c.replace(false)) {
            check_for_update();
        }
        // A version installed on an earlier visit, still waiting for this page.
        if registration.waiting().is_some() && had_controller {
            announce(notices);
        }
        watch_installing(&registration, notices);
        let watched = registration.clone();
        let on_update = Closure::<dyn FnMut()>::new(move || watch_installing(&watched, notices));
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
        // Back online after a train ride: look for a new version at once.
        let on_online = Closure::<dyn FnMut()>::new(check_for_update);
        if let Some(w) = web_sys::window() {
            let _ =
                w.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        }
        on_online.forget();
    });
}

/// Asks the browser to look for a new version now (it also does on every visit). Used when
/// the app meets data written by a newer MentorKit (bad input 70): a newer app may be there.
pub fn check_for_update() {
    let Some(registration) = REGISTRATION.with(|r| r.borrow().clone()) else {
        CHECK_WHEN_READY.with(|c| c.set(true));
        return;
    };
    if let Ok(promise) = registration.update() {
        spawn_local(async move {
            // Offline or refused: the next visit checks again.
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Deletes the service worker's caches (the app's own files; participants' data is never in
/// them) and returns how many. The worker stays registered and fills its cache again on the
/// next visit, so the app keeps opening offline afterwards.
///
/// # Errors
/// What the browser said, in words.
pub async fn delete_caches() -> Result<usize, String> {
    let Some(window) = web_sys::window() else {
        return Ok(0);
    };
    let has_caches = js_sys::Reflect::get(&window, &JsValue::from_str("caches"))
        .is_ok_and(|v| !v.is_undefined() && !v.is_null());
    if !has_caches {
        return Ok(0);
    }
    let text = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "the browser refused".to_owned())
    };
    let caches = window.caches().map_err(text)?;
    let names = JsFuture::from(caches.keys()).await.map_err(text)?;
    let names: js_sys::Array = names.unchecked_into();
    let mut deleted = 0;
    for name in names.iter().filter_map(|n| n.as_string()) {
        if name.starts_with(CACHE_PREFIX) {
            JsFuture::from(caches.delete(&name)).await.map_err(text)?;
            deleted += 1;
        }
    }
    Ok(deleted)
}
