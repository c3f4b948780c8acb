use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// script.csx dispatches on an operationId the definition does not have
    ///
    /// ### Why
    /// Scripts choose what to do by comparing `this.Context.OperationId` with operation names
    /// (`==`, `switch`/`case`, `"Name".Equals(…)`, directly or through a string constant or a
    /// local copy of the id). A name that no operation of the definition has never matches:
    /// the branch is dead, usually after an operation was renamed or through a typo, and the
    /// operation it was meant for silently takes the default path.
    ///
    /// ### Example
    /// Bad: `if (this.Context.OperationId == "GetTasks")` where the definition says `GetTask`
    /// Good: `if (this.Context.OperationId == "GetTask")`
    ///
    /// ### Evidence
    /// A **warning**: the platform compiles and runs such a script; only the branch is dead.
    /// Merged scripts have such branches: ForceManager CRM (4 versions, operations removed
    /// from the definition but still tested) and CardsForPowerApps (1 version).
    /// Comparisons that ignore case (`StringComparison.OrdinalIgnoreCase`, `ToLower()`) are
    /// matched ignoring case. Prefix tests (`StartsWith`) and lookups in collections are not
    /// dispatch on one name and are not checked.
    pub(crate) static SCRIPT_UNKNOWN_OPERATION_ID: Rule {
        code: "ScriptUnknownOperationId",
        severity: Severity::Warning,
        gate: Gate::Platform,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

/// Whether `name` is one of `ids` (ignoring case when the comparison does).
pub(super) fn known(ids: &[&str], name: &str, ignore_case: bool) -> bool {
    ids.iter()
        .any(|id| *id == name || (ignore_case && id.eq_ignore_ascii_case(name)))
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    let Some(ids) = operation_ids(cx) else { return };
    if ids.is_empty() {
        return;
    }
    for d in &s.0.dispatch {
        if !known(&ids, &d.operation, d.ignore_case) {
            let close = ids
                .iter()
                .find(|id| id.eq_ignore_ascii_case(&d.operation))
                .map(|id| {
                    format!(" (the definition has '{id}': this comparison is case-sensitive)")
                })
                .unwrap_or_default();
            sink.emit_at_offset(
                FileKind::Script,
                d.offset,
                format!(
                    "the script dispatches on operationId '{}', which the definition does not have{close}",
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
    use crate::rules::testing::*;

    #[test]
    fn equality_switch_equals_and_copies() {
        Tester::new(
            &SCRIPT_UNKNOWN_OPERATION_ID,
            vec![
                // GOOD compares with a constant holding "GetTask".
                script(GOOD),
                // Ignoring case, "gettask" is GetTask.
                script(&good_with(
                    r#"if ("gettask".Equals(this.Context.OperationId, StringComparison.OrdinalIgnoreCase)) { }"#,
                )),
                // Prefix tests and strings compared elsewhere are not dispatch.
                script(&good_with(
                    r#"if (this.Context.OperationId.StartsWith("Static")) { } var x = "Nope" == "Nope";"#,
                )),
            ],
            vec![
                fail(script(&good_with(
                    r#"if (this.Context.OperationId == "GetTasks") { }"#,
                )))
                .count(1)
                .then(|f| assert_eq!((f[0].line, f[0].column), (14, 41), "{f:?}")),
                fail(script(&good_with(
                    r#"switch (this.Context.OperationId) { case "GetTask": break; case "ListTasks": break; default: break; }"#,
                )))
                .count(1)
                .then(|f| assert!(f[0].message.contains("'ListTasks'"), "{f:?}")),
                fail(script(&good_with(
                    r#"if ("gettask".Equals(this.Context.OperationId)) { }"#,
                )))
                .then(|f| assert!(f[0].message.contains("case-sensitive"), "{f:?}")),
                // Through a copy of the operation's ID.
                fail(script(&good_with(
                    r#"var op = this.Context.OperationId; if (op == "Nope") { }"#,
                )))
                .count(1),
            ],
        )
        .test();
    }
}
