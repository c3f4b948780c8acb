use super::DiffRule;
use crate::core::Gate;
use crate::diff::DiffSeverity::Breaking;

crate::declare_code! {
    /// the URL path of an operation changed
    ///
    /// ### Why
    /// The path is part of the operation's contract. Add a new revision with the new path instead.
    /// A segment moved between `basePath` and the path (`/v1` + `/items` → `/` + `/v1/items`) is
    /// the same URL and is not reported.
    ///
    /// ### Example
    /// Before: `CreateItem` at `POST /items`.
    /// After: `CreateItem` at `POST /things`.
    ///
    /// ### Evidence
    /// Microsoft gives a changed path as its example of a breaking change (certification updates,
    /// BCD-02), and its ValidateChange reports it (BC-02).
    pub(crate) static PATH_TEMPLATE_CHANGED: DiffRule {
        code: "PathTemplateChanged",
        severity: Breaking,
        gate: Gate::Pipeline,
        area: "operation",
        microsoft: Some("The path template has been changed"),
        source: "BC-02, BCD-02",
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::*;

    #[test]
    fn reported_when_the_path_of_an_operation_changes() {
        snapshot_reports("PathTemplateChanged", |_, n| {
            let p = n.pointer("/paths/~1items").unwrap().clone();
            set(n, "/paths/~1items", None);
            set(n, "/paths/~1things", Some(p));
        });
    }

    #[test]
    fn a_segment_moved_between_base_path_and_path_is_the_same_url() {
        let old = base();
        let mut new = base();
        // `/v1` + `/items/{id}` becomes `/` + `/v1/items/{id}`: the same request.
        set(&mut new, "/basePath", Some(json!("/")));
        let paths = new["paths"].as_object_mut().unwrap();
        let renamed: Vec<(String, Value)> = paths
            .iter()
            .map(|(k, v)| (format!("/v1{k}"), v.clone()))
            .collect();
        paths.clear();
        paths.extend(renamed);
        let c = codes(&old, &new);
        assert!(!c.contains(&"PathTemplateChanged"), "{c:?}");
        // A real move of the URL is still reported.
        let mut moved = base();
        let item = moved["paths"]["/items/{id}"].take();
        moved["paths"]
            .as_object_mut()
            .unwrap()
            .shift_remove("/items/{id}");
        moved["paths"]["/things/{id}"] = item;
        assert!(codes(&old, &moved).contains(&"PathTemplateChanged"));
    }
}
