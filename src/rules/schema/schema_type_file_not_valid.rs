use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `type: file` inside a schema
    ///
    /// ### Why
    /// `file` is a Swagger 2.0 type for `formData` parameters and for a whole response (a
    /// download). Inside a schema (a property, an array item, a request body) it is not valid: use
    /// `type: string, format: binary` for a raw body, or `format: byte` inside JSON.
    ///
    /// ### Example
    /// Bad: `"properties": {"attachment": {"type": "file"}}`
    /// Good: `"properties": {"attachment": {"type": "string", "format": "byte"}}`
    ///
    /// ### Evidence
    /// Calibration: `file` at the root of a definition is accepted (it is then used as a response).
    pub(crate) static SCHEMA_TYPE_FILE_NOT_VALID: Rule {
        code: "SchemaTypeFileNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for n in nodes(cx) {
        if n.ty() != Some("file") {
            continue;
        }
        let ok = match n.kind {
            Kind::Schema { role, root } => {
                root && matches!(role, SchemaRole::Output | SchemaRole::Definition)
            }
            // Parameters are FileParameterMustBeInFormData's business.
            Kind::Param => true,
            Kind::Items | Kind::Header => false,
        };
        if !ok {
            sink.emit(
                n.at("type"),
                "`type: file` is only valid for formData parameters and whole responses",
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
    fn file_type_positions() {
        let def = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"responses": {"200": {"schema": {"type": "file"}}}}}}}),
        );
        Tester::new(
            &SCHEMA_TYPE_FILE_NOT_VALID,
            vec![def],
            vec![
                fail(with_def(
                    json!({"type": "object", "properties": {"f": {"type": "file"}}}),
                ))
                .at(["/definitions/X/properties/f/type"]),
            ],
        )
        .test();
    }
}
