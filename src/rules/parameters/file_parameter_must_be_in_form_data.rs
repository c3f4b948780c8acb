use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `type: file` parameter that is not `in: formData`
    ///
    /// ### Why
    /// Swagger 2.0 only allows `type: file` for form fields. For a raw binary body use a body
    /// parameter with `schema: {type: string, format: binary}`.
    ///
    /// ### Example
    /// Bad: `{"name": "file", "in": "query", "type": "file"}`
    /// Good: `{"name": "file", "in": "formData", "type": "file"}` with `"consumes": ["multipart/form-data"]`
    pub(crate) static FILE_PARAMETER_MUST_BE_IN_FORM_DATA: Rule {
        code: "FileParameterMustBeInFormData",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, v) in written(cx) {
        if s(v, "type") == Some("file") && s(v, "in") != Some("formData") {
            sink.emit(join(&ptr, "type"), "a file parameter must be in formData");
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
    fn file_in_query() {
        let d = with_param(json!({"name": "f", "in": "query", "type": "file"}));
        let d_2 = post(
            json!([{"name": "f", "in": "formData", "type": "file"}]),
            json!({"consumes": ["multipart/form-data"]}),
        );
        Tester::new(
            &FILE_PARAMETER_MUST_BE_IN_FORM_DATA,
            vec![d_2],
            vec![fail(d).at([format!("{OP}/parameters/1/type")])],
        )
        .test();
    }
}
