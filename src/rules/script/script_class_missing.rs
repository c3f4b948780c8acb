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
    pub static SCRIPT_CLASS_MISSING: Rule {
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
    use crate::rules::Profile;
    use crate::rules::testing::*;

    fn run(text: &str) -> Vec<crate::rules::Finding> {
        run_on(&SCRIPT_CLASS_MISSING, &with_script(text), Profile::Custom)
    }

    #[test]
    fn the_real_shaped_script_passes() {
        assert!(run(GOOD).is_empty());
        // Any class name, and a qualified base, still derive ScriptBase.
        assert!(
            run(&GOOD.replace("class Script : ScriptBase", "class script: ScriptBase")).is_empty()
        );
    }

    #[test]
    fn no_class_deriving_script_base() {
        let f = run(&GOOD.replace(" : ScriptBase", ""));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 1);
        assert!(f[0].message.contains("no class derives ScriptBase"));
        // A comment naming the class does not count.
        let f = run("// public class Script : ScriptBase\npublic class Helper {}\n");
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn execute_async_missing_or_not_an_override() {
        let f = run(&GOOD.replace("ExecuteAsync()", "RunAsync()"));
        assert_eq!((f.len(), f[0].line), (1, 7), "{f:?}");
        let f = run(&GOOD.replace("public override async", "public async"));
        assert_eq!((f.len(), f[0].line), (1, 12), "{f:?}");
        assert!(f[0].message.contains("override"));
        let f = run(&GOOD.replace(
            "override async Task<HttpResponseMessage> ExecuteAsync",
            "override async Task<string> ExecuteAsync",
        ));
        assert!(f[0].message.contains("Task<string>"), "{f:?}");
    }
}
