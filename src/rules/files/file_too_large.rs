use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A connector file too large to be read (over 32 MiB)
    ///
    /// ### Why
    /// The platform refuses definitions over 1 MB, so a file many times larger is almost certainly
    /// not a connector file (a data dump, a build artefact). connkit does not read files over 32
    /// MiB, so that one hostile file cannot exhaust memory or time; the other files and connectors
    /// are still checked. Split very large connectors: the 1 MB limit is the platform's.
    ///
    /// ### Example
    /// Bad: a 40 MB `apiDefinition.swagger.json` (a data dump saved under the definition's name)
    /// Good: a definition under the platform's 1 MB limit
    pub(crate) static FILE_TOO_LARGE: Rule {
        code: "FileTooLarge",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Folder,
        source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/faq",
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
    fn over_the_limit() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("apiDefinition.swagger.json");
        let file = std::fs::File::create(&path).unwrap();
        // A sparse file: its size is read, never its content.
        file.set_len(crate::model::MAX_FILE_BYTES + 1).unwrap();
        let c = Connector::load_file(&path, "test".into());
        file.set_len(2).unwrap();
        let c_2 = Connector::load_file(&path, "test".into());
        Tester::new(
            &FILE_TOO_LARGE,
            vec![(c_2, Profile::Custom)],
            vec![fail((c, Profile::Custom)).count(1).then(|f| {
                assert!(f[0].message.contains("connkit reads files up to 32 MB"));
            })],
        )
        .test();
    }
}
