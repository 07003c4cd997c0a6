//! Top-N suggestions for mentee-chooses programs: the list per mentee (searchable, filtered
//! by whether a choice is recorded, paged), printable (one mentee per page if wanted) and
//! exportable as CSV, and recording each mentee's choice as a locked draft match.
//!
//! The suggestions of the last top-N run are kept in the program page's
//! [`SuggestionStore`].

use leptos::portal::Portal;
use leptos::prelude::*;

use crate::app::browser::{download_text, focus_element, slug};
use crate::app::session::{sentence, use_session, Session};
use crate::app::suggestions::SuggestionStore;
use crate::app::use_app;
use crate::core::exchange::csv::export_suggestions;
use crate::core::matching::draft::{self, describe_preview, DraftEdit};
use crate::core::matching::suggestions::{
    add_reasons, counts, matches_query, ChoiceFilter, MenteeSuggestions,
};
use crate::core::model::{Algorithm, PersonId, Program};
use crate::core::people::mentors_with_places;

/// Lists per page.
const PAGE_SIZE: usize = 20;

/// The suggestions card: shown for top-N programs and whenever suggestions were made.
#[component]
pub fn SuggestionsPanel() -> impl IntoView {
    let s = use_session();
    let store = expect_context::<SuggestionStore>();
    let shown =
        move || store.is_made() || s.program.with(|p| p.matching.algorithm == Algorithm::TopN);
    view! {
        <Show when=shown>
            <SuggestionsCard store=store/>
        </Show>
    }
}

#[component]
fn SuggestionsCard(store: SuggestionStore) -> impl IntoView {
    let s = use_session();
    let app = use_app();
    let query = RwSignal::new(String::new());
    let filter = RwSignal::new(ChoiceFilter::All);
    let page = RwSignal::new(0usize);
    let one_per_page = RwSignal::new(false);
    let printing = RwSignal::new(false);

    // Every list without reasons (cheap), re-read whenever the draft changes.
    let all = Memo::new(move |_| s.program.with(|p| store.lists(p)));
    let stale = Memo::new(move |_| s.program.with(|p| store.is_stale(p)));
    let filtered = Memo::new(move |_| {
        let q = query.get();
        let f = filter.get();
        all.with(|l| {
            l.as_ref().map_or_else(Vec::new, |l| {
                s.program.with(|p| {
                    l.iter()
                        .filter(|x| f.keeps(x) && matches_query(p, x, &q))
                        .cloned()
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let pages = move || filtered.with(|f| f.len().div_ceil(PAGE_SIZE).max(1));
    let current = move || page.get().min(pages() - 1);
    let shown = move || {
        let start = current() * PAGE_SIZE;
        let mut rows: Vec<MenteeSuggestions> =
            filtered.with(|f| f.iter().skip(start).take(PAGE_SIZE).cloned().collect());
        s.program.with(|p| add_reasons(p, &mut rows));
        rows
    };

    let export = move |_| {
        let (name, text) = s.program.with_untracked(|p| {
            let mut rows = filtered.get_untracked();
            add_reasons(p, &mut rows);
            (
                format!("{}-suggestions.csv", slug(&p.name)),
                export_suggestions(p, &rows),
            )
        });
        match download_text(&name, "text/csv", &text) {
            Ok(()) => app.notices.success(format!("Exported {name}")),
            Err(e) => app.notices.error(e.to_string()),
        }
    };
    let print = move |_| {
        printing.set(true);
        // Print once the printable list is in the page.
        request_animation_frame(move || {
            let body = document().body();
            if let Some(b) = &body {
                let _ = b.class_list().add_1("mk-printing");
            }
            if let Err(e) = window().print() {
                app.notices
                    .error(format!("This browser could not print: {e:?}"));
            }
            if let Some(b) = &body {
                let _ = b.class_list().remove_1("mk-printing");
            }
            printing.try_set(false);
        });
    };

    let heading = move || {
        all.with(|l| match l {
            None => "Run matching to make each mentee's list.".to_owned(),
            Some(l) => {
                let (n, chosen) = counts(l);
                format!(
                    "{n} mentee(s) listed; {chosen} choice(s) recorded, {} awaiting.",
                    n - chosen
                )
            }
        })
    };

    view! {
        <section class="mk-card mk-card--wide" aria-labelledby="suggestions-title" data-testid="suggestions">
            <h2 id="suggestions-title">"Suggestions and choices"</h2>
            <p class="mk-hint">"Each mentee gets their best mentors to choose from. Print or export the lists to hand them out; record each mentee's choice here. A recorded choice is a locked pair in the draft, kept by re-runs and published with it."</p>
            <p role="status" data-testid="suggestions-count">{heading}</p>
            <Show when=move || stale.get()>
                <p class="mk-banner mk-banner--warning" role="status">
                    "Participants or criteria changed since these suggestions were made. Run matching again to refresh them; recorded choices are kept."
                </p>
            </Show>
            <Show when=move || all.with(Option::is_some)>
                <div class="mk-toolbar">
                    <div class="mk-field">
                        <label for="suggestions-search">"Search mentees"</label>
                        <input id="suggestions-search" type="search" placeholder="Name or e-mail"
                            prop:value=move || query.get()
                            on:input=move |ev| { query.set(event_target_value(&ev)); page.set(0); }/>
                    </div>
                    <div class="mk-field">
                        <label for="suggestions-filter">"Show"</label>
                        <select id="suggestions-filter"
                            on:change=move |ev| {
                                filter.set(ChoiceFilter::from_key(&event_target_value(&ev)).unwrap_or_default());
                                page.set(0);
                            }>
                            {ChoiceFilter::ALL.into_iter().map(|f| view! {
                                <option value=f.key() selected=move || filter.get() == f>{f.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <label class="mk-check">
                        <input type="checkbox" prop:checked=move || one_per_page.get()
                            on:change=move |ev| one_per_page.set(event_target_checked(&ev))/>
                        "One mentee per printed page"
                    </label>
                    <button type="button" class="mk-button" data-testid="print-suggestions"
                        disabled=move || filtered.with(Vec::is_empty)
                        on:click=print>"Print lists"</button>
                    <button type="button" class="mk-button" data-testid="export-suggestions"
                        disabled=move || filtered.with(Vec::is_empty)
                        on:click=export>"Export suggestions (CSV)"</button>
                </div>
                <Show when=move || filtered.with(|f| !f.is_empty())
                    fallback=|| view! { <p class="mk-empty-line">"No mentee matches the search and filter."</p> }>
                    <ul class="mk-plain-list mk-suggestions">
                        {move || shown().into_iter().map(|l| view! { <MenteeRow list=l/> }).collect_view()}
                    </ul>
                    <nav class="mk-pager" aria-label="Pages of suggestions">
                        <span class="mk-pager__range">{move || {
                            let n = filtered.with(Vec::len);
                            let start = current() * PAGE_SIZE;
                            format!("{}-{} of {n}", start + 1, (start + PAGE_SIZE).min(n))
                        }}</span>
                        <button type="button" class="mk-button mk-button--small" disabled=move || current() == 0
                            on:click=move |_| page.set(current().saturating_sub(1))>"Previous page"</button>
                        <span>{move || format!("Page {} of {}", current() + 1, pages())}</span>
                        <button type="button" class="mk-button mk-button--small" disabled=move || { current() + 1 >= pages() }
                            on:click=move |_| page.set(current() + 1)>"Next page"</button>
                    </nav>
                </Show>
            </Show>
        </section>
        <Show when=move || printing.get()>
            <Portal>
                <PrintableLists lists=filtered one_per_page=one_per_page.get_untracked()/>
            </Portal>
        </Show>
    }
}

fn title_and_department(p: &Program, id: &PersonId) -> String {
    p.person(id).map_or_else(String::new, |x| {
        [x.title.trim(), x.department.trim()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// One mentee: their suggestions and their choice.
#[component]
fn MenteeRow(list: MenteeSuggestions) -> impl IntoView {
    let s = use_session();
    let mentee = list.mentee.clone();
    let mentee_name = s.program.with_untracked(|p| p.name_of(&mentee));
    let heading_id = format!("sugg-{mentee}");
    let labelled_by = heading_id.clone();
    let suggested = s.program.with_untracked(|p| {
        list.mentors
            .iter()
            .map(|m| {
                (
                    m.clone(),
                    p.name_of(&m.mentor),
                    title_and_department(p, &m.mentor),
                )
            })
            .collect::<Vec<_>>()
    });
    let choice = list.choice.clone();
    view! {
        <li class="mk-suggestion" aria-labelledby=labelled_by data-testid="suggestion-row">
            <h3 id=heading_id class="mk-suggestion__mentee">{mentee_name.clone()}</h3>
            {if suggested.is_empty() {
                view! { <p class="mk-hint">"No suggestions in this run (the mentee had chosen already)."</p> }.into_any()
            } else {
                view! {
                    <ol class="mk-suggestion__mentors">
                        {suggested.into_iter().map(|(m, name, role)| view! {
                            <li>
                                <strong>{name}</strong>
                                {(!role.is_empty()).then(|| format!(" ({role})"))}
                                {format!(" \u{2014} score {}", m.score)}
                                {m.full.then(|| view! { <span class="mk-tag">"Full now"</span> })}
                                {(!m.reasons.is_empty()).then(|| view! {
                                    <span class="mk-suggestion__reasons">{format!(" \u{2014} {}", m.reasons.join("; "))}</span>
                                })}
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {match choice {
                Some(c) => {
                    let who = s.program.with_untracked(|p| p.name_of(&c.mentor));
                    let rank = c.rank.map_or_else(|| "not among the suggestions".to_owned(), |r| format!("suggestion {r}"));
                    let score = c.score.map_or_else(|| "no score".to_owned(), |v| format!("score {v}"));
                    view! {
                        <p class="mk-suggestion__choice" data-testid="recorded-choice">
                            <strong>{format!("Chose {who}")}</strong>{format!(" ({score}, {rank}).")}
                        </p>
                        <ChoiceForm mentee=mentee.clone() mentee_name=mentee_name.clone() list=list.clone() change=true/>
                    }.into_any()
                }
                None => view! { <ChoiceForm mentee=mentee.clone() mentee_name=mentee_name.clone() list=list.clone() change=false/> }.into_any(),
            }}
        </li>
    }
}

/// Value of the "another mentor" entry of the choice menu.
const OTHER: &str = "__other";

/// Picks the mentor a mentee chose, previews the score change and records it (or clears a
/// recorded choice).
#[component]
fn ChoiceForm(
    mentee: PersonId,
    mentee_name: String,
    list: MenteeSuggestions,
    /// A choice is recorded already (offer "change" and "clear").
    change: bool,
) -> impl IntoView {
    let s = use_session();
    let picked = RwSignal::new(String::new());
    let other = RwSignal::new(String::new());
    let allow = RwSignal::new(false);
    let select_id = format!("choice-{mentee}");
    let other_id = format!("choice-other-{mentee}");
    let mentor = move || {
        let p = picked.get();
        if p == OTHER {
            let o = other.get();
            (!o.is_empty()).then(|| PersonId::from(o.as_str()))
        } else {
            (!p.is_empty()).then(|| PersonId::from(p.as_str()))
        }
    };
    let m2 = mentee.clone();
    let edit = move |allow_excluded: bool| {
        mentor().map(|mentor| DraftEdit::RecordChoice {
            mentee: m2.clone(),
            mentor,
            allow_excluded,
        })
    };
    let edit_for_preview = edit.clone();
    let preview = move || {
        edit_for_preview(false).map(|e| {
            s.program.with(|p| {
                draft::preview(p, &e)
                    .map(|pv| (describe_preview(p, &pv), pv.needs_confirmation()))
                    .map_err(|err| sentence(&err.to_string()))
            })
        })
    };
    // The row is drawn again after an edit: focus returns to its menu.
    let refocus = {
        let id = select_id.clone();
        move || {
            let id = id.clone();
            request_animation_frame(move || focus_element(&id));
        }
    };
    let refocus_clear = refocus.clone();
    let record = move || {
        if let Some(e) = edit(allow.get_untracked()) {
            if record_edit(s, e) {
                refocus();
            }
        }
    };
    let m3 = mentee.clone();
    let clear = move |_| {
        if record_edit(s, DraftEdit::ClearChoice(m3.clone())) {
            refocus_clear();
        }
    };
    let others = move || s.program.with(mentors_with_places);
    let suggested: Vec<(String, String)> = s.program.with_untracked(|p| {
        list.mentors
            .iter()
            .enumerate()
            .map(|(k, m)| {
                (
                    m.mentor.to_string(),
                    format!("{}. {} (score {})", k + 1, p.name_of(&m.mentor), m.score),
                )
            })
            .collect()
    });
    let label = if change {
        format!("Change {mentee_name}'s choice")
    } else {
        format!("{mentee_name} chose")
    };
    view! {
        <div class="mk-suggestion__form">
            <label for=select_id.clone()>{label}</label>
            <select id=select_id data-testid="choice-select"
                on:change=move |ev| { picked.set(event_target_value(&ev)); allow.set(false); }>
                <option value="" selected=move || picked.get().is_empty()>"\u{2014} pick the mentor \u{2014}"</option>
                {suggested.into_iter().map(|(id, text)| view! { <option value=id>{text}</option> }).collect_view()}
                <option value=OTHER>"Another mentor\u{2026}"</option>
            </select>
            <Show when=move || picked.get() == OTHER>
                <label for=other_id.clone()>"Mentor"</label>
                <select id=other_id.clone() data-testid="choice-other"
                    on:change=move |ev| { other.set(event_target_value(&ev)); allow.set(false); }>
                    <option value="">"\u{2014} any mentor with places \u{2014}"</option>
                    {move || others().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                </select>
            </Show>
            {move || match preview() {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="mk-field__error" role="alert">{e}</p> }.into_any(),
                Some(Ok((text, needs))) => view! {
                    <p class="mk-delta" role="status">{text}</p>
                    {needs.then(|| view! {
                        <label class="mk-check">
                            <input type="checkbox" prop:checked=move || allow.get()
                                on:change=move |ev| allow.set(event_target_checked(&ev))/>
                            "Record it although a rule excludes this pair"
                        </label>
                    })}
                    <button type="button" class="mk-button mk-button--primary mk-button--small" data-testid="record-choice"
                        disabled=move || needs && !allow.get()
                        on:click={let record = record.clone(); move |_| record()}>"Record choice"</button>
                }.into_any(),
            }}
            {change.then(|| view! {
                <button type="button" class="mk-button mk-button--small" data-testid="clear-choice" on:click=clear>"Clear choice"</button>
            })}
        </div>
    }
}

/// Records or clears a choice (one undoable change) and says so; whether it was made.
fn record_edit(s: Session, edit: DraftEdit) -> bool {
    match s.commit(edit) {
        Ok(done) => {
            s.app().notices.success(format!("{}.", done.label));
            true
        }
        Err(_) => false,
    }
}

/// Every list of the current search and filter, laid out for paper: names, roles, scores
/// and reasons, a line for the mentee's choice; never e-mails or notes.
#[component]
fn PrintableLists(lists: Memo<Vec<MenteeSuggestions>>, one_per_page: bool) -> impl IntoView {
    let s = use_session();
    let (title, rows) = s.program.with_untracked(|p| {
        let mut rows = lists.get_untracked();
        add_reasons(p, &mut rows);
        let rows = rows
            .into_iter()
            .map(|l| {
                let mentors = l
                    .mentors
                    .iter()
                    .map(|m| {
                        (
                            p.name_of(&m.mentor),
                            title_and_department(p, &m.mentor),
                            m.score,
                            m.reasons.join("; "),
                        )
                    })
                    .collect::<Vec<_>>();
                (p.name_of(&l.mentee), mentors)
            })
            .collect::<Vec<_>>();
        (p.name.clone(), rows)
    });
    let class = if one_per_page {
        "mk-print-area mk-print-area--paged"
    } else {
        "mk-print-area"
    };
    view! {
        <div class=class data-testid="print-area">
            {rows.into_iter().map(|(mentee, mentors)| view! {
                <article class="mk-print-card">
                    <p class="mk-print-card__program">{title.clone()}</p>
                    <h2>{format!("Suggested mentors for {mentee}")}</h2>
                    <ol>
                        {mentors.into_iter().map(|(name, role, score, reasons)| view! {
                            <li>
                                <strong>{name}</strong>
                                {(!role.is_empty()).then(|| format!(" ({role})"))}
                                {format!(" \u{2014} match score {score} of 100")}
                                {(!reasons.is_empty()).then(|| view! { <br/><span>{reasons}</span> })}
                            </li>
                        }).collect_view()}
                    </ol>
                    <p class="mk-print-card__choice">"My choice: ______________________________"</p>
                </article>
            }).collect_view()}
        </div>
    }
}
