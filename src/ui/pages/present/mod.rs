//! Workshop (projector) mode, the presenter's window (issue #5): reveal the draft's pairs
//! one at a time, open an audience window for the projector, and edit the draft on stage
//! (swap, move, lock, re-run around the locks, undo/redo) with the score deltas live on
//! both windows.
//!
//! Two layouts (issue 15). On the laptop's own screen (an extended display, with the
//! audience window on the projector) the page shows the controls around the stage, with
//! the presenter's details of the selected pair. In full screen, or when the program's
//! "mirrored display" setting says the room sees this very screen, the page shows the stage
//! first, sized to the screen as the audience window shows it, with a slim control strip
//! that hides when idle; the keys work the same, and nothing only the presenter should see
//! (full names, e-mails, notes) is on screen. A rehearsal steps through the slides on this
//! screen alone, timed, without changing the draft.
//!
//! Every edit goes through the program page's [`Session`](crate::app::session::Session)
//! and the program's one undo history, the same as the Matching page, so leaving (or closing either
//! window) never loses anything: autosave has it, and undo still works on the Matching
//! page. The audience window gets only the redacted stage (see [`crate::core::workshop`]).
//!
//! Files: `presenter.rs` (state and actions), `rerun.rs`, `keys.rs`, `controls.rs`, `strip.rs` (the
//! stage-first strip), `whatif.rs`, `rehearse.rs`, `sync.rs` (the audience channel).

mod controls;
mod keys;
mod presenter;
mod rehearse;
mod rerun;
mod strip;
mod sync;
mod whatif;

use leptos::prelude::*;

use crate::app::session::use_session;
use crate::app::use_app;
use crate::app::workshop::{audience_url, exit_fullscreen, is_fullscreen, set_projector_theme};
use crate::core::matching::draft::{self, DraftEdit, Preview};
use crate::core::model::PersonId;
use crate::core::workshop::{
    build_deck, ChangeView, Rehearsal, StageState, DEFAULT_SECONDS_PER_PAIR,
};
use crate::ui::components::stage::Stage;
use controls::{PresenterActions, RevealBar};
use keys::KeyHelp;
use presenter::Presenter;
use rehearse::RehearsePanel;
use rerun::RunSlot;
use strip::StageStrip;
use whatif::{PresenterDetails, WhatIf};

/// The presenter's page (`#/program/<id>/present`).
#[component]
pub fn PresenterSection() -> impl IntoView {
    let s = use_session();
    let app = use_app();
    let id = s.program.with_untracked(|p| p.id.clone());
    set_projector_theme(true);
    on_cleanup(|| {
        set_projector_theme(false);
        exit_fullscreen();
    });

    let deck = Memo::new(move |_| s.program.with(build_deck));
    let step = RwSignal::new(0usize);
    let selected = RwSignal::new(None::<usize>);
    let picked = RwSignal::new(None::<usize>);
    let moving = RwSignal::new(false);
    let move_to = RwSignal::new(None::<PersonId>);
    let allow = RwSignal::new(false);
    let last = RwSignal::new(None::<(ChangeView, Preview)>);
    let pending = Memo::new(move |_| {
        let shown = deck.with(|d| d.revealed_count(step.get()));
        let sel = selected.get().filter(|&k| k < shown)?;
        let allow_excluded = allow.get();
        deck.with(|d| {
            if let Some(a) = picked.get().filter(|&a| a < shown && a != sel) {
                Some(DraftEdit::Swap {
                    a: d.match_ids[a].clone(),
                    b: d.match_ids[sel].clone(),
                    allow_excluded,
                })
            } else if moving.get() {
                move_to.get().map(|to_mentor| DraftEdit::Move {
                    mentee: d.mentees[sel].clone(),
                    to_mentor,
                    allow_excluded,
                })
            } else {
                None
            }
        })
    });
    let preview = Memo::new(move |_| {
        let edit = pending.get()?;
        let result = s.program.with(|p| draft::preview(p, &edit));
        Some(match result {
            Ok(pv) => Ok((
                deck.with(|d| d.change_view(d.edit_label(&edit), &pv, false)),
                pv,
            )),
            Err(e) => Err(crate::app::session::sentence(&e.to_string())),
        })
    });
    let fullscreen = RwSignal::new(is_fullscreen());
    let stage_first =
        Memo::new(move |_| fullscreen.get() || s.program.with(|x| x.workshop.mirrored));
    let p = Presenter {
        app,
        s,
        deck,
        step,
        selected,
        picked,
        moving,
        move_to,
        allow,
        last,
        pending,
        preview,
        running: RwSignal::new(false),
        fullscreen,
        stage_first,
        rehearsal: RwSignal::new(None),
        planned_pace: RwSignal::new(DEFAULT_SECONDS_PER_PAIR),
        popup_blocked: RwSignal::new(false),
    };
    let run_slot: RunSlot = StoredValue::new_local(None);
    on_cleanup(move || run_slot.try_update_value(|w| *w = None).unwrap_or(()));

    // What both windows show.
    let stage = Memo::new(move |_| {
        let state = StageState {
            step: step.get(),
            selected: selected.get(),
            picked: picked.get(),
        };
        let previewed = preview.with(|x| match x {
            Some(Ok(change)) => Some(change.clone()),
            _ => None,
        });
        let change = previewed.or_else(|| last.get());
        deck.with(|d| d.stage_view(&state, change.as_ref().map(|(c, pv)| (c, pv))))
    });
    // What this page shows: the rehearsal's slide while one runs (never sent).
    let screen = Memo::new(
        move |_| match p.rehearsal.with(|r| r.as_ref().map(Rehearsal::step)) {
            Some(step) => deck.with(|d| {
                let state = StageState {
                    step,
                    ..StageState::default()
                };
                d.stage_view(&state, None)
            }),
            None => stage.get(),
        },
    );
    let channel_error = sync::connect(&id, stage);

    let fs_listener = window_event_listener_untyped("fullscreenchange", move |_| {
        fullscreen.try_set(is_fullscreen());
    });
    on_cleanup(move || fs_listener.remove());
    keys::listen(p, run_slot);
    // Switching layouts removes the control that had the focus: land on the page rather
    // than nowhere, so Tab goes on from there. And the room may see a stage-first screen:
    // notices left by the laptop's pages (which may name people in full) go.
    Effect::new(move |was: Option<bool>| {
        let now = stage_first.get();
        if was.is_some_and(|w| w != now) {
            request_animation_frame(presenter::refocus_if_lost);
        }
        if now && was != Some(true) {
            for notice in app.notices.list().get_untracked() {
                app.notices.dismiss(notice.id);
            }
        }
        now
    });

    let audience_link = audience_url(&id);
    let title = move || s.program.with(|x| x.name.clone());
    let rehearsing = move || p.rehearsal.with(Option::is_some);

    view! {
        <main id="main" class="mk-present" class:mk-present--stage=move || stage_first.get() tabindex="-1">
            <div class="mk-present__head" class:mk-visually-hidden=move || stage_first.get()>
                <h1 class="mk-present__title">{move || format!("Workshop: {}", title())}</h1>
                <Show when=move || !stage_first.get()>
                    <PresenterActions p=p/>
                </Show>
            </div>
            {move || channel_error.get().map(|e| view! { <p class="mk-banner mk-banner--warning" role="alert">{e}</p> })}
            <Show when=move || p.popup_blocked.get()>
                <p class="mk-banner mk-banner--warning" role="alert">
                    "The browser blocked the audience window. Open this link in a new window and move it to the projector: "
                    <a href=audience_link.clone() target="_blank" rel="noopener">"audience window"</a>
                </p>
            </Show>
            <Show when=rehearsing>
                <RehearsePanel p=p/>
            </Show>
            <Show when=move || !stage_first.get()>
                <RevealBar p=p/>
            </Show>
            <Stage view=Signal::derive(move || Some(screen.get())) fit=stage_first/>
            {move || if stage_first.get() {
                view! { <StageStrip p=p run_slot=run_slot/> }.into_any()
            } else {
                view! {
                    <Show when=move || !rehearsing()>
                        <WhatIf p=p run_slot=run_slot/>
                        <PresenterDetails p=p/>
                    </Show>
                    <KeyHelp/>
                }.into_any()
            }}
        </main>
    }
}
