//! One old/new pair per diff rule: the pair must report the rule, the unchanged document must
//! not. Plus structural cases ($ref renames, cycles, reformatting) and accepted changes.

use serde_json::{Value, json};

use super::*;
use crate::model::pointer;

fn base() -> Value {
    json!({
        "swagger": "2.0",
        "info": {"title": "Contoso", "description": "Tasks", "version": "1.0"},
        "host": "api.contoso.com",
        "basePath": "/v1",
        "schemes": ["https"],
        "consumes": ["application/json"],
        "securityDefinitions": {"oauth": {"type": "oauth2", "flow": "accessCode",
            "authorizationUrl": "https://login/a", "tokenUrl": "https://login/t",
            "scopes": {"read": "Read"}}},
        "paths": {
            "/items/{id}": {
                "get": {
                    "operationId": "GetItem", "summary": "Get item", "description": "Gets an item.",
                    "x-ms-api-annotation": {"family": "GetItem", "revision": 1},
                    "parameters": [
                        {"name": "id", "in": "path", "required": true, "type": "string"},
                        {"name": "filter", "in": "query", "required": false, "type": "string",
                         "enum": ["a", "b"], "maxLength": 10, "default": "a"},
                        {"name": "fields", "in": "query", "type": "array", "collectionFormat": "csv",
                         "items": {"type": "string"}},
                        {"name": "top", "in": "query", "type": "integer", "format": "int32"}
                    ],
                    "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/Item"}},
                                  "404": {"description": "Not found"}}
                }
            },
            "/items": {
                "post": {
                    "operationId": "CreateItem", "summary": "Create item",
                    "parameters": [{"name": "body", "in": "body", "required": true,
                                    "schema": {"$ref": "#/definitions/NewItem"}}],
                    "responses": {"201": {"description": "Created", "schema": {"$ref": "#/definitions/Item"}}}
                }
            },
            "/kinds": {
                "get": {"operationId": "ListKinds", "x-ms-visibility": "internal",
                        "responses": {"200": {"description": "OK", "schema": {"type": "array", "items": {"type": "string"}}}}}
            },
            "/hooks": {
                "x-ms-notification-content": {"schema": {"$ref": "#/definitions/Item"}},
                "post": {"operationId": "OnItem", "x-ms-trigger": "single",
                         "parameters": [{"name": "body", "in": "body", "schema": {"type": "object",
                            "properties": {"url": {"type": "string", "x-ms-notification-url": true}}}}],
                         "responses": {"201": {"description": "Created"}}}
            },
            "/poll": {
                "get": {"operationId": "OnNew", "x-ms-trigger": "batch",
                        "responses": {"200": {"description": "OK", "schema": {"type": "array", "items": {"$ref": "#/definitions/Item"}}}}}
            }
        },
        "definitions": {
            "Item": {"type": "object", "properties": {
                "id": {"type": "string"},
                "status": {"type": "string", "enum": ["open", "closed"]},
                "size": {"type": "integer", "format": "int32"},
                "parent": {"$ref": "#/definitions/Item"},
                "tags": {"type": "array", "items": {"type": "object", "properties": {"label": {"type": "string"}}}}
            }},
            "NewItem": {"type": "object", "required": ["name"], "properties": {
                "name": {"type": "string", "description": "Name"},
                "kind": {"type": "string", "x-ms-dynamic-values": {"operationId": "ListKinds", "value-path": "id"}},
                "note": {"type": "string"}
            }}
        }
    })
}

fn base_props() -> Value {
    json!({"properties": {
        "connectionParameters": {
            "token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "aad", "scopes": ["read"]}},
            "region": {"type": "string", "uiDefinition": {"constraints": {"required": "false"}}}
        },
        "policyTemplateInstances": [{"templateId": "routerequesttoendpoint", "parameters": {"x-ms-apimTemplate-operationName": ["GetItem"]}}],
        "publisher": "Contoso"
    }})
}

fn side(def: &Value, props: Option<&Value>) -> Side {
    let f = |v: &Value, name: &str| {
        DataFile::from_text(
            name.into(),
            name.into(),
            serde_json::to_string_pretty(v).unwrap(),
            Vec::new(),
            false,
        )
    };
    Side {
        label: "x".into(),
        definition: Some(f(def, "apiDefinition.swagger.json")),
        properties: props.map(|p| f(p, "apiProperties.json")),
    }
}

fn codes(old: &Value, new: &Value) -> Vec<&'static str> {
    let r = diff(&side(old, None), &side(new, None));
    r.changes.iter().map(|c| c.rule.code).collect()
}

fn prop_codes(old: &Value, new: &Value) -> Vec<&'static str> {
    let b = base();
    let r = diff(&side(&b, Some(old)), &side(&b, Some(new)));
    r.changes.iter().map(|c| c.rule.code).collect()
}

/// Set (creating objects on the way) or, with `None`, delete the value at `ptr`.
fn set(v: &mut Value, ptr: &str, to: Option<Value>) {
    let toks = pointer::tokens(ptr).unwrap();
    let (last, parents) = toks.split_last().unwrap();
    let mut cur = v;
    for t in parents {
        cur = match cur {
            Value::Array(a) => &mut a[t.parse::<usize>().unwrap()],
            Value::Object(m) => m.entry(t.clone()).or_insert(json!({})),
            _ => panic!("bad pointer {ptr}"),
        };
    }
    match (cur, to) {
        (Value::Object(m), Some(x)) => {
            m.insert(last.clone(), x);
        }
        (Value::Object(m), None) => {
            m.shift_remove(last);
        }
        (Value::Array(a), Some(x)) => a[last.parse::<usize>().unwrap()] = x,
        (Value::Array(a), None) => {
            a.remove(last.parse::<usize>().unwrap());
        }
        _ => panic!("bad pointer {ptr}"),
    }
}

const GET: &str = "/paths/~1items~1{id}/get";
const FILTER: &str = "/paths/~1items~1{id}/get/parameters/1";
const NEWITEM: &str = "/definitions/NewItem";
const ITEM: &str = "/definitions/Item";

type Edit = fn(&mut Value, &mut Value);

/// (rule code, edit of old and new definition). Every definition rule has one.
fn definition_cases() -> Vec<(&'static str, Edit)> {
    vec![
        ("OperationDeleted", |_, n| set(n, "/paths/~1items", None)),
        ("DeprecatedOperationDeleted", |o, n| {
            set(o, "/paths/~1items/post/deprecated", Some(json!(true)));
            set(n, "/paths/~1items", None);
        }),
        ("OperationDeletedWithNewerRevision", |_, n| {
            let mut v2 = n.pointer(GET).unwrap().clone();
            set(&mut v2, "/operationId", Some(json!("GetItem_V2")));
            set(&mut v2, "/x-ms-api-annotation/revision", Some(json!(2)));
            set(n, "/paths/~1v2~1items~1{id}", Some(json!({"get": v2})));
            set(n, "/paths/~1items~1{id}", None);
        }),
        ("OperationAdded", |_, n| {
            set(
                n,
                "/paths/~1other",
                Some(json!({"get": {"operationId": "Other", "responses": {}}})),
            )
        }),
        ("PathTemplateChanged", |_, n| {
            let p = n.pointer("/paths/~1items").unwrap().clone();
            set(n, "/paths/~1items", None);
            set(n, "/paths/~1things", Some(p));
        }),
        ("MethodChanged", |_, n| {
            let p = n.pointer("/paths/~1items/post").unwrap().clone();
            set(n, "/paths/~1items/post", None);
            set(n, "/paths/~1items/put", Some(p));
        }),
        ("OperationKindChanged", |_, n| {
            set(n, "/paths/~1poll/get/x-ms-trigger", None)
        }),
        ("TriggerCardinalityChanged", |_, n| {
            set(n, "/paths/~1poll/get/x-ms-trigger", Some(json!("single")))
        }),
        ("TriggerMechanismChanged", |_, n| {
            set(n, "/paths/~1hooks/x-ms-notification-content", None)
        }),
        ("OperationMadeInternal", |_, n| {
            set(
                n,
                &format!("{GET}/x-ms-visibility"),
                Some(json!("internal")),
            )
        }),
        ("OperationDeprecated", |_, n| {
            set(n, &format!("{GET}/deprecated"), Some(json!(true)))
        }),
        ("ApiAnnotationFamilyChanged", |_, n| {
            set(
                n,
                &format!("{GET}/x-ms-api-annotation/family"),
                Some(json!("Other")),
            )
        }),
        ("ApiAnnotationRevisionChanged", |_, n| {
            set(
                n,
                &format!("{GET}/x-ms-api-annotation/revision"),
                Some(json!(2)),
            )
        }),
        ("ConsumesNarrowed", |_, n| {
            set(
                n,
                "/paths/~1items/post/consumes",
                Some(json!(["text/plain"])),
            )
        }),
        ("ParameterLocationChanged", |_, n| {
            set(n, &format!("{FILTER}/in"), Some(json!("header")))
        }),
        ("RequiredInputAdded", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/owner"),
                Some(json!({"type": "string"})),
            );
            set(
                n,
                &format!("{NEWITEM}/required"),
                Some(json!(["name", "owner"])),
            );
        }),
        ("RequiredInputAddedWithDefault", |_, n| {
            let mut ps = n.pointer(&format!("{GET}/parameters")).unwrap().clone();
            ps.as_array_mut().unwrap().push(json!({"name": "api-version", "in": "query", "required": true, "type": "string", "default": "2024"}));
            set(n, &format!("{GET}/parameters"), Some(ps));
        }),
        ("OptionalInputAdded", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/extra"),
                Some(json!({"type": "string"})),
            )
        }),
        ("InputRemoved", |_, n| {
            set(n, &format!("{NEWITEM}/properties/note"), None)
        }),
        ("InputBecameRequired", |_, n| {
            set(n, &format!("{FILTER}/required"), Some(json!(true)))
        }),
        ("InputBecameOptional", |_, n| {
            set(n, &format!("{NEWITEM}/required"), Some(json!([])))
        }),
        ("InputEnumValueRemoved", |_, n| {
            set(n, &format!("{FILTER}/enum"), Some(json!(["a"])))
        }),
        ("InputEnumAdded", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/note/enum"),
                Some(json!(["x"])),
            )
        }),
        ("InputEnumValueAdded", |_, n| {
            set(n, &format!("{FILTER}/enum"), Some(json!(["a", "b", "c"])))
        }),
        ("InputEnumRemoved", |_, n| {
            set(n, &format!("{FILTER}/enum"), None)
        }),
        ("InputTypeChanged", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/note/type"),
                Some(json!("integer")),
            )
        }),
        ("InputFormatChanged", |_, n| {
            set(
                n,
                &format!("{GET}/parameters/3/format"),
                Some(json!("int64")),
            )
        }),
        ("InputMadeInternal", |_, n| {
            set(
                n,
                &format!("{NEWITEM}/properties/note/x-ms-visibility"),
                Some(json!("internal")),
            )
        }),
        ("InputDefaultChanged", |_, n| {
            set(n, &format!("{FILTER}/default"), Some(json!("b")))
        }),
        ("InputCollectionFormatChanged", |_, n| {
            set(
                n,
                &format!("{GET}/parameters/2/collectionFormat"),
                Some(json!("multi")),
            )
        }),
        ("InputConstraintTightened", |_, n| {
            set(n, &format!("{FILTER}/maxLength"), Some(json!(5)))
        }),
        ("OutputPropertyDeleted", |_, n| {
            set(n, &format!("{ITEM}/properties/size"), None)
        }),
        ("OutputTypeChanged", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/size/type"),
                Some(json!("string")),
            )
        }),
        ("OutputFormatChanged", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/id/format"),
                Some(json!("uuid")),
            )
        }),
        ("OutputEnumRemoved", |_, n| {
            set(n, &format!("{ITEM}/properties/status/enum"), None)
        }),
        ("OutputEnumValueAdded", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/status/enum"),
                Some(json!(["open", "closed", "archived"])),
            )
        }),
        ("OutputPropertyAdded", |_, n| {
            set(
                n,
                &format!("{ITEM}/properties/created"),
                Some(json!({"type": "string"})),
            )
        }),
        ("OutputSchemaRemoved", |_, n| {
            set(n, &format!("{GET}/responses/200/schema"), None)
        }),
        ("ResponseStatusChanged", |_, n| {
            let r = n.pointer(&format!("{GET}/responses/200")).unwrap().clone();
            set(n, &format!("{GET}/responses/200"), None);
            set(n, &format!("{GET}/responses/202"), Some(r));
        }),
        ("ResponseRemoved", |_, n| {
            set(n, &format!("{GET}/responses/404"), None)
        }),
        ("DynamicTargetRemoved", |_, n| {
            set(n, "/paths/~1kinds", None)
        }),
        ("HostChanged", |_, n| {
            set(n, "/host", Some(json!("api2.contoso.com")))
        }),
        ("BasePathChanged", |_, n| {
            set(n, "/basePath", Some(json!("/v2")))
        }),
        ("SchemeRemoved", |o, _| {
            set(o, "/schemes", Some(json!(["http", "https"])))
        }),
        ("AuthenticationTypeChanged", |_, n| {
            set(
                n,
                "/securityDefinitions",
                Some(json!({"key": {"type": "apiKey", "in": "header", "name": "X-Key"}})),
            )
        }),
        ("SecurityDefinitionRemoved", |_, n| {
            set(n, "/securityDefinitions", None)
        }),
        ("SecurityDefinitionAdded", |o, _| {
            set(o, "/securityDefinitions", None)
        }),
        ("OAuthScopesChanged", |_, n| {
            set(
                n,
                "/securityDefinitions/oauth/scopes",
                Some(json!({"write": "Write"})),
            )
        }),
        ("TextChanged", |_, n| {
            set(n, &format!("{GET}/summary"), Some(json!("Get one item")))
        }),
    ]
}

fn properties_cases() -> Vec<(&'static str, Edit)> {
    const CP: &str = "/properties/connectionParameters";
    vec![
        ("ConnectionParameterAdded", |_, n| {
            set(
                n,
                &format!("{CP}/apiKey"),
                Some(
                    json!({"type": "securestring", "uiDefinition": {"constraints": {"required": "true"}}}),
                ),
            )
        }),
        ("OptionalConnectionParameterAdded", |_, n| {
            set(n, &format!("{CP}/tenant"), Some(json!({"type": "string"})))
        }),
        ("ConnectionParameterRemoved", |_, n| {
            set(n, &format!("{CP}/region"), None)
        }),
        ("ConnectionParameterMadeRequired", |_, n| {
            set(
                n,
                &format!("{CP}/region/uiDefinition/constraints/required"),
                Some(json!("true")),
            )
        }),
        ("ConnectionParameterTypeChanged", |_, n| {
            set(n, &format!("{CP}/region/type"), Some(json!("securestring")))
        }),
        ("IdentityProviderChanged", |_, n| {
            set(
                n,
                &format!("{CP}/token/oAuthSettings/identityProvider"),
                Some(json!("oauth2")),
            )
        }),
        ("ConnectionParameterSetsChanged", |_, n| {
            set(
                n,
                "/properties/connectionParameterSets",
                Some(json!({"uiDefinition": {}, "values": [{"name": "oauth", "parameters": {}}]})),
            )
        }),
        ("PolicyTemplatesChanged", |_, n| {
            set(n, "/properties/policyTemplateInstances", Some(json!([])))
        }),
    ]
}

#[test]
fn unchanged_documents_have_no_changes() {
    assert_eq!(codes(&base(), &base()), Vec::<&str>::new());
    assert_eq!(prop_codes(&base_props(), &base_props()), Vec::<&str>::new());
}

#[test]
fn every_definition_rule_fires_on_its_pair_and_not_on_identical_documents() {
    for (code, edit) in definition_cases() {
        let (mut o, mut n) = (base(), base());
        edit(&mut o, &mut n);
        let got = codes(&o, &n);
        assert!(got.contains(&code), "{code}: expected in {got:?}");
        assert!(
            !codes(&n, &n).contains(&code),
            "{code} on identical documents"
        );
    }
}

#[test]
fn every_properties_rule_fires_on_its_pair_and_not_on_identical_documents() {
    for (code, edit) in properties_cases() {
        let (mut o, mut n) = (base_props(), base_props());
        edit(&mut o, &mut n);
        let got = prop_codes(&o, &n);
        assert!(got.contains(&code), "{code}: expected in {got:?}");
        assert!(
            !prop_codes(&n, &n).contains(&code),
            "{code} on identical documents"
        );
    }
}

#[test]
fn every_registered_rule_has_a_test_pair() {
    let tested: Vec<&str> = definition_cases()
        .iter()
        .chain(properties_cases().iter())
        .map(|(c, _)| *c)
        .collect();
    for r in rules::RULES {
        assert!(tested.contains(&r.code), "{} has no test pair", r.code);
        assert!(
            r.code
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase())
                && !r.code.contains(['_', '-', ' ']),
            "{} is not PascalCase",
            r.code
        );
    }
    let mut codes: Vec<&str> = rules::RULES.iter().map(|r| r.code).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), rules::RULES.len(), "duplicate diff rule code");
    assert!(rules::RULES.len() >= 40);
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
        assert!(render::text_diff(&a, &b).is_empty());
    }
    // A real change does show in the text diff.
    let mut n = o.clone();
    set(&mut n, "/host", Some(json!("x")));
    assert!(render::text_diff(&a, &side(&n, None)).contains("+  \"host\": \"x\""));
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
    assert!(render::text(&r, false).contains("accepted: announced in March"));
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
fn json_render_has_the_documented_shape() {
    let mut n = base();
    set(&mut n, &format!("{ITEM}/properties/size"), None);
    let r = diff(&side(&base(), None), &side(&n, None));
    let v: Value = serde_json::from_str(&render::json(&r, None)).unwrap();
    assert_eq!(v["schema_version"], 1);
    let c = &v["changes"][0];
    for k in ["code", "severity", "operation", "old", "new", "message"] {
        assert!(c.get(k).is_some(), "missing {k}");
    }
    assert_eq!(c["severity"], "breaking");
    assert!(c["old"]["line"].as_u64().unwrap() > 0);
    assert_eq!(
        v["summary"]["breaking"].as_u64().unwrap() as usize,
        r.summary().breaking
    );
    let gh = render::github(&r);
    assert!(
        gh.starts_with("::error file=x/apiDefinition.swagger.json,line="),
        "{gh}"
    );
    let az = render::azure(&r);
    assert!(
        az.starts_with("##vso[task.logissue type=error;sourcepath="),
        "{az}"
    );
    assert!(
        render::markdown(&r, None).contains("| 🛑 breaking | pipeline | `OutputPropertyDeleted`")
    );
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

#[test]
fn error_response_schemas_are_not_outputs() {
    let mut o = base();
    set(
        &mut o,
        &format!("{GET}/responses/404/schema"),
        Some(json!({"type": "object", "properties": {"error": {"type": "string"}}})),
    );
    let mut n = o.clone();
    set(&mut n, &format!("{GET}/responses/404/schema"), None);
    assert_eq!(codes(&o, &n), Vec::<&str>::new());
    // The same removal on the success response is breaking.
    set(&mut n, &format!("{GET}/responses/200/schema"), None);
    assert_eq!(codes(&o, &n), vec!["OutputSchemaRemoved"]);
}

mod fidelity;
