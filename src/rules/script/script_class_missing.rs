use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// script.csx has no class deriving `ScriptBase`, or that class does not override `ExecuteAsync`
    ///
    /// ### Why
    /// The platform runs custom code through a class derived from `ScriptBase` and calls its
    /// `public override Task<HttpResponseMessage> ExecuteAsync()`. `ExecuteAsync` is abstract in
    /// `ScriptBase`: a derived class that does not override it with that signature does not
    /// compile (CS0534, CS0508), and a script without such a class has nothing to run.
    ///
    /// ### Example
    /// Bad: `public class Script { public Task<HttpResponseMessage> Run() { … } }`
    ///
    /// Good:
    /// ```csharp
    /// public class Script : ScriptBase
    /// {
    ///     public override async Task<HttpResponseMessage> ExecuteAsync()
    ///     {
    ///         return await this.Context.SendAsync(this.Context.Request, this.CancellationToken).ConfigureAwait(false);
    ///     }
    /// }
    /// ```
    ///
    /// ### Evidence
    /// An **error**: all 118 script versions Microsoft merged (48 connectors) have the class and
    /// the override; a script without them cannot compile or run. The class's name is checked
    /// separately (`ScriptClassName`). When the script has syntax errors and no class is found,
    /// only the syntax errors are reported (the class may be hidden by them).
    pub(crate) static SCRIPT_CLASS_MISSING: Rule {
        code: "ScriptClassMissing",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    let Some(class) = script_class(&s.0) else {
        if s.0.errors.is_empty() {
            sink.emit_at_offset(
                FileKind::Script,
                0,
                "no class derives ScriptBase: the platform needs `public class Script : ScriptBase`",
            );
        }
        return;
    };
    let execute: Vec<_> = class
        .methods
        .iter()
        .filter(|m| m.name == "ExecuteAsync")
        .collect();
    let Some(m) = execute.iter().find(|m| m.parameters == 0) else {
        sink.emit_at_offset(
            FileKind::Script,
            class.offset,
            format!(
                "class {} does not declare `public override Task<HttpResponseMessage> ExecuteAsync()`",
                class.name
            ),
        );
        return;
    };
    if !m.modifiers.iter().any(|x| x == "override") {
        sink.emit_at_offset(
            FileKind::Script,
            m.offset,
            "ExecuteAsync must be declared `override` (it is abstract in ScriptBase)",
        );
    } else if !(m.returns.ends_with("Task<HttpResponseMessage>")
        || m.returns
            .ends_with("Task<System.Net.Http.HttpResponseMessage>"))
    {
        sink.emit_at_offset(
            FileKind::Script,
            m.offset,
            format!(
                "ExecuteAsync returns `{}`; ScriptBase declares `Task<HttpResponseMessage>`",
                m.returns
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn no_script_class_or_no_execute_async_override() {
        Tester::new(
            &SCRIPT_CLASS_MISSING,
            vec![
                script(GOOD),
                // Any class name, and a qualified base, still derive ScriptBase.
                script(&GOOD.replace("class Script : ScriptBase", "class script: ScriptBase")),
                script(&GOOD.replace(
                    "class Script : ScriptBase",
                    "class Script : Microsoft.PowerPlatform.ScriptBase",
                )),
            ],
            vec![
                fail(script(&GOOD.replace(" : ScriptBase", "")))
                    .count(1)
                    .then(|f| {
                        assert_eq!(f[0].line, 1, "{f:?}");
                        assert!(
                            f[0].message.contains("no class derives ScriptBase"),
                            "{f:?}"
                        );
                    }),
                // A comment naming the class does not count.
                fail(script(
                    "// public class Script : ScriptBase\npublic class Helper {}\n",
                ))
                .count(1),
                fail(script(&GOOD.replace("ExecuteAsync()", "RunAsync()")))
                    .count(1)
                    .then(|f| assert_eq!(f[0].line, 7, "{f:?}")),
                fail(script(
                    &GOOD.replace("public override async", "public async"),
                ))
                .count(1)
                .then(|f| {
                    assert_eq!(f[0].line, 12, "{f:?}");
                    assert!(f[0].message.contains("override"), "{f:?}");
                }),
                fail(script(&GOOD.replace(
                    "override async Task<HttpResponseMessage> ExecuteAsync",
                    "override async Task<string> ExecuteAsync",
                )))
                .then(|f| assert!(f[0].message.contains("Task<string>"), "{f:?}")),
            ],
        )
        .test();
    }
}
