//! Parameters and request bodies (catalog §3.1 #5-7, #20, #24, #46, #64-65, #69; §3.3 #76-77;
//! §3.4; §3.5 #94, #105, #115, #119; §3.6 #127, #132).

use std::collections::HashSet;

use serde_json::Value;

use super::opkit::{Once, SUPPORTED_MIME, body_schema, is_true, op_body_props, ops};
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

pub use body_or_form_data_parameter_in_fetch_operation_not_allowed::*;
pub use body_parameter_property_not_valid::*;
pub use body_parameter_schema_required::*;
pub use collection_format_value_not_supported::*;
pub use connection_id_parameter_not_allowed::*;
pub use consumes_missing::*;
pub use file_parameter_must_be_in_form_data::*;
pub use internal_property_with_default_optional::*;
pub use invalid_form_data_parameter_name::*;
pub use mime_type_not_compatible_with_request_content_schema_type::*;
pub use mime_type_not_supported::*;
pub use non_body_parameter_schema_not_valid::*;
pub use operation_parameters_are_not_unique::*;
pub use parameter_list_contains_form_data_and_body::*;
pub use path_parameter_missing_encoding::*;
pub use path_parameters_contain_duplicate_parameter::*;
pub use path_parameters_contain_multiple_body_parameters::*;
pub use property_must_be_required::*;
pub use query_parameter_encoding_not_supported::*;
pub use required_read_only_property_not_allowed_as_input::*;
pub use reserved_parameter_is_used::*;
pub use string_binary_not_supported_for_form_url_encoded::*;

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
