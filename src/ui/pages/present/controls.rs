//! The presenter's controls, shared by both layouts: the reveal buttons, the name and
//! display settings, the audience window and the rehearsal. The laptop layout lays them
//! out around the stage ([`PresenterActions`], [`RevealBar`]); the stage-first layout puts
//! the same controls in its strip (see `strip.rs`).

use leptos::prelude::*;

use super::presenter::Presenter;
use crate::app::route::{Route, Section};
use crate::core::model::NameDisplay;
use crate::core::program::setup::SetupEdit;
use crate::core::workshop::Deck;
use crate::ui::components::save_indicator::SaveIndicator;

/// Back, Reveal next, Reveal all and where the reveal is (or the rehearsal, while one runs).
#[component]
pub(super) fn RevealButtons(p: Presenter) -> impl IntoView {
    let position = move || {
        let last = p.deck.with(Deck::last_step);
        let step = p.shown_step().min(last);
        let at = if step == 0 {
            "Title".to_owned()
        } else if step == last {
            "Summary".to_owned()
        } else {
            format!("Pair {step} of {}", last - 1)
        };
        if p.rehearsal.with(Option::is_some) {
            format!("Rehearsal: {at}")
        } else {
            at
        }
    };
    view! {
        <button class="mk-button" on:click=move |_| p.back()
            disabled=move || p.shown_step() == 0>"\u{2190} Back"</button>
        <button class="mk-button mk-button--primary" data-testid="reveal-next" on:click=move |_| p.next()
            disabled=move || { p.shown_step() >= p.deck.with(Deck::last_step) }>"Reveal next \u{2192}"</button>
        <button class="mk-button" data-testid="reveal-all" on:click=move |_| p.reveal_all()>"Reveal all"</button>
        <span class="mk-present__pos" data-testid="present-position">{position}</span>
    }
}

/// First names or pseudonyms on screen (a program setting).
#[component]
pub(super) fn NamesSetting(p: Presenter) -> impl IntoView {
    let s = p.s;
    view! {
        <fieldset class="mk-present__names">
            <legend>"Names on screen"</legend>
            {NameDisplay::ALL.into_iter().map(|n| {
                let id = format!("names-{}", n.key());
                view! {
                    <span class="mk-radio">
                        <input type="radio" name="workshop-names" id=id.clone()
                            prop:checked=move || s.program.with(|x| x.workshop.names == n)
                            on:change=move |_| { let _ = s.commit(SetupEdit::SetWorkshopNames(n)); }/>
                        <label for=id>{n.label()}</label>
                    </span>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Full screen, and the mirrored-display setting (a program setting): either one shows the
/// stage first.
#[component]
pub(super) fn DisplaySettings(
    p: Presenter,
    /// The short label (in the strip, where the setting is on).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let mirrored = move || p.s.program.with(|x| x.workshop.mirrored);
    let label = if compact {
        "Mirrored display"
    } else {
        "Mirrored display (the room sees this screen)"
    };
    view! {
        <button class="mk-button" id="present-fullscreen" aria-pressed=move || p.fullscreen.get().to_string()
            on:click=move |_| p.toggle_fullscreen()>
            {move || if p.fullscreen.get() { "Leave full screen (F)" } else { "Full screen (F)" }}
        </button>
        <span class="mk-check mk-present__mirrored">
            <input type="checkbox" id="present-mirrored" prop:checked=mirrored
                on:change=move |ev| {
                    p.set_mirrored(event_target_checked(&ev));
                    // The page changes layout and this checkbox with it: keep the focus on it.
                    request_animation_frame(|| crate::app::browser::focus_element("present-mirrored"));
                }/>
            <label for="present-mirrored">{label}</label>
        </span>
    }
}

/// Opens the audience window.
#[component]
pub(super) fn AudienceButton(p: Presenter) -> impl IntoView {
    view! {
        <button class="mk-button mk-button--primary" data-testid="open-audience"
            on:click=move |_| p.open_audience()>"Open audience window"</button>
    }
}

/// Starts a rehearsal (hidden while one runs: its panel ends it).
#[component]
pub(super) fn RehearseButton(
    p: Presenter,
    /// Also run when the rehearsal starts (the strip closes its panel).
    #[prop(optional)]
    on_start: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <Show when=move || p.rehearsal.with(Option::is_none)>
            <button class="mk-button" data-testid="rehearse" on:click=move |_| {
                p.start_rehearsal();
                if let Some(f) = on_start {
                    f.run(());
                }
            }>
                "Rehearse\u{2026}"
            </button>
        </Show>
    }
}

/// Back to the Matching page.
#[component]
pub(super) fn LeaveLink(p: Presenter) -> impl IntoView {
    let leave = Route::Program {
        id: p.s.program.with_untracked(|x| x.id.clone()),
        section: Section::Matching,
    }
    .to_string();
    view! { <a class="mk-button" href=leave data-testid="leave-present">"Leave projector mode"</a> }
}

/// The laptop layout's actions, next to the page title.
#[component]
pub(super) fn PresenterActions(p: Presenter) -> impl IntoView {
    view! {
        <div class="mk-actions">
            <SaveIndicator state=p.s.save_state/>
            <LeaveLink p=p/>
            <RehearseButton p=p/>
            <DisplaySettings p=p/>
            <AudienceButton p=p/>
        </div>
    }
}

/// The laptop layout's reveal controls and the name setting.
#[component]
pub(super) fn RevealBar(p: Presenter) -> impl IntoView {
    view! {
        <div class="mk-present__bar" role="group" aria-label="Reveal">
            <RevealButtons p=p/>
            <NamesSetting p=p/>
        </div>
    }
}
