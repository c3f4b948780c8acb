use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `scriptOperations` routes an operation to script.csx that the script never names
    ///
    /// ### Why
    /// Every operation in `scriptOperations` runs through the script. When the script
    /// dispatches on operation names but never names this one, the operation takes the
    /// script's default path (often a plain `SendAsync`, sometimes a 400 "unknown operation"):
    /// either the list or the script is out of date.
    ///
    /// ### Example
    /// Doubtful: `"scriptOperations": ["GetTask", "ListTasks"]` with a script that only tests
    /// `this.Context.OperationId == "GetTask"`
    /// Good: the script handles `ListTasks` too, or the list drops it
    ///
    /// ### Evidence
    /// Information only (**info**): a default path that forwards the request is a legitimate
    /// design, and the parser cannot see what the default path does. Reported only when the
    /// script compares the operation id with at least one name and the operation exists in
    /// the definition. Fires on 12 of the 118 merged script versions (6 connectors).
    pub(crate) static SCRIPT_ROUTED_OPERATION_UNHANDLED: Rule {
        code: "ScriptRoutedOperationUnhandled",
        severity: Severity::Info,
        gate: Gate::Advice,
        file: FileKind::Properties,
        source: WC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    let (Some(ids), Some(routed)) = (operation_ids(cx), script_operations(cx)) else {
        return;
    };
    if s.0.dispatch.is_empty() {
        return;
    }
    for (i, name) in routed {
        let named = s.0.dispatch.iter().any(|d| {
            d.operation == name || (d.ignore_case && d.operation.eq_ignore_ascii_case(&name))
        });
        if !named && ids.contains(&name.as_str()) {
            sink.emit(
                format!("/properties/scriptOperations/{i}"),
                format!(
                    "'{name}' is routed to the script, which never compares the operation id with it: it takes the script's default path"
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
    fn a_routed_operation_the_script_never_names() {
        let handled = good_with(r#"if (this.Context.OperationId == "ListTasks") { }"#);
        Tester::new(
            &SCRIPT_ROUTED_OPERATION_UNHANDLED,
            vec![(routed(&handled, &["GetTask", "ListTasks"]), Profile::Custom)],
            vec![
                fail((routed(GOOD, &["GetTask", "ListTasks"]), Profile::Custom))
                    .at(["/properties/scriptOperations/1"])
                    .count(1)
                    .then(|f| assert_eq!(f[0].file, "apiProperties.json", "{f:?}")),
            ],
        )
        .test();
    }
}
