//! The banner shown when programs are not being kept in browser storage.

use leptos::prelude::*;

use crate::app::{use_app, StorageBanner};

/// "Not saved" banner for storage that is unavailable or was cleared.
#[component]
pub fn StorageBannerView() -> impl IntoView {
    let app = use_app();
    move || {
        match app.storage.get() {
        StorageBanner::Saved => None,
        StorageBanner::MemoryOnly(reason) => Some(view! {
            <div class="mk-banner mk-banner--warning" role="alert">
                <strong>"Not saved \u{2013} export your work. "</strong>
                "This browser is not letting MentorKit keep data (" {reason} "), so programs live only in this tab "
                "until you close it. Use Export to keep a program file."
            </div>
        }
        .into_any()),
        StorageBanner::Cleared => Some(view! {
            <div class="mk-banner mk-banner--warning" role="alert">
                <strong>"Browser storage was cleared in another tab. "</strong>
                "Open a program and choose \u{201c}Save it again\u{201d}, or export it."
            </div>
        }
        .into_any()),
    }
    }
}
