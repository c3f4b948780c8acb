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
    pub severity: DiffSeverity,
    /// Who stops the submission over it: `pipeline` for the changes Microsoft's
    /// `ValidateChange` reports, `review` for the documented forbidden authentication changes,
    /// `platform` for changes that can break existing flows without any check reporting them.
    pub gate: Gate,
    /// operation, input, output, connector, properties, text
    pub area: &'static str,
    /// One line: what changed.
    pub summary: &'static str,
    /// Why it matters, an example, and the evidence where there is some (Markdown with `### `
    /// sections).
    pub explanation: Doc,
    /// The fragment of Microsoft's `ValidateChange` message, when it reports this change.
    pub microsoft: Option<&'static str>,
    /// Source ids (`BC-01`, `BCD-03`, `BCI-07`, `VER-01`), explained in docs/breaking-changes.md.
    pub source: &'static str,
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

pub use api_annotation_family_changed::FAMILY_CHANGED;
pub use api_annotation_revision_changed::REVISION_CHANGED;
pub use authentication_type_changed::AUTHENTICATION_TYPE_CHANGED;
pub use base_path_changed::BASE_PATH_CHANGED;
pub use connection_parameter_added::CONNECTION_PARAMETER_ADDED;
pub use connection_parameter_made_required::CONNECTION_PARAMETER_MADE_REQUIRED;
pub use connection_parameter_removed::CONNECTION_PARAMETER_REMOVED;
pub use connection_parameter_sets_changed::CONNECTION_PARAMETER_SETS_CHANGED;
pub use connection_parameter_type_changed::CONNECTION_PARAMETER_TYPE_CHANGED;
pub use consumes_narrowed::CONSUMES_NARROWED;
pub use deprecated_operation_deleted::DEPRECATED_OPERATION_DELETED;
pub use dynamic_target_removed::DYNAMIC_TARGET_REMOVED;
pub use host_changed::HOST_CHANGED;
pub use identity_provider_changed::IDENTITY_PROVIDER_CHANGED;
pub use input_became_optional::INPUT_BECAME_OPTIONAL;
pub use input_became_required::INPUT_BECAME_REQUIRED;
pub use input_collection_format_changed::INPUT_COLLECTION_FORMAT_CHANGED;
pub use input_constraint_tightened::INPUT_CONSTRAINT_TIGHTENED;
pub use input_default_changed::INPUT_DEFAULT_CHANGED;
pub use input_enum_added::INPUT_ENUM_ADDED;
pub use input_enum_removed::INPUT_ENUM_REMOVED;
pub use input_enum_value_added::INPUT_ENUM_VALUE_ADDED;
pub use input_enum_value_removed::INPUT_ENUM_VALUE_REMOVED;
pub use input_format_changed::INPUT_FORMAT_CHANGED;
pub use input_made_internal::INPUT_MADE_INTERNAL;
pub use input_removed::INPUT_REMOVED;
pub use input_type_changed::INPUT_TYPE_CHANGED;
pub use method_changed::METHOD_CHANGED;
pub use oauth_scopes_changed::OAUTH_SCOPES_CHANGED;
pub use operation_added::OPERATION_ADDED;
pub use operation_deleted::OPERATION_DELETED;
pub use operation_deleted_with_newer_revision::OPERATION_DELETED_NEWER_REVISION;
pub use operation_deprecated::OPERATION_DEPRECATED;
pub use operation_kind_changed::OPERATION_KIND_CHANGED;
pub use operation_made_internal::OPERATION_MADE_INTERNAL;
pub use optional_connection_parameter_added::OPTIONAL_CONNECTION_PARAMETER_ADDED;
pub use optional_input_added::OPTIONAL_INPUT_ADDED;
pub use output_enum_removed::OUTPUT_ENUM_REMOVED;
pub use output_enum_value_added::OUTPUT_ENUM_VALUE_ADDED;
pub use output_format_changed::OUTPUT_FORMAT_CHANGED;
pub use output_property_added::OUTPUT_PROPERTY_ADDED;
pub use output_property_deleted::OUTPUT_PROPERTY_DELETED;
pub use output_schema_removed::OUTPUT_SCHEMA_REMOVED;
pub use output_type_changed::OUTPUT_TYPE_CHANGED;
pub use parameter_location_changed::PARAMETER_LOCATION_CHANGED;
pub use path_template_changed::PATH_TEMPLATE_CHANGED;
pub use policy_templates_changed::POLICY_TEMPLATES_CHANGED;
pub use required_input_added::REQUIRED_INPUT_ADDED;
pub use required_input_added_with_default::REQUIRED_INPUT_ADDED_WITH_DEFAULT;
pub use response_removed::RESPONSE_REMOVED;
pub use response_status_changed::RESPONSE_STATUS_CHANGED;
pub use scheme_removed::SCHEME_REMOVED;
pub use security_definition_added::SECURITY_DEFINITION_ADDED;
pub use security_definition_removed::SECURITY_DEFINITION_REMOVED;
pub use text_changed::TEXT_CHANGED;
pub use trigger_cardinality_changed::TRIGGER_CARDINALITY_CHANGED;
pub use trigger_mechanism_changed::TRIGGER_MECHANISM_CHANGED;

/// Every diff rule, in catalog order.
pub static RULES: &[&DiffRule] = &[
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
pub fn find(code: &str) -> Option<&'static DiffRule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Every diff code has its file, declared there with `declare_code!` and tested there; every
/// file is registered; every explanation says why, with an example.
#[cfg(test)]
mod layout_tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    use super::RULES;

    /// A code in snake case, exactly as the lint rules' layout test (`src/rules/mod.rs`) does
    /// it: `OperationDeleted` → `operation_deleted`, acronyms split before their last capital,
    /// `OAuth` kept as one word (`OAuthScopesChanged` → `oauth_scopes_changed`).
    fn snake(code: &str) -> String {
        let chars: Vec<char> = code.replace("OAuth", "Oauth").chars().collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                let prev = chars[i - 1];
                let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
                if prev.is_ascii_lowercase()
                    || prev.is_ascii_digit()
                    || (prev.is_ascii_uppercase() && next_lower)
                {
                    out.push('_');
                }
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }

    /// Every `src/diff/rules/<name>.rs` but `mod.rs`, by name.
    fn rule_files() -> BTreeMap<String, PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diff/rules");
        let mut files = BTreeMap::new();
        for file in std::fs::read_dir(&root).unwrap() {
            let file = file.unwrap().path();
            let Some(stem) = file.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if file.extension().and_then(|e| e.to_str()) != Some("rs") || stem == "mod" {
                continue;
            }
            files.insert(stem.to_string(), file.clone());
        }
        files
    }

    #[test]
    fn snake_case_of_codes() {
        assert_eq!(snake("OperationDeleted"), "operation_deleted");
        assert_eq!(snake("OAuthScopesChanged"), "oauth_scopes_changed");
        assert_eq!(
            snake("ApiAnnotationFamilyChanged"),
            "api_annotation_family_changed"
        );
    }

    #[test]
    fn every_diff_rule_has_its_own_file_with_a_test_and_every_file_is_registered() {
        let files = rule_files();
        let mut registered = BTreeSet::new();
        for rule in RULES {
            let name = snake(rule.code);
            let path = files.get(&name).unwrap_or_else(|| {
                panic!("{}: no src/diff/rules/{name}.rs", rule.code);
            });
            let text = std::fs::read_to_string(path).unwrap().replace("\r\n", "\n");
            let (decl, tests) = text.split_once("#[cfg(test)]").unwrap_or((&text, ""));
            assert!(
                decl.contains("crate::declare_code!")
                    && decl.contains(&format!("code: \"{}\",", rule.code)),
                "{} is not declared with declare_code! in {}",
                rule.code,
                path.display()
            );
            assert!(
                tests.contains("#[test]") && tests.contains(&format!("\"{}\"", rule.code)),
                "{} has no test in {} that names it",
                rule.code,
                path.display()
            );
            assert!(registered.insert(name), "{} registered twice", rule.code);
        }
        let orphans: Vec<&String> = files.keys().filter(|k| !registered.contains(*k)).collect();
        assert!(
            orphans.is_empty(),
            "diff rule files with no registered rule: {orphans:?}"
        );
    }

    #[test]
    fn every_diff_rule_explains_why_with_an_example() {
        for r in RULES {
            assert!(!r.summary.trim().is_empty(), "{}: no summary", r.code);
            for section in ["Why", "Example"] {
                assert!(
                    r.explanation
                        .section(section)
                        .is_some_and(|s| !s.is_empty()),
                    "{}: no `### {section}` section",
                    r.code
                );
            }
            let text = r.explanation.text();
            for heading in text.lines().filter_map(|l| l.strip_prefix("### ")) {
                assert!(
                    ["Why", "Example", "Evidence"].contains(&heading.trim()),
                    "{}: unknown section `### {heading}`",
                    r.code
                );
            }
            assert!(
                text.starts_with("### Why"),
                "{}: the documentation starts with `### Why`",
                r.code
            );
            assert!(
                !text.contains('§'),
                "{}: cites a § users do not have",
                r.code
            );
        }
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
        let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), RULES.len(), "duplicate diff rule code");
        assert!(RULES.len() >= 40);
    }
}
