//! Renderers for `connkit verify-package` (and the package check of `connkit package`):
//! text and one JSON document.

use std::path::Path;

use crate::package::build::{self, Node};
use crate::package::verify::{PackageKind, VerifyReport};
use crate::report;
use crate::rules::Severity;

/// `{"schema_version":1,"tool":…,"package":…,"findings":[…],"solutions":[…],
/// "connectors":[…],"summary":{…}}`.
pub(crate) fn render_json(r: &VerifyReport) -> String {
    let text = serde_json::to_string_pretty(&verify_document(r)).unwrap_or_default() + "\n";
    crate::safe::json(text)
}

fn verify_document(r: &VerifyReport) -> serde_json::Value {
    serde_json::json!({
        "schema_version": 1,
        "tool": report::json::tool(),
        "package": r.package,
        "kind": r.kind,
        "findings": r.findings,
        "solutions": r.solutions,
        "connectors": r.connectors,
        "summary": {
            "solutions": r.solutions.len(),
            "errors": r.count(Severity::Error),
            "warnings": r.count(Severity::Warning),
            "infos": r.count(Severity::Info),
        },
    })
}

/// `verify-package --format json` on a package refused as unsafe or corrupt: the error
/// document (`kind` "refused") with the package and the entry that was refused.
pub(crate) fn refused_json(
    package: &Path,
    reason: &str,
    path_in_package: &str,
) -> serde_json::Value {
    let mut doc = super::json::error_document("refused", reason);
    doc["package"] = package.display().to_string().into();
    doc["error"]["path_in_package"] = path_in_package.into();
    doc
}

/// `verify-package`'s report in `format`.
pub(crate) fn render(r: &VerifyReport, format: super::TextOrJson, color: bool) -> String {
    match format {
        super::TextOrJson::Json => render_json(r),
        super::TextOrJson::Text => render_text(r, color),
    }
}

/// Entry names, messages and the package name come from the zip: each goes through
/// [`crate::safe::text`].
pub(crate) fn render_text(r: &VerifyReport, color: bool) -> String {
    use crate::safe::text;
    let mut out = String::new();
    let paint =
        |sev: Severity, s: &str| super::style::Paint(color).s(super::style::severity(sev), s);
    for f in &r.findings {
        out.push_str(&format!(
            "{}: {}\n  --> {}\n\n",
            paint(f.severity, &format!("{}[{}]", f.severity.as_str(), f.code)),
            text(&f.message),
            text(&f.path_in_package)
        ));
    }
    for c in &r.connectors {
        for f in &c.findings {
            report::text::render_finding(&mut out, &c.path, f, color);
        }
    }
    let kinds: Vec<String> = r
        .solutions
        .iter()
        .map(|s| {
            format!(
                "{} ({})",
                text(s.path.rsplit('/').next().unwrap_or("")),
                serde_json::to_value(s.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            )
        })
        .collect();
    let (e, w) = (r.count(Severity::Error), r.count(Severity::Warning));
    if r.kind == PackageKind::Files {
        let what = if e == 0 && w == 0 {
            "the files zip is correct".to_string()
        } else {
            format!(
                "{e} error{}, {w} warning{}",
                if e == 1 { "" } else { "s" },
                if w == 1 { "" } else { "s" }
            )
        };
        out.push_str(&format!(
            "{}: {what} (files zip: the connector's files, linted with the certified profile)\n",
            text(&r.package)
        ));
        return out;
    }
    if e == 0 && w == 0 {
        out.push_str(&format!(
            "{}: the package structure is correct; solutions: {}\n",
            text(&r.package),
            if kinds.is_empty() {
                "none".into()
            } else {
                kinds.join(", ")
            }
        ));
    } else {
        out.push_str(&format!(
            "{}: {e} error{}, {w} warning{}; solutions: {}\n",
            text(&r.package),
            if e == 1 { "" } else { "s" },
            if w == 1 { "" } else { "s" },
            if kinds.is_empty() {
                "none".into()
            } else {
                kinds.join(", ")
            }
        ));
    }
    out
}

/// `connkit package`'s last lines: the zip's tree, where it was written, its digest.
pub(crate) fn written(name: &str, size: u64, tree: &[Node], output: &Path, sha256: &str) -> String {
    let mut s = build::render_tree(name, size, tree);
    s.push_str(&format!(
        "wrote {}\nsha256 {sha256}\n",
        crate::safe::text(&output.display().to_string())
    ));
    s
}
