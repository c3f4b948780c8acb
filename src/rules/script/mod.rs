//! script.csx (custom code), checked on its syntax tree (`crate::scripts`): size, syntax, the
//! `Script : ScriptBase` entry point, namespaces, the operations it dispatches on, and what
//! blocks or outlasts the 5-second limit.

use super::{Context, Rule};

pub(crate) const RULES: &[&Rule] = &[
    &SCRIPT_TOO_LARGE,
    &SCRIPT_SYNTAX_ERROR,
    &SCRIPT_SYNTAX_DOUBT,
    &SCRIPT_CLASS_MISSING,
    &SCRIPT_CLASS_NAME,
    &SCRIPT_NAMESPACE_NOT_ALLOWED,
    &SCRIPT_NAMESPACE_UNDOCUMENTED,
    &SCRIPT_UNKNOWN_OPERATION_ID,
    &SCRIPT_OPERATION_NOT_ROUTED,
    &SCRIPT_ROUTED_OPERATION_UNHANDLED,
    &SCRIPT_BLOCKING_CALL,
    &SCRIPT_DELAY_EXCEEDS_LIMIT,
    &SCRIPT_SEND_IN_UNBOUNDED_LOOP,
    &SCRIPT_CREATES_HTTP_CLIENT,
];

const WC: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/write-code";

/// Largest script the platform accepts (bytes).
pub(crate) const MAX_BYTES: u64 = 1024 * 1024;

/// Namespaces a connector script may import.
pub(crate) const ALLOWED_NAMESPACES: [&str; 26] = [
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

/// Namespaces seen in scripts Microsoft merged although the documented list lacks them, with
/// the evidence (counted over `../shared/corpus/history`, 118 merged script versions of 48
/// connectors). A name under one of these is a warning, not an error.
pub(crate) const SEEN_NAMESPACES: [(&str, &str); 3] = [
    (
        "System.Runtime.Remoting.Contexts",
        "imported by 7 merged script versions of 2 connectors, 2023-2024",
    ),
    (
        "Microsoft.PowerPlatform.Connectors.CustomCode",
        "imported by Microsoft's own Azure Communication Services connectors, 2 merged versions",
    ),
    (
        "System.Globalization",
        "named in full, as System.Globalization.CultureInfo, by 10 merged script versions of 3 connectors",
    ),
];

/// Namespaces of the assemblies scripts compile against but that Microsoft does not list:
/// .NET Framework's core assemblies (mscorlib, System, System.Core, System.Xml), which every
/// C# compile references, and Newtonsoft.Json's other namespaces. Merged scripts show the platform compiles against .NET
/// Framework (System.Runtime.Remoting.Contexts exists only there), so these compile, though
/// Microsoft does not list them: a warning, not an error.
const CORE_NAMESPACES: &[&str] = &[
    "Microsoft.Win32",
    "System.CodeDom",
    "System.Collections.Concurrent",
    "System.Collections.ObjectModel",
    "System.Collections.Specialized",
    "System.ComponentModel",
    "System.Diagnostics.CodeAnalysis",
    "System.Dynamic",
    "System.IO.Pipes",
    "System.Net.Mail",
    "System.Net.Mime",
    "System.Net.NetworkInformation",
    "System.Net.Sockets",
    "System.Net.WebSockets",
    "System.Reflection",
    "System.Resources",
    "System.Runtime",
    "System.Runtime.CompilerServices",
    "System.Runtime.InteropServices",
    "System.Runtime.Remoting",
    "System.Runtime.Serialization",
    "System.Security",
    "System.Security.Claims",
    "System.Security.Cryptography.X509Certificates",
    "System.Security.Principal",
    "System.Timers",
    "System.Xml.Schema",
    "System.Xml.Serialization",
    "System.Xml.XPath",
    "System.Xml.Xsl",
    // In the Newtonsoft.Json assembly, which scripts compile against.
    "Newtonsoft.Json.Bson",
    "Newtonsoft.Json.Converters",
    "Newtonsoft.Json.Serialization",
];

/// Namespaces that exist in .NET or common packages but are not in the documented list:
/// used to tell where the namespace ends in a dotted name (`System.Text.Json.JsonSerializer`
/// is in `System.Text.Json`, not in `System.Text`). Not exhaustive: a name under a namespace
/// this list lacks is judged by its longest known prefix.
const OTHER_NAMESPACES: &[&str] = &[
    "System.Buffers",
    "System.Collections.Immutable",
    "System.ComponentModel.DataAnnotations",
    "System.Configuration",
    "System.Data",
    "System.Data.Common",
    "System.Data.SqlClient",
    "System.Drawing.Text",
    "System.IdentityModel.Tokens.Jwt",
    "System.IO.Pipelines",
    "System.Management",
    "System.Media",
    "System.Net.Http.Json",
    "System.Numerics",
    "System.Reflection.Emit",
    "System.Runtime.Serialization.Json",
    "System.ServiceModel",
    "System.Text.Encodings.Web",
    "System.Text.Json",
    "System.Text.Json.Nodes",
    "System.Text.Json.Serialization",
    "System.Threading.Channels",
    "System.Transactions",
    "System.Web.Script.Serialization",
    "System.Windows",
    "System.Windows.Forms",
    "Microsoft.AspNetCore",
    "Microsoft.Azure",
    "Microsoft.CSharp",
    "Microsoft.Extensions.Configuration",
    "Microsoft.Extensions.DependencyInjection",
    "Microsoft.Extensions.Http",
    "Microsoft.Graph",
    "Microsoft.Identity.Client",
    "Microsoft.IdentityModel.Tokens",
    "Microsoft.VisualBasic",
    "Newtonsoft.Json.Schema",
    "Azure",
    "Azure.Core",
    "Azure.Identity",
    "Azure.Storage",
];

/// Whether scripts may use a namespace: documented, seen in merged scripts (with the
/// evidence), or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Availability {
    Documented,
    Seen(&'static str),
    /// In an assembly scripts compile against (.NET Framework's core, Newtonsoft.Json), not
    /// documented.
    Core,
    Unavailable,
}

fn under(name: &str, ns: &str) -> bool {
    name == ns || name.strip_prefix(ns).is_some_and(|r| r.starts_with('.'))
}

/// The availability of a namespace imported by `using`.
pub(crate) fn namespace_availability(ns: &str) -> Availability {
    if ALLOWED_NAMESPACES.contains(&ns) {
        return Availability::Documented;
    }
    if let Some((_, evidence)) = SEEN_NAMESPACES.iter().find(|(s, _)| under(ns, s)) {
        return Availability::Seen(evidence);
    }
    if CORE_NAMESPACES.iter().any(|c| under(ns, c)) {
        return Availability::Core;
    }
    Availability::Unavailable
}

/// The namespace a dotted name (`System.Text.Json.JsonSerializer.Serialize`) is in, and its
/// availability: its longest prefix that is a known namespace, followed by at least a type.
/// `None` when no prefix is a known namespace (an unknown root).
pub(crate) fn name_namespace(path: &str) -> Option<(&str, Availability)> {
    let mut best: Option<&str> = None;
    for (i, _) in path.match_indices('.') {
        let prefix = &path[..i];
        let known = ALLOWED_NAMESPACES.contains(&prefix)
            || SEEN_NAMESPACES.iter().any(|(s, _)| prefix == *s)
            || CORE_NAMESPACES.contains(&prefix)
            || OTHER_NAMESPACES.contains(&prefix);
        if known {
            best = Some(prefix);
        }
    }
    let ns = best?;
    Some((ns, namespace_availability(ns)))
}

/// The script's syntax model, parsed once per connector; `None` without a script or when it
/// was not parsed (too large: `ScriptTooLarge` reports it).
fn syntax(cx: &Context<'_>) -> Option<std::sync::Arc<ScriptSyntax>> {
    model(cx).filter(|m| m.0.parsed)
}

/// The script's model, parsed or not: kept with the loaded file, so the language server
/// does not parse an unchanged script again when another file of the connector changes.
fn model(cx: &Context<'_>) -> Option<std::sync::Arc<ScriptSyntax>> {
    let s = cx.connector.script.as_ref()?;
    s.analysis
        .get_or_init(|| ScriptSyntax(crate::scripts::parse(&s.text)))
        .or_else(|| Some(cx.shared(|| ScriptSyntax(crate::scripts::parse(&s.text)))))
}

struct ScriptSyntax(crate::scripts::Syntax);

/// The class deriving `ScriptBase` (the platform's entry point), the first when several do.
fn script_class(s: &crate::scripts::Syntax) -> Option<&crate::scripts::Class> {
    s.classes.iter().find(|c| {
        c.bases
            .iter()
            .any(|b| b == "ScriptBase" || b.ends_with(".ScriptBase"))
    })
}

/// Why a syntax error may be the grammar's, not the compiler's: `None` for a real error.
/// The grammar lacks `field` as an ordinary identifier in some positions (it is a contextual
/// keyword since C# 14); an error on a line that uses it is a doubt.
pub(super) fn grammar_doubt(text: &str, e: &crate::scripts::SyntaxError) -> Option<&'static str> {
    let start = text[..e.offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let end = text[e.offset.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| e.offset + i);
    let line = text.get(start..end)?;
    let uses_field = line.match_indices("field").any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + 5..].chars().next();
        let ident =
            |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"');
        !ident(before) && !ident(after)
    });
    uses_field.then_some(
        "tree-sitter-c-sharp does not accept `field` as an identifier everywhere the compiler does",
    )
}

/// The definition's operationIds.
fn operation_ids<'a>(cx: &Context<'a>) -> Option<Vec<&'a str>> {
    let sw = cx.swagger.as_ref()?;
    Some(
        sw.operations
            .iter()
            .filter_map(|o| o.operation_id)
            .collect(),
    )
}

/// `scriptOperations` from apiProperties.json, when it lists operations (an empty or absent
/// list sends every operation through the script).
fn script_operations(cx: &Context<'_>) -> Option<Vec<(usize, String)>> {
    let list = cx
        .connector
        .properties_value()?
        .get("properties")?
        .get("scriptOperations")?
        .as_array()?;
    let ops: Vec<(usize, String)> = list
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((i, v.as_str()?.to_string())))
        .collect();
    (!ops.is_empty()).then_some(ops)
}

mod script_blocking_call;
mod script_class_missing;
mod script_class_name;
mod script_creates_http_client;
mod script_delay_exceeds_limit;
mod script_namespace_not_allowed;
mod script_namespace_undocumented;
mod script_operation_not_routed;
mod script_routed_operation_unhandled;
mod script_send_in_unbounded_loop;
mod script_syntax_doubt;
mod script_syntax_error;
mod script_too_large;
mod script_unknown_operation_id;

pub(crate) use script_blocking_call::*;
pub(crate) use script_class_missing::*;
pub(crate) use script_class_name::*;
pub(crate) use script_creates_http_client::*;
pub(crate) use script_delay_exceeds_limit::*;
pub(crate) use script_namespace_not_allowed::*;
pub(crate) use script_namespace_undocumented::*;
pub(crate) use script_operation_not_routed::*;
pub(crate) use script_routed_operation_unhandled::*;
pub(crate) use script_send_in_unbounded_loop::*;
pub(crate) use script_syntax_doubt::*;
pub(crate) use script_syntax_error::*;
pub(crate) use script_too_large::*;
pub(crate) use script_unknown_operation_id::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextFile;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

    /// A real-shaped script: imports from the documented list, an operation dispatched
    /// through a constant, a helper method, and decoys in comments and strings.
    pub(super) const GOOD: &str = r#"using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

public class Script : ScriptBase
{
    // new HttpClient() and Thread.Sleep(6000) are only mentioned here.
    private const string OpGetTask = "GetTask";

    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        var note = "using System.Text.Json; task.Result";
        if (this.Context.OperationId == OpGetTask)
        {
            return await this.HandleGetTask().ConfigureAwait(false);
        }
        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> HandleGetTask()
    {
        var response = await this.Context.SendAsync(this.Context.Request, this.CancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var json = JObject.Parse(body);
        json["fetched"] = DateTime.UtcNow.ToString("o");
        response.Content = CreateJsonContent(json.ToString());
        return response;
    }
}
"#;

    /// `GOOD` with `line` inserted as the first statement of `ExecuteAsync` (line 14).
    pub(super) fn good_with(line: &str) -> String {
        GOOD.replacen(
            "        var note =",
            &format!("        {line}\n        var note ="),
            1,
        )
    }

    /// A test case: the connector with this script, linted with the custom profile.
    pub(super) fn script(text: &str) -> (crate::model::Connector, crate::rules::Profile) {
        (with_script(text), crate::rules::Profile::Custom)
    }

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

    /// GOOD with a second operation and apiProperties routing `routed`.
    pub(super) fn routed(text: &str, routed: &[&str]) -> crate::model::Connector {
        let mut def = minimal();
        def["paths"]["/tasks"] = json!({"get": {"operationId": "ListTasks", "summary": "List tasks",
            "description": "Lists the tasks.", "responses": {"200": {"description": "OK"}}}});
        let mut c = connector_from(
            def,
            Some(json!({"properties": {"scriptOperations": routed}})),
        );
        c.script = with_script(text).script;
        c
    }

    #[test]
    fn the_model_is_kept_with_the_loaded_file() {
        // The language server takes over an unchanged script: its parse goes with it.
        let c = with_script(GOOD);
        let script = c.script.as_ref().unwrap();
        assert_eq!(format!("{:?}", script.analysis), "Analysis(empty)");
        run_on(&SCRIPT_SYNTAX_ERROR, &c, Profile::Custom);
        assert_eq!(format!("{:?}", script.analysis), "Analysis(computed)");
        let first = model(&crate::rules::Context::new(&c, Profile::Custom)).unwrap();
        let again = model(&crate::rules::Context::new(&c, Profile::Custom)).unwrap();
        assert!(std::sync::Arc::ptr_eq(&first, &again));
    }

    #[test]
    fn good_script_passes() {
        let c = with_script(GOOD);
        for r in RULES {
            assert!(run_on(r, &c, Profile::Custom).is_empty(), "{}", r.code);
        }
    }
}
