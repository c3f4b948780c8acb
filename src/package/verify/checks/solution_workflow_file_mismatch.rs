//! `SolutionWorkflowFileMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// Every `<Workflow>` JsonFileName exists in the zip and every Workflows/*.json is declared (policy 5000.1.1.15)
    ///
    /// ### Why
    /// A modern flow is a `<Workflow>` in customizations.xml whose `<JsonFileName>` names its
    /// definition, `/Workflows/<Name>-<GUID>.json`. Dataverse imports the flow from that file:
    /// a missing file fails the import, and a file no `<Workflow>` declares is silently not
    /// imported. The server-side review checks both (policy 5000.1.1.15); Microsoft's
    /// validator script does not. Classic workflows (XAML) have no JsonFileName and are left
    /// alone.
    ///
    /// ### Example
    /// Renaming a flow's file in `Workflows/` by hand without changing its `<JsonFileName>`
    /// reports both the missing declared file and the undeclared one.
    pub(crate) static WORKFLOW_FILE: Check {
        code: "SolutionWorkflowFileMismatch",
        id: "-",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::WORKFLOW_FILE;
    use crate::package::verify::testing::*;

    fn flow(workflow: &str, files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut all: Vec<(&str, &[u8])> = vec![("Connector/p_t_openapidefinition.json", DEF)];
        all.extend_from_slice(files);
        solution(
            &format!(
                "<I><Workflows>{workflow}</Workflows>{}</I>",
                connectors_xml("p_t")
            ),
            &all,
        )
    }

    #[test]
    fn a_renamed_file_is_missing_and_undeclared() {
        let f = flow(
            "<Workflow Name=\"w\"><JsonFileName>/Workflows/w.json</JsonFileName></Workflow>",
            &[("Workflows/renamed.json", b"{}")],
        );
        let found = codes(&package_of(&[&connector_solution(), &f]));
        assert_eq!(found, [WORKFLOW_FILE.code, WORKFLOW_FILE.code]);
        snapshot(&WORKFLOW_FILE, &package_of(&[&connector_solution(), &f]));
    }

    #[test]
    fn near_miss_a_classic_workflow_without_json_and_case_differences_pass() {
        let f = flow(
            "<Workflow Name=\"w\"><JsonFileName>/Workflows/W.json</JsonFileName></Workflow>\
             <Workflow Name=\"old\"><XamlFileName>/Workflows/old.xaml</XamlFileName></Workflow>",
            &[("Workflows/W.json", b"{}"), ("Workflows/old.xaml", b"<x/>")],
        );
        let found = codes(&package_of(&[&connector_solution(), &f]));
        assert!(found.is_empty(), "{found:?}");
        let no_name = flow("<Workflow Name=\"w\"/>", &[("Workflows/x.txt", b"")]);
        let found = codes(&package_of(&[&connector_solution(), &no_name]));
        assert!(found.contains(&WORKFLOW_FILE.code), "{found:?}");
    }
}
