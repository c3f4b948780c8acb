use super::*;
use serde_json::json;

/// The schema of a test, kept for the test's duration.
fn schema(v: Value) -> Schema<'static> {
    Schema::new(Box::leak(Box::new(v))).expect("supported")
}

fn kinds(s: &Schema, v: &Value) -> Vec<(String, String, String)> {
    s.errors(v)
        .into_iter()
        .map(|e| (e.to_string(), e))
        .map(|(m, e)| (e.instance_path, e.schema_path, m))
        .collect()
}

#[test]
fn type_enum_required_and_additional_properties_are_reported_where_they_fail() {
    let s = schema(json!({
        "type": "object",
        "required": ["a", "b"],
        "properties": {"a": {"type": "integer"}, "b": {}, "e": {"enum": ["x", "y"]}},
        "patternProperties": {"^x-": {"type": "string"}},
        "additionalProperties": false
    }));
    let v = json!({"a": 1.5, "e": "z", "x-k": 3, "zz": true, "yy": 1});
    // Draft 4 evaluates no sibling of a `$ref`; a schema that has one is refused.
    assert!(Schema::new(&json!({"$ref": "#", "type": "object"})).is_err());
    assert!(!s.is_valid(&v));
    assert_eq!(
        kinds(&s, &v),
        vec![
            (
                "".into(),
                "/required".into(),
                "\"b\" is a required property".into()
            ),
            (
                "/a".into(),
                "/properties/a/type".into(),
                "1.5 is not of type \"integer\"".into()
            ),
            (
                "/e".into(),
                "/properties/e/enum".into(),
                "\"z\" is not one of \"x\" or \"y\"".into()
            ),
            (
                "/x-k".into(),
                "/patternProperties/^x-/type".into(),
                "3 is not of type \"string\"".into()
            ),
            (
                "".into(),
                "/additionalProperties".into(),
                "Additional properties are not allowed ('zz', 'yy' were unexpected)".into()
            ),
        ]
    );
    assert!(s.is_valid(&json!({"a": 2, "b": null, "e": "y", "x-k": "v"})));
}

#[test]
fn references_resolve_to_their_definitions_location() {
    let s = schema(json!({
        "properties": {"p": {"$ref": "#/definitions/item"}},
        "definitions": {"item": {"type": ["object", "boolean"], "allOf": [{"not": {}}]}}
    }));
    let v = json!({"p": 3});
    assert_eq!(
        kinds(&s, &v),
        vec![
            (
                "/p".into(),
                "/definitions/item/type".into(),
                "3 is not of types \"boolean\", \"object\"".into()
            ),
            (
                "/p".into(),
                "/definitions/item/allOf/0/not".into(),
                "{} is not allowed for 3".into()
            ),
        ]
    );
}

#[test]
fn integers_are_written_without_fraction_and_enums_compare_numbers_by_value() {
    let s = schema(json!({"items": {"type": "integer", "enum": [1, 2]}}));
    assert!(s.is_valid(&json!([1, 2])));
    assert!(!s.is_valid(&json!([1.0])), "draft 4: 1.0 is not an integer");
    let two = json!([2.0]);
    let e = s.errors(&two);
    assert_eq!(e.len(), 1, "2.0 is in the enum by value");
    assert_eq!(e[0].instance_path, "/0");
}

#[test]
fn additional_properties_as_a_schema_checks_the_other_members() {
    let s = schema(json!({"properties": {"a": {}}, "additionalProperties": {"type": "string"}}));
    assert!(s.is_valid(&json!({"a": 1, "b": "x"})));
    let v = json!({"a": 1, "b/c": 2});
    let e = s.errors(&v);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].instance_path, "/b~1c");
    assert_eq!(e[0].schema_path, "/additionalProperties/type");
}

#[test]
fn first_errors_stops_at_the_limit() {
    let s = schema(json!({"items": {"type": "string"}}));
    let v = json!([1, 2, 3, 4]);
    assert_eq!(s.errors(&v).len(), 4);
    let first = s.first_errors(&v, 2);
    assert_eq!(first.len(), 2);
    assert_eq!(first[1].instance_path, "/1");
}

#[test]
fn enum_messages_shorten_like_jsonschema() {
    let s = schema(json!({"enum": ["a", "b", "c", "d"]}));
    assert_eq!(
        s.errors(&json!("z"))[0].to_string(),
        "\"z\" is not one of \"a\", \"b\" or 2 other candidates"
    );
}

#[test]
fn schemas_with_keywords_it_does_not_evaluate_are_refused() {
    for bad in [
        json!({"oneOf": [{}]}),
        json!({"properties": {"a": {"minLength": 1}}}),
        json!({"$ref": "other.json#/x"}),
        json!({"$ref": "#/definitions/missing"}),
        json!({"patternProperties": {"(": {}}}),
        json!({"type": "text"}),
    ] {
        assert!(Schema::new(&bad).is_err(), "{bad}");
    }
}

#[test]
fn a_self_referencing_schema_and_a_deep_instance_terminate() {
    let s = schema(
        json!({"$ref": "#/definitions/n", "definitions": {"n": {"items": {"$ref": "#/definitions/n"}}}}),
    );
    let mut v = json!(1);
    for _ in 0..2000 {
        v = json!([v]);
    }
    assert!(s.is_valid(&v));
    // A `$ref` to itself, without descending into the instance, ends at the depth bound.
    let s = schema(
        json!({"definitions": {"loop": {"$ref": "#/definitions/loop"}}, "properties": {"a": {"$ref": "#/definitions/loop"}}}),
    );
    assert!(s.is_valid(&json!({"a": 1})));
}

#[test]
fn the_bundled_schemas_are_supported() {
    for text in [
        include_str!("../../../schemas/apiDefinition.schema.json"),
        include_str!("../../../schemas/apiProperties.schema.json"),
    ] {
        assert!(Schema::new(&serde_json::from_str(text).unwrap()).is_ok());
    }
}
