use super::*;
use crate::rules::prelude::*;

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

crate::declare_code! {
    /// intro.md lists the connector's actions or triggers
    ///
    /// ### Why
    /// The documentation page lists actions and triggers itself, generated from the definition; a
    /// hand-written list in intro.md duplicates it and goes stale. Describe what the connector is
    /// for instead. connkit reports a heading such as "Supported operations", "Actions" or
    /// "Triggers", or two or more headings named after operation summaries.
    ///
    /// ### Example
    /// Bad: an intro.md with a `## Supported operations` section holding `### Get a task` and
    /// `### Create a task`
    /// Good: an intro.md whose sections say what the connector is for, how to get credentials and
    /// how to get started, without a list of its actions
    pub(crate) static INTRO_LISTS_OPERATIONS: Rule {
        code: "IntroListsOperations",
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
    if let Some((offset, msg)) = intro_operation_listing(intro, &summaries(cx)) {
        sink.emit_at_offset(
            FileKind::Intro,
            offset,
            format!("{msg}; the documentation page lists operations automatically"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn operation_lists() {
        let bad = INTRO_LISTING_OPERATIONS;
        let good = conn(README, Some(INTRO));
        Tester::new(
            &INTRO_LISTS_OPERATIONS,
            vec![(good, Profile::Certified)],
            vec![
                fail((conn(README, Some(bad)), Profile::Certified))
                    .count(1)
                    .then(|f| {
                        assert_eq!(f[0].line, 3);
                        assert!(f[0].message.contains("'Supported operations' section"));
                    }),
            ],
        )
        .test();
    }
}
