use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A certified or independent-publisher connector without readme.md
    ///
    /// ### Why
    /// Certification reviewers require a `readme.md` beside the definition describing the
    /// publisher, prerequisites, how to get credentials, the operations and known issues. A pull
    /// request without it is not approved.
    ///
    /// ### Example
    /// Bad: a certified connector folder holding `apiDefinition.swagger.json` and `apiProperties.json`
    /// only
    /// Good: the same folder with a `readme.md` beside them
    ///
    /// ### Evidence
    /// A **warning** for reviewers: the pipeline never reads readme.md, and 9 connectors were
    /// merged without one (DocuSign, Plumsail Documents, CloudAppSecurity, …). New submissions are
    /// asked for it by the PR template.
    pub(crate) static README_MISSING: Rule {
        code: "ReadmeMissing",
        severity: Severity::Warning,
        gate: Gate::Review,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Readme,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let c = cx.connector;
    if c.readme.is_none() && !c.single_file {
        sink.emit("", "no readme.md in this connector folder");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextFile;
    use crate::rules::Profile;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn readme_missing_in_a_folder() {
        let mut with_readme = connector_from(minimal(), Some(json!({})));
        with_readme.readme = Some(TextFile::from_text(
            "readme.md".into(),
            "readme.md".into(),
            "# Contoso".into(),
            9,
            vec![],
        ));
        Tester::new(
            &README_MISSING,
            vec![(with_readme, Profile::Certified)],
            vec![
                fail((
                    connector_from(minimal(), Some(json!({}))),
                    Profile::Certified,
                ))
                .count(1)
                .then(|f| assert_eq!(f[0].message, "no readme.md in this connector folder")),
            ],
        )
        .test();
    }
}
