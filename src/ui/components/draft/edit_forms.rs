//! Forms that make a new pair or move a mentee: the score change is shown before
//! confirming, and a pair a rule excludes needs an explicit "allow".

use leptos::prelude::*;

use super::DraftUi;
use crate::app::session::sentence;
use crate::core::matching::draft::{self, describe_preview, DraftEdit, DraftWarning};
use crate::core::model::PersonId;
use crate::core::people::{mentors_with_places, possible_mentees};
use crate::ui::components::pickers::PersonSelect;

/// The preview of an edit and its confirmation.
#[component]
fn ConfirmEdit(
    /// The edit to make (with `allow_excluded` set by this component), if complete.
    #[prop(into)]
    edit: Signal<Option<DraftEdit>>,
    /// What the confirm button says.
    confirm: &'static str,
    /// Called after the edit was made.
    done: Callback<()>,
) -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let allow = RwSignal::new(false);
    let preview = move || {
        edit.get().map(|e| {
            ui.s.program.with(|p| {
                draft::preview(p, &e).map(|pv| {
                    let rules = pv
                        .warnings
                        .iter()
                        .filter_map(|w| match w {
                            DraftWarning::Excluded { reasons, .. } => Some(
                                reasons
                                    .iter()
                                    .map(|r| r.rule().label())
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            ),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    (describe_preview(p, &pv), pv.needs_confirmation(), rules)
                })
            })
        })
    };
    move || {
        match preview() {
        None => ().into_any(),
        Some(Err(e)) => view! { <p class="mk-field__error" role="alert">{sentence(&e.to_string())}</p> }.into_any(),
        Some(Ok((text, needs, rules))) => view! {
            <p class="mk-delta" role="status" data-testid="edit-preview">{text}</p>
            {needs.then(|| view! {
                <label class="mk-check">
                    <input type="checkbox" prop:checked=move || allow.get() on:change=move |ev| allow.set(event_target_checked(&ev))/>
                    {format!("Allow although excluded by {rules}")}
                </label>
            })}
            <button class="mk-button mk-button--primary mk-button--small"
                disabled=move || needs && !allow.get()
                on:click=move |_| {
                    if let Some(e) = edit.get_untracked() {
                        if ui.edit(e.allowing_excluded(allow.get_untracked())) {
                            allow.set(false);
                            done.run(());
                        }
                    }
                }>{confirm}</button>
        }
        .into_any(),
    }
    }
}

/// Moves a mentee to another mentor.
#[component]
pub(super) fn MoveForm(mentee: PersonId, current: PersonId, open: RwSignal<bool>) -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let to = RwSignal::new(None::<PersonId>);
    let options = ui.s.program.with_untracked(mentors_with_places);
    // Keyboard users land in the form they opened.
    let select_ref = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(el) = select_ref.get() {
            let _ = el.focus();
        }
    });
    let select_id = format!("move-{mentee}");
    let edit = Signal::derive(move || {
        to.get().map(|to_mentor| DraftEdit::Move {
            mentee: mentee.clone(),
            to_mentor,
            allow_excluded: false,
        })
    });
    view! {
        <div class="mk-inline-form mk-move">
            <PersonSelect id=select_id label="New mentor" placeholder="Choose a mentor\u{2026}"
                options=Signal::stored(options) except=current node_ref=select_ref
                on_pick=Callback::new(move |id| to.set(id))/>
            <ConfirmEdit edit=edit confirm="Move" done=Callback::new(move |_| open.set(false))/>
            <button class="mk-button mk-button--small" on:click=move |_| open.set(false)>"Cancel"</button>
        </div>
    }
}

/// Makes a pair the coordinator chose.
#[component]
pub(super) fn MatchByHand() -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let mentee = RwSignal::new(None::<PersonId>);
    let mentor = RwSignal::new(None::<PersonId>);
    let mentees = Signal::derive(move || ui.s.program.with(possible_mentees));
    let mentors = Signal::derive(move || ui.s.program.with(mentors_with_places));
    let edit = Signal::derive(move || match (mentee.get(), mentor.get()) {
        (Some(mentee), Some(mentor)) => Some(DraftEdit::MatchByHand {
            mentor,
            mentee,
            allow_excluded: false,
        }),
        _ => None,
    });
    view! {
        <details class="mk-by-hand">
            <summary>"Match by hand"</summary>
            <div class="mk-inline-form">
                <PersonSelect id="hand-mentee".to_owned() label="Mentee" placeholder="Choose a mentee\u{2026}"
                    options=mentees on_pick=Callback::new(move |id| mentee.set(id))/>
                <PersonSelect id="hand-mentor".to_owned() label="Mentor" placeholder="Choose a mentor\u{2026}"
                    options=mentors on_pick=Callback::new(move |id| mentor.set(id))/>
            </div>
            <ConfirmEdit edit=edit confirm="Match them" done=Callback::new(|_| ())/>
        </details>
    }
}
