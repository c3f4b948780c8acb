use super::*;

def_rule!(
    CONNECTION_ID_PARAMETER_NOT_ALLOWED,
    "ConnectionIdParameterNotAllowed",
    Error,
    ALL,
    "A parameter is named `connectionId`",
    "`connectionId` is filled in by the runtime for every call; a parameter of that name \
collides with it. Rename the parameter (the name sent on the wire can stay in the path or \
query via a different parameter name only if the service allows it). The comparison ignores \
case.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "name").is_some_and(|n| n.eq_ignore_ascii_case("connectionId")) {
                sink.emit(
                    join(&ptr, "name"),
                    "the parameter name 'connectionId' is reserved",
                );
            }
        }
    }
);
