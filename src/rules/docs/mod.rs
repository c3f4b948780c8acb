//! readme.md and intro.md: the sections reviewers expect.

use serde_json::Value;

use super::{Context, Profile, Rule};
use crate::model::{FileKind, TextFile};

pub(crate) const RULES: &[&Rule] = &[
    &README_SECTION_MISSING,
    &INTRO_SECTION_MISSING,
    &INTRO_LISTS_OPERATIONS,
    &INTRO_MISSING,
];
const SFC: &str =
    "https://learn.microsoft.com/en-us/connectors/custom-connectors/submit-for-certification";

/// A markdown heading: text, byte offset of the line.
#[derive(Debug)]
pub(crate) struct Heading<'a> {
    pub(crate) text: &'a str,
    pub(crate) offset: usize,
}

/// ATX headings (`#`…`######`) outside fenced code blocks; also bold-only lines
/// (`**Prerequisites**`), which many readmes use as headings.
pub(crate) fn headings(text: &str) -> Vec<Heading<'_>> {
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
                out.push(Heading { text: rest, offset });
            } else if t.len() > 4 && t.starts_with("**") && t.ends_with("**") {
                out.push(Heading {
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
    hs.iter()
        .any(|h| wanted.iter().any(|w| norm_starts_with(h.text, w)))
}

/// `norm(text).starts_with(prefix)` without building `norm(text)`: most headings differ
/// from a wording at their first letter.
fn norm_starts_with(text: &str, prefix: &str) -> bool {
    let mut want = prefix.chars();
    for c in text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
    {
        match want.next() {
            None => return true,
            Some(w) if w == c => {}
            Some(_) => return false,
        }
    }
    want.next().is_none()
}
mod intro_lists_operations;
mod intro_missing;
mod intro_section_missing;
mod readme_section_missing;

pub(crate) use intro_lists_operations::*;
pub(crate) use intro_missing::*;
pub(crate) use intro_section_missing::*;
pub(crate) use readme_section_missing::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    pub(super) const README: &str = "# Contoso\nIntro.\n\n## Publisher: Contoso Ltd\n## Prerequisites\nx\n\
## Supported Operations\n### Get a task\n## Obtaining Credentials\nx\n## Known Issues and \
Limitations\nx\n## Deployment Instructions\nx\n";

    pub(super) const INTRO: &str = "Contoso helps.\n\n## Prerequisites\n## How to get credentials\n## Get \
started with your connector\n## Known issues and limitations\n## Common errors and remedies\n\
## FAQ\n";

    /// An intro.md that lists operations and has only one of the required sections.
    pub(super) const INTRO_LISTING_OPERATIONS: &str =
        "Contoso.\n## Prerequisites\n## Supported operations\n### Get a task\n";

    fn text(name: &str, t: &str) -> TextFile {
        TextFile::from_text(name.into(), name.into(), t.into(), t.len() as u64, vec![])
    }

    pub(super) fn conn(readme: &str, intro: Option<&str>) -> crate::model::Connector {
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
}
