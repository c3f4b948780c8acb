use super::*;
use crate::rules::prelude::*;
use std::collections::BTreeMap;

crate::declare_code! {
    /// A dynamic call names a parameter that does not exist
    ///
    /// ### Why
    /// Keys of the extension's `parameters` must be parameters (or body property paths) of the
    /// invoked operation, and references (`parameter`, `parameterReference`) must name parameters
    /// of the calling operation. Check for typos and renamed parameters.
    ///
    /// ### Example
    /// Bad: `"parameters": {"project": {"parameter": "projekt"}, "nope": 1}` (the caller has no
    /// `projekt`, `ListItems` has no `nope`)
    /// Good: `"parameters": {"project": {"parameter": "project"}}`
    ///
    /// A reference inside a schema of `definitions` that several operations reuse is checked once
    /// per operation: where some of them have the named parameter and another lacks it, the
    /// finding is a **warning** naming the operation that lacks it.
    ///
    /// ### Evidence
    /// An error. The platform's import prints Microsoft's message below (issue #254), for a
    /// reference in an operation's own parameter. On the visible merged history (1,055 versions of
    /// 528 connectors) it fires on one connector, Alemba ITSM (PR #845, 2021).
    ///
    /// A **warning** for a reference in a shared definition that one of its operations cannot
    /// satisfy: merged connectors of the other half of the public repository reuse an
    /// `x-ms-dynamic-schema` definition across operations where one lacks the parameter, on
    /// repeated validated merges since the pipeline's 2023-08 repair, and no Microsoft message
    /// about it is known. Where no operation using the definition has the parameter, it stays an
    /// error.
    pub(crate) static OPERATION_PARAMETER_NAME_NOT_FOUND: Rule {
        code: "OperationParameterNameNotFound",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The parameter could not be found in operation '{0}'"),
        file: FileKind::Definition,
        source: EXT,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut once = Once::new(sink);
    // References in a shared definition, by pointer: the message for the first operation that
    // lacks the parameter, how many lack it and how many have it.
    let mut shared: BTreeMap<String, (String, usize, usize)> = BTreeMap::new();
    with_sites(cx, &mut |sw, s| {
        let Some(target) = invoked(sw, s) else { return };
        for (k, _, at, t) in target_args(cx, sw, s, target) {
            if matches!(t, Target::Missing) {
                once.emit(at, format!("{} has no parameter '{k}'", target.label()));
            }
        }
        if s.superseded() {
            return;
        }
        for (r, at, t) in caller_refs(cx, sw, s) {
            let missing = matches!(t, Target::Missing);
            let message = || format!("{} has no parameter '{r}' to reference", s.op.label());
            if s.at.starts_with("/definitions/") {
                let e = shared.entry(at).or_default();
                if missing && e.1 == 0 {
                    e.0 = message();
                }
                e.1 += usize::from(missing);
                e.2 += usize::from(!missing);
            } else if missing {
                once.emit(at, message());
            }
        }
    });
    for (at, (message, lacking, having)) in shared {
        if lacking == 0 {
            continue;
        }
        if having == 0 {
            once.emit(at, message);
        } else {
            once.sink.emit_with(
                Severity::Warning,
                FileKind::Definition,
                at,
                format!(
                    "{message} (the definition is shared: {having} other operation{} using it \
                     {} the parameter)",
                    if having == 1 { "" } else { "s" },
                    if having == 1 { "has" } else { "have" }
                ),
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

    /// `GetSchema` takes `project`; the body of `Create` (which has `project`) and of `Import`
    /// (which has `source` only) both use `#/definitions/Details`, whose dynamic schema passes
    /// the caller's `project`. `import_param` is `Import`'s query parameter.
    fn shared_definition(import_param: &str) -> Value {
        patch(
            dyn_schema_def(),
            json!({
                "definitions": {"Details": {"type": "object", "properties": {"details": {"type": "object",
                    "x-ms-dynamic-schema": {"operationId": "GetSchema", "value-path": "schema",
                        "parameters": {"project": {"parameter": "project"}}}}}}},
                "paths": {
                    "/schema": {"get": {"parameters": [{"name": "project", "in": "query", "type": "string"}]}},
                    "/created": {"post": {"operationId": "CreateDetails", "parameters": [
                        {"name": "project", "in": "query", "required": true, "type": "string"},
                        {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Details"}}],
                        "responses": {"200": {"description": "ok"}}}},
                    "/imported": {"post": {"operationId": "Import", "parameters": [
                        {"name": import_param, "in": "query", "required": true, "type": "string"},
                        {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Details"}}],
                        "responses": {"200": {"description": "ok"}}}}
                }
            }),
        )
    }

    const SHARED: &str =
        "/definitions/Details/properties/details/x-ms-dynamic-schema/parameters/project";

    #[test]
    fn shared_definition_lacking_in_one_operation_is_a_warning() {
        let f = run(
            &OPERATION_PARAMETER_NAME_NOT_FOUND,
            shared_definition("source"),
        );
        assert_eq!(pointers(&f), vec![SHARED]);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].message.contains("Import"), "{}", f[0].message);
        assert!(
            f[0].message.contains("1 other operation"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn shared_definition_satisfied_by_every_operation_passes() {
        assert!(
            run(
                &OPERATION_PARAMETER_NAME_NOT_FOUND,
                shared_definition("project")
            )
            .is_empty()
        );
    }

    #[test]
    fn unknown_names() {
        let mut dv = good_dv();
        dv["parameters"]["nope"] = json!(1);
        dv["parameters"]["project"] = json!({"parameter": "projekt"});
        Tester::new(
            &OPERATION_PARAMETER_NAME_NOT_FOUND,
            vec![with_dv(good_dv())],
            vec![fail(with_dv(dv)).at([
                format!("{DV}/parameters/project"),
                format!("{DV}/parameters/nope"),
            ])],
        )
        .test();
    }
}
