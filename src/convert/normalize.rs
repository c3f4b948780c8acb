//! Normalise stage: OpenAPI 3.1 is brought down to 3.0 before mapping (type arrays →
//! `nullable`, `const` → `enum`, numeric exclusive bounds, schema `examples`).

use serde_json::Value;

pub(super) fn normalise_31(v: &mut Value, key: &str, depth: &mut usize) {
    if *depth > 200 {
        return;
    }
    *depth += 1;
    match v {
        Value::Object(m) => {
            if let Some(Value::Array(types)) = m.get("type").cloned() {
                let non_null: Vec<&Value> = types
                    .iter()
                    .filter(|t| t.as_str() != Some("null"))
                    .collect();
                let nullable = non_null.len() < types.len();
                if let [one] = non_null.as_slice() {
                    m.insert("type".into(), (*one).clone());
                } else {
                    m.remove("type");
                }
                if nullable {
                    m.insert("nullable".into(), Value::Bool(true));
                }
            }
            if let Some(c) = m.remove("const") {
                m.insert("enum".into(), Value::Array(vec![c]));
            }
            for (k, b) in [
                ("exclusiveMinimum", "minimum"),
                ("exclusiveMaximum", "maximum"),
            ] {
                if let Some(n) = m.get(k).filter(|x| x.is_number()).cloned() {
                    m.insert(b.into(), n);
                    m.insert(k.into(), Value::Bool(true));
                }
            }
            if key != "properties"
                && let Some(Value::Array(ex)) = m.get("examples").cloned()
            {
                m.remove("examples");
                if let Some(first) = ex.into_iter().next() {
                    m.entry("example").or_insert(first);
                }
            }
            for (k, child) in m.iter_mut() {
                normalise_31(child, k, depth);
            }
        }
        Value::Array(a) => {
            for child in a {
                normalise_31(child, "", depth);
            }
        }
        _ => {}
    }
    *depth -= 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn norm(mut v: Value) -> Value {
        normalise_31(&mut v, "", &mut 0);
        v
    }

    #[test]
    fn type_arrays_become_nullable_and_const_becomes_enum() {
        assert_eq!(
            norm(json!({"type": ["string", "null"]})),
            json!({"type": "string", "nullable": true})
        );
        assert_eq!(norm(json!({"type": ["string", "integer"]})), json!({}));
        assert_eq!(norm(json!({"const": "a"})), json!({"enum": ["a"]}));
    }

    #[test]
    fn numeric_exclusive_bounds_and_examples_become_30() {
        assert_eq!(
            norm(json!({"exclusiveMinimum": 1, "exclusiveMaximum": 9})),
            json!({"exclusiveMinimum": true, "exclusiveMaximum": true, "minimum": 1, "maximum": 9})
        );
        assert_eq!(norm(json!({"examples": [1, 2]})), json!({"example": 1}));
        // A property called `examples` is a name, not the keyword.
        let p = json!({"properties": {"examples": {"type": "array"}}});
        assert_eq!(norm(p.clone()), p);
    }
}
