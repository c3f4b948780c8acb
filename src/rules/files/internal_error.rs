use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A connkit rule failed on this input (a connkit bug)
    ///
    /// ### Why
    /// A rule hit an unexpected condition. The other rules still ran. Please report it with the
    /// file that triggered it.
    ///
    /// ### Evidence
    /// Not a gate: a connkit bug. It is a warning so that a crash in one rule never fails a
    /// submission Microsoft would accept; please report it.
    pub static INTERNAL_ERROR: Rule {
        code: "InternalError",
        severity: Severity::Warning,
        gate: Gate::Advice,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Folder,
        source: "https://github.com/connkit/connkit/issues",
        check,
    }
}

fn check(_: &Context<'_>, _: &mut Sink<'_>) {}
