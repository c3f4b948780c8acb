//! The inputs of each request: the plan file, then each parameter's `x-ms-test-value`,
//! `default`, first `enum` value.
//!
//! A plan (JSON or YAML):
//! `{"operations": {"OpId": [{"params": {…}, "body": …, "expect": {"status": 200}}]}}`; each
//! entry is one request. Operations not in the plan run once on their own values. A plan body
//! replaces the test value outright. An operation with a required input that has no value is
//! skipped with a note naming the input; connkit does not call `x-ms-dynamic-values` to find
//! one.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::model::swagger::{Operation, Param, Swagger};

/// The most a plan file may weigh.
pub(crate) const MAX_PLAN_BYTES: u64 = 4 * 1024 * 1024;

/// One request of the plan.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlanEntry {
    /// Parameter values by name (path, query, header, formData; `body` for the body).
    #[serde(default)]
    pub(crate) params: Map<String, Value>,
    /// The request body; replaces any test value.
    #[serde(default)]
    pub(crate) body: Option<Value>,
    #[serde(default)]
    pub(crate) expect: Option<Expect>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Expect {
    pub(crate) status: Option<u16>,
}

/// A test plan.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Plan {
    #[serde(default)]
    pub(crate) operations: BTreeMap<String, Vec<PlanEntry>>,
}

impl Plan {
    /// Parse a plan: YAML when `yaml`, else JSON. The error names what is wrong, never echoes
    /// the file.
    pub(crate) fn parse(text: &str, yaml: bool) -> Result<Plan, String> {
        if yaml {
            serde_yaml::from_str(text).map_err(|e| format!("the plan is not a valid plan: {e}"))
        } else {
            serde_json::from_str(text).map_err(|e| format!("the plan is not a valid plan: {e}"))
        }
    }

    /// Operation ids of the plan that the definition does not have.
    pub(crate) fn unknown_operations<'p>(&'p self, sw: &Swagger<'_>) -> Vec<&'p str> {
        self.operations
            .keys()
            .filter(|id| sw.operation_by_id(id).is_none())
            .map(String::as_str)
            .collect()
    }
}

/// The value of one non-body parameter of a request.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ParamValue {
    pub(crate) name: String,
    /// `path`, `query`, `header`, `formData`.
    pub(crate) location: String,
    pub(crate) value: Value,
    /// `collectionFormat` (`csv` when absent), for arrays.
    pub(crate) collection_format: String,
}

/// The inputs of one request.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Inputs {
    pub(crate) params: Vec<ParamValue>,
    pub(crate) body: Option<Value>,
}

/// A value from the definition for a parameter or schema: `x-ms-test-value`, then `default`,
/// then the first `enum` value.
fn declared_value(v: &Value) -> Option<Value> {
    if let Some(t) = v.get("x-ms-test-value") {
        return Some(t.clone());
    }
    if let Some(d) = v.get("default") {
        return Some(d.clone());
    }
    v.get("enum")
        .and_then(Value::as_array)
        .and_then(|e| e.first())
        .cloned()
}

/// Nesting of a body built from its schema, at most.
const MAX_BODY_DEPTH: usize = 16;

/// A body from its schema: the schema's own `x-ms-test-value` / `default` / first enum, else,
/// for an object, each property that has a value (required ones must have one). `Err` names
/// the first required input without a value (`body.customer.id`).
fn body_from_schema<'a>(
    sw: &Swagger<'a>,
    schema: &'a Value,
    at: &str,
    name: &str,
    depth: usize,
) -> Result<Option<Value>, String> {
    let (s, ptr) = sw.resolve_or_self(schema, at);
    if let Some(v) = declared_value(s) {
        return Ok(Some(v));
    }
    if depth > MAX_BODY_DEPTH {
        return Ok(None);
    }
    let Some(props) = s.get("properties").and_then(Value::as_object) else {
        return Ok(None);
    };
    let required: Vec<&str> = s
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut out = Map::new();
    let base = crate::model::pointer::join(&ptr, "properties");
    for (k, ps) in props {
        let child = format!("{name}.{k}");
        let at = crate::model::pointer::join(&base, k);
        let is_required = required.contains(&k.as_str());
        match body_from_schema(sw, ps, &at, &child, depth + 1)? {
            Some(v) => {
                out.insert(k.clone(), v);
            }
            None if is_required => return Err(child),
            None => {}
        }
    }
    Ok((!out.is_empty() || required.is_empty()).then_some(Value::Object(out)))
}

/// The inputs of one request of `op` (`entry` is the plan's, if any). `Err` names the first
/// required input that has no value.
pub(crate) fn resolve<'a>(
    sw: &Swagger<'a>,
    op: &Operation<'a>,
    entry: Option<&PlanEntry>,
) -> Result<Inputs, String> {
    let mut inputs = Inputs::default();
    let planned = |name: &str| entry.and_then(|e| e.params.get(name)).cloned();
    for p in &op.params {
        let (Some(name), Some(location)) = (p.name, p.location) else {
            continue;
        };
        if location == "body" {
            inputs.body = body_value(sw, p, entry, name)?;
            continue;
        }
        let value = planned(name)
            .or_else(|| p.get("x-ms-test-value").cloned())
            .or_else(|| {
                // Optional parameters are sent only with a test value, except internal ones
                // that carry a default: the platform always sends those.
                let internal = p.visibility() == Some("internal");
                (p.is_required() || location == "path" || internal)
                    .then(|| declared_value(p.value))
                    .flatten()
            });
        match value {
            Some(value) => inputs.params.push(ParamValue {
                name: name.to_string(),
                location: location.to_string(),
                value,
                collection_format: p.str("collectionFormat").unwrap_or("csv").to_string(),
            }),
            None if p.is_required() || location == "path" => return Err(name.to_string()),
            None => {}
        }
    }
    Ok(inputs)
}

fn body_value<'a>(
    sw: &Swagger<'a>,
    p: &Param<'a>,
    entry: Option<&PlanEntry>,
    name: &str,
) -> Result<Option<Value>, String> {
    if let Some(b) = entry.and_then(|e| e.body.clone().or_else(|| e.params.get(name).cloned())) {
        return Ok(Some(b));
    }
    if let Some(t) = p.get("x-ms-test-value") {
        return Ok(Some(t.clone()));
    }
    let built = match p.get("schema") {
        Some(schema) => body_from_schema(sw, schema, &p.field("schema"), name, 0)?,
        None => None,
    };
    match built {
        None if p.is_required() => Err(name.to_string()),
        // An optional body with nothing to put in it is left out.
        Some(Value::Object(m)) if m.is_empty() && !p.is_required() => Ok(None),
        other => Ok(other),
    }
}

/// A parameter value as it goes into a URL or header: strings as they are, arrays joined by
/// their `collectionFormat` (`multi` is expanded by the caller), other values as JSON.
#[cfg(test)]
pub(crate) fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The values of a parameter for the wire: one string, or (for `multi`) one per item.
#[cfg(test)]
pub(crate) fn wire_values(p: &ParamValue) -> Vec<String> {
    let Value::Array(items) = &p.value else {
        return vec![scalar(&p.value)];
    };
    let parts: Vec<String> = items.iter().map(scalar).collect();
    let sep = match p.collection_format.as_str() {
        "multi" => return parts,
        "ssv" => " ",
        "tsv" => "\t",
        "pipes" => "|",
        _ => ",",
    };
    vec![parts.join(sep)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn def(params: Value) -> Value {
        json!({"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {"/o/{id}": {"post": {
            "operationId": "Op", "parameters": params, "responses": {"200": {"description": "OK"}}
        }}}, "definitions": {"Body": {"type": "object", "required": ["sku"], "properties": {
            "sku": {"type": "string", "x-ms-test-value": "S-1"},
            "qty": {"type": "integer", "default": 1},
            "note": {"type": "string"}
        }}}})
    }

    fn resolved(d: &Value, entry: Option<&PlanEntry>) -> Result<Inputs, String> {
        let sw = Swagger::new(d);
        let op = sw.operation_by_id("Op").unwrap();
        resolve(&sw, op, entry)
    }

    #[test]
    fn precedence_is_plan_test_value_default_enum() {
        let d = def(json!([
            {"name": "id", "in": "path", "required": true, "type": "string", "x-ms-test-value": "t", "default": "d"},
            {"name": "mode", "in": "query", "required": true, "type": "string", "default": "fast", "enum": ["slow", "fast"]},
            {"name": "kind", "in": "query", "required": true, "type": "string", "enum": ["a", "b"]},
            {"name": "opt", "in": "query", "type": "string", "default": "x"},
            {"name": "tags", "in": "query", "type": "array", "items": {"type": "string"}, "x-ms-test-value": ["a", "b"]}
        ]));
        let got = resolved(&d, None).unwrap();
        let v: Vec<(String, Value)> = got
            .params
            .iter()
            .map(|p| (p.name.clone(), p.value.clone()))
            .collect();
        assert_eq!(
            v,
            vec![
                ("id".into(), json!("t")),
                ("mode".into(), json!("fast")),
                ("kind".into(), json!("a")),
                ("tags".into(), json!(["a", "b"])),
            ]
        );
        assert_eq!(wire_values(&got.params[3]), ["a,b"]);
        let entry = PlanEntry {
            params: json!({"id": "p", "opt": "o"}).as_object().unwrap().clone(),
            ..Default::default()
        };
        let got = resolved(&d, Some(&entry)).unwrap();
        assert_eq!(got.params[0].value, json!("p"));
        assert!(
            got.params
                .iter()
                .any(|p| p.name == "opt" && p.value == json!("o"))
        );
    }

    #[test]
    fn a_required_input_without_value_is_named() {
        let d = def(json!([{"name": "id", "in": "path", "required": true, "type": "string"}]));
        assert_eq!(resolved(&d, None), Err("id".to_string()));
        let d = def(
            json!([{"name": "body", "in": "body", "required": true, "schema": {"type": "object", "required": ["x"], "properties": {"x": {"type": "string"}}}}]),
        );
        assert_eq!(resolved(&d, None), Err("body.x".to_string()));
    }

    #[test]
    fn bodies_from_the_parameter_the_schema_or_the_plan() {
        let d = def(
            json!([{"name": "body", "in": "body", "required": true, "schema": {"$ref": "#/definitions/Body"}}]),
        );
        assert_eq!(
            resolved(&d, None).unwrap().body,
            Some(json!({"sku": "S-1", "qty": 1}))
        );
        let d = def(
            json!([{"name": "body", "in": "body", "required": true, "x-ms-test-value": {"a": 1}, "schema": {"$ref": "#/definitions/Body"}}]),
        );
        assert_eq!(resolved(&d, None).unwrap().body, Some(json!({"a": 1})));
        let entry = PlanEntry {
            body: Some(json!({"b": 2})),
            ..Default::default()
        };
        assert_eq!(
            resolved(&d, Some(&entry)).unwrap().body,
            Some(json!({"b": 2}))
        );
    }

    #[test]
    fn plans_parse_from_json_and_yaml_and_refuse_typos() {
        let j = r#"{"operations": {"Op": [{"params": {"id": "1"}, "expect": {"status": 201}}]}}"#;
        let y = "operations:\n  Op:\n    - params:\n        id: '1'\n      expect:\n        status: 201\n";
        let pj = Plan::parse(j, false).unwrap();
        assert_eq!(pj, Plan::parse(y, true).unwrap());
        assert_eq!(
            pj.operations["Op"][0].expect.as_ref().unwrap().status,
            Some(201)
        );
        assert!(Plan::parse(r#"{"operations": {"Op": [{"param": {}}]}}"#, false).is_err());
    }

    #[test]
    fn collection_formats() {
        let p = |f: &str| ParamValue {
            name: "t".into(),
            location: "query".into(),
            value: json!(["a", "b"]),
            collection_format: f.into(),
        };
        assert_eq!(wire_values(&p("csv")), ["a,b"]);
        assert_eq!(wire_values(&p("pipes")), ["a|b"]);
        assert_eq!(wire_values(&p("ssv")), ["a b"]);
        assert_eq!(wire_values(&p("multi")), ["a", "b"]);
    }
}
