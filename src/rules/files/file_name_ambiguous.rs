use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two files that can be taken for the same connector file
    ///
    /// ### Why
    /// File names that differ only in letter case collide on Windows and macOS, and several
    /// `*.swagger.json` files leave it unclear which one is the definition. Keep one
    /// `apiDefinition.swagger.json`.
    ///
    /// ### Example
    /// Bad: a folder holding both `tasks.swagger.json` and `projects.swagger.json`, or both
    /// `readme.md` and `README.md`
    /// Good: one `apiDefinition.swagger.json` and one `readme.md`
    pub(crate) static FILE_NAME_AMBIGUOUS: Rule {
        code: "FileNameAmbiguous",
        severity: Severity::Warning,
        gate: Gate::Advice,
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
    fn two_swagger_files() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("tasks.swagger.json"), "{}").unwrap();
        let c = Connector::load_dir(d.path(), "test".into());
        std::fs::write(d.path().join("projects.swagger.json"), "{}").unwrap();
        let c_2 = Connector::load_dir(d.path(), "test".into());
        Tester::new(
            &FILE_NAME_AMBIGUOUS,
            vec![(c, Profile::Custom)],
            vec![fail((c_2, Profile::Custom)).count(1).then(|f| {
                assert_eq!(f[0].code, "FileNameAmbiguous");
            })],
        )
        .test();
    }
}
