//! `PackageContainsOsJunk`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// __MACOSX/ or .DS_Store entries (macOS Finder zips); only the artifacts may be present
    ///
    /// ### Why
    /// Compressing a folder in macOS Finder adds `__MACOSX/` resource-fork entries and
    /// `.DS_Store` files. Microsoft's upload instructions say that only the artifacts may be in
    /// the zip; worse, a `__MACOSX/` folder at the outer zip's root or in the package zip
    /// changes the folder counts the validator makes. Each such entry is reported.
    ///
    /// ### Example
    /// `__MACOSX/._intro.md` in the outer zip is reported; zip with `zip -X -r` (or
    /// `connkit package`), or delete the entries with `zip -d package.zip '__MACOSX/*'`.
    pub(crate) static OS_JUNK: Check {
        code: "PackageContainsOsJunk",
        id: "-",
        severity: Severity::Warning,
    }
}

#[cfg(test)]
mod tests {
    use super::OS_JUNK;
    use crate::package::verify::testing::*;

    fn package() -> Vec<u8> {
        zip(&[
            ("PkgAssets/c.zip", &connector_solution()),
            ("PkgAssets/f.zip", &flow_solution()),
        ])
    }

    #[test]
    fn macos_entries_are_reported_each() {
        let p = package();
        let outer = zip(&[
            ("intro.md", b"# x"),
            ("package.zip", &p),
            (".DS_Store", b"\0"),
            ("docs/.ds_store", b"\0"),
        ]);
        let found = codes(&outer);
        assert_eq!(
            found.iter().filter(|c| **c == OS_JUNK.code).count(),
            2,
            "{found:?}"
        );
        snapshot(&OS_JUNK, &outer);
    }

    #[test]
    fn near_miss_names_that_only_contain_the_words_pass() {
        let p = package();
        let outer = zip(&[
            ("intro.md", b"# x"),
            ("package.zip", &p),
            ("x.DS_Store.txt", b"x"),
        ]);
        assert!(codes(&outer).is_empty(), "{:?}", codes(&outer));
    }
}
