//! Mutations: byte-level (bit flips, interesting bytes, inserts, deletes, repeats, splices
//! with another corpus input, dictionary tokens) and structure-aware (JSON values, CSV rows
//! and cells and encodings, share links repacked around a mutated program file).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use mentorkit::core::matching::synthetic::Rng;
use serde_json::{Map, Value};

use crate::targets::{dictionary, Target};

/// Bytes at the edges: zero, all ones, sign bits, ASCII syntax, UTF-8 lead bytes.
const INTERESTING: [u8; 16] = [
    0x00, 0xFF, 0x7F, 0x80, b'"', b'\\', b',', b';', b'\n', b'\r', b'{', b'[', 0xC3, 0xE2, 0xF0,
    b'0',
];

/// Strings that have broken parsers and restorers elsewhere.
const STRINGS: [&str; 14] = [
    "",
    " ",
    "\u{0}",
    "\u{202e}gnp.exe",
    "\u{200d}\u{1F469}\u{200d}\u{1F4BB}",
    "e\u{301}",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "__proto__",
    "2024-02-30",
    "99999-12-31",
    "Europe/Atlantis",
    "UTC+99:00",
    "p1",
];

/// Mutates `input` into a new input of at most `max_len` bytes. `other` is another corpus
/// input to splice with.
pub fn mutate(
    rng: &mut Rng,
    target: Target,
    input: &[u8],
    other: &[u8],
    max_len: usize,
) -> Vec<u8> {
    let mut out = input.to_vec();
    // Structure first (it needs input that still parses), then a few byte-level edits.
    if rng.chance(40) {
        let structured = match target {
            Target::File => json_mutation(rng, &out),
            Target::Csv | Target::CheckIns => Some(csv_mutation(rng, &out)),
            Target::Share => share_mutation(rng, &out),
        };
        if let Some(s) = structured {
            out = s;
        }
        if rng.chance(50) {
            out.truncate(max_len);
            return out;
        }
    }
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        byte_mutation(rng, target, &mut out, other);
    }
    out.truncate(max_len);
    out
}

fn byte_mutation(rng: &mut Rng, target: Target, out: &mut Vec<u8>, other: &[u8]) {
    let len = out.len();
    match rng.below(11) {
        // Flip one bit.
        0 if len > 0 => {
            let i = rng.below(len);
            out[i] ^= 1 << rng.below(8);
        }
        // Set an interesting byte.
        1 if len > 0 => {
            let i = rng.below(len);
            out[i] = INTERESTING[rng.below(INTERESTING.len())];
        }
        // Set a random byte.
        2 if len > 0 => {
            let i = rng.below(len);
            out[i] = (rng.next_u64() & 0xFF) as u8;
        }
        // Delete a range.
        3 if len > 0 => {
            let start = rng.below(len);
            let n = 1 + rng.below((len - start).min(64));
            out.drain(start..start + n);
        }
        // Repeat a range (long runs reach limits and quadratic paths).
        4 if len > 0 => {
            let start = rng.below(len);
            let n = 1 + rng.below((len - start).min(32));
            let chunk = out[start..start + n].to_vec();
            let most = if rng.chance(10) { 2000 } else { 8 };
            let times = 1 + rng.below(most);
            let at = start + n;
            let tail = out.split_off(at);
            for _ in 0..times {
                out.extend_from_slice(&chunk);
            }
            out.extend_from_slice(&tail);
        }
        // Splice: the head of this input and the tail of another.
        5 if !other.is_empty() => {
            let cut = rng.below(len + 1);
            let from = rng.below(other.len());
            out.truncate(cut);
            out.extend_from_slice(&other[from..]);
        }
        // Insert a piece of another input.
        6 if !other.is_empty() => {
            let from = rng.below(other.len());
            let n = 1 + rng.below((other.len() - from).min(128));
            let at = rng.below(len + 1);
            let piece = other[from..from + n].to_vec();
            out.splice(at..at, piece);
        }
        // Truncate.
        7 if len > 0 => {
            out.truncate(rng.below(len));
        }
        // Overwrite with a dictionary token.
        8 if len > 0 => {
            let dict = dictionary(target);
            let token = dict[rng.below(dict.len())];
            let at = rng.below(len);
            let end = (at + token.len()).min(len);
            out.splice(at..end, token.iter().copied());
        }
        // Insert a dictionary token (also the fallback for empty inputs).
        _ => {
            let dict = dictionary(target);
            let token = dict[rng.below(dict.len())];
            let at = rng.below(len + 1);
            out.splice(at..at, token.iter().copied());
        }
    }
}

// ---------------------------------------------------------------------------------------
// JSON

/// Parses `input` as JSON, mutates one value and writes it back (compact or pretty).
/// `None` when the input is not JSON.
pub fn json_mutation(rng: &mut Rng, input: &[u8]) -> Option<Vec<u8>> {
    let text = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let mut value: Value = serde_json::from_slice(text).ok()?;
    let mut strings = Vec::new();
    collect_strings(&value, &mut strings, 400);
    let count = count_nodes(&value);
    let pick = rng.below(count.max(1));
    let mut seen = 0;
    let mut donor = pick_node(&value, rng.below(count.max(1)), &mut 0).cloned();
    mutate_node(&mut value, pick, &mut seen, rng, &strings, &mut donor);
    let out = if rng.chance(50) {
        serde_json::to_vec(&value)
    } else {
        serde_json::to_vec_pretty(&value)
    };
    out.ok()
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count_nodes).sum(),
        Value::Object(o) => o.values().map(count_nodes).sum(),
        _ => 0,
    }
}

fn collect_strings(v: &Value, out: &mut Vec<String>, limit: usize) {
    if out.len() >= limit {
        return;
    }
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out, limit)),
        Value::Object(o) => o.values().for_each(|x| collect_strings(x, out, limit)),
        _ => {}
    }
}

fn pick_node<'a>(v: &'a Value, target: usize, seen: &mut usize) -> Option<&'a Value> {
    if *seen == target {
        return Some(v);
    }
    *seen += 1;
    match v {
        Value::Array(a) => a.iter().find_map(|x| pick_node(x, target, seen)),
        Value::Object(o) => o.values().find_map(|x| pick_node(x, target, seen)),
        _ => None,
    }
}

/// Walks to the `target`-th node (pre-order) and mutates it. Returns true once done.
fn mutate_node(
    v: &mut Value,
    target: usize,
    seen: &mut usize,
    rng: &mut Rng,
    strings: &[String],
    donor: &mut Option<Value>,
) -> bool {
    if *seen == target {
        mutate_value(v, rng, strings, donor);
        return true;
    }
    *seen += 1;
    match v {
        Value::Array(a) => {
            for x in a.iter_mut() {
                if mutate_node(x, target, seen, rng, strings, donor) {
                    return true;
                }
            }
            false
        }
        Value::Object(o) => {
            for x in o.values_mut() {
                if mutate_node(x, target, seen, rng, strings, donor) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

fn random_scalar(rng: &mut Rng, strings: &[String]) -> Value {
    match rng.below(12) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => Value::from(-1),
        3 => Value::from(0),
        4 => Value::from(u64::MAX),
        5 => Value::from(i64::MIN),
        6 => Value::from(1.5),
        7 => Value::from(1e300),
        8 => Value::from((rng.next_u64() % 200) as i64 - 20),
        9 => Value::String(STRINGS[rng.below(STRINGS.len())].to_owned()),
        10 => {
            let unit = STRINGS[rng.below(STRINGS.len())];
            let base = if unit.is_empty() { "x" } else { unit };
            Value::String(base.repeat(1 + rng.below(25_000 / base.len().max(1))))
        }
        _ => strings
            .get(rng.below(strings.len().max(1)))
            .map_or(Value::Null, |s| Value::String(s.clone())),
    }
}

fn mutate_value(v: &mut Value, rng: &mut Rng, strings: &[String], donor: &mut Option<Value>) {
    match rng.below(9) {
        // Another value type or an edge value.
        0 | 1 => *v = random_scalar(rng, strings),
        // A copy of another part of the document (a person where a match belongs, an id
        // where a list belongs).
        2 => {
            if let Some(d) = donor.take() {
                *v = d;
            }
        }
        // Wrap it: deeper nesting.
        3 => {
            let most = if rng.chance(10) { 80 } else { 3 };
            let depth = 1 + rng.below(most);
            for _ in 0..depth {
                let inner = std::mem::take(v);
                *v = if rng.chance(50) {
                    Value::Array(vec![inner])
                } else {
                    let mut m = Map::new();
                    m.insert("x".into(), inner);
                    Value::Object(m)
                };
            }
        }
        _ => match v {
            Value::Array(a) if !a.is_empty() => match rng.below(4) {
                // Duplicate an element (same ids twice), sometimes many times.
                0 => {
                    let i = rng.below(a.len());
                    let most = if rng.chance(10) { 500 } else { 3 };
                    let times = 1 + rng.below(most);
                    for _ in 0..times {
                        a.push(a[i].clone());
                    }
                }
                1 => {
                    a.remove(rng.below(a.len()));
                }
                2 => {
                    let (i, j) = (rng.below(a.len()), rng.below(a.len()));
                    a.swap(i, j);
                }
                _ => a.clear(),
            },
            Value::Object(o) if !o.is_empty() => {
                let keys: Vec<String> = o.keys().cloned().collect();
                let key = keys[rng.below(keys.len())].clone();
                match rng.below(3) {
                    0 => {
                        o.remove(&key);
                    }
                    1 => {
                        // An unknown field beside the known ones.
                        o.insert(format!("{key}_"), random_scalar(rng, strings));
                    }
                    _ => {
                        if let Some(x) = o.get_mut(&key) {
                            *x = random_scalar(rng, strings);
                        }
                    }
                }
            }
            Value::String(s) => {
                if rng.chance(50) {
                    s.push_str(STRINGS[rng.below(STRINGS.len())]);
                } else if let Some(other) = strings.get(rng.below(strings.len().max(1))) {
                    other.clone_into(s);
                }
            }
            Value::Number(_) => *v = random_scalar(rng, strings),
            _ => *v = random_scalar(rng, strings),
        },
    }
}

// ---------------------------------------------------------------------------------------
// CSV

/// Reads `input` as rows of cells (naively: split on the likely delimiter, no quotes),
/// changes rows, cells or the encoding, and writes it back.
pub fn csv_mutation(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(input);
    let delimiter = [',', ';', '\t']
        .into_iter()
        .max_by_key(|d| text.matches(*d).count())
        .unwrap_or(',');
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split(delimiter).map(str::to_owned).collect())
        .collect();
    if rows.is_empty() {
        rows.push(vec![String::new()]);
    }
    let dict = dictionary(Target::Csv);
    let token = |rng: &mut Rng| String::from_utf8_lossy(dict[rng.below(dict.len())]).into_owned();
    let n = rows.len();
    let mut newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out_delimiter = delimiter;
    let mut encoding = 0;
    match rng.below(11) {
        0 => {
            let i = rng.below(n);
            let most = if rng.chance(10) { 300 } else { 3 };
            let times = 1 + rng.below(most);
            for _ in 0..times {
                rows.push(rows[i].clone());
            }
        }
        1 if n > 1 => {
            rows.remove(1 + rng.below(n - 1));
        }
        2 => {
            let r = rng.below(n);
            let c = rng.below(rows[r].len().max(1));
            let value = if rng.chance(50) {
                token(rng)
            } else {
                STRINGS[rng.below(STRINGS.len())].to_owned()
            };
            if let Some(cell) = rows[r].get_mut(c) {
                *cell = value;
            }
        }
        3 => {
            // A cell copied from elsewhere (an e-mail into a preference column, a header
            // into data).
            let (r1, r2) = (rng.below(n), rng.below(n));
            let c1 = rng.below(rows[r1].len().max(1));
            let c2 = rng.below(rows[r2].len().max(1));
            if let Some(v) = rows[r1].get(c1).cloned() {
                if let Some(cell) = rows[r2].get_mut(c2) {
                    *cell = v;
                }
            }
        }
        4 => {
            // A quoted cell with the delimiter, a quote or a line break inside.
            let r = rng.below(n);
            let c = rng.below(rows[r].len().max(1));
            if let Some(cell) = rows[r].get_mut(c) {
                let inner = ["a,b", "a;b", "say \"\"hi\"\"", "two\nlines", "x\r\ny"][rng.below(5)];
                *cell = format!("\"{cell}{inner}\"");
            }
        }
        5 => {
            // A column added to every row (or only some).
            let name = token(rng);
            for (i, row) in rows.iter_mut().enumerate() {
                if i == 0 || rng.chance(80) {
                    row.push(name.clone());
                }
            }
        }
        6 => out_delimiter = [',', ';', '\t', '|'][rng.below(4)],
        7 => newline = ["\n", "\r\n", "\r"][rng.below(3)],
        8 => encoding = 1 + rng.below(3),
        9 => {
            let c = rng.below(rows[0].len().max(1));
            for row in rows.iter_mut() {
                if c < row.len() {
                    row.remove(c);
                }
            }
        }
        _ => {
            // Many columns, or a very wide header.
            let times = 1 + rng.below(1200);
            let name = token(rng);
            for _ in 0..times {
                rows[0].push(name.clone());
            }
        }
    }
    let mut text = rows
        .iter()
        .map(|r| r.join(&out_delimiter.to_string()))
        .collect::<Vec<_>>()
        .join(newline);
    if rng.chance(50) {
        text.push_str(newline);
    }
    match encoding {
        // UTF-16 little-endian with its BOM.
        1 => {
            let mut out = vec![0xFF, 0xFE];
            for u in text.encode_utf16() {
                out.extend_from_slice(&u.to_le_bytes());
            }
            out
        }
        // UTF-16 big-endian with its BOM, sometimes cut in the middle of a unit.
        2 => {
            let mut out = vec![0xFE, 0xFF];
            for u in text.encode_utf16() {
                out.extend_from_slice(&u.to_be_bytes());
            }
            if rng.chance(30) {
                out.pop();
            }
            out
        }
        // Windows-1252: characters past ASCII as single bytes.
        3 => text
            .chars()
            .map(|c| if (c as u32) < 256 { c as u8 } else { b'?' })
            .collect(),
        _ => text.into_bytes(),
    }
}

// ---------------------------------------------------------------------------------------
// Share links

/// Unpacks a link, mutates the program file inside as JSON, and packs it again (at a random
/// compression level), or damages the packing itself. `None` when the input is not a link.
pub fn share_mutation(rng: &mut Rng, input: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(input).ok()?;
    let data = text.trim().strip_prefix("mk1.")?;
    let packed = URL_SAFE_NO_PAD.decode(data).ok()?;
    let inner = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, 4 << 20).ok()?;
    let new_packed = match rng.below(8) {
        // The program file inside, mutated as JSON (or byte-wise when that fails).
        0..=4 => {
            let mutated = json_mutation(rng, &inner).unwrap_or_else(|| {
                let mut b = inner.clone();
                byte_mutation(rng, Target::File, &mut b, &[]);
                b
            });
            miniz_oxide::deflate::compress_to_vec(&mutated, (rng.below(11)) as u8)
        }
        // A deflate stream with a damaged byte.
        5 | 6 => {
            let mut p = packed.clone();
            if !p.is_empty() {
                let i = rng.below(p.len());
                p[i] ^= 1 << rng.below(8);
            }
            p
        }
        // A "zip bomb": a small link unpacking to a lot of text (around the 4 MiB limit).
        _ => {
            let fill = vec![b' '; (3 << 20) + rng.below(2 << 20)];
            let mut bomb = inner.clone();
            let at = rng.below(bomb.len() + 1);
            bomb.splice(at..at, fill);
            miniz_oxide::deflate::compress_to_vec(&bomb, 1)
        }
    };
    Some(format!("mk1.{}", URL_SAFE_NO_PAD.encode(new_packed)).into_bytes())
}
