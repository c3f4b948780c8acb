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
    pub(crate) static DEFINITION_FILE_MISSING: Rule {
        code: "DefinitionFileMissing",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Definition,
        source: SRC_FILES,
        check,
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
    use crate::rules::testing::*;

    fn folder(definition: bool) -> Connector {
        Connector {
            display: "test".into(),
            properties: Some(data_file("apiProperties.json", "{}".into())),
            definition: definition.then(|| data_file("apiDefinition.swagger.json", "{}".into())),
            ..Default::default()
        }
    }

    #[test]
    fn missing_definition_in_a_folder() {
        Tester::new(
            &DEFINITION_FILE_MISSING,
            // With the definition (or for a lone file) it is not reported.
            vec![folder(true)],
            vec![fail(folder(false)).count(1).then(|f| {
                assert!(f[0].message.starts_with("no definition file"));
            })],
        )
        .test();
    }
}
