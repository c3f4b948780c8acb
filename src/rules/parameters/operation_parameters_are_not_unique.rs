use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The same parameter entry appears twice in one `parameters` list
    ///
    /// ### Why
    /// A parameter list must not repeat an identical entry (typically the same `$ref` written
    /// twice). Remove the copy.
    ///
    /// ### Example
    /// Bad: `"parameters": [{"$ref": "#/parameters/Q"}, {"$ref": "#/parameters/Q"}]`
    /// Good: `"parameters": [{"$ref": "#/parameters/Q"}]`
    pub(crate) static OPERATION_PARAMETERS_ARE_NOT_UNIQUE: Rule {
        code: "OperationParametersAreNotUnique",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let Some(root) = cx.connector.definition_value() else {
        return;
    };
    let Some(paths) = root.get("paths").and_then(Value::as_object) else {
        return;
    };
    for (path, item) in paths {
        let pp = join("/paths", path);
        for m in crate::model::swagger::METHODS {
            let Some(list) = item
                .get(m)
                .and_then(|o| o.get("parameters"))
                .and_then(Value::as_array)
            else {
                continue;
            };
            for i in super::super::schema::duplicates(list) {
                sink.emit(
                    format!("{}/{i}", join(&join(&pp, m), "parameters")),
                    "this parameter entry is a duplicate of an earlier one",
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

    #[test]
    fn same_ref_twice() {
        Tester::new(
            &OPERATION_PARAMETERS_ARE_NOT_UNIQUE,
            vec![minimal()],
            vec![fail(path_level_def()).at(["/paths/~1p/post/parameters/1"])],
        )
        .test();
    }
}
