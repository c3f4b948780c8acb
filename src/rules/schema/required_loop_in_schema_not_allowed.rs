use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Required properties form a reference cycle
    ///
    /// ### Why
    /// If A requires a property of type B and B requires a property of type A, no finite value
    /// satisfies the schema. Make one link of the cycle optional (recursive structures such as
    /// trees are fine when the recursive property is optional or an array).
    ///
    /// ### Example
    /// Bad: `A` requires `b` of type `#/definitions/B`, and `B` requires `a` of type `#/definitions/A`
    /// Good: one of the two properties optional (left out of `required`)
    pub(crate) static REQUIRED_LOOP_IN_SCHEMA_NOT_ALLOWED: Rule {
        code: "RequiredLoopInSchemaNotAllowed",
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
    let Some(defs) = sw.root.get("definitions").and_then(Value::as_object) else {
        return;
    };
    let mut walk = RequiredWalk {
        reported: HashSet::new(),
        acyclic: HashSet::new(),
        budget: REQUIRED_WALK_BUDGET,
    };
    for (k, v) in defs {
        let start = join("/definitions", k);
        let mut stack: Vec<String> = Vec::new();
        required_cycles_inner(sw, v, &start, &mut stack, &mut walk, sink, 0);
    }
}

/// Schemas the required-cycle search may step through per connector. Schemas whose required
/// links lead to no cycle are remembered and never walked again, so only schemas on cycles
/// are walked more than once; the budget bounds documents with exponentially many cycles
/// (every one of those schemas is also reported by BodySchemaCountExceedsMaxAllowed).
const REQUIRED_WALK_BUDGET: usize = 1_000_000;

struct RequiredWalk {
    /// Cycles reported (their schemas, sorted).
    reported: HashSet<String>,
    /// Schemas from which no chain of required links loops (or goes past the depth cut).
    acyclic: HashSet<String>,
    budget: usize,
}

/// Depth-first over "required" links. The stack alternates schema pointers and the pointers
/// of the `required` entries linking them; only schema pointers count for cycle detection.
fn required_cycles_inner<'a>(
    sw: &Swagger<'a>,
    s: &'a Value,
    at: &str,
    stack: &mut Vec<String>,
    walk: &mut RequiredWalk,
    sink: &mut Sink<'_>,
    depth: usize,
) -> bool {
    if depth > 32 || walk.budget == 0 {
        return false;
    }
    walk.budget -= 1;
    let Ok((s, ptr)) = sw.resolve(s, at) else {
        return true;
    };
    if walk.acyclic.contains(&ptr) {
        return true;
    }
    let schemas: Vec<&String> = stack.iter().step_by(2).collect();
    if let Some(pos) = schemas.iter().position(|p| **p == ptr) {
        let mut cycle: Vec<String> = schemas[pos..].iter().map(|s| s.to_string()).collect();
        cycle.sort();
        if walk.reported.insert(cycle.join("|"))
            && let Some(link) = stack.last()
        {
            sink.emit(
                link.clone(),
                format!("required properties loop back to {ptr}: make one link optional"),
            );
        }
        return false;
    }
    let (Some(req), Some(props)) = (
        s.get("required").and_then(Value::as_array),
        s.get("properties").and_then(Value::as_object),
    ) else {
        walk.acyclic.insert(ptr);
        return true;
    };
    let mut acyclic = true;
    for (i, name) in req.iter().enumerate() {
        let Some(name) = name.as_str() else { continue };
        let Some(child) = props.get(name) else {
            continue;
        };
        stack.push(ptr.clone());
        stack.push(join_index(&join(&ptr, "required"), i));
        let child_at = join(&join(&ptr, "properties"), name);
        acyclic &= required_cycles_inner(sw, child, &child_at, stack, walk, sink, depth + 1);
        stack.pop();
        stack.pop();
    }
    if acyclic {
        walk.acyclic.insert(ptr);
    }
    acyclic
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn required_loops() {
        Tester::new(
            &REQUIRED_LOOP_IN_SCHEMA_NOT_ALLOWED,
            vec![
                // Optional recursion (a tree) is fine.
                patch(
                    minimal(),
                    json!({"definitions": {
                    "A": {"type": "object", "properties": {"child": {"$ref": "#/definitions/A"}}}}}),
                ),
            ],
            vec![
                fail(patch(
                    minimal(),
                    json!({"definitions": {
                    "A": {"type": "object", "required": ["b"], "properties": {"b": {"$ref": "#/definitions/B"}}},
                    "B": {"type": "object", "required": ["a"], "properties": {"a": {"$ref": "#/definitions/A"}}}}}),
                ))
                .count(1)
                .then(|f| assert!(f[0].pointer.ends_with("/required/0"), "{f:?}")),
            ],
        )
        .test();
    }
}
