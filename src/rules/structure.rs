//! Document structure: Swagger version, required root keys, host, basePath, schemes
//! (catalog §3.5, §3.9, §4.3, §7).

use serde_json::Value;

use super::{Context, Profiles, Rule, Severity, Sink};
use crate::model::FileKind;
use crate::model::pointer::join;

pub const RULES: &[&Rule] = &[
    &SPECIFICATION_VERSION_INCORRECT,
    &REQUIRED_PROPERTY_MISSING,
    &HOST_NAME_NOT_VALID,
    &BASE_PATH_NOT_VALID,
    &SCHEMES_ARRAY_EMPTY,
    &SCHEME_NOT_VALID,
    &SCHEME_NOT_SUPPORTED,
];

const SV: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules";

pub static SPECIFICATION_VERSION_INCORRECT: Rule = Rule {
    code: "SpecificationVersionIncorrect",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`swagger` is not the string \"2.0\"",
    explanation: "Custom connectors are described in OpenAPI 2.0 (Swagger) only; OpenAPI 3 \
documents are refused by the platform. Set `\"swagger\": \"2.0\"` (a string, not a number). To \
turn an OpenAPI 3 description into a connector definition, use `connkit convert`.",
    source: SV,
    check: |cx, sink| {
        let Some(root) = cx.connector.definition_value() else {
            return;
        };
        match root.get("swagger") {
            Some(Value::String(s)) if s == "2.0" => {}
            Some(v) => sink.emit("/swagger", format!("`swagger` must be the string \"2.0\", found {v}")),
            None if root.get("openapi").is_some() => sink.emit(
                "/openapi",
                "this is an OpenAPI 3 document; connectors need Swagger 2.0 (try `connkit convert`)",
            ),
            None if root.is_object() => sink.emit("", "`swagger: \"2.0\"` is missing"),
            None => sink.emit("", "the definition must be a JSON object"),
        }
    },
};

pub static REQUIRED_PROPERTY_MISSING: Rule = Rule {
    code: "RequiredPropertyMissing",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some("The '{0}' property is required."),
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A key the validator requires is missing",
    explanation: "Swagger 2.0 requires `info` (with `title` and `version`), `paths`, and a \
`description` on every response. In certification mode Microsoft's validator also requires \
`info.contact`, `info.description`, the root `x-ms-connector-metadata`, and a `description` and \
`x-ms-summary` on every parameter shown to users.\n\nCalibration: parameters with \
`x-ms-visibility: internal` are never shown in the designer, so they are not required to have \
`x-ms-summary`/`description` (certified connectors changed in 2024 omit them freely). Nor \
are `in: body` parameters: the designer shows the body schema's properties, not the body \
parameter, and 67 of the 106 parseable certified/independent-publisher connectors changed in 2024 \
have body parameters without `x-ms-summary` (connectors changed in 2024 with this error: 72 \
before, 20 after). The same holds for every parameter of an operation marked \
`x-ms-visibility: internal` (webhook deletes, dynamic-value helpers): all 20 remaining 2024 \
connectors had only such parameters missing the texts, so they are exempt too (20 → 0). In \
certification, every operation users see (not internal, not deprecated) \
must have a `summary` and a `description` (reviewers' checklist).\n\n\
Microsoft's message: \"The 'x-ms-summary' property is required.\" (and 'description', \
'contact', 'x-ms-connector-metadata'), seen on PRs #3407, #2662, #1658, #2637, #1003, #550, \
#3975, #4041, #1095 and #683: an error. Evidence: a 'schema' missing under \
x-ms-notification-content is a warning (Seismic Configuration 2024 and Square Payments 2022 \
were merged validated without it). The remaining errors on validated merges are overrides of \
a real check: D7SMS (PR #3213, 2024) and OpenAI (bulk merge, 2022) were merged without 'contact' and \
'x-ms-connector-metadata', and PUG Gamified Engagement (PR #774) and Survey123 (bulk merge) in \
2021 with parameters lacking 'x-ms-summary', all messages the validator is known to print.",
    source: SV,
    check: required_property_missing,
};

fn required_property_missing(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(root) = cx.connector.definition_value() else {
        return;
    };
    if !root.is_object() {
        return;
    }
    super::schema_validation::report_required_missing(cx, sink);
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

pub static HOST_NAME_NOT_VALID: Rule = Rule {
    code: "HostNameNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some(
        "The 'host' property, if present, must be a valid URI host without a scheme or path.",
    ),
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`host` is not a bare host name with an optional port",
    explanation: "`host` holds only the name (and port) of the server: no scheme, no path, no \
spaces, no braces. Put the path in `basePath` and the scheme in `schemes`. For hosts that vary \
per connection, use a connection parameter with the `dynamichosturl` policy template.\n\n\
Bad: `\"host\": \"https://api.contoso.com/v1\"`  Good: `\"host\": \"api.contoso.com\", \"basePath\": \"/v1\"`",
    source: SV,
    check: |cx, sink| {
        let Some(host) = cx.connector.definition_value().and_then(|r| r.get("host")) else {
            return;
        };
        match host.as_str() {
            Some(h) if valid_host(h) => {}
            Some(h) => sink.emit(
                "/host",
                format!("'{h}' is not a valid host: use only the host name and an optional :port"),
            ),
            None => sink.emit("/host", "`host` must be a string"),
        }
    },
};

/// `^[^{}/ :\\]+(?::\d+)?$` from the platform's schema, without pulling a regex in.
pub fn valid_host(h: &str) -> bool {
    let (name, port) = match h.rsplit_once(':') {
        Some((n, p)) => (n, Some(p)),
        None => (h, None),
    };
    !name.is_empty()
        && !name
            .chars()
            .any(|c| matches!(c, '{' | '}' | '/' | ' ' | ':' | '\\'))
        && port.is_none_or(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

pub static BASE_PATH_NOT_VALID: Rule = Rule {
    code: "BasePathNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`basePath` does not start with `/`",
    explanation: "`basePath` is appended to the host and must begin with a slash (`/` alone is \
fine).",
    source: SV,
    check: |cx, sink| {
        let Some(bp) = cx
            .connector
            .definition_value()
            .and_then(|r| r.get("basePath"))
        else {
            return;
        };
        match bp.as_str() {
            Some(s) if s.starts_with('/') => {}
            Some(s) => sink.emit("/basePath", format!("basePath '{s}' must start with '/'")),
            None => sink.emit("/basePath", "`basePath` must be a string"),
        }
    },
};

fn schemes<'a>(cx: &Context<'a>) -> Option<&'a Value> {
    cx.connector.definition_value()?.get("schemes")
}

pub static SCHEMES_ARRAY_EMPTY: Rule = Rule {
    code: "SchemesArrayEmpty",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`schemes` is present but empty",
    explanation: "An empty `schemes` list leaves the connector with no way to call the service. \
List `https` (or remove the key).",
    source: SV,
    check: |cx, sink| {
        if schemes(cx)
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty)
        {
            sink.emit("/schemes", "`schemes` must not be empty: use [\"https\"]");
        }
    },
};

pub static SCHEME_NOT_VALID: Rule = Rule {
    code: "SchemeNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`schemes` holds something other than http or https",
    explanation: "Connectors call services over `http` or `https` only (certified connectors \
should use `https`).",
    source: SV,
    check: |cx, sink| {
        let Some(arr) = schemes(cx).and_then(Value::as_array) else {
            return;
        };
        for (i, s) in arr.iter().enumerate() {
            match s.as_str() {
                Some("http" | "https" | "ws" | "wss") => {}
                _ => sink.emit(
                    format!("/schemes/{i}"),
                    format!("scheme {s} is not valid: use \"https\""),
                ),
            }
        }
    },
};

pub static SCHEME_NOT_SUPPORTED: Rule = Rule {
    code: "SchemeNotSupported",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`schemes` lists ws or wss",
    explanation: "WebSocket schemes are valid Swagger but connectors cannot use them.",
    source: SV,
    check: |cx, sink| {
        let Some(arr) = schemes(cx).and_then(Value::as_array) else {
            return;
        };
        for (i, s) in arr.iter().enumerate() {
            if let Some(x @ ("ws" | "wss")) = s.as_str() {
                sink.emit(
                    join("/schemes", &i.to_string()),
                    format!("scheme '{x}' is not supported by connectors"),
                );
            }
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn version() {
        assert!(run(&SPECIFICATION_VERSION_INCORRECT, minimal()).is_empty());
        let f = run(
            &SPECIFICATION_VERSION_INCORRECT,
            patch(minimal(), json!({"swagger": 2.0})),
        );
        assert_eq!(pointers(&f), vec!["/swagger"]);
        let f = run(
            &SPECIFICATION_VERSION_INCORRECT,
            json!({"openapi": "3.0.1"}),
        );
        assert!(f[0].message.contains("OpenAPI 3"));
        assert_eq!(run(&SPECIFICATION_VERSION_INCORRECT, json!([1])).len(), 1);
    }

    #[test]
    fn required_properties_per_profile() {
        assert!(
            run_profile(
                &REQUIRED_PROPERTY_MISSING,
                patch(minimal(), json!({"x-ms-connector-metadata": []})),
                Profile::Certified
            )
            .is_empty()
        );
        let f = run(
            &REQUIRED_PROPERTY_MISSING,
            patch(minimal(), json!({"info": {"title": null}})),
        );
        assert_eq!(pointers(&f), vec!["/info"]);
        assert!(f[0].message.contains("'title'"));
        // Certification adds contact, connector metadata and parameter texts.
        let def = patch(minimal(), json!({"info": {"contact": null}}));
        let f = run_profile(&REQUIRED_PROPERTY_MISSING, def.clone(), Profile::Certified);
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(run(&REQUIRED_PROPERTY_MISSING, def).is_empty());
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
    fn host_and_base_path() {
        assert!(run(&HOST_NAME_NOT_VALID, minimal()).is_empty());
        assert!(
            run(
                &HOST_NAME_NOT_VALID,
                patch(minimal(), json!({"host": "localhost:8080"}))
            )
            .is_empty()
        );
        for bad in ["https://x.com", "x.com/v1", "{tenant}.x.com", "x.com:port"] {
            assert_eq!(
                run(&HOST_NAME_NOT_VALID, patch(minimal(), json!({"host": bad}))).len(),
                1,
                "{bad}"
            );
        }
        assert_eq!(
            run(
                &BASE_PATH_NOT_VALID,
                patch(minimal(), json!({"basePath": "v1"}))
            )
            .len(),
            1
        );
        assert!(run(&BASE_PATH_NOT_VALID, minimal()).is_empty());
    }

    #[test]
    fn schemes() {
        assert_eq!(
            run(
                &SCHEMES_ARRAY_EMPTY,
                patch(minimal(), json!({"schemes": []}))
            )
            .len(),
            1
        );
        assert!(run(&SCHEMES_ARRAY_EMPTY, minimal()).is_empty());
        let def = patch(minimal(), json!({"schemes": ["https", "ftp", "wss"]}));
        assert_eq!(
            pointers(&run(&SCHEME_NOT_VALID, def.clone())),
            vec!["/schemes/1"]
        );
        assert_eq!(
            pointers(&run(&SCHEME_NOT_SUPPORTED, def)),
            vec!["/schemes/2"]
        );
        assert!(run(&SCHEME_NOT_VALID, minimal()).is_empty());
    }
}

#[cfg(test)]
mod calibration_tests {
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

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
        let f = run_profile(&REQUIRED_PROPERTY_MISSING, def, Profile::Certified);
        assert_eq!(pointers(&f), vec!["/parameters/Q"]);
    }
}
