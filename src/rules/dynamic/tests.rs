use super::*;
use crate::rules::testing::*;
use serde_json::json;

/// A connector with `ListItems` (GET /items?project=, returns {value: [{id, name}]}) and
/// `Create` (POST /items with query `project` and a body with `projectId`, `kind`).
pub(super) fn base(dv: Value, body_extra: Value) -> Value {
    let mut props = json!({
        "projectId": {"type": "string"},
        "itemId": {"type": "string", "x-ms-dynamic-values": dv}
    });
    if let (Some(p), Some(e)) = (props.as_object_mut(), body_extra.as_object()) {
        for (k, v) in e {
            p.insert(k.clone(), v.clone());
        }
    }
    patch(
        minimal(),
        json!({"paths": {
        "/items": {
            "get": {"operationId": "ListItems",
                "parameters": [{"name": "project", "in": "query", "required": true, "type": "string"},
                               {"name": "top", "in": "query", "type": "integer"}],
                "responses": {"200": {"description": "ok", "schema": {"type": "object", "properties": {
                    "value": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}},
                    "count": {"type": "integer"}}}}}},
            "post": {"operationId": "Create",
                "parameters": [{"name": "project", "in": "query", "required": true, "type": "string"},
                               {"name": "hidden", "in": "query", "type": "string", "x-ms-visibility": "internal", "default": "x"},
                               {"name": "body", "in": "body", "required": true, "schema": {"type": "object", "required": ["projectId"], "properties": props}}],
                "responses": {"200": {"description": "ok"}}}
        }}}),
    )
}

pub(super) fn good_dv() -> Value {
    json!({"operationId": "ListItems", "value-collection": "value", "value-path": "id", "value-title": "name",
               "parameters": {"project": {"parameter": "project"}, "top": 5}})
}

pub(super) const DV: &str =
    "/paths/~1items/post/parameters/2/schema/properties/itemId/x-ms-dynamic-values";

#[test]
fn good_call_is_clean() {
    for r in RULES {
        assert!(run(r, base(good_dv(), json!({}))).is_empty(), "{}", r.code);
        assert!(run(r, minimal()).is_empty(), "{}", r.code);
    }
}

/// The definition of [`base`] with this `x-ms-dynamic-values` and no other body property.
pub(super) fn with_dv(dv: Value) -> Value {
    base(dv, json!({}))
}

/// `AddRow` (POST /rows) whose body carries `x-ms-dynamic-schema` both on the parameter object
/// and in its schema (value-path `schema/properties`), with `x-ms-dynamic-properties` whose
/// `itemValuePath` is `items`; `GetSchema` returns `{schema: {}}`.
pub(super) fn dyn_schema_def() -> Value {
    patch(
        base(good_dv(), json!({})),
        json!({"paths": {"/schema": {"get": {"operationId": "GetSchema", "responses": {"200": {"description": "ok",
                "schema": {"type": "object", "properties": {"schema": {"type": "object"}}}}}}},
                "/rows": {"post": {"operationId": "AddRow", "parameters": [{"name": "body", "in": "body",
                    "x-ms-dynamic-schema": {"operationId": "GetSchema"},
                    "schema": {"type": "object", "x-ms-dynamic-schema": {"operationId": "GetSchema", "value-path": "schema/properties"},
                        "x-ms-dynamic-properties": {"operationId": "GetSchema", "itemValuePath": "items"}}}],
                    "responses": {"200": {"description": "ok"}}}}}}),
    )
}

/// `Create` (see `base`) with a body property `details` whose `x-ms-dynamic-schema` calls
/// `GetSchema`, passing `reference` as its `project`; `body_extra` adds body properties.
pub(super) fn dyn_schema_call(body_extra: Value, reference: Value) -> Value {
    let mut extra = body_extra;
    extra["details"] = json!({"type": "object", "x-ms-dynamic-schema": {"operationId": "GetSchema",
        "parameters": {"project": reference}, "value-path": "schema"}});
    patch(
        base(good_dv(), extra),
        json!({"paths": {"/schema": {"get": {"operationId": "GetSchema",
            "parameters": [{"name": "project", "in": "query", "type": "string"}],
            "responses": {"200": {"description": "ok",
                "schema": {"type": "object", "properties": {"schema": {"type": "object"}}}}}}}}}),
    )
}

/// `F` (GET /f) with a file-picker `x-ms-dynamic-values` (no tree) that passes a
/// `selectedItemValuePath`.
pub(super) fn file_picker_def() -> Value {
    patch(
        minimal(),
        json!({"paths": {"/f": {"get": {"operationId": "F", "parameters": [
                {"name": "id", "in": "query", "type": "string",
                 "x-ms-dynamic-values": {"capability": "file-picker", "parameters": {"x": {"selectedItemValuePath": "id"}}}}],
                "responses": {"200": {"description": "ok"}}}}}}),
    )
}
