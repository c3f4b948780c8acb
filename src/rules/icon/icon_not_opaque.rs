use super::*;

pub static ICON_NOT_OPAQUE: Rule = Rule {
    code: "IconNotOpaque",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Icon,
    summary: "icon.png has transparent pixels",
    explanation: "The icon is shown on its own background: transparent areas (rounded corners, \
a logo cut out on transparency) show through in different colours in each product. Fill the \
whole square with the brand colour.\n\n\
Evidence: a **warning** for reviewers (the pipeline never sees icon.png): Kanbanize was \
certified with transparent pixels in its icon (2023).",
    source: CS,
    check: |cx, sink| {
        let Some(f) = facts(cx) else { return };
        if let Ok(IconFacts {
            transparent: Some(n),
            ..
        }) = f.as_ref()
            && *n > 0
        {
            sink.emit(
                "",
                format!("{n} pixels are (partly) transparent; the icon must be fully opaque"),
            );
        }
    },
};
