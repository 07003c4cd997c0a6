//! The matching worker: runs the matching engine in a dedicated web worker so the page never
//! freezes, even for thousands of mentees. See `mentorkit::app::matching` for the messages.
//!
//! Trunk builds it (`data-type="worker"` in index.html) as `mentorkit-worker_loader.js`, which
//! the page starts with `new Worker(...)`. On the host it only prints a hint.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

#[cfg(target_arch = "wasm32")]
fn main() {
    use mentorkit::app::matching::{run_request, RunRequest, WorkerMessage};
    use mentorkit::core::matching::Control;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        web_sys::console::error_1(&"mentorkit-worker must run in a dedicated worker".into());
        return;
    };
    let post = {
        let scope = scope.clone();
        move |message: &WorkerMessage| {
            // Serialising our own message types cannot fail; a send error means the page
            // is gone, and then nobody is listening.
            if let Ok(text) = serde_json::to_string(message) {
                let _ = scope.post_message(&JsValue::from_str(&text));
            }
        }
    };
    let reply = post.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let text = e.data().as_string().unwrap_or_default();
            let request = match serde_json::from_str::<RunRequest>(&text) {
                Ok(r) => r,
                Err(err) => {
                    reply(&WorkerMessage::Failed {
                        message: format!("the matching request could not be read: {err}"),
                    });
                    return;
                }
            };
            // About ten progress messages a second: enough for a smooth bar, few enough that
            // posting never slows the run.
            let mut last = f64::NEG_INFINITY;
            let mut progress = |p| {
                let now = js_sys::Date::now();
                if now - last >= 100.0 {
                    last = now;
                    reply(&WorkerMessage::progress(p));
                }
                Control::Continue
            };
            let answer = run_request(request, &mut progress);
            reply(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its page keeps it; so does its handler.
    on_message.forget();
    post(&WorkerMessage::Ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "mentorkit-worker is the web app's matching worker: Trunk builds it with the app \
         (`make run`). The command-line tool is `mentorkit` (`mentorkit match ...`)."
    );
    std::process::exit(2);
}
