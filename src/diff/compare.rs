//! The comparison walk: operations matched by operationId, parameters by name, schemas
//! structurally through `$ref` (cycle-safe), apiProperties connection parameters by name.
//! Emits [`RawChange`]s by rule; positions are resolved afterwards (see `mod.rs`).

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::Value;

use super::rules::{self as r, DiffRule};
use crate::model::pointer::join;
use crate::model::swagger::{METHODS, Operation, Param, Swagger};

/// A change before positions are known.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RawChange {
    pub rule: &'static DiffRule,
    /// operationId (or `METHOD /path`), empty for connector-level changes.
    pub operation: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub message: String,
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

pub struct Comparer<'a> {
    old: &'a Swagger<'a>,
    new: &'a Swagger<'a>,
    pub out: Vec<(Which, RawChange)>,
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

fn annotation<'a>(op: &Operation<'a>) -> (Option<&'a str>, Option<i64>) {
    let a = op.get("x-ms-api-annotation");
    let family = s(a.and_then(|a| a.get("family")));
    let rev = a.and_then(|a| a.get("revision")).and_then(|v| match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    });
    (family, rev)
}

fn is_webhook(op: &Operation<'_>) -> bool {
    op.path_item.get("x-ms-notification-content").is_some()
        || op.value.get("x-ms-notification-content").is_some()
}

fn consumes<'a>(sw: &Swagger<'a>, op: &Operation<'a>) -> Vec<&'a str> {
    op.get("consumes")
        .or_else(|| sw.root.get("consumes"))
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

impl<'a> Comparer<'a> {
    pub fn new(old: &'a Swagger<'a>, new: &'a Swagger<'a>) -> Self {
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
    pub fn definitions(&mut self) {
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

    fn security(&mut self) {
        let defs = |v: &'a Value| -> Vec<(&'a String, &'a Value)> {
            v.get("securityDefinitions")
                .and_then(Value::as_object)
                .map(|m| m.iter().collect())
                .unwrap_or_default()
        };
        let (od, nd) = (defs(self.old.root), defs(self.new.root));
        let kind = |v: &Value| -> String {
            let t = s(v.get("type")).unwrap_or("?");
            match s(v.get("flow")) {
                Some(f) if t == "oauth2" => format!("oauth2 ({f})"),
                _ => t.to_string(),
            }
        };
        let ptr = |name: &str| join("/securityDefinitions", name);
        match (od.is_empty(), nd.is_empty()) {
            (true, true) => {}
            (false, true) => self.emit(
                &r::SECURITY_DEFINITION_REMOVED,
                Some("/securityDefinitions".into()),
                None,
                "securityDefinitions removed: the connector no longer has authentication".into(),
            ),
            (true, false) => self.emit(
                &r::SECURITY_DEFINITION_ADDED,
                None,
                Some("/securityDefinitions".into()),
                format!(
                    "authentication added ({})",
                    nd.iter()
                        .map(|(_, v)| kind(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            (false, false) => {
                let ok: BTreeSet<String> = od.iter().map(|(_, v)| kind(v)).collect();
                let nk: BTreeSet<String> = nd.iter().map(|(_, v)| kind(v)).collect();
                if let (true, Some(&(on, ov)), Some(&first_new)) =
                    (ok != nk, od.first(), nd.first())
                {
                    let (nn, nv) = nd
                        .iter()
                        .find(|(k, _)| *k == on)
                        .copied()
                        .unwrap_or(first_new);
                    self.emit(
                        &r::AUTHENTICATION_TYPE_CHANGED,
                        Some(
                            join(&ptr(on), if ov.get("type").is_some() { "type" } else { "" })
                                .trim_end_matches('/')
                                .to_string(),
                        ),
                        Some(
                            join(&ptr(nn), if nv.get("type").is_some() { "type" } else { "" })
                                .trim_end_matches('/')
                                .to_string(),
                        ),
                        format!(
                            "authentication type changed from {} to {}",
                            ok.into_iter().collect::<Vec<_>>().join(", "),
                            nk.into_iter().collect::<Vec<_>>().join(", ")
                        ),
                    );
                }
                for (name, ov) in &od {
                    if let Some((_, nv)) = nd.iter().find(|(k, _)| k == name) {
                        let sc = |v: &Value| -> BTreeSet<String> {
                            v.get("scopes")
                                .and_then(Value::as_object)
                                .map(|m| m.keys().cloned().collect())
                                .unwrap_or_default()
                        };
                        let (a, b) = (sc(ov), sc(nv));
                        if a != b {
                            let removed: Vec<_> = a.difference(&b).cloned().collect();
                            let added: Vec<_> = b.difference(&a).cloned().collect();
                            self.emit(
                                &r::OAUTH_SCOPES_CHANGED,
                                Some(join(&ptr(name), "scopes")),
                                Some(join(&ptr(name), "scopes")),
                                format!(
                                    "OAuth scopes of '{name}' changed (removed: [{}], added: [{}])",
                                    removed.join(", "),
                                    added.join(", ")
                                ),
                            );
                        }
                    }
                }
            }
        }
    }

    fn operations(&mut self) {
        let index = |sw: &'a Swagger<'a>| -> HashMap<String, usize> {
            let mut m = HashMap::new();
            for (i, op) in sw.operations.iter().enumerate() {
                m.entry(op_key(op)).or_insert(i);
            }
            m
        };
        let (oi, ni) = (index(self.old), index(self.new));
        let (old, new) = (self.old, self.new);
        for (i, op) in old.operations.iter().enumerate() {
            let key = op_key(op);
            if oi.get(&key) != Some(&i) {
                continue; // duplicate operationId: the first one counts
            }
            self.op = key.clone();
            match ni.get(&key) {
                Some(&j) => {
                    if let Some(nop) = new.operations.get(j) {
                        self.operation(op, nop);
                    }
                }
                None => self.deleted(op, &oi),
            }
        }
        for (j, op) in new.operations.iter().enumerate() {
            let key = op_key(op);
            if ni.get(&key) != Some(&j) || oi.contains_key(&key) {
                continue;
            }
            self.op = key.clone();
            let rename = old.operations.iter().find(|o| {
                o.path == op.path && o.method == op.method && !ni.contains_key(&op_key(o))
            });
            let hint = rename
                .map(|o| format!("; looks like a rename of '{}'", op_key(o)))
                .unwrap_or_default();
            self.emit(
                &r::OPERATION_ADDED,
                None,
                Some(op.pointer.clone()),
                format!(
                    "operation '{key}' ({} {}) added{hint}",
                    op.method.to_ascii_uppercase(),
                    op.path
                ),
            );
        }
        self.op.clear();
    }

    fn deleted(&mut self, op: &Operation<'a>, oi: &HashMap<String, usize>) {
        let key = op_key(op);
        let rename =
            self.new.operations.iter().find(|n| {
                n.path == op.path && n.method == op.method && !oi.contains_key(&op_key(n))
            });
        let hint = rename
            .map(|n| format!("; looks like a rename to '{}'", op_key(n)))
            .unwrap_or_default();
        let (family, rev) = annotation(op);
        let newer = family.and_then(|f| {
            self.new.operations.iter().find(|n| {
                let (nf, nr) = annotation(n);
                nf == Some(f) && nr.unwrap_or(1) > rev.unwrap_or(1)
            })
        });
        let new_ptr = rename.map(|n| n.pointer.clone());
        let (rule, why) = if op.is_deprecated() {
            (
                &r::DEPRECATED_OPERATION_DELETED,
                " (it was deprecated)".to_string(),
            )
        } else if let Some(n) = newer {
            (
                &r::OPERATION_DELETED_NEWER_REVISION,
                format!(
                    " (family '{}' has newer revision '{}')",
                    family.unwrap_or(""),
                    op_key(n)
                ),
            )
        } else {
            (&r::OPERATION_DELETED, String::new())
        };
        self.emit(
            rule,
            Some(op.pointer.clone()),
            new_ptr.or_else(|| Some(op.pointer.clone())),
            format!(
                "operation '{key}' ({} {}) has been deleted{why}{hint}",
                op.method.to_ascii_uppercase(),
                op.path
            ),
        );
    }

    fn operation(&mut self, o: &Operation<'a>, n: &Operation<'a>) {
        if o.path == n.path
            && o.method == n.method
            && self.old.root.get("consumes") == self.new.root.get("consumes")
            && identical_closed(o.path_item, n.path_item, 0)
        {
            return; // same path item, nothing referenced from outside it
        }
        let (op_, np) = (o.pointer.clone(), n.pointer.clone());
        // The URL is basePath + path: a segment moved between the two is the same request.
        let full = |root: &Value, path: &str| {
            let base = s(root.get("basePath")).unwrap_or("").trim_end_matches('/');
            format!("{base}{path}")
        };
        if o.path != n.path && full(self.old.root, o.path) != full(self.new.root, n.path) {
            self.emit(
                &r::PATH_TEMPLATE_CHANGED,
                Some(o.path_pointer.clone()),
                Some(n.path_pointer.clone()),
                format!("path template changed from '{}' to '{}'", o.path, n.path),
            );
        }
        if o.method != n.method {
            self.emit(
                &r::METHOD_CHANGED,
                Some(op_.clone()),
                Some(np.clone()),
                format!(
                    "method changed from {} to {}",
                    o.method.to_ascii_uppercase(),
                    n.method.to_ascii_uppercase()
                ),
            );
        }
        let trig = |op: &Operation<'_>| if op.is_trigger() { "trigger" } else { "action" };
        if o.is_trigger() != n.is_trigger() {
            self.emit(
                &r::OPERATION_KIND_CHANGED,
                Some(op_.clone()),
                Some(np.clone()),
                format!("operation changed from {} to {}", trig(o), trig(n)),
            );
        } else if o.is_trigger() {
            let (a, b) = (o.get("x-ms-trigger"), n.get("x-ms-trigger"));
            if a != b {
                self.emit(
                    &r::TRIGGER_CARDINALITY_CHANGED,
                    Some(join(&op_, "x-ms-trigger")),
                    Some(join(&np, "x-ms-trigger")),
                    format!(
                        "x-ms-trigger changed from {} to {}",
                        show_opt(a),
                        show_opt(b)
                    ),
                );
            }
            if is_webhook(o) != is_webhook(n) {
                let m = |w: bool| if w { "webhook" } else { "polling" };
                self.emit(
                    &r::TRIGGER_MECHANISM_CHANGED,
                    Some(op_.clone()),
                    Some(np.clone()),
                    format!(
                        "trigger changed from {} to {}",
                        m(is_webhook(o)),
                        m(is_webhook(n))
                    ),
                );
            }
        }
        if !o.is_internal() && n.is_internal() {
            self.emit(
                &r::OPERATION_MADE_INTERNAL,
                Some(op_.clone()),
                Some(join(&np, "x-ms-visibility")),
                "operation became x-ms-visibility: internal".into(),
            );
        }
        if !o.is_deprecated() && n.is_deprecated() {
            self.emit(
                &r::OPERATION_DEPRECATED,
                Some(op_.clone()),
                Some(join(&np, "deprecated")),
                "operation is now deprecated".into(),
            );
        }
        let (of, orv) = annotation(o);
        let (nf, nrv) = annotation(n);
        let ann = |p: &str, k: &str| join(&join(p, "x-ms-api-annotation"), k);
        if of.is_some() && of != nf {
            self.emit(
                &r::FAMILY_CHANGED,
                Some(ann(&op_, "family")),
                Some(ann(&np, "family")),
                format!(
                    "family changed from '{}' to '{}'",
                    of.unwrap_or(""),
                    nf.unwrap_or("")
                ),
            );
        }
        if (orv.is_some() || nrv.is_some()) && orv.unwrap_or(1) != nrv.unwrap_or(1) {
            self.emit(
                &r::REVISION_CHANGED,
                Some(ann(&op_, "revision")),
                Some(ann(&np, "revision")),
                format!(
                    "revision changed from {} to {}",
                    orv.unwrap_or(1),
                    nrv.unwrap_or(1)
                ),
            );
        }
        let nc = consumes(self.new, n);
        if !nc.is_empty() {
            for c in consumes(self.old, o) {
                if !nc.iter().any(|x| x.eq_ignore_ascii_case(c)) {
                    self.emit(
                        &r::CONSUMES_NARROWED,
                        Some(op_.clone()),
                        Some(if n.get("consumes").is_some() {
                            join(&np, "consumes")
                        } else {
                            "/consumes".into()
                        }),
                        format!("media type '{c}' no longer in consumes"),
                    );
                }
            }
        }
        self.text(o.value, &op_, n.value, &np, "the operation");
        self.params(o, n);
        self.responses(o, n);
        // Webhook notification content is the trigger's output.
        if let (Some(a), Some(b)) = (
            o.path_item
                .get("x-ms-notification-content")
                .and_then(|x| x.get("schema")),
            n.path_item
                .get("x-ms-notification-content")
                .and_then(|x| x.get("schema")),
        ) {
            let pa = join(
                &join(&o.path_pointer, "x-ms-notification-content"),
                "schema",
            );
            let pb = join(
                &join(&n.path_pointer, "x-ms-notification-content"),
                "schema",
            );
            self.schema(
                a,
                &pa,
                b,
                &pb,
                Role::Output,
                "responses/x-ms-notification-content/schema",
                &mut Vec::new(),
                0,
            );
        }
    }

    fn params(&mut self, o: &Operation<'a>, n: &Operation<'a>) {
        let find = |list: &[Param<'a>], p: &Param<'a>| -> Option<usize> {
            if p.location == Some("body") {
                return list.iter().position(|q| q.location == Some("body"));
            }
            list.iter()
                .position(|q| q.name == p.name && q.location == p.location)
                .or_else(|| {
                    list.iter().position(|q| {
                        q.name.is_some() && q.name == p.name && q.location != Some("body")
                    })
                })
        };
        let mut matched_new = HashSet::new();
        for op in &o.params {
            if op.ref_error.is_some() {
                continue;
            }
            let label = op.name.unwrap_or("?");
            match find(&n.params, op) {
                Some(j) => {
                    matched_new.insert(j);
                    if let Some(np) = n.params.get(j) {
                        self.param(op, np);
                    }
                }
                None => self.emit(
                    &r::INPUT_REMOVED,
                    Some(op.target.clone()),
                    Some(n.pointer.clone()),
                    format!(
                        "parameter '{label}' ({}) removed",
                        op.location.unwrap_or("?")
                    ),
                ),
            }
        }
        for (j, np) in n.params.iter().enumerate() {
            if matched_new.contains(&j) || np.ref_error.is_some() {
                continue;
            }
            let label = np.name.unwrap_or("?");
            let required = np.is_required() || np.location == Some("path");
            let what = format!("parameter '{label}' ({})", np.location.unwrap_or("?"));
            self.added_input(required, np.value, Some(&o.pointer), &np.target, &what);
        }
    }

    fn added_input(
        &mut self,
        required: bool,
        v: &'a Value,
        old_ptr: Option<&str>,
        new_ptr: &str,
        what: &str,
    ) {
        if required {
            if v.get("default").is_some() {
                self.emit(
                    &r::REQUIRED_INPUT_ADDED_WITH_DEFAULT,
                    old_ptr.map(str::to_string),
                    Some(new_ptr.to_string()),
                    format!("required input {what} added (it has a default)"),
                );
            } else {
                self.emit(
                    &r::REQUIRED_INPUT_ADDED,
                    old_ptr.map(str::to_string),
                    Some(new_ptr.to_string()),
                    format!("required input {what} added"),
                );
            }
        } else {
            self.emit(
                &r::OPTIONAL_INPUT_ADDED,
                old_ptr.map(str::to_string),
                Some(new_ptr.to_string()),
                format!("optional input {what} added"),
            );
        }
    }

    fn param(&mut self, o: &Param<'a>, n: &Param<'a>) {
        let label = format!("parameter '{}'", n.name.unwrap_or("?"));
        if o.location != n.location {
            self.emit(
                &r::PARAMETER_LOCATION_CHANGED,
                Some(o.field("in")),
                Some(n.field("in")),
                format!(
                    "{label} moved from {} to {}",
                    o.location.unwrap_or("?"),
                    n.location.unwrap_or("?")
                ),
            );
        }
        let o_req = o.is_required() || o.location == Some("path");
        let n_req = n.is_required() || n.location == Some("path");
        if !o_req && n_req {
            self.emit(
                &r::INPUT_BECAME_REQUIRED,
                Some(o.target.clone()),
                Some(n.field("required")),
                format!("{label} changed from optional to required"),
            );
        } else if o_req && !n_req {
            self.emit(
                &r::INPUT_BECAME_OPTIONAL,
                Some(o.field("required")),
                Some(n.target.clone()),
                format!("{label} changed from required to optional"),
            );
        }
        if o.location == Some("body") && n.location == Some("body") {
            if let (Some(a), Some(b)) = (o.get("schema"), n.get("schema")) {
                let name = format!("parameter/{}/schema", n.name.unwrap_or("body"));
                self.schema(
                    a,
                    &o.field("schema"),
                    b,
                    &n.field("schema"),
                    Role::Input,
                    &name,
                    &mut Vec::new(),
                    0,
                );
            }
            self.text(o.value, &o.target, n.value, &n.target, &label);
            return;
        }
        self.field(o.value, &o.target, n.value, &n.target, Role::Input, &label);
        let (a, b) = (o.get("collectionFormat"), n.get("collectionFormat"));
        if a != b && !(a.is_none() && s(b) == Some("csv")) && !(b.is_none() && s(a) == Some("csv"))
        {
            self.emit(
                &r::INPUT_COLLECTION_FORMAT_CHANGED,
                Some(o.field("collectionFormat")),
                Some(n.field("collectionFormat")),
                format!(
                    "collectionFormat of {label} changed from {} to {}",
                    show_opt(a),
                    show_opt(b)
                ),
            );
        }
        if let (Some(a), Some(b)) = (o.get("items"), n.get("items")) {
            self.schema(
                a,
                &o.field("items"),
                b,
                &n.field("items"),
                Role::Input,
                &format!("parameter/{}/items", n.name.unwrap_or("?")),
                &mut Vec::new(),
                0,
            );
        }
    }

    /// Keywords of one field (parameter or schema): type, format, enum, and for inputs
    /// visibility, default and constraints; text.
    fn field(&mut self, o: &'a Value, op: &str, n: &'a Value, np: &str, role: Role, label: &str) {
        let (ot, nt) = (o.get("type"), n.get("type"));
        // An output that loses its `type` (`{type: string}` → an enum-only schema) is a type
        // change to Microsoft's validator: PR #3151 reported `…/items/type/type` for exactly that.
        let type_dropped = role == Role::Output && ot.is_some() && nt.is_none();
        let type_changed = (ot.is_some() && nt.is_some() && ot != nt) || type_dropped;
        if type_changed {
            let rule = if role == Role::Input {
                &r::INPUT_TYPE_CHANGED
            } else {
                &r::OUTPUT_TYPE_CHANGED
            };
            self.emit(
                rule,
                Some(join(op, "type")),
                Some(join(np, "type")),
                format!(
                    "type of {label} changed from {} to {}",
                    show_opt(ot),
                    show_opt(nt)
                ),
            );
        }
        let (of, nf) = (o.get("format"), n.get("format"));
        if !type_changed && of != nf {
            let rule = if role == Role::Input {
                &r::INPUT_FORMAT_CHANGED
            } else {
                &r::OUTPUT_FORMAT_CHANGED
            };
            self.emit(
                rule,
                Some(if of.is_some() {
                    join(op, "format")
                } else {
                    op.to_string()
                }),
                Some(if nf.is_some() {
                    join(np, "format")
                } else {
                    np.to_string()
                }),
                format!(
                    "format of {label} changed from {} to {}",
                    show_opt(of),
                    show_opt(nf)
                ),
            );
        }
        self.enums(o, op, n, np, role, label);
        if role == Role::Input {
            let internal = |v: &Value| s(v.get("x-ms-visibility")) == Some("internal");
            if !internal(o) && internal(n) && n.get("default").is_none() {
                self.emit(
                    &r::INPUT_MADE_INTERNAL,
                    Some(op.to_string()),
                    Some(join(np, "x-ms-visibility")),
                    format!("{label} became internal and has no default"),
                );
            }
            let (od, nd) = (o.get("default"), n.get("default"));
            if od.is_some() && od != nd {
                self.emit(
                    &r::INPUT_DEFAULT_CHANGED,
                    Some(join(op, "default")),
                    Some(if nd.is_some() {
                        join(np, "default")
                    } else {
                        np.to_string()
                    }),
                    format!(
                        "default of {label} changed from {} to {}",
                        show_opt(od),
                        show_opt(nd)
                    ),
                );
            }
            self.constraints(o, op, n, np, label);
        }
        self.text(o, op, n, np, label);
    }

    fn constraints(&mut self, o: &Value, op: &str, n: &Value, np: &str, label: &str) {
        let num = |v: &Value, k: &str| v.get(k).and_then(Value::as_f64);
        for (k, upper) in [
            ("maxLength", true),
            ("maximum", true),
            ("maxItems", true),
            ("minLength", false),
            ("minimum", false),
            ("minItems", false),
        ] {
            let (a, b) = (num(o, k), num(n, k));
            let tighter = match (a, b) {
                (None, Some(_)) => true,
                (Some(a), Some(b)) => (upper && b < a) || (!upper && b > a),
                _ => false,
            };
            if tighter {
                self.emit(
                    &r::INPUT_CONSTRAINT_TIGHTENED,
                    Some(if a.is_some() {
                        join(op, k)
                    } else {
                        op.to_string()
                    }),
                    Some(join(np, k)),
                    format!(
                        "{k} of {label} changed from {} to {}",
                        show_opt(o.get(k)),
                        show_opt(n.get(k))
                    ),
                );
            }
        }
        let (a, b) = (o.get("pattern"), n.get("pattern"));
        if b.is_some() && a != b {
            self.emit(
                &r::INPUT_CONSTRAINT_TIGHTENED,
                Some(if a.is_some() {
                    join(op, "pattern")
                } else {
                    op.to_string()
                }),
                Some(join(np, "pattern")),
                format!(
                    "pattern of {label} changed from {} to {}",
                    show_opt(a),
                    show_opt(b)
                ),
            );
        }
    }

    fn enums(&mut self, o: &Value, op: &str, n: &Value, np: &str, role: Role, label: &str) {
        let (oe, ne) = (enum_set(o), enum_set(n));
        let (ep, enp) = (join(op, "enum"), join(np, "enum"));
        match (oe, ne, role) {
            (Some(a), Some(b), _) => {
                let bk: HashSet<String> = b.iter().map(|v| key_of(v)).collect();
                let ak: HashSet<String> = a.iter().map(|v| key_of(v)).collect();
                let removed: Vec<String> = a
                    .iter()
                    .filter(|v| !bk.contains(&key_of(v)))
                    .map(|v| show(v))
                    .collect();
                let added: Vec<String> = b
                    .iter()
                    .filter(|v| !ak.contains(&key_of(v)))
                    .map(|v| show(v))
                    .collect();
                if role == Role::Input && !removed.is_empty() {
                    self.emit(
                        &r::INPUT_ENUM_VALUE_REMOVED,
                        Some(ep.clone()),
                        Some(enp.clone()),
                        format!("enum value(s) {} removed from {label}", removed.join(", ")),
                    );
                }
                if !added.is_empty() {
                    let rule = if role == Role::Input {
                        &r::INPUT_ENUM_VALUE_ADDED
                    } else {
                        &r::OUTPUT_ENUM_VALUE_ADDED
                    };
                    self.emit(
                        rule,
                        Some(ep),
                        Some(enp),
                        format!("enum value(s) {} added to {label}", added.join(", ")),
                    );
                }
            }
            (None, Some(_), Role::Input) => self.emit(
                &r::INPUT_ENUM_ADDED,
                Some(op.to_string()),
                Some(enp),
                format!("an enum list was added to {label}"),
            ),
            (Some(_), None, Role::Input) => self.emit(
                &r::INPUT_ENUM_REMOVED,
                Some(ep),
                Some(np.to_string()),
                format!("the enum list of {label} was removed"),
            ),
            (Some(_), None, Role::Output) => self.emit(
                &r::OUTPUT_ENUM_REMOVED,
                Some(ep),
                Some(np.to_string()),
                format!("the enum list of {label} was removed"),
            ),
            _ => {}
        }
    }

    /// Structural schema comparison through `$ref`, `allOf`, properties and items.
    #[allow(clippy::too_many_arguments)]
    fn schema(
        &mut self,
        o: &'a Value,
        op: &str,
        n: &'a Value,
        np: &str,
        role: Role,
        label: &str,
        stack: &mut Vec<(String, String)>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            self.cut_min = Some(0);
            return;
        }
        let (Ok((o, op)), Ok((n, np))) = (self.old.resolve(o, op), self.new.resolve(n, np)) else {
            return;
        };
        if identical_closed(o, n, 0) {
            return;
        }
        let key = (op, np, role);
        if self.clean.contains(&key) {
            return;
        }
        self.visits += 1;
        if self.visits > SCHEMA_VISITS_MAX {
            self.cut_min = Some(0);
            return;
        }
        if self.visits > SCHEMA_VISITS_EXACT && self.done.contains(&key) {
            return;
        }
        let (Some(fo), Some(fnew)) = (flatten(self.old, o, &key.0), flatten(self.new, n, &key.1))
        else {
            return;
        };
        let pair = (fo.ptr.clone(), fnew.ptr.clone());
        if let Some(i) = stack.iter().position(|p| *p == pair) {
            // Recursive schema: this pair is already being compared above.
            self.cut_min = Some(self.cut_min.map_or(i, |m| m.min(i)));
            return;
        }
        let before = self.emitted;
        let saved_cut = self.cut_min.take();
        let my_index = stack.len();
        stack.push(pair);
        self.field(
            fo.node,
            &fo.ptr,
            fnew.node,
            &fnew.ptr,
            role,
            &format!("'{label}'"),
        );
        for (name, ov, opp) in &fo.props {
            let child = format!("{label}/{name}");
            match fnew.prop(name) {
                Some((_, nv, npp)) => {
                    if role == Role::Input {
                        let (a, b) = (fo.required.contains(name), fnew.required.contains(name));
                        if !a && b {
                            self.emit(
                                &r::INPUT_BECAME_REQUIRED,
                                Some(opp.clone()),
                                Some(join(&fnew.ptr, "required")),
                                format!("input '{child}' changed from optional to required"),
                            );
                        } else if a && !b {
                            self.emit(
                                &r::INPUT_BECAME_OPTIONAL,
                                Some(join(&fo.ptr, "required")),
                                Some(npp.clone()),
                                format!("input '{child}' changed from required to optional"),
                            );
                        }
                    }
                    self.schema(ov, opp, nv, npp, role, &child, stack, depth + 1);
                }
                None => {
                    let (rule, what) = if role == Role::Input {
                        (&r::INPUT_REMOVED, "input")
                    } else {
                        (&r::OUTPUT_PROPERTY_DELETED, "output field")
                    };
                    self.emit(
                        rule,
                        Some(opp.clone()),
                        Some(join(&fnew.ptr, "properties")),
                        format!("{what} '{child}' has been deleted"),
                    );
                }
            }
        }
        for (name, nv, npp) in &fnew.props {
            if fo.prop(name).is_some() {
                continue;
            }
            let child = format!("'{label}/{name}'");
            if role == Role::Input {
                let resolved = self.new.resolve_or_self(nv, npp).0;
                self.added_input(
                    fnew.required.contains(name),
                    resolved,
                    Some(&fo.ptr),
                    npp,
                    &child,
                );
            } else {
                self.emit(
                    &r::OUTPUT_PROPERTY_ADDED,
                    Some(fo.ptr.clone()),
                    Some(npp.clone()),
                    format!("output field {child} added"),
                );
            }
        }
        if let (Some(a), Some(b)) = (fo.node.get("items"), fnew.node.get("items"))
            && a.is_object()
            && b.is_object()
        {
            self.schema(
                a,
                &join(&fo.ptr, "items"),
                b,
                &join(&fnew.ptr, "items"),
                role,
                &format!("{label}/items"),
                stack,
                depth + 1,
            );
        }
        stack.pop();
        let inner_cut = self.cut_min.filter(|&m| m < my_index);
        if inner_cut.is_none() {
            if self.emitted == before {
                self.clean.insert(key);
            } else {
                self.done.insert(key);
            }
        }
        self.cut_min = match (saved_cut, inner_cut) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }

    fn responses(&mut self, o: &Operation<'a>, n: &Operation<'a>) {
        let map = |op: &Operation<'a>| -> Vec<(&'a str, &'a Value)> {
            op.get("responses")
                .and_then(Value::as_object)
                .map(|m| m.iter().map(|(k, v)| (k.as_str(), v)).collect())
                .unwrap_or_default()
        };
        let (om, nm) = (map(o), map(n));
        let (ob, nb) = (join(&o.pointer, "responses"), join(&n.pointer, "responses"));
        let res = |sw: &Swagger<'a>, v: &'a Value, at: String| sw.resolve_or_self(v, &at);
        let schema_of = |v: &'a Value| v.get("schema");
        for (code, ov) in &om {
            let (ov, ovp) = res(self.old, ov, join(&ob, code));
            // Only success responses (and `default`) are outputs a flow can use; error
            // response schemas are not compared.
            let success = code.starts_with('2') || *code == "default";
            // An empty schema (`{}`, Microsoft's templates put one on `default`) declares no
            // outputs, so there are none to delete or change.
            let declares_outputs = |s: &&Value| !s.as_object().is_some_and(|m| m.is_empty());
            let o_schema = schema_of(ov).filter(|_| success).filter(declares_outputs);
            if let Some((_, nv)) = nm.iter().find(|(k, _)| k == code) {
                let (nv, nvp) = res(self.new, nv, join(&nb, code));
                match (o_schema, schema_of(nv)) {
                    (Some(a), Some(b)) => self.schema(
                        a,
                        &join(&ovp, "schema"),
                        b,
                        &join(&nvp, "schema"),
                        Role::Output,
                        &format!("responses/{code}/schema"),
                        &mut Vec::new(),
                        0,
                    ),
                    (Some(_), None) => self.emit(
                        &r::OUTPUT_SCHEMA_REMOVED,
                        Some(join(&ovp, "schema")),
                        Some(nvp.clone()),
                        format!(
                            "response {code} no longer has a schema: its output fields are deleted"
                        ),
                    ),
                    _ => {}
                }
                self.text(ov, &ovp, nv, &nvp, &format!("response {code}"));
                continue;
            }
            // Moved: a 2xx response disappeared and another 2xx (new in this revision) appeared.
            let moved = code
                .starts_with('2')
                .then(|| {
                    nm.iter()
                        .find(|(k, _)| k.starts_with('2') && !om.iter().any(|(c, _)| c == k))
                })
                .flatten();
            if let Some((ncode, nv)) = moved {
                let (nv, nvp) = res(self.new, nv, join(&nb, ncode));
                self.emit(
                    &r::RESPONSE_STATUS_CHANGED,
                    Some(ovp.clone()),
                    Some(nvp.clone()),
                    format!("response {code} moved to {ncode}"),
                );
                if let (Some(a), Some(b)) = (o_schema, schema_of(nv)) {
                    self.schema(
                        a,
                        &join(&ovp, "schema"),
                        b,
                        &join(&nvp, "schema"),
                        Role::Output,
                        &format!("responses/{ncode}/schema"),
                        &mut Vec::new(),
                        0,
                    );
                } else if o_schema.is_some() {
                    self.emit(&r::OUTPUT_SCHEMA_REMOVED, Some(join(&ovp, "schema")), Some(nvp.clone()),
                        format!("response {code} (now {ncode}) no longer has a schema: its output fields are deleted"));
                }
            } else {
                let rule = if o_schema.is_some() {
                    &r::OUTPUT_SCHEMA_REMOVED
                } else {
                    &r::RESPONSE_REMOVED
                };
                self.emit(
                    rule,
                    Some(ovp.clone()),
                    Some(nb.clone()),
                    format!(
                        "response {code} removed{}",
                        if o_schema.is_some() {
                            " with its schema: its output fields are deleted"
                        } else {
                            ""
                        }
                    ),
                );
            }
        }
    }

    /// `x-ms-dynamic-*` extensions of the old document whose operation no longer exists.
    fn dynamic_targets(&mut self) {
        let new_ids: HashSet<&str> = self
            .new
            .operations
            .iter()
            .filter_map(|o| o.operation_id)
            .collect();
        let old_ids: HashSet<&str> = self
            .old
            .operations
            .iter()
            .filter_map(|o| o.operation_id)
            .collect();
        let mut found = Vec::new();
        find_dynamic(self.old.root, &mut Vec::new(), &mut found);
        let mut reported = HashSet::new();
        for (ptr, target) in found {
            if old_ids.contains(target) && !new_ids.contains(target) {
                let op = self
                    .old
                    .operations
                    .iter()
                    .find(|o| ptr.starts_with(&format!("{}/", o.pointer)))
                    .map(op_key)
                    .unwrap_or_default();
                if !reported.insert((op.clone(), target)) {
                    continue;
                }
                self.op = op;
                self.emit(
                    &r::DYNAMIC_TARGET_REMOVED,
                    Some(ptr.clone()),
                    Some(ptr.clone()),
                    format!(
                        "'{target}', used by {}, has been removed",
                        ptr.rsplit('/')
                            .find(|t| t.starts_with("x-ms-dynamic"))
                            .unwrap_or("x-ms-dynamic-*")
                    ),
                );
            }
        }
        self.op.clear();
    }
}

/// Collect `(pointer, operationId)` of every `x-ms-dynamic-*` extension; pointers are built
/// only for hits (the walk itself allocates nothing per node).
fn find_dynamic<'a>(
    v: &'a Value,
    path: &mut Vec<std::borrow::Cow<'a, str>>,
    out: &mut Vec<(String, &'a str)>,
) {
    if path.len() > 128 {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                path.push(std::borrow::Cow::Borrowed(k.as_str()));
                if k.starts_with("x-ms-dynamic-")
                    && let Some(id) = s(child.get("operationId"))
                {
                    out.push((crate::model::pointer::from_tokens(path.iter()), id));
                }
                if child.is_object() || child.is_array() {
                    find_dynamic(child, path, out);
                }
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                if child.is_object() || child.is_array() {
                    path.push(std::borrow::Cow::Owned(i.to_string()));
                    find_dynamic(child, path, out);
                    path.pop();
                }
            }
        }
        _ => {}
    }
}

/// Compare two apiProperties.json values (`properties.connectionParameters`, sets, policies).
pub fn properties(old: &Value, new: &Value, out: &mut Vec<(Which, RawChange)>) {
    let mut emit =
        |rule: &'static DiffRule, o: Option<String>, n: Option<String>, message: String| {
            out.push((
                Which::Properties,
                RawChange {
                    rule,
                    operation: String::new(),
                    old: o,
                    new: n,
                    message,
                },
            ));
        };
    let params = |v: &Value| -> Vec<(String, Value)> {
        v.pointer("/properties/connectionParameters")
            .and_then(Value::as_object)
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default()
    };
    let base = "/properties/connectionParameters";
    let required = |v: &Value| {
        s(v.get("type")) == Some("oauthSetting")
            || is_truthy(v.pointer("/uiDefinition/constraints/required"))
    };
    let (op, np) = (params(old), params(new));
    for (name, ov) in &op {
        let p = join(base, name);
        match np.iter().find(|(k, _)| k == name) {
            None => emit(
                &r::CONNECTION_PARAMETER_REMOVED,
                Some(p),
                Some(base.into()),
                format!("connection parameter '{name}' removed"),
            ),
            Some((_, nv)) => {
                if ov.get("type") != nv.get("type") {
                    emit(
                        &r::CONNECTION_PARAMETER_TYPE_CHANGED,
                        Some(join(&p, "type")),
                        Some(join(&p, "type")),
                        format!(
                            "type of connection parameter '{name}' changed from {} to {}",
                            show_opt(ov.get("type")),
                            show_opt(nv.get("type"))
                        ),
                    );
                }
                if !required(ov) && required(nv) {
                    emit(
                        &r::CONNECTION_PARAMETER_MADE_REQUIRED,
                        Some(p.clone()),
                        Some(p.clone() + "/uiDefinition/constraints/required"),
                        format!("connection parameter '{name}' became required"),
                    );
                }
                let idp = |v: &Value| v.pointer("/oAuthSettings/identityProvider").cloned();
                if idp(ov).is_some() && idp(ov) != idp(nv) {
                    emit(
                        &r::IDENTITY_PROVIDER_CHANGED,
                        Some(p.clone() + "/oAuthSettings/identityProvider"),
                        Some(p.clone() + "/oAuthSettings"),
                        format!(
                            "identity provider of '{name}' changed from {} to {}",
                            show_opt(idp(ov).as_ref()),
                            show_opt(idp(nv).as_ref())
                        ),
                    );
                }
                let scopes = |v: &Value| v.pointer("/oAuthSettings/scopes").cloned();
                if scopes(ov) != scopes(nv) && scopes(ov).is_some() {
                    emit(
                        &r::OAUTH_SCOPES_CHANGED,
                        Some(p.clone() + "/oAuthSettings/scopes"),
                        Some(p.clone() + "/oAuthSettings/scopes"),
                        format!(
                            "OAuth scopes of '{name}' changed from {} to {}",
                            show_opt(scopes(ov).as_ref()),
                            show_opt(scopes(nv).as_ref())
                        ),
                    );
                }
            }
        }
    }
    for (name, nv) in &np {
        if op.iter().any(|(k, _)| k == name) {
            continue;
        }
        let rule = if required(nv) {
            &r::CONNECTION_PARAMETER_ADDED
        } else {
            &r::OPTIONAL_CONNECTION_PARAMETER_ADDED
        };
        emit(
            rule,
            Some(base.into()),
            Some(join(base, name)),
            format!("connection parameter '{name}' added"),
        );
    }
    let sets = |v: &Value| -> BTreeSet<String> {
        v.pointer("/properties/connectionParameterSets/values")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|x| s(x.get("name")).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (os, ns) = (sets(old), sets(new));
    if os != ns {
        let p = "/properties/connectionParameterSets".to_string();
        emit(
            &r::CONNECTION_PARAMETER_SETS_CHANGED,
            Some(p.clone()),
            Some(p),
            format!(
                "connection parameter sets changed from [{}] to [{}]",
                os.into_iter().collect::<Vec<_>>().join(", "),
                ns.into_iter().collect::<Vec<_>>().join(", ")
            ),
        );
    }
    let policies = |v: &Value| -> BTreeSet<String> {
        v.pointer("/properties/policyTemplateInstances")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(canonical).collect())
            .unwrap_or_default()
    };
    if policies(old) != policies(new) {
        let p = "/properties/policyTemplateInstances".to_string();
        emit(
            &r::POLICY_TEMPLATES_CHANGED,
            Some(p.clone()),
            Some(p),
            "policyTemplateInstances changed".into(),
        );
    }
    let _ = METHODS;
}

/// JSON text with object keys sorted (order-insensitive comparison and normalized output).
pub fn canonical(v: &Value) -> String {
    serde_json::to_string(&sorted(v)).unwrap_or_default()
}

/// A copy with object keys sorted recursively.
pub fn sorted(v: &Value) -> Value {
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
