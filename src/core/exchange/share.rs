//! Share links and QR codes: a program (or a redacted view of it) packed into a URL fragment.
//!
//! A share link is `<page address>#/share/<payload>`. The fragment is never sent to a server,
//! so the program stays between the two browsers. The payload is
//!
//! ```text
//! mk1.<base64url, no padding, of the raw-deflated compact program file>
//! ```
//!
//! On the way in, the inflated text goes through [`file_format::import_program`], so a
//! tampered link is repaired or refused by exactly the rules that apply to program files.
//!
//! # Limits
//! * [`MAX_LINK_CHARS`] (32,000 characters) for the payload: browsers and chat tools keep
//!   links of that length intact; larger programs must travel as a program file.
//! * [`MAX_QR_CHARS`] (2,953 characters) for a whole link shown as a QR code: the byte
//!   capacity of the largest QR code (version 40) at error correction level L.
//! * Inflating stops at [`MAX_UNPACKED_BYTES`] (4 MiB), so a small link cannot unpack into
//!   gigabytes (a "zip bomb").

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use miniz_oxide::inflate::TINFLStatus;
use thiserror::Error;

use crate::core::exchange::file_format::{self, ExportError, ImportError, Imported};
use crate::core::model::{Program, Role};

/// The prefix of every payload this version writes: format `mk`, version 1.
pub const PREFIX: &str = "mk1.";

/// The share format version this MentorKit writes and reads.
pub const SHARE_VERSION: u32 = 1;

/// The longest payload (the part after `#/share/`) a share link may have, in characters.
pub const MAX_LINK_CHARS: usize = 32_000;

/// The longest whole link (page address included) shown as a QR code, in characters: what a
/// version 40 QR code holds at error correction level L in byte mode.
pub const MAX_QR_CHARS: usize = 2_953;

/// The most bytes a payload may unpack to (4 MiB). A payload within [`MAX_LINK_CHARS`]
/// holds about 24 KB of deflate data; real programs compress about tenfold, so anything
/// past this is a "zip bomb" (deflate reaches 1,000:1 on repeated bytes).
pub const MAX_UNPACKED_BYTES: usize = 4 * 1024 * 1024;

/// What a share link holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShareOptions {
    /// Leave out e-mails, managers, notes, bios, sensitive questions and their answers,
    /// forbidden pairs and check-in notes; names become first names.
    pub redacted: bool,
    /// With `redacted`: replace names by stable pseudonyms ("Mentor 3", "Mentee 12").
    pub pseudonyms: bool,
}

/// Why a share link could not be made, read or shown.
#[derive(Debug, Error)]
pub enum ShareError {
    /// The payload would exceed the limit.
    #[error(
        "the program is too large for a link ({chars} characters; a link holds at most \
         {limit}): use the program file instead"
    )]
    TooLarge {
        /// Length of the payload.
        chars: usize,
        /// [`MAX_LINK_CHARS`].
        limit: usize,
    },
    /// The link is too long for a QR code.
    #[error(
        "the link is too long for a QR code ({chars} characters; a QR code holds at most \
         {limit}): copy the link or use the program file instead"
    )]
    TooLargeForQr {
        /// Length of the link.
        chars: usize,
        /// [`MAX_QR_CHARS`].
        limit: usize,
    },
    /// The program could not be written (it breaks an invariant).
    #[error("could not share the program: {0}")]
    Export(#[from] ExportError),
    /// The link has no payload at all.
    #[error("this link is empty: it holds no program")]
    Empty,
    /// The payload does not start with a known prefix.
    #[error("this is not a MentorKit share link (it should start with \"{PREFIX}\")")]
    NotAShareLink,
    /// Made by a newer MentorKit (a newer share format or a newer program file inside).
    #[error("this link was made by a newer MentorKit ({found}); update MentorKit to open it")]
    NewerVersion {
        /// What the link says about its version.
        found: String,
    },
    /// The payload is not valid base64, not valid deflate, or cut off.
    #[error("this link is damaged: {0}")]
    Damaged(String),
    /// The payload unpacks to more than a program file may hold.
    #[error("this link is damaged: it unpacks to more than {limit} bytes")]
    Unpacked {
        /// [`MAX_UNPACKED_BYTES`].
        limit: usize,
    },
    /// The unpacked text is not a usable program file.
    #[error("this link is damaged: {0}")]
    Import(ImportError),
}

/// Returns the view of `program` that a link with `options` holds.
///
/// A full share (`redacted: false`) is the program unchanged. A redacted one removes
/// e-mails, managers, coordinator notes, bios, sensitive questions and the answers to
/// them, forbidden pairs, end reasons and check-in notes, and keeps first names only (or
/// pseudonyms numbered in participant order per role, so the same program always gives the
/// same pseudonyms). The result is still a valid program.
pub fn redact(program: &Program, options: &ShareOptions) -> Program {
    let mut out = program.clone();
    if !options.redacted {
        return out;
    }
    let sensitive: Vec<_> = out
        .profile_fields
        .iter()
        .filter(|f| f.sensitive)
        .map(|f| f.id.clone())
        .collect();
    out.profile_fields.retain(|f| !f.sensitive);
    let (mut mentors, mut mentees, mut others) = (0u32, 0u32, 0u32);
    for person in &mut out.people {
        let counter = match person.role {
            Role::Mentor => &mut mentors,
            Role::Mentee => &mut mentees,
            Role::Either => &mut others,
        };
        *counter += 1;
        let pseudonym = match person.role {
            Role::Mentor => format!("Mentor {counter}"),
            Role::Mentee => format!("Mentee {counter}"),
            Role::Either => format!("Participant {counter}"),
        };
        person.name = if options.pseudonyms {
            pseudonym
        } else {
            first_name(&person.name).unwrap_or(pseudonym)
        };
        person.email.clear();
        person.manager.clear();
        person.notes.clear();
        person.bio.clear();
        person.answers.retain(|field, _| !sensitive.contains(field));
    }
    out.matching.rules.forbidden_pairs.clear();
    for m in &mut out.matches {
        // Coordinators' notes and participants' comments never leave in a redacted copy.
        for event in &mut m.events {
            event.note.clear();
        }
        for meeting in &mut m.meetings {
            meeting.note.clear();
        }
        for check_in in &mut m.check_ins {
            check_in.comment.clear();
        }
    }
    out
}

fn first_name(name: &str) -> Option<String> {
    name.split_whitespace().next().map(str::to_owned)
}

/// Packs `program` (redacted per `options`) into a share payload (`mk1.…`).
///
/// # Errors
/// [`ShareError::TooLarge`] past [`MAX_LINK_CHARS`]; [`ShareError::Export`] if the program
/// breaks an invariant.
pub fn encode(program: &Program, options: &ShareOptions) -> Result<String, ShareError> {
    let view = redact(program, options);
    // `exported_at` is left empty: the core has no clock, and a link's date is not news.
    let pretty = file_format::export_program(&view, "")?;
    // Indentation costs bytes even after deflate; a compact copy of the same file reads back
    // identically.
    let compact = serde_json::from_str::<serde_json::Value>(&pretty)
        .and_then(|v| serde_json::to_string(&v))
        .map_err(ExportError::from)?;
    let packed = miniz_oxide::deflate::compress_to_vec(compact.as_bytes(), 9);
    let payload = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
    if payload.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge {
            chars: payload.len(),
            limit: MAX_LINK_CHARS,
        });
    }
    Ok(payload)
}

/// Unpacks a share payload into the program file it holds, without reading it (the bytes
/// are what [`decode`] imports; the UI hands the same bytes to the library).
///
/// # Errors
/// As [`decode`], except for the errors of the program file itself.
pub fn unpack(payload: &str) -> Result<Vec<u8>, ShareError> {
    let payload = payload.trim();
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    let Some(data) = payload.strip_prefix(PREFIX) else {
        return Err(newer_prefix(payload).unwrap_or(ShareError::NotAShareLink));
    };
    if data.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge {
            chars: payload.len(),
            limit: MAX_LINK_CHARS,
        });
    }
    let packed = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|e| ShareError::Damaged(format!("it is not valid base64 ({e})")))?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED_BYTES).map_err(|e| {
        match e.status {
            TINFLStatus::HasMoreOutput => ShareError::Unpacked {
                limit: MAX_UNPACKED_BYTES,
            },
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                ShareError::Damaged("it was cut off".into())
            }
            _ => ShareError::Damaged("its data cannot be unpacked".into()),
        }
    })
}

/// `mk7.…` is a share link from a newer MentorKit, not garbage.
fn newer_prefix(payload: &str) -> Option<ShareError> {
    let (head, _) = payload.split_once('.')?;
    let version: u32 = head.strip_prefix("mk")?.parse().ok()?;
    (version > SHARE_VERSION).then(|| ShareError::NewerVersion {
        found: format!("share format v{version}"),
    })
}

/// Reads a share payload (`mk1.…`) into a valid program, with the repairs made to it.
///
/// The program keeps the id it had; importing it as a new program (a fresh id if the
/// library already holds that one) is the caller's job.
///
/// # Errors
/// [`ShareError::Empty`], [`ShareError::NotAShareLink`], [`ShareError::NewerVersion`],
/// [`ShareError::Damaged`], [`ShareError::Unpacked`] (a zip bomb),
/// [`ShareError::Import`] (not a usable program file). Never panics.
///
/// # Example
/// ```
/// use mentorkit::core::program::demo::demo_program;
/// use mentorkit::core::model::ProgramId;
/// use mentorkit::core::exchange::share::{decode, encode, ShareOptions};
/// let program = demo_program(ProgramId::from("prog-demo"));
/// let link = encode(&program, &ShareOptions::default()).unwrap();
/// assert_eq!(decode(&link).unwrap().program, program);
/// ```
pub fn decode(payload: &str) -> Result<Imported, ShareError> {
    let bytes = unpack(payload)?;
    file_format::import_program(&bytes).map_err(|e| match e {
        ImportError::NewerVersion { found, .. } => ShareError::NewerVersion {
            found: format!("program file v{found}"),
        },
        other => ShareError::Import(other),
    })
}

/// Draws `url` as a QR code in SVG: black modules on white, with the quiet zone, at least
/// 480 pixels wide so it scans from the back of a room on a projector.
///
/// # Errors
/// [`ShareError::TooLargeForQr`] past [`MAX_QR_CHARS`] (or if the encoder refuses it).
pub fn qr_svg(url: &str) -> Result<String, ShareError> {
    use qrcode::render::svg;
    use qrcode::{EcLevel, QrCode};
    let too_large = || ShareError::TooLargeForQr {
        chars: url.len(),
        limit: MAX_QR_CHARS,
    };
    if url.len() > MAX_QR_CHARS {
        return Err(too_large());
    }
    let code =
        QrCode::with_error_correction_level(url.as_bytes(), EcLevel::L).map_err(|_| too_large())?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(480, 480)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .quiet_zone(true)
        .build())
}
