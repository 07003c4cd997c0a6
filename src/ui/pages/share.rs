//! The page a share link opens (`#/share/<payload>`): a preview of the program in the link,
//! and "Import as a new program". Nothing is stored until the coordinator imports; a broken
//! link shows what is wrong and leaves the library untouched.

use leptos::prelude::*;

use crate::app::route::Route;
use crate::app::use_app;
use crate::core::exchange::file_format::Imported;
use crate::core::exchange::share;
use crate::core::model::{PersonId, Program};

/// Opens a share link: the payload is decoded here, in the browser (it came in the URL
/// fragment, which is never sent to a server).
#[component]
pub fn SharePage(
    /// The payload after `#/share/`.
    payload: String,
) -> impl IntoView {
    let body = match share::decode(&payload) {
        Ok(imported) => view! { <SharePreview imported=imported payload=payload/> }.into_any(),
        Err(e) => view! {
            <h1>"This share link cannot be opened"</h1>
            <p class="mk-share-error" role="alert">{format!("{}.", capitalized(&e.to_string()))}</p>
            <p>"Nothing was added to your programs. Ask for the link again, or for the program file."</p>
            <p><a href="#/">"Go to your programs"</a></p>
        }
        .into_any(),
    };
    view! {
        <main id="main" class="mk-page mk-page--narrow mk-share-page" tabindex="-1">
            {body}
        </main>
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The first word of a participant's name, for the list of pairs.
fn first_name(program: &Program, id: &PersonId) -> String {
    program
        .person(id)
        .and_then(|p| p.name.split_whitespace().next())
        .unwrap_or("?")
        .to_owned()
}

/// What the link holds, and the import and cancel buttons.
#[component]
fn SharePreview(
    /// The decoded program, with its repairs.
    imported: Imported,
    /// The payload, unpacked again on import (the library reads the program file itself).
    payload: String,
) -> impl IntoView {
    let app = use_app();
    let program = imported.program;
    let pairs: Vec<(String, String)> = program
        .current_matches()
        .map(|m| {
            (
                first_name(&program, &m.mentor),
                first_name(&program, &m.mentee),
            )
        })
        .collect();
    let pair_count = pairs.len();
    let repairs = imported.repairs;
    let repair_count = repairs.len();
    let import = move |_| match share::unpack(&payload) {
        Ok(bytes) => app.import_file("a share link", &bytes),
        Err(e) => app.notices.error(format!("Could not import: {e}")),
    };
    view! {
        <p class="mk-subtitle">"Shared program"</p>
        <h1>{program.name.clone()}</h1>
        <p>{program.purpose.label()}</p>
        <dl class="mk-share-counts">
            <div><dt>"Mentors"</dt><dd>{program.mentor_count()}</dd></div>
            <div><dt>"Mentees"</dt><dd>{program.mentee_count()}</dd></div>
            <div><dt>"Participants"</dt><dd>{program.people.len()}</dd></div>
            <div><dt>"Matches"</dt><dd>{pair_count}</dd></div>
        </dl>
        {(pair_count > 0).then(|| view! {
            <h2>"Pairs"</h2>
            <ul class="mk-share-pairs">
                {pairs.into_iter().take(500).map(|(mentor, mentee)| view! {
                    <li>{mentor} " \u{2192} " {mentee}</li>
                }).collect_view()}
            </ul>
        })}
        {(repair_count > 0).then(|| view! {
            <details class="mk-share-repairs">
                <summary>{format!("{repair_count} repair(s) were made while reading the link")}</summary>
                <ul class="mk-repairs">
                    {repairs.into_iter().take(200).map(|r| view! {
                        <li><code>{r.path}</code> ": " {r.message}</li>
                    }).collect_view()}
                </ul>
            </details>
        })}
        <p>"Importing adds it to your programs as a new program; none of your programs is changed."</p>
        <div class="mk-actions">
            <button class="mk-button mk-button--primary" on:click=import>"Import as a new program"</button>
            <button class="mk-button" on:click=move |_| app.navigate(&Route::Library)>"Cancel"</button>
        </div>
    }
}
