//! The add/edit form of a participant: every field of a person, checked by
//! [`crate::core::people::parse_person`] with each error shown under its input.

use leptos::prelude::*;

use crate::core::model::{
    AskedOf, FieldKind, Person, PersonId, ProfileField, Program, Role, SkillId, SkillLevel,
    SKILL_LEVELS,
};
use crate::core::people::{
    duplicate_email, parse_person, AnswerDraft, CheckedPerson, FieldError, PersonDraft, PersonField,
};

/// The form's state, shared by its parts.
#[derive(Clone, Copy)]
struct Form {
    draft: RwSignal<PersonDraft>,
    errors: RwSignal<Vec<FieldError>>,
    program: Signal<Program>,
}

impl Form {
    /// The messages for one field, joined, or `None`.
    fn error(&self, field: &PersonField) -> Option<String> {
        self.errors.with(|list| {
            let text: Vec<&str> = list
                .iter()
                .filter(|e| &e.field == field)
                .map(|e| e.message.as_str())
                .collect();
            (!text.is_empty()).then(|| text.join(" "))
        })
    }
}

/// The element id of a field's input (errors focus it).
pub fn input_id(field: &PersonField) -> String {
    format!("person-{}", field.key())
}

/// Focuses an element by id, if it is there.
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Add or edit a participant. Nothing is saved until every field is valid; then `on_save`
/// gets the parsed person (with an empty id for a new person). Escape or "Cancel" calls
/// `on_cancel`.
#[component]
pub fn PersonForm(
    /// The program: skills vocabulary, profile questions and other people's e-mails.
    #[prop(into)]
    program: Signal<Program>,
    /// The person being edited; `None` adds a new participant.
    #[prop(default = None)]
    editing: Option<PersonId>,
    /// Receives the checked person when the form is saved.
    #[prop(into)]
    on_save: Callback<CheckedPerson>,
    /// Called when the coordinator cancels.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let existing = editing
        .as_ref()
        .and_then(|id| program.with_untracked(|p| p.person(id).cloned()));
    let title = match &existing {
        Some(x) => format!("Edit {}", x.name),
        None => "Add a participant".to_owned(),
    };
    let draft = existing
        .as_ref()
        .map(PersonDraft::from_person)
        .unwrap_or_else(|| PersonDraft::new(Role::Mentee));
    let form = Form {
        draft: RwSignal::new(draft),
        errors: RwSignal::new(Vec::new()),
        program,
    };
    let editing = StoredValue::new(editing);
    let duplicate = Memo::new(move |_| {
        let email = form.draft.with(|d| d.text(&PersonField::Email).to_owned());
        editing.with_value(|except| {
            program.with(|p| duplicate_email(p, &email, except.as_ref()).map(|x| x.name.clone()))
        })
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let base = editing
            .with_value(|id| {
                id.as_ref()
                    .and_then(|id| program.with_untracked(|p| p.person(id).cloned()))
            })
            .unwrap_or_else(|| Person::new(PersonId::from(""), "", Role::Mentee));
        let result =
            program.with_untracked(|p| form.draft.with_untracked(|d| parse_person(d, p, base)));
        match result {
            Ok(checked) => {
                form.errors.set(Vec::new());
                on_save.run(checked);
            }
            Err(errors) => {
                let first = errors.first().map(|e| input_id(&e.field));
                form.errors.set(errors);
                if let Some(id) = first {
                    request_animation_frame(move || focus(&id));
                }
            }
        }
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_cancel.run(());
        }
    };
    request_animation_frame(|| focus("person-name"));
    let error_count = move || form.errors.with(Vec::len);

    view! {
        <form class="mk-card mk-person-form" novalidate=true aria-labelledby="person-form-title"
            on:submit=submit on:keydown=keydown>
            <h2 id="person-form-title">{title}</h2>
            <p class="mk-field__error" role="alert">{move || match error_count() {
                0 => String::new(),
                1 => "1 field needs attention; nothing was saved.".to_owned(),
                n => format!("{n} fields need attention; nothing was saved."),
            }}</p>
            <fieldset class="mk-person-form__group">
                <legend>"Who"</legend>
                <div class="mk-form">
                    <div class="mk-field">
                        <label for="person-role">"Role"</label>
                        <select id="person-role" on:change=move |ev| {
                            if let Some(r) = Role::from_key(&event_target_value(&ev)) {
                                form.draft.update(|d| {
                                    if r.can_mentor() && !d.role.can_mentor() && d.text(&PersonField::Capacity).trim() == "0" {
                                        d.set(PersonField::Capacity, "1");
                                    }
                                    d.role = r;
                                });
                            }
                        }>
                            {Role::ALL.into_iter().map(|r| view! {
                                <option value=r.key() selected=move || form.draft.with(|d| d.role == r)>{r.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    {text_field(form, PersonField::Name, Opts { required: true, autocomplete: "name", ..Opts::default() })}
                    <div class="mk-field">
                        {text_field_inner(form, PersonField::Email, Opts { kind: "email", autocomplete: "email", ..Opts::default() })}
                        <p class="mk-field__warning" role="status">{move || duplicate.get().map(|name| format!("{name} already uses this address."))}</p>
                    </div>
                    {text_field(form, PersonField::Department, Opts::default())}
                    {text_field(form, PersonField::Team, Opts::default())}
                    {text_field(form, PersonField::Manager, Opts::default())}
                    {text_field(form, PersonField::Title, Opts::default())}
                    {text_field(form, PersonField::Seniority, Opts { numeric: true, hint: "1 (entry) to 10 (executive), also written L5; empty if unknown", ..Opts::default() })}
                    {text_field(form, PersonField::TimeZone, Opts { hint: "e.g. Europe/Berlin or +05:30", ..Opts::default() })}
                    <Show when=move || form.draft.with(|d| d.role.can_mentor())>
                        {text_field(form, PersonField::Capacity, Opts { numeric: true, hint: "Mentees at a time, 0 to 50; 0 = not now", ..Opts::default() })}
                    </Show>
                </div>
            </fieldset>
            <fieldset class="mk-person-form__group">
                <legend>"Skills and goals"</legend>
                <div class="mk-form">
                    {text_field(form, PersonField::Languages, Opts { hint: "Separated by commas", ..Opts::default() })}
                    {text_field(form, PersonField::Goals, Opts { multiline: true, hint: "One per line", ..Opts::default() })}
                </div>
                <Show when=move || form.draft.with(|d| d.role.can_mentor())>
                    <SkillsPicker form=form field=PersonField::SkillsOffered/>
                </Show>
                <Show when=move || form.draft.with(|d| d.role.can_be_mentee())>
                    <SkillsPicker form=form field=PersonField::SkillsWanted/>
                </Show>
            </fieldset>
            <Questions form=form/>
            <fieldset class="mk-person-form__group">
                <legend>"About"</legend>
                <div class="mk-form">
                    {text_field(form, PersonField::Bio, Opts { multiline: true, ..Opts::default() })}
                    {text_field(form, PersonField::Availability, Opts { hint: "e.g. Tuesday mornings", ..Opts::default() })}
                    {text_field(form, PersonField::Notes, Opts { multiline: true, hint: "Only for coordinators", ..Opts::default() })}
                </div>
            </fieldset>
            <div class="mk-actions">
                <button type="submit" class="mk-button mk-button--primary">"Save participant"</button>
                <button type="button" class="mk-button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                <span class="mk-hint">"Escape cancels."</span>
            </div>
        </form>
    }
}

/// How a text input looks.
#[derive(Clone, Copy)]
struct Opts {
    kind: &'static str,
    numeric: bool,
    multiline: bool,
    required: bool,
    autocomplete: &'static str,
    hint: &'static str,
}

impl Default for Opts {
    fn default() -> Self {
        Opts {
            kind: "text",
            numeric: false,
            multiline: false,
            required: false,
            autocomplete: "off",
            hint: "",
        }
    }
}

fn text_field(form: Form, field: PersonField, opts: Opts) -> impl IntoView {
    let wide = opts.multiline;
    view! {
        <div class="mk-field" class:mk-field--full=wide>
            {text_field_inner(form, field, opts)}
        </div>
    }
}

fn text_field_inner(form: Form, field: PersonField, opts: Opts) -> impl IntoView {
    let id = input_id(&field);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if opts.hint.is_empty() {
        error_id.clone()
    } else {
        format!("{error_id} {hint_id}")
    };
    let (f1, f2, f3, f4) = (field.clone(), field.clone(), field.clone(), field.clone());
    let value = move || form.draft.with(|d| d.text(&f3).to_owned());
    let set = move |v: String| {
        let f = f4.clone();
        form.draft.update(|d| d.set(f, v));
    };
    let invalid = move || form.error(&f1).is_some().to_string();
    let label = if opts.required {
        format!("{} (required)", field.label())
    } else {
        field.label().to_owned()
    };
    let input = if opts.multiline {
        view! {
            <textarea id=id.clone() rows="3" aria-invalid=invalid aria-describedby=described.clone()
                prop:value=value on:input=move |ev| set(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=opts.kind autocomplete=opts.autocomplete
                inputmode=opts.numeric.then_some("numeric")
                aria-required=opts.required.then_some("true")
                aria-invalid=invalid aria-describedby=described.clone()
                prop:value=value on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! {
        <label for=id>{label}</label>
        {input}
        {(!opts.hint.is_empty()).then(|| view! { <span id=hint_id class="mk-field__hint">{opts.hint}</span> })}
        <p id=error_id class="mk-field__error">{move || form.error(&f2)}</p>
    }
}

/// Skills offered or wanted, picked from the program's vocabulary with a level 1-5.
#[component]
fn SkillsPicker(form: Form, field: PersonField) -> impl IntoView {
    let offered = field == PersonField::SkillsOffered;
    let picks = move || {
        form.draft.with(|d| {
            if offered {
                d.skills_offered.clone()
            } else {
                d.skills_wanted.clone()
            }
        })
    };
    let edit = move |f: &dyn Fn(&mut Vec<SkillLevel>)| {
        form.draft.update(|d| {
            if offered {
                f(&mut d.skills_offered)
            } else {
                f(&mut d.skills_wanted)
            }
        });
    };
    let skill_name = move |id: &SkillId| {
        form.program.with(|p| {
            p.skills
                .iter()
                .find(|s| &s.id == id)
                .map(|s| s.name.clone())
                .unwrap_or_else(|| id.to_string())
        })
    };
    let id = input_id(&field);
    let level_id = format!("{id}-level");
    let error_id = format!("{id}-error");
    let pick = RwSignal::new(String::new());
    let level = RwSignal::new(3u8);
    let noun = if offered { "offered" } else { "wanted" };
    let level_word = if offered {
        "proficiency"
    } else {
        "level wanted"
    };
    let f = field.clone();
    let add = move |_| {
        let chosen = pick.get_untracked();
        if chosen.is_empty() {
            return;
        }
        let lvl = level.get_untracked();
        edit(&|v: &mut Vec<SkillLevel>| {
            if !v.iter().any(|s| s.skill.as_str() == chosen) {
                v.push(SkillLevel {
                    skill: SkillId(chosen.clone()),
                    level: lvl,
                });
            }
        });
        pick.set(String::new());
    };
    let available = move || {
        let taken = picks();
        form.program.with(|p| {
            p.skills
                .iter()
                .filter(|s| !taken.iter().any(|t| t.skill == s.id))
                .map(|s| (s.id.to_string(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="mk-skills-picker">
            <h3 class="mk-skills-picker__title">{field.label()}</h3>
            <Show when=move || form.program.with(|p| p.skills.is_empty())>
                <p class="mk-hint">"The program has no skills vocabulary yet."</p>
            </Show>
            <ul class="mk-chip-list">
                {move || picks().into_iter().map(|s| {
                    let name = skill_name(&s.skill);
                    let skill = s.skill.clone();
                    let skill2 = s.skill.clone();
                    view! {
                        <li class="mk-chip">
                            <span class="mk-chip__name">{name.clone()}</span>
                            <select class="mk-chip__level" aria-label=format!("{} {level_word} of {name}", field_label(offered))
                                on:change=move |ev| {
                                    if let Ok(l) = event_target_value(&ev).parse::<u8>() {
                                        let skill = skill.clone();
                                        edit(&move |v: &mut Vec<SkillLevel>| {
                                            if let Some(x) = v.iter_mut().find(|x| x.skill == skill) { x.level = l; }
                                        });
                                    }
                                }>
                                {SKILL_LEVELS.map(|l| view! { <option value=l.to_string() selected=l == s.level>{l.to_string()}</option> }).collect_view()}
                            </select>
                            <button type="button" class="mk-button mk-button--small" aria-label=format!("Remove {name} from skills {noun}")
                                on:click=move |_| {
                                    let skill = skill2.clone();
                                    edit(&move |v: &mut Vec<SkillLevel>| v.retain(|x| x.skill != skill));
                                }>"Remove"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="mk-inline-form">
                <label for=id.clone() class="mk-visually-hidden">{format!("Add a skill {noun}")}</label>
                <select id=id.clone() aria-describedby=error_id.clone() prop:value=move || pick.get()
                    on:change=move |ev| pick.set(event_target_value(&ev))>
                    <option value="">{format!("Add a skill {noun}\u{2026}")}</option>
                    {move || available().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
                <label for=level_id.clone() class="mk-visually-hidden">{format!("Level of the skill {noun}")}</label>
                <select id=level_id on:change=move |ev| {
                    if let Ok(l) = event_target_value(&ev).parse::<u8>() { level.set(l); }
                }>
                    {SKILL_LEVELS.map(|l| view! { <option value=l.to_string() selected=l == 3>{format!("Level {l}")}</option> }).collect_view()}
                </select>
                <button type="button" class="mk-button mk-button--small" on:click=add>{format!("Add skill {noun}")}</button>
            </div>
            <p id=error_id class="mk-field__error">{move || form.error(&f)}</p>
        </div>
    }
}

fn field_label(offered: bool) -> &'static str {
    if offered {
        "Offered:"
    } else {
        "Wanted:"
    }
}

/// The program's profile questions, each with an input for its kind.
#[component]
fn Questions(form: Form) -> impl IntoView {
    let questions = move || form.program.with(|p| p.profile_fields.clone());
    view! {
        <Show when=move || form.program.with(|p| !p.profile_fields.is_empty())>
            <fieldset class="mk-person-form__group">
                <legend>"Profile questions"</legend>
                <div class="mk-form">
                    {move || questions().into_iter().map(|q| view! { <Question form=form q=q/> }).collect_view()}
                </div>
            </fieldset>
        </Show>
    }
}

#[component]
fn Question(form: Form, q: ProfileField) -> impl IntoView {
    let field = PersonField::Answer(q.id.clone());
    let id = input_id(&field);
    let error_id = format!("{id}-error");
    let qid = q.id.clone();
    let text = {
        let qid = qid.clone();
        move || {
            form.draft.with(|d| match d.answers.get(&qid) {
                Some(AnswerDraft::Text(t)) => t.clone(),
                _ => String::new(),
            })
        }
    };
    let set_text = {
        let qid = qid.clone();
        move |v: String| {
            let qid = qid.clone();
            form.draft.update(|d| {
                d.answers.insert(qid, AnswerDraft::Text(v));
            });
        }
    };
    let asked = match q.asked_of {
        AskedOf::Everyone => "",
        AskedOf::Mentors => "Asked of mentors. ",
        AskedOf::Mentees => "Asked of mentees. ",
    };
    let hint = match &q.kind {
        FieldKind::Scale { min, max } => format!("{asked}{min} to {max}."),
        FieldKind::Number => format!("{asked}A number."),
        _ => asked.to_owned(),
    };
    let f = field.clone();
    let invalid = move || form.error(&f).is_some().to_string();
    let input = match q.kind.clone() {
        FieldKind::SingleChoice { options } => {
            let current = text.clone();
            view! {
                <select id=id.clone() aria-describedby=error_id.clone() aria-invalid=invalid
                    on:change=move |ev| set_text(event_target_value(&ev))>
                    <option value="" selected={let c = current.clone(); move || c().is_empty()}>"No answer"</option>
                    {options.into_iter().map(|o| {
                        let c = current.clone();
                        let (value, label) = (o.clone(), o.clone());
                        view! { <option value=value selected=move || c() == o>{label}</option> }
                    }).collect_view()}
                </select>
            }
            .into_any()
        }
        FieldKind::MultipleChoice { options } => {
            let qid = qid.clone();
            view! {
                <div class="mk-checks" role="group" aria-labelledby=format!("{id}-label") aria-describedby=error_id.clone()>
                    {options.into_iter().enumerate().map(|(i, o)| {
                        let box_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                        let (q1, q2) = (qid.clone(), qid.clone());
                        let (o1, o2) = (o.clone(), o.clone());
                        view! {
                            <span class="mk-radio">
                                <input type="checkbox" id=box_id.clone()
                                    prop:checked=move || form.draft.with(|d| matches!(d.answers.get(&q1), Some(AnswerDraft::Many(v)) if v.contains(&o1)))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let (q, o) = (q2.clone(), o2.clone());
                                        form.draft.update(|d| {
                                            let entry = d.answers.entry(q).or_insert_with(|| AnswerDraft::Many(Vec::new()));
                                            if !matches!(entry, AnswerDraft::Many(_)) {
                                                *entry = AnswerDraft::Many(Vec::new());
                                            }
                                            if let AnswerDraft::Many(v) = entry {
                                                v.retain(|x| x != &o);
                                                if on { v.push(o); }
                                            }
                                        });
                                    }/>
                                <label for=box_id>{o}</label>
                            </span>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        FieldKind::Scale { .. } | FieldKind::Number | FieldKind::ShortText => {
            let numeric = !matches!(q.kind, FieldKind::ShortText);
            view! {
                <input id=id.clone() type="text" inputmode=numeric.then_some("decimal")
                    aria-describedby=error_id.clone() aria-invalid=invalid
                    prop:value=text on:input=move |ev| set_text(event_target_value(&ev))/>
            }
            .into_any()
        }
    };
    let multi = matches!(q.kind, FieldKind::MultipleChoice { .. });
    let label = q.label.clone();
    view! {
        <div class="mk-field" class:mk-field--full=multi>
            {if multi {
                view! { <span id=format!("{id}-label") class="mk-field__label">{label}</span> }.into_any()
            } else {
                view! { <label for=id.clone()>{label}</label> }.into_any()
            }}
            {q.sensitive.then(|| view! {
                <span class="mk-badge mk-badge--sensitive" title="Never shown in shared views; reported only in aggregate">"Sensitive"</span>
            })}
            {input}
            {(!hint.is_empty()).then(|| view! { <span class="mk-field__hint">{hint}</span> })}
            <p id=error_id class="mk-field__error">{move || form.error(&field)}</p>
        </div>
    }
}
