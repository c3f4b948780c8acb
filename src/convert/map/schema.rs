//! Schemas: references, keywords Swagger 2.0 lacks, `oneOf`/`anyOf` → the closest shape.

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::{Cx, DROP_SCHEMA_KEYS, str_of};

/// Schema keywords left out of a hoisted definition's name (`X/definitions/Y` → `X_Y`).
const STRUCTURAL: &[&str] = &[
    "definitions",
    "$defs",
    "properties",
    "items",
    "additionalProperties",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
];

/// The definition name for a pointer below `#/components/schemas/`: its meaningful segments
/// joined by `_`, with only letters, digits, `_`, `-` and `.`.
fn hoisted_name(rest: &str) -> String {
    let parts: Vec<String> = rest
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .filter(|s| !s.is_empty() && !STRUCTURAL.contains(&s.as_str()))
        .map(|s| {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect()
        })
        .collect();
    let name = parts.join("_");
    if name.trim_matches('_').is_empty() {
        "Schema".into()
    } else {
        name
    }
}
use crate::convert::notes::*;
use crate::core::Severity;
use crate::model::pointer::join;

impl<'a> Cx<'a, '_> {
    /// A 3.0 schema → a 2.0 schema.
    pub(super) fn schema(&mut self, s: &'a Value, ptr: &str, depth: usize) -> Value {
        if depth > 64 {
            return json!({});
        }
        let Some(m) = s.as_object() else {
            return if s.as_bool() == Some(false) {
                json!({"type": "string"})
            } else {
                json!({})
            };
        };
        if let Some(r) = m.get("$ref").and_then(Value::as_str) {
            if let Some(name) = r
                .strip_prefix("#/components/schemas/")
                .filter(|n| !n.contains('/'))
            {
                if self.root.pointer(&r[1..]).is_none() {
                    self.note(
                        &CONVERT_REF_BROKEN,
                        Severity::Warning,
                        ptr,
                        format!("reference '{r}' does not resolve; replaced by an empty schema"),
                    );
                    return json!({});
                }
                return json!({"$ref": format!("#/definitions/{name}")});
            }
            if let Some(rest) = r.strip_prefix("#/components/schemas/")
                && let Some(target) = self.root.pointer(&r[1..])
                && target.is_object()
            {
                if target.get("$ref").is_some() {
                    // An alias of another schema: follow it.
                    return self.schema(target, ptr, depth + 1);
                }
                return self.hoist(r, rest, target, ptr);
            }
            if r.starts_with("#/components/schemas/") && self.root.pointer(&r[1..]).is_some() {
                self.note(
                    &CONVERT_NESTED_REF_INLINED,
                    Severity::Warning,
                    ptr,
                    format!("reference '{r}' does not point at a schema object and cannot become a definition; its content was inlined"),
                );
            }
            if r.starts_with('#') {
                let (t, _) = self.resolve(s);
                if t.is_null() {
                    self.note(
                        &CONVERT_REF_BROKEN,
                        Severity::Warning,
                        ptr,
                        format!("reference '{r}' does not resolve; replaced by an empty schema"),
                    );
                    return json!({});
                }
                self.inlined += 1;
                if self.inlined > 20_000 {
                    if self.inlined == 20_001 {
                        self.note(
                            &CONVERT_SCHEMA_SIMPLIFIED,
                            Severity::Warning,
                            ptr,
                            "too many inlined references; the rest became empty schemas".into(),
                        );
                    }
                    return json!({});
                }
                return self.schema(t, ptr, depth + 1);
            }
            self.note(&CONVERT_EXTERNAL_REF, Severity::Warning, ptr, format!("external reference '{r}' is not supported; replaced by an empty schema (bundle the description first)"));
            return json!({});
        }
        let mut o = Map::new();
        for (k, v) in m {
            match k.as_str() {
                "properties" => {
                    let mut props = Map::new();
                    for (pk, pv) in v.as_object().into_iter().flatten() {
                        if pk == "$ref" {
                            // Tools read a `$ref` key as a reference wherever it appears.
                            self.note(&CONVERT_PROPERTY_DROPPED, Severity::Warning, ptr, "a property named '$ref' cannot be described in a connector and was dropped".into());
                            continue;
                        }
                        let pp = join(&join(ptr, "properties"), pk);
                        props.insert(pk.clone(), self.schema(pv, &pp, depth + 1));
                    }
                    o.insert(k.clone(), Value::Object(props));
                }
                "items" => {
                    let it = if v.is_array() {
                        self.note(
                            &CONVERT_SCHEMA_SIMPLIFIED,
                            Severity::Info,
                            ptr,
                            "tuple `items` became the first item's schema".into(),
                        );
                        v.get(0)
                            .map(|f| self.schema(f, &join(ptr, "items"), depth + 1))
                            .unwrap_or_else(|| json!({}))
                    } else {
                        self.schema(v, &join(ptr, "items"), depth + 1)
                    };
                    o.insert(k.clone(), it);
                }
                "additionalProperties" => {
                    let ap = if v.is_boolean() {
                        v.clone()
                    } else {
                        self.schema(v, &join(ptr, k), depth + 1)
                    };
                    o.insert(k.clone(), ap);
                }
                "allOf" => {
                    let list: Vec<Value> = v
                        .as_array()
                        .into_iter()
                        .flatten()
                        .enumerate()
                        .map(|(i, x)| self.schema(x, &format!("{ptr}/allOf/{i}"), depth + 1))
                        .collect();
                    o.insert(k.clone(), Value::Array(list));
                }
                "oneOf" | "anyOf" => {}
                "not" => {
                    self.note(
                        &CONVERT_SCHEMA_SIMPLIFIED,
                        Severity::Info,
                        ptr,
                        "`not` has no Swagger 2.0 equivalent and was dropped".into(),
                    );
                }
                "discriminator" => {
                    if let Some(pn) = v.get("propertyName").and_then(Value::as_str) {
                        if m.get("properties").and_then(|p| p.get(pn)).is_some() {
                            o.insert(k.clone(), json!(pn));
                        }
                    } else if v.is_string() {
                        o.insert(k.clone(), v.clone());
                    }
                }
                "nullable" if v.as_bool() == Some(true) => {
                    o.insert("x-nullable".into(), json!(true));
                }
                "required"
                    if v.as_array()
                        .is_some_and(|a| a.iter().any(|x| x.as_str() != Some("$ref"))) =>
                {
                    let kept: Vec<Value> = v
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|x| x.as_str() != Some("$ref"))
                        .cloned()
                        .collect();
                    o.insert(k.clone(), Value::Array(kept));
                }
                "type" if v.is_string() && str_of(s, "type") != "null" => {
                    o.insert(k.clone(), v.clone());
                }
                "xml" | "externalDocs" | "example" | "title" | "description" | "format"
                | "default" | "enum" | "readOnly" | "minimum" | "maximum" | "exclusiveMinimum"
                | "exclusiveMaximum" | "minLength" | "maxLength" | "pattern" | "minItems"
                | "maxItems" | "uniqueItems" | "multipleOf" | "minProperties" | "maxProperties" => {
                    o.insert(k.clone(), v.clone());
                }
                _ if k.starts_with("x-") => {
                    o.insert(k.clone(), v.clone());
                }
                _ if DROP_SCHEMA_KEYS.contains(&k.as_str()) => {}
                _ => {}
            }
        }
        for k in ["oneOf", "anyOf"] {
            if let Some(alts) = m.get(k).and_then(Value::as_array) {
                self.alternatives(k, alts, &mut o, ptr, depth);
            }
        }
        Value::Object(o)
    }

    /// A reference deeper than a schema component (`#/components/schemas/X/definitions/Y`)
    /// becomes a definition of its own (`X_Y`), converted once, instead of a copy at every
    /// use (copies of recursive or large schemas make schemas too deep).
    fn hoist(&mut self, r: &str, rest: &str, target: &'a Value, ptr: &str) -> Value {
        if let Some(name) = self.hoisted.get(r) {
            return json!({"$ref": format!("#/definitions/{name}")});
        }
        let base = hoisted_name(rest);
        let mut name = base.clone();
        let mut n = 2;
        while self.def_names.contains(&name.to_lowercase()) {
            name = format!("{base}{n}");
            n += 1;
        }
        self.def_names.insert(name.to_lowercase());
        // Registered before converting, so that a recursive schema refers to itself.
        self.hoisted.insert(r.to_string(), name.clone());
        self.note(
            &CONVERT_NESTED_REF_HOISTED,
            Severity::Info,
            ptr,
            format!("reference '{r}' points inside a component; it became the definition '{name}'"),
        );
        let v = self.schema(target, &join("/definitions", &name), 0);
        self.hoisted_defs.push((name.clone(), v));
        json!({"$ref": format!("#/definitions/{name}")})
    }

    /// oneOf/anyOf → the closest single shape, with a note saying what was lost.
    pub(super) fn alternatives(
        &mut self,
        kw: &str,
        alts: &'a [Value],
        o: &mut Map<String, Value>,
        ptr: &str,
        depth: usize,
    ) {
        // `{"type": "null"}` and a bare `{"type": "object", "nullable": true}` (the OData
        // pattern for "this reference or null") add no shape, only nullability.
        let no_shape = |a: &Value| {
            str_of(a, "type") == "null"
                || (matches!(str_of(a, "type"), "object" | "")
                    && a.as_object().is_some_and(|m| {
                        m.keys().all(|k| {
                            matches!(k.as_str(), "type" | "nullable" | "description" | "title")
                        })
                    }))
        };
        let real: Vec<&'a Value> = alts.iter().filter(|a| !no_shape(a)).collect();
        if real.len() < alts.len() {
            o.insert("x-nullable".into(), json!(true));
        }
        match real.as_slice() {
            [] => {}
            [one] => {
                // A single alternative: the schema is that alternative (refs through allOf).
                let c = self.schema(one, ptr, depth + 1);
                if c.get("$ref").is_some() && o.is_empty() {
                    o.insert("allOf".into(), json!([c]));
                } else if c.get("$ref").is_some() {
                    if let Some(a) = o.entry("allOf").or_insert(json!([])).as_array_mut() {
                        a.push(c);
                    }
                } else if let Value::Object(cm) = c {
                    for (k, v) in cm {
                        o.entry(k).or_insert(v);
                    }
                }
            }
            many => {
                let resolved: Vec<&'a Value> = many.iter().map(|a| self.resolve(a).0).collect();
                let types: HashSet<&str> = resolved
                    .iter()
                    .map(|r| {
                        let t = str_of(r, "type");
                        if t.is_empty()
                            && (r.get("properties").is_some() || r.get("allOf").is_some())
                        {
                            "object"
                        } else {
                            t
                        }
                    })
                    .collect();
                let width: usize = resolved
                    .iter()
                    .map(|r| {
                        r.get("properties")
                            .and_then(Value::as_object)
                            .map_or(0, |m| m.len())
                    })
                    .sum();
                if types.len() == 1 && types.contains("object") && width > 200 {
                    // Too wide to inline at every use: keep the first alternative.
                    let c = self.schema(many[0], ptr, depth + 1);
                    if c.get("$ref").is_some() {
                        o.insert("allOf".into(), json!([c]));
                    } else if let Value::Object(cm) = c {
                        for (k, v) in cm {
                            o.entry(k).or_insert(v);
                        }
                    }
                    self.note(&CONVERT_ONE_OF_SIMPLIFIED, Severity::Warning, ptr, format!("`{kw}` of {} object shapes became its first alternative (the others are lost)", many.len()));
                } else if types.len() == 1 && types.contains("object") {
                    // Union of the alternatives' properties; none is required any more.
                    let mut props = o
                        .get("properties")
                        .and_then(Value::as_object)
                        .cloned()
                        .unwrap_or_default();
                    for (i, r) in resolved.iter().enumerate() {
                        let c = self.schema(r, &format!("{ptr}/{kw}/{i}"), depth + 1);
                        for (pk, pv) in c
                            .get("properties")
                            .and_then(Value::as_object)
                            .into_iter()
                            .flatten()
                        {
                            props.entry(pk.clone()).or_insert(pv.clone());
                        }
                    }
                    o.insert("type".into(), json!("object"));
                    if !props.is_empty() {
                        o.insert("properties".into(), Value::Object(props));
                    }
                    self.note(&CONVERT_ONE_OF_SIMPLIFIED, Severity::Warning, ptr, format!("`{kw}` of {} object shapes became one object with the union of their properties (which alternative applies is lost)", many.len()));
                } else if types.len() == 1 && !types.contains("") {
                    let t = types.iter().next().copied().unwrap_or("string");
                    o.entry("type").or_insert(json!(t));
                    if t == "array" {
                        let c = self.schema(resolved[0], ptr, depth + 1);
                        if let Some(it) = c.get("items") {
                            o.entry("items").or_insert(it.clone());
                        }
                    }
                    self.note(&CONVERT_ONE_OF_SIMPLIFIED, Severity::Info, ptr, format!("`{kw}` of {} '{t}' alternatives became one '{t}' (formats and constraints of the alternatives are lost)", many.len()));
                } else {
                    let mut ts: Vec<&str> = types
                        .into_iter()
                        .map(|t| if t.is_empty() { "any" } else { t })
                        .collect();
                    ts.sort();
                    self.note(
                        &CONVERT_ONE_OF_SIMPLIFIED,
                        Severity::Warning,
                        ptr,
                        format!(
                            "`{kw}` of mixed types ({}) became an untyped schema",
                            ts.join(", ")
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::map;
    use crate::convert::notes::*;
    use serde_json::{Value, json};

    fn schemas(s: Value) -> (Value, Vec<&'static str>) {
        let (d, codes) = map(
            json!({"openapi": "3.0.0", "info": {"title": "T", "version": "1"},
            "paths": {}, "components": {"schemas": s}}),
        );
        (d["definitions"].clone(), codes)
    }

    #[test]
    fn refs_keywords_and_nullable_are_mapped() {
        let (d, codes) = schemas(json!({
            "A": {"type": "object", "nullable": true, "not": {}, "writeOnly": true,
                  "properties": {"b": {"$ref": "#/components/schemas/B"}, "$ref": {"type": "string"},
                                 "t": {"type": "array", "items": [{"type": "string"}]}}},
            "B": {"type": "string"},
            "C": {"$ref": "#/components/schemas/Nope"},
            "D": {"$ref": "other.yaml#/X"}
        }));
        assert_eq!(d["A"]["x-nullable"], true);
        assert!(d["A"].get("writeOnly").is_none() && d["A"].get("not").is_none());
        assert_eq!(
            d["A"]["properties"]["b"],
            json!({"$ref": "#/definitions/B"})
        );
        assert!(d["A"]["properties"].get("$ref").is_none());
        assert_eq!(
            d["A"]["properties"]["t"]["items"],
            json!({"type": "string"})
        );
        assert_eq!(d["C"], json!({}));
        for c in [
            CONVERT_SCHEMA_SIMPLIFIED.code,
            CONVERT_PROPERTY_DROPPED.code,
            CONVERT_REF_BROKEN.code,
            CONVERT_EXTERNAL_REF.code,
        ] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
    }

    #[test]
    fn alternatives_become_the_closest_shape() {
        let (d, codes) = schemas(json!({
            "U": {"oneOf": [{"type": "object", "properties": {"a": {"type": "string"}}},
                            {"type": "object", "properties": {"b": {"type": "integer"}}}]},
            "N": {"anyOf": [{"$ref": "#/components/schemas/U"}, {"type": "null"}]},
            "S": {"oneOf": [{"type": "string", "format": "date"}, {"type": "string"}]},
            "M": {"oneOf": [{"type": "string"}, {"type": "integer"}]}
        }));
        assert_eq!(d["U"]["type"], "object");
        assert!(d["U"]["properties"].get("a").is_some() && d["U"]["properties"].get("b").is_some());
        assert_eq!(
            d["N"],
            json!({"x-nullable": true, "allOf": [{"$ref": "#/definitions/U"}]})
        );
        assert_eq!(d["S"]["type"], "string");
        assert!(d["M"].get("type").is_none());
        assert_eq!(
            codes
                .iter()
                .filter(|c| **c == CONVERT_ONE_OF_SIMPLIFIED.code)
                .count(),
            3
        );
    }

    #[test]
    fn hoisted_names() {
        assert_eq!(super::hoisted_name("X/definitions/Y"), "X_Y");
        assert_eq!(super::hoisted_name("X/properties/a~1b/items"), "X_a_b");
        assert_eq!(super::hoisted_name("X/$defs/Ünï"), "X__n_");
        assert_eq!(super::hoisted_name("properties"), "Schema");
    }

    #[test]
    fn nested_component_refs_are_hoisted_under_unique_names() {
        let (d, codes) = schemas(json!({
            "X": {"type": "object",
                  "definitions": {"Y": {"type": "object", "properties": {
                      "next": {"$ref": "#/components/schemas/X/definitions/Y"}, "n": {"type": "integer"}}}},
                  "properties": {"y": {"$ref": "#/components/schemas/X/definitions/Y"},
                                 "alias": {"$ref": "#/components/schemas/X/properties/y"},
                                 "req": {"$ref": "#/components/schemas/X/required"},
                                 "gone": {"$ref": "#/components/schemas/X/definitions/Nope"}},
                  "required": ["y"]},
            "X_Y": {"type": "string"},
            "Z": {"type": "array", "items": {"$ref": "#/components/schemas/X/definitions/Y"}}
        }));
        let y = json!({"$ref": "#/definitions/X_Y2"});
        assert_eq!(d["X"]["properties"]["y"], y);
        assert_eq!(d["X"]["properties"]["alias"], y);
        assert_eq!(d["Z"]["items"], y);
        assert_eq!(d["X_Y"], json!({"type": "string"}));
        assert_eq!(
            d["X_Y2"]["properties"]["next"], y,
            "recursion refers to itself"
        );
        assert_eq!(d["X_Y2"]["properties"]["n"]["type"], "integer");
        assert_eq!(d["X"]["properties"]["gone"], json!({}));
        assert_eq!(
            codes
                .iter()
                .filter(|c| **c == CONVERT_NESTED_REF_HOISTED.code)
                .count(),
            1
        );
        for c in [CONVERT_NESTED_REF_INLINED.code, CONVERT_REF_BROKEN.code] {
            assert!(codes.contains(&c), "{c} in {codes:?}");
        }
    }
}
