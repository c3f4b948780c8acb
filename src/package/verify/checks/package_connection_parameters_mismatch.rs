//! `PackageConnectionParametersMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The connection parameters inside the solution equal the pull request's apiProperties.json
    ///
    /// ### Why
    /// The solution carries the connection parameters (authentication) in
    /// `Connector/*_connectionparameters.json`; the pull request in apiProperties.json's
    /// `connectionParameters`. If they differ, users of the certified connector sign in with
    /// something else than what was reviewed, and the review flags the mismatch. A solution
    /// without the file counts as `{}`. Only with `--against`.
    ///
    /// ### Example
    /// An OAuth `scopes` list changed in apiProperties.json but not in the solution is reported
    /// at `/token/oAuthSettings/scopes`.
    pub(crate) static PARAMETERS_MISMATCH: Check {
        code: "PackageConnectionParametersMismatch",
        id: "-",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::PARAMETERS_MISMATCH;
    use crate::package::verify::VerifyOptions;
    use crate::package::verify::testing::*;

    const PARAMS: &str =
        "<connectionparameters>/Connector/p_t_connectionparameters.json</connectionparameters>";

    /// The pull request's connector: one string connection parameter, `k`.
    fn string_param() -> crate::model::Connector {
        crate::rules::testing::connector_from(
            serde_json::from_slice(DEF).unwrap(),
            Some(
                serde_json::json!({"properties": {"connectionParameters": {"k": {"type": "string"}}}}),
            ),
        )
    }

    fn against_string_param(package: &[u8]) -> Vec<&'static str> {
        let pr = string_param();
        let options = VerifyOptions {
            against: Some(&pr),
            ..Default::default()
        };
        codes_with(package, &options)
    }

    #[test]
    fn other_parameters_are_reported() {
        let empty = good_with(
            PARAMS,
            &[("Connector/p_t_connectionparameters.json", b"{}")],
        );
        assert_eq!(
            against_string_param(&empty),
            [PARAMETERS_MISMATCH.code, PARAMETERS_MISMATCH.code]
        );
        let pr = string_param();
        let options = VerifyOptions {
            against: Some(&pr),
            ..Default::default()
        };
        snapshot_with(&PARAMETERS_MISMATCH, &empty, &options);
        // No file at all counts as `{}` too.
        assert_eq!(
            against_string_param(&good()),
            [PARAMETERS_MISMATCH.code, PARAMETERS_MISMATCH.code]
        );
    }

    #[test]
    fn near_miss_the_same_parameters_pass() {
        let same = good_with(
            PARAMS,
            &[(
                "Connector/p_t_connectionparameters.json",
                br#"{"k":{"type":"string"}}"#,
            )],
        );
        assert!(against_string_param(&same).is_empty());
    }
}
