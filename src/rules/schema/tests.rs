use super::*;
use crate::core::Severity;
use crate::rules::testing::*;
use serde_json::json;

pub(super) const GET: &str = "/paths/~1tasks~1{taskId}/get";
pub(super) const P0: &str = "/paths/~1tasks~1{taskId}/get/parameters/0";

/// minimal() with one more definition `X`.
pub(super) fn with_def(schema: Value) -> Value {
    patch(minimal(), json!({"definitions": {"X": schema}}))
}

/// minimal() with keys merged into the path parameter.
pub(super) fn with_param(extra: Value) -> Value {
    let mut d = minimal();
    let p = d.pointer_mut(P0).unwrap();
    *p = patch(p.clone(), extra);
    d
}

pub(super) fn ptrs(rule: &'static Rule, def: Value) -> Vec<String> {
    run(rule, def).into_iter().map(|f| f.pointer).collect()
}

fn clean_on_minimal() -> Vec<&'static str> {
    RULES
        .iter()
        .filter(|r| !run(r, minimal()).is_empty())
        .map(|r| r.code)
        .collect()
}

#[test]
fn minimal_is_clean_for_every_rule() {
    assert!(clean_on_minimal().is_empty(), "{:?}", clean_on_minimal());
}

#[test]
fn arrays() {
    assert_eq!(
        ptrs(&ARRAY_HAS_NO_ITEMS, with_def(json!({"type": "array"}))),
        vec!["/definitions/X/type"]
    );
    assert!(
        ptrs(
            &ARRAY_HAS_NO_ITEMS,
            with_def(json!({"type": "array", "items": {"type": "string"}}))
        )
        .is_empty()
    );
    assert_eq!(
        ptrs(&ARRAY_HAS_NO_ITEMS, with_param(json!({"type": "array"}))),
        vec![format!("{P0}/type")]
    );
    assert_eq!(
        ptrs(
            &REQUIRED_PROPERTY_ARRAY_EMPTY,
            with_def(json!({"type": "object", "required": []}))
        ),
        vec!["/definitions/X/required"]
    );
    assert!(
        ptrs(
            &REQUIRED_PROPERTY_ARRAY_EMPTY,
            with_def(json!({"type": "object", "required": ["a"], "properties": {"a": {}}}))
        )
        .is_empty()
    );
}

#[test]
fn defaults_and_enums_match_type() {
    assert_eq!(
        ptrs(
            &DEFAULT_VALUE_MUST_MATCH_TYPE,
            with_param(json!({"default": 10}))
        ),
        vec![format!("{P0}/default")]
    );
    for ok in [json!("10"), json!(null)] {
        assert!(
            ptrs(
                &DEFAULT_VALUE_MUST_MATCH_TYPE,
                with_param(json!({"default": ok}))
            )
            .is_empty()
        );
    }
    // A string spelling an integer is accepted; a word is not.
    assert!(
        ptrs(
            &DEFAULT_VALUE_MUST_MATCH_TYPE,
            with_def(json!({"type": "integer", "default": "1"}))
        )
        .is_empty()
    );
    assert_eq!(
        ptrs(
            &DEFAULT_VALUE_MUST_MATCH_TYPE,
            with_def(json!({"type": "integer", "default": "one"}))
        ),
        vec!["/definitions/X/default"]
    );
    assert_eq!(
        ptrs(
            &INVALID_ENUM_VALUE,
            with_def(json!({"type": "integer", "enum": [1, "two", null]}))
        ),
        vec!["/definitions/X/enum/1"]
    );
    assert!(
        ptrs(
            &INVALID_ENUM_VALUE,
            with_def(json!({"type": "boolean", "enum": ["true", false]}))
        )
        .is_empty()
    );
    assert_eq!(
        ptrs(
            &ENUM_MUST_CONTAIN_AT_LEAST_ONE_ELEMENT,
            with_param(json!({"enum": []}))
        ),
        vec![format!("{P0}/enum")]
    );
    assert!(
        ptrs(
            &ENUM_MUST_CONTAIN_AT_LEAST_ONE_ELEMENT,
            with_param(json!({"enum": ["a"]}))
        )
        .is_empty()
    );
}

#[test]
fn filter_functions() {
    let out = |ff: Value| {
        patch(
            minimal(),
            json!({"definitions": {"Task": {"properties": {"id": {"x-ms-capabilities": {"filterFunctions": ff}}}}}}),
        )
    };
    let at = "/definitions/Task/properties/id/x-ms-capabilities/filterFunctions";
    assert_eq!(
        ptrs(&FILTER_FUNCTIONS_PROPERTY_EMPTY, out(json!([]))),
        vec![at]
    );
    assert!(ptrs(&FILTER_FUNCTIONS_PROPERTY_EMPTY, out(json!(["eq"]))).is_empty());
    assert_eq!(
        ptrs(
            &FILTER_FUNCTIONS_PROPERTY_HAS_DUPLICATES,
            out(json!(["eq", "ne", "eq"]))
        ),
        vec![format!("{at}/2")]
    );
    assert_eq!(
        ptrs(
            &FILTER_FUNCTIONS_PROPERTY_INVALID_VALUE,
            out(json!(["eq", "equals"]))
        ),
        vec![format!("{at}/1")]
    );
    assert!(
        ptrs(
            &FILTER_FUNCTIONS_PROPERTY_IN_INPUT_SCHEMA,
            out(json!(["eq"]))
        )
        .is_empty()
    );
    let mut input = minimal();
    input.pointer_mut(&format!("{GET}/parameters")).unwrap().as_array_mut().unwrap().push(
            json!({"name": "body", "in": "body", "schema": {"type": "object", "filterFunctions": ["eq"]}}),
        );
    assert_eq!(
        ptrs(&FILTER_FUNCTIONS_PROPERTY_IN_INPUT_SCHEMA, input),
        vec![format!("{GET}/parameters/1/schema/filterFunctions")]
    );
}

#[test]
fn enum_values_extension() {
    let def = with_param(json!({"enum": ["a", "b"], "x-ms-enum-values": [
            {"value": "a", "displayName": "A"}, {"value": "a", "displayName": "A again"},
            {"value": "c", "displayName": "C"}, {"value": "b"}]}));
    let base = format!("{P0}/x-ms-enum-values");
    assert_eq!(
        ptrs(&MISSING_ENUM_VALUES_DISPLAY_NAME, def.clone()),
        vec![format!("{base}/3")]
    );
    assert_eq!(
        ptrs(&DUPLICATE_ENUM_VALUES_IN_EXTENSION, def.clone()),
        vec![format!("{base}/1/value")]
    );
    assert_eq!(
        ptrs(&INVALID_ENUM_VALUES_EXTENSION_VALUE, def),
        vec![format!("{base}/2/value")]
    );
    let good = with_param(
        json!({"enum": ["a"], "x-ms-enum-values": [{"value": "a", "displayName": "A"}]}),
    );
    for r in [
        &MISSING_ENUM_VALUES_DISPLAY_NAME,
        &DUPLICATE_ENUM_VALUES_IN_EXTENSION,
        &INVALID_ENUM_VALUES_EXTENSION_VALUE,
    ] {
        assert!(run(r, good.clone()).is_empty(), "{}", r.code);
    }
}

#[test]
fn one_of_properties() {
    assert_eq!(
        ptrs(
            &ONE_OF_PROPERTIES_REQUIRED,
            with_param(json!({"x-ms-dynamic-values": {"value-path": "id"}}))
        ),
        vec![format!("{P0}/x-ms-dynamic-values")]
    );
    assert!(
        ptrs(
            &ONE_OF_PROPERTIES_REQUIRED,
            with_param(json!({"x-ms-dynamic-values": {"operationId": "ListTasks"}}))
        )
        .is_empty()
    );
    assert_eq!(
        ptrs(
            &MULTIPLE_OF_MUST_BE_GREATER_THAN_ZERO,
            with_def(json!({"type": "number", "multipleOf": 0}))
        ),
        vec!["/definitions/X/multipleOf"]
    );
    assert!(
        ptrs(
            &MULTIPLE_OF_MUST_BE_GREATER_THAN_ZERO,
            with_def(json!({"type": "number", "multipleOf": 0.5}))
        )
        .is_empty()
    );
}

#[test]
fn required_lists() {
    let def = with_def(
        json!({"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string"}}}),
    );
    assert_eq!(
        ptrs(&REQUIRED_PROPERTY_DEFINITION_MISSING, def),
        vec!["/definitions/X/required/1"]
    );
    // Properties from allOf parts count.
    let def = with_def(json!({"allOf": [{"$ref": "#/definitions/Task"}], "required": ["id"]}));
    assert!(ptrs(&REQUIRED_PROPERTY_DEFINITION_MISSING, def).is_empty());
    assert_eq!(
        ptrs(
            &REQUIRED_PROPERTY_NOT_ON_OBJECT,
            with_def(json!({"type": "string", "required": ["a"]}))
        ),
        vec!["/definitions/X/required"]
    );
    assert!(
        ptrs(
            &REQUIRED_PROPERTY_NOT_ON_OBJECT,
            with_def(json!({"type": "object", "required": ["a"], "properties": {"a": {}}}))
        )
        .is_empty()
    );
}

#[test]
fn tags_and_duplicates() {
    let def = patch(
        minimal(),
        json!({"tags": [{"name": "a"}, {"name": "b"}, {"name": "a"}]}),
    );
    assert_eq!(ptrs(&TAG_REDEFINED, def), vec!["/tags/2/name"]);
    assert!(
        ptrs(
            &TAG_REDEFINED,
            patch(minimal(), json!({"tags": [{"name": "a"}]}))
        )
        .is_empty()
    );
    let def = patch(
        minimal(),
        json!({"schemes": ["https", "https"], "security": [{"oauth": ["read", "read"]}]}),
    );
    assert_eq!(
        ptrs(&ARRAY_DUPLICATE_VALUE, def),
        vec!["/schemes/1", "/security/0/oauth/1"]
    );
    assert_eq!(
        ptrs(
            &ARRAY_DUPLICATE_VALUE,
            with_param(json!({"enum": ["a", "a"]}))
        ),
        vec![format!("{P0}/enum/1")]
    );
}

#[test]
fn formats_and_paging() {
    let f = run(
        &UNRECOGNIZED_TYPE_FORMAT,
        with_def(json!({"type": "string", "format": "guid"})),
    );
    assert_eq!(pointers(&f), vec!["/definitions/X/format"]);
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(
        ptrs(
            &UNRECOGNIZED_TYPE_FORMAT,
            with_def(json!({"type": "integer", "format": "int64"}))
        )
        .is_empty()
    );
    assert_eq!(
        ptrs(
            &UNRECOGNIZED_TYPE_FORMAT,
            with_def(json!({"type": "integer", "format": "uuid"}))
        )
        .len(),
        1
    );
    let page = |n: &str| {
        patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"x-ms-pageable": {"nextLinkName": n}}}}}),
        )
    };
    assert_eq!(
        ptrs(&INVALID_NEXT_LINK_NAME_VALUE, page("next")),
        vec![format!("{GET}/x-ms-pageable/nextLinkName")]
    );
    assert!(ptrs(&INVALID_NEXT_LINK_NAME_VALUE, page("@odata.nextLink")).is_empty());
}

#[test]
fn schema_counts_and_depth() {
    // 600 properties in one definition.
    let props: serde_json::Map<String, Value> = (0..600)
        .map(|i| (format!("p{i}"), json!({"type": "string"})))
        .collect();
    let def = with_def(json!({"type": "object", "properties": props}));
    assert_eq!(
        ptrs(&BODY_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED, def.clone()),
        vec!["/definitions/X"]
    );
    assert!(ptrs(&BODY_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED, minimal()).is_empty());
    assert!(ptrs(&TOTAL_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED, def).is_empty());
    // 40 levels through references: D0 -> D1 -> ... -> D39.
    let mut defs = serde_json::Map::new();
    for i in 0..40 {
        defs.insert(format!("D{i}"), json!({"type": "object", "properties": {"next": {"$ref": format!("#/definitions/D{}", i + 1)}}}));
    }
    defs.insert("D40".into(), json!({"type": "string"}));
    let def = patch(minimal(), json!({"definitions": defs}));
    let f = ptrs(&SCHEMA_TOO_DEEP, def);
    assert!(f.contains(&"/definitions/D0".to_string()), "{f:?}");
    assert!(!f.contains(&"/definitions/D20".to_string()), "{f:?}");
    // Recursion is cut, not counted forever.
    let def =
        with_def(json!({"type": "object", "properties": {"self": {"$ref": "#/definitions/X"}}}));
    assert!(ptrs(&SCHEMA_TOO_DEEP, def).is_empty());
}

#[test]
fn response_examples_and_headers() {
    let def = patch(
        minimal(),
        json!({"paths": {"/tasks/{taskId}": {"get": {"responses": {"200": {
            "examples": {"application/json": {}, "text/xml": "<a/>"},
            "headers": {"Location": {"type": "string"}, "location": {"type": "string"}}}}}}}}),
    );
    assert_eq!(
        ptrs(&RESPONSE_EXAMPLE_MUST_BE_PRODUCED_BY_OPERATION, def.clone()),
        vec![format!("{GET}/responses/200/examples/text~1xml")]
    );
    assert_eq!(
        ptrs(&RESPONSE_HEADERS_ARE_NOT_UNIQUE, def),
        vec![format!("{GET}/responses/200/headers/location")]
    );
    assert!(run(&RESPONSE_EXAMPLE_MUST_BE_PRODUCED_BY_OPERATION, minimal()).is_empty());
    assert!(run(&RESPONSE_HEADERS_ARE_NOT_UNIQUE, minimal()).is_empty());
}

#[test]
fn metadata_keyword_consistency() {
    assert_eq!(
        ptrs(
            &ALLOW_EMPTY_VALUE_ONLY_VALID_FOR_QUERY_FORM_DATA,
            with_param(json!({"allowEmptyValue": true}))
        ),
        vec![format!("{P0}/allowEmptyValue")]
    );
    assert!(
        ptrs(
            &ALLOW_EMPTY_VALUE_ONLY_VALID_FOR_QUERY_FORM_DATA,
            with_param(json!({"in": "query", "allowEmptyValue": true}))
        )
        .is_empty()
    );
    let disc = |req: Value| {
        with_def(
            json!({"type": "object", "discriminator": "kind", "required": req, "properties": {"kind": {"type": "string"}}}),
        )
    };
    assert!(
        ptrs(
            &DISCRIMINATOR_MUST_BE_A_REQUIRED_STRING_PROPERTY,
            disc(json!(["kind"]))
        )
        .is_empty()
    );
    assert_eq!(
        ptrs(
            &DISCRIMINATOR_MUST_BE_A_REQUIRED_STRING_PROPERTY,
            disc(json!(["other"]))
        ),
        vec!["/definitions/X/discriminator"]
    );
    assert_eq!(
        ptrs(
            &EXCLUSIVE_MAXIMUM_REQUIRES_MAXIMUM,
            with_def(json!({"type": "number", "exclusiveMaximum": true}))
        ),
        vec!["/definitions/X/exclusiveMaximum"]
    );
    assert!(
        ptrs(
            &EXCLUSIVE_MAXIMUM_REQUIRES_MAXIMUM,
            with_def(json!({"type": "number", "exclusiveMaximum": true, "maximum": 3}))
        )
        .is_empty()
    );
    assert_eq!(
        ptrs(
            &EXCLUSIVE_MINIMUM_REQUIRES_MINIMUM,
            with_def(json!({"type": "number", "exclusiveMinimum": true}))
        ),
        vec!["/definitions/X/exclusiveMinimum"]
    );
    assert!(
        ptrs(
            &EXCLUSIVE_MINIMUM_REQUIRES_MINIMUM,
            with_def(json!({"type": "number", "exclusiveMinimum": false}))
        )
        .is_empty()
    );
}

#[test]
fn bounds() {
    let cases: &[(&'static Rule, &str, Value, Value)] = &[
        (
            &MAX_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            "maxItems",
            json!({"maxItems": -1}),
            json!({"maxItems": 0}),
        ),
        (
            &MAX_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            "maxLength",
            json!({"maxLength": -1}),
            json!({"maxLength": 3}),
        ),
        (
            &MAX_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            "maxProperties",
            json!({"maxProperties": -2}),
            json!({"maxProperties": 2}),
        ),
        (
            &MIN_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            "minItems",
            json!({"minItems": -1}),
            json!({"minItems": 1}),
        ),
        (
            &MIN_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            "minLength",
            json!({"minLength": -1}),
            json!({"minLength": 0}),
        ),
        (
            &MIN_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
            "minProperties",
            json!({"minProperties": -1}),
            json!({"minProperties": 1}),
        ),
        (
            &MINIMUM_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAXIMUM,
            "minimum",
            json!({"minimum": 5, "maximum": 1}),
            json!({"minimum": 1, "maximum": 1}),
        ),
        (
            &MIN_ITEMS_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_ITEMS,
            "minItems",
            json!({"minItems": 5, "maxItems": 1}),
            json!({"minItems": 1, "maxItems": 5}),
        ),
        (
            &MIN_LENGTH_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_LENGTH,
            "minLength",
            json!({"minLength": 5, "maxLength": 1}),
            json!({"minLength": 1, "maxLength": 5}),
        ),
    ];
    for (rule, key, bad, good) in cases {
        assert_eq!(
            ptrs(rule, with_def(bad.clone())),
            vec![format!("/definitions/X/{key}")],
            "{}",
            rule.code
        );
        assert!(
            ptrs(rule, with_def(good.clone())).is_empty(),
            "{}",
            rule.code
        );
    }
}
