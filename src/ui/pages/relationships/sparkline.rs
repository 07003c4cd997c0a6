//! Sentiment over time for one relationship: a small inline SVG of its check-in ratings,
//! with a text alternative that says the same (the chart is never the only way to know).

use leptos::prelude::*;

use crate::app::sparkline::{coordinates, HEIGHT, PAD, WIDTH};
use crate::core::date::Date;
use crate::core::relationships::summary::ratings_text;

/// The chart and its text alternative.
#[component]
pub(super) fn Sparkline(
    /// (date, rating 1-5), oldest first.
    points: Vec<(Date, u8)>,
) -> impl IntoView {
    let text = ratings_text(&points);
    let xy = coordinates(&points);
    let line = xy
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let grid = [1u8, 3, 5].map(|r| PAD + (5.0 - f64::from(r)) / 4.0 * (HEIGHT - 2.0 * PAD));
    view! {
        <figure class="mk-sparkline">
            <Show when={let n = xy.len(); move || n > 0}>
                <svg class="mk-sparkline__chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") width=WIDTH height=HEIGHT
                    role="img" aria-hidden="true" focusable="false">
                    {grid.into_iter().map(|y| view! {
                        <line class="mk-sparkline__grid" x1=PAD x2=WIDTH - PAD y1=y y2=y/>
                    }).collect_view()}
                    <polyline class="mk-sparkline__line" points=line.clone() fill="none"/>
                    {xy.iter().map(|(x, y)| view! { <circle class="mk-sparkline__dot" cx=*x cy=*y r="3"/> }).collect_view()}
                </svg>
            </Show>
            <figcaption class="mk-sparkline__text">{text}</figcaption>
        </figure>
    }
}
