use super::*;
use crate::rules::prelude::*;

static USING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*using\s+(?:static\s+)?(?:[A-Za-z_][A-Za-z0-9_]*\s*=\s*)?([A-Za-z_][A-Za-z0-9_.]*)\s*;")
        .expect("valid regex")
});

crate::declare_code! {
    /// script.csx imports a namespace the platform does not provide
    ///
    /// ### Why
    /// Custom code runs in a sandbox with a fixed set of assemblies. Only these namespaces may be
    /// imported: System, System.Collections, System.Collections.Generic, System.Diagnostics,
    /// System.IO, System.IO.Compression, System.Linq, System.Net, System.Net.Http,
    /// System.Net.Http.Headers, System.Net.Security, System.Security.Authentication,
    /// System.Security.Cryptography, System.Text, System.Text.RegularExpressions, System.Threading,
    /// System.Threading.Tasks, System.Web, System.Xml, System.Xml.Linq, System.Drawing,
    /// System.Drawing.Drawing2D, System.Drawing.Imaging, Microsoft.Extensions.Logging,
    /// Newtonsoft.Json, Newtonsoft.Json.Linq. Others may compile on your machine but the script is
    /// refused when the connector is deployed or certified.
    ///
    /// ### Example
    /// Bad: `using System.Text.Json;`
    /// Good: `using Newtonsoft.Json.Linq;`
    ///
    /// ### Evidence
    /// A **warning**. The pipeline never sees script.csx, and merged scripts import namespaces
    /// outside the documented list (System.Runtime.Remoting.Contexts in 7 merged versions;
    /// Microsoft's own Azure Communication Services connectors import
    /// Microsoft.PowerPlatform.Connectors.CustomCode.CSharp, which is never reported). A namespace
    /// the sandbox lacks fails when the connector is saved; test the script in the portal.
    pub static SCRIPT_NAMESPACE_NOT_ALLOWED: Rule {
        code: "ScriptNamespaceNotAllowed",
        severity: Severity::Warning,
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
    for c in USING.captures_iter(&code.0) {
        let Some(ns) = c.get(1) else { continue };
        // The platform's own custom-code namespace (Microsoft's Azure Communication
        // Services connectors import it).
        let platform_own = ns.as_str() == "Microsoft.PowerPlatform.Connectors.CustomCode"
            || ns
                .as_str()
                .starts_with("Microsoft.PowerPlatform.Connectors.CustomCode.");
        if !platform_own && !ALLOWED_NAMESPACES.contains(&ns.as_str()) {
            sink.emit_at_offset(
                    FileKind::Script,
                    ns.start(),
                    format!(
                        "namespace '{}' is not in Microsoft's documented list for connector scripts: the script compiles only if the sandbox provides it",
                        ns.as_str()
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
    fn namespace_outside_the_list() {
        let text = format!(
            "using System.Text.Json;\nusing Foo = System.Collections.Generic;\n{GOOD}\nclass X {{ void F() {{ var c = new HttpClient(); }} }}"
        );
        let c = with_script(&text);
        // The platform's own namespace, and `using` inside a string (as in GOOD), are fine.
        let c_2 = with_script(&format!(
            "using Microsoft.PowerPlatform.Connectors.CustomCode.CSharp;\n{GOOD}"
        ));
        Tester::new(
            &SCRIPT_NAMESPACE_NOT_ALLOWED,
            vec![(c_2, Profile::Custom)],
            vec![fail((c, Profile::Custom)).count(1).then(|f| {
                assert_eq!((f[0].line, f[0].column), (1, 7));
                assert!(f[0].message.contains("'System.Text.Json'"));
            })],
        )
        .test();
    }
}
