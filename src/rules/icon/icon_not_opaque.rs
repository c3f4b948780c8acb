use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// icon.png has transparent pixels
    ///
    /// ### Why
    /// The icon is shown on its own background: transparent areas (rounded corners, a logo cut out
    /// on transparency) show through in different colours in each product. Fill the whole square
    /// with the brand colour.
    ///
    /// ### Evidence
    /// A **warning** for reviewers (the pipeline never sees icon.png): Kanbanize was certified with
    /// transparent pixels in its icon (2023).
    pub static ICON_NOT_OPAQUE: Rule {
        code: "IconNotOpaque",
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
}
