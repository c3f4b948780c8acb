//! What the diff tests share: a small connector ([`base`], [`base_props`]) that exercises
//! every diff rule, an editor of JSON by pointer ([`set`]), and assertions that run the real
//! engine ([`super::diff`]) on an old/new pair made by editing two copies of it. Each rule's
//! file (`rules/<snake_code>.rs`) tests its code with these, in a few lines per case.

pub(crate) use serde_json::{Value, json};

pub(crate) use super::{DiffSeverity, Side, diff};
use crate::model::DataFile;
use crate::model::pointer;

pub(crate) fn base() -> Value {
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

pub(crate) fn base_props() -> Value {
    json!({"properties": {
        "connectionParameters": {
            "token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "aad", "scopes": ["read"]}},
            "region": {"type": "string", "uiDefinition": {"constraints": {"required": "false"}}}
        },
        "policyTemplateInstances": [{"templateId": "routerequesttoendpoint", "parameters": {"x-ms-apimTemplate-operationName": ["GetItem"]}}],
        "publisher": "Contoso"
    }})
}

pub(crate) fn side(def: &Value, props: Option<&Value>) -> Side {
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

pub(crate) fn codes(old: &Value, new: &Value) -> Vec<&'static str> {
    let r = diff(&side(old, None), &side(new, None));
    r.changes.iter().map(|c| c.rule.code).collect()
}

pub(crate) fn prop_codes(old: &Value, new: &Value) -> Vec<&'static str> {
    let b = base();
    let r = diff(&side(&b, Some(old)), &side(&b, Some(new)));
    r.changes.iter().map(|c| c.rule.code).collect()
}

/// Set (creating objects on the way) or, with `None`, delete the value at `ptr`.
pub(crate) fn set(v: &mut Value, ptr: &str, to: Option<Value>) {
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

pub(crate) const GET: &str = "/paths/~1items~1{id}/get";
pub(crate) const FILTER: &str = "/paths/~1items~1{id}/get/parameters/1";
pub(crate) const NEWITEM: &str = "/definitions/NewItem";
pub(crate) const ITEM: &str = "/definitions/Item";

/// The codes the engine reports between two copies of [`base`] edited as old and new.
pub(crate) fn reported(edit: impl FnOnce(&mut Value, &mut Value)) -> Vec<&'static str> {
    let (mut o, mut n) = (base(), base());
    edit(&mut o, &mut n);
    codes(&o, &n)
}

/// `code` is reported on the pair made by `edit` from [`base`], and not between the new
/// document and itself.
#[track_caller]
pub(crate) fn assert_reports(code: &str, edit: impl FnOnce(&mut Value, &mut Value)) {
    let (mut o, mut n) = (base(), base());
    edit(&mut o, &mut n);
    let got = codes(&o, &n);
    assert!(got.contains(&code), "{code}: expected in {got:?}");
    assert!(
        !codes(&n, &n).contains(&code),
        "{code} on identical documents"
    );
}

/// [`assert_reports`], and the change rendered as `connkit diff` prints it (text, no colour)
/// is the rule's snapshot, `src/diff/rules/snapshots/<Code>.snap` (`cargo insta review`).
/// Each rule's file calls it (or [`snapshot_props_report`]) once.
#[track_caller]
pub(crate) fn snapshot_reports(code: &str, edit: impl FnOnce(&mut Value, &mut Value)) {
    let (mut o, mut n) = (base(), base());
    edit(&mut o, &mut n);
    let (old, new) = (o.clone(), n.clone());
    assert_reports(code, |a, b| (*a, *b) = (old, new));
    snapshot(code, &side(&o, None), &side(&n, None));
}

/// [`snapshot_reports`] for apiProperties.json, from [`base_props`].
#[track_caller]
pub(crate) fn snapshot_props_report(code: &str, edit: impl FnOnce(&mut Value, &mut Value)) {
    let (mut o, mut n) = (base_props(), base_props());
    edit(&mut o, &mut n);
    let (old, new) = (o.clone(), n.clone());
    assert_props_report(code, |a, b| (*a, *b) = (old, new));
    let b = base();
    snapshot(code, &side(&b, Some(&o)), &side(&b, Some(&n)));
}

/// The changes of `code` between two sides, rendered, against their snapshot.
fn snapshot(code: &str, old: &Side, new: &Side) {
    let mut report = diff(old, new);
    report.changes.retain(|c| c.rule.code == code);
    let text = crate::report::diff::text(&report, false);
    let summary = super::rules::RULES
        .iter()
        .find(|r| r.code == code)
        .map_or("", |r| r.summary);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("rules/snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description(format!("{code}: {summary}"));
    settings.bind(|| insta::assert_snapshot!(code, text));
}

/// `code` is not reported on the pair made by `edit` from [`base`]; returns what was, so a
/// near-miss can say which rule it is instead.
#[track_caller]
pub(crate) fn assert_does_not_report(
    code: &str,
    edit: impl FnOnce(&mut Value, &mut Value),
) -> Vec<&'static str> {
    let got = reported(edit);
    assert!(!got.contains(&code), "{code} not expected in {got:?}");
    got
}

/// The codes the engine reports between two copies of [`base_props`] (apiProperties.json)
/// edited as old and new, the definition unchanged.
pub(crate) fn props_reported(edit: impl FnOnce(&mut Value, &mut Value)) -> Vec<&'static str> {
    let (mut o, mut n) = (base_props(), base_props());
    edit(&mut o, &mut n);
    prop_codes(&o, &n)
}

/// [`assert_reports`] for apiProperties.json, from [`base_props`].
#[track_caller]
pub(crate) fn assert_props_report(code: &str, edit: impl FnOnce(&mut Value, &mut Value)) {
    let (mut o, mut n) = (base_props(), base_props());
    edit(&mut o, &mut n);
    let got = prop_codes(&o, &n);
    assert!(got.contains(&code), "{code}: expected in {got:?}");
    assert!(
        !prop_codes(&n, &n).contains(&code),
        "{code} on identical documents"
    );
}

/// [`assert_does_not_report`] for apiProperties.json, from [`base_props`].
#[track_caller]
pub(crate) fn assert_props_do_not_report(
    code: &str,
    edit: impl FnOnce(&mut Value, &mut Value),
) -> Vec<&'static str> {
    let got = props_reported(edit);
    assert!(!got.contains(&code), "{code} not expected in {got:?}");
    got
}

/// `/properties/connectionParameters` of apiProperties.json.
pub(crate) const CP: &str = "/properties/connectionParameters";

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    /// Every diff rule's file snapshots its rendered change ([`super::snapshot_reports`]),
    /// and every snapshot belongs to a diff rule.
    #[test]
    fn every_diff_rule_has_its_rendered_change_under_snapshot() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diff/rules/snapshots");
        let codes: BTreeSet<&str> = crate::diff::rules::RULES.iter().map(|r| r.code).collect();
        let mut problems: Vec<String> = codes
            .iter()
            .filter(|c| !dir.join(format!("{c}.snap")).is_file())
            .map(|c| format!("no snapshots/{c}.snap"))
            .collect();
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name
                .strip_suffix(".snap")
                .is_some_and(|c| codes.contains(c))
            {
                problems.push(format!("snapshots/{name} is no diff rule's"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
