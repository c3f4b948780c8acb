//! `PackageRootNotSingleMdAndZip` (PKG-02).

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The outer zip's root holds no folders, exactly one .md (intro.md) and exactly one .zip (the package)
    ///
    /// ### Why
    /// Microsoft's validator unzips the outer package and counts what is at its root: no
    /// folder, one `*.md` (the connector's `intro.md`, published as its documentation page) and
    /// one `*.zip` (the Package Deployer package). The server-side review refuses a package
    /// zip that is not at the root (policy 5000.1.1.11), which is what zipping the parent
    /// folder instead of its content produces. Other files (a `customProperties.json`) are not
    /// counted.
    ///
    /// ### Example
    /// ```text
    /// Bad:  Contoso/intro.md, Contoso/package.zip   (a folder at the root)
    /// Bad:  package.zip                             (no intro.md)
    /// Good: intro.md, package.zip
    /// ```
    pub(crate) static ROOT_LAYOUT: Check {
        code: "PackageRootNotSingleMdAndZip",
        id: "PKG-02",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::ROOT_LAYOUT;
    use crate::package::verify::testing::*;

    fn package() -> Vec<u8> {
        zip(&[
            ("PkgAssets/s0.zip", &connector_solution()),
            ("PkgAssets/s1.zip", &flow_solution()),
        ])
    }

    #[test]
    fn a_folder_at_the_root_or_a_missing_intro_is_reported() {
        let p = package();
        let in_folder = zip(&[("Contoso/intro.md", b"# x"), ("Contoso/package.zip", &p)]);
        assert!(
            codes(&in_folder).contains(&ROOT_LAYOUT.code),
            "{:?}",
            codes(&in_folder)
        );
        let no_intro = zip(&[("package.zip", &p)]);
        assert_eq!(codes(&no_intro), [ROOT_LAYOUT.code]);
        snapshot(&ROOT_LAYOUT, &no_intro);
        let two_md = zip(&[
            ("intro.md", b"# x"),
            ("readme.md", b"# y"),
            ("package.zip", &p),
        ]);
        assert_eq!(codes(&two_md), [ROOT_LAYOUT.code]);
    }

    #[test]
    fn near_miss_other_files_at_the_root_are_not_counted() {
        let p = package();
        let with_props = zip(&[
            ("intro.md", b"# x"),
            ("package.zip", &p),
            ("customProperties.json", b"{}"),
        ]);
        assert!(codes(&with_props).is_empty(), "{:?}", codes(&with_props));
    }
}
