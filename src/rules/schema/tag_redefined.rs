use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The root `tags` list defines a name twice
    ///
    /// ### Why
    /// Each tag is declared once in the root `tags` list.
    ///
    /// ### Example
    /// Bad: `"tags": [{"name": "Tasks"}, {"name": "Tasks", "description": "…"}]`
    /// Good: `"tags": [{"name": "Tasks", "description": "…"}]`
    pub(crate) static TAG_REDEFINED: Rule {
        code: "TagRedefined",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(tags) = root(cx)
        .and_then(|r| r.get("tags"))
        .and_then(Value::as_array)
    else {
        return;
    };
    let mut seen = HashSet::new();
    for (i, t) in tags.iter().enumerate() {
        if let Some(name) = str_of(t, "name")
            && !seen.insert(name)
        {
            sink.emit(
                format!("/tags/{i}/name"),
                format!("tag '{name}' is already defined"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn tag_defined_twice() {
        let def = patch(
            minimal(),
            json!({"tags": [{"name": "a"}, {"name": "b"}, {"name": "a"}]}),
        );
        Tester::new(
            &TAG_REDEFINED,
            vec![patch(minimal(), json!({"tags": [{"name": "a"}]}))],
            vec![fail(def).at(["/tags/2/name"]).then(|f| {
                assert_eq!(f[0].message, "tag 'a' is already defined");
            })],
        )
        .test();
    }
}
