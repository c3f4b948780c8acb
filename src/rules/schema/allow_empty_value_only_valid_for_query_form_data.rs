use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `allowEmptyValue` on a parameter that is not in query or formData
    ///
    /// ### Why
    /// Swagger 2.0 defines `allowEmptyValue` (send `?name=` with no value) for query and formData
    /// parameters only.
    ///
    /// ### Example
    /// Bad: `{"name": "taskId", "in": "path", "allowEmptyValue": true, …}`
    /// Good: `{"name": "filter", "in": "query", "allowEmptyValue": true, …}`
    pub(crate) static ALLOW_EMPTY_VALUE_ONLY_VALID_FOR_QUERY_FORM_DATA: Rule {
        code: "AllowEmptyValueOnlyValidForQueryFormData",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for p in sw.param_nodes() {
        if p.value.get("allowEmptyValue").is_some()
            && !matches!(str_of(p.value, "in"), Some("query" | "formData"))
        {
            sink.emit(
                join(&p.pointer, "allowEmptyValue"),
                "`allowEmptyValue` only applies to query and formData parameters",
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
    fn allow_empty_value_on_a_path_parameter() {
        Tester::new(
            &ALLOW_EMPTY_VALUE_ONLY_VALID_FOR_QUERY_FORM_DATA,
            vec![with_param(json!({"in": "query", "allowEmptyValue": true}))],
            vec![
                fail(with_param(json!({"allowEmptyValue": true})))
                    .at([format!("{P0}/allowEmptyValue")])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "`allowEmptyValue` only applies to query and formData parameters"
                        );
                    }),
            ],
        )
        .test();
    }
}
