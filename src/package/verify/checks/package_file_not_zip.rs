//! `PackageFileNotZip` (PKG-01).

use super::Check;
use crate::core::Severity;

crate::declare_code! {
    /// The package must be an existing .zip file, not a folder
    ///
    /// ### Why
    /// Partner Center takes the certification package as one file: the SAS URI given to it
    /// points at a single `.zip` blob, and Microsoft's `ConnectorPackageValidator.ps1` refuses
    /// anything else before looking inside. A folder (for example the unzipped package) or a
    /// file with another extension cannot be uploaded as it is, so nothing else is checked.
    ///
    /// ### Example
    /// `connkit verify-package ./ContosoPackage/` reports this check; zip the folder's content
    /// (or run `connkit package`) and give `ContosoPackage.zip` instead.
    pub(crate) static FILE_NOT_ZIP: Check {
        code: "PackageFileNotZip",
        id: "PKG-01",
        severity: Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::FILE_NOT_ZIP;
    use crate::package::verify::testing::{good, snapshot_report};
    use crate::package::verify::{VerifyOptions, verify_path};

    fn codes(path: &std::path::Path) -> Vec<&'static str> {
        verify_path(path, &VerifyOptions::default())
            .unwrap()
            .findings
            .iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn a_folder_or_a_file_not_named_zip_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(codes(dir.path()), [FILE_NOT_ZIP.code]);
        let other = dir.path().join("package.tar");
        std::fs::write(&other, good()).unwrap();
        assert_eq!(codes(&other), [FILE_NOT_ZIP.code]);
        let report = verify_path(&other, &VerifyOptions::default()).unwrap();
        snapshot_report(&FILE_NOT_ZIP, &report);
    }

    #[test]
    fn near_miss_the_same_bytes_named_zip_in_any_case_pass() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("package.ZIP");
        std::fs::write(&p, good()).unwrap();
        assert!(codes(&p).is_empty(), "{:?}", codes(&p));
    }
}
