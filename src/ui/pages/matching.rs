//! Matching: the criteria and rules the program matches with, and its current draft.

use leptos::prelude::*;

use crate::app::session::use_session;
use crate::core::model::{CriterionKind, MatchStatus, Preference, MUST_HAVE};

/// The Matching section.
#[component]
pub fn MatchingSection() -> impl IntoView {
    let s = use_session();
    let criteria = move || {
        s.program.with(|p| {
            p.matching
                .criteria
                .iter()
                .map(|c| {
                    let what = match &c.kind {
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
                    };
                    let weight = if c.weight >= MUST_HAVE {
                        "must have".to_owned()
                    } else {
                        format!("weight {}", c.weight)
                    };
                    (what, weight)
                })
                .collect::<Vec<_>>()
        })
    };
    let rules = move || {
        s.program.with(|p| {
            let r = &p.matching.rules;
            let mut v = Vec::new();
            if r.exclude_same_team {
                v.push("Never the same team".to_owned());
            }
            if r.exclude_same_manager {
                v.push("Never the same manager".to_owned());
            }
            if r.exclude_same_department {
                v.push("Never the same department".to_owned());
            }
            if let Some(h) = r.max_time_zone_hours {
                v.push(format!("At most {h} hours of time-zone difference"));
            }
            if r.min_score > 0 {
                v.push(format!("Minimum score {}", r.min_score));
            }
            if r.no_repeat_pairs {
                v.push("No pair from an earlier cycle".to_owned());
            }
            v.push(format!(
                "Each mentee gets at most {} mentor(s)",
                r.mentee_max_mentors
            ));
            if !r.forbidden_pairs.is_empty() {
                v.push(format!("{} forbidden pair(s)", r.forbidden_pairs.len()));
            }
            v
        })
    };
    let drafts = move || {
        s.program.with(|p| {
            p.current_matches()
                .filter(|m| m.status == MatchStatus::Proposed)
                .map(|m| {
                    let name = |id| {
                        p.person(id)
                            .map_or_else(|| "?".to_owned(), |x| x.name.clone())
                    };
                    (
                        m.id.0.clone(),
                        name(&m.mentee),
                        name(&m.mentor),
                        m.score.map_or("\u{2013}".to_owned(), |x| x.to_string()),
                        m.locked,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="mk-grid">
            <section class="mk-card" aria-labelledby="criteria-title">
                <h2 id="criteria-title">"Criteria"</h2>
                <p class="mk-hint">{move || format!("Algorithm: {}.", s.program.with(|p| p.matching.algorithm.label()))}</p>
                <ul class="mk-plain-list">
                    {move || criteria().into_iter().map(|(what, weight)| view! {
                        <li><span>{what}</span> <span class="mk-badge">{weight}</span></li>
                    }).collect_view()}
                </ul>
            </section>
            <section class="mk-card" aria-labelledby="rules-title">
                <h2 id="rules-title">"Hard rules"</h2>
                <ul class="mk-plain-list">
                    {move || rules().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                </ul>
            </section>
            <section class="mk-card mk-card--wide" aria-labelledby="draft-title">
                <h2 id="draft-title">"Draft matches"</h2>
                <Show when=move || drafts().is_empty() fallback=move || view! {
                    <div class="mk-table-wrap">
                        <table class="mk-table">
                            <thead><tr><th scope="col">"Mentee"</th><th scope="col">"Mentor"</th><th scope="col">"Score"</th><th scope="col">"Locked"</th></tr></thead>
                            <tbody>
                                {drafts().into_iter().map(|(_, mentee, mentor, score, locked)| view! {
                                    <tr><th scope="row">{mentee}</th><td>{mentor}</td><td class="mk-num">{score}</td><td>{if locked { "Locked" } else { "" }}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }>
                    <p class="mk-empty-line">
                        "No draft yet. Running the matching engine from this page, editing the draft "
                        "(lock, swap, move, unmatch) and publishing come with the matching workflow; "
                        "the command-line tool can already match a program file."
                    </p>
                </Show>
            </section>
        </div>
    }
}
