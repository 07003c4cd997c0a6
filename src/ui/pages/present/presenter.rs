//! The presenter's state and what its controls and keys do: reveal, select, the what-if
//! edits (swap, move, lock, undo/redo, re-run around the locks), full screen, the
//! mirrored-display setting and the rehearsal.
//!
//! Every edit is committed through the program page's [`Session`], into the program's one
//! undo history, the same as the Matching page. While a rehearsal runs, the reveal controls move the
//! rehearsal instead of the live stage, and the edits are refused: a rehearsal never
//! changes the draft.

use leptos::prelude::*;

use crate::app::session::sentence;
use crate::app::session::Session;
use crate::app::workshop::{open_audience, toggle_fullscreen};
use crate::app::AppContext;
use crate::core::matching::draft::{DraftEdit, Preview};
use crate::core::model::PersonId;
use crate::core::program::setup::SetupEdit;
use crate::core::workshop::{ChangeView, Deck, Rehearsal};

/// When the focused control went away with the layout or a form, puts the focus on the
/// page, so that Tab goes on from there rather than from the start of the document.
pub(super) fn refocus_if_lost() {
    let lost = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
    if lost {
        crate::app::browser::focus_element("main");
    }
}

/// The presenter's state, shared by the controls.
#[derive(Clone, Copy)]
pub(super) struct Presenter {
    /// Captured at creation: handlers run outside the component's owner.
    pub app: AppContext,
    pub s: Session,
    pub deck: Memo<Deck>,
    pub step: RwSignal<usize>,
    pub selected: RwSignal<Option<usize>>,
    pub picked: RwSignal<Option<usize>>,
    /// The move form is open (for the selected pair).
    pub moving: RwSignal<bool>,
    /// The mentor chosen in the move form.
    pub move_to: RwSignal<Option<PersonId>>,
    /// The coordinator allows a pair a rule excludes.
    pub allow: RwSignal<bool>,
    /// The last edit made here, shown until the next one (or an undo).
    pub last: RwSignal<Option<(ChangeView, Preview)>>,
    /// The edit being previewed, if complete.
    pub pending: Memo<Option<DraftEdit>>,
    /// Its preview: the change as shown, whether it needs confirming, or why it cannot be.
    pub preview: Memo<Option<Result<(ChangeView, Preview), String>>>,
    pub running: RwSignal<bool>,
    /// The page is in full screen.
    pub fullscreen: RwSignal<bool>,
    /// The page shows the stage first (full screen, or the mirrored-display setting).
    pub stage_first: Memo<bool>,
    /// The rehearsal, while one runs.
    pub rehearsal: RwSignal<Option<Rehearsal>>,
    /// The planned reveal pace (seconds per pair) for the rehearsal's estimate.
    pub planned_pace: RwSignal<u32>,
    /// The browser blocked the audience window.
    pub popup_blocked: RwSignal<bool>,
}

impl Presenter {
    /// The selected pair, if revealed.
    fn selected_index(&self) -> Option<usize> {
        let shown = self
            .deck
            .with_untracked(|d| d.revealed_count(self.step.get_untracked()));
        self.selected.get_untracked().filter(|&k| k < shown)
    }

    /// The step this page shows: the rehearsal's while one runs, else the live one.
    pub fn shown_step(&self) -> usize {
        self.rehearsal
            .with(|r| r.as_ref().map(Rehearsal::step))
            .unwrap_or_else(|| self.step.get())
    }

    fn rehearsing(&self) -> bool {
        self.rehearsal.with_untracked(Option::is_some)
    }

    /// Moves the rehearsal, if one runs (then `true`).
    fn rehearse(&self, f: impl FnOnce(&mut Rehearsal, f64)) -> bool {
        if !self.rehearsing() {
            return false;
        }
        let now = js_sys::Date::now();
        self.rehearsal.update(|r| {
            if let Some(r) = r {
                f(r, now);
            }
        });
        true
    }

    /// Whether the draft may be edited now; says why not during a rehearsal.
    pub fn editable(&self) -> bool {
        if self.rehearsing() {
            self.app.notices.info(
                "This is a rehearsal: the draft cannot be changed. End the rehearsal to edit it.",
            );
            return false;
        }
        true
    }

    pub fn next(&self) {
        if self.rehearse(Rehearsal::next) {
            return;
        }
        let last = self.deck.with_untracked(Deck::last_step);
        let step = (self.step.get_untracked() + 1).min(last);
        self.step.set(step);
        if step < last {
            self.selected.set(step.checked_sub(1));
        }
    }

    pub fn back(&self) {
        if self.rehearse(Rehearsal::back) {
            return;
        }
        let step = self.step.get_untracked().saturating_sub(1);
        self.step.set(step);
        self.selected.update(|s| *s = s.filter(|&k| k < step));
        self.picked.update(|s| *s = s.filter(|&k| k < step));
    }

    pub fn reveal_all(&self) {
        if self.rehearse(Rehearsal::end) {
            return;
        }
        self.step.set(self.deck.with_untracked(Deck::last_step));
    }

    /// Back to the title slide.
    pub fn home(&self) {
        if !self.rehearse(|r, now| r.go_to(0, now)) {
            self.step.set(0);
        }
    }

    pub fn select_by(&self, delta: isize) {
        if !self.editable() {
            return;
        }
        let shown = self
            .deck
            .with_untracked(|d| d.revealed_count(self.step.get_untracked()));
        if shown == 0 {
            self.app
                .notices
                .info("Reveal a pair first (\u{2192} or Space).");
            return;
        }
        let next = match self.selected_index() {
            None if delta < 0 => shown - 1,
            None => 0,
            Some(k) => (k as isize + delta).clamp(0, shown as isize - 1) as usize,
        };
        self.selected.set(Some(next));
    }

    /// Picks the selected pair as one side of a swap (again: unpicks it).
    pub fn pick(&self) {
        if !self.editable() {
            return;
        }
        let Some(k) = self.selected_index() else {
            self.app
                .notices
                .info("Select a revealed pair first (\u{2191}/\u{2193}).");
            return;
        };
        self.moving.set(false);
        self.allow.set(false);
        self.picked
            .update(|p| *p = if *p == Some(k) { None } else { Some(k) });
    }

    pub fn open_move(&self) {
        if !self.editable() {
            return;
        }
        if self.selected_index().is_none() {
            self.app
                .notices
                .info("Select a revealed pair first (\u{2191}/\u{2193}).");
            return;
        }
        self.picked.set(None);
        self.allow.set(false);
        self.move_to.set(None);
        self.moving.set(true);
        request_animation_frame(|| crate::app::browser::focus_element("present-move-to"));
    }

    pub fn cancel(&self) -> bool {
        if self.moving.get_untracked() {
            // The move form (and its focused list) goes away.
            request_animation_frame(refocus_if_lost);
        }
        let had = self.picked.get_untracked().is_some() || self.moving.get_untracked();
        self.picked.set(None);
        self.moving.set(false);
        self.move_to.set(None);
        self.allow.set(false);
        had
    }

    /// Makes an edit through the shared history; shows its deltas on stage.
    fn apply(&self, edit: &DraftEdit) -> bool {
        let app = self.app;
        let label = self.deck.with_untracked(|d| d.edit_label(edit));
        match self.s.commit(edit.clone()) {
            Ok(done) => {
                let preview = done.report;
                let change = self
                    .deck
                    .with_untracked(|d| d.change_view(label.clone(), &preview, true));
                app.notices.success(format!(
                    "{label} (cohort total {}).",
                    crate::core::matching::draft::signed(preview.total_delta())
                ));
                self.last.set(Some((change, preview)));
                true
            }
            // The session said why.
            Err(_) => false,
        }
    }

    /// Confirms the previewed swap or move.
    pub fn confirm(&self) {
        if !self.editable() {
            return;
        }
        let app = self.app;
        let Some(edit) = self.pending.get_untracked() else {
            app.notices.info(
                "Nothing to confirm: pick a pair with S and select another, or press M to move a mentee.",
            );
            return;
        };
        match self.preview.get_untracked() {
            Some(Err(e)) => app.notices.error(e),
            Some(Ok((_, pv))) if pv.needs_confirmation() && !self.allow.get_untracked() => {
                app.notices.error(
                    "A matching rule excludes this pair: tick \u{201c}Allow although a rule excludes it\u{201d} to confirm.",
                );
            }
            _ => {
                if self.apply(&edit) {
                    self.cancel();
                }
            }
        }
    }

    pub fn toggle_lock(&self) {
        if !self.editable() {
            return;
        }
        let Some(k) = self.selected_index() else {
            self.app
                .notices
                .info("Select a revealed pair first (\u{2191}/\u{2193}).");
            return;
        };
        let edit = self.deck.with_untracked(|d| {
            let id = d.match_ids[k].clone();
            if d.pairs[k].locked {
                DraftEdit::Unlock(id)
            } else {
                DraftEdit::Lock(id)
            }
        });
        self.apply(&edit);
    }

    /// A draft-history label (it names people in full) as this screen may show it: with
    /// the stage's names on a stage-first screen the room may see. Tracks what it reads.
    pub fn history_label(&self, label: String) -> String {
        if self.stage_first.get() {
            self.s
                .program
                .with(|x| self.deck.with(|d| d.stage_label(x, &label)))
        } else {
            label
        }
    }

    pub fn undo(&self) {
        self.step_history(false);
    }

    pub fn redo(&self) {
        self.step_history(true);
    }

    /// Undo (or redo) the program's last change from the stage, with its label as a notice.
    fn step_history(&self, redo: bool) {
        if !self.editable() {
            return;
        }
        let app = self.app;
        self.cancel();
        let (done, verb) = if redo {
            (self.s.redo(), "redo")
        } else {
            (self.s.undo(), "undo")
        };
        match done {
            Some(label) => {
                self.last.set(None);
                let label = untrack(|| self.history_label(label));
                let past = if redo { "Redone" } else { "Undone" };
                app.notices.info(format!("{past}: {label}."));
            }
            None if self.s.can_edit() => app.notices.info(format!("Nothing to {verb}.")),
            None => {}
        }
    }

    /// Full screen on or off; a refusal becomes a notice.
    pub fn toggle_fullscreen(&self) {
        let app = self.app;
        toggle_fullscreen(move |e| {
            app.notices.info(format!(
                "{}. Use the browser's own full screen (F11) instead.",
                sentence(&e.to_string())
            ));
        });
    }

    /// The mirrored-display setting (saved with the program's workshop settings).
    pub fn set_mirrored(&self, on: bool) {
        let _ = self.s.commit(SetupEdit::SetWorkshopMirrored(on));
    }

    /// Opens the audience window; a blocked popup shows its link instead.
    pub fn open_audience(&self) {
        let app = self.app;
        let id = self.s.program.with_untracked(|x| x.id.clone());
        match open_audience(&id) {
            Ok(()) => {
                self.popup_blocked.set(false);
                app.notices.info(
                    "Audience window opened: move it to the projector and press F there for full screen.",
                );
            }
            Err(e) => {
                self.popup_blocked.set(true);
                app.notices.error(format!(
                    "{}: allow pop-ups for this site, or open the link shown under the button.",
                    sentence(&e.to_string()).trim_end_matches('.')
                ));
            }
        }
    }

    /// Starts a rehearsal at the title slide (again: restarts it).
    pub fn start_rehearsal(&self) {
        self.cancel();
        let pairs = self.deck.with_untracked(|d| d.pairs.len());
        self.rehearsal
            .set(Some(Rehearsal::start(pairs, js_sys::Date::now())));
    }

    /// Ends the rehearsal: the page shows the live stage again, where it was.
    pub fn end_rehearsal(&self) {
        self.rehearsal.set(None);
    }
}
