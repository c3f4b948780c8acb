//! What the model records while reading a connector: one [`IssueKind`] per kind of problem
//! (unreadable, too large, not UTF-8, not JSON…). Kinds carry no code: the lint rule that
//! reports each kind declares the code, once, in its own file, and
//! `rules::files::rule_of` maps every kind to its rule (an exhaustive match, so a new kind
//! without a rule does not compile).

/// A kind of problem found while reading a connector's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum IssueKind {
    /// A file that cannot be read (permissions, not a regular file, invalid encoding).
    FileUnreadable,
    /// A file over the size limit.
    FileTooLarge,
    /// Two files of a folder could be the same connector file.
    FileNameAmbiguous,
    /// A file that is not UTF-8 (UTF-16, or invalid bytes).
    FileEncodingNotUtf8,
    /// JSON that does not parse.
    JsonSyntaxError,
    /// A key repeated in one JSON object.
    JsonDuplicateKey,
    /// A raw control character inside a JSON string.
    JsonControlCharacter,
    /// A comment in JSON.
    JsonComment,
    /// A trailing comma in JSON.
    JsonTrailingComma,
    /// Other syntax the lenient parser accepts but JSON does not (single quotes, hex numbers…).
    JsonNonStandardSyntax,
    /// A missing comma between JSON values.
    JsonMissingComma,
    /// YAML that does not parse.
    YamlSyntaxError,
}

impl IssueKind {
    /// Every kind.
    pub(crate) const ALL: [IssueKind; 12] = [
        IssueKind::FileUnreadable,
        IssueKind::FileTooLarge,
        IssueKind::FileNameAmbiguous,
        IssueKind::FileEncodingNotUtf8,
        IssueKind::JsonSyntaxError,
        IssueKind::JsonDuplicateKey,
        IssueKind::JsonControlCharacter,
        IssueKind::JsonComment,
        IssueKind::JsonTrailingComma,
        IssueKind::JsonNonStandardSyntax,
        IssueKind::JsonMissingComma,
        IssueKind::YamlSyntaxError,
    ];

    /// Whether an inline `x-connkit-ignore` may hide it: a file's syntax, encoding and
    /// reading are never hidden by its own content (an ambiguous file name is about the
    /// folder, not the file).
    pub(crate) fn inline_suppressible(self) -> bool {
        self == IssueKind::FileNameAmbiguous
    }
}
