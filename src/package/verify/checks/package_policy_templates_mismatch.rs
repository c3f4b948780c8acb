//! `PackagePolicyTemplatesMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The policy template instances inside the solution equal the pull request's apiProperties.json
    ///
    /// ### Why
    /// Policy templates (set host URL, route request, set header…) change every request the
    /// connector sends. The solution carries them in `Connector/*_policytemplateinstances.json`,
    /// the pull request in apiProperties.json's `policyTemplateInstances`; when they differ
    /// the deployed connector does not behave like the reviewed one. An empty list and no
    /// policies at all are the same (a Dataverse export writes `null`). Only with `--against`.
    ///
    /// ### Example
    /// A `setheader` policy added to apiProperties.json after the export is reported at the
    /// policy file's path.
    pub(crate) static POLICIES_MISMATCH: Check {
        code: "PackagePolicyTemplatesMismatch",
        id: "-",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::POLICIES_MISMATCH;
    use crate::package::verify::VerifyOptions;
    use crate::package::verify::testing::*;
    use serde_json::json;

    const POLICIES: &str = "<policytemplateinstances>/Connector/p_t_policytemplateinstances.json</policytemplateinstances>";
    const FILE: &str = "Connector/p_t_policytemplateinstances.json";

    /// The pull request's connector, with these policy template instances.
    fn with_policies(policies: serde_json::Value) -> crate::model::Connector {
        crate::rules::testing::connector_from(
            serde_json::from_slice(DEF).unwrap(),
            Some(json!({"properties": {"policyTemplateInstances": policies}})),
        )
    }

    fn against(policies: serde_json::Value, package: &[u8]) -> Vec<&'static str> {
        let pr = with_policies(policies);
        let options = VerifyOptions {
            against: Some(&pr),
            ..Default::default()
        };
        codes_with(package, &options)
    }

    #[test]
    fn a_policy_missing_from_the_solution_is_reported() {
        let policy = json!([{"templateId": "setheader", "title": "h", "parameters": {"x-ms-apimTemplateParameter.name": "X"}}]);
        let package = good_with(POLICIES, &[(FILE, b"null")]);
        assert_eq!(
            against(policy.clone(), &package),
            [POLICIES_MISMATCH.code, POLICIES_MISMATCH.code]
        );
        let pr = with_policies(policy);
        let options = VerifyOptions {
            against: Some(&pr),
            ..Default::default()
        };
        snapshot_with(&POLICIES_MISMATCH, &package, &options);
    }

    #[test]
    fn near_miss_an_empty_list_equals_null() {
        let package = good_with(POLICIES, &[(FILE, b"null")]);
        assert!(against(json!([]), &package).is_empty());
    }
}
