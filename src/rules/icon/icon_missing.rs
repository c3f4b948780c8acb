use super::*;

pub static ICON_MISSING: Rule = Rule {
    code: "IconMissing",
    severity: Severity::Info,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Icon,
    summary: "A certified connector folder without icon.png",
    explanation: "Verified publishers submit an icon with the connector (230×230 PNG on the \
brand colour). It is not always committed to the repository — it can be uploaded with the \
submission — so its absence is only reported as info.\n\nCalibration: only 2 of 316 certified \
connectors in the public repository commit their icon; an error or warning would fire on \
almost every one.",
    source: CS,
    check: |cx, sink| {
        let c = cx.connector;
        if c.icon.is_none() && !c.single_file && c.definition.is_some() {
            sink.emit(
                "",
                "no icon.png in this folder: remember to submit a 230×230 icon",
            );
        }
    },
};
