use super::*;

/// Our own depth limit: Microsoft does not publish one.
const SCHEMA_DEPTH_LIMIT: usize = 32;

pub static SCHEMA_TOO_DEEP: Rule = Rule {
    code: "SchemaTooDeep",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A schema nests deeper than 32 levels",
    explanation: "Microsoft refuses schemas nested too deeply (following `$ref`s) but does not \
publish the limit. connkit uses 32 levels of `properties`/`items`/`additionalProperties` \
(`allOf` parts count as the same level): more than twice the deepest schema among the 538 \
public connectors (14 levels), and far beyond what the designer can show usefully. Flatten the structure, or cut it with \
`{\"type\": \"object\"}` where users never pick fields.",
    source: SV,
    check: |cx, sink| {
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
    },
};
