//! Small helpers shared by the operation, parameter, dynamic-extension, webhook and versioning
//! rule modules: operation lists, effective MIME lists, body-schema walks, de-duplicated
//! emission (a shared `#/parameters` entry used by several operations is reported once).

use std::collections::HashSet;

use serde_json::Value;

use super::{Context, Sink};
use crate::model::access::field;
use crate::model::pointer::join;
use crate::model::swagger::{Operation, Swagger};

/// The Swagger Validator rules page, source of every official code.
pub(crate) const SV: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules";
/// The OpenAPI extensions page.
pub(crate) const EXT: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions";

/// The definition's operations (none when it could not be parsed). Shared by every rule
/// module that iterates operations.
pub(crate) fn ops<'c, 'a>(cx: &'c Context<'a>) -> &'c [Operation<'a>] {
    cx.swagger
        .as_ref()
        .map(|s| s.operations.as_slice())
        .unwrap_or(&[])
}

/// Emits each (pointer, message) once.
pub(crate) struct Once<'s, 'r> {
    pub(crate) sink: &'s mut Sink<'r>,
    seen: HashSet<(String, String)>,
}

impl<'s, 'r> Once<'s, 'r> {
    pub(crate) fn new(sink: &'s mut Sink<'r>) -> Self {
        Once {
            sink,
            seen: HashSet::new(),
        }
    }
    pub(crate) fn emit(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        let (p, m) = (pointer.into(), message.into());
        if self.seen.insert((p.clone(), m.clone())) {
            self.sink.emit(p, m);
        }
    }
}

/// The four MIME types the platform supports for `consumes`/`produces`.
pub(crate) const SUPPORTED_MIME: [&str; 4] = [
    "application/json",
    "text/plain",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
];

/// Whether a schema value (resolved) says `readOnly: true`.
pub(crate) fn is_true(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool) == Some(true)
}

/// Names listed in a schema's `required` array.
pub(crate) fn required_names(s: &Value) -> Vec<&str> {
    s.get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

/// One property met while walking an input (body) schema: its schema (resolved), where it is
/// written, whether the parent lists it as required, and the chain of ancestors.
pub(crate) struct BodyProp<'a> {
    pub(crate) value: &'a Value,
    pub(crate) pointer: String,
    pub(crate) name: String,
    pub(crate) required_in_parent: bool,
    /// Every ancestor property (outermost first): (resolved schema, required in its parent).
    pub(crate) ancestors: Vec<(&'a Value, bool)>,
}

/// Properties `body_props` lists for one body schema at most. The platform refuses a body
/// that expands to more than 512 schema objects (BodySchemaCountExceedsMaxAllowed, which
/// counts the same expansion), so a longer list only ever belongs to a refused body: a
/// schema whose definitions use each other several times can have 2^depth property paths.
pub(crate) const BODY_PROPS_PER_SCHEMA: usize = 10_000;

/// Properties listed for all the bodies of one connector at most (bodies that are the same
/// schema are walked once and shared). Past it, the remaining bodies are not walked and
/// TotalSchemaCountExceedsMaxAllowed says so.
pub(crate) const BODY_PROPS_PER_CONNECTOR: usize = 200_000;

/// Walk the properties of a schema (following `$ref`, `allOf`, `items`), each reference
/// target at most once per branch, up to [`BODY_PROPS_PER_SCHEMA`] properties.
/// The object a finding is about: the pointer itself or, when it names a key inside an
/// object (e.g. `/…/parameters/0/x-ms-summary`), its parent.
pub(crate) fn fix_target<'v>(
    doc: &'v mut Value,
    ptr: &str,
    key: &str,
) -> Option<&'v mut serde_json::Map<String, Value>> {
    let p = match crate::model::pointer::last_token(ptr) {
        Some(t) if t == key => crate::model::pointer::parent(ptr)
            .unwrap_or(ptr)
            .to_string(),
        _ => ptr.to_string(),
    };
    doc.pointer_mut(&p)?.as_object_mut()
}

#[cfg(test)]
pub(crate) fn body_props<'a>(sw: &Swagger<'a>, schema: &'a Value, at: &str) -> Vec<BodyProp<'a>> {
    body_props_capped(sw, schema, at, BODY_PROPS_PER_SCHEMA).0
}

/// `body_props` with a cap; also says whether the cap cut the list short.
fn body_props_capped<'a>(
    sw: &Swagger<'a>,
    schema: &'a Value,
    at: &str,
    cap: usize,
) -> (Vec<BodyProp<'a>>, bool) {
    let mut walk = PropsWalk {
        out: Vec::new(),
        cap,
        cut: false,
    };
    let mut stack = Vec::new();
    let mut seen = Vec::new();
    props_inner(sw, schema, at, &mut stack, &mut seen, &mut walk, 0);
    (walk.out, walk.cut)
}

struct PropsWalk<'a> {
    out: Vec<BodyProp<'a>>,
    cap: usize,
    cut: bool,
}

fn props_inner<'a>(
    sw: &Swagger<'a>,
    schema: &'a Value,
    at: &str,
    ancestors: &mut Vec<(&'a Value, bool)>,
    seen: &mut Vec<String>,
    walk: &mut PropsWalk<'a>,
    depth: usize,
) {
    if depth > 32 || walk.cut {
        return;
    }
    let Ok((s, ptr)) = sw.resolve(schema, at) else {
        return;
    };
    if seen.contains(&ptr) {
        return;
    }
    seen.push(ptr.clone());
    let req: foldhash::HashSet<&str> = required_names(s).into_iter().collect();
    if let Some(props) = field(s, "properties").and_then(Value::as_object) {
        let base = join(&ptr, "properties");
        for (k, v) in props {
            if walk.out.len() >= walk.cap {
                walk.cut = true;
                break;
            }
            let p = join(&base, k);
            let Ok((pv, pp)) = sw.resolve(v, &p) else {
                continue;
            };
            let r = req.contains(k.as_str());
            walk.out.push(BodyProp {
                value: pv,
                pointer: if field(v, "$ref").is_some() {
                    p.clone()
                } else {
                    pp
                },
                name: k.clone(),
                required_in_parent: r,
                ancestors: ancestors.clone(),
            });
            ancestors.push((pv, r));
            props_inner(sw, v, &p, ancestors, seen, walk, depth + 1);
            ancestors.pop();
        }
    }
    if let Some(items) = field(s, "items").filter(|i| i.is_object()) {
        props_inner(
            sw,
            items,
            &join(&ptr, "items"),
            ancestors,
            seen,
            walk,
            depth + 1,
        );
    }
    if let Some(all) = field(s, "allOf").and_then(Value::as_array) {
        for (i, part) in all.iter().enumerate() {
            let p = format!("{}/{i}", join(&ptr, "allOf"));
            props_inner(sw, part, &p, ancestors, seen, walk, depth + 1);
        }
    }
    seen.pop();
}

/// Every operation's request body properties (`body_props`), walked once per connector.
#[derive(Default)]
pub(crate) struct BodyPropsIndex<'a> {
    /// One list per distinct body schema (by the pointer where it is written).
    lists: Vec<Vec<BodyProp<'a>>>,
    /// Index into `lists` per operation (of [`ops`]); None without a body or past the budget.
    of_op: Vec<Option<usize>>,
    /// Whether [`BODY_PROPS_PER_CONNECTOR`] left bodies unwalked.
    pub(crate) exhausted: bool,
}

fn index_body_props<'a>(sw: &Swagger<'a>, all: &[Operation<'a>]) -> BodyPropsIndex<'a> {
    let mut ix = BodyPropsIndex::default();
    let mut by_target: foldhash::HashMap<String, usize> = Default::default();
    let mut left = BODY_PROPS_PER_CONNECTOR;
    for op in all {
        let Some((schema, at)) = body_schema(sw, op) else {
            ix.of_op.push(None);
            continue;
        };
        // Bodies that resolve to the same schema have the same properties and pointers.
        let target = sw.resolve(schema, &at).map_or(at.clone(), |(_, t)| t);
        if let Some(&i) = by_target.get(&target) {
            ix.of_op.push(Some(i));
            continue;
        }
        if left == 0 {
            ix.exhausted = true;
            ix.of_op.push(None);
            continue;
        }
        let (list, cut) = body_props_capped(sw, schema, &at, BODY_PROPS_PER_SCHEMA.min(left));
        if cut && left < BODY_PROPS_PER_SCHEMA {
            ix.exhausted = true;
        }
        left -= list.len();
        by_target.insert(target, ix.lists.len());
        ix.of_op.push(Some(ix.lists.len()));
        ix.lists.push(list);
    }
    ix
}

/// The per-connector body property index (computed on first use).
pub(crate) fn body_props_index<'c, 'a>(cx: &'c Context<'a>) -> &'c BodyPropsIndex<'a> {
    let all = ops(cx);
    cx.borrowed
        .body_props
        .get_or_init(|| match cx.swagger.as_ref() {
            Some(sw) => index_body_props(sw, all),
            None => BodyPropsIndex::default(),
        })
}

/// The properties of `op`'s request body schema (`body_props`), walked once per connector
/// and shared by the parameter, dynamic and webhook rules. `op` must be one of [`ops`].
pub(crate) fn op_body_props<'c, 'a>(cx: &'c Context<'a>, op: &Operation<'a>) -> &'c [BodyProp<'a>] {
    let all = ops(cx);
    let ix = body_props_index(cx);
    // The operation's index from its address in the slice (no search: definitions with
    // 100,000 operations must stay linear).
    let size = std::mem::size_of::<Operation<'a>>().max(1);
    let offset = (op as *const Operation<'a> as usize).wrapping_sub(all.as_ptr() as usize);
    let index = offset / size;
    match (all.get(index), ix.of_op.get(index)) {
        (Some(o), Some(list)) if offset.is_multiple_of(size) && std::ptr::eq(o, op) => list
            .and_then(|i| ix.lists.get(i))
            .map_or(&[], Vec::as_slice),
        _ => {
            debug_assert!(
                false,
                "op_body_props called with an operation not from ops()"
            );
            &[]
        }
    }
}

/// The resolved body schema of an operation with its pointer.
pub(crate) fn body_schema<'a>(
    _sw: &Swagger<'a>,
    op: &Operation<'a>,
) -> Option<(&'a Value, String)> {
    let b = op.body_param()?;
    let s = b.get("schema")?;
    Some((s, b.field("schema")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every rule of the operation/parameter/dynamic/webhook/versioning/security modules
    /// tolerates any JSON in any position (a panic would surface as InternalError).
    #[test]
    fn rules_tolerate_odd_documents() {
        use crate::rules::testing::run;
        let docs = [
            json!(null),
            json!([1, 2]),
            json!({"paths": []}),
            json!({"paths": {"/a": {"get": 5, "parameters": "x"}}}),
            json!({"securityDefinitions": {"a": {"type": "oauth2", "flow": 3}}, "consumes": "x"}),
            json!({"paths": {"/a/{x}": {"x-ms-notification-content": 1, "post": {
                "operationId": 7, "x-ms-trigger": [], "x-ms-notification": {"operationId": ["x"]},
                "x-ms-api-annotation": {"family": 1, "revision": {}, "replacement": 2},
                "x-ms-pageable": {"nextLinkName": null}, "consumes": [1, null],
                "parameters": [{"$ref": "#/parameters/Nope"}, 3, {"in": "body", "schema": {"$ref": "#/definitions/L"}},
                    {"name": "q", "in": "query", "x-ms-dynamic-values": {"operationId": "A", "parameters": {"a": {"parameter": 5}, "b": {"parameterReference": "x/y/z"}}},
                     "x-ms-dynamic-list": {"operationId": null, "parameters": []}, "enum": "x", "x-ms-enum-values": [1, {"value": {}}]}],
                "responses": {"200": {"schema": {"$ref": "#/definitions/L"}}}},
                "get": {"operationId": "A", "responses": {"200": {"schema": {"type": "object", "properties": {"x": {"$ref": "#/definitions/L"}},
                    "x-ms-dynamic-schema": {"operationId": "A", "value-path": 5}}}}}}},
                "definitions": {"L": {"$ref": "#/definitions/L", "x-ms-notification-url": "yes",
                    "properties": {"self": {"$ref": "#/definitions/L"}}, "required": "x", "items": []}}}),
        ];
        let modules: [&[&crate::rules::Rule]; 6] = [
            crate::rules::parameters::RULES,
            crate::rules::security::RULES,
            crate::rules::webhooks::RULES,
            crate::rules::versioning::RULES,
            crate::rules::operations_more::RULES,
            crate::rules::dynamic::RULES,
        ];
        for d in docs {
            for r in modules.iter().flat_map(|m| m.iter()) {
                let f = run(r, d.clone());
                assert!(
                    f.iter().all(|f| f.code != "InternalError"),
                    "{} on {d}",
                    r.code
                );
            }
        }
    }

    #[test]
    fn body_props_follow_refs_and_required() {
        let d = json!({
            "definitions": {"A": {"type": "object", "required": ["x"], "properties": {"x": {"type": "object", "properties": {"y": {"type": "string"}}}, "self": {"$ref": "#/definitions/A"}}}}
        });
        let sw = Swagger::new(&d);
        let s = json!({"$ref": "#/definitions/A"});
        let props = body_props(&sw, &s, "/b");
        let names: Vec<_> = props
            .iter()
            .map(|p| (p.name.as_str(), p.required_in_parent, p.ancestors.len()))
            .collect();
        assert_eq!(
            names,
            vec![("x", true, 0), ("y", false, 1), ("self", false, 0)]
        );
    }
}
