//! Sanitise stage: what the connector schema refuses (the `x-ms-*` extensions of
//! <https://learn.microsoft.com/connectors/custom-connectors/openapi-extensions> and the
//! structure of `schemas/apiDefinition.schema.json`), removed from any
//! input, and references left in unmapped places pointed at the Swagger 2.0 sections.

use std::collections::HashSet;

use serde_json::{Value, json};

use super::notes::*;
use crate::core::Severity;

/// The `x-ms-*` extensions the connector schema knows; any other `x-ms-*` key is rejected.
const KNOWN_X_MS: &[&str] = &[
    "x-ms-summary",
    "x-ms-visibility",
    "x-ms-api-annotation",
    "x-ms-operation-context",
    "x-ms-capabilities",
    "x-ms-trigger",
    "x-ms-trigger-hint",
    "x-ms-trigger-metadata",
    "x-ms-trigger-value",
    "x-ms-notification",
    "x-ms-notification-content",
    "x-ms-notification-url",
    "x-ms-url-encoding",
    "x-ms-dynamic-values",
    "x-ms-dynamic-list",
    "x-ms-dynamic-schema",
    "x-ms-dynamic-properties",
    "x-ms-dynamic-tree",
    "x-ms-enum-values",
    "x-ms-test-value",
    "x-ms-localizeDefaultValue",
    "x-ms-media-kind",
    "x-ms-pageable",
    "x-ms-safe-operation",
    "x-ms-no-generic-test",
    "x-ms-connector-metadata",
    "x-ms-docs",
    "x-ms-deployment-version",
    "x-ms-enum",
    "x-ms-parameter-location",
    "x-ms-skip-url-encoding",
    "x-ms-editor",
    "x-ms-agentic-protocol",
];

/// Maps whose keys are names chosen by the author (never keywords).
const NAME_MAPS: &[&str] = &[
    "properties",
    "definitions",
    "parameters",
    "responses",
    "paths",
    "securityDefinitions",
    "headers",
    "scopes",
];

/// Values never walked (examples and literal data).
const LITERALS: &[&str] = &["example", "examples", "default", "enum", "x-example"];

/// Extensions outside `x-ms-*` that connectors (AutoRest's Swagger 2.0) understand.
const KNOWN_X_OTHER: &[&str] = &[
    "x-nullable",
    "x-connkit-ignore",
    // connkit's own hand-over to apiProperties.json (removed by `enrich`).
    "x-connkit-connection-parameters",
];

#[derive(Default)]
struct Cleaned {
    /// Foreign vendor extensions removed (x-github-*, x-octokit, x-webhooks, …), by name.
    foreign: std::collections::BTreeMap<String, usize>,
    x_ms: usize,
    formats: usize,
    defaults: usize,
    enums: usize,
    read_only_required: usize,
}

pub(super) fn sanitize(def: &mut Value, notes: &mut Vec<Note>) {
    let mut c = Cleaned::default();
    walk_clean(def, false, &mut c, 0);
    if let Some(info) = def.get_mut("info").and_then(Value::as_object_mut) {
        const INFO: &[&str] = &[
            "title",
            "version",
            "description",
            "termsOfService",
            "contact",
            "license",
            "x-ms-deployment-version",
            "x-ms-api-annotation",
        ];
        // Catalog/vendor extensions (x-logo, x-origin, …) mean nothing to a connector.
        info.retain(|k, _| INFO.contains(&k.as_str()));
        if let Some(ct) = info.get_mut("contact").and_then(Value::as_object_mut) {
            ct.retain(|k, _| matches!(k.as_str(), "name" | "url" | "email"));
        }
        if info
            .get("license")
            .is_some_and(|l| !l.get("name").is_some_and(Value::is_string))
        {
            info.remove("license");
        }
        if info
            .get("termsOfService")
            .is_some_and(|t| !t.as_str().is_some_and(|s| s.starts_with("http")))
        {
            info.remove("termsOfService");
        }
    }
    if let Some(tags) = def.get_mut("tags").and_then(Value::as_array_mut) {
        let mut seen = HashSet::new();
        tags.retain(|t| {
            t.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| seen.insert(n.to_string()))
        });
    }
    if !c.foreign.is_empty() {
        let total: usize = c.foreign.values().sum();
        let names: Vec<String> = c
            .foreign
            .iter()
            .take(12)
            .map(|(k, n)| {
                if *n > 1 {
                    format!("{k} ({n})")
                } else {
                    k.clone()
                }
            })
            .collect();
        notes.push(note(
            &CONVERT_VENDOR_EXTENSION_DROPPED,
            Severity::Info,
            "",
            format!(
                "{total} vendor extension{} connectors do not understand {} dropped with their content: {}{}",
                if total == 1 { "" } else { "s" },
                if total == 1 { "was" } else { "were" },
                names.join(", "),
                if c.foreign.len() > 12 { ", …" } else { "" }
            ),
        ));
    }
    for (n, one, many, code) in [
        (
            c.x_ms,
            "x-ms-* extension unknown to connectors was removed",
            "x-ms-* extensions unknown to connectors were removed",
            &CONVERT_EXTENSION_REMOVED,
        ),
        (
            c.formats,
            "`format` value connectors do not accept was removed",
            "`format` values connectors do not accept were removed",
            &CONVERT_FORMAT_REMOVED,
        ),
        (
            c.defaults,
            "default that does not match its type was removed",
            "defaults that do not match their type were removed",
            &CONVERT_DEFAULT_REMOVED,
        ),
        (
            c.enums,
            "enum value that does not match its type was removed",
            "enum values that do not match their type were removed",
            &CONVERT_ENUM_CLEANED,
        ),
        (
            c.read_only_required,
            "readOnly property was removed from `required` (OpenAPI 3 requires it in \
             responses only; Swagger 2.0 and certification refuse it in request bodies)",
            "readOnly properties were removed from `required` (OpenAPI 3 requires them in \
             responses only; Swagger 2.0 and certification refuse them in request bodies)",
            &CONVERT_READ_ONLY_NOT_REQUIRED,
        ),
    ] {
        if n > 0 {
            let what = if n == 1 { one } else { many };
            notes.push(note(code, Severity::Info, "", format!("{n} {what}")));
        }
    }
}

fn walk_clean(v: &mut Value, name_map: bool, c: &mut Cleaned, depth: usize) {
    if depth > 300 {
        return;
    }
    match v {
        Value::Object(m) => {
            if !name_map {
                // Vendor extensions connectors do not understand, with whatever they hold
                // (references included).
                let foreign: Vec<String> = m
                    .keys()
                    .filter(|k| {
                        k.starts_with("x-")
                            && !k.starts_with("x-ms-")
                            && !KNOWN_X_OTHER.contains(&k.as_str())
                    })
                    .cloned()
                    .collect();
                for k in foreign {
                    m.remove(&k);
                    *c.foreign.entry(k).or_default() += 1;
                }
                let before = m.len();
                m.retain(|k, _| !k.starts_with("x-ms-") || KNOWN_X_MS.contains(&k.as_str()));
                c.x_ms += before - m.len();
                if m.get("x-ms-pageable").is_some_and(|p| {
                    !matches!(
                        p.get("nextLinkName").and_then(Value::as_str),
                        Some("nextLink" | "@odata.nextLink")
                    )
                }) {
                    m.remove("x-ms-pageable");
                    c.x_ms += 1;
                }
                // readOnly + required (RequiredReadOnlyPropertyNotAllowedAsInput): Swagger 2.0
                // says readOnly properties should not be required at all.
                let read_only: Vec<String> = m
                    .get("properties")
                    .and_then(Value::as_object)
                    .map(|p| {
                        p.iter()
                            .filter(|(_, s)| s.get("readOnly") == Some(&Value::Bool(true)))
                            .map(|(k, _)| k.clone())
                            .collect()
                    })
                    .unwrap_or_default();
                if !read_only.is_empty()
                    && let Some(Value::Array(req)) = m.get_mut("required")
                {
                    let before = req.len();
                    req.retain(|r| !r.as_str().is_some_and(|n| read_only.iter().any(|x| x == n)));
                    c.read_only_required += before - req.len();
                    if req.is_empty() {
                        m.remove("required");
                    }
                }
                // The same type/format table as the UnrecognizedTypeFormat rule.
                let unknown_format = m.get("format").and_then(Value::as_str).is_some_and(|f| {
                    !crate::model::types::format_known(m.get("type").and_then(Value::as_str), f)
                });
                if unknown_format {
                    m.remove("format");
                    c.formats += 1;
                }
                let ty = m.get("type").and_then(Value::as_str).map(str::to_string);
                if let Some(ty) =
                    ty.filter(|t| matches!(t.as_str(), "string" | "integer" | "number" | "boolean"))
                {
                    if m.get("default")
                        .is_some_and(|d| !crate::model::types::fits_type(d, &ty))
                    {
                        m.remove("default");
                        c.defaults += 1;
                    }
                    if let Some(Value::Array(e)) = m.get_mut("enum") {
                        let before = e.len();
                        e.retain(|x| crate::model::types::fits_type(x, &ty));
                        if e.len() != before {
                            c.enums += 1;
                        }
                        if e.is_empty() {
                            m.remove("enum");
                        }
                    }
                }
                if let Some(d) = m
                    .get("discriminator")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    && m.get("properties").and_then(|p| p.get(&d)).is_some()
                {
                    let req = m.entry("required").or_insert_with(|| json!([]));
                    if let Some(a) = req.as_array_mut()
                        && !a.iter().any(|x| x.as_str() == Some(&d))
                    {
                        a.push(json!(d));
                    }
                }
            }
            for (k, child) in m.iter_mut() {
                if name_map {
                    walk_clean(child, false, c, depth + 1);
                } else if LITERALS.contains(&k.as_str()) || k.starts_with("x-") {
                    continue;
                } else {
                    walk_clean(child, NAME_MAPS.contains(&k.as_str()), c, depth + 1);
                }
            }
        }
        Value::Array(a) => {
            for child in a {
                walk_clean(child, false, c, depth + 1);
            }
        }
        _ => {}
    }
}

/// References left in places the mapping does not visit (extension values such as
/// `x-schema`): point them at the Swagger 2.0 sections.
pub(super) fn rewrite_refs(v: &mut Value, depth: usize) {
    if depth > 300 {
        return;
    }
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get_mut("$ref") {
                for (from, to) in [
                    ("#/components/schemas/", "#/definitions/"),
                    ("#/components/parameters/", "#/parameters/"),
                    ("#/components/responses/", "#/responses/"),
                ] {
                    if let Some(rest) = r.strip_prefix(from) {
                        *r = format!("{to}{rest}");
                        break;
                    }
                }
            }
            // What is left pointing elsewhere (e.g. an `x-code-samples` entry referring to
            // another one under `#/paths`) only sits in extension values: drop the key.
            if m.get("$ref").and_then(Value::as_str).is_some_and(|r| {
                !["#/definitions/", "#/parameters/", "#/responses/"]
                    .iter()
                    .any(|p| r.starts_with(p))
            }) {
                m.remove("$ref");
            }
            for child in m.values_mut() {
                rewrite_refs(child, depth + 1);
            }
        }
        Value::Array(a) => {
            for child in a {
                rewrite_refs(child, depth + 1);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(mut v: Value) -> (Value, Vec<&'static str>) {
        let mut notes = Vec::new();
        sanitize(&mut v, &mut notes);
        (v, notes.iter().map(|n| n.code).collect())
    }

    #[test]
    fn foreign_extensions_unknown_x_ms_and_bad_formats_are_removed_with_notes() {
        let (v, codes) = clean(json!({
            "info": {"title": "T", "x-logo": {"url": "x"}},
            "x-github": {"$ref": "#/paths/a"},
            "definitions": {"x-name-is-kept": {"type": "string", "format": "weird", "x-ms-nope": 1,
                "default": 3, "enum": ["a", 1]}}
        }));
        assert!(v.get("x-github").is_none());
        assert!(v["info"].get("x-logo").is_none());
        let d = &v["definitions"]["x-name-is-kept"];
        assert_eq!(d, &json!({"type": "string", "enum": ["a"]}));
        for c in [
            CONVERT_VENDOR_EXTENSION_DROPPED.code,
            CONVERT_EXTENSION_REMOVED.code,
            CONVERT_FORMAT_REMOVED.code,
            CONVERT_DEFAULT_REMOVED.code,
            CONVERT_ENUM_CLEANED.code,
        ] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
    }

    #[test]
    fn read_only_leaves_required_and_discriminators_become_required() {
        let (v, codes) = clean(
            json!({"definitions": {"A": {"type": "object", "discriminator": "kind",
            "required": ["id"], "properties": {"id": {"type": "string", "readOnly": true}, "kind": {"type": "string"}}}}}),
        );
        assert_eq!(v["definitions"]["A"]["required"], json!(["kind"]));
        assert_eq!(codes, vec![CONVERT_READ_ONLY_NOT_REQUIRED.code]);
    }

    #[test]
    fn leftover_component_refs_point_at_20_sections_and_others_are_dropped() {
        let mut v = json!({"x-a": {"$ref": "#/components/schemas/A"}, "x-b": {"$ref": "#/paths/~1a"},
            "x-c": [{"$ref": "#/components/responses/R"}]});
        rewrite_refs(&mut v, 0);
        assert_eq!(v["x-a"]["$ref"], "#/definitions/A");
        assert_eq!(v["x-b"], json!({}));
        assert_eq!(v["x-c"][0]["$ref"], "#/responses/R");
    }
}
