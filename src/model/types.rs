//! Swagger's types and formats as the platform reads them: the type name of a JSON value,
//! whether a value fits a declared `type`, which `format`s are known.

use serde_json::Value;

/// The JSON type name as Swagger spells it.
pub(crate) fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Whether a value fits a Swagger `type` (integers are numbers too).
pub(crate) fn fits_type(v: &Value, ty: &str) -> bool {
    match ty {
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        "file" => v.is_string(),
        _ => true,
    }
}

/// Whether the platform knows `format` for `type` (`None`: any type): `UnrecognizedTypeFormat`
/// reports the others and `convert` drops them.
pub(crate) fn format_known(ty: Option<&str>, format: &str) -> bool {
    const STRING: &[&str] = &[
        "byte",
        "binary",
        "date",
        "date-time",
        "password",
        "date-no-tz",
        "email",
        "html",
        "uri",
        "uuid",
    ];
    match ty {
        Some("integer") => matches!(format, "int32" | "int64"),
        Some("number") => matches!(format, "float" | "double" | "int32" | "int64"),
        Some("string") => STRING.contains(&format),
        Some(_) => false,
        None => {
            STRING.contains(&format) || matches!(format, "int32" | "int64" | "float" | "double")
        }
    }
}
