//! The package checks, one file each, named after the check's code, declared with
//! [`declare_code!`](crate::declare_code): the first doc line is the summary, the others the
//! explanation (`### Why`, `### Example`).

use serde::Serialize;

use crate::core::{Doc, Severity};

/// A package-level check: code, catalog id, severity, summary and explanation.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct Check {
    pub(crate) code: &'static str,
    /// The catalog id (`PKG-02`) or `-` for checks beyond the PowerShell validator.
    pub(crate) id: &'static str,
    pub(crate) severity: Severity,
    /// One line: what the check requires.
    pub(crate) summary: &'static str,
    /// Why it matters and an example (Markdown with `### ` sections).
    pub(crate) explanation: Doc,
}

mod package_assets_wrong_solution_count;
mod package_connection_parameters_mismatch;
mod package_connector_mismatch;
mod package_contains_os_junk;
mod package_definition_mismatch;
mod package_entry_backslash_separator;
mod package_file_not_zip;
mod package_files_layout_invalid;
mod package_icon_mismatch;
mod package_missing_solution_kind;
mod package_not_single_assets_folder;
mod package_policy_templates_mismatch;
mod package_root_not_single_md_and_zip;
mod solution_connector_file_missing;
mod solution_missing_component_folder;
mod solution_missing_root_files;
mod solution_not_classifiable;
mod solution_publisher_prefix_invalid;
mod solution_workflow_file_mismatch;

pub(crate) use package_assets_wrong_solution_count::ASSETS_CONTENT;
pub(crate) use package_connection_parameters_mismatch::PARAMETERS_MISMATCH;
pub(crate) use package_connector_mismatch::CONNECTOR_INCONSISTENT;
pub(crate) use package_contains_os_junk::OS_JUNK;
pub(crate) use package_definition_mismatch::DEFINITION_MISMATCH;
pub(crate) use package_entry_backslash_separator::BACKSLASH;
pub(crate) use package_file_not_zip::FILE_NOT_ZIP;
pub(crate) use package_files_layout_invalid::FILES_LAYOUT;
pub(crate) use package_icon_mismatch::ICON_MISMATCH;
pub(crate) use package_missing_solution_kind::MISSING_KIND;
pub(crate) use package_not_single_assets_folder::ASSETS_FOLDER;
pub(crate) use package_policy_templates_mismatch::POLICIES_MISMATCH;
pub(crate) use package_root_not_single_md_and_zip::ROOT_LAYOUT;
pub(crate) use solution_connector_file_missing::CONNECTOR_FILE;
pub(crate) use solution_missing_component_folder::SOLUTION_FOLDERS;
pub(crate) use solution_missing_root_files::SOLUTION_FILES;
pub(crate) use solution_not_classifiable::SOLUTION_KIND;
pub(crate) use solution_publisher_prefix_invalid::PREFIX_INVALID;
pub(crate) use solution_workflow_file_mismatch::WORKFLOW_FILE;

/// Every package check, in catalog order.
pub(crate) static CHECKS: &[&Check] = &[
    &FILE_NOT_ZIP,
    &ROOT_LAYOUT,
    &ASSETS_FOLDER,
    &ASSETS_CONTENT,
    &SOLUTION_FILES,
    &SOLUTION_KIND,
    &SOLUTION_FOLDERS,
    &MISSING_KIND,
    &BACKSLASH,
    &OS_JUNK,
    &WORKFLOW_FILE,
    &CONNECTOR_FILE,
    &DEFINITION_MISMATCH,
    &PARAMETERS_MISMATCH,
    &POLICIES_MISMATCH,
    &ICON_MISMATCH,
    &CONNECTOR_INCONSISTENT,
    &PREFIX_INVALID,
    &FILES_LAYOUT,
];

#[cfg(test)]
mod tests {
    use super::CHECKS;

    #[test]
    fn every_check_has_a_distinct_code_and_the_validator_ids_in_order() {
        let mut codes: Vec<_> = CHECKS.iter().map(|c| c.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), CHECKS.len());
        let ids: Vec<_> = CHECKS.iter().map(|c| c.id).filter(|i| *i != "-").collect();
        assert_eq!(
            ids,
            [
                "PKG-01", "PKG-02", "PKG-03", "PKG-04", "PKG-05", "PKG-06", "PKG-07", "PKG-08"
            ]
        );
    }

    /// Every check's file snapshots the `verify-package` text report of a package that
    /// triggers it (`testing::snapshot`), and every snapshot belongs to a check.
    #[test]
    fn every_check_has_its_rendered_report_under_snapshot() {
        let codes: Vec<&str> = CHECKS.iter().map(|c| c.code).collect();
        let problems = crate::catalog::layout::snapshot_problems(
            "src/package/verify/checks/snapshots",
            &codes,
            &[],
        );
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// One file per check, named after its code, declaring it, with a test naming it; every
    /// explanation has `### Why` (issue #15).
    #[test]
    fn every_check_has_its_own_tested_file() {
        let codes: Vec<_> = CHECKS.iter().map(|c| (c.code, c.explanation)).collect();
        let problems = crate::catalog::layout::problems("src/package/verify/checks", &codes);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
