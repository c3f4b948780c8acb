//! `SolutionConnectorFileMissing`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// Every file a `<Connector>` element references exists in the solution zip
    ///
    /// ### Why
    /// A `<Connector>` in customizations.xml names its files by path: the definition
    /// (`<openapidefinition>`, required), and when present the connection parameters,
    /// parameter sets, policy templates, icon and script. Dataverse reads them at import, so a
    /// missing file fails the import, and the review refuses a package whose connector
    /// artifacts are missing (policy 5000.1.1.10). A missing file is reported here once and not
    /// compared again with the pull request's files.
    ///
    /// ### Example
    /// `<iconblob>/Connector/p_t_iconblob.Png</iconblob>` with no such entry in the zip is
    /// reported; so is a `<Connector>` without `<openapidefinition>`.
    pub(crate) static CONNECTOR_FILE: Check {
        code: "SolutionConnectorFileMissing",
        id: "-",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::CONNECTOR_FILE;
    use crate::package::verify::checks::PARAMETERS_MISMATCH;
    use crate::package::verify::testing::*;
    use crate::package::verify::{VerifyOptions, verify_bytes};

    const PARAMS: &str =
        "<connectionparameters>/Connector/p_t_connectionparameters.json</connectionparameters>";

    #[test]
    fn a_named_file_that_is_not_in_the_zip_is_reported_in_each_solution() {
        let found = codes(&good_with(PARAMS, &[]));
        assert_eq!(found, [CONNECTOR_FILE.code, CONNECTOR_FILE.code]);
        snapshot(&CONNECTOR_FILE, &good_with(PARAMS, &[]));
        let r = verify_bytes("p.zip", &good_with(PARAMS, &[]), &VerifyOptions::default()).unwrap();
        assert!(
            r.findings[0]
                .path_in_package
                .ends_with("Connector/p_t_connectionparameters.json"),
            "{:?}",
            r.findings[0]
        );
    }

    #[test]
    fn a_missing_file_is_reported_once_not_also_as_a_mismatch() {
        let pr = crate::rules::testing::connector_from(
            serde_json::from_slice(DEF).unwrap(),
            Some(
                serde_json::json!({"properties": {"connectionParameters": {"k": {"type": "string"}}}}),
            ),
        );
        let options = VerifyOptions {
            against: Some(&pr),
            ..Default::default()
        };
        let found = codes_with(&good_with(PARAMS, &[]), &options);
        assert_eq!(found, [CONNECTOR_FILE.code, CONNECTOR_FILE.code]);
        assert!(!found.contains(&PARAMETERS_MISMATCH.code));
    }

    #[test]
    fn near_miss_the_file_present_with_leading_slash_or_not_passes() {
        let present = good_with(
            PARAMS,
            &[("Connector/p_t_connectionparameters.json", b"{}")],
        );
        assert!(codes(&present).is_empty(), "{:?}", codes(&present));
        let no_slash = good_with(
            "<connectionparameters>Connector/p_t_connectionparameters.json</connectionparameters>",
            &[("Connector/p_t_connectionparameters.json", b"{}")],
        );
        assert!(codes(&no_slash).is_empty(), "{:?}", codes(&no_slash));
    }
}
