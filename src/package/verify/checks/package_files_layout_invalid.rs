//! `PackageFilesLayoutInvalid`: the flat files zip (`connkit package --kind files`).

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The files zip holds apiDefinition.swagger.json and apiProperties.json at its root, no folders
    ///
    /// ### Why
    /// Besides the certification package, reviewers often ask for the connector's files as
    /// one flat zip: `apiDefinition.swagger.json`, `apiProperties.json` and, when the
    /// connector has them, `icon.png` and `script.csx`, all at the root, as `paconn` and the
    /// maker portal import them. A zip without the definition or the properties, or with the
    /// files inside a folder (zipping the folder instead of its content), cannot be imported
    /// as it is. Other files at the root (a readme) are not counted. `verify-package`
    /// recognises this zip by the definition at its root (or `--kind files`), and lints the
    /// connector in it with the certified profile.
    ///
    /// ### Example
    /// ```text
    /// Bad:  Contoso/apiDefinition.swagger.json, Contoso/apiProperties.json   (a folder)
    /// Bad:  apiDefinition.swagger.json                                       (no apiProperties.json)
    /// Good: apiDefinition.swagger.json, apiProperties.json, icon.png
    /// ```
    pub(crate) static FILES_LAYOUT: Check {
        code: "PackageFilesLayoutInvalid",
        id: "-",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::FILES_LAYOUT;
    use crate::package::verify::testing::{snapshot_with, zip};
    use crate::package::verify::{PackageKind, VerifyOptions, verify_bytes};

    const DEF: &[u8] = br#"{"swagger":"2.0","info":{"title":"T","version":"1.0"},"host":"example.com","paths":{}}"#;
    const PROPS: &[u8] = br##"{"properties":{"iconBrandColor":"#007ee5"}}"##;

    fn codes(bytes: &[u8], kind: Option<PackageKind>) -> Vec<&'static str> {
        let options = VerifyOptions {
            kind,
            ..Default::default()
        };
        verify_bytes("f.zip", bytes, &options)
            .unwrap()
            .findings
            .iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn a_files_zip_without_properties_or_in_a_folder_is_reported() {
        let no_props = zip(&[("apiDefinition.swagger.json", DEF)]);
        assert_eq!(codes(&no_props, None), [FILES_LAYOUT.code]);
        snapshot_with(&FILES_LAYOUT, &no_props, &VerifyOptions::default());
        let in_folder = zip(&[
            ("Contoso/apiDefinition.swagger.json", DEF),
            ("Contoso/apiProperties.json", PROPS),
        ]);
        assert_eq!(
            codes(&in_folder, Some(PackageKind::Files)),
            [FILES_LAYOUT.code]
        );
    }

    #[test]
    fn near_miss_a_complete_files_zip_with_a_readme_is_not_reported() {
        let ok = zip(&[
            ("apiDefinition.swagger.json", DEF),
            ("apiProperties.json", PROPS),
            ("readme.md", b"# x"),
        ]);
        assert!(codes(&ok, None).is_empty(), "{:?}", codes(&ok, None));
    }
}
