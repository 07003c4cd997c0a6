//! Dates on the command line: `--start` and `--as-of` values, and today. The core never
//! reads the clock (its health and cooldowns are "as of" a day it is given), so the tool
//! decides what today is, here and only here.

use std::ffi::OsString;
use std::time::{SystemTime, UNIX_EPOCH};

use mentorkit::core::date::Date;

use crate::files::text_arg;
use crate::CliError;

/// Today (UTC), from the system clock.
pub(crate) fn today() -> Result<Date, CliError> {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(f64::NAN);
    Date::from_unix_millis(millis).ok_or_else(|| {
        CliError::Usage(
            "the system clock gives no usable date; pass the date (--as-of or --start YYYY-MM-DD)"
                .into(),
        )
    })
}

/// A `YYYY-MM-DD` option value; the message names the flag.
pub(crate) fn date_arg(value: OsString, flag: &str) -> Result<Date, CliError> {
    text_arg(value, flag)?
        .parse()
        .map_err(|e| CliError::Usage(format!("{flag}: {e}")))
}
