use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// An object has the same key twice; only the last is used
    ///
    /// ### Why
    /// JSON readers keep one of the values (the last one in .NET, Python and serde_json), so the
    /// earlier member is silently ignored. It is almost always a copy-paste mistake: remove or
    /// merge the duplicate.
    ///
    /// ### Example
    /// Bad: `{"summary": "Get a task", "summary": "Get task"}`
    /// Good: `{"summary": "Get a task"}`
    pub(crate) static JSON_DUPLICATE_KEY: Rule {
        code: "JsonDuplicateKey",
        severity: Severity::Warning,
        gate: Gate::Advice,
        file: FileKind::Definition,
        source: SRC_JSON,
        check: load_issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn duplicate_key() {
        Tester::new(
            &JSON_DUPLICATE_KEY,
            vec![
                // The same key in sibling objects is fine.
                "[{\"a\": 1}, {\"a\": 2}]",
            ],
            vec![
                fail("{\"summary\": \"Get a task\", \"summary\": \"Get task\"}")
                    .count(1)
                    .then(|f| {
                        assert_eq!((f[0].line, f[0].column), (1, 27));
                    }),
            ],
        )
        .test();
    }
}
