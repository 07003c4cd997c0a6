//! The stage of workshop mode: the current slide, the what-if's deltas and the pairs
//! revealed so far. Renders a [`StageView`] only, so the presenter and the audience window
//! show exactly the same (redacted) thing.
//!
//! Nothing is told by colour alone: locks say "Locked", deltas carry their sign and the
//! words "up"/"down", the selected pair says "selected".
//!
//! Sized to the screen (`fit`: the audience window and the stage-first presenter, issue 15)
//! the stage fills its box without scrolling at projector sizes: a what-if preview takes
//! the slide's place, a made change shows as its title and total, and the list of revealed
//! pairs gets the space left, scrolled to the selected (or latest) pair.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

/// Combined length (in characters) of the two names above which a pair's names are set
/// smaller, so that long names wrap onto fewer lines.
const LONG_NAMES: usize = 28;

/// The stage: the view to show, or a waiting message.
#[component]
pub fn Stage(
    /// What to show (`None`: nothing received yet).
    #[prop(into)]
    view: Signal<Option<StageView>>,
    /// Sized to the screen (see the module docs); otherwise the stage grows with its
    /// content, in the flow of the page.
    #[prop(into, optional)]
    fit: Signal<bool>,
) -> impl IntoView {
    let announcement = move || view.with(|v| v.as_ref().map(|v| v.announcement.clone()));
    // `Some(applied)` while a change is shown.
    let change = move || {
        view.with(|v| {
            v.as_ref()
                .and_then(|v| v.change.as_ref())
                .map(|c| c.applied)
        })
    };
    let stage = NodeRef::<leptos::html::Section>::new();
    // Synchronises the list's scroll position (outside Leptos' rendering) with the view:
    // after each change, before the next paint.
    Effect::new(move |_| {
        view.track();
        if fit.get() {
            request_animation_frame(move || {
                if let Some(el) = stage.get_untracked() {
                    keep_in_view(&el);
                }
            });
        }
    });
    view! {
        <section class="mk-stage" aria-label="Stage" data-testid="stage" node_ref=stage
            class:mk-stage--fit=move || fit.get()
            class:mk-stage--preview=move || change() == Some(false)
            class:mk-stage--applied=move || change() == Some(true)>
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

/// Scrolls the revealed pairs so the selected one (or else the latest) is in view: in a
/// stage sized to the screen the list only has the space the slide leaves.
fn keep_in_view(stage: &web_sys::Element) {
    let Some(list) = stage
        .query_selector(".mk-stage__revealed")
        .ok()
        .flatten()
        .and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let target = list
        .query_selector("[aria-current='true']")
        .ok()
        .flatten()
        .or_else(|| list.last_element_child())
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(target) = target else {
        return;
    };
    // The list is positioned, so offsets are relative to it.
    let (top, bottom) = (
        target.offset_top(),
        target.offset_top() + target.offset_height(),
    );
    let (scroll, height) = (list.scroll_top(), list.client_height());
    // An item taller than the room left shows its start (the "selected" marker).
    if bottom - top > height {
        list.set_scroll_top(top);
    } else if bottom > scroll + height {
        list.set_scroll_top(bottom - height);
    } else if top < scroll {
        list.set_scroll_top(top);
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
            <div class="mk-stage__list">
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
            </div>
        })}
    }
}

#[component]
fn PairSlideView(p: PairSlide, total: usize) -> impl IntoView {
    let long = p.mentee.chars().count() + p.mentor.chars().count() > LONG_NAMES;
    view! {
        <div class="mk-slide mk-slide--pair" data-testid="slide" data-kind="pair">
            <div class="mk-slide__top">
                <p class="mk-slide__kicker">{format!("Pair {} of {total}", p.number)}</p>
                {p.locked.then(|| view! {
                    <p class="mk-slide__lock">{if p.published { "\u{1f512} Published: agreed" } else { "\u{1f512} Locked: agreed" }}</p>
                })}
            </div>
            <p class="mk-slide__names" class:mk-slide__names--long=long>
                <span class="mk-slide__name" data-testid="slide-mentee">{p.mentee.clone()}</span>
                <span class="mk-slide__with">" with mentor "</span>
                <span class="mk-slide__name" data-testid="slide-mentor">{p.mentor.clone()}</span>
            </p>
            <p class="mk-slide__score" data-testid="slide-score">
                {format!("{} of 100", capitalised(&score_text(p.score)))}
                {p.delta.map(|d| format!(", {}", delta_words(d)))}
            </p>
            {(!p.reasons.is_empty()).then(|| view! {
                <div class="mk-slide__why">
                    <h3 class="mk-slide__subtitle">"Why they match"</h3>
                    <ul class="mk-slide__reasons" data-testid="slide-reasons">
                        {p.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}
                    </ul>
                </div>
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
