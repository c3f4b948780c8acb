use super::*;
use crate::rules::prelude::*;

/// Our own depth limit: Microsoft does not publish one.
const SCHEMA_DEPTH_LIMIT: usize = 32;

crate::declare_code! {
    /// A schema nests deeper than 32 levels
    ///
    /// ### Why
    /// Microsoft refuses schemas nested too deeply (following `$ref`s) but does not publish the
    /// limit. connkit uses 32 levels of `properties`/`items`/`additionalProperties` (`allOf` parts
    /// count as the same level): more than twice the deepest schema among the 538 public connectors
    /// (14 levels), and far beyond what the designer can show usefully. Flatten the structure, or
    /// cut it with `{"type": "object"}` where users never pick fields.
    pub static SCHEMA_TOO_DEEP: Rule {
        code: "SchemaTooDeep",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for (at, _, max_depth) in expansions(cx, sw).0.iter() {
        if *max_depth > SCHEMA_DEPTH_LIMIT {
            sink.emit(
                at.clone(),
                format!(
                    "this schema nests {} levels deep (limit {SCHEMA_DEPTH_LIMIT})",
                    max_depth
                ),
            );
        }
    }
}
