use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An `enum` member's JSON type differs from the declared `type`
    ///
    /// ### Why
    /// The values of `enum` must have the schema's type: a string parameter lists strings, an
    /// integer parameter integers. A mismatch makes the dropdown offer values the parameter cannot
    /// hold.
    ///
    /// ### Example
    /// Bad: `{"type": "integer", "enum": ["1", "2"]}`
    /// Good: `{"type": "integer", "enum": [1, 2]}`
    ///
    /// ### Evidence
    /// Calibration: `null` members are accepted (used to document nullable values), and so are
    /// strings that spell a value of the type (`"true"` for a boolean), which a certified connector
    /// changed in 2024 uses.
    pub(crate) static INVALID_ENUM_VALUE: Rule {
        code: "InvalidEnumValue",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The type of the enum value is 'String' but it should be 'Boolean' as specified in the schema."),
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for n in nodes(cx) {
        let (Some(ty), Some(list)) = (n.ty(), n.get("enum").and_then(Value::as_array)) else {
            continue;
        };
        for (i, v) in list.iter().enumerate() {
            if !v.is_null() && !fits_loosely(v, ty) {
                sink.emit(
                    join_index(&n.at("enum"), i),
                    format!(
                        "enum value {} is {} {}, but the type is '{ty}'",
                        short(v),
                        article(json_type(v)),
                        json_type(v)
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn enum_value_of_another_type() {
        Tester::new(
            &INVALID_ENUM_VALUE,
            vec![
                // The Good example, and strings spelling a value of the type.
                with_def(json!({"type": "integer", "enum": [1, 2]})),
                with_def(json!({"type": "integer", "enum": ["1", "2"]})),
                with_def(json!({"type": "boolean", "enum": ["true", false]})),
            ],
            vec![
                // `null` members are accepted.
                fail(with_def(
                    json!({"type": "integer", "enum": [1, "two", null]}),
                ))
                .at(["/definitions/X/enum/1"])
                .then(|f| {
                    assert!(
                        f[0].message.ends_with("but the type is 'integer'"),
                        "{}",
                        f[0].message
                    );
                }),
            ],
        )
        .test();
    }
}
