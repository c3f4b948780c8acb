//! `PackageIconMismatch`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The icon inside the solution equals the pull request's icon.png
    ///
    /// ### Why
    /// The icon users see is the one the solution deploys (`Connector/*_iconblob.Png`), while
    /// reviewers look at the pull request's `icon.png`. A different icon is not a broken
    /// connector, hence a warning, but it is usually an export made before the icon was
    /// updated. Compared byte for byte, only with `--against` and when both sides have an icon.
    ///
    /// ### Example
    /// A solution exported with the placeholder icon, then `icon.png` replaced in the pull
    /// request, is reported with both sizes.
    pub(crate) static ICON_MISMATCH: Check {
        code: "PackageIconMismatch",
        id: "-",
        severity: Severity::Warning,
    }
}

#[cfg(test)]
mod tests {
    use super::ICON_MISMATCH;
    use crate::model::BinaryFile;
    use crate::package::verify::VerifyOptions;
    use crate::package::verify::testing::*;

    const ICON: &str = "<iconblob>/Connector/p_t_iconblob.Png</iconblob>";

    /// The pull request's connector, with this icon.
    fn with_icon(pr_icon: Option<&[u8]>) -> crate::model::Connector {
        let mut pr =
            crate::rules::testing::connector_from(serde_json::from_slice(DEF).unwrap(), None);
        pr.icon = pr_icon.map(|b| BinaryFile {
            rel_path: "icon.png".into(),
            path: "icon.png".into(),
            bytes: b.to_vec(),
            issues: Vec::new(),
        });
        pr
    }

    fn against_icon(pr_icon: Option<&[u8]>, package: &[u8]) -> Vec<&'static str> {
        let pr = with_icon(pr_icon);
        let options = VerifyOptions {
            against: Some(&pr),
            ..Default::default()
        };
        codes_with(package, &options)
    }

    #[test]
    fn another_icon_is_reported() {
        let package = good_with(ICON, &[("Connector/p_t_iconblob.Png", b"old")]);
        let found = against_icon(Some(b"new"), &package);
        assert_eq!(found, [ICON_MISMATCH.code, ICON_MISMATCH.code]);
        let pr = with_icon(Some(b"new"));
        let options = VerifyOptions {
            against: Some(&pr),
            ..Default::default()
        };
        snapshot_with(&ICON_MISMATCH, &package, &options);
    }

    #[test]
    fn near_miss_the_same_bytes_or_no_icon_in_the_pull_request_pass() {
        let package = good_with(ICON, &[("Connector/p_t_iconblob.Png", b"same")]);
        assert!(against_icon(Some(b"same"), &package).is_empty());
        assert!(against_icon(None, &package).is_empty());
    }
}
