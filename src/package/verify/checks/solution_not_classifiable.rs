//! `SolutionNotClassifiable`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// customizations.xml must make the solution a connector, flow or AI plugin solution
    pub static SOLUTION_KIND: Check {
        code: "SolutionNotClassifiable",
        id: "PKG-06",
        severity: Severity::Error,
    }
}
