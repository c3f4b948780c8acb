use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// script.csx uses a namespace outside Microsoft's list that merged scripts use too
    ///
    /// ### Why
    /// Microsoft documents the namespaces custom code may use (see `ScriptNamespaceNotAllowed`).
    /// A few others appear in scripts Microsoft merged: they compiled there, but nothing
    /// promises they keep working; prefer the documented namespaces.
    ///
    /// ### Example
    /// Doubtful: `using System.Runtime.Remoting.Contexts;` (usually an unused import: remove it),
    /// `System.Reflection.Assembly.GetExecutingAssembly()`
    /// Good: only the documented namespaces
    ///
    /// ### Evidence
    /// A **warning**, with the evidence in each message: System.Runtime.Remoting.Contexts
    /// (7 merged versions of 2 connectors, CardsForPowerApps and snowflake),
    /// Microsoft.PowerPlatform.Connectors.CustomCode (Microsoft's own Azure Communication
    /// Services connectors, 2 merged versions), System.Globalization
    /// (`System.Globalization.CultureInfo` in 10 merged versions of 3 connectors). In all, 19
    /// of the 118 merged script versions (7 connectors) get this warning. Namespaces
    /// of .NET Framework's core assemblies (System.Reflection, System.Collections.Concurrent,
    /// …) and Newtonsoft.Json's other namespaces (Newtonsoft.Json.Serialization) compile too:
    /// merged scripts show the platform compiles against .NET Framework
    /// (System.Runtime.Remoting.Contexts exists only there).
    pub(crate) static SCRIPT_NAMESPACE_UNDOCUMENTED: Rule {
        code: "ScriptNamespaceUndocumented",
        severity: Severity::Warning,
        gate: Gate::Review,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    for (offset, ns, a, _) in super::script_namespace_not_allowed::namespace_uses(&s.0) {
        let evidence = match a {
            Availability::Seen(evidence) => evidence,
            Availability::Core => {
                "it is in an assembly scripts compile against: .NET Framework's core or Newtonsoft.Json"
            }
            _ => continue,
        };
        sink.emit_at_offset(
            FileKind::Script,
            offset,
            format!(
                "namespace '{ns}' is not in Microsoft's documented list for scripts ({evidence})"
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
    fn seen_namespaces_are_warnings_with_their_evidence() {
        Tester::new(
            &SCRIPT_NAMESPACE_UNDOCUMENTED,
            vec![
                script(GOOD),
                // Unavailable namespaces are the error's, not this warning's.
                script(&format!("using System.Text.Json;\n{GOOD}")),
            ],
            vec![
                fail(script(&format!(
                    "using System.Runtime.Remoting.Contexts;\n{}",
                    good_with("var c = System.Globalization.CultureInfo.InvariantCulture;")
                )))
                .count(2)
                .then(|f| {
                    assert_eq!((f[0].line, f[1].line), (1, 15), "{f:?}");
                    assert!(f[0].message.contains("7 merged script versions"), "{f:?}");
                    assert!(f[1].message.contains("'System.Globalization'"), "{f:?}");
                }),
                fail(script(&good_with(
                    "var a = System.Reflection.Assembly.GetExecutingAssembly();",
                )))
                .then(|f| {
                    assert!(
                        f[0].message.contains("assembly scripts compile against"),
                        "{f:?}"
                    );
                }),
            ],
        )
        .test();
    }
}
