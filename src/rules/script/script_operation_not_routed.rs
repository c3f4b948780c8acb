use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// script.csx handles an operation that `scriptOperations` does not route to it
    ///
    /// ### Why
    /// When apiProperties.json lists `scriptOperations`, only those operations run through
    /// the script; the others go straight to the service. A script branch for an operation
    /// missing from the list never runs: add the operation to `scriptOperations`, or remove
    /// the branch.
    ///
    /// ### Example
    /// Bad: the script tests `this.Context.OperationId == "ListTasks"` and apiProperties.json
    /// has `"scriptOperations": ["GetTask"]`
    /// Good: `"scriptOperations": ["GetTask", "ListTasks"]`
    ///
    /// ### Evidence
    /// A **warning**: the platform accepts it; the branch is dead (1 merged script version:
    /// Autenti E-Signature, 2024). Only operations the
    /// definition has are checked here (others are `ScriptUnknownOperationId`), and only when
    /// `scriptOperations` lists operations (an empty or absent list routes all of them).
    pub(crate) static SCRIPT_OPERATION_NOT_ROUTED: Rule {
        code: "ScriptOperationNotRouted",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    let (Some(ids), Some(routed)) = (operation_ids(cx), script_operations(cx)) else {
        return;
    };
    let routed: Vec<&str> = routed.iter().map(|(_, n)| n.as_str()).collect();
    for d in &s.0.dispatch {
        let defined = super::script_unknown_operation_id::known(&ids, &d.operation, d.ignore_case);
        if defined
            && !super::script_unknown_operation_id::known(&routed, &d.operation, d.ignore_case)
        {
            sink.emit_at_offset(
                FileKind::Script,
                d.offset,
                format!(
                    "the script handles '{}', but scriptOperations in apiProperties.json does not route it to the script: this branch never runs",
                    d.operation
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    #[test]
    fn a_handled_operation_missing_from_script_operations() {
        let text = good_with(r#"if (this.Context.OperationId == "ListTasks") { }"#);
        Tester::new(
            &SCRIPT_OPERATION_NOT_ROUTED,
            vec![
                (routed(&text, &["GetTask", "ListTasks"]), Profile::Custom),
                // An empty list routes every operation.
                (routed(&text, &[]), Profile::Custom),
            ],
            vec![
                fail((routed(&text, &["GetTask"]), Profile::Custom))
                    .count(1)
                    .then(|f| {
                        assert_eq!(f[0].line, 14, "{f:?}");
                        assert!(f[0].message.contains("'ListTasks'"), "{f:?}");
                    }),
            ],
        )
        .test();
    }
}
