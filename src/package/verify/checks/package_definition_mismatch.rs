//! `PackageDefinitionMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The definition inside the solution equals the pull request's apiDefinition.swagger.json
    ///
    /// ### Why
    /// A certified connector is submitted twice: as loose files in the pull request to
    /// `microsoft/PowerPlatformConnectors`, which Microsoft's pipeline validates, and as
    /// exported solutions in the Partner Center package, which is what gets deployed. When the
    /// solution's `Connector/*_openapidefinition.json` is not the pull request's definition,
    /// the reviewed connector is not the deployed one, and the review flags the mismatch.
    /// Compared as JSON (key order and formatting do not matter), only with `--against`.
    ///
    /// ### Example
    /// Fixing an operation's summary in the pull request after exporting the solutions is
    /// reported at `/paths/~1items/get/summary`; export the solutions again.
    pub(crate) static DEFINITION_MISMATCH: Check {
        code: "PackageDefinitionMismatch",
        id: "-",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::DEFINITION_MISMATCH;
    use crate::package::verify::VerifyOptions;
    use crate::package::verify::testing::*;
    use serde_json::json;

    fn against(def: serde_json::Value) -> Vec<&'static str> {
        let pr = crate::rules::testing::connector_from(def, None);
        let options = VerifyOptions {
            against: Some(&pr),
            ..Default::default()
        };
        codes_with(&good(), &options)
    }

    #[test]
    fn another_definition_is_reported_in_each_solution() {
        let def = json!({"swagger": "2.0", "info": {"title": "T", "version": "2.0"}, "paths": {}});
        assert_eq!(
            against(def),
            [DEFINITION_MISMATCH.code, DEFINITION_MISMATCH.code]
        );
        let def = json!({"swagger": "2.0", "info": {"title": "T", "version": "2.0"}, "paths": {}});
        let pr = crate::rules::testing::connector_from(def, None);
        let options = VerifyOptions {
            against: Some(&pr),
            ..Default::default()
        };
        snapshot_with(&DEFINITION_MISMATCH, &good(), &options);
    }

    #[test]
    fn near_miss_the_same_definition_in_another_key_order_passes() {
        let def = json!({"paths": {}, "info": {"version": "1.0", "title": "T"}, "swagger": "2.0"});
        assert!(against(def).is_empty());
    }
}
