//! `SolutionNotClassifiable` (PKG-06).

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// customizations.xml must make the solution a connector, flow or AI plugin solution
    ///
    /// ### Why
    /// Microsoft's validator classifies each solution from its customizations.xml: a non-empty
    /// `<Connector>` alone is the connector solution, `<Connector>` with a non-empty
    /// `<Workflows>` the flow solution, `<Connector>` with `aicopilot_aiplugin` the AI plugin
    /// solution. Anything else is none of them, and certification cannot install it: a flow
    /// solution must also carry the connector its flows use (policy 5000.1.1.7). A
    /// customizations.xml that is not XML cannot be classified at all.
    ///
    /// ### Example
    /// A flow solution exported without adding the custom connector to it has `<Workflows>`
    /// but an empty `<Connectors/>`: add the connector to the solution and export it again.
    pub(crate) static SOLUTION_KIND: Check {
        code: "SolutionNotClassifiable",
        id: "PKG-06",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::SOLUTION_KIND;
    use crate::package::verify::checks::MISSING_KIND;
    use crate::package::verify::testing::*;
    use crate::package::verify::{SolutionKind, VerifyOptions, verify_bytes};

    fn flows_without_connector() -> Vec<u8> {
        solution(
            "<I><Workflows><Workflow Name=\"w\"><JsonFileName>/Workflows/w.json</JsonFileName></Workflow></Workflows><Connectors/></I>",
            &[("Workflows/w.json", b"{}")],
        )
    }

    #[test]
    fn workflows_without_a_connector_or_broken_xml_are_reported() {
        let found = codes(&package_of(&[
            &connector_solution(),
            &flows_without_connector(),
        ]));
        // Also reported: no Connector/ folder (PKG-07 asks for it with workflows) and no flow
        // solution in the package (PKG-08).
        assert!(found.contains(&SOLUTION_KIND.code), "{found:?}");
        assert!(found.contains(&MISSING_KIND.code), "{found:?}");
        let package = package_of(&[&connector_solution(), &flows_without_connector()]);
        snapshot(&SOLUTION_KIND, &package);
        let broken = solution("<I><Connectors>", &[]);
        let found = codes(&package_of(&[
            &connector_solution(),
            &broken,
            &flow_solution(),
        ]));
        assert!(found.contains(&SOLUTION_KIND.code), "{found:?}");
    }

    #[test]
    fn near_miss_an_empty_workflows_element_does_not_make_a_flow_solution() {
        // The connector solution has `<Workflows/>`: empty, so it is the connector solution,
        // not an unclassifiable one.
        let r = verify_bytes("p.zip", &good(), &VerifyOptions::default()).unwrap();
        let kinds: Vec<_> = r.solutions.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SolutionKind::Connector, SolutionKind::Flow]);
        assert!(!r.findings.iter().any(|f| f.code == SOLUTION_KIND.code));
    }
}
