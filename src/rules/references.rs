//! `$ref` targets and security requirements (catalog §3.4–3.7).

use serde_json::Value;

use super::{Context, Profiles, Rule, Severity, Sink};
use crate::model::FileKind;
use crate::model::pointer::{self, join};
use crate::model::swagger::RefError;

pub const RULES: &[&Rule] = &[
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

const SV: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules";

/// What a `$ref` stands for, from where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Schema,
    Parameter,
    Response,
    PathItem,
}

/// One `$ref` written in the document.
#[derive(Debug, Clone)]
pub struct RefSite<'a> {
    /// Pointer to the object holding `$ref`.
    pub at: String,
    pub value: &'a Value,
    pub kind: RefKind,
    /// The object holding `$ref`.
    pub holder: &'a serde_json::Map<String, Value>,
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
pub fn ref_sites(root: &Value) -> Vec<RefSite<'_>> {
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
            if let Some(r) = m.get("$ref") {
                let at = toks.iter().fold(String::new(), |mut s, t| {
                    match t {
                        Tok::Key(k) => s.push_str(&join("", k)),
                        Tok::Idx(i) => s.push_str(&format!("/{i}")),
                    }
                    s
                });
                out.push(RefSite {
                    at,
                    value: r,
                    kind: classify(toks),
                    holder: m,
                });
            }
            for (k, child) in m {
                if matches!(
                    k.as_str(),
                    "example" | "examples" | "x-ms-test-value" | "default" | "enum" | "$ref"
                ) || !(child.is_object() || child.is_array())
                {
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

macro_rules! ref_rule {
    ($name:ident, $code:literal, $summary:literal, $expl:literal, $f:ident, $kind:expr) => {
        pub static $name: Rule = Rule {
            code: $code,
            severity: Severity::Error,
            gate: $crate::core::Gate::Pipeline,
            microsoft: None,
            profiles: Profiles::ALL,
            file: FileKind::Definition,
            summary: $summary,
            explanation: $expl,
            source: SV,
            check: |cx, sink| $f(cx, sink, $kind),
        };
    };
}

ref_rule!(
    SCHEMA_REFERENCE_NOT_FOUND,
    "SchemaReferenceNotFound",
    "A `$ref` to a missing `#/definitions/…` entry",
    "The referenced definition does not exist (often a typo or a renamed definition). Fix the name or add the definition.",
    not_found,
    RefKind::Schema
);
ref_rule!(
    PARAMETER_REFERENCE_NOT_FOUND,
    "ParameterReferenceNotFound",
    "A `$ref` to a missing `#/parameters/…` entry",
    "The referenced shared parameter does not exist under the root `parameters`.",
    not_found,
    RefKind::Parameter
);
ref_rule!(
    RESPONSE_REFERENCE_NOT_FOUND,
    "ResponseReferenceNotFound",
    "A `$ref` to a missing `#/responses/…` entry",
    "The referenced shared response does not exist under the root `responses`.",
    not_found,
    RefKind::Response
);
ref_rule!(
    SCHEMA_REFERENCE_NOT_VALID,
    "SchemaReferenceNotValid",
    "A schema `$ref` that does not point into `#/definitions/`",
    "Schemas may only reference entries of the root `definitions`.",
    not_valid,
    RefKind::Schema
);
ref_rule!(
    PARAMETER_REFERENCE_NOT_VALID,
    "ParameterReferenceNotValid",
    "A parameter `$ref` that does not point into `#/parameters/`",
    "Entries of a `parameters` list may only reference entries of the root `parameters`.",
    not_valid,
    RefKind::Parameter
);
ref_rule!(
    RESPONSE_REFERENCE_NOT_VALID,
    "ResponseReferenceNotValid",
    "A response `$ref` that does not point into `#/responses/`",
    "Responses may only reference entries of the root `responses`.",
    not_valid,
    RefKind::Response
);

pub static JSON_POINTER_NOT_VALID: Rule = Rule {
    code: "JsonPointerNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `$ref` that is not a local JSON pointer (remote, malformed or not a string)",
    explanation: "Connector definitions are single files: every `$ref` must be a local pointer \
such as `#/definitions/Item`. References to other files or URLs are never resolved by the \
platform (and never fetched by connkit).",
    source: SV,
    check: |cx, sink| {
        for s in sites(cx).iter() {
            match s.value.as_str() {
                Some(r) if r.starts_with("#/") || r == "#" => {}
                Some(r) => sink.emit(
                    join(&s.at, "$ref"),
                    format!("'{r}' is not a local reference (#/…)"),
                ),
                None => sink.emit(join(&s.at, "$ref"), "`$ref` must be a string"),
            }
        }
    },
};

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

pub static SCHEMA_REF_LOOP_NOT_ALLOWED: Rule = Rule {
    code: "SchemaRefLoopNotAllowed",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A definition whose `$ref` chain comes back to itself",
    explanation: "`A → B → A` with nothing but references never reaches a schema. (Recursive \
schemas through `properties` or `items` are fine.)\n\nCalibration: a definition that is only a \
`$ref` to another definition (an alias) is accepted in connectors Microsoft certified, so only \
cycles are reported, and chains of more than 64 aliases (reported once, at the first), which \
connkit does not follow further.",
    source: SV,
    check: |cx, sink| ref_loop(cx, sink, "definitions", "definition"),
};

pub static PARAMETER_REF_LOOP_NOT_ALLOWED: Rule = Rule {
    code: "ParameterRefLoopNotAllowed",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A root `parameters` entry that is itself a `$ref`",
    explanation: "Shared parameters must be written out; an entry of the root `parameters` may \
not point to another entry.",
    source: SV,
    check: |cx, sink| ref_loop(cx, sink, "parameters", "parameter"),
};

pub static RESPONSE_REF_LOOP_NOT_ALLOWED: Rule = Rule {
    code: "ResponseRefLoopNotAllowed",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A root `responses` entry that is itself a `$ref`",
    explanation: "Shared responses must be written out; an entry of the root `responses` may \
not point to another entry.",
    source: SV,
    check: |cx, sink| ref_loop(cx, sink, "responses", "response"),
};

pub static PATH_ITEM_REF_NOT_SUPPORED: Rule = Rule {
    code: "PathItemRefNotSuppored",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A path item uses `$ref`",
    explanation: "Swagger allows `$ref` on a path item; the platform does not. Write the \
operations out under the path. (The code is spelled as Microsoft's validator spells it.)",
    source: SV,
    check: |cx, sink| {
        for s in sites(cx).iter().filter(|s| s.kind == RefKind::PathItem) {
            sink.emit(join(&s.at, "$ref"), "path items cannot use $ref");
        }
    },
};

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

pub static SECURITY_REQUIREMENT_MUST_BE_DEFINED: Rule = Rule {
    code: "SecurityRequirementMustBeDefined",
    severity: Severity::Warning,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `security` requirement names a scheme not in `securityDefinitions`",
    explanation: "Each key of a security requirement must be the name of an entry of \
`securityDefinitions`.\n\nCalibration: a warning, not an error. Connections authenticate \
through apiProperties.json's connection parameters, and Microsoft's validator let 3 of 106 \
certified/independent-publisher connectors changed in 2024 through with undefined schemes \
(Bloomflow, Scrive eSign, Annature). It is still a real inconsistency worth fixing.",
    source: SV,
    check: |cx, sink| {
        for (at, name, _) in requirement_entries(cx) {
            if security_definition(cx, name).is_none() {
                sink.emit(
                    at,
                    format!("security scheme '{name}' is not defined in securityDefinitions"),
                );
            }
        }
    },
};

pub static SECURITY_REQUIREMENT_MUST_HAVE_VALUE: Rule = Rule {
    code: "SecurityRequirementMustHaveValue",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A security requirement whose value is not a list",
    explanation: "The value of each requirement is a list of scopes: `[]` for basic and API key \
schemes.",
    source: SV,
    check: |cx, sink| {
        for (at, name, v) in requirement_entries(cx) {
            if !v.is_array() {
                sink.emit(at, format!("requirement '{name}' must be a list (use [])"));
            }
        }
    },
};

pub static SECURITY_REQUIREMENT_MUST_HAVE_EMPTY_VALUE: Rule = Rule {
    code: "SecurityRequirementMustHaveEmptyValue",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A basic or API key requirement that lists scopes",
    explanation: "Only OAuth 2.0 requirements carry scopes; for `basic` and `apiKey` the list \
must be empty.\n\n\
Evidence: an error. Its only hit on the merged history is Scrive eSign in the bulk merge of \
2021-03-24 (no pull request, so no pipeline run); no validated pull request since 2022 \
breaks it.",
    source: SV,
    check: |cx, sink| {
        for (at, name, v) in requirement_entries(cx) {
            let ty = security_definition(cx, name)
                .and_then(|d| d.get("type"))
                .and_then(Value::as_str);
            if matches!(ty, Some("basic" | "apiKey")) && v.as_array().is_some_and(|a| !a.is_empty())
            {
                sink.emit(
                    at,
                    format!(
                        "requirement '{name}' is {} and must have an empty list",
                        ty.unwrap_or("")
                    ),
                );
            }
        }
    },
};

pub static OAUTH_SECURITY_REQUIREMENT_VALUE_MUST_BE_SCOPE_NAME: Rule = Rule {
    code: "OAuthSecurityRequirementValueMustBeScopeName",
    severity: Severity::Warning,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An OAuth requirement lists a scope its definition does not declare",
    explanation: "Scopes listed in a requirement must be keys of the OAuth definition's `scopes` \
map.\n\n\
Evidence: a **warning**. Microsoft's validator lets undeclared scopes through: validated \
merges of 6 connectors (AADInvitationManager 2023, …). The identity provider, not the \
definition, decides which scopes exist.",
    source: SV,
    check: |cx, sink| {
        for (at, name, v) in requirement_entries(cx) {
            let Some(def) = security_definition(cx, name) else {
                continue;
            };
            if def.get("type").and_then(Value::as_str) != Some("oauth2") {
                continue;
            }
            let scopes = def.get("scopes").and_then(Value::as_object);
            for (i, s) in v.as_array().into_iter().flatten().enumerate() {
                let Some(s) = s.as_str() else { continue };
                if !scopes.is_some_and(|m| m.contains_key(s)) {
                    sink.emit(
                        format!("{at}/{i}"),
                        format!("scope '{s}' is not declared in securityDefinitions.{name}.scopes"),
                    );
                }
            }
        }
    },
};

#[cfg(test)]
mod tests {
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
    fn missing_and_misplaced_targets() {
        for r in RULES {
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
        let d = patch(
            minimal(),
            json!({"definitions": {"A": {"$ref": "#/definitions/Nope"}, "B": {"$ref": "#/parameters/X"}, "C": {"$ref": "http://x/y.json"}}}),
        );
        assert_eq!(
            pointers(&run(&SCHEMA_REFERENCE_NOT_FOUND, d.clone())),
            vec!["/definitions/A/$ref"]
        );
        assert_eq!(
            pointers(&run(&SCHEMA_REFERENCE_NOT_VALID, d.clone())),
            vec!["/definitions/B/$ref"]
        );
        assert_eq!(
            pointers(&run(&JSON_POINTER_NOT_VALID, d)),
            vec!["/definitions/C/$ref"]
        );
    }

    #[test]
    fn loops() {
        let d = patch(
            minimal(),
            json!({"definitions": {"A": {"$ref": "#/definitions/B"}, "B": {"$ref": "#/definitions/A"}, "Alias": {"$ref": "#/definitions/Task"}},
            "parameters": {"P": {"$ref": "#/parameters/Q"}, "Q": {"name": "q", "in": "query", "type": "string"}}}),
        );
        assert_eq!(
            pointers(&run(&SCHEMA_REF_LOOP_NOT_ALLOWED, d.clone())),
            vec!["/definitions/A/$ref", "/definitions/B/$ref"]
        );
        assert_eq!(
            pointers(&run(&PARAMETER_REF_LOOP_NOT_ALLOWED, d)),
            vec!["/parameters/P/$ref"]
        );
    }

    #[test]
    fn security_requirements() {
        let d = patch(
            minimal(),
            json!({
                "securityDefinitions": {"key": {"type": "apiKey", "name": "k", "in": "header"}, "oauth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://x", "tokenUrl": "https://y", "scopes": {"read": "r"}}},
                "security": [{"key": ["x"]}, {"oauth": ["read", "write"]}, {"nope": []}, {"key": null}]
            }),
        );
        assert_eq!(
            pointers(&run(&SECURITY_REQUIREMENT_MUST_BE_DEFINED, d.clone())),
            vec!["/security/2/nope"]
        );
        assert_eq!(
            pointers(&run(&SECURITY_REQUIREMENT_MUST_HAVE_EMPTY_VALUE, d.clone())),
            vec!["/security/0/key"]
        );
        assert_eq!(
            pointers(&run(
                &OAUTH_SECURITY_REQUIREMENT_VALUE_MUST_BE_SCOPE_NAME,
                d.clone()
            )),
            vec!["/security/1/oauth/1"]
        );
        assert_eq!(
            pointers(&run(&SECURITY_REQUIREMENT_MUST_HAVE_VALUE, d)),
            vec!["/security/3/key"]
        );
    }
}
