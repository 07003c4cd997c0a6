//! Matching: the criteria, rules and algorithm as controls with a live preview, the run
//! (off the main thread), and the draft with its edits, undo/redo and publishing.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::app::session::use_session;
use crate::core::matching::scoring::{self, PairCode};
use crate::core::model::{Algorithm, CriterionKind, Preference, Program, Rules, MUST_HAVE};
use crate::ui::components::csv_export::{CsvExport, CsvExportButton};
use crate::ui::components::draft_list::DraftPanel;
use crate::ui::components::match_run::RunPanel;
use crate::ui::components::suggestions::SuggestionsPanel;

/// Above this many mentee x mentor pairs the preview is not computed on the page (it would
/// freeze it); the run reports instead.
const PREVIEW_PAIR_LIMIT: usize = 300_000;

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
            <RunPanel/>
            <SuggestionsPanel/>
            <DraftPanel/>
            <div class="mk-actions mk-card--wide mk-section__actions"><CsvExportButton what=CsvExport::Matches/></div>
        </div>
    }
}

/// Field errors of the config panel, by field id (bad input 41).
type FieldErrors = RwSignal<BTreeMap<String, String>>;

/// Parses a whole number in `min..=max`, or says why not.
fn parse_in_range(text: &str, min: u32, max: u32, what: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(v) if (min..=max).contains(&v) => Ok(v),
        Ok(v) => Err(format!("{what} must be from {min} to {max} (not {v}).")),
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

fn criterion_label(p: &Program, kind: &CriterionKind) -> String {
    match kind {
        CriterionKind::Skills => "Skills wanted vs offered".to_owned(),
        CriterionKind::Goals => "Goals".to_owned(),
        CriterionKind::SeniorityGap { min, max } => {
            format!("Seniority gap of {min} to {max} levels")
        }
        CriterionKind::Department { prefer } => match prefer {
            Preference::Same => "Same department".to_owned(),
            _ => "Different department".to_owned(),
        },
        CriterionKind::TimeZone => "Close time zones".to_owned(),
        CriterionKind::Language => "A shared language".to_owned(),
        CriterionKind::Field { field, prefer } => {
            let label = p
                .profile_fields
                .iter()
                .find(|f| &f.id == field)
                .map_or(field.0.clone(), |f| f.label.clone());
            format!("{label} ({prefer:?})").to_lowercase()
        }
    }
}

#[component]
fn CriteriaCard() -> impl IntoView {
    let s = use_session();
    let errors: FieldErrors = RwSignal::new(BTreeMap::new());
    let count = move || s.program.with(|p| p.matching.criteria.len());
    let set_weight = move |k: usize, text: String| {
        let id = format!("weight-{k}");
        match parse_in_range(&text, 0, u32::from(MUST_HAVE), "The weight") {
            Ok(w) => {
                set_error(errors, &id, None);
                let w = w as u8;
                if s.program
                    .with_untracked(|p| p.matching.criteria.get(k).map(|c| c.weight))
                    != Some(w)
                {
                    s.edit(|p| {
                        if let Some(c) = p.matching.criteria.get_mut(k) {
                            c.weight = w;
                        }
                    });
                }
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
    let toggle = move |label: &'static str,
                       id: &'static str,
                       get: fn(&Rules) -> bool,
                       set: fn(&mut Rules, bool)| {
        view! {
            <div class="mk-check">
                <input type="checkbox" id=id
                    prop:checked=move || s.program.with(|p| get(&p.matching.rules))
                    on:change=move |ev| { let on = event_target_checked(&ev); s.edit(|p| set(&mut p.matching.rules, on)); }/>
                <label for=id>{label}</label>
            </div>
        }
    };
    // A number field: empty allowed only when `empty` is given (the value it means).
    let number = move |label: &'static str,
                       id: &'static str,
                       min: u32,
                       max: u32,
                       empty: Option<fn(&mut Program)>,
                       get: fn(&Program) -> String,
                       set: fn(&mut Program, u32)| {
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
                        if text.trim().is_empty() {
                            if let Some(clear) = empty {
                                set_error(errors, id, None);
                                s.edit(clear);
                                return;
                            }
                        }
                        match parse_in_range(&text, min, max, label) {
                            Ok(v) => { set_error(errors, id, None); s.edit(|p| set(p, v)); }
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
                {toggle("Never the same team", "rule-team", |r| r.exclude_same_team, |r, v| r.exclude_same_team = v)}
                {toggle("Never the same manager", "rule-manager", |r| r.exclude_same_manager, |r, v| r.exclude_same_manager = v)}
                {toggle("Never the same department", "rule-department", |r| r.exclude_same_department, |r, v| r.exclude_same_department = v)}
                {toggle("No pair from an earlier cycle", "rule-repeat", |r| r.no_repeat_pairs, |r, v| r.no_repeat_pairs = v)}
                {number("Minimum score (0-100)", "rule-min-score", 0, 100, None,
                    |p| p.matching.rules.min_score.to_string(), |p, v| p.matching.rules.min_score = v as u8)}
                {number("Most time-zone hours apart (empty: any)", "rule-tz", 0, 26, Some(|p| p.matching.rules.max_time_zone_hours = None),
                    |p| p.matching.rules.max_time_zone_hours.map(|h| h.to_string()).unwrap_or_default(), |p, v| p.matching.rules.max_time_zone_hours = Some(v as u8))}
                {number("Mentors per mentee (1-5)", "rule-mentee-max", 1, 5, None,
                    |p| p.matching.rules.mentee_max_mentors.to_string(), |p, v| p.matching.rules.mentee_max_mentors = v as u8)}
                {number("Mentees per circle (2-30)", "rule-group-size", 2, 30, None,
                    |p| p.matching.group_size.to_string(), |p, v| p.matching.group_size = v as u8)}
                {number("Suggestions per mentee (1-20)", "rule-top-n", 1, 20, None,
                    |p| p.matching.top_n.to_string(), |p, v| p.matching.top_n = v as u8)}
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
                                    on:change=move |_| s.edit(|p| p.matching.algorithm = a)/>
                                <label for=id>{a.label()}</label>
                            </span>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </section>
    }
}

/// What the preview shows: the distribution of allowed pairs' scores and what each rule
/// excludes.
#[derive(Clone, Debug, PartialEq)]
enum PreviewData {
    TooLarge(usize),
    Empty {
        mentees: usize,
        mentors: usize,
    },
    Ready {
        /// Allowed pairs per score decile (0-9, ..., 90-100).
        buckets: [usize; 10],
        allowed: usize,
        /// (rule, pairs it excludes, first rule per pair), most first.
        excluded: Vec<(String, usize)>,
        pairs: usize,
    },
}

fn preview_of(p: &Program) -> PreviewData {
    let cohort = scoring::Cohort::new(p);
    let (mentees, mentors) = (cohort.mentee_count(), cohort.mentor_count());
    let pairs = mentees.saturating_mul(mentors);
    if pairs == 0 {
        return PreviewData::Empty { mentees, mentors };
    }
    if pairs > PREVIEW_PAIR_LIMIT {
        return PreviewData::TooLarge(pairs);
    }
    let matrix = scoring::score_cohort(&cohort);
    let mut buckets = [0usize; 10];
    let mut allowed = 0;
    let mut excluded: BTreeMap<String, usize> = BTreeMap::new();
    for i in 0..mentees {
        for &code in matrix.row(i) {
            match cohort.decode(code) {
                PairCode::Score(v) => {
                    allowed += 1;
                    buckets[usize::from(v / 10).min(9)] += 1;
                }
                PairCode::Excluded(rule) => {
                    let label = match rule {
                        scoring::ExclusionRule::MustHave(k) => p
                            .matching
                            .criteria
                            .get(k)
                            .map(|c| format!("must have: {}", criterion_label(p, &c.kind)))
                            .unwrap_or_else(|| rule.label()),
                        _ => rule.label(),
                    };
                    *excluded.entry(label).or_default() += 1;
                }
            }
        }
    }
    let mut excluded: Vec<(String, usize)> = excluded.into_iter().collect();
    excluded.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    PreviewData::Ready {
        buckets,
        allowed,
        excluded,
        pairs,
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
        s.program.with_untracked(preview_of)
    });
    view! {
        <section class="mk-card" aria-labelledby="preview-title">
            <h2 id="preview-title">"Preview"</h2>
            <div aria-live="polite" data-testid="preview">
                {move || match data.get() {
                    PreviewData::TooLarge(pairs) => view! {
                        <p class="mk-hint">{format!("{pairs} possible pairs: too many to preview on the page. The preview runs with the next match.")}</p>
                    }.into_any(),
                    PreviewData::Empty { mentees, mentors } => view! {
                        <p class="mk-hint">{format!("Nothing to preview: {mentees} mentee(s) and {mentors} mentor(s).")}</p>
                    }.into_any(),
                    PreviewData::Ready { buckets, allowed, excluded, pairs } => {
                        let most = buckets.iter().copied().max().unwrap_or(0).max(1);
                        view! {
                            <p class="mk-preview__summary">{format!("{allowed} of {pairs} possible pairs are allowed.")}</p>
                            <h3 class="mk-preview__title">"Scores of allowed pairs"</h3>
                            <ol class="mk-histogram">
                                {buckets.iter().enumerate().map(|(k, &n)| {
                                    let range = if k == 9 { "90-100".to_owned() } else { format!("{}-{}", k * 10, k * 10 + 9) };
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
