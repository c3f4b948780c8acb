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
    pub static FILE_NAME_AMBIGUOUS: Rule {
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
        assert!(run_on(&FILE_NAME_AMBIGUOUS, &c, Profile::Custom).is_empty());
        std::fs::write(d.path().join("projects.swagger.json"), "{}").unwrap();
        let c = Connector::load_dir(d.path(), "test".into());
        let f = run_on(&FILE_NAME_AMBIGUOUS, &c, Profile::Custom);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, "FileNameAmbiguous");
    }
}
