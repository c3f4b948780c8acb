use super::*;

pub static PUBLISHER_REQUIRED: Rule = Rule {
    code: "PublisherRequired",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Properties,
    summary: "`publisher` is missing or empty",
    explanation: "Certification requires `publisher`: the company's full name for a verified \
publisher, the author's name (or several, comma-separated) for an independent publisher.\n\n\
Evidence: a **warning** for reviewers. The apiProperties validator does not enforce it: 3 \
connectors were merged without 'publisher' after the validator existed (Haiilo and personr, \
2023). Reviewers expect it on new submissions.",
    source: CS,
    check: |cx, sink| {
        required_text(
            cx,
            sink,
            "publisher",
            "the company (or, for independent publishers, the person) publishing the connector",
        )
    },
};
