//! `$ref` targets and security requirements.

use serde_json::Value;

use super::{Context, Rule, Sink};
use crate::model::FileKind;
use crate::model::pointer::{self, join};
use crate::model::swagger::RefError;

pub(crate) const RULES: &[&Rule] = &[
    &SCHEMA_REFERENCE_NOT_FOUND,
    &PARAMETER_REFERENCE_NOT_FOUND,
    &RESPONSE_REFERENCE_NOT_FOUND,
    &SCHEMA_REFERENCE_NOT_VALID,
    &PARAMETER_REFERENCE_NOT_VALID,
    &RESPONSE_REFERENCE_NOT_VALID,
    &JSON_POINTER_NOT_VALID,
    &SCHEMA_REF_LOOP_NOT_ALLOWED,
    &PARAMETER_REF_LOOP_NOT_ALLOWED,
    &RESPONSE_REF_LOOP_NOT_ALLOWED,
    &PATH_ITEM_REF_NOT_SUPPORED,
    &SECURITY_REQUIREMENT_MUST_BE_DEFINED,
    &SECURITY_REQUIREMENT_MUST_HAVE_VALUE,
    &SECURITY_REQUIREMENT_MUST_HAVE_EMPTY_VALUE,
    &OAUTH_SECURITY_REQUIREMENT_VALUE_MUST_BE_SCOPE_NAME,
];

/// What a `$ref` stands for, from where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefKind {
    Schema,
    Parameter,
    Response,
    PathItem,
}

/// One `$ref` written in the document.
#[derive(Debug, Clone)]
pub(crate) struct RefSite<'a> {
    /// Pointer to the object holding `$ref`.
    pub(crate) at: String,
    pub(crate) value: &'a Value,
    pub(crate) kind: RefKind,
    /// The object holding `$ref`.
    pub(crate) holder: &'a serde_json::Map<String, Value>,
}

/// One step of a path into the document, borrowed from it.
#[derive(Clone, Copy)]
enum Tok<'a> {
    Key(&'a str),
    Idx(usize),
}

impl Tok<'_> {
    fn is(&self, k: &str) -> bool {
        matches!(self, Tok::Key(x) if *x == k)
    }
}

/// Every `$ref` in the document with its kind, in document order, skipping example and
/// default payloads. One recursive pass with a borrowed token stack: pointers are built only for `$ref` sites.
pub(crate) fn ref_sites(root: &Value) -> Vec<RefSite<'_>> {
    let mut out = Vec::new();
    let mut toks: Vec<Tok<'_>> = Vec::new();
    collect_refs(root, &mut toks, &mut out);
    out
}

fn collect_refs<'a>(v: &'a Value, toks: &mut Vec<Tok<'a>>, out: &mut Vec<RefSite<'a>>) {
    if toks.len() > crate::model::parse::MAX_DEPTH {
        return;
    }
    match v {
        Value::Object(m) => {
            // A schema's `properties` map is keyed by property names: a property may be
            // *named* `$ref` (Microsoft validated one in 2024); it is a schema, not a reference.
            if is_property_map(toks) {
                for (k, child) in m {
                    if child.is_object() || child.is_array() {
                        toks.push(Tok::Key(k));
                        collect_refs(child, toks, out);
                        toks.pop();
                    }
                }
                return;
            }
            // A scan of the (small) object: a hashed lookup on every object of the document
            // was most of this walk.
            if let Some(r) = crate::model::access::field(v, "$ref") {
                let mut at = String::new();
                for t in toks.iter() {
                    at.push('/');
                    match t {
                        Tok::Key(k) => at.push_str(&pointer::escape(k)),
                        Tok::Idx(i) => {
                            use std::fmt::Write;
                            let _ = write!(at, "{i}");
                        }
                    }
                }
                out.push(RefSite {
                    at,
                    value: r,
                    kind: classify(toks),
                    holder: m,
                });
            }
            // In a map keyed by names (`responses`, `definitions`, …) a key `default` or
            // `example` is a name (the `default` response), not a data value to skip.
            let names = matches!(
                toks.last(),
                Some(Tok::Key(
                    "responses" | "definitions" | "parameters" | "paths" | "securityDefinitions"
                ))
            );
            for (k, child) in m {
                let data = matches!(
                    k.as_str(),
                    "example" | "examples" | "x-ms-test-value" | "default" | "enum"
                ) && !names;
                if data || k == "$ref" || !(child.is_object() || child.is_array()) {
                    continue;
                }
                toks.push(Tok::Key(k));
                collect_refs(child, toks, out);
                toks.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                if child.is_object() || child.is_array() {
                    toks.push(Tok::Idx(i));
                    collect_refs(child, toks, out);
                    toks.pop();
                }
            }
        }
        _ => {}
    }
}

/// Whether the object at `toks` is a schema's `properties` map: reached by a `properties`
/// key from a schema (not from another `properties` map, where `properties` is a name).
fn is_property_map(toks: &[Tok<'_>]) -> bool {
    // Count the trailing run of `properties` keys: in `…/properties/properties` the first is
    // the map and the second a property named "properties" (a schema).
    let run = toks.iter().rev().take_while(|t| t.is("properties")).count();
    // A definition *named* `properties` is a schema.
    let definition_named_properties = toks.len() == 2 && toks[0].is("definitions");
    run % 2 == 1 && !definition_named_properties
}

fn classify(toks: &[Tok<'_>]) -> RefKind {
    let n = toks.len();
    let first = toks.first();
    match toks {
        [p, _] if p.is("paths") => RefKind::PathItem,
        [p, _] if p.is("parameters") => RefKind::Parameter,
        [r, _] if r.is("responses") => RefKind::Response,
        // `x-ms-parameterized-host.parameters` lists parameters like an operation does.
        [h, p, Tok::Idx(_)] if h.is("x-ms-parameterized-host") && p.is("parameters") => {
            RefKind::Parameter
        }
        _ if (n == 4 || n == 5)
            && first.is_some_and(|f| f.is("paths"))
            && toks[n - 2].is("parameters")
            && matches!(toks[n - 1], Tok::Idx(_)) =>
        {
            RefKind::Parameter
        }
        _ if n == 5 && first.is_some_and(|f| f.is("paths")) && toks[3].is("responses") => {
            RefKind::Response
        }
        _ => RefKind::Schema,
    }
}

fn expected_prefix(kind: RefKind) -> &'static str {
    match kind {
        RefKind::Schema => "#/definitions/",
        RefKind::Parameter => "#/parameters/",
        RefKind::Response => "#/responses/",
        RefKind::PathItem => "#/paths/",
    }
}

/// The document's `$ref` sites, computed once per connector and shared by every rule here
/// and by `AdditionalPropertyNotAllowedAdjacentToRef`.
pub(crate) fn sites<'c, 'a>(cx: &'c Context<'a>) -> &'c [RefSite<'a>] {
    cx.borrowed.ref_sites.get_or_init(|| {
        cx.connector
            .definition_value()
            .map(ref_sites)
            .unwrap_or_default()
    })
}

fn not_found(cx: &Context<'_>, sink: &mut Sink<'_>, kind: RefKind) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for s in sites(cx).iter().filter(|s| s.kind == kind) {
        let Some(r) = s.value.as_str() else { continue };
        if !r.starts_with(expected_prefix(kind)) {
            continue;
        }
        let Some(p) = pointer::from_local_ref(r) else {
            continue;
        };
        if sw.get(&p).is_none() {
            sink.emit(
                join(&s.at, "$ref"),
                format!("reference '{r}' does not exist"),
            );
        }
    }
}

fn not_valid(cx: &Context<'_>, sink: &mut Sink<'_>, kind: RefKind) {
    for s in sites(cx).iter().filter(|s| s.kind == kind) {
        let Some(r) = s.value.as_str() else { continue };
        if r.starts_with('#') && !r.starts_with(expected_prefix(kind)) {
            sink.emit(
                join(&s.at, "$ref"),
                format!(
                    "reference '{r}' must point into '{}'",
                    expected_prefix(kind)
                ),
            );
        }
    }
}

fn ref_loop(cx: &Context<'_>, sink: &mut Sink<'_>, section: &str, noun: &str) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    let Some(m) = sw.root.get(section).and_then(Value::as_object) else {
        return;
    };
    // Entries another entry of the section is only a reference to: a chain too long to follow
    // is reported once, at its head, not at each of its links.
    let linked: std::collections::HashSet<String> = m
        .values()
        .filter_map(|v| v.get("$ref")?.as_str())
        .filter_map(crate::model::pointer::from_local_ref)
        .collect();
    for (k, v) in m {
        if v.get("$ref").is_none() {
            continue;
        }
        let at = join(&join("", section), k);
        match sw.resolve(v, &at) {
            Err(RefError::Cycle(r)) => sink.emit(join(&at, "$ref"), format!("{noun} '{k}' is part of a reference cycle through '{r}'")),
            Err(RefError::TooLong(_)) if linked.contains(&at) => {}
            Err(RefError::TooLong(r)) => sink.emit(join(&at, "$ref"), format!("{noun} '{k}' starts a chain of more than {} references ('{r}', …); it is not followed further", crate::model::swagger::MAX_REF_CHAIN)),
            _ if section != "definitions" => sink.emit(join(&at, "$ref"), format!("{noun} '{k}' is only a reference to another {noun}; reference the target directly")),
            _ => {}
        }
    }
}

/// Each security requirement list (root and per operation) with its pointer.
fn requirements<'a>(cx: &Context<'a>) -> Vec<(String, &'a Value)> {
    let mut out = Vec::new();
    let Some(root) = cx.connector.definition_value() else {
        return out;
    };
    if let Some(s) = root.get("security") {
        out.push(("/security".to_string(), s));
    }
    for op in cx
        .swagger
        .as_ref()
        .map(|s| s.operations.as_slice())
        .unwrap_or(&[])
    {
        if let Some(s) = op.get("security") {
            out.push((join(&op.pointer, "security"), s));
        }
    }
    out
}

/// (pointer to the scheme entry, scheme name, requirement value) for every entry.
fn requirement_entries<'a>(cx: &Context<'a>) -> Vec<(String, &'a str, &'a Value)> {
    let mut out = Vec::new();
    for (at, list) in requirements(cx) {
        let Some(arr) = list.as_array() else { continue };
        for (i, req) in arr.iter().enumerate() {
            let Some(m) = req.as_object() else { continue };
            for (name, v) in m {
                out.push((join(&format!("{at}/{i}"), name), name.as_str(), v));
            }
        }
    }
    out
}

fn security_definition<'a>(cx: &Context<'a>, name: &str) -> Option<&'a Value> {
    cx.connector
        .definition_value()?
        .get("securityDefinitions")?
        .get(name)
}
mod json_pointer_not_valid;
mod oauth_security_requirement_value_must_be_scope_name;
mod parameter_ref_loop_not_allowed;
mod parameter_reference_not_found;
mod parameter_reference_not_valid;
mod path_item_ref_not_suppored;
mod response_ref_loop_not_allowed;
mod response_reference_not_found;
mod response_reference_not_valid;
mod schema_ref_loop_not_allowed;
mod schema_reference_not_found;
mod schema_reference_not_valid;
mod security_requirement_must_be_defined;
mod security_requirement_must_have_empty_value;
mod security_requirement_must_have_value;

pub(crate) use json_pointer_not_valid::*;
pub(crate) use oauth_security_requirement_value_must_be_scope_name::*;
pub(crate) use parameter_ref_loop_not_allowed::*;
pub(crate) use parameter_reference_not_found::*;
pub(crate) use parameter_reference_not_valid::*;
pub(crate) use path_item_ref_not_suppored::*;
pub(crate) use response_ref_loop_not_allowed::*;
pub(crate) use response_reference_not_found::*;
pub(crate) use response_reference_not_valid::*;
pub(crate) use schema_ref_loop_not_allowed::*;
pub(crate) use schema_reference_not_found::*;
pub(crate) use schema_reference_not_valid::*;
pub(crate) use security_requirement_must_be_defined::*;
pub(crate) use security_requirement_must_have_empty_value::*;
pub(crate) use security_requirement_must_have_value::*;

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn classification() {
        let d = json!({
            "paths": {"/a": {"$ref": "#/x", "parameters": [{"$ref": "#/parameters/P"}], "get": {"parameters": [{"$ref": "#/parameters/Q"}], "responses": {"200": {"$ref": "#/responses/R"}}}}},
            "definitions": {"A": {"properties": {"parameters": {"$ref": "#/definitions/B"}}}},
            "parameters": {"P": {"$ref": "#/parameters/Q"}}
        });
        let kinds: Vec<_> = ref_sites(&d).into_iter().map(|s| (s.at, s.kind)).collect();
        assert!(kinds.contains(&("/paths/~1a".into(), RefKind::PathItem)));
        assert!(kinds.contains(&("/paths/~1a/parameters/0".into(), RefKind::Parameter)));
        assert!(kinds.contains(&("/paths/~1a/get/parameters/0".into(), RefKind::Parameter)));
        assert!(kinds.contains(&("/paths/~1a/get/responses/200".into(), RefKind::Response)));
        assert!(kinds.contains(&(
            "/definitions/A/properties/parameters".into(),
            RefKind::Schema
        )));
        assert!(kinds.contains(&("/parameters/P".into(), RefKind::Parameter)));
    }

    #[test]
    fn minimal_is_clean_for_every_rule() {
        for r in RULES {
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
    }

    /// The sample operation, for tests that patch it.
    pub(super) const OP: &str = "/paths/~1tasks~1{taskId}/get";

    /// The minimal definition with its sample operation's parameters replaced.
    pub(super) fn with_op_parameters(params: Value) -> Value {
        let mut d = minimal();
        d.pointer_mut(OP).unwrap()["parameters"] = params;
        d
    }

    /// The minimal definition with its sample operation's responses replaced.
    pub(super) fn with_op_responses(responses: Value) -> Value {
        let mut d = minimal();
        d.pointer_mut(OP).unwrap()["responses"] = responses;
        d
    }

    /// A definition with an API key and an OAuth scheme (scope `read`) and this root `security`.
    pub(super) fn with_security(security: Value) -> Value {
        patch(
            minimal(),
            json!({
                "securityDefinitions": {"key": {"type": "apiKey", "name": "k", "in": "header"}, "oauth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://x", "tokenUrl": "https://y", "scopes": {"read": "r"}}},
                "security": security
            }),
        )
    }
}
