use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-pageable.nextLinkName` is not `nextLink` or `@odata.nextLink`
    ///
    /// ### Why
    /// The platform's pager follows the next-page link from one of two response properties only:
    /// `nextLink` or `@odata.nextLink`. If your service uses another name, rename it with the
    /// `updatenextlink` policy template.
    ///
    /// ### Example
    /// Bad: `"x-ms-pageable": {"nextLinkName": "next"}`
    /// Good: `"x-ms-pageable": {"nextLinkName": "@odata.nextLink"}` (or rename the property with the `updatenextlink` policy template)
    pub(crate) static INVALID_NEXT_LINK_NAME_VALUE: Rule {
        code: "InvalidNextLinkNameValue",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for op in &sw.operations {
        let Some(n) = op.get("x-ms-pageable").and_then(|p| p.get("nextLinkName")) else {
            continue;
        };
        if !matches!(n.as_str(), Some("nextLink" | "@odata.nextLink")) {
            sink.emit(
                join(&join(&op.pointer, "x-ms-pageable"), "nextLinkName"),
                format!(
                    "nextLinkName {} must be \"nextLink\" or \"@odata.nextLink\"",
                    short(n)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn next_link_name_the_pager_does_not_follow() {
        let page = |n: &str| {
            patch(
                minimal(),
                json!({"paths": {"/tasks/{taskId}": {"get": {"x-ms-pageable": {"nextLinkName": n}}}}}),
            )
        };
        Tester::new(
            &INVALID_NEXT_LINK_NAME_VALUE,
            vec![page("@odata.nextLink"), page("nextLink")],
            vec![
                fail(page("next"))
                    .at([format!("{GET}/x-ms-pageable/nextLinkName")])
                    .then(|f| {
                        assert_eq!(
                            f[0].message,
                            "nextLinkName \"next\" must be \"nextLink\" or \"@odata.nextLink\""
                        );
                    }),
            ],
        )
        .test();
    }
}
