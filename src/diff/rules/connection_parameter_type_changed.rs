use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the type of a connection parameter changed
    ///
    /// ### Why
    /// Changes how the connection is made (e.g. securestring to oauthSetting is an authentication
    /// change).
    ///
    /// ### Example
    /// Before (apiProperties.json): `region` with `type: string`.
    /// After: `region` with `type: securestring`.
    pub static CONNECTION_PARAMETER_TYPE_CHANGED: DiffRule {
        code: "ConnectionParameterTypeChanged",
        severity: Breaking,
        gate: Gate::Review,
        area: "properties",
        microsoft: None,
        source: "BCD-03",
    }
}
