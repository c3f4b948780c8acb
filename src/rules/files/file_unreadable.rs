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
    pub static FILE_UNREADABLE: Rule {
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
        let f = run_on(&FILE_UNREADABLE, &c, Profile::Custom);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("cannot list"));
        let c = Connector::load_dir(d.path(), "test".into());
        assert!(run_on(&FILE_UNREADABLE, &c, Profile::Custom).is_empty());
    }
}
