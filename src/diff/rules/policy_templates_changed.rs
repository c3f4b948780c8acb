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
    pub static POLICY_TEMPLATES_CHANGED: DiffRule {
        code: "PolicyTemplatesChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "properties",
        microsoft: None,
        source: "BCD-01",
    }
}
