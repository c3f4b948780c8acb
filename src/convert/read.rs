//! Read stage: the input text (JSON or YAML, optional BOM) as a `serde_json::Value`.

use serde_json::Value;

/// Read an OpenAPI/Swagger description from JSON or YAML text.
pub fn parse_input(text: &str) -> Result<Value, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"));
    }
    let v: Value = serde_yaml::from_str(text).map_err(|e| format!("not valid YAML: {e}"))?;
    Ok(v)
}
