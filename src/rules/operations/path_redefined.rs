use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two path keys differ only in letter case
    ///
    /// ### Why
    /// The platform treats paths case-insensitively, so `/Items` and `/items` are the same path
    /// defined twice. Merge their operations under one key.
    ///
    /// ### Example
    /// Bad: `"/tasks/{taskId}"` and `"/TASKS/{taskId}"`
    /// Good: one `"/tasks/{taskId}"` holding both paths' operations
    pub(crate) static PATH_REDEFINED: Rule {
        code: "PathRedefined",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        microsoft: Some("The path '{0}' is defined multiple times with different capitalization. Paths must be unique when compared case-insensitively."),
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (p, _) in paths(cx) {
        if let Some(prev) = seen.get(&p.to_lowercase()) {
            sink.emit(
                join("/paths", p),
                format!(
                    "path '{p}' is defined multiple times with different capitalization ('{prev}')"
                ),
            );
        } else {
            seen.insert(p.to_lowercase(), p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn case_only_difference() {
        let d = patch(minimal(), json!({"paths": {"/TASKS/{taskId}": {}}}));
        Tester::new(
            &PATH_REDEFINED,
            vec![minimal()],
            vec![fail(d).at(["/paths/~1TASKS~1{taskId}"])],
        )
        .test();
    }
}
