//! `PackageConnectorMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// Every solution of the package carries the same connector: same name, same connectorid, same definition (policy 5000.1.1.7)
    pub static CONNECTOR_INCONSISTENT: Check {
        code: "PackageConnectorMismatch",
        id: "-",
        severity: Severity::Error,
    }
}
