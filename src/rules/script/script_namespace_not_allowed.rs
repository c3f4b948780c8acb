use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// script.csx uses a namespace the custom-code runtime does not provide
    ///
    /// ### Why
    /// Custom code compiles against a fixed set of assemblies. Microsoft documents the
    /// namespaces a script may use: System, System.Collections, System.Collections.Generic,
    /// System.Diagnostics, System.IO, System.IO.Compression, System.Linq, System.Net,
    /// System.Net.Http, System.Net.Http.Headers, System.Net.Security,
    /// System.Security.Authentication, System.Security.Cryptography, System.Text,
    /// System.Text.RegularExpressions, System.Threading, System.Threading.Tasks, System.Web,
    /// System.Xml, System.Xml.Linq, System.Drawing, System.Drawing.Drawing2D,
    /// System.Drawing.Imaging, Microsoft.Extensions.Logging, Newtonsoft.Json,
    /// Newtonsoft.Json.Linq. A `using` directive or a fully-qualified name
    /// (`System.Text.Json.JsonSerializer.Serialize(…)`) outside them may compile on your machine
    /// but not on the platform, and certification reviewers refuse it (PR #3478).
    ///
    /// ### Example
    /// Bad: `using System.Text.Json;` or `System.Text.Json.JsonSerializer.Serialize(body)`
    /// Good: `using Newtonsoft.Json;` and `JsonConvert.SerializeObject(body)`
    ///
    /// ### Evidence
    /// An **error** for namespaces neither documented nor seen in a merged script: every
    /// `using` in the 118 merged script versions is documented or one of three namespaces
    /// Microsoft let through (`ScriptNamespaceUndocumented`, a warning, with the evidence).
    /// Names are judged by their longest prefix that is a known namespace; a root connkit
    /// does not know (a name of your own) is not reported.
    pub(crate) static SCRIPT_NAMESPACE_NOT_ALLOWED: Rule {
        code: "ScriptNamespaceNotAllowed",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Script,
        source: WC,
        check,
    }
}

/// Every namespace use of the script with its availability: (offset, namespace, availability,
/// whether it is a `using` directive).
pub(super) fn namespace_uses(
    s: &crate::scripts::Syntax,
) -> Vec<(usize, String, Availability, bool)> {
    let mut out = Vec::new();
    for u in &s.usings {
        // `using X;` imports a namespace; `using static X.T;` and `using A = X.T;` may name
        // a type, judged as a dotted name when X.T itself is not a known namespace.
        let exact = namespace_availability(&u.target);
        let as_type = || {
            name_namespace(&u.target)
                .map(|(ns, a)| (ns.to_string(), a))
                .unwrap_or((u.target.clone(), exact))
        };
        let (ns, a) = if (u.is_static || u.alias.is_some()) && exact == Availability::Unavailable {
            as_type()
        } else {
            (u.target.clone(), exact)
        };
        out.push((u.offset, ns, a, true));
    }
    for n in &s.names {
        if let Some((ns, a)) = name_namespace(&n.path) {
            out.push((n.offset, ns.to_string(), a, false));
        }
    }
    out
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(s) = syntax(cx) else { return };
    for (offset, ns, a, is_using) in namespace_uses(&s.0) {
        if a == Availability::Unavailable {
            sink.emit_at_offset(
                FileKind::Script,
                offset,
                format!(
                    "{} '{ns}' is not among the namespaces the custom-code runtime provides: the script does not compile on the platform",
                    if is_using { "namespace" } else { "name from namespace" }
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
    fn namespaces_outside_the_documented_list() {
        Tester::new(
            &SCRIPT_NAMESPACE_NOT_ALLOWED,
            vec![
                script(GOOD),
                // Documented namespaces, named in full.
                script(&good_with(
                    "var enc = System.Text.Encoding.UTF8; var q = System.Web.HttpUtility.ParseQueryString(\"\"); var l = new System.Collections.Generic.List<string>();",
                )),
                // Namespaces in comments and strings are not uses.
                script(&good_with(
                    "// using System.Text.Json;\n        var x = \"System.Data.SqlClient.SqlConnection\";",
                )),
                // Namespaces seen in merged scripts are left to the warning.
                script(&format!(
                    "using System.Runtime.Remoting.Contexts;\nusing Microsoft.PowerPlatform.Connectors.CustomCode.CSharp;\n{GOOD}"
                )),
            ],
            vec![
                // A using outside the list (an alias of a documented one is fine).
                fail(script(&format!(
                    "using System.Text.Json;\nusing Foo = System.Collections.Generic;\n{GOOD}"
                )))
                .count(1)
                .then(|f| {
                    assert_eq!((f[0].line, f[0].column), (1, 7), "{f:?}");
                    assert!(f[0].message.contains("'System.Text.Json'"), "{f:?}");
                    assert_eq!(f[0].severity, Severity::Error);
                }),
                // A fully qualified name outside the list.
                fail(script(&good_with(
                    "var s = System.Text.Json.JsonSerializer.Serialize(new { a = 1 });",
                )))
                .count(1)
                .then(|f| {
                    assert_eq!((f[0].line, f[0].column), (14, 17), "{f:?}");
                    assert!(f[0].message.contains("'System.Text.Json'"), "{f:?}");
                }),
            ],
        )
        .test();
    }
}
