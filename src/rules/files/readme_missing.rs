use super::*;

pub static README_MISSING: Rule = Rule {
    code: "ReadmeMissing",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Readme,
    summary: "A certified or independent-publisher connector without readme.md",
    explanation: "Certification reviewers require a `readme.md` beside the definition describing \
the publisher, prerequisites, how to get credentials, the operations and known issues. A pull \
request without it is not approved.\n\n\
Evidence: a **warning** for reviewers: the pipeline never reads readme.md, and 9 connectors \
were merged without one (DocuSign, Plumsail Documents, CloudAppSecurity, …). New submissions \
are asked for it by the PR template.",
    source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
    check: |cx, sink| {
        let c = cx.connector;
        if c.readme.is_none() && !c.single_file {
            sink.emit("", "no readme.md in this connector folder");
        }
    },
};
