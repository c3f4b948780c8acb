//! What crosses rules: unchanged documents, structural cases ($ref renames, cycles, `allOf`,
//! reformatting, shared definitions), positions, renders and accepted changes. Each rule's own
//! cases (reported, and near-misses) are in its file, `rules/<snake_code>.rs`.

use super::testing::*;
use super::*;

#[test]
fn unchanged_documents_have_no_changes() {
    assert_eq!(codes(&base(), &base()), Vec::<&str>::new());
    assert_eq!(prop_codes(&base_props(), &base_props()), Vec::<&str>::new());
}

#[test]
fn a_renamed_but_identical_definition_is_no_change() {
    let mut n = base();
    let item = n.pointer(ITEM).unwrap().clone();
    set(&mut n, ITEM, None);
    set(&mut n, "/definitions/Thing", Some(item));
    let text = serde_json::to_string(&n)
        .unwrap()
        .replace("#/definitions/Item", "#/definitions/Thing");
    let n: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(codes(&base(), &n), Vec::<&str>::new());
    // Inlining a referenced schema is no change either; changing it inside is.
    let mut inl = base();
    let item = inl.pointer(ITEM).unwrap().clone();
    set(
        &mut inl,
        "/paths/~1items/post/responses/201/schema",
        Some(item),
    );
    assert_eq!(codes(&base(), &inl), Vec::<&str>::new());
    set(
        &mut inl,
        "/paths/~1items/post/responses/201/schema/properties/id/type",
        Some(json!("integer")),
    );
    assert_eq!(codes(&base(), &inl), vec!["OutputTypeChanged"]);
}

#[test]
fn nested_array_items_are_compared() {
    let mut n = base();
    set(
        &mut n,
        &format!("{ITEM}/properties/tags/items/properties/label"),
        None,
    );
    let r = diff(&side(&base(), None), &side(&n, None));
    let c = r
        .changes
        .iter()
        .find(|c| c.rule.code == "OutputPropertyDeleted")
        .unwrap();
    assert!(c.message.contains("tags/items/label"), "{}", c.message);
    assert_eq!(
        c.old.as_ref().unwrap().pointer,
        format!("{ITEM}/properties/tags/items/properties/label")
    );
    assert!(c.old.as_ref().unwrap().line > 1);
}

#[test]
fn recursive_and_cyclic_schemas_terminate() {
    let mut o = base();
    set(
        &mut o,
        "/definitions/Loop",
        Some(json!({"$ref": "#/definitions/Loop"})),
    );
    set(
        &mut o,
        &format!("{ITEM}/properties/loop"),
        Some(json!({"$ref": "#/definitions/Loop"})),
    );
    set(
        &mut o,
        "/definitions/A",
        Some(json!({"allOf": [{"$ref": "#/definitions/B"}]})),
    );
    set(
        &mut o,
        "/definitions/B",
        Some(
            json!({"allOf": [{"$ref": "#/definitions/A"}], "properties": {"x": {"type": "string"}}}),
        ),
    );
    set(
        &mut o,
        &format!("{ITEM}/properties/a"),
        Some(json!({"$ref": "#/definitions/A"})),
    );
    let mut n = o.clone();
    assert_eq!(codes(&o, &n), Vec::<&str>::new());
    set(
        &mut n,
        "/definitions/B/properties/x/type",
        Some(json!("integer")),
    );
    assert!(codes(&o, &n).contains(&"OutputTypeChanged"));
}

#[test]
fn allof_properties_count_as_the_schema_properties() {
    let mut n = base();
    set(
        &mut n,
        ITEM,
        Some(json!({"allOf": [
        {"$ref": "#/definitions/Base"},
        {"properties": {"status": {"type": "string", "enum": ["open", "closed"]}, "size": {"type": "integer", "format": "int32"},
          "parent": {"$ref": "#/definitions/Item"},
          "tags": {"type": "array", "items": {"type": "object", "properties": {"label": {"type": "string"}}}}}}
    ], "type": "object"})),
    );
    set(
        &mut n,
        "/definitions/Base",
        Some(json!({"type": "object", "properties": {"id": {"type": "string"}}})),
    );
    assert_eq!(codes(&base(), &n), Vec::<&str>::new());
}

#[test]
fn key_reordering_and_reformatting_give_no_changes() {
    let o = base();
    let sorted = compare::sorted(&o);
    let reversed = reverse_keys(&o);
    let a = side(&o, None);
    for text in [
        serde_json::to_string(&sorted).unwrap(),
        serde_json::to_string_pretty(&reversed)
            .unwrap()
            .replace("  ", "\t"),
    ] {
        let b = Side {
            label: "y".into(),
            definition: Some(DataFile::from_text(
                "n.json".into(),
                "n.json".into(),
                text,
                Vec::new(),
                false,
            )),
            properties: None,
        };
        assert!(diff(&a, &b).changes.is_empty());
    }
}

fn reverse_keys(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .rev()
                .map(|(k, v)| (k.clone(), reverse_keys(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(reverse_keys).collect()),
        o => o.clone(),
    }
}

#[test]
fn parameter_reordering_is_no_change_and_rename_is_hinted() {
    let mut n = base();
    let mut ps = n
        .pointer(&format!("{GET}/parameters"))
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    ps.reverse();
    set(&mut n, &format!("{GET}/parameters"), Some(Value::Array(ps)));
    assert_eq!(codes(&base(), &n), Vec::<&str>::new());
    set(
        &mut n,
        &format!("{GET}/operationId"),
        Some(json!("GetItemV2")),
    );
    let r = diff(&side(&base(), None), &side(&n, None));
    let del = r
        .changes
        .iter()
        .find(|c| c.rule.code == "OperationDeleted")
        .unwrap();
    assert!(
        del.message.contains("looks like a rename to 'GetItemV2'"),
        "{}",
        del.message
    );
    let add = r
        .changes
        .iter()
        .find(|c| c.rule.code == "OperationAdded")
        .unwrap();
    assert!(
        add.message.contains("looks like a rename of 'GetItem'"),
        "{}",
        add.message
    );
}

#[test]
fn positions_point_into_both_files() {
    let mut n = base();
    set(&mut n, "/paths/~1items", None);
    let r = diff(&side(&base(), None), &side(&n, None));
    let c = &r.changes[0];
    assert_eq!(c.old.as_ref().unwrap().pointer, "/paths/~1items/post");
    // Deleted in new: the nearest existing parent, so annotations still have a line.
    assert_eq!(c.new.as_ref().unwrap().pointer, "/paths");
    assert!(c.old.as_ref().unwrap().line > 1 && c.new.as_ref().unwrap().line > 1);
}

#[test]
fn accepted_changes_do_not_fail() {
    let mut n = base();
    set(&mut n, "/paths/~1items", None);
    let mut r = diff(&side(&base(), None), &side(&n, None));
    assert!(r.has_at_least(DiffSeverity::Breaking));
    let entries = accept::parse(
        "[[accept]]\ncode = \"OperationDeleted\"\noperation = \"CreateItem\"\nreason = \"announced in March\"\n\n[[accept]]\ncode = \"HostChanged\"\nreason = \"unused\"\n",
    )
    .unwrap();
    let unused = accept::apply(&mut r.changes, &entries);
    assert!(!r.has_at_least(DiffSeverity::Breaking));
    assert_eq!(r.summary().accepted, 1);
    assert_eq!(unused.len(), 1);
    // Another operation's entry does not match.
    let mut r2 = diff(&side(&base(), None), &side(&n, None));
    let other = accept::parse(
        "[[accept]]\ncode = \"OperationDeleted\"\noperation = \"GetItem\"\nreason = \"x\"\n",
    )
    .unwrap();
    accept::apply(&mut r2.changes, &other);
    assert!(r2.has_at_least(DiffSeverity::Breaking));
}

#[test]
fn accept_file_requires_reason_and_known_code() {
    assert!(accept::parse("[[accept]]\ncode = \"OperationDeleted\"\n").is_err());
    assert!(accept::parse("[[accept]]\ncode = \"OperationDeleted\"\nreason = \" \"\n").is_err());
    assert!(accept::parse("[[accept]]\ncode = \"NoSuchRule\"\nreason = \"x\"\n").is_err());
    assert!(accept::parse("[[accept]]\ncode = \"OperationDeleted\"\nreason = \"x\"\n").is_ok());
}

#[test]
fn any_json_is_tolerated() {
    let weird = [
        json!(null),
        json!([1, 2]),
        json!({"paths": []}),
        json!({"paths": {"/a": {"get": 5, "parameters": "x"}}}),
        json!({"paths": {"/a": {"get": {"operationId": 5, "parameters": [{"$ref": 3}], "responses": {"200": {"schema": {"$ref": "#/nope"}}}}}}}),
        json!({"securityDefinitions": {"a": 5}, "definitions": {"X": {"properties": 5, "required": "x", "items": [1]}}}),
    ];
    for a in &weird {
        for b in weird.iter().chain([base()].iter()) {
            let _ = diff(&side(a, Some(b)), &side(b, Some(a)));
        }
    }
}

#[test]
fn a_shared_definition_change_is_reported_for_every_operation_using_it() {
    let mut n = base();
    set(
        &mut n,
        &format!("{ITEM}/properties/size/type"),
        Some(json!("string")),
    );
    let r = diff(&side(&base(), None), &side(&n, None));
    let mut ops: Vec<&str> = r
        .changes
        .iter()
        .filter(|c| c.rule.code == "OutputTypeChanged")
        .map(|c| c.operation.as_str())
        .collect();
    ops.sort();
    assert_eq!(ops, ["CreateItem", "GetItem", "OnItem", "OnNew"]);
    // Unchanged, the same definition reached four times reports nothing.
    assert!(diff(&side(&n, None), &side(&n, None)).changes.is_empty());
}

mod fidelity;
