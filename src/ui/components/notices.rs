//! Toasts from the notice channel, announced to screen readers.

use leptos::prelude::*;

use crate::app::notices::NoticeKind;
use crate::app::use_app;

/// The stack of notices at the bottom of the window.
#[component]
pub fn NoticeStack() -> impl IntoView {
    let notices = use_app().notices;
    view! {
        <div class="mk-notices" role="region" aria-label="Notifications">
            <div aria-live="polite" class="mk-notices__live">
                <For each=move || notices.list().get() key=|n| n.id let:notice>
                    {
                        let id = notice.id;
                        let class = match notice.kind {
                            NoticeKind::Success => "mk-notice mk-notice--success",
                            NoticeKind::Info | NoticeKind::Update => "mk-notice mk-notice--info",
                            NoticeKind::Error => "mk-notice mk-notice--error",
                        };
                        let role = if notice.kind == NoticeKind::Error { "alert" } else { "status" };
                        view! {
                            <div class=class role=role>
                                <span class="mk-notice__text">{notice.text.clone()}</span>
                                {notice.action.clone().map(|label| view! {
                                    <button class="mk-button mk-button--small" on:click=move |_| notices.act(id)>
                                        {label}
                                    </button>
                                })}
                                <button class="mk-notice__close" aria-label="Dismiss" on:click=move |_| notices.dismiss(id)>
                                    "×"
                                </button>
                            </div>
                        }
                    }
                </For>
            </div>
        </div>
    }
}
