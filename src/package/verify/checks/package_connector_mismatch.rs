//! `PackageConnectorMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// Every solution of the package carries the same connector: same name, same connectorid, same definition (policy 5000.1.1.7)
    ///
    /// ### Why
    /// The flow solution must contain the connector its flows call (policy 5000.1.1.7), and it
    /// must be the connector of the connector solution: same schema name (which includes the
    /// publisher prefix), same `connectorid`, same definition. Otherwise importing both
    /// solutions installs two connectors, or one overwrites the other, and the sample flows
    /// test a connector that is not the one certified. The connector solution's connector is
    /// compared with each other solution's; at most five definition differences are listed.
    ///
    /// ### Example
    /// A flow solution exported from an environment where the publisher prefix was `new`
    /// holds `new_contoso` while the connector solution holds `cts_contoso`: reported, with a
    /// hint when the same connectorid has another name there.
    pub(crate) static CONNECTOR_INCONSISTENT: Check {
        code: "PackageConnectorMismatch",
        id: "-",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::CONNECTOR_INCONSISTENT;
    use crate::package::verify::testing::*;

    fn flow_with(connector: &str, def: &[u8]) -> Vec<u8> {
        let def_path = format!("Connector/{connector}_openapidefinition.json");
        solution(
            &format!(
                "<I><Workflows><Workflow Name=\"w\"><JsonFileName>/Workflows/w.json</JsonFileName></Workflow></Workflows>{}</I>",
                connectors_xml(connector)
            ),
            &[(def_path.as_str(), def), ("Workflows/w.json", b"{}")],
        )
    }

    #[test]
    fn another_name_or_another_definition_is_reported() {
        let renamed = package_of(&[&connector_solution(), &flow_with("new_t", DEF)]);
        assert_eq!(codes(&renamed), [CONNECTOR_INCONSISTENT.code]);
        snapshot(&CONNECTOR_INCONSISTENT, &renamed);
        let other_def = br#"{"swagger":"2.0","info":{"title":"T","version":"2.0"},"paths":{}}"#;
        let changed = package_of(&[&connector_solution(), &flow_with("p_t", other_def)]);
        assert_eq!(codes(&changed), [CONNECTOR_INCONSISTENT.code]);
    }

    #[test]
    fn near_miss_the_name_is_compared_without_case() {
        let upper = package_of(&[&connector_solution(), &flow_with("P_T", DEF)]);
        assert!(codes(&upper).is_empty(), "{:?}", codes(&upper));
    }
}
