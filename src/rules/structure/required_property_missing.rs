use super::*;
use crate::rules::opkit::fix_target;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A key the validator requires is missing
    ///
    /// ### Why
    /// Swagger 2.0 requires `info` (with `title` and `version`), `paths`, and a `description` on
    /// every response. In certification mode Microsoft's validator also requires `info.contact`,
    /// `info.description`, the root `x-ms-connector-metadata`, and a `description` and
    /// `x-ms-summary` on every parameter shown to users.
    ///
    /// ### Example
    /// Bad: `"info": {"version": "1.0"}` (no `title`); in certification, also a parameter
    /// users see without `x-ms-summary`
    /// Good: `"info": {"title": "Contoso Tasks", "version": "1.0"}`
    ///
    /// ### Evidence
    /// An error: Microsoft's validator prints "The 'x-ms-summary' property is required." (and
    /// 'description', 'contact', 'x-ms-connector-metadata') on PRs #3407, #2662, #1658, #2637,
    /// #1003, #550, #3975, #4041, #1095 and #683. A 'schema' missing under
    /// x-ms-notification-content is a warning (Seismic Configuration 2024 and Square Payments 2022
    /// were merged validated without it). The remaining errors on validated merges are overrides of
    /// a real check: D7SMS (PR #3213, 2024) and OpenAI (bulk merge, 2022) were merged without
    /// 'contact' and 'x-ms-connector-metadata', and PUG Gamified Engagement (PR #774) and Survey123
    /// (bulk merge) in 2021 with parameters lacking 'x-ms-summary', all messages the validator is
    /// known to print.
    ///
    /// Calibration: parameters with `x-ms-visibility: internal` are never shown in the designer, so
    /// they are not required to have `x-ms-summary`/`description` (certified connectors changed in
    /// 2024 omit them freely). Nor are `in: body` parameters: the designer shows the body schema's
    /// properties, not the body parameter, and 67 of the 106 parseable
    /// certified/independent-publisher connectors changed in 2024 have body parameters without
    /// `x-ms-summary` (connectors changed in 2024 with this error: 72 before, 20 after). The same
    /// holds for every parameter of an operation marked `x-ms-visibility: internal` (webhook
    /// deletes, dynamic-value helpers): all 20 remaining 2024 connectors had only such parameters
    /// missing the texts, so they are exempt too (20 → 0). In certification, every operation users
    /// see (not internal, not deprecated) must have a `summary` and a `description` (reviewers'
    /// checklist).
    pub(crate) static REQUIRED_PROPERTY_MISSING: Rule {
        code: "RequiredPropertyMissing",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The '{0}' property is required."),
        file: FileKind::Definition,
        source: SV,
        check: required_property_missing,
        fix: Some(&FIX),
    }
}

static FIX: Fix = Fix {
    summary: "add a missing parameter x-ms-summary derived from its name (other cases: no fix)",
    apply: fix,
};

fn fix(doc: &mut Value, ptr: &str) -> bool {
    // Only for parameters (a `name` and an `in`), never for other missing properties.
    let Some(o) = fix_target(doc, ptr, "x-ms-summary") else {
        return false;
    };
    if o.contains_key("x-ms-summary") || !o.get("in").is_some_and(Value::is_string) {
        return false;
    }
    let Some(name) = o.get("name").and_then(Value::as_str) else {
        return false;
    };
    let t = crate::model::names::title_case(name);
    if t.is_empty() {
        return false;
    }
    o.insert("x-ms-summary".into(), Value::String(t));
    true
}

fn required_property_missing(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(root) = cx.connector.definition_value() else {
        return;
    };
    if !root.is_object() {
        return;
    }
    super::super::schema_validation::report_required_missing(cx, sink);
    let need = |parent: &Value, at: &str, key: &str, sink: &mut Sink<'_>| {
        if parent.is_object() && parent.get(key).is_none() {
            sink.emit(at.to_string(), format!("'{key}' property is required"));
        }
    };
    need(root, "", "info", sink);
    need(root, "", "paths", sink);
    if let Some(info) = root.get("info") {
        need(info, "/info", "title", sink);
        need(info, "/info", "version", sink);
        if cx.is_certification() {
            need(info, "/info", "description", sink);
            need(info, "/info", "contact", sink);
        }
    }
    if cx.is_certification() {
        need(root, "", "x-ms-connector-metadata", sink);
    }
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for r in sw.response_nodes() {
        if r.value.is_object() && r.value.get("$ref").is_none() {
            need(r.value, &r.pointer, "description", sink);
        }
    }
    if cx.is_certification() {
        // OP-03: every operation users see has a summary and a description.
        for op in &sw.operations {
            if op.value.is_object() && !op.is_internal() && !op.is_deprecated() {
                need(op.value, &op.pointer, "summary", sink);
                need(op.value, &op.pointer, "description", sink);
            }
        }
        // Parameters users see (a shared parameter is reported once, where it is written).
        for p in sw.shown_params() {
            if p.location != Some("body") {
                need(p.value, &p.target, "x-ms-summary", sink);
                need(p.value, &p.target, "description", sink);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn required_properties_per_profile() {
        // Certification adds contact, connector metadata and parameter texts.
        let def = patch(minimal(), json!({"info": {"contact": null}}));
        Tester::new(
            &REQUIRED_PROPERTY_MISSING,
            vec![
                Case::from((
                    patch(minimal(), json!({"x-ms-connector-metadata": []})),
                    Profile::Certified,
                )),
                Case::from(def.clone()),
            ],
            vec![
                fail(patch(minimal(), json!({"info": {"title": null}})))
                    .at(["/info"])
                    .then(|f| {
                        assert!(f[0].message.contains("'title'"));
                    }),
                fail((def.clone(), Profile::Certified)).then(|f| {
                    assert_eq!(f.len(), 2, "{f:?}");
                }),
            ],
        )
        .test();
    }

    #[test]
    fn body_parameters_and_operations_in_certification() {
        let body = json!({"name": "body", "in": "body", "schema": {"type": "object"}});
        let mut def = patch(minimal(), json!({"x-ms-connector-metadata": []}));
        def.pointer_mut("/paths/~1tasks~1{taskId}/get/parameters")
            .unwrap()
            .as_array_mut()
            .unwrap()
            .push(body);
        assert!(
            run_profile(&REQUIRED_PROPERTY_MISSING, def.clone(), Profile::Certified).is_empty()
        );
        let op = def.pointer_mut("/paths/~1tasks~1{taskId}/get").unwrap();
        op.as_object_mut().unwrap().remove("description");
        let f = run_profile(&REQUIRED_PROPERTY_MISSING, def.clone(), Profile::Certified);
        assert_eq!(pointers(&f), vec!["/paths/~1tasks~1{taskId}/get"]);
        assert!(f[0].message.contains("'description'"));
        def.pointer_mut("/paths/~1tasks~1{taskId}/get").unwrap()["deprecated"] = json!(true);
        assert!(run_profile(&REQUIRED_PROPERTY_MISSING, def, Profile::Certified).is_empty());
    }

    #[test]
    fn internal_parameters_need_no_texts() {
        let mut def = patch(minimal(), json!({"x-ms-connector-metadata": []}));
        let p = def
            .pointer_mut("/paths/~1tasks~1{taskId}/get/parameters/0")
            .unwrap();
        p.as_object_mut().unwrap().remove("x-ms-summary");
        let f = run_profile(&REQUIRED_PROPERTY_MISSING, def.clone(), Profile::Certified);
        assert_eq!(
            pointers(&f),
            vec!["/paths/~1tasks~1{taskId}/get/parameters/0"]
        );
        def.pointer_mut("/paths/~1tasks~1{taskId}/get/parameters/0")
            .unwrap()["x-ms-visibility"] = json!("internal");
        assert!(run_profile(&REQUIRED_PROPERTY_MISSING, def, Profile::Certified).is_empty());
    }

    #[test]
    fn parameters_of_internal_operations_need_no_texts() {
        let mut def = patch(minimal(), json!({"x-ms-connector-metadata": []}));
        let op = "/paths/~1tasks~1{taskId}/get";
        def.pointer_mut(&format!("{op}/parameters/0"))
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("description");
        let f = run_profile(&REQUIRED_PROPERTY_MISSING, def.clone(), Profile::Certified);
        assert_eq!(pointers(&f), vec![format!("{op}/parameters/0")]);
        def.pointer_mut(op).unwrap()["x-ms-visibility"] = json!("internal");
        assert!(run_profile(&REQUIRED_PROPERTY_MISSING, def, Profile::Certified).is_empty());
    }

    #[test]
    fn shared_parameters_are_reported_once_where_written() {
        let def = patch(
            minimal(),
            json!({"x-ms-connector-metadata": [],
                   "parameters": {"Q": {"name": "q", "in": "query", "type": "string", "x-ms-summary": "Q"}},
                   "paths": {"/a": {"get": {"operationId": "A", "summary": "A", "description": "A.", "parameters": [{"$ref": "#/parameters/Q"}], "responses": {"200": {"description": "ok"}}},
                                     "post": {"operationId": "B", "summary": "B", "description": "B.", "parameters": [{"$ref": "#/parameters/Q"}], "responses": {"200": {"description": "ok"}}}}}}),
        );
        Tester::fails(
            &REQUIRED_PROPERTY_MISSING,
            vec![fail((def, Profile::Certified)).at(["/parameters/Q"])],
        )
        .test();
    }

    #[test]
    fn the_fix_adds_a_parameter_summary_from_its_name() {
        let mut p = json!({"x": {"name": "taskId", "in": "path"}, "y": {"name": "z"}});
        assert!(fix(&mut p, "/x/x-ms-summary"));
        assert_eq!(p["x"]["x-ms-summary"], "Task ID");
        assert!(!fix(&mut p, "/y"), "not a parameter");
    }
}
