use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// icon.png is not a readable PNG image
    ///
    /// ### Why
    /// The icon must be a real PNG file (not a JPEG or SVG renamed to `.png`, not a truncated
    /// download). paconn and the portal refuse other formats.
    pub static ICON_NOT_VALID_PNG: Rule {
        code: "IconNotValidPng",
        severity: Severity::Error,
        gate: Gate::Review,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Icon,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if let Some(f) = facts(cx)
        && let Err(e) = f.as_ref()
    {
        sink.emit("", e.clone());
    }
}
