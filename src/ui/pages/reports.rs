//! Reports: the program's headline figures and its goals.

use leptos::prelude::*;

use crate::app::session::use_session;
use crate::core::reports::stats;
use crate::ui::pages::participants::Stat;

/// The Reports section.
#[component]
pub fn ReportsSection() -> impl IntoView {
    let s = use_session();
    let st = Memo::new(move |_| s.program.with(stats));
    let goals = move || {
        s.program.with(|p| {
            p.goals
                .iter()
                .map(|g| {
                    let target =
                        format!("{} {} {}", g.comparison.label(), g.target, g.unit.label());
                    let baseline = g
                        .baseline
                        .map(|b| format!("baseline {b} {}", g.unit.label()));
                    (g.title.clone(), g.metric.clone(), target, baseline)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="mk-stats" role="list" aria-label="Program figures">
            <Stat label="Participants" value=Signal::derive(move || st.get().people.to_string())/>
            <Stat label="Mentees matched" value=Signal::derive(move || format!("{} of {}", st.get().matched_mentees, st.get().mentees))/>
            <Stat label="Match rate" value=Signal::derive(move || format!("{} %", st.get().match_rate_percent()))/>
            <Stat label="Draft matches" value=Signal::derive(move || st.get().proposed.to_string())/>
            <Stat label="Running relationships" value=Signal::derive(move || st.get().running.to_string())/>
            <Stat label="Completed" value=Signal::derive(move || st.get().completed.to_string())/>
            <Stat label="Ended early" value=Signal::derive(move || st.get().ended_early.to_string())/>
        </div>
        <section class="mk-card mk-card--wide" aria-labelledby="report-goals">
            <h2 id="report-goals">"Goals and targets"</h2>
            <Show when=move || !goals().is_empty() fallback=|| view! { <p class="mk-empty-line">"No goals set: add them in Overview."</p> }>
                <ul class="mk-plain-list">
                    {move || goals().into_iter().map(|(title, metric, target, baseline)| view! {
                        <li>
                            <strong>{title}</strong>
                            {(!metric.is_empty()).then(|| view! { <span>" \u{2013} " {metric.clone()}</span> })}
                            <span class="mk-badge">{target}</span>
                            {baseline.map(|b| view! { <span class="mk-hint">" (" {b} ")"</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <p class="mk-hint">
                "Measured outcomes (sentiment, goal progress, stalled pairs) and the printable pilot report "
                "come with check-ins; these figures are computed from the program as it is now."
            </p>
        </section>
    }
}
