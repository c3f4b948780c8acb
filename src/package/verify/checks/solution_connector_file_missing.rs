//! `SolutionConnectorFileMissing`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// Every file a <Connector> element references exists in the solution zip
    pub static CONNECTOR_FILE: Check {
        code: "SolutionConnectorFileMissing",
        id: "-",
        severity: Severity::Error,
    }
}
