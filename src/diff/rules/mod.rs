//! Diff rules: one `static DiffRule` per change kind, each in its own file named after its
//! code (`OperationDeleted` → `operation_deleted.rs`) and declared with
//! [`declare_code!`](crate::declare_code) like every code connkit prints: the summary line,
//! the documentation (`### Why`, `### Example`, `### Evidence`), then code, severity, gate,
//! area, Microsoft's wording where one is known, and the catalog source. The checks live in
//! `compare/`, which walks both documents once and emits by rule; rules that differ only by a
//! key (input vs output, which field) share a walk.

use super::DiffSeverity;
use crate::core::{Doc, Gate};

/// What kind of change a rule reports.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct DiffRule {
    /// PascalCase code.
    pub code: &'static str,
    pub(crate) severity: DiffSeverity,
    /// Who stops the submission over it: `pipeline` for the changes Microsoft's
    /// `ValidateChange` reports, `review` for the documented forbidden authentication changes,
    /// `platform` for changes that can break existing flows without any check reporting them.
    pub(crate) gate: Gate,
    /// operation, input, output, connector, properties, text
    pub(crate) area: &'static str,
    /// One line: what changed.
    pub(crate) summary: &'static str,
    /// Why it matters, an example, and the evidence where there is some (Markdown with `### `
    /// sections).
    pub(crate) explanation: Doc,
    /// The fragment of Microsoft's `ValidateChange` message, when it reports this change.
    pub(crate) microsoft: Option<&'static str>,
    /// Source ids (`BC-01`, `BCD-03`, `BCI-07`, `VER-01`), explained in docs/breaking-changes.md.
    pub(crate) source: &'static str,
}

mod api_annotation_family_changed;
mod api_annotation_revision_changed;
mod authentication_type_changed;
mod base_path_changed;
mod connection_parameter_added;
mod connection_parameter_made_required;
mod connection_parameter_removed;
mod connection_parameter_sets_changed;
mod connection_parameter_type_changed;
mod consumes_narrowed;
mod deprecated_operation_deleted;
mod dynamic_target_removed;
mod host_changed;
mod identity_provider_changed;
mod input_became_optional;
mod input_became_required;
mod input_collection_format_changed;
mod input_constraint_tightened;
mod input_default_changed;
mod input_enum_added;
mod input_enum_removed;
mod input_enum_value_added;
mod input_enum_value_removed;
mod input_format_changed;
mod input_made_internal;
mod input_removed;
mod input_type_changed;
mod method_changed;
mod oauth_scopes_changed;
mod operation_added;
mod operation_deleted;
mod operation_deleted_with_newer_revision;
mod operation_deprecated;
mod operation_kind_changed;
mod operation_made_internal;
mod optional_connection_parameter_added;
mod optional_input_added;
mod output_enum_removed;
mod output_enum_value_added;
mod output_format_changed;
mod output_property_added;
mod output_property_deleted;
mod output_schema_removed;
mod output_type_changed;
mod parameter_location_changed;
mod path_template_changed;
mod policy_templates_changed;
mod required_input_added;
mod required_input_added_with_default;
mod response_removed;
mod response_status_changed;
mod scheme_removed;
mod security_definition_added;
mod security_definition_removed;
mod text_changed;
mod trigger_cardinality_changed;
mod trigger_mechanism_changed;

pub(crate) use api_annotation_family_changed::FAMILY_CHANGED;
pub(crate) use api_annotation_revision_changed::REVISION_CHANGED;
pub(crate) use authentication_type_changed::AUTHENTICATION_TYPE_CHANGED;
pub(crate) use base_path_changed::BASE_PATH_CHANGED;
pub(crate) use connection_parameter_added::CONNECTION_PARAMETER_ADDED;
pub(crate) use connection_parameter_made_required::CONNECTION_PARAMETER_MADE_REQUIRED;
pub(crate) use connection_parameter_removed::CONNECTION_PARAMETER_REMOVED;
pub(crate) use connection_parameter_sets_changed::CONNECTION_PARAMETER_SETS_CHANGED;
pub(crate) use connection_parameter_type_changed::CONNECTION_PARAMETER_TYPE_CHANGED;
pub(crate) use consumes_narrowed::CONSUMES_NARROWED;
pub(crate) use deprecated_operation_deleted::DEPRECATED_OPERATION_DELETED;
pub(crate) use dynamic_target_removed::DYNAMIC_TARGET_REMOVED;
pub(crate) use host_changed::HOST_CHANGED;
pub(crate) use identity_provider_changed::IDENTITY_PROVIDER_CHANGED;
pub(crate) use input_became_optional::INPUT_BECAME_OPTIONAL;
pub(crate) use input_became_required::INPUT_BECAME_REQUIRED;
pub(crate) use input_collection_format_changed::INPUT_COLLECTION_FORMAT_CHANGED;
pub(crate) use input_constraint_tightened::INPUT_CONSTRAINT_TIGHTENED;
pub(crate) use input_default_changed::INPUT_DEFAULT_CHANGED;
pub(crate) use input_enum_added::INPUT_ENUM_ADDED;
pub(crate) use input_enum_removed::INPUT_ENUM_REMOVED;
pub(crate) use input_enum_value_added::INPUT_ENUM_VALUE_ADDED;
pub(crate) use input_enum_value_removed::INPUT_ENUM_VALUE_REMOVED;
pub(crate) use input_format_changed::INPUT_FORMAT_CHANGED;
pub(crate) use input_made_internal::INPUT_MADE_INTERNAL;
pub(crate) use input_removed::INPUT_REMOVED;
pub(crate) use input_type_changed::INPUT_TYPE_CHANGED;
pub(crate) use method_changed::METHOD_CHANGED;
pub(crate) use oauth_scopes_changed::OAUTH_SCOPES_CHANGED;
pub(crate) use operation_added::OPERATION_ADDED;
pub(crate) use operation_deleted::OPERATION_DELETED;
pub(crate) use operation_deleted_with_newer_revision::OPERATION_DELETED_NEWER_REVISION;
pub(crate) use operation_deprecated::OPERATION_DEPRECATED;
pub(crate) use operation_kind_changed::OPERATION_KIND_CHANGED;
pub(crate) use operation_made_internal::OPERATION_MADE_INTERNAL;
pub(crate) use optional_connection_parameter_added::OPTIONAL_CONNECTION_PARAMETER_ADDED;
pub(crate) use optional_input_added::OPTIONAL_INPUT_ADDED;
pub(crate) use output_enum_removed::OUTPUT_ENUM_REMOVED;
pub(crate) use output_enum_value_added::OUTPUT_ENUM_VALUE_ADDED;
pub(crate) use output_format_changed::OUTPUT_FORMAT_CHANGED;
pub(crate) use output_property_added::OUTPUT_PROPERTY_ADDED;
pub(crate) use output_property_deleted::OUTPUT_PROPERTY_DELETED;
pub(crate) use output_schema_removed::OUTPUT_SCHEMA_REMOVED;
pub(crate) use output_type_changed::OUTPUT_TYPE_CHANGED;
pub(crate) use parameter_location_changed::PARAMETER_LOCATION_CHANGED;
pub(crate) use path_template_changed::PATH_TEMPLATE_CHANGED;
pub(crate) use policy_templates_changed::POLICY_TEMPLATES_CHANGED;
pub(crate) use required_input_added::REQUIRED_INPUT_ADDED;
pub(crate) use required_input_added_with_default::REQUIRED_INPUT_ADDED_WITH_DEFAULT;
pub(crate) use response_removed::RESPONSE_REMOVED;
pub(crate) use response_status_changed::RESPONSE_STATUS_CHANGED;
pub(crate) use scheme_removed::SCHEME_REMOVED;
pub(crate) use security_definition_added::SECURITY_DEFINITION_ADDED;
pub(crate) use security_definition_removed::SECURITY_DEFINITION_REMOVED;
pub(crate) use text_changed::TEXT_CHANGED;
pub(crate) use trigger_cardinality_changed::TRIGGER_CARDINALITY_CHANGED;
pub(crate) use trigger_mechanism_changed::TRIGGER_MECHANISM_CHANGED;

/// Every diff rule, in catalog order.
pub(crate) static RULES: &[&DiffRule] = &[
    &OPERATION_DELETED,
    &DEPRECATED_OPERATION_DELETED,
    &OPERATION_DELETED_NEWER_REVISION,
    &OPERATION_ADDED,
    &PATH_TEMPLATE_CHANGED,
    &METHOD_CHANGED,
    &OPERATION_KIND_CHANGED,
    &TRIGGER_CARDINALITY_CHANGED,
    &TRIGGER_MECHANISM_CHANGED,
    &OPERATION_MADE_INTERNAL,
    &OPERATION_DEPRECATED,
    &FAMILY_CHANGED,
    &REVISION_CHANGED,
    &CONSUMES_NARROWED,
    &PARAMETER_LOCATION_CHANGED,
    &REQUIRED_INPUT_ADDED,
    &REQUIRED_INPUT_ADDED_WITH_DEFAULT,
    &OPTIONAL_INPUT_ADDED,
    &INPUT_REMOVED,
    &INPUT_BECAME_REQUIRED,
    &INPUT_BECAME_OPTIONAL,
    &INPUT_ENUM_VALUE_REMOVED,
    &INPUT_ENUM_ADDED,
    &INPUT_ENUM_VALUE_ADDED,
    &INPUT_ENUM_REMOVED,
    &INPUT_TYPE_CHANGED,
    &INPUT_FORMAT_CHANGED,
    &INPUT_MADE_INTERNAL,
    &INPUT_DEFAULT_CHANGED,
    &INPUT_COLLECTION_FORMAT_CHANGED,
    &INPUT_CONSTRAINT_TIGHTENED,
    &OUTPUT_PROPERTY_DELETED,
    &OUTPUT_TYPE_CHANGED,
    &OUTPUT_FORMAT_CHANGED,
    &OUTPUT_ENUM_REMOVED,
    &OUTPUT_ENUM_VALUE_ADDED,
    &OUTPUT_PROPERTY_ADDED,
    &OUTPUT_SCHEMA_REMOVED,
    &RESPONSE_STATUS_CHANGED,
    &RESPONSE_REMOVED,
    &DYNAMIC_TARGET_REMOVED,
    &HOST_CHANGED,
    &BASE_PATH_CHANGED,
    &SCHEME_REMOVED,
    &AUTHENTICATION_TYPE_CHANGED,
    &SECURITY_DEFINITION_REMOVED,
    &SECURITY_DEFINITION_ADDED,
    &OAUTH_SCOPES_CHANGED,
    &TEXT_CHANGED,
    &CONNECTION_PARAMETER_ADDED,
    &OPTIONAL_CONNECTION_PARAMETER_ADDED,
    &CONNECTION_PARAMETER_REMOVED,
    &CONNECTION_PARAMETER_MADE_REQUIRED,
    &CONNECTION_PARAMETER_TYPE_CHANGED,
    &IDENTITY_PROVIDER_CHANGED,
    &CONNECTION_PARAMETER_SETS_CHANGED,
    &POLICY_TEMPLATES_CHANGED,
];

/// A diff rule by code (case-insensitive).
pub(crate) fn find(code: &str) -> Option<&'static DiffRule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Every diff code has its file, declared there with `declare_code!` and tested there; every
/// file is registered; every explanation says why, with an example.
#[cfg(test)]
mod layout_tests {
    use super::RULES;

    /// One file per diff rule, named after its code, declaring it, with a test naming it;
    /// documentation in the fixed sections (issue #15).
    #[test]
    fn every_diff_rule_has_its_own_tested_file() {
        let codes: Vec<_> = RULES.iter().map(|r| (r.code, r.explanation)).collect();
        let problems = crate::catalog::layout::problems("src/diff/rules", &codes);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn codes_are_pascal_case_and_unique() {
        for r in RULES {
            assert!(
                r.code
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_uppercase())
                    && !r.code.contains(['_', '-', ' ']),
                "{} is not PascalCase",
                r.code
            );
        }
        assert!(RULES.len() >= 40);
    }
}
