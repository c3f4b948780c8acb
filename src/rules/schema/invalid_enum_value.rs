use super::*;
use crate::rules::prelude::*;

// ---- §3.1 enum and extension values ------------------------------------------------------

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
    pub static INVALID_ENUM_VALUE: Rule {
        code: "InvalidEnumValue",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The type of the enum value is 'String' but it should be 'Boolean' as specified in the schema."),
        profiles: Profiles::ALL,
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
