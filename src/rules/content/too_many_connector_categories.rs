use super::*;

pub static TOO_MANY_CONNECTOR_CATEGORIES: Rule = Rule {
    code: "TooManyConnectorCategories",
    severity: Severity::Error,
    gate: crate::core::Gate::Pipeline,
    microsoft: None,
    profiles: Profiles::CERTIFICATION,
    file: FileKind::Definition,
    summary: "More than two connector categories",
    explanation: "A connector may be listed under at most two categories. Keep the two that \
describe it best.",
    source: CS,
    check: |cx, sink| {
        if let Some((ptr, list)) = categories(cx)
            && list.len() > MAX_CATEGORIES
        {
            sink.emit(
                ptr,
                format!(
                    "{} categories are listed; at most {MAX_CATEGORIES} are allowed",
                    list.len()
                ),
            );
        }
    },
};
