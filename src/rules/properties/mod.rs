//! apiProperties.json: its shape (our own JSON Schema, `schemas/apiProperties.schema.json`),
//! brand colour, publisher, connection parameters, OAuth settings, policy templates, script
//! operations, and its agreement with the definition.

use std::sync::LazyLock;

use serde_json::Value;

use super::{Context, Profile, Rule, Sink};
use crate::model::FileKind;
use crate::model::pointer::{join, join_index};

pub(crate) const RULES: &[&Rule] = &[
    &PROPERTIES_SCHEMA_VIOLATION,
    &ICON_BRAND_COLOR_NOT_VALID,
    &ICON_BRAND_COLOR_NOT_ALLOWED,
    &PUBLISHER_REQUIRED,
    &STACK_OWNER_REQUIRED,
    &CONNECTION_PARAMETER_NAME_NOT_VALID,
    &CONNECTION_PARAMETER_TYPE_NOT_VALID,
    &TENANT_ID_PARAMETER_NOT_VALID,
    &OAUTH_SETTINGS_NOT_VALID,
    &OAUTH_REDIRECT_MODE_NOT_PER_CONNECTOR,
    &OAUTH_NOT_ALLOWED_FOR_INDEPENDENT_PUBLISHER,
    &CONNECTION_PARAMETERS_AND_SETS_BOTH_DEFINED,
    &POLICY_TEMPLATE_UNKNOWN,
    &POLICY_TEMPLATE_PARAMETER_MISSING,
    &POLICY_TEMPLATE_OPERATION_NOT_FOUND,
    &POLICY_TEMPLATE_PARAMETER_UNKNOWN,
    &POLICY_TEMPLATE_PARAMETER_VALUE_NOT_VALID,
    &POLICY_TEMPLATE_OPERATION_NAME_MISSING,
    &POLICY_EXPRESSION_FUNCTION_UNKNOWN,
    &POLICY_EXPRESSION_SYNTAX_ERROR,
    &POLICY_EXPRESSION_NOT_ALLOWED_HERE,
    &POLICY_EXPRESSION_INPUT_NOT_FOUND,
    &CONNECTION_PARAMETER_REFERENCE_NOT_FOUND,
    &SCRIPT_OPERATION_NOT_FOUND,
    &CAPABILITY_NOT_VALID,
    &AUTHENTICATION_TYPE_MISMATCH,
    &HOST_NOT_DEFINED,
    &PLACEHOLDER_VALUE,
];
const CS: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission";
const POL: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates";
const S_AP: &str = "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/paconn-apiProperties.schema.json";
const EXPRESSIONS: &str = catalog::EXPRESSIONS_PAGE;

/// Parse our JSON Schema for apiProperties.json now (see [`crate::rules::prepare`]).
pub(crate) fn prepare() {
    LazyLock::force(&SCHEMA);
}

/// The parsed apiProperties.json, when it is an object.
fn props_root<'a>(cx: &Context<'a>) -> Option<&'a Value> {
    cx.connector.properties_value().filter(|v| v.is_object())
}

/// `/properties`, when it is an object.
fn props<'a>(cx: &Context<'a>) -> Option<&'a Value> {
    props_root(cx)?.get("properties").filter(|v| v.is_object())
}

/// A connection parameter with the pointer where it is written.
struct ConnParam<'a> {
    pointer: String,
    name: &'a str,
    value: &'a Value,
}

/// Every connection parameter: `connectionParameters` and each set of
/// `connectionParameterSets`.
fn conn_params<'a>(cx: &Context<'a>) -> Vec<ConnParam<'a>> {
    let mut out = Vec::new();
    let Some(p) = props(cx) else { return out };
    let mut add = |map: Option<&'a Value>, base: String| {
        if let Some(m) = map.and_then(Value::as_object) {
            for (k, v) in m {
                out.push(ConnParam {
                    pointer: join(&base, k),
                    name: k,
                    value: v,
                });
            }
        }
    };
    add(
        p.get("connectionParameters"),
        "/properties/connectionParameters".into(),
    );
    if let Some(sets) = p
        .get("connectionParameterSets")
        .and_then(|s| s.get("values"))
        .and_then(Value::as_array)
    {
        for (i, s) in sets.iter().enumerate() {
            add(
                s.get("parameters"),
                format!("/properties/connectionParameterSets/values/{i}/parameters"),
            );
        }
    }
    out
}

fn str_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// A member by name ignoring ASCII case.
fn get_ci<'a>(v: &'a Value, key: &str) -> Option<(&'a str, &'a Value)> {
    v.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(k, v)| (k.as_str(), v))
}

/// `#rrggbb`
pub(crate) fn valid_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Parse `#rrggbb` into RGB.
pub(crate) fn parse_hex_color(s: &str) -> Option<[u8; 3]> {
    if !valid_hex_color(s) {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(s.get(i..i + 2)?, 16).ok();
    Some([c(1)?, c(3)?, c(5)?])
}

fn brand_color<'a>(cx: &Context<'a>) -> Option<&'a str> {
    props(cx).and_then(|p| str_at(p, "iconBrandColor"))
}

fn required_text(cx: &Context<'_>, sink: &mut Sink<'_>, key: &str, what: &str) {
    let Some(p) = props(cx) else { return };
    match p.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => {}
        Some(Value::String(_)) => sink.emit(
            join("/properties", key),
            format!("'{key}' must not be empty: {what}"),
        ),
        Some(_) => {} // PropertiesSchemaViolation
        None => sink.emit("/properties", format!("'{key}' is required: {what}")),
    }
}

/// Values `connkit init` (and common templates) write for the author to replace. Compared
/// case-insensitively with the whole trimmed value.
pub(crate) const PLACEHOLDERS: &[&str] = &[
    "publisher name",
    "service owner name",
    "your name",
    "your company",
    "company name",
    "todo",
    "tbd",
    "changeme",
];

/// Contact e-mail addresses templates write for the author to replace.
pub(crate) const PLACEHOLDER_EMAILS: &[&str] = &[
    "support@example.com",
    "email@example.com",
    "you@example.com",
    "name@example.com",
];

/// The three name shapes a connection parameter may have.
pub(crate) fn valid_param_name(name: &str) -> bool {
    let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    match name.split_once(':') {
        None => word(name),
        Some((a, b)) => word(a) && word(b),
    }
}

/// Connection parameter types the platform knows.
pub(crate) const PARAM_TYPES: [&str; 6] = [
    "string",
    "securestring",
    "int",
    "bool",
    "gatewaySetting",
    "oauthSetting",
];

/// The description the platform demands on `token:TenantId` (its typo included).
pub(crate) const TENANT_DESCRIPTION: &str =
    "The tenant ID of for the Azure Active Directory application";

fn oauth_settings<'a>(cx: &Context<'a>) -> Vec<(String, &'a Value)> {
    conn_params(cx)
        .into_iter()
        .filter_map(|p| {
            get_ci(p.value, "oAuthSettings")
                .filter(|(_, v)| v.is_object())
                .map(|(k, v)| (join(&p.pointer, k), v))
        })
        .collect()
}

pub(crate) use crate::policies::catalog::PARAM_PREFIX;
use crate::policies::catalog::{self, Kind, Template};
use crate::policies::expr::{self, Role};
use crate::policies::{Instance, Policies};

/// The policy template instances, read once per check.
fn policy_instances<'a>(cx: &Context<'a>) -> Vec<Instance<'a>> {
    Policies::from_properties(props_root(cx)).instances
}

/// A string a template evaluates as an expression (or must not), with where it is written.
struct PolicyString<'a> {
    template: &'static Template,
    /// The parameter key (`x-ms-apimTemplateParameter.value`).
    key: &'a str,
    /// Where the string is (the key, or a member of an object value).
    pointer: String,
    kind: Kind,
    text: &'a str,
}

/// Every string parameter of the documented instances with the kind its catalog entry gives
/// (an object parameter's string members too). Unknown keys are left out.
fn policy_strings<'a>(instances: &[Instance<'a>]) -> Vec<PolicyString<'a>> {
    let mut out = Vec::new();
    for inst in instances {
        let (Some(t), Some(params)) = (inst.template, inst.parameters) else {
            continue;
        };
        if !t.documented {
            continue;
        }
        for (key, v) in params {
            let Some(spec) = t.param_for_key(key) else {
                continue;
            };
            let pointer = inst.param_pointer(key);
            match (spec.kind, v) {
                (Kind::Object, Value::Object(m)) => {
                    for (k, member) in m {
                        if let Some(text) = member.as_str() {
                            out.push(PolicyString {
                                template: t,
                                key,
                                pointer: join(&pointer, k),
                                kind: Kind::Object,
                                text,
                            });
                        }
                    }
                }
                (kind, Value::String(text)) => out.push(PolicyString {
                    template: t,
                    key,
                    pointer,
                    kind,
                    text,
                }),
                _ => {}
            }
        }
    }
    out
}

/// Kinds whose strings are parsed as expressions.
fn is_expression(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Request | Kind::Value | Kind::BodyPath | Kind::TriggerPath | Kind::Object
    )
}

/// The functions a kind of parameter evaluates (None: it evaluates none).
fn allowed_roles(kind: Kind) -> Option<&'static [Role]> {
    match kind {
        Kind::Request => Some(&[
            Role::Header,
            Role::Query,
            Role::Connection,
            Role::Environment,
        ]),
        Kind::Value | Kind::BodyPath => Some(&[Role::Body, Role::Item]),
        Kind::TriggerPath => Some(&[Role::TriggerBody, Role::Body]),
        Kind::Object => Some(&[
            Role::TriggerBody,
            Role::Body,
            Role::Header,
            Role::Query,
            Role::Connection,
            Role::Environment,
        ]),
        Kind::Name | Kind::SubPath | Kind::Literal | Kind::Enum => None,
    }
}

/// Policy template instances with their pointers.
fn instances<'a>(cx: &Context<'a>) -> Vec<(String, &'a Value)> {
    props(cx)
        .and_then(|p| p.get("policyTemplateInstances"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .enumerate()
                .map(|(i, v)| (join_index("/properties/policyTemplateInstances", i), v))
                .collect()
        })
        .unwrap_or_default()
}

/// Every operationId of the definition, when it was parsed.
fn operation_ids<'a>(cx: &Context<'a>) -> Option<Vec<&'a str>> {
    let sw = cx.swagger.as_ref()?;
    Some(
        sw.operations
            .iter()
            .filter_map(|o| o.operation_id)
            .collect(),
    )
}

/// Capability strings the platform is known to use.
pub(crate) const CAPABILITIES: [&str; 6] = [
    "actions",
    "triggers",
    "gateway",
    "cloud only",
    "tabular",
    "federatedKnowledgeSource",
];
mod authentication_type_mismatch;
mod capability_not_valid;
mod connection_parameter_name_not_valid;
mod connection_parameter_reference_not_found;
mod connection_parameter_type_not_valid;
mod connection_parameters_and_sets_both_defined;
mod host_not_defined;
mod icon_brand_color_not_allowed;
mod icon_brand_color_not_valid;
mod oauth_not_allowed_for_independent_publisher;
mod oauth_redirect_mode_not_per_connector;
mod oauth_settings_not_valid;
mod placeholder_value;
mod policy_expression_function_unknown;
mod policy_expression_input_not_found;
mod policy_expression_not_allowed_here;
mod policy_expression_syntax_error;
mod policy_template_operation_name_missing;
mod policy_template_operation_not_found;
mod policy_template_parameter_missing;
mod policy_template_parameter_unknown;
mod policy_template_parameter_value_not_valid;
mod policy_template_unknown;
mod properties_schema_violation;
mod publisher_required;
mod script_operation_not_found;
mod stack_owner_required;
mod tenant_id_parameter_not_valid;

pub(crate) use authentication_type_mismatch::*;
pub(crate) use capability_not_valid::*;
pub(crate) use connection_parameter_name_not_valid::*;
pub(crate) use connection_parameter_reference_not_found::*;
pub(crate) use connection_parameter_type_not_valid::*;
pub(crate) use connection_parameters_and_sets_both_defined::*;
pub(crate) use host_not_defined::*;
pub(crate) use icon_brand_color_not_allowed::*;
pub(crate) use icon_brand_color_not_valid::*;
pub(crate) use oauth_not_allowed_for_independent_publisher::*;
pub(crate) use oauth_redirect_mode_not_per_connector::*;
pub(crate) use oauth_settings_not_valid::*;
pub(crate) use placeholder_value::*;
pub(crate) use policy_expression_function_unknown::*;
pub(crate) use policy_expression_input_not_found::*;
pub(crate) use policy_expression_not_allowed_here::*;
pub(crate) use policy_expression_syntax_error::*;
pub(crate) use policy_template_operation_name_missing::*;
pub(crate) use policy_template_operation_not_found::*;
pub(crate) use policy_template_parameter_missing::*;
pub(crate) use policy_template_parameter_unknown::*;
pub(crate) use policy_template_parameter_value_not_valid::*;
pub(crate) use policy_template_unknown::*;
pub(crate) use properties_schema_violation::*;
pub(crate) use publisher_required::*;
pub(crate) use script_operation_not_found::*;
pub(crate) use stack_owner_required::*;
pub(crate) use tenant_id_parameter_not_valid::*;

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    pub(super) fn good_props() -> Value {
        json!({"properties": {
            "connectionParameters": {"api_key": {"type": "securestring", "uiDefinition": {
                "displayName": "API Key", "description": "The key.", "tooltip": "Your key",
                "constraints": {"tabIndex": 2, "clearText": false, "required": "true"}}}},
            "iconBrandColor": "#4b2e83",
            "publisher": "Contoso",
            "stackOwner": "Contoso",
            "capabilities": ["actions"],
            "policyTemplateInstances": [{"templateId": "setheader", "title": "h", "parameters": {
                "x-ms-apimTemplateParameter.name": "X-A", "x-ms-apimTemplateParameter.value": "@connectionParameters('api_key')",
                "x-ms-apimTemplate-operationName": ["GetTask"]}}]
        }})
    }

    pub(super) fn def() -> Value {
        patch(
            minimal(),
            json!({"securityDefinitions": {"k": {"type": "apiKey", "in": "header", "name": "X-Key"}}}),
        )
    }

    /// A connector folder with [`def`] and these apiProperties.
    pub(super) fn with_props(p: Value) -> crate::model::Connector {
        connector_from(def(), Some(p))
    }

    pub(super) fn run_p(
        rule: &'static Rule,
        props: Value,
        profile: Profile,
    ) -> Vec<crate::rules::Finding> {
        run_on(rule, &connector_from(def(), Some(props)), profile)
    }

    pub(super) fn with(p: Value) -> Value {
        patch(good_props(), json!({"properties": p}))
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
            "/properties",
            "/properties/connectionParameters",
            "/properties/connectionParameters/api_key",
            "/properties/connectionParameters/api_key/uiDefinition",
            "/properties/policyTemplateInstances",
            "/properties/policyTemplateInstances/0",
            "/properties/policyTemplateInstances/0/parameters",
            "/properties/capabilities",
            "/properties/iconBrandColor",
            "/properties/scriptOperations",
        ];
        for spot in spots {
            for v in &odd {
                let mut p = good_props();
                match p.pointer_mut(spot) {
                    Some(slot) => *slot = v.clone(),
                    None => continue,
                }
                let c = connector_from(def(), Some(p));
                for r in RULES
                    .iter()
                    .copied()
                    .chain(crate::rules::icon::RULES.iter().copied())
                {
                    for profile in [
                        Profile::Certified,
                        Profile::IndependentPublisher,
                        Profile::Custom,
                    ] {
                        let f = run_on(r, &c, profile);
                        assert!(
                            f.iter().all(|x| x.code != "InternalError"),
                            "{} at {spot} = {v}",
                            r.code
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn good_properties_pass_every_rule() {
        for r in RULES {
            for profile in [Profile::Certified, Profile::Custom] {
                let f = run_p(r, good_props(), profile);
                assert!(f.is_empty(), "{}: {f:?}", r.code);
            }
        }
    }

    #[test]
    fn hex_colours() {
        assert_eq!(parse_hex_color("#4b2e83"), Some([0x4b, 0x2e, 0x83]));
        assert_eq!(parse_hex_color("#fff"), None);
    }
}
