use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `publisher` is missing or empty
    ///
    /// ### Why
    /// Certification requires `publisher`: the company's full name for a verified publisher, the
    /// author's name (or several, comma-separated) for an independent publisher.
    ///
    /// ### Example
    /// Bad: `"publisher": ""`, or no `publisher` in `properties`
    /// Good: `"publisher": "Contoso"`
    ///
    /// ### Evidence
    /// A **warning** for reviewers. The apiProperties validator does not enforce it: 3 connectors
    /// were merged without 'publisher' after the validator existed (Haiilo and personr, 2023).
    /// Reviewers expect it on new submissions.
    pub(crate) static PUBLISHER_REQUIRED: Rule {
        code: "PublisherRequired",
        severity: Severity::Warning,
        gate: Gate::Review,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Properties,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    required_text(
        cx,
        sink,
        "publisher",
        "the company (or, for independent publishers, the person) publishing the connector",
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn publisher_missing_or_empty() {
        let p = with(json!({"publisher": ""}));
        let p_2 = with(json!({"publisher": null}));
        Tester::new(
            &PUBLISHER_REQUIRED,
            vec![(with_props(good_props()), Profile::Certified)],
            vec![
                fail((with_props(p), Profile::Certified))
                    .at(["/properties/publisher"])
                    .then(|f| {
                        assert!(f[0].message.starts_with("'publisher' must not be empty"));
                    }),
                fail((with_props(p_2), Profile::Certified))
                    .at(["/properties"])
                    .then(|f| {
                        assert!(f[0].message.starts_with("'publisher' is required"));
                    }),
            ],
        )
        .test();
    }
}
