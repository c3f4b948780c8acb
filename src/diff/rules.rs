//! Diff rules: one `static DiffRule` per change kind, declared like lint rules (code, severity,
//! summary, explanation, Microsoft's wording where one is known, catalog source). The checks
//! live in `compare.rs`, which walks both documents once and emits by rule; rules that differ
//! only by a key (input vs output, which field) share a walk.

use super::DiffSeverity::{self, Breaking, Info, Warning};
use crate::core::Gate;

/// What kind of change a rule reports.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct DiffRule {
    /// PascalCase code.
    pub code: &'static str,
    pub severity: DiffSeverity,
    /// Who stops the submission over it: `pipeline` for the changes Microsoft's
    /// `ValidateChange` reports, `review` for the documented forbidden authentication changes,
    /// `platform` for changes that can break existing flows without any check reporting them.
    pub gate: Gate,
    /// operation, input, output, connector, properties, text
    pub area: &'static str,
    pub summary: &'static str,
    pub explanation: &'static str,
    /// The fragment of Microsoft's `ValidateChange` message, when it reports this change.
    pub microsoft: Option<&'static str>,
    /// Source ids (`BC-01`, `BCD-03`, `BCI-07`, `VER-01`), explained in docs/breaking-changes.md.
    pub source: &'static str,
}

macro_rules! diff_rules {
    ($( $name:ident: $code:literal, $sev:ident, $gate:ident, $area:literal, $src:literal, $ms:expr,
        $summary:literal, $expl:literal; )*) => {
        $(
            pub static $name: DiffRule = DiffRule {
                code: $code,
                severity: $sev,
                gate: Gate::$gate,
                area: $area,
                summary: $summary,
                explanation: $expl,
                microsoft: $ms,
                source: $src,
            };
        )*
        /// Every diff rule, in catalog order.
        pub static RULES: &[&DiffRule] = &[$(&$name),*];
    };
}

diff_rules! {
    OPERATION_DELETED: "OperationDeleted", Breaking, Pipeline, "operation", "BC-01", Some("The operation has been deleted"),
        "an operationId of the old definition is missing from the new one",
        "Flows and apps call operations by operationId; a deleted operation breaks every flow that uses it. \
         Renaming an operationId is a deletion plus an addition (Microsoft's model): keep the old operation, \
         mark it `deprecated: true`, and add the new one as a new revision (same x-ms-api-annotation family, \
         revision + 1).";
    DEPRECATED_OPERATION_DELETED: "DeprecatedOperationDeleted", Warning, Platform, "operation", "BC-01, VER-03", None,
        "an operation that was already deprecated has been removed",
        "Removing an operation that was marked `deprecated: true` follows the documented deprecation path \
         (30 days' notice); existing flows that still use it will stop working, so confirm the notice was given.";
    OPERATION_DELETED_NEWER_REVISION: "OperationDeletedWithNewerRevision", Warning, Platform, "operation", "BC-01, VER-01", None,
        "an operation was removed while its x-ms-api-annotation family has a newer revision",
        "The family's newer revision is the documented replacement. Microsoft recommends deprecating the old \
         revision first (hidden in the designer, still working) rather than deleting it.";
    OPERATION_ADDED: "OperationAdded", Info, Advice, "operation", "BCD-05", None,
        "a new operation",
        "Adding an operation is safe.";
    PATH_TEMPLATE_CHANGED: "PathTemplateChanged", Breaking, Pipeline, "operation", "BC-02, BCD-02", Some("The path template has been changed"),
        "the URL path of an operation changed",
        "The path is part of the operation's contract (Microsoft gives it as the example of a breaking change). \
         Add a new revision with the new path instead.";
    METHOD_CHANGED: "MethodChanged", Warning, Platform, "operation", "BCI-01", None,
        "the HTTP method of an operation changed",
        "(path, method) identifies an operation; a different method is a different request for the backend. Evidence: a warning. Not seen in any quoted ValidateChange output (which keys operations by operationId), but the backend receives a different request.";
    OPERATION_KIND_CHANGED: "OperationKindChanged", Warning, Platform, "operation", "BCI-04", None,
        "an operation switched between action and trigger (x-ms-trigger added or removed)",
        "Actions and triggers are used in different places of a flow; the existing uses cannot follow the switch.";
    TRIGGER_CARDINALITY_CHANGED: "TriggerCardinalityChanged", Warning, Platform, "operation", "BCI-04", None,
        "x-ms-trigger changed between single and batch",
        "A batch trigger fires once per array, a single trigger once per item: flows built on one shape break.";
    TRIGGER_MECHANISM_CHANGED: "TriggerMechanismChanged", Warning, Platform, "operation", "BCI-04", None,
        "a trigger changed between webhook (x-ms-notification-content) and polling",
        "Existing flows registered a webhook or poll on the old mechanism.";
    OPERATION_MADE_INTERNAL: "OperationMadeInternal", Warning, Platform, "operation", "BCI-05", None,
        "an operation became x-ms-visibility: internal",
        "Internal operations are hidden from makers; flows using it keep it but nobody can add it again.";
    OPERATION_DEPRECATED: "OperationDeprecated", Info, Advice, "operation", "BCI-05, VER-03", None,
        "an operation is newly deprecated",
        "Deprecation is the documented, non-breaking way to retire an operation: existing flows keep working, \
         the designer hides it. Append '(deprecated)' to summary and description.";
    FAMILY_CHANGED: "ApiAnnotationFamilyChanged", Warning, Platform, "operation", "BCI-09", None,
        "x-ms-api-annotation.family changed for an existing operation",
        "The family links the revisions of one operation; changing it breaks the designer's upgrade path.";
    REVISION_CHANGED: "ApiAnnotationRevisionChanged", Warning, Platform, "operation", "BCI-09", None,
        "x-ms-api-annotation.revision changed for an existing operation",
        "A new revision should be a new operation (new operationId and path); an existing operation keeps its revision.";
    CONSUMES_NARROWED: "ConsumesNarrowed", Warning, Platform, "operation", "BCI-07", None,
        "a media type was removed from consumes",
        "Requests sent with the removed content type are no longer described as accepted.";
    PARAMETER_LOCATION_CHANGED: "ParameterLocationChanged", Breaking, Pipeline, "input", "BC-03", Some("The location has been changed for the parameter"),
        "a parameter moved (query, path, header, body, formData)",
        "The value is sent somewhere else; saved flows and the backend disagree.";
    REQUIRED_INPUT_ADDED: "RequiredInputAdded", Breaking, Pipeline, "input", "BC-04", Some("A new required input field has been added"),
        "a new required parameter or required body property",
        "Existing flows do not send the new value and fail validation. Make it optional, give it a default, or add a new revision.";
    REQUIRED_INPUT_ADDED_WITH_DEFAULT: "RequiredInputAddedWithDefault", Warning, Pipeline, "input", "BC-04", Some("A new required input field has been added"),
        "a new required input that has a default value",
        "A default fills the value for existing flows in the designer, but Microsoft's validator still reports \
         a new required input: expect to justify it in the pull request.";
    OPTIONAL_INPUT_ADDED: "OptionalInputAdded", Info, Advice, "input", "BCD-05", None,
        "a new optional parameter or body property",
        "Usually safe (Microsoft: 'consider carefully').";
    INPUT_REMOVED: "InputRemoved", Warning, Platform, "input", "BCI-02, BCD-01", None,
        "a parameter or body property was removed",
        "Microsoft's versioning policy lists removing parameters as breaking: flows that set it send a value the API no longer accepts. Evidence: a warning. Microsoft's ValidateChange has never been quoted reporting a removed input: in PR #3656 its list showed RequiredInputAdded and OutputPropertyDeleted next to a case-renamed input, and no removal.";
    INPUT_BECAME_REQUIRED: "InputBecameRequired", Breaking, Pipeline, "input", "BC-05", Some("The input field has been changed from optional to required"),
        "an optional input became required",
        "Flows that left it empty now fail.";
    INPUT_BECAME_OPTIONAL: "InputBecameOptional", Info, Advice, "input", "BCD-05", None,
        "a required input became optional",
        "Relaxing a requirement is safe.";
    INPUT_ENUM_VALUE_REMOVED: "InputEnumValueRemoved", Breaking, Pipeline, "input", "BC-06", Some("An enum value has been removed from the input field"),
        "a value was removed from an input's enum",
        "Flows that chose the removed value become invalid.";
    INPUT_ENUM_ADDED: "InputEnumAdded", Breaking, Pipeline, "input", "BC-07", Some("A list of enum values has been added to the input field"),
        "an input that accepted any value now has an enum",
        "Values outside the new list, accepted before, are now rejected.";
    INPUT_ENUM_VALUE_ADDED: "InputEnumValueAdded", Info, Advice, "input", "BCD-05", None,
        "a value was added to an input's enum",
        "Accepting more values is safe.";
    INPUT_ENUM_REMOVED: "InputEnumRemoved", Info, Advice, "input", "BCD-05", None,
        "an input's enum was removed (any value accepted now)",
        "Accepting more values is safe.";
    INPUT_TYPE_CHANGED: "InputTypeChanged", Breaking, Pipeline, "input", "BCI-03", Some("The type has been changed for the input field"),
        "the type of an input changed",
        "Values saved in flows may no longer be valid. Evidence: breaking. Microsoft's ValidateChange reported it as an error (PR #480).";
    INPUT_FORMAT_CHANGED: "InputFormatChanged", Warning, Platform, "input", "BCI-03", None,
        "the format of an input changed",
        "Values saved in flows may no longer be valid (e.g. date vs date-time).";
    INPUT_MADE_INTERNAL: "InputMadeInternal", Warning, Platform, "input", "BCI-05", None,
        "an input became x-ms-visibility: internal without a default",
        "An internal input is hidden from makers; without a default nothing fills it.";
    INPUT_DEFAULT_CHANGED: "InputDefaultChanged", Warning, Platform, "input", "BCD-01", None,
        "the default value of an input changed or was removed",
        "Flows that relied on the default silently send something else (a change of behaviour).";
    INPUT_COLLECTION_FORMAT_CHANGED: "InputCollectionFormatChanged", Warning, Platform, "input", "BCI-07", None,
        "collectionFormat of an array parameter changed",
        "The array is serialized differently on the wire.";
    INPUT_CONSTRAINT_TIGHTENED: "InputConstraintTightened", Warning, Platform, "input", "BCD-01", None,
        "an input constraint became stricter (maxLength, maximum, minLength, minimum, maxItems, minItems, pattern)",
        "Values accepted before may now be rejected.";
    OUTPUT_PROPERTY_DELETED: "OutputPropertyDeleted", Breaking, Pipeline, "output", "BC-09", Some("The output field has been deleted"),
        "a property of a response or notification schema was removed",
        "Flows that use the output as dynamic content break.";
    OUTPUT_TYPE_CHANGED: "OutputTypeChanged", Breaking, Pipeline, "output", "BC-10", Some("The type has been changed for the output field"),
        "the type of an output changed",
        "Expressions and later steps that use the output expect the old type.";
    OUTPUT_FORMAT_CHANGED: "OutputFormatChanged", Breaking, Pipeline, "output", "BC-11", Some("The type format has been changed for the output field"),
        "the format of an output changed (e.g. uuid added)",
        "Microsoft's validator reports any format change of an output field, also adding one.";
    OUTPUT_ENUM_REMOVED: "OutputEnumRemoved", Warning, Platform, "output", "BC-08", None,
        "an output lost its enum list",
        "Flows that compare the output against the listed values can no longer rely on them. Evidence: a warning. No quoted ValidateChange list contains a removed output enum.";
    OUTPUT_ENUM_VALUE_ADDED: "OutputEnumValueAdded", Warning, Platform, "output", "BCD-01", None,
        "a value was added to an output's enum",
        "Flows with a switch over the old values do not handle the new one.";
    OUTPUT_PROPERTY_ADDED: "OutputPropertyAdded", Info, Advice, "output", "BCD-05", None,
        "a new output property",
        "Adding outputs is safe.";
    OUTPUT_SCHEMA_REMOVED: "OutputSchemaRemoved", Breaking, Pipeline, "output", "BC-09", Some("The output field has been deleted"),
        "a success (2xx or default) response that had a schema no longer has one",
        "Every output field of the response is gone. Error responses (4xx, 5xx) are not outputs a flow \
         can use and are not compared.";
    RESPONSE_STATUS_CHANGED: "ResponseStatusChanged", Warning, Platform, "output", "BCI-08", None,
        "the success response moved to another status code",
        "Output paths are keyed by status code (responses/<code>/schema/…): dynamic content references change.";
    RESPONSE_REMOVED: "ResponseRemoved", Warning, Platform, "output", "BCI-08", None,
        "a documented response status was removed",
        "Clients lose the description of that response.";
    DYNAMIC_TARGET_REMOVED: "DynamicTargetRemoved", Warning, Platform, "operation", "BCI-08", None,
        "an operation used by x-ms-dynamic-values/-schema/-list/-tree/-properties was removed",
        "The dropdown or dynamic schema that called it stops working in existing flows and in the designer.";
    HOST_CHANGED: "HostChanged", Warning, Platform, "connector", "BCI-07", None,
        "host changed",
        "Every request goes to another server; existing connections may not be valid there.";
    BASE_PATH_CHANGED: "BasePathChanged", Warning, Platform, "connector", "BCI-07", None,
        "basePath changed",
        "Every operation's URL changes.";
    SCHEME_REMOVED: "SchemeRemoved", Warning, Platform, "connector", "BCI-07", None,
        "a scheme (http/https) was removed",
        "Requests over the removed scheme are no longer described.";
    AUTHENTICATION_TYPE_CHANGED: "AuthenticationTypeChanged", Breaking, Review, "connector", "BCD-03, BCI-06", None,
        "the authentication type (securityDefinitions type or OAuth flow) changed",
        "Microsoft forbids changing a connector's authentication type in an update: every existing connection breaks.";
    SECURITY_DEFINITION_REMOVED: "SecurityDefinitionRemoved", Breaking, Review, "connector", "BCI-06", None,
        "all authentication was removed",
        "Existing connections were made with credentials the connector no longer describes.";
    SECURITY_DEFINITION_ADDED: "SecurityDefinitionAdded", Warning, Platform, "connector", "BCD-03", None,
        "authentication was added to a connector that had none",
        "Existing connections have no credentials.";
    OAUTH_SCOPES_CHANGED: "OAuthScopesChanged", Warning, Platform, "connector", "BCI-06", None,
        "OAuth scopes changed",
        "Existing tokens were granted the old scopes; users may have to re-consent.";
    TEXT_CHANGED: "TextChanged", Info, Advice, "text", "BCD-06", None,
        "a summary, description, title or x-ms-summary changed",
        "Text-only changes are safe (Microsoft's minor-update list).";
    CONNECTION_PARAMETER_ADDED: "ConnectionParameterAdded", Breaking, Review, "properties", "BCD-03", None,
        "a required connection parameter was added (apiProperties.json)",
        "Existing connections do not have it.";
    OPTIONAL_CONNECTION_PARAMETER_ADDED: "OptionalConnectionParameterAdded", Info, Advice, "properties", "BCD-05", None,
        "an optional connection parameter was added",
        "Safe for existing connections.";
    CONNECTION_PARAMETER_REMOVED: "ConnectionParameterRemoved", Warning, Platform, "properties", "BCD-03", None,
        "a connection parameter was removed",
        "Existing connections carry a value nothing uses; policies or scripts that read it break.";
    CONNECTION_PARAMETER_MADE_REQUIRED: "ConnectionParameterMadeRequired", Breaking, Review, "properties", "BCD-03", None,
        "a connection parameter became required",
        "Existing connections that left it empty are invalid.";
    CONNECTION_PARAMETER_TYPE_CHANGED: "ConnectionParameterTypeChanged", Breaking, Review, "properties", "BCD-03", None,
        "the type of a connection parameter changed",
        "Changes how the connection is made (e.g. securestring to oauthSetting is an authentication change).";
    IDENTITY_PROVIDER_CHANGED: "IdentityProviderChanged", Breaking, Review, "properties", "BCD-03", None,
        "the OAuth identity provider changed",
        "A different identity provider is a different authentication type: forbidden in an update.";
    CONNECTION_PARAMETER_SETS_CHANGED: "ConnectionParameterSetsChanged", Warning, Platform, "properties", "BCD-03", None,
        "connectionParameterSets (multi-auth) added, removed or a set renamed",
        "Existing connections were made with one of the old sets.";
    POLICY_TEMPLATES_CHANGED: "PolicyTemplatesChanged", Warning, Platform, "properties", "BCD-01", None,
        "policyTemplateInstances changed",
        "Policies rewrite requests and responses: a change of behaviour for existing flows.";
}

/// A diff rule by code (case-insensitive).
pub fn find(code: &str) -> Option<&'static DiffRule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}
