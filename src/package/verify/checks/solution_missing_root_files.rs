//! `SolutionMissingRootFiles` (PKG-05).

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// A solution zip has `[Content_Types].xml`, customizations.xml and solution.xml at its root
    ///
    /// ### Why
    /// Dataverse imports a solution zip from these three files, present by default in an
    /// exported solution: `solution.xml` (name, version, publisher), `customizations.xml` (its
    /// components) and `[Content_Types].xml`. A zip made from the unpacked source folder (with
    /// `Other/Solution.xml`), or from the folder that holds the files instead of the files, has
    /// them in the wrong place and is refused (policy 5000.1.1.16). Without customizations.xml
    /// the solution cannot be classified either.
    ///
    /// ### Example
    /// `ConnectorSolution.zip` holding `ConnectorSolution/solution.xml` is reported; pack the
    /// solution with `pac solution pack` (or `connkit package`) so that `solution.xml` is at
    /// the root.
    pub(crate) static SOLUTION_FILES: Check {
        code: "SolutionMissingRootFiles",
        id: "PKG-05",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::SOLUTION_FILES;
    use crate::package::verify::testing::*;

    #[test]
    fn a_solution_without_content_types_is_reported() {
        let c = zip(&[
            (
                "customizations.xml",
                format!("<I>{}</I>", connectors_xml("p_t")).as_bytes(),
            ),
            ("solution.xml", b"<ImportExportXml/>"),
            ("Connector/p_t_openapidefinition.json", DEF),
        ]);
        assert_eq!(
            codes(&package_of(&[&c, &flow_solution()])),
            [SOLUTION_FILES.code]
        );
        snapshot(&SOLUTION_FILES, &package_of(&[&c, &flow_solution()]));
    }

    #[test]
    fn the_files_one_folder_down_do_not_count_and_a_good_solution_passes() {
        // The same three files inside a folder: still missing at the root, and reported once.
        let c = zip(&[
            ("S/[Content_Types].xml", b"<Types/>"),
            ("S/customizations.xml", b"<I/>"),
            ("S/solution.xml", b"<ImportExportXml/>"),
        ]);
        let found = codes(&package_of(&[&c, &flow_solution()]));
        assert_eq!(
            found.iter().filter(|c| **c == SOLUTION_FILES.code).count(),
            1,
            "{found:?}"
        );
    }

    #[test]
    fn near_miss_the_three_files_at_the_root_with_the_unpacked_form_beside_them_pass() {
        let c = solution(
            &format!("<I>{}</I>", connectors_xml("p_t")),
            &[
                ("Connector/p_t_openapidefinition.json", DEF),
                ("Other/Solution.xml", b"<ImportExportXml/>"),
            ],
        );
        let found = codes(&package_of(&[&c, &flow_solution()]));
        assert!(found.is_empty(), "{found:?}");
    }
}
