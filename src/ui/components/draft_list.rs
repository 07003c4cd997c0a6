//! The matching draft: totals, the pairs with their edits (why, lock, move, unmatch, swap,
//! match by hand), undo/redo, who is unmatched and why, and publishing.
//!
//! Every edit goes through [`crate::core::matching::draft`] (preview first, then
//! `apply_and_record`), so each shows its score change and can be undone.

use std::collections::HashMap;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::session::{use_session, Session};
use crate::app::use_app;
use crate::core::date::Date;
use crate::core::edit::history::History;
use crate::core::matching::draft::{
    self, DraftEdit, DraftPair, DraftSnapshot, DraftWarning, Preview, HISTORY_LIMIT,
};
use crate::core::matching::scoring;
use crate::core::matching::UnmatchedRole;
use crate::core::model::{Algorithm, Match, MatchId, MatchStatus, PersonId, Program, Role};

/// The draft's undo history, kept by the program page while the program is open, so the
/// Matching page and workshop mode share it (and it survives switching between them).
#[derive(Clone, Copy)]
pub struct DraftHistory {
    history: StoredValue<History<DraftSnapshot>, LocalStorage>,
    /// Changes whenever the history does, so undo/redo labels follow.
    version: RwSignal<u64>,
}

impl Default for DraftHistory {
    fn default() -> Self {
        DraftHistory::new()
    }
}

impl DraftHistory {
    /// An empty history.
    pub fn new() -> DraftHistory {
        DraftHistory {
            history: StoredValue::new_local(History::new(HISTORY_LIMIT)),
            version: RwSignal::new(0),
        }
    }

    fn bump(&self) {
        self.version.try_update(|v| *v += 1);
    }

    /// Makes a draft edit and records it; returns its preview (with the score delta).
    ///
    /// # Errors
    /// Why the edit was refused, in words.
    pub fn apply(&self, s: Session, edit: &DraftEdit) -> Result<Preview, String> {
        // Check first: a refused edit must not touch the program (nor trigger a save).
        s.program
            .with_untracked(|p| draft::preview(p, edit))
            .map_err(|e| capitalise(&e.to_string()))?;
        let mut result = Err("The program cannot be changed right now.".to_owned());
        self.history.update_value(|h| {
            s.edit(|p| {
                result = draft::apply_and_record(p, edit, h).map_err(|e| capitalise(&e.to_string()))
            })
        });
        self.bump();
        result
    }

    /// Writes a finished run's matches into the program, recording the whole draft before
    /// it so the run can be undone.
    pub fn record_run(&self, s: Session, algorithm: Algorithm, matches: Vec<Match>, next_seq: u64) {
        self.history.update_value(|h| {
            s.edit(|p| {
                h.record(
                    DraftSnapshot::take(p),
                    format!("Run matching ({})", algorithm.label()),
                );
                p.matches = matches;
                p.next_seq = p.next_seq.max(next_seq);
            })
        });
        self.bump();
    }

    /// Undoes the last edit; returns its label.
    pub fn undo(&self, s: Session) -> Option<String> {
        let mut label = None;
        self.history
            .update_value(|h| s.edit(|p| label = draft::undo(p, h)));
        self.bump();
        label
    }

    /// Redoes the last undone edit; returns its label.
    pub fn redo(&self, s: Session) -> Option<String> {
        let mut label = None;
        self.history
            .update_value(|h| s.edit(|p| label = draft::redo(p, h)));
        self.bump();
        label
    }

    /// The label of the edit undo would revert (reactive).
    pub fn undo_label(&self) -> Option<String> {
        self.version.track();
        self.history
            .with_value(|h| h.undo_label().map(str::to_owned))
    }

    /// The label of the edit redo would make again (reactive).
    pub fn redo_label(&self) -> Option<String> {
        self.version.track();
        self.history
            .with_value(|h| h.redo_label().map(str::to_owned))
    }
}

pub(crate) fn capitalise(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect::<String>() + ".",
        None => String::new(),
    }
}

pub(crate) fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else if n < 0 {
        format!("\u{2212}{}", -n)
    } else {
        "\u{b1}0".to_owned()
    }
}

/// "Ada: score 57 → 63 (+6). Total +6." with warnings, using names.
pub(crate) fn describe_preview(p: &Program, preview: &Preview) -> String {
    let name = |id: &PersonId| {
        p.person(id)
            .map_or_else(|| id.to_string(), |x| x.name.clone())
    };
    let score = |s: Option<u8>| s.map_or("none".to_owned(), |v| v.to_string());
    let mut parts: Vec<String> = preview
        .pair_deltas
        .iter()
        .map(|d| {
            format!(
                "{}: score {} \u{2192} {} ({})",
                name(&d.mentee),
                score(d.before),
                score(d.after),
                signed(d.delta())
            )
        })
        .collect();
    parts.push(format!("Total {}", signed(preview.total_delta())));
    for w in &preview.warnings {
        parts.push(match w {
            DraftWarning::Excluded {
                mentee,
                mentor,
                reasons,
            } => format!(
                "{} and {} are excluded by: {}",
                name(mentee),
                name(mentor),
                reasons
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            other => capitalise(&other.to_string()),
        });
    }
    parts.join(". ") + "."
}

/// Shared state of the draft panel.
#[derive(Clone, Copy)]
struct DraftUi {
    s: Session,
    history: DraftHistory,
    /// Match ids ticked for a swap.
    selected: RwSignal<Vec<MatchId>>,
    names: Memo<HashMap<PersonId, String>>,
}

impl DraftUi {
    fn name(&self, id: &PersonId) -> String {
        self.names
            .with(|n| n.get(id).cloned())
            .unwrap_or_else(|| id.to_string())
    }

    /// Applies an edit and tells the coordinator what it did and its score change.
    fn edit(&self, edit: DraftEdit) -> bool {
        let app = use_app();
        match self.history.apply(self.s, &edit) {
            Ok(preview) => {
                app.notices.success(format!(
                    "{} (total score {}).",
                    preview.label,
                    signed(preview.total_delta())
                ));
                true
            }
            Err(e) => {
                app.notices.error(e);
                false
            }
        }
    }
}

/// The draft panel.
#[component]
pub fn DraftPanel() -> impl IntoView {
    let s = use_session();
    let app = use_app();
    let history = expect_context::<DraftHistory>();
    let names = Memo::new(move |_| {
        s.program.with(|p| {
            p.people
                .iter()
                .map(|x| (x.id.clone(), x.name.clone()))
                .collect::<HashMap<_, _>>()
        })
    });
    let ui = DraftUi {
        s,
        history,
        selected: RwSignal::new(Vec::new()),
        names,
    };
    provide_context(ui);
    let summary = Memo::new(move |_| s.program.with(draft::summary));

    let undo = move || match history.undo(s) {
        Some(label) => app.notices.info(format!("Undone: {label}.")),
        None => app.notices.info("Nothing to undo."),
    };
    let redo = move || match history.redo(s) {
        Some(label) => app.notices.info(format!("Redone: {label}.")),
        None => app.notices.info("Nothing to redo."),
    };
    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) when focus is not in a text field.
    let keys = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() || in_text_field(&e) {
            return;
        }
        match e.key().to_lowercase().as_str() {
            "z" if e.shift_key() => {
                e.prevent_default();
                redo();
            }
            "z" => {
                e.prevent_default();
                undo();
            }
            "y" => {
                e.prevent_default();
                redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let shown = RwSignal::new(200usize);
    let pairs = move || {
        let n = shown.get();
        summary.with(|x| x.pairs.iter().take(n).cloned().collect::<Vec<_>>())
    };

    view! {
        <section class="mk-card mk-card--wide" aria-labelledby="draft-title">
            <h2 id="draft-title">"Draft"</h2>
            <Totals summary=summary/>
            <div class="mk-toolbar">
                <button class="mk-button" data-testid="undo"
                    disabled=move || history.undo_label().is_none()
                    title="Ctrl+Z"
                    on:click=move |_| undo()>
                    {move || history.undo_label().map_or("Undo".to_owned(), |l| format!("Undo: {l}"))}
                </button>
                <button class="mk-button" data-testid="redo"
                    disabled=move || history.redo_label().is_none()
                    title="Ctrl+Shift+Z"
                    on:click=move |_| redo()>
                    {move || history.redo_label().map_or("Redo".to_owned(), |l| format!("Redo: {l}"))}
                </button>
                <button class="mk-button" title="Score the draft's pairs again with the current criteria"
                    disabled=move || summary.with(|x| x.draft_pairs == 0)
                    on:click=move |_| { ui.edit(DraftEdit::Rescore); }>"Rescore the draft"</button>
                <SwapButton/>
            </div>
            <Show when=move || summary.with(|x| !x.pairs.is_empty()) fallback=|| view! {
                <p class="mk-empty-line">"No pairs yet: run matching above, or match by hand below."</p>
            }>
                <div class="mk-table-wrap">
                    <table class="mk-table mk-draft" data-testid="draft-table">
                        <thead><tr>
                            <th scope="col"><span class="mk-visually-hidden">"Select for swap"</span></th>
                            <th scope="col">"Mentee"</th><th scope="col">"Mentor"</th>
                            <th scope="col">"Score"</th><th scope="col">"State"</th><th scope="col">"Actions"</th>
                        </tr></thead>
                        <For each=pairs
                            key=|p| format!("{}|{}|{}|{:?}|{}|{:?}", p.id, p.mentor, p.mentee, p.score, p.locked, p.status)
                            children=move |pair| view! { <PairRows pair=pair/> }/>
                    </table>
                </div>
                <Show when=move || { summary.with(|x| x.pairs.len()) > shown.get() }>
                    <button class="mk-button" on:click=move |_| shown.update(|n| *n += 200)>
                        {move || format!("Show more pairs ({} of {} shown)", shown.get(), summary.with(|x| x.pairs.len()))}
                    </button>
                </Show>
            </Show>
            <MatchByHand/>
            <Unmatched summary=summary/>
            <Publish summary=summary/>
        </section>
    }
}

pub(crate) fn in_text_field(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match el.tag_name().to_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => {
            let kind = el.get_attribute("type").unwrap_or_default().to_lowercase();
            !matches!(
                kind.as_str(),
                "checkbox" | "radio" | "button" | "submit" | "range"
            )
        }
        _ => el.has_attribute("contenteditable"),
    }
}

#[component]
fn Totals(summary: Memo<draft::DraftSummary>) -> impl IntoView {
    let stat = |label: &'static str, value: Signal<String>| {
        view! {
            <div class="mk-stat">
                <span class="mk-stat__value">{value}</span>
                <span class="mk-stat__label">{label}</span>
            </div>
        }
    };
    let matched = Signal::derive(move || {
        summary.with(|x| match x.matched_percent {
            Some(pc) => format!("{pc:.0}% ({} of {})", x.matched_mentees, x.mentees),
            None => "no mentees".to_owned(),
        })
    });
    let mean = Signal::derive(move || {
        summary.with(|x| {
            x.mean_score
                .map_or("\u{2013}".to_owned(), |m| format!("{m:.1}"))
        })
    });
    let min = Signal::derive(move || {
        summary.with(|x| x.min_score.map_or("\u{2013}".to_owned(), |m| m.to_string()))
    });
    let pairs = Signal::derive(move || {
        summary.with(|x| format!("{} ({} locked or published)", x.pairs.len(), x.locked))
    });
    view! {
        <div class="mk-stats" data-testid="draft-totals">
            {stat("mentees matched", matched)}
            {stat("pairs", pairs)}
            {stat("mean score", mean)}
            {stat("lowest score", min)}
        </div>
        {move || summary.with(|x| (!x.over_capacity.is_empty()).then(|| {
            let n = x.over_capacity.len();
            view! { <p class="mk-field__error">{format!("{n} mentor(s) have more mentees than their capacity.")}</p> }
        }))}
    }
}

#[component]
fn SwapButton() -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let allow = RwSignal::new(false);
    let edit = move |allow_excluded: bool| {
        let sel = ui.selected.get();
        match sel.as_slice() {
            [a, b] => Some(DraftEdit::Swap {
                a: a.clone(),
                b: b.clone(),
                allow_excluded,
            }),
            _ => None,
        }
    };
    let preview = move || {
        edit(false).map(|e| {
            ui.s.program.with(|p| {
                draft::preview(p, &e).map(|pv| (describe_preview(p, &pv), pv.needs_confirmation()))
            })
        })
    };
    view! {
        {move || match preview() {
            None => view! {
                <span class="mk-hint">"Tick two draft pairs to swap their mentees."</span>
            }.into_any(),
            Some(Err(e)) => view! { <span class="mk-field__error" role="alert">{capitalise(&e.to_string())}</span> }.into_any(),
            Some(Ok((text, needs))) => view! {
                <span class="mk-swap" role="status">
                    <span>{format!("Swap: {text}")}</span>
                    {needs.then(|| view! {
                        <label class="mk-check">
                            <input type="checkbox" prop:checked=move || allow.get() on:change=move |ev| allow.set(event_target_checked(&ev))/>
                            "Allow although a rule excludes it"
                        </label>
                    })}
                    <button class="mk-button mk-button--small" data-testid="swap"
                        disabled=move || needs && !allow.get()
                        on:click=move |_| {
                            if let Some(e) = edit(allow.get_untracked()) {
                                if ui.edit(e) { ui.selected.set(Vec::new()); allow.set(false); }
                            }
                        }>"Swap the mentees"</button>
                </span>
            }.into_any(),
        }}
    }
}

/// A pair's row, and under it, when open, its explanation or its move form.
#[component]
fn PairRows(pair: DraftPair) -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let why = RwSignal::new(false);
    let moving = RwSignal::new(false);
    let draft = pair.status == MatchStatus::Proposed;
    let (mentee, mentor) = (ui.name(&pair.mentee), ui.name(&pair.mentor));
    let id = pair.id.clone();
    let id_sel = id.clone();
    let state = if !draft {
        pair.status.label().to_owned()
    } else if pair.locked {
        "Locked".to_owned()
    } else {
        "Draft".to_owned()
    };
    let score = pair.score.map_or("\u{2013}".to_owned(), |v| v.to_string());
    let lock_edit = if pair.locked {
        DraftEdit::Unlock(id.clone())
    } else {
        DraftEdit::Lock(id.clone())
    };
    let unmatch = DraftEdit::Unmatch(id.clone());
    let row_label = format!("{mentee} with {mentor}");
    let p2 = pair.clone();
    view! {
        <tbody class="mk-draft__pair">
            <tr>
                <td>
                    {draft.then(|| {
                        let id_a = id_sel.clone();
                        let id_b = id_sel.clone();
                        view! {
                            <input type="checkbox" aria-label=format!("Select {row_label} for a swap")
                                disabled=pair.locked
                                prop:checked=move || ui.selected.with(|v| v.contains(&id_a))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = id_b.clone();
                                    ui.selected.update(|v| {
                                        v.retain(|x| x != &id);
                                        if on { v.push(id); if v.len() > 2 { v.remove(0); } }
                                    });
                                }/>
                        }
                    })}
                </td>
                <th scope="row">{mentee.clone()}</th>
                <td>{mentor.clone()}</td>
                <td class="mk-num" data-testid="pair-score">{score}</td>
                <td>{state}</td>
                <td class="mk-draft__actions">
                    <button class="mk-button mk-button--small" aria-expanded=move || why.get().to_string()
                        on:click=move |_| why.update(|w| *w = !*w)>"Why?"</button>
                    {draft.then(|| {
                        let locked = pair.locked;
                        view! {
                            <button class="mk-button mk-button--small" aria-pressed=locked.to_string()
                                on:click=move |_| { ui.edit(lock_edit.clone()); }>
                                {if locked { "Unlock" } else { "Lock" }}
                            </button>
                            <button class="mk-button mk-button--small" disabled=locked aria-expanded=move || moving.get().to_string()
                                on:click=move |_| moving.update(|m| *m = !*m)>"Move to\u{2026}"</button>
                            <button class="mk-button mk-button--small mk-button--danger" disabled=locked
                                on:click=move |_| { ui.edit(unmatch.clone()); }>"Unmatch"</button>
                        }
                    })}
                </td>
            </tr>
            <Show when=move || why.get()>
                <tr class="mk-draft__detail"><td></td><td colspan="5"><Why mentee=p2.mentee.clone() mentor=p2.mentor.clone()/></td></tr>
            </Show>
            <Show when=move || moving.get()>
                <tr class="mk-draft__detail"><td></td><td colspan="5">
                    <MoveForm mentee=pair.mentee.clone() current=pair.mentor.clone() open=moving/>
                </td></tr>
            </Show>
        </tbody>
    }
}

/// "Why this match": every criterion's contribution and the rules excluding the pair.
#[component]
fn Why(mentee: PersonId, mentor: PersonId) -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let text =
        ui.s.program
            .with_untracked(|p| scoring::explain(p, &mentee, &mentor));
    match text {
        Err(e) => view! { <p class="mk-field__error">{capitalise(&e.to_string())}</p> }.into_any(),
        Ok(x) => view! {
            <div class="mk-why" data-testid="why">
                <p>{match x.score {
                    Some(sc) => format!("Score {sc} of 100."),
                    None => format!("Excluded by a rule (the criteria alone give {}).", x.raw_score),
                }}</p>
                <ul class="mk-plain-list">
                    {x.contributions.into_iter().map(|c| view! {
                        <li>{format!("{} (weight {}): {} of {} points. {}", c.label, c.weight, c.points, c.max_points, c.detail)}</li>
                    }).collect_view()}
                    {x.excluded_by.into_iter().map(|r| view! { <li class="mk-why__excluded">{format!("Excluded: {r}")}</li> }).collect_view()}
                </ul>
            </div>
        }
        .into_any(),
    }
}

/// Mentors with places (role not mentee, capacity above 0) as (id, name), by name: the
/// choices of every "pick a mentor" menu.
pub(crate) fn mentor_options(p: &Program) -> Vec<(PersonId, String)> {
    let mut v: Vec<(PersonId, String)> = p
        .people
        .iter()
        .filter(|x| x.role != Role::Mentee && x.capacity > 0)
        .map(|x| (x.id.clone(), x.name.clone()))
        .collect();
    v.sort_by(|a, b| a.1.cmp(&b.1));
    v
}

fn mentee_options(p: &Program) -> Vec<(PersonId, String)> {
    let mut v: Vec<(PersonId, String)> = p
        .people
        .iter()
        .filter(|x| x.role != Role::Mentor)
        .map(|x| (x.id.clone(), x.name.clone()))
        .collect();
    v.sort_by(|a, b| a.1.cmp(&b.1));
    v
}

/// The preview of an edit and its confirmation: the score change before confirming, and
/// an explicit "allow" for a pair a rule excludes.
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
    let with_allow = move |e: DraftEdit, a: bool| match e {
        DraftEdit::Move {
            mentee, to_mentor, ..
        } => DraftEdit::Move {
            mentee,
            to_mentor,
            allow_excluded: a,
        },
        DraftEdit::MatchByHand { mentor, mentee, .. } => DraftEdit::MatchByHand {
            mentor,
            mentee,
            allow_excluded: a,
        },
        other => other,
    };
    move || {
        match preview() {
        None => ().into_any(),
        Some(Err(e)) => view! { <p class="mk-field__error" role="alert">{capitalise(&e.to_string())}</p> }.into_any(),
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
                        if ui.edit(with_allow(e, allow.get_untracked())) {
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

#[component]
fn MoveForm(mentee: PersonId, current: PersonId, open: RwSignal<bool>) -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let to = RwSignal::new(None::<PersonId>);
    let options = ui.s.program.with_untracked(mentor_options);
    let select_id = format!("move-{mentee}");
    // Keyboard users land in the form they opened.
    let select_ref = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(el) = select_ref.get() {
            let _ = el.focus();
        }
    });
    let edit = Signal::derive(move || {
        to.get().map(|to_mentor| DraftEdit::Move {
            mentee: mentee.clone(),
            to_mentor,
            allow_excluded: false,
        })
    });
    view! {
        <div class="mk-inline-form mk-move">
            <label for=select_id.clone()>"New mentor"</label>
            <select id=select_id node_ref=select_ref on:change=move |ev| {
                let v = event_target_value(&ev);
                to.set((!v.is_empty()).then_some(PersonId(v)));
            }>
                <option value="">"Choose a mentor\u{2026}"</option>
                {options.into_iter().filter(|(id, _)| id != &current).map(|(id, name)| view! {
                    <option value=id.0.clone()>{name}</option>
                }).collect_view()}
            </select>
            <ConfirmEdit edit=edit confirm="Move" done=Callback::new(move |_| open.set(false))/>
            <button class="mk-button mk-button--small" on:click=move |_| open.set(false)>"Cancel"</button>
        </div>
    }
}

#[component]
fn MatchByHand() -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let mentee = RwSignal::new(None::<PersonId>);
    let mentor = RwSignal::new(None::<PersonId>);
    let mentees = move || ui.s.program.with(mentee_options);
    let mentors = move || ui.s.program.with(mentor_options);
    let edit = Signal::derive(move || match (mentee.get(), mentor.get()) {
        (Some(mentee), Some(mentor)) => Some(DraftEdit::MatchByHand {
            mentor,
            mentee,
            allow_excluded: false,
        }),
        _ => None,
    });
    let pick = |sig: RwSignal<Option<PersonId>>| {
        move |ev: ev::Event| {
            let v = event_target_value(&ev);
            sig.set((!v.is_empty()).then_some(PersonId(v)));
        }
    };
    view! {
        <details class="mk-by-hand">
            <summary>"Match by hand"</summary>
            <div class="mk-inline-form">
                <label for="hand-mentee">"Mentee"</label>
                <select id="hand-mentee" on:change=pick(mentee)>
                    <option value="">"Choose a mentee\u{2026}"</option>
                    {move || mentees().into_iter().map(|(id, name)| view! { <option value=id.0.clone()>{name}</option> }).collect_view()}
                </select>
                <label for="hand-mentor">"Mentor"</label>
                <select id="hand-mentor" on:change=pick(mentor)>
                    <option value="">"Choose a mentor\u{2026}"</option>
                    {move || mentors().into_iter().map(|(id, name)| view! { <option value=id.0.clone()>{name}</option> }).collect_view()}
                </select>
            </div>
            <ConfirmEdit edit=edit confirm="Match them" done=Callback::new(|_| ())/>
        </details>
    }
}

#[component]
fn Unmatched(summary: Memo<draft::DraftSummary>) -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let rows = move || {
        summary.with(|x| {
            x.unmatched
                .iter()
                .take(500)
                .map(|u| {
                    let role = match u.role {
                        UnmatchedRole::Mentee => "mentee",
                        UnmatchedRole::Mentor => "mentor",
                    };
                    format!("{} ({role}): {}", ui.name(&u.person), u.reason)
                })
                .collect::<Vec<_>>()
        })
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

/// Today in the browser's clock, as a date input's value (empty if the clock is absurd).
fn today_text() -> String {
    Date::from_unix_millis(js_sys::Date::now()).map_or_else(String::new, |d| d.to_string())
}

#[component]
fn Publish(summary: Memo<draft::DraftSummary>) -> impl IntoView {
    let ui = expect_context::<DraftUi>();
    let date = RwSignal::new(today_text());
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
