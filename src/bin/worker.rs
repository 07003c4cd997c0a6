//! The matching worker: runs the matching engine in a dedicated web worker so the page never
//! freezes, even for thousands of mentees. See `mentorkit::app::matching` for the messages.
//!
//! Trunk builds it (`data-type="worker"` in index.html) with the `worker` Cargo profile
//! (opt-level 3: the engine's speed matters more than this file's size) as
//! `mentorkit-worker_loader.js`; the post-build hook gives its files a content hash and names
//! the loader in index.html, and the page starts it with `new Worker(...)`. Messages are JSON
//! bytes in transferred `ArrayBuffer`s. On the host it only prints a hint.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

#[cfg(target_arch = "wasm32")]
fn main() {
    use mentorkit::app::matching::{
        decode_request, encode_message, post_bytes, read_bytes, run_request, WorkerMessage,
    };
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
            // A send error means the page is gone, and then nobody is listening.
            let _ = post_bytes(&encode_message(message), |m, t| {
                scope.post_message_with_transfer(m, t)
            });
        }
    };
    let reply = post.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let bytes = read_bytes(&e.data()).unwrap_or_default();
            let request = match decode_request(&bytes) {
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
