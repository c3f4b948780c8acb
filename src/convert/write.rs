//! Write stage: the converted files as bytes, in the `fmt` layout. Writing them to disk
//! (atomically, never over an input) is the CLI's job; the notes about the written size are
//! made here.

use serde_json::Value;

use super::notes::{CONVERT_DEFINITION_TOO_LARGE, CONVERT_RESULT_NOT_LINTED};
use crate::core::Severity;
use crate::model::FileKind;
use crate::model::jsontext;

/// The connector definition's file name.
pub(crate) const DEFINITION_FILE: &str = "apiDefinition.swagger.json";
/// The connector properties' file name.
pub(crate) const PROPERTIES_FILE: &str = "apiProperties.json";

/// New files in the `fmt` layout (4 spaces, the standard key order).
pub(crate) fn json_bytes(v: &Value) -> Vec<u8> {
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
pub(crate) fn files(out: &super::Output) -> [(&'static str, Vec<u8>); 2] {
    [
        (DEFINITION_FILE, json_bytes(&out.definition)),
        (PROPERTIES_FILE, json_bytes(&out.properties)),
    ]
}

/// Definitions connectors accept: under 1 MB
/// (<https://learn.microsoft.com/connectors/custom-connectors/faq>).
pub(crate) const MAX_DEFINITION: usize = 1024 * 1024;
/// Beyond this size the result is not linted (it cannot be a connector, and positions for
/// a file of tens of megabytes cost gigabytes).
pub(crate) const MAX_LINTED: usize = 8 * 1024 * 1024;

/// The note for a written definition of `size` bytes over [`MAX_DEFINITION`].
pub(crate) fn definition_size_note(size: usize) -> Option<super::Note> {
    (size > MAX_DEFINITION).then(|| super::Note {
        code: CONVERT_DEFINITION_TOO_LARGE.code,
        severity: Severity::Warning,
        file: FileKind::Definition,
        pointer: String::new(),
        message: format!("the definition is {} KB; connectors must stay under 1 MB: split the API into several connectors", size / 1024),
    })
}

/// The note for a written definition of `size` bytes over [`MAX_LINTED`], not linted.
pub(crate) fn lint_size_note(size: u64) -> Option<super::Note> {
    (size > MAX_LINTED as u64).then(|| super::Note {
        code: CONVERT_RESULT_NOT_LINTED.code,
        severity: Severity::Error,
        file: FileKind::Definition,
        pointer: String::new(),
        message: format!(
            "the result is {} MB and was NOT checked: connkit lints definitions up to 8 MB, and a connector must stay under 1 MB; split the API, then run `connkit lint` on each part",
            size / (1024 * 1024)
        ),
    })
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
