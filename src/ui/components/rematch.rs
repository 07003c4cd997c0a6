//! The rematch queue on the Matching page: mentees whose relationship ended early and
//! who wait for a new mentor, with when a run may match them again.

use leptos::prelude::*;

use crate::app::browser::today;
use crate::app::notices::NoticeKind;
use crate::app::session::use_session;
use crate::core::date::Date;
use crate::core::model::PersonId;
use crate::core::relationships::lifecycle::RelationshipEdit;

/// The queue, shown while it has anyone in it.
#[component]
pub fn RematchQueue() -> impl IntoView {
    let s = use_session();
    let as_of = today().unwrap_or(Date::MIN);
    let entries = Memo::new(move |_| {
        s.program.with(|p| {
            p.rematch
                .iter()
                .map(|r| {
                    let freed = p.name_of(&r.mentor);
                    let when = if r.available_from > as_of {
                        format!("runs match them from {}", r.available_from.long())
                    } else {
                        "ready for a new mentor".to_owned()
                    };
                    (
                        r.mentee.clone(),
                        p.name_of(&r.mentee),
                        format!("ended with {freed}; {when}"),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let leave = move |id: PersonId| {
        if let Ok(done) = s.commit(RelationshipEdit::LeaveQueue(id)) {
            s.notify_with_undo(NoticeKind::Success, format!("{}.", done.label), done.step);
        }
    };
    view! {
        <Show when=move || entries.with(|e| !e.is_empty())>
            <section class="mk-card mk-card--wide" aria-labelledby="rematch-title" data-testid="rematch-queue">
                <h2 id="rematch-title">{move || format!("Rematch queue: {}", entries.with(Vec::len))}</h2>
                <p class="mk-hint">
                    "Run matching below: every running relationship is kept, so only these mentees (after their cooldown) "
                    "and anyone unmatched get partners, never their former mentor. Then publish the new pairs."
                </p>
                <ul class="mk-plain-list">
                    {move || entries.get().into_iter().map(|(id, name, text)| {
                        let label = format!("Take {name} out of the queue");
                        view! {
                            <li>
                                <strong>{name}</strong>" \u{b7} "{text}" "
                                <button type="button" class="mk-button mk-button--small" aria-label=label
                                    on:click=move |_| leave(id.clone())>"Take out of the queue"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
