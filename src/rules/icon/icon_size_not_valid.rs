use super::*;

pub static ICON_SIZE_NOT_VALID: Rule = Rule {
    code: "IconSizeNotValid",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Icon,
    summary: "icon.png is not square, or not between 100 and 230 pixels",
    explanation: "Certification wants a square icon between 100×100 and 230×230 pixels; \
reviewers ask for exactly 230×230 (a logo of about 160 pixels centred on the brand colour). A \
square icon of another allowed size is reported as info.\n\n\
Evidence: a **warning** for reviewers (the pipeline never sees icon.png): Kanbanize was \
certified with a 471×471 icon (2023). Reviewers may still ask for the documented size.",
    source: CS,
    check: |cx, sink| {
        let Some(f) = facts(cx) else { return };
        let Ok(f) = f.as_ref() else { return };
        let (w, h) = (f.width, f.height);
        if w != h || !(MIN_SIDE..=MAX_SIDE).contains(&w) {
            sink.emit(
                "",
                format!(
                    "the icon is {w}×{h} pixels; it must be square, between {MIN_SIDE}×{MIN_SIDE} and {MAX_SIDE}×{MAX_SIDE} ({RECOMMENDED_SIDE}×{RECOMMENDED_SIDE} recommended)"
                ),
            );
        } else if w != RECOMMENDED_SIDE {
            sink.emit_with(
                Severity::Info,
                FileKind::Icon,
                "",
                format!("the icon is {w}×{h} pixels; reviewers prefer {RECOMMENDED_SIDE}×{RECOMMENDED_SIDE}"),
            );
        }
    },
};
