use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// icon.png is 1 MB or larger
    ///
    /// ### Why
    /// The icon must be smaller than 1 MB. A 230×230 PNG on a flat colour is usually a few
    /// kilobytes; a large file means metadata, huge dimensions or a photo.
    pub static ICON_FILE_TOO_LARGE: Rule {
        code: "IconFileTooLarge",
        severity: Severity::Error,
        gate: Gate::Review,
        microsoft: None,
        profiles: Profiles::CERTIFIED,
        file: FileKind::Icon,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if let Some(icon) = cx.connector.icon.as_ref()
        && icon.bytes.len() >= MAX_BYTES
    {
        sink.emit(
            "",
            format!(
                "the icon is {} bytes; it must be smaller than 1 MB",
                icon.bytes.len()
            ),
        );
    }
}
