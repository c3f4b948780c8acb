//! `SolutionMissingComponentFolder` (PKG-07).

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// A solution has the folders its components need (Connector/, Workflows/, aiplugins/, aipluginoperations/)
    ///
    /// ### Why
    /// customizations.xml names each component's files by path (`/Connector/…`,
    /// `/Workflows/…`); Dataverse reads them from those folders at import. Microsoft's
    /// validator checks that a solution declaring a connector has a `Connector/` folder (the
    /// singular of the zip form, not the unpacked `Connectors/`), one with workflows a
    /// `Workflows/` folder (policy 5000.1.1.14) and an AI plugin `aiplugins/` and
    /// `aipluginoperations/`. Names are compared without regard to case, as PowerShell does.
    ///
    /// ### Example
    /// A solution zipped from the unpacked source has `Connectors/p_t_openapidefinition.json`:
    /// there is no `Connector/` folder, so it is reported. Pack it with `pac solution pack`.
    pub(crate) static SOLUTION_FOLDERS: Check {
        code: "SolutionMissingComponentFolder",
        id: "PKG-07",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::SOLUTION_FOLDERS;
    use crate::package::verify::testing::*;

    fn with_definition_at(path: &str) -> Vec<u8> {
        solution(&format!("<I>{}</I>", connectors_xml("p_t")), &[(path, DEF)])
    }

    #[test]
    fn a_connector_without_a_connector_folder_is_reported() {
        let c = with_definition_at("Connectors/p_t_openapidefinition.json");
        let found = codes(&package_of(&[&c, &flow_solution()]));
        assert!(found.contains(&SOLUTION_FOLDERS.code), "{found:?}");
        snapshot(&SOLUTION_FOLDERS, &package_of(&[&c, &flow_solution()]));
    }

    #[test]
    fn near_miss_the_folder_name_is_compared_without_case() {
        // `connector/` is the Connector folder to the validator (PowerShell's -eq); the
        // definition path it holds is another matter, checked by SolutionConnectorFileMissing.
        let c = with_definition_at("connector/p_t_openapidefinition.json");
        let found = codes(&package_of(&[&c, &flow_solution()]));
        assert!(!found.contains(&SOLUTION_FOLDERS.code), "{found:?}");
    }
}
