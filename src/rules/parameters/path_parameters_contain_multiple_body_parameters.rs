use super::*;

def_rule!(
    PATH_PARAMETERS_CONTAIN_MULTIPLE_BODY_PARAMETERS,
    "PathParametersContainMultipleBodyParameters",
    Error,
    ALL,
    "More than one body parameter at path-item level",
    "A request has one body. Keep a single `in: body` parameter (on the path item or on each \
operation).",
    |cx, sink| {
        for list in path_level(cx) {
            for (p, _, _) in list.iter().filter(|x| x.2 == Some("body")).skip(1) {
                sink.emit(p.clone(), "path item has more than one body parameter");
            }
        }
    }
);
