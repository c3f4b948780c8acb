//! `PackageMissingSolutionKind` (PKG-08).

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The package holds a connector solution, a flow solution and (with --plugin) an AI plugin solution
    ///
    /// ### Why
    /// Certification installs the connector solution, then runs the sample flows of the flow
    /// solution to see the connector's actions work (policies 5000.1.1.6 and 5000.1.1.8). The
    /// last step of Microsoft's validator checks that both kinds were found among the solution
    /// zips, and the AI plugin solution too when the package is checked with `--plugin`. Two
    /// connector solutions are the right count but the wrong content.
    ///
    /// ### Example
    /// `PkgAssets/ConnectorSolution.zip` and a copy of it named `FlowSolution.zip` are
    /// reported: the package has no flow solution. Export the solution that holds the flows.
    pub(crate) static MISSING_KIND: Check {
        code: "PackageMissingSolutionKind",
        id: "PKG-08",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::MISSING_KIND;
    use crate::package::verify::VerifyOptions;
    use crate::package::verify::testing::*;

    #[test]
    fn two_connector_solutions_lack_the_flow_solution() {
        let c = connector_solution();
        assert_eq!(codes(&package_of(&[&c, &c])), [MISSING_KIND.code]);
        snapshot(&MISSING_KIND, &package_of(&[&c, &c]));
    }

    #[test]
    fn with_plugin_the_plugin_solution_is_required_too() {
        let options = VerifyOptions {
            plugin: true,
            ..Default::default()
        };
        let (c, f) = (connector_solution(), flow_solution());
        assert_eq!(
            codes_with(&package_of(&[&c, &f, &f]), &options),
            [MISSING_KIND.code]
        );
    }

    #[test]
    fn near_miss_with_plugin_the_third_solution_is_the_plugin_solution() {
        let options = VerifyOptions {
            plugin: true,
            ..Default::default()
        };
        let (c, f) = (connector_solution(), flow_solution());
        let plugin = solution(
            &format!(
                "<I>{}<aicopilot_aiplugin><name>x</name></aicopilot_aiplugin></I>",
                connectors_xml("p_t")
            ),
            &[
                ("Connector/p_t_openapidefinition.json", DEF),
                ("aiplugins/x.json", b"{}"),
                ("aipluginoperations/x.json", b"{}"),
            ],
        );
        let found = codes_with(&package_of(&[&c, &f, &plugin]), &options);
        assert!(found.is_empty(), "{found:?}");
    }
}
