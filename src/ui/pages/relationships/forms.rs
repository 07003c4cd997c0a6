//! The detail panel's forms: change the status (with the event's details and, for ending
//! early, the rematch), log a meeting, record a check-in, add or edit a goal, record the
//! agreement. Every form commits one operation; a refusal shows next to the form.

use leptos::prelude::*;

use super::RelUi;
use crate::app::session::CommitError;
use crate::core::date::Date;
use crate::core::edit::{EditError, Operation};
use crate::core::model::{MatchId, MatchStatus, RelGoalId};
use crate::core::relationships::duration::parse_minutes;
use crate::core::relationships::lifecycle::{
    CheckInInput, GoalInput, MeetingInput, RelationshipEdit, Rematch,
};
use crate::core::relationships::model::{
    Actor, Agreement, Fit, GoalStatus, MeetingMode, OnTrack, ReasonCode,
};

/// Commits `op` from a form: on success announces it (with Undo) and returns `true`; a
/// refusal goes to `error` instead of a notice.
pub(super) fn submit<O: Operation>(ui: RelUi, op: O, error: RwSignal<Option<String>>) -> bool {
    match ui.s.commit_inline(op) {
        Ok(done) => {
            error.set(None);
            ui.s.notify_with_undo(
                crate::app::notices::NoticeKind::Success,
                format!("{}.", done.label),
                done.step,
            );
            true
        }
        Err(CommitError::Edit(EditError::Refused(e))) => {
            error.set(Some(crate::app::session::sentence(&e.to_string())));
            false
        }
        Err(_) => false,
    }
}

/// Reads a date field: empty is `None`, anything else must be a date.
fn optional_date(text: &str, what: &str) -> Result<Option<Date>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    text.trim()
        .parse::<Date>()
        .map(Some)
        .map_err(|e| format!("{what}: {e}."))
}

fn required_date(text: &str, what: &str) -> Result<Date, String> {
    optional_date(text, what)?.ok_or_else(|| format!("{what}: give a date."))
}

/// A `<select>` over a keyed list, with an optional "not said" first entry.
fn key_select<T: Copy + PartialEq + Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    all: &'static [T],
    key: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
    none: Option<&'static str>,
    value: RwSignal<Option<T>>,
) -> impl IntoView {
    view! {
        <div class="mk-field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                value.set(all.iter().copied().find(|x| key(*x) == v));
            }>
                {none.map(|n| view! { <option value="" selected=move || value.get().is_none()>{n}</option> })}
                {all.iter().copied().map(|x| view! {
                    <option value=key(x) selected=move || value.get() == Some(x)>{text(x)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

const ACTORS: &[Actor] = &[Actor::Coordinator, Actor::Mentor, Actor::Mentee];

/// The form of a status change: date, who asked, reason, note; for ending early the
/// rematch choices.
#[component]
pub(super) fn TransitionForm(
    id: MatchId,
    to: MatchStatus,
    #[prop(into)] on_done: Callback<bool>,
) -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let date = RwSignal::new(ui.as_of.to_string());
    let by = RwSignal::new(Some(Actor::Coordinator));
    let default_reason = match to {
        MatchStatus::Completed => Some(ReasonCode::GoalsMet),
        _ => None,
    };
    let reason = RwSignal::new(default_reason);
    let note = RwSignal::new(String::new());
    let cooldown_default =
        ui.s.program
            .with_untracked(|p| p.follow_up.rematch_cooldown_days);
    let queue = RwSignal::new(true);
    let never_again = RwSignal::new(false);
    let cooldown = RwSignal::new(cooldown_default.to_string());
    let error = RwSignal::new(None::<String>);
    let ending = to == MatchStatus::EndedEarly;
    let mentee = ui.s.program.with_untracked(|p| {
        p.matches
            .iter()
            .find(|m| m.id == id)
            .map(|m| p.name_of(&m.mentee))
            .unwrap_or_default()
    });
    let verb = match to {
        MatchStatus::Active => "Resume",
        MatchStatus::OnHold => "Put on hold",
        MatchStatus::Completed => "Complete",
        MatchStatus::EndedEarly => "End early",
        MatchStatus::Declined => "Mark as declined",
        MatchStatus::Proposed => "Back to draft",
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let date = match required_date(&date.get_untracked(), "The date") {
            Ok(d) => d,
            Err(e) => return error.set(Some(e)),
        };
        let cooldown_days = if ending {
            match cooldown.get_untracked().trim().parse::<u16>() {
                Ok(n) if n <= 365 => n,
                _ => {
                    return error.set(Some(
                        "The cooldown must be a whole number of days from 0 to 365.".into(),
                    ))
                }
            }
        } else {
            0
        };
        let op = RelationshipEdit::Transition {
            id: id.clone(),
            to,
            date,
            by: by.get_untracked().unwrap_or(Actor::Coordinator),
            reason: reason.get_untracked(),
            note: note.get_untracked(),
            rematch: Rematch {
                queue: ending && queue.get_untracked(),
                never_again: ending && never_again.get_untracked(),
                cooldown_days,
            },
        };
        if submit(ui, op, error) {
            on_done.run(true);
        }
    };
    view! {
        <form class="mk-rel-form" aria-labelledby="rel-transition-title" on:submit=save>
            <h4 id="rel-transition-title">{format!("{verb}: the details")}</h4>
            <Show when=move || ending>
                <p class="mk-hint">"Ending early is no-fault: the reason says what happened, not whose fault it was. The note is for coordinators only."</p>
            </Show>
            <div class="mk-form">
                <div class="mk-field">
                    <label for="rel-transition-date">"Date"</label>
                    <input id="rel-transition-date" type="date" required min="1000-01-01" max="9999-12-31"
                        prop:value=move || date.get() on:change=move |ev| date.set(event_target_value(&ev))/>
                </div>
                {key_select("rel-transition-by", "Asked for by", ACTORS, Actor::key, Actor::label, None, by)}
                {key_select("rel-transition-reason", "Reason", ReasonCode::ALL, ReasonCode::key, ReasonCode::label, Some("Not said"), reason)}
            </div>
            <div class="mk-field">
                <label for="rel-transition-note">"Note (only coordinators see it)"</label>
                <textarea id="rel-transition-note" rows="2" prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
            <Show when=move || ending>
                <fieldset class="mk-fieldset">
                    <legend>"Rematch"</legend>
                    <label class="mk-check">
                        <input type="checkbox" id="rel-rematch-queue" prop:checked=move || queue.get()
                            on:change=move |ev| queue.set(event_target_checked(&ev))/>
                        {format!("Put {mentee} in the rematch queue (the mentor's place is freed)")}
                    </label>
                    <label class="mk-check">
                        <input type="checkbox" id="rel-rematch-never" prop:checked=move || never_again.get()
                            on:change=move |ev| never_again.set(event_target_checked(&ev))/>
                        "Never pair these two again"
                    </label>
                    <div class="mk-field mk-field--narrow">
                        <label for="rel-rematch-cooldown">"Cooldown before a rematch (days)"</label>
                        <input id="rel-rematch-cooldown" type="number" min="0" max="365" inputmode="numeric"
                            prop:value=move || cooldown.get() on:input=move |ev| cooldown.set(event_target_value(&ev))/>
                    </div>
                </fieldset>
            </Show>
            <p class="mk-field__error" role="alert">{move || error.get()}</p>
            <div class="mk-actions">
                <button type="submit" class="mk-button mk-button--primary" data-testid="rel-transition-confirm">{verb}</button>
                <button type="button" class="mk-button" on:click=move |_| on_done.run(false)>"Cancel"</button>
            </div>
        </form>
    }
}

/// Log a meeting by hand.
#[component]
pub(super) fn MeetingForm(id: MatchId) -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let date = RwSignal::new(ui.as_of.to_string());
    let length = RwSignal::new(String::new());
    let mode = RwSignal::new(None::<MeetingMode>);
    let by = RwSignal::new(Some(Actor::Coordinator));
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let date = match required_date(&date.get_untracked(), "The meeting's date") {
            Ok(d) => d,
            Err(e) => return error.set(Some(e)),
        };
        let text = length.get_untracked();
        let minutes = if text.trim().is_empty() {
            None
        } else {
            match parse_minutes(&text) {
                Ok(n) => Some(n),
                Err(e) => return error.set(Some(format!("The length: {e}."))),
            }
        };
        let op = RelationshipEdit::LogMeeting {
            id: id.clone(),
            meeting: MeetingInput {
                date,
                minutes,
                mode: mode.get_untracked(),
                logged_by: by.get_untracked().unwrap_or(Actor::Coordinator),
                note: note.get_untracked(),
            },
            as_of: ui.as_of,
        };
        if submit(ui, op, error) {
            length.set(String::new());
            note.set(String::new());
        }
    };
    view! {
        <form class="mk-rel-form" aria-labelledby="rel-meeting-title" on:submit=save>
            <h4 id="rel-meeting-title">"Log a meeting"</h4>
            <div class="mk-form">
                <div class="mk-field">
                    <label for="rel-meeting-date">"Date"</label>
                    <input id="rel-meeting-date" type="date" required min="1000-01-01" max="9999-12-31"
                        prop:value=move || date.get() on:change=move |ev| date.set(event_target_value(&ev))/>
                </div>
                <div class="mk-field">
                    <label for="rel-meeting-length">"Length"</label>
                    <input id="rel-meeting-length" type="text" placeholder="90, 1:30 or 1h 30m" aria-describedby="rel-meeting-length-hint"
                        prop:value=move || length.get() on:input=move |ev| length.set(event_target_value(&ev))/>
                    <span id="rel-meeting-length-hint" class="mk-hint">"5 minutes to 10 hours; leave empty if not known."</span>
                </div>
                {key_select("rel-meeting-mode", "How", MeetingMode::ALL, MeetingMode::key, MeetingMode::label, Some("Not said"), mode)}
                {key_select("rel-meeting-by", "Logged by", ACTORS, Actor::key, Actor::label, None, by)}
            </div>
            <div class="mk-field">
                <label for="rel-meeting-note">"Note (only coordinators see it)"</label>
                <textarea id="rel-meeting-note" rows="2" prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
            <p class="mk-field__error" role="alert">{move || error.get()}</p>
            <button type="submit" class="mk-button mk-button--primary" data-testid="rel-log-meeting">"Log the meeting"</button>
        </form>
    }
}

const RATINGS: &[u8] = &[1, 2, 3, 4, 5];

fn rating_key(r: u8) -> &'static str {
    ["1", "2", "3", "4", "5"]
        .get(usize::from(r.saturating_sub(1)))
        .copied()
        .unwrap_or("")
}

fn rating_label(r: u8) -> &'static str {
    match r {
        1 => "1: badly",
        2 => "2: not well",
        3 => "3: fine",
        4 => "4: well",
        _ => "5: very well",
    }
}

/// Record a check-in by hand (a conversation, an e-mail reply).
#[component]
pub(super) fn CheckInForm(id: MatchId) -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let date = RwSignal::new(ui.as_of.to_string());
    let from = RwSignal::new(Some(Actor::Mentee));
    let rating = RwSignal::new(None::<u8>);
    let on_track = RwSignal::new(None::<OnTrack>);
    let fit = RwSignal::new(None::<Fit>);
    let comment = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let date = match required_date(&date.get_untracked(), "The check-in's date") {
            Ok(d) => d,
            Err(e) => return error.set(Some(e)),
        };
        let op = RelationshipEdit::RecordCheckIn {
            id: id.clone(),
            check_in: CheckInInput {
                date,
                from: from.get_untracked().unwrap_or(Actor::Mentee),
                rating: rating.get_untracked(),
                on_track: on_track.get_untracked(),
                fit: fit.get_untracked(),
                comment: comment.get_untracked(),
                submitted: None,
            },
            as_of: ui.as_of,
        };
        if submit(ui, op, error) {
            rating.set(None);
            on_track.set(None);
            fit.set(None);
            comment.set(String::new());
        }
    };
    view! {
        <form class="mk-rel-form" aria-labelledby="rel-checkin-title" on:submit=save>
            <h4 id="rel-checkin-title">"Record a check-in"</h4>
            <div class="mk-form">
                <div class="mk-field">
                    <label for="rel-checkin-date">"Date"</label>
                    <input id="rel-checkin-date" type="date" required min="1000-01-01" max="9999-12-31"
                        prop:value=move || date.get() on:change=move |ev| date.set(event_target_value(&ev))/>
                </div>
                {key_select("rel-checkin-from", "From", ACTORS, Actor::key, Actor::label, None, from)}
                {key_select("rel-checkin-rating", "How is the mentoring going?", RATINGS, rating_key, rating_label, Some("Not answered"), rating)}
                {key_select("rel-checkin-on-track", "On track?", OnTrack::ALL, OnTrack::key, OnTrack::label, Some("Not answered"), on_track)}
                {key_select("rel-checkin-fit", "A good fit?", Fit::ALL, Fit::key, Fit::label, Some("Not answered"), fit)}
            </div>
            <div class="mk-field">
                <label for="rel-checkin-comment">"Comment (only coordinators see it)"</label>
                <textarea id="rel-checkin-comment" rows="2" prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
            </div>
            <p class="mk-field__error" role="alert">{move || error.get()}</p>
            <button type="submit" class="mk-button mk-button--primary" data-testid="rel-record-checkin">"Record the check-in"</button>
        </form>
    }
}

/// Add a goal, or edit one.
#[component]
pub(super) fn GoalForm(
    id: MatchId,
    editing: Option<(RelGoalId, GoalInput)>,
    #[prop(into)] on_done: Callback<()>,
) -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let start = editing.as_ref().map(|(_, g)| g.clone());
    let title = RwSignal::new(start.as_ref().map(|g| g.title.clone()).unwrap_or_default());
    let criteria = RwSignal::new(
        start
            .as_ref()
            .map(|g| g.success_criteria.clone())
            .unwrap_or_default(),
    );
    let target = RwSignal::new(
        start
            .as_ref()
            .and_then(|g| g.target_date)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let progress = RwSignal::new(start.as_ref().map_or(0, |g| g.progress).to_string());
    let status = RwSignal::new(Some(start.as_ref().map_or(GoalStatus::Open, |g| g.status)));
    let error = RwSignal::new(None::<String>);
    let goal_id = editing.map(|(gid, _)| gid);
    let is_edit = goal_id.is_some();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let target_date = match optional_date(&target.get_untracked(), "The target date") {
            Ok(d) => d,
            Err(e) => return error.set(Some(e)),
        };
        let progress = match progress.get_untracked().trim().parse::<u8>() {
            Ok(p) => p,
            Err(_) => {
                return error.set(Some(
                    "Progress must be a whole number from 0 to 100.".into(),
                ))
            }
        };
        let goal = GoalInput {
            title: title.get_untracked(),
            success_criteria: criteria.get_untracked(),
            target_date,
            progress,
            status: status.get_untracked().unwrap_or(GoalStatus::Open),
        };
        let op = match &goal_id {
            Some(gid) => RelationshipEdit::UpdateGoal(id.clone(), gid.clone(), goal),
            None => RelationshipEdit::AddGoal(id.clone(), goal),
        };
        if submit(ui, op, error) {
            on_done.run(());
        }
    };
    view! {
        <form class="mk-rel-form" aria-labelledby="rel-goal-title" on:submit=save>
            <h4 id="rel-goal-title">{if is_edit { "Edit the goal" } else { "Add a goal" }}</h4>
            <div class="mk-form">
                <div class="mk-field">
                    <label for="rel-goal-name">"Goal"</label>
                    <input id="rel-goal-name" type="text" required maxlength="300"
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                </div>
                <div class="mk-field">
                    <label for="rel-goal-target">"Target date"</label>
                    <input id="rel-goal-target" type="date" min="1000-01-01" max="9999-12-31"
                        prop:value=move || target.get() on:change=move |ev| target.set(event_target_value(&ev))/>
                </div>
                <div class="mk-field">
                    <label for="rel-goal-progress">"Progress (%)"</label>
                    <input id="rel-goal-progress" type="number" min="0" max="100" inputmode="numeric"
                        prop:value=move || progress.get() on:input=move |ev| progress.set(event_target_value(&ev))/>
                </div>
                {key_select("rel-goal-status", "Status", GoalStatus::ALL, GoalStatus::key, GoalStatus::label, None, status)}
            </div>
            <div class="mk-field">
                <label for="rel-goal-criteria">"Success criteria"</label>
                <textarea id="rel-goal-criteria" rows="2" prop:value=move || criteria.get()
                    on:input=move |ev| criteria.set(event_target_value(&ev))></textarea>
            </div>
            <p class="mk-field__error" role="alert">{move || error.get()}</p>
            <div class="mk-actions">
                <button type="submit" class="mk-button mk-button--primary">{if is_edit { "Save the goal" } else { "Add the goal" }}</button>
                <button type="button" class="mk-button" on:click=move |_| on_done.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

/// What the pair agreed at the start.
#[component]
pub(super) fn AgreementForm(id: MatchId, agreement: Agreement) -> impl IntoView {
    let ui = expect_context::<RelUi>();
    let date_text = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let frequency = RwSignal::new(agreement.meeting_frequency.clone());
    let end = RwSignal::new(date_text(agreement.expected_end));
    let confidentiality = RwSignal::new(agreement.confidentiality);
    let no_fault = RwSignal::new(agreement.no_fault_ending);
    let mentor_agreed = RwSignal::new(date_text(agreement.mentor_agreed));
    let mentee_agreed = RwSignal::new(date_text(agreement.mentee_agreed));
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let read = || -> Result<Agreement, String> {
            Ok(Agreement {
                meeting_frequency: frequency.get_untracked(),
                expected_end: optional_date(&end.get_untracked(), "The expected end")?,
                confidentiality: confidentiality.get_untracked(),
                no_fault_ending: no_fault.get_untracked(),
                mentor_agreed: optional_date(&mentor_agreed.get_untracked(), "The mentor's date")?,
                mentee_agreed: optional_date(&mentee_agreed.get_untracked(), "The mentee's date")?,
            })
        };
        match read() {
            Ok(a) => {
                submit(ui, RelationshipEdit::SetAgreement(id.clone(), a), error);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let date_field = |fid: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="mk-field">
                <label for=fid>{label}</label>
                <input id=fid type="date" min="1000-01-01" max="9999-12-31"
                    prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        <form class="mk-rel-form" aria-labelledby="rel-agreement-title" on:submit=save>
            <h4 id="rel-agreement-title">"Agreement"</h4>
            <div class="mk-form">
                <div class="mk-field">
                    <label for="rel-agreement-frequency">"Meeting frequency"</label>
                    <input id="rel-agreement-frequency" type="text" maxlength="300" placeholder="Every two weeks"
                        prop:value=move || frequency.get() on:input=move |ev| frequency.set(event_target_value(&ev))/>
                </div>
                {date_field("rel-agreement-end", "Expected end", end)}
                {date_field("rel-agreement-mentor", "Mentor agreed on", mentor_agreed)}
                {date_field("rel-agreement-mentee", "Mentee agreed on", mentee_agreed)}
            </div>
            <label class="mk-check">
                <input type="checkbox" prop:checked=move || confidentiality.get()
                    on:change=move |ev| confidentiality.set(event_target_checked(&ev))/>
                "What is said stays confidential"
            </label>
            <label class="mk-check">
                <input type="checkbox" prop:checked=move || no_fault.get()
                    on:change=move |ev| no_fault.set(event_target_checked(&ev))/>
                "Either may end it without giving a fault (no-fault ending)"
            </label>
            <p class="mk-field__error" role="alert">{move || error.get()}</p>
            <button type="submit" class="mk-button">"Save the agreement"</button>
        </form>
    }
}
