//! Certification content of the definition: lengths, restricted words and characters,
//! connector metadata, contact, default responses, output schemas, English text, plus the
//! reviewers' style rules that have no official code.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::opkit::ops;
use super::{Context, Rule, Sink};
use crate::model::FileKind;
use crate::model::pointer::{join, join_index};
use crate::model::swagger::Operation;

pub(crate) const RULES: &[&Rule] = &[
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

const CS: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission";
const SG: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/connector-string-guidance";
const STD: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/coding-standards";

/// Longest operation summary and `x-ms-summary` (characters).
pub(crate) const SUMMARY_MAX: usize = 80;
/// Longest connector title (characters).
pub(crate) const TITLE_MAX: usize = 30;
/// Allowed connector description length (characters).
pub(crate) const DESCRIPTION_RANGE: (usize, usize) = (30, 500);
/// Most categories a connector may declare.
pub(crate) const MAX_CATEGORIES: usize = 2;

/// The categories certification accepts (compared case-insensitively).
pub(crate) const CATEGORIES: [&str; 19] = [
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

/// Characters the validator refuses in an operation summary.
pub(crate) const RESTRICTED_SUMMARY_CHARS: [char; 8] = ['/', '\\', '<', '>', '*', '%', '&', '?'];

/// A plain ASCII e-mail address (`name@domain.tld`).
pub(crate) fn valid_email(s: &str) -> bool {
    EMAIL.is_match(s)
}

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

/// An absolute http(s) URL with a host and no spaces.
pub(crate) fn valid_url(s: &str) -> bool {
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

/// The conservative "not English" test: at least 3 letters, and most of them outside the
/// Latin script (Cyrillic, Greek, CJK, Arabic, Hebrew, Thai, Hangul…).
pub(crate) fn mostly_non_latin(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let other = s
        .chars()
        .filter(|c| c.is_alphabetic() && !latin_letter(*c))
        .count();
    letters >= 3 && other * 2 > letters
}
mod connector_metadata_properties_missing;
mod contact_email_not_valid;
mod default_response_has_schema;
mod description_same_as_summary;
mod field_length_exceeded;
mod field_length_not_in_range;
mod invalid_connector_category;
mod operation_id_not_pascal_case;
mod operation_summary_too_long;
mod required_value_empty;
mod restricted_characters_in_summary;
mod schema_definition_set_incorrectly;
mod summary_not_sentence_case;
mod too_many_connector_categories;
mod trigger_summary_wording;
mod url_not_valid;
mod value_contains_restricted_words;
mod value_must_be_in_english;
mod value_must_end_with_alphanumeric;

pub(crate) use connector_metadata_properties_missing::*;
pub(crate) use contact_email_not_valid::*;
pub(crate) use default_response_has_schema::*;
pub(crate) use description_same_as_summary::*;
pub(crate) use field_length_exceeded::*;
pub(crate) use field_length_not_in_range::*;
pub(crate) use invalid_connector_category::*;
pub(crate) use operation_id_not_pascal_case::*;
pub(crate) use operation_summary_too_long::*;
pub(crate) use required_value_empty::*;
pub(crate) use restricted_characters_in_summary::*;
pub(crate) use schema_definition_set_incorrectly::*;
pub(crate) use summary_not_sentence_case::*;
pub(crate) use too_many_connector_categories::*;
pub(crate) use trigger_summary_wording::*;
pub(crate) use url_not_valid::*;
pub(crate) use value_contains_restricted_words::*;
pub(crate) use value_must_be_in_english::*;
pub(crate) use value_must_end_with_alphanumeric::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

    pub(super) const OP: &str = "/paths/~1tasks~1{taskId}/get";

    pub(super) fn cert() -> Value {
        patch(
            minimal(),
            json!({"x-ms-connector-metadata": [
                {"propertyName": "Website", "propertyValue": "https://contoso.com"},
                {"propertyName": "Privacy Policy", "propertyValue": "https://contoso.com/privacy"},
                {"propertyName": "Categories", "propertyValue": "Productivity;Data"}
            ]}),
        )
    }

    pub(super) fn op_patch(p: Value) -> Value {
        patch(cert(), json!({"paths": {"/tasks/{taskId}": {"get": p}}}))
    }

    pub(super) fn c(rule: &'static Rule, def: Value) -> Vec<crate::rules::Finding> {
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
    fn email_and_url_helpers() {
        assert!(valid_email("first.last+tag@sub.contoso.co.uk"));
        assert!(!valid_email("a@b"));
        assert!(valid_url("https://contoso.com/privacy?x=1"));
        assert!(!valid_url("https://"));
        assert!(!valid_url("ftp://contoso.com"));
    }
}
