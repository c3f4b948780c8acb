//! More operation-table rules: unique arrays, enums and `x-ms-enum-values`, paging, response
//! schemas, overlapping paths (catalog §3.1 #4, #8, #18-19, #21, #32, #61).

use std::collections::HashMap;

use serde_json::Value;

use super::opkit::{def_rule, ops};
use super::util::{fits_type, json_type};
use super::{Context, Rule, Severity};
use crate::model::FileKind;
use crate::model::pointer::join;

pub const RULES: &[&Rule] = &[
    &ARRAY_DUPLICATE_VALUE,
    &DUPLICATE_ENUM_VALUES_IN_EXTENSION,
    &INVALID_ENUM_VALUE,
    &INVALID_ENUM_VALUES_EXTENSION_VALUE,
    &INVALID_NEXT_LINK_NAME_VALUE,
    &OPERATION_HAS_MANY_RESPONSES_WITH_SCHEMA,
    &PARTIAL_DUPLICATE_OPERATION_PATH,
];

/// Keys whose subtrees are payloads, not definitions.
const PAYLOAD_KEYS: [&str; 5] = ["example", "examples", "x-ms-test-value", "default", "enum"];

/// Every object in the document outside payloads: (pointer, object, key it sits under).
fn objects(root: &Value) -> Vec<(String, &Value, String)> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Value, String, String, usize)> =
        vec![(root, String::new(), String::new(), 0)];
    while let Some((v, at, key, depth)) = stack.pop() {
        if depth > 256 {
            continue;
        }
        match v {
            Value::Object(m) => {
                out.push((at.clone(), v, key));
                for (k, c) in m {
                    if !PAYLOAD_KEYS.contains(&k.as_str()) && (c.is_object() || c.is_array()) {
                        stack.push((c, join(&at, k), k.clone(), depth + 1));
                    }
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    if c.is_object() || c.is_array() {
                        stack.push((c, format!("{at}/{i}"), key.clone(), depth + 1));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn all_objects<'a>(cx: &Context<'a>) -> Vec<(String, &'a Value, String)> {
    cx.connector
        .definition_value()
        .map(objects)
        .unwrap_or_default()
}

/// Unique-item arrays: key name → whether it applies to this object.
const UNIQUE_KEYS: [&str; 6] = [
    "enum", "required", "schemes", "consumes", "produces", "tags",
];

def_rule!(
    ARRAY_DUPLICATE_VALUE,
    "ArrayDuplicateValue",
    Error,
    ALL,
    "A list that must hold distinct values repeats one",
    "`enum`, `required`, `schemes`, `consumes`, `produces`, operation `tags` and security scope \
lists are sets: a repeated value is a mistake (often a copy-paste) and is rejected. Remove the \
repetition.\n\nBad: `\"required\": [\"id\", \"name\", \"id\"]`  Good: `\"required\": [\"id\", \
\"name\"]`.",
    |cx, sink| {
        let mut lists: Vec<(String, &Value)> = Vec::new();
        for (at, obj, parent) in all_objects(cx) {
            let Some(m) = obj.as_object() else { continue };
            for k in UNIQUE_KEYS {
                // Root `tags` is a list of tag objects (TagRedefined covers it); `properties`
                // maps may have a property literally named `enum` or `required`.
                if parent == "properties" || (k == "tags" && at.is_empty()) {
                    continue;
                }
                if let Some(a @ Value::Array(_)) = m.get(k) {
                    lists.push((join(&at, k), a));
                }
            }
            if parent == "security" {
                for (k, v) in m {
                    lists.push((join(&at, k), v));
                }
            }
        }
        for (at, list) in lists {
            let Some(a) = list.as_array() else { continue };
            for (i, v) in a.iter().enumerate() {
                if a[..i].contains(v) {
                    sink.emit(format!("{at}/{i}"), format!("duplicate value {v}"));
                }
            }
        }
    }
);

/// Objects carrying `x-ms-enum-values` (parameters and schemas), with the array.
fn enum_values<'a>(cx: &Context<'a>) -> Vec<(String, &'a Value, &'a Vec<Value>)> {
    all_objects(cx)
        .into_iter()
        .filter_map(|(at, o, _)| {
            o.get("x-ms-enum-values")
                .and_then(Value::as_array)
                .map(|a| (at, o, a))
        })
        .collect()
}

def_rule!(
    DUPLICATE_ENUM_VALUES_IN_EXTENSION,
    "DuplicateEnumValuesInExtension",
    Error,
    ALL,
    "Two `x-ms-enum-values` entries have the same `value`",
    "Each entry of `x-ms-enum-values` gives the display name of one allowed value; a value \
listed twice has two display names. Keep one entry per value.",
    |cx, sink| {
        for (at, _, list) in enum_values(cx) {
            let base = join(&at, "x-ms-enum-values");
            for (i, e) in list.iter().enumerate() {
                let Some(v) = e.get("value") else { continue };
                if list[..i].iter().any(|p| p.get("value") == Some(v)) {
                    sink.emit(
                        join(&format!("{base}/{i}"), "value"),
                        format!("value {v} is listed twice in x-ms-enum-values"),
                    );
                }
            }
        }
    }
);

def_rule!(
    INVALID_ENUM_VALUE,
    "InvalidEnumValue",
    Error,
    ALL,
    "An `enum` member whose JSON type differs from the declared `type`",
    "Every allowed value must be of the parameter's or schema's type: a `string` enum holds \
strings, an `integer` enum integers.\n\nBad: `{\"type\": \"string\", \"enum\": [1, 2]}`  Good: \
`{\"type\": \"string\", \"enum\": [\"1\", \"2\"]}`.\n\nCalibration: 13 merged connectors \
(10 certified, 3 independent-publisher) quote their values (`\"true\"` in a boolean enum, `\"0\"` in an integer enum), \
including Azure Communication Services MMS (2024); Microsoft does not block on strings that \
spell a value of the declared type, so those are warnings. Other mismatches stay errors.",
    |cx, sink| {
        for (at, obj, parent) in all_objects(cx) {
            if parent == "properties" {
                continue;
            }
            let (Some(ty), Some(list)) = (
                obj.get("type").and_then(Value::as_str),
                obj.get("enum").and_then(Value::as_array),
            ) else {
                continue;
            };
            for (i, v) in list.iter().enumerate() {
                if !v.is_null() && !fits_type(v, ty) {
                    // A string spelling a value of the right type: accepted by the platform.
                    let severity = if v.as_str().is_some_and(|s| spells(s, ty)) {
                        Severity::Warning
                    } else {
                        Severity::Error
                    };
                    sink.emit_with(
                        severity,
                        FileKind::Definition,
                        format!("{}/{i}", join(&at, "enum")),
                        format!("enum value {v} is {} but the type is {ty}", json_type(v)),
                    );
                }
            }
        }
    }
);

def_rule!(
    INVALID_ENUM_VALUES_EXTENSION_VALUE,
    "InvalidEnumValuesExtensionValue",
    Error,
    ALL,
    "An `x-ms-enum-values` value that is not in the sibling `enum`",
    "`x-ms-enum-values` only names values `enum` allows; a value missing from `enum` can never \
be chosen. Add it to `enum` or remove the entry.",
    |cx, sink| {
        for (at, obj, list) in enum_values(cx) {
            let Some(allowed) = obj.get("enum").and_then(Value::as_array) else {
                continue;
            };
            let base = join(&at, "x-ms-enum-values");
            for (i, e) in list.iter().enumerate() {
                if let Some(v) = e.get("value")
                    && !allowed.contains(v)
                {
                    sink.emit(
                        join(&format!("{base}/{i}"), "value"),
                        format!("value {v} is not in enum"),
                    );
                }
            }
        }
    }
);

def_rule!(
    INVALID_NEXT_LINK_NAME_VALUE,
    "InvalidNextLinkNameValue",
    Error,
    ALL,
    "`x-ms-pageable.nextLinkName` is not `nextLink` or `@odata.nextLink`",
    "The platform follows pages through a response property named `nextLink` or \
`@odata.nextLink` only. If the service uses another name, rename it in a policy or custom code, \
or drop `x-ms-pageable`.",
    |cx, sink| {
        for op in ops(cx) {
            let Some(n) = op.get("x-ms-pageable").and_then(|p| p.get("nextLinkName")) else {
                continue;
            };
            if !matches!(n.as_str(), Some("nextLink" | "@odata.nextLink")) {
                sink.emit(
                    join(&join(&op.pointer, "x-ms-pageable"), "nextLinkName"),
                    format!("nextLinkName {n} is not supported"),
                );
            }
        }
    }
);

def_rule!(
    OPERATION_HAS_MANY_RESPONSES_WITH_SCHEMA,
    "OperationHasManyResponsesWithSchema",
    Warning,
    ALL,
    "More than one success response of an operation carries a `schema`",
    "The designer builds an operation's outputs from one success response only; schemas on \
other 2xx codes are ignored. Keep the schema on the code the service normally returns.\n\n\
Calibration: error responses (4xx/5xx) with schemas are common and harmless, and `default` \
with a schema is DefaultResponseHasSchema, so only 2xx responses are counted.",
    |cx, sink| {
        for op in ops(cx) {
            let Some(m) = op.get("responses").and_then(Value::as_object) else {
                continue;
            };
            let with: Vec<&String> = m
                .iter()
                .filter(|(k, v)| k.starts_with('2') && v.get("schema").is_some())
                .map(|(k, _)| k)
                .collect();
            for k in with.iter().skip(1) {
                sink.emit(
                    join(&join(&join(&op.pointer, "responses"), k), "schema"),
                    format!(
                        "{} already has a response schema on {}",
                        op.label(),
                        with[0]
                    ),
                );
            }
        }
    }
);

/// Whether a string spells a value of a Swagger type (`"true"` for boolean, `"5"` for integer).
fn spells(s: &str, ty: &str) -> bool {
    match ty {
        "boolean" => s == "true" || s == "false",
        "integer" => s.trim().parse::<i64>().is_ok(),
        "number" => s.trim().parse::<f64>().is_ok(),
        _ => false,
    }
}

fn is_var(seg: &str) -> bool {
    seg.starts_with('{') && seg.ends_with('}') && seg.len() > 2
}

def_rule!(
    PARTIAL_DUPLICATE_OPERATION_PATH,
    "PartialDuplicateOperationPath",
    Warning,
    ALL,
    "Two paths with the same method could match the same URL",
    "`/items/{id}` and `/items/search` both match `/items/search`; which operation runs depends \
on routing order. Prefer distinct shapes (`/items/{id}` and `/search/items`), or make sure the \
service treats the literal segment first.",
    |cx, sink| {
        // A trie per method over the paths seen so far: each path is searched (a literal
        // segment follows the same literal or a variable; a variable follows every child)
        // before it is inserted, so each overlapping pair is reported once, on the later
        // path. Linear in practice, unlike comparing every pair (100,000 operations took
        // minutes); a visit budget bounds adversarial inputs.
        let mut tries: HashMap<&str, PathTrie<'_>> = HashMap::new();
        let mut budget: usize = 5_000_000;
        for op in ops(cx) {
            let segs: Vec<&str> = op.path.trim_end_matches('/').split('/').collect();
            let trie = tries.entry(op.method).or_default();
            if let Some(q) = trie.find_overlap(&segs, &mut budget) {
                sink.emit(
                    op.pointer.clone(),
                    format!("'{}' and '{q}' can match the same URL", op.path),
                );
            }
            trie.insert(&segs, op.path);
        }
    }
);

#[derive(Default)]
struct PathTrie<'a> {
    nodes: Vec<TrieNode<'a>>,
}

#[derive(Default)]
struct TrieNode<'a> {
    /// Ordered, so which overlapping path is named is deterministic.
    literals: std::collections::BTreeMap<String, usize>,
    var: Option<usize>,
    /// A path ending here.
    path: Option<&'a str>,
}

impl<'a> PathTrie<'a> {
    fn insert(&mut self, segs: &[&str], path: &'a str) {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
        }
        let mut n = 0;
        for s in segs {
            let next = if is_var(s) {
                self.nodes[n].var
            } else {
                self.nodes[n].literals.get(&s.to_ascii_lowercase()).copied()
            };
            n = match next {
                Some(i) => i,
                None => {
                    self.nodes.push(TrieNode::default());
                    let i = self.nodes.len() - 1;
                    if is_var(s) {
                        self.nodes[n].var = Some(i);
                    } else {
                        self.nodes[n].literals.insert(s.to_ascii_lowercase(), i);
                    }
                    i
                }
            };
        }
        self.nodes[n].path.get_or_insert(path);
    }

    /// A stored path that matches the same URLs as `segs` somewhere, differing in at least
    /// one position by variable versus literal.
    fn find_overlap(&self, segs: &[&str], budget: &mut usize) -> Option<&'a str> {
        if self.nodes.is_empty() {
            return None;
        }
        self.search(0, segs, false, budget)
    }

    fn search(
        &self,
        n: usize,
        segs: &[&str],
        differs: bool,
        budget: &mut usize,
    ) -> Option<&'a str> {
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        let node = &self.nodes[n];
        let Some((s, rest)) = segs.split_first() else {
            return if differs { node.path } else { None };
        };
        if is_var(s) {
            if let Some(v) = node.var
                && let Some(p) = self.search(v, rest, differs, budget)
            {
                return Some(p);
            }
            for &c in node.literals.values() {
                if let Some(p) = self.search(c, rest, true, budget) {
                    return Some(p);
                }
            }
            None
        } else {
            if let Some(&c) = node.literals.get(&s.to_ascii_lowercase())
                && let Some(p) = self.search(c, rest, differs, budget)
            {
                return Some(p);
            }
            node.var.and_then(|v| self.search(v, rest, true, budget))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn minimal_is_clean() {
        for r in RULES {
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn duplicates_in_sets() {
        let d = patch(
            minimal(),
            json!({"schemes": ["https", "https"], "definitions": {"T": {"type": "object", "required": ["a", "a"],
                "properties": {"required": {"type": "array", "items": {"type": "string"}}, "e": {"type": "string", "enum": ["x", "y"]}}}}}),
        );
        assert_eq!(
            pointers(&run(&ARRAY_DUPLICATE_VALUE, d)),
            vec!["/schemes/1", "/definitions/T/required/1"]
        );
    }

    #[test]
    fn enums() {
        let d = patch(
            minimal(),
            json!({"definitions": {"B": {"type": "boolean", "enum": ["true", "yes"]}, "E": {"type": "string", "enum": ["a", 2],
                "x-ms-enum-values": [{"value": "a", "displayName": "A"}, {"value": "a", "displayName": "A2"}, {"value": "c", "displayName": "C"}]}}}),
        );
        let f = run(&INVALID_ENUM_VALUE, d.clone());
        assert_eq!(
            pointers(&f),
            vec![
                "/definitions/B/enum/0",
                "/definitions/B/enum/1",
                "/definitions/E/enum/1"
            ]
        );
        let sev: Vec<_> = f.iter().map(|f| f.severity).collect();
        assert_eq!(
            sev,
            vec![Severity::Warning, Severity::Error, Severity::Error]
        );
        assert_eq!(
            pointers(&run(&DUPLICATE_ENUM_VALUES_IN_EXTENSION, d.clone())),
            vec!["/definitions/E/x-ms-enum-values/1/value"]
        );
        assert_eq!(
            pointers(&run(&INVALID_ENUM_VALUES_EXTENSION_VALUE, d)),
            vec!["/definitions/E/x-ms-enum-values/2/value"]
        );
    }

    #[test]
    fn paging_and_responses() {
        let mut d = minimal();
        let op = d.pointer_mut("/paths/~1tasks~1{taskId}/get").unwrap();
        op["x-ms-pageable"] = json!({"nextLinkName": "next"});
        op["responses"]["201"] = json!({"description": "x", "schema": {"type": "object"}});
        op["responses"]["400"] = json!({"description": "x", "schema": {"type": "object"}});
        assert_eq!(run(&INVALID_NEXT_LINK_NAME_VALUE, d.clone()).len(), 1);
        assert_eq!(
            pointers(&run(&OPERATION_HAS_MANY_RESPONSES_WITH_SCHEMA, d)),
            vec!["/paths/~1tasks~1{taskId}/get/responses/201/schema"]
        );
    }

    #[test]
    fn partial_duplicates() {
        let d = patch(
            minimal(),
            json!({"paths": {"/tasks/search": {"get": {"operationId": "Search", "responses": {"200": {"description": "x"}}}},
                             "/tasks/search/all": {"get": {"operationId": "All", "responses": {"200": {"description": "x"}}}}}}),
        );
        assert_eq!(run(&PARTIAL_DUPLICATE_OPERATION_PATH, d).len(), 1);
    }

    #[test]
    fn partial_duplicates_cross_and_exact_shapes() {
        let ok = |p: &str| json!({"get": {"operationId": p.replace(['/', '{', '}'], ""), "responses": {"200": {"description": "x"}}}});
        let mut paths = serde_json::Map::new();
        for p in [
            "/a/{x}/c",
            "/{y}/b/c",
            "/q/{id}",
            "/q/{other}",
            "/z/one",
            "/z/two",
        ] {
            paths.insert(p.into(), ok(p));
        }
        let d = json!({"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": paths});
        let f = run(&PARTIAL_DUPLICATE_OPERATION_PATH, d);
        // Only the crossing pair: same-shape variables are DuplicateOperationPath's business.
        assert_eq!(pointers(&f), vec!["/paths/~1{y}~1b~1c/get"]);
        assert!(f[0].message.contains("'/a/{x}/c'"));
    }

    #[test]
    fn twenty_thousand_operations_without_overlap() {
        let paths: serde_json::Map<String, serde_json::Value> = (0..20_000)
            .map(|i| (format!("/r{i}/{{id}}"), json!({"get": {"operationId": format!("Op{i}"), "responses": {"200": {"description": "x"}}}})))
            .collect();
        let d = json!({"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": paths});
        assert!(run(&PARTIAL_DUPLICATE_OPERATION_PATH, d).is_empty());
    }
}
