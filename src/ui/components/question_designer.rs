//! The profile-question designer: the program's custom questions with their type, options or
//! scale, who is asked, and the sensitive and used-for-matching flags, edited inline.
//!
//! Edits go through [`crate::core::program::setup`], which refuses bad input (shown where it happened,
//! nothing saved; bad input 41) and cleans answers and criteria that no longer fit; whatever
//! it cleaned, and every removal, is announced with an Undo.

use leptos::prelude::*;

use crate::app::notices::NoticeKind;
use crate::app::session::{sentence, use_session, Session};
use crate::core::model::{AskedOf, FieldId, FieldKind};
use crate::core::program::setup::{
    self, Cleanup, QuestionDraft, SetupEdit, SetupError, SetupReport,
};

/// Commits a set-up edit whose refusal the form shows where it happened: `Ok(cleanup)` when
/// it was made, `Err(Some(error))` when refused, `Err(None)` when the session refused it (and
/// said why).
pub(crate) fn commit_setup(s: Session, edit: SetupEdit) -> Result<SetupDone, Option<SetupError>> {
    match s.commit_inline(edit) {
        Ok(done) => Ok(SetupDone {
            cleanup: match done.report {
                SetupReport::Cleaned(c) => c,
                _ => Cleanup::default(),
            },
            step: done.step,
        }),
        Err(e) => Err(e.refusal().cloned()),
    }
}

/// A set-up edit that was made: what it cleaned, and its history step (for Undo).
pub(crate) struct SetupDone {
    pub(crate) cleanup: Cleanup,
    pub(crate) step: Option<crate::core::edit::StepId>,
}

impl SetupDone {
    /// Announces `text` (and what was cleaned) with an Undo for this change.
    pub(crate) fn announce(self, s: Session, text: String) {
        let text = match self.cleanup.describe() {
            Some(more) => format!("{text} {more}"),
            None => text,
        };
        s.notify_with_undo(NoticeKind::Info, text, self.step);
    }
}

/// Which question the designer is editing.
#[derive(Clone, Debug, PartialEq)]
enum Editing {
    New,
    Existing(FieldId),
}

/// The "Profile questions" card.
#[component]
pub fn QuestionDesigner() -> impl IntoView {
    let s = use_session();
    let editing = RwSignal::new(None::<Editing>);
    let add_ref = NodeRef::<leptos::html::Button>::new();
    return_focus(
        add_ref,
        move || editing.get() == Some(Editing::New),
        move || editing.get_untracked().is_some(),
    );
    let ids = move || {
        s.program.with(|p| {
            p.profile_fields
                .iter()
                .map(|f| f.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="mk-card mk-card--wide" aria-labelledby="questions-title">
            <h2 id="questions-title">"Profile questions"</h2>
            <p class="mk-hint">"Questions participants answer on their profile; mark the ones matching may use."</p>
            <Show when=move || s.program.with(|p| p.profile_fields.is_empty())>
                <p class="mk-empty-line">"No profile questions yet."</p>
            </Show>
            <ul class="mk-editable-list">
                <For each=ids key=|id| id.clone() let:id>
                    <QuestionRow id=id editing=editing/>
                </For>
            </ul>
            <Show when=move || editing.get() == Some(Editing::New)
                fallback=move || view! {
                    <button class="mk-button" node_ref=add_ref on:click=move |_| editing.set(Some(Editing::New))>"Add a question"</button>
                }>
                <div class="mk-editable-list__item">
                    <QuestionForm id=None editing=editing/>
                </div>
            </Show>
        </section>
    }
}

/// One question: a summary with Edit and Remove, or the form while it is edited.
#[component]
fn QuestionRow(id: FieldId, editing: RwSignal<Option<Editing>>) -> impl IntoView {
    let s = use_session();
    let field = {
        let id = id.clone();
        move || {
            s.program
                .with(|p| p.profile_fields.iter().find(|f| f.id == id).cloned())
        }
    };
    let is_editing = {
        let id = id.clone();
        move || editing.get() == Some(Editing::Existing(id.clone()))
    };
    let edit_ref = NodeRef::<leptos::html::Button>::new();
    return_focus(edit_ref, is_editing.clone(), move || {
        editing.get_untracked().is_some()
    });
    let remove = {
        let id = id.clone();
        move |_| {
            let label = s
                .program
                .with_untracked(|p| {
                    p.profile_fields
                        .iter()
                        .find(|f| f.id == id)
                        .map(|f| f.label.clone())
                })
                .unwrap_or_else(|| "the question".into());
            match commit_setup(s, SetupEdit::RemoveQuestion(id.clone())) {
                Ok(done) => done.announce(s, format!("Removed \u{201c}{label}\u{201d}.")),
                Err(None) => {}
                Err(Some(e)) => s.app().notices.error(format!("Could not remove it: {e}.")),
            }
        }
    };
    let summary = {
        let field = field.clone();
        let id = id.clone();
        move || {
            let f = field()?;
            let edit_label = format!("Edit {}", f.label);
            let remove_label = format!("Remove {}", f.label);
            let detail = match &f.kind {
                FieldKind::SingleChoice { options } | FieldKind::MultipleChoice { options } => {
                    format!("{}: {}", f.kind.label(), options.join(", "))
                }
                FieldKind::Scale { min, max } => format!("Scale {min} to {max}"),
                other => other.label().to_owned(),
            };
            let asked = asked_label(f.asked_of);
            let id = id.clone();
            let remove = remove.clone();
            Some(view! {
                <div class="mk-question">
                    <div class="mk-question__text">
                        <span class="mk-question__label">{f.label.clone()}</span>
                        <span class="mk-hint">{detail}" \u{b7} asked of "{asked}</span>
                        <span class="mk-question__badges">
                            {f.sensitive.then(|| view! { <span class="mk-badge mk-badge--sensitive">"Sensitive"</span> })}
                            {f.use_for_matching.then(|| view! { <span class="mk-badge">"Used for matching"</span> })}
                        </span>
                    </div>
                    <div class="mk-actions mk-actions--compact">
                        <button class="mk-button mk-button--small" aria-label=edit_label node_ref=edit_ref
                            on:click=move |_| editing.set(Some(Editing::Existing(id.clone())))>"Edit"</button>
                        <button class="mk-button mk-button--small mk-button--danger" aria-label=remove_label
                            on:click=remove>"Remove"</button>
                    </div>
                </div>
            })
        }
    };
    view! {
        <li class="mk-editable-list__item">
            <Show when=is_editing.clone() fallback=summary.clone()>
                <QuestionForm id=Some(id.clone()) editing=editing/>
            </Show>
        </li>
    }
}

/// Puts the keyboard back on `button` when the inline form that `open` tracks closes
/// (keyboard users would otherwise land on the page's body), unless `busy` says another
/// form took over and has the focus.
pub(crate) fn return_focus(
    button: NodeRef<leptos::html::Button>,
    open: impl Fn() -> bool + Send + Sync + 'static,
    busy: impl Fn() -> bool + Send + Sync + 'static,
) {
    let was_open = StoredValue::new(false);
    Effect::new(move |_| {
        let now = open();
        let el = button.get();
        if now {
            was_open.set_value(true);
        } else if let Some(el) = el {
            if was_open.get_value() {
                was_open.set_value(false);
                if !busy() {
                    let _ = el.focus();
                }
            }
        }
    });
}

fn asked_label(a: AskedOf) -> &'static str {
    match a {
        AskedOf::Everyone => "everyone",
        AskedOf::Mentors => "mentors",
        AskedOf::Mentees => "mentees",
    }
}

const ASKED: [(AskedOf, &str, &str); 3] = [
    (AskedOf::Everyone, "everyone", "Everyone"),
    (AskedOf::Mentors, "mentors", "Mentors"),
    (AskedOf::Mentees, "mentees", "Mentees"),
];

const KINDS: [(&str, &str); 5] = [
    ("single_choice", "Single choice"),
    ("multiple_choice", "Multiple choice"),
    ("scale", "Scale"),
    ("number", "Number"),
    ("short_text", "Short text"),
];

/// Where a refused edit's message goes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Place {
    Label,
    Options,
    Scale,
}

/// The inline form for a new (`id` = `None`) or an existing question.
#[component]
fn QuestionForm(id: Option<FieldId>, editing: RwSignal<Option<Editing>>) -> impl IntoView {
    let s = use_session();
    let start = id.as_ref().and_then(|id| {
        s.program.with_untracked(|p| {
            p.profile_fields
                .iter()
                .find(|f| &f.id == id)
                .map(QuestionDraft::of)
        })
    });
    let start = start.unwrap_or(QuestionDraft {
        label: String::new(),
        kind: FieldKind::SingleChoice {
            options: Vec::new(),
        },
        sensitive: false,
        use_for_matching: false,
        asked_of: AskedOf::Everyone,
    });
    let (options0, min0, max0) = match &start.kind {
        FieldKind::SingleChoice { options } | FieldKind::MultipleChoice { options } => {
            (options.join("\n"), "1".to_owned(), "5".to_owned())
        }
        FieldKind::Scale { min, max } => (String::new(), min.to_string(), max.to_string()),
        _ => (String::new(), "1".to_owned(), "5".to_owned()),
    };
    let label = RwSignal::new(start.label.clone());
    let kind = RwSignal::new(start.kind.key().to_owned());
    let options = RwSignal::new(options0);
    let min = RwSignal::new(min0);
    let max = RwSignal::new(max0);
    let sensitive = RwSignal::new(start.sensitive);
    let matching = RwSignal::new(start.use_for_matching);
    let asked_of = RwSignal::new(start.asked_of);
    let error = RwSignal::new(None::<(Place, String)>);

    let base = match &id {
        Some(id) => format!("q-{id}"),
        None => "q-new".to_owned(),
    };
    let is_new = id.is_none();
    let (b_opt, b_scale) = (base.clone(), base.clone());
    let label_ref = NodeRef::<leptos::html::Input>::new();
    // Keyboard users land in the form they opened.
    Effect::new(move |_| {
        if let Some(el) = label_ref.get() {
            let _ = el.focus();
        }
    });

    let err_at =
        move |place: Place| move || error.get().filter(|(p, _)| *p == place).map(|(_, m)| m);
    let invalid_at =
        move |place: Place| move || error.get().is_some_and(|(p, _)| p == place).to_string();
    let is_choice = move || kind.get().ends_with("_choice");
    let is_scale = move || kind.get() == "scale";

    let save = {
        let id = id.clone();
        move || {
            let field_kind = match kind.get_untracked().as_str() {
                "single_choice" => FieldKind::SingleChoice {
                    options: setup::options_from_lines(&options.get_untracked()),
                },
                "multiple_choice" => FieldKind::MultipleChoice {
                    options: setup::options_from_lines(&options.get_untracked()),
                },
                "scale" => {
                    let parse = |t: String, which: &str| {
                        t.trim().parse::<i32>().map_err(|_| {
                            format!(
                                "{which}: \u{201c}{}\u{201d} is not a whole number",
                                t.trim()
                            )
                        })
                    };
                    match (
                        parse(min.get_untracked(), "Minimum"),
                        parse(max.get_untracked(), "Maximum"),
                    ) {
                        (Ok(min), Ok(max)) => FieldKind::Scale { min, max },
                        (Err(e), _) | (_, Err(e)) => {
                            error.set(Some((Place::Scale, format!("{e}."))));
                            return;
                        }
                    }
                }
                "number" => FieldKind::Number,
                _ => FieldKind::ShortText,
            };
            let draft = QuestionDraft {
                label: label.get_untracked(),
                kind: field_kind,
                sensitive: sensitive.get_untracked(),
                use_for_matching: matching.get_untracked(),
                asked_of: asked_of.get_untracked(),
            };
            let saved = format!("Saved \u{201c}{}\u{201d}.", draft.label.trim());
            let edit = match &id {
                None => SetupEdit::AddQuestion(draft),
                Some(id) => SetupEdit::UpdateQuestion(id.clone(), draft),
            };
            match commit_setup(s, edit) {
                Ok(done) => {
                    error.set(None);
                    editing.set(None);
                    if !done.cleanup.is_empty() {
                        done.announce(s, saved);
                    }
                }
                Err(None) => {}
                Err(Some(e)) => {
                    let place = match e {
                        SetupError::NoOptions | SetupError::DuplicateOption(_) => Place::Options,
                        SetupError::TooLong {
                            what: "an option", ..
                        } => Place::Options,
                        SetupError::TooMany {
                            what: "options", ..
                        } => Place::Options,
                        SetupError::ScaleRange { .. } => Place::Scale,
                        _ => Place::Label,
                    };
                    error.set(Some((place, sentence(&e.to_string()))));
                }
            }
        }
    };

    view! {
        <form class="mk-question-form" aria-label=if is_new { "New question" } else { "Edit question" }
            on:submit=move |ev| { ev.prevent_default(); save(); }
            on:keydown=move |ev| if ev.key() == "Escape" { editing.set(None); }>
            <div class="mk-form">
                <div class="mk-field mk-field--full">
                    <label for=format!("{base}-label")>"Question"</label>
                    <input id=format!("{base}-label") type="text" maxlength="300" node_ref=label_ref
                        placeholder="e.g. Which office are you in?"
                        aria-invalid=invalid_at(Place::Label)
                        aria-describedby=format!("{base}-label-error")
                        prop:value=move || label.get()
                        on:input=move |ev| label.set(event_target_value(&ev))/>
                    <p id=format!("{base}-label-error") class="mk-field__error" role="alert">{err_at(Place::Label)}</p>
                </div>
                <div class="mk-field">
                    <label for=format!("{base}-kind")>"Type"</label>
                    <select id=format!("{base}-kind") on:change=move |ev| { kind.set(event_target_value(&ev)); error.set(None); }>
                        {KINDS.into_iter().map(|(key, text)| view! {
                            <option value=key selected=move || kind.get() == key>{text}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="mk-field">
                    <label for=format!("{base}-asked")>"Asked of"</label>
                    <select id=format!("{base}-asked") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some((a, _, _)) = ASKED.iter().find(|(_, k, _)| *k == v) { asked_of.set(*a); }
                    }>
                        {ASKED.into_iter().map(|(a, key, text)| view! {
                            <option value=key selected=move || asked_of.get() == a>{text}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Show when=is_choice>
                    <div class="mk-field mk-field--full">
                        <label for=format!("{b_opt}-options")>"Options (one per line)"</label>
                        <textarea id=format!("{b_opt}-options") rows="4"
                            aria-invalid=invalid_at(Place::Options)
                            aria-describedby=format!("{b_opt}-options-error")
                            prop:value=move || options.get()
                            on:input=move |ev| options.set(event_target_value(&ev))></textarea>
                        <p id=format!("{b_opt}-options-error") class="mk-field__error" role="alert">{err_at(Place::Options)}</p>
                    </div>
                </Show>
                <Show when=is_scale>
                    <div class="mk-field">
                        <label for=format!("{b_scale}-min")>"Minimum"</label>
                        <input id=format!("{b_scale}-min") type="text" inputmode="numeric"
                            aria-invalid=invalid_at(Place::Scale)
                            aria-describedby=format!("{b_scale}-scale-error")
                            prop:value=move || min.get()
                            on:input=move |ev| min.set(event_target_value(&ev))/>
                    </div>
                    <div class="mk-field">
                        <label for=format!("{b_scale}-max")>"Maximum"</label>
                        <input id=format!("{b_scale}-max") type="text" inputmode="numeric"
                            aria-invalid=invalid_at(Place::Scale)
                            aria-describedby=format!("{b_scale}-scale-error")
                            prop:value=move || max.get()
                            on:input=move |ev| max.set(event_target_value(&ev))/>
                    </div>
                    <p id=format!("{b_scale}-scale-error") class="mk-field__error mk-field--full" role="alert">{err_at(Place::Scale)}</p>
                </Show>
                <div class="mk-checks mk-field--full">
                    <span class="mk-radio">
                        <input type="checkbox" id=format!("{base}-sensitive")
                            prop:checked=move || sensitive.get()
                            on:change=move |ev| sensitive.set(event_target_checked(&ev))/>
                        <label for=format!("{base}-sensitive")>"Sensitive (never shown in shared views; aggregate reports only)"</label>
                    </span>
                    <span class="mk-radio">
                        <input type="checkbox" id=format!("{base}-matching")
                            prop:checked=move || matching.get()
                            on:change=move |ev| matching.set(event_target_checked(&ev))/>
                        <label for=format!("{base}-matching")>"Use for matching"</label>
                    </span>
                </div>
            </div>
            <div class="mk-actions">
                <button type="submit" class="mk-button mk-button--primary">{if is_new { "Add question" } else { "Save question" }}</button>
                <button type="button" class="mk-button" on:click=move |_| { error.set(None); editing.set(None); }>"Cancel"</button>
            </div>
        </form>
    }
}
