//! The style sheets take every colour from a design token (issue 15): a hard-coded hover
//! colour in components.css gave black text on dark blue in the projector theme, because a
//! theme only swaps tokens. So every colour outside `style/tokens.css` is a `var(--mk-…)`,
//! the projector theme only redefines tokens that exist, and every token used is defined.

use std::collections::BTreeSet;
use std::fs;

const SHEETS: [&str; 4] = ["tokens.css", "projector.css", "base.css", "components.css"];

/// CSS named colours a sheet could slip in (the common ones and the greys).
const NAMED: &[&str] = &[
    "black",
    "white",
    "red",
    "green",
    "blue",
    "yellow",
    "orange",
    "purple",
    "pink",
    "brown",
    "gray",
    "grey",
    "silver",
    "navy",
    "maroon",
    "teal",
    "aqua",
    "cyan",
    "magenta",
    "fuchsia",
    "lime",
    "olive",
    "gold",
    "indigo",
    "violet",
    "darkblue",
    "darkgray",
    "darkgrey",
    "lightgray",
    "lightgrey",
    "whitesmoke",
    "gainsboro",
    "dimgray",
    "dimgrey",
];

fn sheet(name: &str) -> String {
    let path = format!("{}/style/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    strip_comments(&text)
}

fn strip_comments(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// Every declaration (`name`, `value`) of a sheet: text between a `{` and the next `}`
/// with no block inside, split on `;`.
fn declarations(css: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut opened = false;
    let mut text = String::new();
    for c in css.chars() {
        match c {
            '{' => {
                opened = true;
                text.clear();
            }
            '}' => {
                if opened {
                    for decl in text.split(';') {
                        if let Some((name, value)) = decl.split_once(':') {
                            out.push((name.trim().to_owned(), value.trim().to_owned()));
                        }
                    }
                }
                opened = false;
                text.clear();
            }
            _ => text.push(c),
        }
    }
    out
}

/// The colour literals in a value: `#hex`, `rgb(`/`hsl(` functions and named colours.
fn colour_literals(value: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = value.to_ascii_lowercase();
    for (at, _) in lower.match_indices('#') {
        let hex: String = lower[at + 1..]
            .chars()
            .take_while(char::is_ascii_hexdigit)
            .collect();
        if matches!(hex.len(), 3 | 4 | 6 | 8) {
            found.push(format!("#{hex}"));
        }
    }
    for f in [
        "rgb(", "rgba(", "hsl(", "hsla(", "hwb(", "lab(", "lch(", "oklch(", "oklab(",
    ] {
        if lower
            .match_indices(f)
            .any(|(at, _)| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric())
        {
            found.push(f.to_owned());
        }
    }
    for word in lower.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        if !word.starts_with("--") && NAMED.contains(&word) {
            found.push(word.to_owned());
        }
    }
    found
}

/// The custom properties a sheet uses without a fallback: `var(--mk-x)`.
fn tokens_used(css: &str) -> BTreeSet<String> {
    css.match_indices("var(")
        .filter_map(|(at, _)| {
            let inner = &css[at + 4..];
            let end = inner.find(')')?;
            let inner = &inner[..end];
            (!inner.contains(',')).then(|| inner.trim().to_owned())
        })
        .collect()
}

fn tokens_defined(css: &str) -> BTreeSet<String> {
    declarations(css)
        .into_iter()
        .map(|(name, _)| name)
        .filter(|n| n.starts_with("--"))
        .collect()
}

#[test]
fn every_colour_outside_the_token_files_is_a_token() {
    let mut bad = Vec::new();
    for name in ["base.css", "components.css"] {
        for (prop, value) in declarations(&sheet(name)) {
            for lit in colour_literals(&value) {
                bad.push(format!("{name}: {prop}: {value} ({lit})"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "colours that are not tokens:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_projector_theme_only_swaps_existing_tokens() {
    let defined = tokens_defined(&sheet("tokens.css"));
    let projector = declarations(&sheet("projector.css"));
    assert!(projector.len() > 10, "projector.css was read");
    for (name, value) in projector {
        assert!(
            name.starts_with("--mk-"),
            "projector.css sets {name}: {value}"
        );
        assert!(
            defined.contains(&name),
            "projector.css swaps {name}, which tokens.css lacks"
        );
    }
}

#[test]
fn every_token_used_is_defined() {
    let defined = tokens_defined(&sheet("tokens.css"));
    for name in SHEETS {
        for token in tokens_used(&sheet(name)) {
            assert!(
                defined.contains(&token),
                "{name} uses {token}, never defined"
            );
        }
    }
}

/// The checker itself finds what it must (a check that cannot fail is no check).
#[test]
fn the_colour_check_finds_literals_and_ignores_tokens() {
    let css = strip_comments(
        ".a:hover { background: #1e40af; color: white; } /* #fff */\n\
         @media print { .b { border: 1px solid rgb(0 0 0 / 50%); } }\n\
         .c { color: var(--mk-text); white-space: nowrap; background: transparent; }",
    );
    let found: Vec<String> = declarations(&css)
        .iter()
        .flat_map(|(_, v)| colour_literals(v))
        .collect();
    assert_eq!(found, ["#1e40af", "white", "rgb("]);
    assert_eq!(
        tokens_used(".x { color: var(--mk-a); transition: var(--mk-b, none); }"),
        BTreeSet::from(["--mk-a".to_owned()])
    );
}
