//! script.csx (custom code): size, the `Script : ScriptBase` class, allowed namespaces,
//! HttpClient use (catalog §10.2).

use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Profiles, Rule, Severity};
use crate::model::FileKind;

pub const RULES: &[&Rule] = &[
    &SCRIPT_TOO_LARGE,
    &SCRIPT_CLASS_MISSING,
    &SCRIPT_NAMESPACE_NOT_ALLOWED,
    &SCRIPT_CREATES_HTTP_CLIENT,
];

const WC: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/write-code";

/// Largest script the platform accepts (bytes).
pub const MAX_BYTES: u64 = 1024 * 1024;

/// Namespaces a connector script may import.
pub const ALLOWED_NAMESPACES: [&str; 26] = [
    "System",
    "System.Collections",
    "System.Collections.Generic",
    "System.Diagnostics",
    "System.IO",
    "System.IO.Compression",
    "System.Linq",
    "System.Net",
    "System.Net.Http",
    "System.Net.Http.Headers",
    "System.Net.Security",
    "System.Security.Authentication",
    "System.Security.Cryptography",
    "System.Text",
    "System.Text.RegularExpressions",
    "System.Threading",
    "System.Threading.Tasks",
    "System.Web",
    "System.Xml",
    "System.Xml.Linq",
    "System.Drawing",
    "System.Drawing.Drawing2D",
    "System.Drawing.Imaging",
    "Microsoft.Extensions.Logging",
    "Newtonsoft.Json",
    "Newtonsoft.Json.Linq",
];

/// The script's text with comments and string literals blanked (same length, so offsets stay
/// valid), so that code patterns are not matched inside them.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                out.push(b' ');
                i += 1;
            }
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            out.extend_from_slice(b"  ");
            i += 2;
            while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                out.push(if b[i] == b'\n' { b'\n' } else { b' ' });
                i += 1;
            }
            if i < b.len() {
                out.extend_from_slice(b"  ");
                i += 2;
            }
        } else if b[i] == b'"' {
            let verbatim = i > 0 && b[i - 1] == b'@';
            out.push(b'"');
            i += 1;
            while i < b.len() {
                if !verbatim && b[i] == b'\\' && i + 1 < b.len() {
                    out.extend_from_slice(b"  ");
                    i += 2;
                    continue;
                }
                if b[i] == b'"' {
                    if verbatim && b.get(i + 1) == Some(&b'"') {
                        out.extend_from_slice(b"  ");
                        i += 2;
                        continue;
                    }
                    break;
                }
                out.push(if b[i] == b'\n' { b'\n' } else { b' ' });
                i += 1;
            }
            if i < b.len() {
                out.push(b'"');
                i += 1;
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    // Only ASCII bytes were replaced by ASCII, and multi-byte sequences were either copied
    // whole or blanked byte by byte, so the result is valid UTF-8 of the same length.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The blanked script text, computed once per connector.
fn script_code(cx: &Context<'_>) -> Option<std::sync::Arc<ScriptCode>> {
    let s = cx.connector.script.as_ref()?;
    Some(cx.shared(|| ScriptCode(code_only(&s.text))))
}

struct ScriptCode(String);

pub static SCRIPT_TOO_LARGE: Rule = Rule {
    code: "ScriptTooLarge",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Script,
    summary: "script.csx is larger than 1 MB",
    explanation: "Custom code is limited to 1 MB of source (and 5 seconds of run time per call). \
Move heavy logic to the service itself.",
    source: WC,
    check: |cx, sink| {
        if let Some(s) = cx.connector.script.as_ref()
            && s.size.max(s.text.len() as u64) > MAX_BYTES
        {
            sink.emit_at_offset(
                FileKind::Script,
                0,
                format!("script.csx is {} bytes; the limit is 1 MB", s.size),
            );
        }
    },
};

static CLASS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bclass\s+(?i:script)\s*:\s*ScriptBase\b").expect("valid regex"));
static EXECUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\boverride\s+(async\s+)?Task\s*<\s*HttpResponseMessage\s*>\s*ExecuteAsync\s*\(")
        .expect("valid regex")
});

pub static SCRIPT_CLASS_MISSING: Rule = Rule {
    code: "ScriptClassMissing",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Script,
    summary: "script.csx lacks `class Script : ScriptBase` or its `ExecuteAsync` override",
    explanation: "The platform runs custom code by instantiating a class named `Script` derived \
from `ScriptBase` and calling its `ExecuteAsync`. Both names are fixed.\n\nGood:\n```csharp\n\
public class Script : ScriptBase\n{\n    public override async Task<HttpResponseMessage> \
ExecuteAsync()\n    {\n        return await this.Context.SendAsync(this.Context.Request, \
this.CancellationToken).ConfigureAwait(false);\n    }\n}\n```\n\n\
Evidence: the class name is matched ignoring case: OpenAI GPT-4 (2023) and wttr.in (2024) \
were certified with 'public class script: ScriptBase' and run. A script without a ScriptBase \
class or without ExecuteAsync cannot run: an error.",
    source: WC,
    check: |cx, sink| {
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
    },
};

static USING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*using\s+(?:static\s+)?(?:[A-Za-z_][A-Za-z0-9_]*\s*=\s*)?([A-Za-z_][A-Za-z0-9_.]*)\s*;")
        .expect("valid regex")
});

pub static SCRIPT_NAMESPACE_NOT_ALLOWED: Rule = Rule {
    code: "ScriptNamespaceNotAllowed",
    severity: Severity::Warning,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Script,
    summary: "script.csx imports a namespace the platform does not provide",
    explanation: "Custom code runs in a sandbox with a fixed set of assemblies. Only these \
namespaces may be imported: System, System.Collections, System.Collections.Generic, \
System.Diagnostics, System.IO, System.IO.Compression, System.Linq, System.Net, System.Net.Http, \
System.Net.Http.Headers, System.Net.Security, System.Security.Authentication, \
System.Security.Cryptography, System.Text, System.Text.RegularExpressions, System.Threading, \
System.Threading.Tasks, System.Web, System.Xml, System.Xml.Linq, System.Drawing, \
System.Drawing.Drawing2D, System.Drawing.Imaging, Microsoft.Extensions.Logging, \
Newtonsoft.Json, Newtonsoft.Json.Linq. Others may compile on your machine but the script is \
refused when the connector is deployed or certified.\n\nBad: `using System.Text.Json;`\n\n\
Evidence: a **warning**. The pipeline never sees script.csx, and merged scripts import \
namespaces outside the documented list (System.Runtime.Remoting.Contexts in 7 merged \
versions; Microsoft's own Azure Communication Services connectors import \
Microsoft.PowerPlatform.Connectors.CustomCode.CSharp, which is never reported). A namespace \
the sandbox lacks fails when the connector is saved; test the script in the portal.",
    source: WC,
    check: |cx, sink| {
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
    },
};

static NEW_HTTP_CLIENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bnew\s+(System\.Net\.Http\.)?HttpClient\s*\(").expect("valid regex")
});

pub static SCRIPT_CREATES_HTTP_CLIENT: Rule = Rule {
    code: "ScriptCreatesHttpClient",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Script,
    summary: "script.csx creates its own HttpClient",
    explanation: "Scripts should send requests with `this.Context.SendAsync(...)`, which goes \
through the connector's authentication and policies. Microsoft documents that creating an \
`HttpClient` yourself is discouraged and may be blocked.\n\nBad: `var client = new \
HttpClient();`  Good: `await this.Context.SendAsync(request, this.CancellationToken)`",
    source: WC,
    check: |cx, sink| {
        let Some(code) = script_code(cx) else {
            return;
        };
        for m in NEW_HTTP_CLIENT.find_iter(&code.0) {
            sink.emit_at_offset(
                FileKind::Script,
                m.start(),
                "use this.Context.SendAsync instead of a new HttpClient",
            );
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextFile;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    const GOOD: &str = "using System;\nusing System.Net.Http;\nusing Newtonsoft.Json.Linq;\n\n\
public class Script : ScriptBase\n{\n    // new HttpClient() is not used here\n    public \
override async Task<HttpResponseMessage> ExecuteAsync()\n    {\n        var s = \"using \
System.Text.Json;\";\n        return await this.Context.SendAsync(this.Context.Request, \
this.CancellationToken);\n    }\n}\n";

    fn with_script(text: &str) -> crate::model::Connector {
        let mut c = connector_from(minimal(), None);
        c.script = Some(TextFile::from_text(
            "script.csx".into(),
            "script.csx".into(),
            text.to_string(),
            text.len() as u64,
            vec![],
        ));
        c
    }

    #[test]
    fn good_script_passes() {
        let c = with_script(GOOD);
        for r in RULES {
            assert!(run_on(r, &c, Profile::Custom).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn class_and_method() {
        let c = with_script("public class Handler : ScriptBase {}");
        assert_eq!(run_on(&SCRIPT_CLASS_MISSING, &c, Profile::Custom).len(), 1);
        let c = with_script(
            "public class Script : ScriptBase { public Task<HttpResponseMessage> Run() {} }",
        );
        let f = run_on(&SCRIPT_CLASS_MISSING, &c, Profile::Custom);
        assert!(f[0].message.contains("ExecuteAsync"));
    }

    #[test]
    fn namespaces_and_http_client() {
        let text = format!(
            "using System.Text.Json;\nusing Foo = System.Collections.Generic;\n{GOOD}\nclass X {{ void F() {{ var c = new HttpClient(); }} }}"
        );
        let c = with_script(&text);
        let f = run_on(&SCRIPT_NAMESPACE_NOT_ALLOWED, &c, Profile::Custom);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].column), (1, 7));
        let f = run_on(&SCRIPT_CREATES_HTTP_CLIENT, &c, Profile::Custom);
        assert_eq!(f.len(), 1);
        assert!(f[0].line > 10);
    }

    #[test]
    fn size_limit() {
        let mut c = with_script(GOOD);
        if let Some(s) = c.script.as_mut() {
            s.size = MAX_BYTES + 1;
        }
        assert_eq!(run_on(&SCRIPT_TOO_LARGE, &c, Profile::Custom).len(), 1);
        assert!(run_on(&SCRIPT_TOO_LARGE, &with_script(GOOD), Profile::Custom).is_empty());
    }

    #[test]
    fn blanking_keeps_offsets() {
        let t = "a // ü comment\n\"x\\\"y\" /* é */ b";
        let code = code_only(t);
        assert_eq!(code.len(), t.len());
        assert!(!code.contains("comment") && code.ends_with('b'));
    }
}
