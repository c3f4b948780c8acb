//! `TestValueOutOfBounds`.

use super::TestCheck;

crate::declare_code! {
    /// A value in the response breaks a bound of its schema (`minimum`, `maxLength`, `pattern`, `maxItems`, …)
    ///
    /// ### Why
    /// The Swagger 2.0 validation keywords (`minimum`, `maximum` and their `exclusive…` flags,
    /// `multipleOf`, `minLength`, `maxLength`, `pattern`, `minItems`, `maxItems`,
    /// `uniqueItems`) are promises makers build on: a length limit copied into another
    /// system's field, a non-negative amount, a code of a fixed shape. A response that
    /// breaks one means the definition describes another API than the one deployed, and
    /// generated clients or validating tools that trust the bound fail on real data.
    ///
    /// ### Example
    /// `quantity: {"type": "integer", "minimum": 0}` and the API sends `"quantity": -2`: fix
    /// the API, or widen the bound to what it really returns.
    ///
    /// ### Evidence
    /// The bounds as JSON Schema draft 4 defines them (Swagger 2.0's schema object): lengths
    /// count characters (Unicode code points), `exclusiveMinimum`/`exclusiveMaximum` are
    /// booleans beside the bound, and a `pattern` matches anywhere in the string unless it is
    /// anchored. A pattern Rust's `regex` cannot compile (look-around, back-references of
    /// ECMAScript) is not checked, and `uniqueItems` compares at most the first 1,000 items.
    pub(crate) static TEST_VALUE_OUT_OF_BOUNDS: TestCheck {
        code: "TestValueOutOfBounds",
    }
}

#[cfg(test)]
mod tests {
    use super::TEST_VALUE_OUT_OF_BOUNDS as C;
    use crate::contract::validate::testing::*;
    use serde_json::json;

    #[test]
    fn test_value_out_of_bounds_is_reported_for_each_keyword() {
        let cases = [
            (json!({"type": "integer", "minimum": 0}), "-2", "minimum"),
            (json!({"type": "number", "maximum": 10}), "10.5", "maximum"),
            (
                json!({"type": "number", "minimum": 0, "exclusiveMinimum": true}),
                "0",
                "exclusiveMinimum",
            ),
            (
                json!({"type": "number", "maximum": 1, "exclusiveMaximum": true}),
                "1.0",
                "exclusiveMaximum",
            ),
            (
                json!({"type": "number", "multipleOf": 0.5}),
                "1.25",
                "multipleOf",
            ),
            (
                json!({"type": "string", "maxLength": 3}),
                r#""abcd""#,
                "maxLength",
            ),
            (
                json!({"type": "string", "minLength": 2}),
                r#""é""#,
                "minLength",
            ),
            (
                json!({"type": "string", "pattern": "^[A-Z]{3}$"}),
                r#""usd""#,
                "pattern",
            ),
            (
                json!({"type": "array", "maxItems": 1}),
                "[1, 2]",
                "maxItems",
            ),
            (json!({"type": "array", "minItems": 1}), "[]", "minItems"),
            (
                json!({"type": "array", "uniqueItems": true}),
                "[1, 2, 1.0]",
                "uniqueItems",
            ),
        ];
        for (schema, body, keyword) in cases {
            let def = one_op(json!({"type": "object", "properties": {"v": schema}}));
            let body = format!(r#"{{"v": {body}}}"#);
            let p = problems(&def, "GetOrder", 200, &body);
            assert_eq!(codes(&p), [C.code], "{keyword}: {p:?}");
            assert_eq!(p[0].path, "$.v", "{keyword}");
            assert!(p[0].pointer.ends_with(&format!("/v/{keyword}")), "{p:?}");
            assert!(p[0].message.contains(keyword), "{p:?}");
        }
    }

    #[test]
    fn near_miss_no_test_value_out_of_bounds() {
        let cases = [
            (json!({"type": "integer", "minimum": 0}), "0"),
            (json!({"type": "number", "maximum": 10}), "10"),
            (
                json!({"type": "number", "minimum": 0, "exclusiveMinimum": true}),
                "0.001",
            ),
            (json!({"type": "number", "multipleOf": 0.1}), "0.3"),
            (json!({"type": "number", "multipleOf": 0.01}), "19.99"),
            // Three characters, six bytes.
            (json!({"type": "string", "maxLength": 3}), r#""ééé""#),
            // Unanchored: matches anywhere.
            (json!({"type": "string", "pattern": "[0-9]"}), r#""a1b""#),
            // ECMAScript look-ahead: not checked rather than guessed.
            (json!({"type": "string", "pattern": "^(?=x)"}), r#""y""#),
            (json!({"type": "array", "maxItems": 2}), "[1, 2]"),
            (
                json!({"type": "array", "uniqueItems": true}),
                r#"[1, "1", {"a": 1}]"#,
            ),
            // Bounds of another type's keywords do not apply.
            (json!({"minLength": 5}), "3"),
            (json!({"maximum": 1}), r#""22""#),
        ];
        for (schema, body) in cases {
            let def = one_op(json!({"type": "object", "properties": {"v": schema}}));
            let body = format!(r#"{{"v": {body}}}"#);
            let p = problems(&def, "GetOrder", 200, &body);
            assert!(p.is_empty(), "{body}: {p:?}");
        }
    }
}
