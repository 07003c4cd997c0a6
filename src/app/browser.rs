//! Small, fallible wrappers over browser APIs used by the app (files, downloads, location).
//! None of them panics: a missing `window` or a refused call becomes an error value.

use thiserror::Error;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::limits::MAX_FILE_BYTES;

/// Why a browser file operation failed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FileError {
    /// The file is over the size limit (checked before reading, bad input 12).
    #[error("{name} is {size} bytes; the largest file MentorKit reads is {limit} bytes")]
    TooLarge {
        /// File name.
        name: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The browser refused to read it.
    #[error("could not read {name}: {reason}")]
    Read {
        /// File name.
        name: String,
        /// What the browser said.
        reason: String,
    },
    /// The browser refused to create the download.
    #[error("could not save the file: {0}")]
    Download(String),
}

use crate::js::reason as js_reason;

/// Reads a picked or dropped file, refusing files over [`MAX_FILE_BYTES`] before reading.
///
/// # Errors
/// [`FileError::TooLarge`] or [`FileError::Read`].
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, FileError> {
    let name = file.name();
    let size = file.size() as u64;
    if size > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            name,
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| FileError::Read {
            name: name.clone(),
            reason: js_reason(&e),
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Offers `text` as a downloaded file named `file_name`.
///
/// # Errors
/// [`FileError::Download`] when the browser refuses.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), FileError> {
    let fail = |e: wasm_bindgen::JsValue| FileError::Download(js_reason(&e));
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| FileError::Download("no document".into()))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| FileError::Download("could not create a link".into()))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke later: revoking at once can cancel the download in some browsers.
    let url_later = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url_later);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// A file-name-safe slug of a program name (`Engineering onboarding 2027` ->
/// `engineering-onboarding-2027`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() > 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "program".into()
    } else {
        out
    }
}

/// The current `location.hash`, or empty.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Sets `location.hash` (adds a history entry; `hashchange` follows).
pub fn set_location_hash(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}

/// A random 53-bit number mixed with the clock, for ids (not cryptographic).
pub fn random_seed() -> u64 {
    let r = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    let t = js_sys::Date::now() as u64;
    r ^ t.rotate_left(17)
}

/// Moves keyboard focus to the element with this id, if it exists.
pub fn focus_element(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Copies `text` with the asynchronous clipboard API; `Err` when the browser has none or
/// refuses (no permission, not a secure context).
pub async fn copy_text(text: String) -> Result<(), ()> {
    let navigator = web_sys::window().ok_or(())?.navigator();
    // `navigator.clipboard` is undefined outside secure contexts: calling it would throw.
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if !present {
        return Err(());
    }
    let promise = navigator.clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Today in the browser's clock and time zone (`None` if the clock is absurd).
pub fn today() -> Option<crate::core::date::Date> {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    crate::core::date::Date::from_ymd(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
    .ok()
}

/// Whether a key press happened in a field that types text (where Ctrl+Z, arrows and
/// letters belong to the field, not to the app's shortcuts).
pub fn in_text_field(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match el.tag_name().to_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => {
            let kind = el.get_attribute("type").unwrap_or_default().to_lowercase();
            !matches!(
                kind.as_str(),
                "checkbox" | "radio" | "button" | "submit" | "range"
            )
        }
        _ => el.has_attribute("contenteditable"),
    }
}
