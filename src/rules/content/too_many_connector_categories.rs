use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than two connector categories
    ///
    /// ### Why
    /// A connector may be listed under at most two categories. Keep the two that describe it best.
    ///
    /// ### Example
    /// Bad: `{"propertyName": "Categories", "propertyValue": "Productivity;Data;AI"}`
    /// Good: `{"propertyName": "Categories", "propertyValue": "Productivity;Data"}`
    pub(crate) static TOO_MANY_CONNECTOR_CATEGORIES: Rule {
        code: "TooManyConnectorCategories",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if let Some((ptr, list)) = categories(cx)
        && list.len() > MAX_CATEGORIES
    {
        sink.emit(
            ptr,
            format!(
                "{} categories are listed; at most {MAX_CATEGORIES} are allowed",
                list.len()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn too_many_categories() {
        let def = patch(
            cert(),
            json!({"x-ms-connector-metadata": [
                {"propertyName": "website", "propertyValue": "https://contoso.com"},
                {"propertyName": "Categories", "propertyValue": "productivity;Project Management;AI"}
            ]}),
        );
        Tester::new(
            &TOO_MANY_CONNECTOR_CATEGORIES,
            vec![
                // Two categories (the example's Good) are fine.
                (cert(), Profile::Certified),
            ],
            vec![fail((def, Profile::Certified)).at(["/x-ms-connector-metadata/1/propertyValue"])],
        )
        .test();
    }
}
