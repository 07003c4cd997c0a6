//! The value-by-value reader behind [`super::parse`]: counts, depth, duplicate keys and
//! list limits, checked while the file is read.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use std::collections::HashSet;
use std::fmt;

use super::{path_text, shorten, Json, Seg};
use crate::core::exchange::file_format::{ImportError, Repair};
use crate::core::limits::{MAX_DEPTH, MAX_JSON_VALUES, MAX_LIST, MAX_MATCHES, MAX_PEOPLE};

#[derive(Default)]
pub(super) struct State {
    pub(super) path: Vec<Seg>,
    pub(super) values: usize,
    pub(super) abort: Option<ImportError>,
    pub(super) repairs: Vec<Repair>,
}

impl State {
    pub(super) fn count<E: de::Error>(&mut self) -> Result<(), E> {
        self.values += 1;
        if self.values > MAX_JSON_VALUES {
            return Err(self.stop(ImportError::Limit(format!(
                "the file holds more than {MAX_JSON_VALUES} values (at {}); \
                 that is more than any program file needs",
                path_text(&self.path)
            ))));
        }
        Ok(())
    }

    pub(super) fn stop<E: de::Error>(&mut self, error: ImportError) -> E {
        self.abort = Some(error);
        E::custom("import stopped")
    }

    pub(super) fn enter<E: de::Error>(&mut self, depth: usize) -> Result<(), E> {
        if depth >= MAX_DEPTH {
            return Err(self.stop(ImportError::Limit(format!(
                "the file nests more than {MAX_DEPTH} levels deep (at {}); \
                 a program file needs about 8",
                path_text(&self.path)
            ))));
        }
        Ok(())
    }

    /// The most entries the list at the current path may hold.
    pub(super) fn list_limit(&self) -> usize {
        match self.path.as_slice() {
            [Seg::Key(a), Seg::Key(b)] if a == "program" && b == "people" => MAX_PEOPLE,
            [Seg::Key(a), Seg::Key(b)] if a == "program" && b == "matches" => MAX_MATCHES,
            _ => MAX_LIST,
        }
    }
}

pub(super) struct Seed<'s> {
    pub(super) st: &'s mut State,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Json;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        self.st.count()?;
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        self.visit_unit()
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        self.st.count()?;
        Ok(Json::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        self.st.count()?;
        Ok(match u64::try_from(v) {
            Ok(u) => Json::UInt(u),
            Err(_) => Json::Int(v),
        })
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        self.st.count()?;
        Ok(Json::UInt(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        self.st.count()?;
        // serde_json never produces a non-finite float, but bad input 26 says never trust that.
        Ok(if v.is_finite() {
            Json::Float(v)
        } else {
            Json::TooLarge(v.to_string())
        })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        self.st.count()?;
        Ok(Json::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        self.st.count()?;
        Ok(Json::Str(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        self.st.count()?;
        let depth = self.st.path.len();
        self.st.enter(depth)?;
        let limit = self.st.list_limit();
        let mut items = Vec::new();
        loop {
            if items.len() == limit {
                // One more element means the list is over the limit: stop now (bad input
                // 13), without reading the rest of a million records.
                self.st.path.push(Seg::Index(items.len()));
                let more = seq.next_element::<de::IgnoredAny>();
                self.st.path.pop();
                if more?.is_some() {
                    let err = ImportError::Limit(format!(
                        "{} has more than {limit} entries; the limit is {limit}",
                        path_text(&self.st.path)
                    ));
                    return Err(self.st.stop(err));
                }
                break;
            }
            self.st.path.push(Seg::Index(items.len()));
            let item = seq.next_element_seed(Seed { st: &mut *self.st });
            self.st.path.pop();
            match item? {
                Some(v) => items.push(v),
                None => break,
            }
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        self.st.count()?;
        let depth = self.st.path.len();
        self.st.enter(depth)?;
        let mut entries: Vec<(String, Json)> = Vec::new();
        // Small objects (every record of a program) are checked by a linear scan; a hash set
        // only appears for objects with many keys, so a hostile object stays linear.
        let mut index: Option<HashSet<String>> = None;
        while let Some(key) = map.next_key::<String>()? {
            if entries.len() == MAX_LIST {
                let err = ImportError::Limit(format!(
                    "{} has more than {MAX_LIST} keys; the limit is {MAX_LIST}",
                    path_text(&self.st.path)
                ));
                return Err(self.st.stop(err));
            }
            let duplicate = match &mut index {
                Some(set) => set.contains(&key),
                None => entries.iter().any(|(k, _)| *k == key),
            };
            self.st.path.push(Seg::Key(key));
            let value = map.next_value_seed(Seed { st: &mut *self.st });
            let Some(Seg::Key(key)) = self.st.path.pop() else {
                return Err(de::Error::custom("path stack out of step"));
            };
            let value = value?;
            if duplicate {
                // Bad input 15: report the record, keep its first value, keep going.
                self.st.repairs.push(Repair {
                    path: path_text(&self.st.path),
                    message: format!(
                        "the key {:?} appears more than once; the first value was kept",
                        shorten(&key, 40)
                    ),
                });
                continue;
            }
            if index.is_none() && entries.len() >= 16 {
                index = Some(entries.iter().map(|(k, _)| k.clone()).collect());
            }
            if let Some(set) = &mut index {
                set.insert(key.clone());
            }
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}
