//! `PackageNotSingleAssetsFolder` (PKG-03).

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The package zip holds exactly one folder (PkgAssets)
    ///
    /// ### Why
    /// The package zip is a Package Deployer package: its solutions live in one assets folder
    /// (`PkgAssets` for `pac package init`, whatever name the package's import extension
    /// returns). Microsoft's validator requires exactly one folder there, and the review
    /// refuses a package whose assets folder it cannot locate (policy 5000.1.1.12). Files at the
    /// package zip's root (a `.dll`, `[Content_Types].xml`) are not checked.
    ///
    /// ### Example
    /// ```text
    /// Bad:  package.zip = PkgAssets/c.zip, Extra/f.zip   (two folders)
    /// Bad:  package.zip = c.zip, f.zip                    (no folder)
    /// Good: package.zip = PkgAssets/c.zip, PkgAssets/f.zip
    /// ```
    pub(crate) static ASSETS_FOLDER: Check {
        code: "PackageNotSingleAssetsFolder",
        id: "PKG-03",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::ASSETS_FOLDER;
    use crate::package::verify::testing::*;

    fn outer(package: &[u8]) -> Vec<u8> {
        zip(&[("intro.md", b"# x"), ("package.zip", package)])
    }

    #[test]
    fn two_folders_or_none_are_reported() {
        let (c, f) = (connector_solution(), flow_solution());
        let two = outer(&zip(&[("PkgAssets/c.zip", &c), ("Extra/f.zip", &f)]));
        assert!(
            codes(&two).contains(&ASSETS_FOLDER.code),
            "{:?}",
            codes(&two)
        );
        let none = outer(&zip(&[("c.zip", &c), ("f.zip", &f)]));
        assert_eq!(codes(&none), [ASSETS_FOLDER.code]);
        snapshot(&ASSETS_FOLDER, &none);
    }

    #[test]
    fn near_miss_the_one_folder_may_have_any_name_and_root_files_are_allowed() {
        let (c, f) = (connector_solution(), flow_solution());
        let p = outer(&zip(&[
            ("Contoso.dll", b"MZ"),
            ("PkgFolder/c.zip", &c),
            ("PkgFolder/f.zip", &f),
        ]));
        assert!(codes(&p).is_empty(), "{:?}", codes(&p));
    }
}
