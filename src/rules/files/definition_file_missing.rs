use super::*;

pub static DEFINITION_FILE_MISSING: Rule = Rule {
    code: "DefinitionFileMissing",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "The folder has no apiDefinition.swagger.json",
    explanation: "Every connector needs its OpenAPI (Swagger 2.0) definition in \
`apiDefinition.swagger.json`. connkit also accepts a single `*.swagger.json` file of another \
name, and YAML, for checking.",
    source: SRC_FILES,
    check: |cx, sink| {
        let c = cx.connector;
        let ambiguous = c
            .folder_issues
            .iter()
            .any(|i| i.code == "FileNameAmbiguous");
        if c.definition.is_none() && !c.single_file && !ambiguous {
            sink.emit(
                "",
                "no definition file (apiDefinition.swagger.json) in this connector folder",
            );
        }
    },
};
