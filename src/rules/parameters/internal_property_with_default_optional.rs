use super::*;

def_rule!(
    INTERNAL_PROPERTY_WITH_DEFAULT_OPTIONAL,
    "InternalPropertyWithDefaultOptional",
    Warning,
    ALL,
    "An internal parameter with a `default` that is not required",
    "Users never see an `internal` parameter, so nobody fills it in; if it is optional the \
designer leaves it out and its `default` is never sent. Mark it `\"required\": true` so the \
default always goes out (or remove it if the service does not need it).\n\nBad: `{\"name\": \
\"api-version\", \"in\": \"query\", \"default\": \"2024-01-01\", \"x-ms-visibility\": \
\"internal\"}`  Good: the same with `\"required\": true`.",
    |cx, sink| {
        for (ptr, v) in written(cx) {
            if s(v, "in") != Some("body")
                && internal(v)
                && v.get("default").is_some()
                && !is_true(v, "required")
            {
                sink.emit(
                    ptr,
                    format!(
                        "internal parameter '{}' has a default but is optional",
                        s(v, "name").unwrap_or("?")
                    ),
                );
            }
        }
    }
);
