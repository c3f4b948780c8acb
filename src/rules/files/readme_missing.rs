use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A certified or independent-publisher connector without readme.md
    ///
    /// ### Why
    /// Certification reviewers require a `readme.md` beside the definition describing the
    /// publisher, prerequisites, how to get credentials, the operations and known issues. A pull
    /// request without it is not approved.
    ///
    /// ### Evidence
    /// A **warning** for reviewers: the pipeline never reads readme.md, and 9 connectors were
    /// merged without one (DocuSign, Plumsail Documents, CloudAppSecurity, …). New submissions are
    /// asked for it by the PR template.
    pub static README_MISSING: Rule {
        code: "ReadmeMissing",
        severity: Severity::Warning,
        gate: Gate::Review,
        microsoft: None,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Readme,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let c = cx.connector;
    if c.readme.is_none() && !c.single_file {
        sink.emit("", "no readme.md in this connector folder");
    }
}
