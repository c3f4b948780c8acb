use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// Two path-item-level parameters share both `name` and `in`
    ///
    /// ### Why
    /// Parameters written on the path item apply to all its operations; the same (name, in) pair
    /// twice is ambiguous. Keep one.
    ///
    /// ### Example
    /// Bad: `"/p": {"parameters": [{"$ref": "#/parameters/Q"}, {"name": "q", "in": "query", …}]}`, where
    /// `#/parameters/Q` is also the query parameter `q`
    /// Good: `"/p": {"parameters": [{"$ref": "#/parameters/Q"}]}`
    pub(crate) static PATH_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER: Rule {
        code: "PathParametersContainDuplicateParameter",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for list in path_level(cx) {
        let mut seen = HashSet::new();
        for (p, n, l) in list {
            if let (Some(n), Some(l)) = (n, l)
                && !seen.insert((n, l))
            {
                sink.emit(
                    p,
                    format!("path item has two parameters named '{n}' in {l}"),
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
    fn ref_and_inline_copy() {
        Tester::new(
            &PATH_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER,
            vec![minimal()],
            vec![fail(path_level_def()).at(["/paths/~1p/parameters/1"])],
        )
        .test();
    }
}
