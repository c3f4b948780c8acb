//! Structural JSON comparison: every difference with its JSON pointer.

use serde_json::Value;

use crate::model::pointer;

/// One difference between the package's value (`left`) and the pull request's (`right`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub pointer: String,
    pub message: String,
}

/// Compare two JSON values structurally: key order does not matter, array order does,
/// numbers compare by value (`1` equals `1.0`).
pub fn compare(left: &Value, right: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    walk(left, right, "", &mut out, 0);
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

fn walk(l: &Value, r: &Value, at: &str, out: &mut Vec<Difference>, depth: usize) {
    if depth > 512 {
        return;
    }
    match (l, r) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let p = pointer::join(at, k);
                match b.get(k) {
                    Some(vb) => walk(va, vb, &p, out, depth + 1),
                    None => out.push(Difference {
                        pointer: p,
                        message: format!(
                            "only in the package: {} (missing from the pull request)",
                            short(va)
                        ),
                    }),
                }
            }
            for (k, vb) in b {
                if !a.contains_key(k) {
                    out.push(Difference {
                        pointer: pointer::join(at, k),
                        message: format!(
                            "only in the pull request: {} (missing from the package)",
                            short(vb)
                        ),
                    });
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                walk(va, vb, &pointer::join_index(at, i), out, depth + 1);
            }
            if a.len() != b.len() {
                out.push(Difference {
                    pointer: at.to_string(),
                    message: format!(
                        "array has {} items in the package, {} in the pull request",
                        a.len(),
                        b.len()
                    ),
                });
            }
        }
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => {}
        _ if l == r => {}
        _ => out.push(Difference {
            pointer: at.to_string(),
            message: format!("package has {}, pull request has {}", short(l), short(r)),
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
    fn root_type_change_is_one_difference() {
        let d = compare(&json!(null), &json!([]));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].pointer, "");
    }
}
