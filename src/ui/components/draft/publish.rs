//! Who is unmatched and why, and publishing the draft.

use leptos::prelude::*;

use super::DraftUi;
use crate::app::browser::today;
use crate::core::date::Date;
use crate::core::matching::draft::{DraftEdit, DraftSummary};

/// Everyone without a partner this cycle, with the reason.
#[component]
pub(super) fn Unmatched(summary: Memo<DraftSummary>) -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let rows = move || {
        let sentences = summary.with(|x| x.unmatched.iter().take(500).cloned().collect::<Vec<_>>());
        ui.s.program
            .with(|p| sentences.iter().map(|u| u.sentence(p)).collect::<Vec<_>>())
    };
    let count = move || summary.with(|x| x.unmatched.len());
    view! {
        <h3>"Unmatched"</h3>
        <Show when=move || { count() > 0 } fallback=move || view! {
            <p class="mk-hint" data-testid="unmatched">{move || summary.with(|x| if x.mentees == 0 && x.mentors == 0 {
                "Nobody to match yet: the program has no mentees and no mentors.".to_owned()
            } else {
                "Everyone who can be matched has a partner.".to_owned()
            })}</p>
        }>
            <ul class="mk-plain-list" data-testid="unmatched">
                {move || rows().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
            </ul>
            <Show when=move || { count() > 500 }><p class="mk-hint">{move || format!("The first 500 of {} are listed.", count())}</p></Show>
        </Show>
    }
}

/// Publishes the draft as active relationships from a start date, after a confirmation.
#[component]
pub(super) fn Publish(summary: Memo<DraftSummary>) -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let date = RwSignal::new(today().map_or_else(String::new, |d| d.to_string()));
    let error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let drafts = move || summary.with(|x| x.draft_pairs);
    let parsed = move || date.with(|d| d.trim().parse::<Date>());
    view! {
        <h3>"Publish"</h3>
        <div class="mk-inline-form">
            <label for="publish-date">"Relationships start on"</label>
            <input id="publish-date" type="date" min="1000-01-01" max="9999-12-31" aria-describedby="publish-error"
                prop:value=move || date.get()
                on:change=move |ev| { date.set(event_target_value(&ev)); error.set(None); confirming.set(false); }/>
            <button class="mk-button mk-button--primary" data-testid="publish"
                disabled=move || drafts() == 0
                on:click=move |_| match parsed() {
                    Ok(_) => confirming.set(true),
                    Err(e) => error.set(Some(format!("The start date: {e}."))),
                }>
                {move || format!("Publish {} draft pair(s)\u{2026}", drafts())}
            </button>
        </div>
        <p id="publish-error" class="mk-field__error" role="alert">{move || error.get()}</p>
        <Show when=move || confirming.get()>
            <div class="mk-banner mk-banner--info" role="alertdialog" aria-labelledby="publish-confirm-text">
                <p id="publish-confirm-text">{move || format!(
                    "Publish {} pair(s) as active relationships starting on {}? They leave the draft.",
                    drafts(), date.get()
                )}</p>
                <div class="mk-actions">
                    <button class="mk-button mk-button--primary" data-testid="confirm-publish" on:click=move |_| {
                        if let Ok(start) = parsed() {
                            if ui.edit(DraftEdit::Publish { start }) { confirming.set(false); }
                        }
                    }>"Publish"</button>
                    <button class="mk-button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
            </div>
        </Show>
    }
}
