//! apiProperties.json: its shape (our own JSON Schema, `schemas/apiProperties.schema.json`),
//! brand colour, publisher, connection parameters, OAuth settings, policy templates, script
//! operations, and its agreement with the definition (catalog §8).

use std::sync::LazyLock;

use serde_json::Value;

use super::{Context, Profile, Profiles, Rule, Severity, Sink};
use crate::model::FileKind;
use crate::model::pointer::{join, join_index};

pub const RULES: &[&Rule] = &[
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
    &CONNECTION_PARAMETER_REFERENCE_NOT_FOUND,
    &SCRIPT_OPERATION_NOT_FOUND,
    &CAPABILITY_NOT_VALID,
    &AUTHENTICATION_TYPE_MISMATCH,
    &HOST_NOT_DEFINED,
    &PLACEHOLDER_VALUE,
];

const PC: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/paconn-cli";
const CS: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission";
const CP: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/connection-parameters";
const POL: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates";
const S_AP: &str = "https://github.com/microsoft/PowerPlatformConnectors/blob/dev/schemas/paconn-apiProperties.schema.json";

/// Our JSON Schema for apiProperties.json, compiled once per process.
/// Compile the schema now (see [`crate::rules::prepare`]).
pub(crate) fn prepare() {
    LazyLock::force(&SCHEMA);
}

static SCHEMA: LazyLock<Option<jsonschema::Validator>> = LazyLock::new(|| {
    let text = include_str!("../../schemas/apiProperties.schema.json");
    let schema: Value = serde_json::from_str(text).ok()?;
    jsonschema::draft4::new(&schema).ok()
});

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

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() > n {
        format!("{}…", s.chars().take(n).collect::<String>())
    } else {
        s.to_string()
    }
}

pub static PROPERTIES_SCHEMA_VIOLATION: Rule = Rule {
    code: "PropertiesSchemaViolation",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "apiProperties.json does not have the expected shape",
    explanation: "connkit checks apiProperties.json against its own JSON Schema \
(`schemas/apiProperties.schema.json` in the connkit repository): a root object with only \
`properties` (and `$schema`); inside it `iconBrandColor` (required), `publisher`, `stackOwner`, \
`capabilities`, `connectionParameters`, `connectionParameterSets`, `policyTemplateInstances` and \
`scriptOperations`; each connection parameter an object with a `type`; `uiDefinition` fields of \
the right JSON types — notably `constraints.required` is the *string* `\"true\"`/`\"false\"` \
and `clearText` a boolean.\n\nCalibration: `null` is accepted for `uiDefinition` and \
`oAuthSettings.clientId`, as merged certified connectors use it (errors on connectors changed \
in 2024: 4 before, 1 after — the remaining one writes `\"required\": true`). Microsoft's pipeline validates the file the same way and prints \
errors such as \"Invalid type. Expected Boolean but got String.\". The meaning of the values \
(types, identity providers, templates) is checked by the other apiProperties rules.\n\nBad: \
`\"constraints\": {\"required\": true}`  Good: `\"constraints\": {\"required\": \"true\"}`\n\n\
Evidence: two shapes are **warnings**, the rest errors. Microsoft's apiProperties validator \
let unknown keys (script, StackOwner, token:clientId) and a boolean constraints.required \
through on validated merges of 11 connectors (Airmeet 2023, CardsForPowerApps 2023, \
Pipeliner CRM 2023, Azure Communication Services MMS 2024, …). Wrong types elsewhere are \
refused (\"Invalid type. Expected Boolean but got String.\").",
    source: S_AP,
    check: |cx, sink| {
        let Some(v) = cx.connector.properties_value() else {
            return;
        };
        let Some(validator) = SCHEMA.as_ref() else {
            return;
        };
        for e in validator.iter_errors(v).take(50) {
            let ptr = e.instance_path().as_str().to_string();
            let message = clip(&e.to_string(), 200);
            if tolerated_shape(e.kind(), &ptr) {
                sink.emit_with(
                    Severity::Warning,
                    FileKind::Properties,
                    ptr,
                    format!("{message} (Microsoft's validator lets this through)"),
                );
            } else {
                sink.emit(ptr, message);
            }
        }
    },
};

/// Schema violations Microsoft's apiProperties validator has let through on validated merges:
/// keys it does not know (`script`, `StackOwner`, `token:clientId`…) and a boolean
/// `uiDefinition.constraints.required`. The platform reads both (it ignores unknown keys and
/// takes `true` as `"true"`).
fn tolerated_shape(kind: &jsonschema::error::ValidationErrorKind, pointer: &str) -> bool {
    use jsonschema::error::ValidationErrorKind as K;
    match kind {
        K::AdditionalProperties { .. } => true,
        K::Type { .. } | K::Enum { .. } => pointer.ends_with("/uiDefinition/constraints/required"),
        _ => false,
    }
}

/// `#rrggbb`
pub fn valid_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Parse `#rrggbb` into RGB.
pub fn parse_hex_color(s: &str) -> Option<[u8; 3]> {
    if !valid_hex_color(s) {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(s.get(i..i + 2)?, 16).ok();
    Some([c(1)?, c(3)?, c(5)?])
}

fn brand_color<'a>(cx: &Context<'a>) -> Option<&'a str> {
    props(cx).and_then(|p| str_at(p, "iconBrandColor"))
}

pub static ICON_BRAND_COLOR_NOT_VALID: Rule = Rule {
    code: "IconBrandColorNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "`iconBrandColor` is not a `#rrggbb` colour",
    explanation: "The brand colour fills the tile behind the icon. It must be a hex colour with a \
leading `#` and six digits; CSS names or three-digit shorthands are not understood.\n\nBad: \
`\"iconBrandColor\": \"blue\"`  Good: `\"iconBrandColor\": \"#4b2e83\"`",
    source: PC,
    check: |cx, sink| {
        if let Some(c) = brand_color(cx)
            && !valid_hex_color(c.trim())
        {
            sink.emit(
                "/properties/iconBrandColor",
                format!("'{c}' is not a #rrggbb colour"),
            );
        }
    },
};

pub static ICON_BRAND_COLOR_NOT_ALLOWED: Rule = Rule {
    code: "IconBrandColorNotAllowed",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Properties,
    summary: "The brand colour is the default or white (certified), or not #da3b01 (independent publisher)",
    explanation: "Verified publishers use their brand's colour, which must match the icon's \
background; the platform default `#007ee5` and white `#ffffff` (any letter case) are refused by \
reviewers. Independent-publisher connectors all share the colour `#da3b01` (they get a generic \
icon).\n\nBad (certified): `\"iconBrandColor\": \"#007EE5\"`  Good (independent publisher): \
`\"iconBrandColor\": \"#da3b01\"`\n\n\
Evidence: a **warning** for reviewers, never seen by the pipeline's checks: 18 certified \
connectors were merged with '#FFFFFF' or the default '#007ee5' (e.g. DocuSign 2024, SignHost \
2024, Bloomflow 2023). Reviewers may still ask for the brand colour.",
    source: CS,
    check: |cx, sink| {
        let Some(c) = brand_color(cx) else { return };
        let lower = c.trim().to_ascii_lowercase();
        let ptr = "/properties/iconBrandColor";
        match cx.profile {
            Profile::Certified if lower == "#007ee5" || lower == "#ffffff" => sink.emit(
                ptr,
                format!(
                    "'{c}' is not allowed for a certified connector: use your brand colour (the icon's background)"
                ),
            ),
            Profile::IndependentPublisher if lower != "#da3b01" => sink.emit(
                ptr,
                format!("independent-publisher connectors must use '#da3b01', not '{c}'"),
            ),
            _ => {}
        }
    },
};

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

pub static PUBLISHER_REQUIRED: Rule = Rule {
    code: "PublisherRequired",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Properties,
    summary: "`publisher` is missing or empty",
    explanation: "Certification requires `publisher`: the company's full name for a verified \
publisher, the author's name (or several, comma-separated) for an independent publisher.\n\n\
Evidence: a **warning** for reviewers. The apiProperties validator does not enforce it: 3 \
connectors were merged without 'publisher' after the validator existed (Haiilo and personr, \
2023). Reviewers expect it on new submissions.",
    source: CS,
    check: |cx, sink| {
        required_text(
            cx,
            sink,
            "publisher",
            "the company (or, for independent publishers, the person) publishing the connector",
        )
    },
};

pub static STACK_OWNER_REQUIRED: Rule = Rule {
    code: "StackOwnerRequired",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Properties,
    summary: "`stackOwner` is missing or empty",
    explanation: "Certification requires `stackOwner`, the company that owns the service behind \
the connector (often the publisher itself for verified publishers). It is one of the most \
frequent review comments. Note that `paconn create`/`update` reject the key: keep it in the \
submitted file and strip it for local deployments.\n\nCalibration: kept as an error although 9 \
connectors changed in 2024 lack it (D7SMS, DocuSign, Revizto, …, mostly updates of older \
connectors): reviewers have asked for it on new submissions again and again, and it is one line \
to add. Second pass: demoted to a warning. Microsoft's tools do not block on it (9 of 106 \
certified/independent-publisher connectors changed in 2024 were merged without it), so an error \
would fail CI on connectors that pass certification; the warning still asks for the one line \
reviewers want.",
    source: CS,
    check: |cx, sink| {
        required_text(
            cx,
            sink,
            "stackOwner",
            "the company that owns the service behind the connector",
        )
    },
};

/// Values `connkit init` (and common templates) write for the author to replace. Compared
/// case-insensitively with the whole trimmed value.
pub const PLACEHOLDERS: &[&str] = &[
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
pub const PLACEHOLDER_EMAILS: &[&str] = &[
    "support@example.com",
    "email@example.com",
    "you@example.com",
    "name@example.com",
];

pub static PLACEHOLDER_VALUE: Rule = Rule {
    code: "PlaceholderValue",
    severity: Severity::Error,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Properties,
    summary: "A template placeholder (`Publisher name`, `support@example.com`, …) would reach Microsoft",
    explanation: "`connkit init` writes placeholders for the author to replace: `publisher` \
\"Publisher name\", `stackOwner` \"Service owner name\", and in the definition a contact named \
\"Publisher name\" at `support@example.com`. They are well-formed, so no other rule notices \
them, yet a package carrying them names nobody: reviewers send it back, and a merged connector \
would show them to every user. Reported in `publisher`, `stackOwner` and `info.contact` (name, \
email) when the value is one of the placeholders templates write (compared without case). \
Fictional sample addresses such as `jane.doe@example.com` are left alone: only the template \
values are certain to be unintended.",
    source: CS,
    check: |cx, sink| {
        let placeholder = |v: &str| {
            let t = v.trim().to_ascii_lowercase();
            PLACEHOLDERS.contains(&t.as_str())
        };
        if let Some(p) = props_root(cx).and_then(|r| r.get("properties")) {
            for key in ["publisher", "stackOwner"] {
                if let Some(v) = p.get(key).and_then(Value::as_str)
                    && placeholder(v)
                {
                    sink.emit(
                        join("/properties", key),
                        format!("'{key}' is still the placeholder \"{v}\": write the real name"),
                    );
                }
            }
        }
        let Some(def) = cx.connector.definition_value() else {
            return;
        };
        if let Some(contact) = def.pointer("/info/contact").and_then(Value::as_object) {
            for (k, v) in contact {
                let Some(v) = v.as_str() else { continue };
                let bad = match k.as_str() {
                    "name" => placeholder(v),
                    "email" => PLACEHOLDER_EMAILS.contains(&v.trim().to_ascii_lowercase().as_str()),
                    _ => false,
                };
                if bad {
                    sink.emit_in(
                        FileKind::Definition,
                        join("/info/contact", k),
                        format!("info.contact.{k} is still a placeholder (\"{v}\"): write the real contact"),
                    );
                }
            }
        }
    },
};

/// The three name shapes a connection parameter may have.
pub fn valid_param_name(name: &str) -> bool {
    let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    match name.split_once(':') {
        None => word(name),
        Some((a, b)) => word(a) && word(b),
    }
}

pub static CONNECTION_PARAMETER_NAME_NOT_VALID: Rule = Rule {
    code: "ConnectionParameterNameNotValid",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "A connection parameter name has characters other than letters, digits and `_`",
    explanation: "Connection parameter names are identifiers used in policy templates \
(`@connectionParameters('name')`) and by the runtime. A name is letters, digits and `_`; a \
sub-parameter of an OAuth parameter is written `parent:child` (e.g. `token:TenantId`).\n\nBad: \
`\"api-key\"`  Good: `\"api_key\"`\n\n\
Evidence: a **warning**. Microsoft's published schema forbids these names, but its validator \
does not enforce it: 3 connectors were merged validated with names such as x-Auth-Email \
(2024), and they work. Prefer identifiers: they are easier to use in policy templates.",
    source: S_AP,
    check: |cx, sink| {
        for p in conn_params(cx) {
            if !valid_param_name(p.name) {
                sink.emit(
                    p.pointer.clone(),
                    format!(
                        "connection parameter name '{}' is not valid: use letters, digits and '_' (or 'parent:child')",
                        p.name
                    ),
                );
            }
        }
    },
};

/// Connection parameter types the platform knows.
pub const PARAM_TYPES: [&str; 6] = [
    "string",
    "securestring",
    "int",
    "bool",
    "gatewaySetting",
    "oauthSetting",
];

pub static CONNECTION_PARAMETER_TYPE_NOT_VALID: Rule = Rule {
    code: "ConnectionParameterTypeNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "A connection parameter's `type` is not a known type",
    explanation: "A connection parameter is one of `string`, `securestring` (secrets: API keys, \
passwords), `int`, `bool`, `oauthSetting` (with `oAuthSettings`) or `gatewaySetting` (on-premises \
data gateway). An `oauthSetting` parameter needs an `oAuthSettings` object.\n\nCalibration: a \
type that differs only in letter case (`oAuthSetting`) is reported as a warning; one certified \
connector was merged with it.",
    source: S_AP,
    check: |cx, sink| {
        for p in conn_params(cx) {
            let Some(t) = str_at(p.value, "type") else {
                continue;
            };
            let ptr = join(&p.pointer, "type");
            if PARAM_TYPES.contains(&t) {
                if t == "oauthSetting" && get_ci(p.value, "oAuthSettings").is_none() {
                    sink.emit(
                        p.pointer.clone(),
                        format!("'{}' is an oauthSetting without oAuthSettings", p.name),
                    );
                }
            } else if PARAM_TYPES.iter().any(|k| k.eq_ignore_ascii_case(t)) {
                sink.emit_with(
                    Severity::Warning,
                    FileKind::Properties,
                    ptr,
                    format!(
                        "type '{t}' should be spelled as one of: {}",
                        PARAM_TYPES.join(", ")
                    ),
                );
            } else {
                sink.emit(
                    ptr,
                    format!(
                        "'{t}' is not a connection parameter type: use one of {}",
                        PARAM_TYPES.join(", ")
                    ),
                );
            }
        }
    },
};

/// The description the platform demands on `token:TenantId` (its typo included).
pub const TENANT_DESCRIPTION: &str = "The tenant ID of for the Azure Active Directory application";

pub static TENANT_ID_PARAMETER_NOT_VALID: Rule = Rule {
    code: "TenantIdParameterNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: Some("Invalid value for the description property within the UI Definition object."),
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "The `token:TenantId` parameter is not exactly the block the platform expects",
    explanation: "`token:TenantId` is a special parameter that lets an Azure AD connection pick \
the tenant. Microsoft's validator compares it with a fixed block and reports any difference — \
even in the description text, whose odd wording must be copied as is:\n\n```json\n\
\"token:TenantId\": {\n  \"type\": \"string\",\n  \"metadata\": {\"sourceType\": \
\"AzureActiveDirectoryTenant\"},\n  \"uiDefinition\": {\n    \"displayName\": \"Tenant\",\n    \
\"description\": \"The tenant ID of for the Azure Active Directory application\",\n    \
\"constraints\": {\"required\": \"false\", \"hidden\": \"true\"}\n  }\n}\n```\n\n\
Calibration: a wrong `type` or `metadata.sourceType` is an error (the parameter no longer \
works). Text and constraint differences are warnings, and an absent `displayName` or \
`description` is accepted: 8 certified connectors changed in 2024 omit both or word them \
differently (Tikit, Team Forms, OrbusInfinity, 3E Events, …), although Microsoft's validator has \
reported a differing description as Critical in the past (errors on connectors changed in 2024: \
8 before, 0 after).",
    source: S_AP,
    check: |cx, sink| {
        for p in conn_params(cx) {
            if p.name != "token:TenantId" {
                continue;
            }
            let v = p.value;
            let ui = v.get("uiDefinition");
            let c = ui.and_then(|u| u.get("constraints"));
            // (message, whether it breaks the parameter) ; text differences are warnings.
            let mut diffs: Vec<(&str, bool)> = Vec::new();
            if str_at(v, "type") != Some("string") {
                diffs.push(("type must be \"string\"", true));
            }
            if v.get("metadata").and_then(|m| str_at(m, "sourceType"))
                != Some("AzureActiveDirectoryTenant")
            {
                diffs.push((
                    "metadata.sourceType must be \"AzureActiveDirectoryTenant\"",
                    true,
                ));
            }
            if ui
                .and_then(|u| u.get("displayName"))
                .is_some_and(|d| d.as_str() != Some("Tenant"))
            {
                diffs.push(("uiDefinition.displayName should be \"Tenant\"", false));
            }
            if ui
                .and_then(|u| u.get("description"))
                .is_some_and(|d| d.as_str() != Some(TENANT_DESCRIPTION))
            {
                diffs.push(("uiDefinition.description should be exactly \"The tenant ID of for the Azure Active Directory application\"", false));
            }
            let flag = |k: &str| {
                c.and_then(|c| c.get(k)).map(|x| match x {
                    Value::String(s) => s.to_ascii_lowercase(),
                    other => other.to_string(),
                })
            };
            if flag("required").as_deref() != Some("false") {
                diffs.push((
                    "uiDefinition.constraints.required should be \"false\"",
                    false,
                ));
            }
            if flag("hidden").as_deref() != Some("true") {
                diffs.push(("uiDefinition.constraints.hidden should be \"true\"", false));
            }
            for (d, breaks) in diffs {
                let sev = if breaks {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                sink.emit_with(
                    sev,
                    FileKind::Properties,
                    p.pointer.clone(),
                    format!("token:TenantId: {d}"),
                );
            }
        }
    },
};

/// `customParameters` each identity provider accepts (compared ignoring case), and the
/// ones it requires.
fn idp_custom_parameters(idp: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match idp.to_ascii_lowercase().as_str() {
        "oauth2" => (&["authorizationUrl", "tokenUrl", "refreshUrl"][..], &[][..]),
        "oauth2generic" => (
            &[
                "authorizationUrlTemplate",
                "authorizationUrlQueryStringTemplate",
                "tokenUrlTemplate",
                "tokenUrlQueryStringTemplate",
                "tokenBodyTemplate",
                "refreshUrlTemplate",
                "refreshUrlQueryStringTemplate",
                "refreshBodyTemplate",
                "scopeListDelimiter",
            ][..],
            &[][..],
        ),
        "aad" => (
            &[
                "resourceUri",
                "loginUri",
                "tenantId",
                "enableOnbehalfOfLogin",
                "grantType",
                "loginUriAAD",
            ][..],
            &["resourceUri"][..],
        ),
        "aadcertificate" => (
            &["resourceUri", "loginUri", "loginUriAAD", "tenantId"][..],
            &["resourceUri"][..],
        ),
        _ => return None,
    })
}

const REDIRECT_MODES: [&str; 3] = ["Global", "Direct", "GlobalPerConnector"];

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

pub static OAUTH_SETTINGS_NOT_VALID: Rule = Rule {
    code: "OAuthSettingsNotValid",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "`oAuthSettings` does not fit its identity provider",
    explanation: "Each identity provider takes its own `customParameters`: `oauth2` the \
`authorizationUrl`, `tokenUrl` and `refreshUrl`; `oauth2generic` the URL and body templates \
(`authorizationUrlTemplate`, `tokenUrlTemplate`, …); `aad` a required `resourceUri` plus \
`loginUri`, `tenantId`; `aadcertificate` a required `resourceUri` and \
`properties.IsFirstParty: \"True\"` (first-party Microsoft apps only). `properties.IsFirstParty` \
is the string `\"True\"` or `\"False\"`, and `redirectMode` one of `Global`, `Direct`, \
`GlobalPerConnector`. Other identity providers (`facebook`, partner ones) are not checked.\n\n\
Calibration: parameter names are compared ignoring case (merged connectors write \
`AuthorizationUrl`), and `enableOnbehalfOfLogin`, `grantType` and `loginUriAAD` are accepted \
for `aad`, as merged certified connectors (several published by Microsoft) use them. Errors on \
connectors changed in 2024: 1 (an `oauth2` connector with a stray `RedirectUrl` custom \
parameter); that connector passed certification, so a custom parameter the identity provider \
does not use is now a warning (the platform ignores it), while a missing required one stays an \
error (2024 errors: 1 → 0).\n\n\
Evidence: aad with scopes and no resourceUri is accepted: the scopes name the resource on \
the v2 endpoint, and 3 connectors were merged validated so (Zellis 2023, …). aadcertificate \
without IsFirstParty is a warning: Microsoft's own Azure Communication Services SMS Events \
was merged validated without it (2022). A missing required parameter of another provider \
stays an error: the platform cannot sign users in.",
    source: S_AP,
    check: |cx, sink| {
        for (ptr, o) in oauth_settings(cx) {
            let Some(idp) = str_at(o, "identityProvider") else {
                continue; // schema
            };
            if let Some((allowed, required)) = idp_custom_parameters(idp) {
                let cp = o.get("customParameters");
                if let Some(m) = cp.and_then(Value::as_object) {
                    for k in m.keys() {
                        if !allowed.iter().any(|a| a.eq_ignore_ascii_case(k)) {
                            // Unused extra parameters are ignored by the platform: a warning
                            // (see Calibration); missing required ones stay errors.
                            sink.emit_with(
                                Severity::Warning,
                                FileKind::Properties,
                                join(&join(&ptr, "customParameters"), k),
                                format!(
                                    "customParameters '{k}' is not used by identity provider '{idp}' (allowed: {})",
                                    allowed.join(", ")
                                ),
                            );
                        }
                    }
                }
                // Scope-based `aad` (v2 endpoint) needs no resource: the scopes name it.
                let has_scopes = o
                    .get("scopes")
                    .and_then(Value::as_array)
                    .is_some_and(|s| s.iter().any(|v| v.as_str().is_some_and(|s| !s.is_empty())));
                for r in required {
                    if idp.eq_ignore_ascii_case("aad") && *r == "resourceUri" && has_scopes {
                        continue;
                    }
                    if cp.and_then(|c| get_ci(c, r)).is_none() {
                        sink.emit(
                            ptr.clone(),
                            format!("identity provider '{idp}' needs customParameters '{r}'"),
                        );
                    }
                }
            }
            let first_party = o.get("properties").and_then(|p| p.get("IsFirstParty"));
            if let Some(fp) = first_party
                && !matches!(fp.as_str(), Some("True" | "False" | "true" | "false"))
            {
                sink.emit(
                    join(&join(&ptr, "properties"), "IsFirstParty"),
                    "IsFirstParty must be the string \"True\" or \"False\"",
                );
            }
            if idp.eq_ignore_ascii_case("aadcertificate")
                && !first_party
                    .and_then(Value::as_str)
                    .is_some_and(|s| s.eq_ignore_ascii_case("true"))
            {
                sink.emit_with(
                    Severity::Warning,
                    FileKind::Properties,
                    ptr.clone(),
                    "aadcertificate is meant for first-party apps: properties.IsFirstParty is usually \"True\"",
                );
            }
            if let Some(m) = str_at(o, "redirectMode")
                && !REDIRECT_MODES.iter().any(|r| r.eq_ignore_ascii_case(m))
            {
                sink.emit(
                    join(&ptr, "redirectMode"),
                    format!("redirectMode '{m}' is not one of Global, Direct, GlobalPerConnector"),
                );
            }
        }
    },
};

pub static OAUTH_REDIRECT_MODE_NOT_PER_CONNECTOR: Rule = Rule {
    code: "OAuthRedirectModeNotPerConnector",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Properties,
    summary: "An OAuth connection does not use `redirectMode: GlobalPerConnector`",
    explanation: "Since 2024 Microsoft asks certified OAuth connectors to use a redirect URI of \
their own (`\"redirectMode\": \"GlobalPerConnector\"`) instead of the shared global one, and to \
register that per-connector URI in the OAuth app. Existing connectors are being moved over; new \
submissions are expected to use it.\n\nCalibration: a warning, not an error: 106 merged OAuth \
connectors still use `Global`, and Microsoft's own validator refused `GlobalPerConnector` until \
late 2023.",
    source: "https://github.com/microsoft/PowerPlatformConnectors/pull/3162",
    check: |cx, sink| {
        for (ptr, o) in oauth_settings(cx) {
            let m = str_at(o, "redirectMode");
            if m.is_none_or(|m| !m.eq_ignore_ascii_case("GlobalPerConnector")) {
                sink.emit(
                    match m {
                        Some(_) => join(&ptr, "redirectMode"),
                        None => ptr.clone(),
                    },
                    "use \"redirectMode\": \"GlobalPerConnector\" and register the per-connector redirect URI in your OAuth app",
                );
            }
        }
    },
};

pub static OAUTH_NOT_ALLOWED_FOR_INDEPENDENT_PUBLISHER: Rule = Rule {
    code: "OAuthNotAllowedForIndependentPublisher",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::INDEPENDENT_PUBLISHER,
    file: FileKind::Properties,
    summary: "An independent-publisher connector uses OAuth",
    explanation: "Since September 2025 Microsoft's certification team does not accept new \
independent-publisher connectors that sign in with OAuth: use an API key or basic \
authentication. Existing OAuth connectors keep working.\n\nCalibration: a warning, because the \
policy is stated in pull-request reviews rather than in the documentation and many merged \
independent-publisher connectors predate it.",
    source: "https://github.com/microsoft/PowerPlatformConnectors/pull/3939",
    check: |cx, sink| {
        for p in conn_params(cx) {
            if str_at(p.value, "type").is_some_and(|t| t.eq_ignore_ascii_case("oauthSetting")) {
                sink.emit(
                    p.pointer.clone(),
                    "new independent-publisher connectors may not use OAuth: use an API key or basic authentication",
                );
            }
        }
    },
};

pub static CONNECTION_PARAMETERS_AND_SETS_BOTH_DEFINED: Rule = Rule {
    code: "ConnectionParametersAndSetsBothDefined",
    severity: Severity::Warning,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "Both `connectionParameters` and `connectionParameterSets` are defined",
    explanation: "`connectionParameterSets` (several ways to sign in) replaces \
`connectionParameters`; with both, it is unclear which one the platform uses. Keep the sets and \
remove the plain parameters (an empty `connectionParameters: {}` is tolerated).",
    source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/multi-auth",
    check: |cx, sink| {
        let Some(p) = props(cx) else { return };
        let plain = p
            .get("connectionParameters")
            .and_then(Value::as_object)
            .is_some_and(|m| !m.is_empty());
        if plain && p.get("connectionParameterSets").is_some() {
            sink.emit(
                "/properties/connectionParameters",
                "connectionParameters and connectionParameterSets are both defined; keep one",
            );
        }
    },
};

/// A documented policy template: its accepted id spellings, required and optional
/// parameters (without the `x-ms-apimTemplateParameter.` prefix).
pub struct Template {
    pub ids: &'static [&'static str],
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
}

pub const TEMPLATES: &[Template] = &[
    Template {
        ids: &["convertarraytoobject", "ConvertArrayToObject"],
        required: &[
            "propertyParentPath",
            "keyWithinCollectionPath",
            "newPropertyPath",
        ],
        optional: &["propertySubPath", "retainKey"],
    },
    Template {
        ids: &["convertobjecttoarray", "ConvertObjectToArray"],
        required: &["propertyParentPath", "newPropertyPath"],
        optional: &["propertySubPath", "keyName", "valueName"],
    },
    Template {
        ids: &["dynamichosturl", "DynamicHostUrl", "dynamicHostUrl"],
        required: &["urlTemplate"],
        optional: &[],
    },
    Template {
        ids: &["encodepropertyvalue", "EncodePropertyValue"],
        required: &["propertyParentPath", "newPropertyPath"],
        optional: &["propertySubPath"],
    },
    Template {
        ids: &["pollingtrigger", "PollingTrigger"],
        required: &["triggerConfig", "triggerDataPath"],
        optional: &[],
    },
    Template {
        ids: &["routerequesttoendpoint", "RouteRequestToEndpoint"],
        required: &["newPath"],
        optional: &["httpMethod"],
    },
    Template {
        ids: &["setheader", "SetHeader", "setHeader"],
        required: &["name", "value"],
        optional: &["existsAction"],
    },
    Template {
        ids: &["setproperty", "SetProperty"],
        required: &[
            "newPropertyParentPathTemplate",
            "newPropertySubPathTemplate",
            "propertyValuePathTemplate",
        ],
        optional: &[],
    },
    Template {
        ids: &[
            "setqueryparameter",
            "SetQueryParameter",
            "setQueryParameter",
        ],
        required: &["name", "value"],
        optional: &["existsAction"],
    },
    Template {
        ids: &["setvaluefromurl", "SetValueFromUrl"],
        required: &[
            "parameterTemplate",
            "parameterValueUrl",
            "parameterValuePathTemplate",
        ],
        optional: &["httpMethod"],
    },
    Template {
        ids: &["stringreplace", "StringReplace"],
        required: &[
            "propertyParentPath",
            "sourceString",
            "replacementString",
            "newPropertyPath",
        ],
        optional: &["propertySubPath"],
    },
    Template {
        ids: &["stringtoarray", "StringToArray"],
        required: &[
            "propertyParentPath",
            "delimiterList",
            "childPropertyName",
            "newPropertyPath",
        ],
        optional: &["propertySubPath"],
    },
    Template {
        ids: &["updatenextlink"],
        required: &["nextLinkPropertyName"],
        optional: &["nextLinkParentPropertyPath"],
    },
];

/// Templates seen in merged certified connectors but not documented (Microsoft-internal).
pub const INTERNAL_TEMPLATES: [&str; 3] = [
    "dynamicsubdomain",
    "moveproperties",
    "setconnectionstatustounauthenticated",
];

pub const PARAM_PREFIX: &str = "x-ms-apimTemplateParameter.";

pub fn template(id: &str) -> Option<&'static Template> {
    TEMPLATES
        .iter()
        .find(|t| t.ids.iter().any(|i| i.eq_ignore_ascii_case(id)))
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

pub static POLICY_TEMPLATE_UNKNOWN: Rule = Rule {
    code: "PolicyTemplateUnknown",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "A policy template instance names a template that does not exist",
    explanation: "`templateId` must be one of the documented policy templates: \
convertarraytoobject, convertobjecttoarray, dynamichosturl, encodepropertyvalue, \
pollingtrigger, routerequesttoendpoint, setheader, setproperty, setqueryparameter, \
setvaluefromurl, stringreplace, stringtoarray, updatenextlink (the documented casings are \
accepted). Templates Microsoft uses internally (`dynamicsubdomain`, `moveproperties`, \
`setconnectionstatustounauthenticated`) appear in some certified connectors but are not \
documented; they are reported as a warning.",
    source: POL,
    check: |cx, sink| {
        for (ptr, inst) in instances(cx) {
            let Some(id) = str_at(inst, "templateId") else {
                continue;
            };
            if template(id).is_some() {
                continue;
            }
            let tp = join(&ptr, "templateId");
            if INTERNAL_TEMPLATES
                .iter()
                .any(|t| t.eq_ignore_ascii_case(id))
            {
                sink.emit_with(
                    Severity::Warning,
                    FileKind::Properties,
                    tp,
                    format!("'{id}' is an undocumented (Microsoft-internal) policy template"),
                );
            } else {
                sink.emit(tp, format!("'{id}' is not a known policy template"));
            }
        }
    },
};

pub static POLICY_TEMPLATE_PARAMETER_MISSING: Rule = Rule {
    code: "PolicyTemplateParameterMissing",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "A policy template instance lacks a parameter its template requires",
    explanation: "Each template needs its own parameters, written with the \
`x-ms-apimTemplateParameter.` prefix: `setheader` needs `name` and `value`, `dynamichosturl` \
`urlTemplate`, `routerequesttoendpoint` `newPath`, `pollingtrigger` `triggerConfig` and \
`triggerDataPath`, and so on (see the policy template documentation).\n\nGood:\n```json\n\
{\"templateId\": \"setheader\", \"title\": \"Client header\", \"parameters\": {\n  \
\"x-ms-apimTemplateParameter.name\": \"X-Client\",\n  \"x-ms-apimTemplateParameter.value\": \
\"connkit\",\n  \"x-ms-apimTemplateParameter.existsAction\": \"override\",\n  \
\"x-ms-apimTemplate-policySection\": \"Request\"}}\n```",
    source: POL,
    check: |cx, sink| {
        for (ptr, inst) in instances(cx) {
            let Some(t) = str_at(inst, "templateId").and_then(template) else {
                continue;
            };
            let params = inst.get("parameters");
            for r in t.required {
                let key = format!("{PARAM_PREFIX}{r}");
                if params.and_then(|p| p.get(&key)).is_none() {
                    sink.emit(
                        if params.is_some() {
                            join(&ptr, "parameters")
                        } else {
                            ptr.clone()
                        },
                        format!(
                            "template '{}' needs parameter '{key}'",
                            t.ids.first().copied().unwrap_or("")
                        ),
                    );
                }
            }
        }
    },
};

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

pub static POLICY_TEMPLATE_OPERATION_NOT_FOUND: Rule = Rule {
    code: "PolicyTemplateOperationNotFound",
    severity: Severity::Warning,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "`x-ms-apimTemplate-operationName` lists an operationId the definition lacks",
    explanation: "A policy applies to the operations named in \
`x-ms-apimTemplate-operationName` (all operations when absent). A name that matches no \
operationId — often left behind after a rename — silently applies the policy to nothing.\n\n\
Evidence: a **warning**. Philips HUE was merged validated (2022) naming an operation its \
definition lacks; the platform applies the policy to the operations that exist.",
    source: POL,
    check: |cx, sink| {
        let Some(ids) = operation_ids(cx) else { return };
        for (ptr, inst) in instances(cx) {
            let Some(list) = inst
                .get("parameters")
                .and_then(|p| p.get("x-ms-apimTemplate-operationName"))
                .and_then(Value::as_array)
            else {
                continue;
            };
            let base = join(&join(&ptr, "parameters"), "x-ms-apimTemplate-operationName");
            for (i, n) in list.iter().enumerate() {
                if let Some(n) = n.as_str()
                    && !ids.contains(&n)
                {
                    sink.emit(
                        join_index(&base, i),
                        format!("operation '{n}' is not defined in the definition"),
                    );
                }
            }
        }
    },
};

/// `@connectionParameters('name')` references in a text.
fn connection_parameter_refs(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find("@connectionParameters(") {
        rest = &rest[i + "@connectionParameters(".len()..];
        let inner = rest.trim_start_matches(['\'', '"']);
        let end = inner.find(['\'', '"', ')']).unwrap_or(inner.len());
        out.push(&inner[..end]);
        rest = &inner[end..];
    }
    out
}

pub static CONNECTION_PARAMETER_REFERENCE_NOT_FOUND: Rule = Rule {
    code: "ConnectionParameterReferenceNotFound",
    severity: Severity::Warning,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "A policy template uses `@connectionParameters('x')` for an undefined parameter",
    explanation: "Policy template values (a `dynamichosturl` URL template, a header value) can \
read what the user entered when creating the connection with `@connectionParameters('name')`. \
The name must be a connection parameter defined in this file, or the value is empty at run \
time.\n\nBad: `\"urlTemplate\": \"https://@connectionParameters('instance').contoso.com\"` with no \
`instance` parameter.\n\n\
Evidence: a **warning**. Neither the apiProperties validator nor the import checks it: \
snowflake was merged validated three times (2022–2023) with \
@connectionParameters('instanceURL') and no such parameter, and fixed it later. At run time \
the expression is empty, so the policy produces a broken value: fix it.",
    source: POL,
    check: |cx, sink| {
        let names: Vec<&str> = conn_params(cx).iter().map(|p| p.name).collect();
        for (ptr, inst) in instances(cx) {
            let Some(m) = inst.get("parameters").and_then(Value::as_object) else {
                continue;
            };
            for (k, v) in m {
                let Some(s) = v.as_str() else { continue };
                for r in connection_parameter_refs(s) {
                    if !names.iter().any(|n| n.eq_ignore_ascii_case(r)) {
                        sink.emit(
                            join(&join(&ptr, "parameters"), k),
                            format!("connection parameter '{r}' is not defined"),
                        );
                    }
                }
            }
        }
    },
};

pub static SCRIPT_OPERATION_NOT_FOUND: Rule = Rule {
    code: "ScriptOperationNotFound",
    severity: Severity::Warning,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "`scriptOperations` names an operationId the definition lacks",
    explanation: "`scriptOperations` lists the operations whose requests go through `script.csx` \
(an empty list sends every operation through it). Each entry must be an operationId of the \
definition; a stale name means the script silently stops running for the renamed operation.\n\n\
Evidence: a **warning**. The apiProperties validator does not cross-check it: personr and \
SoloSign were merged validated (2023) naming 'postCall', which their definitions lack. The \
script simply never runs for that name.",
    source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/write-code",
    check: |cx, sink| {
        let Some(ids) = operation_ids(cx) else { return };
        let Some(list) = props(cx)
            .and_then(|p| p.get("scriptOperations"))
            .and_then(Value::as_array)
        else {
            return;
        };
        for (i, n) in list.iter().enumerate() {
            if let Some(n) = n.as_str()
                && !ids.contains(&n)
            {
                sink.emit(
                    join_index("/properties/scriptOperations", i),
                    format!("operation '{n}' is not defined in the definition"),
                );
            }
        }
    },
};

/// Capability strings the platform is known to use.
pub const CAPABILITIES: [&str; 6] = [
    "actions",
    "triggers",
    "gateway",
    "cloud only",
    "tabular",
    "federatedKnowledgeSource",
];

pub static CAPABILITY_NOT_VALID: Rule = Rule {
    code: "CapabilityNotValid",
    severity: Severity::Warning,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "`capabilities` holds an unknown value",
    explanation: "`capabilities` is a list of strings; the values in use are `actions`, \
`triggers`, `gateway`, `cloud only`, `tabular` and `federatedKnowledgeSource`. paconn refuses \
the file (`ApiDefinitionCapabilitiesInvalid`) when an entry is not a string; an unknown string \
is most likely a typo. Most connectors simply leave the list empty.",
    source: S_AP,
    check: |cx, sink| {
        let Some(list) = props(cx)
            .and_then(|p| p.get("capabilities"))
            .and_then(Value::as_array)
        else {
            return;
        };
        for (i, c) in list.iter().enumerate() {
            if let Some(s) = c.as_str()
                && !CAPABILITIES.contains(&s)
            {
                sink.emit(
                    join_index("/properties/capabilities", i),
                    format!(
                        "unknown capability '{s}' (known: {})",
                        CAPABILITIES.join(", ")
                    ),
                );
            }
        }
    },
};

pub static AUTHENTICATION_TYPE_MISMATCH: Rule = Rule {
    code: "AuthenticationTypeMismatch",
    severity: Severity::Warning,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "The definition's security scheme and the connection parameters disagree",
    explanation: "The definition's `securityDefinitions` say how requests are authenticated and \
apiProperties.json's connection parameters collect what that needs: an `oauth2` scheme needs an \
`oauthSetting` parameter (and an `oauthSetting` parameter needs an `oauth2` scheme); an `apiKey` \
scheme needs a `securestring` parameter for the key; `basic` needs a `securestring` for the \
password. A mismatch creates connections that cannot authenticate.\n\nCalibration: a warning. \
Two certified connectors changed in 2024 were merged with a mismatch (HubPlanner: an `apiKey` \
scheme and no connection parameters, which the platform fills in itself; Tribal - SITS: an \
OAuth parameter and no security definition), so the platform tolerates both directions.",
    source: CP,
    check: |cx, sink| {
        let Some(defs) = cx
            .connector
            .definition_value()
            .and_then(|d| d.get("securityDefinitions"))
            .and_then(Value::as_object)
        else {
            return;
        };
        if cx.connector.properties_value().is_none() {
            return;
        }
        let params = conn_params(cx);
        let has_type = |t: &str| {
            params
                .iter()
                .any(|p| str_at(p.value, "type").is_some_and(|x| x.eq_ignore_ascii_case(t)))
        };
        let kinds: Vec<&str> = defs.values().filter_map(|d| str_at(d, "type")).collect();
        for (kind, needs, what) in [
            (
                "oauth2",
                "oauthSetting",
                "an oauthSetting connection parameter",
            ),
            (
                "apiKey",
                "securestring",
                "a securestring connection parameter for the key",
            ),
            (
                "basic",
                "securestring",
                "a securestring connection parameter for the password",
            ),
        ] {
            if kinds.contains(&kind) && !has_type(needs) {
                sink.emit(
                    "/properties/connectionParameters",
                    format!("the definition uses '{kind}' security, which needs {what}"),
                );
            }
        }
        if !kinds.contains(&"oauth2") {
            for p in params.iter().filter(|p| {
                str_at(p.value, "type").is_some_and(|x| x.eq_ignore_ascii_case("oauthSetting"))
            }) {
                sink.emit(
                    p.pointer.clone(),
                    format!(
                        "'{}' is an OAuth parameter but the definition has no oauth2 security definition",
                        p.name
                    ),
                );
            }
        }
    },
};

pub static HOST_NOT_DEFINED: Rule = Rule {
    code: "HostNotDefined",
    severity: Severity::Warning,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "The definition has no `host` and no `dynamichosturl` policy sets one",
    explanation: "Requests go to the definition's `host` unless a `dynamichosturl` policy \
template builds the URL per connection (for services with one host per customer). Without \
either, the platform has nowhere to send requests. When `dynamichosturl` is used, keep a \
placeholder `host` anyway: tools and the wizard expect one.",
    source: POL,
    check: |cx, sink| {
        let Some(def) = cx.connector.definition_value().filter(|d| d.is_object()) else {
            return;
        };
        if cx.connector.single_file || def.get("host").is_some() {
            return;
        }
        let dynamic = instances(cx).iter().any(|(_, i)| {
            str_at(i, "templateId").is_some_and(|t| t.eq_ignore_ascii_case("dynamichosturl"))
        });
        if !dynamic {
            sink.emit(
                "",
                "no 'host' in the definition and no dynamichosturl policy template in apiProperties.json",
            );
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    fn good_props() -> Value {
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

    fn def() -> Value {
        patch(
            minimal(),
            json!({"securityDefinitions": {"k": {"type": "apiKey", "in": "header", "name": "X-Key"}}}),
        )
    }

    fn run_p(rule: &'static Rule, props: Value, profile: Profile) -> Vec<crate::rules::Finding> {
        run_on(rule, &connector_from(def(), Some(props)), profile)
    }

    fn with(p: Value) -> Value {
        patch(good_props(), json!({"properties": p}))
    }

    #[test]
    fn placeholder_values_fail_and_real_values_pass() {
        let ok = run_p(&PLACEHOLDER_VALUE, good_props(), Profile::Certified);
        assert!(ok.is_empty(), "{ok:?}");
        let bad = run_p(
            &PLACEHOLDER_VALUE,
            with(json!({"publisher": "Publisher name", "stackOwner": " service owner name "})),
            Profile::IndependentPublisher,
        );
        let ptrs: Vec<_> = bad.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(ptrs, ["/properties/publisher", "/properties/stackOwner"]);
        let d = patch(
            def(),
            json!({"info": {"contact": {"name": "Publisher name", "email": "Support@Example.com", "url": "https://www.contoso.com"}}}),
        );
        let f = run_on(
            &PLACEHOLDER_VALUE,
            &connector_from(d, Some(good_props())),
            Profile::Certified,
        );
        let ptrs: Vec<_> = f.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(ptrs, ["/info/contact/name", "/info/contact/email"]);
        // A fictional sample address is not a template placeholder.
        let d = patch(
            def(),
            json!({"info": {"contact": {"name": "Jane Doe", "email": "jane.doe@example.com"}}}),
        );
        let f = run_on(
            &PLACEHOLDER_VALUE,
            &connector_from(d, Some(good_props())),
            Profile::Certified,
        );
        assert!(f.is_empty(), "{f:?}");
        // Custom connectors are never sent to Microsoft.
        assert!(!PLACEHOLDER_VALUE.profiles.contains(Profile::Custom));
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
    fn schema_violations_point_into_the_file() {
        let p = with(
            json!({"connectionParameters": {"api_key": {"uiDefinition": {"constraints": {"required": true}}}}, "extra": 1}),
        );
        let f = run_p(&PROPERTIES_SCHEMA_VIOLATION, p, Profile::Custom);
        let ptrs = pointers(&f);
        assert!(ptrs.contains(&"/properties"), "{ptrs:?}");
        assert!(
            ptrs.contains(
                &"/properties/connectionParameters/api_key/uiDefinition/constraints/required"
            ),
            "{ptrs:?}"
        );
        assert_eq!(
            f.iter().find(|x| x.pointer == "/properties").unwrap().file,
            "apiProperties.json"
        );
    }

    #[test]
    fn brand_colour_per_profile() {
        let bad = with(json!({"iconBrandColor": "#FFFFFF"}));
        assert_eq!(
            run_p(
                &ICON_BRAND_COLOR_NOT_ALLOWED,
                bad.clone(),
                Profile::Certified
            )
            .len(),
            1
        );
        assert!(run_p(&ICON_BRAND_COLOR_NOT_ALLOWED, bad, Profile::Custom).is_empty());
        assert_eq!(
            run_p(
                &ICON_BRAND_COLOR_NOT_ALLOWED,
                good_props(),
                Profile::IndependentPublisher
            )
            .len(),
            1
        );
        let ip = with(json!({"iconBrandColor": "#da3b01"}));
        assert!(
            run_p(
                &ICON_BRAND_COLOR_NOT_ALLOWED,
                ip,
                Profile::IndependentPublisher
            )
            .is_empty()
        );
        assert_eq!(
            run_p(
                &ICON_BRAND_COLOR_NOT_VALID,
                with(json!({"iconBrandColor": "#fff"})),
                Profile::Custom
            )
            .len(),
            1
        );
        assert_eq!(parse_hex_color("#4b2e83"), Some([0x4b, 0x2e, 0x83]));
    }

    #[test]
    fn publisher_and_stack_owner() {
        let p = with(json!({"publisher": "", "stackOwner": null}));
        assert_eq!(
            pointers(&run_p(&PUBLISHER_REQUIRED, p.clone(), Profile::Certified)),
            vec!["/properties/publisher"]
        );
        assert_eq!(
            pointers(&run_p(&STACK_OWNER_REQUIRED, p, Profile::Certified)),
            vec!["/properties"]
        );
    }

    #[test]
    fn connection_parameter_names_and_types() {
        let p = with(
            json!({"connectionParameters": {"api-key": {"type": "password"}, "token:clientId": {"type": "string"}, "t": {"type": "oAuthSetting", "oAuthSettings": {"identityProvider": "oauth2"}}}}),
        );
        let f = run_p(
            &CONNECTION_PARAMETER_NAME_NOT_VALID,
            p.clone(),
            Profile::Custom,
        );
        assert_eq!(
            pointers(&f),
            vec!["/properties/connectionParameters/api-key"]
        );
        let f = run_p(&CONNECTION_PARAMETER_TYPE_NOT_VALID, p, Profile::Custom);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[1].severity, Severity::Warning);
    }

    #[test]
    fn tenant_id_block() {
        let exact = json!({"type": "string", "metadata": {"sourceType": "AzureActiveDirectoryTenant"},
            "uiDefinition": {"displayName": "Tenant", "description": TENANT_DESCRIPTION,
            "constraints": {"required": "false", "hidden": "true"}}});
        let p = with(json!({"connectionParameters": {"token:TenantId": exact}}));
        assert!(run_p(&TENANT_ID_PARAMETER_NOT_VALID, p, Profile::Custom).is_empty());
        let p = with(
            json!({"connectionParameters": {"token:TenantId": {"uiDefinition": {"description": "The tenant ID"}}}}),
        );
        let mut exact2 = exact.clone();
        exact2["uiDefinition"]["description"] = json!("The tenant ID");
        let p2 = with(json!({"connectionParameters": {"token:TenantId": exact2}}));
        let f = run_p(&TENANT_ID_PARAMETER_NOT_VALID, p2, Profile::Custom);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("description"));
        assert!(run_p(&TENANT_ID_PARAMETER_NOT_VALID, p, Profile::Custom).len() > 1);
    }

    #[test]
    fn oauth_settings_per_provider() {
        let p = with(
            json!({"connectionParameters": {"token": {"type": "oauthSetting", "oAuthSettings": {
            "identityProvider": "aad", "redirectMode": "Sometimes",
            "customParameters": {"loginUri": {"value": "https://login.microsoftonline.com"}, "authorizationUrl": {"value": "x"}}}}}}),
        );
        let f = run_p(&OAUTH_SETTINGS_NOT_VALID, p.clone(), Profile::Custom);
        let msgs: Vec<_> = f.iter().map(|x| x.message.as_str()).collect();
        assert_eq!(f.len(), 3, "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("resourceUri")));
        assert_eq!(
            run_p(
                &OAUTH_REDIRECT_MODE_NOT_PER_CONNECTOR,
                p.clone(),
                Profile::Certified
            )
            .len(),
            1
        );
        assert_eq!(
            run_p(
                &OAUTH_NOT_ALLOWED_FOR_INDEPENDENT_PUBLISHER,
                p,
                Profile::IndependentPublisher
            )
            .len(),
            1
        );
        let ok = with(
            json!({"connectionParameters": {"token": {"type": "oauthSetting", "oAuthSettings": {
            "identityProvider": "oauth2", "redirectMode": "GlobalPerConnector", "properties": {"IsFirstParty": "False"},
            "customParameters": {"AuthorizationUrl": {"value": "https://a"}, "tokenUrl": {"value": "https://b"}}}},
            "aad": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "aad", "redirectMode": "GlobalPerConnector",
            "customParameters": {"resourceUri": {"value": "https://r"}, "grantType": {"value": "code"}}}}}}),
        );
        assert!(run_p(&OAUTH_SETTINGS_NOT_VALID, ok.clone(), Profile::Custom).is_empty());
        assert!(
            run_p(
                &OAUTH_REDIRECT_MODE_NOT_PER_CONNECTOR,
                ok,
                Profile::Certified
            )
            .is_empty()
        );
    }

    #[test]
    fn policy_templates() {
        let p = with(json!({"policyTemplateInstances": [
            {"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X", "x-ms-apimTemplate-operationName": ["GetTask", "Gone"]}},
            {"templateId": "moveproperties", "parameters": {}},
            {"templateId": "frobnicate"},
            {"templateId": "dynamichosturl", "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('instance')/"}}
        ]}));
        let f = run_p(&POLICY_TEMPLATE_UNKNOWN, p.clone(), Profile::Custom);
        assert_eq!(
            f.iter().map(|x| x.severity).collect::<Vec<_>>(),
            vec![Severity::Warning, Severity::Error]
        );
        let f = run_p(
            &POLICY_TEMPLATE_PARAMETER_MISSING,
            p.clone(),
            Profile::Custom,
        );
        assert_eq!(
            pointers(&f),
            vec!["/properties/policyTemplateInstances/0/parameters"]
        );
        let f = run_p(
            &POLICY_TEMPLATE_OPERATION_NOT_FOUND,
            p.clone(),
            Profile::Custom,
        );
        assert_eq!(
            pointers(&f),
            vec![
                "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName/1"
            ]
        );
        let f = run_p(
            &CONNECTION_PARAMETER_REFERENCE_NOT_FOUND,
            p,
            Profile::Custom,
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("'instance'"));
    }

    #[test]
    fn script_operations_capabilities_and_sets() {
        let p = with(
            json!({"scriptOperations": ["GetTask", "Nope"], "capabilities": ["actions", "Actionz"],
            "connectionParameterSets": {"values": []}}),
        );
        assert_eq!(
            pointers(&run_p(
                &SCRIPT_OPERATION_NOT_FOUND,
                p.clone(),
                Profile::Custom
            )),
            vec!["/properties/scriptOperations/1"]
        );
        assert_eq!(
            pointers(&run_p(&CAPABILITY_NOT_VALID, p.clone(), Profile::Custom)),
            vec!["/properties/capabilities/1"]
        );
        assert_eq!(
            run_p(
                &CONNECTION_PARAMETERS_AND_SETS_BOTH_DEFINED,
                p,
                Profile::Custom
            )
            .len(),
            1
        );
    }

    #[test]
    fn cross_file_auth_and_host() {
        let p = with(
            json!({"connectionParameters": {"api_key": null, "token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "oauth2"}}}}),
        );
        let f = run_p(&AUTHENTICATION_TYPE_MISMATCH, p, Profile::Custom);
        assert_eq!(f.len(), 2, "{f:?}");
        let mut d = def();
        d.as_object_mut().unwrap().remove("host");
        let c = connector_from(d.clone(), Some(good_props()));
        assert_eq!(run_on(&HOST_NOT_DEFINED, &c, Profile::Custom).len(), 1);
        let dyn_props = with(
            json!({"policyTemplateInstances": [{"templateId": "dynamichosturl", "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://x"}}]}),
        );
        let c = connector_from(d, Some(dyn_props));
        assert!(run_on(&HOST_NOT_DEFINED, &c, Profile::Custom).is_empty());
    }
}
