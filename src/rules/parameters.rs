//! Parameters and request bodies (catalog §3.1 #5-7, #20, #24, #46, #64-65, #69; §3.3 #76-77;
//! §3.4; §3.5 #94, #105, #115, #119; §3.6 #127, #132).

use std::collections::HashSet;

use serde_json::Value;

use super::opkit::{
    Once, SUPPORTED_MIME, body_schema, consumes, def_rule, is_true, mime_base, op_body_props, ops,
};
use super::{Context, Rule};
use crate::model::pointer::join;

pub const RULES: &[&Rule] = &[
    &BODY_OR_FORM_DATA_PARAMETER_IN_FETCH_OPERATION_NOT_ALLOWED,
    &CONNECTION_ID_PARAMETER_NOT_ALLOWED,
    &CONSUMES_MISSING,
    &INVALID_FORM_DATA_PARAMETER_NAME,
    &MIME_TYPE_NOT_COMPATIBLE_WITH_REQUEST_CONTENT_SCHEMA_TYPE,
    &OPERATION_PARAMETERS_ARE_NOT_UNIQUE,
    &PATH_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER,
    &PATH_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS,
    &STRING_BINARY_NOT_SUPPORTED_FOR_FORM_URL_ENCODED,
    &COLLECTION_FORMAT_VALUE_NOT_SUPPORTED,
    &MIME_TYPE_NOT_SUPPORTED,
    &FILE_PARAMETER_MUST_BE_IN_FORM_DATA,
    &PARAMETER_LIST_CONTAINS_FORM_DATA_AND_BODY,
    &PATH_PARAMETER_MISSING_ENCODING,
    &QUERY_PARAMETER_ENCODING_NOT_SUPPORTED,
    &RESERVED_PARAMETER_IS_USED,
    &BODY_PARAMETER_PROPERTY_NOT_VALID,
    &INTERNAL_PROPERTY_WITH_DEFAULT_OPTIONAL,
    &PROPERTY_MUST_BE_REQUIRED,
    &REQUIRED_READ_ONLY_PROPERTY_NOT_ALLOWED_AS_INPUT,
    &BODY_PARAMETER_SCHEMA_REQUIRED,
    &NON_BODY_PARAMETER_SCHEMA_NOT_VALID,
];

/// Every parameter object written in the document: (pointer, value).
fn written<'a>(cx: &Context<'a>) -> Vec<(String, &'a Value)> {
    cx.swagger
        .as_ref()
        .map(|s| {
            s.param_nodes()
                .iter()
                .map(|p| (p.pointer.clone(), p.value))
                .collect()
        })
        .unwrap_or_default()
}

fn s<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

def_rule!(
    BODY_OR_FORM_DATA_PARAMETER_IN_FETCH_OPERATION_NOT_ALLOWED,
    "BodyOrFormDataParameterInFetchOperationNotAllowed",
    Warning,
    ALL,
    "A `get` operation has a body or formData parameter",
    "GET requests carry no body: the platform cannot send a body or form fields with them. Use \
query parameters, or change the method to POST if the service really expects a body.\n\nBad: \
`get` with `{\"in\": \"body\", ...}`  Good: `post`, or `{\"in\": \"query\", ...}`.\n\n\
Calibration: the catalog infers an error, but DocuSign (certified, 2024) and Telegram Bot \
(independent publisher, 2024) were merged with a body parameter on a GET operation, so \
Microsoft's validator does not block on it; connkit warns.",
    |cx, sink| {
        for op in ops(cx).iter().filter(|o| o.method == "get") {
            for p in &op.params {
                if let Some(l @ ("body" | "formData")) = p.location {
                    sink.emit(
                        p.pointer.clone(),
                        format!("GET operation {} has a '{l}' parameter", op.label()),
                    );
                }
            }
        }
    }
);

def_rule!(
    CONNECTION_ID_PARAMETER_NOT_ALLOWED,
    "ConnectionIdParameterNotAllowed",
    Error,
    ALL,
    "A parameter is named `connectionId`",
    "`connectionId` is filled in by the runtime for every call; a parameter of that name \
collides with it. Rename the parameter (the name sent on the wire can stay in the path or \
query via a different parameter name only if the service allows it). The comparison ignores \
case.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "name").is_some_and(|n| n.eq_ignore_ascii_case("connectionId")) {
                sink.emit(
                    join(&ptr, "name"),
                    "the parameter name 'connectionId' is reserved",
                );
            }
        }
    }
);

fn sends_payload(op: &crate::model::swagger::Operation<'_>) -> bool {
    op.params
        .iter()
        .any(|p| matches!(p.location, Some("body" | "formData")))
}

def_rule!(
    CONSUMES_MISSING,
    "ConsumesMissing",
    Warning,
    ALL,
    "An operation sends a body but no supported MIME type is in its `consumes`",
    "An operation with a body or form parameters must say how the payload is encoded: list a \
supported MIME type (`application/json`, `text/plain`, `multipart/form-data`, \
`application/x-www-form-urlencoded`) in the operation's `consumes` or the root `consumes`. \
Microsoft's validator reports this as a warning.",
    |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for op in ops(cx).iter().filter(|o| sends_payload(o)) {
            let c = consumes(sw, op);
            if !c
                .iter()
                .any(|m| SUPPORTED_MIME.contains(&mime_base(m).as_str()))
            {
                sink.emit(
                    op.pointer.clone(),
                    format!(
                        "{} sends a payload but 'consumes' has no supported MIME type",
                        op.label()
                    ),
                );
            }
        }
    }
);

def_rule!(
    INVALID_FORM_DATA_PARAMETER_NAME,
    "InvalidFormDataParameterName",
    Error,
    ALL,
    "A formData parameter name has non-ASCII characters",
    "Form field names are sent as-is in the multipart or URL-encoded body and must be US-ASCII. \
Rename the parameter and put the display text in `x-ms-summary`.",
    |cx, sink| {
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
);

/// Whether the (resolved) body schema is structured (object or array).
fn structured<'a>(sw: &crate::model::swagger::Swagger<'a>, schema: &'a Value, at: &str) -> bool {
    let (s, _) = sw.resolve_or_self(schema, at);
    matches!(
        s.get("type").and_then(Value::as_str),
        Some("object" | "array")
    ) || (s.get("type").is_none() && s.get("properties").is_some())
}

def_rule!(
    MIME_TYPE_NOT_COMPATIBLE_WITH_REQUEST_CONTENT_SCHEMA_TYPE,
    "MimeTypeNotCompatibleWithRequestContentSchemaType",
    Error,
    ALL,
    "An object or array body whose `consumes` only lists unstructured MIME types",
    "An object or array body is serialized as JSON (or form fields); if the operation only \
consumes `text/plain`, `application/octet-stream` or a media type, the platform has no way to \
encode it. Add `application/json` to `consumes`, or make the body a `string`.\n\nBad: \
`consumes: [\"text/plain\"]` with an object schema  Good: `consumes: [\"application/json\"]`.",
    |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for op in ops(cx) {
            let Some((schema, at)) = body_schema(sw, op) else {
                continue;
            };
            let c = consumes(sw, op);
            if c.is_empty() || !structured(sw, schema, &at) {
                continue;
            }
            let unstructured = |m: &str| {
                let b = mime_base(m);
                b == "text/plain"
                    || b == "application/octet-stream"
                    || b.starts_with("image/")
                    || b.starts_with("audio/")
                    || b.starts_with("video/")
            };
            if c.iter().all(|m| unstructured(m)) {
                sink.emit(
                    op.body_param()
                        .map(|b| b.pointer.clone())
                        .unwrap_or_default(),
                    format!(
                        "{} has a structured body but consumes only '{}'",
                        op.label(),
                        c.join(", ")
                    ),
                );
            }
        }
    }
);

def_rule!(
    OPERATION_PARAMETERS_ARE_NOT_UNIQUE,
    "OperationParametersAreNotUnique",
    Error,
    ALL,
    "The same parameter entry appears twice in one `parameters` list",
    "A parameter list must not repeat an identical entry (typically the same `$ref` written \
twice). Remove the copy.",
    |cx, sink| {
        let Some(root) = cx.connector.definition_value() else {
            return;
        };
        let Some(paths) = root.get("paths").and_then(Value::as_object) else {
            return;
        };
        for (path, item) in paths {
            let pp = join("/paths", path);
            for m in crate::model::swagger::METHODS {
                let Some(list) = item
                    .get(m)
                    .and_then(|o| o.get("parameters"))
                    .and_then(Value::as_array)
                else {
                    continue;
                };
                for i in super::schema::duplicates(list) {
                    sink.emit(
                        format!("{}/{i}", join(&join(&pp, m), "parameters")),
                        "this parameter entry is a duplicate of an earlier one",
                    );
                }
            }
        }
    }
);

/// Resolved path-item-level parameters: (pointer, name, in).
type PathLevel<'a> = Vec<(String, Option<&'a str>, Option<&'a str>)>;

fn path_level<'a>(cx: &Context<'a>) -> Vec<PathLevel<'a>> {
    let Some(sw) = cx.swagger.as_ref() else {
        return Vec::new();
    };
    let Some(paths) = sw.root.get("paths").and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (path, item) in paths {
        let base = join(&join("/paths", path), "parameters");
        let Some(list) = item.get("parameters").and_then(Value::as_array) else {
            continue;
        };
        out.push(
            list.iter()
                .enumerate()
                .map(|(i, raw)| {
                    let p = format!("{base}/{i}");
                    let (v, _) = sw.resolve_or_self(raw, &p);
                    (p, s(v, "name"), s(v, "in"))
                })
                .collect(),
        );
    }
    out
}

def_rule!(
    PATH_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER,
    "PathParametersContainDuplicateParameter",
    Error,
    ALL,
    "Two path-item-level parameters share both `name` and `in`",
    "Parameters written on the path item apply to all its operations; the same (name, in) pair \
twice is ambiguous. Keep one.",
    |cx, sink| {
        for list in path_level(cx) {
            let mut seen = HashSet::new();
            for (p, n, l) in list {
                if let (Some(n), Some(l)) = (n, l)
                    && !seen.insert((n, l))
                {
                    sink.emit(
                        p,
                        format!("path item has two parameters named '{n}' in {l}"),
                    );
                }
            }
        }
    }
);

def_rule!(
    PATH_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS,
    "PathParametersContainMultipleBodyParameters",
    Error,
    ALL,
    "More than one body parameter at path-item level",
    "A request has one body. Keep a single `in: body` parameter (on the path item or on each \
operation).",
    |cx, sink| {
        for list in path_level(cx) {
            for (p, _, _) in list.iter().filter(|x| x.2 == Some("body")).skip(1) {
                sink.emit(p.clone(), "path item has more than one body parameter");
            }
        }
    }
);

fn is_binary(v: &Value) -> bool {
    let t = s(v, "type");
    t == Some("file") || (t == Some("string") && s(v, "format") == Some("binary"))
}

def_rule!(
    STRING_BINARY_NOT_SUPPORTED_FOR_FORM_URL_ENCODED,
    "StringBinaryNotSupportedForFormUrlEncoded",
    Error,
    ALL,
    "A file-like parameter in an operation that only consumes `application/x-www-form-urlencoded`",
    "URL-encoded forms carry text only; files (`type: file` or `string`/`binary`) need \
`multipart/form-data`. Change `consumes` to `multipart/form-data`, or send the content as a \
string.",
    |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for op in ops(cx) {
            let c: Vec<String> = consumes(sw, op).iter().map(|m| mime_base(m)).collect();
            if !c.iter().any(|m| m == "application/x-www-form-urlencoded")
                || c.iter().any(|m| m == "multipart/form-data")
            {
                continue;
            }
            for p in op.params.iter().filter(|p| p.location == Some("formData")) {
                if is_binary(p.value) {
                    sink.emit(
                        p.pointer.clone(),
                        format!(
                            "{} consumes application/x-www-form-urlencoded but '{}' is binary",
                            op.label(),
                            p.name.unwrap_or("?")
                        ),
                    );
                }
            }
        }
    }
);

def_rule!(
    COLLECTION_FORMAT_VALUE_NOT_SUPPORTED,
    "CollectionFormatValueNotSupported",
    Error,
    ALL,
    "`collectionFormat` is not csv/ssv/tsv/pipes, or `multi` outside query/formData",
    "Array parameters are serialized with `csv` (default), `ssv`, `tsv`, `pipes`, or `multi` \
(repeat the key; query and formData only). Any other value, or `multi` in a header or path, \
cannot be sent.\n\nBad: `{\"in\": \"header\", \"collectionFormat\": \"multi\"}`  Good: \
`\"collectionFormat\": \"csv\"`.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            let Some(cf) = v.get("collectionFormat") else {
                continue;
            };
            let loc = s(v, "in");
            let ok = match cf.as_str() {
                Some("csv" | "ssv" | "tsv" | "pipes") => true,
                Some("multi") => matches!(loc, Some("query" | "formData")),
                _ => false,
            };
            if !ok {
                sink.emit(
                    join(&ptr, "collectionFormat"),
                    format!(
                        "collectionFormat {cf} is not supported for a parameter in {}",
                        loc.unwrap_or("?")
                    ),
                );
            }
        }
    }
);

def_rule!(
    MIME_TYPE_NOT_SUPPORTED,
    "MimeTypeNotSupported",
    Warning,
    ALL,
    "A `consumes`/`produces` entry outside the four supported MIME types",
    "The platform understands `application/json`, `text/plain`, `multipart/form-data` and \
`application/x-www-form-urlencoded`; other types (`application/xml`, `application/text`, …) \
are passed through as opaque content. Microsoft's validator warns about them; use a supported \
type when the service accepts one.",
    |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        let mut lists = vec![
            ("/consumes".to_string(), sw.root.get("consumes")),
            ("/produces".to_string(), sw.root.get("produces")),
        ];
        for op in ops(cx) {
            for k in ["consumes", "produces"] {
                lists.push((join(&op.pointer, k), op.get(k)));
            }
        }
        for (at, list) in lists {
            for (i, m) in list
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                let Some(m) = m.as_str() else { continue };
                if !SUPPORTED_MIME.contains(&mime_base(m).as_str()) {
                    sink.emit(
                        format!("{at}/{i}"),
                        format!("MIME type '{m}' is not supported"),
                    );
                }
            }
        }
    }
);

def_rule!(
    FILE_PARAMETER_MUST_BE_IN_FORM_DATA,
    "FileParameterMustBeInFormData",
    Error,
    ALL,
    "A `type: file` parameter that is not `in: formData`",
    "Swagger 2.0 only allows `type: file` for form fields. For a raw binary body use a body \
parameter with `schema: {type: string, format: binary}`.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "type") == Some("file") && s(v, "in") != Some("formData") {
                sink.emit(join(&ptr, "type"), "a file parameter must be in formData");
            }
        }
    }
);

def_rule!(
    PARAMETER_LIST_CONTAINS_FORM_DATA_AND_BODY,
    "ParameterListContainsFormDataAndBody",
    Error,
    ALL,
    "An operation has both `in: body` and `in: formData` parameters",
    "The body is either a JSON/text payload or a form; it cannot be both. Move the form fields \
into the body schema, or drop the body parameter.",
    |cx, sink| {
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
);

def_rule!(
    PATH_PARAMETER_MISSING_ENCODING,
    "PathParameterMissingEncoding",
    Warning,
    ALL,
    "An `in: path` parameter without `x-ms-url-encoding`",
    "Say how the value is encoded into the URL: `\"x-ms-url-encoding\": \"single\"` normally, \
`\"double\"` when values may contain `/` and the service decodes twice. Microsoft's validator \
warns when it is missing.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "in") == Some("path") && v.get("x-ms-url-encoding").is_none() {
                sink.emit(
                    ptr,
                    format!(
                        "path parameter '{}' has no x-ms-url-encoding (add \"single\")",
                        s(v, "name").unwrap_or("?")
                    ),
                );
            }
        }
    }
);

def_rule!(
    QUERY_PARAMETER_ENCODING_NOT_SUPPORTED,
    "QueryParameterEncodingNotSupported",
    Warning,
    ALL,
    "An `in: query` parameter carries `x-ms-url-encoding`",
    "Query values are always encoded once; `x-ms-url-encoding` is only for path parameters. \
Remove it.\n\nCalibration: the catalog infers an error, but Bloomflow and PDF4me Connect \
(certified, 2024), WPForms (certified, 2023) and HubSpot CRM (independent publisher, 2023) were merged with it, so Microsoft does not \
block on it (the platform ignores the key on queries); connkit warns.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "in") == Some("query") && v.get("x-ms-url-encoding").is_some() {
                sink.emit(
                    join(&ptr, "x-ms-url-encoding"),
                    "query parameters cannot set x-ms-url-encoding",
                );
            }
        }
    }
);

/// Headers the gateway sets itself (hop-by-hop or framing headers).
const RESERVED_HEADERS: [&str; 6] = [
    "content-length",
    "host",
    "connection",
    "transfer-encoding",
    "keep-alive",
    "upgrade",
];

def_rule!(
    RESERVED_PARAMETER_IS_USED,
    "ReservedParameterIsUsed",
    Info,
    ALL,
    "A header parameter names a header the gateway sets itself",
    "Microsoft does not publish its list of reserved parameter names (besides `connectionId`, \
see ConnectionIdParameterNotAllowed), so connkit cannot decide this rule from the files alone \
and reports it as info. It flags header parameters that name framing or hop-by-hop headers \
(`Content-Length`, `Host`, `Connection`, `Transfer-Encoding`, `Keep-Alive`, `Upgrade`): the \
gateway computes these itself and a user-supplied value is dropped or rejected.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "in") == Some("header")
                && let Some(n) = s(v, "name")
                && RESERVED_HEADERS.contains(&n.to_ascii_lowercase().as_str())
            {
                sink.emit(
                    join(&ptr, "name"),
                    format!("header '{n}' is set by the gateway"),
                );
            }
        }
    }
);

const BODY_KEYS: [&str; 5] = ["name", "in", "description", "required", "schema"];

def_rule!(
    BODY_PARAMETER_PROPERTY_NOT_VALID,
    "BodyParameterPropertyNotValid",
    Error,
    ALL,
    "A body parameter uses keys (`type`, `format`, …) that belong in its `schema`",
    "A body parameter has `name`, `in`, `description`, `required`, `schema` and extensions; its \
shape lives in `schema`. Move `type`, `format`, `items`, `enum`, `default`… into the schema.\n\n\
Bad: `{\"in\": \"body\", \"name\": \"body\", \"type\": \"string\"}`  Good: `{\"in\": \"body\", \
\"name\": \"body\", \"schema\": {\"type\": \"string\"}}`.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            let Some(m) = v.as_object().filter(|_| s(v, "in") == Some("body")) else {
                continue;
            };
            for k in m.keys() {
                if !BODY_KEYS.contains(&k.as_str()) && !k.starts_with("x-") {
                    sink.emit(
                        join(&ptr, k),
                        format!("'{k}' is not valid on a body parameter; put it in 'schema'"),
                    );
                }
            }
        }
    }
);

fn internal(v: &Value) -> bool {
    s(v, "x-ms-visibility") == Some("internal")
}

def_rule!(
    INTERNAL_PROPERTY_WITH_DEFAULT_OPTIONAL,
    "InternalPropertyWithDefaultOptional",
    Warning,
    ALL,
    "An internal parameter with a `default` that is not required",
    "Users never see an `internal` parameter, so nobody fills it in; if it is optional the \
designer leaves it out and its `default` is never sent. Mark it `\"required\": true` so the \
default always goes out (or remove it if the service does not need it).\n\nBad: `{\"name\": \
\"api-version\", \"in\": \"query\", \"default\": \"2024-01-01\", \"x-ms-visibility\": \
\"internal\"}`  Good: the same with `\"required\": true`.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "in") != Some("body")
                && internal(v)
                && v.get("default").is_some()
                && !is_true(v, "required")
            {
                sink.emit(
                    ptr,
                    format!(
                        "internal parameter '{}' has a default but is optional",
                        s(v, "name").unwrap_or("?")
                    ),
                );
            }
        }
    }
);

def_rule!(
    PROPERTY_MUST_BE_REQUIRED,
    "PropertyMustBeRequired",
    Error,
    ALL,
    "An internal body property with a `default` that its object does not list as required",
    "The body-schema counterpart of InternalPropertyWithDefaultOptional: an `internal` property \
is hidden from users, so only a required one gets its `default` sent. Add its name to the \
parent object's `required` list.\n\nBad: `{\"properties\": {\"kind\": {\"type\": \"string\", \
\"default\": \"task\", \"x-ms-visibility\": \"internal\"}}}`  Good: the same with `\"required\": \
[\"kind\"]`.",
    |cx, sink| {
        let mut once = Once::new(sink);
        for op in ops(cx) {
            for p in op_body_props(cx, op) {
                if internal(p.value) && p.value.get("default").is_some() && !p.required_in_parent {
                    once.emit(
                        p.pointer.clone(),
                        format!(
                            "internal property '{}' has a default but is not required",
                            p.name
                        ),
                    );
                }
            }
        }
    }
);

def_rule!(
    REQUIRED_READ_ONLY_PROPERTY_NOT_ALLOWED_AS_INPUT,
    "RequiredReadOnlyPropertyNotAllowedAsInput",
    Error,
    ALL,
    "A request-body property that is both `readOnly` and required",
    "`readOnly` properties are never sent in requests, so they cannot also be required in a \
request body. Drop `readOnly`, or remove the name from `required` (or use a separate input \
definition).",
    |cx, sink| {
        let mut once = Once::new(sink);
        for op in ops(cx) {
            for p in op_body_props(cx, op) {
                if is_true(p.value, "readOnly") && p.required_in_parent {
                    once.emit(
                        p.pointer.clone(),
                        format!(
                            "property '{}' is readOnly and required in a request body",
                            p.name
                        ),
                    );
                }
            }
        }
    }
);

def_rule!(
    BODY_PARAMETER_SCHEMA_REQUIRED,
    "BodyParameterSchemaRequired",
    Error,
    ALL,
    "An `in: body` parameter without `schema`",
    "A body parameter describes its payload with `schema` (even a plain string body: \
`{\"type\": \"string\"}`).",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "in") == Some("body") && v.get("schema").is_none() {
                sink.emit(ptr, "body parameter has no schema");
            }
        }
    }
);

def_rule!(
    NON_BODY_PARAMETER_SCHEMA_NOT_VALID,
    "NonBodyParameterSchemaNotValid",
    Error,
    ALL,
    "A query, header, path or formData parameter has a `schema`",
    "Only body parameters have a `schema`; others describe their value with `type`, `format`, \
`items`, `enum` directly.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if matches!(s(v, "in"), Some(l) if l != "body") && v.get("schema").is_some() {
                sink.emit(
                    join(&ptr, "schema"),
                    "only body parameters may have a schema",
                );
            }
        }
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    const OP: &str = "/paths/~1tasks~1{taskId}/get";

    fn with_param(p: Value) -> Value {
        let mut d = minimal();
        d.pointer_mut(&format!("{OP}/parameters"))
            .unwrap()
            .as_array_mut()
            .unwrap()
            .push(p);
        d
    }

    fn post(params: Value, extra: Value) -> Value {
        let mut op = json!({"operationId": "Post", "parameters": params, "responses": {"200": {"description": "ok"}}});
        if let (Some(o), Some(e)) = (op.as_object_mut(), extra.as_object()) {
            for (k, v) in e {
                o.insert(k.clone(), v.clone());
            }
        }
        patch(minimal(), json!({"paths": {"/p": {"post": op}}}))
    }

    #[test]
    fn minimal_is_clean() {
        for r in RULES {
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn fetch_with_body() {
        let d = with_param(json!({"name": "b", "in": "body", "schema": {}}));
        assert_eq!(
            pointers(&run(
                &BODY_OR_FORM_DATA_PARAMETER_IN_FETCH_OPERATION_NOT_ALLOWED,
                d
            )),
            vec![format!("{OP}/parameters/1")]
        );
    }

    #[test]
    fn connection_id_and_reserved() {
        let d = with_param(json!({"name": "ConnectionId", "in": "query", "type": "string"}));
        assert_eq!(run(&CONNECTION_ID_PARAMETER_NOT_ALLOWED, d).len(), 1);
        let d = with_param(json!({"name": "Content-Length", "in": "header", "type": "string"}));
        assert_eq!(run(&RESERVED_PARAMETER_IS_USED, d).len(), 1);
        let d = with_param(json!({"name": "X-Length", "in": "header", "type": "string"}));
        assert!(run(&RESERVED_PARAMETER_IS_USED, d).is_empty());
    }

    #[test]
    fn consumes_and_mime() {
        let body = json!([{"name": "b", "in": "body", "schema": {"type": "object"}}]);
        let d = patch(
            post(body.clone(), json!({"consumes": ["application/xml"]})),
            json!({}),
        );
        assert_eq!(run(&CONSUMES_MISSING, d.clone()).len(), 1);
        assert_eq!(
            pointers(&run(&MIME_TYPE_NOT_SUPPORTED, d)),
            vec!["/paths/~1p/post/consumes/0"]
        );
        let d = post(
            body.clone(),
            json!({"consumes": ["application/json; charset=utf-8"]}),
        );
        assert!(run(&CONSUMES_MISSING, d.clone()).is_empty());
        assert!(run(&MIME_TYPE_NOT_SUPPORTED, d).is_empty());
        let d = post(body.clone(), json!({"consumes": ["text/plain"]}));
        assert_eq!(
            run(
                &MIME_TYPE_NOT_COMPATIBLE_WITH_REQUEST_CONTENT_SCHEMA_TYPE,
                d
            )
            .len(),
            1
        );
        let d = post(
            json!([{"name": "b", "in": "body", "schema": {"type": "string"}}]),
            json!({"consumes": ["text/plain"]}),
        );
        assert!(
            run(
                &MIME_TYPE_NOT_COMPATIBLE_WITH_REQUEST_CONTENT_SCHEMA_TYPE,
                d
            )
            .is_empty()
        );
    }

    #[test]
    fn form_data() {
        let d = post(
            json!([{"name": "naïve", "in": "formData", "type": "file"}, {"name": "b", "in": "body", "schema": {}}]),
            json!({"consumes": ["application/x-www-form-urlencoded"]}),
        );
        assert_eq!(run(&INVALID_FORM_DATA_PARAMETER_NAME, d.clone()).len(), 1);
        assert_eq!(
            run(&STRING_BINARY_NOT_SUPPORTED_FOR_FORM_URL_ENCODED, d.clone()).len(),
            1
        );
        assert_eq!(run(&PARAMETER_LIST_CONTAINS_FORM_DATA_AND_BODY, d).len(), 1);
        let d = post(
            json!([{"name": "f", "in": "formData", "type": "file"}]),
            json!({"consumes": ["multipart/form-data"]}),
        );
        assert!(run(&STRING_BINARY_NOT_SUPPORTED_FOR_FORM_URL_ENCODED, d.clone()).is_empty());
        assert!(run(&FILE_PARAMETER_MUST_BE_IN_FORM_DATA, d).is_empty());
        let d = with_param(json!({"name": "f", "in": "query", "type": "file"}));
        assert_eq!(run(&FILE_PARAMETER_MUST_BE_IN_FORM_DATA, d).len(), 1);
    }

    #[test]
    fn parameter_lists() {
        let d = patch(
            minimal(),
            json!({"parameters": {"Q": {"name": "q", "in": "query", "type": "string"}},
                   "paths": {"/p": {"parameters": [{"$ref": "#/parameters/Q"}, {"name": "q", "in": "query", "type": "string"},
                       {"name": "a", "in": "body", "schema": {}}, {"name": "b", "in": "body", "schema": {}}],
                   "post": {"parameters": [{"$ref": "#/parameters/Q"}, {"$ref": "#/parameters/Q"}], "responses": {"200": {"description": "x"}}}}}}),
        );
        assert_eq!(
            pointers(&run(&OPERATION_PARAMETERS_ARE_NOT_UNIQUE, d.clone())),
            vec!["/paths/~1p/post/parameters/1"]
        );
        assert_eq!(
            pointers(&run(
                &PATH_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER,
                d.clone()
            )),
            vec!["/paths/~1p/parameters/1"]
        );
        assert_eq!(
            pointers(&run(&PATH_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS, d)),
            vec!["/paths/~1p/parameters/3"]
        );
    }

    #[test]
    fn collection_format_and_encoding() {
        let d = with_param(
            json!({"name": "h", "in": "header", "type": "array", "items": {"type": "string"}, "collectionFormat": "multi"}),
        );
        assert_eq!(run(&COLLECTION_FORMAT_VALUE_NOT_SUPPORTED, d).len(), 1);
        let d = with_param(
            json!({"name": "h", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "multi"}),
        );
        assert!(run(&COLLECTION_FORMAT_VALUE_NOT_SUPPORTED, d).is_empty());
        let mut d = minimal();
        d.pointer_mut(&format!("{OP}/parameters/0"))
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("x-ms-url-encoding");
        assert_eq!(run(&PATH_PARAMETER_MISSING_ENCODING, d).len(), 1);
        let d = with_param(
            json!({"name": "q", "in": "query", "type": "string", "x-ms-url-encoding": "single"}),
        );
        assert_eq!(run(&QUERY_PARAMETER_ENCODING_NOT_SUPPORTED, d).len(), 1);
    }

    #[test]
    fn body_parameter_shape() {
        let d = with_param(json!({"name": "b", "in": "body", "type": "string"}));
        assert_eq!(run(&BODY_PARAMETER_PROPERTY_NOT_VALID, d.clone()).len(), 1);
        assert_eq!(run(&BODY_PARAMETER_SCHEMA_REQUIRED, d).len(), 1);
        let d = with_param(json!({"name": "q", "in": "query", "type": "string", "schema": {}}));
        assert_eq!(run(&NON_BODY_PARAMETER_SCHEMA_NOT_VALID, d).len(), 1);
    }

    #[test]
    fn internal_defaults() {
        let d = with_param(
            json!({"name": "v", "in": "query", "type": "string", "default": "1", "x-ms-visibility": "internal"}),
        );
        assert_eq!(run(&INTERNAL_PROPERTY_WITH_DEFAULT_OPTIONAL, d).len(), 1);
        let d = with_param(
            json!({"name": "v", "in": "query", "type": "string", "default": "1", "required": true, "x-ms-visibility": "internal"}),
        );
        assert!(run(&INTERNAL_PROPERTY_WITH_DEFAULT_OPTIONAL, d).is_empty());
        let schema = |req: Value| {
            json!([{"name": "b", "in": "body", "schema": {"type": "object", "required": req,
              "properties": {"kind": {"type": "string", "default": "t", "x-ms-visibility": "internal"},
                             "id": {"type": "string", "readOnly": true}}}}])
        };
        let d = post(schema(json!(["id"])), json!({}));
        assert_eq!(
            pointers(&run(&PROPERTY_MUST_BE_REQUIRED, d.clone())),
            vec!["/paths/~1p/post/parameters/0/schema/properties/kind"]
        );
        assert_eq!(
            pointers(&run(&REQUIRED_READ_ONLY_PROPERTY_NOT_ALLOWED_AS_INPUT, d)),
            vec!["/paths/~1p/post/parameters/0/schema/properties/id"]
        );
        let d = post(schema(json!(["kind"])), json!({}));
        assert!(run(&PROPERTY_MUST_BE_REQUIRED, d.clone()).is_empty());
        assert!(run(&REQUIRED_READ_ONLY_PROPERTY_NOT_ALLOWED_AS_INPUT, d).is_empty());
    }
}
