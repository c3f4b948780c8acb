use super::*;

pub static ICON_NOT_ALLOWED: Rule = Rule {
    code: "IconNotAllowed",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::INDEPENDENT_PUBLISHER,
    file: FileKind::Icon,
    summary: "An independent-publisher connector ships an icon",
    explanation: "Independent-publisher connectors all get Microsoft's generic icon (on \
`#da3b01`); the pull request must not include an `icon.png`. Remove the file.\n\n\
Evidence: a **warning** for reviewers: an independent publisher's icon is replaced by the \
generic one, so shipping it stops nothing; reviewers may ask to remove it.",
    source: CS,
    check: |cx, sink| {
        if cx.connector.icon.is_some() {
            sink.emit(
                "",
                "independent-publisher connectors must not include an icon",
            );
        }
    },
};
