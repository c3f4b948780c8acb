//! The comparison walk: operations matched by operationId, parameters by name, schemas
//! structurally through `$ref` (cycle-safe), apiProperties connection parameters by name.
//! Emits [`RawChange`]s by rule; positions are resolved afterwards (see `mod.rs`).

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::Value;

use super::rules::{self as r, DiffRule};
use crate::model::pointer::join;
use crate::model::swagger::{METHODS, Operation, Param, Swagger};

mod operations;
mod parameters;
mod properties;
mod schemas;
mod security;

pub(crate) use properties::properties;

/// A change before positions are known.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RawChange {
    pub(crate) rule: &'static DiffRule,
    /// operationId (or `METHOD /path`), empty for connector-level changes.
    pub(crate) operation: String,
    pub(crate) old: Option<String>,
    pub(crate) new: Option<String>,
    pub(crate) message: String,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
enum Role {
    Input,
    Output,
}

const MAX_DEPTH: usize = 64;

/// Which file a pointer is in.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Which {
    Definition,
    Properties,
}

pub(crate) struct Comparer<'a> {
    old: &'a Swagger<'a>,
    new: &'a Swagger<'a>,
    pub(crate) out: Vec<(Which, RawChange)>,
    seen: HashSet<(Which, RawChange)>,
    op: String,
    /// Changes emitted so far (before de-duplication) and recursion cut-offs: a schema pair
    /// whose walk moved neither is known identical.
    emitted: usize,
    /// Lowest stack index a recursion cut-off inside the current walk went back to (0 for a
    /// depth cut-off): pairs deeper than it are not known complete.
    cut_min: Option<usize>,
    /// Schema pairs (resolved old pointer, resolved new pointer, role) known to have no
    /// change: a definition shared by many operations is walked once.
    clean: HashSet<(String, String, Role)>,
    /// Schema pairs compared completely (with or without changes), and how many schema
    /// comparisons ran: past [`SCHEMA_VISITS_EXACT`] a pair compared before is not compared
    /// again along another path (see there).
    done: HashSet<(String, String, Role)>,
    visits: usize,
}

/// Schema comparisons run before pairs already compared are skipped. Up to here a change
/// inside a shared definition is reported along every path that reaches it (each with its own
/// label); past it, along the first path only: definitions that use each other several times
/// have 2^depth paths (a 10 KB definition would take gigabytes). The pointers, rules and exit
/// code stay the same; only repeats of a change under other labels are left out.
const SCHEMA_VISITS_EXACT: usize = 10_000;

/// Schema comparisons run at most per diff; past it schemas are not compared further.
const SCHEMA_VISITS_MAX: usize = 2_000_000;

fn s(v: Option<&Value>) -> Option<&str> {
    v.and_then(Value::as_str)
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => format!("'{s}'"),
        other => other.to_string(),
    }
}

fn show_opt(v: Option<&Value>) -> String {
    v.map(show).unwrap_or_else(|| "none".into())
}

fn enum_set(v: &Value) -> Option<Vec<&Value>> {
    v.get("enum")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
}

fn key_of(v: &Value) -> String {
    v.to_string()
}

fn is_truthy(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// A schema seen through `allOf`: its own keywords plus the properties and `required` of its
/// (resolved) `allOf` members.
struct Flat<'a> {
    node: &'a Value,
    ptr: String,
    props: Vec<(&'a str, &'a Value, String)>,
    /// Position of each name in `props` (schemas with thousands of properties are compared
    /// name by name: a search per name would be quadratic).
    index: HashMap<&'a str, usize>,
    required: BTreeSet<&'a str>,
}

impl<'a> Flat<'a> {
    fn prop(&self, name: &str) -> Option<&(&'a str, &'a Value, String)> {
        self.index.get(name).map(|&i| &self.props[i])
    }
}

fn flatten<'a>(sw: &Swagger<'a>, v: &'a Value, at: &str) -> Option<Flat<'a>> {
    let (node, ptr) = sw.resolve(v, at).ok()?;
    let mut f = Flat {
        node,
        ptr: ptr.clone(),
        props: Vec::new(),
        index: HashMap::new(),
        required: BTreeSet::new(),
    };
    let mut seen = HashSet::from([ptr.clone()]);
    collect(sw, node, &ptr, &mut f, &mut seen, 0);
    Some(f)
}

fn collect<'a>(
    sw: &Swagger<'a>,
    node: &'a Value,
    ptr: &str,
    f: &mut Flat<'a>,
    seen: &mut HashSet<String>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    if let Some(all) = node.get("allOf").and_then(Value::as_array) {
        for (i, part) in all.iter().enumerate() {
            let at = format!("{}/{i}", join(ptr, "allOf"));
            // Each part once: parts sharing a base (a chain of diamonds) would otherwise be
            // read once per path, 2^depth times.
            if let Ok((rv, rp)) = sw.resolve(part, &at)
                && seen.insert(rp.clone())
            {
                collect(sw, rv, &rp, f, seen, depth + 1);
            }
        }
    }
    if let Some(props) = node.get("properties").and_then(Value::as_object) {
        let base = join(ptr, "properties");
        for (k, v) in props {
            let p = join(&base, k);
            match f.index.get(k.as_str()) {
                Some(&i) => f.props[i] = (k.as_str(), v, p),
                None => {
                    f.index.insert(k.as_str(), f.props.len());
                    f.props.push((k.as_str(), v, p));
                }
            }
        }
    }
    if let Some(req) = node.get("required").and_then(Value::as_array) {
        f.required.extend(req.iter().filter_map(Value::as_str));
    }
}

/// Equal and self-contained (no `$ref` anywhere inside): nothing below can differ, whatever
/// the rest of the documents do. One allocation-free walk.
fn identical_closed(a: &Value, b: &Value, depth: usize) -> bool {
    if depth > 128 {
        return false;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && !x.contains_key("$ref")
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| identical_closed(v, w, depth + 1)))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(v, w)| identical_closed(v, w, depth + 1))
        }
        _ => a == b,
    }
}

/// Operation identity: the operationId, else `METHOD /path`.
fn op_key(op: &Operation<'_>) -> String {
    op.label()
}

impl<'a> Comparer<'a> {
    pub(crate) fn new(old: &'a Swagger<'a>, new: &'a Swagger<'a>) -> Self {
        Comparer {
            old,
            new,
            out: Vec::new(),
            seen: HashSet::new(),
            op: String::new(),
            emitted: 0,
            cut_min: None,
            clean: HashSet::new(),
            done: HashSet::new(),
            visits: 0,
        }
    }

    fn emit(
        &mut self,
        rule: &'static DiffRule,
        old: Option<String>,
        new: Option<String>,
        message: String,
    ) {
        self.emit_in(Which::Definition, rule, old, new, message);
    }

    fn emit_in(
        &mut self,
        which: Which,
        rule: &'static DiffRule,
        old: Option<String>,
        new: Option<String>,
        message: String,
    ) {
        self.emitted += 1;
        let c = RawChange {
            rule,
            operation: self.op.clone(),
            old,
            new,
            message,
        };
        // A shared definition reached twice from one operation is reported once.
        if self.seen.insert((which, c.clone())) {
            self.out.push((which, c));
        }
    }

    /// Compare two definitions.
    pub(crate) fn definitions(&mut self) {
        self.connector_level();
        self.operations();
        self.dynamic_targets();
    }

    fn text(&mut self, o: &'a Value, op: &str, n: &'a Value, np: &str, what: &str) {
        for key in ["summary", "description", "title", "x-ms-summary"] {
            let (a, b) = (o.get(key), n.get(key));
            if a != b && (a.is_some() || b.is_some()) {
                let (a_ptr, b_ptr) = (join(op, key), join(np, key));
                self.emit(
                    &r::TEXT_CHANGED,
                    Some(if a.is_some() { a_ptr } else { op.to_string() }),
                    Some(if b.is_some() { b_ptr } else { np.to_string() }),
                    format!("{key} of {what} changed"),
                );
            }
        }
    }

    fn connector_level(&mut self) {
        let (o, n) = (self.old.root, self.new.root);
        for (key, rule) in [
            ("host", &r::HOST_CHANGED),
            ("basePath", &r::BASE_PATH_CHANGED),
        ] {
            let (a, b) = (o.get(key), n.get(key));
            // `basePath` absent means `/`; host names are case-insensitive.
            let norm = |v: Option<&Value>| {
                let s = s(v).unwrap_or("").to_ascii_lowercase();
                if key == "basePath" {
                    s.trim_end_matches('/').to_string()
                } else {
                    s
                }
            };
            if norm(a) != norm(b) {
                self.emit(
                    rule,
                    Some(format!("/{key}")),
                    Some(format!("/{key}")),
                    format!("{key} changed from {} to {}", show_opt(a), show_opt(b)),
                );
            }
        }
        let schemes = |v: &'a Value| -> Vec<&'a str> {
            v.get("schemes")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default()
        };
        let new_schemes = schemes(n);
        if !new_schemes.is_empty() {
            for sc in schemes(o) {
                if !new_schemes.iter().any(|x| x.eq_ignore_ascii_case(sc)) {
                    self.emit(
                        &r::SCHEME_REMOVED,
                        Some("/schemes".into()),
                        Some("/schemes".into()),
                        format!("scheme '{sc}' is no longer listed"),
                    );
                }
            }
        }
        if let (Some(oi), Some(ni)) = (o.get("info"), n.get("info")) {
            self.text(oi, "/info", ni, "/info", "the connector");
        }
        self.security();
    }
}

/// JSON text with object keys sorted (order-insensitive comparison and normalized output).
pub(crate) fn canonical(v: &Value) -> String {
    serde_json::to_string(&sorted(v)).unwrap_or_default()
}

/// A copy with object keys sorted recursively.
pub(crate) fn sorted(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let mut out = serde_json::Map::new();
            for k in keys {
                if let Some(c) = m.get(k) {
                    out.insert(k.clone(), sorted(c));
                }
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(sorted).collect()),
        other => other.clone(),
    }
}
