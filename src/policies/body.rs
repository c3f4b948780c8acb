//! The body templates on a JSON body: setproperty, convertarraytoobject,
//! convertobjecttoarray, stringtoarray, stringreplace.
//!
//! Semantics (spec/policy-templates.md §4): the parent path is evaluated on the body; when it
//! is an array, the transform applies to each element ("since the parent is a collection, the
//! transform is applied to each subpath"); a new property path that starts with `@body()` is
//! absolute, one that starts with `@item()` or is bare is relative to the parent element; key
//! and array order follow the input.

use serde_json::{Map, Value};

use super::expr::{self, Base, BodyPath, Step};

/// A JSON pointer for a path (for the change lines).
pub(crate) fn pointer(steps: &[Step]) -> String {
    if steps.is_empty() {
        return "/".into();
    }
    steps
        .iter()
        .map(|s| match s {
            Step::Key(k) => format!("/{}", crate::model::pointer::escape(k)),
            Step::Index(i) => format!("/{i}"),
        })
        .collect()
}

/// The concrete paths of the parent elements: the value at the path, or each element when it
/// is an array. Empty when the path leads nowhere.
pub(crate) fn parents(root: &Value, parent: &BodyPath) -> Vec<Vec<Step>> {
    let steps = parent.steps.clone();
    match expr::lookup(root, &steps) {
        Some(Value::Array(a)) => (0..a.len())
            .map(|i| {
                let mut s = steps.clone();
                s.push(Step::Index(i));
                s
            })
            .collect(),
        Some(_) => vec![steps],
        None => Vec::new(),
    }
}

/// Steps of a relative sub path (`a.b`; empty for none).
pub(crate) fn sub_steps(sub: Option<&str>) -> Vec<Step> {
    sub.unwrap_or_default()
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|s| Step::Key(s.to_string()))
        .collect()
}

/// Where a new property path lands for one parent element.
pub(crate) fn target(new: &BodyPath, parent: &[Step]) -> Vec<Step> {
    match new.base {
        Base::Body | Base::TriggerBody => new.steps.clone(),
        Base::Item | Base::Relative => {
            let mut s = parent.to_vec();
            s.extend(new.steps.iter().cloned());
            s
        }
    }
}

/// Set the value at a path, creating objects for missing keys. False when the path crosses a
/// value that is neither an object nor an array with that index.
pub(crate) fn set(root: &mut Value, steps: &[Step], v: Value) -> bool {
    let Some((last, init)) = steps.split_last() else {
        *root = v;
        return true;
    };
    let mut cur = root;
    for s in init {
        cur = match s {
            Step::Key(k) => {
                let Some(o) = cur.as_object_mut() else {
                    return false;
                };
                o.entry(k.clone())
                    .or_insert_with(|| Value::Object(Map::new()))
            }
            Step::Index(i) => match cur.get_mut(*i) {
                Some(x) => x,
                None => return false,
            },
        };
    }
    match last {
        Step::Key(k) => match cur.as_object_mut() {
            Some(o) => {
                o.insert(k.clone(), v);
                true
            }
            None => false,
        },
        Step::Index(i) => match cur.get_mut(*i) {
            Some(x) => {
                *x = v;
                true
            }
            None => false,
        },
    }
}

/// setproperty's value: text (surrounding single quotes dropped), JSON when the result is an
/// array or object, else a string.
pub(crate) fn property_value(text: String) -> Value {
    let t = text.trim();
    if t.len() >= 2 && t.starts_with('\'') && t.ends_with('\'') {
        return Value::String(t[1..t.len() - 1].to_string());
    }
    if t.starts_with(['[', '{'])
        && let Ok(v @ (Value::Array(_) | Value::Object(_))) = serde_json::from_str::<Value>(t)
    {
        return v;
    }
    Value::String(text)
}

/// convertarraytoobject on one array: `{key: item}` (the key property dropped unless
/// `retain`). Items that are not objects, or lack the key, are skipped.
pub(crate) fn array_to_object(arr: &[Value], key_path: &[Step], retain: bool) -> Value {
    let mut out = Map::new();
    for item in arr {
        let Some(k) = expr::lookup(item, key_path) else {
            continue;
        };
        let k = match k {
            Value::String(s) => s.clone(),
            Value::Null => continue,
            other => other.to_string(),
        };
        let mut v = item.clone();
        if !retain
            && let [Step::Key(name)] = key_path
            && let Some(o) = v.as_object_mut()
        {
            o.shift_remove(name);
        }
        out.insert(k, v);
    }
    Value::Object(out)
}

/// convertobjecttoarray on one object: `[{keyName: k, valueName: v}]`.
pub(crate) fn object_to_array(obj: &Map<String, Value>, key_name: &str, value_name: &str) -> Value {
    Value::Array(
        obj.iter()
            .map(|(k, v)| {
                let mut m = Map::new();
                m.insert(key_name.to_string(), Value::String(k.clone()));
                m.insert(value_name.to_string(), v.clone());
                Value::Object(m)
            })
            .collect(),
    )
}

/// stringtoarray on one text: split at any of the delimiter characters, each piece an
/// object `{child: piece}`.
pub(crate) fn string_to_array(s: &str, delimiters: &str, child: &str) -> Value {
    let pieces: Vec<&str> = if delimiters.is_empty() {
        vec![s]
    } else {
        s.split(|c| delimiters.contains(c)).collect()
    };
    Value::Array(
        pieces
            .into_iter()
            .map(|p| {
                let mut m = Map::new();
                m.insert(child.to_string(), Value::String(p.to_string()));
                Value::Object(m)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn set_creates_missing_objects_and_refuses_to_cross_scalars() {
        let mut v = json!({"a": 1, "l": [{}]});
        assert!(set(&mut v, &sub_steps(Some("x.y")), json!(2)));
        assert!(set(
            &mut v,
            &[Step::Key("l".into()), Step::Index(0), Step::Key("k".into())],
            json!(3)
        ));
        assert!(!set(&mut v, &sub_steps(Some("a.b")), json!(4)));
        assert!(!set(
            &mut v,
            &[Step::Key("l".into()), Step::Index(5)],
            json!(4)
        ));
        assert_eq!(v, json!({"a": 1, "l": [{"k": 3}], "x": {"y": 2}}));
    }

    #[test]
    fn property_values() {
        assert_eq!(property_value("30".into()), json!("30"));
        assert_eq!(property_value("[\"a\"]".into()), json!(["a"]));
        assert_eq!(property_value("'x-y'".into()), json!("x-y"));
        assert_eq!(property_value("[not json".into()), json!("[not json"));
        // Text is kept as the template made it (two empty interpolations give a space).
        assert_eq!(property_value(" ".into()), json!(" "));
    }

    #[test]
    fn pointers_escape_keys() {
        assert_eq!(
            pointer(&[Step::Key("a/b".into()), Step::Index(2)]),
            "/a~1b/2"
        );
        assert_eq!(pointer(&[]), "/");
    }
}
