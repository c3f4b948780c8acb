//! script.csx (custom code): size, the `Script : ScriptBase` class, allowed namespaces,
//! HttpClient use.

use std::sync::LazyLock;

use regex::Regex;

use super::{Context, Rule};
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
mod script_class_missing;
mod script_creates_http_client;
mod script_namespace_not_allowed;
mod script_too_large;

pub use script_class_missing::*;
pub use script_creates_http_client::*;
pub use script_namespace_not_allowed::*;
pub use script_too_large::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextFile;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    pub(super) const GOOD: &str = "using System;\nusing System.Net.Http;\nusing Newtonsoft.Json.Linq;\n\n\
public class Script : ScriptBase\n{\n    // new HttpClient() is not used here\n    public \
override async Task<HttpResponseMessage> ExecuteAsync()\n    {\n        var s = \"using \
System.Text.Json;\";\n        return await this.Context.SendAsync(this.Context.Request, \
this.CancellationToken);\n    }\n}\n";

    pub(super) fn with_script(text: &str) -> crate::model::Connector {
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
    fn blanking_keeps_offsets() {
        let t = "a // ü comment\n\"x\\\"y\" /* é */ b";
        let code = code_only(t);
        assert_eq!(code.len(), t.len());
        assert!(!code.contains("comment") && code.ends_with('b'));
    }
}
