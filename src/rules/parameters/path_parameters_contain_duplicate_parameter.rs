use super::*;

def_rule!(
    PATH_PARAMETERS_CONTAIN_DUPLICATE_PARAMETER,
    "PathParametersContainDuplicateParameter",
    Error,
    ALL,
    "Two path-item-level parameters share both `name` and `in`",
    "Parameters written on the path item apply to all its operations; the same (name, in) pair \
twice is ambiguous. Keep one.",
    |cx, sink| {
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
);
