//! `SolutionWorkflowFileMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// Every <Workflow> JsonFileName exists in the zip and every Workflows/*.json is declared (policy 5000.1.1.15)
    pub static WORKFLOW_FILE: Check {
        code: "SolutionWorkflowFileMismatch",
        id: "-",
        severity: Severity::Error,
    }
}
