//! How much this device holds, in words: the figures of the library's "This device" card.
//!
//! Two different limits apply, and a coordinator meets the smaller one first:
//! - localStorage, where every program lives today, holds about 5 million characters per
//!   site in Chromium (less in Firefox and Safari), whatever the disk;
//! - the site's whole quota (`navigator.storage.estimate()`: the offline copy of the app
//!   and anything else the site keeps), usually a share of the free disk.
//!
//! Whether the browser may clear the site's storage under pressure
//! (`navigator.storage.persisted()`) is the third figure. The browser reads them
//! (`web::storage_space`); the wording is plain Rust and tested natively.

/// About how many characters localStorage holds per site in Chromium (its limit is 5 MiB of
/// UTF-16 keys and values, counted in characters).
pub const LOCAL_STORAGE_CHARS: u64 = 5 * 1024 * 1024;

/// What the browser said about this site's storage; `None` where it would not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Space {
    /// Characters of MentorKit's keys and values in localStorage.
    pub local_chars: u64,
    /// Bytes the site uses in all (estimate).
    pub usage: Option<u64>,
    /// Bytes the site may use (estimate).
    pub quota: Option<u64>,
    /// Whether the browser keeps the site's storage under storage pressure.
    pub persisted: Option<bool>,
}

/// A size in bytes in words: `820 KB`, `4.3 MB`, `12 GB` (decimal units, as browsers and
/// operating systems show them).
///
/// ```
/// use mentorkit::persist::space::size_text;
/// assert_eq!(size_text(999), "999 bytes");
/// assert_eq!(size_text(4_300_000), "4.3 MB");
/// assert_eq!(size_text(12_000_000_000), "12 GB");
/// ```
pub fn size_text(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 999.5 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if value < 9.95 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// A share as a whole percent, never "0 %" for something that is there.
fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "?".to_owned();
    }
    let p = part as f64 * 100.0 / whole as f64;
    if part > 0 && p < 1.0 {
        "less than 1 %".to_owned()
    } else {
        format!("{p:.0} %")
    }
}

impl Space {
    /// The card's sentences, in order: the programs in localStorage against its limit, the
    /// site's whole usage against its quota (when the browser says), and persistence.
    pub fn sentences(&self) -> Vec<String> {
        let mut out = vec![format!(
            "Your programs take {} characters of browser storage: {} of the about 5 million a site may keep there in most browsers.",
            thousands(self.local_chars),
            percent(self.local_chars, LOCAL_STORAGE_CHARS)
        )];
        match (self.usage, self.quota) {
            (Some(usage), Some(quota)) if quota > 0 => out.push(format!(
                "All that MentorKit keeps in this browser, its offline copy included, takes about {} of the {} the browser allows this site.",
                size_text(usage),
                size_text(quota)
            )),
            _ => out.push(
                "This browser does not say how much space the site may use.".to_owned(),
            ),
        }
        out.push(
            match self.persisted {
                Some(true) => "Storage is persistent: the browser keeps it even when the disk runs low.",
                Some(false) => "Storage is not persistent: the browser may clear it when the disk runs low. Export your programs, or ask the browser to keep it.",
                None => "This browser does not say whether it keeps the storage when the disk runs low: export your programs now and then.",
            }
            .to_owned(),
        );
        out
    }

    /// Whether asking the browser to keep the storage could change anything.
    pub fn can_ask_to_persist(&self) -> bool {
        self.persisted == Some(false)
    }
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_read_them() {
        assert_eq!(size_text(0), "0 bytes");
        assert_eq!(size_text(1000), "1.0 KB");
        assert_eq!(size_text(820_400), "820 KB");
        assert_eq!(size_text(999_600), "1.0 MB");
        assert_eq!(size_text(2_147_483_648), "2.1 GB");
        assert_eq!(size_text(u64::MAX), "18446744 TB");
    }

    #[test]
    fn the_card_says_each_limit_and_whether_storage_is_kept() {
        let space = Space {
            local_chars: 1_234_567,
            usage: Some(3_500_000),
            quota: Some(120_000_000_000),
            persisted: Some(false),
        };
        let s = space.sentences();
        assert_eq!(
            s[0],
            "Your programs take 1,234,567 characters of browser storage: 24 % of the about 5 million a site may keep there in most browsers."
        );
        assert_eq!(
            s[1],
            "All that MentorKit keeps in this browser, its offline copy included, takes about 3.5 MB of the 120 GB the browser allows this site."
        );
        assert!(s[2].starts_with("Storage is not persistent"));
        assert!(space.can_ask_to_persist());
    }

    #[test]
    fn a_browser_that_says_nothing_is_told_apart_from_an_empty_library() {
        let s = Space::default().sentences();
        assert!(
            s[0].contains("take 0 characters") && s[0].contains(": 0 %"),
            "{}",
            s[0]
        );
        assert_eq!(
            s[1],
            "This browser does not say how much space the site may use."
        );
        assert!(s[2].starts_with("This browser does not say whether"));
        assert!(!Space::default().can_ask_to_persist());
        let tiny = Space {
            local_chars: 12,
            ..Space::default()
        };
        assert!(tiny.sentences()[0].contains("less than 1 %"));
    }
}
