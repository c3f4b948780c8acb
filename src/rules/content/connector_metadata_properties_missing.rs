use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// `x-ms-connector-metadata` lacks Website, Privacy policy or Categories
    ///
    /// ### Why
    /// Certified and independent-publisher connectors describe themselves with three
    /// `x-ms-connector-metadata` entries: `Website` (the service's site), `Privacy policy` (the
    /// service's privacy statement) and `Categories`. The names are matched ignoring letter case,
    /// as the validator does (many merged connectors write `Privacy Policy`).
    ///
    /// ### Example
    /// Good:
    /// ```json
    /// "x-ms-connector-metadata": [
    ///   {"propertyName": "Website", "propertyValue": "https://contoso.com"},
    ///   {"propertyName": "Privacy policy", "propertyValue": "https://contoso.com/privacy"},
    ///   {"propertyName": "Categories", "propertyValue": "Productivity;Collaboration"}
    /// ]
    /// ```
    ///
    /// ### Evidence
    /// Calibration: the member keys themselves are also matched ignoring case: a certified
    /// connector changed in 2024 (Nodefusion Portal) writes `PropertyName`/`PropertyValue` and
    /// passed; before this, the rule reported it (1 connector changed in 2024, now 0). A missing
    /// `x-ms-connector-metadata` array itself is reported as RequiredPropertyMissing.
    pub(crate) static CONNECTOR_METADATA_PROPERTIES_MISSING: Rule {
        code: "ConnectorMetadataPropertiesMissing",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The connector metadata property 'Categories' is required."),
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(entries) = metadata(cx) else { return };
    for name in ["Website", "Privacy policy", "Categories"] {
        if metadata_entry(&entries, name).is_none() {
            sink.emit(
                "/x-ms-connector-metadata",
                format!("connector metadata property '{name}' is required"),
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
    fn metadata_entries() {
        let def = patch(
            cert(),
            json!({"x-ms-connector-metadata": [
                {"propertyName": "website", "propertyValue": "https://contoso.com"},
                {"propertyName": "Categories", "propertyValue": "productivity;Project Management;AI"}
            ]}),
        );
        // Member keys in another case are accepted, as the validator does.
        let pascal = patch(
            cert(),
            json!({"x-ms-connector-metadata": [
                {"PropertyName": "Website", "PropertyValue": "https://contoso.com"},
                {"PropertyName": "Privacy policy", "PropertyValue": "https://contoso.com/p"},
                {"PropertyName": "Categories", "PropertyValue": "Data"}
            ]}),
        );
        Tester::new(
            &CONNECTOR_METADATA_PROPERTIES_MISSING,
            vec![(pascal, Profile::Certified)],
            vec![
                fail((def, Profile::Certified))
                    .count(1)
                    .then(|f| assert!(f[0].message.contains("Privacy policy"))),
            ],
        )
        .test();
    }
}
