//! File-level rules: what reading the files found (syntax, encoding) and which files a
//! connector folder must or must not contain.

use super::{Context, Rule, Sink};
use crate::model::{FileKind, IssueKind};

pub(crate) const RULES: &[&Rule] = &[
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

/// The rule that reports each kind of load issue: the one place a kind meets its code
/// (declared in the rule's file). Exhaustive: a new kind without a rule does not compile.
pub(crate) fn rule_of(kind: IssueKind) -> &'static Rule {
    match kind {
        IssueKind::FileUnreadable => &FILE_UNREADABLE,
        IssueKind::FileTooLarge => &FILE_TOO_LARGE,
        IssueKind::FileNameAmbiguous => &FILE_NAME_AMBIGUOUS,
        IssueKind::FileEncodingNotUtf8 => &FILE_ENCODING_NOT_UTF8,
        IssueKind::JsonSyntaxError => &JSON_SYNTAX_ERROR,
        IssueKind::JsonDuplicateKey => &JSON_DUPLICATE_KEY,
        IssueKind::JsonControlCharacter => &JSON_CONTROL_CHARACTER,
        IssueKind::JsonComment => &JSON_COMMENT,
        IssueKind::JsonTrailingComma => &JSON_TRAILING_COMMA,
        IssueKind::JsonNonStandardSyntax => &JSON_NON_STANDARD_SYNTAX,
        IssueKind::JsonMissingComma => &JSON_MISSING_COMMA,
        IssueKind::YamlSyntaxError => &YAML_SYNTAX_ERROR,
    }
}

/// Codes an inline `x-connkit-ignore` never hides: the file's syntax, encoding and reading
/// ([`IssueKind::inline_suppressible`]), and connkit's own failures.
pub(crate) fn not_inline(code: &str) -> bool {
    code == INTERNAL_ERROR.code
        || IssueKind::ALL
            .iter()
            .any(|k| !k.inline_suppressible() && rule_of(*k).code == code)
}

/// Re-emit the issues the loader recorded for this rule, for every file.
fn load_issues(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let code = sink.code();
    let c = cx.connector;
    let issues: Vec<_> = c
        .load_issues()
        .filter(|(_, i)| rule_of(i.kind).code == code)
        .map(|(k, i)| (k, i.clone()))
        .collect();
    for (kind, issue) in issues {
        match (issue.offset, issue.pointer) {
            (Some(o), _) => sink.emit_at_offset(kind, o, issue.message),
            (None, Some(p)) => sink.emit_in(kind, p, issue.message),
            (None, None) => sink.emit_in(kind, "", issue.message),
        }
    }
    for fi in c
        .folder_issues
        .iter()
        .filter(|i| rule_of(i.kind).code == code)
    {
        sink.emit_in(fi.file, "", fi.message.clone());
    }
}
mod definition_file_missing;
mod file_encoding_not_utf8;
mod file_name_ambiguous;
mod file_too_large;
mod file_unreadable;
mod internal_error;
mod json_comment;
mod json_control_character;
mod json_duplicate_key;
mod json_missing_comma;
mod json_non_standard_syntax;
mod json_syntax_error;
mod json_trailing_comma;
mod properties_file_missing;
mod readme_missing;
mod suppression_reason_missing;
mod yaml_syntax_error;

pub(crate) use definition_file_missing::*;
pub(crate) use file_encoding_not_utf8::*;
pub(crate) use file_name_ambiguous::*;
pub(crate) use file_too_large::*;
pub(crate) use file_unreadable::*;
pub(crate) use internal_error::*;
pub(crate) use json_comment::*;
pub(crate) use json_control_character::*;
pub(crate) use json_duplicate_key::*;
pub(crate) use json_missing_comma::*;
pub(crate) use json_non_standard_syntax::*;
pub(crate) use json_syntax_error::*;
pub(crate) use json_trailing_comma::*;
pub(crate) use properties_file_missing::*;
pub(crate) use readme_missing::*;
pub(crate) use suppression_reason_missing::*;
pub(crate) use yaml_syntax_error::*;
