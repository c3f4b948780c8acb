//! Certification content of the definition: lengths, restricted words and characters,
//! connector metadata, contact, default responses, output schemas, English text, plus the
//! reviewers' style rules that have no official code (catalog §3.1, §3.5, §3.6, §3.9, §4, §5).

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::opkit::ops;
use super::{Context, Profiles, Rule, Severity, Sink};
use crate::model::FileKind;
use crate::model::pointer::{join, join_index};
use crate::model::swagger::Operation;

pub const RULES: &[&Rule] = &[
    &OPERATION_SUMMARY_TOO_LONG,
    &RESTRICTED_CHARACTERS_IN_SUMMARY,
    &CONNECTOR_METADATA_PROPERTIES_MISSING,
    &CONTACT_EMAIL_NOT_VALID,
    &INVALID_CONNECTOR_CATEGORY,
    &TOO_MANY_CONNECTOR_CATEGORIES,
    &URL_NOT_VALID,
    &DEFAULT_RESPONSE_HAS_SCHEMA,
    &SCHEMA_DEFINITION_SET_INCORRECTLY,
    &FIELD_LENGTH_EXCEEDED,
    &FIELD_LENGTH_NOT_IN_RANGE,
    &REQUIRED_VALUE_EMPTY,
    &VALUE_CONTAINS_RESTRICTED_WORDS,
    &VALUE_MUST_BE_IN_ENGLISH,
    &VALUE_MUST_END_WITH_ALPHANUMERIC,
    &OPERATION_ID_NOT_PASCAL_CASE,
    &SUMMARY_NOT_SENTENCE_CASE,
    &DESCRIPTION_SAME_AS_SUMMARY,
    &TRIGGER_SUMMARY_WORDING,
];

const SV: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules";
const CS: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission";
const SG: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/connector-string-guidance";
const STD: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/coding-standards";

/// Longest operation summary and `x-ms-summary` (characters).
pub const SUMMARY_MAX: usize = 80;
/// Longest connector title (characters).
pub const TITLE_MAX: usize = 30;
/// Allowed connector description length (characters).
pub const DESCRIPTION_RANGE: (usize, usize) = (30, 500);
/// Most categories a connector may declare.
pub const MAX_CATEGORIES: usize = 2;

/// The categories certification accepts (compared case-insensitively).
pub const CATEGORIES: [&str; 19] = [
    "AI",
    "Business Management",
    "Business Intelligence",
    "Collaboration",
    "Commerce",
    "Communication",
    "Content and Files",
    "Finance",
    "Data",
    "Human Resources",
    "Internet of Things",
    "IT Operations",
    "Lifestyle and Entertainment",
    "Marketing",
    "Productivity",
    "Sales and CRM",
    "Security",
    "Social Media",
    "Website",
];

fn root<'a>(cx: &Context<'a>) -> Option<&'a Value> {
    cx.connector.definition_value().filter(|v| v.is_object())
}

fn info<'a>(cx: &Context<'a>) -> Option<&'a Value> {
    root(cx)?.get("info").filter(|v| v.is_object())
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// One `x-ms-connector-metadata` entry.
struct MetaEntry<'a> {
    pointer: String,
    name: Option<&'a str>,
    value: Option<&'a Value>,
}

fn metadata<'a>(cx: &Context<'a>) -> Option<Vec<MetaEntry<'a>>> {
    let arr = root(cx)?.get("x-ms-connector-metadata")?.as_array()?;
    Some(
        arr.iter()
            .enumerate()
            .map(|(i, e)| MetaEntry {
                pointer: join_index("/x-ms-connector-metadata", i),
                name: get_ci(e, "propertyName").and_then(Value::as_str),
                value: get_ci(e, "propertyValue"),
            })
            .collect(),
    )
}

/// A member by name ignoring ASCII case (the validator accepts `PropertyName`).
fn get_ci<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key).or_else(|| {
        v.as_object()?
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

fn metadata_entry<'e, 'a>(entries: &'e [MetaEntry<'a>], name: &str) -> Option<&'e MetaEntry<'a>> {
    entries
        .iter()
        .find(|e| e.name.is_some_and(|n| n.trim().eq_ignore_ascii_case(name)))
}

/// Whether an operation is shown to users (not internal, not deprecated).
fn shown(op: &Operation<'_>) -> bool {
    op.value.is_object() && !op.is_internal() && !op.is_deprecated()
}

pub static OPERATION_SUMMARY_TOO_LONG: Rule = Rule {
    code: "OperationSummaryTooLong",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "An operation `summary` is longer than 80 characters",
    explanation: "The summary is the action's name in the designer's card and list; long names \
are cut off. The certification documents and the string guidance cap it at 80 characters (the \
validator page mentions 120; connkit uses the stricter documented limit). Put detail in \
`description`.\n\nBad: `\"summary\": \"Get all of the tasks that belong to a project, including \
archived tasks and tasks shared with you\"`  Good: `\"summary\": \"List project tasks\"`",
    source: SV,
    check: |cx, sink| {
        for op in ops(cx) {
            if let Some(s) = op.get("summary").and_then(Value::as_str)
                && chars(s) > SUMMARY_MAX
            {
                sink.emit(
                    join(&op.pointer, "summary"),
                    format!(
                        "summary of {} is {} characters long; the limit is {SUMMARY_MAX}",
                        op.label(),
                        chars(s)
                    ),
                );
            }
        }
    },
};

/// Characters the validator refuses in an operation summary.
pub const RESTRICTED_SUMMARY_CHARS: [char; 8] = ['/', '\\', '<', '>', '*', '%', '&', '?'];

pub static RESTRICTED_CHARACTERS_IN_SUMMARY: Rule = Rule {
    code: "RestrictedCharactersInSummary",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some("Summary string contains any of the restricted characters [/\\<>*%&?]"),
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "An operation `summary` contains one of / \\ < > * % & ?",
    explanation: "Summaries become action names, which are used in URLs and expressions; \
Microsoft's validator rejects the characters `/ \\ < > * % & ?` in them. Reword: \"and\" instead \
of `&`, \"or\" instead of `/`, no question marks.\n\nBad: `\"summary\": \"Create/update a task\"` \
 Good: `\"summary\": \"Create or update a task\"`",
    source: SV,
    check: |cx, sink| {
        for op in ops(cx) {
            if let Some(s) = op.get("summary").and_then(Value::as_str) {
                let found: String = s
                    .chars()
                    .filter(|c| RESTRICTED_SUMMARY_CHARS.contains(c))
                    .collect();
                if !found.is_empty() {
                    sink.emit(
                        join(&op.pointer, "summary"),
                        format!(
                            "summary '{s}' contains restricted characters [{found}]; avoid [/\\<>*%&?]"
                        ),
                    );
                }
            }
        }
    },
};

pub static CONNECTOR_METADATA_PROPERTIES_MISSING: Rule = Rule {
    code: "ConnectorMetadataPropertiesMissing",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some("The connector metadata property 'Categories' is required."),
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "`x-ms-connector-metadata` lacks Website, Privacy policy or Categories",
    explanation: "Certified and independent-publisher connectors describe themselves with three \
`x-ms-connector-metadata` entries: `Website` (the service's site), `Privacy policy` (the \
service's privacy statement) and `Categories`. The names are matched ignoring letter case, as \
the validator does (many merged connectors write `Privacy Policy`).\n\nCalibration: the member \
keys themselves are also matched ignoring case: a certified connector changed in 2024 \
(Nodefusion Portal) writes `PropertyName`/`PropertyValue` and passed; before this, the rule \
reported it (1 connector changed in 2024, now 0). A missing \
`x-ms-connector-metadata` array itself is reported as RequiredPropertyMissing.\n\nGood:\n\
```json\n\"x-ms-connector-metadata\": [\n  {\"propertyName\": \"Website\", \"propertyValue\": \
\"https://contoso.com\"},\n  {\"propertyName\": \"Privacy policy\", \"propertyValue\": \
\"https://contoso.com/privacy\"},\n  {\"propertyName\": \"Categories\", \"propertyValue\": \
\"Productivity;Collaboration\"}\n]\n```",
    source: SV,
    check: |cx, sink| {
        let Some(entries) = metadata(cx) else { return };
        for name in ["Website", "Privacy policy", "Categories"] {
            if metadata_entry(&entries, name).is_none() {
                sink.emit(
                    "/x-ms-connector-metadata",
                    format!("connector metadata property '{name}' is required"),
                );
            }
        }
    },
};

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
        .expect("valid regex")
});

/// A plain ASCII e-mail address (`name@domain.tld`).
pub fn valid_email(s: &str) -> bool {
    EMAIL.is_match(s)
}

pub static CONTACT_EMAIL_NOT_VALID: Rule = Rule {
    code: "ContactEmailNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "`info.contact.email` is not a valid e-mail address",
    explanation: "The contact e-mail is the support mailbox shown to users and used by \
Microsoft. It must be one plain ASCII address (`name@domain.tld`): no display name, no \
`mailto:`, no list of addresses.\n\nBad: `\"email\": \"mailto:support@contoso.com\"`  Good: \
`\"email\": \"support@contoso.com\"`",
    source: SV,
    check: |cx, sink| {
        let Some(email) = info(cx)
            .and_then(|i| i.get("contact"))
            .and_then(|c| c.get("email"))
        else {
            return;
        };
        match email.as_str() {
            Some(s) if s.trim().is_empty() => {} // RequiredValueEmpty
            Some(s) if valid_email(s) => {}
            Some(s) => sink.emit(
                "/info/contact/email",
                format!("'{s}' is not a valid e-mail address"),
            ),
            None => sink.emit("/info/contact/email", "the contact e-mail must be a string"),
        }
    },
};

/// The `;`-separated categories of the metadata, with the entry's pointer.
fn categories<'a>(cx: &Context<'a>) -> Option<(String, Vec<&'a str>)> {
    let entries = metadata(cx)?;
    let e = metadata_entry(&entries, "Categories")?;
    let v = e.value?.as_str()?;
    let list = v
        .split([';', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    Some((join(&e.pointer, "propertyValue"), list))
}

pub static INVALID_CONNECTOR_CATEGORY: Rule = Rule {
    code: "InvalidConnectorCategory",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "A `Categories` value is not one of the 19 certification categories",
    explanation: "Categories place the connector in the catalogue. Only these are accepted \
(letter case is ignored): AI, Business Management, Business Intelligence, Collaboration, \
Commerce, Communication, Content and Files, Finance, Data, Human Resources, Internet of Things, \
IT Operations, Lifestyle and Entertainment, Marketing, Productivity, Sales and CRM, Security, \
Social Media, Website. Separate two values with `;`.\n\nBad: `\"Productivity;Project \
Management\"`  Good: `\"Productivity;Collaboration\"`",
    source: CS,
    check: |cx, sink| {
        let Some((ptr, list)) = categories(cx) else {
            return;
        };
        for c in list {
            if !CATEGORIES.iter().any(|k| k.eq_ignore_ascii_case(c)) {
                sink.emit(
                    ptr.clone(),
                    format!("'{c}' is not a valid connector category"),
                );
            }
        }
    },
};

pub static TOO_MANY_CONNECTOR_CATEGORIES: Rule = Rule {
    code: "TooManyConnectorCategories",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "More than two connector categories",
    explanation: "A connector may be listed under at most two categories. Keep the two that \
describe it best.",
    source: CS,
    check: |cx, sink| {
        if let Some((ptr, list)) = categories(cx)
            && list.len() > MAX_CATEGORIES
        {
            sink.emit(
                ptr,
                format!(
                    "{} categories are listed; at most {MAX_CATEGORIES} are allowed",
                    list.len()
                ),
            );
        }
    },
};

/// An absolute http(s) URL with a host and no spaces.
pub fn valid_url(s: &str) -> bool {
    let s = s.trim();
    let Some((scheme, rest)) = s.split_once("://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https")
        && !host.is_empty()
        && !s.chars().any(char::is_whitespace)
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

pub static URL_NOT_VALID: Rule = Rule {
    code: "UrlNotValid",
    severity: Severity::Warning,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A URL field is not an absolute http(s) URL",
    explanation: "`info.contact.url`, `info.license.url`, `externalDocs.url`, `x-ms-docs` URLs \
and the `Website` and `Privacy policy` metadata values are links users follow; they must be \
absolute `https://` (or `http://`) URLs with a host name.\n\nBad: `\"url\": \"www.contoso.com\"` \
 Good: `\"url\": \"https://www.contoso.com\"`\n\n\
Evidence: a **warning**. The validator does not check these values: 5 connectors were merged \
validated with 'hhttps://…' in metadata URLs (Daffy 2023). Reviewers follow the links, so \
fix them.",
    source: SV,
    check: |cx, sink| {
        let Some(r) = root(cx) else { return };
        let check = |v: Option<&Value>, ptr: String, sink: &mut Sink<'_>| {
            match v {
                Some(Value::String(s)) if s.trim().is_empty() => {} // RequiredValueEmpty
                Some(Value::String(s)) if valid_url(s) => {}
                Some(Value::String(s)) => {
                    sink.emit(ptr, format!("'{s}' is not an absolute http(s) URL"))
                }
                Some(Value::Null) | None => {}
                Some(_) => sink.emit(ptr, "a URL must be a string"),
            }
        };
        if let Some(i) = r.get("info") {
            check(
                i.get("contact").and_then(|c| c.get("url")),
                "/info/contact/url".into(),
                sink,
            );
            check(
                i.get("license").and_then(|c| c.get("url")),
                "/info/license/url".into(),
                sink,
            );
        }
        check(
            r.get("externalDocs").and_then(|e| e.get("url")),
            "/externalDocs/url".into(),
            sink,
        );
        if let Some(docs) = r.get("x-ms-docs").and_then(Value::as_array) {
            for (i, d) in docs.iter().enumerate() {
                check(d.get("url"), format!("/x-ms-docs/{i}/url"), sink);
            }
        }
        if let Some(entries) = metadata(cx) {
            for name in ["Website", "Privacy policy"] {
                if let Some(e) = metadata_entry(&entries, name) {
                    check(e.value, join(&e.pointer, "propertyValue"), sink);
                }
            }
        }
    },
};

pub static DEFAULT_RESPONSE_HAS_SCHEMA: Rule = Rule {
    code: "DefaultResponseHasSchema",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some(
        "The 'default' response should not have schema definition. Schemas should be defined on expected responses only.",
    ),
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "The `default` response carries a schema",
    explanation: "The designer builds an action's outputs from its success response. A schema on \
`default` is ambiguous (it covers errors and successes alike), so certification refuses it: \
describe the success body on `200`/`201` and keep `default` to a description.\n\nBad: \
`\"default\": {\"description\": \"OK\", \"schema\": {…}}`  Good: `\"200\": {\"description\": \
\"OK\", \"schema\": {…}}, \"default\": {\"description\": \"Error\"}`\n\n\
Calibration: reported only when the operation also has a 2xx response. When `default` is the \
only response it is the success response, and 10 certified connectors changed in 2024 were \
merged with a schema there (Autenti, BoldSign, D7SMS, HubPlanner, …); that case is left to \
the reviewers' advice to add an explicit 2xx (before: 10 connectors changed in 2024, after: 1).\n\n\
Evidence: an **error**. Microsoft's pipeline prints this message on PRs (#3841, #3810, \
2025), so the check exists and fails the PR. Earlier, Tikit (PRs #1853, #3149, #3232, \
2022–2024) and Tesseron Asset (PRs #2864, #2917, 2023) were merged validated with a schema on \
`default` beside a 2xx, and three connectors in the bulk merges of 2021–2022: overrides, or \
the check was enforced later. These are its only hits (docs/calibration.md).",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for r in sw.response_nodes() {
            let has_success = r
                .operation
                .and_then(|i| sw.operations.get(i))
                .and_then(|op| op.get("responses"))
                .and_then(Value::as_object)
                .is_some_and(|m| m.keys().any(|k| k.starts_with('2')));
            if r.key == "default" && has_success {
                let (v, _) = sw.resolve_or_self(r.value, &r.pointer);
                if v.get("schema").is_some() {
                    let at = if r.value.get("schema").is_some() {
                        join(&r.pointer, "schema")
                    } else {
                        r.pointer.clone()
                    };
                    sink.emit(at, "'default' response should not have schema definition");
                }
            }
        }
    },
};

/// Whether a schema says nothing (`{}` or only a description/title).
fn empty_schema(v: &Value) -> bool {
    v.as_object().is_some_and(|m| {
        m.keys()
            .all(|k| matches!(k.as_str(), "description" | "title" | "x-ms-summary"))
    })
}

pub static SCHEMA_DEFINITION_SET_INCORRECTLY: Rule = Rule {
    code: "SchemaDefinitionSetIncorrectly",
    severity: Severity::Warning,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A trigger without an output schema, or a success response with an empty schema",
    explanation: "The designer shows an operation's outputs from the schema of its success \
response (for webhook triggers, from the path's `x-ms-notification-content`). A trigger without \
one gives the flow nothing to use, and an empty schema (`\"schema\": {}`) hides the outputs \
while claiming there are some. Describe the body exactly, or, for a response without a body \
(204), omit `schema` altogether. Operations with `x-ms-dynamic-schema` are exempt.\n\n\
Calibration: an action whose 200 response has no schema at all is not reported — many certified \
actions legitimately return nothing users need — only triggers without outputs and 2xx schemas \
that are empty objects.",
    source: SV,
    check: |cx, sink| {
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for op in &sw.operations {
            if !op.value.is_object() || op.is_deprecated() {
                continue;
            }
            let Some(responses) = op.get("responses").and_then(Value::as_object) else {
                continue;
            };
            let base = join(&op.pointer, "responses");
            let mut any_schema = false;
            for (k, r) in responses {
                if !k.starts_with('2') {
                    continue;
                }
                let rp = join(&base, k);
                let (rv, rptr) = sw.resolve_or_self(r, &rp);
                if let Some(s) = rv.get("schema") {
                    any_schema = true;
                    let sp = join(&rptr, "schema");
                    let (sv, _) = sw.resolve_or_self(s, &sp);
                    if empty_schema(sv) && sv.get("x-ms-dynamic-schema").is_none() {
                        sink.emit(
                            sp,
                            format!(
                                "the {k} response of {} has an empty schema: describe the body or remove `schema`",
                                op.label()
                            ),
                        );
                    }
                }
            }
            if op.is_trigger() && !any_schema {
                let notif = op
                    .path_item
                    .get("x-ms-notification-content")
                    .and_then(|n| n.get("schema"));
                if notif.is_none() {
                    sink.emit(
                        op.pointer.clone(),
                        format!(
                            "trigger {} has no output schema (on a 2xx response or in the path's x-ms-notification-content)",
                            op.label()
                        ),
                    );
                }
            }
        }
    },
};

pub static FIELD_LENGTH_EXCEEDED: Rule = Rule {
    code: "FieldLengthExceeded",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some("The 'title' value goes over the character limit '30'"),
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "`info.title` over 30 characters, or an `x-ms-summary` over 80",
    explanation: "The connector title is shown on tiles and in lists and may be at most 30 \
characters; parameter and property display names (`x-ms-summary`) at most 80. Operation \
summaries have their own code, OperationSummaryTooLong.\n\nCalibration: the title limit is \
observed validator output and stays an error; the 80-character `x-ms-summary` limit comes from \
the string guidance only, and certified connectors changed in 2024 (Impower, Revizto) carry \
longer ones, so it is reported as a warning (errors on connectors changed in 2024: 2 before, 0 \
after).\n\nBad: `\"title\": \"Contoso Task \
Management Platform Connector\"`  Good: `\"title\": \"Contoso Tasks\"`",
    source: SV,
    check: |cx, sink| {
        if let Some(t) = info(cx)
            .and_then(|i| i.get("title"))
            .and_then(Value::as_str)
            && chars(t.trim()) > TITLE_MAX
        {
            sink.emit(
                "/info/title",
                format!(
                    "'title' value goes over the character limit '{TITLE_MAX}' ({} characters)",
                    chars(t.trim())
                ),
            );
        }
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        let summaries = (sw.param_nodes().iter().map(|p| (&p.pointer, p.value)))
            .chain(sw.schema_nodes().iter().map(|s| (&s.pointer, s.value)))
            .chain(sw.response_nodes().iter().map(|r| (&r.pointer, r.value)));
        for (ptr, v) in summaries {
            if let Some(s) = v.get("x-ms-summary").and_then(Value::as_str)
                && chars(s) > SUMMARY_MAX
            {
                sink.emit_with(
                    Severity::Warning,
                    FileKind::Definition,
                    join(ptr, "x-ms-summary"),
                    format!(
                        "'x-ms-summary' value goes over the character limit '{SUMMARY_MAX}' ({} characters)",
                        chars(s)
                    ),
                );
            }
        }
    },
};

pub static FIELD_LENGTH_NOT_IN_RANGE: Rule = Rule {
    code: "FieldLengthNotInRange",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some("The 'description' value must be between '30' and '500' characters."),
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "`info.description` shorter than 30 or longer than 500 characters",
    explanation: "The connector description is shown on the connector's page and in the \
catalogue; certification wants 30 to 500 characters: a real sentence or two about what the \
service does and what the connector offers. An empty description is reported as \
RequiredValueEmpty instead.",
    source: SV,
    check: |cx, sink| {
        if let Some(d) = info(cx)
            .and_then(|i| i.get("description"))
            .and_then(Value::as_str)
        {
            let n = chars(d.trim());
            let (lo, hi) = DESCRIPTION_RANGE;
            if n > 0 && !(lo..=hi).contains(&n) {
                sink.emit(
                    "/info/description",
                    format!(
                        "'description' value must be between '{lo}' and '{hi}' characters (it has {n})"
                    ),
                );
            }
        }
    },
};

pub static REQUIRED_VALUE_EMPTY: Rule = Rule {
    code: "RequiredValueEmpty",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "A field certification requires is present but empty",
    explanation: "An empty string satisfies \"the key exists\" but tells the user nothing. \
Checked: the connector's title, description and contact fields, the metadata values, each \
shown operation's `summary` and `description`, each shown parameter's `x-ms-summary` and \
`description`, and each response's `description`. Write real text, or remove an optional key.\n\n\
Evidence: an empty parameter or response text is a **warning**: Microsoft's pipeline requires \
the key (\"The 'x-ms-summary' property is required\", PRs #3407, #2662) but lets an empty value \
through: validated merges of 23 connectors (2020–2024, 14 of them more than once, e.g. LawVu, \
Actsoft, CardsForPowerApps) had empty parameter or response descriptions. Empty connector, \
metadata and operation texts stay errors (they fail the length and required-text checks).\n\n\
Bad: `\"description\": \"\"`  Good: `\"description\": \"The task identifier.\"`",
    source: SV,
    check: |cx, sink| {
        let Some(r) = root(cx) else { return };
        let empty = |v: Option<&Value>| {
            v.and_then(Value::as_str)
                .is_some_and(|s| s.trim().is_empty())
        };
        let flag = |v: &Value, at: &str, key: &str, sink: &mut Sink<'_>| {
            if empty(v.get(key)) {
                sink.emit(join(at, key), format!("'{key}' must not be empty"));
            }
        };
        if let Some(i) = r.get("info") {
            flag(i, "/info", "title", sink);
            flag(i, "/info", "description", sink);
            if let Some(c) = i.get("contact") {
                for k in ["name", "url", "email"] {
                    flag(c, "/info/contact", k, sink);
                }
            }
        }
        if let Some(entries) = metadata(cx) {
            for e in entries {
                if empty(e.value) {
                    sink.emit(
                        join(&e.pointer, "propertyValue"),
                        "'propertyValue' must not be empty",
                    );
                }
            }
        }
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for op in &sw.operations {
            if shown(op) {
                flag(op.value, &op.pointer, "summary", sink);
                flag(op.value, &op.pointer, "description", sink);
            }
        }
        // Calibration: parameters of internal operations are never shown (2 connectors
        // changed in 2024 had empty texts only there). Empty parameter and response texts are
        // tolerated by the pipeline (validated merges of 23 connectors): warnings.
        let tolerated = |v: &Value, at: &str, key: &str, sink: &mut Sink<'_>| {
            if empty(v.get(key)) {
                sink.emit_with(
                    Severity::Warning,
                    FileKind::Definition,
                    join(at, key),
                    format!(
                        "'{key}' is empty: the pipeline lets an empty value through, but makers \
                         see no text here"
                    ),
                );
            }
        };
        for p in sw.shown_params() {
            tolerated(p.value, &p.target, "x-ms-summary", sink);
            tolerated(p.value, &p.target, "description", sink);
        }
        for resp in sw.response_nodes() {
            tolerated(resp.value, &resp.pointer, "description", sink);
        }
    },
};

static TITLE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(api|connector)\b").expect("valid regex"));
static PRODUCT_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(power\s*apps|power\s*automate|logic\s*apps|copilot\s*studio)\b")
        .expect("valid regex")
});

pub static VALUE_CONTAINS_RESTRICTED_WORDS: Rule = Rule {
    code: "ValueContainsRestrictedWords",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some(
        "The value 'title' contains at least one of the restricted words: 'api, connector'.",
    ),
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "The title says API or Connector, or the description names a Power Platform product",
    explanation: "The connector's name is the service's name: the words `API` and `Connector` \
add nothing (every connector is one) and are refused in `info.title`. The description must not \
name the products that host connectors (Power Apps, Power Automate, Logic Apps, Copilot Studio): \
the same text is shown in all of them. Words are matched whole and ignoring case, so `Rapid` or \
`APIs` are not flagged.\n\nBad: `\"title\": \"Contoso API Connector\"`  Good: `\"title\": \
\"Contoso\"`",
    source: SV,
    check: |cx, sink| {
        let Some(i) = info(cx) else { return };
        if let Some(t) = i.get("title").and_then(Value::as_str) {
            let words: Vec<String> = TITLE_WORDS
                .find_iter(t)
                .map(|m| m.as_str().to_lowercase())
                .collect();
            if !words.is_empty() {
                sink.emit(
                    "/info/title",
                    format!(
                        "'title' contains restricted words: '{}' (restricted: 'api, connector')",
                        words.join(", ")
                    ),
                );
            }
        }
        if let Some(d) = i.get("description").and_then(Value::as_str) {
            let words: Vec<String> = PRODUCT_NAMES
                .find_iter(d)
                .map(|m| m.as_str().to_lowercase())
                .collect();
            if !words.is_empty() {
                sink.emit(
                    "/info/description",
                    format!(
                        "'description' contains restricted words: '{}' (restricted: 'power apps, power automate, logic apps, copilot studio')",
                        words.join(", ")
                    ),
                );
            }
        }
    },
};

/// Whether a letter belongs to the Latin script (ASCII, Latin-1, Latin Extended).
fn latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c)
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// The conservative "not English" test: at least 3 letters, and most of them outside the
/// Latin script (Cyrillic, Greek, CJK, Arabic, Hebrew, Thai, Hangul…).
pub fn mostly_non_latin(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let other = s
        .chars()
        .filter(|c| c.is_alphabetic() && !latin_letter(*c))
        .count();
    letters >= 3 && other * 2 > letters
}

pub static VALUE_MUST_BE_IN_ENGLISH: Rule = Rule {
    code: "ValueMustBeInEnglish",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "A user-facing text is written in a non-Latin script",
    explanation: "Certified connectors are written in English; Microsoft translates the strings \
itself. connkit cannot tell English from French or German reliably offline, so it uses a \
deliberately conservative heuristic that only catches clear cases: a text (the title, the \
description, an operation's summary or description, a parameter's `x-ms-summary` or \
`description`) whose letters are mostly outside the Latin alphabet (Cyrillic, Greek, Chinese, \
Japanese, Korean, Arabic, Hebrew, Thai, …). Accented Latin letters and single foreign words \
(a product name, a place) never trigger it.\n\nBad: `\"summary\": \"Получить задачу\"`  Good: \
`\"summary\": \"Get a task\"`",
    source: SV,
    check: |cx, sink| {
        let Some(r) = root(cx) else { return };
        let check = |v: &Value, at: &str, key: &str, sink: &mut Sink<'_>| {
            if let Some(s) = v.get(key).and_then(Value::as_str)
                && mostly_non_latin(s)
            {
                sink.emit(
                    join(at, key),
                    format!("'{key}' does not look like English text: '{}'", clip(s)),
                );
            }
        };
        if let Some(i) = r.get("info") {
            check(i, "/info", "title", sink);
            check(i, "/info", "description", sink);
        }
        let Some(sw) = cx.swagger.as_ref() else {
            return;
        };
        for op in &sw.operations {
            check(op.value, &op.pointer, "summary", sink);
            check(op.value, &op.pointer, "description", sink);
        }
        for p in sw.param_nodes() {
            check(p.value, &p.pointer, "x-ms-summary", sink);
            check(p.value, &p.pointer, "description", sink);
        }
    },
};

fn clip(s: &str) -> String {
    if chars(s) > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

pub static VALUE_MUST_END_WITH_ALPHANUMERIC: Rule = Rule {
    code: "ValueMustEndWithAlphanumeric",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "The title or an operation summary ends with punctuation or white space",
    explanation: "Titles and action names are labels, not sentences: they must end with a \
letter or digit — no full stop, colon, trailing space or line break.\n\nCalibration: a closing \
parenthesis or bracket is accepted: Microsoft's own convention appends `(deprecated)` to \
summaries, and connectors changed in 2024 passed with titles such as `Revizto (Ireland)` and \
`Airtable [DEPRECATED]` (errors on connectors changed in 2024: 2 before, 0 after).\n\nBad: `\"summary\": \"Get a task.\"`  Good: `\"summary\": \"Get a task\"`",
    source: SV,
    check: |cx, sink| {
        if let Some(t) = info(cx)
            .and_then(|i| i.get("title"))
            .and_then(Value::as_str)
            && let Some(c) = t.chars().last()
            && !c.is_alphanumeric()
            && !matches!(c, ')' | ']')
        {
            sink.emit(
                "/info/title",
                format!("'title' must end with a letter or digit, not {c:?}"),
            );
        }
        for op in ops(cx) {
            if let Some(s) = op.get("summary").and_then(Value::as_str)
                && let Some(c) = s.chars().last()
                && !c.is_alphanumeric()
                && !matches!(c, ')' | ']')
            {
                sink.emit(
                    join(&op.pointer, "summary"),
                    format!(
                        "summary of {} must end with a letter or digit, not {c:?}",
                        op.label()
                    ),
                );
            }
        }
    },
};

static PASCAL_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][A-Za-z0-9]*(_[Vv][0-9]+)?$").expect("valid regex"));

pub static OPERATION_ID_NOT_PASCAL_CASE: Rule = Rule {
    code: "OperationIdNotPascalCase",
    severity: Severity::Info,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "An operationId is not PascalCase",
    explanation: "Microsoft's coding standards ask for PascalCase operationIds without `-` or \
`_` between words (`GetMessages`, not `get_messages` or `getMessages`); the one accepted suffix \
is a revision marker such as `_V2`. This is a recommendation, so it is reported as info; an \
existing id must not be renamed in an update (that breaks flows).",
    source: STD,
    check: |cx, sink| {
        for op in ops(cx) {
            if let Some(id) = op.operation_id
                && !id.is_empty()
                && !PASCAL_ID.is_match(id)
            {
                sink.emit(
                    join(&op.pointer, "operationId"),
                    format!("operationId '{id}' is not PascalCase (e.g. 'GetTask', 'GetTask_V2')"),
                );
            }
        }
    },
};

/// Title Case: at least three words and every word longer than three letters capitalised.
fn title_case(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let long: Vec<&&str> = words
        .iter()
        .skip(1)
        .filter(|w| w.chars().count() > 3 && w.chars().all(char::is_alphabetic))
        .collect();
    words.len() >= 3
        && long.len() >= 2
        && long.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && !cs.all(char::is_uppercase)
        })
}

pub static SUMMARY_NOT_SENTENCE_CASE: Rule = Rule {
    code: "SummaryNotSentenceCase",
    severity: Severity::Info,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "An operation summary is written in Title Case",
    explanation: "The string guidance asks for sentence case in operation summaries (only the \
first word and proper nouns capitalised) and Title Case only in `x-ms-summary`. connkit flags a \
summary when every longer word after the first starts with a capital letter, which catches \
`Get All Project Tasks` but not `Get Contoso tasks`. A recommendation: reported as info.",
    source: SG,
    check: |cx, sink| {
        for op in ops(cx) {
            if let Some(s) = op.get("summary").and_then(Value::as_str)
                && title_case(s)
            {
                sink.emit(
                    join(&op.pointer, "summary"),
                    format!("summary '{s}' is Title Case; use sentence case"),
                );
            }
        }
    },
};

fn normalized(s: &str) -> String {
    s.trim().trim_end_matches('.').trim().to_lowercase()
}

pub static DESCRIPTION_SAME_AS_SUMMARY: Rule = Rule {
    code: "DescriptionSameAsSummary",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "An operation's description repeats its summary",
    explanation: "The summary names the action; the description is the tooltip that explains \
it. Reviewers send back connectors whose descriptions are copies of the summaries. Write a \
sentence that adds something (what is returned, what is required).\n\nBad: `\"summary\": \
\"Get a task\", \"description\": \"Get a task\"`  Good: `\"description\": \"Gets one task by its \
identifier, with its assignee and due date.\"`",
    source: STD,
    check: |cx, sink| {
        for op in ops(cx) {
            if !shown(op) {
                continue;
            }
            if let (Some(s), Some(d)) = (
                op.get("summary").and_then(Value::as_str),
                op.get("description").and_then(Value::as_str),
            ) && !s.trim().is_empty()
                && normalized(s) == normalized(d)
            {
                sink.emit(
                    join(&op.pointer, "description"),
                    format!("description of {} repeats its summary", op.label()),
                );
            }
        }
    },
};

pub static TRIGGER_SUMMARY_WORDING: Rule = Rule {
    code: "TriggerSummaryWording",
    severity: Severity::Info,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "A trigger's summary does not start with \"When\"",
    explanation: "Triggers are named by the event that starts the flow: \"When a task is \
created\", \"When an item is modified\". The string guidance asks for this wording so users can \
tell triggers from actions at a glance. A recommendation: reported as info.",
    source: SG,
    check: |cx, sink| {
        for op in ops(cx) {
            if !op.is_trigger() || !shown(op) {
                continue;
            }
            if let Some(s) = op.get("summary").and_then(Value::as_str)
                && !s.trim().is_empty()
                && !s.trim_start().to_lowercase().starts_with("when ")
            {
                sink.emit(
                    join(&op.pointer, "summary"),
                    format!("trigger summary '{s}' should start with \"When\" (e.g. \"When a task is created\")"),
                );
            }
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

    const OP: &str = "/paths/~1tasks~1{taskId}/get";

    fn cert() -> Value {
        patch(
            minimal(),
            json!({"x-ms-connector-metadata": [
                {"propertyName": "Website", "propertyValue": "https://contoso.com"},
                {"propertyName": "Privacy Policy", "propertyValue": "https://contoso.com/privacy"},
                {"propertyName": "Categories", "propertyValue": "Productivity;Data"}
            ]}),
        )
    }

    fn op_patch(p: Value) -> Value {
        patch(cert(), json!({"paths": {"/tasks/{taskId}": {"get": p}}}))
    }

    fn c(rule: &'static Rule, def: Value) -> Vec<crate::rules::Finding> {
        run_profile(rule, def, Profile::Certified)
    }

    #[test]
    fn clean_definition_passes_every_content_rule() {
        for r in RULES {
            assert!(c(r, cert()).is_empty(), "{}: {:?}", r.code, c(r, cert()));
            assert!(
                run_profile(r, cert(), Profile::IndependentPublisher).is_empty(),
                "{}",
                r.code
            );
        }
    }

    #[test]
    fn any_json_value_anywhere_is_tolerated() {
        let odd = [
            json!(null),
            json!(1),
            json!("x"),
            json!([1, {}]),
            json!({"a": []}),
        ];
        let spots = [
            "",
            "/info",
            "/info/title",
            "/info/contact",
            "/info/contact/email",
            "/x-ms-connector-metadata",
            "/x-ms-connector-metadata/0",
            "/x-ms-connector-metadata/2/propertyValue",
            "/paths",
            OP,
            &format!("{OP}/summary"),
            &format!("{OP}/responses"),
            &format!("{OP}/responses/200"),
            &format!("{OP}/parameters/0"),
            "/definitions/Task",
        ];
        for spot in spots {
            for v in &odd {
                let mut d = cert();
                match d.pointer_mut(spot) {
                    Some(slot) => *slot = v.clone(),
                    None => continue,
                }
                for r in RULES
                    .iter()
                    .copied()
                    .chain(crate::rules::docs::RULES.iter().copied())
                {
                    let f = c(r, d.clone());
                    assert!(
                        f.iter().all(|x| x.code != "InternalError"),
                        "{} at {spot} = {v}",
                        r.code
                    );
                }
            }
        }
    }

    #[test]
    fn summary_length_and_characters() {
        let long = "a".repeat(81);
        let f = c(
            &OPERATION_SUMMARY_TOO_LONG,
            op_patch(json!({"summary": long})),
        );
        assert_eq!(pointers(&f), vec![format!("{OP}/summary")]);
        assert!(
            c(
                &OPERATION_SUMMARY_TOO_LONG,
                op_patch(json!({"summary": "a".repeat(80)}))
            )
            .is_empty()
        );
        let f = c(
            &RESTRICTED_CHARACTERS_IN_SUMMARY,
            op_patch(json!({"summary": "Create/update a task?"})),
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("[/?]"));
    }

    #[test]
    fn metadata_entries_and_categories() {
        let def = patch(
            cert(),
            json!({"x-ms-connector-metadata": [
                {"propertyName": "website", "propertyValue": "https://contoso.com"},
                {"propertyName": "Categories", "propertyValue": "productivity;Project Management;AI"}
            ]}),
        );
        let f = c(&CONNECTOR_METADATA_PROPERTIES_MISSING, def.clone());
        assert_eq!(f.len(), 1);
        // Member keys in another case are accepted, as the validator does.
        let pascal = patch(
            cert(),
            json!({"x-ms-connector-metadata": [
                {"PropertyName": "Website", "PropertyValue": "https://contoso.com"},
                {"PropertyName": "Privacy policy", "PropertyValue": "https://contoso.com/p"},
                {"PropertyName": "Categories", "PropertyValue": "Data"}
            ]}),
        );
        assert!(c(&CONNECTOR_METADATA_PROPERTIES_MISSING, pascal).is_empty());
        assert!(f[0].message.contains("Privacy policy"));
        let f = c(&INVALID_CONNECTOR_CATEGORY, def.clone());
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("Project Management"));
        assert_eq!(
            pointers(&c(&TOO_MANY_CONNECTOR_CATEGORIES, def)),
            vec!["/x-ms-connector-metadata/1/propertyValue"]
        );
    }

    #[test]
    fn contact_email_and_urls() {
        let def = patch(
            cert(),
            json!({"info": {"contact": {"email": "mailto:a@b.com", "url": "www.contoso.com"}}}),
        );
        assert_eq!(
            pointers(&c(&CONTACT_EMAIL_NOT_VALID, def.clone())),
            vec!["/info/contact/email"]
        );
        assert_eq!(pointers(&c(&URL_NOT_VALID, def)), vec!["/info/contact/url"]);
        assert!(valid_email("first.last+tag@sub.contoso.co.uk"));
        assert!(!valid_email("a@b"));
        assert!(valid_url("https://contoso.com/privacy?x=1"));
        assert!(!valid_url("https://"));
        assert!(!valid_url("ftp://contoso.com"));
    }

    #[test]
    fn default_response_schema() {
        let def = op_patch(
            json!({"responses": {"default": {"description": "x", "schema": {"type": "object"}}}}),
        );
        assert_eq!(
            pointers(&c(&DEFAULT_RESPONSE_HAS_SCHEMA, def)),
            vec![format!("{OP}/responses/default/schema")]
        );
        // `default` as the only response is the success response: not reported.
        let mut only = cert();
        only.pointer_mut(OP).unwrap()["responses"] =
            json!({"default": {"description": "x", "schema": {"type": "object"}}});
        assert!(c(&DEFAULT_RESPONSE_HAS_SCHEMA, only).is_empty());
    }

    #[test]
    fn output_schemas() {
        let mut def = cert();
        def.pointer_mut(&format!("{OP}/responses/200")).unwrap()["schema"] = json!({});
        assert_eq!(
            pointers(&c(&SCHEMA_DEFINITION_SET_INCORRECTLY, def)),
            vec![format!("{OP}/responses/200/schema")]
        );
        let trig = op_patch(
            json!({"x-ms-trigger": "single", "responses": {"200": {"description": "OK", "schema": null}}}),
        );
        assert_eq!(
            pointers(&c(&SCHEMA_DEFINITION_SET_INCORRECTLY, trig)),
            vec![OP.to_string()]
        );
        // No body at all on an action is fine.
        let none = op_patch(json!({"responses": {"200": {"description": "OK", "schema": null}}}));
        assert!(c(&SCHEMA_DEFINITION_SET_INCORRECTLY, none).is_empty());
    }

    #[test]
    fn lengths() {
        let def = patch(
            cert(),
            json!({"info": {"title": "A title that is much longer than thirty", "description": "Too short."}}),
        );
        assert_eq!(
            pointers(&c(&FIELD_LENGTH_EXCEEDED, def.clone())),
            vec!["/info/title"]
        );
        assert_eq!(
            pointers(&c(&FIELD_LENGTH_NOT_IN_RANGE, def)),
            vec!["/info/description"]
        );
        let mut def = cert();
        def.pointer_mut(&format!("{OP}/parameters/0")).unwrap()["x-ms-summary"] =
            json!("x".repeat(81));
        let f = c(&FIELD_LENGTH_EXCEEDED, def);
        assert_eq!(
            pointers(&f),
            vec![format!("{OP}/parameters/0/x-ms-summary")]
        );
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn empty_values() {
        let mut def = patch(cert(), json!({"info": {"contact": {"url": " "}}}));
        def.pointer_mut(&format!("{OP}/parameters/0")).unwrap()["description"] = json!("");
        let f = c(&REQUIRED_VALUE_EMPTY, def.clone());
        assert_eq!(
            pointers(&f),
            vec![
                "/info/contact/url".to_string(),
                format!("{OP}/parameters/0/description")
            ]
        );
        // Internal parameters are not shown: no text needed.
        def.pointer_mut(&format!("{OP}/parameters/0")).unwrap()["x-ms-visibility"] =
            json!("internal");
        assert_eq!(c(&REQUIRED_VALUE_EMPTY, def).len(), 1);
    }

    #[test]
    fn restricted_words() {
        let def = patch(
            cert(),
            json!({"info": {"title": "Contoso API Connector", "description": "Use Contoso from Power Automate and PowerApps in your flows."}}),
        );
        let f = c(&VALUE_CONTAINS_RESTRICTED_WORDS, def);
        assert_eq!(pointers(&f), vec!["/info/title", "/info/description"]);
        let ok = patch(
            cert(),
            json!({"info": {"title": "Rapid APIs", "description": "Automate the power of your applications with Contoso."}}),
        );
        assert!(c(&VALUE_CONTAINS_RESTRICTED_WORDS, ok).is_empty());
    }

    #[test]
    fn english_heuristic() {
        assert!(mostly_non_latin("Получить задачу"));
        assert!(mostly_non_latin("タスクを取得"));
        assert!(!mostly_non_latin("Créer une tâche"));
        assert!(!mostly_non_latin("Get the Zürich 東京 office"));
        let f = c(
            &VALUE_MUST_BE_IN_ENGLISH,
            op_patch(json!({"summary": "Получить задачу"})),
        );
        assert_eq!(pointers(&f), vec![format!("{OP}/summary")]);
    }

    #[test]
    fn ends_with_alphanumeric() {
        let def = patch(
            op_patch(json!({"summary": "Get a task."})),
            json!({"info": {"title": "Contoso "}}),
        );
        let f = c(&VALUE_MUST_END_WITH_ALPHANUMERIC, def);
        assert_eq!(
            pointers(&f),
            vec!["/info/title".to_string(), format!("{OP}/summary")]
        );
        let ok = patch(
            op_patch(json!({"summary": "Get a task (deprecated)"})),
            json!({"info": {"title": "Contoso [DEPRECATED]"}}),
        );
        assert!(c(&VALUE_MUST_END_WITH_ALPHANUMERIC, ok).is_empty());
    }

    #[test]
    fn style_lints() {
        let def = op_patch(
            json!({"operationId": "get_task", "summary": "Get All Project Tasks", "description": "Get all project tasks."}),
        );
        assert_eq!(c(&OPERATION_ID_NOT_PASCAL_CASE, def.clone()).len(), 1);
        assert!(
            c(
                &OPERATION_ID_NOT_PASCAL_CASE,
                op_patch(json!({"operationId": "GetTask_V2"}))
            )
            .is_empty()
        );
        assert_eq!(c(&SUMMARY_NOT_SENTENCE_CASE, def.clone()).len(), 1);
        assert_eq!(c(&DESCRIPTION_SAME_AS_SUMMARY, def).len(), 1);
        let trig = op_patch(json!({"x-ms-trigger": "single", "summary": "Task created"}));
        assert_eq!(c(&TRIGGER_SUMMARY_WORDING, trig).len(), 1);
        let trig = op_patch(json!({"x-ms-trigger": "single", "summary": "When a task is created"}));
        assert!(c(&TRIGGER_SUMMARY_WORDING, trig).is_empty());
    }
}
