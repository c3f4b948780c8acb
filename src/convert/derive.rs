//! Derive stage (after [`super::enrich`]): texts certification requires that can be derived
//! are filled in, and every placeholder left for the author is listed.
//!
//! For `--profile certified` and `independent-publisher`: operation descriptions come from
//! their summaries, parameter and property `description`/`x-ms-summary` from their names
//! (`userId` → "User ID"); for every profile, missing response descriptions come from their
//! status. What cannot be derived (contact, website, privacy policy, publisher, icon colour,
//! host, texts made from an operationId only) gets one `ConvertAuthorMustWrite` note each.

use serde_json::{Map, Value, json};

use super::map::{METHODS, default_description};
use super::notes::*;
use crate::core::{Profile, Severity};
use crate::model::FileKind;
use crate::model::names;
use crate::model::pointer::join;

/// Counts of derived texts: operation descriptions, parameter texts, property texts,
/// response descriptions.
#[derive(Default)]
struct Derived {
    operations: usize,
    parameters: usize,
    properties: usize,
    responses: usize,
}

/// Fill what can be derived and note what the author must still write.
pub(super) fn derive(def: &mut Value, props: &Value, profile: Profile, notes: &mut Vec<Note>) {
    let certify = profile != Profile::Custom;
    let mut n = Derived::default();
    let mut must: Vec<Note> = Vec::new();
    let Some(root) = def.as_object_mut() else {
        return;
    };
    if let Some(paths) = root.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            let iptr = join("/paths", path);
            if certify && let Some(ps) = item.get_mut("parameters").and_then(Value::as_array_mut) {
                for p in ps {
                    parameter(p, &mut n);
                }
            }
            for m in METHODS {
                let Some(op) = item.get_mut(*m).and_then(Value::as_object_mut) else {
                    continue;
                };
                let optr = join(&iptr, m);
                if certify {
                    operation(op, path, m, &optr, &mut n, &mut must);
                }
                for (status, r) in op
                    .get_mut("responses")
                    .and_then(Value::as_object_mut)
                    .into_iter()
                    .flatten()
                {
                    response(r, status, certify, &mut n);
                }
            }
        }
    }
    if let Some(rs) = root.get_mut("responses").and_then(Value::as_object_mut) {
        for r in rs.values_mut() {
            response(r, "Response", certify, &mut n);
        }
    }
    if certify {
        if let Some(ps) = root.get_mut("parameters").and_then(Value::as_object_mut) {
            for p in ps.values_mut() {
                parameter(p, &mut n);
            }
        }
        if let Some(ds) = root.get_mut("definitions").and_then(Value::as_object_mut) {
            for d in ds.values_mut() {
                schema(d, &mut n, 0);
            }
        }
        placeholders(root, props, &mut must);
    }
    let parts: Vec<String> = [
        (n.operations, "operation descriptions from their summaries"),
        (
            n.parameters,
            "parameter descriptions or x-ms-summary from their names",
        ),
        (
            n.properties,
            "property descriptions or x-ms-summary from their names",
        ),
        (n.responses, "response descriptions from their status"),
    ]
    .iter()
    .filter(|(c, _)| *c > 0)
    .map(|(c, what)| format!("{c} {what}"))
    .collect();
    if !parts.is_empty() {
        notes.push(note(
            &CONVERT_DESCRIPTION_ADDED,
            Severity::Info,
            "/paths",
            format!("derived {}: review them", parts.join(", ")),
        ));
    }
    notes.extend(must);
}

fn is_blank(v: Option<&Value>) -> bool {
    v.and_then(Value::as_str)
        .is_none_or(|s| s.trim().is_empty())
}

fn operation(
    op: &mut Map<String, Value>,
    path: &str,
    method: &str,
    optr: &str,
    n: &mut Derived,
    must: &mut Vec<Note>,
) {
    let id = op.get("operationId").and_then(Value::as_str).unwrap_or("");
    let summary = op.get("summary").and_then(Value::as_str).unwrap_or("");
    // Enrich made the summary from the operationId when the input had no text at all.
    let from_id = !summary.is_empty() && summary == names::clean_summary(&names::sentence_case(id));
    if is_blank(op.get("description")) && !summary.is_empty() {
        // Not a copy of the summary (DescriptionSameAsSummary): say which call it makes.
        let d = format!("{summary} ({} {path}).", method.to_uppercase());
        if from_id {
            must.push(note(
                &CONVERT_AUTHOR_MUST_WRITE,
                Severity::Warning,
                &join(optr, "description"),
                format!(
                    "operation '{id}' has no text in the input: write its summary and description"
                ),
            ));
        }
        op.insert("description".into(), json!(d));
        n.operations += 1;
    }
    if let Some(ps) = op.get_mut("parameters").and_then(Value::as_array_mut) {
        for p in ps {
            parameter(p, n);
        }
    }
}

fn parameter(p: &mut Value, n: &mut Derived) {
    let Some(o) = p.as_object_mut() else { return };
    if o.contains_key("$ref") {
        return;
    }
    if o.get("in").and_then(Value::as_str) == Some("body") {
        if let Some(s) = o.get_mut("schema") {
            schema(s, n, 0);
        }
        return;
    }
    let name = o.get("name").and_then(Value::as_str).unwrap_or("");
    let text = names::title_case(name);
    if text.is_empty() {
        return;
    }
    let mut changed = false;
    for k in ["description", "x-ms-summary"] {
        if is_blank(o.get(k)) {
            o.insert(k.into(), json!(text));
            changed = true;
        }
    }
    if changed {
        n.parameters += 1;
    }
}

fn response(r: &mut Value, status: &str, certify: bool, n: &mut Derived) {
    let Some(o) = r.as_object_mut() else { return };
    if o.contains_key("$ref") {
        return;
    }
    if is_blank(o.get("description")) {
        o.insert("description".into(), json!(default_description(status)));
        n.responses += 1;
    }
    if certify && let Some(s) = o.get_mut("schema") {
        schema(s, n, 0);
    }
}

/// Properties of a schema (and of its items, allOf parts and additional properties).
fn schema(s: &mut Value, n: &mut Derived, depth: usize) {
    if depth > 64 {
        return;
    }
    let Some(o) = s.as_object_mut() else { return };
    if let Some(ps) = o.get_mut("properties").and_then(Value::as_object_mut) {
        for (name, p) in ps.iter_mut() {
            let text = names::title_case(name);
            if let Some(po) = p.as_object_mut()
                && !po.contains_key("$ref")
                && !text.is_empty()
            {
                let mut changed = false;
                for k in ["description", "x-ms-summary"] {
                    if is_blank(po.get(k)) {
                        po.insert(k.into(), json!(text));
                        changed = true;
                    }
                }
                if changed {
                    n.properties += 1;
                }
            }
            schema(p, n, depth + 1);
        }
    }
    for k in ["items", "additionalProperties"] {
        if let Some(c) = o.get_mut(k) {
            schema(c, n, depth + 1);
        }
    }
    if let Some(a) = o.get_mut("allOf").and_then(Value::as_array_mut) {
        for c in a {
            schema(c, n, depth + 1);
        }
    }
}

/// Values connkit wrote for the author to replace, found where they are.
const PLACEHOLDER_TEXTS: &[&str] = &[
    "Contact name",
    "support@example.com",
    "Publisher name",
    "api.example.com",
    "https://www.example.com",
    "https://www.example.com/privacy",
    "#007ee5",
];

fn placeholders(root: &Map<String, Value>, props: &Value, must: &mut Vec<Note>) {
    let is_placeholder = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .is_some_and(|s| PLACEHOLDER_TEXTS.contains(&s))
    };
    let mut at = |file: FileKind, pointer: String, what: &str| {
        let mut n = note(
            &CONVERT_AUTHOR_MUST_WRITE,
            Severity::Warning,
            &pointer,
            format!("{what} is a placeholder: write the real value"),
        );
        n.file = file;
        must.push(n);
    };
    if is_placeholder(root.get("host")) {
        at(FileKind::Definition, "/host".into(), "the host");
    }
    let info = root.get("info");
    for (k, what) in [
        ("name", "the contact name"),
        ("email", "the contact e-mail"),
    ] {
        if is_placeholder(info.and_then(|i| i.get("contact")).and_then(|c| c.get(k))) {
            at(FileKind::Definition, format!("/info/contact/{k}"), what);
        }
    }
    if info
        .and_then(|i| i.get("description"))
        .and_then(Value::as_str)
        .is_some_and(|d| {
            d.starts_with("Use ")
                && d.ends_with(" in your flows and apps to work with its data and actions.")
        })
    {
        at(
            FileKind::Definition,
            "/info/description".into(),
            "the connector description",
        );
    }
    let host = root.get("host").and_then(Value::as_str).unwrap_or("");
    let site = format!("https://{host}");
    for (i, e) in root
        .get("x-ms-connector-metadata")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let name = e.get("propertyName").and_then(Value::as_str).unwrap_or("");
        let v = e.get("propertyValue");
        // The skeleton's website is https://<host>: only the author knows the real one.
        let value = v.and_then(Value::as_str).unwrap_or("");
        let guessed = is_placeholder(v)
            || (name == "Website" && value == site)
            || (name == "Privacy policy" && value == format!("{site}/privacy"));
        if guessed {
            at(
                FileKind::Definition,
                format!("/x-ms-connector-metadata/{i}/propertyValue"),
                &format!("the connector metadata '{name}'"),
            );
        }
    }
    let p = props.get("properties");
    for (k, what) in [
        ("publisher", "the publisher"),
        ("stackOwner", "the stack owner"),
        ("iconBrandColor", "the icon brand colour"),
    ] {
        let v = p.and_then(|p| p.get(k));
        if is_placeholder(v) {
            at(FileKind::Properties, format!("/properties/{k}"), what);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(mut def: Value, profile: Profile) -> (Value, Vec<Note>) {
        let mut notes = Vec::new();
        let props =
            json!({"properties": {"publisher": "Publisher name", "iconBrandColor": "#da3b01"}});
        derive(&mut def, &props, profile, &mut notes);
        (def, notes)
    }

    #[test]
    fn texts_are_derived_for_certification_only() {
        let def = json!({"paths": {"/a": {"parameters": [{"name": "itemId", "in": "query", "description": "Kept"}],
            "post": {"operationId": "PostA", "summary": "Create an a",
                "parameters": [{"name": "body", "in": "body", "schema": {"properties": {"p": {"items": {"properties": {"q_url": {}}}}}}}],
                "responses": {"200": {"description": " "}, "201": {"$ref": "#/responses/R"}}}}},
            "definitions": {"D": {"allOf": [{"properties": {"x": {"$ref": "#/definitions/D"}}}]}}});
        let (d, notes) = run(def.clone(), Profile::Certified);
        let op = &d["paths"]["/a"]["post"];
        assert_eq!(op["description"], "Create an a (POST /a).");
        let p = &op["parameters"][0]["schema"]["properties"]["p"];
        assert_eq!(p["x-ms-summary"], "P");
        assert_eq!(p["items"]["properties"]["q_url"]["description"], "Q URL");
        assert_eq!(d["paths"]["/a"]["parameters"][0]["description"], "Kept");
        assert_eq!(d["paths"]["/a"]["parameters"][0]["x-ms-summary"], "Item ID");
        assert_eq!(op["responses"]["200"]["description"], "OK");
        assert!(
            d["definitions"]["D"]["allOf"][0]["properties"]["x"]
                .get("description")
                .is_none()
        );
        assert_eq!(
            notes.iter().map(|n| n.code).collect::<Vec<_>>(),
            [
                CONVERT_DESCRIPTION_ADDED.code,
                CONVERT_AUTHOR_MUST_WRITE.code
            ]
        );
        assert!(
            notes[0].message.contains("1 operation descriptions"),
            "{}",
            notes[0].message
        );
        assert_eq!(notes[1].pointer, "/properties/publisher");
        assert_eq!(notes[1].file, FileKind::Properties);
        // Custom: only the response description, which Swagger 2.0 requires everywhere.
        let (d, notes) = run(def, Profile::Custom);
        assert!(d["paths"]["/a"]["post"].get("description").is_none());
        assert_eq!(
            d["paths"]["/a"]["post"]["responses"]["200"]["description"],
            "OK"
        );
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn operations_with_no_text_and_skeleton_values_are_listed() {
        let def = json!({"host": "api.example.com", "info": {"contact": {"name": "Contact name", "email": "a@b.org"}},
            "x-ms-connector-metadata": [{"propertyName": "Website", "propertyValue": "https://api.example.com"},
                                        {"propertyName": "Privacy policy", "propertyValue": "https://real.org/p"}],
            "paths": {"/a": {"get": {"operationId": "ListItems", "summary": "List items", "responses": {}}}}});
        let (_, notes) = run(def, Profile::IndependentPublisher);
        let must: Vec<&str> = notes
            .iter()
            .filter(|n| n.code == CONVERT_AUTHOR_MUST_WRITE.code)
            .map(|n| n.pointer.as_str())
            .collect();
        assert_eq!(
            must,
            [
                "/paths/~1a/get/description",
                "/host",
                "/info/contact/name",
                "/x-ms-connector-metadata/0/propertyValue",
                "/properties/publisher"
            ]
        );
    }
}
