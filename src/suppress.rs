//! Suppressing findings after linting: `[[ignore]]` entries of `connkit.toml` and the inline
//! `x-connkit-ignore` extension.
//!
//! `x-connkit-ignore` may sit on any object of the definition (JSON or YAML) and suppresses the
//! listed codes at that object and below it, in every file's findings about the definition:
//!
//! ```json
//! "x-connkit-ignore": ["OperationIdNotUnique"]
//! "x-connkit-ignore": {"codes": ["OperationIdNotUnique"], "reason": "kept for old flows"}
//! ```
//!
//! Like an `[[ignore]]` entry, an inline suppression needs a `reason` (the object form):
//! one without is not applied and is reported (`SuppressionReasonMissing`). Findings about a
//! file's syntax or reading (`crate::rules::files::not_inline`) cannot be suppressed inline at all: a file that
//! is not valid JSON must not be able to hide that from its own reader.
//!
//! The platform's own schema rejects unknown `x-ms-*` keys but allows other `x-` keys, so
//! the extension can stay in a submitted definition. apiProperties.json and settings.json are
//! not read for it: their schemas allow no extra keys (use `[[ignore]]` in connkit.toml).

use serde_json::Value;

use crate::config::Suppression;
use crate::model::ignore::{KEY, entries_in};
use crate::model::{Connector, FileKind};
use crate::rules::Finding;

/// The suppressions of one parsed file that apply: those with a reason, minus the codes
/// that cannot be suppressed inline.
pub(crate) fn inline_in(file: &str, root: &Value) -> Vec<Suppression> {
    entries_in(root)
        .into_iter()
        .filter(|e| e.reason.is_some())
        .flat_map(|e| {
            let at = e.pointer;
            e.codes
                .into_iter()
                .filter(|c| !crate::rules::files::not_inline(c))
                .map(move |code| Suppression {
                    code,
                    file: Some(file.to_string()),
                    pointer: at.clone(),
                })
        })
        .collect()
}

/// Every `x-connkit-ignore` in the connector's definition.
pub fn inline(connector: &Connector) -> Vec<Suppression> {
    match connector.definition_value() {
        // Nearly no definition has one: a substring search spares the tree walk.
        Some(v) if connector.definition_may_contain(KEY) => {
            inline_in(&connector.file_name(FileKind::Definition), v)
        }
        Some(_) => Vec::new(),
        None => Vec::new(),
    }
}

/// Whether a suppression covers a finding (same code and file, pointer at or below).
pub(crate) fn covers(s: &Suppression, f: &Finding) -> bool {
    s.code == f.code
        && s.file.as_deref().is_none_or(|file| file == f.file)
        && (s.pointer.is_empty()
            || f.pointer == s.pointer
            || f.pointer
                .strip_prefix(s.pointer.as_str())
                .is_some_and(|rest| rest.starts_with('/')))
}

/// Remove suppressed findings; returns how many were removed.
pub fn apply(findings: &mut Vec<Finding>, suppressions: &[Suppression]) -> usize {
    apply_tracked(findings, suppressions).0
}

/// Remove suppressed findings; returns how many were removed and, per suppression, whether
/// it removed any (a finding covered by several counts for each).
pub(crate) fn apply_tracked(
    findings: &mut Vec<Finding>,
    suppressions: &[Suppression],
) -> (usize, Vec<bool>) {
    let mut used = vec![false; suppressions.len()];
    if suppressions.is_empty() {
        return (0, used);
    }
    // Indexed by (code, pointer): each finding looks up its own pointer and each ancestor,
    // so the work is findings × depth, not findings × suppressions (20,000 inline
    // suppressions or `[[ignore]]` entries must not make a run quadratic).
    let mut index: std::collections::HashMap<(&str, &str), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, s) in suppressions.iter().enumerate() {
        index
            .entry((s.code.as_str(), s.pointer.as_str()))
            .or_default()
            .push(i);
    }
    let before = findings.len();
    findings.retain(|f| {
        let mut hit = false;
        let mut at: &str = &f.pointer;
        loop {
            for &i in index.get(&(f.code, at)).into_iter().flatten() {
                if covers(&suppressions[i], f) {
                    used[i] = true;
                    hit = true;
                }
            }
            if at.is_empty() {
                break;
            }
            at = at.rfind('/').map_or("", |p| &at[..p]);
        }
        !hit
    });
    (before - findings.len(), used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Severity;
    use serde_json::json;

    fn finding(code: &'static str, file: &str, pointer: &str) -> Finding {
        Finding {
            code,
            severity: Severity::Error,
            gate: crate::core::Gate::Pipeline,
            file: file.into(),
            pointer: pointer.into(),
            line: 1,
            column: 1,
            message: "m".into(),
            end_column: 2,
            source_line: None,
            source_column: 1,
        }
    }

    #[test]
    fn inline_forms_are_found_with_their_pointers() {
        let v = json!({
            "paths": {"/a/b": {"get": {"x-connkit-ignore": {"codes": ["A", "B"], "reason": "r"}}}},
            "definitions": {"X": {"x-connkit-ignore": {"codes": ["C"], "reason": "r"}}},
            "parameters": [{"x-connkit-ignore": {"codes": "D", "reason": "r"}}, {"x-connkit-ignore": 7}],
            "info": {"x-connkit-ignore": ["E"], "y": {"x-connkit-ignore": {"codes": ["F"], "reason": " "}}},
            "x-connkit-ignore": {"codes": ["JsonComment", "JsonTrailingComma"], "reason": "r"}
        });
        let mut got: Vec<_> = inline_in("f.json", &v)
            .into_iter()
            .map(|s| (s.code, s.pointer))
            .collect();
        got.sort();
        assert_eq!(
            got,
            [
                ("A".to_string(), "/paths/~1a~1b/get".to_string()),
                ("B".into(), "/paths/~1a~1b/get".into()),
                ("C".into(), "/definitions/X".into()),
                ("D".into(), "/parameters/0".into()),
            ]
        );
    }

    #[test]
    fn pointer_prefix_matches_whole_tokens_only() {
        let s = Suppression {
            code: "A".into(),
            file: Some("f.json".into()),
            pointer: "/paths/~1a".into(),
        };
        assert!(covers(&s, &finding("A", "f.json", "/paths/~1a")));
        assert!(covers(&s, &finding("A", "f.json", "/paths/~1a/get")));
        assert!(!covers(&s, &finding("A", "f.json", "/paths/~1ab")));
        assert!(!covers(&s, &finding("B", "f.json", "/paths/~1a")));
        assert!(!covers(&s, &finding("A", "g.json", "/paths/~1a")));
        let mut all = vec![
            finding("A", "f.json", "/paths/~1a/x"),
            finding("A", "f.json", "/info"),
        ];
        assert_eq!(apply(&mut all, &[s]), 1);
        assert_eq!(all[0].pointer, "/info");
        let whole = Suppression {
            code: "A".into(),
            file: None,
            pointer: String::new(),
        };
        assert_eq!(apply(&mut all, &[whole]), 1);
        assert!(all.is_empty());
        let never = Suppression {
            code: "Z".into(),
            file: None,
            pointer: String::new(),
        };
        let mut two = vec![finding("A", "f.json", "/a"), finding("B", "f.json", "/b")];
        let all_a = Suppression {
            code: "A".into(),
            file: None,
            pointer: String::new(),
        };
        assert_eq!(
            apply_tracked(&mut two, &[never, all_a]),
            (1, vec![false, true])
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let nest = |depth: usize| {
            let mut v = json!({"x-connkit-ignore": {"codes": ["A"], "reason": "r"}});
            for _ in 0..depth {
                v = Value::Array(vec![v]);
            }
            v
        };
        // As deep as the parser accepts: found.
        let v = nest(crate::model::parse::MAX_DEPTH - 1);
        assert_eq!(inline_in("f", &v).len(), 1);
        // Far deeper (only a tree built in code can be): the bounded walk stops, no overflow.
        let v = nest(20_000);
        assert_eq!(inline_in("f", &v).len(), 0);
        // serde_json drops recursively; forget the value to keep the test about our walk.
        std::mem::forget(v);
    }
}
