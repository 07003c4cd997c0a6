//! Migrations: an ordered chain of pure functions that bring an older file's value tree up
//! to [`CURRENT_VERSION`], before restore reads it.
//!
//! # Adding version 2
//! 1. Bump [`CURRENT_VERSION`] to 2 (in `file_format/mod.rs`).
//! 2. Write `fn v1_to_v2(program: Json) -> Result<Json, ImportError>` below: a pure function
//!    over the `program` value tree (rename keys, move values, fill new fields), which must
//!    accept anything a v1 file may hold (restore still repairs what is left).
//! 3. Append it to [`MIGRATIONS`] (entry `i` migrates version `i + 1` to `i + 2`; the compile
//!    time check below fails until the chain and the version agree).
//! 4. Keep `tests/fixtures/program-v1.json` unchanged forever and add
//!    `tests/fixtures/program-v2.json` (exported by the new build); the fixture tests in
//!    `tests/file_format.rs` check that every fixture imports without repairs and that the
//!    newest one round-trips byte for byte.
//! 5. If the guarded parse's list limits depend on a renamed path (`program.people`), update
//!    `State::list_limit` in `json.rs`.

use super::json::Json;
use super::{ImportError, CURRENT_VERSION};

/// One step: migrates the `program` value of version `n` to version `n + 1`.
pub type Migration = fn(Json) -> Result<Json, ImportError>;

/// The chain: entry `i` migrates version `i + 1` to `i + 2`. Empty while v1 is current.
pub const MIGRATIONS: &[Migration] = &[];

// The chain must reach exactly the current version.
const _: () = assert!(MIGRATIONS.len() + 1 == CURRENT_VERSION as usize);

/// Brings the `program` value tree of a file written in version `from` up to
/// [`CURRENT_VERSION`].
///
/// # Errors
/// [`ImportError::Invalid`] for version 0, [`ImportError::NewerVersion`] for versions this
/// build does not know, or whatever a migration step reports.
pub fn migrate(program: Json, from: u32) -> Result<Json, ImportError> {
    run_chain(program, from, MIGRATIONS)
}

/// Runs `chain` (entry `i` migrates `i + 1` to `i + 2`) from version `from`.
fn run_chain(mut program: Json, from: u32, chain: &[Migration]) -> Result<Json, ImportError> {
    let newest = chain.len() + 1;
    if from == 0 {
        return Err(ImportError::Invalid {
            path: "version".into(),
            message: "0 is not a file version (versions start at 1)".into(),
        });
    }
    if from as usize > newest {
        return Err(ImportError::NewerVersion {
            found: from,
            supported: u32::try_from(newest).unwrap_or(u32::MAX),
        });
    }
    for step in &chain[from as usize - 1..] {
        program = step(program)?;
    }
    Ok(program)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rename_title_to_name(mut p: Json) -> Result<Json, ImportError> {
        if let Some(v) = p.take("title") {
            if let Json::Object(entries) = &mut p {
                entries.push(("name".into(), v));
            }
        }
        Ok(p)
    }

    fn add_cycle(mut p: Json) -> Result<Json, ImportError> {
        if let Json::Object(entries) = &mut p {
            entries.push(("cycle".into(), Json::UInt(1)));
        }
        Ok(p)
    }

    fn refuse(_: Json) -> Result<Json, ImportError> {
        Err(ImportError::Invalid {
            path: "program".into(),
            message: "cannot migrate".into(),
        })
    }

    fn v1() -> Json {
        Json::Object(vec![("title".into(), Json::Str("Pilot".into()))])
    }

    #[test]
    fn the_current_chain_leaves_a_v1_program_unchanged() {
        assert_eq!(migrate(v1(), 1), Ok(v1()));
    }

    #[test]
    fn a_chain_runs_every_step_from_the_file_version_in_order() {
        let chain: &[Migration] = &[rename_title_to_name, add_cycle];
        let from_v1 = run_chain(v1(), 1, chain).unwrap();
        assert_eq!(from_v1.get("name"), Some(&Json::Str("Pilot".into())));
        assert_eq!(from_v1.get("cycle"), Some(&Json::UInt(1)));
        // A v2 file skips the first step.
        let v2 = Json::Object(vec![("title".into(), Json::Str("Kept".into()))]);
        let from_v2 = run_chain(v2, 2, chain).unwrap();
        assert_eq!(from_v2.get("title"), Some(&Json::Str("Kept".into())));
        assert_eq!(from_v2.get("cycle"), Some(&Json::UInt(1)));
        // A v3 file is already current.
        assert_eq!(run_chain(v1(), 3, chain), Ok(v1()));
    }

    #[test]
    fn a_failing_step_stops_the_chain_and_versions_outside_it_are_refused() {
        let chain: &[Migration] = &[refuse];
        assert!(matches!(
            run_chain(v1(), 1, chain),
            Err(ImportError::Invalid { .. })
        ));
        assert_eq!(
            run_chain(v1(), 3, chain),
            Err(ImportError::NewerVersion {
                found: 3,
                supported: 2
            })
        );
        assert!(matches!(
            run_chain(v1(), 0, chain),
            Err(ImportError::Invalid { .. })
        ));
    }
}
