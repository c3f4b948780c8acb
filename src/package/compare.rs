//! Structural JSON comparison: every difference with its JSON pointer.

use serde_json::Value;

use crate::model::pointer;

/// One difference between the package's value (`left`) and the pull request's (`right`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Difference {
    pub(crate) pointer: String,
    pub(crate) message: String,
}

/// Compare two JSON values structurally: key order does not matter, array order does,
/// numbers compare by value (`1` equals `1.0`).
pub(crate) fn compare(left: &Value, right: &Value) -> Vec<Difference> {
    compare_labelled(left, right, ("the package", "the pull request"))
}

/// [`compare`] with the names of the two sides (`("the connector solution", "the flow
/// solution")`).
pub(crate) fn compare_labelled(
    left: &Value,
    right: &Value,
    labels: (&str, &str),
) -> Vec<Difference> {
    let mut out = Vec::new();
    walk(left, right, "", &mut out, 0, labels);
    out
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 80 {
        let cut: String = s.chars().take(77).collect();
        format!("{cut}...")
    } else {
        s
    }
}

/// How much of each value to show on either side of the first difference.
const CONTEXT: usize = 30;

/// Two differing values shown so the difference is visible: whole when short, else a window
/// around the first differing character of their JSON text (closing quotes kept when the
/// window reaches the end).
pub(crate) fn contrast(l: &Value, r: &Value, labels: (&str, &str)) -> String {
    let (a, b) = (l.to_string(), r.to_string());
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if ca.len() <= 80 && cb.len() <= 80 {
        return format!("{} has {a}, {} has {b}", labels.0, labels.1);
    }
    let at = ca
        .iter()
        .zip(&cb)
        .position(|(x, y)| x != y)
        .unwrap_or(ca.len().min(cb.len()));
    // Values of different kinds (null and a list), or different from their first character:
    // a position says nothing, each value's start does.
    let first = if l.is_string() { 1 } else { 0 }; // after a string's opening quote
    if at <= first || std::mem::discriminant(l) != std::mem::discriminant(r) {
        return format!(
            "{} has {}, {} has {}",
            labels.0,
            short(l),
            labels.1,
            short(r)
        );
    }
    let window = |c: &[char]| {
        let start = at.saturating_sub(CONTEXT);
        let end = (at + CONTEXT).min(c.len());
        let mut s = String::new();
        if start > 0 {
            s.push_str("...");
        }
        s.extend(&c[start..end]);
        if end < c.len() {
            s.push_str("...");
        }
        s
    };
    format!(
        "values differ from character {} ({} and {} characters long): {} has {}, {} has {}",
        at + 1,
        ca.len(),
        cb.len(),
        labels.0,
        window(&ca),
        labels.1,
        window(&cb)
    )
}

fn walk(
    l: &Value,
    r: &Value,
    at: &str,
    out: &mut Vec<Difference>,
    depth: usize,
    labels: (&str, &str),
) {
    if depth > 512 {
        return;
    }
    match (l, r) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let p = pointer::join(at, k);
                match b.get(k) {
                    Some(vb) => walk(va, vb, &p, out, depth + 1, labels),
                    None => out.push(Difference {
                        pointer: p,
                        message: format!(
                            "only in {}: {} (missing from {})",
                            labels.0,
                            short(va),
                            labels.1
                        ),
                    }),
                }
            }
            for (k, vb) in b {
                if !a.contains_key(k) {
                    out.push(Difference {
                        pointer: pointer::join(at, k),
                        message: format!(
                            "only in {}: {} (missing from {})",
                            labels.1,
                            short(vb),
                            labels.0
                        ),
                    });
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                walk(va, vb, &pointer::join_index(at, i), out, depth + 1, labels);
            }
            if a.len() != b.len() {
                out.push(Difference {
                    pointer: at.to_string(),
                    message: format!(
                        "array has {} items in {}, {} in {}",
                        a.len(),
                        labels.0,
                        b.len(),
                        labels.1
                    ),
                });
            }
        }
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => {}
        _ if l == r => {}
        _ => out.push(Difference {
            pointer: at.to_string(),
            message: contrast(l, r, labels),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_every_difference_with_a_pointer() {
        let a = json!({"info": {"title": "A", "x/y": 1}, "list": [1, 2, 3], "only": true, "n": 1});
        let b = json!({"n": 1.0, "info": {"title": "B", "x/y": 1}, "list": [1, 5], "other": null});
        let d = compare(&a, &b);
        let ptrs: Vec<_> = d.iter().map(|d| d.pointer.as_str()).collect();
        assert_eq!(ptrs, ["/info/title", "/list/1", "/list", "/only", "/other"]);
        assert!(d[0].message.contains("\"A\"") && d[0].message.contains("\"B\""));
        assert!(compare(&a, &a.clone()).is_empty());
        let key_order =
            json!({"n": 1, "only": true, "list": [1, 2, 3], "info": {"x/y": 1, "title": "A"}});
        assert!(compare(&a, &key_order).is_empty());
    }

    #[test]
    fn long_values_show_where_they_differ_with_closing_quotes() {
        let base = "x".repeat(100);
        let a = json!({ "d": format!("{base}-alpha") });
        let b = json!({ "d": format!("{base}-beta") });
        let d = compare(&a, &b);
        assert_eq!(d.len(), 1);
        let m = &d[0].message;
        assert!(m.contains("from character 103"), "{m}");
        assert!(m.contains("-alpha\""), "{m}");
        assert!(m.contains("-beta\""), "{m}");
        assert!(m.contains("the package has ...x"), "{m}");
        // Short values are shown whole.
        let d = compare(&json!("a"), &json!("b"));
        assert_eq!(
            d[0].message,
            "the package has \"a\", the pull request has \"b\""
        );
        // Values of other kinds, or different from the start, are shown from their start.
        let long = json!([{ "templateId": "setheader", "title": "x".repeat(100) }]);
        let d = compare(&json!(null), &long);
        assert_eq!(d.len(), 1);
        let m = &d[0].message;
        assert!(!m.contains("from character"), "{m}");
        assert!(
            m.starts_with("the package has null, the pull request has [{\"templateId\""),
            "{m}"
        );
        let d = compare(
            &json!(format!("a{}", "x".repeat(100))),
            &json!(format!("b{}", "x".repeat(100))),
        );
        assert!(!d[0].message.contains("from character"), "{}", d[0].message);
    }

    #[test]
    fn root_type_change_is_one_difference() {
        let d = compare(&json!(null), &json!([]));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].pointer, "");
    }
}
