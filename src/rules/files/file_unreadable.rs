use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A connector file or folder could not be read
    ///
    /// ### Why
    /// The operating system refused to read the file (permissions, a broken link, a folder where a
    /// file was expected). Nothing in it can be checked.
    ///
    /// ### Example
    /// Bad: a connector folder that cannot be listed, or an `apiDefinition.swagger.json` without read
    /// permission
    /// Good: files the user running connkit can read
    pub(crate) static FILE_UNREADABLE: Rule {
        code: "FileUnreadable",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Folder,
        source: SRC_FILES,
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
    fn folder_that_cannot_be_listed() {
        let d = tempfile::tempdir().unwrap();
        let c = Connector::load_dir(&d.path().join("absent"), "test".into());
        let c_2 = Connector::load_dir(d.path(), "test".into());
        Tester::new(
            &FILE_UNREADABLE,
            vec![(c_2, Profile::Custom)],
            vec![fail((c, Profile::Custom)).count(1).then(|f| {
                assert!(f[0].message.starts_with("cannot list"));
            })],
        )
        .test();
    }
}
