//! Who to ask for a check-in this week, with their e-mail addresses to copy into an
//! e-mail (MentorKit sends nothing itself: no server).

use leptos::prelude::*;

use super::RelUi;
use crate::core::relationships::summary::{ask_emails, to_ask};

/// How many of the list are shown (the addresses always cover everyone).
const SHOWN: usize = 10;

/// The "who to ask this week" panel.
#[component]
pub(super) fn AskThisWeek() -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let asks = Memo::new(move |_| ui.s.program.with(|p| to_ask(p, ui.as_of)));
    let emails = Memo::new(move |_| ui.s.program.with(|p| asks.with(|a| ask_emails(p, a))));
    let copied = RwSignal::new(None::<bool>);
    let lines = move || {
        ui.s.program.with(|p| {
            asks.with(|list| {
                list.iter()
                    .take(SHOWN)
                    .map(|a| {
                        let m = &p.matches[a.index];
                        let when = if a.overdue {
                            format!("overdue since {}", a.due.long())
                        } else {
                            format!("due {}", a.due.long())
                        };
                        (
                            a.overdue,
                            format!(
                                "{} and {}: {when}",
                                p.name_of(&m.mentee),
                                p.name_of(&m.mentor)
                            ),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let copy = move |_| {
        let text = emails.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = crate::app::browser::copy_text(text).await.is_ok();
            copied.try_set(Some(ok));
        });
    };
    view! {
        <details class="mk-card mk-rel-ask" open=move || asks.with(|a| !a.is_empty())>
            <summary><h2 class="mk-rel-ask__title">{move || match asks.with(Vec::len) {
                0 => "Who to ask for a check-in this week: nobody".to_owned(),
                n => format!("Who to ask for a check-in this week: {n} relationship(s)"),
            }}</h2></summary>
            <Show when=move || asks.with(|a| !a.is_empty()) fallback=|| view! {
                <p class="mk-hint">"No check-in is due in the next seven days and none is overdue."</p>
            }>
                <ul class="mk-plain-list" data-testid="ask-list">
                    {move || lines().into_iter().map(|(overdue, text)| view! {
                        <li>{overdue.then_some(view! { <strong>"Overdue: "</strong> })}{text}</li>
                    }).collect_view()}
                </ul>
                <Show when=move || asks.with(|a| a.len() > SHOWN)>
                    <p class="mk-hint">{move || format!("The first {SHOWN} of {} are listed; the addresses cover all of them.", asks.with(Vec::len))}</p>
                </Show>
                <div class="mk-field">
                    <label for="rel-ask-emails">"Their e-mail addresses (mentors and mentees)"</label>
                    <textarea id="rel-ask-emails" readonly rows="3" prop:value=move || emails.get()></textarea>
                </div>
                <div class="mk-actions">
                    <button type="button" class="mk-button" id="rel-ask-copy" on:click=copy>"Copy e-mail addresses"</button>
                    <span role="status" class="mk-hint">{move || match copied.get() {
                        Some(true) => "Copied: paste them into your e-mail's recipients.",
                        Some(false) => "This browser does not allow copying here: select the addresses above and copy them.",
                        None => "",
                    }}</span>
                </div>
            </Show>
        </details>
    }
}
