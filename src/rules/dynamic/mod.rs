//! Dynamic extensions and other cross-operation references.
//!
//! An `x-ms-dynamic-*` extension makes the designer call another operation of the connector
//! (the *invoked* operation) while the user fills in the *calling* operation. The checks follow
//! the references both ways: parameter names into the invoked operation's parameters, parameter
//! references back into the calling operation, and value paths into the invoked operation's
//! success response schema.

use serde_json::Value;

use super::opkit::{EXT, Once, body_schema, op_body_props, ops};
use super::{Context, Rule};
use crate::model::pointer::join;
use crate::model::swagger::{Operation, Param, Swagger};
use crate::model::types::fits_type;
use crate::model::walk::{Visit, walk};

pub(crate) const RULES: &[&Rule] = &[
    &OPERATION_ID_NOT_FOUND,
    &DYNAMIC_EXTENSION_DEFINITION_NOT_ALLOWED_IN_PARAMETER,
    &DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES,
    &DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES,
    &DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES,
    &DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES,
    &DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_PROPERTIES_VALUE_PATH,
    &DYNAMIC_PROPERTIES_ITEM_VALUE_PATH_MISMATCH,
    &DYNAMIC_TREE_EXTENSION_MISSING,
    &INVOKED_OPERATION_SHOULD_PRODUCE_ARRAY,
    &INVOKED_OPERATION_SHOULD_PRODUCE_PROPERTY,
    &OPERATION_MISSING_REQUIRED_PROPERTY,
    &OPERATION_PARAMETER_NAME_IS_AMBIGUOUS,
    &OPERATION_PARAMETER_NAME_NOT_FOUND,
    &OPERATION_PARAMETER_REQUIRED_MISMATCH,
    &OPERATION_PARAMETER_STATIC_TYPE_MISMATCH,
    &OPERATION_PARAMETER_TYPE_MISMATCH,
    &SELECTED_ITEM_VALUE_PATH_NOT_ALLOWED_IN_THIS_POSITION,
    &SOURCE_PROPERTY_INTERNAL,
];

/// Which dynamic extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Values,
    List,
    Schema,
    Properties,
    Tree,
}

impl Kind {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Kind::Values => "x-ms-dynamic-values",
            Kind::List => "x-ms-dynamic-list",
            Kind::Schema => "x-ms-dynamic-schema",
            Kind::Properties => "x-ms-dynamic-properties",
            Kind::Tree => "x-ms-dynamic-tree",
        }
    }
    const ALL: [Kind; 5] = [
        Kind::Values,
        Kind::List,
        Kind::Schema,
        Kind::Properties,
        Kind::Tree,
    ];

    /// The newer extension that takes over this one's parameters when both are present.
    fn successor(self) -> Option<Kind> {
        match self {
            Kind::Values => Some(Kind::List),
            Kind::Schema => Some(Kind::Properties),
            _ => None,
        }
    }
}

/// One dynamic extension as seen from one calling operation.
pub(crate) struct Site<'c, 'a> {
    pub(crate) op: &'c Operation<'a>,
    pub(crate) kind: Kind,
    pub(crate) ext: &'a Value,
    /// Pointer to the extension value.
    pub(crate) at: String,
    /// The object holding the extension (parameter or schema).
    pub(crate) holder: &'a Value,
    /// The holder is a body parameter object (not its schema).
    pub(crate) on_body_param: bool,
}

impl<'a> Site<'_, 'a> {
    fn op_id(&self) -> Option<&'a str> {
        self.ext.get("operationId").and_then(Value::as_str)
    }
    fn has(&self, k: Kind) -> bool {
        self.holder.get(k.key()).is_some_and(Value::is_object)
    }
    /// Whether a newer sibling extension supersedes this one's parameter handling.
    fn superseded(&self) -> bool {
        self.kind.successor().is_some_and(|k| self.has(k))
    }
    fn params(&self) -> Vec<(&'a str, &'a Value, String)> {
        let base = join(&self.at, "parameters");
        self.ext
            .get("parameters")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(k, v)| (k.as_str(), v, join(&base, k)))
            .collect()
    }
}

fn push_sites<'c, 'a>(
    op: &'c Operation<'a>,
    holder: &'a Value,
    holder_at: &str,
    on_body_param: bool,
    out: &mut Vec<Site<'c, 'a>>,
) {
    // The five keys in one pass over the holder's members (about twenty rules ask for the
    // sites, each building them again).
    let exts = crate::model::access::fields(holder, Kind::ALL.map(Kind::key));
    for (kind, ext) in Kind::ALL.into_iter().zip(exts) {
        if let Some(ext) = ext.filter(|e| e.is_object()) {
            out.push(Site {
                op,
                kind,
                ext,
                at: join(holder_at, kind.key()),
                holder,
                on_body_param,
            });
        }
    }
}

/// Where the dynamic extensions are: (operation index, object holding the extension, its
/// pointer, the holder is a body parameter).
fn holders<'a>(sw: &Swagger<'a>, ops: &[Operation<'a>]) -> Vec<(usize, &'a Value, String, bool)> {
    let mut out = Vec::new();
    // One pass over the members (the five keys share a prefix) instead of five lookups.
    let has_ext = |v: &Value| {
        v.as_object().is_some_and(|m| {
            m.iter().any(|(k, e)| {
                e.is_object()
                    && k.starts_with("x-ms-dynamic-")
                    && Kind::ALL.iter().any(|kind| kind.key() == k)
            })
        })
    };
    // Walking every operation's expanded schemas is the expensive part; skip it when no schema
    // object written anywhere carries a dynamic extension (most connectors).
    let schemas_have_ext = sw.schema_nodes().iter().any(|n| has_ext(n.value));
    for (i, op) in ops.iter().enumerate() {
        for p in op.params.iter().filter(|p| p.ref_error.is_none()) {
            if has_ext(p.value) {
                out.push((i, p.value, p.target.clone(), p.location == Some("body")));
            }
        }
        if !schemas_have_ext {
            continue;
        }
        let mut roots: Vec<(&'a Value, String)> = Vec::new();
        if let Some(b) = body_schema(sw, op) {
            roots.push(b);
        }
        if let Some(m) = op.get("responses").and_then(Value::as_object) {
            for (k, r) in m {
                let rp = join(&join(&op.pointer, "responses"), k);
                let (r, rp) = sw.resolve_or_self(r, &rp);
                if let Some(s) = r.get("schema") {
                    roots.push((s, join(&rp, "schema")));
                }
            }
        }
        for (s, at) in roots {
            sw.walk_resolved(s, &at, &mut |v, p| {
                if has_ext(v) {
                    out.push((i, v, p.to_string(), false));
                }
            });
        }
    }
    out
}

/// Every dynamic extension reachable from every operation (parameters, body schema, response
/// schemas). A shared definition appears once per operation using it. The walk through the
/// schemas (the expensive part) runs once per connector and is shared by the ~20 rules here.
fn sites<'c, 'a>(cx: &'c Context<'a>) -> Vec<Site<'c, 'a>> {
    let Some(sw) = cx.swagger.as_ref() else {
        return Vec::new();
    };
    let ops = ops(cx);
    let index = cx.borrowed.dynamic_holders.get_or_init(|| holders(sw, ops));
    let mut out = Vec::new();
    for (i, holder, at, on_body) in index {
        if let Some(op) = ops.get(*i) {
            push_sites(op, holder, at, *on_body, &mut out);
        }
    }
    out
}

fn with_sites<'a>(cx: &Context<'a>, f: &mut dyn FnMut(&Swagger<'a>, &Site<'_, 'a>)) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for s in sites(cx) {
        f(sw, &s);
    }
}

/// A dynamic-call argument.
enum Arg<'a> {
    /// A reference to a parameter (or body property path) of the calling operation.
    Ref(&'a str),
    /// A literal value.
    Literal(&'a Value),
    /// Something else (`selectedItemValuePath`, unknown shapes).
    Other,
}

fn arg(v: &Value) -> Arg<'_> {
    match v {
        Value::Object(m) => {
            if let Some(r) = m
                .get("parameter")
                .or_else(|| m.get("parameterReference"))
                .and_then(Value::as_str)
            {
                Arg::Ref(r)
            } else if let Some(v) = m.get("value") {
                Arg::Literal(v)
            } else {
                Arg::Other
            }
        }
        other => Arg::Literal(other),
    }
}

/// What a name or `a/b` path means in an operation.
enum Target<'c, 'a> {
    /// A whole parameter.
    Param(&'c Param<'a>),
    /// A property inside the body (or inside a parameter's schema): its schema and whether it
    /// and its ancestors are required, or internal.
    Prop {
        schema: &'a Value,
        required: bool,
        internal: bool,
    },
    Missing,
    /// Cannot tell (open schema, broken reference).
    Unknown,
}

fn internal(v: &Value) -> bool {
    v.get("x-ms-visibility").and_then(Value::as_str) == Some("internal")
}

/// A body property named `name` at any depth, with the required/internal state of its chain.
fn body_prop<'a>(
    cx: &Context<'a>,
    op: &Operation<'a>,
    name: &str,
) -> Option<(&'a Value, bool, bool)> {
    let body = op.body_param()?;
    op_body_props(cx, op)
        .iter()
        .find(|p| p.name == name)
        .map(|p| {
            let required =
                body.is_required() && p.required_in_parent && p.ancestors.iter().all(|(_, r)| *r);
            let int = internal(body.value)
                || internal(p.value)
                || p.ancestors.iter().any(|(a, _)| internal(a));
            (p.value, required, int)
        })
}

/// Look up a name or path in an operation: parameter name first, then body property.
fn lookup<'c, 'a>(
    cx: &Context<'a>,
    sw: &Swagger<'a>,
    op: &'c Operation<'a>,
    name: &str,
) -> Target<'c, 'a> {
    let segs: Vec<&str> = name.split('/').filter(|s| !s.is_empty()).collect();
    let Some(first) = segs.first() else {
        return Target::Missing;
    };
    if let Some(p) = op.params.iter().find(|p| p.name == Some(first)) {
        if segs.len() == 1 {
            return Target::Param(p);
        }
        let Some(schema) = p.get("schema") else {
            return Target::Unknown;
        };
        return match sw.schema_at(schema, &p.field("schema"), &segs[1..]) {
            Some((s, _)) => Target::Prop {
                schema: s,
                required: p.is_required(),
                internal: internal(p.value) || internal(s),
            },
            None => Target::Unknown,
        };
    }
    if segs.len() == 1 {
        return match body_prop(cx, op, first) {
            Some((schema, required, internal)) => Target::Prop {
                schema,
                required,
                internal,
            },
            None if open_body(sw, op) => Target::Unknown,
            None => Target::Missing,
        };
    }
    // `a/b` where `a` is not a parameter: a path inside the body schema.
    match body_schema(sw, op).and_then(|(s, at)| sw.schema_at(s, &at, &segs)) {
        Some((s, _)) => Target::Prop {
            schema: s,
            required: false,
            internal: internal(s),
        },
        None => Target::Unknown,
    }
}

/// The body schema is dynamic or open, so any property may exist.
fn open_body<'a>(sw: &Swagger<'a>, op: &Operation<'a>) -> bool {
    match body_schema(sw, op) {
        None => false,
        Some((s, at)) => {
            let (s, _) = sw.resolve_or_self(s, &at);
            s.get("x-ms-dynamic-schema").is_some()
                || s.get("x-ms-dynamic-properties").is_some()
                || s.get("properties").is_none()
                || s.get("additionalProperties")
                    .is_some_and(|a| a != &Value::Bool(false))
        }
    }
}

/// Both a parameter named `name` and a body property named `name` exist.
fn ambiguous<'a>(sw: &Swagger<'a>, op: &Operation<'a>, name: &str) -> bool {
    !name.contains('/')
        && op
            .params
            .iter()
            .any(|p| p.name == Some(name) && p.location != Some("body"))
        && top_body_prop(sw, op, name)
}

/// A property named `name` directly in the body schema (not nested).
fn top_body_prop<'a>(sw: &Swagger<'a>, op: &Operation<'a>, name: &str) -> bool {
    body_schema(sw, op).is_some_and(|(s, at)| sw.schema_at(s, &at, &[name]).is_some())
}

fn type_of<'a>(t: &Target<'_, 'a>, sw: &Swagger<'a>) -> Option<&'a str> {
    let v = match t {
        Target::Param(p) if p.location == Some("body") => {
            let s = p.get("schema")?;
            sw.resolve_or_self(s, &p.field("schema")).0
        }
        Target::Param(p) => p.value,
        Target::Prop { schema, .. } => schema,
        _ => return None,
    };
    v.get("type").and_then(Value::as_str)
}

/// Reference checks on the calling side: for each `Ref` argument, what it names.
fn caller_refs<'c, 'a>(
    cx: &Context<'a>,
    sw: &Swagger<'a>,
    s: &Site<'c, 'a>,
) -> Vec<(&'a str, String, Target<'c, 'a>)> {
    s.params()
        .into_iter()
        .filter_map(|(_, v, at)| match arg(v) {
            Arg::Ref(r) => Some((r, at, lookup(cx, sw, s.op, r))),
            _ => None,
        })
        .collect()
}

fn need_sibling(cx: &Context<'_>, sink: &mut super::Sink<'_>, kind: Kind, ambiguous_case: bool) {
    let mut once = Once::new(sink);
    let Some(needed) = kind.successor() else {
        return;
    };
    with_sites(cx, &mut |sw, s| {
        if s.kind != kind || s.has(needed) || s.op_id().is_none() {
            return;
        }
        for (r, at, t) in caller_refs(cx, sw, s) {
            let hit = if ambiguous_case {
                ambiguous(sw, s.op, r)
            } else {
                r.contains('/') || matches!(t, Target::Prop { .. })
            };
            if hit {
                once.emit(
                    at,
                    format!(
                        "reference '{r}' {} in {}; add {} with a parameterReference",
                        if ambiguous_case {
                            "names both a parameter and a body property"
                        } else {
                            "is a property inside a parameter"
                        },
                        s.op.label(),
                        needed.key()
                    ),
                );
            }
        }
    });
}

fn segs(p: &str) -> Vec<&str> {
    p.split('/').filter(|s| !s.is_empty()).collect()
}

/// A lookup in a response schema.
enum Look<'a> {
    Found(&'a Value, String),
    Missing,
    Unknown,
}

fn is_open(s: &Value) -> bool {
    s.get("x-ms-dynamic-schema").is_some()
        || s.get("x-ms-dynamic-properties").is_some()
        || s.get("additionalProperties")
            .is_some_and(|a| a != &Value::Bool(false))
}

fn child<'a>(sw: &Swagger<'a>, s: &'a Value, at: &str, seg: &str, depth: usize) -> Look<'a> {
    if depth > 16 || is_open(s) {
        return Look::Unknown;
    }
    if let Some(v) = s.get("properties").and_then(|p| p.get(seg)) {
        let p = join(&join(at, "properties"), seg);
        return match sw.resolve(v, &p) {
            Ok((v, p)) => Look::Found(v, p),
            Err(_) => Look::Unknown,
        };
    }
    if seg.parse::<usize>().is_ok()
        && let Some(items) = s.get("items")
    {
        return match sw.resolve(items, &join(at, "items")) {
            Ok((v, p)) => Look::Found(v, p),
            Err(_) => Look::Unknown,
        };
    }
    let mut declares = s
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|m| !m.is_empty());
    if let Some(all) = s.get("allOf").and_then(Value::as_array) {
        for (i, part) in all.iter().enumerate() {
            let pp = format!("{}/{i}", join(at, "allOf"));
            let Ok((r, rp)) = sw.resolve(part, &pp) else {
                return Look::Unknown;
            };
            match child(sw, r, &rp, seg, depth + 1) {
                Look::Missing => declares = true,
                other => return other,
            }
        }
    }
    if declares {
        Look::Missing
    } else {
        Look::Unknown
    }
}

fn look<'a>(sw: &Swagger<'a>, root: &'a Value, at: &str, path: &str) -> Look<'a> {
    let (mut cur, mut ptr) = match sw.resolve(root, at) {
        Ok(x) => x,
        Err(_) => return Look::Unknown,
    };
    for seg in segs(path) {
        match child(sw, cur, &ptr, seg, 0) {
            Look::Found(v, p) => {
                cur = v;
                ptr = p;
            }
            other => return other,
        }
    }
    Look::Found(cur, ptr)
}

/// Explicitly not an array: a `type` other than array, or properties without `items`.
fn not_array(s: &Value) -> bool {
    match s.get("type").and_then(Value::as_str) {
        Some(t) => t != "array",
        None => s.get("items").is_none() && s.get("properties").is_some(),
    }
}

/// Which paths of a site are read from the invoked operation's response:
/// (collection key, item keys, root keys).
fn path_keys(
    k: Kind,
) -> (
    Option<&'static str>,
    &'static [&'static str],
    &'static [&'static str],
) {
    match k {
        Kind::Values => (
            Some("value-collection"),
            &["value-path", "value-title"],
            &[],
        ),
        Kind::List => (Some("itemsPath"), &["itemValuePath", "itemTitlePath"], &[]),
        Kind::Schema => (None, &[], &["value-path"]),
        Kind::Properties => (None, &[], &["itemValuePath"]),
        Kind::Tree => (None, &[], &[]),
    }
}

/// Findings about value paths: (is_array_problem, pointer, message).
fn produce_findings(cx: &Context<'_>) -> Vec<(bool, String, String)> {
    let mut out = Vec::new();
    with_sites(cx, &mut |sw, s| {
        let Some(target) = s.op_id().and_then(|id| sw.operation_by_id(id)) else {
            return;
        };
        let Some((root, at)) = sw.success_schema(target) else {
            return;
        };
        let id = target.label();
        let (coll, item_keys, root_keys) = path_keys(s.kind);
        for k in root_keys {
            if let Some(p) = s.ext.get(*k).and_then(Value::as_str)
                && matches!(look(sw, root, &at, p), Look::Missing)
            {
                out.push((
                    false,
                    join(&s.at, k),
                    format!("'{p}' is not in the response of {id}"),
                ));
            }
        }
        let Some(coll) = coll else { return };
        let cpath = s.ext.get(coll).and_then(Value::as_str);
        let item = match look(sw, root, &at, cpath.unwrap_or("")) {
            Look::Found(c, cp) => {
                if not_array(c) {
                    let (ptr, what) = match cpath {
                        Some(p) => (join(&s.at, coll), format!("'{p}'")),
                        None => (s.at.clone(), format!("the response root (no {coll})")),
                    };
                    out.push((true, ptr, format!("{what} of {id} is not an array")));
                    return;
                }
                match c.get("items") {
                    Some(i) => sw.resolve(i, &join(&cp, "items")).ok(),
                    None => None,
                }
            }
            Look::Missing => {
                let p = cpath.unwrap_or("");
                out.push((
                    false,
                    join(&s.at, coll),
                    format!("'{p}' is not in the response of {id}"),
                ));
                return;
            }
            Look::Unknown => None,
        };
        let Some((item, ip)) = item else { return };
        for k in item_keys {
            if let Some(p) = s.ext.get(*k).and_then(Value::as_str)
                && matches!(look(sw, item, &ip, p), Look::Missing)
            {
                out.push((
                    false,
                    join(&s.at, k),
                    format!("'{p}' is not a property of the items returned by {id}"),
                ));
            }
        }
    });
    out
}

/// For each non-superseded site with an existing target: each parameters entry with what it
/// names in the invoked operation.
fn target_args<'c, 'a>(
    cx: &Context<'a>,
    sw: &Swagger<'a>,
    s: &Site<'c, 'a>,
    target: &'c Operation<'a>,
) -> Vec<(&'a str, &'a Value, String, Target<'c, 'a>)> {
    s.params()
        .into_iter()
        .map(|(k, v, at)| (k, v, at, lookup(cx, sw, target, k)))
        .collect()
}

fn invoked<'c, 'a>(sw: &'c Swagger<'a>, s: &Site<'_, 'a>) -> Option<&'c Operation<'a>> {
    if matches!(s.kind, Kind::Tree) {
        return None;
    }
    sw.operation_by_id(s.op_id()?)
}

/// (key, pointer, caller target, invoked target) for each reference argument.
fn ref_pairs<'a>(
    cx: &Context<'a>,
    f: &mut dyn FnMut(&Swagger<'a>, &str, String, &Target<'_, 'a>, &Target<'_, 'a>),
) {
    with_sites(cx, &mut |sw, s| {
        if s.superseded() {
            return;
        }
        let Some(target) = invoked(sw, s) else { return };
        for (k, v, at, t) in target_args(cx, sw, s, target) {
            if let Arg::Ref(r) = arg(v) {
                let c = lookup(cx, sw, s.op, r);
                f(sw, k, at, &c, &t);
            }
        }
    });
}
mod dynamic_extension_definition_not_allowed_in_parameter;
mod dynamic_list_extension_required_for_ambiguous_references;
mod dynamic_list_extension_required_for_non_parameter_references;
mod dynamic_properties_extension_required_for_ambiguous_references;
mod dynamic_properties_extension_required_for_non_parameter_references;
mod dynamic_properties_extension_required_for_properties_value_path;
mod dynamic_properties_item_value_path_mismatch;
mod dynamic_tree_extension_missing;
mod invoked_operation_should_produce_array;
mod invoked_operation_should_produce_property;
mod operation_id_not_found;
mod operation_missing_required_property;
mod operation_parameter_name_is_ambiguous;
mod operation_parameter_name_not_found;
mod operation_parameter_required_mismatch;
mod operation_parameter_static_type_mismatch;
mod operation_parameter_type_mismatch;
mod selected_item_value_path_not_allowed_in_this_position;
mod source_property_internal;

pub(crate) use dynamic_extension_definition_not_allowed_in_parameter::*;
pub(crate) use dynamic_list_extension_required_for_ambiguous_references::*;
pub(crate) use dynamic_list_extension_required_for_non_parameter_references::*;
pub(crate) use dynamic_properties_extension_required_for_ambiguous_references::*;
pub(crate) use dynamic_properties_extension_required_for_non_parameter_references::*;
pub(crate) use dynamic_properties_extension_required_for_properties_value_path::*;
pub(crate) use dynamic_properties_item_value_path_mismatch::*;
pub(crate) use dynamic_tree_extension_missing::*;
pub(crate) use invoked_operation_should_produce_array::*;
pub(crate) use invoked_operation_should_produce_property::*;
pub(crate) use operation_id_not_found::*;
pub(crate) use operation_missing_required_property::*;
pub(crate) use operation_parameter_name_is_ambiguous::*;
pub(crate) use operation_parameter_name_not_found::*;
pub(crate) use operation_parameter_required_mismatch::*;
pub(crate) use operation_parameter_static_type_mismatch::*;
pub(crate) use operation_parameter_type_mismatch::*;
pub(crate) use selected_item_value_path_not_allowed_in_this_position::*;
pub(crate) use source_property_internal::*;

#[cfg(test)]
mod tests;
