use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// policyTemplateInstances changed
    ///
    /// ### Why
    /// Policies rewrite requests and responses: a change of behaviour for existing flows. Key order
    /// inside an instance does not count.
    ///
    /// ### Example
    /// Before (apiProperties.json): `policyTemplateInstances: [{templateId: routerequesttoendpoint,
    /// …}]`.
    /// After: `policyTemplateInstances: []`.
    pub(crate) static POLICY_TEMPLATES_CHANGED: DiffRule {
        code: "PolicyTemplatesChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "properties",
        source: "BCD-01",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_a_policy_is_removed() {
        snapshot_props_report("PolicyTemplatesChanged", |_, n| {
            set(n, "/properties/policyTemplateInstances", Some(json!([])))
        });
    }

    #[test]
    fn not_reported_when_only_key_order_changes() {
        assert_props_do_not_report("PolicyTemplatesChanged", |_, n| {
            set(
                n,
                "/properties/policyTemplateInstances",
                Some(
                    json!([{"parameters": {"x-ms-apimTemplate-operationName": ["GetItem"]}, "templateId": "routerequesttoendpoint"}]),
                ),
            )
        });
    }
}
