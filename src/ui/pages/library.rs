//! The program library: create, open, rename, duplicate, export, delete, import.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app::browser::read_file;
use crate::app::route::{Route, Section};
use crate::app::use_app;
use crate::core::date::Date;
use crate::core::model::Purpose;
use crate::core::program::demo::demo_program;
use crate::core::program::templates::{new_from_template, template_summary};
use crate::persist::{Entry, Summary, KEY_PREFIX};
use crate::ui::components::delete_everything::DeleteEverything;

/// The start page.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let app = use_app();
    let is_empty = move || app.entries.with(|e| e.is_empty());

    let open_demo = move |_| {
        let demo = demo_program(app.fresh_id());
        if app.add_program(&demo).is_ok() {
            app.navigate(&Route::Program {
                id: demo.id,
                section: Section::Overview,
            });
        }
    };

    view! {
        <main id="main" class="mk-page" tabindex="-1">
            <div class="mk-page__head">
                <h1>"Your programs"</h1>
                <div class="mk-actions">
                    <ImportButton/>
                    <button class="mk-button" on:click=open_demo>"Open the demo program"</button>
                </div>
            </div>
            <Show when=is_empty>
                <section class="mk-empty" aria-labelledby="empty-title">
                    <h2 id="empty-title">"Start your first mentoring program"</h2>
                    <p>
                        "MentorKit keeps your programs in this browser: nothing is sent anywhere. "
                        "Explore the demo program (48 people at a fictional company), create your own below, "
                        "or import a program file a colleague gave you (you can also drop it on this window)."
                    </p>
                    <button class="mk-button mk-button--primary mk-button--large" on:click=open_demo>
                        "Explore the demo program"
                    </button>
                </section>
            </Show>
            <ProgramList/>
            <NewProgramForm/>
            <p class="mk-hint">
                "The browser is not a backup: export a program file now and then, and keep it somewhere safe."
            </p>
            <DeleteEverything/>
        </main>
    }
}

/// The file picker for program files (a visually hidden input behind a styled label, so it
/// stays keyboard-operable and labelled).
#[component]
fn ImportButton() -> impl IntoView {
    let app = use_app();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Let the same file be picked again later.
        input.set_value("");
        spawn_local(async move {
            let name = file.name();
            match read_file(file).await {
                Ok(bytes) => app.import_file(&name, &bytes),
                Err(e) => app.notices.error(format!("{e}. Nothing was changed.")),
            }
        });
    };
    view! {
        <span class="mk-file-button">
            <input
                id="import-file"
                class="mk-visually-hidden"
                type="file"
                accept=".json,application/json"
                on:change=on_change
            />
            <label for="import-file" class="mk-button">"Import a program file\u{2026}"</label>
        </span>
    }
}

/// The list of stored programs, including unreadable ones.
#[component]
fn ProgramList() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || app.entries.with(|e| !e.is_empty())>
            <ul class="mk-program-list" aria-label="Programs">
                <For
                    each=move || app.entries.get()
                    key=|entry| match entry {
                        Entry::Ready { summary, .. } => format!("ok:{}:{}:{}", summary.id, summary.revision, summary.name),
                        Entry::Corrupt { key, .. } => format!("bad:{key}"),
                    }
                    let:entry
                >
                    {match entry {
                        Entry::Ready { summary, read_only } => view! { <ProgramRow summary=summary read_only=read_only/> }.into_any(),
                        Entry::Corrupt { key, error, .. } => view! { <CorruptRow key=key error=error/> }.into_any(),
                    }}
                </For>
            </ul>
        </Show>
    }
}

/// One program of the library, with its actions.
#[component]
fn ProgramRow(summary: Summary, read_only: Option<u32>) -> impl IntoView {
    let app = use_app();
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(summary.name.clone());
    let open = Route::Program {
        id: summary.id.clone(),
        section: Section::Overview,
    };
    let input_id = format!("rename-{}", summary.id);
    let sid = StoredValue::new(summary.id.clone());
    let name = summary.name.clone();
    let saved = summary.saved_at.get(..10).unwrap_or("").to_owned();
    let input_id2 = input_id.clone();
    let commit = move || {
        app.rename(&sid.get_value(), &draft.get_untracked());
        renaming.set(false);
    };

    view! {
        <li class="mk-program-card">
            <div class="mk-program-card__main">
                <Show
                    when=move || renaming.get()
                    fallback={
                        let name = summary.name.clone();
                        let href = open.to_string();
                        move || view! { <h2 class="mk-program-card__title"><a href=href.clone()>{name.clone()}</a></h2> }
                    }
                >
                    <form class="mk-inline-form" on:submit=move |ev| { ev.prevent_default(); commit(); }>
                        <label for=input_id.clone() class="mk-visually-hidden">"New name"</label>
                        <input
                            id=input_id.clone()
                            type="text"
                            maxlength="300"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))
                            on:keydown=move |ev| if ev.key() == "Escape" { renaming.set(false); }
                        />
                        <button class="mk-button mk-button--small mk-button--primary" type="submit">"Save name"</button>
                        <button class="mk-button mk-button--small" type="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
                    </form>
                </Show>
                <p class="mk-program-card__meta">
                    <span>{summary.purpose.label()}</span>
                    <span>{format!("{} people ({} mentors, {} mentees)", summary.people, summary.mentors, summary.mentees)}</span>
                    <span>{format!("{} matches", summary.matches)}</span>
                    {(!saved.is_empty()).then(|| view! { <span>"Saved " {saved.clone()}</span> })}
                    {read_only.map(|v| view! {
                        <span class="mk-badge mk-badge--warning">{format!("Made by a newer MentorKit (v{v}): read-only")}</span>
                    })}
                </p>
            </div>
            <div class="mk-actions mk-actions--compact">
                <button class="mk-button mk-button--small" aria-label=format!("Rename {}", summary.name)
                    on:click=move |_| {
                        renaming.set(true);
                        let id = input_id2.clone();
                        request_animation_frame(move || crate::app::browser::focus_element(&id));
                    }>"Rename"</button>
                <button class="mk-button mk-button--small" aria-label=format!("Duplicate {}", summary.name)
                    on:click=move |_| app.duplicate(&sid.get_value())>"Duplicate"</button>
                <button class="mk-button mk-button--small" aria-label=format!("Export {}", summary.name)
                    on:click=move |_| app.export_stored(&sid.get_value())>"Export"</button>
                <button class="mk-button mk-button--small mk-button--danger" aria-label=format!("Delete {}", summary.name)
                    on:click=move |_| app.delete(&sid.get_value(), &name)>"Delete"</button>
            </div>
        </li>
    }
}

/// A stored program that could not be read: kept as it is, downloadable (bad input 36).
#[component]
fn CorruptRow(key: String, error: String) -> impl IntoView {
    let app = use_app();
    let id = crate::core::model::ProgramId(key.strip_prefix(KEY_PREFIX).unwrap_or(&key).to_owned());
    let key2 = key.clone();
    view! {
        <li class="mk-program-card mk-program-card--broken">
            <div class="mk-program-card__main">
                <h2 class="mk-program-card__title">"Unreadable saved program"</h2>
                <p>
                    "The data saved under " <code>{key.clone()}</code> " could not be read (" {error} "). "
                    "It is kept exactly as it is and never saved over. Download it to recover it by hand or send it to support."
                </p>
            </div>
            <div class="mk-actions mk-actions--compact">
                <button class="mk-button mk-button--small" on:click=move |_| app.download_raw(&key2)>"Download raw copy"</button>
                <button class="mk-button mk-button--small mk-button--danger" on:click=move |_| app.delete(&id, "the unreadable program")>"Delete"</button>
            </div>
        </li>
    }
}

/// Create a program: a name and a purpose.
#[component]
fn NewProgramForm() -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(String::new());
    let purpose = RwSignal::new(Purpose::Custom);
    let start = RwSignal::new(None::<Date>);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        if n.trim().is_empty() {
            error.set(Some("Give the program a name.".into()));
            crate::app::browser::focus_element("new-program-name");
            return;
        }
        error.set(None);
        let program = new_from_template(
            purpose.get_untracked(),
            app.fresh_id(),
            n.trim(),
            start.get_untracked(),
        );
        if app.add_program(&program).is_ok() {
            name.set(String::new());
            app.navigate(&Route::Program {
                id: program.id,
                section: Section::Overview,
            });
        }
    };
    view! {
        <section class="mk-card" aria-labelledby="new-program-title">
            <h2 id="new-program-title">"New program"</h2>
            <form class="mk-form mk-form--row" on:submit=submit novalidate>
                <div class="mk-field">
                    <label for="new-program-name">"Name"</label>
                    <input
                        id="new-program-name"
                        type="text"
                        maxlength="300"
                        placeholder="e.g. Engineering onboarding 2027"
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby="new-program-error"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    <p id="new-program-error" class="mk-field__error" role="alert">{move || error.get()}</p>
                </div>
                <div class="mk-field">
                    <label for="new-program-purpose">"Purpose"</label>
                    <select
                        id="new-program-purpose"
                        on:change=move |ev| {
                            if let Some(p) = Purpose::from_key(&event_target_value(&ev)) {
                                purpose.set(p);
                            }
                        }
                    >
                        {Purpose::ALL
                            .into_iter()
                            .map(|p| view! { <option value=p.key() selected=move || purpose.get() == p>{p.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="mk-field">
                    <label for="new-program-start">"Start date (optional)"</label>
                    <input id="new-program-start" type="date" min="1000-01-01" max="9999-12-31"
                        on:change=move |ev| start.set(event_target_value(&ev).parse::<Date>().ok())/>
                </div>
                <button class="mk-button mk-button--primary" type="submit">"Create program"</button>
                <p class="mk-hint mk-field--full">{move || template_summary(purpose.get())}</p>
            </form>
        </section>
    }
}
