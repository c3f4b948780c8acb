//! `PackageEntryBackslashSeparator`.

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// Zip entry names use '\' separators (Windows PowerShell Compress-Archive); write '/'
    ///
    /// ### Why
    /// The zip format separates folders with `/`. Windows PowerShell's `Compress-Archive`
    /// stores `PkgAssets\ConnectorSolution.zip` instead; Microsoft's validator (on Windows)
    /// and connkit accept it, but Dataverse and most other tools expect `/`, and a tool that
    /// does not see a folder there sees a file named with a backslash at the root. Reported
    /// once per zip, with the first such name.
    ///
    /// ### Example
    /// A package zip built with `Compress-Archive -Path PkgAssets` on Windows PowerShell 5 is
    /// reported; build it with `connkit package` or `zip -r`.
    pub(crate) static BACKSLASH: Check {
        code: "PackageEntryBackslashSeparator",
        id: "-",
        severity: Severity::Warning,
    }
}

#[cfg(test)]
mod tests {
    use super::BACKSLASH;
    use crate::package::verify::testing::*;

    fn outer(package: &[u8]) -> Vec<u8> {
        zip(&[("intro.md", b"# x"), ("package.zip", package)])
    }

    #[test]
    fn backslash_names_are_reported_once_per_zip() {
        let (c, f) = (connector_solution(), flow_solution());
        let package = raw_zip(&[("PkgAssets\\c.zip", &c), ("PkgAssets\\f.zip", &f)]);
        // Read as folders all the same: nothing but the warning.
        assert_eq!(codes(&outer(&package)), [BACKSLASH.code]);
        snapshot(&BACKSLASH, &outer(&package));
    }

    #[test]
    fn near_miss_forward_slashes_written_by_the_same_writer_pass() {
        let (c, f) = (connector_solution(), flow_solution());
        let package = raw_zip(&[("PkgAssets/c.zip", &c), ("PkgAssets/f.zip", &f)]);
        assert!(codes(&outer(&package)).is_empty());
    }
}
