use super::*;

pub static ICON_NOT_VALID_PNG: Rule = Rule {
    code: "IconNotValidPng",
    severity: Severity::Error,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Icon,
    summary: "icon.png is not a readable PNG image",
    explanation: "The icon must be a real PNG file (not a JPEG or SVG renamed to `.png`, not a \
truncated download). paconn and the portal refuse other formats.",
    source: CS,
    check: |cx, sink| {
        if let Some(f) = facts(cx)
            && let Err(e) = f.as_ref()
        {
            sink.emit("", e.clone());
        }
    },
};
