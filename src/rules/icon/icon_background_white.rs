use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// icon.png has a white background
    ///
    /// ### Why
    /// A white background disappears on the white designer surfaces; certification asks for a
    /// coloured background (the brand colour) behind the logo.
    ///
    /// ### Evidence
    /// A **warning** for reviewers, who judge the icon by eye; the pipeline never sees icon.png,
    /// and no refusal quoting this check is known.
    pub static ICON_BACKGROUND_WHITE: Rule {
        code: "IconBackgroundWhite",
        severity: Severity::Warning,
        gate: Gate::Review,
        microsoft: None,
        profiles: Profiles::CERTIFIED,
        file: FileKind::Icon,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(f) = facts(cx) else { return };
    if let Ok(f) = f.as_ref()
        && let Some(bg) = background(f)
        && bg[3] == 255
        && close(&bg, &[255, 255, 255, 255])
    {
        sink.emit("", format!("the icon's background is white ({})", hex(&bg)));
    }
}
