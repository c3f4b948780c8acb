//! Read stage: the input text (JSON or YAML, optional BOM) as a `serde_json::Value`.

use serde_json::Value;

/// Read an OpenAPI/Swagger description from JSON or YAML text.
pub(crate) fn parse_input(text: &str) -> Result<Value, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"));
    }
    // The YAML parser recurses per level: refuse deep nesting before it runs (a linear scan).
    let max = crate::model::parse::MAX_DEPTH;
    if crate::model::parse::yaml_nesting_exceeds(text, max).is_some() {
        return Err(format!("not valid YAML: it nests deeper than {max} levels"));
    }
    let v: Value = serde_yaml::from_str(text).map_err(|e| format!("not valid YAML: {e}"))?;
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_yaml_and_bom_are_read_and_errors_name_the_syntax() {
        assert_eq!(parse_input("\u{feff}{\"a\": 1}").unwrap()["a"], 1);
        assert_eq!(parse_input("openapi: 3.0.0\na: [1]").unwrap()["a"][0], 1);
        assert!(
            parse_input("{\"a\": ")
                .unwrap_err()
                .starts_with("not valid JSON")
        );
        assert!(
            parse_input("a: [")
                .unwrap_err()
                .starts_with("not valid YAML")
        );
    }
}
