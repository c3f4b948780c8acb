use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A certified connector folder without icon.png
    ///
    /// ### Why
    /// Verified publishers submit an icon with the connector (230×230 PNG on the brand colour). It
    /// is not always committed to the repository — it can be uploaded with the submission — so its
    /// absence is only reported as info.
    ///
    /// ### Evidence
    /// Calibration: only 2 of 316 certified connectors in the public repository commit their icon;
    /// an error or warning would fire on almost every one.
    pub static ICON_MISSING: Rule {
        code: "IconMissing",
        severity: Severity::Info,
        gate: Gate::Review,
        microsoft: None,
        profiles: Profiles::CERTIFIED,
        file: FileKind::Icon,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let c = cx.connector;
    if c.icon.is_none() && !c.single_file && c.definition.is_some() {
        sink.emit(
            "",
            "no icon.png in this folder: remember to submit a 230×230 icon",
        );
    }
}
