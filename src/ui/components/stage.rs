//! The stage of workshop mode: the current slide, the what-if's deltas and the pairs
//! revealed so far. Renders a [`StageView`] only, so the presenter and the audience window
//! show exactly the same (redacted) thing.
//!
//! Nothing is told by colour alone: locks say "Locked", deltas carry their sign and the
//! words "up"/"down", the selected pair says "selected".

use leptos::prelude::*;

use crate::core::workshop::{
    score_text, signed, ChangeView, PairSlide, Slide, StageView, SummarySlide,
};

/// "up 6", "down 3", "no change".
fn delta_words(d: i64) -> String {
    match d.cmp(&0) {
        std::cmp::Ordering::Greater => format!("{} (up {d})", signed(d)),
        std::cmp::Ordering::Less => format!("{} (down {})", signed(d), d.unsigned_abs()),
        std::cmp::Ordering::Equal => format!("{} (no change)", signed(d)),
    }
}

fn score_of(s: Option<u8>) -> String {
    s.map_or("\u{2013}".to_owned(), |v| v.to_string())
}

/// The stage: the view to show, or a waiting message.
#[component]
pub fn Stage(
    /// What to show (`None`: nothing received yet).
    #[prop(into)]
    view: Signal<Option<StageView>>,
) -> impl IntoView {
    let announcement = move || view.with(|v| v.as_ref().map(|v| v.announcement.clone()));
    view! {
        <section class="mk-stage" aria-label="Stage" data-testid="stage">
            <p class="mk-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="stage-announcement">{announcement}</p>
            {move || match view.get() {
                None => view! {
                    <div class="mk-slide mk-slide--title" data-testid="slide">
                        <p class="mk-slide__big">"Waiting for the presenter\u{2026}"</p>
                    </div>
                }.into_any(),
                Some(v) => view! { <StageBody v=v/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn StageBody(v: StageView) -> impl IntoView {
    let slide = match v.slide.clone() {
        Slide::Title { pairs } => view! {
            <div class="mk-slide mk-slide--title" data-testid="slide" data-kind="title">
                <h2 class="mk-slide__title">{v.title.clone()}</h2>
                <p class="mk-slide__big">{format!("{pairs} pair(s) to reveal")}</p>
            </div>
        }
        .into_any(),
        Slide::Pair(p) => {
            view! { <PairSlideView p=p total=v.last_step.saturating_sub(1)/> }.into_any()
        }
        Slide::Summary(s) => view! { <SummarySlideView s=s/> }.into_any(),
    };
    let selected = v.selected;
    let picked = v.picked;
    let revealed = v.revealed.clone();
    view! {
        {slide}
        {v.change.clone().map(|c| view! { <ChangePanel c=c/> })}
        <p class="mk-stage__total" data-testid="stage-total">{format!("Cohort total score: {}", v.total_score)}</p>
        {(!revealed.is_empty()).then(|| view! {
            <h2 class="mk-stage__heading">"Revealed so far"</h2>
            <ol class="mk-stage__revealed" data-testid="revealed">
                {revealed.into_iter().enumerate().map(|(k, p)| {
                    let is_selected = selected == Some(k);
                    let is_picked = picked == Some(k);
                    view! {
                        <li class="mk-stage__pair"
                            class:mk-stage__pair--selected=is_selected
                            class:mk-stage__pair--picked=is_picked
                            aria-current=is_selected.then_some("true")
                            data-testid="revealed-pair">
                            {is_selected.then(|| view! { <span class="mk-stage__marker">"\u{25b6} selected: "</span> })}
                            <span class="mk-stage__num">{format!("{}.", p.number)}</span>" "
                            <strong>{p.mentee.clone()}</strong>" with "<strong>{p.mentor.clone()}</strong>
                            {format!(" \u{b7} score {}", score_of(p.score))}
                            {p.delta.map(|d| view! { <span class="mk-delta" data-testid="pair-delta">{format!(" \u{b7} {}", delta_words(d))}</span> })}
                            {p.locked.then(|| view! { <span class="mk-stage__lock">{if p.published { " \u{b7} \u{1f512} Published" } else { " \u{b7} \u{1f512} Locked" }}</span> })}
                            {is_picked.then(|| view! { <span class="mk-stage__marker">" \u{b7} \u{21c4} picked for a swap"</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        })}
    }
}

#[component]
fn PairSlideView(p: PairSlide, total: usize) -> impl IntoView {
    view! {
        <div class="mk-slide mk-slide--pair" data-testid="slide" data-kind="pair">
            <p class="mk-slide__kicker">{format!("Pair {} of {total}", p.number)}</p>
            <p class="mk-slide__names">
                <span class="mk-slide__name" data-testid="slide-mentee">{p.mentee.clone()}</span>
                <span class="mk-slide__with">" with mentor "</span>
                <span class="mk-slide__name" data-testid="slide-mentor">{p.mentor.clone()}</span>
            </p>
            <p class="mk-slide__score" data-testid="slide-score">
                {format!("{} of 100", capitalised(&score_text(p.score)))}
                {p.delta.map(|d| format!(", {}", delta_words(d)))}
            </p>
            {p.locked.then(|| view! {
                <p class="mk-slide__lock">{if p.published { "\u{1f512} Published: agreed" } else { "\u{1f512} Locked: agreed" }}</p>
            })}
            {(!p.reasons.is_empty()).then(|| view! {
                <h3 class="mk-slide__subtitle">"Why they match"</h3>
                <ul class="mk-slide__reasons" data-testid="slide-reasons">
                    {p.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}
                </ul>
            })}
        </div>
    }
}

fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[component]
fn SummarySlideView(s: SummarySlide) -> impl IntoView {
    let matched = match s.matched_percent {
        Some(pc) => format!(
            "{pc}% of mentees matched ({} of {})",
            s.matched_mentees, s.mentees
        ),
        None => "No mentees in this cycle".to_owned(),
    };
    let mean = s.mean_score.map_or("No scored pairs".to_owned(), |m| {
        format!("Mean score {m:.1} of 100")
    });
    view! {
        <div class="mk-slide mk-slide--summary" data-testid="slide" data-kind="summary">
            <h2 class="mk-slide__title">"Summary"</h2>
            <ul class="mk-slide__facts" data-testid="summary-facts">
                <li data-testid="summary-matched">{matched}</li>
                <li data-testid="summary-mean">{mean}</li>
                <li data-testid="summary-unmatched">{format!("{} mentee(s) unmatched", s.unmatched_mentees)}</li>
                <li>{format!("{} mentor(s) without a mentee", s.unmatched_mentors)}</li>
                <li>{format!("{} pair(s), {} locked or published", s.pairs, s.locked)}</li>
            </ul>
        </div>
    }
}

#[component]
fn ChangePanel(c: ChangeView) -> impl IntoView {
    let head = if c.applied {
        format!("Done: {}", c.label)
    } else {
        format!("What if: {}", c.label)
    };
    view! {
        <section class="mk-change" aria-label="Score change" data-testid="change">
            <h2 class="mk-change__title">{head}</h2>
            <ul class="mk-change__pairs">
                {c.pairs.iter().map(|p| {
                    let mentors = match (&p.mentor_before, &p.mentor_after) {
                        (Some(a), Some(b)) if a != b => format!("mentor {a} \u{2192} {b}"),
                        (Some(a), Some(_)) => format!("mentor {a}"),
                        (None, Some(b)) => format!("new mentor {b}"),
                        (Some(a), None) => format!("no longer with {a}"),
                        (None, None) => "unmatched".to_owned(),
                    };
                    view! {
                        <li data-testid="change-pair">{format!(
                            "{}: {mentors}, score {} \u{2192} {}, {}",
                            p.mentee, score_of(p.before), score_of(p.after), delta_words(p.delta)
                        )}</li>
                    }
                }).collect_view()}
            </ul>
            <p class="mk-change__total" data-testid="change-total">{format!(
                "Cohort total {} \u{2192} {}, {}",
                c.total_before, c.total_after, delta_words(c.total_delta())
            )}</p>
        </section>
    }
}
