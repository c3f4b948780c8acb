use super::*;
use crate::rules::prelude::*;

/// Names of `properties` a schema has, including those from its `allOf` parts (None when a
/// part cannot be resolved or parts nest deeper than 16 along some path, a cycle included).
/// Each part is read once, with the length of its longest `allOf` path remembered: parts that
/// share a base (a diamond, or a chain of them) are not re-read once per path.
fn property_names<'a>(
    sw: &Swagger<'a>,
    s: &'a Value,
    at: &str,
    depth: usize,
) -> Option<HashSet<String>> {
    let mut out = HashSet::new();
    let mut heights = HashMap::new();
    names_below(sw, s, at, depth, &mut heights, &mut out)?;
    Some(out)
}

/// Adds the names below `s` to `out`; returns the longest `allOf` path below it.
fn names_below<'a>(
    sw: &Swagger<'a>,
    s: &'a Value,
    at: &str,
    depth: usize,
    heights: &mut HashMap<String, usize>,
    out: &mut HashSet<String>,
) -> Option<usize> {
    if depth > 16 {
        return None;
    }
    if let Some(m) = s.get("properties").and_then(Value::as_object) {
        out.extend(m.keys().cloned());
    }
    let mut height = 0;
    if let Some(all) = s.get("allOf").and_then(Value::as_array) {
        for (i, part) in all.iter().enumerate() {
            let (r, rp) = sw.resolve(part, &join_index(&join(at, "allOf"), i)).ok()?;
            let h = match heights.get(&rp) {
                Some(&h) if depth + 1 + h > 16 => return None,
                Some(&h) => h,
                None => {
                    let h = names_below(sw, r, &rp, depth + 1, heights, out)?;
                    heights.insert(rp, h);
                    h
                }
            };
            height = height.max(h + 1);
        }
    }
    Some(height)
}

crate::declare_code! {
    /// A name in `required` is not one of the schema's `properties`
    ///
    /// ### Why
    /// Every name listed in `required` must be defined under `properties` (or in an `allOf` part).
    /// A leftover name after a rename makes the platform demand a field users cannot fill.
    ///
    /// ### Example
    /// Bad: `{"required": ["id"], "properties": {"ID": {"type": "string"}}}`
    /// Good: `{"required": ["ID"], "properties": {"ID": {"type": "string"}}}`
    pub(crate) static REQUIRED_PROPERTY_DEFINITION_MISSING: Rule {
        code: "RequiredPropertyDefinitionMissing",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(sw) = cx.swagger.as_ref() else {
        return;
    };
    for n in nodes(cx).iter().filter(|n| n.is_schema()) {
        let Some(req) = n.get("required").and_then(Value::as_array) else {
            continue;
        };
        // Open schemas (dynamic or additionalProperties) may get their properties at run time.
        if n.get("properties").is_none()
            && (n.get("x-ms-dynamic-schema").is_some()
                || n.get("x-ms-dynamic-properties").is_some()
                || n.get("allOf").is_none())
        {
            continue;
        }
        let Some(names) = property_names(sw, n.value, &n.pointer, 0) else {
            continue;
        };
        for (i, r) in req.iter().enumerate() {
            if let Some(name) = r.as_str()
                && !names.contains(name)
            {
                sink.emit(
                    join_index(&n.at("required"), i),
                    format!("'{name}' is required but not defined in `properties`"),
                );
            }
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
    fn required_name_without_property() {
        let def = with_def(
            json!({"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string"}}}),
        );
        // The Bad example: names compare with case.
        let bad = with_def(json!({"required": ["id"], "properties": {"ID": {"type": "string"}}}));
        // Properties from allOf parts count.
        let def_2 =
            with_def(json!({"allOf": [{"$ref": "#/definitions/Task"}], "required": ["id"]}));
        Tester::new(
            &REQUIRED_PROPERTY_DEFINITION_MISSING,
            vec![def_2],
            vec![
                fail(def).at(["/definitions/X/required/1"]).then(|f| {
                    assert_eq!(
                        f[0].message,
                        "'name' is required but not defined in `properties`"
                    );
                }),
                fail(bad).at(["/definitions/X/required/0"]),
            ],
        )
        .test();
    }
}
