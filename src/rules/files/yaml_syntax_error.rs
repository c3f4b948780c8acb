use super::*;

pub static YAML_SYNTAX_ERROR: Rule = Rule {
    code: "YamlSyntaxError",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A YAML definition that cannot be parsed",
    explanation: "connkit accepts definitions written in YAML (and converts them for checking), \
but the text must be valid YAML. Note that the platform itself only takes JSON: convert before \
uploading.",
    source: "https://yaml.org/spec/1.2.2/",
    check: load_issues,
};
