use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The `default` response carries a schema
    ///
    /// ### Why
    /// The designer builds an action's outputs from its success response. A schema on `default` is
    /// ambiguous (it covers errors and successes alike), so certification refuses it: describe the
    /// success body on `200`/`201` and keep `default` to a description.
    ///
    /// ### Example
    /// Bad: `"default": {"description": "OK", "schema": {…}}`
    /// Good: `"200": {"description": "OK", "schema": {…}}, "default": {"description": "Error"}`
    ///
    /// ### Evidence
    /// Calibration: reported only when the operation also has a 2xx response. When `default` is the
    /// only response it is the success response, and 10 certified connectors changed in 2024 were
    /// merged with a schema there (Autenti, BoldSign, D7SMS, HubPlanner, …); that case is left to
    /// the reviewers' advice to add an explicit 2xx (before: 10 connectors changed in 2024, after:
    /// 1).
    ///
    /// An **error**. Microsoft's pipeline prints this message on PRs (#3841, #3810, 2025), so the
    /// check exists and fails the PR. Earlier, Tikit (PRs #1853, #3149, #3232, 2022–2024) and
    /// Tesseron Asset (PRs #2864, #2917, 2023) were merged validated with a schema on `default`
    /// beside a 2xx, and three connectors in the bulk merges of 2021–2022: overrides, or the check
    /// was enforced later. On the visible history (1,055 versions of 528 connectors) these are its
    /// hits beside a 2xx: 6 connectors, 5 of which wrote `{}` (docs/calibration.md).
    ///
    /// A **warning** when the schema is the empty object `{}`: it describes nothing, so nothing
    /// is ambiguous. Five of the six connectors of the visible history merged validated with a
    /// schema on `default` beside a 2xx wrote `{}` (Lang-ai, Tikit, ZohoSign; Tesseron Asset and
    /// Tikit since the pipeline's 2023-08 repair), and every such merge since the repair in the
    /// other half of the public repository has this form. A real error schema stays an error.
    pub(crate) static DEFAULT_RESPONSE_HAS_SCHEMA: Rule {
        code: "DefaultResponseHasSchema",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The 'default' response should not have schema definition. Schemas should be defined on expected responses only."),
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for r in sw.response_nodes() {
        let has_success = r
            .operation
            .and_then(|i| sw.operations.get(i))
            .and_then(|op| op.get("responses"))
            .and_then(Value::as_object)
            .is_some_and(|m| m.keys().any(|k| k.starts_with('2')));
        if r.key == "default" && has_success {
            let (v, _) = sw.resolve_or_self(r.value, &r.pointer);
            if let Some(schema) = v.get("schema") {
                let at = if r.value.get("schema").is_some() {
                    join(&r.pointer, "schema")
                } else {
                    r.pointer.clone()
                };
                if schema.as_object().is_some_and(|m| m.is_empty()) {
                    sink.emit_with(
                        Severity::Warning,
                        FileKind::Definition,
                        at,
                        "'default' response has an empty schema `{}`: remove it (Microsoft's \
                         validator lets an empty one through)",
                    );
                } else {
                    sink.emit(at, "'default' response should not have schema definition");
                }
            }
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
    fn default_response_schema() {
        let def = op_patch(
            json!({"responses": {"default": {"description": "x", "schema": {"type": "object"}}}}),
        );
        // An empty schema `{}` beside a 2xx: a warning.
        let empty = op_patch(json!({"responses": {"default": {"description": "x", "schema": {}}}}));
        // `default` as the only response is the success response: not reported.
        let mut only = cert();
        only.pointer_mut(OP).unwrap()["responses"] =
            json!({"default": {"description": "x", "schema": {"type": "object"}}});
        Tester::new(
            &DEFAULT_RESPONSE_HAS_SCHEMA,
            vec![(only, Profile::Certified)],
            vec![
                fail((def, Profile::Certified))
                    .at([format!("{OP}/responses/default/schema")])
                    .then(|f| assert_eq!(f[0].severity, Severity::Error)),
                fail((empty, Profile::Certified))
                    .at([format!("{OP}/responses/default/schema")])
                    .then(|f| assert_eq!(f[0].severity, Severity::Warning)),
            ],
        )
        .test();
    }
}
