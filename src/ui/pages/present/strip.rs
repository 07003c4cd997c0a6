//! The stage-first layout's control strip (issue 15): one slim row at the bottom of the
//! screen with the reveal buttons, the display settings and two panels, "What if" (the
//! edits) and "More" (names, audience window, rehearsal, keys). It hides when idle (see
//! [`ControlStrip`]); while a panel is open it stays, below the stage rather than over it.
//!
//! The "What if" panel opens by itself when the move form is open or a preview needs an
//! answer (a rule to override, an error to read), since the keys alone cannot finish those.

use leptos::prelude::*;

use super::controls::{
    AudienceButton, DisplaySettings, LeaveLink, NamesSetting, RehearseButton, RevealButtons,
};
use super::keys::KeyHelp;
use super::presenter::Presenter;
use super::rerun::RunSlot;
use super::whatif::WhatIf;
use crate::ui::components::control_strip::ControlStrip;
use crate::ui::components::save_indicator::SaveIndicator;

/// The strip's panels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Panel {
    WhatIf,
    More,
}

/// The strip of the stage-first layout.
#[component]
pub(super) fn StageStrip(p: Presenter, run_slot: RunSlot) -> impl IntoView {
    let panel = RwSignal::new(None::<Panel>);
    let rehearsing = move || p.rehearsal.with(Option::is_some);
    // The keys started something only the panel can finish.
    let needs_answer = move || {
        p.moving.get()
            || p.preview.with(|x| match x {
                Some(Err(_)) => true,
                Some(Ok((_, pv))) => pv.needs_confirmation(),
                None => false,
            })
    };
    let whatif_open =
        Memo::new(move |_| !rehearsing() && (panel.get() == Some(Panel::WhatIf) || needs_answer()));
    let more_open = Memo::new(move |_| panel.get() == Some(Panel::More));
    let hold = Signal::derive(move || whatif_open.get() || more_open.get());
    let toggle = move |which: Panel| {
        panel.update(|x| *x = if *x == Some(which) { None } else { Some(which) });
    };
    view! {
        <ControlStrip label="Presenter controls" hold=hold>
            <Show when=move || whatif_open.get()>
                <div class="mk-strip__panel" data-testid="strip-whatif">
                    <WhatIf p=p run_slot=run_slot/>
                </div>
            </Show>
            <Show when=move || more_open.get()>
                <div class="mk-strip__panel" data-testid="strip-more">
                    <MorePanel p=p on_rehearse=Callback::new(move |()| panel.set(None))/>
                </div>
            </Show>
            <div class="mk-strip__row">
                <div class="mk-strip__group" role="group" aria-label="Reveal">
                    <RevealButtons p=p/>
                </div>
                <div class="mk-strip__group">
                    <button class="mk-button" data-testid="strip-whatif-toggle"
                        aria-expanded=move || whatif_open.get().to_string()
                        disabled=rehearsing
                        on:click=move |_| toggle(Panel::WhatIf)>"What if\u{2026}"</button>
                    <button class="mk-button" data-testid="strip-more-toggle"
                        aria-expanded=move || more_open.get().to_string()
                        on:click=move |_| toggle(Panel::More)>"More\u{2026}"</button>
                </div>
                <div class="mk-strip__group">
                    <SaveIndicator state=p.s.save_state/>
                    <DisplaySettings p=p compact=true/>
                    <LeaveLink p=p/>
                </div>
            </div>
        </ControlStrip>
    }
}

/// Names on screen, the audience window, the rehearsal and the keys.
#[component]
fn MorePanel(
    p: Presenter,
    /// Run when a rehearsal starts from here.
    on_rehearse: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="mk-strip__more">
            <NamesSetting p=p/>
            <div class="mk-actions">
                <RehearseButton p=p on_start=on_rehearse/>
                <AudienceButton p=p/>
            </div>
            <KeyHelp/>
        </div>
    }
}
