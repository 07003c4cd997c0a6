//! Browser glue of workshop mode (issue #5): the `BroadcastChannel` between the presenter
//! and audience windows, the Fullscreen API, the audience popup and the projector theme.
//!
//! Nothing here panics or leaves a promise rejection unhandled: a refused full screen (no
//! user gesture, a headless browser, a kiosk policy) or a blocked popup comes back as an
//! error value for the caller to show as a notice.

use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::route::Route;
use crate::core::model::ProgramId;
use crate::core::workshop::{channel_name, StageMessage};

/// Why a workshop browser feature is not available.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum WorkshopError {
    /// The two windows cannot talk (no `BroadcastChannel`, or it was refused).
    #[error("this browser cannot connect the presenter and audience windows ({0})")]
    Channel(String),
    /// The browser blocked the audience window.
    #[error("the browser blocked the audience window")]
    PopupBlocked,
    /// The browser refused full screen.
    #[error("full screen is not available here ({0})")]
    Fullscreen(String),
}

use crate::js::reason as js_reason;

/// One program's workshop channel. Dropping it closes the channel and stops its callback.
pub struct StageChannel {
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl StageChannel {
    /// Joins the channel of program `id`; `on_message` gets every well-formed message from
    /// the other windows (anything else on the channel is ignored).
    ///
    /// # Errors
    /// [`WorkshopError::Channel`] when the browser refuses.
    pub fn open(
        id: &ProgramId,
        mut on_message: impl FnMut(StageMessage) + 'static,
    ) -> Result<StageChannel, WorkshopError> {
        let channel = web_sys::BroadcastChannel::new(&channel_name(id))
            .map_err(|e| WorkshopError::Channel(js_reason(&e)))?;
        let callback =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if let Some(message) = e
                    .data()
                    .as_string()
                    .and_then(|text| StageMessage::from_json(&text).ok())
                {
                    on_message(message);
                }
            });
        channel.set_onmessage(Some(callback.as_ref().unchecked_ref()));
        Ok(StageChannel {
            channel,
            _on_message: callback,
        })
    }

    /// Sends a message to the other windows (a closed channel drops it quietly: the other
    /// side asks again with [`StageMessage::Hello`]).
    pub fn post(&self, message: &StageMessage) {
        if let Ok(text) = message.to_json() {
            let _ = self.channel.post_message(&JsValue::from_str(&text));
        }
    }
}

impl Drop for StageChannel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// The address of the audience window of program `id` (this page, another fragment).
pub fn audience_url(id: &ProgramId) -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{}", Route::Audience(id.clone()))
}

/// Opens (or brings back) the audience window of program `id`.
///
/// # Errors
/// [`WorkshopError::PopupBlocked`] when the browser blocks it.
pub fn open_audience(id: &ProgramId) -> Result<(), WorkshopError> {
    let window = web_sys::window().ok_or(WorkshopError::PopupBlocked)?;
    // One named window per program: pressing the button again reuses it.
    let target = format!(
        "mentorkit-audience-{}",
        crate::app::browser::slug(id.as_str())
    );
    match window.open_with_url_and_target(&audience_url(id), &target) {
        Ok(Some(_)) => Ok(()),
        _ => Err(WorkshopError::PopupBlocked),
    }
}

/// Whether the page is in full screen now.
pub fn is_fullscreen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| js_sys::Reflect::get(&d, &JsValue::from_str("fullscreenElement")).ok())
        .is_some_and(|v| !v.is_null() && !v.is_undefined())
}

/// Calls a promise-returning method (`requestFullscreen`, `exitFullscreen`) and reports a
/// refusal (thrown or rejected) to `on_error`, so no rejection is ever left unhandled.
fn call_quietly(target: &JsValue, method: &str, on_error: impl FnOnce(WorkshopError) + 'static) {
    let function = js_sys::Reflect::get(target, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(function) = function else {
        on_error(WorkshopError::Fullscreen(
            "this browser has no full screen".into(),
        ));
        return;
    };
    match function.call0(target) {
        Err(e) => on_error(WorkshopError::Fullscreen(js_reason(&e))),
        Ok(value) => {
            if let Ok(promise) = value.dyn_into::<js_sys::Promise>() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
                        on_error(WorkshopError::Fullscreen(js_reason(&e)));
                    }
                });
            }
        }
    }
}

/// Enters full screen if not in it, else leaves it.
pub fn toggle_fullscreen(on_error: impl FnOnce(WorkshopError) + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if is_fullscreen() {
        call_quietly(&document, "exitFullscreen", on_error);
    } else if let Some(root) = document.document_element() {
        call_quietly(&root, "requestFullscreen", on_error);
    }
}

/// Leaves full screen, if in it.
pub fn exit_fullscreen() {
    if let (true, Some(document)) = (
        is_fullscreen(),
        web_sys::window().and_then(|w| w.document()),
    ) {
        call_quietly(&document, "exitFullscreen", |_| {});
    }
}

/// Switches the projector theme (`data-theme="projector"` on `<html>`, which only swaps
/// the design tokens) on or off.
pub fn set_projector_theme(on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = if on {
            root.set_attribute("data-theme", "projector")
        } else {
            root.remove_attribute("data-theme")
        };
    }
}
