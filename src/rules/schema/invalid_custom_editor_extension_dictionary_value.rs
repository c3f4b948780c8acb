use super::*;

pub static INVALID_CUSTOM_EDITOR_EXTENSION_DICTIONARY_VALUE: Rule = Rule {
    code: "InvalidCustomEditorExtensionDictionaryValue",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`x-ms-editor: dictionary` on a schema that is not an open object",
    explanation: "The dictionary editor lets users add key/value pairs; it needs an object \
schema that accepts additional properties (`additionalProperties` true or a schema).\n\nGood: \
`{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}, \"x-ms-editor\": \
\"dictionary\"}`",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx).iter().filter(|n| n.is_schema()) {
            if n.str("x-ms-editor") != Some("dictionary") {
                continue;
            }
            let object = n.ty().is_none_or(|t| t == "object");
            let open = matches!(
                n.get("additionalProperties"),
                Some(Value::Bool(true) | Value::Object(_))
            );
            if !(object && open) {
                sink.emit(
                    n.at("x-ms-editor"),
                    "the dictionary editor needs an object with `additionalProperties`",
                );
            }
        }
    },
};

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use serde_json::json;

    #[test]
    fn dictionary_editor() {
        assert_eq!(
            ptrs(
                &INVALID_CUSTOM_EDITOR_EXTENSION_DICTIONARY_VALUE,
                with_def(json!({"type": "object", "x-ms-editor": "dictionary"}))
            ),
            vec!["/definitions/X/x-ms-editor"]
        );
        assert!(ptrs(&INVALID_CUSTOM_EDITOR_EXTENSION_DICTIONARY_VALUE, with_def(json!({"type": "object", "additionalProperties": {"type": "string"}, "x-ms-editor": "dictionary"}))).is_empty());
    }
}
