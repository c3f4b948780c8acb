use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The class deriving `ScriptBase` is not named `Script`
    ///
    /// ### Why
    /// Microsoft's documentation says the class name must be `Script`. Scripts certified with
    /// another spelling ran, so the platform appears to find the class by its base type; keep
    /// the documented name so reviewers and later platform versions agree.
    ///
    /// ### Example
    /// Bad: `public class script : ScriptBase`
    /// Good: `public class Script : ScriptBase`
    ///
    /// ### Evidence
    /// A **warning**, not an error: OpenAI GPT-4 (4 merged versions, 2023-2024) and wttr.in
    /// (2024), both independent-publisher connectors, were merged with
    /// `public class script: ScriptBase`; the other 113 merged versions use `Script`.
    pub(crate) static SCRIPT_CLASS_NAME: Rule {
        code: "ScriptClassName",
        severity: Severity::Warning,
        gate: Gate::Review,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    if let Some(class) = script_class(&s.0)
        && class.name != "Script"
    {
        sink.emit_at_offset(
            FileKind::Script,
            class.offset,
            format!(
                "the class deriving ScriptBase is named '{}'; Microsoft documents the name `Script`",
                class.name
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
    fn the_documented_name_passes_and_another_is_reported() {
        Tester::new(
            &SCRIPT_CLASS_NAME,
            vec![
                script(GOOD),
                // Other names are for classes that do not derive ScriptBase: a helper beside
                // `Script`, or a script with no entry point at all (ScriptClassMissing's).
                script(&format!("{GOOD}\npublic class Helper {{ }}\n")),
                script(&GOOD.replace("class Script : ScriptBase", "class Handler")),
            ],
            vec![
                fail(script(&GOOD.replace(
                    "class Script : ScriptBase",
                    "class script: ScriptBase",
                )))
                .count(1)
                .then(|f| {
                    assert_eq!((f[0].line, f[0].column), (7, 14), "{f:?}");
                    assert_eq!(f[0].severity, Severity::Warning);
                }),
            ],
        )
        .test();
    }
}
