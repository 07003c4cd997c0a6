//! Hash routes (`#/program/<id>/matching`): they survive a reload on any static host,
//! including a sub-path, because the server only ever sees the page's own URL.

use std::fmt;

use crate::core::model::ProgramId;

/// A section of a program's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// Purpose, goals, dates, format.
    Overview,
    /// Mentors and mentees.
    Participants,
    /// Criteria, rules and the draft matches.
    Matching,
    /// Published relationships and check-ins.
    Relationships,
    /// Numbers for leadership.
    Reports,
    /// Workshop (projector) mode: the presenter's view of the draft (not a tab).
    Present,
}

impl Section {
    /// The sections shown as tabs, in navigation order ([`Section::Present`] is reached
    /// from the Matching page instead).
    pub const ALL: [Section; 5] = [
        Section::Overview,
        Section::Participants,
        Section::Matching,
        Section::Relationships,
        Section::Reports,
    ];

    /// The URL segment.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Participants => "participants",
            Section::Matching => "matching",
            Section::Relationships => "relationships",
            Section::Reports => "reports",
            Section::Present => "present",
        }
    }

    /// The navigation label.
    pub fn label(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Participants => "Participants",
            Section::Matching => "Matching",
            Section::Relationships => "Relationships",
            Section::Reports => "Reports",
            Section::Present => "Present",
        }
    }

    fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .chain([Section::Present])
            .find(|s| s.slug() == slug)
    }
}

/// Where the app is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The program library (start page).
    Library,
    /// A program's page.
    Program {
        /// Which program.
        id: ProgramId,
        /// Which section.
        section: Section,
    },
    /// A workshop's audience window (`#/program/<id>/audience`): shows only what the
    /// presenter window sends, and never opens the program itself.
    Audience(ProgramId),
    /// A share link (`#/share/<payload>`): the payload as written, checked by the share page.
    Share(String),
    /// A hash the app does not know.
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        // The payload is base64url (no `/`); anything else after `share/` is kept as is so
        // the share page can say what is wrong with it.
        if let Some(payload) = path.strip_prefix("share/") {
            return Route::Share(payload.to_owned());
        }
        if path == "share" {
            return Route::Share(String::new());
        }
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Library,
            ["program", id] => match decode(id) {
                Some(id) if !id.is_empty() => Route::Program {
                    id: ProgramId(id),
                    section: Section::Overview,
                },
                _ => Route::NotFound(hash.to_owned()),
            },
            ["program", id, "audience"] => match decode(id) {
                Some(id) if !id.is_empty() => Route::Audience(ProgramId(id)),
                _ => Route::NotFound(hash.to_owned()),
            },
            ["program", id, section] => match (decode(id), Section::from_slug(section)) {
                (Some(id), Some(section)) if !id.is_empty() => Route::Program {
                    id: ProgramId(id),
                    section,
                },
                _ => Route::NotFound(hash.to_owned()),
            },
            _ => Route::NotFound(hash.to_owned()),
        }
    }
}

impl fmt::Display for Route {
    /// The hash for the route, starting with `#/`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Route::Library | Route::NotFound(_) => f.write_str("#/"),
            Route::Share(payload) => write!(f, "#/share/{payload}"),
            Route::Audience(id) => write!(f, "#/program/{}/audience", encode(id.as_str())),
            Route::Program { id, section } => {
                write!(f, "#/program/{}/{}", encode(id.as_str()), section.slug())
            }
        }
    }
}

/// Percent-encodes everything but unreserved characters, so any program id is a safe segment.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip_through_the_hash() {
        for route in [
            Route::Library,
            Route::Program {
                id: ProgramId::from("prog-1x"),
                section: Section::Matching,
            },
            Route::Program {
                id: ProgramId::from("odd id/with ünïcode#?"),
                section: Section::Reports,
            },
            Route::Share("mk1.eJzT0yMAAGTvBe8".into()),
            Route::Program {
                id: ProgramId::from("prog-1x"),
                section: Section::Present,
            },
            Route::Audience(ProgramId::from("prog-1x")),
            Route::Audience(ProgramId::from("odd id/with ünïcode#?")),
        ] {
            assert_eq!(Route::parse(&route.to_string()), route);
        }
    }

    #[test]
    fn share_links_keep_their_payload_even_when_malformed() {
        assert_eq!(
            Route::parse("#/share/mk1.abc-_"),
            Route::Share("mk1.abc-_".into())
        );
        assert_eq!(Route::parse("#/share/"), Route::Share(String::new()));
        assert_eq!(Route::parse("#/share"), Route::Share(String::new()));
        assert_eq!(
            Route::parse("#/share/a/b%zz"),
            Route::Share("a/b%zz".into())
        );
        assert!(matches!(Route::parse("#/shared/x"), Route::NotFound(_)));
    }

    #[test]
    fn workshop_routes_have_their_own_segments_and_present_is_not_a_tab() {
        assert_eq!(
            Route::parse("#/program/p1/present"),
            Route::Program {
                id: ProgramId::from("p1"),
                section: Section::Present
            }
        );
        assert_eq!(
            Route::parse("#/program/p1/audience"),
            Route::Audience(ProgramId::from("p1"))
        );
        assert_eq!(
            Route::Audience(ProgramId::from("p 1")).to_string(),
            "#/program/p%201/audience"
        );
        assert!(!Section::ALL.contains(&Section::Present));
        for bad in ["#/program/%zz/audience", "#/program/p1/audience/x"] {
            assert!(matches!(Route::parse(bad), Route::NotFound(_)), "{bad}");
        }
    }

    #[test]
    fn unknown_or_malformed_hashes_are_not_found_and_never_panic() {
        assert_eq!(Route::parse(""), Route::Library);
        assert_eq!(Route::parse("#/"), Route::Library);
        for bad in [
            "#/nope",
            "#/program/x/unknown",
            "#/program/%zz",
            "#/program/%E2%82",
        ] {
            assert!(matches!(Route::parse(bad), Route::NotFound(_)), "{bad}");
        }
        assert_eq!(
            Route::parse("#/program/abc"),
            Route::Program {
                id: ProgramId::from("abc"),
                section: Section::Overview
            }
        );
    }
}
