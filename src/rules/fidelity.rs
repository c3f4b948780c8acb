//! Fidelity tests: what the merged history showed Microsoft lets through stays visible as a
//! warning (never an error, never silent), injected violations of the pipeline's checks are
//! still errors with the official code, and every rule's gate fits its default severity.
//!
//! Each case names the evidence it encodes (the rule's `Evidence:` paragraph has the detail).
//! They run the whole engine (`rules::lint`), as the CLI does, so a finding moved to another
//! code or dropped by a later change fails here.

use serde_json::{Value, json};

use super::testing::{connector_from, data_file, minimal, patch};
use super::{Finding, Gate, LintOptions, Profile, Severity, lint, registry};
use crate::model::{Connector, TextFile};

fn lint_all(c: &Connector, profile: Profile) -> Vec<Finding> {
    lint(c, profile, &LintOptions::default())
}

/// The findings of one code, as (severity, pointer).
fn of(findings: &[Finding], code: &str) -> Vec<(Severity, String)> {
    findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| (f.severity, f.pointer.clone()))
        .collect()
}

fn certified(def: Value, props: Option<Value>) -> Vec<Finding> {
    lint_all(&connector_from(def, props), Profile::Certified)
}

/// apiProperties that pass the certification rules, for tests to modify.
fn props() -> Value {
    json!({"properties": {
        "iconBrandColor": "#4b2e83",
        "publisher": "Contoso",
        "stackOwner": "Contoso",
        "capabilities": ["actions"],
        "connectionParameters": {}
    }})
}

/// Asserts the code is reported, only as warnings.
fn warns(findings: &[Finding], code: &str) {
    let got = of(findings, code);
    assert!(
        !got.is_empty(),
        "{code} must still be reported (detection holds)"
    );
    assert!(
        got.iter().all(|(s, _)| *s == Severity::Warning),
        "{code} must be a warning: {got:?}"
    );
}

fn errors(findings: &[Finding], code: &str) {
    let got = of(findings, code);
    assert!(
        got.iter().any(|(s, _)| *s == Severity::Error),
        "{code} must be an error: {got:?}"
    );
}

fn silent(findings: &[Finding], code: &str) {
    assert!(
        of(findings, code).is_empty(),
        "{code}: {:?}",
        of(findings, code)
    );
}

// ---- defects Microsoft merged after validating them: warnings ---------------------------

#[test]
fn empty_parameter_and_response_texts_warn_empty_connector_texts_fail() {
    let def = patch(
        minimal(),
        json!({"paths": {"/tasks/{taskId}": {"get": {
            "parameters": [{"name": "taskId", "in": "path", "required": true, "type": "string",
                "x-ms-summary": "Task ID", "description": "", "x-ms-url-encoding": "single"}],
            "responses": {"200": {"description": "", "schema": {"$ref": "#/definitions/Task"}}}
        }}}}),
    );
    let f = certified(def.clone(), Some(props()));
    warns(&f, "RequiredValueEmpty");
    let f = certified(patch(def, json!({"info": {"title": ""}})), Some(props()));
    assert!(
        of(&f, "RequiredValueEmpty")
            .iter()
            .any(|(s, p)| *s == Severity::Error && p == "/info/title"),
        "an empty connector title stays an error"
    );
}

#[test]
fn trailing_commas_warn_missing_commas_fail() {
    let c = Connector {
        display: "test".into(),
        single_file: true,
        definition: Some(data_file(
            "apiDefinition.swagger.json",
            r#"{"swagger": "2.0", "info": {"title": "T", "version": "1",}, "paths": {}}"#.into(),
        )),
        ..Default::default()
    };
    warns(&lint_all(&c, Profile::Custom), "JsonTrailingComma");
    let c = Connector {
        definition: Some(data_file(
            "apiDefinition.swagger.json",
            r#"{"swagger": "2.0" "info": {"title": "T", "version": "1"}, "paths": {}}"#.into(),
        )),
        ..c
    };
    errors(&lint_all(&c, Profile::Custom), "JsonMissingComma");
}

#[test]
fn brand_colour_publisher_and_connection_parameter_names_warn() {
    let p = patch(
        props(),
        json!({"properties": {"iconBrandColor": "#FFFFFF", "publisher": null,
            "connectionParameters": {"x-Auth-Email": {"type": "string"}}}}),
    );
    let f = certified(minimal(), Some(p));
    warns(&f, "IconBrandColorNotAllowed");
    warns(&f, "PublisherRequired");
    warns(&f, "ConnectionParameterNameNotValid");
}

#[test]
fn tolerated_api_properties_shapes_warn_wrong_types_fail() {
    let p = patch(
        props(),
        json!({"properties": {"script": "x", "connectionParameters": {"api_key": {
            "type": "securestring",
            "uiDefinition": {"displayName": "API key", "description": "The key",
                "tooltip": "Key", "constraints": {"required": true}}}}}}),
    );
    warns(&certified(minimal(), Some(p)), "PropertiesSchemaViolation");
    let p = patch(props(), json!({"properties": {"capabilities": "actions"}}));
    errors(&certified(minimal(), Some(p)), "PropertiesSchemaViolation");
}

#[test]
fn empty_or_miscased_enum_values_warn_unknown_values_fail() {
    let with = |v: &str| {
        patch(
            minimal(),
            json!({"definitions": {"Task": {"properties": {"id": {"x-ms-visibility": v}}}}}),
        )
    };
    warns(&certified(with(""), Some(props())), "JsonValueNotInEnum");
    warns(
        &certified(with("Advanced"), Some(props())),
        "JsonValueNotInEnum",
    );
    errors(
        &certified(with("hidden"), Some(props())),
        "JsonValueNotInEnum",
    );
}

#[test]
fn webhook_content_without_schema_warns_missing_contact_fails() {
    let def = patch(
        minimal(),
        json!({"paths": {"/hooks": {
            "x-ms-notification-content": {"description": "The event"},
            "post": {"operationId": "OnEvent", "summary": "When an event happens",
                "description": "Fires when an event happens.", "x-ms-trigger": "single",
                "parameters": [{"name": "body", "in": "body", "required": true, "schema": {
                    "type": "object", "required": ["url"], "properties": {"url": {"type": "string",
                    "x-ms-notification-url": true, "x-ms-visibility": "internal",
                    "description": "The callback URL.", "x-ms-summary": "URL"}}}}],
                "responses": {"201": {"description": "Created"}}}}}}),
    );
    let f = certified(def, Some(props()));
    assert!(
        of(&f, "RequiredPropertyMissing")
            .iter()
            .any(|(s, p)| *s == Severity::Warning && p.ends_with("/x-ms-notification-content")),
        "{:?}",
        of(&f, "RequiredPropertyMissing")
    );
    let f = certified(
        patch(minimal(), json!({"info": {"contact": null}})),
        Some(props()),
    );
    assert!(
        of(&f, "RequiredPropertyMissing")
            .iter()
            .any(|(s, p)| *s == Severity::Error && p == "/info"),
        "Microsoft's \"The 'contact' property is required.\" stays an error"
    );
}

#[test]
fn scope_based_aad_needs_no_resource_and_certificate_auth_warns() {
    let oauth = |settings: Value| {
        patch(
            props(),
            json!({"properties": {"connectionParameters": {"token": {
                "type": "oauthSetting", "oAuthSettings": settings}}}}),
        )
    };
    let scoped = oauth(json!({"identityProvider": "aad", "clientId": "id",
        "scopes": ["https://graph.microsoft.com/.default"], "redirectMode": "GlobalPerConnector",
        "customParameters": {"loginUri": {"value": "https://login.microsoftonline.com"},
            "tenantId": {"value": "common"}}}));
    silent(&certified(minimal(), Some(scoped)), "OAuthSettingsNotValid");
    let unscoped = oauth(
        json!({"identityProvider": "aad", "clientId": "id", "scopes": [],
        "redirectMode": "GlobalPerConnector",
        "customParameters": {"loginUri": {"value": "https://login.microsoftonline.com"},
            "tenantId": {"value": "common"}}}),
    );
    errors(
        &certified(minimal(), Some(unscoped)),
        "OAuthSettingsNotValid",
    );
    let cert = oauth(
        json!({"identityProvider": "aadcertificate", "clientId": "id",
        "scopes": [], "redirectMode": "GlobalPerConnector",
        "customParameters": {"resourceUri": {"value": "https://contoso"}}}),
    );
    warns(&certified(minimal(), Some(cert)), "OAuthSettingsNotValid");
}

#[test]
fn unknown_keys_in_schemas_warn_at_the_root_they_fail() {
    let def = patch(
        minimal(),
        json!({"definitions": {"Task": {"properties": {"id": {"Title": "Id"}}}}}),
    );
    warns(&certified(def, Some(props())), "ExtensionNameNotValid");
    let def = patch(minimal(), json!({"scriptOperations": ["GetTask"]}));
    errors(&certified(def, Some(props())), "ExtensionNameNotValid");
}

#[test]
fn cross_file_names_the_platform_ignores_warn() {
    let p = patch(
        props(),
        json!({"properties": {
        "scriptOperations": ["NoSuchOperation"],
        "policyTemplateInstances": [
            {"templateId": "dynamichosturl", "title": "Host",
             "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('instanceURL')"}},
            {"templateId": "routerequesttoendpoint", "title": "Route",
             "parameters": {"x-ms-apimTemplate-operationName": ["NoSuchOperation"],
                "x-ms-apimTemplateParameter.newPath": "/x"}}
        ]}}),
    );
    let f = certified(minimal(), Some(p));
    warns(&f, "ScriptOperationNotFound");
    warns(&f, "ConnectionParameterReferenceNotFound");
    warns(&f, "PolicyTemplateOperationNotFound");
}

#[test]
fn schema_and_response_defects_microsoft_merged_warn() {
    let def = patch(
        minimal(),
        json!({
            "definitions": {"Task": {"properties": {"tags": {"type": "array",
                "items": {"type": "string"}, "required": ["x"]}}}},
            "info": {"contact": {"url": "hhttps://contoso.com"}},
            "paths": {"/login": {"get": {"operationId": "Login", "summary": "Sign in",
                "description": "Redirects to the sign-in page.",
                "responses": {"302": {"description": "Redirect"}}}}}
        }),
    );
    let f = certified(def, Some(props()));
    warns(&f, "RequiredPropertyNotOnObject");
    warns(&f, "UrlNotValid");
    warns(&f, "OperationShouldHaveSuccessfulResponse");
    let def = patch(
        minimal(),
        json!({
            "securityDefinitions": {"oauth": {"type": "oauth2", "flow": "accessCode",
                "authorizationUrl": "https://login/a", "tokenUrl": "https://login/t",
                "scopes": {"read": "Read"}}},
            "security": [{"oauth": ["User.Invite.All"]}]
        }),
    );
    warns(
        &certified(def, Some(props())),
        "OAuthSecurityRequirementValueMustBeScopeName",
    );
}

/// Issue #23's list, each merged after validation, repeatedly and since the 2023-08 repair, in
/// the other half of the public repository, with no Microsoft message known: warnings. The
/// neighbouring shapes Microsoft does stop stay errors.
#[test]
fn held_out_tolerated_shapes_warn_their_real_neighbours_fail() {
    // A raw tab inside a string: read by the service's lenient reader.
    let c = Connector {
        display: "test".into(),
        single_file: true,
        definition: Some(data_file(
            "apiDefinition.swagger.json",
            "{\"swagger\": \"2.0\", \"info\": {\"title\": \"T\tU\", \"version\": \"1\"}, \"paths\": {}}"
                .into(),
        )),
        ..Default::default()
    };
    warns(&lint_all(&c, Profile::Custom), "JsonControlCharacter");

    let def = patch(
        minimal(),
        json!({
            "definitions": {
                "Tags": {"type": "array"},
                "Kind": {"type": "string", "enum": ["a", "b", "a"], "x-ms-summary": 3}
            },
            "paths": {"/tasks/{taskId}": {"get": {"responses": {
                "default": {"description": "Error", "schema": {}}}}}}
        }),
    );
    let f = certified(def, Some(props()));
    warns(&f, "ArrayHasNoItems");
    warns(&f, "ArrayDuplicateValue");
    warns(&f, "JsonTypeIncorrect");
    warns(&f, "DefaultResponseHasSchema");

    // Their neighbours: a query parameter array without items, duplicated schemes, a boolean
    // label and a real error schema on `default` beside a 2xx.
    let def = patch(
        minimal(),
        json!({
            "schemes": ["https", "https"],
            "definitions": {"Kind": {"type": "string", "x-ms-summary": true}},
            "paths": {"/tasks/{taskId}": {"get": {
                "parameters": [{"name": "ids", "in": "query", "type": "array", "x-ms-summary": "IDs",
                    "description": "The IDs."}],
                "responses": {"default": {"description": "Error",
                    "schema": {"type": "object", "properties": {"message": {"type": "string"}}}}}}}}
        }),
    );
    let f = certified(def, Some(props()));
    errors(&f, "ArrayHasNoItems");
    errors(&f, "ArrayDuplicateValue");
    errors(&f, "JsonTypeIncorrect");
    errors(&f, "DefaultResponseHasSchema");

    // `oAuthSettings.redirectUrl` as an array: a warning; `iconBrandColor` as a number: an error.
    let mut p = props();
    p["properties"]["connectionParameters"] = json!({"token": {"type": "oauthSetting",
        "oAuthSettings": {"identityProvider": "oauth2", "clientId": "x", "scopes": [],
            "redirectUrl": ["https://global.consent.azure-apim.net/redirect"]}}});
    warns(
        &certified(minimal(), Some(p.clone())),
        "PropertiesSchemaViolation",
    );
    p["properties"]["iconBrandColor"] = json!(7);
    errors(&certified(minimal(), Some(p)), "PropertiesSchemaViolation");
}

// ---- false errors that are no findings at all -------------------------------------------

#[test]
fn a_property_named_ref_is_not_a_reference() {
    let def = patch(
        minimal(),
        json!({"definitions": {"Link": {"type": "object", "properties": {
            "$ref": {"type": "string", "description": "The target."},
            "properties": {"type": "object", "properties": {"$ref": {"type": "string"}}}
        }}}}),
    );
    let f = certified(def, Some(props()));
    for code in [
        "JsonPointerNotValid",
        "SchemaReferenceNotValid",
        "SchemaReferenceNotFound",
    ] {
        silent(&f, code);
    }
    // A real reference beside it is still checked.
    let def = patch(
        minimal(),
        json!({"definitions": {"Link": {"type": "object", "properties": {
            "target": {"$ref": "#/definitions/Missing"}}}}}),
    );
    errors(&certified(def, Some(props())), "SchemaReferenceNotFound");
}

#[test]
fn parameterized_host_parameters_may_reference_shared_parameters() {
    let def = patch(
        minimal(),
        json!({
            "parameters": {"Endpoint": {"name": "endpoint", "in": "path", "required": true,
                "type": "string", "x-ms-summary": "Endpoint", "description": "The endpoint."}},
            "x-ms-parameterized-host": {"hostTemplate": "{endpoint}", "useSchemeNameInUri": true,
                "parameters": [{"$ref": "#/parameters/Endpoint"}]}
        }),
    );
    silent(&certified(def, Some(props())), "SchemaReferenceNotValid");
    // A schema pointing at a parameter is still refused.
    let def = patch(
        minimal(),
        json!({"definitions": {"Task": {"properties": {"id": {"$ref": "#/parameters/X"}}}}}),
    );
    errors(&certified(def, Some(props())), "SchemaReferenceNotValid");
}

fn with_script(code: &str) -> Connector {
    let mut c = connector_from(minimal(), Some(props()));
    c.script = Some(TextFile::from_text(
        "script.csx".into(),
        "script.csx".into(),
        code.to_string(),
        code.len() as u64,
        Vec::new(),
    ));
    c
}

#[test]
fn scripts_as_microsoft_merged_them() {
    let body = "{ public override async Task<HttpResponseMessage> ExecuteAsync() \
                { return await this.Context.SendAsync(this.Context.Request, this.CancellationToken); } }";
    let ok = with_script(&format!(
        "using Microsoft.PowerPlatform.Connectors.CustomCode.CSharp;\npublic class script : ScriptBase {body}"
    ));
    let f = lint_all(&ok, Profile::Certified);
    silent(&f, "ScriptNamespaceNotAllowed");
    silent(&f, "ScriptClassMissing");
    // Issue 26: a namespace the runtime lacks is an error (the compile fails); one merged
    // scripts use although Microsoft does not list it is a warning.
    let other = with_script(&format!(
        "using System.Text.Json;\npublic class Script : ScriptBase {body}"
    ));
    errors(
        &lint_all(&other, Profile::Certified),
        "ScriptNamespaceNotAllowed",
    );
    let seen = with_script(&format!(
        "using System.Runtime.Remoting.Contexts;\npublic class Script : ScriptBase {body}"
    ));
    let f = lint_all(&seen, Profile::Certified);
    silent(&f, "ScriptNamespaceNotAllowed");
    warns(&f, "ScriptNamespaceUndocumented");
    let none = with_script("public class Helper { }");
    errors(&lint_all(&none, Profile::Certified), "ScriptClassMissing");
}

// ---- detection holds: the pipeline's own checks are errors with the official code -------

#[test]
fn injected_pipeline_violations_are_errors_with_the_official_code() {
    let cases: Vec<(&str, Value)> = vec![
        (
            "RestrictedCharactersInSummary",
            json!({"paths": {"/tasks/{taskId}": {"get": {"summary": "Get a task/item"}}}}),
        ),
        (
            "ValueContainsRestrictedWords",
            json!({"info": {"title": "Contoso API"}}),
        ),
        (
            "FieldLengthExceeded",
            json!({"info": {"title": "Contoso Tasks And Projects For Everyone"}}),
        ),
        (
            "DefaultResponseHasSchema",
            json!({"paths": {"/tasks/{taskId}": {"get": {"responses": {
                "default": {"description": "Error", "schema": {"type": "object"}}}}}}}),
        ),
        (
            "HostNameNotValid",
            json!({"host": "https://api.contoso.com/v1"}),
        ),
        (
            "OperationIdNotUnique",
            json!({"paths": {"/tasks": {"get": {"operationId": "GetTask", "summary": "List tasks",
                "description": "Lists the tasks.", "responses": {"200": {"description": "OK"}}}}}}),
        ),
    ];
    for (code, p) in cases {
        let f = certified(patch(minimal(), p), Some(props()));
        let got = of(&f, code);
        assert!(
            got.iter().any(|(s, _)| *s == Severity::Error),
            "{code} must be an error: {got:?}"
        );
        assert!(
            f.iter()
                .filter(|x| x.code == code)
                .all(|x| x.gate == Gate::Pipeline),
            "{code}: pipeline gate"
        );
    }
}

// ---- gates ------------------------------------------------------------------------------

#[test]
fn only_enforced_gates_default_to_error() {
    for r in registry() {
        if r.gate == Gate::Advice {
            assert_ne!(
                r.severity,
                Severity::Error,
                "{}: advice is never an error",
                r.code
            );
        }
        // Reviewers judge these files; an error there must be one they certainly refuse.
        if r.gate == Gate::Review && r.severity == Severity::Error {
            assert!(
                ["IconNotValidPng", "IconFileTooLarge", "PlaceholderValue",].contains(&r.code),
                "{}: a review rule defaulting to error needs a certain refusal",
                r.code
            );
        }
        // Every rule says what its severity rests on.
        let evidence = r.evidence();
        assert!(
            evidence.starts_with(char::is_uppercase),
            "{}: {evidence}",
            r.code
        );
    }
}

#[test]
fn rules_with_microsofts_wording_are_pipeline_rules() {
    let with: Vec<_> = registry()
        .iter()
        .filter(|r| r.microsoft.is_some())
        .collect();
    assert!(with.len() >= 14, "{}", with.len());
    for r in with {
        assert_eq!(r.gate, Gate::Pipeline, "{}", r.code);
    }
}

#[test]
fn files_the_pipeline_never_reads_are_not_pipeline_rules() {
    use crate::model::FileKind;
    for r in registry() {
        if matches!(
            r.file,
            FileKind::Icon | FileKind::Readme | FileKind::Intro | FileKind::Script
        ) {
            assert_ne!(r.gate, Gate::Pipeline, "{}", r.code);
        }
    }
}
