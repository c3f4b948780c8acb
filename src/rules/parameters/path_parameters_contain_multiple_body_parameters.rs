use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// More than one body parameter at path-item level
    ///
    /// ### Why
    /// A request has one body. Keep a single `in: body` parameter (on the path item or on each
    /// operation).
    ///
    /// ### Example
    /// Bad: `"/p": {"parameters": [{"name": "a", "in": "body", …}, {"name": "b", "in": "body", …}]}`
    /// Good: `"/p": {"parameters": [{"name": "body", "in": "body", "schema": {"properties": {"a": {…},
    /// "b": {…}}}}]}`
    pub(crate) static PATH_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS: Rule {
        code: "PathParametersContainMultipleBodyParameters",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for list in path_level(cx) {
        for (p, _, _) in list.iter().filter(|x| x.2 == Some("body")).skip(1) {
            sink.emit(p.clone(), "path item has more than one body parameter");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn two_bodies_on_the_path_item() {
        Tester::new(
            &PATH_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS,
            vec![minimal()],
            vec![fail(path_level_def()).at(["/paths/~1p/parameters/3"])],
        )
        .test();
    }
}
