//! Workshop (projector) mode, the presenter's window (issue #5): reveal the draft's pairs
//! one at a time, open an audience window for the projector, and edit the draft on stage
//! (swap, move, lock, re-run around the locks, undo/redo) with the score deltas live on
//! both windows.
//!
//! Every edit goes through the program page's [`Session`] and shared [`DraftHistory`], the
//! same as the Matching page, so leaving (or closing either window) never loses anything:
//! autosave has it, and undo still works on the Matching page. The audience window gets
//! only the redacted [`StageView`] (see [`crate::core::workshop`]).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::browser::in_text_field;
use crate::app::matching::{ProgramRun, RunEvent};
use crate::app::route::{Route, Section};
use crate::app::session::sentence;
use crate::app::session::{use_session, Session};
use crate::app::workshop::{
    audience_url, exit_fullscreen, is_fullscreen, open_audience, set_projector_theme,
    toggle_fullscreen, StageChannel,
};
use crate::app::{use_app, AppContext};
use crate::core::matching::draft::{self, AcceptRun, DraftEdit, Preview};
use crate::core::matching::scoring;
use crate::core::model::{Algorithm, NameDisplay, PersonId};
use crate::core::people::mentors_with_places;
use crate::core::program::setup::SetupEdit;
use crate::core::workshop::{build_deck, ChangeView, Deck, StageMessage, StageState};
use crate::ui::components::save_indicator::SaveIndicator;
use crate::ui::components::stage::Stage;

/// The presenter's state, shared by the controls.
#[derive(Clone, Copy)]
struct Presenter {
    /// Captured at creation: handlers run outside the component's owner.
    app: AppContext,
    s: Session,
    deck: Memo<Deck>,
    step: RwSignal<usize>,
    selected: RwSignal<Option<usize>>,
    picked: RwSignal<Option<usize>>,
    /// The move form is open (for the selected pair).
    moving: RwSignal<bool>,
    /// The mentor chosen in the move form.
    move_to: RwSignal<Option<PersonId>>,
    /// The coordinator allows a pair a rule excludes.
    allow: RwSignal<bool>,
    /// The last edit made here, shown until the next one (or an undo).
    last: RwSignal<Option<(ChangeView, Preview)>>,
    /// The edit being previewed, if complete.
    pending: Memo<Option<DraftEdit>>,
    /// Its preview: the change as shown, whether it needs confirming, or why it cannot be.
    preview: Memo<Option<Result<(ChangeView, Preview), String>>>,
    running: RwSignal<bool>,
}

impl Presenter {
    /// The selected pair, if revealed.
    fn selected_index(&self) -> Option<usize> {
        let shown = self
            .deck
            .with_untracked(|d| d.revealed_count(self.step.get_untracked()));
        self.selected.get_untracked().filter(|&k| k < shown)
    }

    fn next(&self) {
        let last = self.deck.with_untracked(Deck::last_step);
        let step = (self.step.get_untracked() + 1).min(last);
        self.step.set(step);
        if step < last {
            self.selected.set(step.checked_sub(1));
        }
    }

    fn back(&self) {
        let step = self.step.get_untracked().saturating_sub(1);
        self.step.set(step);
        self.selected.update(|s| *s = s.filter(|&k| k < step));
        self.picked.update(|s| *s = s.filter(|&k| k < step));
    }

    fn reveal_all(&self) {
        self.step.set(self.deck.with_untracked(Deck::last_step));
    }

    fn select_by(&self, delta: isize) {
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
    fn pick(&self) {
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

    fn open_move(&self) {
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

    fn cancel(&self) -> bool {
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
            Err(_) => false,
        }
    }

    /// Confirms the previewed swap or move.
    fn confirm(&self) {
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

    fn toggle_lock(&self) {
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

    fn undo(&self) {
        let app = self.app;
        self.cancel();
        if self.s.undo().is_some() {
            self.last.set(None);
        } else if self.s.can_edit() {
            app.notices.info("Nothing to undo.");
        }
    }

    fn redo(&self) {
        let app = self.app;
        self.cancel();
        if self.s.redo().is_some() {
            self.last.set(None);
        } else if self.s.can_edit() {
            app.notices.info("Nothing to redo.");
        }
    }
}

/// The re-run in progress, kept while it runs (dropping it terminates its worker).
type RunSlot = StoredValue<Option<ProgramRun>, LocalStorage>;

/// Re-runs matching around the locks in the worker (the Matching page's path), then records
/// the new draft in the shared history so it can be undone.
fn rerun(p: Presenter, slot: RunSlot) {
    let app = p.app;
    if p.running.get_untracked() {
        return;
    }
    let algorithm = p.s.program.with_untracked(|x| x.matching.algorithm);
    if algorithm == Algorithm::TopN {
        app.notices.error(
            "The top-N algorithm only suggests mentors: choose another algorithm on the Matching page to re-run.",
        );
        return;
    }
    let total_before = p.deck.with_untracked(|d| d.total_score);
    let finish = move |outcome: crate::app::matching::RunOutcome| {
        let _ = p.s.commit(AcceptRun {
            algorithm: outcome.algorithm,
            matches: outcome.matches,
            next_seq: outcome.next_seq,
        });
        let total_after =
            p.s.program
                .with_untracked(|x| draft::summary(x).total_score);
        let preview = Preview {
            label: "Re-run around the locks".to_owned(),
            pair_deltas: Vec::new(),
            total_before,
            total_after,
            warnings: Vec::new(),
        };
        let change = p.deck.with_untracked(|d| {
            d.change_view("Re-run around the locks".to_owned(), &preview, true)
        });
        p.last.try_set(Some((change, preview)));
        p.cancel();
        app.notices.success(format!(
            "Re-ran around the locks: {} new pair(s).",
            outcome.new_pairs
        ));
    };
    let on_event = move |event: RunEvent| {
        if !matches!(event, RunEvent::Progress { .. } | RunEvent::OnPage(_)) {
            p.running.try_set(false);
            slot.try_update_value(|r| *r = None);
        }
        match event {
            RunEvent::Progress { .. } => {}
            RunEvent::OnPage(why) => app.notices.info(format!(
                "{why}. Matching runs on this page instead, which may be slow for large programs."
            )),
            RunEvent::Done(outcome) => finish(*outcome),
            RunEvent::Stale => app.notices.info(
                "The draft changed while matching ran, so its result was discarded. Press R to re-run.",
            ),
            RunEvent::Failed(message) => app.notices.error(format!("Matching failed: {message}.")),
        }
    };
    p.running.set(true);
    let run = ProgramRun::start(p.s, algorithm, on_event);
    // A run done on the page has reported already: keep nothing.
    if p.running.get_untracked() {
        slot.set_value(Some(run));
    }
}

fn modal_open() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[aria-modal='true']").ok().flatten())
        .is_some()
}

/// The tag name of the focused element the key event comes from (lower case).
fn target_tag(e: &web_sys::KeyboardEvent) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.tag_name().to_ascii_lowercase())
        .unwrap_or_default()
}

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
            Err(e) => Err(sentence(&e.to_string())),
        })
    });
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

    // The audience window: answer its "hello" with the current state, and send every change.
    let channel = StoredValue::new_local(None::<StageChannel>);
    let channel_error = RwSignal::new(None::<String>);
    match StageChannel::open(&id, move |message| {
        if message == StageMessage::Hello {
            if let Some(view) = stage.try_get_untracked() {
                channel.with_value(|c| {
                    if let Some(c) = c {
                        c.post(&StageMessage::State(Box::new(view)));
                    }
                });
            }
        }
    }) {
        Ok(c) => channel.set_value(Some(c)),
        Err(e) => channel_error.set(Some(format!("{}.", sentence(&e.to_string())))),
    }
    Effect::new(move |_| {
        let view = stage.get();
        channel.with_value(|c| {
            if let Some(c) = c {
                c.post(&StageMessage::State(Box::new(view)));
            }
        });
    });
    on_cleanup(move || {
        channel.try_update_value(|c| {
            if let Some(c) = c.take() {
                c.post(&StageMessage::Closed);
            }
        });
    });

    let fullscreen = RwSignal::new(is_fullscreen());
    let fs_listener = window_event_listener_untyped("fullscreenchange", move |_| {
        fullscreen.try_set(is_fullscreen());
    });
    on_cleanup(move || fs_listener.remove());
    let toggle_fs = move || {
        toggle_fullscreen(move |e| {
            app.notices.info(format!(
                "{}. Use the browser's own full screen (F11) instead.",
                sentence(&e.to_string())
            ));
        })
    };

    // `g` then a letter belongs to the global shortcuts (`g m` goes to Matching, ...), even
    // when the letter is one of ours.
    let after_g = StoredValue::new(false);
    let keys = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if e.default_prevented() || in_text_field(&e) || modal_open() {
            return;
        }
        let key = e.key();
        let plain = !(e.ctrl_key() || e.meta_key() || e.alt_key());
        if after_g.get_value() && plain {
            after_g.set_value(false);
            return;
        }
        if key == "g" && plain {
            after_g.set_value(true);
            return;
        }
        if (e.ctrl_key() || e.meta_key()) && !e.alt_key() {
            match key.to_lowercase().as_str() {
                "z" if e.shift_key() => p.redo(),
                "z" => p.undo(),
                "y" => p.redo(),
                _ => return,
            }
            e.prevent_default();
            return;
        }
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let tag = target_tag(&e);
        // Radio buttons, checkboxes and selects keep their own keys (arrows choose, Space
        // ticks); only Esc reaches the stage from them.
        if matches!(tag.as_str(), "input" | "select") && key != "Escape" {
            return;
        }
        // Enter and Space activate a focused button, link or disclosure.
        let control = matches!(tag.as_str(), "button" | "a" | "summary");
        match key.as_str() {
            "ArrowRight" | "PageDown" => p.next(),
            " " if !control => p.next(),
            "ArrowLeft" | "PageUp" => p.back(),
            "Home" => p.step.set(0),
            "End" => p.reveal_all(),
            "ArrowDown" => p.select_by(1),
            "ArrowUp" => p.select_by(-1),
            "Enter" if !control => p.confirm(),
            "f" | "F" => toggle_fs(),
            "l" | "L" => p.toggle_lock(),
            "s" | "S" => p.pick(),
            "m" | "M" => p.open_move(),
            "r" | "R" => rerun(p, run_slot),
            "Escape" => {
                if !p.cancel() {
                    exit_fullscreen();
                }
            }
            _ => return,
        }
        e.prevent_default();
    });
    on_cleanup(move || keys.remove());

    let popup_blocked = RwSignal::new(false);
    let id_open = id.clone();
    let open = move || match open_audience(&id_open) {
        Ok(()) => {
            popup_blocked.set(false);
            app.notices
                .info("Audience window opened: move it to the projector and press F there for full screen.");
        }
        Err(e) => {
            popup_blocked.set(true);
            app.notices.error(format!(
                "{}: allow pop-ups for this site, or open the link shown under the button.",
                sentence(&e.to_string()).trim_end_matches('.')
            ));
        }
    };
    let audience_link = audience_url(&id);
    let leave = Route::Program {
        id: id.clone(),
        section: Section::Matching,
    }
    .to_string();
    let title = move || s.program.with(|x| x.name.clone());

    view! {
        <main id="main" class="mk-present" tabindex="-1">
            <div class="mk-present__head">
                <h1 class="mk-present__title">{move || format!("Workshop: {}", title())}</h1>
                <div class="mk-actions">
                    <SaveIndicator state=s.save_state/>
                    <a class="mk-button" href=leave data-testid="leave-present">"Leave projector mode"</a>
                    <button class="mk-button" aria-pressed=move || fullscreen.get().to_string()
                        on:click=move |_| toggle_fs()>
                        {move || if fullscreen.get() { "Leave full screen (F)" } else { "Full screen (F)" }}
                    </button>
                    <button class="mk-button mk-button--primary" data-testid="open-audience" on:click=move |_| open()>"Open audience window"</button>
                </div>
            </div>
            {move || channel_error.get().map(|e| view! { <p class="mk-banner mk-banner--warning" role="alert">{e}</p> })}
            <Show when=move || popup_blocked.get()>
                <p class="mk-banner mk-banner--warning" role="alert">
                    "The browser blocked the audience window. Open this link in a new window and move it to the projector: "
                    <a href=audience_link.clone() target="_blank" rel="noopener">"audience window"</a>
                </p>
            </Show>
            <RevealBar p=p/>
            <Stage view=Signal::derive(move || Some(stage.get()))/>
            <WhatIf p=p run_slot=run_slot/>
            <PresenterDetails p=p/>
            <KeyHelp/>
        </main>
    }
}

/// Reveal controls and the name setting.
#[component]
fn RevealBar(p: Presenter) -> impl IntoView {
    let s = p.s;
    let position = move || {
        let last = p.deck.with(Deck::last_step);
        let step = p.step.get().min(last);
        if step == 0 {
            "Title".to_owned()
        } else if step == last {
            "Summary".to_owned()
        } else {
            format!("Pair {step} of {}", last - 1)
        }
    };
    view! {
        <div class="mk-present__bar" role="group" aria-label="Reveal">
            <button class="mk-button" on:click=move |_| p.back()
                disabled=move || p.step.get() == 0>"\u{2190} Back"</button>
            <button class="mk-button mk-button--primary" data-testid="reveal-next" on:click=move |_| p.next()
                disabled=move || { p.step.get() >= p.deck.with(Deck::last_step) }>"Reveal next \u{2192}"</button>
            <button class="mk-button" data-testid="reveal-all" on:click=move |_| p.reveal_all()>"Reveal all"</button>
            <span class="mk-present__pos" data-testid="present-position">{position}</span>
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
        </div>
    }
}

/// The what-if controls: pick, move, lock, confirm, undo/redo, re-run.
#[component]
fn WhatIf(p: Presenter, run_slot: RunSlot) -> impl IntoView {
    let needs = move || {
        p.preview
            .with(|x| matches!(x, Some(Ok((_, pv))) if pv.needs_confirmation()))
    };
    let error = move || {
        p.preview.with(|x| match x {
            Some(Err(e)) => Some(e.clone()),
            _ => None,
        })
    };
    let selected_text = move || {
        let k = p.selected.get()?;
        let shown = p.deck.with(|d| d.revealed_count(p.step.get()));
        (k < shown).then(|| {
            p.deck.with(|d| {
                format!(
                    "Selected: pair {} ({} with {})",
                    k + 1,
                    d.pairs[k].mentee,
                    d.pairs[k].mentor
                )
            })
        })
    };
    view! {
        <section class="mk-card mk-present__whatif" aria-labelledby="whatif-title">
            <h2 id="whatif-title">"What if"</h2>
            <p data-testid="whatif-selected" role="status">{move || selected_text().unwrap_or_else(|| "No pair selected: \u{2191}/\u{2193} selects a revealed pair.".to_owned())}</p>
            <div class="mk-toolbar">
                <button class="mk-button" on:click=move |_| p.pick()>
                    {move || if p.picked.get().is_some() { "Unpick (S)" } else { "Pick for a swap (S)" }}
                </button>
                <button class="mk-button" on:click=move |_| p.open_move()>"Move mentee\u{2026} (M)"</button>
                <button class="mk-button" on:click=move |_| p.toggle_lock()>"Lock / unlock (L)"</button>
                <button class="mk-button mk-button--primary" data-testid="whatif-confirm"
                    disabled=move || p.pending.with(Option::is_none)
                    on:click=move |_| p.confirm()>"Confirm (Enter)"</button>
                <button class="mk-button" on:click=move |_| { p.cancel(); }>"Cancel (Esc)"</button>
            </div>
            <Show when=move || p.moving.get()>
                <div class="mk-inline-form">
                    <label for="present-move-to">"New mentor"</label>
                    <select id="present-move-to" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        p.move_to.set((!v.is_empty()).then_some(PersonId(v)));
                    }>
                        <option value="">"Choose a mentor\u{2026}"</option>
                        {move || p.s.program.with(mentors_with_places).into_iter().map(|(id, name)| view! {
                            <option value=id.0.clone()>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <Show when=needs>
                <label class="mk-check">
                    <input type="checkbox" prop:checked=move || p.allow.get() on:change=move |ev| p.allow.set(event_target_checked(&ev))/>
                    "Allow although a rule excludes it"
                </label>
            </Show>
            <p class="mk-field__error" role="alert">{error}</p>
            <div class="mk-toolbar">
                <button class="mk-button" data-testid="present-undo"
                    disabled=move || p.s.undo_label().is_none()
                    on:click=move |_| p.undo()>
                    {move || p.s.undo_label().map_or("Undo (Ctrl+Z)".to_owned(), |l| format!("Undo: {l}"))}
                </button>
                <button class="mk-button" data-testid="present-redo"
                    disabled=move || p.s.redo_label().is_none()
                    on:click=move |_| p.redo()>
                    {move || p.s.redo_label().map_or("Redo (Ctrl+Shift+Z)".to_owned(), |l| format!("Redo: {l}"))}
                </button>
                <button class="mk-button" data-testid="present-rerun" disabled=move || p.running.get()
                    on:click=move |_| rerun(p, run_slot)>
                    {move || if p.running.get() { "Matching\u{2026}" } else { "Re-run around the locks (R)" }}
                </button>
            </div>
        </section>
    }
}

/// Full details of the selected pair, for the presenter only (never sent to the audience).
#[component]
fn PresenterDetails(p: Presenter) -> impl IntoView {
    let details = move || {
        let k = p.selected.get()?;
        let shown = p.deck.with(|d| d.revealed_count(p.step.get()));
        if k >= shown {
            return None;
        }
        let (mentee, mentor) = p
            .deck
            .with(|d| (d.mentees.get(k).cloned(), d.mentors.get(k).cloned()));
        let (mentee, mentor) = (mentee?, mentor?);
        p.s.program.with(|prog| {
            let name = |id: &PersonId| {
                prog.person(id)
                    .map_or_else(|| id.to_string(), |x| x.name.clone())
            };
            let lines = scoring::explain(prog, &mentee, &mentor)
                .map(|x| {
                    x.contributions
                        .iter()
                        .map(|c| {
                            format!(
                                "{} (weight {}): {} of {} points. {}",
                                c.label, c.weight, c.points, c.max_points, c.detail
                            )
                        })
                        .chain(x.excluded_by.iter().map(|r| format!("Excluded: {r}")))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default();
            Some((name(&mentee), name(&mentor), lines))
        })
    };
    view! {
        <details class="mk-card mk-present__details">
            <summary>"Presenter details of the selected pair (not shown to the audience)"</summary>
            {move || match details() {
                None => view! { <p class="mk-hint">"Select a revealed pair."</p> }.into_any(),
                Some((mentee, mentor, lines)) => view! {
                    <p><strong>{mentee}</strong>" (mentee) with "<strong>{mentor}</strong>" (mentor)"</p>
                    <ul class="mk-plain-list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                }.into_any(),
            }}
        </details>
    }
}

/// The keys of projector mode.
#[component]
fn KeyHelp() -> impl IntoView {
    const KEYS: &[(&str, &str)] = &[
        ("\u{2192} / Space", "Reveal the next pair"),
        ("\u{2190}", "Back one step"),
        ("End / Home", "Reveal all / back to the title"),
        ("\u{2191} / \u{2193}", "Select a revealed pair"),
        (
            "S",
            "Pick the selected pair for a swap, then select the other pair",
        ),
        ("M", "Move the selected pair's mentee to another mentor"),
        (
            "Enter",
            "Confirm the swap or move shown as \u{201c}What if\u{201d}",
        ),
        ("Esc", "Cancel the swap or move; leave full screen"),
        ("L", "Lock or unlock the selected pair"),
        ("R", "Re-run matching around the locked pairs"),
        ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"),
        ("F", "Full screen on or off"),
    ];
    view! {
        <details class="mk-card mk-present__keys">
            <summary>"Keys in projector mode"</summary>
            <table class="mk-table">
                <thead><tr><th scope="col">"Keys"</th><th scope="col">"What it does"</th></tr></thead>
                <tbody>
                    {KEYS.iter().map(|(k, w)| view! { <tr><td><kbd>{*k}</kbd></td><td>{*w}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}
