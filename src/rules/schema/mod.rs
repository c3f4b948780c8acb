//! Schema-level rules: JSON-Schema keywords, enums, defaults, required lists, formats,
//! limits, and the x-ms extensions that live in schemas and parameters.
//!
//! "Typed nodes" are every object that describes a value: schemas (each written object once,
//! from `Swagger::schema_nodes`), non-body parameters, their `items`, and response headers.
//! Findings point at the offending keyword inside the object the user has to edit.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{Context, Rule, Sink};
use crate::model::FileKind;
use crate::model::access::fields;
use crate::model::access::str_of;
use crate::model::pointer::{join, join_index};
use crate::model::swagger::{SchemaRole, Swagger};
use crate::model::types::{fits_type, json_type};

pub(crate) const RULES: &[&Rule] = &[
    &ARRAY_HAS_NO_ITEMS,
    &REQUIRED_PROPERTY_ARRAY_EMPTY,
    &SWAGGER_KEYWORD_NOT_SUPPORTED,
    &ADDITIONAL_PROPERTY_NOT_ALLOWED_ADJACENT_TO_REF,
    &DEFAULT_VALUE_MUST_MATCH_TYPE,
    &ENUM_MUST_CONTAIN_AT_LEAST_ONE_ELEMENT,
    &FILTER_FUNCTIONS_PROPERTY_EMPTY,
    &FILTER_FUNCTIONS_PROPERTY_HAS_DUPLICATES,
    &FILTER_FUNCTIONS_PROPERTY_IN_INPUT_SCHEMA,
    &FILTER_FUNCTIONS_PROPERTY_INVALID_VALUE,
    &INVALID_STRING_BINARY_PROPERTY,
    &MIME_TYPE_NOT_VALID,
    &MISSING_ENUM_VALUES_DISPLAY_NAME,
    &MULTIPLE_OF_MUST_BE_GREATER_THAN_ZERO,
    &ONE_OF_PROPERTIES_REQUIRED,
    &PRODUCTION_STATUS_ON_BETA_SERVICE,
    &REQUIRED_PROPERTY_DEFINITION_MISSING,
    &REQUIRED_PROPERTY_NOT_ON_OBJECT,
    &TAG_REDEFINED,
    &INVALID_ENUM_VALUE,
    &DUPLICATE_ENUM_VALUES_IN_EXTENSION,
    &INVALID_ENUM_VALUES_EXTENSION_VALUE,
    &ARRAY_DUPLICATE_VALUE,
    &UNRECOGNIZED_TYPE_FORMAT,
    &INVALID_NEXT_LINK_NAME_VALUE,
    &OPERATION_HAS_MANY_RESPONSES_WITH_SCHEMA,
    &BODY_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED,
    &TOTAL_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED,
    &SCHEMA_TOO_DEEP,
    &INVALID_CUSTOM_EDITOR_EXTENSION_DICTIONARY_VALUE,
    &REQUIRED_LOOP_IN_SCHEMA_NOT_ALLOWED,
    &RESPONSE_EXAMPLE_MUST_BE_PRODUCED_BY_OPERATION,
    &RESPONSE_HEADERS_ARE_NOT_UNIQUE,
    &SCHEMA_TYPE_FILE_NOT_VALID,
    &ALLOW_EMPTY_VALUE_ONLY_VALID_FOR_QUERY_FORM_DATA,
    &DISCRIMINATOR_MUST_BE_A_REQUIRED_STRING_PROPERTY,
    &EXCLUSIVE_MAXIMUM_REQUIRES_MAXIMUM,
    &EXCLUSIVE_MINIMUM_REQUIRES_MINIMUM,
    &MAX_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    &MAX_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    &MAX_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    &MINIMUM_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAXIMUM,
    &MIN_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    &MIN_ITEMS_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_ITEMS,
    &MIN_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    &MIN_LENGTH_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_LENGTH,
    &MIN_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    &PATTERN_SHOULD_BE_VALID_REGULAR_EXPRESSION,
];

const FAQ: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/faq";

// ---- typed nodes -------------------------------------------------------------------------

/// What kind of object describes a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A schema object: its role, nesting depth and whether it is the root of its schema.
    Schema { role: SchemaRole, root: bool },
    /// A non-body parameter (`in` given).
    Param,
    /// `items` of a non-body parameter or header.
    Items,
    /// A response header.
    Header,
}

#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    pointer: String,
    value: &'a Value,
    kind: Kind,
    /// Which of [`keyword_bit`]'s keywords the object has (one bit each).
    keys: u64,
}

/// A bit for each keyword the rules of this module read. Most nodes have none of a given
/// keyword, so [`Node::get`] answers "absent" from the node's bit set without hashing the key
/// (serde_json maps hash with SipHash: on the corpus the ~40 rules here spent most of their
/// time on lookups that missed).
#[inline(always)]
fn keyword_bit(k: &str) -> Option<u64> {
    let i = match k {
        "type" => 0,
        "format" => 1,
        "enum" => 2,
        "default" => 3,
        "items" => 4,
        "properties" => 5,
        "required" => 6,
        "minimum" => 7,
        "maximum" => 8,
        "exclusiveMinimum" => 9,
        "exclusiveMaximum" => 10,
        "minLength" => 11,
        "maxLength" => 12,
        "minItems" => 13,
        "maxItems" => 14,
        "minProperties" => 15,
        "maxProperties" => 16,
        "multipleOf" => 17,
        "pattern" => 18,
        "x-ms-enum-values" => 19,
        "x-ms-editor" => 20,
        "x-ms-dynamic-schema" => 21,
        "x-ms-dynamic-properties" => 22,
        "filterFunctions" => 23,
        "discriminator" => 24,
        "allOf" => 25,
        "additionalProperties" => 26,
        "in" => 27,
        "x-ms-capabilities" => 28,
        "$ref" => 29,
        "readOnly" => 30,
        "x-ms-visibility" => 31,
        "x-ms-enum" => 32,
        "x-ms-editor-options" => 33,
        "collectionFormat" => 34,
        "uniqueItems" => 35,
        "x-ms-dynamic-values" => 36,
        "x-ms-trigger-value" => 37,
        _ => return None,
    };
    Some(1 << i)
}

fn keyword_bits(v: &Value) -> u64 {
    v.as_object().map_or(0, |m| {
        m.keys()
            .fold(0, |bits, k| bits | keyword_bit(k).unwrap_or(0))
    })
}

impl<'a> Node<'a> {
    fn new(pointer: String, value: &'a Value, kind: Kind) -> Self {
        Node {
            pointer,
            value,
            kind,
            keys: keyword_bits(value),
        }
    }
    // Always inlined, as are the readers below, so that `keyword_bit` of a literal keyword
    // folds to a constant instead of a string match per read.
    #[inline(always)]
    fn get(&self, k: &str) -> Option<&'a Value> {
        match keyword_bit(k) {
            Some(bit) if self.keys & bit == 0 => None,
            // Present (or not a tracked keyword): a scan of the small object, no hashing.
            _ => crate::model::access::field(self.value, k),
        }
    }
    #[inline(always)]
    fn str(&self, k: &str) -> Option<&'a str> {
        self.get(k).and_then(Value::as_str)
    }
    #[inline(always)]
    fn num(&self, k: &str) -> Option<f64> {
        self.get(k).and_then(Value::as_f64)
    }
    fn at(&self, k: &str) -> String {
        join(&self.pointer, k)
    }
    #[inline(always)]
    fn ty(&self) -> Option<&'a str> {
        self.str("type")
    }
    fn is_schema(&self) -> bool {
        matches!(self.kind, Kind::Schema { .. })
    }
}

fn typed_nodes<'a>(sw: &Swagger<'a>) -> Vec<Node<'a>> {
    let mut out = Vec::new();
    for n in sw.schema_nodes() {
        if n.value.is_object() {
            let kind = Kind::Schema {
                role: n.role,
                root: n.via.is_none(),
            };
            out.push(Node::new(n.pointer.clone(), n.value, kind));
        }
    }
    fn items<'a>(v: &'a Value, at: &str, out: &mut Vec<Node<'a>>, depth: usize) {
        if depth > 16 {
            return;
        }
        if let Some(i @ Value::Object(_)) = v.get("items") {
            let p = join(at, "items");
            out.push(Node::new(p.clone(), i, Kind::Items));
            items(i, &p, out, depth + 1);
        }
    }
    for p in sw.param_nodes() {
        if !p.value.is_object() || str_of(p.value, "in") == Some("body") {
            continue;
        }
        out.push(Node::new(p.pointer.clone(), p.value, Kind::Param));
        items(p.value, &p.pointer, &mut out, 0);
    }
    for r in sw.response_nodes() {
        if let Some(h) = r.value.get("headers").and_then(Value::as_object) {
            let base = join(&r.pointer, "headers");
            for (k, v) in h {
                if v.is_object() {
                    let p = join(&base, k);
                    out.push(Node::new(p.clone(), v, Kind::Header));
                    items(v, &p, &mut out, 0);
                }
            }
        }
    }
    out
}

/// The typed nodes, built once per connector and shared by the rules of this module.
fn nodes<'c, 'a>(cx: &'c Context<'a>) -> &'c [Node<'a>] {
    cx.borrowed
        .schema_nodes
        .get_or_init(|| cx.swagger.as_ref().map(typed_nodes).unwrap_or_default())
}

fn root<'a>(cx: &Context<'a>) -> Option<&'a Value> {
    cx.connector.definition_value()
}

/// `fits_type`, also accepting a string that spells a value of the type (`"1"` for an
/// integer, `"false"` for a boolean): the platform's validator converts those.
fn fits_loosely(v: &Value, ty: &str) -> bool {
    if fits_type(v, ty) {
        return true;
    }
    let Some(s) = v.as_str().map(str::trim) else {
        return false;
    };
    match ty {
        "integer" => s.parse::<i64>().is_ok(),
        "number" => s.parse::<f64>().is_ok_and(f64::is_finite),
        "boolean" => s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false"),
        _ => false,
    }
}

/// Every `filterFunctions` list (on a schema, or in its `x-ms-capabilities`), with the
/// pointer to the list and the schema's role.
fn filter_functions<'a>(cx: &Context<'a>) -> Vec<(String, &'a Value, Kind)> {
    let mut out = Vec::new();
    for n in nodes(cx).iter().filter(|n| n.is_schema()) {
        if let Some(f) = n.get("filterFunctions") {
            out.push((n.at("filterFunctions"), f, n.kind));
        }
        if let Some(f) = n
            .get("x-ms-capabilities")
            .and_then(|c| c.get("filterFunctions"))
        {
            out.push((
                join(&n.at("x-ms-capabilities"), "filterFunctions"),
                f,
                n.kind,
            ));
        }
    }
    out
}

/// Every `x-ms-enum-values` list on a typed node.
fn enum_values_lists<'n, 'a>(
    ns: &'n [Node<'a>],
) -> impl Iterator<Item = (&'n Node<'a>, &'a [Value])> {
    ns.iter().filter_map(|n| {
        n.get("x-ms-enum-values")
            .and_then(Value::as_array)
            .map(|a| (n, a.as_slice()))
    })
}

/// Indexes of elements equal to an earlier element (JSON equality: object key order does not
/// matter). Linear: values are bucketed by a structural hash and compared within a bucket, so
/// 30,000 parameters or enum values cost 30,000 hashes, not 450 million comparisons.
pub(crate) fn duplicates(list: &[Value]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut buckets: foldhash::HashMap<u64, Vec<usize>> = Default::default();
    for (i, v) in list.iter().enumerate() {
        let same = buckets.entry(value_hash(v)).or_default();
        if same.iter().any(|&j| list[j] == *v) {
            out.push(i);
        } else {
            same.push(i);
        }
    }
    out
}

/// A hash of a JSON value consistent with its equality: object members are combined in an
/// order-independent way. Parsed documents nest at most `MAX_DEPTH` deep.
fn value_hash(v: &Value) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let state = foldhash::fast::FixedState::with_seed(0x6a09_e667);
    let mut h = state.build_hasher();
    match v {
        Value::Null => 0u8.hash(&mut h),
        Value::Bool(b) => (1u8, b).hash(&mut h),
        Value::Number(n) => (2u8, n.to_string()).hash(&mut h),
        Value::String(s) => (3u8, s).hash(&mut h),
        Value::Array(a) => {
            4u8.hash(&mut h);
            for x in a {
                value_hash(x).hash(&mut h);
            }
        }
        Value::Object(m) => {
            let mut sum = 0u64;
            for (k, x) in m {
                sum = sum.wrapping_add(state.hash_one((k, value_hash(x))));
            }
            (5u8, m.len(), sum).hash(&mut h);
        }
    }
    h.finish()
}

// ---- response and schema limits ----------------------------------------------------

/// Counts the schema objects a schema expands to (following `$ref`s, a reference back to a
/// schema being expanded is cut), capped at `cap`, and the deepest nesting reached.
///
/// Results are memoized by schema pointer, so a definition used by many operations (or many
/// times in one tree) is expanded once per connector: a subtree's result is reused whenever it
/// did not depend on where it was entered from, i.e. no cycle inside it was cut against a
/// schema above it. This keeps the expansion linear in the document where the plain recursive
/// walk was exponential in the nesting of shared definitions.
struct Expander<'s, 'a> {
    sw: &'s Swagger<'a>,
    cap: usize,
    stack: Vec<String>,
    memo: foldhash::HashMap<String, (usize, usize)>,
}

/// What expanding one schema gave: objects counted, levels below it, and the lowest stack
/// index a cut cycle pointed at (`usize::MAX` when none: the result is context-free).
#[derive(Clone, Copy)]
struct Expanded {
    count: usize,
    depth: usize,
    cut: usize,
}

impl<'s, 'a> Expander<'s, 'a> {
    fn new(sw: &'s Swagger<'a>, cap: usize) -> Self {
        Expander {
            sw,
            cap,
            stack: Vec::new(),
            memo: Default::default(),
        }
    }

    fn walk(&mut self, v: &'a Value, at: String, level: usize) -> Expanded {
        const NONE: Expanded = Expanded {
            count: 0,
            depth: 0,
            cut: usize::MAX,
        };
        if level > 256 {
            return NONE;
        }
        // An inline schema keeps the pointer it was reached by (`resolve` would copy it).
        // Only a `$ref` can lead back to a schema being expanded or to one expanded before;
        // an inline schema is reached once, through its parent.
        let (s, ptr, via_ref) = if fields(v, ["$ref"])[0].is_none() {
            (v, at, false)
        } else {
            match self.sw.resolve(v, &at) {
                Ok((s, ptr)) => {
                    let via_ref = ptr != at;
                    (s, ptr, via_ref)
                }
                Err(_) => return NONE,
            }
        };
        if !s.is_object() {
            return NONE;
        }
        if via_ref {
            if let Some(i) = self.stack.iter().position(|p| *p == ptr) {
                return Expanded { cut: i, ..NONE };
            }
            if let Some(&(count, depth)) = self.memo.get(&ptr) {
                return Expanded {
                    count,
                    depth,
                    cut: usize::MAX,
                };
            }
        }
        let here = self.stack.len();
        self.stack.push(ptr);
        let mut out = Expanded {
            count: 1,
            depth: 0,
            cut: usize::MAX,
        };
        let cap = self.cap;
        let add = |out: &mut Expanded, r: Expanded, nested: bool| {
            out.count = out.count.saturating_add(r.count).min(cap);
            if r.count > 0 {
                out.depth = out.depth.max(r.depth + usize::from(nested));
            }
            out.cut = out.cut.min(r.cut);
        };
        let [props, items, additional, all] =
            fields(s, ["properties", "items", "additionalProperties", "allOf"]);
        if let Some(props) = props.and_then(Value::as_object) {
            let base = join(&self.stack[here], "properties");
            for (k, c) in props {
                let r = self.walk(c, join(&base, k), level + 1);
                add(&mut out, r, true);
            }
        }
        for (k, c) in [("items", items), ("additionalProperties", additional)] {
            if let Some(c @ Value::Object(_)) = c {
                let r = self.walk(c, join(&self.stack[here], k), level + 1);
                add(&mut out, r, true);
            }
        }
        if let Some(all) = all.and_then(Value::as_array) {
            let base = join(&self.stack[here], "allOf");
            for (i, c) in all.iter().enumerate() {
                // allOf parts merge into this schema: same depth.
                let r = self.walk(c, join_index(&base, i), level);
                add(&mut out, r, false);
            }
        }
        let ptr = self.stack.pop().unwrap_or_default();
        if out.cut >= here {
            out.cut = usize::MAX;
            if via_ref {
                self.memo.insert(ptr, (out.count, out.depth));
            }
        }
        out
    }
}

/// Each schema root expanded once per connector (up to 100,000 objects): (pointer, objects
/// counted, deepest level). Shared by the size and depth limits.
pub(crate) struct Expansions(Vec<(String, usize, usize)>, HashMap<String, usize>);

impl Expansions {
    /// Schema objects a root expands to (capped at 100,000), by the pointer where it is
    /// written; None for a pointer that is not a schema root.
    pub(crate) fn count_of(&self, at: &str) -> Option<usize> {
        self.1.get(at).map(|&i| self.0[i].1)
    }
}

/// Every schema root (definitions, parameter, response and notification schemas) expanded
/// once per connector. Shared by the size, depth, per-operation and total count rules, which
/// would otherwise expand the same shared definitions again for every operation using them.
pub(crate) fn expansions<'a>(cx: &Context<'a>, sw: &Swagger<'a>) -> std::sync::Arc<Expansions> {
    cx.shared(|| {
        let mut e = Expander::new(sw, 100_001);
        let list: Vec<(String, usize, usize)> = sw
            .schema_roots(true)
            .into_iter()
            .map(|(at, s, _)| {
                let r = e.walk(s, at.clone(), 0);
                (at, r.count, r.depth)
            })
            .collect();
        let index = list
            .iter()
            .enumerate()
            .map(|(i, (at, _, _))| (at.clone(), i))
            .collect();
        Expansions(list, index)
    })
}

/// The schema roots one operation uses: its parameters' schemas, its responses' schemas and
/// its path item's notification schema, as the pointers where they are written.
pub(crate) fn operation_schema_roots<'a>(
    sw: &Swagger<'a>,
    op: &crate::model::swagger::Operation<'a>,
) -> Vec<String> {
    let mut roots: Vec<String> = op
        .params
        .iter()
        .filter(|p| p.get("schema").is_some())
        .map(|p| p.field("schema"))
        .collect();
    if let Some(m) = op.get("responses").and_then(Value::as_object) {
        let base = join(&op.pointer, "responses");
        for (k, r) in m {
            let (r, rp) = sw.resolve_or_self(r, &join(&base, k));
            if r.get("schema").is_some() {
                roots.push(join(&rp, "schema"));
            }
        }
    }
    if op
        .path_item
        .get("x-ms-notification-content")
        .and_then(|c| c.get("schema"))
        .is_some()
    {
        roots.push(join(
            &join(&op.path_pointer, "x-ms-notification-content"),
            "schema",
        ));
    }
    roots
}

fn requires(sink: &mut Sink<'_>, cx: &Context<'_>, flag: &str, needs: &str) {
    for n in nodes(cx) {
        if n.get(flag).is_some_and(|v| v != &Value::Bool(false)) && n.get(needs).is_none() {
            sink.emit(n.at(flag), format!("`{flag}` needs `{needs}`"));
        }
    }
}

fn non_negative(sink: &mut Sink<'_>, cx: &Context<'_>, key: &str) {
    for n in nodes(cx) {
        if let Some(v) = n.num(key)
            && v < 0.0
        {
            sink.emit(n.at(key), format!("`{key}` must be 0 or more, found {v}"));
        }
    }
}

fn ordered(sink: &mut Sink<'_>, cx: &Context<'_>, min: &str, max: &str) {
    for n in nodes(cx) {
        if let (Some(a), Some(b)) = (n.num(min), n.num(max))
            && a > b
        {
            sink.emit(
                n.at(min),
                format!("`{min}` {a} is greater than `{max}` {b}"),
            );
        }
    }
}

// ---- wording -----------------------------------------------------------------------------

fn article(word: &str) -> &'static str {
    match word.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(57).collect::<String>())
    } else {
        s
    }
}
mod additional_property_not_allowed_adjacent_to_ref;
mod allow_empty_value_only_valid_for_query_form_data;
mod array_duplicate_value;
mod array_has_no_items;
mod body_schema_count_exceeds_max_allowed;
mod default_value_must_match_type;
mod discriminator_must_be_a_required_string_property;
mod duplicate_enum_values_in_extension;
mod enum_must_contain_at_least_one_element;
mod exclusive_maximum_requires_maximum;
mod exclusive_minimum_requires_minimum;
mod filter_functions_property_empty;
mod filter_functions_property_has_duplicates;
mod filter_functions_property_in_input_schema;
mod filter_functions_property_invalid_value;
mod invalid_custom_editor_extension_dictionary_value;
mod invalid_enum_value;
mod invalid_enum_values_extension_value;
mod invalid_next_link_name_value;
mod invalid_string_binary_property;
mod max_items_must_be_greater_than_or_equal_to_zero;
mod max_length_must_be_greater_than_or_equal_to_zero;
mod max_properties_must_be_greater_than_or_equal_to_zero;
mod mime_type_not_valid;
mod min_items_must_be_greater_than_or_equal_to_zero;
mod min_items_should_be_less_than_or_equal_to_max_items;
mod min_length_must_be_greater_than_or_equal_to_zero;
mod min_length_should_be_less_than_or_equal_to_max_length;
mod min_properties_must_be_greater_than_or_equal_to_zero;
mod minimum_should_be_less_than_or_equal_to_maximum;
mod missing_enum_values_display_name;
mod multiple_of_must_be_greater_than_zero;
mod one_of_properties_required;
mod operation_has_many_responses_with_schema;
mod pattern_should_be_valid_regular_expression;
mod production_status_on_beta_service;
mod required_loop_in_schema_not_allowed;
mod required_property_array_empty;
mod required_property_definition_missing;
mod required_property_not_on_object;
mod response_example_must_be_produced_by_operation;
mod response_headers_are_not_unique;
mod schema_too_deep;
mod schema_type_file_not_valid;
mod swagger_keyword_not_supported;
mod tag_redefined;
mod total_schema_count_exceeds_max_allowed;
mod unrecognized_type_format;

pub(crate) use additional_property_not_allowed_adjacent_to_ref::*;
pub(crate) use allow_empty_value_only_valid_for_query_form_data::*;
pub(crate) use array_duplicate_value::*;
pub(crate) use array_has_no_items::*;
pub(crate) use body_schema_count_exceeds_max_allowed::*;
pub(crate) use default_value_must_match_type::*;
pub(crate) use discriminator_must_be_a_required_string_property::*;
pub(crate) use duplicate_enum_values_in_extension::*;
pub(crate) use enum_must_contain_at_least_one_element::*;
pub(crate) use exclusive_maximum_requires_maximum::*;
pub(crate) use exclusive_minimum_requires_minimum::*;
pub(crate) use filter_functions_property_empty::*;
pub(crate) use filter_functions_property_has_duplicates::*;
pub(crate) use filter_functions_property_in_input_schema::*;
pub(crate) use filter_functions_property_invalid_value::*;
pub(crate) use invalid_custom_editor_extension_dictionary_value::*;
pub(crate) use invalid_enum_value::*;
pub(crate) use invalid_enum_values_extension_value::*;
pub(crate) use invalid_next_link_name_value::*;
pub(crate) use invalid_string_binary_property::*;
pub(crate) use max_items_must_be_greater_than_or_equal_to_zero::*;
pub(crate) use max_length_must_be_greater_than_or_equal_to_zero::*;
pub(crate) use max_properties_must_be_greater_than_or_equal_to_zero::*;
pub(crate) use mime_type_not_valid::*;
pub(crate) use min_items_must_be_greater_than_or_equal_to_zero::*;
pub(crate) use min_items_should_be_less_than_or_equal_to_max_items::*;
pub(crate) use min_length_must_be_greater_than_or_equal_to_zero::*;
pub(crate) use min_length_should_be_less_than_or_equal_to_max_length::*;
pub(crate) use min_properties_must_be_greater_than_or_equal_to_zero::*;
pub(crate) use minimum_should_be_less_than_or_equal_to_maximum::*;
pub(crate) use missing_enum_values_display_name::*;
pub(crate) use multiple_of_must_be_greater_than_zero::*;
pub(crate) use one_of_properties_required::*;
pub(crate) use operation_has_many_responses_with_schema::*;
pub(crate) use pattern_should_be_valid_regular_expression::*;
pub(crate) use production_status_on_beta_service::*;
pub(crate) use required_loop_in_schema_not_allowed::*;
pub(crate) use required_property_array_empty::*;
pub(crate) use required_property_definition_missing::*;
pub(crate) use required_property_not_on_object::*;
pub(crate) use response_example_must_be_produced_by_operation::*;
pub(crate) use response_headers_are_not_unique::*;
pub(crate) use schema_too_deep::*;
pub(crate) use schema_type_file_not_valid::*;
pub(crate) use swagger_keyword_not_supported::*;
pub(crate) use tag_redefined::*;
pub(crate) use total_schema_count_exceeds_max_allowed::*;
pub(crate) use unrecognized_type_format::*;

#[cfg(test)]
mod tests;
