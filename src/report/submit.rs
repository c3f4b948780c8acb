//! Renderers for `connkit submit` and `connkit upload`.

use crate::submit::ingestion;

/// The text summary. Ids, states, step names and messages come from the server: each goes
/// through [`crate::safe::text`].
pub fn summary(o: &ingestion::Outcome, status: &str) -> String {
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
