use super::*;

pub static ICON_BACKGROUND_WHITE: Rule = Rule {
    code: "IconBackgroundWhite",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Icon,
    summary: "icon.png has a white background",
    explanation: "A white background disappears on the white designer surfaces; certification \
asks for a coloured background (the brand colour) behind the logo.\n\n\
Evidence: a **warning** for reviewers, who judge the icon by eye; the pipeline never sees \
icon.png, and no refusal quoting this check is known.",
    source: CS,
    check: |cx, sink| {
        let Some(f) = facts(cx) else { return };
        if let Ok(f) = f.as_ref()
            && let Some(bg) = background(f)
            && bg[3] == 255
            && close(&bg, &[255, 255, 255, 255])
        {
            sink.emit("", format!("the icon's background is white ({})", hex(&bg)));
        }
    },
};
