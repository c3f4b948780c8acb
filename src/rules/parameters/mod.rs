//! Parameters and request bodies.

use std::collections::HashSet;

use serde_json::Value;

use super::opkit::{Once, SUPPORTED_MIME, body_schema, is_true, op_body_props, ops};
use super::{Context, Rule};
use crate::model::pointer::join;

pub(crate) const RULES: &[&Rule] = &[
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

fn internal(v: &Value) -> bool {
    s(v, "x-ms-visibility") == Some("internal")
}
mod body_or_form_data_parameter_in_fetch_operation_not_allowed;
mod body_parameter_property_not_valid;
mod body_parameter_schema_required;
mod collection_format_value_not_supported;
mod connection_id_parameter_not_allowed;
mod consumes_missing;
mod file_parameter_must_be_in_form_data;
mod internal_property_with_default_optional;
mod invalid_form_data_parameter_name;
mod mime_type_not_compatible_with_request_content_schema_type;
mod mime_type_not_supported;
mod non_body_parameter_schema_not_valid;
mod operation_parameters_are_not_unique;
mod parameter_list_contains_form_data_and_body;
mod path_parameter_missing_encoding;
mod path_parameters_contain_duplicate_parameter;
mod path_parameters_contain_multiple_body_parameters;
mod property_must_be_required;
mod query_parameter_encoding_not_supported;
mod required_read_only_property_not_allowed_as_input;
mod reserved_parameter_is_used;
mod string_binary_not_supported_for_form_url_encoded;

pub(crate) use body_or_form_data_parameter_in_fetch_operation_not_allowed::*;
pub(crate) use body_parameter_property_not_valid::*;
pub(crate) use body_parameter_schema_required::*;
pub(crate) use collection_format_value_not_supported::*;
pub(crate) use connection_id_parameter_not_allowed::*;
pub(crate) use consumes_missing::*;
pub(crate) use file_parameter_must_be_in_form_data::*;
pub(crate) use internal_property_with_default_optional::*;
pub(crate) use invalid_form_data_parameter_name::*;
pub(crate) use mime_type_not_compatible_with_request_content_schema_type::*;
pub(crate) use mime_type_not_supported::*;
pub(crate) use non_body_parameter_schema_not_valid::*;
pub(crate) use operation_parameters_are_not_unique::*;
pub(crate) use parameter_list_contains_form_data_and_body::*;
pub(crate) use path_parameter_missing_encoding::*;
pub(crate) use path_parameters_contain_duplicate_parameter::*;
pub(crate) use path_parameters_contain_multiple_body_parameters::*;
pub(crate) use property_must_be_required::*;
pub(crate) use query_parameter_encoding_not_supported::*;
pub(crate) use required_read_only_property_not_allowed_as_input::*;
pub(crate) use reserved_parameter_is_used::*;
pub(crate) use string_binary_not_supported_for_form_url_encoded::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    pub(super) const OP: &str = "/paths/~1tasks~1{taskId}/get";

    pub(super) fn with_param(p: Value) -> Value {
        let mut d = minimal();
        d.pointer_mut(&format!("{OP}/parameters"))
            .unwrap()
            .as_array_mut()
            .unwrap()
            .push(p);
        d
    }

    /// One body parameter with an object schema (the structured body the MIME rules test).
    pub(super) fn object_body() -> Value {
        json!([{"name": "b", "in": "body", "schema": {"type": "object"}}])
    }

    pub(super) fn post(params: Value, extra: Value) -> Value {
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

    /// `/p` with path-item parameters (`#/parameters/Q` and an inline copy of it, two bodies) and a
    /// `post` listing `#/parameters/Q` twice.
    pub(super) fn path_level_def() -> Value {
        patch(
            minimal(),
            json!({"parameters": {"Q": {"name": "q", "in": "query", "type": "string"}},
                   "paths": {"/p": {"parameters": [{"$ref": "#/parameters/Q"}, {"name": "q", "in": "query", "type": "string"},
                       {"name": "a", "in": "body", "schema": {}}, {"name": "b", "in": "body", "schema": {}}],
                   "post": {"parameters": [{"$ref": "#/parameters/Q"}, {"$ref": "#/parameters/Q"}], "responses": {"200": {"description": "x"}}}}}}),
        )
    }

    /// A body parameter whose object has an internal property `kind` with a default and a
    /// readOnly property `id`; `req` is its `required` list.
    pub(super) fn internal_body(req: Value) -> Value {
        json!([{"name": "b", "in": "body", "schema": {"type": "object", "required": req,
          "properties": {"kind": {"type": "string", "default": "t", "x-ms-visibility": "internal"},
                         "id": {"type": "string", "readOnly": true}}}}])
    }
}
