use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An object has the same key twice; only the last is used
    ///
    /// ### Why
    /// JSON readers keep one of the values (the last one in .NET, Python and serde_json), so the
    /// earlier member is silently ignored. It is almost always a copy-paste mistake: remove or
    /// merge the duplicate.
    pub static JSON_DUPLICATE_KEY: Rule {
        code: "JsonDuplicateKey",
        severity: Severity::Warning,
        gate: Gate::Advice,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SRC_JSON,
        check: load_issues,
    }
}
