//! The rehearsal panel (issue 15): before the room fills, the facilitator steps through the
//! slides on this screen alone and sees how many pairs there are, the time so far, the
//! pace and how long the reveal will take. The timing is the core's [`Rehearsal`]; this
//! panel only shows it and ticks the clock. The audience window keeps the live stage, and
//! the draft never changes (the presenter refuses edits while a rehearsal runs).

use std::time::Duration;

use leptos::prelude::*;

use super::presenter::Presenter;
use crate::core::workshop::{clock, duration_words, Rehearsal};

/// The planned pace's bounds (seconds per pair).
const PACE_RANGE: std::ops::RangeInclusive<u32> = 1..=3600;

/// What the rehearsal has measured, as shown.
#[component]
pub(super) fn RehearsePanel(p: Presenter) -> impl IntoView {
    // The clock ticks each second while the panel is shown.
    let now = RwSignal::new(js_sys::Date::now());
    let tick = set_interval_with_handle(
        move || {
            now.try_set(js_sys::Date::now());
        },
        Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
    });
    let with = move |f: &dyn Fn(&Rehearsal) -> String| {
        p.rehearsal.with(|r| r.as_ref().map(f)).unwrap_or_default()
    };
    let elapsed = move || with(&|r| clock(r.elapsed_seconds(now.get()) as u64));
    let pairs = move || with(&|r| r.pairs().to_string());
    let pace = move || {
        with(&|r| {
            let e = r.estimate(p.planned_pace.get());
            if e.measured {
                format!(
                    "{:.0} s per pair (timed on {} pair(s))",
                    e.seconds_per_pair,
                    r.timed_pairs()
                )
            } else {
                format!("{:.0} s per pair (planned)", e.seconds_per_pair)
            }
        })
    };
    let estimate = move || {
        with(&|r| {
            let e = r.estimate(p.planned_pace.get());
            format!("about {}", duration_words(e.total_seconds))
        })
    };
    view! {
        <section class="mk-card mk-rehearse" aria-labelledby="rehearse-title" data-testid="rehearse-panel">
            <div class="mk-rehearse__head">
                <h2 id="rehearse-title">"Rehearsal"</h2>
                <p class="mk-hint">
                    "Only on this screen: the audience window keeps the live stage and the draft does not change. Step with \u{2192} and \u{2190}; each pair's slide is timed."
                </p>
            </div>
            <dl class="mk-rehearse__facts">
                <div><dt>"Pairs to reveal"</dt><dd data-testid="rehearse-pairs">{pairs}</dd></div>
                <div><dt>"Time so far"</dt><dd data-testid="rehearse-clock">{elapsed}</dd></div>
                <div><dt>"Pace"</dt><dd data-testid="rehearse-pace">{pace}</dd></div>
                <div><dt>"The reveal takes"</dt><dd data-testid="rehearse-estimate">{estimate}</dd></div>
            </dl>
            <div class="mk-rehearse__actions">
                <span class="mk-inline-form">
                    <label for="rehearse-planned">"Planned seconds per pair"</label>
                    <input id="rehearse-planned" class="mk-rehearse__input" type="number" inputmode="numeric"
                        min=*PACE_RANGE.start() max=*PACE_RANGE.end()
                        prop:value=move || p.planned_pace.get().to_string()
                        on:change=move |ev| {
                            // Anything but a whole number in range keeps the previous pace.
                            match event_target_value(&ev).trim().parse::<u32>() {
                                Ok(v) if PACE_RANGE.contains(&v) => p.planned_pace.set(v),
                                _ => p.planned_pace.update(|_| {}),
                            }
                        }/>
                </span>
                <button class="mk-button" on:click=move |_| p.start_rehearsal()>"Restart"</button>
                <button class="mk-button mk-button--primary" data-testid="rehearse-end"
                    on:click=move |_| p.end_rehearsal()>"End the rehearsal"</button>
            </div>
        </section>
    }
}
