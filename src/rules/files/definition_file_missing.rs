use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The folder has no apiDefinition.swagger.json
    ///
    /// ### Why
    /// Every connector needs its OpenAPI (Swagger 2.0) definition in `apiDefinition.swagger.json`.
    /// connkit also accepts a single `*.swagger.json` file of another name, and YAML, for checking.
    ///
    /// ### Example
    /// Bad: a connector folder holding `apiProperties.json` and `readme.md` only
    /// Good: the same folder with `apiDefinition.swagger.json` beside them
    pub static DEFINITION_FILE_MISSING: Rule {
        code: "DefinitionFileMissing",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: SRC_FILES,
        check,
        fix: None,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let c = cx.connector;
    let ambiguous = c
        .folder_issues
        .iter()
        .any(|i| i.kind == IssueKind::FileNameAmbiguous);
    if c.definition.is_none() && !c.single_file && !ambiguous {
        sink.emit(
            "",
            "no definition file (apiDefinition.swagger.json) in this connector folder",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Connector;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    #[test]
    fn missing_definition_in_a_folder() {
        let mut c = Connector {
            display: "test".into(),
            properties: Some(data_file("apiProperties.json", "{}".into())),
            ..Default::default()
        };
        let f = run_on(&DEFINITION_FILE_MISSING, &c, Profile::Custom);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("no definition file"));
        // With the definition (or for a lone file) it is not reported.
        c.definition = Some(data_file("apiDefinition.swagger.json", "{}".into()));
        assert!(run_on(&DEFINITION_FILE_MISSING, &c, Profile::Custom).is_empty());
    }
}
