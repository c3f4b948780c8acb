//! File-level rules: what reading the files found (syntax, encoding) and which files a
//! connector folder must or must not contain (catalog §2).

use super::{Context, Profiles, Rule, Severity, Sink};
use crate::model::FileKind;

pub const RULES: &[&Rule] = &[
    &JSON_SYNTAX_ERROR,
    &JSON_TRAILING_COMMA,
    &JSON_MISSING_COMMA,
    &JSON_COMMENT,
    &JSON_CONTROL_CHARACTER,
    &JSON_NON_STANDARD_SYNTAX,
    &JSON_DUPLICATE_KEY,
    &YAML_SYNTAX_ERROR,
    &FILE_ENCODING_NOT_UTF8,
    &FILE_UNREADABLE,
    &FILE_TOO_LARGE,
    &FILE_NAME_AMBIGUOUS,
    &DEFINITION_FILE_MISSING,
    &PROPERTIES_FILE_MISSING,
    &README_MISSING,
    &INTERNAL_ERROR,
    &SUPPRESSION_REASON_MISSING,
];

const SRC_JSON: &str = "https://www.rfc-editor.org/rfc/rfc8259";
const SRC_FILES: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/paconn-cli";

/// Re-emit the issues the loader recorded under this rule's code, for every file.
fn load_issues(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let code = sink.code();
    let c = cx.connector;
    let issues: Vec<_> = c
        .load_issues()
        .filter(|(_, i)| i.code == code)
        .map(|(k, i)| (k, i.clone()))
        .collect();
    for (kind, issue) in issues {
        match (issue.offset, issue.pointer) {
            (Some(o), _) => sink.emit_at_offset(kind, o, issue.message),
            (None, Some(p)) => sink.emit_in(kind, p, issue.message),
            (None, None) => sink.emit_in(kind, "", issue.message),
        }
    }
    for fi in c.folder_issues.iter().filter(|i| i.code == code) {
        sink.emit_in(fi.file, "", fi.message.clone());
    }
}

pub static JSON_SYNTAX_ERROR: Rule = Rule {
    code: "JsonSyntaxError",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "The file is not valid JSON and cannot be read further",
    explanation: "The text breaks JSON syntax in a way that cannot be recovered (an unexpected \
token, an unclosed bracket, an empty file), so no rule can check its content. Microsoft's \
validators reject the file outright. The finding points at the first character that cannot be \
understood; fix it and lint again.",
    source: SRC_JSON,
    check: load_issues,
};

pub static JSON_TRAILING_COMMA: Rule = Rule {
    code: "JsonTrailingComma",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A comma before a closing `}` or `]`",
    explanation: "JSON does not allow a comma after the last member of an object or array. \
Some editors and .NET readers tolerate it, but `paconn` (Python's strict reader) and other tools \
refuse the file. connkit reads past it so the rest of the file is still checked.\n\n\
Bad: `{\"a\": 1,}`  Good: `{\"a\": 1}`\n\n\
Evidence: a **warning** with gate advice. Microsoft's pipeline and the platform read past \
trailing commas: validated merges of 16 connectors had them (2020–2024, one merged four \
times), so nothing stops the submission. Remove them anyway: paconn and most editors' JSON \
tools refuse the file.",
    source: SRC_JSON,
    check: load_issues,
};

pub static JSON_MISSING_COMMA: Rule = Rule {
    code: "JsonMissingComma",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "Two values without a comma between them",
    explanation: "Object members and array elements must be separated by commas. A missing \
comma usually comes from a hand edit or a bad merge; strict readers refuse the file. connkit \
assumes the comma and keeps checking.\n\nBad: `{\"a\": 1 \"b\": 2}`",
    source: SRC_JSON,
    check: load_issues,
};

pub static JSON_COMMENT: Rule = Rule {
    code: "JsonComment",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A `//` or `/* */` comment in a JSON file",
    explanation: "JSON has no comments. Use a `description` field, or an `x-` extension for \
notes that must stay in the file.",
    source: SRC_JSON,
    check: load_issues,
};

pub static JSON_CONTROL_CHARACTER: Rule = Rule {
    code: "JsonControlCharacter",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "A raw control character (tab, newline…) inside a string",
    explanation: "Characters below U+0020 must be escaped inside JSON strings (`\\t`, `\\n`, \
`\\u0000`). A raw tab pasted into a description is the usual cause.",
    source: SRC_JSON,
    check: load_issues,
};

pub static JSON_NON_STANDARD_SYNTAX: Rule = Rule {
    code: "JsonNonStandardSyntax",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "JSON5-style syntax: single quotes, unquoted names, hex or `+` numbers",
    explanation: "These are accepted by JavaScript and JSON5 but not by JSON readers. Use double \
quotes for every string and property name and plain decimal numbers.",
    source: SRC_JSON,
    check: load_issues,
};

pub static JSON_DUPLICATE_KEY: Rule = Rule {
    code: "JsonDuplicateKey",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An object has the same key twice; only the last is used",
    explanation: "JSON readers keep one of the values (the last one in .NET, Python and \
serde_json), so the earlier member is silently ignored. It is almost always a copy-paste \
mistake: remove or merge the duplicate.",
    source: SRC_JSON,
    check: load_issues,
};

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

pub static FILE_ENCODING_NOT_UTF8: Rule = Rule {
    code: "FileEncodingNotUtf8",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "The file is not UTF-8 (UTF-16, or invalid byte sequences)",
    explanation: "Microsoft's pipeline and paconn read every file as UTF-8 (a byte-order mark \
is accepted). UTF-16 files and stray Windows-1252 bytes produce garbled text or outright \
failures. The finding names the byte offset of the first bad byte; re-save the file as UTF-8.",
    source: "https://github.com/microsoft/PowerPlatformConnectors/pull/619",
    check: load_issues,
};

pub static FILE_UNREADABLE: Rule = Rule {
    code: "FileUnreadable",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Folder,
    summary: "A connector file or folder could not be read",
    explanation: "The operating system refused to read the file (permissions, a broken link, a \
folder where a file was expected). Nothing in it can be checked.",
    source: SRC_FILES,
    check: load_issues,
};

pub static FILE_TOO_LARGE: Rule = Rule {
    code: "FileTooLarge",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Folder,
    summary: "A connector file too large to be read (over 32 MiB)",
    explanation: "The platform refuses definitions over 1 MB, so a file many times larger is \
almost certainly not a connector file (a data dump, a build artefact). connkit does not read \
files over 32 MiB, so that one hostile file cannot exhaust memory or time; the other files and \
connectors are still checked. Split very large connectors: the 1 MB limit is the platform's.",
    source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/faq",
    check: load_issues,
};

pub static FILE_NAME_AMBIGUOUS: Rule = Rule {
    code: "FileNameAmbiguous",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Folder,
    summary: "Two files that can be taken for the same connector file",
    explanation: "File names that differ only in letter case collide on Windows and macOS, and \
several `*.swagger.json` files leave it unclear which one is the definition. Keep one \
`apiDefinition.swagger.json`.",
    source: SRC_FILES,
    check: load_issues,
};

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

pub static PROPERTIES_FILE_MISSING: Rule = Rule {
    code: "PropertiesFileMissing",
    severity: Severity::Error,
    gate: crate::core::Gate::Platform,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Properties,
    summary: "The folder has no apiProperties.json",
    explanation: "`apiProperties.json` carries the connection parameters, brand colour, \
publisher and policy templates. paconn and the certification pipeline require it next to the \
definition.",
    source: SRC_FILES,
    check: |cx, sink| {
        let c = cx.connector;
        if c.properties.is_none() && !c.single_file {
            sink.emit("", "no apiProperties.json in this connector folder");
        }
    },
};

pub static README_MISSING: Rule = Rule {
    code: "ReadmeMissing",
    severity: Severity::Warning,
    gate: crate::core::Gate::Review,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Readme,
    summary: "A certified or independent-publisher connector without readme.md",
    explanation: "Certification reviewers require a `readme.md` beside the definition describing \
the publisher, prerequisites, how to get credentials, the operations and known issues. A pull \
request without it is not approved.\n\n\
Evidence: a **warning** for reviewers: the pipeline never reads readme.md, and 9 connectors \
were merged without one (DocuSign, Plumsail Documents, CloudAppSecurity, …). New submissions \
are asked for it by the PR template.",
    source: "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission",
    check: |cx, sink| {
        let c = cx.connector;
        if c.readme.is_none() && !c.single_file {
            sink.emit("", "no readme.md in this connector folder");
        }
    },
};

pub static INTERNAL_ERROR: Rule = Rule {
    code: "InternalError",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Folder,
    summary: "A connkit rule failed on this input (a connkit bug)",
    explanation: "A rule hit an unexpected condition. The other rules still ran. Please report \
it with the file that triggered it.\n\n\
Evidence: not a gate: a connkit bug. It is a warning so that a crash in one rule never fails \
a submission Microsoft would accept; please report it.",
    source: "https://github.com/connkit/connkit/issues",
    check: |_, _| {},
};

pub static SUPPRESSION_REASON_MISSING: Rule = Rule {
    code: "SuppressionReasonMissing",
    severity: Severity::Warning,
    gate: crate::core::Gate::Advice,
    microsoft: None,
    profiles: Profiles::ALL,
    file: FileKind::Definition,
    summary: "An inline x-connkit-ignore without a reason, or for a syntax finding, is not applied",
    explanation: "Like an `[[ignore]]` entry of connkit.toml, an inline suppression must say why \
the finding is acceptable: write `\"x-connkit-ignore\": {\"codes\": [\"Code\"], \"reason\": \"why\"}`. \
Without a reason it suppresses nothing. Findings about the file's syntax, encoding or reading \
(JsonComment, JsonTrailingComma, JsonSyntaxError, ...) cannot be suppressed inline at all: fix the \
file, or accept them in connkit.toml.",
    source: "https://github.com/connkit/connkit#suppressing-findings",
    check: |cx, sink| {
        let c = cx.connector;
        if !c.definition_may_contain(crate::suppress::KEY) {
            return;
        }
        let Some(root) = c.definition_value() else {
            return;
        };
        for e in crate::suppress::entries_in(root) {
            let at = crate::model::pointer::join(&e.pointer, crate::suppress::KEY);
            if e.reason.is_none() {
                sink.emit(
                    &at,
                    "x-connkit-ignore has no reason; it suppresses nothing until it says why (the object form with \"reason\")",
                );
            }
            let syntax: Vec<&str> = e
                .codes
                .iter()
                .map(String::as_str)
                .filter(|c| crate::suppress::NOT_INLINE.contains(c))
                .collect();
            if !syntax.is_empty() {
                sink.emit(
                    &at,
                    format!(
                        "{} cannot be suppressed inline (a file's syntax and reading are never hidden by its own content)",
                        syntax.join(", ")
                    ),
                );
            }
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn syntax_issues_are_reported_at_their_position() {
        let text = "{\n  \"swagger\": \"2.0\",\n  \"info\": {\"title\": \"x\",},\n}";
        let f = run_text(&JSON_TRAILING_COMMA, text);
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].line, f[0].column), (3, 24));
        assert_eq!((f[1].line, f[1].column), (3, 26));
        assert!(run_text(&JSON_TRAILING_COMMA, "{\"swagger\": \"2.0\"}").is_empty());
    }

    #[test]
    fn unrecoverable_json() {
        let f = run_text(&JSON_SYNTAX_ERROR, "{\n  \"swagger\": \"2.0\"\n  ]\n}");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 3);
        assert!(run_text(&JSON_SYNTAX_ERROR, "{}").is_empty());
    }

    #[test]
    fn missing_files_only_in_folders() {
        let mut c = connector_from(serde_json::json!({"swagger": "2.0"}), None);
        assert_eq!(
            run_on(&PROPERTIES_FILE_MISSING, &c, crate::rules::Profile::Custom).len(),
            1
        );
        c.single_file = true;
        assert!(run_on(&PROPERTIES_FILE_MISSING, &c, crate::rules::Profile::Custom).is_empty());
        let c = connector_from(
            serde_json::json!({"swagger": "2.0"}),
            Some(serde_json::json!({})),
        );
        assert!(run_on(&PROPERTIES_FILE_MISSING, &c, crate::rules::Profile::Custom).is_empty());
    }
}
