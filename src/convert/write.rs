//! Write stage: the converted files as bytes, in the `fmt` layout. Writing them to disk
//! (atomically, never over an input) is the CLI's job.

use serde_json::Value;

use crate::model::jsontext;

/// The connector definition's file name.
pub const DEFINITION_FILE: &str = "apiDefinition.swagger.json";
/// The connector properties' file name.
pub const PROPERTIES_FILE: &str = "apiProperties.json";

/// New files in the `fmt` layout (4 spaces, the standard key order).
pub fn json_bytes(v: &Value) -> Vec<u8> {
    let mut s = jsontext::to_pretty(v, 0, "    ", "\n");
    s.push('\n');
    let layout = jsontext::Layout {
        bom: false,
        crlf: false,
        final_newline: true,
        indent: Default::default(),
    };
    jsontext::format(&s, layout).unwrap_or(s).into_bytes()
}

/// The files of a conversion: (file name, bytes).
pub fn files(out: &super::Output) -> [(&'static str, Vec<u8>); 2] {
    [
        (DEFINITION_FILE, json_bytes(&out.definition)),
        (PROPERTIES_FILE, json_bytes(&out.properties)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn files_are_written_in_the_fmt_layout() {
        let out = super::super::Output {
            definition: json!({"paths": {}, "info": {"title": "T"}, "swagger": "2.0"}),
            properties: json!({"properties": {}}),
            notes: Vec::new(),
        };
        let [(d, bytes), (p, _)] = files(&out);
        assert_eq!((d, p), (DEFINITION_FILE, PROPERTIES_FILE));
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.starts_with("{\n    \"swagger\": \"2.0\",\n    \"info\""),
            "{text}"
        );
        assert!(text.ends_with("}\n"));
    }
}
