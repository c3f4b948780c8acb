use super::*;
use crate::rules::prelude::*;

static CLASS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bclass\s+(?i:script)\s*:\s*ScriptBase\b").expect("valid regex"));

static EXECUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\boverride\s+(async\s+)?Task\s*<\s*HttpResponseMessage\s*>\s*ExecuteAsync\s*\(")
        .expect("valid regex")
});

crate::declare_code! {
    /// script.csx lacks `class Script : ScriptBase` or its `ExecuteAsync` override
    ///
    /// ### Why
    /// The platform runs custom code by instantiating a class named `Script` derived from
    /// `ScriptBase` and calling its `ExecuteAsync`. Both names are fixed.
    ///
    /// ### Example
    /// Bad: `public class Handler : ScriptBase { … }` (the class must be named `Script`)
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
    /// The class name is matched ignoring case: OpenAI GPT-4 (2023) and wttr.in (2024) were
    /// certified with 'public class script: ScriptBase' and run. A script without a ScriptBase
    /// class or without ExecuteAsync cannot run: an error.
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
    let Some(code) = script_code(cx) else {
        return;
    };
    match CLASS.find(&code.0) {
        None => sink.emit_at_offset(
            FileKind::Script,
            0,
            "no `public class Script : ScriptBase` in script.csx",
        ),
        Some(m) if !EXECUTE.is_match(&code.0) => sink.emit_at_offset(
            FileKind::Script,
            m.start(),
            "class Script does not override `Task<HttpResponseMessage> ExecuteAsync()`",
        ),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    #[test]
    fn class_and_method() {
        let c = with_script("public class Handler : ScriptBase {}");
        let c_2 = with_script(
            "public class Script : ScriptBase { public Task<HttpResponseMessage> Run() {} }",
        );
        // The class name is matched ignoring case.
        let c_3 = with_script(&GOOD.replace("class Script", "class script"));
        Tester::new(
            &SCRIPT_CLASS_MISSING,
            vec![(c_3, Profile::Custom)],
            vec![
                fail((c, Profile::Custom)).count(1),
                fail((c_2, Profile::Custom)).then(|f| {
                    assert!(f[0].message.contains("ExecuteAsync"));
                }),
            ],
        )
        .test();
    }
}
