use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A field certification requires is present but empty
    ///
    /// ### Why
    /// An empty string satisfies "the key exists" but tells the user nothing. Checked: the
    /// connector's title, description and contact fields, the metadata values, each shown
    /// operation's `summary` and `description`, each shown parameter's `x-ms-summary` and
    /// `description`, and each response's `description`. Write real text, or remove an optional
    /// key.
    ///
    /// ### Example
    /// Bad: `"description": ""`
    /// Good: `"description": "The task identifier."`
    ///
    /// ### Evidence
    /// An empty parameter or response text is a **warning**: Microsoft's pipeline requires the key
    /// ("The 'x-ms-summary' property is required", PRs #3407, #2662) but lets an empty value
    /// through: validated merges of 23 connectors (2020–2024, 14 of them more than once, e.g.
    /// LawVu, Actsoft, CardsForPowerApps) had empty parameter or response descriptions. Empty
    /// connector, metadata and operation texts stay errors (they fail the length and required-text
    /// checks).
    pub(crate) static REQUIRED_VALUE_EMPTY: Rule {
        code: "RequiredValueEmpty",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        profiles: Profiles::CERTIFICATION,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(r) = root(cx) else { return };
    let empty = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .is_some_and(|s| s.trim().is_empty())
    };
    let flag = |v: &Value, at: &str, key: &str, sink: &mut Sink<'_>| {
        if empty(v.get(key)) {
            sink.emit(join(at, key), format!("'{key}' must not be empty"));
        }
    };
    if let Some(i) = r.get("info") {
        flag(i, "/info", "title", sink);
        flag(i, "/info", "description", sink);
        if let Some(c) = i.get("contact") {
            for k in ["name", "url", "email"] {
                flag(c, "/info/contact", k, sink);
            }
        }
    }
    if let Some(entries) = metadata(cx) {
        for e in entries {
            if empty(e.value) {
                sink.emit(
                    join(&e.pointer, "propertyValue"),
                    "'propertyValue' must not be empty",
                );
            }
        }
    }
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for op in &sw.operations {
        if shown(op) {
            flag(op.value, &op.pointer, "summary", sink);
            flag(op.value, &op.pointer, "description", sink);
        }
    }
    // Calibration: parameters of internal operations are never shown (2 connectors
    // changed in 2024 had empty texts only there). Empty parameter and response texts are
    // tolerated by the pipeline (validated merges of 23 connectors): warnings.
    let tolerated = |v: &Value, at: &str, key: &str, sink: &mut Sink<'_>| {
        if empty(v.get(key)) {
            sink.emit_with(
                Severity::Warning,
                FileKind::Definition,
                join(at, key),
                format!(
                    "'{key}' is empty: the pipeline lets an empty value through, but makers \
                         see no text here"
                ),
            );
        }
    };
    for p in sw.shown_params() {
        tolerated(p.value, &p.target, "x-ms-summary", sink);
        tolerated(p.value, &p.target, "description", sink);
    }
    for resp in sw.response_nodes() {
        tolerated(resp.value, &resp.pointer, "description", sink);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn empty_values() {
        let mut def = patch(cert(), json!({"info": {"contact": {"url": " "}}}));
        def.pointer_mut(&format!("{OP}/parameters/0")).unwrap()["description"] = json!("");
        // Internal parameters are not shown: no text needed.
        let mut internal = def.clone();
        internal.pointer_mut(&format!("{OP}/parameters/0")).unwrap()["x-ms-visibility"] =
            json!("internal");
        Tester::new(
            &REQUIRED_VALUE_EMPTY,
            vec![(cert(), Profile::Certified)],
            vec![
                fail((def, Profile::Certified)).at([
                    "/info/contact/url".to_string(),
                    format!("{OP}/parameters/0/description"),
                ]),
                fail((internal, Profile::Certified)).count(1),
            ],
        )
        .test();
    }
}
