use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two operations of one family share a `revision`
    ///
    /// ### Why
    /// Revisions number the versions of one logical operation (`family`): each must be unique. Give
    /// the newer operation the next revision.
    ///
    /// ### Example
    /// Bad: `GetTask_V2` and `GetTask_V3` both with `"x-ms-api-annotation": {"family": "GetTask", "revision": 2}`
    /// Good: `GetTask_V3` with `"revision": 3`
    pub(crate) static OPERATION_FAMILY_HAS_DUPLICATE_REVISIONS: Rule {
        code: "OperationFamilyHasDuplicateRevisions",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (fam, list) in families(ops(cx)) {
        let mut seen: Vec<(u64, String)> = Vec::new();
        for op in list {
            let Some(r) = op.revision_number() else {
                continue;
            };
            if let Some((_, prev)) = seen.iter().find(|(x, _)| *x == r) {
                sink.emit(
                    join(&ann_ptr(op), "revision"),
                    format!("family '{fam}' already has revision {r} ({prev})"),
                );
            } else {
                seen.push((r, op.label()));
            }
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
    fn two_operations_with_one_revision() {
        // A revision written as a string counts as the same number.
        let d = fam(json!([
            {"operationId": "Get_V2", "x-ms-api-annotation": {"family": "Get", "revision": 2}},
            {"operationId": "Get_V3", "x-ms-api-annotation": {"family": "Get", "revision": "2"}}
        ]));
        Tester::new(
            &OPERATION_FAMILY_HAS_DUPLICATE_REVISIONS,
            vec![good_family()],
            vec![
                fail(bad_family())
                    .at([at(2, "/x-ms-api-annotation/revision")])
                    .then(|f| {
                        assert!(
                            f[0].message
                                .starts_with("family 'Get' already has revision 2 (")
                        );
                    }),
                fail(d).at([at(1, "/x-ms-api-annotation/revision")]),
            ],
        )
        .test();
    }
}
