//! What changed between two views, so that the host sends a trainee the
//! clue she just received rather than her whole desk again (a role's view
//! carries the indicator list, the legal frame and the role card, which do
//! not change during play).
//!
//! Works on JSON values: a [`Delta`] applied to the old value gives the new
//! one exactly. Messages to a client travel in order and reliably, so each
//! delta applies to the view the client holds; a client that cannot apply
//! one asks for the whole view again.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;
use std::ops::Range;

/// How to turn one JSON value into another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Delta {
    /// Replace the value.
    Set(Value),
    /// Change some fields of an object.
    Fields {
        /// Fields that changed or appeared.
        changed: Vec<(String, Delta)>,
        /// Fields that disappeared.
        removed: Vec<String>,
    },
    /// Change an array: truncate to `len`, change some items, then append.
    Items {
        /// Items kept from the old array (changed or not).
        len: usize,
        /// Items among those kept that changed.
        changed: Vec<(usize, Delta)>,
        /// Items appended.
        added: Vec<Value>,
    },
}

/// Why a delta did not apply: the client's view is not the one the host
/// diffed against.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("the view changed under a delta at {0}")]
pub struct Mismatch(pub String);

/// A view as the host last sent it: each top-level field as JSON text, and
/// each item of a list field apart. Comparing text is cheap; the host takes
/// a snapshot of every person's view after every event at their table, so
/// the parts are places in the one text, not copies of it.
pub struct Snapshot {
    json: String,
    fields: Vec<(String, Part)>,
}

#[derive(Debug, PartialEq)]
enum Part {
    Whole(Range<usize>),
    Items(Vec<Range<usize>>),
}

impl Snapshot {
    /// The snapshot of `value`, which serialises to a JSON object.
    #[cfg(test)]
    pub fn of<T: Serialize>(value: &T) -> Snapshot {
        Snapshot::from_json(serde_json::to_string(value).expect("views serialise"))
    }

    /// The snapshot of a JSON object's text.
    pub fn from_json(json: String) -> Snapshot {
        // One pass over the text as serde_json writes it (the host's views);
        // anything else is read by serde_json (slower: it reads twice).
        match scan::object(json.as_bytes()) {
            Some(fields) => Snapshot { json, fields },
            None => Snapshot::parsed(json),
        }
    }

    /// The snapshot of a JSON object's text, read by serde_json.
    fn parsed(json: String) -> Snapshot {
        // Where a part borrowed from `json` starts in it.
        let place = |raw: &RawValue| {
            let start = raw.get().as_ptr() as usize - json.as_ptr() as usize;
            start..start + raw.get().len()
        };
        let object: std::collections::BTreeMap<String, &RawValue> =
            serde_json::from_str(&json).expect("views serialise to JSON objects");
        let fields = object
            .into_iter()
            .map(|(key, raw)| {
                let part = match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
                    Ok(items) if raw.get().starts_with('[') => {
                        Part::Items(items.into_iter().map(place).collect())
                    }
                    _ => Part::Whole(place(raw)),
                };
                (key, part)
            })
            .collect();
        // The text's buffer stays where it is when the String moves.
        Snapshot { json, fields }
    }

    /// The value's JSON text.
    pub fn json(&self) -> &str {
        &self.json
    }

    fn text(&self, place: &Range<usize>) -> &str {
        &self.json[place.clone()]
    }

    fn value(&self, place: &Range<usize>) -> Value {
        serde_json::from_str(self.text(place)).expect("a snapshot holds valid JSON")
    }

    /// What turns `old` into this snapshot; none when nothing changed.
    pub fn since(&self, old: &Snapshot) -> Option<Delta> {
        let mut changed = Vec::new();
        for (key, part) in &self.fields {
            let before = old.fields.iter().find(|(k, _)| k == key).map(|(_, p)| p);
            let delta = match (before, part) {
                (Some(Part::Whole(a)), Part::Whole(b)) if old.text(a) == self.text(b) => continue,
                (Some(Part::Items(a)), Part::Items(b)) => {
                    let len = a.len().min(b.len());
                    let items: Vec<(usize, Delta)> = (0..len)
                        .filter(|&i| old.text(&a[i]) != self.text(&b[i]))
                        .map(|i| (i, Delta::Set(self.value(&b[i]))))
                        .collect();
                    if items.is_empty() && a.len() == b.len() {
                        continue;
                    }
                    Delta::Items {
                        len,
                        changed: items,
                        added: b[len..].iter().map(|place| self.value(place)).collect(),
                    }
                }
                (_, Part::Whole(place)) => Delta::Set(self.value(place)),
                (_, Part::Items(items)) => Delta::Set(Value::Array(
                    items.iter().map(|place| self.value(place)).collect(),
                )),
            };
            changed.push((key.clone(), delta));
        }
        let removed: Vec<String> = old
            .fields
            .iter()
            .filter(|(k, _)| !self.fields.iter().any(|(key, _)| key == k))
            .map(|(k, _)| k.clone())
            .collect();
        (!changed.is_empty() || !removed.is_empty()).then_some(Delta::Fields { changed, removed })
    }
}

/// Applies `delta` to `value` in place.
pub fn apply(value: &mut Value, delta: &Delta) -> Result<(), Mismatch> {
    apply_at(value, delta, &mut String::new())
}

fn apply_at(value: &mut Value, delta: &Delta, path: &mut String) -> Result<(), Mismatch> {
    match delta {
        Delta::Set(new) => *value = new.clone(),
        Delta::Fields { changed, removed } => {
            let Value::Object(fields) = value else {
                return Err(Mismatch(format!("{path} (not an object)")));
            };
            for key in removed {
                fields.remove(key);
            }
            for (key, delta) in changed {
                let mark = path.len();
                path.push('.');
                path.push_str(key);
                match (fields.get_mut(key), delta) {
                    (Some(field), delta) => apply_at(field, delta, path)?,
                    (None, Delta::Set(new)) => {
                        fields.insert(key.clone(), new.clone());
                    }
                    (None, _) => return Err(Mismatch(path.clone())),
                }
                path.truncate(mark);
            }
        }
        Delta::Items {
            len,
            changed,
            added,
        } => {
            let Value::Array(items) = value else {
                return Err(Mismatch(format!("{path} (not an array)")));
            };
            if items.len() < *len {
                return Err(Mismatch(format!("{path} (shorter than {len})")));
            }
            items.truncate(*len);
            for (i, delta) in changed {
                let mark = path.len();
                path.push_str(&format!("[{i}]"));
                let item = items.get_mut(*i).ok_or_else(|| Mismatch(path.clone()))?;
                apply_at(item, delta, path)?;
                path.truncate(mark);
            }
            items.extend(added.iter().cloned());
        }
    }
    Ok(())
}

/// A single pass over a JSON object's text as serde_json writes it (no
/// spaces between tokens): each field's key and the place of its value, and
/// of each item when the value is an array. None for any other text.
mod scan {
    use super::Part;
    use std::ops::Range;

    pub(super) fn object(text: &[u8]) -> Option<Vec<(String, Part)>> {
        let mut fields = Vec::new();
        let mut at = 1;
        if text.first() != Some(&b'{') {
            return None;
        }
        if text.get(at) == Some(&b'}') {
            return (at + 1 == text.len()).then_some(fields);
        }
        loop {
            let key_end = string_end(text, at)?;
            let key: String = serde_json::from_slice(&text[at..key_end]).ok()?;
            at = key_end;
            if text.get(at) != Some(&b':') {
                return None;
            }
            at += 1;
            let part = if text.get(at) == Some(&b'[') {
                let (items, end) = items(text, at)?;
                at = end;
                Part::Items(items)
            } else {
                let end = value_end(text, at)?;
                let part = Part::Whole(at..end);
                at = end;
                part
            };
            fields.push((key, part));
            match text.get(at) {
                Some(b',') => at += 1,
                Some(b'}') if at + 1 == text.len() => return Some(fields),
                _ => return None,
            }
        }
    }

    /// The places of an array's items, and where the array ends.
    fn items(text: &[u8], start: usize) -> Option<(Vec<Range<usize>>, usize)> {
        let mut items = Vec::new();
        let mut at = start + 1;
        if text.get(at) == Some(&b']') {
            return Some((items, at + 1));
        }
        loop {
            let end = value_end(text, at)?;
            items.push(at..end);
            at = end;
            match text.get(at) {
                Some(b',') => at += 1,
                Some(b']') => return Some((items, at + 1)),
                _ => return None,
            }
        }
    }

    /// Where the string that starts at `start` ends (after its quote).
    fn string_end(text: &[u8], start: usize) -> Option<usize> {
        if text.get(start) != Some(&b'"') {
            return None;
        }
        let mut at = start + 1;
        loop {
            match text.get(at)? {
                b'"' => return Some(at + 1),
                b'\\' => at += 2,
                _ => at += 1,
            }
        }
    }

    /// Where the value that starts at `start` ends.
    fn value_end(text: &[u8], start: usize) -> Option<usize> {
        match text.get(start)? {
            b'"' => string_end(text, start),
            b'{' | b'[' => {
                let mut depth = 0usize;
                let mut at = start;
                loop {
                    match text.get(at)? {
                        b'"' => {
                            at = string_end(text, at)?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                return Some(at + 1);
                            }
                        }
                        _ => {}
                    }
                    at += 1;
                }
            }
            _ => {
                // A number, true, false or null: up to the next delimiter.
                let end = text[start..]
                    .iter()
                    .position(|b| matches!(b, b',' | b'}' | b']'))
                    .map_or(text.len(), |p| start + p);
                (end > start).then_some(end)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use faisceau_engine::session::Status;
    use faisceau_engine::{RoleView, Session, TrainerCommand, ViewBot};
    use proptest::prelude::*;
    use serde::Deserialize;
    use serde_json::json;

    #[test]
    fn a_played_table_travels_as_small_changes_that_rebuild_each_view() {
        let text = std::fs::read_to_string("scenarios/foyer_fugues.ron").unwrap();
        let shelf = crate::rulebooks::shelf_for(std::path::Path::new("scenarios/foyer_fugues.ron"));
        let case = Arc::new(
            faisceau_engine::load(&text, "case.ron", &shelf)
                .unwrap()
                .case,
        );
        let mut session = Session::new(case.clone(), 7);
        session.direct(TrainerCommand::Start).unwrap();
        let roles: Vec<String> = case
            .scenario()
            .roles
            .iter()
            .map(|r| r.id.to_string())
            .collect();
        let mut bots: Vec<ViewBot> = (0..roles.len()).map(|i| ViewBot::new(i as u64)).collect();
        let mut held: Vec<Value> = roles
            .iter()
            .map(|r| serde_json::to_value(session.view(r).unwrap()).unwrap())
            .collect();
        let mut sent: Vec<Snapshot> = roles
            .iter()
            .map(|r| Snapshot::of(&session.view(r).unwrap()))
            .collect();
        let (mut whole, mut deltas) = (0, 0);
        let mut rounds = 0;
        while session.state().status != Status::Ended && rounds < 10_000 {
            rounds += 1;
            let mut acted = false;
            for (role, bot) in roles.iter().zip(&mut bots) {
                if let Some(command) = bot.next(&session.view(role).unwrap()) {
                    acted = true;
                    let _ = session.submit(role, command);
                }
            }
            if !acted {
                let _ = session.direct(TrainerCommand::NextPhase);
            }
            for (r, role) in roles.iter().enumerate() {
                let view = session.view(role).unwrap();
                let new = Snapshot::of(&view);
                assert_same_parts(new.json());
                let delta = new.since(&sent[r]);
                sent[r] = new;
                if let Some(delta) = delta {
                    whole += serde_json::to_vec(&view).unwrap().len();
                    deltas += serde_json::to_vec(&delta).unwrap().len();
                    apply(&mut held[r], &delta).unwrap();
                    let rebuilt = RoleView::deserialize(&held[r]).unwrap();
                    assert_eq!(rebuilt, view, "{role}'s view rebuilt from deltas");
                } else {
                    assert_eq!(
                        held[r],
                        serde_json::to_value(&view).unwrap(),
                        "{role}: no change missed"
                    );
                }
            }
        }
        assert_eq!(session.state().status, Status::Ended);
        // The static half of a desk (indicators, legal frame, role card)
        // never travels twice: changes are a small part of whole views.
        assert!(
            deltas * 5 < whole,
            "deltas {deltas} bytes vs whole views {whole} bytes"
        );
    }

    #[test]
    fn a_delta_for_another_view_is_refused_with_where() {
        let old = json!({"clues": [1, 2, 3]});
        let new = json!({"clues": [1, 2, 4]});
        let delta = Snapshot::of(&new).since(&Snapshot::of(&old)).unwrap();
        let mut other = json!({"clues": [1]});
        assert_eq!(
            apply(&mut other, &delta),
            Err(Mismatch(".clues (shorter than 3)".into()))
        );
        let mut other = json!({"clues": "none"});
        assert!(apply(&mut other, &delta).is_err());
    }

    /// The one-pass reading of `json` finds the fields, values and items
    /// that serde_json finds.
    fn assert_same_parts(json: &str) {
        let mut scanned = scan::object(json.as_bytes()).expect("serde_json's text scans");
        scanned.sort_by(|a, b| a.0.cmp(&b.0));
        let parsed = Snapshot::parsed(json.to_owned());
        assert_eq!(scanned, parsed.fields, "{json}");
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-5i64..5).prop_map(|n| json!(n)),
            "[a-c\"\\\\é\n]{0,3}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::btree_map("[a-d\"\\\\]{1,2}", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn json_object() -> impl Strategy<Value = Value> {
        prop::collection::btree_map("[a-d\"\\\\]{1,2}", json_value(), 0..5)
            .prop_map(|m| Value::Object(m.into_iter().collect()))
    }

    proptest! {
        #[test]
        fn the_one_pass_reading_finds_the_parts_serde_json_finds(value in json_object()) {
            let json = serde_json::to_string(&value).unwrap();
            prop_assert!(scan::object(json.as_bytes()).is_some(), "{}", json);
            assert_same_parts(&json);
        }

        #[test]
        fn applying_the_change_gives_the_new_value(old in json_object(), new in json_object()) {
            let mut value = old.clone();
            match Snapshot::of(&new).since(&Snapshot::of(&old)) {
                None => prop_assert_eq!(&old, &new),
                Some(delta) => {
                    // The delta survives the wire.
                    let delta: Delta = serde_json::from_slice(&serde_json::to_vec(&delta).unwrap()).unwrap();
                    apply(&mut value, &delta).unwrap();
                    prop_assert_eq!(value, new);
                }
            }
        }
    }
}
