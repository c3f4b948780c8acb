use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The file is not UTF-8 (UTF-16, or invalid byte sequences)
    ///
    /// ### Why
    /// Microsoft's pipeline and paconn read every file as UTF-8 (a byte-order mark is accepted).
    /// UTF-16 files and stray Windows-1252 bytes produce garbled text or outright failures. The
    /// finding names the byte offset of the first bad byte; re-save the file as UTF-8.
    ///
    /// ### Example
    /// Bad: a definition saved as UTF-16, or as Windows-1252 with `"description": "Café"` (byte `E9`)
    /// Good: the same text saved as UTF-8
    pub(crate) static FILE_ENCODING_NOT_UTF8: Rule {
        code: "FileEncodingNotUtf8",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Definition,
        source: "https://github.com/microsoft/PowerPlatformConnectors/pull/619",
        check: load_issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Connector;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    #[test]
    fn windows_1252_byte() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("apiDefinition.swagger.json");
        std::fs::write(&path, b"{\"description\": \"Caf\xE9\"}").unwrap();
        let c = Connector::load_file(&path, "test".into());
        std::fs::write(&path, "{\"description\": \"Café\"}").unwrap();
        let c_2 = Connector::load_file(&path, "test".into());
        Tester::new(
            &FILE_ENCODING_NOT_UTF8,
            vec![(c_2, Profile::Custom)],
            vec![fail((c, Profile::Custom)).count(1).then(|f| {
                assert_eq!((f[0].line, f[0].column), (1, 21));
            })],
        )
        .test();
    }
}
