//! Renderers for `connkit submit` and `connkit upload`.

use serde_json::{Value, json};

use super::TextOrJson;
use super::out::json_text;
use crate::package::verify::PackageFinding;
use crate::submit::http::redact_url;
use crate::submit::ingestion::{self, DryRun};
use crate::submit::upload::UploadResult;

/// `connkit upload`'s report in `format`.
pub(crate) fn upload(r: &UploadResult, format: TextOrJson) -> String {
    match format {
        TextOrJson::Json => json_text(&upload_json(r)),
        TextOrJson::Text => upload_text(r),
    }
}

/// A dry run's plan in `format`.
pub(crate) fn dry_run(d: &DryRun, format: TextOrJson) -> String {
    match format {
        TextOrJson::Json => json_text(&dry_run_json(d)),
        TextOrJson::Text => dry_run_text(d),
    }
}

/// What a real run did, in `format`: its status, the failure and what happened.
pub(crate) fn ran(
    status: &str,
    error: Option<&str>,
    outcome: &ingestion::Outcome,
    format: TextOrJson,
) -> String {
    match format {
        TextOrJson::Json => json_text(&ran_json(status, error, outcome)),
        TextOrJson::Text => summary(outcome, status),
    }
}

/// `upload --format json`.
pub(crate) fn upload_json(r: &UploadResult) -> Value {
    json!({
        "schema_version": 1, "tool": super::json::tool(),
        "status": "ok", "upload": r,
    })
}

/// `upload`'s text: where, how much, the digest, whether the length was read back.
pub(crate) fn upload_text(r: &UploadResult) -> String {
    format!(
        "uploaded {} bytes to {}\nsha256 {}\nlength {}\n",
        r.bytes,
        crate::safe::text(&r.url),
        r.sha256,
        if r.length_verified {
            "verified"
        } else {
            "not read back (the SAS has no read permission)"
        }
    )
}

/// `submit --format json` when `verify-package` rejected the package before anything was sent.
pub(crate) fn rejected_json(
    message: &str,
    dry_run: bool,
    errors: usize,
    findings: &[PackageFinding],
) -> Value {
    json!({
        "schema_version": 1, "tool": super::json::tool(),
        "status": "rejected",
        "error": super::json::error_object("verify", message),
        "dry_run": dry_run,
        "verify": {"errors": errors, "findings": findings},
    })
}

/// `submit --format json` of a real run: its status, the failure (`rejected` or `service`)
/// and what happened.
pub(crate) fn ran_json(status: &str, error: Option<&str>, outcome: &ingestion::Outcome) -> Value {
    let kind = if status == "rejected" {
        "rejected"
    } else {
        "service"
    };
    json!({
        "schema_version": 1, "tool": super::json::tool(),
        "status": status,
        "error": error.map(|m| super::json::error_object(kind, m)),
        "dry_run": false, "result": outcome,
    })
}

fn set(present: bool) -> &'static str {
    if present { "set" } else { "missing" }
}

/// `submit --dry-run --format json`: the package, which credentials are set, the plan.
pub(crate) fn dry_run_json(d: &DryRun) -> Value {
    json!({
        "schema_version": 1, "tool": super::json::tool(),
        "status": if d.problem.is_some() { "incomplete" } else { "ok" },
        "error": d.problem.as_deref().map(|m| super::json::error_object("usage", m)),
        "dry_run": true,
        "package": {"file_name": d.file_name, "bytes": d.bytes, "sha256": d.sha256},
        "credentials": {
            "AZURE_TENANT_ID": set(d.tenant_set),
            "AZURE_CLIENT_ID": set(d.client_set),
            "AZURE_CLIENT_SECRET": d.secret_source,
        },
        "plan": d.calls,
    })
}

/// `submit --dry-run`: the planned calls, one numbered entry each (URLs redacted).
pub(crate) fn dry_run_text(d: &DryRun) -> String {
    let mut s = format!(
        "dry run: no connection is made\npackage {} ({} bytes, sha256 {})\ncredentials: AZURE_TENANT_ID {}, AZURE_CLIENT_ID {}, client secret {}\nplanned calls:\n",
        crate::safe::text(&d.file_name),
        d.bytes,
        d.sha256,
        set(d.tenant_set),
        set(d.client_set),
        d.secret_source,
    );
    for (i, c) in d.calls.iter().enumerate() {
        s.push_str(&format!(
            "{:>3}. {:<6} {}\n       {}\n",
            i + 1,
            c.method,
            crate::safe::text(&redact_url(&c.url)),
            crate::safe::text(&c.note)
        ));
    }
    s
}

/// The text summary. Ids, states, step names and messages come from the server: each goes
/// through [`crate::safe::text`].
pub(crate) fn summary(o: &ingestion::Outcome, status: &str) -> String {
    let t = |s: &str| crate::safe::text(s).into_owned();
    let mut s = format!("status      {status}\nproduct     {}\n", t(&o.product_id));
    if let Some(c) = &o.cancelled_submission_id {
        s.push_str(&format!("cancelled   submission {}\n", t(c)));
    }
    if let Some(p) = &o.package_id {
        s.push_str(&format!(
            "package     {} ({})\n",
            t(p),
            t(o.package_state.as_deref().unwrap_or("?"))
        ));
    }
    if let Some(u) = &o.upload {
        s.push_str(&format!(
            "uploaded    {} bytes, sha256 {}\n",
            u.bytes, u.sha256
        ));
    }
    if let Some(sid) = &o.submission_id {
        s.push_str(&format!(
            "submission  {} ({}/{})\n",
            t(sid),
            t(o.submission_state.as_deref().unwrap_or("?")),
            t(o.submission_substate.as_deref().unwrap_or("?"))
        ));
    }
    for w in &o.workflow {
        s.push_str(&format!("  step      {}: {}\n", t(&w.name), t(&w.state)));
    }
    for m in &o.validation_messages {
        s.push_str(&format!("  problem   {}\n", t(m)));
    }
    if o.promoted {
        s.push_str("went live   yes\n");
    }
    s
}
