use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A list whose entries must be distinct repeats a value
    ///
    /// ### Why
    /// `enum`, `required`, `schemes`, `consumes`, `produces`, an operation's `tags` and the scopes
    /// of a security requirement are sets: each value once. Remove the repeated entry.
    ///
    /// ### Example
    /// Bad: `"schemes": ["https", "https"]`, or `"enum": ["a", "a"]`
    /// Good: `"schemes": ["https"]`
    ///
    /// ### Evidence
    /// A **warning** for an `enum`: a repeated value only repeats a dropdown entry, and enums with
    /// one were merged after validation, repeatedly and since the pipeline's 2023-08 repair, in
    /// the other half of the public repository, with no Microsoft message known (the visible
    /// history has none). An **error** for the other lists, where the schema of Swagger 2.0 says
    /// `uniqueItems`.
    pub(crate) static ARRAY_DUPLICATE_VALUE: Rule {
        code: "ArrayDuplicateValue",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut lists: Vec<(String, &Value)> = Vec::new();
    for n in nodes(cx) {
        if let Some(e) = n.get("enum")
            && let Some(arr) = e.as_array()
        {
            let at = n.at("enum");
            for i in duplicates(arr) {
                sink.emit_with(
                    Severity::Warning,
                    FileKind::Definition,
                    join_index(&at, i),
                    format!("{} is already in this enum list", short(&arr[i])),
                );
            }
        }
        if n.is_schema()
            && let Some(r) = n.get("required")
        {
            lists.push((n.at("required"), r));
        }
    }
    let Some(root) = root(cx) else { return };
    let mut holders: Vec<(String, &Value)> = vec![(String::new(), root)];
    if let Some(sw) = cx.swagger.as_ref() {
        for op in &sw.operations {
            holders.push((op.pointer.clone(), op.value));
            if let Some(t) = op.get("tags") {
                lists.push((join(&op.pointer, "tags"), t));
            }
        }
    }
    for (at, h) in holders {
        for k in ["schemes", "consumes", "produces"] {
            if let Some(v) = h.get(k) {
                lists.push((join(&at, k), v));
            }
        }
        for (i, req) in h
            .get("security")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            for (name, scopes) in req.as_object().into_iter().flatten() {
                lists.push((join(&join_index(&join(&at, "security"), i), name), scopes));
            }
        }
    }
    for (at, list) in lists {
        let Some(arr) = list.as_array() else { continue };
        for i in duplicates(arr) {
            sink.emit(
                join_index(&at, i),
                format!("{} is already in this list", short(&arr[i])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn repeated_value_in_a_set() {
        let def = patch(
            minimal(),
            json!({"schemes": ["https", "https"], "security": [{"oauth": ["read", "read"]}]}),
        );
        Tester::new(
            &ARRAY_DUPLICATE_VALUE,
            vec![with_param(json!({"enum": ["a", "b"]}))],
            vec![
                // An enum: a warning (merged by Microsoft).
                fail(with_param(json!({"enum": ["a", "a"]})))
                    .at([format!("{P0}/enum/1")])
                    .then(|f| {
                        assert_eq!(f[0].severity, Severity::Warning);
                        assert_eq!(f[0].message, "\"a\" is already in this enum list");
                    }),
                // The other sets: errors.
                fail(def)
                    .at(["/schemes/1", "/security/0/oauth/1"])
                    .then(|f| {
                        assert_eq!(f[0].message, "\"https\" is already in this list");
                        assert!(f.iter().all(|f| f.severity == Severity::Error));
                    }),
            ],
        )
        .test();
    }
}
