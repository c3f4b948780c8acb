//! The definition checked against connkit's own JSON Schema of a connector definition
//! (`schemas/apiDefinition.schema.json`, draft-04): Swagger 2.0 objects and the x-ms
//! extensions in the positions the platform reads them.
//!
//! The schema is prepared once per process ([`crate::model::json_schema`]) and shared by every thread; each connector is
//! validated once (a [`Context::shared`] analysis) and the four rules below, plus
//! `RequiredPropertyMissing` in `structure.rs`, report their part of the result.

use std::sync::LazyLock;

use serde_json::Value;

use super::{Context, Rule, Severity, Sink};
use crate::model::FileKind;
use crate::model::access::str_of;
use crate::model::json_schema::{ErrorKind, Schema};
use crate::model::pointer::join;
use crate::model::types::json_type;
use crate::model::walk::{Visit, walk};

pub(crate) const RULES: &[&Rule] = &[
    &JSON_TYPE_INCORRECT,
    &JSON_VALUE_NOT_IN_ENUM,
    &ADDITIONAL_PROPERTY_NOT_ALLOWED,
    &EXTENSION_NAME_NOT_VALID,
];

/// The schema text, part of the binary.
pub(crate) const SCHEMA_TEXT: &str = include_str!("../../../schemas/apiDefinition.schema.json");

/// The schema document, parsed once per process (`null` if it were broken).
static SCHEMA: LazyLock<Value> =
    // strict_json: the same value as serde_json::from_str, its maps allocated once (part of
    // every process's start-up).
    LazyLock::new(|| {
        crate::model::parse::strict_json(SCHEMA_TEXT).map_or(Value::Null, |(v, _)| v)
    });

/// `None` only if the bundled schema were broken (a test guards it).
static VALIDATOR: LazyLock<Option<Schema<'static>>> = LazyLock::new(|| Schema::new(&SCHEMA).ok());

fn schema_root() -> &'static Value {
    &SCHEMA
}

/// Parse the schema now (see [`crate::rules::prepare`]).
pub(crate) fn prepare() {
    LazyLock::force(&VALIDATOR);
    LazyLock::force(&KNOWN_SET);
}

/// One problem found by the schema, already mapped to a code and worded by us.
#[derive(Debug, Clone)]
struct Issue {
    code: &'static str,
    pointer: String,
    message: String,
    /// Reported as a warning (a likely typo rather than a certain error).
    warning: bool,
}

/// The per-connector validation result (the `Context::shared` key).
#[derive(Debug, Default)]
struct SchemaResult {
    issues: Vec<Issue>,
    /// (object pointer, missing key) for RequiredPropertyMissing.
    missing: Vec<(String, String)>,
}

fn result(cx: &Context<'_>) -> std::sync::Arc<SchemaResult> {
    cx.shared(
        || match (cx.connector.definition_value(), VALIDATOR.as_ref()) {
            // An OpenAPI 3 document: SpecificationVersionIncorrect says so once; checking
            // it against a Swagger 2.0 schema would only add noise.
            (Some(root), _) if root.get("openapi").is_some() && root.get("swagger").is_none() => {
                SchemaResult::default()
            }
            (Some(root), Some(v)) => {
                let mut r = validate(v, root);
                if may_have_unknown_extension(cx) {
                    misspelled_extensions(root, &mut r.issues);
                }
                r
            }
            _ => SchemaResult::default(),
        },
    )
}

/// The most schema problems collected for one definition: one more than a rule may list
/// ([`crate::rules::MAX_FINDINGS_PER_RULE`]), so that a definition with more says so, and a
/// bound on the memory a hostile definition with millions of bad values can take.
const MAX_ISSUES: usize = crate::rules::MAX_FINDINGS_PER_RULE + 1;

fn validate(validator: &Schema, root: &Value) -> SchemaResult {
    let mut out = SchemaResult::default();
    // One walk: on a valid definition collecting errors costs what a yes/no answer does.
    for err in validator.first_errors(root, MAX_ISSUES) {
        let at = err.instance_path.clone();
        let schema_path = err.schema_path.as_str();
        let owner = schema_owner(schema_path);
        match &err.kind {
            ErrorKind::Type { expected } => {
                let expected = expected.join(" or ");
                let found = json_type(err.instance);
                // A number for the label `x-ms-summary`: the platform shows it as text, and
                // Microsoft merged it (JsonTypeIncorrect's evidence).
                let numeric_label = at.ends_with("/x-ms-summary") && err.instance.is_number();
                out.issues.push(Issue {
                    code: JSON_TYPE_INCORRECT.code,
                    message: format!(
                        "{} must be {} {expected}, but is {} {found}",
                        what(&at),
                        article(&expected),
                        article(found)
                    ),
                    pointer: at,
                    warning: numeric_label,
                });
            }
            ErrorKind::Enum { options } => {
                let allowed: Vec<String> = options
                    .as_array()
                    .map(|a| a.iter().map(short).collect())
                    .unwrap_or_default();
                // An empty `x-ms-visibility` means the default visibility to the platform,
                // and Microsoft merged it on validated PRs (JsonValueNotInEnum's evidence).
                let empty_visibility =
                    at.ends_with("/x-ms-visibility") && err.instance.as_str() == Some("");
                // "Advanced" for "advanced", "production" for "Production": merged by
                // Microsoft (JsonValueNotInEnum's evidence), so a warning.
                let case_only = err.instance.as_str().is_some_and(|s| {
                    options.as_array().is_some_and(|a| {
                        a.iter()
                            .any(|o| o.as_str().is_some_and(|o| o.eq_ignore_ascii_case(s)))
                    })
                });
                out.issues.push(Issue {
                    code: JSON_VALUE_NOT_IN_ENUM.code,
                    message: if empty_visibility {
                        format!(
                            "{} \"\" is read as the default visibility: remove the key, or use {}",
                            what(&at),
                            one_of(&allowed)
                        )
                    } else if case_only {
                        format!(
                            "{} {} differs from an allowed value only in case: use {}",
                            what(&at),
                            short(err.instance),
                            one_of(&allowed)
                        )
                    } else {
                        format!(
                            "{} {} is not allowed here: use {}",
                            what(&at),
                            short(err.instance),
                            one_of(&allowed)
                        )
                    },
                    pointer: at,
                    warning: empty_visibility || case_only,
                });
            }
            ErrorKind::AdditionalProperties { unexpected } => {
                if left_to_other_rules(root, &at, owner_name(schema_path)) {
                    continue;
                }
                let parent = parent_schema(schema_path);
                let extensible = parent
                    .and_then(|p| p.get("patternProperties"))
                    .and_then(Value::as_object)
                    .is_some_and(|pp| pp.contains_key("^x-"));
                // Unknown keys inside a schema object pass Microsoft's validator (validated
                // merges in 2024); at the root, in path items and operations they are refused.
                let in_schema = matches!(
                    owner_name(schema_path),
                    "schemaKeywords" | "schema" | "schemaOrBoolean"
                );
                for key in unexpected {
                    let pointer = join(&at, key);
                    if extensible && !key.starts_with("x-") {
                        out.issues.push(Issue {
                            code: EXTENSION_NAME_NOT_VALID.code,
                            message: format!(
                                "'{key}' is not a property of {owner}; a custom key must start with 'x-' (and not 'x-ms-')"
                            ),
                            pointer,
                            warning: in_schema,
                        });
                    } else {
                        out.issues.push(Issue {
                            code: ADDITIONAL_PROPERTY_NOT_ALLOWED.code,
                            message: format!(
                                "'{key}' is not allowed in {owner}{}",
                                allowed_keys_hint(parent)
                            ),
                            pointer,
                            warning: false,
                        });
                    }
                }
            }
            ErrorKind::Not { .. } => {
                // `{"not": {}}` on a known extension where the platform does not read it.
                let key = at.rsplit('/').next().unwrap_or_default().to_string();
                let key = crate::model::pointer::unescape(&key);
                let parent_owner = schema_owner_of_property(schema_path);
                out.issues.push(Issue {
                    code: ADDITIONAL_PROPERTY_NOT_ALLOWED.code,
                    message: format!(
                        "'{key}' is not read on {parent_owner}: {}",
                        extension_home(&key)
                    ),
                    pointer: at,
                    warning: false,
                });
            }
            ErrorKind::Required { property } => out.missing.push((at, property.clone())),
        }
    }
    out
}

/// Unknown keys of body parameters (BodyParameterPropertyNotValid) and of security schemes of
/// a known type (SecuritySchemePropertyNotValid) are reported by those rules, with messages
/// that know the parameter location or scheme type; reporting them here too would double them.
fn left_to_other_rules(root: &Value, at: &str, owner: &str) -> bool {
    let Some(obj) = root.pointer(at) else {
        return false;
    };
    match owner {
        "parameter" => str_of(obj, "in") == Some("body"),
        "securityScheme" => matches!(str_of(obj, "type"), Some("basic" | "apiKey" | "oauth2")),
        _ => false,
    }
}

/// Report the keys the schema requires (and a few the schema cannot express without
/// `oneOf`) under `RequiredPropertyMissing`. Called by that rule in `structure.rs`; the
/// schema leaves out the keys that rule checks itself (`info`, `paths`, `title`, `version`,
/// response `description`, the certification keys), so nothing is reported twice.
pub(crate) fn report_required_missing(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let r = result(cx);
    for (at, key) in &r.missing {
        // A webhook trigger without an output schema is merged (Seismic Configuration 2024,
        // Square Payments 2022): the trigger works, it just offers no dynamic content.
        if key == "schema" && at.ends_with("/x-ms-notification-content") {
            sink.emit_with(
                Severity::Warning,
                FileKind::Definition,
                at.clone(),
                "'schema' property is missing: the trigger offers makers no outputs (Microsoft's \
                 validator lets this through)",
            );
            continue;
        }
        sink.emit(at.clone(), format!("'{key}' property is required"));
    }
    // Connector metadata entries: the validator matches these two names case-insensitively
    // (certified connectors changed in 2024 spell them `PropertyName`).
    let metadata = cx
        .connector
        .definition_value()
        .and_then(|r| r.get("x-ms-connector-metadata"))
        .and_then(Value::as_array);
    for (i, item) in metadata.into_iter().flatten().enumerate() {
        let Some(obj) = item.as_object() else {
            continue;
        };
        for key in ["propertyName", "propertyValue"] {
            if !obj.keys().any(|k| k.eq_ignore_ascii_case(key)) {
                sink.emit(
                    format!("/x-ms-connector-metadata/{i}"),
                    format!("'{key}' property is required"),
                );
            }
        }
    }
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for p in sw.param_nodes() {
        let Some(obj) = p.value.as_object() else {
            continue;
        };
        if obj.contains_key("$ref") {
            continue;
        }
        for key in ["name", "in"] {
            if !obj.contains_key(key) {
                sink.emit(p.pointer.clone(), format!("'{key}' property is required"));
            }
        }
        // Non-body parameters need a `type`; a body parameter's `schema` is
        // BodyParameterSchemaRequired's business.
        if obj
            .get("in")
            .and_then(Value::as_str)
            .is_some_and(|i| i != "body")
            && !obj.contains_key("type")
        {
            sink.emit(
                p.pointer.clone(),
                "'type' property is required on a non-body parameter",
            );
        }
    }
}

fn emit_code(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let code = sink.code();
    for i in result(cx).issues.iter().filter(|i| i.code == code) {
        if i.warning {
            sink.emit_with(
                Severity::Warning,
                FileKind::Definition,
                i.pointer.clone(),
                i.message.clone(),
            );
        } else {
            sink.emit(i.pointer.clone(), i.message.clone());
        }
    }
}

// ---- misspelled extensions -------------------------------------------------------------

static KNOWN_SET: LazyLock<foldhash::HashSet<&'static str>> =
    LazyLock::new(|| KNOWN_EXTENSIONS.iter().map(String::as_str).collect());

/// Every x-ms extension name our schema knows.
static KNOWN_EXTENSIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    if k.starts_with("x-ms-") && !out.contains(k) {
                        out.push(k.clone());
                    }
                    walk(c, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|c| walk(c, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(schema_root(), &mut out);
    out
});

/// Keys whose values are user data (examples, defaults, test values): never walked.
const DATA_KEYS: &[&str] = &[
    "example",
    "examples",
    "default",
    "enum",
    "x-ms-test-value",
    "x-example",
    "x-examples",
];

/// Whether the definition may have a key [`misspelled_extensions`] reports. Each such key is
/// a string literal of the JSON text that starts with `x-ms-` right after its quote and is
/// not a known extension; when every literal of that form is a known name (and no escape
/// could spell another), the walk over the whole tree would report nothing.
fn may_have_unknown_extension(cx: &Context<'_>) -> bool {
    let Some(df) = cx.connector.definition.as_ref() else {
        return true;
    };
    if df.format != crate::model::Format::Json || df.has_escapes() {
        return true;
    }
    let text = df.text.as_bytes();
    for i in memchr::memmem::find_iter(text, b"x-ms-") {
        let quote = match i.checked_sub(1).map(|j| text[j]) {
            Some(q @ (b'"' | b'\'')) => q,
            // Not at the start of a literal: not a key starting with `x-ms-`.
            _ => continue,
        };
        let rest = &text[i..];
        let Some(end) = memchr::memchr(quote, rest) else {
            return true;
        };
        // Both ends are ASCII, so this is a slice of whole characters.
        let name = &df.text[i..i + end];
        if name.contains('\\') || !KNOWN_SET.contains(name) {
            return true;
        }
    }
    false
}

/// An unknown `x-ms-…` key one or two edits away from a known extension (or differing only
/// in case) is almost certainly a typo the platform silently ignores.
fn misspelled_extensions(root: &Value, out: &mut Vec<Issue>) {
    // Definitions repeat the same few extension names thousands of times: decide each
    // distinct unknown name once (the edit distances are the expensive part).
    let mut verdicts: foldhash::HashMap<&str, Option<&'static str>> = Default::default();
    walk(root, 96, &mut |path, _| {
        let Some(k) = path.key() else {
            return Visit::Descend;
        };
        if k.starts_with("x-ms-")
            && out.len() < MAX_ISSUES
            && !KNOWN_SET.contains(k)
            && let Some(near) = *verdicts.entry(k).or_insert_with(|| {
                KNOWN_EXTENSIONS
                    .iter()
                    .find(|e| e.eq_ignore_ascii_case(k) || edit_distance(e, k) <= 2)
                    .map(String::as_str)
            })
        {
            out.push(Issue {
                code: ADDITIONAL_PROPERTY_NOT_ALLOWED.code,
                message: format!(
                    "unknown extension '{k}': did you mean '{near}'? (the platform ignores it as written)"
                ),
                pointer: path.pointer(),
                warning: true,
            });
        }
        if DATA_KEYS.contains(&k) {
            Visit::Skip
        } else {
            Visit::Descend
        }
    });
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

// ---- wording helpers -------------------------------------------------------------------

/// A short human name for the value at a pointer: `` `x-ms-visibility` `` or `` `in` ``.
fn what(at: &str) -> String {
    match at.rsplit_once('/') {
        Some((_, last)) if last.parse::<usize>().is_err() => {
            format!("`{}`", crate::model::pointer::unescape(last))
        }
        Some((parent, idx)) => {
            let p = parent.rsplit('/').next().unwrap_or_default();
            format!("`{}[{idx}]`", crate::model::pointer::unescape(p))
        }
        None => "the document".to_string(),
    }
}

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

fn one_of(options: &[String]) -> String {
    match options {
        [] => "another value".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Schema location (`/definitions/operation/additionalProperties`) → the schema object that
/// holds the failing keyword.
fn parent_schema(schema_path: &str) -> Option<&'static Value> {
    let (parent, _) = schema_path.rsplit_once('/')?;
    schema_root().pointer(parent)
}

/// Which object of ours a schema location belongs to, in words.
fn schema_owner(schema_path: &str) -> String {
    describe(owner_name(schema_path))
}

/// The nearest named thing of a schema location: `properties/<name>` (an inline object) or
/// `definitions/<name>`; `""` for the root.
fn owner_name(schema_path: &str) -> &str {
    let segs: Vec<&str> = schema_path.split('/').skip(1).collect();
    // The nearest named thing: `properties/<name>` (an inline object) or `definitions/<name>`.
    let mut name: Option<&str> = None;
    let mut i = 0;
    while i + 1 < segs.len() {
        if segs[i] == "properties" || segs[i] == "definitions" {
            name = Some(segs[i + 1]);
            i += 2;
        } else {
            i += 1;
        }
    }
    name.unwrap_or("")
}

/// For a `misplacedExtension` error the location is inside the property's own schema; the
/// owner is the object holding that property.
fn schema_owner_of_property(schema_path: &str) -> String {
    // `/definitions/parameter/properties/x-ms-trigger/...` → `parameter`
    match schema_path.find("/properties/") {
        Some(i) => schema_owner(&schema_path[..i]),
        None => schema_owner(""),
    }
}

fn describe(name: &str) -> String {
    match name {
        "" => "the document root".into(),
        "info" => "`info`".into(),
        "contact" => "`info.contact`".into(),
        "license" => "`info.license`".into(),
        "externalDocs" => "`externalDocs`".into(),
        "tag" => "a tag".into(),
        "pathItem" => "a path item".into(),
        "operation" => "an operation".into(),
        "response" => "a response".into(),
        "header" => "a response header".into(),
        "primitiveItems" => "a parameter's `items`".into(),
        "parameter" => "a parameter".into(),
        "schemaKeywords" | "schema" | "schemaOrBoolean" => "a schema".into(),
        "securityScheme" => "a security definition".into(),
        "enumValues" => "an `x-ms-enum-values` entry".into(),
        "dynamicValues" => "`x-ms-dynamic-values`".into(),
        "dynamicList" => "`x-ms-dynamic-list`".into(),
        "dynamicSchema" => "`x-ms-dynamic-schema`".into(),
        "dynamicProperties" => "`x-ms-dynamic-properties`".into(),
        "x-ms-connector-metadata" => "an `x-ms-connector-metadata` entry".into(),
        other => format!("`{}`", crate::model::pointer::unescape(other)),
    }
}

fn allowed_keys_hint(parent: Option<&Value>) -> String {
    let keys: Vec<String> = parent
        .and_then(|p| p.get("properties"))
        .and_then(Value::as_object)
        .map(|m| m.keys().map(|k| format!("`{k}`")).collect())
        .unwrap_or_default();
    if keys.is_empty() || keys.len() > 8 {
        String::new()
    } else {
        format!(" (allowed: {})", keys.join(", "))
    }
}

/// Where a known extension belongs, for the misplaced-extension message.
fn extension_home(key: &str) -> &'static str {
    match key {
        "x-ms-connector-metadata" | "x-ms-docs" => "it belongs at the document root",
        "x-ms-notification-content" => "it belongs on the path item, beside the operations",
        _ => "it belongs on an operation",
    }
}
mod additional_property_not_allowed;
mod extension_name_not_valid;
mod json_type_incorrect;
mod json_value_not_in_enum;

pub(crate) use additional_property_not_allowed::*;
pub(crate) use extension_name_not_valid::*;
pub(crate) use json_type_incorrect::*;
pub(crate) use json_value_not_in_enum::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Profile;
    use crate::rules::structure::REQUIRED_PROPERTY_MISSING;
    use crate::rules::testing::*;
    use serde_json::json;

    pub(super) const GET: &str = "/paths/~1tasks~1{taskId}/get";

    #[test]
    fn schema_is_supported_and_minimal_is_clean() {
        assert!(VALIDATOR.is_some(), "bundled schema is not supported");
        for r in RULES {
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn every_schema_keyword_is_mapped() {
        // `Schema::new` refuses a schema with a keyword it does not evaluate, and `validate`
        // matches every kind of error it reports: a schema edit that uses another keyword
        // (oneOf, minimum, format, ...) fails here until both know it.
        assert!(Schema::new(&serde_json::from_str(SCHEMA_TEXT).unwrap()).is_ok());
        // And a broken document is mapped, not dropped: each problem gives one finding.
        let def = patch(minimal(), json!({"tags": [{"name": 1, "bogus": 2}]}));
        let r = validate(VALIDATOR.as_ref().unwrap(), &def);
        assert_eq!(r.issues.len(), 2, "{:?}", r.issues);
    }

    #[test]
    fn required_keys_are_reported_once() {
        // Missing `info.title` is the structure rule's own check; the schema must not add a
        // second finding for it. A tag without `name` and a parameter without `in` come from
        // this module.
        let mut def = patch(
            minimal(),
            json!({"info": {"title": null}, "tags": [{"description": "x"}]}),
        );
        def.pointer_mut(&format!("{GET}/parameters/0"))
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("in");
        let f = run(&REQUIRED_PROPERTY_MISSING, def);
        let mut got: Vec<(&str, &str)> = f
            .iter()
            .map(|f| (f.pointer.as_str(), f.message.as_str()))
            .collect();
        got.sort();
        let param = format!("{GET}/parameters/0");
        assert_eq!(
            got,
            vec![
                ("/info", "'title' property is required"),
                (param.as_str(), "'in' property is required"),
                ("/tags/0", "'name' property is required"),
            ]
        );
        // Certification keys come from structure.rs only, once each.
        let def = patch(minimal(), json!({"info": {"contact": null}}));
        let f = run_profile(&REQUIRED_PROPERTY_MISSING, def, Profile::Certified);
        assert_eq!(f.len(), 2, "{f:?}");
    }

    #[test]
    fn connector_metadata_names_are_case_insensitive() {
        let def = patch(
            minimal(),
            json!({"x-ms-connector-metadata": [
                {"PropertyName": "Website", "PropertyValue": "https://contoso.com"},
                {"propertyName": "Categories"},
                {"propertyName": "Privacy policy", "propertyValue": "https://contoso.com/p", "url": "x"}
            ]}),
        );
        let f = run(&REQUIRED_PROPERTY_MISSING, def.clone());
        assert_eq!(pointers(&f), vec!["/x-ms-connector-metadata/1"]);
        assert!(f[0].message.contains("'propertyValue'"));
        let f = run(&ADDITIONAL_PROPERTY_NOT_ALLOWED, def);
        assert_eq!(pointers(&f), vec!["/x-ms-connector-metadata/2/url"]);
        assert!(
            f[0].message.contains("`x-ms-connector-metadata` entry"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn non_body_parameter_needs_type() {
        let mut def = minimal();
        let p = def.pointer_mut(&format!("{GET}/parameters/0")).unwrap();
        p.as_object_mut().unwrap().remove("type");
        let f = run(&REQUIRED_PROPERTY_MISSING, def);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("'type'"));
    }

    #[test]
    fn any_json_is_tolerated() {
        for v in [
            json!(null),
            json!([1]),
            json!({"paths": {"/a": {"get": {"parameters": [1, null, {"in": 5}]}}}}),
            json!({"definitions": {"A": {"properties": {"b": {"additionalProperties": true, "items": []}}}}}),
        ] {
            for r in RULES {
                let _ = run(r, v.clone());
            }
        }
    }
}
