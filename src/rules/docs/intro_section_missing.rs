use super::*;
use crate::rules::prelude::*;

/// Whether the definition declares any security scheme.
fn has_auth(cx: &Context<'_>) -> bool {
    cx.connector
        .definition_value()
        .and_then(|d| d.get("securityDefinitions"))
        .and_then(Value::as_object)
        .is_some_and(|m| !m.is_empty())
}

crate::declare_code! {
    /// intro.md lacks a section of the public documentation page
    ///
    /// ### Why
    /// intro.md becomes the connector's public documentation page. After an opening paragraph it
    /// has `## Prerequisites`, `## How to get credentials` (left out when the connector needs no
    /// sign-in), `## Get started with your connector`, `## Known issues and limitations`, `##
    /// Common errors and remedies` and `## FAQ`. Headings are compared loosely.
    ///
    /// ### Example
    /// Bad: an intro.md with only `## Prerequisites` and `## Supported operations`
    /// Good: an intro.md with `## Prerequisites`, `## How to get credentials`, `## Get started with
    /// your connector`, `## Known issues and limitations`, `## Common errors and remedies` and `## FAQ`
    pub(crate) static INTRO_SECTION_MISSING: Rule {
        code: "IntroSectionMissing",
        severity: Severity::Warning,
        gate: Gate::Review,
        profiles: Profiles::CERTIFIED,
        file: FileKind::Intro,
        source: SFC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(intro) = cx.connector.intro.as_ref() else {
        return;
    };
    let hs = headings(&intro.text);
    let mut wanted: Vec<(&str, &[&str])> = vec![("Prerequisites", &["Prerequisite"])];
    if has_auth(cx) {
        wanted.push((
            "How to get credentials",
            &[
                "How to get credentials",
                "Get credentials",
                "Obtaining credentials",
                "Credentials",
            ],
        ));
    }
    wanted.extend([
        (
            "Get started with your connector",
            &["Get started", "Getting started"][..],
        ),
        (
            "Known issues and limitations",
            &["Known issues", "Known limitations", "Limitations"][..],
        ),
        (
            "Common errors and remedies",
            &["Common errors", "Errors and remedies", "Troubleshooting"][..],
        ),
        ("FAQ", &["FAQ", "Frequently asked questions"][..]),
    ]);
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(_, w)| !has_section(&hs, w))
        .map(|(n, _)| *n)
        .collect();
    if !missing.is_empty() {
        sink.emit_at_offset(
            FileKind::Intro,
            0,
            format!("intro.md has no section for: {}", missing.join(", ")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn intro_sections() {
        let bad = INTRO_LISTING_OPERATIONS;
        let good = conn(README, Some(INTRO));
        Tester::new(
            &INTRO_SECTION_MISSING,
            vec![
                (good, Profile::Certified),
            ],
            vec![
                fail((conn(README, Some(bad)), Profile::Certified)).count(1).then(|f| {
                    assert_eq!(
                        f[0].message,
                        "intro.md has no section for: How to get credentials, Get started with your connector, \
                         Known issues and limitations, Common errors and remedies, FAQ"
                    );
                }),
            ],
        )
        .test();
    }
}
