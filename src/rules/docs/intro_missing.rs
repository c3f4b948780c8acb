use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A certified connector without intro.md
    ///
    /// ### Why
    /// Verified publishers provide an intro.md for the public documentation page (separate from the
    /// readme); in the current submission flow it sits at the root of the certification package. It
    /// is not usually committed to the repository, so its absence is info.
    ///
    /// ### Example
    /// Bad: a certified connector folder holding `apiDefinition.swagger.json`, `apiProperties.json` and
    /// `readme.md` only
    /// Good: the same folder with an `intro.md` beside them
    ///
    /// ### Evidence
    /// Calibration: only 2 of 316 certified connectors in the public repository commit an intro.md.
    pub(crate) static INTRO_MISSING: Rule {
        code: "IntroMissing",
        severity: Severity::Info,
        gate: Gate::Review,
        profiles: Profiles::CERTIFIED,
        file: FileKind::Intro,
        source: SFC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let c = cx.connector;
    if c.intro.is_none() && !c.single_file && c.definition.is_some() {
        sink.emit(
            "",
            "no intro.md in this folder: it is needed for the certification package",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn intro_missing() {
        let with = conn(README, Some(INTRO));
        Tester::new(
            &INTRO_MISSING,
            vec![(with, Profile::Certified)],
            vec![
                fail((conn(README, None), Profile::Certified))
                    .count(1)
                    .then(|f| {
                        assert!(f[0].message.starts_with("no intro.md in this folder"));
                    }),
            ],
        )
        .test();
    }
}
