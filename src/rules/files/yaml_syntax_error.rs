use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A YAML definition that cannot be parsed
    ///
    /// ### Why
    /// connkit accepts definitions written in YAML (and converts them for checking), but the text
    /// must be valid YAML. Note that the platform itself only takes JSON: convert before uploading.
    pub static YAML_SYNTAX_ERROR: Rule {
        code: "YamlSyntaxError",
        severity: Severity::Error,
        gate: Gate::Platform,
        microsoft: None,
        profiles: Profiles::ALL,
        file: FileKind::Definition,
        source: "https://yaml.org/spec/1.2.2/",
        check: load_issues,
    }
}
