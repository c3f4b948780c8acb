use super::*;

pub static INTRO_MISSING: Rule = Rule {
    code: "IntroMissing",
    severity: Severity::Info,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Intro,
    summary: "A certified connector without intro.md",
    explanation: "Verified publishers provide an intro.md for the public documentation page \
(separate from the readme); in the current submission flow it sits at the root of the \
certification package. It is not usually committed to the repository, so its absence is info.\n\n\
Calibration: only 2 of 316 certified connectors in the public repository commit an intro.md.",
    source: SFC,
    check: |cx, sink| {
        let c = cx.connector;
        if c.intro.is_none() && !c.single_file && c.definition.is_some() {
            sink.emit(
                "",
                "no intro.md in this folder: it is needed for the certification package",
            );
        }
    },
};
