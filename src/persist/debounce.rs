//! The timing of autosave, as a pure struct: time is passed in (milliseconds from any
//! fixed origin), so it is tested natively and driven by browser timers in `autosave`.

/// Quiet time after the last change before autosave writes.
pub const AUTOSAVE_DELAY_MS: f64 = 300.0;
/// Longest a change waits while edits keep coming (so a long burst of typing is still
/// saved every few seconds).
pub const AUTOSAVE_MAX_WAIT_MS: f64 = 2_000.0;

/// A trailing debounce with a maximum wait.
///
/// A write is due [`Debounce::delay`] after the last change, or [`Debounce::max_wait`]
/// after the first unwritten change, whichever comes first (bad input 40: a burst of edits
/// makes few writes).
///
/// ```
/// use mentorkit::persist::Debounce;
/// let mut d = Debounce::new(300.0, 2_000.0);
/// d.change(0.0);
/// d.change(100.0);
/// assert_eq!(d.deadline(), Some(400.0));
/// assert!(!d.is_due(399.0));
/// assert!(d.is_due(400.0));
/// assert!(d.take());
/// assert!(!d.is_pending());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Debounce {
    delay: f64,
    max_wait: f64,
    first_change: Option<f64>,
    last_change: Option<f64>,
}

impl Default for Debounce {
    /// [`AUTOSAVE_DELAY_MS`] and [`AUTOSAVE_MAX_WAIT_MS`].
    fn default() -> Self {
        Debounce::new(AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS)
    }
}

impl Debounce {
    /// A debounce writing `delay` ms after the last change, at most `max_wait` ms after the
    /// first unwritten one. A `max_wait` below `delay` is raised to `delay`.
    pub fn new(delay: f64, max_wait: f64) -> Debounce {
        Debounce {
            delay,
            max_wait: max_wait.max(delay),
            first_change: None,
            last_change: None,
        }
    }

    /// The quiet time before a write.
    pub fn delay(&self) -> f64 {
        self.delay
    }

    /// The longest a change waits.
    pub fn max_wait(&self) -> f64 {
        self.max_wait
    }

    /// Records a change at `now`; returns the new deadline.
    pub fn change(&mut self, now: f64) -> f64 {
        if self.first_change.is_none() {
            self.first_change = Some(now);
        }
        self.last_change = Some(now);
        self.deadline().unwrap_or(now + self.delay)
    }

    /// Whether a change is waiting to be written.
    pub fn is_pending(&self) -> bool {
        self.last_change.is_some()
    }

    /// When the pending change is due, if any.
    pub fn deadline(&self) -> Option<f64> {
        match (self.first_change, self.last_change) {
            (Some(first), Some(last)) => Some((last + self.delay).min(first + self.max_wait)),
            _ => None,
        }
    }

    /// Whether a pending change is due at `now`.
    pub fn is_due(&self, now: f64) -> bool {
        self.deadline().is_some_and(|d| now >= d)
    }

    /// Marks the pending change as taken for writing; returns whether there was one.
    /// (A failed write calls [`Debounce::change`] again to keep it pending.)
    pub fn take(&mut self) -> bool {
        let pending = self.is_pending();
        self.first_change = None;
        self.last_change = None;
        pending
    }
}
