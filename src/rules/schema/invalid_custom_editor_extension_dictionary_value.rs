use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-editor: dictionary` on a schema that is not an open object
    ///
    /// ### Why
    /// The dictionary editor lets users add key/value pairs; it needs an object schema that accepts
    /// additional properties (`additionalProperties` true or a schema).
    ///
    /// ### Example
    /// Bad: `{"type": "object", "x-ms-editor": "dictionary"}`
    /// Good: `{"type": "object", "additionalProperties": {"type": "string"}, "x-ms-editor":
    /// "dictionary"}`
    pub(crate) static INVALID_CUSTOM_EDITOR_EXTENSION_DICTIONARY_VALUE: Rule {
        code: "InvalidCustomEditorExtensionDictionaryValue",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
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
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn dictionary_editor() {
        Tester::new(
            &INVALID_CUSTOM_EDITOR_EXTENSION_DICTIONARY_VALUE,
            vec![
                with_def(json!({"type": "object", "additionalProperties": {"type": "string"}, "x-ms-editor": "dictionary"})),
            ],
            vec![
                fail(with_def(json!({"type": "object", "x-ms-editor": "dictionary"}))).at(["/definitions/X/x-ms-editor"]),
            ],
        )
        .test();
    }
}
