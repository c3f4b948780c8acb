use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An independent-publisher connector ships an icon
    ///
    /// ### Why
    /// Independent-publisher connectors all get Microsoft's generic icon (on `#da3b01`); the pull
    /// request must not include an `icon.png`. Remove the file.
    ///
    /// ### Evidence
    /// A **warning** for reviewers: an independent publisher's icon is replaced by the generic one,
    /// so shipping it stops nothing; reviewers may ask to remove it.
    pub static ICON_NOT_ALLOWED: Rule {
        code: "IconNotAllowed",
        severity: Severity::Warning,
        gate: Gate::Review,
        microsoft: None,
        profiles: Profiles::INDEPENDENT_PUBLISHER,
        file: FileKind::Icon,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if cx.connector.icon.is_some() {
        sink.emit(
            "",
            "independent-publisher connectors must not include an icon",
        );
    }
}
