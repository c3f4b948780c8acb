use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A family has more than two operations that are not deprecated
    ///
    /// ### Why
    /// At most two revisions of an operation may be live at once (the current one and its
    /// predecessor during migration). Mark older revisions `"deprecated": true`.
    ///
    /// ### Example
    /// Bad: three operations of family `GetTask` (revisions 1, 2, 3), none `"deprecated": true`
    /// Good: revision 1 marked `"deprecated": true`
    pub(crate) static OPERATION_FAMILY_HAS_MANY_ACTIVE_OPERATIONS: Rule {
        code: "OperationFamilyHasManyActiveOperations",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (fam, list) in families(ops(cx)) {
        for op in list.iter().filter(|o| !o.is_deprecated()).skip(2) {
            sink.emit(
                ann_ptr(op),
                format!("family '{fam}' has more than two active operations"),
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
    fn more_than_two_live_revisions() {
        Tester::new(
            &OPERATION_FAMILY_HAS_MANY_ACTIVE_OPERATIONS,
            vec![good_family()],
            vec![
                fail(bad_family())
                    .at([at(2, "/x-ms-api-annotation"), at(3, "/x-ms-api-annotation")])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "family 'Get' has more than two active operations"
                        );
                    }),
            ],
        )
        .test();
    }
}
