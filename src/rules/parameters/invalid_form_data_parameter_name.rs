use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A formData parameter name has non-ASCII characters
    ///
    /// ### Why
    /// Form field names are sent as-is in the multipart or URL-encoded body and must be US-ASCII.
    /// Rename the parameter and put the display text in `x-ms-summary`.
    ///
    /// ### Example
    /// Bad: `{"name": "naïve", "in": "formData", "type": "string"}`
    /// Good: `{"name": "naive", "in": "formData", "type": "string", "x-ms-summary": "Naïve"}`
    pub(crate) static INVALID_FORM_DATA_PARAMETER_NAME: Rule {
        code: "InvalidFormDataParameterName",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (ptr, v) in written(cx) {
        if s(v, "in") == Some("formData")
            && let Some(n) = s(v, "name")
            && !n.is_ascii()
        {
            sink.emit(
                join(&ptr, "name"),
                format!("formData parameter name '{n}' is not US-ASCII"),
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
    fn non_ascii_name() {
        let d = post(
            json!([{"name": "naïve", "in": "formData", "type": "file"}, {"name": "b", "in": "body", "schema": {}}]),
            json!({"consumes": ["application/x-www-form-urlencoded"]}),
        );
        let d_2 = post(
            json!([{"name": "f", "in": "formData", "type": "file"}]),
            json!({"consumes": ["multipart/form-data"]}),
        );
        Tester::new(
            &INVALID_FORM_DATA_PARAMETER_NAME,
            vec![d_2],
            vec![fail(d).at(["/paths/~1p/post/parameters/0/name"])],
        )
        .test();
    }
}
