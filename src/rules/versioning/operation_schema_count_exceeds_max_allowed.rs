use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation's inputs and outputs expand to more than 16,384 schema nodes
    ///
    /// ### Why
    /// The platform expands every `$ref` of an operation's body, responses and notification
    /// content; Microsoft's FAQ limits the result to 16,384 schemas per operation. Trim deeply
    /// shared definitions or split the operation. (Recursive references are counted once per
    /// branch.)
    ///
    /// ### Example
    /// Bad: a response schema `{"$ref": "#/definitions/D0"}` where each `Di` has two properties referencing `Di+1`, 15 levels deep (2^15 leaves)
    /// Good: the same operation returning a definition a few levels down (`D5`), or a flatter schema
    pub(crate) static OPERATION_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED: Rule {
        code: "OperationSchemaCountExceedsMaxAllowed",
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
    // Each root's expansion is computed once per connector (shared with the size, depth and
    // total rules); an operation's count is the sum over the roots it uses.
    let counts = super::super::schema::expansions(cx, sw);
    for op in ops(cx) {
        let n: usize = super::super::schema::operation_schema_roots(sw, op)
            .iter()
            .map(|at| counts.count_of(at).unwrap_or(0))
            .sum();
        if n > MAX_OPERATION_SCHEMAS {
            sink.emit(
                op.pointer.clone(),
                format!(
                    "{} expands to more than {MAX_OPERATION_SCHEMAS} schemas",
                    op.label()
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
    fn expansion_over_the_limit() {
        // 2^15 leaves: D0 has two references to D1, ... D14 has two string properties.
        let mut defs = serde_json::Map::new();
        for i in 0..15 {
            defs.insert(
                format!("D{i}"),
                json!({"type": "object", "properties": {"a": {"$ref": format!("#/definitions/D{}", i + 1)}, "b": {"$ref": format!("#/definitions/D{}", i + 1)}}}),
            );
        }
        defs.insert("D15".into(), json!({"type": "string"}));
        let returning = |schema: &str| {
            let mut d = fam(json!([{"operationId": "Big"}]));
            d["definitions"] = Value::Object(defs.clone());
            d["paths"]["/v0/items"]["get"]["responses"]["200"]["schema"] =
                json!({"$ref": format!("#/definitions/{schema}")});
            d
        };
        Tester::new(
            &OPERATION_SCHEMA_COUNT_EXCEEDS_MAX_ALLOWED,
            vec![returning("D5")],
            vec![fail(returning("D0")).at([at(0, "")]).then(|f| {
                assert!(f[0].message.ends_with("expands to more than 16384 schemas"));
            })],
        )
        .test();
    }
}
