//! The "Share…" button of a program page and its dialog: a link (redacted by default) that
//! carries the program in its `#fragment`, a QR code for the projector, and "Copy link".

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::route::Route;
use crate::app::session::use_session;
use crate::core::exchange::share::{self, ShareOptions, MAX_LINK_CHARS};
use crate::ui::components::modal::{dialog_keys, hold_page_while_open};

/// The page's address without its fragment, so links work when the app lives on a sub-path.
fn page_address() -> String {
    web_sys::window()
        .map(|w| w.location())
        .map(|l| {
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// The "Share…" button; opens the share dialog for the session's program.
#[component]
pub fn ShareButton() -> impl IntoView {
    let open = RwSignal::new(false);
    let close = move || {
        open.set(false);
        request_animation_frame(|| crate::app::browser::focus_element("share-open"));
    };
    view! {
        <button id="share-open" type="button" class="mk-button" aria-haspopup="dialog"
            on:click=move |_| open.set(true)>"Share\u{2026}"</button>
        <Show when=move || open.get()>
            <ShareDialog on_close=Callback::new(move |()| close())/>
        </Show>
    }
}

/// The share dialog: options, the link, Copy, the QR code, and the size limits.
#[component]
fn ShareDialog(
    /// Closes the dialog (focus returns to the Share button).
    on_close: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let redacted = RwSignal::new(true);
    let pseudonyms = RwSignal::new(false);
    let copied = RwSignal::new(None::<Result<(), ()>>);
    let base = page_address();
    hold_page_while_open();
    request_animation_frame(|| crate::app::browser::focus_element("share-redacted"));

    // The link follows the options; `Err` holds the reason it cannot be made.
    let link = Memo::new(move |_| {
        let options = ShareOptions {
            redacted: redacted.get(),
            pseudonyms: pseudonyms.get(),
        };
        session.program.with(|p| {
            share::encode(p, &options)
                .map(|payload| format!("{base}{}", Route::Share(payload)))
                .map_err(|e| e.to_string())
        })
    });
    Effect::new(move |_| {
        link.track();
        copied.set(None);
    });
    let qr = move || {
        link.get().ok().map(|url| {
            share::qr_svg(&url)
                .map(|svg| format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg)))
        })
    };
    let copy = move |_| {
        if let Ok(url) = link.get_untracked() {
            leptos::task::spawn_local(async move {
                let result = crate::app::browser::copy_text(url).await;
                let _ = copied.try_set(Some(result));
            });
        }
    };
    let on_keydown = dialog_keys(move || on_close.run(()));

    view! {
        <div class="mk-modal-backdrop" on:click=move |_| on_close.run(())></div>
        <div class="mk-modal mk-share" role="dialog" aria-modal="true" aria-labelledby="share-title"
            on:keydown=on_keydown>
            <div class="mk-modal__head">
                <h2 id="share-title">"Share this program"</h2>
                <button type="button" class="mk-button mk-button--small" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
            <fieldset class="mk-share__options">
                <legend>"What the link holds"</legend>
                <label>
                    <input id="share-redacted" type="radio" name="share-kind"
                        prop:checked=move || redacted.get() on:change=move |_| redacted.set(true)/>
                    " Redacted (first names, no e-mails, no sensitive answers)"
                </label>
                <label>
                    <input type="radio" name="share-kind"
                        prop:checked=move || !redacted.get() on:change=move |_| redacted.set(false)/>
                    " Full program"
                </label>
                <label>
                    <input type="checkbox" prop:checked=move || pseudonyms.get()
                        prop:disabled=move || !redacted.get()
                        on:change=move |ev| pseudonyms.set(event_target_checked(&ev))/>
                    " Pseudonyms instead of first names (\u{201c}Mentor 3\u{201d})"
                </label>
            </fieldset>
            {move || match link.get() {
                Ok(url) => view! {
                    <label for="share-link">{format!("Link ({} characters; the program stays in the part after #, which is never sent to a server)", url.len())}</label>
                    <div class="mk-share__link">
                        <input id="share-link" class="mk-share__input" type="text" readonly prop:value=url.clone()
                            on:focus=move |ev| {
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            }/>
                        <button type="button" class="mk-button mk-button--primary" on:click=copy>"Copy link"</button>
                    </div>
                    <p class="mk-hint" role="status">{move || match copied.get() {
                        Some(Ok(())) => "Copied to the clipboard.",
                        Some(Err(())) => "The browser did not allow copying: select the link above and copy it yourself (Ctrl+C).",
                        None => "",
                    }}</p>
                }
                .into_any(),
                Err(reason) => view! {
                    <p class="mk-banner mk-banner--warning" role="alert">
                        {format!("No link: {reason}. A link holds at most {MAX_LINK_CHARS} characters; use \u{201c}Export program file\u{201d} and send the file instead.")}
                    </p>
                }
                .into_any(),
            }}
            {move || qr().map(|qr| match qr {
                Ok(src) => view! {
                    <figure class="mk-share__qr">
                        <img src=src alt="QR code of the share link" width="320" height="320"/>
                        <figcaption>"Scan to open the link (show it on the projector)."</figcaption>
                    </figure>
                }
                .into_any(),
                Err(e) => view! { <p class="mk-hint">{format!("No QR code: {e}.")}</p> }.into_any(),
            })}
        </div>
    }
}
