use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The folder has no apiDefinition.swagger.json
    ///
    /// ### Why
    /// Every connector needs its OpenAPI (Swagger 2.0) definition in `apiDefinition.swagger.json`.
    /// connkit also accepts a single `*.swagger.json` file of another name, and YAML, for checking.
    pub static DEFINITION_FILE_MISSING: Rule {
        code: "DefinitionFileMissing",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
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
        .any(|i| i.code == "FileNameAmbiguous");
    if c.definition.is_none() && !c.single_file && !ambiguous {
        sink.emit(
            "",
            "no definition file (apiDefinition.swagger.json) in this connector folder",
        );
    }
}
