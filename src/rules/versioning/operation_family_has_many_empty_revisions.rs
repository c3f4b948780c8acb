use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than one operation of a family has no `revision`
    ///
    /// ### Why
    /// An operation without `revision` counts as revision 1; two of them in one family collide.
    /// Number the revisions.
    ///
    /// ### Example
    /// Bad: `GetTask` and `GetTask_V2` both `"x-ms-api-annotation": {"family": "GetTask"}` (no `revision`)
    /// Good: `GetTask` with `"revision": 1` and `GetTask_V2` with `"revision": 2`
    pub(crate) static OPERATION_FAMILY_HAS_MANY_EMPTY_REVISIONS: Rule {
        code: "OperationFamilyHasManyEmptyRevisions",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (fam, list) in families(ops(cx)) {
        for op in list.iter().filter(|o| o.revision().is_none()).skip(1) {
            sink.emit(
                ann_ptr(op),
                format!("family '{fam}' has more than one operation without a revision"),
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
    fn two_operations_without_revision() {
        Tester::new(
            &OPERATION_FAMILY_HAS_MANY_EMPTY_REVISIONS,
            vec![
                good_family(),
                // One operation without a revision is allowed.
                fam(json!([
                    {"operationId": "Get", "x-ms-api-annotation": {"family": "Get"}},
                    {"operationId": "Get_V2", "x-ms-api-annotation": {"family": "Get", "revision": 2}}
                ])),
            ],
            vec![
                // Operation 0 has no revision and operation 3 an empty one.
                fail(bad_family()).at([at(3, "/x-ms-api-annotation")]).then(|f| {
                    assert_eq!(
                        f[0].message,
                        "family 'Get' has more than one operation without a revision"
                    );
                }),
            ],
        )
        .test();
    }
}
