use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation with revision N > 1 whose operationId does not end with `_VN`
    ///
    /// ### Why
    /// Microsoft names revisions `GetItems`, `GetItems_V2`, `GetItems_V3`…; the suffix keeps
    /// operationIds unique and tells flow authors which version they use. A bare `V2` suffix is
    /// accepted too.
    ///
    /// ### Example
    /// Bad: `{"operationId": "GetTaskNew", "x-ms-api-annotation": {"family": "GetTask", "revision": 2}}`
    /// Good: `{"operationId": "GetTask_V2", "x-ms-api-annotation": {"family": "GetTask", "revision": 2}}`
    pub(crate) static OPERATION_ID_SHOULD_END_WITH_REVISION: Rule {
        code: "OperationIdShouldEndWithRevision",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        let (Some(r), Some(id)) = (op.revision_number(), op.operation_id) else {
            continue;
        };
        // `GetTask_V2`, `GetTask_v2` or `GetTaskV2`; not `GetDev2`, whose `v` is a word's.
        let suffixed = id.ends_with(&format!("V{r}")) || id.ends_with(&format!("_v{r}"));
        if r > 1 && !suffixed {
            sink.emit(
                join(&op.pointer, "operationId"),
                format!("operationId '{id}' of revision {r} should end with '_V{r}'"),
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
    fn revision_suffix_missing() {
        let d = fam(json!([
            {"operationId": "GetTask_V2", "x-ms-api-annotation": {"family": "GetTask", "revision": 2}},
            {"operationId": "GetTaskV3", "x-ms-api-annotation": {"family": "GetTask", "revision": 3}}
        ]));
        Tester::new(
            &OPERATION_ID_SHOULD_END_WITH_REVISION,
            vec![d],
            vec![
                // `Get2` (revision 2) and `GetThree` (revision 2) lack the `V2` suffix.
                fail(bad_family())
                    .at([at(1, "/operationId"), at(2, "/operationId")])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "operationId 'Get2' of revision 2 should end with '_V2'"
                        );
                    }),
            ],
        )
        .test();
    }

    #[test]
    fn a_v_inside_a_word_is_not_the_suffix() {
        for (id, reported) in [
            ("GetDev2", true),
            ("GetTask_V2", false),
            ("GetTask_v2", false),
            ("GetTaskV2", false),
        ] {
            let d = fam(json!([{"operationId": id,
                "x-ms-api-annotation": {"family": "GetTask", "revision": 2}}]));
            let f = run(&OPERATION_ID_SHOULD_END_WITH_REVISION, d);
            assert_eq!(f.len(), usize::from(reported), "{id}");
        }
    }
}
