//! An index over a parsed Swagger 2.0 definition, built once per connector and shared by
//! every rule: operations with their effective (path-level + operation-level, `$ref`-resolved)
//! parameters, local `$ref` resolution with cycle detection, and the list of every schema and
//! parameter object written in the document.
//!
//! Nothing here assumes the document is well-formed: every accessor tolerates any JSON value
//! in any position.

use std::sync::OnceLock;

use serde_json::Value;

use super::access::fields;
use super::pointer::{self, join};

mod operation;
mod properties;
mod text;
pub(crate) use operation::{Operation, Param};
pub(crate) use properties::Property;
pub(crate) use text::{mime_essence, path_shape, template_variables};

/// HTTP methods a path item may hold, in Swagger's order.
pub(crate) const METHODS: [&str; 7] = ["get", "put", "post", "delete", "options", "head", "patch"];

/// How a `$ref` failed to resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RefError {
    /// The local target does not exist (the pointer it names).
    NotFound(String),
    /// `other.json#/x` or `http://…`: never fetched.
    Remote(String),
    /// `$ref` is not a string, or not a valid pointer.
    Invalid(String),
    /// The chain comes back to a `$ref` it already followed.
    Cycle(String),
    /// The chain (starting with this `$ref`) is longer than [`MAX_REF_CHAIN`] links.
    TooLong(String),
}

/// Links of a `$ref` chain (a reference to a reference to …) followed at most.
pub(crate) const MAX_REF_CHAIN: usize = 64;

/// Where a chain of references starting at a pointer ends: the pointer of the first object
/// that is not a reference, or the error that stopped it.
#[derive(Debug, Clone)]
enum ChainEnd {
    Found(String),
    Failed(RefError),
}

/// Where a schema object sits, which decides what is allowed in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SchemaRole {
    /// Under `#/definitions` (used as input, output or both).
    Definition,
    /// A body parameter's schema, or nested in one.
    Input,
    /// A response or notification schema, or nested in one.
    Output,
}

/// A schema object written somewhere in the document (not following `$ref`: each written
/// object is visited exactly once, so findings point at what to edit).
#[derive(Debug, Clone)]
pub(crate) struct SchemaNode<'a> {
    pub(crate) pointer: String,
    pub(crate) value: &'a Value,
    pub(crate) role: SchemaRole,
    /// Nesting below the schema root it belongs to (0 = root).
    pub(crate) depth: usize,
    /// `properties`, `items`, `allOf`… : how it was reached from its parent (None at a root).
    pub(crate) via: Option<&'static str>,
}

/// A parameter object written somewhere (root `#/parameters`, path items, operations).
#[derive(Debug, Clone)]
pub(crate) struct ParamNode<'a> {
    pub(crate) pointer: String,
    pub(crate) value: &'a Value,
}

/// A response object written somewhere (root `#/responses` or an operation's `responses`).
#[derive(Debug, Clone)]
pub(crate) struct ResponseNode<'a> {
    pub(crate) pointer: String,
    /// The status key (`200`, `default`), or the name under `#/responses`.
    pub(crate) key: &'a str,
    pub(crate) value: &'a Value,
    /// Index of the operation in `Swagger::operations`, None for `#/responses` entries.
    pub(crate) operation: Option<usize>,
}

pub(crate) struct Swagger<'a> {
    pub(crate) root: &'a Value,
    pub(crate) operations: Vec<Operation<'a>>,
    schemas: OnceLock<Vec<SchemaNode<'a>>>,
    params: OnceLock<Vec<ParamNode<'a>>>,
    responses: OnceLock<Vec<ResponseNode<'a>>>,
    /// Multi-link `$ref` chains resolved so far, by the pointer they start at: where they end
    /// and how many pointers they follow. Every pointer on a chain is recorded when the chain
    /// is first followed, so resolving all 100,000 links of one chain is linear, not
    /// 100,000 × the cap.
    chains: std::sync::Mutex<foldhash::HashMap<String, (ChainEnd, usize)>>,
}

/// Deepest schema nesting walked; deeper nodes are not visited (SchemaTooDeep reports it).
pub(crate) const MAX_SCHEMA_WALK_DEPTH: usize = 64;

impl<'a> Swagger<'a> {
    pub(crate) fn new(root: &'a Value) -> Self {
        let mut s = Swagger {
            root,
            operations: Vec::new(),
            schemas: OnceLock::new(),
            params: OnceLock::new(),
            responses: OnceLock::new(),
            chains: Default::default(),
        };
        s.operations = s.build_operations();
        s
    }

    /// `Value::pointer`, for callers that have a pointer string.
    pub(crate) fn get(&self, pointer: &str) -> Option<&'a Value> {
        pointer::get(self.root, pointer)
    }

    /// Follow `$ref` until a non-reference object. Returns it with the pointer where it is
    /// written (`at` itself when `v` is not a reference). A chain of more than
    /// [`MAX_REF_CHAIN`] references is refused (`TooLong`), one that loops is a `Cycle`.
    pub(crate) fn resolve(&self, v: &'a Value, at: &str) -> Result<(&'a Value, String), RefError> {
        let Some(r) = super::access::field(v, "$ref") else {
            return Ok((v, at.to_string()));
        };
        let p = ref_target(r)?;
        // One link (almost every reference): no chain bookkeeping.
        match pointer::get(self.root, &p) {
            None => return Err(RefError::NotFound(ref_text(r))),
            Some(t) if super::access::field(t, "$ref").is_none() => return Ok((t, p)),
            Some(_) => {}
        }
        let (end, followed) = self.chain_from(&p, r);
        if followed > MAX_REF_CHAIN + 1 {
            return Err(RefError::TooLong(ref_text(r)));
        }
        match end {
            ChainEnd::Found(ptr) => match pointer::get(self.root, &ptr) {
                Some(t) => Ok((t, ptr)),
                None => Err(RefError::NotFound(ref_text(r))),
            },
            ChainEnd::Failed(e) => Err(e),
        }
    }

    /// Follow the chain of references from pointer `start` (reached through `first`), without
    /// a cap, recording where it ends for every pointer on it. Returns the end and how many
    /// pointers were followed from `start` (itself included).
    fn chain_from(&self, start: &str, first: &Value) -> (ChainEnd, usize) {
        let lock = || self.chains.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = lock().get(start) {
            return known.clone();
        }
        let mut path: Vec<String> = Vec::new();
        let mut on_path: foldhash::HashSet<String> = Default::default();
        let mut cur = start.to_string();
        let mut via = ref_text(first);
        let (end, tail) = {
            let known = lock();
            loop {
                if let Some((e, n)) = known.get(&cur) {
                    break (e.clone(), *n);
                }
                if !on_path.insert(cur.clone()) {
                    break (ChainEnd::Failed(RefError::Cycle(via)), 0);
                }
                path.push(cur.clone());
                let Some(node) = pointer::get(self.root, &cur) else {
                    break (ChainEnd::Failed(RefError::NotFound(via)), 0);
                };
                let Some(r) = super::access::field(node, "$ref") else {
                    break (ChainEnd::Found(cur), 0);
                };
                match ref_target(r) {
                    Ok(next) => {
                        via = ref_text(r);
                        cur = next;
                    }
                    Err(e) => break (ChainEnd::Failed(e), 0),
                }
            }
        };
        let mut known = lock();
        let n = path.len();
        for (i, p) in path.into_iter().enumerate() {
            known.insert(p, (end.clone(), n - i + tail));
        }
        (end, n + tail)
    }

    /// Like `resolve` but gives the input back unchanged when it cannot be resolved.
    pub(crate) fn resolve_or_self(&self, v: &'a Value, at: &str) -> (&'a Value, String) {
        self.resolve(v, at).unwrap_or_else(|_| (v, at.to_string()))
    }

    /// The effective media types of an operation, `key` being `consumes` or `produces`: its
    /// own list when it has one (an array), else the document's.
    pub(crate) fn media_types(&self, op: &Operation<'a>, key: &str) -> Vec<&'a str> {
        op.get(key)
            .filter(|v| v.is_array())
            .or_else(|| self.root.get(key))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect()
    }

    pub(crate) fn operation_by_id(&self, id: &str) -> Option<&Operation<'a>> {
        self.operations.iter().find(|o| o.operation_id == Some(id))
    }

    fn build_operations(&self) -> Vec<Operation<'a>> {
        let mut ops = Vec::new();
        let Some(paths) = self.root.get("paths").and_then(Value::as_object) else {
            return ops;
        };
        for (path, item) in paths {
            let path_pointer = join("/paths", path);
            let Some(item_obj) = item.as_object() else {
                continue;
            };
            let path_params = self.collect_params(item.get("parameters"), &path_pointer, true);
            for method in METHODS {
                let Some(op) = item_obj.get(method) else {
                    continue;
                };
                let pointer = join(&path_pointer, method);
                let mut params = self.collect_params(op.get("parameters"), &pointer, false);
                // Path-level parameters apply unless overridden by (name, in).
                for pp in &path_params {
                    let overridden = params.iter().any(|p| {
                        p.name.is_some() && p.name == pp.name && p.location == pp.location
                    });
                    if !overridden {
                        params.push(pp.clone());
                    }
                }
                ops.push(Operation {
                    path,
                    method,
                    pointer,
                    path_pointer: path_pointer.clone(),
                    value: op,
                    path_item: item,
                    operation_id: op.get("operationId").and_then(Value::as_str),
                    params,
                });
            }
        }
        ops
    }

    fn collect_params(
        &self,
        list: Option<&'a Value>,
        owner: &str,
        from_path_item: bool,
    ) -> Vec<Param<'a>> {
        static NULL: Value = Value::Null;
        let Some(arr) = list.and_then(Value::as_array) else {
            return Vec::new();
        };
        let base = join(owner, "parameters");
        arr.iter()
            .enumerate()
            .map(|(i, raw)| {
                let p = format!("{base}/{i}");
                let (value, target, ref_error) = match self.resolve(raw, &p) {
                    Ok((v, t)) => (v, t, None),
                    Err(e) => (&NULL, p.clone(), Some(e)),
                };
                Param {
                    value,
                    pointer: p,
                    target,
                    from_path_item,
                    name: value.get("name").and_then(Value::as_str),
                    location: value.get("in").and_then(Value::as_str),
                    ref_error,
                }
            })
            .collect()
    }

    /// Parameters users see in the designer: the effective parameters of operations that are
    /// not `internal`, themselves not `internal`. Each written object comes back once (a
    /// shared `#/parameters` entry used by several operations, at its `target`).
    pub(crate) fn shown_params(&self) -> Vec<&Param<'a>> {
        let mut seen = std::collections::HashSet::new();
        self.operations
            .iter()
            .filter(|o| !o.is_internal())
            .flat_map(|o| o.params.iter())
            .filter(|p| p.value.is_object() && p.visibility() != Some("internal"))
            .filter(|p| seen.insert(p.target.as_str()))
            .collect()
    }

    /// Every parameter object written in the document, once each.
    pub(crate) fn param_nodes(&self) -> &[ParamNode<'a>] {
        self.params.get_or_init(|| {
            let mut out = Vec::new();
            if let Some(m) = self.root.get("parameters").and_then(Value::as_object) {
                for (k, v) in m {
                    out.push(ParamNode {
                        pointer: join("/parameters", k),
                        value: v,
                    });
                }
            }
            if let Some(paths) = self.root.get("paths").and_then(Value::as_object) {
                for (path, item) in paths {
                    let pp = join("/paths", path);
                    let mut lists = vec![(join(&pp, "parameters"), item.get("parameters"))];
                    for m in METHODS {
                        if let Some(op) = item.get(m) {
                            lists.push((join(&join(&pp, m), "parameters"), op.get("parameters")));
                        }
                    }
                    for (base, list) in lists {
                        if let Some(arr) = list.and_then(Value::as_array) {
                            for (i, v) in arr.iter().enumerate() {
                                if v.get("$ref").is_none() {
                                    out.push(ParamNode {
                                        pointer: format!("{base}/{i}"),
                                        value: v,
                                    });
                                }
                            }
                        }
                    }
                }
            }
            out
        })
    }

    /// Every response object written in the document, once each (`$ref`s not followed).
    pub(crate) fn response_nodes(&self) -> &[ResponseNode<'a>] {
        self.responses.get_or_init(|| {
            let mut out = Vec::new();
            if let Some(m) = self.root.get("responses").and_then(Value::as_object) {
                for (k, v) in m {
                    out.push(ResponseNode {
                        pointer: join("/responses", k),
                        key: k,
                        value: v,
                        operation: None,
                    });
                }
            }
            for (i, op) in self.operations.iter().enumerate() {
                if let Some(m) = op.value.get("responses").and_then(Value::as_object) {
                    let base = join(&op.pointer, "responses");
                    for (k, v) in m {
                        out.push(ResponseNode {
                            pointer: join(&base, k),
                            key: k,
                            value: v,
                            operation: Some(i),
                        });
                    }
                }
            }
            out
        })
    }

    /// The roots of every schema written in the document, with their role: each definition,
    /// each parameter's `schema`, each response's `schema` and each path item's
    /// `x-ms-notification-content.schema` (with `notifications` set).
    pub(crate) fn schema_roots(&self, notifications: bool) -> Vec<(String, &'a Value, SchemaRole)> {
        let mut out = Vec::new();
        if let Some(m) = self.root.get("definitions").and_then(Value::as_object) {
            for (k, v) in m {
                out.push((join("/definitions", k), v, SchemaRole::Definition));
            }
        }
        for p in self.param_nodes() {
            if let Some(s) = p.value.get("schema") {
                out.push((join(&p.pointer, "schema"), s, SchemaRole::Input));
            }
        }
        for r in self.response_nodes() {
            if let Some(s) = r.value.get("schema") {
                out.push((join(&r.pointer, "schema"), s, SchemaRole::Output));
            }
        }
        if notifications && let Some(paths) = self.root.get("paths").and_then(Value::as_object) {
            for (path, item) in paths {
                if let Some(s) = item
                    .get("x-ms-notification-content")
                    .and_then(|n| n.get("schema"))
                {
                    let p = join(
                        &join(&join("/paths", path), "x-ms-notification-content"),
                        "schema",
                    );
                    out.push((p, s, SchemaRole::Output));
                }
            }
        }
        out
    }

    /// Every schema object written in the document, once each, with its role.
    pub(crate) fn schema_nodes(&self) -> &[SchemaNode<'a>] {
        self.schemas.get_or_init(|| {
            let mut out = Vec::new();
            for (at, s, role) in self.schema_roots(true) {
                walk_schema(s, at, role, 0, None, &mut out);
            }
            out
        })
    }

    /// Walk a schema following `$ref`s, calling `f(schema, pointer_where_written)` once for
    /// every schema reachable from it (through `$ref`, `properties`, `items` and `allOf`),
    /// breadth-first, each one once per walk: cycles are safe, and a definition reached
    /// along many paths (a chain of schemas that each use the next one twice reaches the
    /// last one 2^n times) is visited once, so a walk is linear in the document.
    pub(crate) fn walk_resolved(
        &self,
        schema: &'a Value,
        at: &str,
        f: &mut dyn FnMut(&'a Value, &str),
    ) {
        let mut seen: foldhash::HashSet<String> = Default::default();
        let mut queue = std::collections::VecDeque::from([(schema, at.to_string(), 0usize)]);
        while let Some((v, at, depth)) = queue.pop_front() {
            if depth > MAX_SCHEMA_WALK_DEPTH {
                continue;
            }
            let Ok((s, ptr)) = self.resolve(v, &at) else {
                continue;
            };
            if !seen.insert(ptr.clone()) {
                continue;
            }
            f(s, &ptr);
            push_children(s, &ptr, depth + 1, &mut queue);
        }
    }

    /// Add to `out` the pointer of every schema reachable from `roots` (through `$ref`,
    /// `properties`, `items` and `allOf`) that `keep` accepts: the same nodes
    /// [`Swagger::walk_resolved`] visits from each root, computed breadth-first with one set
    /// of expanded `$ref` targets for all roots, so a shared definition is expanded once
    /// instead of once per path and per root. (Only a `$ref` can lead to a schema twice.)
    pub(crate) fn reachable_into(
        &self,
        roots: impl IntoIterator<Item = (&'a Value, String)>,
        keep: &dyn Fn(&str) -> bool,
        out: &mut foldhash::HashSet<String>,
    ) {
        let mut expanded: foldhash::HashSet<String> = Default::default();
        let mut queue: std::collections::VecDeque<(&'a Value, String, usize)> =
            roots.into_iter().map(|(v, at)| (v, at, 0)).collect();
        while let Some((v, at, depth)) = queue.pop_front() {
            if depth > MAX_SCHEMA_WALK_DEPTH {
                continue;
            }
            let Ok((s, ptr)) = self.resolve(v, &at) else {
                continue;
            };
            if ptr != at && !expanded.insert(ptr.clone()) {
                continue;
            }
            push_children(s, &ptr, depth + 1, &mut queue);
            if keep(&ptr) {
                out.insert(ptr);
            }
        }
    }

    /// The schema of a property path below `schema` (following `$ref`, `allOf`, and `items`
    /// for `[]` or numeric segments). Returns the schema and where it is written.
    pub(crate) fn schema_at(
        &self,
        schema: &'a Value,
        at: &str,
        path: &[&str],
    ) -> Option<(&'a Value, String)> {
        let (mut cur, mut ptr) = self.resolve(schema, at).ok()?;
        for seg in path {
            let next = self.child_schema(cur, &ptr, seg, 0)?;
            cur = next.0;
            ptr = next.1;
        }
        Some((cur, ptr))
    }

    fn child_schema(
        &self,
        s: &'a Value,
        ptr: &str,
        seg: &str,
        depth: usize,
    ) -> Option<(&'a Value, String)> {
        if depth > 16 {
            return None;
        }
        if (seg == "[]" || seg.parse::<usize>().is_ok()) && s.get("items").is_some() {
            let items = s.get("items")?;
            return self.resolve(items, &join(ptr, "items")).ok();
        }
        if let Some(v) = s.get("properties").and_then(|p| p.get(seg)) {
            let p = join(&join(ptr, "properties"), seg);
            return self.resolve(v, &p).ok();
        }
        if let Some(all) = s.get("allOf").and_then(Value::as_array) {
            for (i, part) in all.iter().enumerate() {
                let pp = format!("{}/{i}", join(ptr, "allOf"));
                if let Ok((r, rp)) = self.resolve(part, &pp)
                    && let Some(found) = self.child_schema(r, &rp, seg, depth + 1)
                {
                    return Some(found);
                }
            }
        }
        None
    }

    /// The schema of the first 2xx response (resolving response and schema refs).
    pub(crate) fn success_schema(&self, op: &Operation<'a>) -> Option<(&'a Value, String)> {
        let responses = op.value.get("responses")?.as_object()?;
        let base = join(&op.pointer, "responses");
        let mut keys: Vec<&String> = responses.keys().filter(|k| k.starts_with('2')).collect();
        keys.sort();
        for k in keys {
            let (r, rp) = self.resolve(&responses[k.as_str()], &join(&base, k)).ok()?;
            if let Some(s) = r.get("schema") {
                return self.resolve(s, &join(&rp, "schema")).ok();
            }
        }
        None
    }
}

/// Queue the subschemas a resolved walk follows: `properties`, object `items` and `allOf`.
fn push_children<'a>(
    s: &'a Value,
    ptr: &str,
    depth: usize,
    queue: &mut std::collections::VecDeque<(&'a Value, String, usize)>,
) {
    let [props, items, all] = fields(s, ["properties", "items", "allOf"]);
    if let Some(props) = props.and_then(Value::as_object) {
        let base = join(ptr, "properties");
        for (k, c) in props {
            queue.push_back((c, join(&base, k), depth));
        }
    }
    if let Some(items) = items.filter(|i| i.is_object()) {
        queue.push_back((items, join(ptr, "items"), depth));
    }
    if let Some(all) = all.and_then(Value::as_array) {
        let base = join(ptr, "allOf");
        for (i, c) in all.iter().enumerate() {
            queue.push_back((c, format!("{base}/{i}"), depth));
        }
    }
}

/// The pointer a `$ref` value names (local references only).
fn ref_target(r: &Value) -> Result<String, RefError> {
    match r {
        Value::String(r) if !r.starts_with('#') => Err(RefError::Remote(r.clone())),
        Value::String(r) => pointer::from_local_ref(r).ok_or_else(|| RefError::Invalid(r.clone())),
        other => Err(RefError::Invalid(other.to_string())),
    }
}

/// A `$ref` value as the errors quote it.
fn ref_text(r: &Value) -> String {
    match r {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn walk_schema<'a>(
    v: &'a Value,
    pointer: String,
    role: SchemaRole,
    depth: usize,
    via: Option<&'static str>,
    out: &mut Vec<SchemaNode<'a>>,
) {
    if depth > MAX_SCHEMA_WALK_DEPTH || !v.is_object() {
        if v.is_object() || depth == 0 {
            out.push(SchemaNode {
                pointer,
                value: v,
                role,
                depth,
                via,
            });
        }
        return;
    }
    let [props, items, additional, all_of, any_of, one_of, not] = fields(
        v,
        [
            "properties",
            "items",
            "additionalProperties",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
        ],
    );
    if let Some(props) = props.and_then(Value::as_object) {
        let base = join(&pointer, "properties");
        for (k, child) in props {
            walk_schema(
                child,
                join(&base, k),
                role,
                depth + 1,
                Some("properties"),
                out,
            );
        }
    }
    match items {
        Some(items @ Value::Object(_)) => walk_schema(
            items,
            join(&pointer, "items"),
            role,
            depth + 1,
            Some("items"),
            out,
        ),
        Some(Value::Array(arr)) => {
            let base = join(&pointer, "items");
            for (i, child) in arr.iter().enumerate() {
                walk_schema(
                    child,
                    format!("{base}/{i}"),
                    role,
                    depth + 1,
                    Some("items"),
                    out,
                );
            }
        }
        _ => {}
    }
    if let Some(ap @ Value::Object(_)) = additional {
        walk_schema(
            ap,
            join(&pointer, "additionalProperties"),
            role,
            depth + 1,
            Some("additionalProperties"),
            out,
        );
    }
    for (key, list) in [("allOf", all_of), ("anyOf", any_of), ("oneOf", one_of)] {
        if let Some(arr) = list.and_then(Value::as_array) {
            let base = join(&pointer, key);
            let via: &'static str = match key {
                "allOf" => "allOf",
                "anyOf" => "anyOf",
                _ => "oneOf",
            };
            for (i, child) in arr.iter().enumerate() {
                walk_schema(
                    child,
                    format!("{base}/{i}"),
                    role,
                    depth + 1,
                    Some(via),
                    out,
                );
            }
        }
    }
    if let Some(not @ Value::Object(_)) = not {
        walk_schema(
            not,
            join(&pointer, "not"),
            role,
            depth + 1,
            Some("not"),
            out,
        );
    }
    out.push(SchemaNode {
        pointer,
        value: v,
        role,
        depth,
        via,
    });
}

#[cfg(test)]
mod tests;
