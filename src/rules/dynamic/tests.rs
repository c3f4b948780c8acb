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

fn one(rule: &'static Rule, dv: Value) -> Vec<String> {
    pointers(&run(rule, base(dv, json!({}))))
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn produced_paths() {
    let mut dv = good_dv();
    dv["value-collection"] = json!("count");
    assert_eq!(
        one(&INVOKED_OPERATION_SHOULD_PRODUCE_ARRAY, dv),
        vec![format!("{DV}/value-collection")]
    );
    let mut dv = good_dv();
    dv.as_object_mut().unwrap().remove("value-collection");
    assert_eq!(
        one(&INVOKED_OPERATION_SHOULD_PRODUCE_ARRAY, dv),
        vec![DV.to_string()]
    );
    let mut dv = good_dv();
    dv["value-title"] = json!("title");
    assert_eq!(
        one(&INVOKED_OPERATION_SHOULD_PRODUCE_PROPERTY, dv),
        vec![format!("{DV}/value-title")]
    );
}

#[test]
fn parameter_names() {
    let mut dv = good_dv();
    dv["parameters"] = json!({"top": 5});
    assert_eq!(
        one(&OPERATION_MISSING_REQUIRED_PROPERTY, dv),
        vec![DV.to_string()]
    );
    let mut dv = good_dv();
    dv["parameters"]["nope"] = json!(1);
    dv["parameters"]["project"] = json!({"parameter": "projekt"});
    assert_eq!(
        one(&OPERATION_PARAMETER_NAME_NOT_FOUND, dv),
        vec![
            format!("{DV}/parameters/project"),
            format!("{DV}/parameters/nope")
        ]
    );
}

#[test]
fn references() {
    // A body property is referenced with dynamic-values only.
    let mut dv = good_dv();
    dv["parameters"]["project"] = json!({"parameter": "projectId"});
    assert_eq!(
        one(
            &DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES,
            dv
        ),
        vec![format!("{DV}/parameters/project")]
    );
    // Ambiguous: `project` is a query parameter and (now) a body property.
    let d = base(good_dv(), json!({"project": {"type": "string"}}));
    assert_eq!(
        run(&DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES, d).len(),
        1
    );
    // A nested body property of the same name is not a clash.
    let d = base(
        good_dv(),
        json!({"nested": {"type": "object", "properties": {"project": {"type": "string"}}}}),
    );
    assert!(run(&DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES, d).is_empty());
    let mut dv = good_dv();
    dv["parameters"]["project"] = json!({"parameter": "hidden"});
    assert_eq!(
        one(&SOURCE_PROPERTY_INTERNAL, dv.clone()),
        vec![format!("{DV}/parameters/project")]
    );
    assert_eq!(
        one(&OPERATION_PARAMETER_REQUIRED_MISMATCH, dv),
        vec![format!("{DV}/parameters/project")]
    );
    let mut dv = good_dv();
    dv["parameters"]["top"] = json!("5");
    assert_eq!(
        one(&OPERATION_PARAMETER_STATIC_TYPE_MISMATCH, dv),
        vec![format!("{DV}/parameters/top")]
    );
    let mut dv = good_dv();
    dv["parameters"]["top"] = json!({"parameter": "project"});
    assert_eq!(
        one(&OPERATION_PARAMETER_TYPE_MISMATCH, dv),
        vec![format!("{DV}/parameters/top")]
    );
}

#[test]
fn dynamic_schema_and_properties() {
    let d = patch(
        base(good_dv(), json!({})),
        json!({"paths": {"/schema": {"get": {"operationId": "GetSchema", "responses": {"200": {"description": "ok",
                "schema": {"type": "object", "properties": {"schema": {"type": "object"}}}}}}},
                "/rows": {"post": {"operationId": "AddRow", "parameters": [{"name": "body", "in": "body",
                    "x-ms-dynamic-schema": {"operationId": "GetSchema"},
                    "schema": {"type": "object", "x-ms-dynamic-schema": {"operationId": "GetSchema", "value-path": "schema/properties"},
                        "x-ms-dynamic-properties": {"operationId": "GetSchema", "itemValuePath": "items"}}}],
                    "responses": {"200": {"description": "ok"}}}}}}),
    );
    assert_eq!(
        pointers(&run(
            &DYNAMIC_EXTENSION_DEFINITION_NOT_ALLOWED_IN_PARAMETER,
            d.clone()
        )),
        vec!["/paths/~1rows/post/parameters/0/x-ms-dynamic-schema"]
    );
    assert_eq!(
        pointers(&run(
            &DYNAMIC_PROPERTIES_ITEM_VALUE_PATH_MISMATCH,
            d.clone()
        )),
        vec!["/paths/~1rows/post/parameters/0/schema/x-ms-dynamic-properties/itemValuePath"]
    );
    assert_eq!(
        pointers(&run(&INVOKED_OPERATION_SHOULD_PRODUCE_PROPERTY, d.clone())),
        vec!["/paths/~1rows/post/parameters/0/schema/x-ms-dynamic-properties/itemValuePath"]
    );
    let mut d2 = d;
    d2["paths"]["/rows"]["post"]["parameters"][0]["schema"]
        .as_object_mut()
        .unwrap()
        .remove("x-ms-dynamic-properties");
    assert_eq!(
        run(
            &DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_PROPERTIES_VALUE_PATH,
            d2
        )
        .len(),
        1
    );
}

#[test]
fn trees() {
    let d = patch(
        minimal(),
        json!({"paths": {"/f": {"get": {"operationId": "F", "parameters": [
                {"name": "id", "in": "query", "type": "string",
                 "x-ms-dynamic-values": {"capability": "file-picker", "parameters": {"x": {"selectedItemValuePath": "id"}}}}],
                "responses": {"200": {"description": "ok"}}}}}}),
    );
    assert_eq!(run(&DYNAMIC_TREE_EXTENSION_MISSING, d.clone()).len(), 1);
    assert_eq!(
        run(&SELECTED_ITEM_VALUE_PATH_NOT_ALLOWED_IN_THIS_POSITION, d).len(),
        1
    );
}
