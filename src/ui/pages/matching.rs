//! Matching: the criteria, rules and algorithm as controls with a live preview, the run
//! (off the main thread), and the draft with its edits, undo/redo and publishing.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::app::session::{use_session, CommitError};
use crate::core::matching::config::{
    criterion_label, ConfigEdit, Limit, RuleSwitch, CIRCLE_SIZE, MENTORS_PER_MENTEE, MIN_SCORE,
    SUGGESTIONS, TIME_ZONE_HOURS, WEIGHT,
};
use crate::core::matching::preview::ScorePreview;
use crate::core::model::{Algorithm, Program, MUST_HAVE};
use crate::ui::components::csv_export::{CsvExport, CsvExportButton};
use crate::ui::components::draft::DraftPanel;
use crate::ui::components::match_run::RunPanel;
use crate::ui::components::rematch::RematchQueue;
use crate::ui::components::suggestions::SuggestionsPanel;

/// The Matching section.
#[component]
pub fn MatchingSection() -> impl IntoView {
    let s = use_session();
    let present = s.program.with_untracked(|p| {
        crate::app::route::Route::Program {
            id: p.id.clone(),
            section: crate::app::route::Section::Present,
        }
        .to_string()
    });
    view! {
        <div class="mk-grid">
            <div class="mk-actions mk-card--wide">
                <a class="mk-button" href=present data-testid="present" aria-keyshortcuts="g w">
                    "Present (projector mode)"
                </a>
                <span class="mk-hint">"Reveal the draft's pairs one at a time on a projector, and try swaps live. Shortcut: g then w."</span>
            </div>
            <CriteriaCard/>
            <RulesCard/>
            <AlgorithmCard/>
            <PreviewCard/>
            <RematchQueue/>
            <RunPanel/>
            <SuggestionsPanel/>
            <DraftPanel/>
            <div class="mk-actions mk-card--wide mk-section__actions"><CsvExportButton what=CsvExport::Matches/></div>
        </div>
    }
}

/// Field errors of the config panel, by field id (bad input 41).
type FieldErrors = RwSignal<BTreeMap<String, String>>;

/// Parses a whole number in a setting's range, or says why not, naming the setting as its
/// control does (bad input 41).
fn parse_in_range(text: &str, limit: Limit, what: &str) -> Result<u8, String> {
    let Limit { min, max, .. } = limit;
    match text.trim().parse::<u32>() {
        Ok(v) => limit
            .check(v)
            .map_err(|_| format!("{what} must be from {min} to {max} (not {v}).")),
        Err(_) => Err(format!(
            "{what} must be a whole number from {min} to {max} (not \u{201c}{}\u{201d}).",
            text.trim()
        )),
    }
}

/// Sets or clears one field's error.
fn set_error(errors: FieldErrors, id: &str, error: Option<String>) {
    errors.update(|e| match error {
        Some(msg) => {
            e.insert(id.to_owned(), msg);
        }
        None => {
            e.remove(id);
        }
    });
}

#[component]
fn CriteriaCard() -> impl IntoView {
    let s = use_session();
    let errors: FieldErrors = RwSignal::new(BTreeMap::new());
    let count = move || s.program.with(|p| p.matching.criteria.len());
    let set_weight = move |k: usize, text: String| {
        let id = format!("weight-{k}");
        match parse_in_range(&text, WEIGHT, WEIGHT.what) {
            Ok(weight) => {
                set_error(errors, &id, None);
                let _ = s.commit(ConfigEdit::SetWeight {
                    criterion: k,
                    weight,
                });
            }
            Err(msg) => set_error(errors, &id, Some(msg)),
        }
    };
    view! {
        <section class="mk-card" aria-labelledby="criteria-title">
            <h2 id="criteria-title">"Criteria"</h2>
            <p class="mk-hint">"Weight 0 ignores a criterion; 10 makes it a must have (a hard rule)."</p>
            <Show when=move || { count() > 0 } fallback=|| view! { <p class="mk-empty-line">"No criteria: every allowed pair scores the same."</p> }>
                <ul class="mk-plain-list mk-weights">
                    {move || (0..count()).map(|k| {
                        let id = format!("weight-{k}");
                        let err_id = format!("weight-{k}-error");
                        let label = move || s.program.with(|p| p.matching.criteria.get(k).map(|c| criterion_label(p, &c.kind)).unwrap_or_default());
                        let weight = move || s.program.with(|p| p.matching.criteria.get(k).map_or(0, |c| c.weight));
                        let id_err = id.clone();
                        view! {
                            <li class="mk-weight">
                                <label for=id.clone() class="mk-weight__label">{label}</label>
                                <input type="range" min="0" max="10" step="1" class="mk-weight__slider"
                                    aria-label=move || format!("{} weight (slider)", label())
                                    prop:value=move || weight().to_string()
                                    on:change=move |ev| set_weight(k, event_target_value(&ev))/>
                                <input id=id.clone() type="text" inputmode="numeric" class="mk-weight__number" size="3"
                                    aria-describedby=err_id.clone()
                                    aria-invalid=move || errors.with(|e| e.contains_key(&id_err)).then_some("true")
                                    prop:value=move || weight().to_string()
                                    on:change=move |ev| set_weight(k, event_target_value(&ev))/>
                                <span class="mk-badge">{move || if weight() >= MUST_HAVE { "must have".to_owned() } else if weight() == 0 { "ignored".to_owned() } else { format!("weight {}", weight()) }}</span>
                                <p id=err_id class="mk-field__error" role="alert">{move || errors.with(|e| e.get(&id).cloned())}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn RulesCard() -> impl IntoView {
    let s = use_session();
    let errors: FieldErrors = RwSignal::new(BTreeMap::new());
    let toggle = move |rule: RuleSwitch| {
        let id = format!("rule-{}", rule.key());
        view! {
            <div class="mk-check">
                <input type="checkbox" id=id.clone()
                    prop:checked=move || s.program.with(|p| rule.get(&p.matching.rules))
                    on:change=move |ev| { let _ = s.commit(ConfigEdit::SetRule(rule, event_target_checked(&ev))); }/>
                <label for=id>{rule.label()}</label>
            </div>
        }
    };
    // A number field: empty allowed only when `empty` is given (the change it means).
    let number = move |label: &'static str,
                       id: &'static str,
                       limit: Limit,
                       empty: Option<ConfigEdit>,
                       get: fn(&Program) -> String,
                       set: fn(u8) -> ConfigEdit| {
        let err_id = format!("{id}-error");
        view! {
            <div class="mk-field mk-field--small">
                <label for=id>{label}</label>
                <input id=id type="text" inputmode="numeric" size="4"
                    aria-describedby=err_id.clone()
                    aria-invalid=move || errors.with(|e| e.contains_key(id)).then_some("true")
                    prop:value=move || s.program.with(get)
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        let edit = match (text.trim().is_empty(), empty) {
                            (true, Some(clear)) => Ok(clear),
                            _ => parse_in_range(&text, limit, label).map(set),
                        };
                        match edit {
                            Ok(edit) => {
                                set_error(errors, id, None);
                                if let Err(CommitError::Edit(e)) = s.commit_inline(edit) {
                                    set_error(errors, id, Some(e.to_string()));
                                }
                            }
                            Err(msg) => set_error(errors, id, Some(msg)),
                        }
                    }/>
                <p id=err_id class="mk-field__error" role="alert">{move || errors.with(|e| e.get(id).cloned())}</p>
            </div>
        }
    };
    view! {
        <section class="mk-card" aria-labelledby="rules-title">
            <h2 id="rules-title">"Hard rules"</h2>
            <div class="mk-form">
                {RuleSwitch::ALL.into_iter().map(toggle).collect_view()}
                {number("Minimum score (0-100)", "rule-min-score", MIN_SCORE, None,
                    |p| p.matching.rules.min_score.to_string(), ConfigEdit::SetMinScore)}
                {number("Most time-zone hours apart (empty: any)", "rule-tz", TIME_ZONE_HOURS, Some(ConfigEdit::SetMaxTimeZoneHours(None)),
                    |p| p.matching.rules.max_time_zone_hours.map(|h| h.to_string()).unwrap_or_default(), |v| ConfigEdit::SetMaxTimeZoneHours(Some(v)))}
                {number("Mentors per mentee (1-5)", "rule-mentee-max", MENTORS_PER_MENTEE, None,
                    |p| p.matching.rules.mentee_max_mentors.to_string(), ConfigEdit::SetMentorsPerMentee)}
                {number("Mentees per circle (2-30)", "rule-group-size", CIRCLE_SIZE, None,
                    |p| p.matching.group_size.to_string(), ConfigEdit::SetCircleSize)}
                {number("Suggestions per mentee (1-20)", "rule-top-n", SUGGESTIONS, None,
                    |p| p.matching.top_n.to_string(), ConfigEdit::SetSuggestions)}
            </div>
            <p class="mk-hint">{move || s.program.with(|p| {
                let n = p.matching.rules.forbidden_pairs.len();
                (n > 0).then(|| format!("{n} forbidden pair(s) are never matched."))
            })}</p>
        </section>
    }
}

#[component]
fn AlgorithmCard() -> impl IntoView {
    let s = use_session();
    view! {
        <section class="mk-card" aria-labelledby="algorithm-title">
            <h2 id="algorithm-title">"Algorithm"</h2>
            <fieldset class="mk-field mk-field--full">
                <legend>"How to match"</legend>
                <div class="mk-radio-col">
                    {Algorithm::ALL.into_iter().map(|a| {
                        let id = format!("algorithm-{}", a.key());
                        view! {
                            <span class="mk-radio">
                                <input type="radio" name="algorithm" id=id.clone() value=a.key()
                                    prop:checked=move || s.program.with(|p| p.matching.algorithm == a)
                                    on:change=move |_| { let _ = s.commit(ConfigEdit::SetAlgorithm(a)); }/>
                                <label for=id>{a.label()}</label>
                            </span>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </section>
    }
}

#[component]
fn PreviewCard() -> impl IntoView {
    let s = use_session();
    // What the preview depends on (people, criteria, rules): draft edits change none of it,
    // so they do not score the cohort again.
    let inputs = Memo::new(move |_| {
        s.program.with(|p| {
            (
                p.people.clone(),
                p.matching.clone(),
                p.profile_fields.clone(),
                p.cycle,
            )
        })
    });
    let data = Memo::new(move |_| {
        // Read (not just track) so the lazy memo runs and subscribes to the program.
        inputs.with(|_| ());
        s.program.with_untracked(ScorePreview::of)
    });
    view! {
        <section class="mk-card" aria-labelledby="preview-title">
            <h2 id="preview-title">"Preview"</h2>
            <div aria-live="polite" data-testid="preview">
                {move || match data.get() {
                    ScorePreview::TooLarge(pairs) => view! {
                        <p class="mk-hint">{format!("{pairs} possible pairs: too many to preview on the page. The preview runs with the next match.")}</p>
                    }.into_any(),
                    ScorePreview::Empty { mentees, mentors } => view! {
                        <p class="mk-hint">{format!("Nothing to preview: {mentees} mentee(s) and {mentors} mentor(s).")}</p>
                    }.into_any(),
                    ScorePreview::Ready { buckets, allowed, excluded, pairs } => {
                        let most = buckets.iter().copied().max().unwrap_or(0).max(1);
                        view! {
                            <p class="mk-preview__summary">{format!("{allowed} of {pairs} possible pairs are allowed.")}</p>
                            <h3 class="mk-preview__title">"Scores of allowed pairs"</h3>
                            <ol class="mk-histogram">
                                {buckets.iter().enumerate().map(|(k, &n)| {
                                    let range = ScorePreview::bucket_label(k);
                                    // Set through the CSSOM (not a style attribute), which a strict CSP allows.
                                    let width = format!("{}%", n * 100 / most);
                                    view! {
                                        <li class="mk-histogram__row">
                                            <span class="mk-histogram__label">{range}</span>
                                            <span class="mk-histogram__track"><span class="mk-histogram__bar" style:width=width></span></span>
                                            <span class="mk-num mk-histogram__count">{n}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                            <h3 class="mk-preview__title">"Pairs excluded per rule"</h3>
                            {if excluded.is_empty() {
                                view! { <p class="mk-hint">"No rule excludes any pair."</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="mk-plain-list" data-testid="excluded-per-rule">
                                        {excluded.into_iter().map(|(rule, n)| view! { <li>{format!("{rule}: {n}")}</li> }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        }.into_any()
                    }
                }}
            </div>
        </section>
    }
}
