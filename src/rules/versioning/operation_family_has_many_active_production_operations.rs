use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than one live operation of a family has `status: Production`
    ///
    /// ### Why
    /// Only one revision of a family can be the production one; deprecate the older revision (or
    /// mark the newer one `Preview` until it replaces it).
    ///
    /// ### Example
    /// Bad: `GetTask` and `GetTask_V2`, both live, both `"status": "Production"`
    /// Good: `GetTask` marked `"deprecated": true`, or `GetTask_V2` with `"status": "Preview"`
    pub(crate) static OPERATION_FAMILY_HAS_MANY_ACTIVE_PRODUCTION_OPERATIONS: Rule {
        code: "OperationFamilyHasManyActiveProductionOperations",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: OV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for (fam, list) in families(ops(cx)) {
        for op in list
            .iter()
            .filter(|o| !o.is_deprecated() && is_production(o))
            .skip(1)
        {
            sink.emit(
                join(&ann_ptr(op), "status"),
                format!("family '{fam}' has more than one active Production operation"),
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
    fn two_live_production_revisions() {
        Tester::new(
            &OPERATION_FAMILY_HAS_MANY_ACTIVE_PRODUCTION_OPERATIONS,
            vec![good_family()],
            vec![
                fail(bad_family())
                    .at([at(1, "/x-ms-api-annotation/status")])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "family 'Get' has more than one active Production operation"
                        );
                    }),
            ],
        )
        .test();
    }
}
