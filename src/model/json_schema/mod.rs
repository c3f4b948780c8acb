//! A validator for connkit's own bundled JSON Schemas (`schemas/apiDefinition.schema.json`,
//! `schemas/apiProperties.schema.json`): the draft-04 keywords they use, with the errors
//! (kinds, locations, wording) of the `jsonschema` crate.
//!
//! *For connkit's own benchmarks and tests.*
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

mod build;
use build::{Builder, Member, Place, write_place};

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
pub(crate) enum ErrorKind {
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
    pub(crate) kind: ErrorKind,
    /// The offending value.
    pub(crate) instance: &'i Value,
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
    pub(crate) at: String,
    pub(crate) what: String,
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
            nodes: b.nodes,
            patterns: b
                .patterns
                .into_iter()
                .map(|p| (p, OnceLock::new()))
                .collect(),
        })
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
    pub(crate) fn first_errors<'i>(
        &self,
        instance: &'i Value,
        limit: usize,
    ) -> Vec<SchemaError<'i>> {
        let mut run = Run::new(self, Some(Vec::new()), limit);
        run.check(0, instance, &Path::Root, Depth::default());
        run.errors.unwrap_or_default()
    }

    fn matches(&self, pattern: PatternId, key: &str) -> bool {
        let (p, cell) = &self.patterns[pattern];
        cell.get_or_init(|| Pattern::compile(p)).is_match(key)
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
                    Some(_) => {
                        let mut all = true;
                        for name in names {
                            // A scan of a small object: no SipHash of the name.
                            if crate::model::access::field(instance, name).is_none() {
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
mod tests;
