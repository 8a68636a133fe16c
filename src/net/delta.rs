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

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-5i64..5).prop_map(|n| json!(n)),
            "[a-c]{0,2}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::btree_map("[a-d]", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn json_object() -> impl Strategy<Value = Value> {
        prop::collection::btree_map("[a-d]", json_value(), 0..5)
            .prop_map(|m| Value::Object(m.into_iter().collect()))
    }

    proptest! {
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
