use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An operation declares a `family` but its `revision` is missing or empty
    ///
    /// ### Why
    /// Operations grouped in a family are told apart by `revision` (an integer ≥ 1). Add it.
    ///
    /// ### Example
    /// Bad: `"x-ms-api-annotation": {"family": "GetTask", "revision": ""}`
    /// Good: `"x-ms-api-annotation": {"family": "GetTask", "revision": 2}`.
    ///
    /// ### Evidence
    /// Calibration: the versioning docs read a missing revision as 1, and Adobe Experience Manager
    /// (certified, 2023) was merged with single-operation families without revisions, so this is a
    /// warning; two revision-less operations in one family are OperationFamilyHasManyEmptyRevisions
    /// (error).
    pub(crate) static OPERATION_REVISION_EMPTY: Rule {
        code: "OperationRevisionEmpty",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for op in ops(cx) {
        let has_family = op.annotation().is_some_and(|a| a.get("family").is_some());
        if has_family && op.revision().is_none() {
            sink.emit(
                ann_ptr(op),
                format!("{} has a family but no revision", op.label()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn family_without_revision() {
        Tester::new(
            &OPERATION_REVISION_EMPTY,
            vec![good_family()],
            vec![
                // Operation 0 has no revision, operation 3 an empty one.
                fail(bad_family())
                    .at([at(0, "/x-ms-api-annotation"), at(3, "/x-ms-api-annotation")])
                    .then(|f| {
                        assert!(f[0].message.ends_with("has a family but no revision"));
                    }),
            ],
        )
        .test();
    }
}
