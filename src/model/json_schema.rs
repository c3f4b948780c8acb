//! A validator for connkit's own bundled JSON Schemas (`schemas/apiDefinition.schema.json`,
//! `schemas/apiProperties.schema.json`): the draft-04 keywords they use, with the errors
//! (kinds, locations, wording) of the `jsonschema` crate.
//!
//! Why not the `jsonschema` crate itself (which the tests still use, to hold this module to
//! it): it compiles a schema at length before it validates anything, and first compiles the
//! draft-04 meta-schema to check the schema against it. For these two schemas that was
//! 1.3 ms and 8 M instructions of every `connkit` process that lints, three quarters of a
//! small connector's whole lint (BENCHMARKS.md, "Process start-up"). The schemas are ours and
//! use ten keywords: [`Schema::new`] turns each schema object into a node (its keywords in
//! order, `$ref`s resolved, property names in a hash map), about 0.4 M instructions for both,
//! and validating the largest real definition takes about what the compiled validator took
//! (~1.5 ms for Entersoft's).
//! What stays out: every keyword these schemas do not use. [`Schema::new`] refuses a schema
//! with any other keyword (or a `$ref` out of the document), so a schema change cannot
//! silently be half-checked, and `tests/json_schema.rs` requires the same errors as
//! `jsonschema` on every sample and corpus definition, on mutated ones and on random ones.

use std::fmt::{self, Write as _};
use std::sync::OnceLock;

use serde_json::Value;

use super::pointer::escape;

/// The keywords [`Schema`] evaluates, and the annotations it accepts and ignores.
const KEYWORDS: &[&str] = &[
    "$ref",
    "type",
    "enum",
    "not",
    "allOf",
    "properties",
    "patternProperties",
    "additionalProperties",
    "required",
    "items",
];
const ANNOTATIONS: &[&str] = &["$schema", "id", "title", "description", "definitions"];

/// How deep into the instance a validation goes. Loaded documents are shallower (the loader
/// refuses more than [`super::parse::MAX_DEPTH`] levels); this only keeps any other value
/// from exhausting a thread's stack.
const MAX_DEPTH: usize = super::parse::MAX_DEPTH + 16;

/// How many schemas (`$ref`, `allOf`, `not`) a validation may enter without going deeper into
/// the instance: a `$ref` cycle ends here instead of recursing forever.
const MAX_HOPS: usize = 64;

/// One bundled schema, ready to validate.
pub struct Schema<'v> {
    root: &'v Value,
    /// One node per schema object; node 0 is the root.
    nodes: Vec<Node<'v>>,
    /// Every `patternProperties` key of the schema, compiled on first use.
    patterns: Vec<(&'v str, OnceLock<Pattern>)>,
}

/// A schema object: where it is, and the keywords it checks, in the schema's order.
struct Node<'v> {
    place: Place<'v>,
    keywords: Vec<Keyword<'v>>,
}

type NodeId = usize;
type PatternId = usize;

enum Keyword<'v> {
    /// Draft 4: a `$ref` replaces its object (only annotations may stand beside it).
    Ref(NodeId),
    /// The allowed types, as bits of [`TYPES`].
    Type(u8),
    Enum(&'v Value),
    Not(NodeId, &'v Value),
    AllOf(Vec<NodeId>),
    Required(Vec<&'v str>),
    Items(NodeId),
    /// `properties` and `patternProperties` without `additionalProperties`.
    Properties(foldhash::HashMap<&'v str, NodeId>),
    PatternProperties(Vec<(PatternId, NodeId)>),
    /// `additionalProperties` with the `properties` and `patternProperties` beside it, checked
    /// member by member where the schema lists `additionalProperties` (as `jsonschema` does).
    Members {
        properties: foldhash::HashMap<&'v str, NodeId>,
        patterns: Vec<(PatternId, NodeId)>,
        additional: Additional,
    },
}

enum Additional {
    Allowed,
    Refused,
    Schema(NodeId),
}

enum Pattern {
    /// `^` and literal characters: a prefix test (`^x-`), no regex to build.
    Prefix(String),
    Regex(regex::Regex),
    /// Not a regex the `regex` crate accepts: matches nothing ([`Schema::new`] refuses such a
    /// schema, so this is never reached from a bundled one).
    Never,
}

impl Pattern {
    fn compile(pattern: &str) -> Pattern {
        match pattern.strip_prefix('^') {
            Some(lit)
                if lit
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
            {
                Pattern::Prefix(lit.to_string())
            }
            _ => regex::Regex::new(pattern).map_or(Pattern::Never, Pattern::Regex),
        }
    }

    fn is_match(&self, key: &str) -> bool {
        match self {
            Pattern::Prefix(p) => key.starts_with(p.as_str()),
            Pattern::Regex(r) => r.is_match(key),
            Pattern::Never => false,
        }
    }
}

/// What went wrong, as `jsonschema::error::ValidationErrorKind` names it.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// `type`: the allowed types, in `jsonschema`'s order (null, boolean, integer, number,
    /// string, array, object).
    Type { expected: Vec<&'static str> },
    /// `enum`: the allowed values (the schema's array).
    Enum { options: Value },
    /// `additionalProperties: false`: the keys no `properties`/`patternProperties` entry
    /// allows, in the instance's order.
    AdditionalProperties { unexpected: Vec<String> },
    /// `not`: the instance matched the forbidden schema.
    Not { schema: Value },
    /// `required`: one missing key.
    Required { property: String },
}

/// One violation: what, where in the instance, and which keyword of the schema.
#[derive(Debug, Clone)]
pub struct SchemaError<'i> {
    pub kind: ErrorKind,
    /// The offending value.
    pub instance: &'i Value,
    /// JSON pointer to it in the instance (`""` for the root).
    pub instance_path: String,
    /// JSON pointer to the failing keyword in the schema document, `$ref`s resolved
    /// (`/definitions/operation/additionalProperties`).
    pub schema_path: String,
}

/// The `jsonschema` crate's wording, so that messages did not change with the engine.
impl fmt::Display for SchemaError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Type { expected } => match expected.as_slice() {
                [one] => write!(f, r#"{} is not of type "{one}""#, self.instance),
                many => {
                    let quoted: Vec<String> = many.iter().map(|t| format!("\"{t}\"")).collect();
                    write!(f, "{} is not of types {}", self.instance, quoted.join(", "))
                }
            },
            ErrorKind::Enum { options } => {
                write!(f, "{} is not one of ", self.instance)?;
                let all = options.as_array().map(Vec::as_slice).unwrap_or_default();
                // As `jsonschema`: up to three options in full, else two and a count.
                if all.len() <= 3 {
                    for (i, o) in all.iter().enumerate() {
                        match i {
                            0 => write!(f, "{o}")?,
                            _ if i == all.len() - 1 => write!(f, " or {o}")?,
                            _ => write!(f, ", {o}")?,
                        }
                    }
                    Ok(())
                } else {
                    write!(
                        f,
                        "{}, {} or {} other candidates",
                        all[0],
                        all[1],
                        all.len() - 2
                    )
                }
            }
            ErrorKind::AdditionalProperties { unexpected } => {
                let quoted: Vec<String> = unexpected.iter().map(|k| format!("'{k}'")).collect();
                write!(
                    f,
                    "Additional properties are not allowed ({} {} unexpected)",
                    quoted.join(", "),
                    if unexpected.len() == 1 { "was" } else { "were" }
                )
            }
            ErrorKind::Not { schema } => write!(f, "{schema} is not allowed for {}", self.instance),
            ErrorKind::Required { property } => {
                write!(
                    f,
                    "{} is a required property",
                    Value::from(property.as_str())
                )
            }
        }
    }
}

/// Why a schema cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// Where in the schema.
    pub at: String,
    pub what: String,
}

impl<'v> Schema<'v> {
    /// Take a parsed schema: every keyword must be one this module evaluates, every `$ref` a
    /// pointer into the document and every pattern a regex.
    pub fn new(root: &'v Value) -> Result<Schema<'v>, Unsupported> {
        let mut b = Builder {
            root,
            nodes: Vec::new(),
            patterns: Vec::new(),
            built: foldhash::HashMap::default(),
            refs: foldhash::HashMap::default(),
        };
        b.node(root, Place::Root)?;
        // Definitions nobody references are checked too.
        if let Some(defs) = root.get("definitions").and_then(Value::as_object) {
            for (name, def) in defs {
                let place = Place::Under {
                    parent: 0,
                    keyword: "definitions",
                    member: Member::Key(name),
                };
                b.node(def, place)?;
            }
        }
        Ok(Schema {
            root,
            nodes: b.nodes,
            patterns: b
                .patterns
                .into_iter()
                .map(|p| (p, OnceLock::new()))
                .collect(),
        })
    }

    /// The schema document.
    pub fn root(&self) -> &'v Value {
        self.root
    }

    /// Whether `instance` satisfies the schema (stops at the first violation).
    pub fn is_valid(&self, instance: &Value) -> bool {
        Run::new(self, None, 0).check(0, instance, &Path::Root, Depth::default())
    }

    /// Every violation, keyword by keyword in the order the schema lists them.
    pub fn errors<'i>(&self, instance: &'i Value) -> Vec<SchemaError<'i>> {
        self.first_errors(instance, usize::MAX)
    }

    /// The first `limit` violations of [`Schema::errors`].
    pub fn first_errors<'i>(&self, instance: &'i Value, limit: usize) -> Vec<SchemaError<'i>> {
        let mut run = Run::new(self, Some(Vec::new()), limit);
        run.check(0, instance, &Path::Root, Depth::default());
        run.errors.unwrap_or_default()
    }

    fn matches(&self, pattern: PatternId, key: &str) -> bool {
        let (p, cell) = &self.patterns[pattern];
        cell.get_or_init(|| Pattern::compile(p)).is_match(key)
    }
}

/// Turns schema objects into [`Node`]s, each once (a `$ref`'d definition is shared).
struct Builder<'v> {
    root: &'v Value,
    nodes: Vec<Node<'v>>,
    patterns: Vec<&'v str>,
    /// Schema object (by address) → its node.
    built: foldhash::HashMap<*const Value, NodeId>,
    /// `$ref` → its target's node (a definition is referenced many times).
    refs: foldhash::HashMap<&'v str, NodeId>,
}

impl<'v> Builder<'v> {
    fn fail<T>(&self, place: Place<'v>, what: String) -> Result<T, Unsupported> {
        let mut at = String::new();
        write_place(&self.nodes, &place, &mut at);
        Err(Unsupported { at, what })
    }

    fn node(&mut self, schema: &'v Value, place: Place<'v>) -> Result<NodeId, Unsupported> {
        if let Some(&id) = self.built.get(&std::ptr::from_ref(schema)) {
            return Ok(id);
        }
        let Some(obj) = schema.as_object() else {
            return self.fail(place, "a schema must be an object".into());
        };
        let id = self.nodes.len();
        self.built.insert(std::ptr::from_ref(schema), id);
        self.nodes.push(Node {
            place,
            keywords: Vec::new(),
        });
        // Keys of a schema object are few: a scan is cheaper than hashing the name.
        let has_additional = obj.keys().any(|k| k == "additionalProperties");
        let under = |keyword: &'static str, member: Member<'v>| Place::Under {
            parent: id,
            keyword,
            member,
        };
        let mut keywords = Vec::with_capacity(obj.len());
        for (k, v) in obj {
            let keyword = match k.as_str() {
                "$ref" => {
                    if obj
                        .keys()
                        .any(|k| k != "$ref" && KEYWORDS.contains(&k.as_str()))
                    {
                        let what = "`$ref` beside other keywords".into();
                        return self.fail(under("$ref", Member::None), what);
                    }
                    let reference = v.as_str().unwrap_or_default();
                    if let Some(&target) = self.refs.get(reference) {
                        keywords.push(Keyword::Ref(target));
                        continue;
                    }
                    let pointer = reference.strip_prefix('#');
                    let Some((pointer, target)) =
                        pointer.and_then(|p| Some((p, self.root.pointer(p)?)))
                    else {
                        let what = format!("`$ref` {v} is not a pointer into this schema");
                        return self.fail(under("$ref", Member::None), what);
                    };
                    let target = self.node(target, Place::Pointer(pointer))?;
                    self.refs.insert(reference, target);
                    Keyword::Ref(target)
                }
                "type" => {
                    let names: &[Value] = match v {
                        Value::Array(a) => a,
                        one => std::slice::from_ref(one),
                    };
                    let mut bits = 0;
                    for n in names {
                        match n.as_str().and_then(type_bit) {
                            Some(b) => bits |= b,
                            None => {
                                return self.fail(
                                    under("type", Member::None),
                                    format!("unknown type {n}"),
                                );
                            }
                        }
                    }
                    Keyword::Type(bits)
                }
                "enum" if v.is_array() => Keyword::Enum(v),
                "required" => match v.as_array() {
                    Some(a) if a.iter().all(Value::is_string) => {
                        Keyword::Required(a.iter().filter_map(Value::as_str).collect())
                    }
                    _ => {
                        let what = "`required` must be an array of names".into();
                        return self.fail(under("required", Member::None), what);
                    }
                },
                "not" => Keyword::Not(self.node(v, under("not", Member::None))?, v),
                "items" => Keyword::Items(self.node(v, under("items", Member::None))?),
                "allOf" => {
                    let Some(items) = v.as_array() else {
                        let what = "`allOf` must be an array".into();
                        return self.fail(under("allOf", Member::None), what);
                    };
                    let mut ids = Vec::with_capacity(items.len());
                    for (i, s) in items.iter().enumerate() {
                        ids.push(self.node(s, under("allOf", Member::Index(i)))?);
                    }
                    Keyword::AllOf(ids)
                }
                "properties" | "patternProperties" if has_additional => continue,
                "properties" => Keyword::Properties(self.properties(id, v)?),
                "patternProperties" => Keyword::PatternProperties(self.pattern_properties(id, v)?),
                "additionalProperties" => {
                    let additional = match v {
                        Value::Bool(true) => Additional::Allowed,
                        Value::Bool(false) => Additional::Refused,
                        s => Additional::Schema(
                            self.node(s, under("additionalProperties", Member::None))?,
                        ),
                    };
                    let properties = match obj.get("properties") {
                        Some(p) => self.properties(id, p)?,
                        None => Default::default(),
                    };
                    let patterns = match obj.get("patternProperties") {
                        Some(p) => self.pattern_properties(id, p)?,
                        None => Vec::new(),
                    };
                    Keyword::Members {
                        properties,
                        patterns,
                        additional,
                    }
                }
                // A definitions map is built on its own (see [`Schema::new`]).
                k if ANNOTATIONS.contains(&k) => continue,
                other => {
                    let what = format!("keyword `{other}` is not supported here");
                    return self.fail(under("", Member::Key(k)), what);
                }
            };
            keywords.push(keyword);
        }
        self.nodes[id].keywords = keywords;
        Ok(id)
    }

    fn properties(
        &mut self,
        parent: NodeId,
        map: &'v Value,
    ) -> Result<foldhash::HashMap<&'v str, NodeId>, Unsupported> {
        let Some(map) = map.as_object() else {
            let at = Place::Under {
                parent,
                keyword: "properties",
                member: Member::None,
            };
            return self.fail(at, "`properties` must be an object".into());
        };
        let mut out = foldhash::HashMap::with_capacity_and_hasher(map.len(), Default::default());
        for (name, s) in map {
            let place = Place::Under {
                parent,
                keyword: "properties",
                member: Member::Key(name),
            };
            out.insert(name.as_str(), self.node(s, place)?);
        }
        Ok(out)
    }

    fn pattern_properties(
        &mut self,
        parent: NodeId,
        map: &'v Value,
    ) -> Result<Vec<(PatternId, NodeId)>, Unsupported> {
        let at = |member| Place::Under {
            parent,
            keyword: "patternProperties",
            member,
        };
        let Some(map) = map.as_object() else {
            return self.fail(
                at(Member::None),
                "`patternProperties` must be an object".into(),
            );
        };
        let mut out = Vec::with_capacity(map.len());
        for (pattern, s) in map {
            // A parse, not a build: the regex is built on first use, if ever.
            if regex_syntax::Parser::new().parse(pattern).is_err() {
                let what = format!("pattern {pattern:?} does not compile");
                return self.fail(at(Member::Key(pattern)), what);
            }
            let pid = match self.patterns.iter().position(|p| p == pattern) {
                Some(i) => i,
                None => {
                    self.patterns.push(pattern);
                    self.patterns.len() - 1
                }
            };
            out.push((pid, self.node(s, at(Member::Key(pattern)))?));
        }
        Ok(out)
    }
}

/// Where a schema object is, written out only for an error: built for every node of a
/// schema on every run, a `String` each was a quarter of the set-up.
#[derive(Clone, Copy)]
enum Place<'v> {
    Root,
    /// A `$ref` target or a definition: its pointer.
    Pointer(&'v str),
    /// Under a keyword of another node (`/not`, `/allOf/1`, `/properties/name`).
    Under {
        parent: NodeId,
        keyword: &'static str,
        member: Member<'v>,
    },
}

#[derive(Clone, Copy)]
enum Member<'v> {
    None,
    Key(&'v str),
    Index(usize),
}

fn write_place(nodes: &[Node<'_>], place: &Place<'_>, out: &mut String) {
    match place {
        Place::Root => {}
        Place::Pointer(p) => out.push_str(p),
        Place::Under {
            parent,
            keyword,
            member,
        } => {
            if let Some(n) = nodes.get(*parent) {
                write_place(nodes, &n.place, out);
            }
            if !keyword.is_empty() {
                out.push('/');
                out.push_str(keyword);
            }
            match member {
                Member::None => {}
                Member::Key(k) => {
                    out.push('/');
                    out.push_str(&escape(k));
                }
                Member::Index(i) => {
                    let _ = write!(out, "/{i}");
                }
            }
        }
    }
}

/// jsonschema's type order (`JsonType`'s bits).
const TYPES: [&str; 7] = [
    "null", "boolean", "integer", "number", "string", "array", "object",
];

fn type_bit(name: &str) -> Option<u8> {
    TYPES.iter().position(|t| *t == name).map(|i| 1 << i)
}

/// Draft 4: an integer is a number written without a fraction or exponent.
fn instance_type_bits(v: &Value) -> u8 {
    match v {
        Value::Null => 1,
        Value::Bool(_) => 2,
        // "integer" values are numbers too.
        Value::Number(n) if n.is_i64() || n.is_u64() => 4 | 8,
        Value::Number(_) => 8,
        Value::String(_) => 16,
        Value::Array(_) => 32,
        Value::Object(_) => 64,
    }
}

/// JSON equality as `enum` needs it: numbers by value (`1` equals `1.0`).
fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
                (Some(x), Some(y), _, _) => x == y,
                (_, _, Some(x), Some(y)) => x == y,
                _ => x.as_f64() == y.as_f64(),
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_equal(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, a)| y.get(k).is_some_and(|b| json_equal(a, b)))
        }
        _ => a == b,
    }
}

/// How far a validation has gone: levels into the instance, and schemas entered since the
/// last level.
#[derive(Debug, Clone, Copy, Default)]
struct Depth {
    instance: usize,
    hops: usize,
}

impl Depth {
    fn hop(self) -> Depth {
        Depth {
            hops: self.hops + 1,
            ..self
        }
    }

    fn descend(self) -> Depth {
        Depth {
            instance: self.instance + 1,
            hops: 0,
        }
    }
}

/// A member of the instance: an object key or an array index.
#[derive(Clone, Copy)]
enum Token<'a> {
    Key(&'a str),
    Index(usize),
}

/// A location in the instance, written out only when an error needs it: a chain of members
/// on the stack, so that walking a large definition allocates nothing for it.
enum Path<'a> {
    Root,
    Member(&'a Path<'a>, Token<'a>),
}

impl Path<'_> {
    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Member(parent, Token::Key(k)) => {
                parent.write(out);
                out.push('/');
                out.push_str(&escape(k));
            }
            Path::Member(parent, Token::Index(i)) => {
                parent.write(out);
                let _ = write!(out, "/{i}");
            }
        }
    }
}

/// One validation: the errors so far (`None` when only a yes/no is wanted, which stops at the
/// first violation).
struct Run<'s, 'i> {
    schema: &'s Schema<'s>,
    errors: Option<Vec<SchemaError<'i>>>,
    /// Collect no more errors than this.
    limit: usize,
}

impl<'s, 'i> Run<'s, 'i> {
    fn new(schema: &'s Schema<'s>, errors: Option<Vec<SchemaError<'i>>>, limit: usize) -> Self {
        Run {
            schema,
            errors,
            limit,
        }
    }

    fn fail(
        &mut self,
        kind: ErrorKind,
        instance: &'i Value,
        node: NodeId,
        path: &Path<'_>,
        keyword: &str,
    ) {
        if let Some(errors) = self.errors.as_mut().filter(|e| e.len() < self.limit) {
            let (mut instance_path, mut schema_path) = (String::new(), String::new());
            path.write(&mut instance_path);
            let nodes = &self.schema.nodes;
            write_place(nodes, &nodes[node].place, &mut schema_path);
            schema_path.push('/');
            schema_path.push_str(keyword);
            errors.push(SchemaError {
                kind,
                instance,
                instance_path,
                schema_path,
            });
        }
    }

    /// Whether to go on after a violation: when collecting and under the limit.
    fn collecting(&self) -> bool {
        self.errors.as_ref().is_some_and(|e| e.len() < self.limit)
    }

    /// Check `instance` (at `path`) against `node`; false if anything failed.
    fn check(&mut self, node: NodeId, instance: &'i Value, path: &Path<'_>, depth: Depth) -> bool {
        if depth.instance > MAX_DEPTH || depth.hops > MAX_HOPS {
            return true;
        }
        let schema = self.schema;
        let mut ok = true;
        for keyword in &schema.nodes[node].keywords {
            if !ok && !self.collecting() {
                return false;
            }
            ok &= match keyword {
                Keyword::Ref(target) => self.check(*target, instance, path, depth.hop()),
                Keyword::Type(allowed) => {
                    let fits = instance_type_bits(instance) & allowed != 0;
                    if !fits {
                        let expected = (0..TYPES.len())
                            .filter(|i| allowed & (1 << i) != 0)
                            .map(|i| TYPES[i])
                            .collect();
                        self.fail(ErrorKind::Type { expected }, instance, node, path, "type");
                    }
                    fits
                }
                Keyword::Enum(options) => {
                    let all = options.as_array().map(Vec::as_slice).unwrap_or_default();
                    let found = all.iter().any(|o| json_equal(o, instance));
                    if !found {
                        let kind = ErrorKind::Enum {
                            options: (*options).clone(),
                        };
                        self.fail(kind, instance, node, path, "enum");
                    }
                    found
                }
                Keyword::Not(sub, value) => {
                    let matched =
                        Run::new(schema, None, 0).check(*sub, instance, path, depth.hop());
                    if matched {
                        let kind = ErrorKind::Not {
                            schema: (*value).clone(),
                        };
                        self.fail(kind, instance, node, path, "not");
                    }
                    !matched
                }
                Keyword::AllOf(subs) => {
                    let mut all = true;
                    for sub in subs {
                        all &= self.check(*sub, instance, path, depth.hop());
                        if !all && !self.collecting() {
                            break;
                        }
                    }
                    all
                }
                Keyword::Required(names) => match instance.as_object() {
                    Some(map) => {
                        let mut all = true;
                        for name in names {
                            if !map.contains_key(*name) {
                                all = false;
                                let kind = ErrorKind::Required {
                                    property: name.to_string(),
                                };
                                self.fail(kind, instance, node, path, "required");
                                if !self.collecting() {
                                    break;
                                }
                            }
                        }
                        all
                    }
                    None => true,
                },
                Keyword::Items(sub) => match instance.as_array() {
                    Some(items) => {
                        let mut all = true;
                        for (i, item) in items.iter().enumerate() {
                            let here = Path::Member(path, Token::Index(i));
                            all &= self.check(*sub, item, &here, depth.descend());
                            if !all && !self.collecting() {
                                break;
                            }
                        }
                        all
                    }
                    None => true,
                },
                Keyword::Properties(properties) => match instance.as_object() {
                    Some(map) => {
                        let mut all = true;
                        for (name, v) in map {
                            if let Some(sub) = properties.get(name.as_str()) {
                                let here = Path::Member(path, Token::Key(name));
                                all &= self.check(*sub, v, &here, depth.descend());
                                if !all && !self.collecting() {
                                    break;
                                }
                            }
                        }
                        all
                    }
                    None => true,
                },
                Keyword::PatternProperties(patterns) => match instance.as_object() {
                    Some(map) => {
                        let mut all = true;
                        for (pattern, sub) in patterns {
                            for (name, v) in map {
                                if schema.matches(*pattern, name) {
                                    let here = Path::Member(path, Token::Key(name));
                                    all &= self.check(*sub, v, &here, depth.descend());
                                    if !all && !self.collecting() {
                                        return false;
                                    }
                                }
                            }
                        }
                        all
                    }
                    None => true,
                },
                Keyword::Members {
                    properties,
                    patterns,
                    additional,
                } => self.check_members(
                    node, properties, patterns, additional, instance, path, depth,
                ),
            };
        }
        ok
    }

    /// Each member of the instance against its property's schema and every pattern it
    /// matches; one neither names, against `additional` (refused: one error listing them all).
    #[allow(clippy::too_many_arguments)]
    fn check_members(
        &mut self,
        node: NodeId,
        properties: &foldhash::HashMap<&str, NodeId>,
        patterns: &[(PatternId, NodeId)],
        additional: &Additional,
        instance: &'i Value,
        path: &Path<'_>,
        depth: Depth,
    ) -> bool {
        let Some(map) = instance.as_object() else {
            return true;
        };
        let mut all = true;
        let mut unexpected = Vec::new();
        for (name, v) in map {
            if !all && !self.collecting() {
                return false;
            }
            let here = Path::Member(path, Token::Key(name));
            let mut named = false;
            if let Some(sub) = properties.get(name.as_str()) {
                named = true;
                all &= self.check(*sub, v, &here, depth.descend());
            }
            for (pattern, sub) in patterns {
                if self.schema.matches(*pattern, name) {
                    named = true;
                    all &= self.check(*sub, v, &here, depth.descend());
                }
            }
            if named {
                continue;
            }
            match additional {
                Additional::Allowed => {}
                Additional::Refused => unexpected.push(name.clone()),
                Additional::Schema(sub) => all &= self.check(*sub, v, &here, depth.descend()),
            }
        }
        if !unexpected.is_empty() {
            let kind = ErrorKind::AdditionalProperties { unexpected };
            self.fail(kind, instance, node, path, "additionalProperties");
            all = false;
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The schema of a test, kept for the test's duration.
    fn schema(v: Value) -> Schema<'static> {
        Schema::new(Box::leak(Box::new(v))).expect("supported")
    }

    fn kinds(s: &Schema, v: &Value) -> Vec<(String, String, String)> {
        s.errors(v)
            .into_iter()
            .map(|e| (e.to_string(), e))
            .map(|(m, e)| (e.instance_path, e.schema_path, m))
            .collect()
    }

    #[test]
    fn type_enum_required_and_additional_properties_are_reported_where_they_fail() {
        let s = schema(json!({
            "type": "object",
            "required": ["a", "b"],
            "properties": {"a": {"type": "integer"}, "b": {}, "e": {"enum": ["x", "y"]}},
            "patternProperties": {"^x-": {"type": "string"}},
            "additionalProperties": false
        }));
        let v = json!({"a": 1.5, "e": "z", "x-k": 3, "zz": true, "yy": 1});
        // Draft 4 evaluates no sibling of a `$ref`; a schema that has one is refused.
        assert!(Schema::new(&json!({"$ref": "#", "type": "object"})).is_err());
        assert!(!s.is_valid(&v));
        assert_eq!(
            kinds(&s, &v),
            vec![
                (
                    "".into(),
                    "/required".into(),
                    "\"b\" is a required property".into()
                ),
                (
                    "/a".into(),
                    "/properties/a/type".into(),
                    "1.5 is not of type \"integer\"".into()
                ),
                (
                    "/e".into(),
                    "/properties/e/enum".into(),
                    "\"z\" is not one of \"x\" or \"y\"".into()
                ),
                (
                    "/x-k".into(),
                    "/patternProperties/^x-/type".into(),
                    "3 is not of type \"string\"".into()
                ),
                (
                    "".into(),
                    "/additionalProperties".into(),
                    "Additional properties are not allowed ('zz', 'yy' were unexpected)".into()
                ),
            ]
        );
        assert!(s.is_valid(&json!({"a": 2, "b": null, "e": "y", "x-k": "v"})));
    }

    #[test]
    fn references_resolve_to_their_definitions_location() {
        let s = schema(json!({
            "properties": {"p": {"$ref": "#/definitions/item"}},
            "definitions": {"item": {"type": ["object", "boolean"], "allOf": [{"not": {}}]}}
        }));
        let v = json!({"p": 3});
        assert_eq!(
            kinds(&s, &v),
            vec![
                (
                    "/p".into(),
                    "/definitions/item/type".into(),
                    "3 is not of types \"boolean\", \"object\"".into()
                ),
                (
                    "/p".into(),
                    "/definitions/item/allOf/0/not".into(),
                    "{} is not allowed for 3".into()
                ),
            ]
        );
    }

    #[test]
    fn integers_are_written_without_fraction_and_enums_compare_numbers_by_value() {
        let s = schema(json!({"items": {"type": "integer", "enum": [1, 2]}}));
        assert!(s.is_valid(&json!([1, 2])));
        assert!(!s.is_valid(&json!([1.0])), "draft 4: 1.0 is not an integer");
        let two = json!([2.0]);
        let e = s.errors(&two);
        assert_eq!(e.len(), 1, "2.0 is in the enum by value");
        assert_eq!(e[0].instance_path, "/0");
    }

    #[test]
    fn additional_properties_as_a_schema_checks_the_other_members() {
        let s =
            schema(json!({"properties": {"a": {}}, "additionalProperties": {"type": "string"}}));
        assert!(s.is_valid(&json!({"a": 1, "b": "x"})));
        let v = json!({"a": 1, "b/c": 2});
        let e = s.errors(&v);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].instance_path, "/b~1c");
        assert_eq!(e[0].schema_path, "/additionalProperties/type");
    }

    #[test]
    fn first_errors_stops_at_the_limit() {
        let s = schema(json!({"items": {"type": "string"}}));
        let v = json!([1, 2, 3, 4]);
        assert_eq!(s.errors(&v).len(), 4);
        let first = s.first_errors(&v, 2);
        assert_eq!(first.len(), 2);
        assert_eq!(first[1].instance_path, "/1");
    }

    #[test]
    fn enum_messages_shorten_like_jsonschema() {
        let s = schema(json!({"enum": ["a", "b", "c", "d"]}));
        assert_eq!(
            s.errors(&json!("z"))[0].to_string(),
            "\"z\" is not one of \"a\", \"b\" or 2 other candidates"
        );
    }

    #[test]
    fn schemas_with_keywords_it_does_not_evaluate_are_refused() {
        for bad in [
            json!({"oneOf": [{}]}),
            json!({"properties": {"a": {"minLength": 1}}}),
            json!({"$ref": "other.json#/x"}),
            json!({"$ref": "#/definitions/missing"}),
            json!({"patternProperties": {"(": {}}}),
            json!({"type": "text"}),
        ] {
            assert!(Schema::new(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_self_referencing_schema_and_a_deep_instance_terminate() {
        let s = schema(
            json!({"$ref": "#/definitions/n", "definitions": {"n": {"items": {"$ref": "#/definitions/n"}}}}),
        );
        let mut v = json!(1);
        for _ in 0..2000 {
            v = json!([v]);
        }
        assert!(s.is_valid(&v));
        // A `$ref` to itself, without descending into the instance, ends at the depth bound.
        let s = schema(
            json!({"definitions": {"loop": {"$ref": "#/definitions/loop"}}, "properties": {"a": {"$ref": "#/definitions/loop"}}}),
        );
        assert!(s.is_valid(&json!({"a": 1})));
    }

    #[test]
    fn the_bundled_schemas_are_supported() {
        for text in [
            include_str!("../../schemas/apiDefinition.schema.json"),
            include_str!("../../schemas/apiProperties.schema.json"),
        ] {
            assert!(Schema::new(&serde_json::from_str(text).unwrap()).is_ok());
        }
    }
}
