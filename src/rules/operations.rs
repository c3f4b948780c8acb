//! Operations and paths: operationIds, path templates and path parameters, responses
//! (catalog §3.1, §3.6).

use std::collections::HashMap;

use serde_json::Value;

use super::opkit::ops;
use super::{Context, Profiles, Rule, Severity};
use crate::model::FileKind;
use crate::model::pointer::join;
use crate::model::swagger::Operation;

pub const RULES: &[&Rule] = &[
    &OPERATION_ID_REQUIRED,
    &OPERATION_ID_NOT_UNIQUE,
    &OPERATION_PATH_MUST_START_WITH_SLASH,
    &OPERATION_PATH_CONTAINS_UNSUPPORTED_CHARACTERS,
    &OPERATION_PATH_MAY_NOT_CONTAIN_QUERY_OR_FRAGMENT,
    &OPERATION_PATH_TEMPLATE_NOT_VALID,
    &OPERATION_PATH_VARIABLES_CONTAIN_DEFAULTS,
    &PATH_REDEFINED,
    &DUPLICATE_OPERATION_PATH,
    &OPERATION_MISSING_PATH_PARAMETER,
    &PATH_PARAMETER_NOT_DEFINED_IN_TEMPLATE,
    &PATH_PARAMETER_MUST_BE_REQUIRED,
    &OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER,
    &OPERATION_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS,
    &OPERATION_MUST_HAVE_RESPONSE,
    &OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE,
    &RESPONSE_MUST_BE_DEFAULT_OR_HTTP_STATUS_CODE,
];

const SV: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules";

fn paths<'a>(cx: &Context<'a>) -> impl Iterator<Item = (&'a String, &'a Value)> {
    cx.connector
        .definition_value()
        .and_then(|r| r.get("paths"))
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
}

pub static OPERATION_ID_REQUIRED: Rule = Rule {
    code: "OperationIdRequired",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An operation has no `operationId`",
    explanation: "The platform identifies actions and triggers by `operationId`: flows store it, \
dynamic values refer to it, and renaming it later is a breaking change. Give every operation a \
stable PascalCase id.",
    source: SV,
    check: |cx, sink| {
        for op in ops(cx) {
            match op.get("operationId") {
                Some(Value::String(s)) if !s.trim().is_empty() => {}
                Some(_) => sink.emit(
                    join(&op.pointer, "operationId"),
                    "`operationId` must be a non-empty string",
                ),
                None if op.value.is_object() => sink.emit(
                    op.pointer.clone(),
                    format!("{} has no operationId", op.label()),
                ),
                None => {}
            }
        }
    },
};

pub static OPERATION_ID_NOT_UNIQUE: Rule = Rule {
    code: "OperationIdNotUnique",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Two operations share an `operationId`",
    explanation: "operationIds must be unique across the whole definition. The comparison \
ignores letter case, as the platform's does: `GetItem` and `getItem` collide.",
    source: SV,
    check: |cx, sink| {
        let mut first: HashMap<String, &Operation<'_>> = HashMap::new();
        for op in ops(cx) {
            let Some(id) = op.operation_id else { continue };
            match first.get(&id.to_lowercase()) {
                Some(prev) => sink.emit(
                    join(&op.pointer, "operationId"),
                    format!(
                        "operationId '{id}' is already used by {} {}",
                        prev.method.to_uppercase(),
                        prev.path
                    ),
                ),
                None => {
                    first.insert(id.to_lowercase(), op);
                }
            }
        }
    },
};

pub static OPERATION_PATH_MUST_START_WITH_SLASH: Rule = Rule {
    code: "OperationPathMustStartWithSlash",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A path key does not start with `/`",
    explanation: "Path keys are relative to `basePath` and must begin with `/`.",
    source: SV,
    check: |cx, sink| {
        for (p, _) in paths(cx) {
            if !p.starts_with('/') && !p.starts_with("x-") {
                sink.emit(join("/paths", p), format!("path '{p}' must start with '/'"));
            }
        }
    },
};

pub static OPERATION_PATH_CONTAINS_UNSUPPORTED_CHARACTERS: Rule = Rule {
    code: "OperationPathContainsUnsupportedCharacters",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A path contains `*`",
    explanation: "Wildcards are not supported in path templates; model the variable part as a \
`{parameter}`.",
    source: SV,
    check: |cx, sink| {
        for (p, _) in paths(cx) {
            if p.contains('*') {
                sink.emit(join("/paths", p), format!("path '{p}' contains '*'"));
            }
        }
    },
};

pub static OPERATION_PATH_MAY_NOT_CONTAIN_QUERY_OR_FRAGMENT: Rule = Rule {
    code: "OperationPathMayNotContainQueryOrFragment",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A path contains a raw `?` or `#`",
    explanation: "Query strings are declared as `in: query` parameters, never in the path key. \
A fixed query value can be an internal query parameter with a default. Percent-encode a literal \
`?` or `#`.\n\nBad: `/items?type=open`  Good: `/items` with a query parameter `type`.",
    source: SV,
    check: |cx, sink| {
        for (p, _) in paths(cx) {
            if p.contains(['?', '#']) {
                sink.emit(
                    join("/paths", p),
                    format!("path '{p}' contains a query string or fragment"),
                );
            }
        }
    },
};

/// The `{variables}` of a path template, or an error message when braces are unbalanced.
pub fn template_variables(path: &str) -> Result<Vec<&str>, String> {
    let mut vars = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err("a '}' has no matching '{'".into());
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find(['{', '}', '/']) else {
            return Err("a '{' is not closed".into());
        };
        match after.as_bytes()[close] {
            b'}' => {
                let v = &after[..close];
                if v.is_empty() {
                    return Err("an empty '{}' variable".into());
                }
                vars.push(v);
                rest = &after[close + 1..];
            }
            b'/' => {
                return Err(format!(
                    "variable '{{{}' spans more than one segment",
                    &after[..close]
                ));
            }
            _ => return Err("nested '{'".into()),
        }
    }
    Ok(vars)
}

pub static OPERATION_PATH_TEMPLATE_NOT_VALID: Rule = Rule {
    code: "OperationPathTemplateNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Unbalanced braces in a path template",
    explanation: "Each `{` must close with `}` inside the same path segment. A literal brace \
must be percent-encoded (`%7B`, `%7D`).",
    source: SV,
    check: |cx, sink| {
        for (p, _) in paths(cx) {
            if let Err(e) = template_variables(p) {
                sink.emit(
                    join("/paths", p),
                    format!("path template '{p}' is not valid: {e}"),
                );
            }
        }
    },
};

pub static OPERATION_PATH_VARIABLES_CONTAIN_DEFAULTS: Rule = Rule {
    code: "OperationPathVariablesContainDefaults",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A path variable carries a default (`{id=1}`)",
    explanation: "Defaults belong on the parameter (`default`), not in the template.",
    source: SV,
    check: |cx, sink| {
        for (p, _) in paths(cx) {
            if let Ok(vars) = template_variables(p)
                && let Some(v) = vars.iter().find(|v| v.contains('='))
            {
                sink.emit(
                    join("/paths", p),
                    format!("path variable '{{{v}}}' contains a default"),
                );
            }
        }
    },
};

pub static PATH_REDEFINED: Rule = Rule {
    code: "PathRedefined",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some(
        "The path '{0}' is defined multiple times with different capitalization. Paths must be unique when compared case-insensitively.",
    ),
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Two path keys differ only in letter case",
    explanation: "The platform treats paths case-insensitively, so `/Items` and `/items` are the \
same path defined twice. Merge their operations under one key.",
    source: SV,
    check: |cx, sink| {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for (p, _) in paths(cx) {
            if let Some(prev) = seen.get(&p.to_lowercase()) {
                sink.emit(join("/paths", p), format!("path '{p}' is defined multiple times with different capitalization ('{prev}')"));
            } else {
                seen.insert(p.to_lowercase(), p);
            }
        }
    },
};

/// `/a/{x}/b` → `/a/{}/b`, for comparing templates regardless of variable names (also
/// used by `convert` to drop operations that would collide).
pub(crate) fn shape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_var = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_var = true;
                out.push_str("{}");
            }
            '}' => in_var = false,
            _ if !in_var => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    // A trailing slash is kept: the platform routes `/a/` and `/a` as different paths
    // (SignatureAPI, certified in 2024, defines both).
    out
}

pub static DUPLICATE_OPERATION_PATH: Rule = Rule {
    code: "DuplicateOperationPath",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Two operations with the same method on paths that differ only in variable names",
    explanation: "`/items/{id}` and `/items/{itemId}` are the same route: requests cannot be \
told apart. Keep one path.\n\nCalibration: paths that differ by a trailing slash are not \
duplicates (a certified connector changed in 2024 has `/documents` and `/documents/`).",
    source: SV,
    check: |cx, sink| {
        let mut seen: HashMap<(String, &str), &Operation<'_>> = HashMap::new();
        for op in ops(cx) {
            let key = (shape(op.path), op.method);
            match seen.get(&key) {
                Some(prev)
                    if prev.path != op.path
                        && prev.path.to_lowercase() != op.path.to_lowercase() =>
                {
                    sink.emit(
                        op.pointer.clone(),
                        format!(
                            "{} '{}' duplicates '{}' ({})",
                            op.method.to_uppercase(),
                            op.path,
                            prev.path,
                            prev.label()
                        ),
                    )
                }
                Some(_) => {}
                None => {
                    seen.insert(key, op);
                }
            }
        }
    },
};

pub static OPERATION_MISSING_PATH_PARAMETER: Rule = Rule {
    code: "OperationMissingPathParameter",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `{variable}` in the path has no `in: path` parameter",
    explanation: "Every template variable needs a parameter with the same name and `in: path`, \
declared on the operation or on the path item.",
    source: SV,
    check: |cx, sink| {
        for op in ops(cx) {
            let Ok(vars) = template_variables(op.path) else {
                continue;
            };
            for v in vars {
                if !op
                    .params
                    .iter()
                    .any(|p| p.location == Some("path") && p.name == Some(v))
                {
                    sink.emit(
                        op.pointer.clone(),
                        format!(
                            "path variable '{{{v}}}' of {} has no matching path parameter",
                            op.label()
                        ),
                    );
                }
            }
        }
    },
};

pub static PATH_PARAMETER_NOT_DEFINED_IN_TEMPLATE: Rule = Rule {
    code: "PathParameterNotDefinedInTemplate",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An `in: path` parameter whose name is not a `{variable}` of the path",
    explanation: "A path parameter must appear in the template under exactly the same name \
(case-sensitive).",
    source: SV,
    check: |cx, sink| {
        let mut reported = std::collections::HashSet::new();
        for op in ops(cx) {
            let Ok(vars) = template_variables(op.path) else {
                continue;
            };
            for p in op.params.iter().filter(|p| p.location == Some("path")) {
                let Some(name) = p.name else { continue };
                if !vars.contains(&name) && reported.insert(p.pointer.clone()) {
                    sink.emit(
                        join(&p.pointer, "name"),
                        format!("path parameter '{name}' does not appear in '{}'", op.path),
                    );
                }
            }
        }
    },
};

pub static PATH_PARAMETER_MUST_BE_REQUIRED: Rule = Rule {
    code: "PathParameterMustBeRequired",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some(
        "The parameter must be marked as required as it is used in the operation path.",
    ),
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An `in: path` parameter without `required: true`",
    explanation: "Path parameters are always required: a URL cannot be built without them.",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for p in sw.param_nodes() {
            if p.value.get("in").and_then(Value::as_str) == Some("path")
                && p.value.get("required").and_then(Value::as_bool) != Some(true)
            {
                let name = p.value.get("name").and_then(Value::as_str).unwrap_or("?");
                sink.emit(
                    p.pointer.clone(),
                    format!("path parameter '{name}' must have \"required\": true"),
                );
            }
        }
    },
};

pub static OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER: Rule = Rule {
    code: "OperationParametersContainDuplicateParameter",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Two parameters of an operation share both `name` and `in`",
    explanation: "A parameter is identified by its name and location; the same pair twice in \
one list is ambiguous.",
    source: SV,
    check: |cx, sink| {
        for op in ops(cx) {
            let mut seen = std::collections::HashSet::new();
            for p in op.params.iter().filter(|p| !p.from_path_item) {
                if let (Some(n), Some(l)) = (p.name, p.location)
                    && !seen.insert((n, l))
                {
                    sink.emit(
                        p.pointer.clone(),
                        format!("{} has two parameters named '{n}' in {l}", op.label()),
                    );
                }
            }
        }
    },
};

pub static OPERATION_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS: Rule = Rule {
    code: "OperationParametersContainMultipleBodyParameters",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "More than one `in: body` parameter",
    explanation: "A request has one body. Model several body fields as properties of one body \
schema.",
    source: SV,
    check: |cx, sink| {
        for op in ops(cx) {
            let bodies: Vec<_> = op
                .params
                .iter()
                .filter(|p| p.location == Some("body"))
                .collect();
            for extra in bodies.iter().skip(1) {
                sink.emit(
                    extra.pointer.clone(),
                    format!("{} has more than one body parameter", op.label()),
                );
            }
        }
    },
};

pub static OPERATION_MUST_HAVE_RESPONSE: Rule = Rule {
    code: "OperationMustHaveResponse",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An operation with no responses",
    explanation: "Every operation declares at least one response, normally the success code \
with its schema plus `default`.\n\nCalibration: for a trigger's registration operation the \
finding is a warning. Its response is never shown to users, and certified connectors changed \
in 2024 (PDF4me Connect, Power Textor) passed with `\"responses\": {}` on webhook \
registrations. Actions keep the error.\n\n\
Evidence: an error. Its only hits on the merged history are AzureIoTCentral's internal \
schema operations in the bulk merges of 2020–2021 (no pull request, so no pipeline run); no \
validated pull request since 2022 breaks it.",
    source: SV,
    check: |cx, sink| {
        for op in ops(cx) {
            if !op.value.is_object() {
                continue;
            }
            let sev = if op.is_trigger() {
                Severity::Warning
            } else {
                Severity::Error
            };
            let msg = format!("{} has no responses", op.label());
            let at = match op.get("responses") {
                Some(Value::Object(m)) if !m.is_empty() => continue,
                Some(_) => join(&op.pointer, "responses"),
                None => op.pointer.clone(),
            };
            sink.emit_with(sev, FileKind::Definition, at, msg);
        }
    },
};

pub static OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE: Rule = Rule {
    code: "OperationShouldHaveSuccessfulResponse",
    severity: Severity::Warning,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "None of an operation's responses is a 2xx code",
    explanation: "The designer shows the outputs of the success response. Declare the 2xx code \
the service returns (200, 201, 202, 204…).\n\nCalibration: a lone `default` response is \
accepted by the platform for operations that return nothing, so it is not reported.\n\n\
Evidence: a **warning**. An official validator code, but no Microsoft message for it was \
ever quoted, and merges show it tolerated: 7 connectors merged validated operations whose \
only responses are 3xx (OAuth redirect endpoints), and iMIS (2023) operations with only \
4xx/5xx responses. The designer then shows no outputs.",
    source: SV,
    check: |cx, sink| {
        for op in ops(cx) {
            let Some(m) = op.get("responses").and_then(Value::as_object) else {
                continue;
            };
            if m.is_empty()
                || m.keys().any(|k| {
                    k.len() == 3 && k.starts_with('2') && k.bytes().all(|b| b.is_ascii_digit())
                })
                || m.keys().all(|k| k == "default")
            {
                continue;
            }
            sink.emit(
                join(&op.pointer, "responses"),
                format!("{} has no successful (2xx) response", op.label()),
            );
        }
    },
};

pub static RESPONSE_MUST_BE_DEFAULT_OR_HTTP_STATUS_CODE: Rule = Rule {
    code: "ResponseMustBeDefaultOrHttpStatusCode",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A response key that is neither `default` nor a 3-digit status code",
    explanation: "Response keys are HTTP status codes (`200`, `404`) or `default`. Ranges such \
as `2XX` are OpenAPI 3 only. Extension keys (`x-…`) are allowed.",
    source: SV,
    check: |cx, sink| {
        for op in ops(cx) {
            let Some(m) = op.get("responses").and_then(Value::as_object) else {
                continue;
            };
            let base = join(&op.pointer, "responses");
            for k in m.keys() {
                let ok = k == "default"
                    || k.starts_with("x-")
                    || (k.len() == 3
                        && k.bytes().all(|b| b.is_ascii_digit())
                        && (b"12345").contains(&k.as_bytes()[0]));
                if !ok {
                    sink.emit(
                        join(&base, k),
                        format!("response key '{k}' must be 'default' or an HTTP status code"),
                    );
                }
            }
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    const OP: &str = "/paths/~1tasks~1{taskId}/get";

    #[test]
    fn operation_ids() {
        assert!(run(&OPERATION_ID_REQUIRED, minimal()).is_empty());
        let mut d = minimal();
        d.pointer_mut(OP)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("operationId");
        assert_eq!(pointers(&run(&OPERATION_ID_REQUIRED, d)), vec![OP]);

        assert!(run(&OPERATION_ID_NOT_UNIQUE, minimal()).is_empty());
        let d = patch(
            minimal(),
            json!({"paths": {"/other": {"post": {"operationId": "gettask", "responses": {"200": {"description": "x"}}}}}}),
        );
        let f = run(&OPERATION_ID_NOT_UNIQUE, d);
        assert_eq!(pointers(&f), vec!["/paths/~1other/post/operationId"]);
        assert!(f[0].message.contains("GET /tasks/{taskId}"));
    }

    #[test]
    fn template_parsing() {
        assert_eq!(
            template_variables("/a/{x}/b/{y}.json").unwrap(),
            vec!["x", "y"]
        );
        assert!(template_variables("/a/{x").is_err());
        assert!(template_variables("/a/x}").is_err());
        assert!(template_variables("/a/{x/y}").is_err());
        assert!(template_variables("/a/{}").is_err());
    }

    #[test]
    fn path_shapes() {
        let d = patch(
            minimal(),
            json!({"paths": {"tasks": {}, "/a*": {}, "/b?x=1": {}, "/c/{x": {}, "/d/{id=1}": {}}}),
        );
        assert_eq!(
            run(&OPERATION_PATH_MUST_START_WITH_SLASH, d.clone()).len(),
            1
        );
        assert_eq!(
            run(&OPERATION_PATH_CONTAINS_UNSUPPORTED_CHARACTERS, d.clone()).len(),
            1
        );
        assert_eq!(
            run(&OPERATION_PATH_MAY_NOT_CONTAIN_QUERY_OR_FRAGMENT, d.clone()).len(),
            1
        );
        assert_eq!(run(&OPERATION_PATH_TEMPLATE_NOT_VALID, d.clone()).len(), 1);
        assert_eq!(run(&OPERATION_PATH_VARIABLES_CONTAIN_DEFAULTS, d).len(), 1);
        for r in [
            &OPERATION_PATH_MUST_START_WITH_SLASH,
            &OPERATION_PATH_TEMPLATE_NOT_VALID,
            &PATH_REDEFINED,
        ] {
            assert!(run(r, minimal()).is_empty());
        }
    }

    #[test]
    fn duplicate_paths() {
        let d = patch(minimal(), json!({"paths": {"/TASKS/{taskId}": {}}}));
        assert_eq!(
            pointers(&run(&PATH_REDEFINED, d)),
            vec!["/paths/~1TASKS~1{taskId}"]
        );
        let d = patch(
            minimal(),
            json!({"paths": {"/tasks/{id}": {"get": {"operationId": "Other", "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}], "responses": {"200": {"description": "ok"}}}}}}),
        );
        assert_eq!(run(&DUPLICATE_OPERATION_PATH, d).len(), 1);
        assert!(run(&DUPLICATE_OPERATION_PATH, minimal()).is_empty());
    }

    #[test]
    fn path_parameters() {
        assert!(run(&OPERATION_MISSING_PATH_PARAMETER, minimal()).is_empty());
        assert!(run(&PATH_PARAMETER_NOT_DEFINED_IN_TEMPLATE, minimal()).is_empty());
        assert!(run(&PATH_PARAMETER_MUST_BE_REQUIRED, minimal()).is_empty());
        let mut d = minimal();
        let p = d.pointer_mut(&format!("{OP}/parameters/0")).unwrap();
        p["name"] = json!("id");
        p["required"] = json!(false);
        assert_eq!(run(&OPERATION_MISSING_PATH_PARAMETER, d.clone()).len(), 1);
        assert_eq!(
            pointers(&run(&PATH_PARAMETER_NOT_DEFINED_IN_TEMPLATE, d.clone())),
            vec![format!("{OP}/parameters/0/name")]
        );
        assert_eq!(run(&PATH_PARAMETER_MUST_BE_REQUIRED, d).len(), 1);
    }

    #[test]
    fn parameter_lists() {
        let mut d = minimal();
        let params = d
            .pointer_mut(&format!("{OP}/parameters"))
            .unwrap()
            .as_array_mut()
            .unwrap();
        params.push(json!({"name": "b1", "in": "body", "schema": {}}));
        params.push(json!({"name": "b2", "in": "body", "schema": {}}));
        params.push(json!({"name": "taskId", "in": "path", "required": true, "type": "string"}));
        assert_eq!(
            pointers(&run(
                &OPERATION_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS,
                d.clone()
            )),
            vec![format!("{OP}/parameters/2")]
        );
        assert_eq!(
            pointers(&run(&OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER, d)),
            vec![format!("{OP}/parameters/3")]
        );
        assert!(run(&OPERATION_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER, minimal()).is_empty());
    }

    #[test]
    fn responses() {
        for r in [
            &OPERATION_MUST_HAVE_RESPONSE,
            &OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE,
            &RESPONSE_MUST_BE_DEFAULT_OR_HTTP_STATUS_CODE,
        ] {
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
        let mut d = minimal();
        d.pointer_mut(OP).unwrap()["responses"] = json!({});
        assert_eq!(run(&OPERATION_MUST_HAVE_RESPONSE, d.clone()).len(), 1);
        d.pointer_mut(OP).unwrap()["responses"] =
            json!({"400": {"description": "bad"}, "2XX": {"description": "x"}});
        assert_eq!(
            run(&OPERATION_SHOULD_HAVE_SUCCESSFUL_RESPONSE, d.clone()).len(),
            1
        );
        assert_eq!(
            pointers(&run(&RESPONSE_MUST_BE_DEFAULT_OR_HTTP_STATUS_CODE, d)),
            vec![format!("{OP}/responses/2XX")]
        );
    }
}

#[cfg(test)]
mod calibration_tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn trigger_without_responses_is_a_warning_action_an_error() {
        let d = patch(
            minimal(),
            json!({"paths": {"/hook": {"post": {"operationId": "OnX", "x-ms-trigger": "single", "responses": {}}},
                             "/act": {"post": {"operationId": "DoX", "responses": {}}}}}),
        );
        let f = run(&OPERATION_MUST_HAVE_RESPONSE, d);
        let sev: Vec<_> = f.iter().map(|x| (x.pointer.as_str(), x.severity)).collect();
        assert!(
            sev.contains(&("/paths/~1hook/post/responses", Severity::Warning)),
            "{sev:?}"
        );
        assert!(
            sev.contains(&("/paths/~1act/post/responses", Severity::Error)),
            "{sev:?}"
        );
    }

    #[test]
    fn trailing_slash_is_a_different_path() {
        let op = |id: &str| json!({"post": {"operationId": id, "responses": {"200": {"description": "ok"}}}});
        let d = patch(
            minimal(),
            json!({"paths": {"/docs": op("A"), "/docs/": op("B")}}),
        );
        assert!(run(&DUPLICATE_OPERATION_PATH, d).is_empty());
        let d = patch(
            minimal(),
            json!({"paths": {"/docs/{a}": op("A"), "/docs/{b}": op("B")}}),
        );
        assert_eq!(run(&DUPLICATE_OPERATION_PATH, d).len(), 1);
    }
}
