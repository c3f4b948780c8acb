use super::*;
use crate::rules::prelude::*;

const TPL: &str =
    "https://github.com/microsoft/PowerPlatformConnectors/tree/dev/templates/certified-connectors";

/// A required section: its name in messages and the accepted heading wordings.
struct Section {
    name: &'static str,
    wordings: &'static [&'static str],
}

const README_SECTIONS: &[Section] = &[
    Section {
        name: "Publisher",
        wordings: &["Publisher", "Published by"],
    },
    Section {
        name: "Prerequisites",
        wordings: &["Prerequisite", "Pre-requisite", "Requirements"],
    },
    Section {
        name: "Supported Operations",
        wordings: &[
            "Supported Operations",
            "Supported Actions",
            "Operations",
            "Actions",
            "Available Operations",
            "Available Actions",
            "Supported Triggers",
            "Triggers",
        ],
    },
    Section {
        name: "Obtaining Credentials",
        wordings: &[
            "Obtaining Credentials",
            "Obtain Credentials",
            "Obtaining the Credentials",
            "How to get credentials",
            "Getting Credentials",
            "Get Credentials",
            "Credentials",
            "Authentication",
        ],
    },
    Section {
        name: "Known Issues and Limitations",
        wordings: &["Known Issues", "Known Limitations", "Limitations"],
    },
];

const DEPLOYMENT: Section = Section {
    name: "Deployment Instructions",
    wordings: &["Deployment Instructions", "Deployment", "Deploy"],
};

crate::declare_code! {
    /// readme.md lacks a section of the certification template
    ///
    /// ### Why
    /// The readme follows Microsoft's template: a `# Title` with a short introduction, then `##
    /// Publisher: <name>`, `## Prerequisites`, `## Supported Operations` (one `###` per operation),
    /// `## Obtaining Credentials`, `## Known Issues and Limitations`, and for verified publishers
    /// `## Deployment Instructions`. connkit compares headings loosely (case, punctuation and
    /// common variants such as "Supported Actions" or "Known Limitations" are accepted).
    ///
    /// ### Example
    /// Bad: a readme.md with only `# Contoso`, `## Publisher: Contoso Ltd` and `## Supported Operations`
    /// Good: a readme.md with `## Publisher: Contoso Ltd`, `## Prerequisites`, `## Supported Operations`,
    /// `## Obtaining Credentials`, `## Known Issues and Limitations` and (verified publishers)
    /// `## Deployment Instructions`
    ///
    /// ### Evidence
    /// Calibration: a warning, not an error — reviewers ask for the sections but many merged
    /// readmes word or order them differently; "Deployment Instructions" is only expected from
    /// verified publishers. On the corpus it fires on 38 of the certified and independent-publisher
    /// connectors changed in 2024 (most often for Obtaining Credentials, Known Issues and
    /// Limitations, Deployment Instructions and Publisher).
    pub(crate) static README_SECTION_MISSING: Rule {
        code: "ReadmeSectionMissing",
        severity: Severity::Warning,
        gate: Gate::Review,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Readme,
        source: TPL,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(readme) = cx.connector.readme.as_ref() else {
        return;
    };
    let hs = headings(&readme.text);
    let deployment = [DEPLOYMENT];
    let extra: &[Section] = if cx.profile == Profile::Certified {
        &deployment
    } else {
        &[]
    };
    let missing: Vec<&str> = README_SECTIONS
        .iter()
        .chain(extra)
        .filter(|s| !has_section(&hs, s.wordings))
        .map(|s| s.name)
        .collect();
    if !missing.is_empty() {
        sink.emit_at_offset(
            FileKind::Readme,
            0,
            format!("readme.md has no section for: {}", missing.join(", ")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn readme_sections_per_profile() {
        let r = "# X\n## Publisher: A\n```\n## Prerequisites\n```\n**Supported Actions**\n## Known limitations\n";
        Tester::new(
            &README_SECTION_MISSING,
            vec![
                (conn(README, Some(INTRO)), Profile::Certified),
                (conn(README, Some(INTRO)), Profile::IndependentPublisher),
            ],
            vec![
                fail((conn(r, None), Profile::Certified)).count(1).then(|f| {
                    assert_eq!(
                        f[0].message,
                        "readme.md has no section for: Prerequisites, Obtaining Credentials, Deployment Instructions"
                    );
                }),
                fail((conn(r, None), Profile::IndependentPublisher)).then(|f| {
                    assert!(!f[0].message.contains("Deployment"));
                }),
            ],
        )
        .test();
    }
}
