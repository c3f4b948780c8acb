use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Warning;

crate::declare_code! {
    /// the HTTP method of an operation changed
    ///
    /// ### Why
    /// (path, method) identifies an operation; a different method is a different request for the
    /// backend.
    ///
    /// ### Example
    /// Before: `CreateItem` at `POST /items`.
    /// After: `CreateItem` at `PUT /items`.
    ///
    /// ### Evidence
    /// A warning. Not seen in any quoted ValidateChange output (which keys operations by
    /// operationId), but the backend receives a different request.
    pub(crate) static METHOD_CHANGED: DiffRule {
        code: "MethodChanged",
        severity: Warning,
        gate: Gate::Platform,
        area: "operation",
        source: "BCI-01",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_method_of_an_operation_changes() {
        snapshot_reports("MethodChanged", |_, n| {
            let p = n.pointer("/paths/~1items/post").unwrap().clone();
            set(n, "/paths/~1items/post", None);
            set(n, "/paths/~1items/put", Some(p));
        });
    }

    #[test]
    fn not_reported_when_only_the_path_changes() {
        assert_does_not_report("MethodChanged", |_, n| {
            let p = n.pointer("/paths/~1items").unwrap().clone();
            set(n, "/paths/~1items", None);
            set(n, "/paths/~1things", Some(p));
        });
    }
}
