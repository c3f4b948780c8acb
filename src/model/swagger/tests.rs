use super::*;
use serde_json::json;

#[test]
fn reachable_into_matches_walk_resolved() {
    let d = json!({
        "definitions": {
            "A": {"properties": {"b": {"$ref": "#/definitions/B"}, "self": {"$ref": "#/definitions/A"}}},
            "B": {"allOf": [{"$ref": "#/definitions/C"}], "items": {"properties": {"x": {}}}},
            "C": {"properties": {"a": {"$ref": "#/definitions/A"}, "bad": {"$ref": "#/definitions/Nope"}}}
        }
    });
    let sw = Swagger::new(&d);
    let roots = [
        (&d["definitions"]["A"], "/definitions/A".to_string()),
        (&d["definitions"]["C"], "/definitions/C".to_string()),
    ];
    let mut walked = std::collections::BTreeSet::new();
    for (v, at) in &roots {
        sw.walk_resolved(v, at, &mut |_, p| {
            walked.insert(p.to_string());
        });
    }
    let mut reached = foldhash::HashSet::default();
    sw.reachable_into(roots.iter().cloned(), &|_| true, &mut reached);
    let reached: std::collections::BTreeSet<String> = reached.into_iter().collect();
    assert_eq!(reached, walked);
    assert!(reached.contains("/definitions/B/items/properties/x"));
}

#[test]
fn shared_definitions_are_walked_once_not_once_per_path() {
    // D(k) uses D(k-1) twice, as a property and through allOf: 2^40 paths, 41 schemas.
    let mut defs = serde_json::Map::new();
    defs.insert(
        "D0".into(),
        json!({"properties": {"x": {"type": "string"}}}),
    );
    for k in 1..=40 {
        let r = json!({"$ref": format!("#/definitions/D{}", k - 1)});
        defs.insert(
            format!("D{k}"),
            json!({"properties": {"a": r, "b": r}, "allOf": [r]}),
        );
    }
    let d = json!({"definitions": defs});
    let sw = Swagger::new(&d);
    let mut visits = 0usize;
    sw.walk_resolved(&d["definitions"]["D40"], "/definitions/D40", &mut |_, _| {
        visits += 1
    });
    // Each definition, its `x` and the inline `a`/`b`/allOf wrappers resolve to the
    // definitions themselves: one visit per schema written.
    assert_eq!(visits, 42);
}

fn doc() -> Value {
    json!({
        "swagger": "2.0",
        "parameters": {"Id": {"name": "id", "in": "path", "required": true, "type": "string"}},
        "definitions": {
            "Item": {"type": "object", "properties": {"id": {"type": "string"}, "child": {"$ref": "#/definitions/Item"}}},
            "Loop": {"$ref": "#/definitions/Loop"}
        },
        "paths": {
            "/items/{id}": {
                "parameters": [{"$ref": "#/parameters/Id"}, {"name": "q", "in": "query", "type": "string"}],
                "get": {
                    "operationId": "GetItem",
                    "parameters": [{"name": "q", "in": "query", "type": "integer"}],
                    "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Item"}}}
                }
            },
            "/bad": "not an object"
        }
    })
}

#[test]
fn operations_merge_and_resolve_parameters() {
    let d = doc();
    let s = Swagger::new(&d);
    assert_eq!(s.operations.len(), 1);
    let op = &s.operations[0];
    assert_eq!(op.pointer, "/paths/~1items~1{id}/get");
    let names: Vec<_> = op
        .params
        .iter()
        .map(|p| (p.name.unwrap(), p.from_path_item))
        .collect();
    assert_eq!(names, vec![("q", false), ("id", true)]);
    let id = &op.params[1];
    assert_eq!(id.target, "/parameters/Id");
    assert_eq!(id.pointer, "/paths/~1items~1{id}/parameters/0");
    assert_eq!(id.field("required"), "/parameters/Id/required");
}

#[test]
fn resolution_detects_cycles_and_missing_targets() {
    let d = doc();
    let s = Swagger::new(&d);
    let lp = d.pointer("/definitions/Loop").unwrap();
    assert!(matches!(
        s.resolve(lp, "/definitions/Loop"),
        Err(RefError::Cycle(_))
    ));
    let missing = json!({"$ref": "#/definitions/Nope"});
    assert!(matches!(
        s.resolve(&missing, "/x"),
        Err(RefError::NotFound(_))
    ));
    let remote = json!({"$ref": "other.json#/x"});
    assert!(matches!(s.resolve(&remote, "/x"), Err(RefError::Remote(_))));
    let bad = json!({"$ref": 5});
    assert!(matches!(s.resolve(&bad, "/x"), Err(RefError::Invalid(_))));
}

#[test]
fn long_reference_chains_are_capped_and_resolved_once() {
    // A0 -> A1 -> ... -> A99999 -> a schema, plus B0 -> B1 -> B2 -> B1 and C -> nothing.
    let n = 100_000;
    let mut defs = serde_json::Map::new();
    for k in 0..n - 1 {
        defs.insert(
            format!("A{k}"),
            json!({"$ref": format!("#/definitions/A{}", k + 1)}),
        );
    }
    defs.insert(format!("A{}", n - 1), json!({"type": "object"}));
    defs.insert("B0".into(), json!({"$ref": "#/definitions/B1"}));
    defs.insert("B1".into(), json!({"$ref": "#/definitions/B2"}));
    defs.insert("B2".into(), json!({"$ref": "#/definitions/B1"}));
    defs.insert("C".into(), json!({"$ref": "#/definitions/Gone"}));
    let d = json!({"definitions": defs});
    let s = Swagger::new(&d);
    let def = |k: &str| (&d["definitions"][k], format!("/definitions/{k}"));
    let (a0, at) = def("A0");
    assert!(matches!(s.resolve(a0, &at), Err(RefError::TooLong(_))));
    // Every link is answered from the first walk: the definitions 65 references or fewer
    // from the end still resolve (A(n-66) follows 65 pointers, the most the cap allows).
    for k in 0..n - 1 {
        let (v, at) = def(&format!("A{k}"));
        let r = s.resolve(v, &at);
        if n - 1 - k > MAX_REF_CHAIN + 1 {
            assert!(matches!(r, Err(RefError::TooLong(_))), "A{k}: {r:?}");
        } else {
            assert_eq!(r.unwrap().1, format!("/definitions/A{}", n - 1), "A{k}");
        }
    }
    for b in ["B0", "B1", "B2"] {
        let (v, at) = def(b);
        assert!(matches!(s.resolve(v, &at), Err(RefError::Cycle(_))), "{b}");
    }
    let (c, at) = def("C");
    assert_eq!(
        s.resolve(c, &at),
        Err(RefError::NotFound("#/definitions/Gone".into()))
    );
}

#[test]
fn recursive_schemas_walk_once() {
    let d = doc();
    let s = Swagger::new(&d);
    let op = &s.operations[0];
    let (schema, ptr) = s.success_schema(op).unwrap();
    assert_eq!(ptr, "/definitions/Item");
    let mut seen = Vec::new();
    s.walk_resolved(schema, &ptr, &mut |_, p| seen.push(p.to_string()));
    // The recursive `child` is not followed back into Item.
    assert_eq!(
        seen,
        vec![
            "/definitions/Item".to_string(),
            "/definitions/Item/properties/id".to_string()
        ]
    );
    let (id, at) = s.schema_at(schema, &ptr, &["child", "id"]).unwrap();
    assert_eq!(id["type"], "string");
    assert_eq!(at, "/definitions/Item/properties/id");
}

#[test]
fn schema_nodes_cover_definitions_and_responses() {
    let d = doc();
    let s = Swagger::new(&d);
    let ptrs: Vec<_> = s
        .schema_nodes()
        .iter()
        .map(|n| n.pointer.as_str())
        .collect();
    assert!(ptrs.contains(&"/definitions/Item/properties/id"));
    assert!(ptrs.contains(&"/paths/~1items~1{id}/get/responses/200/schema"));
    assert_eq!(s.param_nodes().len(), 3);
}

#[test]
fn any_json_is_tolerated() {
    for v in [
        json!(null),
        json!([1, 2]),
        json!({"paths": []}),
        json!({"paths": {"/a": {"get": 5, "parameters": "x"}}}),
    ] {
        let s = Swagger::new(&v);
        let _ = s.schema_nodes();
        let _ = s.param_nodes();
        let _ = s.response_nodes();
    }
}

#[test]
fn media_types_and_annotations_are_read_once_here() {
    assert_eq!(
        super::mime_essence(" Application/JSON; charset=utf-8"),
        "application/json"
    );
    let root = serde_json::json!({
        "consumes": ["application/json"],
        "paths": {"/a": {
            "x-ms-notification-content": {"schema": {}},
            "post": {"operationId": "A", "consumes": "text/plain",
                "x-ms-api-annotation": {"family": "A", "revision": "2"}},
            "get": {"operationId": "B", "consumes": ["text/plain"],
                "x-ms-api-annotation": {"family": "A", "revision": ""}}
        }}
    });
    let sw = Swagger::new(&root);
    let a = sw.operation_by_id("A").unwrap();
    let b = sw.operation_by_id("B").unwrap();
    // A non-array operation-level list falls back to the document's.
    assert_eq!(sw.media_types(a, "consumes"), ["application/json"]);
    assert_eq!(sw.media_types(b, "consumes"), ["text/plain"]);
    assert!(sw.media_types(a, "produces").is_empty());
    assert_eq!((a.family(), a.revision_number()), (Some("A"), Some(2)));
    assert_eq!((b.family(), b.revision()), (Some("A"), None));
    assert!(a.has_notification_content() && b.has_notification_content());
}

#[test]
fn path_templates() {
    assert_eq!(
        template_variables("/a/{x}/b/{y}.json").unwrap(),
        vec!["x", "y"]
    );
    assert!(template_variables("/a/{x").is_err());
    assert!(template_variables("/a/x}").is_err());
    assert!(template_variables("/a/{x/y}").is_err());
    assert!(template_variables("/a/{}").is_err());
    assert_eq!(path_shape("/Tasks/{id}/"), "/tasks/{}/");
}
