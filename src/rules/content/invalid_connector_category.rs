use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A `Categories` value is not one of the 19 certification categories
    ///
    /// ### Why
    /// Categories place the connector in the catalogue. Only these are accepted (letter case is
    /// ignored): AI, Business Management, Business Intelligence, Collaboration, Commerce,
    /// Communication, Content and Files, Finance, Data, Human Resources, Internet of Things, IT
    /// Operations, Lifestyle and Entertainment, Marketing, Productivity, Sales and CRM, Security,
    /// Social Media, Website. Separate two values with `;`.
    ///
    /// ### Example
    /// Bad: `"Productivity;Project Management"`
    /// Good: `"Productivity;Collaboration"`
    pub(crate) static INVALID_CONNECTOR_CATEGORY: Rule {
        code: "InvalidConnectorCategory",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: CS,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some((ptr, list)) = categories(cx) else {
        return;
    };
    for c in list {
        if !CATEGORIES.iter().any(|k| k.eq_ignore_ascii_case(c)) {
            sink.emit(
                ptr.clone(),
                format!("'{c}' is not a valid connector category"),
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
    fn categories() {
        let def = patch(
            cert(),
            json!({"x-ms-connector-metadata": [
                {"propertyName": "website", "propertyValue": "https://contoso.com"},
                {"propertyName": "Categories", "propertyValue": "productivity;Project Management;AI"}
            ]}),
        );
        Tester::new(
            &INVALID_CONNECTOR_CATEGORY,
            vec![(
                patch(
                    cert(),
                    json!({"x-ms-connector-metadata": [
                        {"propertyName": "website", "propertyValue": "https://contoso.com"},
                        {"propertyName": "Categories", "propertyValue": "productivity;AI"}
                    ]}),
                ),
                Profile::Certified,
            )],
            vec![fail((def, Profile::Certified)).count(1).then(|f| {
                assert!(f[0].message.contains("Project Management"));
                assert_eq!(f[0].pointer, "/x-ms-connector-metadata/1/propertyValue");
            })],
        )
        .test();
    }
}
