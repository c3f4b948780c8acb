//! readme.md and intro.md: the sections reviewers expect (catalog §10.3, §10.4, §2 FILE-05).

use serde_json::Value;

use super::{Context, Profile, Profiles, Rule, Severity};
use crate::model::{FileKind, TextFile};

pub const RULES: &[&Rule] = &[
    &README_SECTION_MISSING,
    &INTRO_SECTION_MISSING,
    &INTRO_LISTS_OPERATIONS,
    &INTRO_MISSING,
];

const TPL: &str =
    "https://github.com/microsoft/PowerPlatformConnectors/tree/dev/templates/certified-connectors";
const SFC: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/submit-for-certification";

/// A markdown heading: level, text, byte offset of the line.
#[derive(Debug)]
pub struct Heading<'a> {
    pub level: usize,
    pub text: &'a str,
    pub offset: usize,
}

/// ATX headings (`#`…`######`) outside fenced code blocks; also bold-only lines
/// (`**Prerequisites**`), which many readmes use as headings.
pub fn headings(text: &str) -> Vec<Heading<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut fence = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
        } else if !fence {
            let hashes = t.chars().take_while(|c| *c == '#').count();
            if (1..=6).contains(&hashes) {
                let rest = t[hashes..].trim().trim_end_matches('#').trim();
                out.push(Heading {
                    level: hashes,
                    text: rest,
                    offset,
                });
            } else if t.len() > 4 && t.starts_with("**") && t.ends_with("**") {
                out.push(Heading {
                    level: 2,
                    text: t.trim_matches('*').trim(),
                    offset,
                });
            }
        }
        offset += line.len();
    }
    out
}

/// Letters and digits only, lower-case: headings compare loosely.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a heading matches one of the accepted wordings (prefix match after
/// normalisation, so "Publisher: Contoso" matches "Publisher").
fn has_section(hs: &[Heading<'_>], wordings: &[&str]) -> bool {
    let wanted: Vec<String> = wordings.iter().map(|w| norm(w)).collect();
    hs.iter().any(|h| {
        let n = norm(h.text);
        wanted.iter().any(|w| n.starts_with(w.as_str()))
    })
}

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

pub static README_SECTION_MISSING: Rule = Rule {
    code: "ReadmeSectionMissing",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Readme,
    summary: "readme.md lacks a section of the certification template",
    explanation: "The readme follows Microsoft's template: a `# Title` with a short \
introduction, then `## Publisher: <name>`, `## Prerequisites`, `## Supported Operations` (one \
`###` per operation), `## Obtaining Credentials`, `## Known Issues and Limitations`, and for \
verified publishers `## Deployment Instructions`. connkit compares headings loosely (case, \
punctuation and common variants such as \"Supported Actions\" or \"Known Limitations\" are \
accepted).\n\nCalibration: a warning, not an error — reviewers ask for the sections but many \
merged readmes word or order them differently; \"Deployment Instructions\" is only expected \
from verified publishers. On the corpus it fires on 38 of the certified and independent-publisher \
connectors changed in 2024 (most often for Obtaining Credentials, Known Issues and Limitations, \
Deployment Instructions and Publisher).",
    source: TPL,
    check: |cx, sink| {
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
    },
};

/// Whether the definition declares any security scheme.
fn has_auth(cx: &Context<'_>) -> bool {
    cx.connector
        .definition_value()
        .and_then(|d| d.get("securityDefinitions"))
        .and_then(Value::as_object)
        .is_some_and(|m| !m.is_empty())
}

pub static INTRO_SECTION_MISSING: Rule = Rule {
    code: "IntroSectionMissing",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Intro,
    summary: "intro.md lacks a section of the public documentation page",
    explanation: "intro.md becomes the connector's public documentation page. After an opening \
paragraph it has `## Prerequisites`, `## How to get credentials` (left out when the connector \
needs no sign-in), `## Get started with your connector`, `## Known issues and limitations`, \
`## Common errors and remedies` and `## FAQ`. Headings are compared loosely.",
    source: SFC,
    check: |cx, sink| {
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
    },
};

/// Operation summaries of the definition (lower-case), for spotting lists of them.
fn summaries(cx: &Context<'_>) -> Vec<String> {
    cx.swagger
        .as_ref()
        .map(|s| {
            s.operations
                .iter()
                .filter_map(|o| o.get("summary").and_then(Value::as_str))
                .map(norm)
                .filter(|s| s.len() > 3)
                .collect()
        })
        .unwrap_or_default()
}

fn intro_operation_listing(intro: &TextFile, sums: &[String]) -> Option<(usize, String)> {
    let hs = headings(&intro.text);
    if let Some(h) = hs.iter().find(|h| {
        let n = norm(h.text);
        [
            "supportedoperations",
            "supportedactions",
            "actions",
            "triggers",
            "operations",
            "actionsandtriggers",
        ]
        .contains(&n.as_str())
    }) {
        return Some((h.offset, format!("intro.md has a '{}' section", h.text)));
    }
    let named: Vec<&Heading<'_>> = hs.iter().filter(|h| sums.contains(&norm(h.text))).collect();
    if named.len() >= 2 {
        return Some((
            named[0].offset,
            format!(
                "intro.md has {} headings named after operations",
                named.len()
            ),
        ));
    }
    None
}

pub static INTRO_LISTS_OPERATIONS: Rule = Rule {
    code: "IntroListsOperations",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFIED,
    file: FileKind::Intro,
    summary: "intro.md lists the connector's actions or triggers",
    explanation: "The documentation page lists actions and triggers itself, generated from the \
definition; a hand-written list in intro.md duplicates it and goes stale. Describe what the \
connector is for instead. connkit reports a heading such as \"Supported operations\", \
\"Actions\" or \"Triggers\", or two or more headings named after operation summaries.",
    source: SFC,
    check: |cx, sink| {
        let Some(intro) = cx.connector.intro.as_ref() else {
            return;
        };
        if let Some((offset, msg)) = intro_operation_listing(intro, &summaries(cx)) {
            sink.emit_at_offset(
                FileKind::Intro,
                offset,
                format!("{msg}; the documentation page lists operations automatically"),
            );
        }
    },
};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    const README: &str = "# Contoso\nIntro.\n\n## Publisher: Contoso Ltd\n## Prerequisites\nx\n\
## Supported Operations\n### Get a task\n## Obtaining Credentials\nx\n## Known Issues and \
Limitations\nx\n## Deployment Instructions\nx\n";

    const INTRO: &str = "Contoso helps.\n\n## Prerequisites\n## How to get credentials\n## Get \
started with your connector\n## Known issues and limitations\n## Common errors and remedies\n\
## FAQ\n";

    fn text(name: &str, t: &str) -> TextFile {
        TextFile::from_text(name.into(), name.into(), t.into(), t.len() as u64, vec![])
    }

    fn conn(readme: &str, intro: Option<&str>) -> crate::model::Connector {
        let def = patch(
            minimal(),
            serde_json::json!({"securityDefinitions": {"k": {"type": "apiKey", "in": "header", "name": "K"}}}),
        );
        let mut c = connector_from(def, None);
        c.readme = Some(text("readme.md", readme));
        c.intro = intro.map(|t| text("intro.md", t));
        c
    }

    #[test]
    fn good_docs_pass() {
        let c = conn(README, Some(INTRO));
        for r in RULES {
            assert!(run_on(r, &c, Profile::Certified).is_empty(), "{}", r.code);
        }
    }

    #[test]
    fn readme_sections_per_profile() {
        let r = "# X\n## Publisher: A\n```\n## Prerequisites\n```\n**Supported Actions**\n## Known limitations\n";
        let f = run_on(&README_SECTION_MISSING, &conn(r, None), Profile::Certified);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "readme.md has no section for: Prerequisites, Obtaining Credentials, Deployment Instructions"
        );
        let f = run_on(
            &README_SECTION_MISSING,
            &conn(r, None),
            Profile::IndependentPublisher,
        );
        assert!(!f[0].message.contains("Deployment"));
    }

    #[test]
    fn intro_sections_and_operation_lists() {
        let bad = "Contoso.\n## Prerequisites\n## Supported operations\n### Get a task\n";
        let c = conn(README, Some(bad));
        let f = run_on(&INTRO_SECTION_MISSING, &c, Profile::Certified);
        assert!(f[0].message.contains("How to get credentials"));
        let f = run_on(&INTRO_LISTS_OPERATIONS, &c, Profile::Certified);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 3);
        assert_eq!(
            run_on(&INTRO_MISSING, &conn(README, None), Profile::Certified).len(),
            1
        );
    }
}
