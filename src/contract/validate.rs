//! A response checked against the operation that was called, with Swagger 2.0 semantics:
//! the status is declared (or `default`), the content type is one the operation produces,
//! the body matches the response schema (`type` — an integer is a valid number —,
//! `required`, `enum`, `format`, `items`, `additionalProperties`, `x-nullable`), every
//! declared header is present, `x-ms-pageable`'s `nextLinkName` is there when the schema
//! requires it, and the `x-ms-dynamic-values` / `x-ms-dynamic-list` paths that name this
//! operation find their values.
//!
//! Written here rather than with a JSON Schema crate: Swagger 2.0 schemas are not JSON Schema
//! (`x-nullable`, `file`, no `null` type, `$ref` into the whole definition), every problem must
//! carry the pointer of the schema location *in the definition* (through `$ref`, where the user
//! edits it) and the body's path, and the definition's `$ref` resolution is the model's own
//! ([`Swagger::resolve`]).

use std::collections::HashMap;

use regex::Regex;
use serde_json::Value;

use super::Problem;
use super::codes::*;
use crate::model::pointer::join;
use crate::model::swagger::{Operation, Swagger, mime_essence};

/// A response as received (or replayed).
#[derive(Debug, Clone, Default)]
pub(crate) struct Response {
    pub(crate) status: u16,
    /// Header names lower-cased.
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
    /// The body was over the cap and cut off.
    pub(crate) truncated: bool,
}

impl Response {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Problems listed per response at most; the rest are counted in one last message.
pub(crate) const MAX_PROBLEMS: usize = 200;
/// Deepest body nesting checked.
const MAX_DEPTH: usize = 64;

/// Check one response of `op`. `expect_status` is the plan's `expect.status`.
pub(crate) fn check<'a>(
    sw: &Swagger<'a>,
    op: &Operation<'a>,
    resp: &Response,
    expect_status: Option<u16>,
) -> Vec<Problem> {
    let mut v = Checker {
        sw,
        problems: Vec::new(),
        dropped: 0,
        next_link: None,
        patterns: HashMap::new(),
    };
    v.response(op, resp, expect_status);
    if v.dropped > 0 {
        let last = v.problems.last().cloned();
        if let Some(last) = last {
            v.problems.push(Problem {
                code: last.code,
                pointer: last.pointer,
                path: "$".into(),
                message: format!("… and {} more problems not listed", v.dropped),
            });
        }
    }
    v.problems
}

struct Checker<'s, 'a> {
    sw: &'s Swagger<'a>,
    problems: Vec<Problem>,
    dropped: usize,
    /// `x-ms-pageable.nextLinkName` of the operation (checked at the body's root).
    next_link: Option<&'a str>,
    /// Each `pattern` compiled once (`None`: Rust's `regex` cannot compile it).
    patterns: HashMap<&'a str, Option<Regex>>,
}

/// `$.name`, or `$['odd name']` when the name is not an identifier.
pub(crate) fn path_key(base: &str, key: &str) -> String {
    let ident = !key.is_empty()
        && key.chars().enumerate().all(|(i, c)| {
            c == '_' || c == '$' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())
        });
    if ident {
        format!("{base}.{key}")
    } else {
        format!(
            "{base}['{}']",
            key.replace('\\', "\\\\").replace('\'', "\\'")
        )
    }
}

fn path_index(base: &str, i: usize) -> String {
    format!("{base}[{i}]")
}

/// A short, bounded rendering of a value for a message.
fn show(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn is_integer(v: &Value) -> bool {
    match v {
        Value::Number(n) => {
            n.is_i64()
                || n.is_u64()
                || n.as_f64()
                    .is_some_and(|f| f.fract() == 0.0 && f.is_finite())
        }
        _ => false,
    }
}

/// Whether the value has the Swagger type (`None`: an unknown type, not checked).
fn has_type(v: &Value, ty: &str) -> Option<bool> {
    Some(match ty {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "number" => v.is_number(),
        "integer" => is_integer(v),
        "file" => true,
        "null" => v.is_null(),
        _ => return None,
    })
}

/// How many items `uniqueItems` compares.
const MAX_UNIQUE_ITEMS: usize = 1_000;

/// A text equal for two values exactly when [`same_value`] says so, deeply: numbers by value,
/// object members in key order.
fn canonical(v: &Value, out: &mut String) {
    use std::fmt::Write as _;
    match v {
        Value::Number(n) => match n.as_f64() {
            Some(x) => {
                let _ = write!(out, "n{x:e}");
            }
            None => {
                let _ = write!(out, "n{n}");
            }
        },
        Value::Array(items) => {
            out.push('[');
            for i in items {
                canonical(i, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for k in keys {
                let _ = write!(out, "{}:", Value::from(k.as_str()));
                canonical(&map[k], out);
                out.push(',');
            }
            out.push('}');
        }
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

impl<'s, 'a> Checker<'s, 'a> {
    fn push(&mut self, check: &TestCheck, pointer: String, path: String, message: String) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.dropped += 1;
            return;
        }
        self.problems.push(Problem {
            code: check.code,
            pointer,
            path,
            message,
        });
    }

    fn response(&mut self, op: &Operation<'a>, resp: &Response, expect: Option<u16>) {
        let responses_ptr = join(&op.pointer, "responses");
        let responses = op.get("responses").and_then(Value::as_object);
        let status = resp.status.to_string();
        if let Some(want) = expect
            && want != resp.status
        {
            self.push(
                &TEST_STATUS_NOT_EXPECTED,
                responses_ptr.clone(),
                "$".into(),
                format!(
                    "the plan expects status {want}, the API answered {}",
                    resp.status
                ),
            );
        }
        let key = responses.and_then(|r| {
            if r.contains_key(&status) {
                Some(status.clone())
            } else if r.contains_key("default") {
                Some("default".to_string())
            } else {
                None
            }
        });
        let Some(key) = key else {
            let declared: Vec<&str> = responses
                .map(|r| r.keys().map(String::as_str).collect())
                .unwrap_or_default();
            self.push(
                &TEST_STATUS_UNDECLARED,
                responses_ptr,
                "$".into(),
                format!(
                    "status {} is not declared and there is no default response (declared: {})",
                    resp.status,
                    if declared.is_empty() {
                        "none".to_string()
                    } else {
                        declared.join(", ")
                    }
                ),
            );
            return;
        };
        let Some(raw) = responses.and_then(|r| r.get(&key)) else {
            return;
        };
        let Ok((robj, rptr)) = self.sw.resolve(raw, &join(&responses_ptr, &key)) else {
            return;
        };
        if resp.truncated {
            self.push(
                &TEST_RESPONSE_TOO_LARGE,
                rptr,
                "$".into(),
                "the response body was over 4 MiB; connkit read only the first 4 MiB and did not check it".into(),
            );
            return;
        }
        // Declared headers.
        if let Some(headers) = robj.get("headers").and_then(Value::as_object) {
            let hptr = join(&rptr, "headers");
            for name in headers.keys() {
                if resp.header(name).is_none() {
                    self.push(
                        &TEST_HEADER_MISSING,
                        join(&hptr, name),
                        "$".into(),
                        format!(
                            "the response has no '{name}' header, which the definition declares"
                        ),
                    );
                }
            }
        }
        let has_body = !resp.body.iter().all(u8::is_ascii_whitespace);
        let content_type = resp.header("content-type").map(mime_essence);
        let type_ok = !has_body || self.content_type(op, content_type.as_deref());
        let Some(schema) = robj.get("schema") else {
            return;
        };
        let sptr = join(&rptr, "schema");
        let (resolved, _) = self.sw.resolve_or_self(schema, &sptr);
        let declared_type = resolved.get("type").and_then(Value::as_str);
        if matches!(declared_type, Some("file")) {
            return;
        }
        let jsonish = content_type.as_deref().is_none_or(|c| c.contains("json"));
        // A string body sent as text is not parsed; nor is a body whose (wrong, non-JSON)
        // content type was just reported: one problem, not two.
        if !jsonish && (matches!(declared_type, Some("string")) || !type_ok) {
            return;
        }
        if !has_body {
            if resp.status != 204 && !op.method.eq_ignore_ascii_case("head") {
                self.push(
                    &TEST_BODY_NOT_JSON,
                    sptr,
                    "$".into(),
                    "the response has no body, but the definition declares a schema for it".into(),
                );
            }
            return;
        }
        let value: Value = match serde_json::from_slice(&resp.body) {
            Ok(v) => v,
            Err(e) => {
                self.push(
                    &TEST_BODY_NOT_JSON,
                    sptr,
                    "$".into(),
                    format!(
                        "the body is not JSON ({e}), but the definition declares a schema for it"
                    ),
                );
                return;
            }
        };
        self.next_link = op
            .get("x-ms-pageable")
            .and_then(|p| p.get("nextLinkName"))
            .and_then(Value::as_str);
        self.value(&value, schema, &sptr, "$", 0);
        if (200..300).contains(&resp.status) {
            self.dynamic_paths(op, &value);
        }
    }

    /// Whether the content type is one the operation produces (reported when not).
    fn content_type(&mut self, op: &Operation<'a>, got: Option<&str>) -> bool {
        let produces = self.sw.media_types(op, "produces");
        if produces.is_empty() {
            return true;
        }
        let ptr = if op.get("produces").is_some_and(Value::is_array) {
            join(&op.pointer, "produces")
        } else {
            "/produces".to_string()
        };
        let Some(got) = got else {
            self.push(
                &TEST_CONTENT_TYPE_UNDECLARED,
                ptr,
                "$".into(),
                format!(
                    "the response has a body but no Content-Type header (the operation produces {})",
                    produces.join(", ")
                ),
            );
            return false;
        };
        let ok = produces.iter().any(|p| {
            let p = mime_essence(p);
            p == got || p == "*/*" || (p.ends_with("/*") && got.starts_with(&p[..p.len() - 1]))
        });
        if !ok {
            self.push(
                &TEST_CONTENT_TYPE_UNDECLARED,
                ptr,
                "$".into(),
                format!(
                    "the response's content type is '{got}', which the operation does not produce ({})",
                    produces.join(", ")
                ),
            );
        }
        ok
    }

    /// Check `v` against `schema` (written at `at`), at body path `path`.
    fn value(&mut self, v: &Value, schema: &'a Value, at: &str, path: &str, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let Ok((s, ptr)) = self.sw.resolve(schema, at) else {
            return;
        };
        let ty = s.get("type").and_then(Value::as_str);
        if v.is_null() {
            let nullable = s.get("x-nullable").and_then(Value::as_bool) == Some(true);
            if !nullable && ty.is_some_and(|t| t != "null" && t != "file") {
                self.push(
                    &TEST_NULL_NOT_ALLOWED,
                    ptr,
                    path.into(),
                    format!(
                        "null where the definition declares {} without x-nullable: true",
                        ty.unwrap_or("a value")
                    ),
                );
            }
            return;
        }
        if let Some(all) = s.get("allOf").and_then(Value::as_array) {
            for (i, part) in all.iter().enumerate() {
                let pp = format!("{}/{i}", join(&ptr, "allOf"));
                self.value(v, part, &pp, path, depth + 1);
            }
        }
        if let Some(t) = ty
            && has_type(v, t) == Some(false)
        {
            self.push(
                &TEST_TYPE_MISMATCH,
                ptr,
                path.into(),
                format!("expected {t}, got {} {}", type_name(v), show(v)),
            );
            return;
        }
        if let Some(list) = s.get("enum").and_then(Value::as_array)
            && !list.is_empty()
            && !list.iter().any(|e| same_value(e, v))
        {
            let shown: Vec<String> = list.iter().take(10).map(show).collect();
            let more = if list.len() > 10 { ", …" } else { "" };
            self.push(
                &TEST_ENUM_VALUE_NOT_ALLOWED,
                ptr.clone(),
                path.into(),
                format!(
                    "{} is not one of the declared values ({}{more})",
                    show(v),
                    shown.join(", ")
                ),
            );
        }
        if let Some(format) = s.get("format").and_then(Value::as_str)
            && let Some(why) = format_problem(format, v)
        {
            self.push(
                &TEST_FORMAT_INVALID,
                ptr.clone(),
                path.into(),
                format!("{} is not a valid {format}: {why}", show(v)),
            );
        }
        for (keyword, message) in self.bounds(s, v) {
            self.push(
                &TEST_VALUE_OUT_OF_BOUNDS,
                join(&ptr, keyword),
                path.into(),
                message,
            );
        }
        match v {
            Value::Object(map) => self.object(map, s, &ptr, path, depth),
            Value::Array(items) => {
                if let Some(item_schema) = s.get("items").filter(|i| i.is_object()) {
                    let ip = join(&ptr, "items");
                    for (i, item) in items.iter().enumerate() {
                        self.value(item, item_schema, &ip, &path_index(path, i), depth + 1);
                    }
                }
            }
            _ => {}
        }
    }

    /// The validation keywords of `s` that `v` breaks (those of `v`'s own type only), with a
    /// message each.
    fn bounds(&mut self, s: &'a Value, v: &Value) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let num = |k: &str| s.get(k).and_then(Value::as_f64);
        let count = |k: &str| s.get(k).and_then(Value::as_u64);
        let flag = |k: &str| s.get(k).and_then(Value::as_bool) == Some(true);
        match v {
            Value::Number(n) => {
                let Some(x) = n.as_f64() else {
                    return out;
                };
                if let Some(min) = num("minimum") {
                    if flag("exclusiveMinimum") && x <= min {
                        out.push((
                            "exclusiveMinimum",
                            format!("{x} is not above the exclusiveMinimum {min}"),
                        ));
                    } else if x < min {
                        out.push(("minimum", format!("{x} is below the minimum {min}")));
                    }
                }
                if let Some(max) = num("maximum") {
                    if flag("exclusiveMaximum") && x >= max {
                        out.push((
                            "exclusiveMaximum",
                            format!("{x} is not below the exclusiveMaximum {max}"),
                        ));
                    } else if x > max {
                        out.push(("maximum", format!("{x} is above the maximum {max}")));
                    }
                }
                if let Some(m) = num("multipleOf").filter(|m| *m > 0.0) {
                    let q = x / m;
                    // Decimal steps (0.01) are not exact in binary: allow rounding noise.
                    if q.is_finite() && (q - q.round()).abs() > 1e-9 * q.abs().max(1.0) {
                        out.push(("multipleOf", format!("{x} is not a multipleOf {m}")));
                    }
                }
            }
            Value::String(text) => {
                let chars = text.chars().count() as u64;
                if let Some(max) = count("maxLength").filter(|max| chars > *max) {
                    out.push((
                        "maxLength",
                        format!("{chars} characters, over the maxLength {max}"),
                    ));
                }
                if let Some(min) = count("minLength").filter(|min| chars < *min) {
                    out.push((
                        "minLength",
                        format!("{chars} characters, under the minLength {min}"),
                    ));
                }
                if let Some(pattern) = s.get("pattern").and_then(Value::as_str) {
                    let re = self.patterns.entry(pattern).or_insert_with(|| {
                        regex::RegexBuilder::new(pattern)
                            .size_limit(1 << 20)
                            .build()
                            .ok()
                    });
                    if re.as_ref().is_some_and(|re| !re.is_match(text)) {
                        out.push((
                            "pattern",
                            format!(
                                "{} does not match the pattern {}",
                                show(v),
                                show(&Value::from(pattern))
                            ),
                        ));
                    }
                }
            }
            Value::Array(items) => {
                let n = items.len() as u64;
                if let Some(max) = count("maxItems").filter(|max| n > *max) {
                    out.push(("maxItems", format!("{n} items, over the maxItems {max}")));
                }
                if let Some(min) = count("minItems").filter(|min| n < *min) {
                    out.push(("minItems", format!("{n} items, under the minItems {min}")));
                }
                if flag("uniqueItems") {
                    // One canonical key per item (linear in the body's size, which is capped).
                    let mut seen: HashMap<String, usize> = HashMap::new();
                    let dup = items
                        .iter()
                        .take(MAX_UNIQUE_ITEMS)
                        .enumerate()
                        .find_map(|(j, b)| {
                            let mut key = String::new();
                            canonical(b, &mut key);
                            seen.insert(key, j).map(|i| (i, j))
                        });
                    if let Some((i, j)) = dup {
                        out.push((
                            "uniqueItems",
                            format!(
                                "items {i} and {j} are equal ({}), but uniqueItems is true",
                                show(&items[i])
                            ),
                        ));
                    }
                }
            }
            _ => {}
        }
        out
    }

    fn object(
        &mut self,
        map: &serde_json::Map<String, Value>,
        s: &'a Value,
        ptr: &str,
        path: &str,
        depth: usize,
    ) {
        let props = s.get("properties").and_then(Value::as_object);
        let props_ptr = join(ptr, "properties");
        if let Some(required) = s.get("required").and_then(Value::as_array) {
            for (i, name) in required.iter().enumerate() {
                let Some(name) = name.as_str() else { continue };
                if map.contains_key(name) {
                    continue;
                }
                let at = if props.is_some_and(|p| p.contains_key(name)) {
                    join(&props_ptr, name)
                } else {
                    format!("{}/{i}", join(ptr, "required"))
                };
                if depth == 0 && self.next_link == Some(name) {
                    self.push(
                        &TEST_NEXT_LINK_MISSING,
                        at,
                        path_key(path, name),
                        format!(
                            "the page has no '{name}' (x-ms-pageable nextLinkName), which the schema requires; on the last page send it as null (x-nullable: true)"
                        ),
                    );
                } else {
                    self.push(
                        &TEST_REQUIRED_PROPERTY_MISSING,
                        at,
                        path_key(path, name),
                        format!("required property '{name}' is missing"),
                    );
                }
            }
        }
        let additional = s.get("additionalProperties");
        for (k, child) in map {
            let child_path = path_key(path, k);
            if let Some(ps) = props.and_then(|p| p.get(k)) {
                self.value(child, ps, &join(&props_ptr, k), &child_path, depth + 1);
                continue;
            }
            if declared_in_all_of(self.sw, s, ptr, k, 0) {
                continue;
            }
            match additional {
                Some(Value::Bool(false)) => self.push(
                    &TEST_ADDITIONAL_PROPERTY,
                    join(ptr, "additionalProperties"),
                    child_path,
                    format!("property '{k}' is not declared and additionalProperties is false"),
                ),
                Some(a) if a.is_object() => self.value(
                    child,
                    a,
                    &join(ptr, "additionalProperties"),
                    &child_path,
                    depth + 1,
                ),
                _ => {}
            }
        }
    }

    /// `x-ms-dynamic-values` and `x-ms-dynamic-list` anywhere in the definition that call this
    /// operation: their collection, value and title paths must find something in the body.
    fn dynamic_paths(&mut self, op: &Operation<'a>, body: &Value) {
        let Some(id) = op.operation_id else { return };
        let mut uses: Vec<(String, &'a Value, [&str; 3])> = Vec::new();
        let mut consider = |pointer: &str, node: &'a Value| {
            if let Some(dv) = node.get("x-ms-dynamic-values")
                && dv.get("operationId").and_then(Value::as_str) == Some(id)
            {
                uses.push((
                    join(pointer, "x-ms-dynamic-values"),
                    dv,
                    ["value-collection", "value-path", "value-title"],
                ));
            }
            if let Some(dl) = node.get("x-ms-dynamic-list")
                && dl.get("operationId").and_then(Value::as_str) == Some(id)
            {
                uses.push((
                    join(pointer, "x-ms-dynamic-list"),
                    dl,
                    ["itemsPath", "itemValuePath", "itemTitlePath"],
                ));
            }
        };
        for p in self.sw.param_nodes() {
            consider(&p.pointer, p.value);
        }
        for s in self.sw.schema_nodes() {
            consider(&s.pointer, s.value);
        }
        for (ptr, ext, [coll_key, value_key, title_key]) in uses {
            let coll = ext
                .get(coll_key)
                .and_then(Value::as_str)
                .filter(|c| !c.is_empty());
            let (items, items_path) = match coll {
                Some(c) => {
                    let found = lookup(body, c);
                    let p = slash_path("$", c);
                    match found.and_then(Value::as_array) {
                        Some(a) => (a, p),
                        None => {
                            self.push(
                                &TEST_DYNAMIC_VALUES_PATH_MISSING,
                                join(&ptr, coll_key),
                                p,
                                format!("{coll_key} '{c}' does not name an array in the response"),
                            );
                            continue;
                        }
                    }
                }
                None => {
                    match body.as_array() {
                        Some(a) => (a, "$".to_string()),
                        None => {
                            self.push(
                            &TEST_DYNAMIC_VALUES_PATH_MISSING,
                            ptr.clone(),
                            "$".into(),
                            format!("without {coll_key}, the response must be an array, and it is {}", type_name(body)),
                        );
                            continue;
                        }
                    }
                }
            };
            for key in [value_key, title_key] {
                let Some(sub) = ext
                    .get(key)
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
                else {
                    continue;
                };
                let missing: Vec<usize> = items
                    .iter()
                    .enumerate()
                    .filter(|(_, it)| lookup(it, sub).is_none_or(Value::is_null))
                    .map(|(i, _)| i)
                    .collect();
                if let Some(&first) = missing.first() {
                    self.push(
                        &TEST_DYNAMIC_VALUES_PATH_MISSING,
                        join(&ptr, key),
                        path_index(&items_path, first),
                        format!(
                            "{key} '{sub}' finds nothing in {} of {} items (the dropdown would show empty entries)",
                            missing.len(),
                            items.len()
                        ),
                    );
                }
            }
        }
    }
}

/// Whether `key` is a property of one of the `allOf` parts of `s` (so not an additional one).
fn declared_in_all_of<'a>(
    sw: &Swagger<'a>,
    s: &'a Value,
    ptr: &str,
    key: &str,
    depth: usize,
) -> bool {
    if depth > 16 {
        return false;
    }
    let Some(all) = s.get("allOf").and_then(Value::as_array) else {
        return false;
    };
    all.iter().enumerate().any(|(i, part)| {
        let pp = format!("{}/{i}", join(ptr, "allOf"));
        let Ok((r, rp)) = sw.resolve(part, &pp) else {
            return false;
        };
        r.get("properties").and_then(|p| p.get(key)).is_some()
            || declared_in_all_of(sw, r, &rp, key, depth + 1)
    })
}

/// A `/`-separated property path (`data/items`) in a value.
fn lookup<'v>(v: &'v Value, path: &str) -> Option<&'v Value> {
    let mut cur = v;
    for seg in path.split('/').filter(|s| !s.is_empty()) {
        cur = match cur {
            Value::Object(m) => m.get(seg)?,
            Value::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

fn slash_path(base: &str, path: &str) -> String {
    path.split('/')
        .filter(|s| !s.is_empty())
        .fold(base.to_string(), |acc, seg| path_key(&acc, seg))
}

/// Why a value breaks its `format`, for the formats Power Platform gives meaning to; other
/// formats (and values of another type) are not checked.
pub(crate) fn format_problem(format: &str, v: &Value) -> Option<&'static str> {
    match (format, v) {
        ("date-time", Value::String(s)) => {
            (!is_date_time(s)).then_some("RFC 3339 date-time expected (2024-05-01T12:30:00Z)")
        }
        ("date", Value::String(s)) => {
            (!is_full_date(s)).then_some("RFC 3339 full-date expected (2024-05-01)")
        }
        ("uuid", Value::String(s)) => {
            (!is_uuid(s)).then_some("a UUID expected (8-4-4-4-12 hex digits)")
        }
        ("int32", Value::Number(n)) => {
            let ok = n.as_i64().is_some_and(|i| i32::try_from(i).is_ok());
            (!ok).then_some("outside the 32-bit integer range")
        }
        ("int64", Value::Number(n)) => {
            let ok = n.is_i64()
                || n.as_f64()
                    .is_some_and(|f| f.fract() == 0.0 && f.abs() < 9.3e18);
            (!ok).then_some("outside the 64-bit integer range")
        }
        _ => None,
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// RFC 3339 `full-date`, with a real day of the month.
fn is_full_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (
        digits(&s[0..4], 4),
        digits(&s[5..7], 2),
        digits(&s[8..10], 2),
    ) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// RFC 3339 `date-time`: full-date, `T` (or `t`, or a space as RFC 3339 §5.6 allows), time with
/// optional fraction, and `Z` or a `±hh:mm` offset.
pub(crate) fn is_date_time(s: &str) -> bool {
    if s.len() < 20 || !s.is_char_boundary(10) || !is_full_date(&s[..10]) {
        return false;
    }
    let rest = &s[10..];
    let Some(rest) = rest
        .strip_prefix('T')
        .or_else(|| rest.strip_prefix('t'))
        .or_else(|| rest.strip_prefix(' '))
    else {
        return false;
    };
    let b = rest.as_bytes();
    if b.len() < 9 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    let (Some(h), Some(mi), Some(se)) = (
        digits(&rest[0..2], 2),
        digits(&rest[3..5], 2),
        digits(&rest[6..8], 2),
    ) else {
        return false;
    };
    if h > 23 || mi > 59 || se > 60 {
        return false;
    }
    let mut tail = &rest[8..];
    if let Some(frac) = tail.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        tail = &frac[n..];
    }
    if tail == "Z" || tail == "z" {
        return true;
    }
    let tb = tail.as_bytes();
    tb.len() == 6
        && (tb[0] == b'+' || tb[0] == b'-')
        && tb[3] == b':'
        && digits(&tail[1..3], 2).is_some_and(|h| h <= 23)
        && digits(&tail[4..6], 2).is_some_and(|m| m <= 59)
}

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Helpers for the tests of each code: check a response of the first operation of a
/// definition.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// The problems of a JSON response (`Content-Type: application/json`) to `op_id`.
    pub(crate) fn problems(def: &Value, op_id: &str, status: u16, body: &str) -> Vec<Problem> {
        problems_with(
            def,
            op_id,
            status,
            &[("content-type", "application/json")],
            body,
        )
    }

    pub(crate) fn problems_with(
        def: &Value,
        op_id: &str,
        status: u16,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Vec<Problem> {
        let sw = Swagger::new(def);
        let op = sw.operation_by_id(op_id).expect("operation");
        let resp = Response {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
                .collect(),
            body: body.as_bytes().to_vec(),
            truncated: false,
        };
        check(&sw, op, &resp, None)
    }

    /// The definition of one `GET /orders/{id}` (`GetOrder`) answering `schema` (under 200).
    pub(crate) fn one_op(schema: Value) -> Value {
        serde_json::json!({
            "swagger": "2.0",
            "info": {"title": "T", "version": "1.0"},
            "host": "api.contoso.com",
            "basePath": "/v1",
            "produces": ["application/json"],
            "paths": {"/orders/{id}": {"get": {
                "operationId": "GetOrder",
                "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}],
                "responses": {"200": {"description": "OK", "schema": schema}}
            }}},
            "definitions": {}
        })
    }

    /// Codes of the problems, in order.
    pub(crate) fn codes(p: &[Problem]) -> Vec<&'static str> {
        p.iter().map(|p| p.code).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use serde_json::json;

    #[test]
    fn date_times_per_rfc_3339() {
        for ok in [
            "2024-05-01T12:30:00Z",
            "2024-05-01T12:30:00.123456+02:00",
            "2024-02-29t00:00:00-11:30",
            "2024-05-01 12:30:00Z",
            "2016-12-31T23:59:60Z",
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
        for bad in [
            "2024-05-01",
            "2024-05-01T12:30:00",
            "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T12:30:00.Z",
            "2024-05-01T12:30:00+0200",
            "01/05/2024 12:30",
            "2024-05-01T12:30:00Zjunk",
            "２024-05-01T12:30:00Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }

    #[test]
    fn a_conforming_body_has_no_problem() {
        let def = one_op(json!({
            "type": "object",
            "required": ["id", "total"],
            "properties": {
                "id": {"type": "string"},
                "total": {"type": "number"},
                "count": {"type": "integer", "format": "int32"},
                "note": {"type": "string", "x-nullable": true},
                "lines": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}}}
            }
        }));
        // An integer is a valid number; undeclared properties are allowed by default.
        let body = r#"{"id":"a","total":3,"count":2,"note":null,"lines":[{"sku":"x","extra":1}],"more":true}"#;
        assert_eq!(problems(&def, "GetOrder", 200, body), vec![]);
    }

    #[test]
    fn pointers_follow_refs_into_definitions() {
        let mut def = one_op(json!({"$ref": "#/definitions/Order"}));
        def["definitions"] = json!({"Order": {"type": "object", "properties": {
            "number": {"type": "integer"},
            "lines": {"type": "array", "items": {"$ref": "#/definitions/Line"}}
        }}, "Line": {"type": "object", "properties": {"qty": {"type": "integer"}}}});
        let p = problems(
            &def,
            "GetOrder",
            200,
            r#"{"number":"7","lines":[{"qty":1},{"qty":"2"}]}"#,
        );
        assert_eq!(codes(&p), ["TestTypeMismatch", "TestTypeMismatch"]);
        assert_eq!(p[0].pointer, "/definitions/Order/properties/number");
        assert_eq!(p[0].path, "$.number");
        assert_eq!(p[1].pointer, "/definitions/Line/properties/qty");
        assert_eq!(p[1].path, "$.lines[1].qty");
    }

    #[test]
    fn the_default_response_covers_undeclared_statuses() {
        let mut def = one_op(json!({"type": "object"}));
        def["paths"]["/orders/{id}"]["get"]["responses"]["default"] =
            json!({"description": "error", "schema": {"type": "object", "required": ["error"]}});
        let p = problems(&def, "GetOrder", 500, r#"{"message":"x"}"#);
        assert_eq!(codes(&p), ["TestRequiredPropertyMissing"]);
        assert_eq!(
            p[0].pointer,
            "/paths/~1orders~1{id}/get/responses/default/schema/required/0"
        );
        assert_eq!(p[0].path, "$.error");
    }

    #[test]
    fn odd_keys_and_deep_hostile_bodies_are_bounded() {
        assert_eq!(path_key("$", "a b"), "$['a b']");
        assert_eq!(path_key("$", "it's"), "$['it\\'s']");
        assert_eq!(path_key("$.x", "_ok1"), "$.x._ok1");
        // A self-referencing schema and a deeply nested body: bounded, no panic.
        let mut def = one_op(json!({"$ref": "#/definitions/Node"}));
        def["definitions"] = json!({"Node": {"type": "object", "properties": {"n": {"$ref": "#/definitions/Node"}}}});
        let body = format!(
            "{}{}",
            "{\"n\":".repeat(120),
            "1".to_string() + &"}".repeat(120)
        );
        let p = problems(&def, "GetOrder", 200, &body);
        assert!(p.len() <= 1, "{p:?}");
        // Many problems: capped, and the rest counted.
        let def = one_op(json!({"type": "array", "items": {"type": "string"}}));
        let body = format!("[{}1]", "1,".repeat(1000));
        let p = problems(&def, "GetOrder", 200, &body);
        assert_eq!(p.len(), MAX_PROBLEMS + 1);
        assert!(p.last().unwrap().message.contains("more problems"), "{p:?}");
    }
}
