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
    ///
    /// ### Example
    /// Bad: `D0.properties.next` → `D1` → … → `D40`, each a `$ref` one level down (41 levels)
    /// Good: at most 32 levels; cut deep, unused branches with `{"type": "object"}`
    pub(crate) static SCHEMA_TOO_DEEP: Rule {
        code: "SchemaTooDeep",
        severity: Severity::Error,
        gate: Gate::Pipeline,
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

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn forty_levels_through_references() {
        // D0 -> D1 -> ... -> D39 -> D40.
        let mut defs = serde_json::Map::new();
        for i in 0..40 {
            defs.insert(format!("D{i}"), json!({"type": "object", "properties": {"next": {"$ref": format!("#/definitions/D{}", i + 1)}}}));
        }
        defs.insert("D40".into(), json!({"type": "string"}));
        let def = patch(minimal(), json!({"definitions": defs}));
        // Recursion is cut, not counted forever.
        let def_2 = with_def(
            json!({"type": "object", "properties": {"self": {"$ref": "#/definitions/X"}}}),
        );
        Tester::new(
            &SCHEMA_TOO_DEEP,
            vec![def_2],
            vec![fail(def).then(|f| {
                let at: Vec<&str> = pointers(f);
                assert!(at.contains(&"/definitions/D0"), "{at:?}");
                assert!(!at.contains(&"/definitions/D20"), "{at:?}");
                let d0 = f.iter().find(|x| x.pointer == "/definitions/D0").unwrap();
                assert!(
                    d0.message.ends_with("levels deep (limit 32)"),
                    "{}",
                    d0.message
                );
            })],
        )
        .test();
    }
}
