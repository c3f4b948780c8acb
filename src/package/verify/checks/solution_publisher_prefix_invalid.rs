//! `SolutionPublisherPrefixInvalid`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The solution publisher's customization prefix follows Dataverse's rules: 2-8 letters and digits, starting with a letter, not 'mscrm'
    pub static PREFIX_INVALID: Check {
        code: "SolutionPublisherPrefixInvalid",
        id: "-",
        severity: Severity::Error,
    }
}
