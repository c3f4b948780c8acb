//! Property test: arbitrary JSON anywhere in a definition never crashes a rule, and every
//! finding points at something that exists (or at the object a missing key belongs in).

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use super::testing::{connector_from, minimal};
use super::{Context, Profile, registry, run_rule};
use crate::model::FileKind;

/// Keys that mean something somewhere in a definition, plus a few awkward ones.
const KEYS: &[&str] = &[
    "type",
    "items",
    "properties",
    "$ref",
    "required",
    "enum",
    "default",
    "format",
    "pattern",
    "in",
    "name",
    "schema",
    "allOf",
    "oneOf",
    "additionalProperties",
    "discriminator",
    "minimum",
    "maximum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "multipleOf",
    "get",
    "post",
    "responses",
    "parameters",
    "200",
    "default",
    "headers",
    "examples",
    "produces",
    "consumes",
    "x-ms-enum-values",
    "value",
    "displayName",
    "x-ms-dynamic-values",
    "x-ms-pageable",
    "nextLinkName",
    "x-ms-editor",
    "filterFunctions",
    "x-ms-capabilities",
    "x-ms-visibility",
    "x-ms-trigger",
    "description",
    "operationId",
    "definitions",
    "paths",
    "/a/{b}",
    "tags",
    "security",
    "a/b",
    "~0x",
    "",
    "x-custom",
];

const STRINGS: &[&str] = &[
    "string",
    "integer",
    "number",
    "boolean",
    "array",
    "object",
    "file",
    "binary",
    "body",
    "query",
    "path",
    "formData",
    "header",
    "#/definitions/Task",
    "#/definitions/Nope",
    "#/parameters/P",
    "#/responses/R",
    "#",
    "#/",
    "dictionary",
    "internal",
    "[a-",
    "^a$",
    "application/json",
    "nextLink",
    "eq",
    "",
    "x",
];

/// Meaningful keyword/value pairs, so the generated trees often look like schemas and
/// parameters the rules care about (random keys with random values rarely do).
fn pairs() -> Vec<(&'static str, Value)> {
    vec![
        ("type", json!("array")),
        ("type", json!("object")),
        ("type", json!("string")),
        ("type", json!("integer")),
        ("type", json!("file")),
        ("format", json!("binary")),
        ("format", json!("guid")),
        ("in", json!("body")),
        ("in", json!("query")),
        ("in", json!("path")),
        ("name", json!("a")),
        ("$ref", json!("#/definitions/Task")),
        ("$ref", json!("#/definitions/Fuzz")),
        ("$ref", json!("#/definitions/Nope")),
        ("required", json!(["a", "a"])),
        ("required", json!([])),
        ("enum", json!([])),
        ("enum", json!(["1", 2, null])),
        ("default", json!(3)),
        ("x-ms-editor", json!("dictionary")),
        ("discriminator", json!("a")),
        ("pattern", json!("[a-")),
        ("exclusiveMaximum", json!(true)),
        ("minimum", json!(5)),
        ("maximum", json!(1)),
        ("minLength", json!(-1)),
        ("multipleOf", json!(0)),
        ("allowEmptyValue", json!(true)),
        (
            "x-ms-enum-values",
            json!([{"value": 1}, {"value": 1, "displayName": "x"}]),
        ),
        ("x-ms-dynamic-values", json!({"value-path": "a"})),
        ("x-ms-pageable", json!({"nextLinkName": "next"})),
        ("filterFunctions", json!(["eq", "eq", "bad"])),
        ("examples", json!({"text/xml": 1})),
        ("uniqueItems", json!(true)),
        ("oneOf", json!([{"type": "string"}])),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        2 => (-3i64..600).prop_map(|n| json!(n)),
        1 => (-1e3f64..1e3).prop_map(|f| json!(f)),
        8 => prop::sample::select(STRINGS).prop_map(|s| json!(s)),
    ]
}

fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            1 => prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            3 => (
                prop::collection::vec((prop::sample::select(KEYS), inner), 0..6),
                prop::collection::vec(prop::sample::select(pairs()), 0..4),
            )
                .prop_map(|(kv, fixed)| {
                    let mut m: Map<String, Value> =
                        kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                    for (k, v) in fixed {
                        m.insert(k.to_string(), v);
                    }
                    Value::Object(m)
                }),
        ]
    })
}

/// Positions of `minimal()` where the tree is put (the last token is set, created if needed).
const POSITIONS: &[&str] = &[
    "",
    "/info",
    "/paths",
    "/paths/~1tasks~1{taskId}",
    "/paths/~1tasks~1{taskId}/get",
    "/paths/~1tasks~1{taskId}/get/parameters",
    "/paths/~1tasks~1{taskId}/get/parameters/0",
    "/paths/~1tasks~1{taskId}/get/parameters/0/x-ms-enum-values",
    "/paths/~1tasks~1{taskId}/get/responses",
    "/paths/~1tasks~1{taskId}/get/responses/200",
    "/paths/~1tasks~1{taskId}/get/responses/200/schema",
    "/paths/~1tasks~1{taskId}/post",
    "/definitions",
    "/definitions/Task",
    "/definitions/Task/properties/id",
    "/definitions/New",
    "/parameters",
    "/parameters/P",
    "/responses/R",
    "/securityDefinitions/s",
    "/security",
    "/tags",
    "/x-ms-connector-metadata",
    "/x-ms-capabilities",
    "/consumes",
];

fn place(mut doc: Value, at: &str, v: Value) -> Value {
    if at.is_empty() {
        return v;
    }
    let (parent, key) = at.rsplit_once('/').unwrap_or(("", at));
    let key = crate::model::pointer::unescape(key);
    match doc.pointer_mut(parent) {
        Some(Value::Object(m)) => {
            m.insert(key, v);
        }
        Some(Value::Array(a)) => match key.parse::<usize>() {
            Ok(i) if i < a.len() => a[i] = v,
            _ => a.push(v),
        },
        _ => {}
    }
    doc
}

/// Runs every rule under two profiles and checks crashes and pointers.
fn check_all(def: &Value) -> Result<(), TestCaseError> {
    let c = connector_from(def.clone(), None);
    // What the rules see is the text parsed back (the same as `def` for valid JSON).
    let Some(seen) = c.definition_value() else {
        return Ok(());
    };
    for profile in [Profile::Custom, Profile::Certified] {
        let cx = Context::new(&c, profile);
        for rule in registry() {
            for f in run_rule(rule, rule.severity, &cx) {
                prop_assert_ne!(f.code, "InternalError", "rule {} crashed", rule.code);
                if f.file != FileKind::Definition || f.offset.is_some() {
                    continue;
                }
                let parent = f.pointer.rsplit_once('/').map(|(p, _)| p).unwrap_or("");
                prop_assert!(
                    seen.pointer(&f.pointer).is_some() || seen.pointer(parent).is_some(),
                    "{} points at {} which does not exist",
                    f.code,
                    f.pointer
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_definitions_values(v in tree()) {
        let def = place(minimal(), "/definitions/Fuzz", v);
        check_all(&def)?;
    }

    #[test]
    fn arbitrary_trees_anywhere(v in tree(), at in prop::sample::select(POSITIONS)) {
        let def = place(minimal(), at, v);
        check_all(&def)?;
    }
}
