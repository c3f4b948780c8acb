//! The codes of the load issues the model records while reading a connector. Each is the code
//! of the lint rule that reports the issue (`rules/files.rs`); the model depends on nothing, so
//! the names live here and `catalog` checks that every one is a registered rule.

/// A file that cannot be read (permissions, not a regular file, invalid encoding).
pub const FILE_UNREADABLE: &str = "FileUnreadable";
/// A file over the size limit.
pub const FILE_TOO_LARGE: &str = "FileTooLarge";
/// Two files of a folder could be the same connector file.
pub const FILE_NAME_AMBIGUOUS: &str = "FileNameAmbiguous";
/// JSON that does not parse.
pub const JSON_SYNTAX_ERROR: &str = "JsonSyntaxError";
/// A key repeated in one JSON object.
pub const JSON_DUPLICATE_KEY: &str = "JsonDuplicateKey";
/// A raw control character inside a JSON string.
pub const JSON_CONTROL_CHARACTER: &str = "JsonControlCharacter";
/// A comment in JSON.
pub const JSON_COMMENT: &str = "JsonComment";
/// A trailing comma in JSON.
pub const JSON_TRAILING_COMMA: &str = "JsonTrailingComma";
/// Other syntax the lenient parser accepts but JSON does not (single quotes, hex numbers…).
pub const JSON_NON_STANDARD_SYNTAX: &str = "JsonNonStandardSyntax";
/// A missing comma between JSON values.
pub const JSON_MISSING_COMMA: &str = "JsonMissingComma";
/// YAML that does not parse.
pub const YAML_SYNTAX_ERROR: &str = "YamlSyntaxError";

/// Every load issue code.
pub const ALL: &[&str] = &[
    FILE_UNREADABLE,
    FILE_TOO_LARGE,
    FILE_NAME_AMBIGUOUS,
    JSON_SYNTAX_ERROR,
    JSON_DUPLICATE_KEY,
    JSON_CONTROL_CHARACTER,
    JSON_COMMENT,
    JSON_TRAILING_COMMA,
    JSON_NON_STANDARD_SYNTAX,
    JSON_MISSING_COMMA,
    YAML_SYNTAX_ERROR,
];
