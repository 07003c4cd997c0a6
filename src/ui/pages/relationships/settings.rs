//! The program's follow-up settings: when check-ins are due, the thresholds of health and
//! the rematch cooldown, each with its range.

use leptos::prelude::*;

use super::forms::submit;
use super::RelUi;
use crate::core::relationships::lifecycle::RelationshipEdit;
use crate::core::relationships::model::{FollowUpSetting, FollowUpSettings};

/// The settings form, folded away until opened.
#[component]
pub(super) fn FollowUpSettingsForm() -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let current = ui.s.program.with_untracked(|p| p.follow_up);
    let values: Vec<(FollowUpSetting, RwSignal<String>)> = FollowUpSetting::ALL
        .into_iter()
        .map(|f| (f, RwSignal::new(f.get(&current).to_string())))
        .collect();
    let error = RwSignal::new(None::<String>);
    let read = values.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut next = FollowUpSettings::default();
        for (f, v) in &read {
            let text = v.get_untracked();
            let (lo, hi) = (f.range().start().to_owned(), f.range().end().to_owned());
            match text.trim().parse::<u16>() {
                Ok(n) if f.range().contains(&n) => f.set(&mut next, n),
                _ => {
                    return error.set(Some(format!(
                        "{}: must be a whole number from {lo} to {hi} (not \u{201c}{}\u{201d}).",
                        f.label(),
                        text.trim()
                    )))
                }
            }
        }
        submit(ui, RelationshipEdit::SetFollowUp(next), error);
    };
    view! {
        <details class="mk-card mk-rel-settings">
            <summary><h2 class="mk-rel-settings__title">"Follow-up settings"</h2></summary>
            <form on:submit=save aria-label="Follow-up settings">
                <p class="mk-hint">"When check-ins are due and when a relationship needs attention or is at risk. Health is worked out again at once."</p>
                <div class="mk-form">
                    {values.into_iter().map(|(f, v)| {
                        let id = format!("rel-setting-{}", f.key());
                        view! {
                            <div class="mk-field">
                                <label for=id.clone()>{f.label()}</label>
                                <input id=id type="number" inputmode="numeric" min=*f.range().start() max=*f.range().end()
                                    prop:value=move || v.get() on:input=move |ev| v.set(event_target_value(&ev))/>
                            </div>
                        }
                    }).collect_view()}
                </div>
                <p class="mk-field__error" role="alert">{move || error.get()}</p>
                <button type="submit" class="mk-button">"Save the settings"</button>
            </form>
        </details>
    }
}
