use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation has both `in: body` and `in: formData` parameters
    ///
    /// ### Why
    /// The body is either a JSON/text payload or a form; it cannot be both. Move the form fields
    /// into the body schema, or drop the body parameter.
    ///
    /// ### Example
    /// Bad: `"parameters": [{"name": "file", "in": "formData", "type": "file"}, {"name": "body", "in":
    /// "body", "schema": {…}}]`
    /// Good: `"parameters": [{"name": "file", "in": "formData", "type": "file"}, {"name": "title", "in":
    /// "formData", "type": "string"}]`
    pub(crate) static PARAMETER_LIST_CONTAINS_FORM_DATA_AND_BODY: Rule {
        code: "ParameterListContainsFormDataAndBody",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        let has_body = op.params.iter().any(|p| p.location == Some("body"));
        if let Some(f) = op.params.iter().find(|p| p.location == Some("formData"))
            && has_body
        {
            sink.emit(
                f.pointer.clone(),
                format!("{} mixes body and formData parameters", op.label()),
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
    fn form_and_body() {
        let d = post(
            json!([{"name": "naïve", "in": "formData", "type": "file"}, {"name": "b", "in": "body", "schema": {}}]),
            json!({"consumes": ["application/x-www-form-urlencoded"]}),
        );
        let d_2 = post(
            json!([{"name": "f", "in": "formData", "type": "file"}]),
            json!({"consumes": ["multipart/form-data"]}),
        );
        Tester::new(
            &PARAMETER_LIST_CONTAINS_FORM_DATA_AND_BODY,
            vec![d_2],
            vec![fail(d).at(["/paths/~1p/post/parameters/0"])],
        )
        .test();
    }
}
