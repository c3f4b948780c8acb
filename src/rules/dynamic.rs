//! Dynamic extensions and other cross-operation references (catalog §3.1 #10-17, #22-23, #33,
//! #40, #43-45, #49-50, #68; §3.4 #90).
//!
//! An `x-ms-dynamic-*` extension makes the designer call another operation of the connector
//! (the *invoked* operation) while the user fills in the *calling* operation. The checks follow
//! the references both ways: parameter names into the invoked operation's parameters, parameter
//! references back into the calling operation, and value paths into the invoked operation's
//! success response schema.

use serde_json::Value;

use super::opkit::{EXT, Once, body_schema, def_rule, op_body_props, ops};
use super::util::fits_type;
use super::{Context, Rule};
use crate::model::pointer::join;
use crate::model::swagger::{Operation, Param, Swagger};
use crate::model::walk::{Visit, walk};

pub const RULES: &[&Rule] = &[
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
pub enum Kind {
    Values,
    List,
    Schema,
    Properties,
    Tree,
}

impl Kind {
    pub fn key(self) -> &'static str {
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
pub struct Site<'c, 'a> {
    pub op: &'c Operation<'a>,
    pub kind: Kind,
    pub ext: &'a Value,
    /// Pointer to the extension value.
    pub at: String,
    /// The object holding the extension (parameter or schema).
    pub holder: &'a Value,
    /// The holder is a body parameter object (not its schema).
    pub on_body_param: bool,
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
    for kind in Kind::ALL {
        if let Some(ext) = holder.get(kind.key()).filter(|e| e.is_object()) {
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

def_rule!(
    OPERATION_ID_NOT_FOUND,
    "OperationIdNotFound",
    Error,
    ALL,
    "An extension names an operationId that does not exist",
    "Dynamic values, lists, schemas, properties and trees, `x-ms-notification`, \
`x-ms-operation-context.simulate` and `x-ms-capabilities` (test connection, file picker) call \
another operation by its `operationId`. The name must match an operation of this definition \
exactly (it is case-sensitive); a renamed operation breaks these calls silently at design \
time.",
    EXT,
    |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        let mut refs: Vec<(String, &Value)> = Vec::new();
        for s in sites(cx) {
            if s.kind == Kind::Tree {
                for part in ["open", "browse"] {
                    if let Some(id) = s.ext.get(part).and_then(|p| p.get("operationId")) {
                        refs.push((join(&join(&s.at, part), "operationId"), id));
                    }
                }
            } else if let Some(id) = s.ext.get("operationId") {
                refs.push((join(&s.at, "operationId"), id));
            }
        }
        for op in ops(cx) {
            if let Some(id) = op
                .get("x-ms-notification")
                .and_then(|n| n.get("operationId"))
            {
                refs.push((
                    join(&join(&op.pointer, "x-ms-notification"), "operationId"),
                    id,
                ));
            }
            if let Some(id) = op
                .get("x-ms-operation-context")
                .and_then(|c| c.get("simulate"))
                .and_then(|s| s.get("operationId"))
            {
                refs.push((
                    join(&op.pointer, "x-ms-operation-context") + "/simulate/operationId",
                    id,
                ));
            }
        }
        if let Some(caps) = sw.root.get("x-ms-capabilities") {
            for (path, v) in [
                (
                    "/x-ms-capabilities/testConnection/operationId",
                    caps.pointer("/testConnection/operationId"),
                ),
                (
                    "/x-ms-capabilities/file-picker/open/operationId",
                    caps.pointer("/file-picker/open/operationId"),
                ),
                (
                    "/x-ms-capabilities/file-picker/browse/operationId",
                    caps.pointer("/file-picker/browse/operationId"),
                ),
            ] {
                if let Some(v) = v {
                    refs.push((path.to_string(), v));
                }
            }
        }
        let mut once = Once::new(sink);
        for (at, id) in refs {
            let Some(id) = id.as_str() else { continue };
            if sw.operation_by_id(id).is_none() {
                let hint = ops(cx)
                    .iter()
                    .filter_map(|o| o.operation_id)
                    .find(|o| o.eq_ignore_ascii_case(id))
                    .map(|o| format!(" (did you mean '{o}'?)"))
                    .unwrap_or_default();
                once.emit(at, format!("operation '{id}' does not exist{hint}"));
            }
        }
    }
);

def_rule!(
    DYNAMIC_EXTENSION_DEFINITION_NOT_ALLOWED_IN_PARAMETER,
    "DynamicExtensionDefinitionNotAllowedInParameter",
    Error,
    ALL,
    "`x-ms-dynamic-schema`/`-properties`/`-tree` written on a body parameter object",
    "A body parameter's shape lives in its `schema`; dynamic schema extensions belong there \
too.\n\nBad: `{\"in\": \"body\", \"name\": \"body\", \"x-ms-dynamic-schema\": {…}, \"schema\": \
{…}}`  Good: `{\"in\": \"body\", \"name\": \"body\", \"schema\": {\"x-ms-dynamic-schema\": \
{…}}}`.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |_, s| {
            if s.on_body_param && matches!(s.kind, Kind::Schema | Kind::Properties | Kind::Tree) {
                once.emit(
                    s.at.clone(),
                    format!(
                        "{} must be inside the body parameter's schema",
                        s.kind.key()
                    ),
                );
            }
        });
    }
);

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

def_rule!(
    DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES,
    "DynamicListExtensionRequiredForAmbiguousReferences",
    Error,
    ALL,
    "An `x-ms-dynamic-values` parameter reference is ambiguous and there is no `x-ms-dynamic-list`",
    "`{\"parameter\": \"id\"}` cannot tell a parameter `id` from a body property `id` of the same \
operation. Add an `x-ms-dynamic-list` next to `x-ms-dynamic-values` whose `parameters` use \
`{\"parameterReference\": \"body/id\"}` (or the parameter's name) to say which one is meant.\n\n\
Calibration: only properties at the top level of the body count as a clash. A first version \
also matched nested properties and fired on Annature (independent publisher, 2024), where the \
path parameter `id` and `documents[].id` cannot be confused.",
    EXT,
    |cx, sink| need_sibling(cx, sink, Kind::Values, true)
);

def_rule!(
    DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES,
    "DynamicListExtensionRequiredForNonParameterReferences",
    Error,
    ALL,
    "An `x-ms-dynamic-values` reference to a property inside a parameter, with no `x-ms-dynamic-list`",
    "`x-ms-dynamic-values` can only pass whole parameters. To pass a property of the body (or a \
nested path), add `x-ms-dynamic-list` with `{\"parameterReference\": \"body/projectId\"}`.",
    EXT,
    |cx, sink| need_sibling(cx, sink, Kind::Values, false)
);

def_rule!(
    DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES,
    "DynamicPropertiesExtensionRequiredForAmbiguousReferences",
    Error,
    ALL,
    "An `x-ms-dynamic-schema` parameter reference is ambiguous and there is no `x-ms-dynamic-properties`",
    "As DynamicListExtensionRequiredForAmbiguousReferences, for dynamic schemas: add \
`x-ms-dynamic-properties` with a `parameterReference` that names the intended value.",
    EXT,
    |cx, sink| need_sibling(cx, sink, Kind::Schema, true)
);

def_rule!(
    DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES,
    "DynamicPropertiesExtensionRequiredForNonParameterReferences",
    Error,
    ALL,
    "An `x-ms-dynamic-schema` reference to a property inside a parameter, with no `x-ms-dynamic-properties`",
    "`x-ms-dynamic-schema` can only pass whole parameters. To pass a body property, add \
`x-ms-dynamic-properties` with `{\"parameterReference\": \"body/tableId\"}`.",
    EXT,
    |cx, sink| need_sibling(cx, sink, Kind::Schema, false)
);

fn segs(p: &str) -> Vec<&str> {
    p.split('/').filter(|s| !s.is_empty()).collect()
}

def_rule!(
    DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_PROPERTIES_VALUE_PATH,
    "DynamicPropertiesExtensionRequiredForPropertiesValuePath",
    Error,
    ALL,
    "`x-ms-dynamic-schema.value-path` ends in `properties` and there is no `x-ms-dynamic-properties`",
    "When the invoked operation returns a `properties` map rather than a whole schema, the \
newer designer needs `x-ms-dynamic-properties` whose `itemValuePath` points at the object that \
holds that map.\n\nGood: `\"x-ms-dynamic-schema\": {…, \"value-path\": \"schema/properties\"}` \
with `\"x-ms-dynamic-properties\": {…, \"itemValuePath\": \"schema\"}`.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |_, s| {
            let vp = s
                .ext
                .get("value-path")
                .and_then(Value::as_str)
                .unwrap_or("");
            if s.kind == Kind::Schema
                && segs(vp).last() == Some(&"properties")
                && !s.has(Kind::Properties)
            {
                once.emit(
                    join(&s.at, "value-path"),
                    format!("value-path '{vp}' is a properties map; add x-ms-dynamic-properties"),
                );
            }
        });
    }
);

def_rule!(
    DYNAMIC_PROPERTIES_ITEM_VALUE_PATH_MISMATCH,
    "DynamicPropertiesItemValuePathMismatch",
    Error,
    ALL,
    "`x-ms-dynamic-properties.itemValuePath` disagrees with `x-ms-dynamic-schema.value-path`",
    "Both extensions describe the same schema for old and new designers: `itemValuePath` must \
be the dynamic-schema `value-path` without its trailing `/properties`.\n\nBad: `value-path: \
\"schema/properties\"`, `itemValuePath: \"items\"`  Good: `itemValuePath: \"schema\"`.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |_, s| {
            if s.kind != Kind::Properties {
                return;
            }
            let (Some(vp), Some(ivp)) = (
                s.holder
                    .get(Kind::Schema.key())
                    .and_then(|d| d.get("value-path"))
                    .and_then(Value::as_str),
                s.ext.get("itemValuePath").and_then(Value::as_str),
            ) else {
                return;
            };
            let mut expected = segs(vp);
            if expected.last() == Some(&"properties") {
                expected.pop();
            }
            if segs(ivp) != expected {
                once.emit(
                    join(&s.at, "itemValuePath"),
                    format!("itemValuePath '{ivp}' should be '{}'", expected.join("/")),
                );
            }
        });
    }
);

def_rule!(
    DYNAMIC_TREE_EXTENSION_MISSING,
    "DynamicTreeExtensionMissing",
    Error,
    ALL,
    "A file-picker dynamic value without `x-ms-dynamic-tree`",
    "`x-ms-dynamic-values` with `\"capability\": \"file-picker\"` opens the old file picker; \
the current designer browses with `x-ms-dynamic-tree` (its `open`/`browse` operations). Add \
an `x-ms-dynamic-tree` beside it.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |_, s| {
            if s.kind == Kind::Values
                && s.ext.get("capability").and_then(Value::as_str) == Some("file-picker")
                && !s.has(Kind::Tree)
            {
                once.emit(
                    s.at.clone(),
                    "file-picker dynamic values need x-ms-dynamic-tree",
                );
            }
        });
    }
);

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

def_rule!(
    INVOKED_OPERATION_SHOULD_PRODUCE_ARRAY,
    "InvokedOperationShouldProduceArray",
    Warning,
    ALL,
    "A dynamic list's collection path is not an array in the invoked operation's response",
    "`value-collection` (dynamic values) and `itemsPath` (dynamic list) name the array of choices \
in the invoked operation's success response; without them the response itself must be an \
array.\n\nBad: response `{\"value\": [...]}` with no `value-collection`  Good: \
`\"value-collection\": \"value\"`.\n\nCalibration: 5 merged certified connectors have a \
collection path that their own response schema contradicts (Apptigent CloudTools and Tribal - \
SITS last changed in 2024). The designer reads the live response, so a wrong schema does not \
stop a working dropdown, and Microsoft does not block on it: connkit warns.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        for (arr, p, m) in produce_findings(cx) {
            if arr {
                once.emit(p, m);
            }
        }
    }
);

def_rule!(
    INVOKED_OPERATION_SHOULD_PRODUCE_PROPERTY,
    "InvokedOperationShouldProduceProperty",
    Warning,
    ALL,
    "A dynamic extension's value path does not exist in the invoked operation's response",
    "`value-path`, `value-title`, `value-collection`, `itemsPath`, `itemValuePath`, \
`itemTitlePath` and the dynamic-schema `value-path` are paths (`/`-separated) into the invoked \
operation's success response schema (for value and title: into one item of the collection). \
A path the schema does not declare yields empty dropdowns. Only schemas that declare their \
properties are checked: open or dynamic schemas are skipped.\n\nCalibration: 12 merged \
certified connectors (and one custom sample) name paths their response schemas do not declare (DocuSign, Tikit and \
Apptigent CloudTools last changed in 2024); the designer reads the live response, so Microsoft \
does not block on it. connkit warns: either the path or the response schema is wrong.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        for (arr, p, m) in produce_findings(cx) {
            if !arr {
                once.emit(p, m);
            }
        }
    }
);

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

def_rule!(
    OPERATION_MISSING_REQUIRED_PROPERTY,
    "OperationMissingRequiredProperty",
    Error,
    ALL,
    "A dynamic call does not pass a parameter the invoked operation requires",
    "Every required parameter of the invoked operation must get a value in the extension's \
`parameters`, either a literal or a reference to a parameter of the calling operation. \
Parameters with a `default` are filled in by the platform and need not be passed.\n\nGood: \
`\"parameters\": {\"projectId\": {\"parameter\": \"projectId\"}}`.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |sw, s| {
            if s.superseded() {
                return;
            }
            let Some(target) = invoked(sw, s) else { return };
            let keys: Vec<&str> = s.params().iter().map(|(k, _, _)| *k).collect();
            for p in target
                .params
                .iter()
                .filter(|p| p.is_required() && p.get("default").is_none())
            {
                let Some(name) = p.name else { continue };
                let given = keys
                    .iter()
                    .any(|k| *k == name || k.split('/').next() == Some(name))
                    || (p.location == Some("body")
                        && keys.iter().any(|k| body_prop(cx, target, k).is_some()));
                if !given {
                    once.emit(
                        s.at.clone(),
                        format!(
                            "{} requires '{name}', which this call does not pass",
                            target.label()
                        ),
                    );
                }
            }
        });
    }
);

def_rule!(
    OPERATION_PARAMETER_NAME_IS_AMBIGUOUS,
    "OperationParameterNameIsAmbiguous",
    Error,
    ALL,
    "A dynamic call passes a name that is both a parameter and a body property of the invoked operation",
    "When the invoked operation has a parameter `id` and a body property `id`, the key `id` in \
`parameters` could mean either. Use `x-ms-dynamic-list`/`-properties`, whose keys may be paths \
(`body/id`), to say which.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |sw, s| {
            let Some(target) = invoked(sw, s) else { return };
            for (k, _, at) in s.params() {
                if ambiguous(sw, target, k) {
                    once.emit(
                        at,
                        format!(
                            "'{k}' is both a parameter and a body property of {}",
                            target.label()
                        ),
                    );
                }
            }
        });
    }
);

def_rule!(
    OPERATION_PARAMETER_NAME_NOT_FOUND,
    "OperationParameterNameNotFound",
    Error,
    ALL,
    "A dynamic call names a parameter that does not exist",
    "Keys of the extension's `parameters` must be parameters (or body property paths) of the \
invoked operation, and references (`parameter`, `parameterReference`) must name parameters of \
the calling operation. Check for typos and renamed parameters.\n\n\
Evidence: an error. The platform's import prints Microsoft's message below (issue #254). Its \
only hit on the merged history is Alemba ITSM (PR #845, 2021); no validated pull request since \
2022 breaks it.",
    EXT,
    microsoft = Some("The parameter could not be found in operation '{0}'"),
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |sw, s| {
            let Some(target) = invoked(sw, s) else { return };
            for (k, _, at, t) in target_args(cx, sw, s, target) {
                if matches!(t, Target::Missing) {
                    once.emit(at, format!("{} has no parameter '{k}'", target.label()));
                }
            }
            if s.superseded() {
                return;
            }
            for (r, at, t) in caller_refs(cx, sw, s) {
                if matches!(t, Target::Missing) {
                    once.emit(
                        at,
                        format!("{} has no parameter '{r}' to reference", s.op.label()),
                    );
                }
            }
        });
    }
);

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

def_rule!(
    OPERATION_PARAMETER_REQUIRED_MISMATCH,
    "OperationParameterRequiredMismatch",
    Warning,
    ALL,
    "A required parameter of the invoked operation is fed from an optional parameter",
    "If the calling operation's parameter is optional the user may leave it empty, and the \
dynamic call then fails for lack of a required value. Make the source parameter required, or \
pass a literal.\n\nCalibration: 8 merged certified connectors do this (BoldSign, Kanbanize and \
Tikit last changed in 2024), typically for a dropdown that only makes sense once an optional \
field is filled in. Microsoft does not block on it, so connkit warns.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        ref_pairs(cx, &mut |_, k, at, c, t| {
            let target_required =
                matches!(t, Target::Param(p) if p.is_required() && p.get("default").is_none());
            let source_optional = match c {
                Target::Param(p) => !p.is_required(),
                Target::Prop { required, .. } => !required,
                _ => false,
            };
            if target_required && source_optional {
                once.emit(
                    at,
                    format!(
                        "'{k}' is required by the invoked operation but its source is optional"
                    ),
                );
            }
        });
    }
);

def_rule!(
    OPERATION_PARAMETER_STATIC_TYPE_MISMATCH,
    "OperationParameterStaticTypeMismatch",
    Error,
    ALL,
    "A literal passed in a dynamic call does not match the invoked parameter's type",
    "A literal in `parameters` must have the JSON type of the parameter it fills: `5` for an \
integer, `\"5\"` for a string, `true` for a boolean.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |sw, s| {
            let Some(target) = invoked(sw, s) else { return };
            for (k, v, at, t) in target_args(cx, sw, s, target) {
                let Arg::Literal(lit) = arg(v) else { continue };
                if let Some(ty) = type_of(&t, sw)
                    && !lit.is_null()
                    && !fits_type(lit, ty)
                {
                    once.emit(at, format!("literal {lit} for '{k}' is not of type {ty}"));
                }
            }
        });
    }
);

def_rule!(
    OPERATION_PARAMETER_TYPE_MISMATCH,
    "OperationParameterTypeMismatch",
    Error,
    ALL,
    "A referenced parameter's type differs from the invoked parameter's type",
    "The value of the calling operation's parameter is passed as-is, so both must have the \
same `type` (an `integer` may feed a `number`).",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        ref_pairs(cx, &mut |sw, k, at, c, t| {
            let (Some(a), Some(b)) = (type_of(c, sw), type_of(t, sw)) else {
                return;
            };
            if a != b && !(a == "integer" && b == "number") {
                once.emit(at, format!("'{k}' gets a {a} value but expects {b}"));
            }
        });
    }
);

def_rule!(
    SOURCE_PROPERTY_INTERNAL,
    "SourcePropertyInternal",
    Error,
    ALL,
    "A dynamic call references an internal parameter or property of the calling operation",
    "Internal values are not available to the designer when it makes the dynamic call. Pass \
the value as a literal instead (for an internal parameter with a default, use the default): \
`{\"value\": \"2024-01-01\"}`.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        with_sites(cx, &mut |sw, s| {
            if s.superseded() || s.op_id().is_none() {
                return;
            }
            for (r, at, t) in caller_refs(cx, sw, s) {
                let int = match t {
                    Target::Param(p) => internal(p.value),
                    Target::Prop { internal, .. } => internal,
                    _ => false,
                };
                if int {
                    once.emit(
                        at,
                        format!(
                            "'{r}' is internal in {}; pass a literal value",
                            s.op.label()
                        ),
                    );
                }
            }
        });
    }
);

def_rule!(
    SELECTED_ITEM_VALUE_PATH_NOT_ALLOWED_IN_THIS_POSITION,
    "SelectedItemValuePathNotAllowedInThisPosition",
    Error,
    ALL,
    "`selectedItemValuePath` outside `x-ms-dynamic-tree.browse`",
    "`selectedItemValuePath` passes the item the user selected in a tree to the `browse` \
operation; it has no meaning anywhere else (in `open`, in dynamic values or lists).",
    EXT,
    |cx, sink| {
        let Some(root) = cx.connector.definition_value() else {
            return;
        };
        if !cx.connector.definition_may_contain("selectedItemValuePath") {
            return;
        }
        walk(root, 256, &mut |path, _| {
            if path.key() == Some("selectedItemValuePath")
                && !path.contains_keys(&["x-ms-dynamic-tree", "browse"])
            {
                sink.emit(
                    path.pointer(),
                    "selectedItemValuePath is only allowed in x-ms-dynamic-tree.browse",
                );
            }
            Visit::Descend
        });
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    /// A connector with `ListItems` (GET /items?project=, returns {value: [{id, name}]}) and
    /// `Create` (POST /items with query `project` and a body with `projectId`, `kind`).
    fn base(dv: Value, body_extra: Value) -> Value {
        let mut props = json!({
            "projectId": {"type": "string"},
            "itemId": {"type": "string", "x-ms-dynamic-values": dv}
        });
        if let (Some(p), Some(e)) = (props.as_object_mut(), body_extra.as_object()) {
            for (k, v) in e {
                p.insert(k.clone(), v.clone());
            }
        }
        patch(
            minimal(),
            json!({"paths": {
            "/items": {
                "get": {"operationId": "ListItems",
                    "parameters": [{"name": "project", "in": "query", "required": true, "type": "string"},
                                   {"name": "top", "in": "query", "type": "integer"}],
                    "responses": {"200": {"description": "ok", "schema": {"type": "object", "properties": {
                        "value": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}},
                        "count": {"type": "integer"}}}}}},
                "post": {"operationId": "Create",
                    "parameters": [{"name": "project", "in": "query", "required": true, "type": "string"},
                                   {"name": "hidden", "in": "query", "type": "string", "x-ms-visibility": "internal", "default": "x"},
                                   {"name": "body", "in": "body", "required": true, "schema": {"type": "object", "required": ["projectId"], "properties": props}}],
                    "responses": {"200": {"description": "ok"}}}
            }}}),
        )
    }

    fn good_dv() -> Value {
        json!({"operationId": "ListItems", "value-collection": "value", "value-path": "id", "value-title": "name",
               "parameters": {"project": {"parameter": "project"}, "top": 5}})
    }

    const DV: &str =
        "/paths/~1items/post/parameters/2/schema/properties/itemId/x-ms-dynamic-values";

    #[test]
    fn good_call_is_clean() {
        for r in RULES {
            assert!(run(r, base(good_dv(), json!({}))).is_empty(), "{}", r.code);
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
    }

    fn one(rule: &'static Rule, dv: Value) -> Vec<String> {
        pointers(&run(rule, base(dv, json!({}))))
            .into_iter()
            .map(String::from)
            .collect()
    }

    #[test]
    fn operation_ids() {
        let mut dv = good_dv();
        dv["operationId"] = json!("listItems");
        let f = run(&OPERATION_ID_NOT_FOUND, base(dv, json!({})));
        assert_eq!(pointers(&f), vec![format!("{DV}/operationId")]);
        assert!(f[0].message.contains("did you mean 'ListItems'"));
    }

    #[test]
    fn produced_paths() {
        let mut dv = good_dv();
        dv["value-collection"] = json!("count");
        assert_eq!(
            one(&INVOKED_OPERATION_SHOULD_PRODUCE_ARRAY, dv),
            vec![format!("{DV}/value-collection")]
        );
        let mut dv = good_dv();
        dv.as_object_mut().unwrap().remove("value-collection");
        assert_eq!(
            one(&INVOKED_OPERATION_SHOULD_PRODUCE_ARRAY, dv),
            vec![DV.to_string()]
        );
        let mut dv = good_dv();
        dv["value-title"] = json!("title");
        assert_eq!(
            one(&INVOKED_OPERATION_SHOULD_PRODUCE_PROPERTY, dv),
            vec![format!("{DV}/value-title")]
        );
    }

    #[test]
    fn parameter_names() {
        let mut dv = good_dv();
        dv["parameters"] = json!({"top": 5});
        assert_eq!(
            one(&OPERATION_MISSING_REQUIRED_PROPERTY, dv),
            vec![DV.to_string()]
        );
        let mut dv = good_dv();
        dv["parameters"]["nope"] = json!(1);
        dv["parameters"]["project"] = json!({"parameter": "projekt"});
        assert_eq!(
            one(&OPERATION_PARAMETER_NAME_NOT_FOUND, dv),
            vec![
                format!("{DV}/parameters/project"),
                format!("{DV}/parameters/nope")
            ]
        );
    }

    #[test]
    fn references() {
        // A body property is referenced with dynamic-values only.
        let mut dv = good_dv();
        dv["parameters"]["project"] = json!({"parameter": "projectId"});
        assert_eq!(
            one(
                &DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_NON_PARAMETER_REFERENCES,
                dv
            ),
            vec![format!("{DV}/parameters/project")]
        );
        // Ambiguous: `project` is a query parameter and (now) a body property.
        let d = base(good_dv(), json!({"project": {"type": "string"}}));
        assert_eq!(
            run(&DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES, d).len(),
            1
        );
        // A nested body property of the same name is not a clash.
        let d = base(
            good_dv(),
            json!({"nested": {"type": "object", "properties": {"project": {"type": "string"}}}}),
        );
        assert!(run(&DYNAMIC_LIST_EXTENSION_REQUIRED_FOR_AMBIGUOUS_REFERENCES, d).is_empty());
        let mut dv = good_dv();
        dv["parameters"]["project"] = json!({"parameter": "hidden"});
        assert_eq!(
            one(&SOURCE_PROPERTY_INTERNAL, dv.clone()),
            vec![format!("{DV}/parameters/project")]
        );
        assert_eq!(
            one(&OPERATION_PARAMETER_REQUIRED_MISMATCH, dv),
            vec![format!("{DV}/parameters/project")]
        );
        let mut dv = good_dv();
        dv["parameters"]["top"] = json!("5");
        assert_eq!(
            one(&OPERATION_PARAMETER_STATIC_TYPE_MISMATCH, dv),
            vec![format!("{DV}/parameters/top")]
        );
        let mut dv = good_dv();
        dv["parameters"]["top"] = json!({"parameter": "project"});
        assert_eq!(
            one(&OPERATION_PARAMETER_TYPE_MISMATCH, dv),
            vec![format!("{DV}/parameters/top")]
        );
    }

    #[test]
    fn dynamic_schema_and_properties() {
        let d = patch(
            base(good_dv(), json!({})),
            json!({"paths": {"/schema": {"get": {"operationId": "GetSchema", "responses": {"200": {"description": "ok",
                "schema": {"type": "object", "properties": {"schema": {"type": "object"}}}}}}},
                "/rows": {"post": {"operationId": "AddRow", "parameters": [{"name": "body", "in": "body",
                    "x-ms-dynamic-schema": {"operationId": "GetSchema"},
                    "schema": {"type": "object", "x-ms-dynamic-schema": {"operationId": "GetSchema", "value-path": "schema/properties"},
                        "x-ms-dynamic-properties": {"operationId": "GetSchema", "itemValuePath": "items"}}}],
                    "responses": {"200": {"description": "ok"}}}}}}),
        );
        assert_eq!(
            pointers(&run(
                &DYNAMIC_EXTENSION_DEFINITION_NOT_ALLOWED_IN_PARAMETER,
                d.clone()
            )),
            vec!["/paths/~1rows/post/parameters/0/x-ms-dynamic-schema"]
        );
        assert_eq!(
            pointers(&run(
                &DYNAMIC_PROPERTIES_ITEM_VALUE_PATH_MISMATCH,
                d.clone()
            )),
            vec!["/paths/~1rows/post/parameters/0/schema/x-ms-dynamic-properties/itemValuePath"]
        );
        assert_eq!(
            pointers(&run(&INVOKED_OPERATION_SHOULD_PRODUCE_PROPERTY, d.clone())),
            vec!["/paths/~1rows/post/parameters/0/schema/x-ms-dynamic-properties/itemValuePath"]
        );
        let mut d2 = d;
        d2["paths"]["/rows"]["post"]["parameters"][0]["schema"]
            .as_object_mut()
            .unwrap()
            .remove("x-ms-dynamic-properties");
        assert_eq!(
            run(
                &DYNAMIC_PROPERTIES_EXTENSION_REQUIRED_FOR_PROPERTIES_VALUE_PATH,
                d2
            )
            .len(),
            1
        );
    }

    #[test]
    fn trees() {
        let d = patch(
            minimal(),
            json!({"paths": {"/f": {"get": {"operationId": "F", "parameters": [
                {"name": "id", "in": "query", "type": "string",
                 "x-ms-dynamic-values": {"capability": "file-picker", "parameters": {"x": {"selectedItemValuePath": "id"}}}}],
                "responses": {"200": {"description": "ok"}}}}}}),
        );
        assert_eq!(run(&DYNAMIC_TREE_EXTENSION_MISSING, d.clone()).len(), 1);
        assert_eq!(
            run(&SELECTED_ITEM_VALUE_PATH_NOT_ALLOWED_IN_THIS_POSITION, d).len(),
            1
        );
    }
}
